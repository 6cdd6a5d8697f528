/** Turns summed brand facts into report numbers, each with its numerator, denominator, n and interval. */
import { meanFromSums, ratio, ratioOfSums, wilson, type RatioSums } from '../../lib/statistics.js';
import type { ShareOfVoiceRow, TrendRow, VisibilityRow } from './brand-reports.schemas.js';
import type { BrandFactsRow } from './reports.repo.js';
import type { Dim } from './sources.sql.js';

export function proportionOf(k: number, n: number) {
  return { numerator: k, denominator: n, n, value: ratio(k, n), ci95: wilson(k, n) };
}

export function shareOf(s: RatioSums) {
  const r = ratioOfSums(s);
  return { numerator: s.x, denominator: s.y, n: s.n, value: r.value, ci95: r.ci95 };
}

export function meanOf(sum: number, sumSq: number, count: number) {
  const m = meanFromSums(sum, sumSq, count);
  return { numerator: sum, denominator: count, n: count, value: m.value, sd: m.sd, ci95: m.ci95 };
}

/** A share without an interval, for counts whose units (sources) are not independent. */
export const plainShare = (x: number, y: number, n: number) => ({
  numerator: x,
  denominator: y,
  n,
  value: y > 0 ? x / y : null,
  ci95: null,
});

/** The split of sources by kind, each with its share of every source. */
export function sourcesOf(t: { n: number; annotations: number; links: number; search_results: number }) {
  const all = t.annotations + t.links + t.search_results;
  return {
    annotation: { count: t.annotations, share: plainShare(t.annotations, all, t.n) },
    link: { count: t.links, share: plainShare(t.links, all, t.n) },
    searchResult: { count: t.search_results, share: plainShare(t.search_results, all, t.n) },
  };
}

const iso = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v));

/** The dimension fields of a row: only those it was grouped by. */
export function dimensionsOf(r: Partial<BrandFactsRow> & { period?: unknown }, dims: Dim[]) {
  return dimensionsInto({}, r, dims);
}

/** Adds the dimension fields of a row to `out`, in the order dimensionsOf gives them. */
function dimensionsInto(
  out: Record<string, unknown>,
  r: Partial<BrandFactsRow> & { period?: unknown },
  dims: Dim[],
): Record<string, unknown> {
  if (dims.includes('provider')) out.provider = r.provider;
  if (dims.includes('config')) {
    out.modelConfigId = r.model_config_id;
    out.modelConfigName = r.model_config_name;
  }
  if (dims.includes('prompt')) {
    out.promptId = r.prompt_id;
    out.promptText = r.prompt_text;
  }
  if (dims.includes('tag')) out.tag = r.tag ? r.tag : null;
  if (dims.includes('location')) out.location = r.location ? r.location : null;
  if (dims.includes('language')) out.language = r.language ? r.language : null;
  if (dims.includes('run')) out.runId = r.run_id;
  if (dims.includes('day') || dims.includes('week')) out.period = iso(r.period);
  return out;
}

/** The answers behind a row: n, and those failed or not analysed yet (counted apart, never as "not mentioned"). */
function countsInto(row: Record<string, unknown>, r: BrandFactsRow): void {
  row.n = r.n;
  row.failed = r.failed;
  row.pendingAnalysis = r.pending;
}

const brandOf = (r: BrandFactsRow) => ({ brandId: r.brand_id, brandName: r.brand_name, brandKind: r.brand_kind });

/**
 * The brand and its dimensions, as the start of a row that the caller completes in place. A row
 * built by spreading partial objects ({...a, ...b}) is copied key by key into a slow dictionary
 * object each time: the trends report's 360 rows a month took 11–19 ms that way.
 */
const headOf = (r: BrandFactsRow, dims: Dim[]): Record<string, unknown> =>
  dims.length ? dimensionsInto(brandOf(r), r, dims) : brandOf(r);

