/**
 * The workspace lookup every workspace route makes, as a prepared statement on the pool: it runs
 * on every request, and through Prisma it cost about twice as much.
 */
import type pg from 'pg';
import type { Workspace } from '../../generated/prisma/client.js';

interface Row {
  id: string;
  organization_id: string;
  name: string;
  timezone: string;
  brands_version: number;
  created_at: Date;
  updated_at: Date;
}

export async function findOwnedWorkspace(pool: pg.Pool, organizationId: string, workspaceId: string): Promise<Workspace | null> {
  const { rows } = await pool.query<Row>({
    name: 'workspace_owned',
    text: 'SELECT id, organization_id, name, timezone, brands_version, created_at, updated_at FROM workspaces WHERE id = $1 AND organization_id = $2',
    values: [workspaceId, organizationId],
  });
  const r = rows[0];
  return r
    ? { id: r.id, organizationId: r.organization_id, name: r.name, timezone: r.timezone, brandsVersion: r.brands_version, createdAt: r.created_at, updatedAt: r.updated_at }
    : null;
}
