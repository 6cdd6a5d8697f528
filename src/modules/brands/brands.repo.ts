/** Brand reads on the hot path (every dashboard view lists them), as a prepared statement. */
import type pg from 'pg';
import type { Brand } from '../../generated/prisma/client.js';

interface Row {
  id: string;
  workspace_id: string;
  name: string;
  aliases: string[];
  domains: string[];
  kind: 'own' | 'competitor';
  case_sensitive: boolean;
  created_at: Date;
  updated_at: Date;
}

/** Up to `limit` brands after `cursor` (ids are time-ordered UUIDv7), oldest first. */
export async function listBrandRows(pool: pg.Pool, workspaceId: string, limit: number, cursor: string | null): Promise<Brand[]> {
  const { rows } = await pool.query<Row>({
    name: 'brands_page',
    text: `SELECT id, workspace_id, name, aliases, domains, kind, case_sensitive, created_at, updated_at
             FROM brands WHERE workspace_id = $1 AND ($2::uuid IS NULL OR id > $2) ORDER BY id LIMIT $3`,
    values: [workspaceId, cursor, limit],
  });
  return rows.map((r) => ({
    id: r.id,
    workspaceId: r.workspace_id,
    name: r.name,
    aliases: r.aliases,
    domains: r.domains,
    kind: r.kind,
    caseSensitive: r.case_sensitive,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}
