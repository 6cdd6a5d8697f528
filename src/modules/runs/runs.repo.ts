/**
 * SQL for runs. A run and all its pending responses are written in one transaction with array
 * inserts (one statement for thousands of rows), so a run either exists with all its work or not
 * at all. Counters on `runs` are changed only in the same statements that change response
 * status (see src/modules/responses/responses.repo.ts), so they are always exact.
 */
import type pg from 'pg';
import type { PrismaClient } from '../../db/client.js';
import { sqlAfterCursor } from '../../db/pagination.js';
import type { ModelConfig } from '../../generated/prisma/client.js';
import { newId } from '../../lib/ids.js';
import { LOCK_PENDING_THEN_RUN } from '../responses/pipeline.repo.js';

export interface PlannedResponse {
  promptId: string;
  modelConfigId: string;
  sampleIndex: number;
  provider: string;
  channel: string;
  model: string;
  configHash: string;
}

export interface NewRun {
  workspaceId: string;
  auditId: string | null;
  trigger: 'manual' | 'schedule' | 'api';
  scheduledFor: Date | null;
  samplesPerPair: number;
  estimatedCostUsd: number;
  budgetUsd: number | null;
  responses: PlannedResponse[];
  /** The adaptive design (stored as the run's `sampling`), or null for a fixed run; an adaptive run gets one cell per pair. */
  sampling?: object | null;
}

/** The run's cap, decided inside the launch transaction once launches of its audit are serialised. */
export interface RunCap {
  budgetUsd: number | null;
  scope: 'run' | 'month' | null;
}

/**
 * Inside the launch transaction, after the audit's launch lock: checks budgets against the
 * audit's spend (throwing to refuse) and returns the run's cap.
 */
export type LaunchGuard = (client: pg.PoolClient) => Promise<RunCap>;

/** Two-key advisory lock space for launches of one audit (the second key is taken from its id). */
const LAUNCH_LOCK_SPACE = 7_262_012;

/**
 * Inserts the run and its responses. Returns null when a scheduled run for the same audit and
 * due time already exists: that is how each due time runs exactly once, whatever the number of
 * scheduler processes.
 *
 * Launches of one audit are serialised by a transaction-scoped advisory lock, so `guard` (the
 * monthly budget check) sees the runs launched before it, committed: two launches at the same
 * moment cannot both spend the same remaining budget.
 */
export async function insertRun(
  pool: pg.Pool,
  run: NewRun,
  guard?: LaunchGuard,
): Promise<{ id: string; cap: RunCap } | null> {
  const client = await pool.connect();
  const runId = newId();
  try {
    await client.query('BEGIN');
    let cap: RunCap = { budgetUsd: run.budgetUsd, scope: run.budgetUsd === null ? null : 'run' };
    if (run.auditId) {
      await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LAUNCH_LOCK_SPACE, run.auditId]);
      if (run.scheduledFor) {
        const { rowCount } = await client.query('SELECT 1 FROM runs WHERE audit_id = $1 AND scheduled_for = $2', [
          run.auditId,
          run.scheduledFor,
        ]);
        if (rowCount) {
          await client.query('ROLLBACK');
          return null;
        }
      }
      if (guard) cap = await guard(client);
    }
    const inserted = await client.query(
      `INSERT INTO runs (id, workspace_id, audit_id, trigger, scheduled_for, status, samples_per_pair, total, estimated_cost_usd, budget_usd, budget_scope, sampling)
       VALUES ($1, $2, $3, $4, $5, 'queued', $6, $7, $8, $9, $10, $11::jsonb)
       ON CONFLICT (audit_id, scheduled_for) DO NOTHING`,
      [
        runId,
        run.workspaceId,
        run.auditId,
        run.trigger,
        run.scheduledFor,
        run.samplesPerPair,
        run.responses.length,
        run.estimatedCostUsd,
        cap.budgetUsd,
        cap.scope,
        run.sampling ? JSON.stringify(run.sampling) : null,
      ],
    );
    if (inserted.rowCount === 0) {
      await client.query('ROLLBACK');
      return null;
    }
    const r = run.responses;
    await client.query(
      `INSERT INTO responses (id, run_id, workspace_id, prompt_id, model_config_id, sample_index, provider, channel, model, config_hash)
       SELECT u.id, $2, $3, u.prompt_id, u.model_config_id, u.sample_index, u.provider, u.channel::collection_channel, u.model, u.config_hash
         FROM unnest($1::uuid[], $4::uuid[], $5::uuid[], $6::int[], $7::text[], $8::text[], $9::text[], $10::text[])
           AS u(id, prompt_id, model_config_id, sample_index, provider, channel, model, config_hash)`,
      [
        r.map(() => newId()),
        runId,
        run.workspaceId,
        r.map((x) => x.promptId),
        r.map((x) => x.modelConfigId),
        r.map((x) => x.sampleIndex),
        r.map((x) => x.provider),
        r.map((x) => x.channel),
        r.map((x) => x.model),
        r.map((x) => x.configHash),
      ],
    );
    if (run.sampling) {
      // The first wave is every pair's first `samplesPerPair` (the design's minimum) answers.
      await client.query(
        `INSERT INTO run_cells (run_id, prompt_id, model_config_id, planned)
         SELECT DISTINCT $1::uuid, u.prompt_id, u.model_config_id, $4::int FROM unnest($2::uuid[], $3::uuid[]) AS u(prompt_id, model_config_id)`,
        [runId, r.map((x) => x.promptId), r.map((x) => x.modelConfigId), run.samplesPerPair],
      );
    }
    await client.query('COMMIT');
    return { id: runId, cap };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

