/**
 * Re-analysis: after brands, aliases or domains change, mentions and citations are derived
 * again from the stored answers, in the background, without calling any provider. Scope: the
 * whole workspace, one run, and/or a date range. Progress is kept in Postgres; the job resumes
 * from its cursor if a worker stops half-way.
 */
import type { Database } from '../../db/client.js';
import type { Reanalysis } from '../../generated/prisma/client.js';
import { AppError } from '../../lib/errors.js';
import { iso, isoOrNull, toPage, type ListQuery, type Page } from '../common.schemas.js';
import { rebuildRollups } from '../reports/rollups.service.js';
import { analyzeResponses, type BrandMatcherCache } from '../responses/analysis.service.js';
import { findRun } from '../runs/runs.repo.js';
import { requireWorkspace } from '../workspaces/workspaces.service.js';
import {
  answerBatchInScope,
  completeReanalysis,
  countAnswersInScope,
  deleteReanalysis,
  findReanalysis,
  insertReanalysis,
  listReanalysisRows,
  loadReanalysis,
  markReanalysisRunning,
  recordReanalysisBatch,
} from './reanalyses.repo.js';
import type { ReanalysisCreate, ReanalysisDto } from './reanalyses.schemas.js';
import type { Deps } from '../../deps.js';

export type ReanalysesDeps = Pick<Deps, 'db' | 'producers' | 'logger'>;

const BATCH = 500;

export function toReanalysisDto(r: Reanalysis): ReanalysisDto {
  return {
    id: r.id,
    workspaceId: r.workspaceId,
    runId: r.runId,
    from: isoOrNull(r.from),
    to: isoOrNull(r.to),
    status: r.status,
    progress: { total: r.total, done: r.done },
    error: r.error,
    createdAt: iso(r.createdAt),
    startedAt: isoOrNull(r.startedAt),
    finishedAt: isoOrNull(r.finishedAt),
  };
}

export async function startReanalysis(
  deps: ReanalysesDeps,
  orgId: string,
  workspaceId: string,
  input: ReanalysisCreate,
): Promise<ReanalysisDto> {
  const { prisma, pool } = deps.db;
  await requireWorkspace(prisma, orgId, workspaceId);
  if (input.runId && !(await findRun(pool, workspaceId, input.runId))) {
    throw new AppError('validation_failed', 'No such run in this workspace.', {
      errors: [{ path: 'body.runId', message: 'no run with this id in this workspace' }],
    });
  }
  const scope = {
    workspaceId,
    runId: input.runId ?? null,
    from: input.from ? new Date(input.from) : null,
    to: input.to ? new Date(input.to) : null,
  };
  const created = await insertReanalysis(prisma, scope, await countAnswersInScope(pool, scope));
  try {
    await deps.producers.reanalyze(created.id);
  } catch (err) {
    deps.logger.error({ err }, 'could not enqueue re-analysis');
    await deleteReanalysis(prisma, created.id);
    throw new AppError(
      'unavailable',
      'The job queue is unreachable, so the re-analysis was not started. Try again shortly.',
    );
  }
  return toReanalysisDto(created);
}

export async function getReanalysis(
  deps: ReanalysesDeps,
  orgId: string,
  workspaceId: string,
  id: string,
): Promise<ReanalysisDto> {
  await requireWorkspace(deps.db.prisma, orgId, workspaceId);
  const r = await findReanalysis(deps.db.prisma, workspaceId, id);
  if (!r) throw AppError.notFound('Re-analysis');
  return toReanalysisDto(r);
}

export async function listReanalyses(
  deps: ReanalysesDeps,
  orgId: string,
  workspaceId: string,
  q: ListQuery,
): Promise<Page<ReanalysisDto>> {
  await requireWorkspace(deps.db.prisma, orgId, workspaceId);
  return toPage(await listReanalysisRows(deps.db.prisma, workspaceId, q), q.limit, toReanalysisDto);
}

/**
 * Worker side: processes a re-analysis in batches from its cursor; safe to call again after a
 * crash. `onAnalyzed` gets each batch's answers once their facts are stored (the stance judge).
 */
export async function executeReanalysis(
  db: Database,
  cache: BrandMatcherCache,
  id: string,
  onBatch?: (done: number) => Promise<void>,
  onAnalyzed?: (responseIds: string[]) => Promise<void>,
): Promise<Reanalysis | null> {
  const job = await loadReanalysis(db.prisma, id);
  if (!job || job.status === 'completed' || job.status === 'failed') return job;
  await markReanalysisRunning(db.prisma, id, job.startedAt ?? new Date());
  let cursor = job.cursor;
  for (;;) {
    const ids = await answerBatchInScope(db.pool, job, cursor, BATCH);
    if (ids.length === 0) break;
    await analyzeResponses(db.pool, cache, ids);
    await onAnalyzed?.(ids);
    cursor = ids[ids.length - 1] ?? cursor;
    const updated = await recordReanalysisBatch(db.prisma, id, cursor, ids.length);
    await onBatch?.(updated.done);
  }
  // Mentions and citations changed: rebuild the report rollups of the runs in scope, before the
  // job is marked completed, so a crash here is retried (the loop above then has nothing left).
  await rebuildRollups(db.pool, { workspaceId: job.workspaceId, runId: job.runId, from: job.from, to: job.to });
  return completeReanalysis(db.prisma, id);
}
