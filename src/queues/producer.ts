/**
 * Producers: the only code that adds jobs. The API uses it to start runs; workers use it to fan
 * runs out and to hand answers to analysis.
 */
import { Queue, type ConnectionOptions, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import {
  ALERTS_QUEUE,
  ANALYSIS_QUEUE,
  MAINTENANCE_QUEUE,
  PDF_REPORTS_QUEUE,
  RUNS_QUEUE,
  STANCE_JUDGE_QUEUE,
  SUGGESTIONS_QUEUE,
  WEBHOOKS_QUEUE,
  jobIds,
  queryQueueName,
} from './names.js';
import {
  callsPerQueryJob,
  type AlertJob,
  type AnalysisJob,
  type MaintenanceJob,
  type PdfReportJob,
  type QueryJob,
  type RunJob,
  type StanceJudgeJob,
  type SuggestionJob,
  type WebhookJob,
} from './payloads.js';

export interface QueueSettings {
  connection: Redis | ConnectionOptions;
  prefix: string;
  /** Attempts for 5xx and timeouts; 429s do not use attempts up. */
  queryAttempts: number;
  queryBackoffMs: number;
  /**
   * Longest wait for Redis when adding a job. BullMQ otherwise waits for a lost connection to
   * come back, which would hang an API request; past this the add fails and the caller undoes
   * its work. Default 5 s.
   */
  addTimeoutMs?: number;
  /**
   * Each provider's global concurrency (its queue limit): a run's calls go out in jobs of several
   * when they far outnumber it (callsPerQueryJob). Without it, every call is a job of its own.
   */
  queryConcurrency?: (provider: string) => number;
  /** Connection errors of the queues (operations that need Redis fail on their own). */
  onError?: (err: Error) => void;
}

const ADD_CHUNK = 1_000;
/** Answers per analysis job: analysis stores a batch's facts in a few statements. */
export const ANALYSIS_BATCH = 250;

/**
 * Finished jobs are removed: Postgres keeps the outcome, Redis only delivers work. Removing
 * failed ones too frees their id, so recovery can hand the same work out again.
 */
const KEEP = { removeOnComplete: true, removeOnFail: true } satisfies JobsOptions;

export class Producers {
  private readonly queues = new Map<string, Queue>();

  constructor(private readonly settings: QueueSettings) {}

  queue(name: string): Queue {
    let q = this.queues.get(name);
    if (!q) {
      q = new Queue(name, { connection: this.settings.connection, prefix: this.settings.prefix });
      // Without a listener BullMQ prints connection errors to stderr on its own.
      q.on('error', this.settings.onError ?? (() => {}));
      this.queues.set(name, q);
    }
    return q;
  }

  private async withDeadline<T>(what: string, work: Promise<T>): Promise<T> {
    const ms = this.settings.addTimeoutMs ?? 5_000;
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        work,
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`Redis did not accept ${what} within ${ms} ms`)), ms);
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  async startRun(runId: string): Promise<void> {
    const job: RunJob = { type: 'start', runId };
    await this.withDeadline(
      'the run',
      this.queue(RUNS_QUEUE).add('start', job, {
        ...KEEP,
        jobId: jobIds.startRun(runId),
        attempts: 5,
        backoff: { type: 'exponential', delay: 1_000 },
      }),
    );
  }

  async runFinished(runId: string): Promise<void> {
    const job: RunJob = { type: 'finished', runId };
    await this.queue(RUNS_QUEUE).add('finished', job, {
      ...KEEP,
      jobId: jobIds.runFinished(runId),
      attempts: 5,
      backoff: { type: 'exponential', delay: 1_000 },
    });
  }

  async reanalyze(reanalysisId: string): Promise<void> {
    const job: MaintenanceJob = { type: 'reanalyze', reanalysisId };
    await this.withDeadline(
      'the re-analysis',
      this.queue(MAINTENANCE_QUEUE).add('reanalyze', job, {
        ...KEEP,
        jobId: jobIds.reanalysis(reanalysisId),
        attempts: 10,
        backoff: { type: 'exponential', delay: 1_000 },
      }),
    );
  }

  /**
   * A suggestion request to a model. Transient failures are retried a few times; the processor
   * records the final outcome in the suggestion row.
   */
  async suggest(suggestionId: string): Promise<void> {
    const job: SuggestionJob = { suggestionId };
    await this.withDeadline(
      'the suggestion request',
      this.queue(SUGGESTIONS_QUEUE).add('suggest', job, {
        ...KEEP,
        jobId: jobIds.suggestion(suggestionId),
        attempts: this.settings.queryAttempts,
        backoff: { type: 'exponential', delay: this.settings.queryBackoffMs, jitter: 0.5 },
      }),
    );
  }

  /**
   * Answers for the model judge of stance, one job each, named after the answer and the
   * definition version so the same answer is judged once per version. Transient failures are
   * retried; the processor stores the outcome per brand.
   */
  async stanceJudge(responseIds: readonly string[], definitionVersion: number): Promise<void> {
    if (responseIds.length === 0) return;
    const queue = this.queue(STANCE_JUDGE_QUEUE);
    for (let i = 0; i < responseIds.length; i += ADD_CHUNK) {
      const jobs = responseIds.slice(i, i + ADD_CHUNK).map((responseId) => {
        const data: StanceJudgeJob = { responseId, definitionVersion };
        return {
          name: 'judge',
          data,
          opts: {
            ...KEEP,
            jobId: jobIds.stanceJudge(responseId, definitionVersion),
            attempts: this.settings.queryAttempts,
            backoff: { type: 'exponential', delay: this.settings.queryBackoffMs, jitter: 0.5 },
          },
        };
      });
      await this.withDeadline('the stance judge jobs', queue.addBulk(jobs));
    }
  }

  /**
   * A PDF report to make. Retried with backoff (a database hiccup, an SMTP server down): the job
   * stores the file before emailing it, so a retry after a failed send does not render again.
   */
  async pdfReport(pdfReportId: string, attempts = 5): Promise<void> {
    const job: PdfReportJob = { pdfReportId };
    await this.withDeadline(
      'the PDF report',
      this.queue(PDF_REPORTS_QUEUE).add('pdf-report', job, {
        ...KEEP,
        jobId: jobIds.pdfReport(pdfReportId),
        attempts,
        backoff: { type: 'exponential', delay: 2_000 },
      }),
    );
  }

  /**
   * Query jobs for a run's pending answers, one bulk add per provider's queue. `answers` is the
   * run's whole list in a fixed order (or a wave's), split into consecutive chunks of
   * callsPerQueryJob; a chunk's job holds its pending answers and is named after the whole chunk,
   * so splitting the same list again (a retried start, a recovery) names the same jobs, and one
   * still queued is not added twice.
   */
  async enqueueRunAnswers(
    runId: string,
    answers: ReadonlyArray<{ id: string; provider: string; pending?: boolean }>,
  ): Promise<void> {
    const byProvider = new Map<string, Array<{ id: string; pending?: boolean }>>();
    for (const a of answers) {
      const list = byProvider.get(a.provider) ?? [];
      list.push(a);
      byProvider.set(a.provider, list);
    }
    for (const [provider, list] of byProvider) {
      const size = callsPerQueryJob(list.length, this.settings.queryConcurrency?.(provider) ?? list.length);
      const jobs: Array<{ id: string; data: QueryJob }> = [];
      for (let i = 0; i < list.length; i += size) {
        const chunk = list.slice(i, i + size);
        const pending = chunk.filter((a) => a.pending !== false).map((a) => a.id);
        if (pending.length)
          jobs.push({ id: jobIds.queryBatch(chunk.map((a) => a.id)), data: { runId, responseIds: pending } });
      }
      await this.addQueryJobs(provider, jobs);
    }
  }

  private async addQueryJobs(provider: string, jobs: Array<{ id: string; data: QueryJob }>): Promise<void> {
    const queue = this.queue(queryQueueName(provider));
    for (let i = 0; i < jobs.length; i += ADD_CHUNK) {
      await queue.addBulk(
        jobs.slice(i, i + ADD_CHUNK).map(({ id, data }) => ({
          name: 'query',
          data,
          opts: {
            ...KEEP,
            jobId: id,
            attempts: this.settings.queryAttempts,
            backoff: { type: 'exponential', delay: this.settings.queryBackoffMs, jitter: 0.5 },
          },
        })),
      );
    }
  }

  /**
   * A call of a job of several that must be tried again goes on in a job of its own, after
   * `delayMs` (by default the first step of the query backoff, jittered as BullMQ jitters it), with
   * the attempts it has left: from there it is retried like any job of one call.
   */
  async retryQueryCall(
    provider: string,
    job: QueryJob & { responseIds: [string] },
    delayMs = Math.round(this.settings.queryBackoffMs * (1 - 0.5 * Math.random())),
  ): Promise<void> {
    const used = job.priorAttempts ?? 0;
    await this.queue(queryQueueName(provider)).add('query', job, {
      ...KEEP,
      jobId: jobIds.queryBatch(job.responseIds),
      delay: delayMs,
      attempts: Math.max(1, this.settings.queryAttempts - used),
      // The job's first retry waits twice what its handing on waited, as the next step of one backoff.
      backoff: { type: 'exponential', delay: 2 * this.settings.queryBackoffMs, jitter: 0.5 },
    });
  }

  /** Hands stored answers to analysis, in jobs of at most ANALYSIS_BATCH answers. */
  async enqueueAnalysis(responseIds: string[]): Promise<void> {
    const queue = this.queue(ANALYSIS_QUEUE);
    const jobs: Array<{ name: string; data: AnalysisJob; opts: JobsOptions }> = [];
    for (let i = 0; i < responseIds.length; i += ANALYSIS_BATCH) {
      const ids = responseIds.slice(i, i + ANALYSIS_BATCH);
      jobs.push({
        name: 'analyze',
        data: { responseIds: ids },
        opts: { ...KEEP, jobId: jobIds.analysis(ids), attempts: 5, backoff: { type: 'exponential', delay: 500 } },
      });
    }
    for (let i = 0; i < jobs.length; i += ADD_CHUNK) await queue.addBulk(jobs.slice(i, i + ADD_CHUNK));
  }

  /**
   * One job per webhook delivery row (already in Postgres). Job ids are the delivery ids, so
   * handing the same delivery out twice adds one job; retries back off exponentially with jitter.
   */
  async enqueueWebhookDeliveries(deliveryIds: string[], retry: { attempts: number; backoffMs: number }): Promise<void> {
    if (!deliveryIds.length) return;
    const jobs = deliveryIds.map((deliveryId) => ({
      name: 'deliver',
      data: { deliveryId } satisfies WebhookJob,
      opts: {
        ...KEEP,
        jobId: jobIds.webhookDelivery(deliveryId),
        attempts: retry.attempts,
        backoff: { type: 'exponential', delay: retry.backoffMs, jitter: 0.5 },
      },
    }));
    const queue = this.queue(WEBHOOKS_QUEUE);
    for (let i = 0; i < jobs.length; i += ADD_CHUNK)
      await this.withDeadline('the webhook deliveries', queue.addBulk(jobs.slice(i, i + ADD_CHUNK)));
  }

  /** One job per alert delivery row (already in Postgres), under the delivery's id: handing it out twice adds one job. */
  async enqueueAlertDeliveries(deliveryIds: string[], retry: { attempts: number; backoffMs: number }): Promise<void> {
    await this.addAlertJobs(
      deliveryIds.map((deliveryId) => ({
        job: { type: 'delivery', deliveryId },
        jobId: jobIds.alertDelivery(deliveryId),
      })),
      retry,
    );
  }

  /** One job per claimed digest (digest_sends row). */
  async enqueueDigests(digestIds: string[], retry: { attempts: number; backoffMs: number }): Promise<void> {
    await this.addAlertJobs(
      digestIds.map((digestId) => ({ job: { type: 'digest', digestId }, jobId: jobIds.digest(digestId) })),
      retry,
    );
  }

  private async addAlertJobs(
    items: Array<{ job: AlertJob; jobId: string }>,
    retry: { attempts: number; backoffMs: number },
  ): Promise<void> {
    if (!items.length) return;
    const jobs = items.map(({ job, jobId }) => ({
      name: job.type,
      data: job,
      opts: {
        ...KEEP,
        jobId,
        attempts: retry.attempts,
        backoff: { type: 'exponential', delay: retry.backoffMs, jitter: 0.5 },
      },
    }));
    const queue = this.queue(ALERTS_QUEUE);
    for (let i = 0; i < jobs.length; i += ADD_CHUNK)
      await this.withDeadline('the alert deliveries', queue.addBulk(jobs.slice(i, i + ADD_CHUNK)));
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    this.queues.clear();
  }
}
