import { describe, expect, it } from 'vitest';
import { analyzeAnswer, compileBrands, findMentions, type BrandDefinition } from '../../../src/analysis/index.js';
// The benchmark's seeded generator: a failure can be replayed from its seed.
import { rng } from '../../../bench/lib/analysis-corpus.js';

// findMentions checks URL rules lazily, around matches; analyzeAnswer finds every link region
// first. Both must give the same spans on any text (src/analysis/exclusions.ts). This drives them
// with random texts glued from the fragments where the two ways could part: URLs and hosts next
// to brand names, apostrophes, entities, zero-width and full-width characters, markdown links.

const BRANDS: BrandDefinition[] = [
  { id: 'hubspot', name: 'HubSpot', domains: ['hubspot.com'] },
  { id: 'booking', name: 'Booking.com', aliases: ['Booking'] },
  { id: 'alan', name: 'Alan' },
  { id: 'notion', name: 'Notion', caseSensitive: true },
  { id: 'att', name: 'AT&T' },
  { id: 'gcloud', name: 'Google Cloud', aliases: ['GCP'] },
  { id: 'google', name: 'Google' },
  { id: 'net', name: '.NET' },
  { id: 'societe', name: 'Société Générale' },
  { id: 'figma', name: 'Figma' },
];

const FRAGMENTS = [
  'HubSpot',
  'hubspot',
  'HubSpot’s',
  "HubSpot's",
  'd’Alan',
  "l'Alan",
  'Alan',
  'Notion',
  'notion',
  'AT&amp;T',
  'AT&T',
  'Google Cloud',
  'Google',
  'GCP',
  '.NET',
  'Societe Generale',
  'Société Générale',
  'Figma',
  'Ｆｉｇｍａ',
  'Fig\u200bma',
  'Booking.com',
  'booking.com',
  'Booking',
  'it’s',
  'don’t',
  "o'clock",
  'go-to',
  'Figma-like',
  '用Figma设计',
  '🚀',
  'https://hubspot.com/pricing',
  'https://www.hubspot.com/crm?utm_source=x',
  'www.hubspot.com',
  'hubspot.com',
  'hubspot.com’s',
  'hubspot.com/Alan',
  'sales@hubspot.com',
  'alan@figma.com',
  '<https://figma.com>',
  'example.co.uk',
  '[HubSpot](https://hubspot.com)',
  '[guide](https://figma.com/Alan "Alan")',
  '[[Figma](https://figma.com)](https://x.io)',
  '![Figma](https://cdn.figma.com/Figma.png)',
  '](',
  '[',
  ')',
  '(',
  '**',
  '*',
  '|',
  '#',
  '-',
  '—',
  '’',
  "'",
  '&amp;',
  '&',
  '&#8217;',
  '.',
  ':',
  ';',
  ',',
  '?',
  '!',
  'é',
  'Alan.',
  'Alan:',
  'https://',
  'www.',
  'mailto:alan@x.fr',
  '<think>Alan and HubSpot</think>',
  '<think>',
  '</think>',
  'Figma&nbsp;',
  '\u00adAlan',
  'HubSpot\u200d’s',
];
const SEPARATORS = [' ', ' ', ' ', '', '\n', '\n\n', ', ', '. ', ' — ', '\u00a0', '\t', '1. ', '\n- '];

function randomText(r: () => number): string {
  const parts: string[] = [];
  const length = 1 + Math.floor(r() * 30);
  for (let k = 0; k < length; k++) {
    parts.push(FRAGMENTS[Math.floor(r() * FRAGMENTS.length)] as string);
    parts.push(SEPARATORS[Math.floor(r() * SEPARATORS.length)] as string);
  }
  return parts.join('');
}

const compiled = compileBrands(BRANDS);

/** Spans per brand id, brands in definition order (so two results compare as JSON). */
function byBrand(
  found: Array<{ id: string; spans: ReadonlyArray<readonly [number, number]> }>,
): Record<string, number[][]> {
  const out: Record<string, number[][]> = {};
  for (const b of BRANDS) {
    const m = found.find((f) => f.id === b.id);
    if (m) out[b.id] = m.spans.map(([s, e]) => [s, e]);
  }
  return out;
}

function lazySpans(text: string): Record<string, number[][]> {
  return byBrand(findMentions(compiled, text).map((m) => ({ id: BRANDS[m.brandIndex]?.id as string, spans: m.spans })));
}

function eagerSpans(text: string): Record<string, number[][]> {
  return byBrand(analyzeAnswer(compiled, { text }).mentions.map((m) => ({ id: m.brandId, spans: m.spans })));
}

describe('lazy and eager URL exclusions', () => {
  it('agree on the spans of every brand in 5,000 random texts', () => {
    const r = rng(20261202);
    let withMentions = 0;
    for (let k = 0; k < 5_000; k++) {
      const text = randomText(r);
      const eager = eagerSpans(text);
      if (Object.keys(eager).length > 0) withMentions++;
      const lazy = lazySpans(text);
      // Compared as JSON first: an expect() per text would cost more than the analysis.
      if (JSON.stringify(lazy) !== JSON.stringify(eager)) expect(lazy, JSON.stringify(text)).toEqual(eager);
    }
    // The texts must exercise matching, not only agree on finding nothing.
    expect(withMentions).toBeGreaterThan(4_000);
  }, 60_000);

  it('agree where a word runs on past a URL (the eager tokenizer restarts at the region end)', () => {
    const texts = [
      'hubspot.com’s pricing and HubSpot’s pricing',
      'see https://hubspot.com/x’Alan and d’Alan',
      'mail alan@figma.com’s inbox; Alan’s inbox',
      'https://x.io/&amp;Alan AT&amp;T',
      '[a](https://figma.com)’Figma Figma',
      'www.figma.com\u200bFigma',
      'Booking.com’s rooms at booking.com/Booking',
    ];
    for (const text of texts) expect(lazySpans(text), text).toEqual(eagerSpans(text));
  });
});
