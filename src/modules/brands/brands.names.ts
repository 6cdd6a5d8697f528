/**
 * Worker side: a workspace's brand names, kept per process while the workspace's brand version
 * (bumped on every brand change) stays the same, so a run reads them once.
 */
import type { Database } from '../../db/client.js';
import { workspaceBrandNames } from './brands.repo.js';

export class BrandNamesCache {
  private readonly byWorkspace = new Map<string, { version: number; names: string[] }>();

  constructor(private readonly db: Database) {}

  async get(workspaceId: string, version: number): Promise<string[]> {
    const hit = this.byWorkspace.get(workspaceId);
    if (hit?.version === version) return hit.names;
    const names = await workspaceBrandNames(this.db.pool, workspaceId);
    this.byWorkspace.set(workspaceId, { version, names });
    return names;
  }
}
