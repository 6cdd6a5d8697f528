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
import { dueTimes } from '../../lib/schedule.js';
import { insertRefusedRun } from '../runs/runs.repo.js';
import { adaptiveOf } from './audits.service.js';
import { launchRun } from '../runs/runs.service.js';
import { advanceCheckpoint, checkpointNewSchedules, dueAudits, type DueAudit } from './audits.repo.js';
import type { Deps } from '../../deps.js';

export type SchedulerDeps = Pick<Deps, 'db' | 'producers' | 'logger'>;

export interface TickResult {
  started: string[];
  refused: string[];
  alreadyStarted: number;
}

export async function schedulerTick(deps: SchedulerDeps, now = new Date()): Promise<TickResult> {
  const { pool } = deps.db;
  // Audits never checkpointed (created before scheduling existed) start from now.
  await checkpointNewSchedules(pool, now);
  const rows = await dueAudits(pool, now);
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
      if (due.length > 1)
        deps.logger.warn(
          { auditId: audit.id, skipped: due.length - 1 },
          'missed due times skipped; running the latest only',
        );
      await startScheduledRun(deps, audit, latest, result);
    }
    // Move the checkpoint forward (never back: another scheduler may already be ahead).
    await advanceCheckpoint(pool, audit.id, now);
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
        selection: {
          promptIds: audit.prompt_ids,
          promptTags: audit.prompt_tags,
          modelConfigIds: audit.model_config_ids,
          samplesPerPair: audit.samples_per_pair,
          sampling: adaptiveOf(audit.sampling),
        },
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
    const id = await insertRefusedRun(deps.db.pool, {
      workspaceId: audit.workspace_id,
      auditId: audit.id,
      scheduledFor: dueAt,
      samplesPerPair: audit.samples_per_pair,
      reason: err.message,
    });
    if (id) {
      result.refused.push(id);
      log.warn({ runId: id, reason: err.message }, 'scheduled run refused');
    } else result.alreadyStarted++;
  }
}
