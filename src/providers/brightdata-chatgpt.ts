/**
 * Bright Data's ChatGPT Search records (Web Scraper API, dataset gd_m7aof0k82r803d5bjm, "ChatGPT
 * Search - Search by Prompt"): what a person sees in the ChatGPT app, captured by the vendor.
 * Field names follow the vendor's API reference and its documented example response
 * (docs.brightdata.com/api-reference/scrapers/ai-search-apis/chatgpt-search-by-prompt, read
 * 2026-12-07): url, prompt, answer_text, answer_text_markdown, answer_html, model,
 * web_search_triggered, citations [{title, url, position}], search_sources [{url, title,
 * favicon}], links_attached [{url, text, position}], recommendations, references, country,
 * is_map, shopping_visible, prompt_sent_at, index.
 *
 * - The answer is `answer_text_markdown`, kept as markdown (falls back to `answer_text`).
 * - `citations` are the sources the answer cites, ordered by their `position`: each is placed on
 *   the inline `[label](url)` marker that links to it when the markdown has one (the vendor gives
 *   an order, not offsets); one with `cited: false` is a retrieved source, not a citation.
 * - `links_attached` are links the app puts on words of the answer ("The Plaza"): a link the
 *   markdown does not already carry becomes a citation placed on that text.
 * - `search_sources` are what the assistant retrieved, cited or not: sources, never citations.
 * - A product carousel (`shopping`, a field seen in integrations' output lists rather than in the
 *   reference page) whose names the markdown leaves out is appended as the lines a person reads.
 * - `web_search_query` (same provenance as `shopping`) gives the searches the assistant ran.
 *
 * The /scrape call answers an array of records (one per input; Citewatch sends one). A record
 * that failed carries `error` (and `error_code`) instead of an answer, as `include_errors` asks.
 */
import { markersOf, withoutTracking } from './llm-scraper.js';
import { ZERO_USAGE, dedupeBy, isRecord, records, str } from './text.js';
import type { ParsedAnswer, ProviderCitation, ProviderSource } from './types.js';

/** The dataset of ChatGPT Search captures, by prompt [docs: the API reference above]. */
export const BRIGHTDATA_CHATGPT_DATASET = 'gd_m7aof0k82r803d5bjm';

/**
 * A capture that went through a snapshot (the /trigger call, or a /scrape call that outlived the
 * vendor's one-minute window): the snapshot id with the records downloaded, so a re-parse sees them.
 */
export interface BrightDataCapture {
  object: 'citewatch.brightdata_snapshot';
  vendor: 'brightdata';
  snapshotId: string;
  records: unknown[];
}

export function isBrightDataCapture(raw: unknown): raw is BrightDataCapture {
  return isRecord(raw) && raw['object'] === 'citewatch.brightdata_snapshot' && Array.isArray(raw['records']);
}

function isRecordLike(value: unknown): value is Record<string, unknown> {
  return (
    isRecord(value) &&
    ('answer_text_markdown' in value || 'answer_text' in value || ('prompt' in value && 'error' in value))
  );
}

/** A Bright Data ChatGPT body: a capture, the /scrape array of records, or one record. */
export function isBrightDataBody(raw: unknown): boolean {
  if (isBrightDataCapture(raw)) return true;
  if (Array.isArray(raw)) return raw.length > 0 && raw.every(isRecordLike);
  return isRecordLike(raw);
}

/** The first record of a body, or null when it holds none. */
export function brightDataRecord(raw: unknown): Record<string, unknown> | null {
  const list = isBrightDataCapture(raw) ? raw.records : Array.isArray(raw) ? raw : [raw];
  const first = list[0];
  return isRecord(first) ? first : null;
}

/** The vendor's failure on a record (include_errors), or null when the record holds an answer. */
export function brightDataRecordError(record: Record<string, unknown>): { code: string; message: string } | null {
  const error = str(record['error']);
  if (!error) return null;
  if (str(record['answer_text_markdown']) || str(record['answer_text'])) return null;
  return { code: str(record['error_code']) ?? 'record_error', message: error };
}

function priceText(value: unknown, currency: string | null): string | null {
  if (typeof value === 'number') return `${value} ${currency ?? ''}`.trim();
  return str(value);
}

function productLine(product: Record<string, unknown>): string | null {
  const title = str(product['title']) ?? str(product['name']);
  if (!title) return null;
  const price = priceText(product['price'], str(product['currency']));
  const merchant = str(product['merchant']) ?? str(product['seller']) ?? str(product['source']);
  return `- ${[title, price, merchant].filter(Boolean).join(' — ')}`;
}

