import { z } from 'zod';
import { listQuery, tagList, text, timeZone, timestamp, uuid } from '../common.schemas.js';
import { auditExample } from './audits.examples.js';

const usd = z.number().positive().max(1_000_000).multipleOf(0.0001, 'at most 4 decimals');

/**
 * How many answers each prompt × configuration gets: a fixed count, or adaptive sampling, which
 * asks in waves until the own brand's mention rate is known to ±halfWidth points at 95%
 * (docs/statistics.md#adaptive-sampling). minSamples ≤ maxSamples is checked when saved.
 */
export const samplingInput = z
  .discriminatedUnion('mode', [
    z
      .object({
        mode: z.literal('fixed'),
        samplesPerPair: z.number().int().min(1).max(100).describe('Answers collected per prompt × configuration pair'),
      })
      .strict(),
    z
      .object({
        mode: z.literal('adaptive'),
        halfWidth: z
          .number()
          .min(1)
          .max(25)
          .multipleOf(0.1, 'at most one decimal')
          .describe(
            'Target precision: the 95% interval of each pair’s own-brand mention rate within ± this many points',
          ),
        minSamples: z.number().int().min(5).max(10_000).describe('Answers every pair gets (the first wave)'),
        maxSamples: z
          .number()
          .int()
          .min(5)
          .max(10_000)
          .describe('Answers a pair gets at most, whether or not its interval is narrow enough by then'),
        waveSize: z
          .number()
          .int()
          .min(1)
          .max(10_000)
          .optional()
          .describe(
            'Answers added per wave after the first; default: (maxSamples − minSamples) / 9, so at most 10 looks',
          ),
      })
      .strict(),
  ])
  .meta({
    examples: [
      { mode: 'adaptive', halfWidth: 5, minSamples: 30, maxSamples: 450, waveSize: 30 },
      { mode: 'fixed', samplesPerPair: 5 },
    ],
  });
export type SamplingInput = z.infer<typeof samplingInput>;

export const samplingDto = z
  .discriminatedUnion('mode', [
    z.object({ mode: z.literal('fixed'), samplesPerPair: z.number().int() }),
    z.object({
      mode: z.literal('adaptive'),
      halfWidth: z.number().describe('Target half-width of each pair’s 95% interval, in points'),
      minSamples: z.number().int(),
      maxSamples: z.number().int(),
      waveSize: z.number().int().describe('Answers added per wave (the default resolved)'),
      fixedDesignSamples: z
        .number()
        .int()
        .describe(
          'Answers per pair of the fixed design of the same worst-case precision (Wilson 95% at a rate of 0.5), the baseline of samples saved',
        ),
    }),
  ])
  .meta({ id: 'Sampling' });
export type SamplingDto = z.infer<typeof samplingDto>;

const auditFields = {
  name: text(200),
  promptIds: z.array(uuid).max(1_000).default([]).describe('Prompts to ask, by id'),
  promptTags: tagList
    .default([])
    .describe('Prompts carrying any of these tags are asked too (resolved when each run starts)'),
  modelConfigIds: z.array(uuid).min(1, 'must list at least one model configuration').max(50),
  samplesPerPair: z
    .number()
    .int()
    .min(1)
    .max(100)
    .optional()
    .describe('Answers collected per prompt × configuration pair (default 1); the same as sampling {mode: fixed}'),
  sampling: samplingInput
    .optional()
    .describe('Fixed or adaptive sampling; without it, samplesPerPair answers per pair'),
  schedule: z
    .string()
    .trim()
    .max(100)
    .nullable()
    .default(null)
    .describe('Cron expression (5 fields) or @daily/@weekly…; null for manual runs only'),
  timezone: timeZone.default('UTC').describe('Time zone the schedule is read in'),
  enabled: z.boolean().default(true),
  budgetPerRunUsd: usd
    .nullable()
    .default(null)
    .describe('A run whose estimate exceeds this is refused; a run stops when it spends this'),
  budgetPerMonthUsd: usd
    .nullable()
    .default(null)
    .describe('Cap on the spend of this audit’s runs per calendar month (UTC)'),
  judgeModelConfigId: uuid
    .nullable()
    .default(null)
    .describe(
      'A model configuration of this workspace that also labels the stance toward each brand in this audit’s answers, beside the rule-based scorer (docs/sentiment.md#the-model-judge); its calls count against the run’s budget. null: no judge',
    ),
};

export const auditCreate = z
  .object(auditFields)
  .strict()
  .refine((a) => a.promptIds.length > 0 || a.promptTags.length > 0, {
    message: 'give promptIds or promptTags (or both)',
    path: ['promptIds'],
  })
  .meta({
    examples: [
      {
        name: 'Weekly CRM visibility',
        promptTags: ['crm'],
        modelConfigIds: ['0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a6b'],
        samplesPerPair: 5,
        schedule: '0 6 * * 1',
        timezone: 'Europe/Paris',
      },
    ],
  });

export const auditUpdate = z
  .object({
    name: auditFields.name.optional(),
    promptIds: z.array(uuid).max(1_000).optional(),
    promptTags: tagList.optional(),
    modelConfigIds: auditFields.modelConfigIds.optional(),
    samplesPerPair: z.number().int().min(1).max(100).optional(),
    sampling: samplingInput.optional(),
    schedule: z.string().trim().max(100).nullable().optional(),
    timezone: timeZone.optional(),
    enabled: z.boolean().optional(),
    budgetPerRunUsd: usd.nullable().optional(),
    budgetPerMonthUsd: usd.nullable().optional(),
    judgeModelConfigId: uuid.nullable().optional(),
  })
  .strict()
  .meta({
    examples: [
      { schedule: '0 7 * * 1-5', timezone: 'Europe/Paris' },
      { enabled: false },
      { judgeModelConfigId: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a6c' },
    ],
  });

export const auditDto = z
  .object({
    id: uuid,
    workspaceId: uuid,
    name: z.string(),
    promptIds: z.array(uuid),
    promptTags: z.array(z.string()),
    modelConfigIds: z.array(uuid),
    samplesPerPair: z.number().int().describe('Answers per pair (fixed); for adaptive sampling, its minimum'),
    sampling: samplingDto,
    schedule: z.string().nullable(),
    timezone: z.string(),
    enabled: z.boolean(),
    nextRunAt: timestamp.nullable().describe('Next due time of the schedule, if scheduled and enabled'),
    budgetPerRunUsd: z.number().nullable(),
    budgetPerMonthUsd: z.number().nullable(),
    judgeModelConfigId: uuid
      .nullable()
      .describe('The model configuration judging stance beside the rule-based scorer; null: none'),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'Audit', examples: [auditExample] });

export const auditListQuery = listQuery;

export type AuditCreate = z.infer<typeof auditCreate>;
export type AuditUpdate = z.infer<typeof auditUpdate>;
export type AuditDto = z.infer<typeof auditDto>;
