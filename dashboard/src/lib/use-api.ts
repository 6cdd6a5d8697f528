/**
 * Loading data in components: useApi(url) gives loading → data or error, refetches when the URL
 * changes, and cancels a request whose answer is no longer wanted. The key comes from ApiContext;
 * a 401 (the key was revoked or expired) sends the user back to the key form.
 */
import { createContext } from 'preact';
import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, apiGet } from '../api/client.js';

export interface ApiSession {
  key: string;
  /** Called when the API refuses the key. */
  onUnauthorized(error: ApiError): void;
}

export const ApiContext = createContext<ApiSession | null>(null);

export function useApiSession(): ApiSession {
  const session = useContext(ApiContext);
  if (!session) throw new Error('useApiSession outside <ApiContext.Provider>');
  return session;
}

export type Loadable<T> = { state: 'loading' } | { state: 'error'; error: ApiError } | { state: 'ok'; data: T };

export function toApiError(err: unknown): ApiError {
  return err instanceof ApiError
    ? err
    : new ApiError(0, 'error', err instanceof Error ? err.message : String(err), null);
}

/**
 * Runs `load` whenever `deps` (JSON-serialisable) change and follows its result; with null
 * `load` there is nothing to load yet. Bumping `refresh` reloads the same data in the
 * background, keeping what is shown until the new answer arrives (runs in progress).
 */
export function useLoad<T>(
  load: ((key: string, signal: AbortSignal) => Promise<T>) | null,
  deps: unknown[],
  refresh = 0,
): Loadable<T> {
  const session = useApiSession();
  const [result, setResult] = useState<Loadable<T>>({ state: 'loading' });
  const depsKey = JSON.stringify(deps);
  const loadedFor = useRef<string | null>(null);
  useEffect(() => {
    if (!load) return;
    const controller = new AbortController();
    // New data: show "loading" rather than the previous numbers under new filters.
    if (loadedFor.current !== depsKey) setResult({ state: 'loading' });
    loadedFor.current = depsKey;
    load(session.key, controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setResult({ state: 'ok', data });
      },
      (err: unknown) => {
        if (controller.signal.aborted) return;
        const error = toApiError(err);
        if (error.status === 401) session.onUnauthorized(error);
        setResult({ state: 'error', error });
      },
    );
    return () => controller.abort();
  }, [session.key, depsKey, refresh]);
  return result;
}

/** GET one URL (built with buildUrl) and follow its result. */
export function useApi<T>(url: string | null, refresh = 0): Loadable<T> {
  return useLoad<T>(url ? (key, signal) => apiGet<T>(key, url, signal) : null, [url], refresh);
}
