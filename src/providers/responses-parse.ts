/**
 * Parser for bodies in the Responses format: OpenAI's Responses API, Perplexity's Agent API
 * (which adds search_results and fetch_url_results items and a reported cost), and compatible
 * servers such as xAI (which adds a top-level `citations` list).
 */
import {
  ZERO_USAGE,
  citationMarkers,
  dedupeBy,
  isRecord,
  num,
  records,
  resolveCharSpan,
  str,
  stripThinking,
} from './text.js';
import type { FinishReason, ParsedAnswer, ProviderCitation, ProviderSource } from './types.js';

export function isResponsesBody(body: unknown): body is Record<string, unknown> {
  return (
    isRecord(body) && Array.isArray(body['output']) && (body['object'] === 'response' || body['object'] === undefined)
  );
}

function finishOf(body: Record<string, unknown>, refused: boolean): FinishReason {
  if (refused) return 'refusal';
  const status = str(body['status']);
  if (status === null || status === 'completed') return 'stop';
  if (status === 'incomplete') {
    const reason = isRecord(body['incomplete_details']) ? str(body['incomplete_details']['reason']) : null;
    if (reason === 'max_output_tokens') return 'length';
    if (reason === 'content_filter') return 'content_filter';
  }
  return 'incomplete';
}

/** Perplexity reports the cost as an object, OpenRouter as a number. */
export function reportedCost(usage: Record<string, unknown>): number | null {
  const cost = usage['cost'];
  if (typeof cost === 'number' && Number.isFinite(cost)) return cost;
  if (isRecord(cost) && typeof cost['total_cost'] === 'number') return cost['total_cost'];
  return null;
}

export function parseResponsesBody(body: Record<string, unknown>): ParsedAnswer {
  const output = records(body['output']);
  const messages = output.filter((item) => item['type'] === 'message');
  // Newer models label intermediate messages as commentary; only the final answer counts.
  const finals = messages.filter((m) => m['phase'] === 'final_answer');
  const chosen = finals.length > 0 ? finals : messages.filter((m) => m['phase'] !== 'commentary');
  const notes: string[] = [];
  const citations: ProviderCitation[] = [];
  const refusals: string[] = [];
  let text = '';

  for (const message of chosen) {
    for (const part of records(message['content'])) {
      if (part['type'] === 'refusal') {
        refusals.push(str(part['refusal']) ?? '');
        continue;
      }
      if (part['type'] !== 'output_text') continue;
      const partText = str(part['text']) ?? '';
      const stripped = stripThinking(partText);
      const offset = text.length;
      for (const ann of records(part['annotations'])) {
        const url = str(ann['url']);
        if (!url || (ann['type'] !== undefined && ann['type'] !== 'url_citation')) continue;
        const title = str(ann['title']);
        const s = ann['start_index'];
        const e = ann['end_index'];
        let span: { start: number; end: number } | null = null;
        if (typeof s === 'number' && typeof e === 'number') {
          span = resolveCharSpan(partText, s, e, url);
          if (!span) notes.push(`citation ${url}: span ${s}-${e} lies outside the answer text; offsets dropped`);
        }
        citations.push({
          url,
          title,
          start: span ? offset + stripped.map(span.start) : null,
          end: span ? offset + stripped.map(span.end) : null,
          citedText: null,
          origin: 'annotation',
        });
      }
      text += stripped.text;
    }
  }
  const refused = text === '' && refusals.length > 0;
  if (refused) text = refusals.join('\n');

  const sources: ProviderSource[] = [];
  const searchQueries: string[] = [];
  const resultsById = new Map<number, ProviderSource>();
  let webSearchCalls = 0;
  for (const item of output) {
    if (item['type'] === 'web_search_call') {
      webSearchCalls++;
      const action = isRecord(item['action']) ? item['action'] : {};
      const queries = Array.isArray(action['queries']) ? action['queries'] : [action['query']];
      for (const q of queries) if (typeof q === 'string' && q !== '') searchQueries.push(q);
      for (const s of records(action['sources']))
        if (str(s['url'])) sources.push({ url: s['url'] as string, title: null });
      if (action['type'] === 'open_page' && str(action['url']))
        sources.push({ url: action['url'] as string, title: null });
    } else if (item['type'] === 'search_results') {
      for (const q of Array.isArray(item['queries']) ? item['queries'] : [])
        if (typeof q === 'string') searchQueries.push(q);
      for (const r of records(item['results'])) {
        const url = str(r['url']);
        if (!url) continue;
        const source = { url, title: str(r['title']) };
        sources.push(source);
        if (typeof r['id'] === 'number') resultsById.set(r['id'], source);
      }
    } else if (item['type'] === 'fetch_url_results') {
      for (const c of records(item['contents']))
        if (str(c['url'])) sources.push({ url: c['url'] as string, title: str(c['title']) });
    }
  }
  for (const url of Array.isArray(body['citations']) ? body['citations'] : []) {
    if (typeof url === 'string') sources.push({ url, title: null });
  }

  // Perplexity writes [n] markers; without annotations, map them to search result ids.
  if (citations.length === 0 && resultsById.size > 0) {
    const markers = citationMarkers(text);
    for (const m of markers) {
      const source = resultsById.get(m.n);
      if (source) citations.push({ ...source, start: m.start, end: m.end, citedText: null, origin: 'annotation' });
      else notes.push(`marker [${m.n}] matches no search result id`);
    }
    if (markers.length > 0)
      notes.push('citations read from [n] markers mapped to search result ids (mapping unconfirmed by the provider)');
  }

  const usage = isRecord(body['usage']) ? body['usage'] : {};
  const inDetails = isRecord(usage['input_tokens_details']) ? usage['input_tokens_details'] : {};
  const outDetails = isRecord(usage['output_tokens_details']) ? usage['output_tokens_details'] : {};
  const toolCalls = isRecord(usage['tool_calls_details']) ? usage['tool_calls_details'] : {};
  const reportedSearches = isRecord(toolCalls['web_search']) ? num(toolCalls['web_search']['invocation']) : 0;
  return {
    text,
    citations,
    sources: dedupeBy(sources, (s) => s.url),
    searchQueries: [...new Set(searchQueries)],
    usage: {
      ...ZERO_USAGE,
      inputTokens: num(usage['input_tokens']),
      outputTokens: num(usage['output_tokens']),
      reasoningTokens: num(outDetails['reasoning_tokens']),
      cachedInputTokens: num(inDetails['cached_tokens']) || num(inDetails['cache_read_input_tokens']),
      searchCalls: webSearchCalls || reportedSearches,
    },
    finish: finishOf(body, refused),
    modelVersion: str(body['model']),
    providerCostUsd: reportedCost(usage),
    ...(notes.length > 0 ? { notes } : {}),
  };
}
