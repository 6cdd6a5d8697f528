import { describe, expect, it } from 'vitest';
import { withDeadline } from '../../../src/providers/call.js';
import { classifyHttpFailure, kindForStatus } from '../../../src/providers/errors.js';
import {
  parseGoDuration,
  parseProtoDuration,
  parseRetryAfter,
  retryAfterMsFromHeaders,
} from '../../../src/providers/retry-after.js';
import { ProviderError } from '../../../src/providers/types.js';

const NOW = Date.parse('2026-11-28T12:00:00Z');

describe('kindForStatus', () => {
  it.each([
    [429, 'rate_limited'],
    [408, 'transient'],
    [500, 'transient'],
    [502, 'transient'],
    [503, 'transient'],
    [504, 'transient'],
    [529, 'transient'],
    [400, 'permanent'],
    [401, 'permanent'],
    [402, 'permanent'],
    [403, 'permanent'],
    [404, 'permanent'],
    [409, 'permanent'],
    [422, 'permanent'],
    [null, 'transient'],
  ] as const)('%s → %s', (status, kind) => {
    expect(kindForStatus(status)).toBe(kind);
  });
});

describe('classifyHttpFailure', () => {
  it('429 waits for the header delay and keeps code, message and request id', () => {
    const err = classifyHttpFailure(
      'openai',
      {
        status: 429,
        headers: new Headers({ 'retry-after': '7' }),
        code: 'rate_limit_exceeded',
        message: 'slow down',
        requestId: 'req_1',
      },
      NOW,
    );
    expect(err).toBeInstanceOf(ProviderError);
    expect(err).toMatchObject({
      kind: 'rate_limited',
      message: 'slow down',
      status: 429,
      code: 'rate_limit_exceeded',
      retryAfterMs: 7000,
      details: { provider: 'openai', requestId: 'req_1' },
    });
  });

  it('429 uses the body delay when no header gives one', () => {
    expect(classifyHttpFailure('gemini', { status: 429, message: 'x', retryAfterMs: 17_000 }, NOW).retryAfterMs).toBe(
      17_000,
    );
  });

  it('429 with a quota-exhausted code or type is permanent, whatever the message says', () => {
    for (const failure of [
      { code: 'insufficient_quota' },
      { type: 'insufficient_quota' },
      { code: 'enforced_spend_limit_reached' },
      { code: 'billing_hard_limit_reached' },
      { quotaExhausted: true },
    ]) {
      const err = classifyHttpFailure(
        'openai',
        { status: 429, message: 'please retry later', headers: { 'retry-after': '1' }, ...failure },
        NOW,
      );
      expect(err).toMatchObject({ kind: 'permanent', retryAfterMs: null });
    }
  });

  it('a quota code on another status does not change the status rule', () => {
    expect(classifyHttpFailure('openai', { status: 500, code: 'insufficient_quota', message: 'x' }).kind).toBe(
      'transient',
    );
  });

  it('the message decides nothing: a 400 saying "rate limit, retry" stays permanent', () => {
    expect(
      classifyHttpFailure('openai', { status: 400, message: 'rate limit exceeded, please retry', code: null }).kind,
    ).toBe('permanent');
  });

  it('an empty provider message falls back to the status', () => {
    expect(classifyHttpFailure('anthropic', { status: 503, message: '  ' }).message).toBe('HTTP 503');
  });
});

describe('retry-after parsing', () => {
  it('parses Go durations as OpenAI sends them', () => {
    expect(parseGoDuration('6m0s')).toBe(360_000);
    expect(parseGoDuration('1s')).toBe(1_000);
    expect(parseGoDuration('20ms')).toBe(20);
    expect(parseGoDuration('1h2m3.5s')).toBe(3_723_500);
    expect(parseGoDuration('0')).toBe(0);
    expect(parseGoDuration('soon')).toBeNull();
    expect(parseGoDuration('6m0sx')).toBeNull();
  });

  it('parses protobuf durations and Retry-After seconds or dates', () => {
    expect(parseProtoDuration('17s')).toBe(17_000);
    expect(parseProtoDuration('0.5s')).toBe(500);
    expect(parseProtoDuration('17')).toBeNull();
    expect(parseRetryAfter('3', NOW)).toBe(3_000);
    expect(parseRetryAfter('Sat, 28 Nov 2026 12:00:30 GMT', NOW)).toBe(30_000);
    expect(parseRetryAfter('Sat, 28 Nov 2026 11:00:00 GMT', NOW)).toBe(0);
    expect(parseRetryAfter('later', NOW)).toBeNull();
  });

  it('prefers retry-after-ms, then retry-after, then the exhausted limit reset', () => {
    expect(retryAfterMsFromHeaders(new Headers({ 'retry-after-ms': '250', 'retry-after': '9' }), NOW)).toBe(250);
    expect(retryAfterMsFromHeaders({ 'Retry-After': '9' }, NOW)).toBe(9_000);
    expect(
      retryAfterMsFromHeaders(
        {
          'x-ratelimit-remaining-requests': '10',
          'x-ratelimit-reset-requests': '6m0s',
          'x-ratelimit-remaining-tokens': '0',
          'x-ratelimit-reset-tokens': '1.5s',
        },
        NOW,
      ),
    ).toBe(1_500);
    // No limit says it ran out: wait for the latest reset.
    expect(
      retryAfterMsFromHeaders({ 'x-ratelimit-reset-requests': '2s', 'x-ratelimit-reset-tokens': '20ms' }, NOW),
    ).toBe(2_000);
    expect(
      retryAfterMsFromHeaders(
        {
          'anthropic-ratelimit-input-tokens-remaining': '0',
          'anthropic-ratelimit-input-tokens-reset': '2026-11-28T12:00:45Z',
          'anthropic-ratelimit-requests-reset': '2026-11-28T12:01:00Z',
        },
        NOW,
      ),
    ).toBe(45_000);
    expect(retryAfterMsFromHeaders(new Headers(), NOW)).toBeNull();
    expect(retryAfterMsFromHeaders(null, NOW)).toBeNull();
  });
});

describe('withDeadline', () => {
  it('rejects with a timeout even when the work ignores its signal', async () => {
    const err = await withDeadline(
      'mock',
      { timeoutMs: 20 },
      () => new Promise(() => {}),
      () => new ProviderError('permanent', 'x', { provider: 'mock' }),
    ).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'transient', code: 'timeout', message: 'no answer within 20 ms' });
  });

  it('a caller abort is transient "aborted", and the work sees its signal abort', async () => {
    const controller = new AbortController();
    let seen: AbortSignal | null = null;
    const pending = withDeadline(
      'mock',
      { timeoutMs: 5_000, signal: controller.signal },
      (signal) => {
        seen = signal;
        return new Promise(() => {});
      },
      () => new ProviderError('permanent', 'x', { provider: 'mock' }),
    ).catch((e: unknown) => e);
    controller.abort();
    expect(await pending).toMatchObject({ kind: 'transient', code: 'aborted' });
    expect((seen as AbortSignal | null)?.aborted).toBe(true);
  });

  it('maps what the work throws', async () => {
    const err = await withDeadline(
      'mock',
      { timeoutMs: 1_000 },
      async () => {
        throw new Error('boom');
      },
      (e) => new ProviderError('permanent', `mapped ${(e as Error).message}`, { provider: 'mock' }),
    ).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'permanent', message: 'mapped boom' });
  });
});
