import { z } from 'zod';
import { samplingDto } from '../audits/audits.schemas.js';
import { listQuery, tagList, timestamp, uuid } from '../common.schemas.js';
import { runExample, runPrecisionExample, stanceAgreementExample } from './runs.examples.js';

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
    samplesPerPair: z
      .number()
      .int()
      .describe('Answers per pair (fixed); for adaptive sampling, the first wave (minSamples)'),
    sampling: samplingDto.describe(
      'How the run samples; adaptive runs report their precision at …/runs/{runId}/precision',
    ),
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

const labelCounts = z.object({ positive: z.number().int(), neutral: z.number().int(), negative: z.number().int() });

export const stanceAgreementDto = z
  .object({
    runId: uuid,
    definitionVersion: z.number().int().describe('Version of the stance definition the judge was asked under'),
    judged: z.number().int().describe('Brand labels the model judge gave in this run’s answers'),
    agreed: z
      .number()
      .int()
      .describe('Of those, how many equal the rule-based label of the same brand in the same answer'),
    agreementRate: z.number().nullable().describe('agreed / judged; null when nothing was judged'),
    interval: z
      .object({ low: z.number(), high: z.number() })
      .nullable()
      .describe('95% Wilson interval of agreementRate'),
    kappa: z
      .number()
      .nullable()
      .describe('Cohen’s kappa between the judge and the rule-based scorer (agreement beyond chance)'),
    failed: z.number().int().describe('Brand labels the judge could not give (call failed or answer unreadable)'),
    refused: z.number().int().describe('Brand labels not asked for because the run’s budget would have been exceeded'),
    costUsd: z.number().describe('What the judge’s calls cost in this run (included in the run’s actualCostUsd)'),
    confusion: z
      .object({ positive: labelCounts, neutral: labelCounts, negative: labelCounts })
      .describe('confusion[judge label][rule-based label]: brand labels per pair'),
  })
  .meta({ id: 'StanceAgreement', examples: [stanceAgreementExample] });

export type StanceAgreementDto = z.infer<typeof stanceAgreementDto>;

const cellPrecision = z.object({
  promptId: uuid,
  promptText: z.string(),
  modelConfigId: uuid,
  modelConfigName: z.string(),
  planned: z.number().int().describe('Answers asked for so far'),
  answers: z
    .number()
    .int()
    .nullable()
    .describe(
      'Answers that came back at the cell’s last look (failed calls are not counted); null before its first look',
    ),
  mentioned: z.number().int().nullable().describe('Of those, answers naming an own brand'),
  mentionRate: z.number().nullable().describe('mentioned / answers'),
  interval: z
    .object({ low: z.number(), high: z.number() })
    .nullable()
    .describe(
      'The 95% interval of the mention rate, valid although the cell stopped on its data (docs/statistics.md#adaptive-sampling)',
    ),
  halfWidth: z.number().nullable().describe('Half the interval’s width, in points'),
  waves: z.number().int().describe('Waves asked so far'),
  stopReason: z
    .enum(['precision', 'max_samples', 'budget', 'failures', 'cancelled'])
    .nullable()
    .describe(
      'precision: the target was reached; max_samples: it got maxSamples; budget: the run reached its budget; failures: a wave brought no answer back; cancelled: the run was cancelled; null: still sampling',
    ),
});

export const runPrecisionDto = z
  .object({
    runId: uuid,
    sampling: samplingDto,
    cells: z.array(cellPrecision).describe('One per prompt × configuration'),
    summary: z.object({
      cells: z.number().int(),
      stopped: z.number().int(),
      reachedTarget: z
        .number()
        .int()
        .nullable()
        .describe('Cells whose interval is within ±halfWidth; null for a fixed run (no target)'),
      calls: z.number().int().describe('Answers asked for (planned) over every cell'),
      fixedDesignCalls: z
        .number()
        .int()
        .describe(
          'cells × sampling.fixedDesignSamples: what the fixed design of the same worst-case precision asks for',
        ),
      samplesSaved: z.number().int().describe('fixedDesignCalls − calls (negative when adaptive asked for more)'),
      ratio: z.number().nullable().describe('fixedDesignCalls / calls'),
      worstHalfWidth: z.number().nullable().describe('The widest half-width of any cell, in points'),
    }),
  })
  .meta({ id: 'RunPrecision', examples: [runPrecisionExample] });
export type RunPrecisionDto = z.infer<typeof runPrecisionDto>;
