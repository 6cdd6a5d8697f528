/**
 * The labelled sentiment set (test/fixtures/sentiment/answers.jsonl, docs/sentiment.md): loading,
 * the fixed held-out split, agreement between the two labelling passes, and scorer metrics.
 */
import { readFileSync } from 'node:fs';
import {
  analyzeAnswer,
  compileBrands,
  type SentimentLabel,
  type SentimentScorer,
} from '../../../src/analysis/index.js';

export const LABELS: readonly SentimentLabel[] = ['positive', 'neutral', 'negative'];

export interface LabelledBrand {
  pair: string;
  name: string;
  aliases?: string[];
  label_a: SentimentLabel;
  label_b: SentimentLabel;
  label: SentimentLabel;
  note?: string;
}

export interface LabelledAnswer {
  id: string;
  lang: 'en' | 'fr';
  kind: string;
  domain: string;
  prompt: string;
  text: string;
  brands: LabelledBrand[];
}

export function loadSet(): LabelledAnswer[] {
  const file = new URL('../../fixtures/sentiment/answers.jsonl', import.meta.url);
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as LabelledAnswer);
}

/** FNV-1a, 32 bits: a seeded, stable hash of a pair id. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

export const SPLIT_SEED = 'citewatch-sentiment-1';
export const TEST_SHARE = 0.3;

/**
 * The held-out pairs: per final label, the 30% with the lowest seeded hash of their pair id. Fixed
 * by the ids alone, so adding pairs later never moves an existing pair between the splits.
 */
export function heldOut(answers: readonly LabelledAnswer[]): Set<string> {
  const test = new Set<string>();
  for (const label of LABELS) {
    const ids = answers.flatMap((a) => a.brands.filter((b) => b.label === label).map((b) => b.pair));
    ids.sort((x, y) => hash(`${SPLIT_SEED}:${x}`) - hash(`${SPLIT_SEED}:${y}`) || (x < y ? -1 : 1));
    for (const id of ids.slice(0, Math.round(ids.length * TEST_SHARE))) test.add(id);
  }
  return test;
}

export function cohenKappa(a: readonly SentimentLabel[], b: readonly SentimentLabel[]): number {
  const n = a.length;
  let agree = 0;
  for (let i = 0; i < n; i++) if (a[i] === b[i]) agree++;
  let chance = 0;
  for (const l of LABELS) chance += (a.filter((x) => x === l).length / n) * (b.filter((x) => x === l).length / n);
  return (agree / n - chance) / (1 - chance);
}

export interface Prediction {
  pair: string;
  lang: string;
  expected: SentimentLabel;
  got: SentimentLabel;
  /** Whether analysis found the brand in the answer at all. */
  found: boolean;
  passage: string | null;
}

/** Runs analysis with the scorer on every answer; one prediction per labelled pair. */
export function predict(answers: readonly LabelledAnswer[], scorer: SentimentScorer): Prediction[] {
  const out: Prediction[] = [];
  for (const a of answers) {
    const compiled = compileBrands(
      a.brands.map((b) => ({ id: b.pair, name: b.name, aliases: b.aliases, caseSensitive: true })),
    );
    const result = analyzeAnswer(compiled, { text: a.text, locale: a.lang, prompt: a.prompt }, { sentiment: scorer });
    for (const b of a.brands) {
      const m = result.mentions.find((x) => x.brandId === b.pair);
      const p = m?.sentimentPassage;
      out.push({
        pair: b.pair,
        lang: a.lang,
        expected: b.label,
        got: m?.sentimentLabel ?? 'neutral',
        found: m !== undefined,
        passage: p ? a.text.slice(p[0], p[1]) : null,
      });
    }
  }
  return out;
}

export interface Metrics {
  n: number;
  accuracy: number;
  macroF1: number;
  recall: Record<SentimentLabel, number>;
  precision: Record<SentimentLabel, number>;
  /** confusion[expected][got] */
  confusion: Record<SentimentLabel, Record<SentimentLabel, number>>;
}

export function metrics(predictions: readonly Prediction[]): Metrics {
  const confusion = Object.fromEntries(
    LABELS.map((l) => [l, Object.fromEntries(LABELS.map((g) => [g, 0]))]),
  ) as Metrics['confusion'];
  for (const p of predictions) confusion[p.expected][p.got]++;
  const recall = {} as Record<SentimentLabel, number>;
  const precision = {} as Record<SentimentLabel, number>;
  let f1 = 0;
  for (const l of LABELS) {
    const tp = confusion[l][l];
    const actual = LABELS.reduce((s, g) => s + confusion[l][g], 0);
    const predicted = LABELS.reduce((s, e) => s + confusion[e][l], 0);
    recall[l] = actual === 0 ? 0 : tp / actual;
    precision[l] = predicted === 0 ? 0 : tp / predicted;
    f1 += recall[l] + precision[l] === 0 ? 0 : (2 * recall[l] * precision[l]) / (recall[l] + precision[l]);
  }
  const n = predictions.length;
  const correct = LABELS.reduce((s, l) => s + confusion[l][l], 0);
  return { n, accuracy: correct / n, macroF1: f1 / LABELS.length, recall, precision, confusion };
}

export function formatConfusion(m: Metrics): string {
  const head = `expected \\ scored | ${LABELS.map((l) => l.padStart(8)).join(' | ')}`;
  const rows = LABELS.map(
    (e) => `${e.padEnd(17)} | ${LABELS.map((g) => String(m.confusion[e][g]).padStart(8)).join(' | ')}`,
  );
  const figures =
    `n=${m.n} accuracy=${m.accuracy.toFixed(3)} macro-F1=${m.macroF1.toFixed(3)} ` +
    `recall: ${LABELS.map((l) => `${l}=${m.recall[l].toFixed(3)}`).join(' ')}`;
  return [figures, head, ...rows].join('\n');
}
