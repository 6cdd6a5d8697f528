/**
 * How long a provider asks us to wait, read from response headers (or Gemini's RetryInfo).
 * Each provider speaks its own dialect; this turns all of them into milliseconds so the worker
 * can re-queue a rate-limited call for exactly as long as needed.
 */

export type HeaderBag = Headers | Record<string, string | string[] | undefined> | null | undefined;

export function headerValue(headers: HeaderBag, name: string): string | null {
  if (!headers) return null;
  if (headers instanceof Headers) return headers.get(name);
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    return Array.isArray(value) ? (value[0] ?? null) : value;
  }
  return null;
}

const GO_UNITS: Record<string, number> = {
  h: 3_600_000,
  m: 60_000,
  s: 1_000,
  ms: 1,
  us: 0.001,
  µs: 0.001,
  ns: 0.000001,
};

/** Go's time.Duration text, as OpenAI's x-ratelimit-reset-* headers use: "6m0s", "1s", "20ms", "1h2m3.5s". */
export function parseGoDuration(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '0') return 0;
  const part = /(\d+(?:\.\d+)?)(h|ms|us|µs|ns|m|s)/gy;
  let total = 0;
  let consumed = 0;
  for (let match = part.exec(trimmed); match; match = part.exec(trimmed)) {
    total += Number(match[1]) * (GO_UNITS[match[2] as string] ?? 0);
    consumed = part.lastIndex;
  }
  return consumed > 0 && consumed === trimmed.length ? total : null;
}

/** protobuf Duration in JSON ("17s", "0.5s"), as in Gemini's google.rpc.RetryInfo.retryDelay. */
export function parseProtoDuration(text: string): number | null {
  const match = /^(\d+(?:\.\d+)?)s$/.exec(text.trim());
  return match ? Number(match[1]) * 1_000 : null;
}

/** Retry-After: delay-seconds or an HTTP date. */
export function parseRetryAfter(text: string, now: number): number | null {
  const trimmed = text.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1_000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

function resetDelays(
  headers: HeaderBag,
  kinds: readonly string[],
  names: (kind: string) => { reset: string; remaining: string },
  parse: (text: string) => number | null,
): number | null {
  const exhausted: number[] = [];
  const all: number[] = [];
  for (const kind of kinds) {
    const { reset, remaining } = names(kind);
    const resetText = headerValue(headers, reset);
    if (resetText === null) continue;
    const delay = parse(resetText);
    if (delay === null) continue;
    all.push(delay);
    if (headerValue(headers, remaining)?.trim() === '0') exhausted.push(delay);
  }
  // The limit that ran out decides; if none says so, waiting for every window to reset is safe.
  const pool = exhausted.length > 0 ? exhausted : all;
  return pool.length > 0 ? Math.max(...pool) : null;
}

/**
 * Milliseconds to wait before retrying, or null when the headers do not say.
 * Precedence: retry-after-ms, retry-after, then the per-limit reset headers (OpenAI's Go
 * durations, Anthropic's RFC 3339 instants).
 */
export function retryAfterMsFromHeaders(headers: HeaderBag, now: number = Date.now()): number | null {
  const ms = headerValue(headers, 'retry-after-ms');
  if (ms !== null && /^\d+(\.\d+)?$/.test(ms.trim())) return Math.ceil(Number(ms));
  const after = headerValue(headers, 'retry-after');
  if (after !== null) {
    const parsed = parseRetryAfter(after, now);
    if (parsed !== null) return Math.ceil(parsed);
  }
  const openai = resetDelays(
    headers,
    ['requests', 'tokens'],
    (k) => ({ reset: `x-ratelimit-reset-${k}`, remaining: `x-ratelimit-remaining-${k}` }),
    parseGoDuration,
  );
  if (openai !== null) return Math.ceil(openai);
  const anthropic = resetDelays(
    headers,
    ['requests', 'tokens', 'input-tokens', 'output-tokens'],
    (k) => ({ reset: `anthropic-ratelimit-${k}-reset`, remaining: `anthropic-ratelimit-${k}-remaining` }),
    (text) => {
      const at = Date.parse(text);
      return Number.isNaN(at) ? null : Math.max(0, at - now);
    },
  );
  return anthropic === null ? null : Math.ceil(anthropic);
}
