/** Change-event rows with their prompt links. */
import type pg from 'pg';
import type { PrismaClient } from '../../db/client.js';
import type { ChangeEvent, ChangeEventKind, Prisma } from '../../generated/prisma/client.js';
import { newId } from '../../lib/ids.js';

const withPrompts = { prompts: { select: { promptId: true } } } as const;
export type ChangeEventWithPrompts = ChangeEvent & { prompts: Array<{ promptId: string }> };

export interface ChangeEventScalars {
  kind: ChangeEventKind;
  occurredAt: Date;
  title: string | null;
  notes: string | null;
  url: string | null;
  promptTags: string[];
}

export async function listEventRows(
  prisma: PrismaClient,
  workspaceId: string,
  limit: number,
  cursor: string | null,
): Promise<ChangeEventWithPrompts[]> {
  return prisma.changeEvent.findMany({
    where: { workspaceId, ...(cursor ? { id: { gt: cursor } } : {}) },
    orderBy: { id: 'asc' },
    take: limit,
    include: withPrompts,
  });
}

export async function findEvent(
  prisma: PrismaClient,
  workspaceId: string,
  id: string,
): Promise<ChangeEventWithPrompts | null> {
  return prisma.changeEvent.findFirst({ where: { id, workspaceId }, include: withPrompts });
}

/** The workspace's latest event that has happened by `now`. */
export async function latestEvent(
  prisma: PrismaClient,
  workspaceId: string,
  now: Date,
): Promise<ChangeEventWithPrompts | null> {
  return prisma.changeEvent.findFirst({
    where: { workspaceId, occurredAt: { lte: now } },
    orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
    include: withPrompts,
  });
}

export async function insertEvent(
  prisma: PrismaClient,
  workspaceId: string,
  scalars: ChangeEventScalars,
  promptIds: string[],
): Promise<ChangeEventWithPrompts> {
  return prisma.changeEvent.create({
    data: { id: newId(), workspaceId, ...scalars, prompts: { create: promptIds.map((promptId) => ({ promptId })) } },
    include: withPrompts,
  });
}

export async function updateEventRow(
  prisma: PrismaClient,
  id: string,
  scalars: Prisma.ChangeEventUncheckedUpdateInput,
  promptIds: string[] | undefined,
): Promise<ChangeEventWithPrompts> {
  return prisma.changeEvent.update({
    where: { id },
    data: {
      ...scalars,
      ...(promptIds ? { prompts: { deleteMany: {}, create: promptIds.map((promptId) => ({ promptId })) } } : {}),
    },
    include: withPrompts,
  });
}

export async function deleteEventRow(prisma: PrismaClient, id: string): Promise<void> {
  await prisma.changeEvent.delete({ where: { id } });
}

/** The ids among `ids` of prompts of the workspace. */
export async function workspacePromptIds(
  prisma: PrismaClient,
  workspaceId: string,
  ids: string[],
): Promise<Set<string>> {
  const rows = await prisma.prompt.findMany({ where: { workspaceId, id: { in: ids } }, select: { id: true } });
  return new Set(rows.map((p) => p.id));
}

export interface EventMark {
  id: string;
  occurredAt: string;
  /** The trend period holding the event: its local day, or the Monday of its week, in the time zone given. */
  period: string;
  kind: ChangeEventKind;
  title: string | null;
}

/**
 * A workspace's events from `from` (inclusive) to `to` (exclusive), either bound optional, oldest
 * first (at most 500): what trends mark, each with its period (in the workspace's time zone) as
 * trends compute theirs.
 */
export async function eventsBetween(
  pool: pg.Pool,
  workspaceId: string,
  range: { from: string | null; to: string | null; interval: 'day' | 'week' },
): Promise<EventMark[]> {
  // The workspace's time zone is read here, so trends can ask for their events alongside their rows.
  const local = 'timezone((SELECT timezone FROM workspaces WHERE id = $1), occurred_at)';
  const period = range.interval === 'week' ? `(date_trunc('week', ${local}))::date::text` : `(${local})::date::text`;
  const { rows } = await pool.query<EventMark>(
    `SELECT id, to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "occurredAt",
            ${period} AS period, kind, title
       FROM change_events
      WHERE workspace_id = $1 AND ($2::timestamptz IS NULL OR occurred_at >= $2) AND ($3::timestamptz IS NULL OR occurred_at < $3)
      ORDER BY occurred_at, id LIMIT 500`,
    [workspaceId, range.from, range.to],
  );
  return rows;
}
