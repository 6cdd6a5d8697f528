/**
 * `npm run bench:analysis`: how fast analysis reads a realistic 5 KB answer against 10 to 10,000
 * tracked brands, compared in the same run with the naive approach (one case-insensitive RegExp
 * with \b boundaries per brand name and alias). Also times citation extraction on its own, and
 * full analysis at 1,000 brands without sentiment, with the lexicon scorer (version 1's default) and
 * with the structure scorer (the default since version 2, docs/sentiment.md), interleaved in the same run.
 * The last line is the headline figure: mention extraction at 1,000 brands and its ratio.
 *
 * It runs the JavaScript tsc emits (tsconfig.bench.json), the code workers run in production:
 * tsx's on-the-fly transform wraps every inner function in a naming helper that costs more than
 * some of the work measured here.
 */
import {
  analyzeAnswer,
  compileBrands,
  extractCitations,
  findMentions,
  lexiconSentimentScorer,
  structureSentimentScorer,
  type BrandDefinition,
  type SentimentScorer,
} from '../src/analysis/index.js';
import { NO_EXCLUSIONS } from '../src/analysis/exclusions.js';
import { findBrandMatches } from '../src/analysis/match.js';
import { answers, brandUniverse } from './lib/analysis-corpus.js';

const SIZES = [10, 100, 1_000, 10_000];
const ANSWERS = 64;

/** Median time per call in µs over rounds that each run at least `budgetMs` and every item once. */
function measure(items: number, call: (i: number) => void, budgetMs: number, rounds = 5): number {
  for (let i = 0; i < Math.min(items, 8); i++) call(i); // warm-up
  const perCall: number[] = [];
  for (let r = 0; r < rounds; r++) {
    let calls = 0;
    const start = performance.now();
    let elapsed = 0;
    while (elapsed < budgetMs / rounds || calls < Math.min(items, 4)) {
      call(calls % items);
      calls++;
      elapsed = performance.now() - start;
    }
    perCall.push((elapsed * 1000) / calls);
  }
  perCall.sort((a, b) => a - b);
  return perCall[Math.floor(perCall.length / 2)] as number;
}

/** µs per call over one stretch of at least `budgetMs` (and at least `minCalls` calls). */
function stretch(items: number, call: (i: number) => void, budgetMs: number, minCalls: number): number {
  let calls = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < budgetMs || calls < minCalls) {
    call(calls % items);
    calls++;
    elapsed = performance.now() - start;
  }
  return (elapsed * 1000) / calls;
}

/**
 * Citewatch's extraction and the naive approach timed in alternating stretches, so both see the
 * same machine: a shared machine's speed drifts by a factor of two within seconds, and a ratio of
 * two figures taken a minute apart would measure the drift. The ratio is the median of the
 * per-round ratios; the times are the medians of their rounds.
 */
function paired(items: number, ours: (i: number) => void, naiveCall: (i: number) => void, naiveMs: number, rounds = 7) {
  for (let i = 0; i < Math.min(items, 8); i++) ours(i);
  naiveCall(0);
  const a: number[] = [];
  const b: number[] = [];
  const ratios: number[] = [];
  for (let r = 0; r < rounds; r++) {
    let x: number;
    let y: number;
    if (r % 2 === 0) {
      x = stretch(items, ours, 200, items);
      y = stretch(items, naiveCall, naiveMs, 4);
    } else {
      y = stretch(items, naiveCall, naiveMs, 4);
      x = stretch(items, ours, 200, items);
    }
    a.push(x);
    b.push(y);
    ratios.push(y / x);
  }
  const median = (v: number[]) => v.sort((p, q) => p - q)[Math.floor(v.length / 2)] as number;
  return { oursUs: median(a), naiveUs: median(b), ratio: median(ratios) };
}

/** Median µs per call of each variant, timed in interleaved stretches so all see the same machine. */
function interleaved(items: number, calls: Array<(i: number) => void>, budgetMs: number, rounds = 7): number[] {
  for (const call of calls) for (let i = 0; i < Math.min(items, 8); i++) call(i);
  const times: number[][] = calls.map(() => []);
  for (let r = 0; r < rounds; r++) {
    const order = calls.map((_, k) => (k + r) % calls.length);
    for (const k of order)
      (times[k] as number[]).push(stretch(items, calls[k] as (i: number) => void, budgetMs, items));
  }
  return times.map((v) => v.sort((p, q) => p - q)[Math.floor(v.length / 2)] as number);
}

/** No sentiment at all: every brand neutral, the floor the scorers are compared with. */
const noSentiment: SentimentScorer = {
  id: 'none',
  scoreAll: (r) => r.brands.map(() => ({ score: 0, label: 'neutral' })),
};

/** The naive approach: one case-insensitive RegExp per brand (its name and aliases), \b boundaries. */
function naiveMatchers(brands: readonly BrandDefinition[]): RegExp[] {
  const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return brands.map((b) => new RegExp(`\\b(?:${[b.name, ...(b.aliases ?? [])].map(escapeRegExp).join('|')})\\b`, 'gi'));
}

