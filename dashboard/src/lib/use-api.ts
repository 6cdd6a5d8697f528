/**
 * Loading data in components: useApi(url) gives loading → data or error, refetches when the URL
 * changes, and cancels a request whose answer is no longer wanted. The credentials (an API key,
 * or a signed-in person's session) come from ApiContext; a 401 (the key was revoked, the session
 * ended) sends the user back to the first screen. useSend() does writes the same way, and
 * useAction() follows one form's submission.
 */
import { createContext } from 'preact';
import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, type Credentials, TextBody, apiGet, apiSend, credentialsId } from '../api/client.js';
import { SubmissionKeys, takesIdempotencyKey } from './idempotency.js';
import type { Me, Membership } from '../api/types.js';

export interface ApiSession {
  credentials: Credentials;
  /** The signed-in person and the organization they act in; null with an API key. */
  person: { me: Me; organization: Membership | null } | null;
  /** Called when the API refuses the key or the session. */
  onUnauthorized(error: ApiError): void;
  /** Reads GET /v1/me again (a new password renews the session, and with it the CSRF token). */
  reloadMe(): Promise<void>;
  /** The person signed out, or ended every session: back to the sign-in page with this notice. */
  signedOut(notice: string): void;
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
  load: ((auth: Credentials, signal: AbortSignal) => Promise<T>) | null,
  deps: unknown[],
  refresh = 0,
): Loadable<T> {
  const session = useApiSession();
  const [result, setResult] = useState<Loadable<T>>({ state: 'loading' });
  const who = credentialsId(session.credentials);
  const depsKey = JSON.stringify([who, deps]);
  const loadedFor = useRef<string | null>(null);
  useEffect(() => {
    if (!load) return;
    const controller = new AbortController();
    // New data: show "loading" rather than the previous numbers under new filters.
    if (loadedFor.current !== depsKey) setResult({ state: 'loading' });
    loadedFor.current = depsKey;
    load(session.credentials, controller.signal).then(
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
  }, [depsKey, refresh]);
  return result;
}

/** GET one URL (built with buildUrl) and follow its result. */
export function useApi<T>(url: string | null, refresh = 0): Loadable<T> {
  return useLoad<T>(url ? (auth, signal) => apiGet<T>(auth, url, signal) : null, [url], refresh);
}

/** Writes with the current credentials; a 401 ends the session on screen, other errors are thrown. */
export function useSend() {
  const session = useApiSession();
  // One key per submission of this form, reused when the same submission is sent again after an
  // answer that left its outcome unknown (lib/idempotency.ts).
  const keys = useRef(new SubmissionKeys()).current;
  return async <T = unknown>(method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown): Promise<T> => {
    const key = takesIdempotencyKey(method, url)
      ? keys.keyFor(url, body instanceof TextBody ? body.text : body)
      : undefined;
    try {
      const answer = await apiSend<T>(session.credentials, method, url, body, key);
      if (key) keys.settled(null);
      return answer;
    } catch (err) {
      const error = toApiError(err);
      if (key) keys.settled(error);
      if (error.status === 401) session.onUnauthorized(error);
      throw error;
    }
  };
}

export interface Action {
  busy: boolean;
  error: ApiError | null;
  /** What the last successful submission did, said to the user. */
  done: string | null;
  /** Runs `work`; its answer (a sentence) is shown as done, its error as the API's message. */
  run(work: () => Promise<string | null>): Promise<boolean>;
  reset(): void;
}

/** One form's submission: busy while it runs, then what it did or what the API refused. */
export function useAction(): Action {
  const [state, setState] = useState<{ busy: boolean; error: ApiError | null; done: string | null }>({
    busy: false,
    error: null,
    done: null,
  });
  const alive = useRef(true);
  useEffect(
    () => () => {
      alive.current = false;
    },
    [],
  );
  return {
    ...state,
    async run(work) {
      setState({ busy: true, error: null, done: null });
      try {
        const done = await work();
        if (alive.current) setState({ busy: false, error: null, done });
        return true;
      } catch (err) {
        if (alive.current) setState({ busy: false, error: toApiError(err), done: null });
        return false;
      }
    },
    reset() {
      setState({ busy: false, error: null, done: null });
    },
  };
}
