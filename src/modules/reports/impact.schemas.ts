/** Change impact: did an event move a brand's mention rate on the prompts it should affect? */
import { z } from 'zod';
import { timestamp, uuid } from '../common.schemas.js';
import { changeEventKind } from '../events/events.schemas.js';
import { impactReportExample } from './reports.examples.js';
import { brandFields, filterFields, format, interval, proportion } from './reports.schemas.js';

export const impactQuery = z
  .object({
    eventId: uuid
      .optional()
      .describe('The event to measure (GET /events); by default the workspace’s latest event up to now'),
    windowDays: z.coerce
      .number()
      .int()
      .min(1, 'must be at least 1 day')
      .max(365, 'must be at most 365 days')
      .default(28)
      .describe('Days before and after the event compared (1–365)'),
    minEffect: z.coerce
      .number()
      .min(0.005, 'must be at least 0.005 (half a point)')
      .max(1, 'must be at most 1 (100 points)')
      .default(0.05)
      .describe(
        'The smallest change worth detecting, as a proportion (0.05 = 5 percentage points): the report says whether the data could detect it',
      ),
    brandId: uuid
      .optional()
      .describe('Measure this brand (own or competitor); by default an answer counts when it mentions any own brand'),
    providers: filterFields.providers.describe('Count only the answers of these providers (e.g. openai,assistant_app)'),
    modelConfigIds: filterFields.modelConfigIds.describe('Count only the answers of these model configurations'),
    format,
  })
  .strict();
export type ImpactQuery = z.infer<typeof impactQuery>;

const group = z.object({
  prompts: z.number().int().describe('Prompts with at least one answer in this group'),
  rate: proportion.describe('Answers mentioning the brand / successful analysed answers, with the 95% Wilson interval'),
});

export const IMPACT_VERDICTS = ['effect', 'no-detectable-effect', 'underpowered'] as const;

export const impactReport = z
  .object({
    definitionVersion: z.number().int(),
    event: z.object({
      id: uuid,
      kind: changeEventKind,
      occurredAt: timestamp,
      title: z.string().nullable(),
      promptIds: z.array(uuid),
      promptTags: z.array(z.string()),
    }),
    brands: z.array(z.object(brandFields)).describe('An answer counts as mentioning when it names any of these brands'),
    filters: z
      .object({ providers: z.array(z.string()).optional(), modelConfigIds: z.array(uuid).optional() })
      .describe('The providers and configurations the answers were taken from; empty when every answer counts'),
    windowDays: z.number().int(),
    minEffect: z.number(),
    windows: z.object({
      before: z.object({ from: timestamp, to: timestamp }),
      after: z.object({ from: timestamp, to: timestamp }),
      afterComplete: z.boolean().describe('false while the after window has not ended: more answers may come'),
    }),
    groups: z
      .object({
        affectedBefore: group,
        affectedAfter: group,
        unaffectedBefore: group,
        unaffectedAfter: group,
      })
      .describe('The four groups of the difference in differences, with their answers (rate.n)'),
    estimate: z
      .number()
      .nullable()
      .describe(
        '(affected after − affected before) − (unaffected after − unaffected before), as a proportion; null when a group has no answer',
      ),
    ci95: interval
      .nullable()
      .describe('95% interval of the estimate (Student t with prompts − 2 degrees of freedom, prompt-clustered)'),
    pValue: z.number().nullable().describe('Two-sided p-value of "no difference"'),
    standardError: z.number().nullable().describe('Cluster-robust standard error, prompts as clusters'),
    binomialStandardError: z
      .number()
      .nullable()
      .describe('The standard error if every answer were independent, for comparison'),
    df: z.number().int().nullable().describe('Degrees of freedom: prompts with answers − 2'),
    power: z
      .number()
      .nullable()
      .describe('Chance that this data detects a true change of minEffect (two-sided, 5% level)'),
    minimumDetectableEffect: z
      .number()
      .nullable()
      .describe('The smallest true change this data detects with 80% power, as a proportion'),
    verdict: z
      .enum(IMPACT_VERDICTS)
      .describe(
        'effect: p < 0.05; no-detectable-effect: p ≥ 0.05 and the data had at least 80% power at minEffect; underpowered: neither, or no estimate',
      ),
    summary: z.string().describe('The verdict in one plain sentence'),
  })
  .meta({ id: 'ImpactReport', examples: [impactReportExample] });

export type ImpactReport = z.infer<typeof impactReport>;
