/**
 * Statistics behind every report number. Intervals are 95% unless stated; all functions are
 * pure and handle the edges (0 of n, n of n, n = 0) without NaN: where nothing can be said they
 * return null (or the uninformative [0, 1] for a single proportion).
 *
 * Distribution functions come from stdlib (@stdlib/stats-base-dists-*): maintained, accurate to
 * double precision, and small. The tests built on them (Fisher, Newcombe, sample size, Holm,
 * Benjamini–Hochberg) are a few lines each and written here so each step can be read against
 * its published source (test/unit/statistics.test.ts cites them).
 */
import hypergeometricPmf from '@stdlib/stats-base-dists-hypergeometric-pmf';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import studentCdf from '@stdlib/stats-base-dists-t-cdf';
import studentQuantile from '@stdlib/stats-base-dists-t-quantile';

/** Two-sided 95% normal quantile. */
export const Z95 = 1.959963984540054;

export interface Interval {
  low: number;
  high: number;
}

/** Standard normal quantile; zFor(0.975) = 1.95996… */
export const zFor = (p: number): number => normalQuantile(p, 0, 1);

/** P(Z ≤ x) for a standard normal Z. */
export const phi = (x: number): number => normalCdf(x, 0, 1);

/**
 * Wilson score interval for a proportion k/n. Unlike the textbook Wald interval it stays inside
 * [0, 1] and behaves at 0/n and n/n. n = 0 gives the uninformative [0, 1].
 */
export function wilson(k: number, n: number, z = Z95): Interval {
  if (n <= 0) return { low: 0, high: 1 };
  const p = k / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  // At 0/n and n/n the bound is exactly 0 or 1; rounding must not leave 0.9999999999999999.
  return { low: k <= 0 ? 0 : Math.max(0, centre - half), high: k >= n ? 1 : Math.min(1, centre + half) };
}

export function ratio(k: number, n: number): number | null {
  return n > 0 ? k / n : null;
}

/**
 * Newcombe's hybrid score interval for p1 − p2 (method 10 of Newcombe 1998): combines the two
 * Wilson intervals. Chosen over Wald because Wald collapses to zero width at 0/n and n/n, which
 * are common here (a brand never or always named by a configuration), and undercovers at small n.
 */
export function newcombeDifference(k1: number, n1: number, k2: number, n2: number, z = Z95): Interval | null {
  if (n1 <= 0 || n2 <= 0) return null;
  const p1 = k1 / n1;
  const p2 = k2 / n2;
  const w1 = wilson(k1, n1, z);
  const w2 = wilson(k2, n2, z);
  const d = p1 - p2;
  return {
    low: Math.max(-1, d - Math.sqrt((p1 - w1.low) ** 2 + (w2.high - p2) ** 2)),
    high: Math.min(1, d + Math.sqrt((w1.high - p1) ** 2 + (p2 - w2.low) ** 2)),
  };
}

