/**
 * Running one provider call under Citewatch's rules: a hard deadline that covers connecting,
 * waiting and reading the body (SDK timeouts stop at the headers), cancellation from the worker,
 * and errors mapped to ProviderError whatever threw them.
 */
import { abortedError, connectionError, malformedResponse, timeoutError } from './errors.js';
import { ProviderError, type ProviderName, type QueryContext } from './types.js';

class DeadlineReached extends Error {}

/**
 * Runs `work` with a signal that aborts after ctx.timeoutMs or when ctx.signal aborts. Rejects
 * as soon as either happens even if `work` ignores its signal, so no call outlives its deadline.
 */
export async function withDeadline<T>(
  provider: ProviderName,
  ctx: Pick<QueryContext, 'timeoutMs' | 'signal'>,
  work: (signal: AbortSignal) => Promise<T>,
  mapError: (err: unknown) => ProviderError,
): Promise<T> {
  const controller = new AbortController();
  let rejectStop: (reason: unknown) => void = () => {};
  const stopped = new Promise<never>((_, reject) => {
    rejectStop = reject;
  });
  const timer = setTimeout(() => {
    rejectStop(new DeadlineReached());
    controller.abort();
  }, ctx.timeoutMs);
  const onCallerAbort = () => {
    rejectStop(abortedError(provider));
    controller.abort();
  };
  if (ctx.signal?.aborted) onCallerAbort();
  else ctx.signal?.addEventListener('abort', onCallerAbort, { once: true });
  const running = Promise.resolve().then(() => work(controller.signal));
  // The loser of the race may still reject (an SDK noticing the abort); nobody awaits it.
  running.catch(() => {});
  try {
    return await Promise.race([running, stopped]);
  } catch (err) {
    if (err instanceof DeadlineReached) throw timeoutError(provider, ctx.timeoutMs);
    if (err instanceof ProviderError) throw err;
    throw mapError(err);
  } finally {
    clearTimeout(timer);
    ctx.signal?.removeEventListener('abort', onCallerAbort);
  }
}

/** Errors every adapter maps the same way: our own ProviderErrors, bad JSON, network failures. */
export function mapCommonError(provider: ProviderName, err: unknown): ProviderError | null {
  if (err instanceof ProviderError) return err;
  if (err instanceof SyntaxError) return malformedResponse(provider, err.message);
  // undici reports refused or reset connections as a TypeError carrying the socket error as cause.
  if (err instanceof TypeError && err.cause !== undefined) return connectionError(provider, err.cause);
  return null;
}

export function unexpectedError(provider: ProviderName, err: unknown): ProviderError {
  const detail = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return new ProviderError('permanent', detail, { provider, status: null, code: 'client_error' });
}

/** Parses a 2xx body, turning invalid JSON into a permanent malformed_response error. */
export function parseJsonBody(provider: ProviderName, text: string, requestId: string | null): unknown {
  if (text.trim() === '') throw malformedResponse(provider, 'empty body', requestId);
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw malformedResponse(provider, (err as Error).message, requestId);
  }
}

/**
 * A fetch that keeps a copy of the last response, for SDKs that rebuild the body into their own
 * classes and drop fields (@google/genai) or hide the headers of an error: Citewatch stores the
 * provider's bytes and reads retry headers itself.
 */
export function capturingFetch(base: typeof fetch): {
  fetch: typeof fetch;
  last: () => Response | null;
  /** The JSON body of the last request, as the SDK serialised it. */
  lastRequest: () => unknown;
} {
  let last: Response | null = null;
  let request: unknown = null;
  const wrapped: typeof fetch = async (input, init) => {
    if (typeof init?.body === 'string') {
      try {
        request = JSON.parse(init.body) as unknown;
      } catch {
        request = null;
      }
    }
    const response = await base(input, init);
    last = response.clone();
    return response;
  };
  return { fetch: wrapped, last: () => last, lastRequest: () => request };
}

export function elapsedMs(startedAt: number): number {
  return Math.round(performance.now() - startedAt);
}
