import { describe, expect, it } from 'vitest';
import { analyzeAnswer, compileBrands, findMentions, type BrandDefinition } from '../../../src/analysis/index.js';

function mentions(brands: Array<Omit<BrandDefinition, 'id'>>, text: string) {
  const compiled = compileBrands(brands.map((b) => ({ ...b, id: b.name })));
  return analyzeAnswer(compiled, { text }).mentions;
}

function spansOf(brands: Array<Omit<BrandDefinition, 'id'>>, text: string, brand: string): string[] {
  const m = mentions(brands, text).find((x) => x.brandName === brand);
  return m ? m.spans.map(([s, e]) => text.slice(s, e)) : [];
}

describe('brand matching', () => {
  it('matches whole words only', () => {
    expect(spansOf([{ name: 'Apple' }], 'Pineapple, apples and Apple.', 'Apple')).toEqual(['Apple']);
    expect(spansOf([{ name: 'Go', caseSensitive: true }], 'Google uses Go.', 'Go')).toEqual(['Go']);
    expect(spansOf([{ name: 'Segment' }], 'segments of Segment', 'Segment')).toEqual(['Segment']);
  });

  it('treats a hyphen as joining words', () => {
    expect(mentions([{ name: 'Go' }], 'the go-to tool')).toEqual([]);
    expect(mentions([{ name: 'Apple' }], 'Apple-compatible cables')).toEqual([]);
    expect(spansOf([{ name: 'Coca-Cola' }], 'Coca‑Cola and Coca-Cola', 'Coca-Cola')).toHaveLength(2);
  });

  it('treats punctuation, markdown, emoji and CJK as boundaries', () => {
    const text = '用Figma设计, **Figma**, #Figma, 🚀Figma, (Figma), "Figma", Figma|';
    expect(spansOf([{ name: 'Figma' }], text, 'Figma')).toHaveLength(7);
  });

  it('folds case, accents, typographic punctuation and spaces', () => {
    const brands = [{ name: 'Société Générale' }, { name: "L'Oréal" }];
    const text = 'SOCIETE GENERALE, Société\u00a0Générale and L’Oreal';
    expect(spansOf(brands, text, 'Société Générale')).toEqual(['SOCIETE GENERALE', 'Société\u00a0Générale']);
    expect(spansOf(brands, text, "L'Oréal")).toEqual(['L’Oreal']);
  });

  it('matches letter case exactly for case-sensitive brands, still folding accents', () => {
    const brands = [
      { name: 'Notion', caseSensitive: true },
      { name: 'Élan', caseSensitive: true },
    ];
    expect(spansOf(brands, 'a notion of Notion and NOTION', 'Notion')).toEqual(['Notion']);
    expect(spansOf(brands, 'Elan and élan', 'Élan')).toEqual(['Elan']);
  });

  it('counts possessives and elisions, not contractions', () => {
    const brands = [{ name: 'HubSpot' }, { name: 'Alan' }, { name: 'Don' }, { name: 'Clock' }];
    const text = "HubSpot's, HubSpot’s, d’Alan, l'Alan, don't, o'clock, 'Don'";
    expect(spansOf(brands, text, 'HubSpot')).toHaveLength(2);
    expect(spansOf(brands, text, 'Alan')).toHaveLength(2);
    expect(spansOf(brands, text, 'Don')).toEqual(['Don']);
    expect(spansOf(brands, text, 'Clock')).toEqual([]);
  });

  it('never counts text inside URLs, link targets, autolinks, hosts or e-mail addresses', () => {
    const text =
      '[guide](https://hubspot.com/x) https://www.hubspot.com/crm <https://hubspot.com> hubspot.com/pricing sales@hubspot.com www.hubspot.com';
    expect(mentions([{ name: 'HubSpot' }], text)).toEqual([]);
  });

  it('counts link text and a host that is exactly the brand name', () => {
    const brands = [{ name: 'HubSpot' }, { name: 'Booking.com' }];
    const text = '[HubSpot](https://hubspot.com) and Booking.com (https://www.booking.com/x)';
    expect(spansOf(brands, text, 'HubSpot')).toEqual(['HubSpot']);
    expect(spansOf(brands, text, 'Booking.com')).toEqual(['Booking.com']);
  });

  it('matches each brand on its own and overlapping aliases of one brand once', () => {
    const brands = [{ name: 'Google' }, { name: 'Google Cloud', aliases: ['Google Cloud Platform', 'GCP'] }];
    const text = 'Google Cloud Platform (GCP) by Google';
    expect(spansOf(brands, text, 'Google Cloud')).toEqual(['Google Cloud Platform', 'GCP']);
    expect(spansOf(brands, text, 'Google')).toEqual(['Google', 'Google']);
    expect(spansOf([{ name: 'Y Combinator', aliases: ['YC'] }], 'Y Combinator (YC)', 'Y Combinator')).toHaveLength(2);
  });

  it('keeps offsets as indices into the original text through entities, emoji and expansions', () => {
    const text = '🎉 AT&amp;T&nbsp;vs ﬁgma — Figma';
    const brands = [{ name: 'AT&T' }, { name: 'Figma' }];
    expect(spansOf(brands, text, 'AT&T')).toEqual(['AT&amp;T']);
    expect(spansOf(brands, text, 'Figma')).toEqual(['ﬁgma', 'Figma']);
    expect(spansOf([{ name: 'Figma' }], 'Fig\u200bma and Figma\u00ad', 'Figma')).toEqual(['Fig\u200bma', 'Figma']);
  });

  it('handles names with leading or trailing punctuation', () => {
    const brands = [{ name: 'C++' }, { name: '.NET' }, { name: 'Yahoo!' }];
    const text = 'C++, C++20, .NET, ASP.NET and Yahoo! or Yahoo';
    expect(spansOf(brands, text, 'C++')).toEqual(['C++']);
    expect(spansOf(brands, text, '.NET')).toEqual(['.NET']);
    expect(spansOf(brands, text, 'Yahoo!')).toEqual(['Yahoo!']);
  });

  it('ignores reasoning blocks but keeps offsets into the text as given', () => {
    const text = '<think>Asana? Trello?</think>\nUse Trello.';
    const found = mentions([{ name: 'Asana' }, { name: 'Trello' }], text);
    expect(found.map((m) => m.brandName)).toEqual(['Trello']);
    expect(found[0]?.firstOffset).toBe(text.lastIndexOf('Trello'));
    expect(mentions([{ name: 'Asana' }], 'Asana maybe.\n</think>\nNo tool.')).toEqual([]);
    expect(mentions([{ name: 'Asana' }], 'Answer.\n<think>Asana')).toEqual([]);
  });

  it('ranks by first appearance and exposes the matched alias', () => {
    const found = mentions(
      [{ name: 'Trello' }, { name: 'Asana', aliases: ['Asana Inc'] }],
      'Asana Inc beats Trello; Asana too.',
    );
    expect(found.map((m) => [m.brandName, m.rank, m.count, m.matchedAlias])).toEqual([
      ['Asana', 1, 2, 'Asana Inc'],
      ['Trello', 2, 1, 'Trello'],
    ]);
  });

  it('findMentions returns the same spans as analyzeAnswer', () => {
    const compiled = compileBrands([{ id: 'a', name: 'Asana' }]);
    const text = 'Asana and [Asana](https://asana.com)';
    expect(findMentions(compiled, text).map((m) => m.spans)).toEqual([
      analyzeAnswer(compiled, { text }).mentions[0]?.spans,
    ]);
  });

  it('compiles 10,000 brands into one matcher that still finds each of them', () => {
    const brands: BrandDefinition[] = Array.from({ length: 10_000 }, (_, k) => ({
      id: `b${k}`,
      name: `Brand${k} Labs`,
    }));
    const compiled = compileBrands(brands);
    const result = analyzeAnswer(compiled, { text: 'We use Brand42 Labs, Brand9999 Labs and Brand42 Lab.' });
    expect(result.mentions.map((m) => [m.brandId, m.count])).toEqual([
      ['b42', 1],
      ['b9999', 1],
    ]);
  });
});
