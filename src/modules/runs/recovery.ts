/**
 * Recovery: Postgres knows every answer still to collect or analyse, so unfinished runs that
 * have not moved for a while get their work handed to the queues again. This is what makes a
 * run complete after Redis lost its data (restart without persistence), after a start job was
 * lost between commit and enqueue, or after a job failed outside the normal path. Job ids are
 * deterministic, so work still queued is not added twice, and processors ignore work already done.
 */
import { finishRuns, runAnswers } from '../responses/pipeline.repo.js';
import { advanceAdaptiveRuns } from './runs.adaptive.js';
import { claimStalledRuns, outstandingWork, runsAwaitingFollowUps } from './runs.repo.js';
import type { Deps } from '../../deps.js';

export type RecoveryDeps = Pick<Deps, 'db' | 'producers' | 'logger'>;

export interface RecoveryResult {
  runs: number;
  queries: number;
  analyses: number;
  finished: string[];
  /** Finished runs whose follow-ups were handed out again (their `finished` job was lost). */
  followUps: string[];
}

export async function recoverStalledRuns(
  deps: RecoveryDeps,
  staleMs: number,
  now = new Date(),
): Promise<RecoveryResult> {
  const { pool } = deps.db;
  // Claim stalled runs by moving their progress mark, so concurrent sweepers split the work.
  const runs = await claimStalledRuns(pool, now, new Date(now.getTime() - staleMs));
  const result: RecoveryResult = { runs: runs.length, queries: 0, analyses: 0, finished: [], followUps: [] };
  for (const runId of runs) {
    // Adaptive runs: looks missed (a worker died after storing a wave's last answer) are taken now;
    // a wave they add is queued by the call, and a run whose cells all stopped is finished.
    const closed = await advanceAdaptiveRuns(deps, [runId]);
    for (const id of closed) await deps.producers.runFinished(id);
    result.finished.push(...closed);
    const work = await outstandingWork(pool, runId);
    const pending = work.filter((w) => w.status === 'pending');
    const analyses = work.filter((w) => w.status !== 'pending').map((w) => w.id);
    result.queries += pending.length;
    result.analyses += analyses.length;
    // Split as the run's start split it, so a job still queued is added again under its own id: once.
    if (pending.length) await deps.producers.enqueueRunAnswers(runId, await runAnswers(pool, runId));
    if (analyses.length) await deps.producers.enqueueAnalysis(analyses);
    const finished = work.length === 0 ? await finishRuns(pool, [runId]) : [];
    for (const id of finished) await deps.producers.runFinished(id);
    result.finished.push(...finished);
    deps.logger.warn(
      {
        runId,
        queries: pending.length,
        analyses: analyses.length,
        finished: finished.length > 0,
      },
      'recovered a stalled run',
    );
  }
  result.followUps = await recoverFollowUps(deps, Math.max(staleMs, FOLLOWUPS_GRACE_MS), now);
  return result;
}

/**
 * How long a finished run's follow-ups may take before recovery hands them out again: the
 * `finished` job's own retries (5 attempts, exponential from 1 s) span about half a minute.
 */
export const FOLLOWUPS_GRACE_MS = 60_000;

/**
 * Finished runs whose follow-ups (report rollups, webhook events) were never recorded done: the
 * `finished` job was lost (Redis lost its data, the enqueue failed after the run finished) or gave
 * up. They get it again under the same job id, so a job still queued is not added twice and
 * follow-ups already done are not repeated (each is idempotent anyway). Runs that finished less
 * than `olderThanMs` ago are left to the normal path; the most recent first, 100 a round.
 */
export async function recoverFollowUps(deps: RecoveryDeps, olderThanMs: number, now = new Date()): Promise<string[]> {
  const runs = await runsAwaitingFollowUps(deps.db.pool, new Date(now.getTime() - olderThanMs));
  for (const id of runs) await deps.producers.runFinished(id);
  if (runs.length) deps.logger.warn({ runs: runs.length }, 'handed out the follow-ups of finished runs again');
  return runs;
}
