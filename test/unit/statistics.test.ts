/**
 * The report statistics against values published by others, computed independently of this
 * code, plus the edges every report meets (0 of n, n of n, n = 0).
 */
import { describe, expect, it } from 'vitest';
import {
  benjaminiHochberg,
  compareProportions,
  fisherExact,
  holm,
  meanFromSums,
  newcombeDifference,
  ratio,
  ratioOfSums,
  sampleSizePerArm,
  twoProportionZTest,
  wilson,
  zFor,
} from '../../src/lib/statistics.js';

const at4 = (i: { low: number; high: number } | null) => i && [Number(i.low.toFixed(4)), Number(i.high.toFixed(4))];

describe('Wilson interval', () => {
  // Newcombe RG. Two-sided confidence intervals for the single proportion: comparison of seven
  // methods. Statistics in Medicine 1998;17:857–872, Table I, method 3 (score, no continuity correction).
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('%i/%i → [%f, %f] as published by Newcombe (1998)', (k, n, low, high) => {
    expect(at4(wilson(k, n))).toEqual([low, high]);
  });

  it('handles 0 of n, n of n and n = 0', () => {
    expect(wilson(0, 10).low).toBe(0);
    expect(wilson(10, 10).high).toBe(1);
    expect(wilson(10, 10).low).toBeCloseTo(0.7225, 4);
    expect(wilson(0, 0)).toEqual({ low: 0, high: 1 });
    expect(ratio(0, 0)).toBeNull();
    expect(ratio(3, 4)).toBe(0.75);
  });
});

describe('Newcombe interval for a difference of proportions', () => {
  // Newcombe RG. Interval estimation for the difference between independent proportions:
  // comparison of eleven methods. Statistics in Medicine 1998;17:873–890, Table II, method 10.
  it.each([
    [56, 70, 48, 80, 0.0524, 0.3339],
    [9, 10, 3, 10, 0.1705, 0.809],
    [6, 7, 2, 7, 0.0582, 0.8062],
    [5, 56, 0, 29, -0.0381, 0.1926],
    [0, 10, 0, 20, -0.1611, 0.2775],
    [0, 10, 0, 10, -0.2775, 0.2775],
    [10, 10, 0, 20, 0.6791, 1],
    [10, 10, 0, 10, 0.6075, 1],
  ])('%i/%i − %i/%i → [%f, %f]', (k1, n1, k2, n2, low, high) => {
    expect(at4(newcombeDifference(k1, n1, k2, n2))).toEqual([low, high]);
  });

  it('says nothing when an arm is empty', () => {
    expect(newcombeDifference(0, 0, 3, 10)).toBeNull();
  });
});

describe('two-proportion z-test', () => {
  // Lane DM, HyperStat Online / Online Statistics Education (Rice University), "Tests of
  // differences between proportions": 73 of 85 vs 43 of 82 graduated; z = 4.69, p < 0.0001.
  // The exact figures, computed independently with SciPy 1.17 (Python): the pooled z is the square
  // root of the uncorrected chi-square of the 2×2 table, scipy.stats.chi2_contingency([[73, 12],
  // [43, 39]], correction=False) → χ² = 22.0059…, p = 2.718068837100251e-06 (= 2·norm.sf(z)), the
  // test R's prop.test(c(73, 43), c(85, 82), correct = FALSE) performs.
  it('reproduces the textbook example to the exact p-value', () => {
    const t = twoProportionZTest(73, 85, 43, 82);
    expect(t?.z.toFixed(2)).toBe('4.69');
    expect(t?.z).toBeCloseTo(4.691049734739062, 12);
    expect(t?.pValue).toBeCloseTo(2.718068837100251e-6, 17);
    expect((t?.pValue ?? 0) / 2.718068837100251e-6).toBeCloseTo(1, 9);
  });

  it('is symmetric and null when the pooled SE is 0', () => {
    expect(twoProportionZTest(43, 82, 73, 85)?.z).toBeCloseTo(-4.691, 3);
    expect(twoProportionZTest(0, 10, 0, 20)).toBeNull();
    expect(twoProportionZTest(10, 10, 20, 20)).toBeNull();
    expect(twoProportionZTest(1, 0, 1, 2)).toBeNull();
  });
});

