/**
 * The change-impact statistics (docs/statistics.md#change-impact): the difference in differences
 * with its prompt-clustered variance against a case worked by hand, and the power and the
 * minimum detectable effect against simulation with a seeded generator.
 */
import { describe, expect, it } from 'vitest';
import {
  differenceInDifferences,
  minimumDetectableEffect,
  phi,
  powerAt,
  type DidCluster,
} from '../../src/lib/statistics.js';

/** Student t with 2 degrees of freedom has a closed form: F(x) = 1/2 + x / (2·√(x² + 2)). */
const t2Cdf = (x: number) => 0.5 + x / (2 * Math.sqrt(x * x + 2));
/** Its quantile: F⁻¹(p) = (2p − 1) · √(2 / (4p(1 − p))). */
const t2Quantile = (p: number) => (2 * p - 1) * Math.sqrt(2 / (4 * p * (1 - p)));

const cell = (preK: number, preN: number, postK: number, postN: number): DidCluster => ({ preN, preK, postN, postK });

describe('difference in differences by hand', () => {
  // Affected prompts A (2/4 → 3/4) and B (1/4 → 3/4); unaffected C (1/4 → 1/4) and D (2/4 → 2/4).
  // Rates: affected 3/8 → 6/8, unaffected 3/8 → 3/8; DiD = 3/8.
  // Cluster residuals z_i = (k_post − p_post·n_post)/N_post − (k_pre − p_pre·n_pre)/N_pre:
  //   A: (3 − 3)/8 − (2 − 1.5)/8 = −1/16, B: (3 − 3)/8 − (1 − 1.5)/8 = +1/16, C and D: 0.
  // V_affected = 2/(2 − 1) · 2/256 = 1/64, V_unaffected = 0 → SE = 1/8; t = 3 on 4 − 2 = 2 df.
  const r = differenceInDifferences([cell(2, 4, 3, 4), cell(1, 4, 3, 4)], [cell(1, 4, 1, 4), cell(2, 4, 2, 4)]);

  it('gives the four groups, the estimate and the clustered standard error', () => {
    expect(r.affectedPre).toEqual({ n: 8, k: 3, prompts: 2, rate: 3 / 8 });
    expect(r.affectedPost).toEqual({ n: 8, k: 6, prompts: 2, rate: 6 / 8 });
    expect(r.unaffectedPre).toEqual({ n: 8, k: 3, prompts: 2, rate: 3 / 8 });
    expect(r.unaffectedPost).toEqual({ n: 8, k: 3, prompts: 2, rate: 3 / 8 });
    expect(r.estimate).toBeCloseTo(0.375, 12);
    expect(r.standardError).toBeCloseTo(0.125, 12);
    expect(r.df).toBe(2);
  });

  it('gives the t interval and two-sided p-value on 2 df', () => {
    const half = t2Quantile(0.975) * 0.125; // 4.302653 · 0.125
    expect(r.ci95?.low).toBeCloseTo(0.375 - half, 6);
    expect(r.ci95?.high).toBeCloseTo(0.375 + half, 6);
    expect(r.ci95?.low).toBeCloseTo(-0.162832, 5);
    expect(r.pValue).toBeCloseTo(2 * (1 - t2Cdf(3)), 8);
    expect(r.pValue).toBeCloseTo(0.095466, 5);
  });

  it('reports the binomial standard error: the sum of the four binomial variances', () => {
    const v = (p: number) => (p * (1 - p)) / 8;
    expect(r.binomialStandardError).toBeCloseTo(Math.sqrt(3 * v(3 / 8) + v(6 / 8)), 12);
  });

  it('gives power and minimum detectable effect from the same t reference', () => {
    const c = t2Quantile(0.975);
    const shift = 0.05 / 0.125;
    expect(powerAt(0.05, 0.125, 2)).toBeCloseTo(t2Cdf(shift - c) + t2Cdf(-shift - c), 8);
    expect(minimumDetectableEffect(0.125, 2)).toBeCloseTo((c + t2Quantile(0.8)) * 0.125, 8);
  });

  it('says nothing where it cannot: an empty group, one prompt in an arm, no variation', () => {
    const noPost = differenceInDifferences([cell(1, 4, 0, 0), cell(1, 4, 0, 0)], [cell(1, 4, 1, 4), cell(1, 4, 1, 4)]);
    expect(noPost.estimate).toBeNull();
    expect(noPost.affectedPost).toEqual({ n: 0, k: 0, prompts: 0, rate: null });
    const onePrompt = differenceInDifferences([cell(1, 4, 3, 4)], [cell(1, 4, 1, 4), cell(2, 4, 2, 4)]);
    expect(onePrompt.estimate).toBeCloseTo(0.5, 12);
    expect(onePrompt.standardError).toBeNull();
    expect(onePrompt.pValue).toBeNull();
    const flat = differenceInDifferences([cell(0, 4, 0, 4), cell(0, 4, 0, 4)], [cell(0, 4, 0, 4), cell(0, 4, 0, 4)]);
    expect(flat.estimate).toBe(0);
    expect(flat.standardError).toBe(0);
    expect(flat.ci95).toBeNull();
  });

  it('equals the textbook binomial DiD when each prompt has one answer per window', () => {
    // With one answer per prompt and window, clustering changes little: the clustered variance is
    // the sum over prompts of the paired residuals, close to the binomial one for many prompts.
    const aff = Array.from({ length: 200 }, (_, i) => cell(i % 4 === 0 ? 1 : 0, 1, i % 2 === 0 ? 1 : 0, 1));
    const unaff = Array.from({ length: 200 }, (_, i) => cell(i % 4 === 1 ? 1 : 0, 1, i % 4 === 3 ? 1 : 0, 1));
    const r2 = differenceInDifferences(aff, unaff);
    expect(r2.estimate).toBeCloseTo(0.5 - 0.25 - (0.25 - 0.25), 12);
    expect(r2.standardError as number).toBeGreaterThan(0);
    expect(Math.abs((r2.standardError as number) / (r2.binomialStandardError as number) - 1)).toBeLessThan(0.15);
  });
});

