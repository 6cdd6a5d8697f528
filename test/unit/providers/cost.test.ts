import { describe, expect, it } from 'vitest';
import { computeCost, priceFor, withoutDateSuffix } from '../../../src/providers/cost.js';
import { PRICES } from '../../../src/providers/prices.js';
import { getAdapter } from '../../../src/providers/registry.js';
import type { Usage } from '../../../src/providers/types.js';

const usage = (over: Partial<Usage>): Usage => ({
  inputTokens: 0,
  outputTokens: 0,
  reasoningTokens: 0,
  cachedInputTokens: 0,
  searchCalls: 0,
  ...over,
});
const at = (iso: string) => new Date(iso);

describe('price table', () => {
  it('every entry is dated, sourced and non-negative', () => {
    for (const entry of PRICES) {
      expect(entry.effectiveFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(entry.source.length).toBeGreaterThan(5);
      for (const value of [
        entry.inputPerMTok,
        entry.outputPerMTok,
        entry.cachedInputPerMTok,
        entry.perSearchUsd,
        entry.perRequestUsd,
      ]) {
        if (value !== undefined) expect(value).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('Gemini 3.8 Flash doubles on 2027-01-01', () => {
    expect(priceFor('gemini', 'gemini-3.8-flash', at('2026-12-31T23:59:59Z'))).toMatchObject({
      inputPerMTok: 0.75,
      outputPerMTok: 3.75,
      perSearchUsd: 0.014,
    });
    expect(priceFor('gemini', 'gemini-3.8-flash', at('2027-01-01T00:00:00Z'))).toMatchObject({
      inputPerMTok: 1.5,
      outputPerMTok: 7.5,
    });
    // Before the first known date, the first known price.
    expect(priceFor('gemini', 'gemini-3.8-flash', at('2026-01-01T00:00:00Z'))).toMatchObject({ inputPerMTok: 0.75 });
  });

  it('Claude Sonnet 5.5 cache reads changed on 2026-10-07', () => {
    expect(priceFor('anthropic', 'claude-sonnet-5-5', at('2026-10-06T12:00:00Z'))?.cachedInputPerMTok).toBe(0.2);
    expect(priceFor('anthropic', 'claude-sonnet-5-5', at('2026-10-07T00:00:00Z'))?.cachedInputPerMTok).toBe(0.1);
  });

  it('dated snapshots use the family price; the most specific id wins', () => {
    expect(withoutDateSuffix('gpt-5.4-mini-2026-03-17')).toBe('gpt-5.4-mini');
    expect(withoutDateSuffix('claude-haiku-4-5-20251001')).toBe('claude-haiku-4-5');
    expect(priceFor('openai', 'gpt-5.4-mini-2026-03-17', at('2026-11-28T00:00:00Z'))?.inputPerMTok).toBe(0.75);
    expect(priceFor('openai', 'gpt-5.4', at('2026-11-28T00:00:00Z'))?.inputPerMTok).toBe(2.5);
    expect(priceFor('openai', 'gpt-4.1', at('2026-11-28T00:00:00Z'))).toBeNull();
  });

  it('vendor/model ids take token prices from the vendor and fees from the provider', () => {
    expect(priceFor('perplexity', 'openai/gpt-5.4', at('2026-11-28T00:00:00Z'))).toMatchObject({
      inputPerMTok: 2.5,
      outputPerMTok: 15,
      perSearchUsd: 0.0025,
    });
    expect(priceFor('openai_compatible', 'anthropic/claude-haiku-4-5', at('2026-11-28T00:00:00Z'))).toMatchObject({
      inputPerMTok: 1,
      outputPerMTok: 5,
    });
    expect(priceFor('perplexity', 'sonar', at('2026-11-28T00:00:00Z'))).toMatchObject({
      perSearchUsd: 0,
      perRequestUsd: 0.005,
    });
  });
});

describe('computeCost', () => {
  it('charges uncached input, cached input, output and searches', () => {
    const cost = computeCost(
      'openai',
      'gpt-5.4',
      usage({ inputTokens: 10_000, cachedInputTokens: 4_000, outputTokens: 1_000, searchCalls: 3 }),
      at('2026-11-28T00:00:00Z'),
    );
    expect(cost).toBeCloseTo((6_000 * 2.5 + 4_000 * 0.25 + 1_000 * 15) / 1e6 + 0.03, 10);
  });

  it('cached tokens cost the input price when the cached price is unknown', () => {
    expect(
      computeCost(
        'gemini',
        'gemini-3.5-flash',
        usage({ inputTokens: 1_000, cachedInputTokens: 1_000 }),
        at('2026-11-28T00:00:00Z'),
      ),
    ).toBeCloseTo(0.0015, 10);
  });

  it('long prompts use the long-context price', () => {
    const short = computeCost(
      'gemini',
      'gemini-3.1-pro-preview',
      usage({ inputTokens: 200_000, outputTokens: 1_000 }),
      at('2026-11-28T00:00:00Z'),
    );
    const long = computeCost(
      'gemini',
      'gemini-3.1-pro-preview',
      usage({ inputTokens: 200_001, outputTokens: 1_000 }),
      at('2026-11-28T00:00:00Z'),
    );
    expect(short).toBeCloseTo(0.4 + 0.012, 10);
    expect(long).toBeCloseTo((200_001 * 4 + 1_000 * 18) / 1e6, 10);
  });

  it('DeepSeek doubles token prices in weekday peak hours (UTC)', () => {
    const u = usage({ inputTokens: 1_000_000, outputTokens: 1_000_000 });
    expect(computeCost('openai_compatible', 'deepseek-flash', u, at('2026-11-30T02:30:00Z'))).toBeCloseTo(1.5, 10); // Monday 02:30
    expect(computeCost('openai_compatible', 'deepseek-flash', u, at('2026-11-30T05:00:00Z'))).toBeCloseTo(0.75, 10); // Monday 05:00
    expect(computeCost('openai_compatible', 'deepseek-flash', u, at('2026-11-28T02:30:00Z'))).toBeCloseTo(0.75, 10); // Saturday
  });

  it('SERP captures are priced per vendor request', () => {
    expect(
      computeCost('google_ai_overview', 'serpapi:ai_overview', usage({ searchCalls: 2 }), at('2026-11-28T00:00:00Z')),
    ).toBe(0.03);
    expect(
      computeCost('google_ai_overview', 'dataforseo:ai_mode', usage({ searchCalls: 1 }), at('2026-11-28T00:00:00Z')),
    ).toBe(0.004);
  });

  it('unknown models have no cost rather than a made-up one', () => {
    expect(computeCost('openai', 'gpt-9', usage({ inputTokens: 1 }), at('2026-11-28T00:00:00Z'))).toBeNull();
  });
});

describe('estimateCost before a run', () => {
  it('uses typical sizes and the configuration', () => {
    const openai = getAdapter('openai');
    const plain = openai.estimateCost({ model: 'gpt-5.4-mini', params: { webSearch: false } });
    const searched = openai.estimateCost({ model: 'gpt-5.4-mini', params: { webSearch: true } });
    expect(plain).toBeGreaterThan(0);
    expect(searched).toBeGreaterThan(plain + 0.01);
    expect(
      openai.estimateCost({ model: 'gpt-5.4-mini', params: {}, inputTokens: 1_000_000, outputTokens: 0 }),
    ).toBeCloseTo(0.75, 10);
    expect(getAdapter('google_ai_overview').estimateCost({ model: 'ai_mode', params: { vendor: 'dataforseo' } })).toBe(
      0.004,
    );
    expect(
      getAdapter('openai_compatible').estimateCost({
        model: 'llama3.2',
        params: { baseUrl: 'http://localhost:11434/v1' },
      }),
    ).toBe(0);
    expect(getAdapter('mock').estimateCost({ model: 'm', params: {} })).toBe(0);
  });
});