export const presenceShare = (r: BrandFactsRow) =>
  shareOf({ n: r.n, x: r.mentioned, y: r.all_mentioned, xx: r.mentioned, xy: r.presence_cross, yy: r.brands_sq });
export const countShare = (r: BrandFactsRow) =>
  shareOf({
    n: r.n,
    x: r.mention_count,
    y: r.all_mentions,
    xx: r.mention_count_sq,
    xy: r.count_cross,
    yy: r.mentions_sq,
  });
export const citationShare = (r: BrandFactsRow) =>
  shareOf({ n: r.n, x: r.cited, y: r.total_cited, xx: r.cited_sq, xy: r.cited_cross, yy: r.total_cited_sq });

const sentimentOf = (r: BrandFactsRow) => ({
  mean: meanOf(r.sentiment_sum, r.sentiment_sq, r.mentioned),
  positive: r.positive,
  neutral: r.neutral,
  negative: r.negative,
  shares: {
    positive: proportionOf(r.positive, r.mentioned),
    neutral: proportionOf(r.neutral, r.mentioned),
    negative: proportionOf(r.negative, r.mentioned),
  },
});

/** How often and how prominently the brand is named, and in what tone: the share-of-voice figures of a row. */
function voiceInto(row: Record<string, unknown>, r: BrandFactsRow): void {
  row.mentioned = r.mentioned;
  row.mentions = r.mention_count;
  row.shareOfVoice = { presence: presenceShare(r), count: countShare(r) };
  row.averageRank = meanOf(r.rank_sum, r.rank_sq, r.mentioned);
  row.top1Rate = proportionOf(r.top1, r.mentioned);
  row.sentiment = sentimentOf(r);
}

export function visibilityRowOf(r: BrandFactsRow, dims: Dim[]): VisibilityRow {
  const row = headOf(r, dims);
  row.mentionRate = proportionOf(r.mentioned, r.n);
  countsInto(row, r);
  return row as unknown as VisibilityRow;
}

export function shareOfVoiceRowOf(r: BrandFactsRow, dims: Dim[]): ShareOfVoiceRow {
  const row = headOf(r, dims);
  voiceInto(row, r);
  countsInto(row, r);
  return row as unknown as ShareOfVoiceRow;
}

export function trendRowOf(r: BrandFactsRow, dims: Dim[]): TrendRow {
  const row = headOf(r, dims);
  row.period = iso(r.period);
  row.mentionRate = proportionOf(r.mentioned, r.n);
  voiceInto(row, r);
  row.citationShare = citationShare(r);
  row.sources = sourcesOf(r);
  countsInto(row, r);
  return row as unknown as TrendRow;
}

/** A row where every number is defined: gives CSV exports their header before (or without) any data. */
export function sampleFactsRow(dims: Dim[]): BrandFactsRow {
  const two = Object.fromEntries(
    [
      'n',
      'failed',
      'pending',
      'brands_sq',
      'mentions_sq',
      'total_cited',
      'total_cited_sq',
      'all_mentioned',
      'all_mentions',
      'mentioned',
      'mention_count',
      'mention_count_sq',
      'annotations',
      'links',
      'search_results',
      'presence_cross',
      'count_cross',
      'rank_sum',
      'rank_sq',
      'top1',
      'sentiment_sum',
      'sentiment_sq',
      'positive',
      'neutral',
      'negative',
      'gap',
      'cited',
      'cited_sq',
      'cited_cross',
      'citing_answers',
      'retrieved',
    ].map((k) => [k, 2]),
  );
  const row = {
    ...two,
    n: 4,
    all_mentioned: 4,
    all_mentions: 4,
    total_cited: 4,
    brand_id: '',
    brand_name: '',
    brand_kind: 'own',
  } as BrandFactsRow;
  if (dims.length)
    Object.assign(row, {
      provider: '',
      model_config_id: '',
      model_config_name: '',
      prompt_id: '',
      prompt_text: '',
      tag: '',
      location: '',
      language: '',
      run_id: '',
      period: '',
    });
  return row;
}
