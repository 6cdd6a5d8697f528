/**
 * The action name of every write route, as the audit log shows it: `<resource>.<verb>`, e.g.
 * `brand.create`, `api_key.revoke`, `run.cancel`.
 *
 * Names are derived from the route, so a new write route is named without anyone having to think
 * of it: the resource is the collection the route acts on, singular and in snake_case
 * (`model-configs` → `model_config`), and the verb follows the method (POST on a collection:
 * create; PATCH or PUT on an item: update; DELETE: delete) or is the route's last segment when it
 * names one (`/runs/:runId/cancel` → `run.cancel`, `/prompts/import` → `prompt.import`).
 * Where that reads badly, ACTION_OVERRIDES names the route's action; a route may also declare its
 * own with `config: { audit: 'member.remove' }`. test/integration/audit-log.test.ts lists every
 * write route with its name and fails on one it does not list, so each new name is read once.
 */

/** Routes whose derived name reads badly, by "METHOD /url". */
export const ACTION_OVERRIDES: Record<string, string> = {
  'DELETE /v1/api-keys/:apiKeyId': 'api_key.revoke',
  'PUT /v1/provider-credentials/:provider': 'provider_credential.set',
  'POST /v1/workspaces/:workspaceId/runs': 'run.start',
  'POST /v1/workspaces/:workspaceId/reanalyses': 'reanalysis.start',
  'DELETE /v1/me/sessions': 'session.end_all',
  'DELETE /v1/me/sessions/:sessionId': 'session.end',
  // Members and invitations (src/modules/members).
  'PATCH /v1/members/:memberId': 'member.update',
  'DELETE /v1/members/:memberId': 'member.remove',
  'DELETE /v1/invitations/:invitationId': 'invitation.revoke',
};

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Whether requests with this method change something (and are recorded). */
export function isWrite(method: string): boolean {
  return !SAFE.has(method.toUpperCase());
}

/** `reanalyses` → `reanalysis`, `model-configs` → `model_config`, `me` → `me`. */
export function singular(segment: string): string {
  const snake = segment.replaceAll('-', '_');
  if (snake.endsWith('yses')) return `${snake.slice(0, -2)}is`;
  if (snake.endsWith('ies')) return `${snake.slice(0, -3)}y`;
  if (snake.endsWith('s') && !snake.endsWith('ss')) return snake.slice(0, -1);
  return snake;
}

const VERB_OF_METHOD: Record<string, string> = { POST: 'create', PUT: 'update', PATCH: 'update', DELETE: 'delete' };

/**
 * Where a route's action comes from: the resource named by the path, what the route does to it,
 * and which path parameter, if any, names the resource acted on (its target).
 */
export interface RouteAction {
  action: string;
  /** The kind of record acted on (`brand`): the resource the path names. */
  targetType: string;
  /** The path parameter holding the target's id (`brandId`), or null: the target is the created record. */
  targetParam: string | null;
}

/** The action of a write route, from an explicit name, the override table, or the route itself. */
export function actionOf(method: string, url: string, declared?: string): RouteAction {
  const m = method.toUpperCase();
  const segments = url.split('/').filter((s) => s && s !== 'v1');
  // Workspace data is named by its own resource: /workspaces/:workspaceId/brands → brand.
  if (segments[0] === 'workspaces' && segments[1]?.startsWith(':') && segments.length > 2) segments.splice(0, 2);
  const last = segments[segments.length - 1] ?? '';
  let resource: string;
  let verb: string;
  let targetParam: string | null = null;
  if (last.startsWith(':')) {
    // An item: /brands/:brandId
    resource = singular(segments[segments.length - 2] ?? 'resource');
    verb = VERB_OF_METHOD[m] ?? m.toLowerCase();
    targetParam = last.slice(1);
  } else if (segments.length >= 3 && segments[segments.length - 2]?.startsWith(':')) {
    // An action on an item: /runs/:runId/cancel
    resource = singular(segments[segments.length - 3] ?? 'resource');
    verb = last.replaceAll('-', '_');
    targetParam = (segments[segments.length - 2] as string).slice(1);
  } else if (segments.length >= 2 && !segments[segments.length - 2]?.startsWith(':') && m === 'POST') {
    // An action on a collection: /prompts/import
    resource = singular(segments[segments.length - 2] as string);
    verb = last.replaceAll('-', '_');
  } else {
    // A collection: /brands
    resource = singular(last || 'resource');
    verb = VERB_OF_METHOD[m] ?? m.toLowerCase();
  }
  const action = declared ?? ACTION_OVERRIDES[`${m} ${url}`] ?? `${resource}.${verb}`;
  return { action, targetType: resource, targetParam };
}

/** The form every action name has: `resource.verb`, lower-case words joined by `_`. */
export const ACTION_PATTERN = /^[a-z]+(_[a-z]+)*\.[a-z]+(_[a-z]+)*$/;
