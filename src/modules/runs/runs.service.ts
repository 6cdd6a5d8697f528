/**
 * Runs: one execution of an audit or of an inline selection. Starting a run writes the run and
 * all its pending answers to Postgres, then hands one job to the queue; if the queue cannot take
 * it, the run is deleted again, so a run is either fully started or not at all.
 */
import { AppError } from '../../lib/errors.js';
import { iso, isoOrNull, toPage, type Page } from '../common.schemas.js';
import { adaptiveOf, requireAudit, samplingDtoOf } from '../audits/audits.service.js';
import { runStanceAgreement } from '../stance-judge/stance-judge.service.js';
import { requireWorkspace } from '../workspaces/workspaces.service.js';
import { planRun, type Selection } from './runs.plan.js';
import * as repo from './runs.repo.js';
import { wilson } from '../../lib/statistics.js';
import { pairFigures, runCells } from './cells.repo.js';
import type { RunDto, RunListQuery, RunPrecisionDto, RunStart, StanceAgreementDto } from './runs.schemas.js';
import type { Deps } from '../../deps.js';

export type RunsDeps = Pick<Deps, 'db' | 'producers' | 'logger'>;

export function toRunDto(r: repo.RunRow): RunDto {
  return {
    id: r.id,
    workspaceId: r.workspace_id,
    auditId: r.audit_id,
    trigger: r.trigger,
    scheduledFor: isoOrNull(r.scheduled_for),
    status: r.status as RunDto['status'],
    samplesPerPair: r.samples_per_pair,
    sampling: samplingDtoOf(r.samples_per_pair, r.sampling),
    progress: {
      total: r.total,
      succeeded: r.succeeded,
      failed: r.failed,
      cancelled: r.cancelled,
      pending: r.total - r.succeeded - r.failed - r.cancelled,
      analyzed: r.analyzed,
    },
    estimatedCostUsd: Number(r.estimated_cost_usd),
    actualCostUsd: Number(r.actual_cost_usd),
    budgetUsd: r.budget_usd === null ? null : Number(r.budget_usd),
    error: r.error,
    createdAt: iso(r.created_at),
    startedAt: isoOrNull(r.started_at),
    finishedAt: isoOrNull(r.finished_at),
  };
}

function startOfMonthUtc(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}

export interface LaunchRequest {
  workspaceId: string;
  auditId: string | null;
  selection: Selection;
  trigger: 'manual' | 'schedule' | 'api';
  scheduledFor: Date | null;
  budgetUsd: number | null;
  budgetPerMonthUsd: number | null;
}

/**
 * Plans, checks budgets, records and enqueues a run. Shared by the API, the CLI and the
 * scheduler. Returns null when a scheduled run for that due time already exists.
 */