describe("Fisher's exact test", () => {
  // Fisher RA. The Design of Experiments (1935), the lady tasting tea: 3 of 4 cups right,
  // table [[3, 1], [1, 3]]; two-sided p = 34/70 = 0.4857 (also R: fisher.test(TeaTasting)).
  it('reproduces the tea-tasting example', () => {
    expect(fisherExact(3, 1, 1, 3)).toBeCloseTo(34 / 70, 12);
    expect(fisherExact(3, 1, 1, 3).toFixed(4)).toBe('0.4857');
    expect(fisherExact(4, 0, 0, 4)).toBeCloseTo(2 / 70, 12);
  });

  // Unbalanced margins, where the two-sided rule (sum every table no more likely than the observed
  // one) differs from doubling a tail:
  // - R's fisher.test documentation, Fisher's (1962) convictions of like-sex twins of criminals,
  //   matrix(c(2, 10, 15, 3), 2): rows 17 and 13, columns 12 and 18; two-sided p-value = 0.0005367;
  // - Wikipedia, "Fisher's exact test", the studying example [[1, 9], [11, 3]]: p = 0.002759.
  // Exact fractions below from summing hypergeometric probabilities with Python's fractions and
  // math.comb, and equal to scipy.stats.fisher_exact (SciPy 1.17) to double precision.
  it.each([
    [2, 15, 10, 3, 3571 / 6653325, '0.0005367'],
    [1, 9, 11, 3, 41 / 14858, '0.002759'],
  ])('[[%i, %i], [%i, %i]] with unbalanced margins → %f (published %s)', (a, b, c, d, exact, published) => {
    expect(fisherExact(a, b, c, d) / exact).toBeCloseTo(1, 9);
    expect(fisherExact(a, b, c, d).toPrecision(4)).toBe(Number(published).toPrecision(4));
    // The same table transposed or with its rows swapped has the same two-sided p-value.
    expect(fisherExact(a, c, b, d) / exact).toBeCloseTo(1, 9);
    expect(fisherExact(c, d, a, b) / exact).toBeCloseTo(1, 9);
  });

  it('stays exact far in the tail, with very unequal arms', () => {
    // Python fractions / SciPy, as above: one arm of 100 against one of 20.
    expect(fisherExact(1, 99, 10, 10) / (1 / 62256446)).toBeCloseTo(1, 9);
    expect(fisherExact(0, 50, 5, 5) / (3 / 65018)).toBeCloseTo(1, 9);
    expect(fisherExact(0, 20, 4, 0) / (1 / 10626)).toBeCloseTo(1, 9);
  });

  it('is 1 for degenerate margins', () => {
    expect(fisherExact(0, 0, 0, 0)).toBe(1);
    expect(fisherExact(0, 5, 0, 7)).toBe(1);
    expect(fisherExact(5, 0, 7, 0)).toBe(1);
  });
});

describe('comparing two mention rates', () => {
  it('uses the z-test when every expected count is at least 5', () => {
    const c = compareProportions(43, 82, 73, 85);
    expect(c.test).toBe('z');
    expect(c.difference).toBeCloseTo(73 / 85 - 43 / 82, 12);
    expect(c.statistic?.toFixed(2)).toBe('4.69');
    expect(c.ci95?.low).toBeGreaterThan(0);
  });

  it('falls back to the exact test for small counts', () => {
    const c = compareProportions(1, 4, 3, 4);
    expect(c.test).toBe('fisher');
    expect(c.minExpected).toBe(2);
    expect(c.pValue?.toFixed(4)).toBe('0.4857');
    expect(c.difference).toBe(0.5);
  });

  it('takes the exact test when one arm is small and the rate extreme', () => {
    // 0 of 50 against 5 of 10: expected mentions in the small arm 10 × 5/60 < 5.
    const c = compareProportions(0, 50, 5, 10);
    expect(c.test).toBe('fisher');
    expect((c.pValue ?? 0) / (3 / 65018)).toBeCloseTo(1, 9);
    expect(c.difference).toBe(0.5);
  });

  it('handles 0 of n in both arms and empty arms', () => {
    const none = compareProportions(0, 10, 0, 10);
    expect(none).toMatchObject({ test: 'fisher', pValue: 1, difference: 0 });
    expect(at4(none.ci95)).toEqual([-0.2775, 0.2775]);
    expect(compareProportions(0, 0, 3, 5)).toMatchObject({ test: 'none', pValue: null, difference: null, ci95: null });
  });
});

