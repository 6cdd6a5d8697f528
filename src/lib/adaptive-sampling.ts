/**
 * Adaptive sampling: a prompt × configuration cell is asked in waves until the own brand's
 * mention rate is known to ±halfWidth, at most maxSamples times. The stopping decision looks at
 * the data, so a plain 95% interval computed at the stop would cover less than 95% of the time
 * (looking again and again and stopping when the interval is narrow picks the lucky moments).
 *
 * The procedure (docs/statistics.md#adaptive-sampling): a group-sequential design with a fixed
 * grid of looks, one after each wave (minSamples, minSamples + waveSize, …, maxSamples), and the
 * 5% error split over the looks (alpha spending). At look j the cell's Clopper–Pearson interval
 * is taken at level 1 − α_j, with Σ α_j = α. By the union bound, the probability that any of the
 * intervals of any look misses the true rate is at most Σ α_j = α, whenever the cell stops, so the
 * interval reported at the stop — the intersection of the intervals of every look so far, all of
 * which hold together on that event — covers the true rate with probability at least 1 − α.
 * Clopper–Pearson is exact (never below its level at any n and rate), which keeps that bound a
 * proof rather than an approximation.
 *
 * The split spends a small share of α (INTERIM_SHARE) evenly over the interim looks and the rest
 * at the last one. Cells whose rate is near 0 or 1 stop at an interim look: their interval's
 * width there grows only with log(1/α_j), so a small α_j costs them little. Mid-range cells need
 * about the fixed design's n whatever is done; keeping most of α for the last look keeps their
 * cost near it.
 */
import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';
import { wilson, Z95, type Interval } from './statistics.js';

/** The share of α spent over the interim looks; the rest is spent at the last look (maxSamples). */
export const INTERIM_SHARE = 0.2;

/** The default number of looks when no wave size is given: the first wave and at most 9 more. */
export const DEFAULT_LOOKS = 10;

export interface AdaptiveDesign {
  /** Target half-width of the 95% interval, as a proportion (0.05 = ±5 points). */
  halfWidth: number;
  minSamples: number;
  maxSamples: number;
  /** Answers added per wave after the first; defaults to defaultWaveSize(min, max). */
  waveSize: number;
  /** The overall error: 0.05 for 95% intervals. */
  alpha?: number;
}

/** The wave size that gives at most DEFAULT_LOOKS looks from minSamples to maxSamples. */
export function defaultWaveSize(minSamples: number, maxSamples: number): number {
  return Math.max(1, Math.ceil((maxSamples - minSamples) / (DEFAULT_LOOKS - 1)));
}

/** The planned sample counts at which the cell is looked at: min, min + wave, …, max (the last look is always max). */
export function looks(d: Pick<AdaptiveDesign, 'minSamples' | 'maxSamples' | 'waveSize'>): number[] {
  const out: number[] = [];
  for (let n = d.minSamples; n < d.maxSamples; n += d.waveSize) out.push(n);
  out.push(d.maxSamples);
  return out;
}

/** α_j of each look: INTERIM_SHARE·α spread evenly over the interim looks, the rest at the last. One look: all of α. */
export function lookAlphas(d: AdaptiveDesign): number[] {
  const alpha = d.alpha ?? 0.05;
  const k = looks(d).length;
  if (k === 1) return [alpha];
  const interim = (alpha * INTERIM_SHARE) / (k - 1);
  return [...Array.from({ length: k - 1 }, () => interim), alpha * (1 - INTERIM_SHARE)];
}

/**
 * Clopper–Pearson ("exact") two-sided interval for k successes in n at level 1 − alpha: the
 * Beta quantiles Beta(α/2; k, n−k+1) and Beta(1−α/2; k+1, n−k). n = 0 gives [0, 1].
 */
