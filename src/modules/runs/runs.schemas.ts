import { z } from 'zod';
import { listQuery, tagList, timestamp, uuid } from '../common.schemas.js';
import { runExample } from './runs.examples.js';

export const runStart = z
  .object({
    auditId: uuid.optional().describe('Run this audit now. Or leave it out and give the selection inline:'),
    promptIds: z.array(uuid).max(1_000).optional(),
    promptTags: tagList.optional(),
    modelConfigIds: z.array(uuid).min(1).max(50).optional(),
    samplesPerPair: z.number().int().min(1).max(100).optional(),
    budgetUsd: z
      .number()
      .positive()
      .max(1_000_000)
      .optional()
      .describe('Cap for this run (defaults to the audit’s per-run budget)'),
  })
  .strict()
  .refine(
    (b) => b.auditId !== undefined || (b.modelConfigIds?.length && (b.promptIds?.length || b.promptTags?.length)),
    {
      message: 'give an auditId, or modelConfigIds with promptIds or promptTags',
      path: ['auditId'],
    },
  )
  .refine(
    (b) =>
      b.auditId === undefined ||
      (b.promptIds === undefined && b.promptTags === undefined && b.modelConfigIds === undefined),
    {
      message:
        'with an auditId, the selection comes from the audit: leave out promptIds, promptTags and modelConfigIds',
      path: ['auditId'],
    },
  )
  .meta({ examples: [{ auditId: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a6b' }] });

export const runStatus = z.enum(['queued', 'running', 'completed', 'completed_with_errors', 'failed', 'cancelled']);

export const runDto = z
  .object({
    id: uuid,
    workspaceId: uuid,
    auditId: uuid.nullable(),
    trigger: z.enum(['manual', 'schedule', 'api']),
    scheduledFor: timestamp.nullable(),
    status: runStatus,
    samplesPerPair: z.number().int(),
    progress: z.object({
      total: z.number().int(),
      succeeded: z.number().int(),
      failed: z.number().int(),
      cancelled: z.number().int(),
      pending: z.number().int(),
      analyzed: z.number().int().describe('Succeeded answers whose mentions and citations are stored'),
    }),
    estimatedCostUsd: z.number(),
    actualCostUsd: z.number(),
    budgetUsd: z
      .number()
      .nullable()
      .describe(
        'The run’s cap: the smaller of its own budget and what was left of its audit’s monthly budget when it started (null: no cap)',
      ),
    error: z.string().nullable(),
    createdAt: timestamp,
    startedAt: timestamp.nullable(),
    finishedAt: timestamp.nullable(),
  })
  .meta({ id: 'Run', examples: [runExample] });

export const runListQuery = listQuery.extend({ status: runStatus.optional(), auditId: uuid.optional() }).strict();
export const runParams = z.object({ workspaceId: uuid, runId: uuid }).strict();

export type RunStart = z.infer<typeof runStart>;
export type RunDto = z.infer<typeof runDto>;
export type RunListQuery = z.infer<typeof runListQuery>;
