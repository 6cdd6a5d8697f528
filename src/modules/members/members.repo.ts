/** Memberships: a person's role in an organization, and the workspaces shared with a client. */
import type pg from 'pg';
import type { MemberRole } from '../../generated/prisma/client.js';
import { newId } from '../../lib/ids.js';

export async function insertMembership(
  pool: pg.Pool | pg.PoolClient,
  input: { organizationId: string; userId: string; role: MemberRole; workspaceIds?: string[] },
): Promise<string> {
  const id = newId();
  await pool.query(
    `INSERT INTO memberships (id, organization_id, user_id, role, updated_at) VALUES ($1, $2, $3, $4, now())`,
    [id, input.organizationId, input.userId, input.role],
  );
  if (input.workspaceIds?.length)
    await pool.query(
      `INSERT INTO membership_workspaces (membership_id, workspace_id)
       SELECT $1, w.id FROM workspaces w WHERE w.id = ANY($2::uuid[]) AND w.organization_id = $3`,
      [id, input.workspaceIds, input.organizationId],
    );
  return id;
}
