/**
 * The signed-in person: who they are (GET /v1/me with the session cookie), and what their role
 * lets them do on screen. The API decides what is allowed; the dashboard only leaves out the
 * controls a role could not use, so nobody is offered a button that can only fail.
 */
import { ApiError, apiPublic } from '../api/client.js';
import type { Me, Role } from '../api/types.js';

/** The person the session cookie belongs to; null when there is none or it ended. */
export async function loadMe(): Promise<Me | null> {
  try {
    const me = await apiPublic<Me>('GET', '/v1/me');
    return me.kind === 'user' && me.csrfToken ? me : null;
  } catch (err) {
    if (err instanceof ApiError && (err.status === 401 || err.status === 403)) return null;
    throw err;
  }
}

export const ROLE_LABELS: Record<Role, string> = {
  owner: 'Owner',
  admin: 'Admin',
  editor: 'Editor',
  viewer: 'Viewer',
  client: 'Client',
};

export const ROLE_HELP: Record<Role, string> = {
  owner: 'everything, including making and removing owners',
  admin: 'everything but owners: members, invitations, API keys, the audit log',
  editor: 'changes workspaces: brands, prompts, configurations, audits and runs',
  viewer: 'reads every workspace of the organization',
  client: 'reads only the workspaces shared with them',
};

export const ROLES: Role[] = ['owner', 'admin', 'editor', 'viewer', 'client'];

/** Owners and admins manage members, invitations and read the audit log. */
export function managesMembers(role: Role | null | undefined): boolean {
  return role === 'owner' || role === 'admin';
}

/** The roles this person may give: only an owner makes owners. */
export function assignableRoles(role: Role | null | undefined): Role[] {
  if (role === 'owner') return ROLES;
  if (role === 'admin') return ROLES.filter((r) => r !== 'owner');
  return [];
}

/** "Chrome on Linux" from a User-Agent header; enough to tell one's sessions apart. */
export function describeAgent(userAgent: string | null): string {
  if (!userAgent) return 'Unknown browser';
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /Chrom(e|ium)\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : /curl\//.test(userAgent)
            ? 'curl'
            : 'A browser';
  const system = /Android/.test(userAgent)
    ? 'Android'
    : /iPhone|iPad/.test(userAgent)
      ? 'iOS'
      : /Windows/.test(userAgent)
        ? 'Windows'
        : /Mac OS X/.test(userAgent)
          ? 'macOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : null;
  return system ? `${browser} on ${system}` : browser;
}
