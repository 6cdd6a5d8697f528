/**
 * What every page of a workspace needs: the workspace, its brands (own first) and its model
 * configurations, loaded once when the workspace opens and shared through a context.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { type Credentials, apiGet, apiListAll } from '../api/client.js';
import type { Brand, ModelConfig, Workspace } from '../api/types.js';

export interface WorkspaceData {
  workspace: Workspace;
  /** Own brands first, then competitors, each by name. */
  brands: Brand[];
  configs: ModelConfig[];
  /** Providers of the workspace's configurations, sorted. */
  providers: string[];
  /** `/v1/workspaces/<id>`: prefix of every workspace route. */
  base: string;
  /** Reads the workspace, brands and configurations again (after a page changed them). */
  reload?: () => void;
}

export const WorkspaceContext = createContext<WorkspaceData | null>(null);

export function useWorkspace(): WorkspaceData {
  const data = useContext(WorkspaceContext);
  if (!data) throw new Error('useWorkspace outside <WorkspaceContext.Provider>');
  return data;
}

export async function loadWorkspace(
  auth: Credentials,
  workspaceId: string,
  signal: AbortSignal,
): Promise<WorkspaceData> {
  const base = `/v1/workspaces/${encodeURIComponent(workspaceId)}`;
  const [workspace, brands, configs] = await Promise.all([
    apiGet<Workspace>(auth, base, signal),
    apiListAll<Brand>(auth, `${base}/brands`, {}, signal),
    apiListAll<ModelConfig>(auth, `${base}/model-configs`, {}, signal),
  ]);
  brands.sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'own' ? -1 : 1));
  const providers = [...new Set(configs.map((c) => c.provider))].sort();
  return { workspace, brands, configs, providers, base };
}

/** Highlight colours per brand, in the workspace's brand order (styles.css defines .brand-0 … .brand-7). */
export function brandColorIndex(brands: Brand[], brandId: string): number {
  const i = brands.findIndex((b) => b.id === brandId);
  return i < 0 ? 7 : i % 8;
}
