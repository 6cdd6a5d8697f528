/**
 * The one place that decides what a failed provider call means for the worker: wait and retry
 * without using an attempt (rate_limited), retry with backoff (transient), or give up keeping the
 * provider's message (permanent). Decided by HTTP status and structured error codes from the body,
 * never by the wording of a message.
 */
import { retryAfterMsFromHeaders, type HeaderBag } from './retry-after.js';
import { ProviderError, type ConfigValidationError, type ProviderErrorKind, type ProviderName } from './types.js';

/** A failed HTTP exchange, as each adapter reads it from its SDK's error or its own fetch. */
export interface HttpFailure {
  /** HTTP status; null when no response came back (connection refused, reset, timed out). */
  status: number | null;
  headers?: HeaderBag;
  /** Structured code from the body: OpenAI error.code, Anthropic error.details.error_code, Gemini error.status. */
  code?: string | null;
  /** Structured type from the body: OpenAI error.type, Anthropic error.type. */
  type?: string | null;
  /** The provider's own message, kept verbatim for permanent failures. */
  message: string;
  requestId?: string | null;
  /** A wait the body asks for (Gemini google.rpc.RetryInfo), used when no header gives one. */
  retryAfterMs?: number | null;
  /** The body says a daily or monthly quota is spent (Gemini QuotaFailure per-day): retrying soon is useless. */
  quotaExhausted?: boolean;
}

/**
 * 429 codes meaning "out of money or quota", not "too fast": retrying cannot succeed until a
 * human acts, so they are permanent.
 */
export const QUOTA_EXHAUSTED_CODES: ReadonlySet<string> = new Set([
  'insufficient_quota', // OpenAI (error.code and error.type)
  'billing_hard_limit_reached', // OpenAI
  'enforced_spend_limit_reached', // Anthropic (error.details.error_code)
  'daily_quota_exhausted', // Gemini, set by the adapter from QuotaFailure
]);

/** Statuses worth retrying with backoff: request timeout, every 5xx, and Anthropic's 529 overloaded. */
export function isTransientStatus(status: number): boolean {
  return status === 408 || (status >= 500 && status <= 599);
}

/** The kind a status means on its own, before looking at codes. */
export function kindForStatus(status: number | null): ProviderErrorKind {
  if (status === null) return 'transient';
  if (status === 429) return 'rate_limited';
  if (isTransientStatus(status)) return 'transient';
  return 'permanent';
}

export function classifyHttpFailure(
  provider: ProviderName,
  failure: HttpFailure,
  now: number = Date.now(),
): ProviderError {
  const { status } = failure;
  const code = failure.code ?? failure.type ?? null;
  const quotaGone =
    failure.quotaExhausted === true ||
    [failure.code, failure.type].some((c) => typeof c === 'string' && QUOTA_EXHAUSTED_CODES.has(c));
  let kind = kindForStatus(status);
  if (status === 429 && quotaGone) kind = 'permanent';
  const retryAfterMs =
    kind === 'permanent' ? null : (retryAfterMsFromHeaders(failure.headers, now) ?? failure.retryAfterMs ?? null);
  const message = failure.message.trim() || (status === null ? 'no response' : `HTTP ${status}`);
  return new ProviderError(kind, message, {
    provider,
    status,
    code,
    retryAfterMs,
    requestId: failure.requestId ?? null,
  });
}

export function timeoutError(provider: ProviderName, timeoutMs: number): ProviderError {
  return new ProviderError('transient', `no answer within ${timeoutMs} ms`, {
    provider,
    status: null,
    code: 'timeout',
  });
}

export function abortedError(provider: ProviderName): ProviderError {
  return new ProviderError('transient', 'call cancelled before the provider answered', {
    provider,
    status: null,
    code: 'aborted',
  });
}

export function connectionError(provider: ProviderName, cause: unknown): ProviderError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new ProviderError('transient', `connection failed: ${detail}`, { provider, status: null, code: 'connection' });
}

/** A 2xx whose body is not what the provider documents: retrying would fetch the same thing. */
export function malformedResponse(
  provider: ProviderName,
  detail: string,
  requestId: string | null = null,
): ProviderError {
  return new ProviderError('permanent', `malformed response: ${detail}`, {
    provider,
    status: null,
    code: 'malformed_response',
    requestId,
  });
}

/**
 * A 2xx that carries no answer text: never stored as an answer, since it would count as "brand
 * not mentioned". How it ended decides whether another attempt can help:
 * - stop: the model answered nothing for no stated reason, a fluke worth another attempt (transient);
 * - length: every output token went to reasoning before any answer text; the same configuration
 *   spends the same budget again, so retrying only pays twice (permanent, saying what to change);
 * - incomplete: the provider stopped for its own reasons (a paused server-tool turn, an
 *   interrupted generation), not because of the configuration, so another attempt may finish (transient).
 */
export function emptyAnswer(
  provider: ProviderName,
  requestId: string | null,
  finish: 'stop' | 'length' | 'incomplete' = 'stop',
): ProviderError {
  if (finish === 'length') {
    return new ProviderError(
      'permanent',
      'the answer was cut off by the output token limit before any text: all tokens went to reasoning; raise maxOutputTokens or lower reasoningEffort',
      { provider, status: null, code: 'empty_answer_length', requestId },
    );
  }
  if (finish === 'incomplete') {
    return new ProviderError('transient', 'the provider stopped before writing any answer text (incomplete)', {
      provider,
      status: null,
      code: 'empty_answer_incomplete',
      requestId,
    });
  }
  return new ProviderError('transient', 'the provider returned an empty answer', {
    provider,
    status: null,
    code: 'empty_answer',
    requestId,
  });
}

export function missingCredential(provider: ProviderName, what: string): ProviderError {
  return new ProviderError('permanent', `${what} is not set`, { provider, status: null, code: 'missing_credentials' });
}

/** Parameters stored on a configuration that this adapter refuses (e.g. rules changed since it was created). */
export function invalidConfig(provider: ProviderName, err: ConfigValidationError): ProviderError {
  return new ProviderError('permanent', err.message, { provider, status: null, code: 'invalid_config' });
}
