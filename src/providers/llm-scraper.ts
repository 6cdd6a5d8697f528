/**
 * DataForSEO's LLM Scraper bodies (ai_optimization/{chat_gpt|gemini}/llm_scraper): what a person
 * sees in the ChatGPT app's search mode or in the Gemini app, captured by the vendor. Field names
 * follow the vendor's typed client (dataforseo-client 2.1.7: AiOptimizationChatGptLlmScraper…
 * ResultInfo, AiOptimizationGeminiLlmScraper…ResultInfo, SourceInfo, ChatgptSearchResult,
 * ChatGptBrandEntity, ChatGptProductsElement) and its documentation pages.
 *
 * - The answer is `markdown`, kept as markdown (inline source markers `[label](url)`, tables).
 * - `sources` are the sources the answer cites, in order: they become citations, placed on the
 *   inline marker that links to them when the markdown has one (the vendor gives no offsets).
 * - `search_results` are what the assistant retrieved, cited or not: sources, never citations.
 * - `brand_entities` and product cards are the app's own widgets: they stay in the raw body and
 *   never count as citations; a product carousel the markdown leaves out is appended as text,
 *   since a person sees its product names.
 * - `fan_out_queries` are the searches the assistant ran: the answer's search queries.
 *
 * The same parser reads the mock app's bodies (src/providers/mock-app.ts), which use this shape.
 */
import { dataForSeoFailure, isDataForSeoBody } from './dataforseo.js';
import { ZERO_USAGE, dedupeBy, isRecord, records, str } from './text.js';
import type { ParsedAnswer, ProviderCitation, ProviderSource } from './types.js';

/**
 * A post-then-poll capture: the task_post answer (which carries the charge) and the task_get
 * answer (which carries the result, at no charge), stored together so a re-parse sees both.
 */
export interface LlmScraperTaskCapture {
  object: 'citewatch.llm_scraper_task';
  vendor: 'dataforseo';
  posted: unknown;
  result: unknown;
}

export function isLlmScraperTaskCapture(raw: unknown): raw is LlmScraperTaskCapture {
  return isRecord(raw) && raw['object'] === 'citewatch.llm_scraper_task';
}

/** The URL without the tracking parameters the apps add (utm_*), for matching a source to its marker. */
export function withoutTracking(url: string): string {
  try {
    const u = new URL(url);
    for (const key of [...u.searchParams.keys()]) if (key.toLowerCase().startsWith('utm_')) u.searchParams.delete(key);
    u.hash = '';
    return u.toString().replace(/\?$/, '');
  } catch {
    return url;
  }
}

export interface Marker {
  start: number;
  end: number;
  url: string;
}

/** Markdown links `[label](url)` in the answer, in order (images `![…](…)` left out). */
export function markersOf(text: string): Marker[] {
  const markers: Marker[] = [];
  for (const m of text.matchAll(/\[([^\]\n]*)\]\((https?:\/\/[^)\s]+)\)/g)) {
    const start = m.index;
    if (start > 0 && text[start - 1] === '!') continue;
    markers.push({ start, end: start + m[0].length, url: m[2] as string });
  }
  return markers;
}

function tableText(table: unknown): string | null {
  if (!isRecord(table)) return null;
  const header = Array.isArray(table['table_header']) ? (table['table_header'] as unknown[]).map(String) : [];
  const rows = Array.isArray(table['table_content'])
    ? (table['table_content'] as unknown[]).filter(Array.isArray).map((r) => (r as unknown[]).map(String))
    : [];
  if (header.length === 0 && rows.length === 0) return null;
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const width = Math.max(header.length, ...rows.map((r) => r.length));
  return [
    ...(header.length > 0 ? [line(header), `|${Array.from({ length: width }, () => '---').join('|')}|`] : []),
    ...rows.map(line),
  ].join('\n');
}

function productLine(product: Record<string, unknown>): string | null {
  const title = str(product['title']);
  if (!title) return null;
  const price =
    typeof product['price'] === 'number' ? `${product['price']} ${str(product['currency']) ?? ''}`.trim() : null;
  const merchants = str(product['merchants']);
  return `- ${[title, price, merchants].filter(Boolean).join(' — ')}`;
}

/** The answer's text from its items, for a body without `markdown`. */
function itemsText(items: Record<string, unknown>[]): string {
  const blocks: string[] = [];
  for (const item of items) {
    const type = str(item['type']) ?? '';
    if (type.endsWith('_table')) {
      const block =
        str(item['markdown']) ?? tableText(item['table']) ?? str(item['text']) ?? str(item['original_text']);
      if (block) blocks.push(block);
    } else if (type.endsWith('_products')) {
      const lines = records(item['items']).flatMap((p) => productLine(p) ?? []);
      if (lines.length > 0) blocks.push(lines.join('\n'));
    } else if (type.endsWith('_navigation_list')) {
      const title = str(item['title']);
      if (title) blocks.push(title);
    } else if (!type.endsWith('_images') && !type.endsWith('_ad')) {
      const block = str(item['markdown']) ?? str(item['original_text']) ?? str(item['text']);
      if (block) blocks.push(block);
    }
  }
  return blocks.join('\n\n');
}

