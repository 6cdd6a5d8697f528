/**
 * Query jobs: one provider call per response, a large run's calls several to a job (made one
 * after another). The retry policy lives here, once for every
 * provider, driven by how the adapter classified the failure (never by message text):
 * - rate_limited (429): the job is delayed for Retry-After (or a backoff that grows with each 429)
 *   without using an attempt, and gives its slot back, so the provider queue's other jobs go on;
 * - transient (5xx, 529, timeout): BullMQ retries with exponential backoff and jitter until the
 *   attempts run out, then the response is stored as failed with the last reason;
 * - permanent (other 4xx, quota): stored as failed at once, with the provider's message.
 * A call of a job of several that is to be tried again (a 429, a transient failure) goes on in a
 * job of its own, so the other calls of its job do not wait for it or repeat.
 * A response that is no longer pending (done, cancelled, duplicate job) is left alone.
 */
import { DelayedError, type Job } from 'bullmq';
import type { Logger } from '../src/lib/logger.js';
import { Batcher } from '../src/lib/batcher.js';
import { analyseAhead, BrandMatcherCache } from '../src/modules/responses/analysis.service.js';
import { enqueueStanceJudging } from '../src/modules/stance-judge/stance-judge.service.js';
import { advanceAdaptiveRuns } from '../src/modules/runs/runs.adaptive.js';
import {
  loadQueryWork,
  storeOutcomes,
  stopRunAtBudget,
  type Outcome,
  type QueryWork,
  type StoreResult,
} from '../src/modules/responses/pipeline.repo.js';
import { getAdapter } from '../src/providers/registry.js';
import {
  ProviderError,
  type ModelParams,
  type ProviderCredentials,
  type ProviderName,
} from '../src/providers/types.js';
import type { QueryJob } from '../src/queues/payloads.js';
import { CallAllowances } from '../src/queues/limits.js';
import { queryQueueProvider } from '../src/queues/names.js';
import { providerLimit } from '../src/providers/deployment.js';
import type { WorkerDeps } from '../src/deps.js';

/** After this many consecutive 429s a call is given up, so a provider that never recovers cannot hold a run forever. */
const MAX_RATE_LIMITED = 100;

/** A job's result: its one call's outcome, or how many of its calls came to each. */
function summarize(outcomes: string[]): string {
  if (outcomes.length === 1) return outcomes[0] as string;
  const counts = new Map<string, number>();
  for (const o of outcomes) counts.set(o, (counts.get(o) ?? 0) + 1);
  return [...counts].map(([o, n]) => `${n} ${o}`).join('; ');
}

/** How long a rate-limited call waits: the provider's Retry-After, else 1 s doubling with each 429, up to a minute. */
function rateLimitWait(retryAfterMs: number | null | undefined, seen: number): number {
  return Math.max(retryAfterMs ?? Math.min(1_000 * 2 ** (seen - 1), 60_000), 10);
}

export interface QueryProcessorOptions {
  credentials(provider: ProviderName, workspaceId: string, params: ModelParams): Promise<ProviderCredentials>;
  /** The fetch this provider's calls go through (a guarded one for user-chosen endpoints), or undefined for the default. */
  fetchFor(provider: ProviderName): typeof fetch | undefined;
  knownBrands(workspaceId: string, version: number): Promise<string[]>;
  onRunsFinished(runIds: string[]): Promise<void>;
  /** Told of every provider call, for latency and error metrics. */
  observeCall?(provider: ProviderName, seconds: number, failure?: { kind: string; status: number | null }): void;
}

