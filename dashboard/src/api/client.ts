/**
 * The dashboard's one way to its data: fetch against the public REST API (/v1), like any other
 * client, in one of two modes:
 * - key: the API key an integrator entered, sent as `Authorization: Bearer`;
 * - session: a signed-in person's session cookie (HttpOnly, set by the sign-in route, never
 *   readable here), with the organization they chose in `x-organization-id` and, on every write,
 *   the session's CSRF token (GET /v1/me gives it) in `x-csrf-token`.
 * Errors the API answers (application/problem+json) become an ApiError carrying the API's own
 * message, so pages can show what went wrong and what to do about it.
 */
import type { Page } from './types.js';

/** One field the API refused: its dotted path in the request ("body.name", "params.temperature"). */
export interface FieldProblem {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId: string | null,
    /** Per-field problems of a validation error (problem+json `errors`), for forms to place. */
    readonly errors: FieldProblem[] = [],
  ) {
    super(message);
  }
}

/** How requests authenticate. */
export type Credentials =
  | { mode: 'key'; key: string }
  | { mode: 'session'; csrfToken: string; organizationId: string | null };

/** A string that changes whenever the credentials do (loaders reload on it). */
export function credentialsId(c: Credentials): string {
  return c.mode === 'key' ? `key:${c.key}` : `session:${c.csrfToken}:${c.organizationId ?? ''}`;
}

/** Query values; lists are sent comma-separated, empty values are left out. */
export type Query = Record<string, string | number | boolean | readonly string[] | null | undefined>;

export function buildUrl(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    const text = Array.isArray(value) ? value.join(',') : String(value);
    if (text !== '') params.set(name, text);
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** A request body sent as it is, with its own type (a CSV file to import), rather than as JSON. */
export class TextBody {
  constructor(
    readonly text: string,
    readonly type: string,
  ) {}
}

function requestInit(
  auth: Credentials | null,
  method: Method,
  body: unknown,
  signal?: AbortSignal,
  idempotencyKey?: string,
): RequestInit {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
  if (body !== undefined) headers['content-type'] = body instanceof TextBody ? body.type : 'application/json';
  const payload = body === undefined ? null : body instanceof TextBody ? body.text : JSON.stringify(body);
  if (auth?.mode === 'key') {
    headers.authorization = `Bearer ${auth.key}`;
    return { method, headers, body: payload, signal: signal ?? null };
  }
  if (auth?.mode === 'session') {
    if (auth.organizationId) headers['x-organization-id'] = auth.organizationId;
    if (method !== 'GET') headers['x-csrf-token'] = auth.csrfToken;
  }
  return {
    method,
    headers,
    body: payload,
    // The session cookie goes to this site only; the page never sees it.
    credentials: 'same-origin',
    signal: signal ?? null,
  };
}

async function send<T>(
  auth: Credentials | null,
  method: Method,
  url: string,
  body?: unknown,
  signal?: AbortSignal,
  idempotencyKey?: string,
): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, requestInit(auth, method, body, signal, idempotencyKey));
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ApiError(
      0,
      'network',
      'The Citewatch API cannot be reached. Check that it is running, then reload the page.',
      null,
    );
  }
  if (!res.ok) throw await problemOf(res);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export function apiGet<T>(auth: Credentials, url: string, signal?: AbortSignal): Promise<T> {
  return send<T>(auth, 'GET', url, undefined, signal);
}

/** A file (a PDF report) as a Blob, with the same credentials as every request. */
export async function apiBlob(auth: Credentials, url: string): Promise<Blob> {
  const init = requestInit(auth, 'GET', undefined);
  const res = await fetch(url, { ...init, headers: { ...(init.headers as Record<string, string>), accept: '*/*' } });
  if (!res.ok) throw await problemOf(res);
  return res.blob();
}

/**
 * A write (POST, PATCH, PUT, DELETE) with a JSON body or none. A create takes an Idempotency-Key
 * (lib/idempotency.ts gives one per submission): a retry with it answers the first result.
 */
export function apiSend<T>(
  auth: Credentials,
  method: Exclude<Method, 'GET'>,
  url: string,
  body?: unknown,
  idempotencyKey?: string,
): Promise<T> {
  return send<T>(auth, method, url, body, undefined, idempotencyKey);
}

/**
 * A request before anyone is signed in (sign-in, password reset, an invitation), or one that
 * relies on the session cookie alone. `csrfToken` is sent when the page has one.
 */
export function apiPublic<T>(method: Method, url: string, body?: unknown, csrfToken?: string | null): Promise<T> {
  return send<T>(csrfToken ? { mode: 'session', csrfToken, organizationId: null } : null, method, url, body);
}

async function problemOf(res: Response): Promise<ApiError> {
  const requestId = res.headers.get('x-request-id');
  try {
    const problem = (await res.json()) as { code?: unknown; detail?: unknown; requestId?: unknown; errors?: unknown };
    if (typeof problem.detail === 'string') {
      return new ApiError(
        res.status,
        typeof problem.code === 'string' ? problem.code : 'error',
        problem.detail,
        typeof problem.requestId === 'string' ? problem.requestId : requestId,
        fieldProblems(problem.errors),
      );
    }
  } catch {
    // Not JSON (a proxy's error page, say): fall through to a generic message.
  }
  return new ApiError(res.status, 'error', `The API answered ${res.status} ${res.statusText}.`, requestId);
}

function fieldProblems(errors: unknown): FieldProblem[] {
  if (!Array.isArray(errors)) return [];
  return errors.flatMap((e: { path?: unknown; message?: unknown } | null) =>
    e && typeof e.path === 'string' && typeof e.message === 'string' ? [{ path: e.path, message: e.message }] : [],
  );
}

/**
 * Every item of a cursor-paginated list, page after page. Bounded: the lists the dashboard needs
 * whole (brands, prompts, configurations) are small; past `max` items the rest is left out.
 */
export async function apiListAll<T>(
  auth: Credentials,
  path: string,
  query: Query = {},
  signal?: AbortSignal,
  max = 2_000,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<T> = await apiGet<Page<T>>(auth, buildUrl(path, { ...query, limit: 200, cursor }), signal);
    items.push(...page.data);
    cursor = page.nextCursor;
  } while (cursor && items.length < max);
  return items;
}
