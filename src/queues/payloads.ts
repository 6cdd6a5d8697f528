/**
 * The job payload of every queue, in one typed map (jobPayloads). Payloads carry ids only: never
 * secrets, never answer text. The producer adds only these shapes, and a worker validates each
 * job against its queue's schema when it takes it (parseJobPayload), so a job written by another
 * version of Citewatch fails clearly, once, instead of half-running.
 */
import { UnrecoverableError } from 'bullmq';
import { z } from 'zod';
import {
  ALERTS_QUEUE,
  ANALYSIS_QUEUE,
  MAINTENANCE_QUEUE,
  PDF_REPORTS_QUEUE,
  RUNS_QUEUE,
  STANCE_JUDGE_QUEUE,
  SUGGESTIONS_QUEUE,
  WEBHOOKS_QUEUE,
} from './names.js';

/** The most calls one query job makes. */
export const QUERY_JOB_MAX_CALLS = 20;
/** Query jobs a large run keeps for each slot of its provider's concurrency. */
export const QUERY_JOBS_PER_SLOT = 8;

/**
 * How many of a run's calls to one provider each query job makes, one after another. A job per
 * call costs a queue round trip per call, about a quarter of the CPU of a zero-latency answer; a
 * job of several calls still keeps the provider's whole concurrency busy while the run has
 * QUERY_JOBS_PER_SLOT jobs for each slot, so only large runs get jobs of several calls.
 */
export function callsPerQueryJob(calls: number, concurrency: number): number {
  return Math.max(1, Math.min(QUERY_JOB_MAX_CALLS, Math.floor(calls / (concurrency * QUERY_JOBS_PER_SLOT))));
}

const queryJobFields = {
  runId: z.uuid(),
  /**
   * Attempts these calls used in an earlier job: a call of a job of several that must be retried
   * goes on in a job of its own, which counts on from there.
   */
  priorAttempts: z.number().int().nonnegative().optional(),
  /** Rate-limited (429) tries of this call so far; they do not use attempts up. */
  rateLimited: z.number().int().nonnegative().optional(),
};

/**
 * The answers a query job collects, one provider call each, made one after another. The form of
 * one `responseId` is what versions before jobs of several calls wrote; it is read as a job of one.
 */
export const queryJobSchema = z.union([
  z.object({ ...queryJobFields, responseIds: z.array(z.uuid()).min(1).max(QUERY_JOB_MAX_CALLS) }),
  z
    .object({ ...queryJobFields, responseId: z.uuid() })
    .transform(({ responseId, ...rest }) => ({ ...rest, responseIds: [responseId] })),
]);
export type QueryJob = z.infer<typeof queryJobSchema>;

/** A batch of stored answers to analyse (those a worker stored together). */
export const analysisJobSchema = z.object({ responseIds: z.array(z.uuid()).min(1).max(1_000) });
export type AnalysisJob = z.infer<typeof analysisJobSchema>;

export const runJobSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('start'), runId: z.uuid() }),
  z.object({ type: z.literal('finished'), runId: z.uuid() }),
]);
export type RunJob = z.infer<typeof runJobSchema>;

export const maintenanceJobSchema = z.object({ type: z.literal('reanalyze'), reanalysisId: z.uuid() });
export type MaintenanceJob = z.infer<typeof maintenanceJobSchema>;

/** One webhook delivery; the event, the receiver and its secret are read from Postgres. */
export const webhookJobSchema = z.object({ deliveryId: z.uuid() });
export type WebhookJob = z.infer<typeof webhookJobSchema>;

/** One suggestion request to a model; what to ask and the budget are read from Postgres. */
export const suggestionJobSchema = z.object({ suggestionId: z.uuid() });
export type SuggestionJob = z.infer<typeof suggestionJobSchema>;
/** One PDF report to make (and email); its period and recipients are read from Postgres. */
export const pdfReportJobSchema = z.object({ pdfReportId: z.uuid() });
export type PdfReportJob = z.infer<typeof pdfReportJobSchema>;

/** One analysed answer whose brands the model judge labels; the judge and the text are read from Postgres. */
export const stanceJudgeJobSchema = z.object({
  responseId: z.uuid(),
  definitionVersion: z.number().int().positive(),
});
export type StanceJudgeJob = z.infer<typeof stanceJudgeJobSchema>;

/** One alert delivery or one claimed digest; what to send and where is read from Postgres. */
export const alertJobSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('delivery'), deliveryId: z.uuid() }),
  z.object({ type: z.literal('digest'), digestId: z.uuid() }),
]);
export type AlertJob = z.infer<typeof alertJobSchema>;

/** Each kind of queue and its payload. `query` stands for every query-<provider> queue. */
export const jobPayloads = {
  query: queryJobSchema,
  [ANALYSIS_QUEUE]: analysisJobSchema,
  [RUNS_QUEUE]: runJobSchema,
  [MAINTENANCE_QUEUE]: maintenanceJobSchema,
  [WEBHOOKS_QUEUE]: webhookJobSchema,
  [SUGGESTIONS_QUEUE]: suggestionJobSchema,
  [ALERTS_QUEUE]: alertJobSchema,
  [PDF_REPORTS_QUEUE]: pdfReportJobSchema,
  [STANCE_JUDGE_QUEUE]: stanceJudgeJobSchema,
} as const;

export type QueueKind = keyof typeof jobPayloads;
export type JobPayload<K extends QueueKind> = z.output<(typeof jobPayloads)[K]>;

export function queueKinds(): QueueKind[] {
  return Object.keys(jobPayloads) as QueueKind[];
}

/**
 * A job's payload checked against its queue's schema. A payload that does not match fails the
 * job without retries (BullMQ's UnrecoverableError), naming the queue, the job and each problem.
 */
export function parseJobPayload<K extends QueueKind>(
  kind: K,
  job: { id?: string | undefined; queueName: string; data: unknown },
): JobPayload<K> {
  const result = jobPayloads[kind].safeParse(job.data);
  if (result.success) return result.data as JobPayload<K>;
  const problems = result.error.issues.map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`).join('; ');
  throw new UnrecoverableError(
    `job ${job.id ?? '(no id)'} on queue ${job.queueName} has an invalid payload: ${problems}`,
  );
}
