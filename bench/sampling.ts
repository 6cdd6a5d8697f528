/**
 * npm run bench:sampling — pure simulation, no database: audits of 200 prompts × 4 configurations
 * whose own-brand mention rates are drawn from a Beta mixture shaped like real audits (below), asked
 * (a) with the adaptive design (src/lib/adaptive-sampling.ts) and (b) with the fixed design of the
 * same worst-case precision (every cell asked fixedDesignSamples(±X) times, Wilson 95% interval),
 * both in this run on the same cells and the same seeded draws. Prints calls, coverage and the
 * share of cells that reached ±X per band of true rate, then one summary line:
 *   sampling: <ratio>x fewer calls than fixed design at ±<points> points, coverage <pct>%
 * Target: ≥ 2× fewer calls with coverage ≥ 94%.
 *
 * BENCH_AUDITS (default 25) audits are simulated; BENCH_SEED (default 2026) fixes every draw.
 */
import {
  type AdaptiveDesign,
  fixedDesignSamples,
  halfWidthOf,
  mulberry32,
  simulateCell,
} from '../src/lib/adaptive-sampling.js';
import { wilson } from '../src/lib/statistics.js';

const PROMPTS = 200;
const CONFIGS = 4;
const AUDITS = Number(process.env.BENCH_AUDITS ?? 25);
const SEED = Number(process.env.BENCH_SEED ?? 2026);
const POINTS = 5;
const DESIGN: AdaptiveDesign = { halfWidth: POINTS / 100, minSamples: 30, maxSamples: 450, waveSize: 30 };

/**
 * True own-brand mention rates of a prompt × configuration cell. Most prompts of an audit are
 * generic questions where the brand is rarely named; some name it about half the time; a few
 * (comparisons, branded questions) name it nearly always:
 *   70%  Beta(0.4, 15)  "rarely":  mean 2.6%, median ≈ 1%
 *   20%  Beta(2, 2.5)   "mid":     mean 44%
 *   10%  Beta(8, 1)     "high":    mean 89%
 * The second mixture is a harder one for adaptive sampling (twice the mid-range share), run for
 * comparison: savings depend on how many cells sit near 0 or 1.
 */
const MIXTURES: Record<string, Array<[weight: number, a: number, b: number]>> = {
  audit: [
    [0.7, 0.4, 15],
    [0.2, 2, 2.5],
    [0.1, 8, 1],
  ],
  harder: [
    [0.5, 0.4, 15],
    [0.4, 2, 2.5],
    [0.1, 8, 1],
  ],
};

function sampler(random: () => number) {
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  // Marsaglia–Tsang; shape < 1 through the boost Gamma(a) = Gamma(a + 1)·U^(1/a).
  const gamma = (a: number): number => {
    if (a < 1) return gamma(a + 1) * random() ** (1 / a);
    const d = a - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x = 0;
      let v = 0;
      do {
        x = normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      if (Math.log(random()) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
    }
  };
  return {
    beta: (a: number, b: number) => {
      const x = gamma(a);
      return x / (x + gamma(b));
    },
  };
}

interface Tally {
  cells: number;
  adaptiveCalls: number;
  adaptiveCovered: number;
  adaptiveReached: number;
  fixedCalls: number;
  fixedCovered: number;
}
const tally = (): Tally => ({
  cells: 0,
  adaptiveCalls: 0,
  adaptiveCovered: 0,
  adaptiveReached: 0,
  fixedCalls: 0,
  fixedCovered: 0,
});

const BANDS: Array<[string, number, number]> = [
  ['rate < 0.05', 0, 0.05],
  ['0.05–0.20', 0.05, 0.2],
  ['0.20–0.80', 0.2, 0.8],
  ['0.80–0.95', 0.8, 0.95],
  ['rate ≥ 0.95', 0.95, 1.01],
];

function simulate(mixture: Array<[number, number, number]>, seed: number) {
  const random = mulberry32(seed);
  const { beta } = sampler(random);
  const fixedN = fixedDesignSamples(DESIGN.halfWidth);
  const total = tally();
  const bands = BANDS.map(() => tally());
  const started = performance.now();
  for (let audit = 0; audit < AUDITS; audit++) {
    for (let cell = 0; cell < PROMPTS * CONFIGS; cell++) {
      let u = random();
      let p = 0;
      for (const [w, a, b] of mixture) {
        if (u < w) {
          p = beta(a, b);
          break;
        }
        u -= w;
      }
      // The fixed design: fixedN answers, Wilson 95% interval.
      let k = 0;
      for (let i = 0; i < fixedN; i++) if (random() < p) k++;
      const fixed = wilson(k, fixedN);
      const adaptive = simulateCell(DESIGN, p, random);
      const band = bands[BANDS.findIndex(([, lo, hi]) => p >= lo && p < hi)] as Tally;
      for (const t of [total, band]) {
        t.cells++;
        t.fixedCalls += fixedN;
        t.fixedCovered += fixed.low <= p && p <= fixed.high ? 1 : 0;
        t.adaptiveCalls += adaptive.n;
        t.adaptiveCovered += adaptive.interval.low <= p && p <= adaptive.interval.high ? 1 : 0;
        t.adaptiveReached += halfWidthOf(adaptive.interval) <= DESIGN.halfWidth + 1e-12 ? 1 : 0;
      }
    }
  }
  return { total, bands, fixedN, seconds: (performance.now() - started) / 1000 };
}

const pct = (x: number, n: number) => `${((100 * x) / Math.max(n, 1)).toFixed(1)}%`;

let headline = '';
for (const [name, mixture] of Object.entries(MIXTURES)) {
  const r = simulate(mixture, SEED);
  const t = r.total;
  console.log(
    `\n${name} mixture: ${AUDITS} audits × ${PROMPTS} prompts × ${CONFIGS} configurations = ${t.cells} cells, ±${POINTS} points at 95% (${r.seconds.toFixed(1)} s)`,
  );
  console.log(
    `  design: adaptive min ${DESIGN.minSamples}, max ${DESIGN.maxSamples}, waves of ${DESIGN.waveSize}; fixed ${r.fixedN} per cell (Wilson, ±${POINTS} at rate 0.5)`,
  );
  console.log('  band            cells   adaptive n/cell  fixed n/cell  adaptive coverage  fixed coverage  reached ±X');
  for (const [i, [label]] of BANDS.entries()) {
    const b = r.bands[i] as Tally;
    if (!b.cells) continue;
    console.log(
      `  ${label.padEnd(14)} ${String(b.cells).padStart(6)}   ${(b.adaptiveCalls / b.cells).toFixed(0).padStart(15)}  ${String(r.fixedN).padStart(12)}  ${pct(b.adaptiveCovered, b.cells).padStart(17)}  ${pct(b.fixedCovered, b.cells).padStart(14)}  ${pct(b.adaptiveReached, b.cells).padStart(10)}`,
    );
  }
  const ratio = t.fixedCalls / t.adaptiveCalls;
  console.log(
    `  calls: adaptive ${t.adaptiveCalls}, fixed ${t.fixedCalls} (${ratio.toFixed(2)}x fewer); coverage adaptive ${pct(t.adaptiveCovered, t.cells)}, fixed ${pct(t.fixedCovered, t.cells)}; cells that reached ±${POINTS}: ${pct(t.adaptiveReached, t.cells)}`,
  );
  if (name === 'audit')
    headline = `sampling: ${ratio.toFixed(2)}x fewer calls than fixed design at ±${POINTS} points, coverage ${((100 * t.adaptiveCovered) / t.cells).toFixed(1)}%`;
}
console.log(`\n${headline}`);
