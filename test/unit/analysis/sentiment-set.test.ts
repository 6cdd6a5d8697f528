/**
 * The labelled sentiment set and the default scorer's accuracy on its held-out split
 * (docs/sentiment.md). The held-out pairs are never used to tune the scorer.
 */
import { describe, expect, it } from 'vitest';
import { lexiconSentimentScorer, structureSentimentScorer } from '../../../src/analysis/index.js';
import {
  cohenKappa,
  formatConfusion,
  heldOut,
  LABELS,
  loadSet,
  metrics,
  predict,
  TEST_SHARE,
} from './sentiment-set.js';

const set = loadSet();
const pairs = set.flatMap((a) => a.brands.map((b) => ({ ...b, lang: a.lang })));
const test = heldOut(set);

describe('labelled sentiment set', () => {
  it('holds enough pairs of each label and language, each labelled twice and settled', () => {
    const count = (f: (p: (typeof pairs)[number]) => boolean) => pairs.filter(f).length;
    const table = Object.fromEntries(
      ['en', 'fr'].map((lang) => [
        lang,
        Object.fromEntries(LABELS.map((l) => [l, count((p) => p.lang === lang && p.label === l)])),
      ]),
    );
    console.log(`sentiment set: ${pairs.length} pairs in ${set.length} answers`, JSON.stringify(table));
    expect(pairs.length).toBeGreaterThanOrEqual(400);
    expect(count((p) => p.lang === 'fr') / pairs.length).toBeGreaterThanOrEqual(0.3);
    expect(count((p) => p.label === 'negative')).toBeGreaterThanOrEqual(60);
    expect(count((p) => p.label === 'neutral')).toBeGreaterThanOrEqual(80);
    expect(new Set(pairs.map((p) => p.pair)).size).toBe(pairs.length);
    for (const p of pairs) {
      for (const l of [p.label_a, p.label_b, p.label]) expect(LABELS).toContain(l);
      // A disagreement between the passes is settled with a note saying how.
      if (p.label_a !== p.label_b) expect(p.note, p.pair).toBeTruthy();
      else expect(p.label, p.pair).toBe(p.label_a);
    }
  });

  it('agrees between the two labelling passes (Cohen’s kappa)', () => {
    const kappa = cohenKappa(
      pairs.map((p) => p.label_a),
      pairs.map((p) => p.label_b),
    );
    const agreed = pairs.filter((p) => p.label_a === p.label_b).length;
    console.log(`kappa between labelling passes: ${kappa.toFixed(3)} (${agreed}/${pairs.length} agree)`);
    expect(kappa).toBeGreaterThan(0.8);
  });

  it('names every labelled brand where analysis finds it, with the passage that decided', () => {
    const predictions = predict(set, structureSentimentScorer);
    expect(predictions.filter((p) => !p.found).map((p) => p.pair)).toEqual([]);
    expect(predictions.filter((p) => !p.passage).map((p) => p.pair)).toEqual([]);
  });

  it('keeps a fixed held-out split of 30% of each label', () => {
    for (const l of LABELS) {
      const all = pairs.filter((p) => p.label === l);
      expect(all.filter((p) => test.has(p.pair)).length).toBe(Math.round(all.length * TEST_SHARE));
    }
    expect(heldOut(set)).toEqual(test);
  });
});

describe('structure sentiment scorer on the held-out split', () => {
  it('reaches accuracy ≥ 0.85, macro-F1 ≥ 0.75 and recall on negatives ≥ 0.80', () => {
    const predictions = predict(set, structureSentimentScorer).filter((p) => test.has(p.pair));
    const m = metrics(predictions);
    console.log(`structure scorer, held-out split:\n${formatConfusion(m)}`);
    const baseline = metrics(predict(set, lexiconSentimentScorer).filter((p) => test.has(p.pair)));
    console.log(`lexicon scorer, held-out split:\n${formatConfusion(baseline)}`);
    expect(m.n).toBe(test.size);
    expect(m.accuracy).toBeGreaterThanOrEqual(0.85);
    expect(m.macroF1).toBeGreaterThanOrEqual(0.75);
    expect(m.recall.negative).toBeGreaterThanOrEqual(0.8);
  });
});
