/**
 * Recovery: Postgres knows every answer still to collect or analyse, so unfinished runs that
 * have not moved for a while get their work handed to the queues again. This is what makes a
 * run complete after Redis lost its data (restart without persistence), after a start job was
 * lost between commit and enqueue, or after a job failed outside the normal path. Job ids are
 * deterministic, so work still queued is not added twice, and processors ignore work already done.
 */
import type { Database } from '../../db/client.js';
import type { Logger } from '../../lib/logger.js';
import type { Producers } from '../../queues/producer.js';
import { finishRuns } from '../responses/pipeline.repo.js';

export interface RecoveryDeps {
  db: Database;
  producers: Producers;
  logger: Logger;
}

export interface RecoveryResult {
  runs: number;
  queries: number;
  analyses: number;
  finished: string[];
}

export async function recoverStalledRuns(deps: RecoveryDeps, staleMs: number, now = new Date()): Promise<RecoveryResult> {
  const { pool } = deps.db;
  // Claim stalled runs by moving their progress mark, so concurrent sweepers split the work.
  const { rows: runs } = await pool.query<{ id: string }>(
    `UPDATE runs SET progressed_at = $1,
            status = CASE WHEN status = 'queued' THEN 'running'::run_status ELSE status END,
            started_at = coalesce(started_at, $1)
      WHERE id IN (SELECT id FROM runs WHERE finished_at IS NULL AND coalesce(progressed_at, created_at) < $2
                    ORDER BY created_at LIMIT 50 FOR UPDATE SKIP LOCKED)
      RETURNING id`,
    [now, new Date(now.getTime() - staleMs)],
  );
  const result: RecoveryResult = { runs: runs.length, queries: 0, analyses: 0, finished: [] };
  for (const { id: runId } of runs) {
    const { rows: work } = await pool.query<{ id: string; provider: string; status: string }>(
      `SELECT id, provider, status FROM responses
        WHERE run_id = $1 AND (status = 'pending' OR (status = 'succeeded' AND analyzed_at IS NULL))`,
      [runId],
    );
    const byProvider = new Map<string, Array<{ responseId: string; runId: string }>>();
    const analyses: string[] = [];
    for (const w of work) {
      if (w.status === 'pending') {
        const list = byProvider.get(w.provider) ?? [];
        list.push({ responseId: w.id, runId });
        byProvider.set(w.provider, list);
        result.queries++;
      } else {
        analyses.push(w.id);
        result.analyses++;
      }
    }
    for (const [provider, jobs] of byProvider) await deps.producers.enqueueQueries(provider, jobs);
    if (analyses.length) await deps.producers.enqueueAnalysis(analyses);
    const finished = work.length === 0 ? await finishRuns(pool, [runId]) : [];
    for (const id of finished) await deps.producers.runFinished(id);
    result.finished.push(...finished);
    deps.logger.warn({ runId, queries: byProvider.size ? work.length - analyses.length : 0, analyses: analyses.length, finished: finished.length > 0 }, 'recovered a stalled run');
  }
  return result;
}
