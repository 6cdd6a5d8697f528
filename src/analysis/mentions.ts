/**
 * From raw brand matches to mention facts: rank, list position, snippet, and the sentences each
 * brand's sentiment is read from.
 */
import type { CompiledBrands } from './compile.js';
import type { BrandMatches } from './match.js';
import type { Range } from './ranges.js';
import { listPositionAt, sentenceAt } from './structure.js';
import type { MentionFact, SentimentInput, SentimentPassage, SentimentScore } from './types.js';

const SNIPPET_MAX = 300;

export interface PreparedMentions {
  /** Facts in rank order, sentiment still to fill in. */
  facts: MentionFact[];
  /** One entry per fact, same order. */
  sentiment: SentimentInput[];
}

/** The sentence around the first mention, whitespace collapsed, cut around the mention when long. */
function snippetOf(text: string, sentence: Range, first: Range): string {
  let [s, e] = sentence;
  if (e - s > SNIPPET_MAX) {
    s = Math.max(s, first[0] - SNIPPET_MAX / 2);
    e = Math.min(e, s + SNIPPET_MAX);
  }
  const body = text.slice(s, e).replace(/\s+/g, ' ').trim();
  return (s > sentence[0] ? '…' : '') + body + (e < sentence[1] ? '…' : '');
}

/** The sentence around p, from those already found when it is one of them. */
function sentenceOf(text: string, found: Range[], p: number): Range {
  for (const r of found) if (p >= r[0] && p < r[1]) return r;
  const r = sentenceAt(text, p);
  found.push(r);
  return r;
}

/** Index of the first entry starting at or after p (entries sorted by start). */
function firstAtOrAfter(all: ReadonlyArray<readonly [number, number, number]>, p: number): number {
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((all[mid] as readonly [number, number, number])[0] < p) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function prepareMentions(c: CompiledBrands, text: string, matches: readonly BrandMatches[]): PreparedMentions {
  const ordered = [...matches].sort((a, b) => {
    const x = a.spans[0] as Range;
    const y = b.spans[0] as Range;
    return x[0] - y[0] || y[1] - x[1] || a.brandIndex - b.brandIndex;
  });
  // Every span of every brand, sorted, to find the other brands named in a sentence.
  const all: Array<[number, number, number]> = [];
  for (const m of ordered) for (const [s, e] of m.spans) all.push([s, e, m.brandIndex]);
  all.sort((a, b) => a[0] - b[0]);
  // Several brands often share a sentence: find each sentence once.
  const sentences: Range[] = [];

  const facts: MentionFact[] = [];
  const sentiment: SentimentInput[] = [];
  ordered.forEach((m, k) => {
    const brand = c.brands[m.brandIndex];
    if (!brand) return;
    const first = m.spans[0] as Range;
    // The sentences of each mention, for scorers that read them (the lexicon scorer): made on first read.
    const passagesOf = (): SentimentPassage[] => {
      const passages: SentimentPassage[] = [];
      let last: Range | null = null;
      for (const span of m.spans) {
        const [s, e] = sentenceOf(text, sentences, span[0]);
        if (last && last[0] === s) continue;
        last = [s, e];
        const spans: Array<[number, number]> = [];
        const otherSpans: Array<[number, number]> = [];
        for (let k = firstAtOrAfter(all, s); k < all.length; k++) {
          const [a, b, owner] = all[k] as [number, number, number];
          if (a >= e) break;
          if (b > e) continue;
          (owner === m.brandIndex ? spans : otherSpans).push([a - s, b - s]);
        }
        passages.push({ text: text.slice(s, e), spans, otherSpans });
      }
      return passages;
    };
    facts.push({
      brandId: brand.id,
      brandName: brand.name,
      count: m.spans.length,
      spans: m.spans.map(([s, e]) => [s, e]),
      firstOffset: first[0],
      rank: k + 1,
      listPosition: listPositionAt(text, first[0]),
      sentiment: 0,
      sentimentLabel: 'neutral',
      snippet: snippetOf(text, sentenceOf(text, sentences, first[0]), first),
      matchedAlias: c.aliases[m.aliasIds[0] as number]?.written ?? brand.name,
    });
    let passages: SentimentPassage[] | null = null;
    sentiment.push({
      brandId: brand.id,
      brandName: brand.name,
      spans: m.spans.map(([s, e]) => [s, e]),
      get passages(): SentimentPassage[] {
        passages ??= passagesOf();
        return passages;
      },
    });
  });
  return { facts, sentiment };
}

export function withSentiment(facts: MentionFact[], scores: readonly SentimentScore[]): MentionFact[] {
  return facts.map((f, k) => {
    const s = scores[k];
    if (!s) return f;
    const score = Math.max(-1, Math.min(1, Number.isFinite(s.score) ? s.score : 0));
    const passage = s.passage ? { sentimentPassage: [s.passage[0], s.passage[1]] as [number, number] } : {};
    return { ...f, sentiment: score, sentimentLabel: s.label, ...passage };
  });
}
