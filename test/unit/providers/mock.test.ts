/**
 * The mock provider is what demos, budgets and pipeline tests stand on, so its promises are
 * tested as promises: same input same answer, temperature widens the spread, and latency,
 * failures and cost behave as configured, deterministically per sample.
 */
import { describe, expect, it } from 'vitest';
import { mockAdapter } from '../../../src/providers/mock.js';
import {
  ProviderError,
  type ModelParams,
  type NormalizedAnswer,
  type QueryContext,
} from '../../../src/providers/types.js';

const CTX: QueryContext = { timeoutMs: 5_000, credentials: {} };
const BRANDS = ['HubSpot', 'Salesforce', 'Pipedrive'];

function ask(
  params: ModelParams,
  sampleIndex = 0,
  attempt = 1,
  prompt = 'Which CRM should a startup pick?',
): Promise<NormalizedAnswer> {
  return mockAdapter.query(
    {
      prompt,
      locale: 'en-US',
      model: 'mock-1',
      params: mockAdapter.validateConfig('mock-1', params),
      sampleIndex,
      attempt,
      knownBrands: BRANDS,
    },
    CTX,
  );
}

async function outcome(params: ModelParams, sampleIndex: number, attempt = 1): Promise<string> {
  try {
    return `ok:${(await ask(params, sampleIndex, attempt)).text.length}`;
  } catch (err) {
    if (err instanceof ProviderError) return `${err.kind}:${err.status}`;
    throw err;
  }
}

const samples = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('mock provider', () => {
  it('gives the same answer for the same input, and stores what re-parses to it', async () => {
    const [a, b] = await Promise.all([ask({ temperature: 0.9 }, 3), ask({ temperature: 0.9 }, 3)]);
    const { latencyMs: _a, ...first } = a;
    const { latencyMs: _b, ...second } = b;
    expect(first).toEqual(second);
    expect(a.text.length).toBeGreaterThan(50);
    expect(mockAdapter.parse(a.raw)).toMatchObject({ text: a.text, citations: a.citations, usage: a.usage });
    expect(a).toMatchObject({ provider: 'mock', api: 'mock', channel: 'mock', model: 'mock-1', finish: 'stop' });
    // Another prompt, another answer.
    expect((await ask({ temperature: 0.9 }, 3, 1, 'Which CRM for a large sales team?')).text).not.toBe(a.text);
  });

  it('spreads answers more as temperature rises: one answer at 0, more distinct ones higher', async () => {
    const distinct = async (temperature: number) =>
      new Set(await Promise.all(samples(30).map(async (i) => (await ask({ temperature }, i)).text))).size;
    const cold = await distinct(0);
    const warm = await distinct(0.7);
    const hot = await distinct(2);
    expect(cold).toBe(1);
    expect(warm).toBeGreaterThan(cold);
    expect(hot).toBeGreaterThanOrEqual(warm);
    expect(hot).toBeGreaterThan(5);
  });

  it('waits latencyMs before answering, and reports it', async () => {
    const started = performance.now();
    const answer = await ask({ latencyMs: 120 });
    expect(performance.now() - started).toBeGreaterThanOrEqual(115);
    expect(answer.latencyMs).toBeGreaterThanOrEqual(115);
    expect((await ask({ latencyMs: 0 })).latencyMs).toBeLessThan(115);
  });

  it('fails a share of calls, the same samples every time, half 429 and half 500, retryable', async () => {
    const params = { failureRate: 0.5 };
    const first = await Promise.all(samples(60).map((i) => outcome(params, i)));
    const again = await Promise.all(samples(60).map((i) => outcome(params, i)));
    expect(again).toEqual(first);
    const kinds = new Set(first.map((o) => o.split(':')[0]));
    expect(kinds).toEqual(new Set(['ok', 'rate_limited', 'transient']));
    const failed = first.filter((o) => !o.startsWith('ok')).length;
    expect(failed).toBeGreaterThan(15);
    expect(failed).toBeLessThan(45);
    expect(first.filter((o) => o.startsWith('rate_limited')).every((o) => o === 'rate_limited:429')).toBe(true);
    expect(first.filter((o) => o.startsWith('transient')).every((o) => o === 'transient:500')).toBe(true);
    // The draw includes the attempt, so a failed sample gets through on a later attempt.
    const failedSample = first.findIndex((o) => !o.startsWith('ok'));
    const later = await Promise.all([2, 3, 4, 5, 6, 7, 8].map((attempt) => outcome(params, failedSample, attempt)));
    expect(later.some((o) => o.startsWith('ok'))).toBe(true);
    // A rate-limited call says how long to wait.
    const limited = first.findIndex((o) => o.startsWith('rate_limited'));
    await expect(ask(params, limited)).rejects.toMatchObject({
      kind: 'rate_limited',
      retryAfterMs: 50,
      details: { provider: 'mock' },
    });
    // No failure rate, no failures.
    expect((await Promise.all(samples(30).map((i) => outcome({}, i)))).every((o) => o.startsWith('ok'))).toBe(true);
  });

  it('lets a rate-limited call through on a later rate-limited try of the same attempt, deterministically', async () => {
    const params = { failureRate: 0.6 };
    const tryOf = async (sampleIndex: number, rateLimitedTries: number) => {
      const input = {
        prompt: 'Which CRM should a startup pick?',
        locale: 'en-US',
        model: 'mock-1',
        sampleIndex,
        attempt: 1,
        rateLimitedTries,
      };
      try {
        return `ok:${(await mockAdapter.query({ ...input, params: mockAdapter.validateConfig('mock-1', params) }, CTX)).text.length}`;
      } catch (err) {
        if (err instanceof ProviderError) return err.kind;
        throw err;
      }
    };
    const limited = (await Promise.all(samples(40).map((i) => tryOf(i, 0)))).flatMap((o, i) =>
      o === 'rate_limited' ? [i] : [],
    );
    expect(limited.length).toBeGreaterThan(3);
    for (const sample of limited) {
      // A 429 does not use an attempt: only the count of rate-limited tries changes the draw.
      const tries = await Promise.all(samples(12).map((n) => tryOf(sample, n + 1)));
      expect(tries.some((o) => o !== 'rate_limited')).toBe(true);
      expect(await Promise.all(samples(12).map((n) => tryOf(sample, n + 1)))).toEqual(tries);
    }
  });

  it('charges costUsd per call, and estimates the same before a run', async () => {
    expect((await ask({ costUsd: 0.0125 })).costUsd).toBe(0.0125);
    expect((await ask({})).costUsd).toBe(0);
    expect(mockAdapter.estimateCost({ model: 'mock-1', params: { costUsd: 0.0125 } })).toBe(0.0125);
    expect(() => mockAdapter.validateConfig('mock-1', { costUsd: -1 })).toThrow(/costUsd/);
  });
});
