/**
 * Analysis: one answer and a brand set in, facts out (mentions, citations, sentiment). Pure: no
 * I/O, no clock, no randomness; the same input always gives the same facts. The rules below are
 * stated in full, with worked examples, in docs/analysis-rules.md; change one there and here, and
 * bump ANALYSIS_VERSION (stored with every result).
 *
 * Mentions
 * - Whole words only, Unicode-aware: the characters around a match are not letters, digits or
 *   marks. A hyphen between two word characters joins them ("go-to" is not Go, "Apple-compatible"
 *   is not Apple). Punctuation, markdown (**bold**, lists, tables, headings, #tags), emoji and CJK
 *   characters are boundaries ("用Figma设计" and "**Canva**" count). No stemming: "segments" is
 *   not Segment.
 * - Case- and accent-insensitive by default, on a folded text: NFKD compatibility forms,
 *   combining diacritics dropped ("Societe Generale" = "Société Générale"), typographic
 *   apostrophes, quotes, hyphens and Unicode spaces folded to plain ones, zero-width characters
 *   ignored, HTML entities decoded ("AT&amp;T"), runs of spaces equal to one (a line break inside
 *   a name does not match). Symbols such as ™ stay symbols. A brand with `caseSensitive` must
 *   match letter case exactly (accents still fold). Common-word brands (Close, Notion, Linear)
 *   should be case-sensitive: "close the deal" then never counts, "Close" still does.
 * - Apostrophes: after a name only a possessive ("HubSpot's", "HubSpot’s") or a closing quote
 *   ("don't" is not Don); before a name only an elided article or pronoun ("d’Alan", "l'Oréal",
 *   Italian "dell'") or an opening quote ("o'clock" is not Clock).
 * - Never a mention: text inside a URL — markdown link targets, image targets, autolinks, bare
 *   URLs, "www." addresses, bare host names (cdc.gov, example.co.uk/page) and e-mail addresses —
 *   except a bare host that is exactly a brand's name or alias ("Booking.com"). Link text is
 *   ordinary text and counts.
 * - Reasoning is not the answer: text inside <think>…</think> (also <thinking>, <reasoning>)
 *   yields no mention and no link citation. Offsets still index the text as given: analysis never
 *   strips or rewrites it. A closing tag without an opening one makes all text before it
 *   reasoning; an unclosed opening tag runs to the end.
 * - Each brand is matched on its own: "Google Cloud" is also Google when both are tracked. Within
 *   one brand, overlapping aliases count once (leftmost, then longest); separate adjacent
 *   occurrences all count ("Y Combinator (YC)" = 2).
 * - Offsets and spans are [start, end) JavaScript string (UTF-16) indices into the answer text.
 * - Rank: 1-based order of first appearance among the brands mentioned (ties: the longer match,
 *   then brand order). List position: the 1-based rank of the list item holding the first mention
 *   among its siblings (same indentation and list kind, numbered or bulleted), or the number of a
 *   numbered heading ("### 2. Asana"); null elsewhere (tables, paragraphs).
 * - Snippet: the sentence (or line, or table row) around the first mention, spaces collapsed,
 *   cut to 300 characters around the mention.
 * - Sentiment in [-1, 1] with a label: the stance of the answer toward the brand as a buyer reads
 *   it (docs/sentiment.md), through a SentimentScorer. The default (from version 2) is the
 *   structure scorer (sentiment/structure-scorer.ts: list items and headings, table rows, the
 *   clauses a brand owns, recommendation cues, contrast, negation, hedges, the prompt's intent
 *   when given), which also returns the passage that decided (sentimentPassage). The word-only
 *   lexicon scorer of version 1 (sentiment/lexicon-scorer.ts) stays available.
 *   analyzeAnswerAsync accepts a scorer that waits (an LLM judge).
 *
 * Citations
 * - Order: provider annotations (origin annotation, grounding or reference → source
 *   "annotation"), sorted by their place in the text; then links written in the text (markdown
 *   links, autolinks, bare URLs, "www." and bare host names; not images, e-mails, or URLs used as
 *   a link's text) → "link"; then retrieved sources → "search_result". One citation per
 *   normalized URL, the first kept. Links inside reasoning blocks are skipped.
 * - Normalized URL: http(s) only, lower-case host, default port and fragment dropped, tracking
 *   parameters (utm_*, gclid, fbclid, msclkid, …) removed, trailing punctuation and unbalanced
 *   closing brackets trimmed, nested and doubled markdown link forms read to their real target.
 * - Domain: registrable domain from the public suffix list (tldts, private section included:
 *   alice.github.io); the host itself for IP addresses. A Google grounding redirect
 *   (vertexaisearch.cloud.google.com/grounding-api-redirect/…) keeps its URL, and takes the
 *   domain its title names ("hubspot.com"); when the title names no site the domain is
 *   UNRESOLVED_GROUNDING_DOMAIN, never Google's redirect host.
 * - Brand: the brand one of whose domains is the host or a parent of it (the most specific wins).
 */
