/**
 * Invitations: single-use, expiring links to join an organization. Only the SHA-256 of a link's
 * token is stored. Accepting claims the invitation in one statement (claimInvitation), so a link
 * opened twice at once still makes one membership.
 */
import type pg from 'pg';
import { sqlAfterCursor, toPage, type Page, type PageQuery } from '../../db/pagination.js';
import type { MemberRole } from '../../generated/prisma/client.js';
import { newId } from '../../lib/ids.js';

export interface InvitationRow {
  id: string;
  organizationId: string;
  email: string;
  role: MemberRole;
  workspaceIds: string[] | null;
  invitedBy: string;
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
}

const COLUMNS =
  'id, organization_id, email, role, workspace_ids, invited_by, expires_at, accepted_at, revoked_at, created_at';

function toRow(r: Record<string, unknown>): InvitationRow {
  return {
    id: r.id as string,
    organizationId: r.organization_id as string,
    email: r.email as string,
    role: r.role as MemberRole,
    workspaceIds: (r.workspace_ids as string[] | null) ?? null,
    invitedBy: r.invited_by as string,
    expiresAt: r.expires_at as Date,
    acceptedAt: (r.accepted_at as Date | null) ?? null,
    revokedAt: (r.revoked_at as Date | null) ?? null,
    createdAt: r.created_at as Date,
  };
}

export async function insertInvitation(
  pool: pg.Pool,
  input: {
    organizationId: string;
    email: string;
    role: MemberRole;
    workspaceIds: string[] | null;
    tokenHash: string;
    invitedBy: string;
    createdAt: Date;
    expiresAt: Date;
  },
): Promise<InvitationRow> {
  const { rows } = await pool.query(
    `INSERT INTO invitations (id, organization_id, email, role, workspace_ids, token_hash, invited_by, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${COLUMNS}`,
    [
      newId(),
      input.organizationId,
      input.email,
      input.role,
      input.workspaceIds,
      input.tokenHash,
      input.invitedBy,
      input.createdAt,
      input.expiresAt,
    ],
  );
  return toRow(rows[0]);
}

/** Deletes an invitation whose email could not be sent. */
export async function deleteInvitation(pool: pg.Pool, id: string): Promise<void> {
  await pool.query('DELETE FROM invitations WHERE id = $1', [id]);
}

/** Revokes the pending invitations of an address to the organization, but `keepId`. */
export async function revokeOtherPendingInvitations(
  pool: pg.Pool,
  organizationId: string,
  email: string,
  keepId: string,
): Promise<number> {
  const { rowCount } = await pool.query(
    `UPDATE invitations SET revoked_at = now()
      WHERE organization_id = $1 AND email = $2 AND id <> $3 AND accepted_at IS NULL AND revoked_at IS NULL`,
    [organizationId, email, keepId],
  );
  return rowCount ?? 0;
}

/** One page of the organization's invitations, newest first: the pending ones, or all. */
export async function findInvitationsPage(
  pool: pg.Pool,
  organizationId: string,
  q: PageQuery & { pendingOnly: boolean },
): Promise<Page<InvitationRow>> {
  const pending = q.pendingOnly ? 'AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now()' : '';
  const { rows } = await pool.query(
    `SELECT ${COLUMNS} FROM invitations
      WHERE organization_id = $1 ${pending} AND ${sqlAfterCursor('id', '$2', 'desc')}
      ORDER BY id DESC LIMIT $3`,
    [organizationId, q.cursor ?? null, q.limit + 1],
  );
  return toPage(rows.map(toRow), q.limit);
}

export async function findInvitation(pool: pg.Pool, organizationId: string, id: string): Promise<InvitationRow | null> {
  const { rows } = await pool.query(`SELECT ${COLUMNS} FROM invitations WHERE id = $1 AND organization_id = $2`, [
    id,
    organizationId,
  ]);
  return rows[0] ? toRow(rows[0]) : null;
}

/** Revokes an invitation not yet accepted (a revoked one keeps its first revocation time). */
export async function markInvitationRevoked(pool: pg.Pool, id: string): Promise<void> {
  await pool.query(
    'UPDATE invitations SET revoked_at = now() WHERE id = $1 AND accepted_at IS NULL AND revoked_at IS NULL',
    [id],
  );
}

/** The invitation a link's token hashes to, with its organization's name, whatever its state. */
export async function findInvitationByTokenHash(
  pool: pg.Pool,
  tokenHash: string,
): Promise<(InvitationRow & { organizationName: string }) | null> {
  const { rows } = await pool.query(
    `SELECT ${COLUMNS.split(', ')
      .map((c) => `i.${c}`)
      .join(', ')}, o.name AS organization_name
       FROM invitations i JOIN organizations o ON o.id = i.organization_id
      WHERE i.token_hash = $1`,
    [tokenHash],
  );
  const r = rows[0];
  return r ? { ...toRow(r), organizationName: r.organization_name as string } : null;
}

/**
 * Marks the invitation accepted if it still can be (not accepted, not revoked, not expired), in
 * one statement: of two acceptances at once, exactly one gets the row.
 */
export async function claimInvitation(pool: pg.Pool, tokenHash: string): Promise<InvitationRow | null> {
  const { rows } = await pool.query(
    `UPDATE invitations SET accepted_at = now()
      WHERE token_hash = $1 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now()
      RETURNING ${COLUMNS}`,
    [tokenHash],
  );
  return rows[0] ? toRow(rows[0]) : null;
}

/** Gives a claimed invitation back when the membership could not be made after all. */
export async function releaseInvitation(pool: pg.Pool, id: string): Promise<void> {
  await pool.query('UPDATE invitations SET accepted_at = NULL WHERE id = $1', [id]);
}