/** mulberry32: a small seeded generator, so the simulations give the same draws on every run. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const binomial = (rand: () => number, n: number, p: number) => {
  let k = 0;
  for (let i = 0; i < n; i++) if (rand() < p) k++;
  return k;
};

/** A standard normal draw (Box–Muller). */
const normal = (rand: () => number) => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());

interface Design {
  prompts: number;
  answers: number;
  base: number;
  effect: number;
  /** Standard deviation of each prompt's own change between the windows (prompt × time noise). */
  drift: number;
}

function simulate(rand: () => number, d: Design): { affected: DidCluster[]; unaffected: DidCluster[] } {
  const arm = (effect: number) =>
    Array.from({ length: d.prompts }, () => {
      const clamp = (p: number) => Math.min(0.99, Math.max(0.01, p));
      const pre = clamp(d.base);
      const post = clamp(d.base + effect + d.drift * normal(rand));
      return {
        preN: d.answers,
        preK: binomial(rand, d.answers, pre),
        postN: d.answers,
        postK: binomial(rand, d.answers, post),
      };
    });
  return { affected: arm(d.effect), unaffected: arm(0) };
}

describe('power and minimum detectable effect by simulation', () => {
  const SIMS = 1500;

  it('predicted power matches the rejection rate of simulated studies', () => {
    const rand = mulberry32(20261206);
    const design: Design = { prompts: 20, answers: 10, base: 0.3, effect: 0.12, drift: 0 };
    let rejected = 0;
    let predicted = 0;
    let mde = 0;
    for (let s = 0; s < SIMS; s++) {
      const { affected, unaffected } = simulate(rand, design);
      const r = differenceInDifferences(affected, unaffected);
      if ((r.pValue as number) < 0.05) rejected++;
      predicted += powerAt(design.effect, r.standardError as number, r.df as number);
      mde += minimumDetectableEffect(r.standardError as number, r.df as number);
    }
    const empirical = rejected / SIMS;
    predicted /= SIMS;
    mde /= SIMS;
    // The two agree within about two simulation standard errors (√(0.5·0.5/1500) ≈ 0.013).
    expect(Math.abs(empirical - predicted)).toBeLessThan(0.04);
    expect(empirical).toBeGreaterThan(0.4);
    expect(empirical).toBeLessThan(0.9);
    // At the mean minimum detectable effect the normal-approximation power is 80%.
    const seMean = mde / (1.959963984540054 + 0.8416212335729143);
    expect(phi(mde / seMean - 1.959963984540054)).toBeCloseTo(0.8, 2);
  });

  it('an effect as large as the minimum detectable effect is found about 80% of the time', () => {
    const rand = mulberry32(7);
    const design: Design = { prompts: 25, answers: 8, base: 0.4, effect: 0, drift: 0 };
    // The design's minimum detectable effect, from one pilot study of the same size.
    const pilot = simulate(rand, design);
    const p = differenceInDifferences(pilot.affected, pilot.unaffected);
    const mde = minimumDetectableEffect(p.standardError as number, p.df as number);
    let rejected = 0;
    for (let s = 0; s < SIMS; s++) {
      const { affected, unaffected } = simulate(rand, { ...design, effect: mde });
      if ((differenceInDifferences(affected, unaffected).pValue as number) < 0.05) rejected++;
    }
    expect(rejected / SIMS).toBeGreaterThan(0.72);
    expect(rejected / SIMS).toBeLessThan(0.88);
  });

  it('keeps its 5% false-positive rate when prompts drift on their own, where the binomial test does not', () => {
    const rand = mulberry32(42);
    const design: Design = { prompts: 30, answers: 20, base: 0.35, effect: 0, drift: 0.15 };
    let clustered = 0;
    let naive = 0;
    for (let s = 0; s < SIMS; s++) {
      const { affected, unaffected } = simulate(rand, design);
      const r = differenceInDifferences(affected, unaffected);
      if ((r.pValue as number) < 0.05) clustered++;
      const z = Math.abs(r.estimate as number) / (r.binomialStandardError as number);
      if (2 * (1 - phi(z)) < 0.05) naive++;
    }
    expect(clustered / SIMS).toBeGreaterThan(0.025);
    expect(clustered / SIMS).toBeLessThan(0.08);
    expect(naive / SIMS).toBeGreaterThan(0.12);
  });
});