/** Runs every brand's RegExp over the whole answer; count and first offset per brand. */
function naive(matchers: RegExp[], text: string): number {
  let found = 0;
  for (const re of matchers) {
    re.lastIndex = 0;
    let count = 0;
    let first = -1;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (count++ === 0) first = m.index;
    }
    if (count > 0 && first >= 0) found++;
  }
  return found;
}

const universe = brandUniverse(Math.max(...SIZES));
const rows: string[][] = [];
let headline = { us: 0, ratio: 0 };
let citationUs = 0;
let citationTexts: string[] = [];
let sentimentUs: number[] = [];

for (const size of SIZES) {
  const brands = universe.slice(0, size);
  const texts = answers(brands, ANSWERS, size);
  const bytes = texts.reduce((s, t) => s + Buffer.byteLength(t), 0) / texts.length;

  const t0 = performance.now();
  const compiled = compileBrands(brands);
  const compileMs = performance.now() - t0;
  const matchers = naiveMatchers(brands);

  const naiveCall = (i: number) => naive(matchers, texts[i] as string);
  const naiveMs = size >= 10_000 ? 400 : 150;
  const {
    oursUs: mentionUs,
    naiveUs,
    ratio,
  } = paired(texts.length, (i) => findMentions(compiled, texts[i] as string), naiveCall, naiveMs);
  const matcher = paired(
    texts.length,
    (i) => findBrandMatches(compiled, texts[i] as string, NO_EXCLUSIONS),
    naiveCall,
    naiveMs,
    3,
  );
  const matcherUs = matcher.oursUs;
  const fullUs = measure(texts.length, (i) => analyzeAnswer(compiled, { text: texts[i] as string }), 1500);
  const found = texts.reduce((s, t) => s + findMentions(compiled, t).length, 0) / texts.length;
  rows.push([
    size.toLocaleString('en-US'),
    compileMs.toFixed(1),
    (bytes / 1024).toFixed(1),
    found.toFixed(1),
    mentionUs.toFixed(1),
    (bytes / mentionUs).toFixed(0),
    `${ratio.toFixed(0)}x`,
    matcherUs.toFixed(1),
    `${matcher.ratio.toFixed(0)}x`,
    fullUs.toFixed(1),
    naiveUs.toFixed(0),
  ]);
  if (size === 1_000) {
    headline = { us: mentionUs, ratio };
    citationTexts = texts;
    const full = (sentiment: SentimentScorer) => (i: number) =>
      analyzeAnswer(compiled, { text: texts[i] as string }, { sentiment });
    sentimentUs = interleaved(
      texts.length,
      [full(noSentiment), full(lexiconSentimentScorer), full(structureSentimentScorer)],
      300,
    );
  }
}

const citationBrands = compileBrands(universe.slice(0, 1_000));
citationUs = measure(
  citationTexts.length,
  (i) => extractCitations({ text: citationTexts[i] as string }, citationBrands),
  1500,
);
const links =
  citationTexts.reduce((s, t) => s + extractCitations({ text: t }, citationBrands).length, 0) / citationTexts.length;

const headers = [
  'brands',
  'compile ms',
  'KB',
  'found',
  'mentions us',
  'MB/s',
  'vs naive',
  'matcher us',
  'vs naive',
  'analyzeAnswer us',
  'naive us',
];
const widths = headers.map((h, k) => Math.max(h.length, ...rows.map((r) => (r[k] as string).length)));
const line = (cells: string[]) => cells.map((c, k) => c.padStart(widths[k] as number)).join('  ');
console.log('Analysis benchmark: realistic ~5 KB answers (KB), brands found per answer, median of rounds, per answer.');
console.log('mentions = findMentions, every mention rule (URLs, reasoning, possessives…); matcher = the same matching');
console.log('without the URL and reasoning rules, the job the naive approach does; analyzeAnswer adds rank, list');
console.log('position, snippets, sentiment and citations. naive = one RegExp per brand (name|aliases), \\b, flags gi.');
console.log('Each ratio is the median of rounds that time both sides back to back (see paired()).\n');
console.log(line(headers));
for (const r of rows) console.log(line(r));
console.log(
  `\ncitations: ${citationUs.toFixed(1)} us/answer (extractCitations, ${links.toFixed(1)} citations per answer)`,
);
const [noneUs, lexiconUs, structureUs] = sentimentUs as [number, number, number];
const more = (us: number, base: number) => `${us >= base ? '+' : ''}${(((us - base) / base) * 100).toFixed(0)}%`;
// The target compares the default scorer with the one it replaced: the lexicon scorer, timed in the same run.
console.log(
  `sentiment: analyzeAnswer @1000 brands ${noneUs.toFixed(1)} us without a scorer, ${lexiconUs.toFixed(1)} us with the ` +
    `lexicon scorer of version 1 (${more(lexiconUs, noneUs)}), ${structureUs.toFixed(1)} us with the structure scorer, the default ` +
    `(${more(structureUs, noneUs)} vs none); structure / lexicon = ${(structureUs / lexiconUs).toFixed(2)} ` +
    `(${more(structureUs, lexiconUs)}; target at most +25%)`,
);
console.log(`analysis: ${headline.us.toFixed(1)} us/answer @1000 brands, ${headline.ratio.toFixed(0)}x vs naive`);