/** Two-proportion z-test with the pooled standard error; two-sided. Null when the SE is 0 (both 0% or both 100%). */
export function twoProportionZTest(
  k1: number,
  n1: number,
  k2: number,
  n2: number,
): { z: number; pValue: number } | null {
  if (n1 <= 0 || n2 <= 0) return null;
  const pooled = (k1 + k2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (se === 0) return null;
  const z = (k1 / n1 - k2 / n2) / se;
  return { z, pValue: Math.min(1, 2 * phi(-Math.abs(z))) };
}

/**
 * Fisher's exact test for the 2×2 table [[a, b], [c, d]], two-sided: the probability of every
 * table with the same margins that is no more likely than the one observed (the rule R's
 * fisher.test uses, with the same 1e-7 relative tolerance for ties).
 */
export function fisherExact(a: number, b: number, c: number, d: number): number {
  const total = a + b + c + d;
  const row1 = a + b;
  const col1 = a + c;
  if (total === 0 || row1 === 0 || row1 === total || col1 === 0 || col1 === total) return 1;
  const observed = hypergeometricPmf(a, total, col1, row1);
  const cutoff = observed * (1 + 1e-7);
  let p = 0;
  for (let x = Math.max(0, row1 + col1 - total); x <= Math.min(row1, col1); x++) {
    const px = hypergeometricPmf(x, total, col1, row1);
    if (px <= cutoff) p += px;
  }
  return Math.min(1, p);
}

export interface ProportionComparison {
  /** pB − pA */
  difference: number | null;
  ci95: Interval | null;
  test: 'z' | 'fisher' | 'none';
  /** z statistic of the z-test; null for Fisher or when no test applies. */
  statistic: number | null;
  pValue: number | null;
  /** Smallest expected cell count under "no difference", which decides the test. */
  minExpected: number | null;
}

/**
 * Compares mention rates kA/nA and kB/nB. Rule (Cochran): when every expected count of the 2×2
 * table is at least 5 the z-test is accurate and is used; otherwise Fisher's exact test.
 */
export function compareProportions(kA: number, nA: number, kB: number, nB: number, z = Z95): ProportionComparison {
  if (nA <= 0 || nB <= 0)
    return { difference: null, ci95: null, test: 'none', statistic: null, pValue: null, minExpected: null };
  const total = nA + nB;
  const mentioned = kA + kB;
  const minExpected = (Math.min(nA, nB) * Math.min(mentioned, total - mentioned)) / total;
  const ci95 = newcombeDifference(kB, nB, kA, nA, z);
  const difference = kB / nB - kA / nA;
  if (minExpected >= 5) {
    const t = twoProportionZTest(kB, nB, kA, nA);
    if (t) return { difference, ci95, test: 'z', statistic: t.z, pValue: t.pValue, minExpected };
  }
  return {
    difference,
    ci95,
    test: 'fisher',
    statistic: null,
    pValue: fisherExact(kA, nA - kA, kB, nB - kB),
    minExpected,
  };
}

/**
 * Answers needed in each arm to detect p1 vs p2 with a two-sided test at `alpha` with `power`
 * (normal approximation without continuity correction, as R's power.prop.test). Null when p1 = p2.
 */
export function sampleSizePerArm(p1: number, p2: number, alpha = 0.05, power = 0.8): number | null {
  const delta = Math.abs(p1 - p2);
  if (!(delta > 0)) return null;
  const pBar = (p1 + p2) / 2;
  const a = zFor(1 - alpha / 2) * Math.sqrt(2 * pBar * (1 - pBar));
  const b = zFor(power) * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
  return Math.ceil(((a + b) / delta) ** 2);
}

/** Holm's step-down adjustment: controls the chance of any false "significant" across the family. */
export function holm(pValues: Array<number | null>): Array<number | null> {
  const idx = pValues.map((p, i) => [p, i] as const).filter((x): x is readonly [number, number] => x[0] !== null);
  idx.sort((x, y) => x[0] - y[0]);
  const m = idx.length;
  const out: Array<number | null> = pValues.map(() => null);
  let running = 0;
  idx.forEach(([p, i], rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    out[i] = running;
  });
  return out;
}

/** Benjamini–Hochberg step-up adjustment: controls the expected share of false discoveries. */
export function benjaminiHochberg(pValues: Array<number | null>): Array<number | null> {
  const idx = pValues.map((p, i) => [p, i] as const).filter((x): x is readonly [number, number] => x[0] !== null);
  idx.sort((x, y) => x[0] - y[0]);
  const m = idx.length;
  const out: Array<number | null> = pValues.map(() => null);
  let running = 1;
  for (let rank = m - 1; rank >= 0; rank--) {
    const [p, i] = idx[rank] as readonly [number, number];
    running = Math.min(running, (m / (rank + 1)) * p);
    out[i] = Math.min(1, running);
  }
  return out;
}

/** Student-t quantiles by degrees of freedom: reports ask for the same few thousand again and again. */
const tQuantiles = new Map<string, number>();
function tQuantile(p: number, df: number): number {
  const key = `${p}|${df}`;
  let q = tQuantiles.get(key);
  if (q === undefined) {
    q = studentQuantile(p, df);
    if (tQuantiles.size < 20_000) tQuantiles.set(key, q);
  }
  return q;
}

export interface MeanEstimate {
  value: number | null;
  sd: number | null;
  ci95: Interval | null;
}

/** Mean with a Student-t 95% interval, from the sum, the sum of squares and n (what rollups keep). */
export function meanFromSums(sum: number, sumSq: number, n: number, level = 0.95): MeanEstimate {
  if (n <= 0) return { value: null, sd: null, ci95: null };
  const mean = sum / n;
  if (n < 2) return { value: mean, sd: null, ci95: null };
  // Guards the tiny negative a float subtraction can leave when every value is equal.
  const variance = Math.max(0, (sumSq - n * mean * mean) / (n - 1));
  const sd = Math.sqrt(variance);
  const half = tQuantile(1 - (1 - level) / 2, n - 1) * (sd / Math.sqrt(n));
  return { value: mean, sd, ci95: { low: mean - half, high: mean + half } };
}

/** Sums over n independent units (answers) of x, y, x², x·y and y², for a ratio Σx / Σy. */
export interface RatioSums {
  n: number;
  x: number;
  y: number;
  xx: number;
  xy: number;
  yy: number;
}

/**
 * Ratio of sums Σx/Σy (share of voice, citation share) with a 95% interval by the delta method
 * for a ratio estimator, treating answers as the independent units (Cochran, Sampling
 * Techniques, 3rd ed., §6.4): Var(R) ≈ n/(n−1) · Σ(x − R·y)² / (Σy)². Mentions inside one answer
 * are not independent, so a Wilson interval over mentions would be too narrow. Clamped to [0, 1].
 */
export function ratioOfSums(s: RatioSums, z = Z95): { value: number | null; ci95: Interval | null } {
  if (s.y <= 0) return { value: null, ci95: null };
  const r = s.x / s.y;
  if (s.n < 2) return { value: r, ci95: null };
  const residual = Math.max(0, s.xx - 2 * r * s.xy + r * r * s.yy);
  const se = Math.sqrt((s.n / (s.n - 1)) * residual) / s.y;
  return { value: r, ci95: { low: Math.max(0, r - z * se), high: Math.min(1, r + z * se) } };
}

/** The delta-method variance of a ratio of sums (see ratioOfSums); null when Σy = 0 or n < 2. */
export function ratioVariance(s: RatioSums): number | null {
  if (s.y <= 0 || s.n < 2) return null;
  const r = s.x / s.y;
  const residual = Math.max(0, s.xx - 2 * r * s.xy + r * r * s.yy);
  return ((s.n / (s.n - 1)) * residual) / (s.y * s.y);
}

export interface RatioComparison {
  /** RB − RA */
  difference: number | null;
  ci95: Interval | null;
  test: 'z' | 'none';
  statistic: number | null;
  pValue: number | null;
}

/**
 * Compares two ratios of sums over independent sets of answers (a domain's citation share on two
 * surfaces): RB − RA with the Wald interval and two-sided z-test on the sum of the two
 * delta-method variances. No test when a side has no denominator, fewer than 2 answers, or when
 * both variances are 0 (every answer of each side the same ratio): a standard error of 0 says
 * nothing about chance.
 */
export function compareRatios(a: RatioSums, b: RatioSums, z = Z95): RatioComparison {
  const none = { ci95: null, test: 'none' as const, statistic: null, pValue: null };
  if (a.y <= 0 || b.y <= 0) return { difference: null, ...none };
  const difference = b.x / b.y - a.x / a.y;
  const va = ratioVariance(a);
  const vb = ratioVariance(b);
  if (va === null || vb === null || !(va + vb > 0)) return { difference, ...none };
  const se = Math.sqrt(va + vb);
  const statistic = difference / se;
  return {
    difference,
    ci95: { low: Math.max(-1, difference - z * se), high: Math.min(1, difference + z * se) },
    test: 'z',
    statistic,
    pValue: Math.min(1, 2 * phi(-Math.abs(statistic))),
  };
}

/** One cluster (a prompt) of a difference in differences: its answers and those mentioning the brand, before and after. */
export interface DidCluster {
  preN: number;
  preK: number;
  postN: number;
  postK: number;
}

/** One of the four groups of a difference in differences. */
export interface DidGroup {
  /** Answers. */
  n: number;
  /** Answers mentioning the brand. */
  k: number;
  /** Prompts with at least one answer in this group. */
  prompts: number;
  /** k / n; null when n = 0. */
  rate: number | null;
}

export interface DidEstimate {
  affectedPre: DidGroup;
  affectedPost: DidGroup;
  unaffectedPre: DidGroup;
  unaffectedPost: DidGroup;
  /** (affected post − affected pre) − (unaffected post − unaffected pre); null when a group has no answer. */
  estimate: number | null;
  /** Cluster-robust standard error, prompts as clusters; null with fewer than two prompts in an arm. */
  standardError: number | null;
  /** The standard error if every answer were independent (the sum of the four binomial variances), for comparison. */
  binomialStandardError: number | null;
  /** Degrees of freedom of the t reference: prompts − 2 (clusters minus the two arms). */
  df: number | null;
  ci95: Interval | null;
  /** Two-sided p-value of estimate = 0 (Student t with df). */
  pValue: number | null;
}

function didGroup(clusters: DidCluster[], post: boolean): DidGroup {
  let n = 0;
  let k = 0;
  let prompts = 0;
  for (const c of clusters) {
    const cn = post ? c.postN : c.preN;
    n += cn;
    k += post ? c.postK : c.preK;
    if (cn > 0) prompts++;
  }
  return { n, k, prompts, rate: n > 0 ? k / n : null };
}

/**
 * Variance of one arm's change (post rate − pre rate), prompts as clusters: each rate is a ratio
 * estimator Σk/Σn, linearised (Cochran §6.4), and a prompt contributes its pre and post residuals
 * together, so answers of the same prompt may be correlated in any way, within and across the two
 * windows. Σ z_i² with the small-sample factor G/(G − 1) (CR1 within the arm); null when G < 2.
 */
function armVariance(clusters: DidCluster[], pre: DidGroup, post: DidGroup): number | null {
  const used = clusters.filter((c) => c.preN + c.postN > 0);
  const g = used.length;
  if (g < 2 || pre.rate === null || post.rate === null) return null;
  let sum = 0;
  for (const c of used) {
    const z = (c.postK - post.rate * c.postN) / post.n - (c.preK - pre.rate * c.preN) / pre.n;
    sum += z * z;
  }
  return (g / (g - 1)) * sum;
}

/**
 * Difference in differences of two proportions (docs/statistics.md#change-impact): the change of
 * the affected prompts' mention rate from before to after an event, minus the change of the
 * unaffected prompts' rate over the same windows. Answers are the units; prompts are clusters
 * (answers to one prompt resemble each other), so the variance is cluster-robust by prompt,
 * stratified by arm, and the interval and p-value use Student t with prompts − 2 degrees of freedom.
 */
export function differenceInDifferences(affected: DidCluster[], unaffected: DidCluster[], level = 0.95): DidEstimate {
  const groups = {
    affectedPre: didGroup(affected, false),
    affectedPost: didGroup(affected, true),
    unaffectedPre: didGroup(unaffected, false),
    unaffectedPost: didGroup(unaffected, true),
  };
  const empty = {
    estimate: null,
    standardError: null,
    binomialStandardError: null,
    df: null,
    ci95: null,
    pValue: null,
  };
  const { affectedPre: ap, affectedPost: aq, unaffectedPre: up, unaffectedPost: uq } = groups;
  if (ap.rate === null || aq.rate === null || up.rate === null || uq.rate === null) return { ...groups, ...empty };
  const estimate = aq.rate - ap.rate - (uq.rate - up.rate);
  const binomial = Math.sqrt(
    [ap, aq, up, uq].reduce((s, g) => s + ((g.rate as number) * (1 - (g.rate as number))) / g.n, 0),
  );
  const va = armVariance(affected, ap, aq);
  const vu = armVariance(unaffected, up, uq);
  if (va === null || vu === null) return { ...groups, ...empty, estimate, binomialStandardError: binomial };
  const se = Math.sqrt(va + vu);
  const df =
    affected.filter((c) => c.preN + c.postN > 0).length + unaffected.filter((c) => c.preN + c.postN > 0).length - 2;
  if (!(se > 0)) return { ...groups, ...empty, estimate, binomialStandardError: binomial, standardError: 0, df };
  const half = tQuantile(1 - (1 - level) / 2, df) * se;
  const t = Math.abs(estimate) / se;
  return {
    ...groups,
    estimate,
    standardError: se,
    binomialStandardError: binomial,
    df,
    ci95: { low: estimate - half, high: estimate + half },
    pValue: Math.min(1, 2 * (1 - studentCdf(t, df))),
  };
}

/**
 * Power of the two-sided level-`alpha` t-test with standard error `se` and df to detect a true
 * difference of `effect` (shifted central t, the usual approximation of the noncentral t:
 * P(T > c − δ/se) + P(T < −c − δ/se)).
 */
export function powerAt(effect: number, se: number, df: number, alpha = 0.05): number {
  const c = tQuantile(1 - alpha / 2, df);
  const shift = Math.abs(effect) / se;
  return studentCdf(shift - c, df) + studentCdf(-shift - c, df);
}

/** The smallest true difference detected with `power` by the same test: (t₁₋α/₂ + t_power) · se. */
export function minimumDetectableEffect(se: number, df: number, alpha = 0.05, power = 0.8): number {
  return (tQuantile(1 - alpha / 2, df) + tQuantile(power, df)) * se;
}