/**
 * Records a scheduled run that was refused (over budget, nothing left to ask) as failed, so the
 * run list shows it. Returns null when a run for that audit and due time already exists.
 */
export async function insertRefusedRun(
  pool: pg.Pool,
  run: { workspaceId: string; auditId: string; scheduledFor: Date; samplesPerPair: number; reason: string },
): Promise<string | null> {
  const { rows } = await pool.query<{ id: string }>(
    // Nothing ran, so there are no follow-ups to do (as it always was for refused runs).
    `INSERT INTO runs (id, workspace_id, audit_id, trigger, scheduled_for, status, samples_per_pair, total, error, finished_at, followups_done_at)
     VALUES ($1, $2, $3, 'schedule', $4, 'failed', $5, 0, $6, now(), now())
     ON CONFLICT (audit_id, scheduled_for) DO NOTHING RETURNING id`,
    [newId(), run.workspaceId, run.auditId, run.scheduledFor, run.samplesPerPair, `not started: ${run.reason}`],
  );
  return rows[0]?.id ?? null;
}

/** Removes a run that could not be handed to the queue, so nothing is left half-started. */
export async function deleteRun(pool: pg.Pool, runId: string): Promise<void> {
  await pool.query('DELETE FROM runs WHERE id = $1', [runId]);
}

/** Spend of an audit's runs since `since`: actual cost of finished runs, estimate of unfinished ones. */
export async function auditSpendSince(db: pg.Pool | pg.PoolClient, auditId: string, since: Date): Promise<number> {
  const { rows } = await db.query<{ spend: string | null }>(
    `SELECT sum(CASE WHEN finished_at IS NULL THEN greatest(estimated_cost_usd, actual_cost_usd) ELSE actual_cost_usd END) AS spend
       FROM runs WHERE audit_id = $1 AND created_at >= $2`,
    [auditId, since],
  );
  return Number(rows[0]?.spend ?? 0);
}

export interface RunRow {
  id: string;
  workspace_id: string;
  audit_id: string | null;
  trigger: 'manual' | 'schedule' | 'api';
  scheduled_for: Date | null;
  status: string;
  samples_per_pair: number;
  total: number;
  succeeded: number;
  failed: number;
  cancelled: number;
  analyzed: number;
  estimated_cost_usd: string;
  actual_cost_usd: string;
  budget_usd: string | null;
  error: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  sampling: Record<string, unknown> | null;
}

const RUN_COLUMNS = `id, workspace_id, audit_id, trigger, scheduled_for, status, samples_per_pair, total, succeeded, failed,
  cancelled, analyzed, estimated_cost_usd, actual_cost_usd, budget_usd, error, created_at, started_at, finished_at, sampling`;

export async function findRun(pool: pg.Pool, workspaceId: string, runId: string): Promise<RunRow | null> {
  const { rows } = await pool.query<RunRow>(`SELECT ${RUN_COLUMNS} FROM runs WHERE id = $1 AND workspace_id = $2`, [
    runId,
    workspaceId,
  ]);
  return rows[0] ?? null;
}

export async function listRuns(
  pool: pg.Pool,
  workspaceId: string,
  q: { limit: number; cursor?: string; status?: string; auditId?: string },
): Promise<RunRow[]> {
  // Newest first: cursors walk ids (UUIDv7, time-ordered) downwards.
  const { rows } = await pool.query<RunRow>(
    `SELECT ${RUN_COLUMNS} FROM runs
      WHERE workspace_id = $1 AND ${sqlAfterCursor('id', '$2', 'desc')} AND ($3::run_status IS NULL OR status = $3) AND ($4::uuid IS NULL OR audit_id = $4)
      ORDER BY id DESC LIMIT $5`,
    [workspaceId, q.cursor ?? null, q.status ?? null, q.auditId ?? null, q.limit + 1],
  );
  return rows;
}

/**
 * Cancels a run: its pending responses become cancelled and the run is finished. Calls already
 * in flight still land when they return (storeOutcomes takes in the late answer of a cancelled
 * response, with its cost), so what was paid for is kept. Returns false when the run had
 * already finished.
 */
export async function cancelRun(pool: pg.Pool, runId: string, reason: string): Promise<boolean> {
  const rows = await cancelPending(pool, runId, reason);
  if (rows.length === 0) return false;
  // An adaptive run: its open cells stop, and a wave added while this cancellation waited for the
  // run row (its answers inserted after the statement above took its snapshot) is cancelled too.
  await pool.query(
    `UPDATE run_cells SET stop_reason = 'cancelled', stopped_at = now() WHERE run_id = $1 AND stopped_at IS NULL`,
    [runId],
  );
  await cancelStragglers(pool, runId, reason);
  return true;
}