export async function launchRun(deps: RunsDeps, req: LaunchRequest, now = new Date()): Promise<repo.RunRow | null> {
  const plan = await planRun(deps.db.prisma, req.workspaceId, req.selection);
  // An adaptive run is refused only if its minimum does not fit; it stops at its cap otherwise.
  const estimate = plan.estimatedCostUsd;
  if (req.budgetUsd !== null && estimate > req.budgetUsd) {
    throw new AppError(
      'budget_exceeded',
      `This run is estimated at $${estimate.toFixed(4)}, over its budget of $${req.budgetUsd.toFixed(4)}. Raise the budget or select fewer prompts, configurations or samples.`,
      { estimatedCostUsd: estimate, budgetUsd: req.budgetUsd },
    );
  }
  // The monthly check runs inside the launch transaction, under the audit's launch lock, so
  // concurrent launches of one audit (API, CLI, schedulers) are checked one after the other.
  const monthly =
    req.auditId && req.budgetPerMonthUsd !== null ? { auditId: req.auditId, limit: req.budgetPerMonthUsd } : null;
  const guard: repo.LaunchGuard | undefined = monthly
    ? async (client) => {
        const spent = await repo.auditSpendSince(client, monthly.auditId, startOfMonthUtc(now));
        if (spent + estimate > monthly.limit) {
          throw new AppError(
            'budget_exceeded',
            `This audit has spent $${spent.toFixed(4)} this month; this run (estimated $${estimate.toFixed(4)}) would exceed its monthly budget of $${monthly.limit.toFixed(4)}.`,
            { estimatedCostUsd: estimate, spentThisMonthUsd: spent, budgetPerMonthUsd: monthly.limit },
          );
        }
        // The run may spend what is left of the month, and no more than its own budget.
        const left = Math.max(0, Math.floor((monthly.limit - spent) * 1e4) / 1e4);
        return req.budgetUsd !== null && req.budgetUsd <= left
          ? { budgetUsd: req.budgetUsd, scope: 'run' }
          : { budgetUsd: left, scope: 'month' };
      }
    : undefined;
  const created = await repo.insertRun(
    deps.db.pool,
    {
      workspaceId: req.workspaceId,
      auditId: req.auditId,
      trigger: req.trigger,
      scheduledFor: req.scheduledFor,
      samplesPerPair: req.selection.sampling ? req.selection.sampling.minSamples : req.selection.samplesPerPair,
      // What the run may spend at most: the monthly budget counts it while the run is unfinished.
      estimatedCostUsd: plan.estimatedMaxCostUsd,
      budgetUsd: req.budgetUsd,
      responses: plan.responses,
      sampling: req.selection.sampling ?? null,
    },
    guard,
  );
  if (!created) return null;
  try {
    await deps.producers.startRun(created.id);
  } catch (err) {
    deps.logger.error({ err, runId: created.id }, 'could not enqueue run; removing it');
    await repo.deleteRun(deps.db.pool, created.id);
    throw new AppError(
      'unavailable',
      'The job queue is unreachable, so the run was not started. Nothing was recorded; try again shortly.',
    );
  }
  return repo.findRun(deps.db.pool, req.workspaceId, created.id);
}

export async function startRun(
  deps: RunsDeps,
  orgId: string,
  workspaceId: string,
  input: RunStart,
  trigger: 'manual' | 'api' = 'api',
): Promise<RunDto> {
  await requireWorkspace(deps.db.prisma, orgId, workspaceId);
  let request: LaunchRequest;
  if (input.auditId) {
    const audit = await requireAudit(deps.db.prisma, workspaceId, input.auditId);
    request = {
      workspaceId,
      auditId: audit.id,
      selection: {
        promptIds: audit.prompts.map((p) => p.promptId),
        promptTags: audit.promptTags,
        modelConfigIds: audit.modelConfigs.map((m) => m.modelConfigId),
        samplesPerPair: input.samplesPerPair ?? audit.samplesPerPair,
        // A samplesPerPair given with the request runs that fixed number instead of the audit's design.
        sampling: input.samplesPerPair === undefined ? adaptiveOf(audit.sampling) : null,
      },
      trigger,
      scheduledFor: null,
      budgetUsd: input.budgetUsd ?? (audit.budgetPerRunUsd === null ? null : Number(audit.budgetPerRunUsd)),
      budgetPerMonthUsd: audit.budgetPerMonthUsd === null ? null : Number(audit.budgetPerMonthUsd),
    };
  } else {
    request = {
      workspaceId,
      auditId: null,
      selection: {
        promptIds: input.promptIds ?? [],
        promptTags: input.promptTags ?? [],
        modelConfigIds: input.modelConfigIds ?? [],
        samplesPerPair: input.samplesPerPair ?? 1,
      },
      trigger,
      scheduledFor: null,
      budgetUsd: input.budgetUsd ?? null,
      budgetPerMonthUsd: null,
    };
  }
  const run = await launchRun(deps, request);
  if (!run) throw new AppError('conflict', 'A run for this audit and due time already exists.');
  return toRunDto(run);
}

export async function getRun(deps: RunsDeps, orgId: string, workspaceId: string, runId: string): Promise<RunDto> {
  await requireWorkspace(deps.db.prisma, orgId, workspaceId);
  const run = await repo.findRun(deps.db.pool, workspaceId, runId);
  if (!run) throw AppError.notFound('Run');
  return toRunDto(run);
}

const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

/**
 * An adaptive run's precision per prompt × configuration (its last look) and the samples it saved
 * against the fixed design of the same worst-case precision (docs/statistics.md#adaptive-sampling).
 */
