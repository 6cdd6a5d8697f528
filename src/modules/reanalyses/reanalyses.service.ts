/**
 * Re-analysis: after brands, aliases or domains change, mentions and citations are derived
 * again from the stored answers, in the background, without calling any provider. Scope: the
 * whole workspace, one run, and/or a date range. Progress is kept in Postgres; the job resumes
 * from its cursor if a worker stops half-way.
 */
import type { Database } from '../../db/client.js';
import type { Reanalysis } from '../../generated/prisma/client.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { iso, isoOrNull, toPage, type ListQuery, type Page } from '../common.schemas.js';
import { rebuildRollups } from '../reports/rollups.service.js';
import { analyzeResponses, type BrandMatcherCache } from '../responses/analysis.service.js';
import { requireWorkspace } from '../workspaces/workspaces.service.js';
import type { ReanalysisCreate, ReanalysisDto } from './reanalyses.schemas.js';
import type { Deps } from '../../deps.js';

export type ReanalysesDeps = Pick<Deps, 'db' | 'producers' | 'logger'>;

const BATCH = 500;

const SCOPE = `workspace_id = $1 AND status = 'succeeded'
  AND ($2::uuid IS NULL OR run_id = $2) AND ($3::timestamptz IS NULL OR completed_at >= $3) AND ($4::timestamptz IS NULL OR completed_at < $4)`;

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

export async function startReanalysis(deps: ReanalysesDeps, orgId: string, workspaceId: string, input: ReanalysisCreate): Promise<ReanalysisDto> {
  const { prisma, pool } = deps.db;
  await requireWorkspace(prisma, orgId, workspaceId);
  if (input.runId && !(await prisma.run.findFirst({ where: { id: input.runId, workspaceId }, select: { id: true } }))) {
    throw new AppError('validation_failed', 'No such run in this workspace.', { errors: [{ path: 'body.runId', message: 'no run with this id in this workspace' }] });
  }
  const from = input.from ? new Date(input.from) : null;
  const to = input.to ? new Date(input.to) : null;
  const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM responses WHERE ${SCOPE}`, [workspaceId, input.runId ?? null, from, to]);
  const created = await prisma.reanalysis.create({
    data: { id: newId(), workspaceId, runId: input.runId ?? null, from, to, total: rows[0]?.n ?? 0 },
  });
  try {
    await deps.producers.reanalyze(created.id);
  } catch (err) {
    deps.logger.error({ err }, 'could not enqueue re-analysis');
    await prisma.reanalysis.delete({ where: { id: created.id } });
    throw new AppError('unavailable', 'The job queue is unreachable, so the re-analysis was not started. Try again shortly.');
  }
  return toReanalysisDto(created);
}

export async function getReanalysis(deps: ReanalysesDeps, orgId: string, workspaceId: string, id: string): Promise<ReanalysisDto> {
  await requireWorkspace(deps.db.prisma, orgId, workspaceId);
  const r = await deps.db.prisma.reanalysis.findFirst({ where: { id, workspaceId } });
  if (!r) throw AppError.notFound('Re-analysis');
  return toReanalysisDto(r);
}

export async function listReanalyses(deps: ReanalysesDeps, orgId: string, workspaceId: string, q: ListQuery): Promise<Page<ReanalysisDto>> {
  await requireWorkspace(deps.db.prisma, orgId, workspaceId);
  const rows = await deps.db.prisma.reanalysis.findMany({
    where: { workspaceId, ...(q.cursor ? { id: { lt: q.cursor } } : {}) },
    orderBy: { id: 'desc' },
    take: q.limit + 1,
  });
  const page = toPage(rows, q.limit);
  return { data: page.data.map(toReanalysisDto), nextCursor: page.nextCursor };
}

/** Worker side: processes a re-analysis in batches from its cursor; safe to call again after a crash. */
export async function executeReanalysis(
  db: Database,
  cache: BrandMatcherCache,
  id: string,
  onBatch?: (done: number) => Promise<void>,
): Promise<Reanalysis | null> {
  const job = await db.prisma.reanalysis.findUnique({ where: { id } });
  if (!job || job.status === 'completed' || job.status === 'failed') return job;
  await db.prisma.reanalysis.update({ where: { id }, data: { status: 'running', startedAt: job.startedAt ?? new Date() } });
  let cursor = job.cursor;
  for (;;) {
    const { rows } = await db.pool.query<{ id: string }>(
      `SELECT id FROM responses WHERE ${SCOPE} AND ($5::uuid IS NULL OR id > $5) ORDER BY id LIMIT ${BATCH}`,
      [job.workspaceId, job.runId, job.from, job.to, cursor],
    );
    if (rows.length === 0) break;
    await analyzeResponses(db.pool, cache, rows.map((r) => r.id));
    cursor = rows[rows.length - 1]?.id ?? cursor;
    const updated = await db.prisma.reanalysis.update({ where: { id }, data: { cursor, done: { increment: rows.length } } });
    await onBatch?.(updated.done);
  }
  // Mentions and citations changed: rebuild the report rollups of the runs in scope, before the
  // job is marked completed, so a crash here is retried (the loop above then has nothing left).
  await rebuildRollups(db.pool, { workspaceId: job.workspaceId, runId: job.runId, from: job.from, to: job.to });
  return db.prisma.reanalysis.update({ where: { id }, data: { status: 'completed', finishedAt: new Date() } });
}
