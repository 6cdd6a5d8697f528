/**
 * What the current user may change, so pages leave out controls that could only fail. A person's
 * role in the organization (GET /v1/me, already loaded at sign-in) or, with an API key, the key's
 * scopes (GET /v1/me asked with the key) decide:
 * - owner, admin, a key with "admin": everything, including API keys, members and credentials;
 * - editor, a key with "write": workspaces, brands, prompts, configurations, audits and runs;
 * - viewer, client, a key with "read" only: reading; a client (and a key restricted to some
 *   workspaces) sees only the workspaces shared with them, which the API's lists already enforce.
 * Hiding is a convenience: the API checks every request whatever the screen shows.
 */
import { apiGet, credentialsId } from '../api/client.js';
import type { Me, Role } from '../api/types.js';
import { type Loadable, useApiSession, useLoad } from './use-api.js';

export interface Abilities {
  /** Who is acting, in words: "Editor", "API key cw_ab12… (read)". */
  who: string;
  role: Role | null;
  /** Creates, changes and deletes a workspace's resources (write scope). */
  canEdit: boolean;
  /** Manages API keys, members, provider credentials, webhooks' secrets (admin scope). */
  canAdmin: boolean;
  /** Creates and deletes workspaces themselves (a write scope not limited to some workspaces). */
  canManageWorkspaces: boolean;
  /** The workspaces this user is limited to; null: all of the organization's. */
  workspaceIds: string[] | null;
}

export const READ_ONLY: Abilities = {
  who: 'Loading…',
  role: null,
  canEdit: false,
  canAdmin: false,
  canManageWorkspaces: false,
  workspaceIds: [],
};

type Scope = 'read' | 'write' | 'admin';
const RANK: Record<Scope, number> = { read: 0, write: 1, admin: 2 };
const ROLE_SCOPE: Record<Role, Scope> = {
  owner: 'admin',
  admin: 'admin',
  editor: 'write',
  viewer: 'read',
  client: 'read',
};

function has(scopes: readonly Scope[], needed: Scope): boolean {
  return scopes.some((s) => RANK[s] >= RANK[needed]);
}

/** The abilities of a person with `role`, or of a key with `scopes`. */
export function abilitiesOf(
  input:
    | { role: Role; workspaceIds: string[] | null }
    | { scopes: Scope[]; workspaceIds: string[] | null; prefix: string },
): Abilities {
  const scopes = 'role' in input ? [ROLE_SCOPE[input.role]] : input.scopes;
  const who =
    'role' in input
      ? input.role.charAt(0).toUpperCase() + input.role.slice(1)
      : `API key ${input.prefix}… (${input.scopes.join(', ') || 'no scope'})`;
  return {
    who,
    role: 'role' in input ? input.role : null,
    canEdit: has(scopes, 'write'),
    canAdmin: has(scopes, 'admin'),
    canManageWorkspaces: has(scopes, 'write') && input.workspaceIds === null,
    workspaceIds: input.workspaceIds,
  };
}

const keyAbilities = new Map<string, Promise<Abilities>>();

/** The current user's abilities; read-only until known (a key's scopes are asked once per key). */
export function useAbilities(): Abilities {
  const session = useApiSession();
  const person = session.person;
  const key = session.credentials.mode === 'key' ? credentialsId(session.credentials) : null;
  const loaded: Loadable<Abilities> = useLoad(
    key
      ? (auth) => {
          let found = keyAbilities.get(key);
          if (!found) {
            found = apiGet<Me>(auth, '/v1/me').then((me) =>
              me.apiKey
                ? abilitiesOf({
                    scopes: me.apiKey.scopes,
                    workspaceIds: me.apiKey.workspaceIds,
                    prefix: me.apiKey.prefix,
                  })
                : READ_ONLY,
            );
            found.catch(() => keyAbilities.delete(key));
            keyAbilities.set(key, found);
          }
          return found;
        }
      : null,
    [key],
  );
  if (person) {
    const organization = person.organization;
    return organization ? abilitiesOf({ role: organization.role, workspaceIds: organization.workspaceIds }) : READ_ONLY;
  }
  return loaded.state === 'ok' ? loaded.data : READ_ONLY;
}
