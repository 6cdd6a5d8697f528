/**
 * The analysis contract: answer text (plus the provider's citations) and a brand set in, facts
 * out. Pure: no I/O, no clock, no randomness. Rules: docs/analysis-rules.md.
 */
import type { ProviderCitation, ProviderSource } from '../providers/types.js';

export interface BrandDefinition {
  /** Stable id of the brand (database id); facts refer to brands by it. */
  id: string;
  name: string;
  aliases?: string[];
  /** Domains or hosts the brand owns; a citation of one of them (or a subdomain) is the brand's. */
  domains?: string[];
  /** Match letter case exactly (accents are still folded). Default false. */
  caseSensitive?: boolean;
}

export interface AnswerInput {
  text: string;
  /** Citations the provider attached (annotations, grounding chunks, SERP references). */
  citations?: ProviderCitation[];
  /** Sources the provider retrieved; those not cited become `search_result` citations. */
  sources?: ProviderSource[];
  /** BCP 47 locale of the answer, used by sentiment scoring. */
  locale?: string;
  /** The prompt the answer replies to; sentiment scoring reads its intent ("best CRM for…" asks for recommendations). */
  prompt?: string;
}

export type SentimentLabel = 'positive' | 'neutral' | 'negative';

export interface MentionFact {
  brandId: string;
  brandName: string;
  count: number;
  /** [start, end) JavaScript string indices into AnswerInput.text, in order. */
  spans: Array<[number, number]>;
  firstOffset: number;
  /** 1-based order of first appearance among the tracked brands mentioned in this answer. */
  rank: number;
  /** 1-based item number when the first mention sits in a numbered or bulleted list item, else null. */
  listPosition: number | null;
  /** In [-1, 1]. */
  sentiment: number;
  sentimentLabel: SentimentLabel;
  /** The sentence around the first mention. */
  snippet: string;
  /** [start, end) of the passage that decided the sentiment (list item, table row or sentence), when the scorer says. */
  sentimentPassage?: [number, number];
  /** The name or alias that matched first, as written in the brand definition. */
  matchedAlias: string;
}

export type CitationSourceKind = 'annotation' | 'link' | 'search_result';

export interface CitationFact {
  /** 1-based order of appearance: provider annotations first, then links in the text, then retrieved-but-not-cited sources. */
  position: number;
  /** Normalized URL (lower-case host, no fragment, tracking parameters removed). */
  url: string;
  /** Registrable domain from the public suffix list, e.g. bbc.co.uk. */
  domain: string;
  title: string | null;
  source: CitationSourceKind;
  /** Id of the brand owning the domain, or null. */
  brandId: string | null;
}

export interface AnalysisResult {
  mentions: MentionFact[];
  citations: CitationFact[];
}

/** One sentence of the answer that mentions the brand being scored. */
export interface SentimentPassage {
  text: string;
  /** [start, end) of the brand's mentions inside `text`. */
  spans: Array<[number, number]>;
  /** [start, end) of other tracked brands' mentions inside `text` (comparisons: "A is great, but B is slow"). */
  otherSpans: Array<[number, number]>;
}

export interface SentimentInput {
  brandId: string;
  brandName: string;
  /** [start, end) of every mention of the brand in the answer text, in order. */
  spans: Array<[number, number]>;
  passages: SentimentPassage[];
}

/** Everything a scorer gets for one answer: all mentioned brands at once, so an LLM judge needs one call per answer. */
export interface SentimentRequest {
  answerText: string;
  /** BCP 47 locale of the answer when known. */
  locale: string | null;
  /** The prompt the answer replies to, when known. */
  prompt?: string | null;
  brands: SentimentInput[];
}

export interface SentimentScore {
  /** In [-1, 1]. */
  score: number;
  label: SentimentLabel;
  /** [start, end) in the answer text of the passage that decided the label, so a reader can see why. */
  passage?: [number, number];
}

/** A synchronous scorer, used by analyzeAnswer (the default is the EN + FR lexicon scorer). */
export interface SentimentScorer {
  /** Stored with results so scores from different scorers are never mixed up, e.g. "lexicon-1". */
  readonly id: string;
  /** One score per entry of request.brands, in the same order. */
  scoreAll(request: SentimentRequest): SentimentScore[];
}

/** A scorer that may wait (an LLM judge), used by analyzeAnswerAsync. Every SentimentScorer is one too. */
export interface AsyncSentimentScorer {
  readonly id: string;
  scoreAll(request: SentimentRequest): SentimentScore[] | Promise<SentimentScore[]>;
}