export async function getRunPrecision(
  deps: RunsDeps,
  orgId: string,
  workspaceId: string,
  runId: string,
): Promise<RunPrecisionDto> {
  await requireWorkspace(deps.db.prisma, orgId, workspaceId);
  const run = await repo.findRun(deps.db.pool, workspaceId, runId);
  if (!run) throw AppError.notFound('Run');
  const sampling = samplingDtoOf(run.samples_per_pair, run.sampling);
  const adaptive = sampling.mode === 'adaptive';
  // A fixed run: every pair's answers so far, with the plain 95% Wilson interval (no look to pay for).
  const rows = adaptive
    ? await runCells(deps.db.pool, runId)
    : (await pairFigures(deps.db.pool, runId)).map((c) => {
        const ci = c.answers ? wilson(c.mentioned ?? 0, c.answers) : null;
        return { ...c, low: ci?.low ?? null, high: ci?.high ?? null };
      });
  const cells = rows.map((c) => ({
    promptId: c.prompt_id,
    promptText: c.prompt_text,
    modelConfigId: c.model_config_id,
    modelConfigName: c.model_config_name,
    planned: c.planned,
    answers: c.answers,
    mentioned: c.mentioned,
    mentionRate: c.answers ? round4((c.mentioned ?? 0) / c.answers) : null,
    interval: c.low === null || c.high === null ? null : { low: round4(c.low), high: round4(c.high) },
    halfWidth: c.low === null || c.high === null ? null : Math.round(((c.high - c.low) / 2) * 1e4) / 100,
    waves: c.wave + 1,
    stopReason: c.stop_reason as RunPrecisionDto['cells'][number]['stopReason'],
  }));
  const calls = cells.reduce((s, c) => s + c.planned, 0);
  const fixedDesignCalls = adaptive ? cells.length * sampling.fixedDesignSamples : calls;
  const widths = cells.flatMap((c) => (c.halfWidth === null ? [] : [c.halfWidth]));
  return {
    runId,
    sampling,
    cells,
    summary: {
      cells: cells.length,
      stopped: adaptive ? cells.filter((c) => c.stopReason !== null).length : run.finished_at ? cells.length : 0,
      reachedTarget: adaptive
        ? cells.filter((c) => c.halfWidth !== null && c.halfWidth <= sampling.halfWidth + 1e-9).length
        : null,
      calls,
      fixedDesignCalls,
      samplesSaved: fixedDesignCalls - calls,
      ratio: calls ? round4(fixedDesignCalls / calls) : null,
      worstHalfWidth: widths.length ? Math.max(...widths) : null,
    },
  };
}

/** How often the audit's model judge agrees with the rule-based stance labels in this run's answers. */
export async function getRunStanceAgreement(
  deps: RunsDeps,
  orgId: string,
  workspaceId: string,
  runId: string,
): Promise<StanceAgreementDto> {
  await requireWorkspace(deps.db.prisma, orgId, workspaceId);
  const run = await repo.findRun(deps.db.pool, workspaceId, runId);
  if (!run) throw AppError.notFound('Run');
  return runStanceAgreement(deps.db, runId);
}

export async function listRuns(
  deps: RunsDeps,
  orgId: string,
  workspaceId: string,
  q: RunListQuery,
): Promise<Page<RunDto>> {
  await requireWorkspace(deps.db.prisma, orgId, workspaceId);
  return toPage(await repo.listRuns(deps.db.pool, workspaceId, q), q.limit, toRunDto);
}

export async function cancelRun(deps: RunsDeps, orgId: string, workspaceId: string, runId: string): Promise<RunDto> {
  await requireWorkspace(deps.db.prisma, orgId, workspaceId);
  const run = await repo.findRun(deps.db.pool, workspaceId, runId);
  if (!run) throw AppError.notFound('Run');
  const cancelled = await repo.cancelRun(deps.db.pool, runId, 'cancelled by request');
  if (!cancelled) throw new AppError('conflict', `The run has already finished (status ${run.status}).`);
  await deps.producers
    .runFinished(runId)
    .catch((err) => deps.logger.warn({ err, runId }, 'could not enqueue run follow-ups'));
  return toRunDto((await repo.findRun(deps.db.pool, workspaceId, runId)) as repo.RunRow);
}
