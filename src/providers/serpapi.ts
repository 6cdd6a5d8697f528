/**
 * SerpApi captures of Google AI Overviews (engine=google, then engine=google_ai_overview with
 * the page_token when the overview loads asynchronously; the token is short-lived, so the second
 * call follows at once) and of AI Mode (engine=google_ai_mode). text_blocks become the answer
 * text; each block's reference_indexes become citations spanning that block.
 */
import { ZERO_USAGE, dedupeBy, isRecord, records, str } from './text.js';
import type { ParsedAnswer, ProviderCitation, ProviderSource } from './types.js';

/** Stored `raw` when the overview needed a second call: both pages, in order. */
export interface SerpApiCapture {
  object: 'citewatch.serp_capture';
  vendor: 'serpapi';
  pages: unknown[];
}

export function isSerpApiCapture(raw: unknown): raw is SerpApiCapture {
  return (
    isRecord(raw) &&
    raw['object'] === 'citewatch.serp_capture' &&
    raw['vendor'] === 'serpapi' &&
    Array.isArray(raw['pages'])
  );
}

export function isSerpApiBody(raw: unknown): raw is Record<string, unknown> {
  return (
    isRecord(raw) &&
    (isRecord(raw['search_metadata']) || isRecord(raw['ai_overview']) || Array.isArray(raw['text_blocks']))
  );
}

/** The blocks and references of a page: inside ai_overview (engine=google*) or top-level (AI Mode). */
export function overviewOf(body: Record<string, unknown>): {
  blocks: Record<string, unknown>[];
  references: Record<string, unknown>[];
  pageToken: string | null;
} {
  const holder = isRecord(body['ai_overview']) ? body['ai_overview'] : body;
  return {
    blocks: records(holder['text_blocks']),
    references: records(holder['references']),
    pageToken: str(holder['page_token']),
  };
}

interface Piece {
  text: string;
  refs: number[];
}

function refsOf(block: Record<string, unknown>): number[] {
  return (Array.isArray(block['reference_indexes']) ? block['reference_indexes'] : []).filter(
    (i): i is number => typeof i === 'number',
  );
}

/** Renders blocks as plain markdown-ish text, one piece per citable unit. */
function render(blocks: Record<string, unknown>[], pieces: Piece[]): void {
  for (const block of blocks) {
    const snippet = str(block['snippet']) ?? '';
    switch (block['type']) {
      case 'heading':
        pieces.push({ text: `## ${snippet}`, refs: refsOf(block) });
        break;
      case 'list':
        for (const item of records(block['list'])) {
          const title = str(item['title']);
          const itemText = [title, str(item['snippet'])].filter(Boolean).join(' ');
          pieces.push({ text: `- ${itemText}`, refs: refsOf(item) });
          if (Array.isArray(item['text_blocks'])) render(records(item['text_blocks']), pieces);
        }
        break;
      case 'expandable':
        if (str(block['title'])) pieces.push({ text: block['title'] as string, refs: refsOf(block) });
        render(records(block['text_blocks']), pieces);
        break;
      case 'table': {
        const rows = (Array.isArray(block['table']) ? block['table'] : []).filter(Array.isArray);
        const lines = rows.map((row) => `| ${row.map(String).join(' | ')} |`);
        if (lines.length > 0) pieces.push({ text: lines.join('\n'), refs: refsOf(block) });
        break;
      }
      case 'comparison': {
        const lines = records(block['comparison']).map((row) => {
          const values = Array.isArray(row['values']) ? row['values'].map(String) : [];
          return `| ${[str(row['feature']) ?? '', ...values].join(' | ')} |`;
        });
        if (lines.length > 0) pieces.push({ text: lines.join('\n'), refs: refsOf(block) });
        break;
      }
      default:
        if (snippet) pieces.push({ text: snippet, refs: refsOf(block) });
    }
  }
}

export function parseSerpApiPage(body: Record<string, unknown>, calls: number): ParsedAnswer {
  const { blocks, references } = overviewOf(body);
  const base: ParsedAnswer = {
    text: '',
    citations: [],
    sources: [],
    searchQueries: [],
    usage: { ...ZERO_USAGE, searchCalls: calls },
    finish: 'absent',
    modelVersion: null,
    providerCostUsd: null,
  };
  if (blocks.length === 0)
    return str(body['error']) ? { ...base, notes: [`SerpApi: ${body['error'] as string}`] } : base;

  const pieces: Piece[] = [];
  render(blocks, pieces);
  const byIndex = new Map(references.map((r, i) => [typeof r['index'] === 'number' ? r['index'] : i, r]));
  let text = '';
  const citations: ProviderCitation[] = [];
  for (const piece of pieces) {
    if (piece.text !== '' && text !== '') text += '\n';
    const start = text.length;
    text += piece.text;
    for (const index of piece.refs) {
      const ref = byIndex.get(index);
      const url = ref ? str(ref['link']) : null;
      if (!ref || !url) continue;
      citations.push({
        url,
        title: str(ref['title']),
        start,
        end: text.length,
        citedText: str(ref['snippet']),
        origin: 'reference',
      });
    }
  }
  const sources: ProviderSource[] = references.flatMap((r) =>
    str(r['link']) ? [{ url: r['link'] as string, title: str(r['title']) }] : [],
  );
  return { ...base, text, citations, sources: dedupeBy(sources, (s) => s.url), finish: 'stop' };
}

/** Parses a single SerpApi page or a two-page capture. */
export function parseSerpApi(raw: unknown): ParsedAnswer {
  if (isSerpApiCapture(raw)) {
    const pages = raw.pages.filter(isRecord);
    const last = pages[pages.length - 1];
    if (!last) throw new Error('empty SerpApi capture');
    return parseSerpApiPage(last, pages.length);
  }
  if (!isSerpApiBody(raw))
    throw new Error('not a SerpApi body (expected "search_metadata", "ai_overview" or "text_blocks")');
  return parseSerpApiPage(raw, 1);
}
