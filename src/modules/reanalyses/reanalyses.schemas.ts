import { z } from 'zod';
import { instant, listQuery, timestamp, uuid } from '../common.schemas.js';
import { reanalysisExample } from './reanalyses.examples.js';

export const reanalysisCreate = z
  .object({
    runId: uuid.optional().describe('Only the answers of this run'),
    from: instant.optional().describe('Only answers collected at or after this instant'),
    to: instant.optional().describe('Only answers collected before this instant'),
  })
  .strict()
  .refine((r) => !r.from || !r.to || Date.parse(r.from) < Date.parse(r.to), {
    message: 'from must be before to',
    path: ['from'],
  })
  .meta({ examples: [{}, { from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z' }] });

export const reanalysisDto = z
  .object({
    id: uuid,
    workspaceId: uuid,
    runId: uuid.nullable(),
    from: timestamp.nullable(),
    to: timestamp.nullable(),
    status: z.enum(['queued', 'running', 'completed', 'failed']),
    progress: z.object({ total: z.number().int(), done: z.number().int() }),
    error: z.string().nullable(),
    createdAt: timestamp,
    startedAt: timestamp.nullable(),
    finishedAt: timestamp.nullable(),
  })
  .meta({ id: 'Reanalysis', examples: [reanalysisExample] });

export const reanalysisParams = z.object({ workspaceId: uuid, reanalysisId: uuid }).strict();
export const reanalysisListQuery = listQuery;

export type ReanalysisCreate = z.infer<typeof reanalysisCreate>;
export type ReanalysisDto = z.infer<typeof reanalysisDto>;