describe('sample size per arm', () => {
  // R documentation of power.prop.test: p1 = .50, p2 = .75, power = .90 → n = 76.7 per group;
  // and the classic p1 = .6, p2 = .4, power = .8, alpha = .05 → 96.9 (97) per group.
  it('matches published examples', () => {
    expect(sampleSizePerArm(0.5, 0.75, 0.05, 0.9)).toBe(77);
    expect(sampleSizePerArm(0.6, 0.4)).toBe(97);
    expect(sampleSizePerArm(0.4, 0.6)).toBe(97);
  });

  // Rates near 0 and 1, where the variance terms are smallest. Reference values: R's
  // power.prop.test algorithm (two-sided, strict = FALSE) re-implemented with SciPy 1.17 and solved
  // for n with scipy.optimize.brentq: 284.32, 1058.86 and 73.37 answers per arm before rounding up.
  it.each([
    [0.01, 0.05, 285],
    [0.95, 0.99, 285],
    [0.001, 0.01, 1059],
    [0, 0.1, 74],
    [0.9, 1, 74],
  ])('detects %f vs %f with %i answers per arm', (p1, p2, n) => {
    expect(sampleSizePerArm(p1, p2)).toBe(n);
    expect(sampleSizePerArm(p2, p1)).toBe(n);
  });

  it('is null when there is no difference to detect', () => {
    expect(sampleSizePerArm(0.3, 0.3)).toBeNull();
  });

  it('uses exact normal quantiles', () => {
    expect(zFor(0.975)).toBeCloseTo(1.959964, 6);
    expect(zFor(0.8)).toBeCloseTo(0.841621, 6);
  });
});

describe('multiple comparisons', () => {
  // Benjamini Y, Hochberg Y. Controlling the false discovery rate. JRSS B 1995;57:289–300,
  // section 4 example of 15 p-values: at 0.05 the FDR procedure rejects 4 hypotheses, the
  // Bonferroni-type (Holm) procedure 3.
  const P = [
    0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.324, 0.4262, 0.5719, 0.6528, 0.759, 1,
  ];
  it('reproduces the Benjamini–Hochberg example', () => {
    expect(benjaminiHochberg(P).filter((p) => p !== null && p <= 0.05)).toHaveLength(4);
    expect(holm(P).filter((p) => p !== null && p <= 0.05)).toHaveLength(3);
  });

  it('keeps order, monotonicity and nulls', () => {
    expect(holm([0.01, 0.04, 0.03, 0.005])).toEqual([0.03, 0.06, 0.06, 0.02]);
    expect(benjaminiHochberg([0.01, 0.04, null, 0.005]).map((p) => p && Number(p.toFixed(6)))).toEqual([
      0.015,
      0.04,
      null,
      0.015,
    ]);
    expect(holm([])).toEqual([]);
  });
});

describe('means and ratios from sums', () => {
  it('gives a Student-t interval for a mean', () => {
    // Values 1, 2, 3: mean 2, sd 1, t(0.975, 2) = 4.3027 → 2 ± 4.3027/√3.
    const m = meanFromSums(6, 14, 3);
    expect(m.value).toBe(2);
    expect(m.sd).toBeCloseTo(1, 12);
    expect(m.ci95?.low).toBeCloseTo(2 - 4.302653 / Math.sqrt(3), 5);
    expect(meanFromSums(0, 0, 0)).toEqual({ value: null, sd: null, ci95: null });
    expect(meanFromSums(0.5, 0.25, 1)).toEqual({ value: 0.5, sd: null, ci95: null });
  });

  it('matches a direct computation of the ratio estimator variance', () => {
    // Per answer: x = mentions of the brand, y = mentions of every brand.
    const units = [
      [1, 3],
      [0, 2],
      [2, 2],
      [1, 1],
      [0, 0],
    ] as const;
    const sums = units.reduce(
      (s, [x, y]) => ({ n: s.n + 1, x: s.x + x, y: s.y + y, xx: s.xx + x * x, xy: s.xy + x * y, yy: s.yy + y * y }),
      { n: 0, x: 0, y: 0, xx: 0, xy: 0, yy: 0 },
    );
    const r = sums.x / sums.y;
    const ybar = sums.y / units.length;
    const s2 = units.reduce((s, [x, y]) => s + (x - r * y) ** 2, 0) / (units.length - 1);
    const se = Math.sqrt(s2 / units.length) / ybar;
    const got = ratioOfSums(sums);
    expect(got.value).toBe(0.5);
    expect(got.ci95?.low).toBeCloseTo(Math.max(0, 0.5 - 1.959964 * se), 6);
    expect(got.ci95?.high).toBeCloseTo(Math.min(1, 0.5 + 1.959964 * se), 6);
    expect(ratioOfSums({ n: 3, x: 0, y: 0, xx: 0, xy: 0, yy: 0 })).toEqual({ value: null, ci95: null });
    expect(ratioOfSums({ n: 1, x: 1, y: 2, xx: 1, xy: 2, yy: 4 })).toEqual({ value: 0.5, ci95: null });
  });
});
