/**
 * Hash routing: #/ lists workspaces, #/w/<workspaceId>/<page>?<params> shows a page, and the
 * pages outside any workspace have their own: #/account, #/members, #/audit-log, #/workspaces
 * (creating, renaming and deleting them), and the two a
 * person reaches from an email, #/invitation?token=… and #/reset-password?token=… (an email may
 * also name them in the query, ?page=reset-password&token=…: main.tsx turns that into the route
 * before the app starts). The server
 * only ever serves index.html, every view is a link that can be bookmarked or shared (without
 * the key), and the browser's back button works. Page state worth keeping (filters, the open
 * answer) lives in the params.
 */
import { useEffect, useState } from 'preact/hooks';

/** A workspace's reports. */
export const REPORT_PAGES = [
  'overview',
  'gap',
  'experiments',
  'app-gap',
  'events',
  'citations',
  'prompts',
  'runs',
  'spend',
  'untracked',
  'pdf-reports',
] as const;
/** Where a workspace's resources are managed (pages/manage/, loaded when first opened). */
export const MANAGE_PAGES = ['brands', 'library', 'configurations', 'audits', 'alerts'] as const;
/** Pages that follow what a workspace sends out or redoes (webhooks, re-analyses). */
export const OPERATION_PAGES = ['reanalyses', 'webhooks'] as const;
/** Share links to the workspace's reports (pages/share-links.tsx, loaded when first opened). */
export const SHARE_PAGES = ['share-links'] as const;
export const PAGES = [...REPORT_PAGES, ...MANAGE_PAGES, ...OPERATION_PAGES, ...SHARE_PAGES] as const;
export type PageName = (typeof PAGES)[number];
export type ManagePage = (typeof MANAGE_PAGES)[number];

/** Pages of the signed-in person and their organization (workspaces: API keys too). */
export const ORGANIZATION_PAGES = [
  'account',
  'members',
  'audit-log',
  'branding',
  'workspaces',
  'new-workspace',
  'api-keys',
  'credentials',
  'organization',
] as const;
/** Pages opened from an emailed link, before anyone is signed in. */
export const PUBLIC_PAGES = ['invitation', 'reset-password', 'unsubscribe'] as const;
export type OrganizationPage = (typeof ORGANIZATION_PAGES)[number];
export type PublicPage = (typeof PUBLIC_PAGES)[number];
export type OtherPage = OrganizationPage | PublicPage;

export interface Route {
  workspaceId: string | null;
  page: PageName;
  /** A page outside workspaces; null on the workspace chooser and a workspace's pages. */
  other: OtherPage | null;
  params: URLSearchParams;
}

const OTHER_PAGES: readonly OtherPage[] = [...ORGANIZATION_PAGES, ...PUBLIC_PAGES];

export function parseHash(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?', 2);
  const parts = path.split('/').filter(Boolean);
  const params = new URLSearchParams(query);
  const other = OTHER_PAGES.find((p) => p === parts[0]) ?? null;
  if (other) return { workspaceId: null, page: 'overview', other, params };
  if (parts[0] !== 'w' || !parts[1]) return { workspaceId: null, page: 'overview', other: null, params };
  const page = PAGES.find((p) => p === parts[2]) ?? 'overview';
  return { workspaceId: decodeURIComponent(parts[1]), page, other: null, params };
}

/**
 * The route of a link that names its page in the query (`?page=invitation&token=…`, as account
 * emails may), or null when the query names no page opened from an email.
 */
export function linkToRoute(search: string): string | null {
  const query = new URLSearchParams(search);
  const page = PUBLIC_PAGES.find((p) => p === query.get('page'));
  if (!page) return null;
  const token = query.get('token');
  return hrefOfOther(page, token ? { token } : {});
}

export function hrefOf(workspaceId: string, page: PageName, params?: URLSearchParams | Record<string, string>): string {
  const qs = new URLSearchParams(params).toString();
  return `#/w/${encodeURIComponent(workspaceId)}/${page}${qs ? `?${qs}` : ''}`;
}

export function hrefOfOther(page: OtherPage, params?: URLSearchParams | Record<string, string>): string {
  const qs = new URLSearchParams(params).toString();
  return `#/${page}${qs ? `?${qs}` : ''}`;
}

/** True when the address is the workspace chooser (#/, or no route at all). */
function isChooser(hash: string): boolean {
  const route = parseHash(hash);
  return !route.workspaceId && !route.other;
}

/**
 * Opens `target` in place of the workspace chooser (replacing its history entry), but only while
 * the address still is the chooser. The route an effect acts on can be older than the address: a
 * person who follows a link while the workspace list is on its way must land there, not on the
 * page the chooser would have picked for them.
 */
export function leaveChooser(target: string): void {
  if (isChooser(location.hash)) location.replace(target);
}

/**
 * Asked before the route follows a change of the address (a link, the back button): a guard that
 * returns true holds the current page (a form with unsaved changes asks first; see the form kit).
 */
export type NavigationGuard = (target: string) => boolean;
const guards = new Set<NavigationGuard>();

export function addNavigationGuard(guard: NavigationGuard): () => void {
  guards.add(guard);
  return () => guards.delete(guard);
}

export function useRoute(): Route {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const onChange = () => {
      for (const guard of guards) if (guard(location.href)) return;
      setHash(location.hash);
    };
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return parseHash(hash);
}

/** Changes some params of the current route (null removes one), as a new history entry. */
export function setParams(route: Route, patch: Record<string, string | null>): void {
  if (!route.workspaceId && !route.other) return;
  const params = new URLSearchParams(route.params);
  for (const [name, value] of Object.entries(patch)) {
    if (value === null || value === '') params.delete(name);
    else params.set(name, value);
  }
  location.hash = route.other
    ? hrefOfOther(route.other, params)
    : hrefOf(route.workspaceId as string, route.page, params);
}
