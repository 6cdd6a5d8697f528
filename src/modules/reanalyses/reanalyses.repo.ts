/**
 * Re-analysis rows (Prisma) and the answers in a re-analysis' scope (SQL on the pool): the
 * succeeded answers of a workspace, optionally of one run and/or completed within [from, to).
 */
import type pg from 'pg';
import type { PrismaClient } from '../../db/client.js';
import { pageArgs, type PageQuery } from '../../db/pagination.js';
import type { Reanalysis } from '../../generated/prisma/client.js';
import { newId } from '../../lib/ids.js';

export interface ReanalysisScope {
  workspaceId: string;
  runId: string | null;
  from: Date | null;
  to: Date | null;
}

const SCOPE = `workspace_id = $1 AND status = 'succeeded'
  AND ($2::uuid IS NULL OR run_id = $2) AND ($3::timestamptz IS NULL OR completed_at >= $3) AND ($4::timestamptz IS NULL OR completed_at < $4)`;

const scopeValues = (s: ReanalysisScope) => [s.workspaceId, s.runId, s.from, s.to];

export async function countAnswersInScope(pool: pg.Pool, scope: ReanalysisScope): Promise<number> {
  const { rows } = await pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM responses WHERE ${SCOPE}`,
    scopeValues(scope),
  );
  return rows[0]?.n ?? 0;
}

/** The ids of the next `limit` answers in scope after `cursor`, in id order. */
export async function answerBatchInScope(
  pool: pg.Pool,
  scope: ReanalysisScope,
  cursor: string | null,
  limit: number,
): Promise<string[]> {
  const { rows } = await pool.query<{ id: string }>(
    `SELECT id FROM responses WHERE ${SCOPE} AND ($5::uuid IS NULL OR id > $5) ORDER BY id LIMIT ${Number(limit)}`,
    [...scopeValues(scope), cursor],
  );
  return rows.map((r) => r.id);
}

export async function insertReanalysis(
  prisma: PrismaClient,
  scope: ReanalysisScope,
  total: number,
): Promise<Reanalysis> {
  return prisma.reanalysis.create({ data: { id: newId(), ...scope, total } });
}

export async function deleteReanalysis(prisma: PrismaClient, id: string): Promise<void> {
  await prisma.reanalysis.delete({ where: { id } });
}

export async function findReanalysis(
  prisma: PrismaClient,
  workspaceId: string,
  id: string,
): Promise<Reanalysis | null> {
  return prisma.reanalysis.findFirst({ where: { id, workspaceId } });
}

/** A re-analysis by id, whatever its workspace (workers). */
export async function loadReanalysis(prisma: PrismaClient, id: string): Promise<Reanalysis | null> {
  return prisma.reanalysis.findUnique({ where: { id } });
}

/** A page of the workspace's re-analyses, newest first. */
export async function listReanalysisRows(
  prisma: PrismaClient,
  workspaceId: string,
  q: PageQuery,
): Promise<Reanalysis[]> {
  return prisma.reanalysis.findMany(pageArgs(q, { workspaceId }, 'desc'));
}

export async function markReanalysisRunning(prisma: PrismaClient, id: string, startedAt: Date): Promise<void> {
  await prisma.reanalysis.update({ where: { id }, data: { status: 'running', startedAt } });
}

/** Records a processed batch: the new cursor and `count` more answers done. */
export async function recordReanalysisBatch(
  prisma: PrismaClient,
  id: string,
  cursor: string | null,
  count: number,
): Promise<Reanalysis> {
  return prisma.reanalysis.update({ where: { id }, data: { cursor, done: { increment: count } } });
}

export async function completeReanalysis(prisma: PrismaClient, id: string): Promise<Reanalysis> {
  return prisma.reanalysis.update({ where: { id }, data: { status: 'completed', finishedAt: new Date() } });
}

/** Marks the re-analysis failed with the (truncated) reason. */
export async function failReanalysis(prisma: PrismaClient, id: string, reason: string): Promise<void> {
  await prisma.reanalysis.update({
    where: { id },
    data: { status: 'failed', error: reason.slice(0, 2_000), finishedAt: new Date() },
  });
}
