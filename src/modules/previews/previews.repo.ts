/** What previews read: the workspace's brands as the analysis reads them, with their kind. */
import type pg from 'pg';
import type { BrandDefinition } from '../../analysis/types.js';

export interface PreviewBrand extends BrandDefinition {
  kind: 'own' | 'competitor';
}

/** Every brand of a workspace, in the order the analysis worker compiles them (by id). */
export async function workspaceBrands(pool: pg.Pool, workspaceId: string): Promise<PreviewBrand[]> {
  const { rows } = await pool.query<{
    id: string;
    name: string;
    aliases: string[];
    domains: string[];
    case_sensitive: boolean;
    kind: 'own' | 'competitor';
  }>('SELECT id, name, aliases, domains, case_sensitive, kind FROM brands WHERE workspace_id = $1 ORDER BY id', [
    workspaceId,
  ]);
  return rows.map((b) => ({
    id: b.id,
    name: b.name,
    aliases: b.aliases,
    domains: b.domains,
    caseSensitive: b.case_sensitive,
    kind: b.kind,
  }));
}