/** Carousel cards whose names the markdown does not show. */
function missingProducts(text: string, record: Record<string, unknown>): string[] {
  const lower = text.toLowerCase();
  return records(record['shopping'])
    .filter((p) => {
      const title = str(p['title']) ?? str(p['name']);
      return title !== null && !lower.includes(title.toLowerCase());
    })
    .flatMap((p) => productLine(p) ?? []);
}

function byPosition(list: Record<string, unknown>[]): Record<string, unknown>[] {
  const rank = (r: Record<string, unknown>) =>
    typeof r['position'] === 'number' ? r['position'] : Number.POSITIVE_INFINITY;
  return list
    .map((r, i) => ({ r, i }))
    .sort((a, b) => rank(a.r) - rank(b.r) || a.i - b.i)
    .map((x) => x.r);
}

function searchQueriesOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.flatMap((q) => (typeof q === 'string' && q.trim() !== '' ? [q] : []));
}

export function parseBrightDataChatGpt(raw: unknown): ParsedAnswer {
  if (!isBrightDataBody(raw)) {
    throw new Error('not a Bright Data ChatGPT body (expected records with "answer_text_markdown" or "answer_text")');
  }
  const record = brightDataRecord(raw);
  if (!record) throw new Error('the Bright Data body holds no record');
  const failed = brightDataRecordError(record);
  if (failed) throw new Error(`Bright Data record failed: ${failed.code} ${failed.message}`);

  const markdown = str(record['answer_text_markdown']) ?? str(record['answer_text']) ?? '';
  const extra = missingProducts(markdown, record);
  const text = extra.length > 0 ? `${markdown.trimEnd()}\n\n${extra.join('\n')}` : markdown;

  const markers = markersOf(text);
  const used = new Set<number>();
  const citations: ProviderCitation[] = [];
  const retrieved: ProviderSource[] = [];
  const cited = byPosition(records(record['citations']));
  for (const c of dedupeBy(cited, (x) => str(x['url']) ?? '')) {
    const url = str(c['url']);
    if (!url) continue;
    if (c['cited'] === false) {
      retrieved.push({ url, title: str(c['title']) });
      continue;
    }
    const key = withoutTracking(url);
    const index = markers.findIndex((m, i) => !used.has(i) && (m.url === url || withoutTracking(m.url) === key));
    if (index >= 0) used.add(index);
    const marker = index >= 0 ? markers[index] : undefined;
    citations.push({
      url,
      title: str(c['title']),
      start: marker?.start ?? null,
      end: marker?.end ?? null,
      citedText: str(c['description']) ?? str(c['snippet']),
      origin: 'annotation',
    });
  }

  // Links on words of the answer that the markdown does not carry as links: placed on their text.
  const inText = new Set(markers.map((m) => withoutTracking(m.url)));
  const known = new Set(citations.map((c) => withoutTracking(c.url)));
  let cursor = 0;
  for (const link of byPosition(records(record['links_attached']))) {
    const url = str(link['url']);
    if (!url || inText.has(withoutTracking(url)) || known.has(withoutTracking(url))) continue;
    known.add(withoutTracking(url));
    const label = str(link['text']);
    const at = label ? text.indexOf(label, cursor) : -1;
    if (at >= 0) cursor = at + (label as string).length;
    citations.push({
      url,
      title: label,
      start: at >= 0 ? at : null,
      end: at >= 0 ? at + (label as string).length : null,
      citedText: null,
      origin: 'annotation',
    });
  }

  const sources = dedupeBy(
    [
      ...records(record['search_sources']).flatMap((s) => {
        const url = str(s['url']);
        return url ? [{ url, title: str(s['title']) }] : [];
      }),
      ...retrieved,
    ],
    (s) => s.url,
  );
  const notes: string[] = [];
  if (extra.length > 0) notes.push(`${extra.length} product card(s) not in the app's markdown were added as text`);
  const unplaced = citations.filter((c) => c.start === null).length;
  if (unplaced > 0) notes.push(`${unplaced} cited source(s) have no inline marker in the answer`);
  return {
    text,
    citations,
    sources,
    searchQueries: searchQueriesOf(record['web_search_query']),
    usage: { ...ZERO_USAGE },
    finish: 'stop',
    modelVersion: str(record['model']),
    // Bright Data bills per delivered record and reports no cost on it: the price table applies.
    providerCostUsd: null,
    ...(notes.length > 0 ? { notes } : {}),
  };
}
