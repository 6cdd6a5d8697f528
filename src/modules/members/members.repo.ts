/**
 * Memberships: a person's role in an organization, and the workspaces shared with a client.
 * Changes that could leave an organization without an owner run in a transaction that holds the
 * organization's row (lockMemberships), so two owners demoting each other at once cannot both win.
 */
import type pg from 'pg';
import { sqlAfterCursor, toPage, type Page, type PageQuery } from '../../db/pagination.js';
import type { MemberRole } from '../../generated/prisma/client.js';
import { newId } from '../../lib/ids.js';

type Db = pg.Pool | pg.PoolClient;

export interface MembershipRow {
  id: string;
  organizationId: string;
  userId: string;
  email: string;
  name: string;
  role: MemberRole;
  /** The workspaces shared with a client; empty for other roles. */
  workspaceIds: string[];
  createdAt: Date;
}

const SELECT_MEMBERSHIP = `
  SELECT m.id, m.organization_id, m.user_id, u.email, u.name, m.role, m.created_at,
         COALESCE((SELECT array_agg(mw.workspace_id ORDER BY mw.workspace_id) FROM membership_workspaces mw
                    WHERE mw.membership_id = m.id), '{}') AS workspace_ids
    FROM memberships m JOIN users u ON u.id = m.user_id`;

function toRow(r: Record<string, unknown>): MembershipRow {
  return {
    id: r.id as string,
    organizationId: r.organization_id as string,
    userId: r.user_id as string,
    email: r.email as string,
    name: r.name as string,
    role: r.role as MemberRole,
    workspaceIds: r.workspace_ids as string[],
    createdAt: r.created_at as Date,
  };
}

/**
 * Adds a person to an organization, with the workspaces shared with them (those of the
 * organization; others are ignored), in one statement. Null when they are already a member.
 */
export async function insertMembership(
  db: Db,
  input: { organizationId: string; userId: string; role: MemberRole; workspaceIds?: string[] },
): Promise<string | null> {
  const { rows } = await db.query(
    `WITH m AS (
       INSERT INTO memberships (id, organization_id, user_id, role, updated_at) VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (organization_id, user_id) DO NOTHING RETURNING id),
     shares AS (
       INSERT INTO membership_workspaces (membership_id, workspace_id)
       SELECT m.id, w.id FROM m, workspaces w WHERE w.id = ANY($5::uuid[]) AND w.organization_id = $2
       RETURNING 1)
     SELECT id FROM m`,
    [newId(), input.organizationId, input.userId, input.role, input.workspaceIds ?? []],
  );
  return (rows[0]?.id as string | undefined) ?? null;
}

/** One page of an organization's members, oldest membership first. */
export async function findMembershipsPage(
  pool: pg.Pool,
  organizationId: string,
  q: PageQuery,
): Promise<Page<MembershipRow>> {
  const { rows } = await pool.query(
    `${SELECT_MEMBERSHIP} WHERE m.organization_id = $1 AND ${sqlAfterCursor('m.id', '$2')} ORDER BY m.id LIMIT $3`,
    [organizationId, q.cursor ?? null, q.limit + 1],
  );
  return toPage(rows.map(toRow), q.limit);
}

export async function findMembership(db: Db, organizationId: string, id: string): Promise<MembershipRow | null> {
  const { rows } = await db.query(`${SELECT_MEMBERSHIP} WHERE m.organization_id = $1 AND m.id = $2`, [
    organizationId,
    id,
  ]);
  return rows[0] ? toRow(rows[0]) : null;
}

/** A person's membership of an organization, by their email (lower-cased), if any. */
export async function findMembershipByEmail(
  db: Db,
  organizationId: string,
  email: string,
): Promise<MembershipRow | null> {
  const { rows } = await db.query(`${SELECT_MEMBERSHIP} WHERE m.organization_id = $1 AND u.email = $2`, [
    organizationId,
    email,
  ]);
  return rows[0] ? toRow(rows[0]) : null;
}

/**
 * Runs `work` in a transaction holding the organization's row, so membership changes of one
 * organization happen one after the other (the last-owner rule depends on it).
 */
export async function lockMemberships<T>(
  pool: pg.Pool,
  organizationId: string,
  work: (tx: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT id FROM organizations WHERE id = $1 FOR UPDATE', [organizationId]);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

export async function countOwners(db: Db, organizationId: string): Promise<number> {
  const { rows } = await db.query(
    `SELECT count(*)::int AS n FROM memberships WHERE organization_id = $1 AND role = 'owner'`,
    [organizationId],
  );
  return rows[0].n as number;
}

/** Sets a member's role and, when given, replaces the workspaces shared with them. */
export async function updateMembership(
  db: Db,
  input: { organizationId: string; id: string; role: MemberRole; workspaceIds: string[] | null },
): Promise<void> {
  await db.query('UPDATE memberships SET role = $3, updated_at = now() WHERE id = $1 AND organization_id = $2', [
    input.id,
    input.organizationId,
    input.role,
  ]);
  if (input.workspaceIds === null) return;
  await db.query('DELETE FROM membership_workspaces WHERE membership_id = $1', [input.id]);
  await db.query(
    `INSERT INTO membership_workspaces (membership_id, workspace_id)
     SELECT $1, w.id FROM workspaces w WHERE w.id = ANY($2::uuid[]) AND w.organization_id = $3`,
    [input.id, input.workspaceIds, input.organizationId],
  );
}

/** Removes a membership (and the workspaces shared through it). */
export async function deleteMembership(db: Db, organizationId: string, id: string): Promise<boolean> {
  const { rowCount } = await db.query('DELETE FROM memberships WHERE id = $1 AND organization_id = $2', [
    id,
    organizationId,
  ]);
  return (rowCount ?? 0) > 0;
}