export function createQueryProcessor(deps: WorkerDeps, opts: QueryProcessorOptions) {
  const { pool } = deps.db;
  const loader = new Batcher<string, QueryWork | null>({
    maxSize: 200,
    maxWaitMs: 2,
    flush: (ids) => loadQueryWork(pool, ids),
  });
  // Answers are analysed as they are stored, by the same statement; any left without facts go to
  // analysis together: one analysis job per stored batch.
  const brandMatchers = new BrandMatcherCache();
  const writer = new Batcher<Outcome, boolean>({
    maxSize: 200,
    maxWaitMs: 5,
    // Group commit: a statement starts as soon as one of two is free, and what arrives meanwhile
    // goes in the next one, so batches grow with the load instead of each waiting out a timer.
    maxInFlight: 2,
    flush: async (outcomes) => {
      const result: StoreResult = await storeOutcomes(pool, outcomes, (answers) =>
        analyseAhead(pool, brandMatchers, answers),
      );
      const stored = outcomes
        .filter((o, i) => o.kind === 'succeeded' && result.stored[i] && !result.analysed[i])
        .map((o) => o.responseId);
      if (stored.length) await deps.producers.enqueueAnalysis(stored);
      // Analysed with their storing: those of audits with a stance judge go to it now.
      const analysed = outcomes
        .filter((o, i) => o.kind === 'succeeded' && result.stored[i] && result.analysed[i])
        .map((o) => o.responseId);
      if (analysed.length) await enqueueStanceJudging(deps, analysed);
      if (result.finishedRunIds.length) await opts.onRunsFinished(result.finishedRunIds);
      // Adaptive runs: the cells whose wave this batch completed get their look (a next wave or a stop).
      const adaptive = [
        ...new Set(
          outcomes
            .filter((o, i) => result.stored[i] && adaptiveRun.has(o.responseId))
            .map((o) => adaptiveRun.get(o.responseId) as string),
        ),
      ];
      for (const o of outcomes) adaptiveRun.delete(o.responseId);
      if (adaptive.length) await advance(adaptive);
      return result.stored;
    },
  });
  /** The adaptive run of each answer on its way to the writer. */
  const adaptiveRun = new Map<string, string>();
  const advance = async (runIds: string[]) => {
    const finished = await advanceAdaptiveRuns(deps, runIds);
    if (finished.length) await opts.onRunsFinished(finished);
  };
  const reAnalyse = new Batcher<string, void>({
    maxSize: 200,
    maxWaitMs: 5,
    flush: async (ids) => {
      await deps.producers.enqueueAnalysis(ids);
      return ids.map(() => undefined);
    },
  });

  const allowances = new CallAllowances(deps.redis);
  /** Set when the worker closes: jobs then make no further call (see handBack). */
  let handingBack = false;

  /**
   * One call of a job: the answer `responseId` collected, or left alone when no longer pending.
   * Resolves with what became of it; a stored answer's outcome settles with its statement, which the
   * job's next call does not wait for.
   */
  const collect = async (job: Job<QueryJob>, responseId: string): Promise<{ outcome: Promise<string> | string }> => {
    // Made when a line is logged: most jobs log nothing, and a child logger per job was a
    // measurable share of a zero-latency run's time.
    const log = (): Logger => deps.logger.child({ responseId, runId: job.data.runId, queue: job.queueName });
    const work = await loader.add(responseId);
    if (!work) return { outcome: 'skipped: response gone' };
    if (work.status === 'succeeded' && !work.analyzed) {
      // Stored by an attempt whose worker died before handing it to analysis.
      await reAnalyse.add(work.id);
      return { outcome: 'skipped: already stored; analysis queued' };
    }
    if (work.status !== 'pending') {
      // A retry of a job whose answer is stored: the look it may have missed (its worker died
      // after storing) is taken now; taking it twice changes nothing.
      if (work.adaptive) await advance([work.run_id]);
      return { outcome: 'skipped: no longer pending' };
    }

    if (work.budget_usd !== null && Number(work.actual_cost_usd) >= Number(work.budget_usd)) {
      const finished = await stopRunAtBudget(pool, work.run_id);
      if (finished.length) await opts.onRunsFinished(finished);
      return { outcome: 'skipped: run reached its budget' };
    }

    const priorAttempts = job.data.priorAttempts ?? 0;
    const attempt = priorAttempts + job.attemptsMade + 1;
    const rateLimitedTries = job.data.rateLimited ?? 0;
    const maxAttempts = priorAttempts + (job.opts.attempts ?? 1);
    // A call of a job of several that must be tried again goes on in a job of its own.
    const alone = job.data.responseIds.length === 1;
    const adapter = getAdapter(work.provider);
    const credentials = await opts.credentials(adapter.name, work.workspace_id, work.params as ModelParams);
    const calledAt = performance.now();
    let answered = false;
    try {
      const answer = await adapter.query(
        {
          prompt: work.prompt_text,
          locale: work.locale,
          model: work.model,
          params: work.params as ModelParams,
          sampleIndex: work.sample_index,
          attempt,
          rateLimitedTries,
          knownBrands:
            work.provider === 'mock' ? await opts.knownBrands(work.workspace_id, work.brands_version) : undefined,
        },
        (() => {
          const fetchImpl = deps.fetch ?? opts.fetchFor(adapter.name);
          return {
            timeoutMs: deps.env.PROVIDER_TIMEOUT_MS,
            credentials: credentials,
            ...(fetchImpl ? { fetch: fetchImpl } : {}),
          };
        })(),
      );
      answered = true;
      opts.observeCall?.(adapter.name, (performance.now() - calledAt) / 1000);
      // The writer stores the answer with its analysis (or hands it to an analysis job if that failed).
      const context = {
        workspaceId: work.workspace_id,
        brandsVersion: work.brands_version,
        locale: work.locale,
        prompt: work.prompt_text,
      };
      if (work.adaptive) adaptiveRun.set(work.id, work.run_id);
      const stored = writer.add({ kind: 'succeeded', responseId: work.id, attempts: attempt, answer, context });
      return { outcome: stored.then((ok) => (ok ? 'succeeded' : 'skipped: stored by another attempt')) };
    } catch (err) {
      const failure =
        err instanceof ProviderError
          ? err
          : new ProviderError('transient', err instanceof Error ? err.message : String(err), {
              provider: adapter.name,
              code: 'unexpected',
            });
      // A failure to store an answer is not a provider error.
      if (!answered) opts.observeCall?.(adapter.name, (performance.now() - calledAt) / 1000, failure);
      if (failure.kind === 'rate_limited') {
        const seen = rateLimitedTries + 1;
        if (seen < MAX_RATE_LIMITED) {
          const wait = rateLimitWait(failure.retryAfterMs, seen);
          log().warn(
            { status: failure.status, waitMs: wait, rateLimited: seen },
            'provider rate limit: retrying the call later',
          );
          if (!alone) {
            const next = { runId: work.run_id, responseIds: [work.id] as [string], rateLimited: seen };
            await deps.producers.retryQueryCall(adapter.name, { ...next, priorAttempts: attempt - 1 }, wait);
            return { outcome: 'rate limited: handed on' };
          }
          await job.updateData({ ...job.data, rateLimited: seen });
          // Delayed, not held: the slot goes to the queue's next job, and this one waits its turn behind them.
          await job.moveToDelayed(Date.now() + wait, job.token);
          throw new DelayedError();
        }
      }
      const final = failure.kind !== 'transient' || attempt >= maxAttempts;
      if (!final) {
        log().warn(
          { attempt, maxAttempts, status: failure.status, code: failure.code },
          `provider call failed, will retry: ${failure.message}`,
        );
        if (alone) throw failure;
        const next = { runId: work.run_id, responseIds: [work.id] as [string], priorAttempts: attempt };
        await deps.producers.retryQueryCall(adapter.name, next);
        return { outcome: 'failed: handed on for a retry' };
      }
      log().warn(
        { attempt, status: failure.status, code: failure.code },
        `provider call failed for good: ${failure.message}`,
      );
      const code = failure.code ?? (failure.status ? `http_${failure.status}` : failure.kind);
      const reason =
        failure.kind === 'rate_limited'
          ? `gave up after ${MAX_RATE_LIMITED} rate-limited attempts: ${failure.message}`
          : failure.message;
      if (work.adaptive) adaptiveRun.set(work.id, work.run_id);
      const stored = writer.add({
        kind: 'failed',
        responseId: work.id,
        attempts: attempt,
        errorCode: code,
        error: reason,
      });
      return { outcome: stored.then(() => 'failed') };
    }
  };

  /**
   * A query job: its calls one after another, so a job never has more than one call in flight and
   * the queue's global concurrency counts calls. BullMQ took the rate-limit allowance of the first
   * call when it handed the job out; each later call takes its own, and when none is left the
   * job's remaining calls wait, delayed, for the window to end (or go back at once when the worker
   * is closing). The job ends when what it collected is stored.
   */
  const process = async (job: Job<QueryJob>): Promise<string> => {
    const ids = job.data.responseIds;
    const outcomes: Array<Promise<string> | string> = [];
    // A failed statement fails the job (it is retried); until then, later calls go on.
    const settled = () => Promise.all(outcomes);
    for (const [i, responseId] of ids.entries()) {
      if (i > 0) {
        // A closing worker hands the rest back at once rather than hold its shutdown for them.
        const wait = handingBack ? 0 : await callAllowance(job);
        if (handingBack || wait > 0) {
          await settled();
          await job.updateData({ ...job.data, responseIds: ids.slice(i) });
          await job.moveToDelayed(Date.now() + wait, job.token);
          throw new DelayedError();
        }
      }
      const { outcome } = await collect(job, responseId);
      if (typeof outcome !== 'string') outcome.catch(() => {});
      outcomes.push(outcome);
    }
    return summarize(await settled());
  };

  /** 0 when one more call of `job` may start now, else how long its queue's rate limit asks to wait. */
  const callAllowance = (job: Job<QueryJob>): Promise<number> => {
    const provider = queryQueueProvider(job.queueName) as ProviderName;
    return allowances.take(deps.producers.queue(job.queueName), providerLimit(deps.env, provider));
  };

  return {
    process,
    /** From now on, jobs make no further call: what is left of each goes back to its queue. */
    handBack() {
      handingBack = true;
    },
    async drain() {
      await writer.drain();
      await reAnalyse.drain();
    },
  };
}
