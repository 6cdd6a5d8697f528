/**
 * The audit scheduler. Every worker may run it: each tick finds enabled scheduled audits whose
 * next due time has passed and starts one run per due time. Exactly once holds because a run
 * is keyed by (audit, due time) in Postgres, whatever the number of schedulers racing; the
 * checkpoint (audits.scheduled_through) also lives in Postgres, so schedules survive restarts
 * of workers and of Redis.
 *
 * When workers were down across several due times, only the latest is run: an agency wants
 * today's snapshot, not a burst of stale ones. The skipped ones are logged.
 */
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { dueTimes } from '../../lib/schedule.js';
import { launchRun } from '../runs/runs.service.js';
import type { Deps } from '../../deps.js';

export type SchedulerDeps = Pick<Deps, 'db' | 'producers' | 'logger'>;

interface DueAudit {
  id: string;
  workspace_id: string;
  schedule: string;
  timezone: string;
  samples_per_pair: number;
  prompt_tags: string[];
  budget_per_run_usd: string | null;
  budget_per_month_usd: string | null;
  scheduled_through: Date;
  prompt_ids: string[];
  model_config_ids: string[];
}

export interface TickResult {
  started: string[];
  refused: string[];
  alreadyStarted: number;
}

export async function schedulerTick(deps: SchedulerDeps, now = new Date()): Promise<TickResult> {
  const { pool } = deps.db;
  // Audits never checkpointed (created before scheduling existed) start from now.
  await pool.query(`UPDATE audits SET scheduled_through = $1 WHERE scheduled_through IS NULL AND schedule IS NOT NULL AND enabled`, [now]);
  const { rows } = await pool.query<DueAudit>(
    `SELECT a.id, a.workspace_id, a.schedule, a.timezone, a.samples_per_pair, a.prompt_tags, a.budget_per_run_usd,
            a.budget_per_month_usd, a.scheduled_through,
            ARRAY(SELECT prompt_id FROM audit_prompts WHERE audit_id = a.id)::text[] AS prompt_ids,
            ARRAY(SELECT model_config_id FROM audit_model_configs WHERE audit_id = a.id)::text[] AS model_config_ids
       FROM audits a
      WHERE a.enabled AND a.schedule IS NOT NULL AND a.scheduled_through < $1`,
    [now],
  );
  const result: TickResult = { started: [], refused: [], alreadyStarted: 0 };
  for (const audit of rows) {
    let due: Date[];
    try {
      due = dueTimes(audit.schedule, audit.timezone, audit.scheduled_through, now, 1_000);
    } catch (err) {
      deps.logger.error({ err, auditId: audit.id }, 'audit schedule cannot be evaluated; skipping it');
      continue;
    }
    const latest = due.at(-1);
    if (latest) {
      if (due.length > 1) deps.logger.warn({ auditId: audit.id, skipped: due.length - 1 }, 'missed due times skipped; running the latest only');
      await startScheduledRun(deps, audit, latest, result);
    }
    // Move the checkpoint forward (never back: another scheduler may already be ahead).
    await pool.query(`UPDATE audits SET scheduled_through = $2 WHERE id = $1 AND scheduled_through < $2`, [audit.id, now]);
  }
  return result;
}

async function startScheduledRun(deps: SchedulerDeps, audit: DueAudit, dueAt: Date, result: TickResult): Promise<void> {
  const log = deps.logger.child({ auditId: audit.id, dueAt: dueAt.toISOString() });
  try {
    const run = await launchRun(
      deps,
      {
        workspaceId: audit.workspace_id,
        auditId: audit.id,
        selection: { promptIds: audit.prompt_ids, promptTags: audit.prompt_tags, modelConfigIds: audit.model_config_ids, samplesPerPair: audit.samples_per_pair },
        trigger: 'schedule',
        scheduledFor: dueAt,
        budgetUsd: audit.budget_per_run_usd === null ? null : Number(audit.budget_per_run_usd),
        budgetPerMonthUsd: audit.budget_per_month_usd === null ? null : Number(audit.budget_per_month_usd),
      },
      dueAt,
    );
    if (run) {
      result.started.push(run.id);
      log.info({ runId: run.id }, 'scheduled run started');
    } else result.alreadyStarted++;
  } catch (err) {
    if (!(err instanceof AppError) || err.status >= 500) throw err;
    // Refused (over budget, nothing left to ask): keep a visible trace in the run list instead of silence.
    const id = await recordRefusedRun(deps, audit, dueAt, err.message);
    if (id) {
      result.refused.push(id);
      log.warn({ runId: id, reason: err.message }, 'scheduled run refused');
    } else result.alreadyStarted++;
  }
}

async function recordRefusedRun(deps: SchedulerDeps, audit: DueAudit, dueAt: Date, reason: string): Promise<string | null> {
  const { rows } = await deps.db.pool.query<{ id: string }>(
    // Nothing ran, so there are no follow-ups to do (as it always was for refused runs).
    `INSERT INTO runs (id, workspace_id, audit_id, trigger, scheduled_for, status, samples_per_pair, total, error, finished_at, followups_done_at)
     VALUES ($1, $2, $3, 'schedule', $4, 'failed', $5, 0, $6, now(), now())
     ON CONFLICT (audit_id, scheduled_for) DO NOTHING RETURNING id`,
    [newId(), audit.workspace_id, audit.id, dueAt, audit.samples_per_pair, `not started: ${reason}`],
  );
  return rows[0]?.id ?? null;
}
