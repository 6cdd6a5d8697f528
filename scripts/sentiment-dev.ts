/**
 * `npx tsx scripts/sentiment-dev.ts`: the default sentiment scorer on the DEVELOPMENT split of the
 * labelled set (test/fixtures/sentiment), with every pair it gets wrong and the passage that
 * decided. Tune on this; the held-out split is measured only by the unit test
 * (test/unit/analysis/sentiment-set.test.ts), never printed pair by pair.
 */
import { structureSentimentScorer } from '../src/analysis/index.js';
import { formatConfusion, heldOut, loadSet, metrics, predict } from '../test/unit/analysis/sentiment-set.js';

const set = loadSet();
const test = heldOut(set);
const dev = predict(set, structureSentimentScorer).filter((p) => !test.has(p.pair));
for (const p of dev) {
  if (p.got !== p.expected) console.log(`${p.pair}: labelled ${p.expected}, scored ${p.got} :: ${p.passage ?? ''}`);
}
console.log(`\ndevelopment split:\n${formatConfusion(metrics(dev))}`);
