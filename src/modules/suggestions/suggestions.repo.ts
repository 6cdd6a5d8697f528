/** Suggestion rows (Prisma) and the search queries of a workspace's stored answers (SQL on the pool). */
import type pg from 'pg';
import type { PrismaClient } from '../../db/client.js';
import { pageArgs, type PageQuery } from '../../db/pagination.js';
import type { Prisma, Suggestion } from '../../generated/prisma/client.js';
import { newId } from '../../lib/ids.js';

export type NewSuggestion = Omit<Prisma.SuggestionUncheckedCreateInput, 'id'>;

export async function insertSuggestion(prisma: PrismaClient, data: NewSuggestion): Promise<Suggestion> {
  return prisma.suggestion.create({ data: { id: newId(), ...data } });
}

export async function deleteSuggestion(prisma: PrismaClient, id: string): Promise<void> {
  await prisma.suggestion.delete({ where: { id } });
}

export async function findSuggestion(
  prisma: PrismaClient,
  workspaceId: string,
  id: string,
): Promise<Suggestion | null> {
  return prisma.suggestion.findFirst({ where: { id, workspaceId } });
}

/** A suggestion by id, whatever its workspace (workers). */
export async function loadSuggestion(prisma: PrismaClient, id: string): Promise<Suggestion | null> {
  return prisma.suggestion.findUnique({ where: { id } });
}

export async function listSuggestionRows(
  prisma: PrismaClient,
  workspaceId: string,
  q: PageQuery,
): Promise<Suggestion[]> {
  return prisma.suggestion.findMany(pageArgs(q, { workspaceId }, 'desc'));
}

/** Marks a queued or running request running for one more attempt; null when it is already finished. */
export async function startSuggestionAttempt(prisma: PrismaClient, id: string): Promise<Suggestion | null> {
  const { count } = await prisma.suggestion.updateMany({
    where: { id, status: { in: ['queued', 'running'] } },
    data: { status: 'running', attempts: { increment: 1 }, progressedAt: new Date() },
  });
  if (count === 0) return null;
  await prisma.suggestion.updateMany({ where: { id, startedAt: null }, data: { startedAt: new Date() } });
  return prisma.suggestion.findUnique({ where: { id } });
}

export async function finishSuggestion(
  prisma: PrismaClient,
  id: string,
  outcome:
    | {
        status: 'succeeded';
        competitors: Prisma.InputJsonValue;
        prompts: Prisma.InputJsonValue;
        costUsd: number | null;
        rawText: string;
      }
    | { status: 'failed'; errorCode: string; error: string; costUsd: number | null; rawText: string | null },
): Promise<void> {
  const common = {
    status: outcome.status,
    costUsd: outcome.costUsd,
    rawText: outcome.rawText?.slice(0, 100_000) ?? null,
    finishedAt: new Date(),
  };
  // Only a request still in progress is finished: a duplicate job never overwrites an outcome.
  await prisma.suggestion.updateMany({
    where: { id, status: { in: ['queued', 'running'] } },
    data:
      outcome.status === 'succeeded'
        ? { ...common, competitors: outcome.competitors, prompts: outcome.prompts }
        : { ...common, errorCode: outcome.errorCode, error: outcome.error.slice(0, 2_000) },
  });
}

/**
 * The search queries assistants ran while answering in this workspace, grouped case- and
 * space-insensitively, most frequent first (ties: most recent first), with how many answers ran each.
 */
export async function frequentSearchQueries(
  pool: pg.Pool,
  workspaceId: string,
  limit: number,
): Promise<Array<{ query: string; answers: number }>> {
  const { rows } = await pool.query<{ query: string; answers: number }>(
    `SELECT (array_agg(q ORDER BY r.completed_at DESC NULLS LAST))[1] AS query,
            count(DISTINCT r.id)::int AS answers
       FROM responses r, unnest(r.search_queries) AS q
      WHERE r.workspace_id = $1 AND r.status = 'succeeded' AND btrim(q) <> ''
      GROUP BY lower(regexp_replace(btrim(q), '\\s+', ' ', 'g'))
      ORDER BY answers DESC, max(r.completed_at) DESC NULLS LAST
      LIMIT $2`,
    [workspaceId, limit],
  );
  return rows;
}

/**
 * Model requests still queued or running whose last sign of life (`progressed_at`, else
 * `created_at`) is older than `before`: their job may have been lost with Redis, or its worker
 * died. Their mark moves to `now`, so concurrent sweepers split them. Returns id and attempts so far.
 */
export async function claimStaleSuggestions(
  pool: pg.Pool,
  now: Date,
  before: Date,
): Promise<Array<{ id: string; attempts: number }>> {
  const { rows } = await pool.query<{ id: string; attempts: number }>(
    `UPDATE suggestions SET progressed_at = $1
      WHERE id IN (SELECT id FROM suggestions
                    WHERE source = 'model' AND status IN ('queued', 'running')
                      AND coalesce(progressed_at, created_at) < $2
                    ORDER BY created_at LIMIT 100 FOR UPDATE SKIP LOCKED)
      RETURNING id, attempts`,
    [now, before],
  );
  return rows;
}

/** Fails a request recovery has handed out too often. */
export async function giveUpSuggestion(prisma: PrismaClient, id: string, reason: string): Promise<void> {
  await prisma.suggestion.updateMany({
    where: { id, status: { in: ['queued', 'running'] } },
    data: { status: 'failed', errorCode: 'abandoned', error: reason, finishedAt: new Date() },
  });
}