/** Product cards whose names the markdown does not show, flattened to lines a person reads. */
function missingProducts(text: string, items: Record<string, unknown>[]): string[] {
  const lower = text.toLowerCase();
  return items
    .filter((item) => (str(item['type']) ?? '').endsWith('_products'))
    .flatMap((item) => records(item['items']))
    .filter((p) => {
      const title = str(p['title']);
      return title !== null && !lower.includes(title.toLowerCase());
    })
    .flatMap((p) => productLine(p) ?? []);
}

function sourceOf(s: Record<string, unknown>): { url: string; title: string | null; snippet: string | null } | null {
  const url = str(s['url']);
  if (!url) return null;
  return { url, title: str(s['title']) ?? str(s['source_name']) ?? str(s['domain']), snippet: str(s['snippet']) };
}

/** The vendor's result object of a live/advanced or task_get/advanced body. */
function resultOf(body: Record<string, unknown>): Record<string, unknown> {
  const failure = dataForSeoFailure(body);
  if (failure) throw new Error(`DataForSEO task failed: ${failure.code} ${failure.message}`);
  const task = records(body['tasks'])[0] ?? {};
  const result = records(task['result'])[0];
  if (!result) throw new Error('the DataForSEO task holds no result');
  return result;
}

function costOf(body: unknown): number | null {
  if (!isRecord(body)) return null;
  if (typeof body['cost'] === 'number') return body['cost'];
  const task = records(body['tasks'])[0];
  return task && typeof task['cost'] === 'number' ? task['cost'] : null;
}

export function parseLlmScraper(raw: unknown): ParsedAnswer {
  const capture = isLlmScraperTaskCapture(raw) ? raw : null;
  const body = capture ? capture.result : raw;
  if (!isDataForSeoBody(body)) {
    throw new Error('not a DataForSEO LLM Scraper body (expected "status_code" and "tasks" with a result)');
  }
  const result = resultOf(body);
  const items = records(result['items']);
  const markdown = str(result['markdown']) ?? itemsText(items);
  const extra = missingProducts(markdown, items);
  const text = extra.length > 0 ? `${markdown.trimEnd()}\n\n${extra.join('\n')}` : markdown;

  // The answer's cited sources: the result's list, else its text blocks' lists, in order.
  const cited = records(result['sources']).length
    ? records(result['sources'])
    : items.filter((i) => (str(i['type']) ?? '').endsWith('_text')).flatMap((i) => records(i['sources']));
  const markers = markersOf(text);
  const used = new Set<number>();
  const citations: ProviderCitation[] = [];
  for (const source of dedupeBy(
    cited.flatMap((s) => sourceOf(s) ?? []),
    (s) => s.url,
  )) {
    const key = withoutTracking(source.url);
    const index = markers.findIndex((m, i) => !used.has(i) && (m.url === source.url || withoutTracking(m.url) === key));
    if (index >= 0) used.add(index);
    const marker = index >= 0 ? markers[index] : undefined;
    citations.push({
      url: source.url,
      title: source.title,
      start: marker?.start ?? null,
      end: marker?.end ?? null,
      citedText: source.snippet,
      origin: 'annotation',
    });
  }
  const sources: ProviderSource[] = dedupeBy(
    records(result['search_results']).flatMap((s) => {
      const url = str(s['url']);
      return url ? [{ url, title: str(s['title']) ?? str(s['domain']) }] : [];
    }),
    (s) => s.url,
  );
  const searchQueries = Array.isArray(result['fan_out_queries'])
    ? (result['fan_out_queries'] as unknown[]).flatMap((q) => (typeof q === 'string' && q.trim() !== '' ? [q] : []))
    : [];
  const notes: string[] = [];
  if (extra.length > 0) notes.push(`${extra.length} product card(s) not in the app's markdown were added as text`);
  const unplaced = citations.filter((c) => c.start === null).length;
  if (unplaced > 0) notes.push(`${unplaced} cited source(s) have no inline marker in the answer`);
  return {
    text,
    citations,
    sources,
    searchQueries,
    usage: { ...ZERO_USAGE },
    finish: 'stop',
    modelVersion: str(result['model']),
    providerCostUsd: costOf(capture ? capture.posted : body),
    ...(notes.length > 0 ? { notes } : {}),
  };
}