export function clopperPearson(k: number, n: number, alpha: number): Interval {
  if (n <= 0) return { low: 0, high: 1 };
  const key = `${k}/${n}/${alpha}`;
  const hit = cpCache.get(key);
  if (hit) return hit;
  const ci = {
    low: k <= 0 ? 0 : betaQuantile(alpha / 2, k, n - k + 1),
    high: k >= n ? 1 : betaQuantile(1 - alpha / 2, k + 1, n - k),
  };
  // Looks fall on a few sample counts, so the same intervals come back again and again.
  if (cpCache.size >= 200_000) cpCache.clear();
  cpCache.set(key, ci);
  return ci;
}
const cpCache = new Map<string, Interval>();

export const halfWidthOf = (i: Interval): number => (i.high - i.low) / 2;

/** Where a cell stands after a look. */
export interface CellLook {
  /** The interval reported: the intersection of this look's and every earlier look's intervals. */
  interval: Interval;
  halfWidth: number;
  /** Why the cell stops here, or null when it goes on to another wave. */
  stop: 'precision' | 'max_samples' | null;
  /** Answers to add in the next wave (0 when the cell stops). */
  nextWave: number;
}

/**
 * The decision at look `lookIndex` (0-based), after `planned` answers were asked for, of which
 * `n` came back (failed calls are not observations) and `k` mention the own brand. `previous` is
 * the interval reported at the last look (null at the first). Pure: the same figures give the
 * same decision, which is what makes a retried decision harmless.
 */
export function decideLook(
  d: AdaptiveDesign,
  lookIndex: number,
  planned: number,
  k: number,
  n: number,
  previous: Interval | null,
): CellLook {
  const grid = looks(d);
  const alphas = lookAlphas(d);
  const j = Math.min(lookIndex, grid.length - 1);
  const ci = clopperPearson(k, n, alphas[j] as number);
  const interval = previous ? { low: Math.max(ci.low, previous.low), high: Math.min(ci.high, previous.high) } : ci;
  // Two intervals that each hold can only be disjoint if one of them misses; keep this look's then.
  const reported = interval.low <= interval.high ? interval : ci;
  const hw = halfWidthOf(reported);
  const last = j >= grid.length - 1 || planned >= d.maxSamples;
  const stop = hw <= d.halfWidth + 1e-12 && n >= d.minSamples ? 'precision' : last ? 'max_samples' : null;
  const nextWave = stop ? 0 : Math.min((grid[j + 1] as number) - planned, d.maxSamples - planned);
  return { interval: reported, halfWidth: hw, stop, nextWave: Math.max(0, nextWave) };
}

/**
 * The fixed design of the same worst-case precision: the smallest n whose 95% Wilson interval at
 * an observed rate of 0.5 (the widest case) has half-width ≤ halfWidth. Savings are counted
 * against asking every cell this many times.
 */
export function fixedDesignSamples(halfWidth: number, z = Z95): number {
  // Wilson half-width at p = 0.5 is z·sqrt(1/(4n) + z²/(4n²)) / (1 + z²/n), decreasing in n.
  const half = (n: number) => halfWidthOf(wilson(n / 2, n, z));
  let hi = 1;
  while (half(hi) > halfWidth) hi *= 2;
  let lo = Math.max(1, Math.floor(hi / 2));
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (half(mid) <= halfWidth) hi = mid;
    else lo = mid + 1;
  }
  return hi;
}

/** Simulates one cell at true rate p with the uniform draws of `random`; returns the answers used and the reported interval. */
export function simulateCell(
  d: AdaptiveDesign,
  p: number,
  random: () => number,
): { n: number; k: number; interval: Interval; stop: 'precision' | 'max_samples' } {
  let n = 0;
  let k = 0;
  let previous: Interval | null = null;
  let target = d.minSamples;
  for (let look = 0; ; look++) {
    while (n < target) {
      if (random() < p) k++;
      n++;
    }
    const r = decideLook(d, look, n, k, n, previous);
    if (r.stop) return { n, k, interval: r.interval, stop: r.stop };
    previous = r.interval;
    target = n + r.nextWave;
  }
}

/** A small seeded PRNG (mulberry32): the same seed gives the same draws on every machine. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
