/**
 * The app-versus-API gap (docs/statistics.md#app-versus-api-gap): the pairing rule, the comparison
 * of two citation shares, and the verdict — "not a stand-in" only on a significant gap of maxGap or
 * more, "good stand-in" only with enough answers and every gap below maxGap, otherwise "cannot tell".
 */
import { describe, expect, it } from 'vitest';
import { compareRatios } from '../../src/lib/statistics.js';
import type { AppGapReport } from '../../src/modules/reports/app-gap.schemas.js';
import { appGapChanges, type GapTest, gapVerdict, surfaceOf } from '../../src/modules/reports/app-gap.service.js';

/** Sums of a ratio Σx/Σy over answers given as (x, y) pairs, computed the long way. */
const sumsOf = (answers: Array<[number, number]>) => ({
  n: answers.length,
  x: answers.reduce((s, [x]) => s + x, 0),
  y: answers.reduce((s, [, y]) => s + y, 0),
  xx: answers.reduce((s, [x]) => s + x * x, 0),
  xy: answers.reduce((s, [x, y]) => s + x * y, 0),
  yy: answers.reduce((s, [, y]) => s + y * y, 0),
});

describe('pairing rule', () => {
  it('gives each configuration its assistant and surface', () => {
    expect(surfaceOf({ provider: 'openai', model: 'gpt-4.1' })).toEqual({ assistant: 'chatgpt', surface: 'api' });
    expect(surfaceOf({ provider: 'gemini', model: 'gemini-2.5-flash' })).toEqual({
      assistant: 'gemini',
      surface: 'api',
    });
    expect(surfaceOf({ provider: 'anthropic', model: 'claude-sonnet-4' })).toEqual({
      assistant: 'claude',
      surface: 'api',
    });
    expect(surfaceOf({ provider: 'perplexity', model: 'sonar' })).toEqual({ assistant: 'perplexity', surface: 'api' });
    expect(surfaceOf({ provider: 'mock', model: 'mock-assistant-1' })).toEqual({
      assistant: 'chatgpt',
      surface: 'api',
    });
    expect(surfaceOf({ provider: 'assistant_app', model: 'gemini' })).toEqual({ assistant: 'gemini', surface: 'app' });
    expect(surfaceOf({ provider: 'mock_app', model: 'chatgpt' })).toEqual({ assistant: 'chatgpt', surface: 'app' });
    expect(surfaceOf({ provider: 'openai_compatible', model: 'llama' })).toBeNull();
    expect(surfaceOf({ provider: 'google_ai_overview', model: 'google' })).toBeNull();
  });
});

describe('compareRatios', () => {
  it('takes the difference of two delta-method shares with the sum of their variances', () => {
    // A: 3 answers citing (domain, all) = (1,2), (0,2), (1,1): 2/5 = 0.4, Σ(x − R·y)² = 1.04, Var = 3/2 · 1.04 / 25.
    // B: (2,2), (1,3), (2,3): 5/8 = 0.625, Σ(x − R·y)² = 1.34375, Var = 3/2 · 1.34375 / 64.
    const c = compareRatios(
      sumsOf([
        [1, 2],
        [0, 2],
        [1, 1],
      ]),
      sumsOf([
        [2, 2],
        [1, 3],
        [2, 3],
      ]),
    );
    const se = Math.sqrt((1.5 * 1.04) / 25 + (1.5 * 1.34375) / 64);
    expect(c.difference).toBeCloseTo(0.225, 10);
    expect(c.test).toBe('z');
    expect(c.statistic).toBeCloseTo(0.225 / se, 10);
    expect(c.statistic).toBeCloseTo(0.73428, 4);
    expect(c.pValue).toBeCloseTo(0.46278, 4);
    expect(c.ci95?.low).toBeCloseTo(-0.375575, 5);
    expect(c.ci95?.high).toBeCloseTo(0.825575, 5);
  });

  it('makes no test without a denominator, with one answer, or with no variance at all', () => {
    expect(compareRatios(sumsOf([[0, 0]]), sumsOf([[1, 2]])).difference).toBeNull();
    expect(
      compareRatios(
        sumsOf([[1, 2]]),
        sumsOf([
          [1, 2],
          [0, 1],
        ]),
      ).test,
    ).toBe('none');
    const flat = compareRatios(
      sumsOf([
        [0, 2],
        [0, 2],
      ]),
      sumsOf([
        [1, 2],
        [1, 2],
      ]),
    );
    expect(flat).toMatchObject({ difference: 0.5, test: 'none', pValue: null, ci95: null });
  });
});

const brand = (name: string, difference: number, pValueAdjusted: number): GapTest => ({
  kind: 'brand',
  name,
  difference,
  pValueAdjusted,
  significant: pValueAdjusted < 0.05,
});
const domain = (name: string, difference: number, pValueAdjusted: number): GapTest => ({
  ...brand(name, difference, pValueAdjusted),
  kind: 'domain',
});
const base = { assistant: 'chatgpt', matchedPrompts: 12, apiAnswers: 60, appAnswers: 60, maxGap: 0.1, minAnswers: 30 };

