/**
 * Adaptive sampling: a prompt × configuration cell is asked in waves until the own brand's
 * mention rate is known to ±halfWidth, at most maxSamples times. The stopping decision looks at
 * the data, so a plain 95% interval computed at the stop would cover less than 95% of the time
 * (looking again and again and stopping when the interval is narrow picks the lucky moments).
 *
 * The procedure (docs/statistics.md#adaptive-sampling): a group-sequential design with a fixed
 * grid of looks, one after each wave (minSamples, minSamples + waveSize, …, maxSamples). At an
 * interim look the cell's Clopper–Pearson interval is taken at level 1 − α_i, at the last look at
 * 1 − α; the cell stops at the first look whose interval is within ±halfWidth, and that interval
 * is the one reported.
 *
 * α_i is calibrated exactly for each design (calibrate()): for a true rate p, the distribution of
 * the mention count at each look among the cells still going is computed by convolution, so the
 * probability that the interval reported at the stop misses p is known exactly, not bounded. α_i
 * is the largest level (by bisection) for which that probability stays ≤ α at every p of a grid
 * over (0, 1), steps of 0.001. Looks of one cell are strongly correlated, so α_i comes out close
 * to α, where a union bound over the looks would have to split α between them and widen every
 * interval (1.65× fewer calls instead of 2.6× on the benchmark's audits).
 */
import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';
import { wilson, Z95, type Interval } from './statistics.js';

/**
 * Step of the grid of true rates the calibration checks (by symmetry, p and 1 − p alike). Between
 * grid points the exact miss probability of a binomial procedure moves in a saw-tooth; the unit
 * test's simulation checks coverage off the grid.
 */
const CALIBRATION_STEP = 0.001;

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

/** α_j of each look: the calibrated α_i at every interim look, α at the last. One look: α. */
export function lookAlphas(d: AdaptiveDesign): number[] {
  const alpha = d.alpha ?? 0.05;
  const k = looks(d).length;
  if (k === 1) return [alpha];
  const interim = calibrate(d);
  return [...Array.from({ length: k - 1 }, () => interim), alpha];
}

const calibrated = new Map<string, number>();

/**
 * The interim looks' α_i for a design: the largest level whose exact miss probability at the stop
 * stays ≤ α at every true rate of the grid. Cached per design; up to a few seconds the first time
 * (one run's worker decides all its cells with it).
 */
export function calibrate(d: AdaptiveDesign): number {
  const alpha = d.alpha ?? 0.05;
  const key = `${d.halfWidth}/${d.minSamples}/${d.maxSamples}/${d.waveSize}/${alpha}`;
  const hit = calibrated.get(key);
  if (hit !== undefined) return hit;
  const ok = (interim: number) => worstMiss(d, interim, alpha) <= alpha;
  // The union bound's even split is safe by itself; the calibration only ever widens it.
  let lo = alpha / looks(d).length;
  let hi = alpha;
  if (!ok(lo)) lo = 0;
  else if (ok(hi)) lo = hi;
  else
    for (let i = 0; i < 8; i++) {
      const mid = Math.sqrt(lo * hi);
      if (ok(mid)) lo = mid;
      else hi = mid;
    }
  // lo = 0 (never seen) would mean no interim stop at all: every cell asked maxSamples times.
  if (calibrated.size >= 100) calibrated.clear();
  calibrated.set(key, lo);
  return lo;
}

/** The largest exact miss probability over the grid of true rates, interim looks at level 1 − interim. */
export function worstMiss(d: AdaptiveDesign, interim: number, alpha: number): number {
  const plan = stopPlan(d, interim, alpha);
  let worst = 0;
  for (let p = CALIBRATION_STEP; p <= 0.5 + 1e-9; p += CALIBRATION_STEP)
    worst = Math.max(worst, exactLook(plan, p).miss);
  return worst;
}

/**
 * The design's operating characteristics at true rate p, exactly: the probability that the
 * interval reported at the stop misses p, and the expected number of answers a cell takes.
 */
