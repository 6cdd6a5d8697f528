import { describe, expect, it } from 'vitest';
import {
  binomialPmf,
  calibrate,
  clopperPearson,
  decideLook,
  operatingCharacteristics,
  defaultWaveSize,
  fixedDesignSamples,
  halfWidthOf,
  lookAlphas,
  looks,
  mulberry32,
  simulateCell,
  worstMiss,
  type AdaptiveDesign,
} from '../../src/lib/adaptive-sampling.js';
import { wilson } from '../../src/lib/statistics.js';

describe('Clopper–Pearson interval', () => {
  it('matches published values', () => {
    // Clopper & Pearson (1934) / R binom.test(): 0/10 → [0, 0.3084971]; 5/10 → [0.1870860, 0.8129140]; 1/20 → [0.001265, 0.248733]
    const a = clopperPearson(0, 10, 0.05);
    expect(a.low).toBe(0);
    expect(a.high).toBeCloseTo(0.3084971, 6);
    const b = clopperPearson(5, 10, 0.05);
    expect(b.low).toBeCloseTo(0.187086, 5);
    expect(b.high).toBeCloseTo(0.812914, 5);
    const c = clopperPearson(1, 20, 0.05);
    expect(c.low).toBeCloseTo(0.001265, 5);
    expect(c.high).toBeCloseTo(0.248733, 5);
    expect(clopperPearson(10, 10, 0.05).high).toBe(1);
    expect(clopperPearson(0, 0, 0.05)).toEqual({ low: 0, high: 1 });
  });
});

describe('the design', () => {
  const d: AdaptiveDesign = { halfWidth: 0.05, minSamples: 30, maxSamples: 450, waveSize: 30 };

  it('looks after every wave, the interim looks at the calibrated level and the last at α', () => {
    expect(looks(d)).toEqual([30, 60, 90, 120, 150, 180, 210, 240, 270, 300, 330, 360, 390, 420, 450]);
    const alphas = lookAlphas(d);
    expect(alphas).toHaveLength(15);
    expect(alphas.at(-1)).toBe(0.05);
    // Calibrated: every interim look at one level, well above the union bound's 0.05 / 15.
    expect(new Set(alphas.slice(0, -1)).size).toBe(1);
    expect(alphas[0]).toBeGreaterThan(0.05 / 15);
    expect(alphas[0]).toBeLessThanOrEqual(0.05);
    expect(looks({ minSamples: 10, maxSamples: 10, waveSize: 5 })).toEqual([10]);
    expect(lookAlphas({ halfWidth: 0.1, minSamples: 10, maxSamples: 10, waveSize: 5 })).toEqual([0.05]);
    expect(defaultWaveSize(30, 450)).toBe(47);
  });

  it('the fixed design of ±5 points is the Wilson n at 0.5 (381, the textbook 1.96²/4·0.05⁻² ≈ 384 less the Wilson shrinkage)', () => {
    expect(fixedDesignSamples(0.05)).toBe(381);
    expect(halfWidthOf(wilson(190.5, 381))).toBeLessThanOrEqual(0.05);
    expect(halfWidthOf(wilson(190, 380))).toBeGreaterThan(0.05);
    expect(fixedDesignSamples(0.1)).toBe(93);
  });

  it('stops a cell that never mentions the brand early and sends a mid-range one to more waves', () => {
    const zero = decideLook(d, 2, 90, 0, 90);
    expect(zero.stop).toBe('precision');
    expect(zero.halfWidth).toBeLessThanOrEqual(0.05);
    const mid = decideLook(d, 0, 30, 15, 30);
    expect(mid.stop).toBeNull();
    expect(mid.nextWave).toBe(30);
    const last = decideLook(d, 14, 450, 225, 450);
    expect(last.stop).not.toBeNull();
  });
});

