/**
 * Hash routing: #/ lists workspaces, #/w/<workspaceId>/<page>?<params> shows a page. The server
 * only ever serves index.html, every view is a link that can be bookmarked or shared (without
 * the key), and the browser's back button works. Page state worth keeping (filters, the open
 * answer) lives in the params.
 */
import { useEffect, useState } from 'preact/hooks';

export const PAGES = ['overview', 'experiments', 'citations', 'prompts', 'runs'] as const;
export type PageName = (typeof PAGES)[number];

export interface Route {
  workspaceId: string | null;
  page: PageName;
  params: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?', 2);
  const parts = path.split('/').filter(Boolean);
  const params = new URLSearchParams(query);
  if (parts[0] !== 'w' || !parts[1]) return { workspaceId: null, page: 'overview', params };
  const page = PAGES.find((p) => p === parts[2]) ?? 'overview';
  return { workspaceId: decodeURIComponent(parts[1]), page, params };
}

export function hrefOf(workspaceId: string, page: PageName, params?: URLSearchParams | Record<string, string>): string {
  const qs = new URLSearchParams(params).toString();
  return `#/w/${encodeURIComponent(workspaceId)}/${page}${qs ? `?${qs}` : ''}`;
}

export function useRoute(): Route {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const onChange = () => setHash(location.hash);
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return parseHash(hash);
}

/** Changes some params of the current route (null removes one), as a new history entry. */
export function setParams(route: Route, patch: Record<string, string | null>): void {
  if (!route.workspaceId) return;
  const params = new URLSearchParams(route.params);
  for (const [name, value] of Object.entries(patch)) {
    if (value === null || value === '') params.delete(name);
    else params.set(name, value);
  }
  location.hash = hrefOf(route.workspaceId, route.page, params);
}