/** Cancels the answers still pending in a run that has already finished (see cancelRun). */
export async function cancelStragglers(pool: pg.Pool, runId: string, reason: string): Promise<void> {
  await pool.query(
    `WITH doomed AS (
        SELECT id FROM responses WHERE run_id = $1 AND status = 'pending' ORDER BY id FOR UPDATE
     ), cancelled AS (
        UPDATE responses SET status = 'cancelled', completed_at = now(), error = $2
         WHERE id IN (SELECT id FROM doomed) AND status = 'pending' RETURNING id
     )
     UPDATE runs SET cancelled = cancelled + (SELECT count(*) FROM cancelled)
      WHERE id = $1 AND finished_at IS NOT NULL AND (SELECT count(*) FROM cancelled) > 0`,
    [runId, reason],
  );
}

async function cancelPending(pool: pg.Pool, runId: string, reason: string): Promise<Array<{ id: string }>> {
  const { rows } = await pool.query<{ id: string }>(
    // One UPDATE of the run row: a statement must not modify the same row twice.
    `WITH ${LOCK_PENDING_THEN_RUN}, cancelled AS (
        UPDATE responses SET status = 'cancelled', completed_at = now(), error = $2
         WHERE id IN (SELECT id FROM doomed) AND run_id IN (SELECT id FROM target) AND status = 'pending' RETURNING id
     )
     UPDATE runs SET status = 'cancelled', finished_at = now(), error = $2, cancelled = cancelled + (SELECT count(*) FROM cancelled)
      WHERE id IN (SELECT id FROM target) RETURNING id`,
    [runId, reason],
  );
  return rows;
}

/** The active prompts of a run's selection (by id or by any of the tags), in id order. */
export async function selectedPrompts(
  prisma: PrismaClient,
  workspaceId: string,
  selection: { promptIds: string[]; promptTags: string[] },
): Promise<Array<{ id: string; text: string }>> {
  return prisma.prompt.findMany({
    where: {
      workspaceId,
      archived: false,
      OR: [
        ...(selection.promptIds.length ? [{ id: { in: selection.promptIds } }] : []),
        ...(selection.promptTags.length ? [{ tags: { hasSome: selection.promptTags } }] : []),
      ],
    },
    orderBy: { id: 'asc' },
    select: { id: true, text: true },
  });
}

/** The active model configurations among `ids`, in id order. */
export async function selectedModelConfigs(
  prisma: PrismaClient,
  workspaceId: string,
  ids: string[],
): Promise<ModelConfig[]> {
  return prisma.modelConfig.findMany({
    where: { workspaceId, archived: false, id: { in: ids } },
    orderBy: { id: 'asc' },
  });
}

/**
 * Claims up to 50 unfinished runs that have not moved since `staleBefore` by moving their
 * progress mark to `now` (a queued one becomes running), so concurrent sweepers split the work.
 */
export async function claimStalledRuns(pool: pg.Pool, now: Date, staleBefore: Date): Promise<string[]> {
  const { rows } = await pool.query<{ id: string }>(
    `UPDATE runs SET progressed_at = $1,
            status = CASE WHEN status = 'queued' THEN 'running'::run_status ELSE status END,
            started_at = coalesce(started_at, $1)
      WHERE id IN (SELECT id FROM runs WHERE finished_at IS NULL AND coalesce(progressed_at, created_at) < $2
                    ORDER BY created_at LIMIT 50 FOR UPDATE SKIP LOCKED)
      RETURNING id`,
    [now, staleBefore],
  );
  return rows.map((r) => r.id);
}

/** A run's answers still to collect (pending) or to analyse (succeeded, not analysed). */
export async function outstandingWork(
  pool: pg.Pool,
  runId: string,
): Promise<Array<{ id: string; provider: string; status: string }>> {
  const { rows } = await pool.query<{ id: string; provider: string; status: string }>(
    `SELECT id, provider, status FROM responses
      WHERE run_id = $1 AND (status = 'pending' OR (status = 'succeeded' AND analyzed_at IS NULL))`,
    [runId],
  );
  return rows;
}

/** Up to 100 runs finished before `finishedBefore` whose follow-ups were never recorded done, the most recent first. */
export async function runsAwaitingFollowUps(pool: pg.Pool, finishedBefore: Date): Promise<string[]> {
  const { rows } = await pool.query<{ id: string }>(
    `SELECT id FROM runs WHERE finished_at IS NOT NULL AND followups_done_at IS NULL AND finished_at < $1 ORDER BY finished_at DESC LIMIT 100`,
    [finishedBefore],
  );
  return rows.map((r) => r.id);
}

/** Records the run's follow-ups done (once: a second call changes nothing). */
export async function markFollowUpsDone(pool: pg.Pool, runId: string): Promise<void> {
  await pool.query('UPDATE runs SET followups_done_at = now() WHERE id = $1 AND followups_done_at IS NULL', [runId]);
}
