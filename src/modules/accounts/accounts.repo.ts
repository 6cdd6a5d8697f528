/**
 * Sessions and memberships as the authentication hook reads them: plain SQL on the hot path
 * (one statement per lookup), and the few writes Citewatch makes to better-auth's tables itself
 * (keeping a used session alive, listing and ending a person's sessions).
 */
import type pg from 'pg';
import type { MemberRole } from '../../generated/prisma/client.js';

export interface SessionRow {
  id: string;
  userId: string;
  email: string;
  name: string;
  createdAt: Date;
  expiresAt: Date;
}

export interface MembershipGrant {
  organizationId: string;
  role: MemberRole;
  /** The workspaces shared with a client; empty for other roles. */
  workspaceIds: string[];
}

/** The session whose token hashes to `tokenHash`, with its person and every membership. */
export async function findSessionByTokenHash(
  pool: pg.Pool,
  tokenHash: string,
): Promise<{ session: SessionRow; memberships: MembershipGrant[] } | null> {
  const { rows } = await pool.query(
    `SELECT s.id, s.user_id, u.email, u.name, s.created_at, s.expires_at,
            COALESCE((SELECT json_agg(json_build_object(
                        'organizationId', m.organization_id, 'role', m.role,
                        'workspaceIds', COALESCE((SELECT json_agg(mw.workspace_id) FROM membership_workspaces mw
                                                  WHERE mw.membership_id = m.id), '[]'::json)))
                      FROM memberships m WHERE m.user_id = s.user_id), '[]'::json) AS memberships
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token = $1`,
    [tokenHash],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    session: {
      id: row.id,
      userId: row.user_id,
      email: row.email,
      name: row.name,
      createdAt: row.created_at,
      expiresAt: row.expires_at,
    },
    memberships: row.memberships,
  };
}

/** Pushes a session's idle expiry forward. */
export async function extendSession(pool: pg.Pool, id: string, expiresAt: Date): Promise<void> {
  await pool.query('UPDATE sessions SET expires_at = $2, updated_at = now() WHERE id = $1 AND expires_at < $2', [
    id,
    expiresAt,
  ]);
}

export async function deleteSession(pool: pg.Pool, userId: string, id: string): Promise<boolean> {
  const { rowCount } = await pool.query('DELETE FROM sessions WHERE id = $1 AND user_id = $2', [id, userId]);
  return (rowCount ?? 0) > 0;
}

/** Ends every session of a person (sign out everywhere); the count ended. */
export async function deleteSessionsOfUser(pool: pg.Pool, userId: string): Promise<number> {
  const { rowCount } = await pool.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
  return rowCount ?? 0;
}

export interface SessionListRow {
  id: string;
  createdAt: Date;
  expiresAt: Date;
  updatedAt: Date;
  ipAddress: string | null;
  userAgent: string | null;
}

/** A person's live sessions, newest first. */
export async function listSessionsOfUser(pool: pg.Pool, userId: string): Promise<SessionListRow[]> {
  const { rows } = await pool.query(
    `SELECT id, created_at, expires_at, updated_at, ip_address, user_agent FROM sessions
      WHERE user_id = $1 AND expires_at > now() ORDER BY id DESC LIMIT 200`,
    [userId],
  );
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    updatedAt: r.updated_at,
    ipAddress: r.ip_address,
    userAgent: r.user_agent,
  }));
}

/** The organization a workspace belongs to (it never changes), or null. */
export async function findWorkspaceOrganization(pool: pg.Pool, workspaceId: string): Promise<string | null> {
  const { rows } = await pool.query('SELECT organization_id FROM workspaces WHERE id = $1', [workspaceId]);
  return rows[0]?.organization_id ?? null;
}

/** Organization names, for a person's membership list. */
export async function findOrganizationNames(pool: pg.Pool, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const { rows } = await pool.query('SELECT id, name FROM organizations WHERE id = ANY($1::uuid[])', [ids]);
  return new Map(rows.map((r) => [r.id as string, r.name as string]));
}

/** The organizations a person belongs to, oldest membership first. */
export async function findOrganizationIdsOfUser(pool: pg.Pool, userId: string): Promise<string[]> {
  const { rows } = await pool.query<{ organization_id: string }>(
    'SELECT organization_id FROM memberships WHERE user_id = $1 ORDER BY created_at, id',
    [userId],
  );
  return rows.map((r) => r.organization_id);
}

/** The account of an email address (lower-cased), if there is one. */
export async function findUserIdByEmail(pool: pg.Pool | pg.PoolClient, email: string): Promise<string | null> {
  const { rows } = await pool.query('SELECT id FROM users WHERE email = $1', [email.trim().toLowerCase()]);
  return (rows[0]?.id as string | undefined) ?? null;
}

/**
 * What lets an SSO identity without an account in (docs/operators.md, "Single sign-on"): a
 * pending invitation for its email, or an organization of its email's domain that admits people
 * of that domain just in time (sso_default_role set).
 */
export async function findSsoWaysIn(
  pool: pg.Pool,
  email: string,
  domain: string,
): Promise<{ invited: boolean; joinable: boolean }> {
  const { rows } = await pool.query(
    `SELECT EXISTS (SELECT 1 FROM invitations
                     WHERE email = $1 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now()) AS invited,
            EXISTS (SELECT 1 FROM organizations
                     WHERE sso_domain = $2 AND sso_default_role IS NOT NULL) AS joinable`,
    [email, domain],
  );
  return { invited: rows[0].invited, joinable: rows[0].joinable };
}

/** The organizations a person's email domain lets them join just in time, that they are not in. */
export async function findSsoJoinableOrganizations(
  pool: pg.Pool,
  userId: string,
): Promise<Array<{ organizationId: string; role: MemberRole; email: string }>> {
  const { rows } = await pool.query(
    `SELECT o.id, o.sso_default_role, u.email FROM users u
       JOIN organizations o ON o.sso_domain = substring(u.email from '@([^@]+)$')
      WHERE u.id = $1 AND o.sso_default_role IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM memberships m WHERE m.organization_id = o.id AND m.user_id = u.id)`,
    [userId],
  );
  return rows.map((r) => ({ organizationId: r.id, role: r.sso_default_role, email: r.email }));
}
