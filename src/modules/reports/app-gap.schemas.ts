/** The app-versus-API gap: does an assistant's API answer like its consumer app on this workspace's prompts? */
import { z } from 'zod';
import { uuid } from '../common.schemas.js';
import { appGapReportExample } from './reports.examples.js';
import {
  brandFields,
  csv,
  envelopeFields,
  filterFields,
  format,
  interval,
  proportion,
  share,
} from './reports.schemas.js';

export const GAP_VERDICTS = ['stand_in', 'not_stand_in', 'inconclusive'] as const;

export const appGapQuery = z
  .object({
    ...filterFields,
    apiConfigIds: csv(uuid)
      .optional()
      .describe(
        'API configurations to compare (with appConfigIds), as one pair named after the app configurations’ assistant. Without them every configuration is paired by assistant (docs/statistics.md#app-versus-api-gap)',
      ),
    appConfigIds: csv(uuid).optional().describe('App configurations to compare with apiConfigIds'),
    maxGap: z.coerce
      .number()
      .gt(0)
      .lt(1)
      .default(0.1)
      .describe('Largest difference (absolute, 0.1 = 10 points) that still counts as a good stand-in'),
    minAnswers: z.coerce
      .number()
      .int()
      .min(1)
      .max(100_000)
      .default(30)
      .describe('Answers each surface needs on the shared prompts before the API can be called a good stand-in'),
    alpha: z.coerce.number().gt(0).lt(0.5).default(0.05).describe('Significance level, after adjustment'),
    adjust: z
      .enum(['holm', 'bh', 'none'])
      .default('holm')
      .describe('Multiple-comparison adjustment across every brand and domain of every assistant in the report'),
    top: z.coerce
      .number()
      .int()
      .min(1)
      .max(100)
      .default(20)
      .describe('Domains compared per assistant, most cited first'),
    format,
  })
  .strict()
  .refine((q) => !q.apiConfigIds === !q.appConfigIds, {
    message: 'give apiConfigIds and appConfigIds together',
    path: ['appConfigIds'],
  })
  .refine((q) => !q.apiConfigIds || !q.appConfigIds || !q.apiConfigIds.some((id) => q.appConfigIds?.includes(id)), {
    message: 'a configuration cannot be on both surfaces',
    path: ['appConfigIds'],
  });

export type AppGapQuery = z.infer<typeof appGapQuery>;

const configRef = z.object({
  modelConfigId: uuid,
  modelConfigName: z.string(),
  provider: z.string(),
  model: z.string(),
});

const surface = z.object({
  configs: z
    .array(configRef)
    .describe('The surface’s configurations with answers in scope (every paired one when none has, or those given)'),
  answers: z.number().int().describe('Successful analysed answers on the matched prompts'),
  failed: z.number().int().describe('Failed answers on the matched prompts, in no denominator'),
});

const testFields = {
  difference: z.object({
    value: z.number().nullable().describe('app − API, in proportion points'),
    ci95: interval.nullable(),
  }),
  test: z.enum(['z', 'fisher', 'none']),
  statistic: z.number().nullable().describe('z statistic (z-tests only)'),
  pValue: z.number().nullable().describe('Two-sided p-value, unadjusted'),
  pValueAdjusted: z.number().nullable(),
  significant: z.boolean().describe('pValueAdjusted < alpha'),
};

export const appGapBrand = z.object({
  ...brandFields,
  api: proportion.describe('Mention rate on the API surface'),
  app: proportion.describe('Mention rate in the app'),
  ...testFields,
});

export const appGapDomain = z.object({
  domain: z.string(),
  api: share.describe('The domain’s share of the API surface’s citations (annotations and links)'),
  app: share.describe('The domain’s share of the app’s citations'),
  citingAnswers: z.object({ api: z.number().int(), app: z.number().int() }).describe('Answers citing the domain'),
  ...testFields,
});

const largestGap = z
  .object({
    kind: z.enum(['brand', 'domain']),
    name: z.string(),
    difference: z.number(),
    pValueAdjusted: z.number().nullable(),
    significant: z.boolean(),
  })
  .nullable();

export const appGapAssistant = z.object({
  assistant: z.string().describe('chatgpt, gemini, claude, perplexity… (or the app configurations’ assistant)'),
  matchedPrompts: z.number().int().describe('Prompts with analysed answers on both surfaces; only these count'),
  apiOnlyPrompts: z.number().int().describe('Prompts answered on the API surface only (left out)'),
  appOnlyPrompts: z.number().int().describe('Prompts answered in the app only (left out)'),
  api: surface,
  app: surface,
  verdict: z.object({
    status: z
      .enum(GAP_VERDICTS)
      .describe(
        'stand_in: no difference of maxGap or more and enough answers; not_stand_in: a significant difference of maxGap or more; inconclusive: otherwise',
      ),
    summary: z.string().describe('One line saying why'),
    largestGap: largestGap.describe('The brand or domain with the largest difference, significant ones first'),
  }),
  brands: z.array(appGapBrand),
  domains: z.array(appGapDomain),
});

export const appGapReport = z
  .object({
    ...envelopeFields,
    pairing: z.enum(['assistant', 'explicit']).describe('How configurations were paired'),
    maxGap: z.number(),
    minAnswers: z.number().int(),
    alpha: z.number(),
    adjust: z.enum(['holm', 'bh', 'none']),
    top: z.number().int(),
    assistants: z.array(appGapAssistant).describe('One per assistant with configurations on both surfaces'),
  })
  .meta({ id: 'AppGapReport', examples: [appGapReportExample] });

export type AppGapReport = z.infer<typeof appGapReport>;
export type AppGapAssistant = z.infer<typeof appGapAssistant>;
export type AppGapBrand = z.infer<typeof appGapBrand>;
export type AppGapDomain = z.infer<typeof appGapDomain>;
export type GapVerdict = (typeof GAP_VERDICTS)[number];
