import { createHash } from 'node:crypto';

/**
 * The API↔worker contract: queue names and job ids. Job ids are deterministic, so adding the
 * same work twice is a no-op while the first job exists, and a processor that finds its work
 * already done simply returns. Ids use "__" as separator, never ":" (BullMQ's key separator).
 */

/** One queue per provider, so each provider's rate limit holds across every worker process. */
export function queryQueueName(provider: string): string {
  return `${QUERY_QUEUE_PREFIX}${provider}`;
}

/** The provider whose calls a query queue holds (the inverse of queryQueueName). */
export function queryQueueProvider(queueName: string): string {
  if (!queueName.startsWith(QUERY_QUEUE_PREFIX)) throw new Error(`${queueName} is not a query queue`);
  return queueName.slice(QUERY_QUEUE_PREFIX.length);
}

const QUERY_QUEUE_PREFIX = 'query-';

export const ANALYSIS_QUEUE = 'analysis';
/** Run lifecycle: fanning a run out into query jobs, and follow-ups once a run finishes. */
export const RUNS_QUEUE = 'runs';
/** Background work on stored data: re-analysis. */
export const MAINTENANCE_QUEUE = 'maintenance';
/** Webhook deliveries: one job per delivery row, retried with backoff until the receiver answers 2xx. */
export const WEBHOOKS_QUEUE = 'webhooks';
/** Alert deliveries (email and Slack) and digests: one job per delivery row or digest claim, retried with backoff. */
export const ALERTS_QUEUE = 'alerts';
/** Suggested competitors and prompts asked of a model: one job per suggestion row. */
export const SUGGESTIONS_QUEUE = 'suggestions';
/** PDF reports: one job per report, rendered, stored, then emailed to its recipients. */
export const PDF_REPORTS_QUEUE = 'pdf-reports';
/** The model judge of stance: one job per analysed answer of an audit that has a judge. */
export const STANCE_JUDGE_QUEUE = 'stance-judge';

function digest(ids: readonly string[]): string {
  return createHash('sha256').update(ids.join(',')).digest('hex').slice(0, 32);
}

export const jobIds = {
  query: (responseId: string) => `q__${responseId}`,
  /**
   * A job of several calls, named after its chunk of the run's answers (Producers.enqueueRunAnswers):
   * a retried start or a recovery adds the same jobs again, once. A chunk of one is named as a call's job.
   */
  queryBatch: (responseIds: readonly string[]) =>
    responseIds.length === 1 ? `q__${responseIds[0]}` : `qb__${digest(responseIds)}`,
  /** Named after the batch's content, so handing out the same batch twice adds one job. */
  analysis: (responseIds: string[]) => `a__${digest(responseIds)}`,
  startRun: (runId: string) => `start__${runId}`,
  runFinished: (runId: string) => `finished__${runId}`,
  reanalysis: (reanalysisId: string) => `reanalyze__${reanalysisId}`,
  webhookDelivery: (deliveryId: string) => `wh__${deliveryId}`,
  suggestion: (suggestionId: string) => `sg__${suggestionId}`,
  alertDelivery: (deliveryId: string) => `al__${deliveryId}`,
  digest: (digestId: string) => `dg__${digestId}`,
  pdfReport: (reportId: string) => `pdf__${reportId}`,
  /** Once per answer and definition version: the judge's labels are stored per (answer, brand, version). */
  stanceJudge: (responseId: string, definitionVersion: number) => `sj__${responseId}__v${definitionVersion}`,
};