import type { CompiledBrands } from './compile.js';
import { citationsFrom } from './citations.js';
import { eagerExclusions, lazyExclusions } from './exclusions.js';
import { scanLinks, type LinkRegion } from './links.js';
import { findBrandMatches, type BrandMatches } from './match.js';
import { prepareMentions, withSentiment } from './mentions.js';
import { mergeRanges, type Range } from './ranges.js';
import { structureSentimentScorer } from './sentiment/structure-scorer.js';
import { thinkRanges } from './structure.js';
import type {
  AnalysisResult,
  AnswerInput,
  AsyncSentimentScorer,
  SentimentInput,
  SentimentRequest,
  SentimentScorer,
} from './types.js';

export type * from './types.js';
export { compileBrands, type CompiledBrands } from './compile.js';
export { extractCitations } from './citations.js';
export { normalizeUrl, UNRESOLVED_GROUNDING_DOMAIN } from './url-normalize.js';
export { lexiconSentimentScorer } from './sentiment/lexicon-scorer.js';
export { structureSentimentScorer } from './sentiment/structure-scorer.js';
export type { BrandMatches } from './match.js';

/**
 * Version of the rules above; stored with every analysis result. 2: the structure sentiment scorer
 * and the deciding passage (1: the lexicon scorer).
 */
export const ANALYSIS_VERSION = 2;

function sentimentRequest(answer: AnswerInput, brands: SentimentInput[]): SentimentRequest {
  return { answerText: answer.text, locale: answer.locale ?? null, prompt: answer.prompt ?? null, brands };
}

/** Matches with every region of the text found first (exclusions.ts, "eager"). */
function matchWithRegions(
  c: CompiledBrands,
  text: string,
  think: Range[],
  regions: readonly LinkRegion[],
): BrandMatches[] {
  const ranges: Range[] = [];
  const skip: Range[] = [];
  const hosts = new Map<number, number>();
  let sorted = think.length === 0;
  for (const r of regions) {
    if (ranges.length > 0 && r.start < (ranges[ranges.length - 1] as Range)[1]) sorted = false;
    ranges.push([r.start, r.end]);
    if (r.kind === 'host') hosts.set(r.start, r.end);
    else skip.push([r.start, r.end]);
  }
  // Regions come in text order and rarely nest; merge only when they do.
  const excluded = sorted ? ranges : mergeRanges([...think, ...ranges]);
  const skipped = sorted ? skip : mergeRanges([...think, ...skip]);
  return findBrandMatches(c, text, eagerExclusions(excluded, skipped, hosts)) as BrandMatches[];
}

function scan(c: CompiledBrands, text: string) {
  const think = thinkRanges(text);
  const regions = scanLinks(text, think);
  return { regions, matches: matchWithRegions(c, text, think, regions) };
}

/** Brand matches of a text (spans and aliases per brand), the mention rules applied; no sentiment. */
export function findMentions(compiled: CompiledBrands, text: string): BrandMatches[] {
  // URL rules checked only around matches (exclusions.ts); the eager way when that cannot decide.
  const think = thinkRanges(text);
  return (
    findBrandMatches(compiled, text, lazyExclusions(text, think)) ??
    matchWithRegions(compiled, text, think, scanLinks(text, think))
  );
}

export function analyzeAnswer(
  compiled: CompiledBrands,
  answer: AnswerInput,
  options: { sentiment?: SentimentScorer } = {},
): AnalysisResult {
  const { regions, matches } = scan(compiled, answer.text);
  const prepared = prepareMentions(compiled, answer.text, matches);
  const scorer = options.sentiment ?? structureSentimentScorer;
  const scores = prepared.facts.length === 0 ? [] : scorer.scoreAll(sentimentRequest(answer, prepared.sentiment));
  return {
    mentions: withSentiment(prepared.facts, scores),
    citations: citationsFrom(answer, compiled, regions),
  };
}

/** analyzeAnswer with a scorer that may wait, such as an LLM judge; everything else is identical. */
export async function analyzeAnswerAsync(
  compiled: CompiledBrands,
  answer: AnswerInput,
  options: { sentiment?: AsyncSentimentScorer } = {},
): Promise<AnalysisResult> {
  const { regions, matches } = scan(compiled, answer.text);
  const prepared = prepareMentions(compiled, answer.text, matches);
  const scorer = options.sentiment ?? structureSentimentScorer;
  const scores = prepared.facts.length === 0 ? [] : await scorer.scoreAll(sentimentRequest(answer, prepared.sentiment));
  return {
    mentions: withSentiment(prepared.facts, scores),
    citations: citationsFrom(answer, compiled, regions),
  };
}