describe('gap verdict', () => {
  it('says "not a stand-in" on a significant gap of maxGap or more, naming the largest', () => {
    const v = gapVerdict({
      ...base,
      tests: [brand('Acme', -0.04, 0.7), domain('reddit.com', 0.18, 0.0008), domain('g2.com', -0.12, 0.004)],
    });
    expect(v.status).toBe('not_stand_in');
    expect(v.summary).toBe(
      'The API is not a stand-in for the ChatGPT app: reddit.com’s citation share is 18 points higher in the app (adjusted p<0.001), and 1 more significant gap of 10 points or more.',
    );
    expect(v.largestGap).toEqual({
      kind: 'domain',
      name: 'reddit.com',
      difference: 0.18,
      pValueAdjusted: 0.0008,
      significant: true,
    });
  });

  it('says "good stand-in" when every gap is below maxGap with enough answers', () => {
    const v = gapVerdict({
      ...base,
      tests: [brand('Acme', -0.04, 0.7), brand('Globex', 0.062, 0.03), domain('g2.com', 0.02, 1)],
    });
    expect(v.status).toBe('stand_in');
    expect(v.summary).toBe(
      'The API is a good stand-in for the ChatGPT app: no brand’s mention rate or domain’s citation share differs by 10 points or more (largest gap: Globex’s mention rate, 6.2 points higher in the app).',
    );
  });

  it('does not call a significant but small gap a reason to reject the API', () => {
    const v = gapVerdict({ ...base, tests: [brand('Acme', -0.07, 0.001)] });
    expect(v.status).toBe('stand_in');
  });

  it('cannot tell when a large gap is not significant', () => {
    const v = gapVerdict({ ...base, tests: [brand('Acme', -0.15, 0.2)] });
    expect(v.status).toBe('inconclusive');
    expect(v.summary).toBe(
      'Cannot tell for the ChatGPT app yet: Acme’s mention rate is 15 points lower in the app, but that is not significant (adjusted p=0.2); more answers would settle it.',
    );
  });

  it('cannot tell with too few answers or no shared prompt', () => {
    expect(gapVerdict({ ...base, appAnswers: 12, tests: [brand('Acme', 0.01, 1)] })).toMatchObject({
      status: 'inconclusive',
      summary:
        'Cannot tell for the ChatGPT app yet: 60 API and 12 app answers on 12 shared prompts; 30 on each side are needed.',
    });
    expect(gapVerdict({ ...base, matchedPrompts: 0, apiAnswers: 0, appAnswers: 0, tests: [] })).toMatchObject({
      status: 'inconclusive',
      summary: 'Cannot tell for the ChatGPT app: no prompt has answers on both the API and the app.',
      largestGap: null,
    });
  });
});

/** A one-assistant, one-brand report: the brand's counts on each surface, its adjusted p and the verdict. */
function reportOf(status: 'stand_in' | 'not_stand_in' | 'inconclusive', kApi: number, kApp: number, p: number) {
  const rate = (k: number) => ({ numerator: k, denominator: 40, n: 40, value: k / 40, ci95: { low: 0, high: 1 } });
  return {
    assistants: [
      {
        assistant: 'chatgpt',
        verdict: { status, summary: `verdict ${status}`, largestGap: null },
        brands: [
          {
            brandId: 'b1',
            brandName: 'Acme',
            brandKind: 'own',
            api: rate(kApi),
            app: rate(kApp),
            difference: { value: (kApp - kApi) / 40, ci95: { low: -0.6, high: -0.2 } },
            pValueAdjusted: p,
            significant: p < 0.05,
          },
        ],
      },
    ],
  } as unknown as AppGapReport;
}

describe('app-gap changes between two runs', () => {
  it('reports a verdict that turned and a brand gap that became significant', () => {
    const changes = appGapChanges(reportOf('stand_in', 20, 19, 1), reportOf('not_stand_in', 20, 4, 0.0004));
    expect(changes.map((c) => c.kind)).toEqual(['verdict', 'brand']);
    expect(changes[0]).toMatchObject({ previous: 'stand_in', current: 'not_stand_in' });
    expect(changes[0]?.line).toBe('ChatGPT: the API is no longer a stand-in. verdict not_stand_in');
    expect(changes[1]?.line).toBe(
      'ChatGPT · Acme: mention rate 50.0% on the API (n=40) and 10.0% in the app (n=40), 40 points lower in the app (95% CI -60.0% to -20.0%), adjusted p<0.001; not significant in the previous run',
    );
  });

  it('stays quiet when the data could not tell before, or when the gap was already significant', () => {
    expect(appGapChanges(reportOf('inconclusive', 20, 19, 1), reportOf('not_stand_in', 20, 19, 1))).toEqual([]);
    expect(appGapChanges(reportOf('not_stand_in', 20, 4, 0.001), reportOf('not_stand_in', 20, 3, 0.0004))).toEqual([]);
    expect(appGapChanges(reportOf('not_stand_in', 20, 4, 0.001), reportOf('stand_in', 20, 19, 1))).toMatchObject([
      { kind: 'verdict', current: 'stand_in', line: 'ChatGPT: the API is a good stand-in again. verdict stand_in' },
    ]);
  });
});
