import { z } from 'zod';
import { listQuery, tagList, text, timeZone, timestamp, uuid } from '../common.schemas.js';
import { auditExample } from './audits.examples.js';

const usd = z.number().positive().max(1_000_000).multipleOf(0.0001, 'at most 4 decimals');

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
    .default(1)
    .describe('Answers collected per prompt × configuration pair'),
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
    samplesPerPair: z.number().int(),
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