describe('the calibration', () => {
  it('computes binomial probabilities (Binomial(10, 0.3): P(0) = 0.7^10, P(3) = 0.2668279)', () => {
    const pmf = binomialPmf(10, 0.3);
    expect(pmf[0]).toBeCloseTo(0.7 ** 10, 12);
    expect(pmf[3]).toBeCloseTo(0.2668279, 7);
    expect(pmf.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    expect([...binomialPmf(4, 0)]).toEqual([1, 0, 0, 0, 0]);
  });

  it('keeps the exact miss probability at or below 5% on its grid, and a larger level would not', () => {
    const d: AdaptiveDesign = { halfWidth: 0.1, minSamples: 10, maxSamples: 130, waveSize: 10 };
    const interim = calibrate(d);
    expect(worstMiss(d, interim, 0.05)).toBeLessThanOrEqual(0.05);
    expect(worstMiss(d, Math.min(0.05, interim * 1.25), 0.05)).toBeGreaterThan(0.05);
  });

  it('agrees with simulation: the miss probability and the expected answers it computes are those of 20,000 simulated cells', () => {
    const d: AdaptiveDesign = { halfWidth: 0.1, minSamples: 10, maxSamples: 130, waveSize: 10 };
    for (const p of [0.05, 0.3]) {
      const exact = operatingCharacteristics(d, p);
      const random = mulberry32(5);
      let missed = 0;
      let answers = 0;
      for (let i = 0; i < 20_000; i++) {
        const r = simulateCell(d, p, random);
        if (r.interval.low > p || r.interval.high < p) missed++;
        answers += r.n;
      }
      const se = Math.sqrt((exact.miss * (1 - exact.miss)) / 20_000);
      expect(Math.abs(missed / 20_000 - exact.miss), `miss at ${p}`).toBeLessThan(4 * se + 1e-4);
      expect(exact.miss).toBeLessThanOrEqual(0.05);
      expect(answers / 20_000 / exact.expectedN, `answers at ${p}`).toBeCloseTo(1, 1);
    }
  });
});

/** Coverage of the reported intervals at true rates 0.02 … 0.98, by seeded simulation. */
function coverage(d: AdaptiveDesign, rates: number[], reps: number, seed: number, cell = simulateCell) {
  const random = mulberry32(seed);
  return rates.map((p) => {
    let covered = 0;
    let samples = 0;
    for (let i = 0; i < reps; i++) {
      const r = cell(d, p, random);
      if (r.interval.low <= p && p <= r.interval.high) covered++;
      samples += r.n;
    }
    return { p, coverage: covered / reps, meanN: samples / reps };
  });
}

const RATES = [0.02, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.98];

describe('coverage by simulation (seeded)', () => {
  it('the reported 95% intervals cover the true rate ≥ 94% of the time at every rate from 0.02 to 0.98', () => {
    const d: AdaptiveDesign = { halfWidth: 0.1, minSamples: 10, maxSamples: 130, waveSize: 10 };
    const results = coverage(d, RATES, 1_500, 17);
    for (const r of results) expect(r.coverage, `coverage at p = ${r.p}`).toBeGreaterThanOrEqual(0.94);
    // And it saves samples where the rate is extreme: well under the fixed design's n at 0.02 and 0.98.
    const fixed = fixedDesignSamples(0.1);
    expect(results[0]?.meanN).toBeLessThan(fixed * 0.6);
    expect(results.at(-1)?.meanN).toBeLessThan(fixed * 0.6);
  });

  it('a naive design (a plain 95% Wilson interval at every look, stop when narrow) covers less: what the spending protects against', () => {
    const d: AdaptiveDesign = { halfWidth: 0.1, minSamples: 10, maxSamples: 130, waveSize: 10 };
    const naive = (design: AdaptiveDesign, p: number, random: () => number) => {
      let n = 0;
      let k = 0;
      for (;;) {
        const target = n === 0 ? design.minSamples : n + design.waveSize;
        while (n < target) {
          if (random() < p) k++;
          n++;
        }
        const ci = wilson(k, n);
        if (halfWidthOf(ci) <= design.halfWidth || n >= design.maxSamples)
          return { n, k, interval: ci, stop: 'precision' as const };
      }
    };
    const results = coverage(d, RATES, 1_500, 17, naive);
    expect(Math.min(...results.map((r) => r.coverage))).toBeLessThan(0.94);
  });
});
