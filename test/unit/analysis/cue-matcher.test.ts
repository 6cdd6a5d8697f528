/** The compiled stance-phrase matcher finds exactly what running each cue set's expression finds. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CueMatcher, findCuesByExpressions } from '../../../src/analysis/sentiment/cue-matcher.js';
import { CUES, type CueSet } from '../../../src/analysis/sentiment/cues.js';

const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019]/g, "'")
    .toLowerCase();

describe('cue matcher', () => {
  const matcher = new CueMatcher(CUES);

  it('matches the cue expressions on every answer of the labelled set', () => {
    const file = new URL('../../fixtures/sentiment/answers.jsonl', import.meta.url);
    const texts = readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => fold((JSON.parse(l) as { text: string }).text));
    let hits = 0;
    for (const text of texts) {
      const expected = findCuesByExpressions(CUES, text);
      expect(matcher.find(text)).toEqual(expected);
      hits += expected.length;
    }
    expect(hits).toBeGreaterThan(300);
  });

  it('keeps the order of phrases within a set and of sets, and word boundaries', () => {
    const cases = [
      'it is not the best choice for a team, avoid it',
      "i wouldn't recommend the_best option; best for teams",
      'x-recommended, go-to tool, outages and outagesx, sued suede',
      "n'est plus le meilleur choix, ideal pour les pme, hors de prix",
      'some users report it can be slow; ranks it below others; put acme below',
    ];
    for (const text of cases) expect(matcher.find(text)).toEqual(findCuesByExpressions(CUES, text));
  });

  it('refuses a cue set it cannot index by its first characters', () => {
    const bad: CueSet[] = [{ re: /\b(?:\w+ing)/g, weight: 1 }];
    expect(() => new CueMatcher(bad)).toThrow(/start with a letter/);
  });
});
