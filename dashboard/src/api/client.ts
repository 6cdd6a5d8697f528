/**
 * The dashboard's one way to its data: fetch against the public REST API (/v1) with the API key
 * the user entered, like any other integrator. Errors the API answers (application/problem+json)
 * become an ApiError carrying the API's own message, so pages can show what went wrong and what
 * to do about it.
 */
import type { Page } from './types.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId: string | null,
  ) {
    super(message);
  }
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

export async function apiGet<T>(key: string, url: string, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      headers: { authorization: `Bearer ${key}`, accept: 'application/json' },
      signal: signal ?? null,
    });
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
  return (await res.json()) as T;
}

async function problemOf(res: Response): Promise<ApiError> {
  const requestId = res.headers.get('x-request-id');
  try {
    const problem = (await res.json()) as { code?: unknown; detail?: unknown; requestId?: unknown };
    if (typeof problem.detail === 'string') {
      return new ApiError(
        res.status,
        typeof problem.code === 'string' ? problem.code : 'error',
        problem.detail,
        typeof problem.requestId === 'string' ? problem.requestId : requestId,
      );
    }
  } catch {
    // Not JSON (a proxy's error page, say): fall through to a generic message.
  }
  return new ApiError(res.status, 'error', `The API answered ${res.status} ${res.statusText}.`, requestId);
}

/**
 * Every item of a cursor-paginated list, page after page. Bounded: the lists the dashboard needs
 * whole (brands, prompts, configurations) are small; past `max` items the rest is left out.
 */
export async function apiListAll<T>(
  key: string,
  path: string,
  query: Query = {},
  signal?: AbortSignal,
  max = 2_000,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<T> = await apiGet<Page<T>>(key, buildUrl(path, { ...query, limit: 200, cursor }), signal);
    items.push(...page.data);
    cursor = page.nextCursor;
  } while (cursor && items.length < max);
  return items;
}