export function operatingCharacteristics(d: AdaptiveDesign, p: number): { miss: number; expectedN: number } {
  const alphas = lookAlphas(d);
  return exactLook(stopPlan(d, alphas[0] as number, alphas.at(-1) as number), p);
}

/** For each look and each mention count k: whether the cell stops there, and the interval it reports. */
interface LookPlan {
  n: number;
  stop: boolean[];
  interval: Interval[];
}

function stopPlan(d: AdaptiveDesign, interim: number, alpha: number): LookPlan[] {
  const grid = looks(d);
  return grid.map((n, j) => {
    const last = j === grid.length - 1;
    const interval: Interval[] = [];
    const stop: boolean[] = [];
    for (let k = 0; k <= n; k++) {
      const ci = clopperPearson(k, n, last ? alpha : interim);
      interval.push(ci);
      stop.push(last || halfWidthOf(ci) <= d.halfWidth + 1e-12);
    }
    return { n, stop, interval };
  });
}

/**
 * The exact probability, at true rate p, that the interval reported at the stop misses p, and the
 * expected number of answers: the distribution of the mention count among the cells still going is
 * carried from look to look by convolution with the next wave's binomial.
 */
function exactLook(plan: LookPlan[], p: number): { miss: number; expectedN: number } {
  let mass = binomialPmf((plan[0] as LookPlan).n, p);
  let miss = 0;
  let expectedN = 0;
  for (let j = 0; j < plan.length; j++) {
    const { n, stop, interval } = plan[j] as LookPlan;
    const going = new Float64Array(n + 1);
    let goingTotal = 0;
    for (let k = 0; k <= n; k++) {
      const m = mass[k] as number;
      if (m < 1e-16) continue;
      if (stop[k]) {
        expectedN += m * n;
        const ci = interval[k] as Interval;
        if (p < ci.low || p > ci.high) miss += m;
      } else {
        going[k] = m;
        goingTotal += m;
      }
    }
    const next = plan[j + 1];
    if (!next || goingTotal < 1e-16) break;
    const wave = binomialPmf(next.n - n, p);
    const after = new Float64Array(next.n + 1);
    for (let k = 0; k <= n; k++) {
      const m = going[k] as number;
      if (m === 0) continue;
      for (let i = 0; i < wave.length; i++) after[k + i] = (after[k + i] as number) + m * (wave[i] as number);
    }
    mass = after;
  }
  return { miss, expectedN };
}

/** P(X = k) for X ~ Binomial(n, p), k = 0 … n. */
export function binomialPmf(n: number, p: number): Float64Array {
  const out = new Float64Array(n + 1);
  if (p <= 0 || p >= 1) {
    out[p <= 0 ? 0 : n] = 1;
    return out;
  }
  const ratio = p / (1 - p);
  let log = n * Math.log1p(-p);
  for (let k = 0; k <= n; k++) {
    out[k] = Math.exp(log);
    log += Math.log(((n - k) / (k + 1)) * ratio);
  }
  return out;
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
  /** The interval reported: this look's Clopper–Pearson interval at its level. */
  interval: Interval;
  halfWidth: number;
  /** Why the cell stops here, or null when it goes on to another wave. */
  stop: 'precision' | 'max_samples' | null;
  /** Answers to add in the next wave (0 when the cell stops). */
  nextWave: number;
}

/**
 * The decision at look `lookIndex` (0-based), after `planned` answers were asked for, of which
 * `n` came back (failed calls are not observations) and `k` mention the own brand. Pure: the
 * same figures give the same decision, which is what makes a retried decision harmless.
 */
export function decideLook(d: AdaptiveDesign, lookIndex: number, planned: number, k: number, n: number): CellLook {
  const grid = looks(d);
  const alphas = lookAlphas(d);
  const j = Math.min(lookIndex, grid.length - 1);
  const reported = clopperPearson(k, n, alphas[j] as number);
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
  let target = d.minSamples;
  for (let look = 0; ; look++) {
    while (n < target) {
      if (random() < p) k++;
      n++;
    }
    const r = decideLook(d, look, n, k, n);
    if (r.stop) return { n, k, interval: r.interval, stop: r.stop };
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
