/**
 * Parser for Chat Completions bodies: OpenAI (search-preview models with nested url_citation
 * annotations), Perplexity's legacy Sonar shape (top-level `citations` and `search_results`,
 * `[n]` markers), OpenRouter (annotations on every model, reported cost), DeepSeek
 * (`reasoning_content`, cache hit counts), xAI, Mistral and Ollama.
 */
import { reportedCost } from './responses-parse.js';
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

export function isChatBody(body: unknown): body is Record<string, unknown> {
  return isRecord(body) && Array.isArray(body['choices']);
}

/** Legacy Sonar bodies carry a top-level list of cited URLs next to the choices. */
export function isSonarBody(body: unknown): body is Record<string, unknown> {
  return isChatBody(body) && (Array.isArray(body['citations']) || Array.isArray(body['search_results']));
}

function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  // Some compatible servers return content parts instead of a string.
  return records(content)
    .filter((p) => p['type'] === 'text')
    .map((p) => str(p['text']) ?? '')
    .join('');
}

const FINISH: Record<string, FinishReason> = {
  stop: 'stop',
  length: 'length',
  content_filter: 'content_filter',
  tool_calls: 'incomplete',
  function_call: 'incomplete',
};

export function parseChatBody(body: Record<string, unknown>): ParsedAnswer {
  const choice = records(body['choices'])[0] ?? {};
  const message = isRecord(choice['message']) ? choice['message'] : {};
  const raw = contentText(message['content']);
  const refusal = str(message['refusal']);
  const stripped = stripThinking(raw);
  const notes: string[] = [];
  const citations: ProviderCitation[] = [];

  for (const ann of records(message['annotations'])) {
    const inner = isRecord(ann['url_citation']) ? ann['url_citation'] : ann;
    const url = str(inner['url']);
    if (!url) continue;
    const s = inner['start_index'];
    const e = inner['end_index'];
    let span: { start: number; end: number } | null = null;
    if (typeof s === 'number' && typeof e === 'number') {
      span = resolveCharSpan(raw, s, e, url);
      if (!span) notes.push(`citation ${url}: span ${s}-${e} lies outside the answer text; offsets dropped`);
    }
    citations.push({
      url,
      title: str(inner['title']),
      start: span ? stripped.map(span.start) : null,
      end: span ? stripped.map(span.end) : null,
      citedText: str(inner['content']),
      origin: 'annotation',
    });
  }

  const results = records(body['search_results']);
  const titleOf = new Map(results.map((r) => [str(r['url']) ?? '', str(r['title'])]));
  const cited = (Array.isArray(body['citations']) ? body['citations'] : []).filter(
    (c): c is string => typeof c === 'string',
  );
  if (citations.length === 0 && cited.length > 0) {
    // [1] refers to citations[0]; search_results is joined on URL, not position.
    for (const m of citationMarkers(stripped.text)) {
      const url = cited[m.n - 1];
      if (url === undefined) {
        notes.push(`marker [${m.n}] has no matching citation (${cited.length} citations)`);
        continue;
      }
      citations.push({
        url,
        title: titleOf.get(url) ?? null,
        start: m.start,
        end: m.end,
        citedText: null,
        origin: 'annotation',
      });
    }
  }

  const sources: ProviderSource[] = [
    ...results.flatMap((r) => (str(r['url']) ? [{ url: r['url'] as string, title: str(r['title']) }] : [])),
    ...cited.map((url) => ({ url, title: titleOf.get(url) ?? null })),
  ];

  const usage = isRecord(body['usage']) ? body['usage'] : {};
  const promptDetails = isRecord(usage['prompt_tokens_details']) ? usage['prompt_tokens_details'] : {};
  const completionDetails = isRecord(usage['completion_tokens_details']) ? usage['completion_tokens_details'] : {};
  const model = str(body['model']);
  const refused = stripped.text === '' && refusal !== null;
  const finishReason = str(choice['finish_reason']);
  const searchModel = model !== null && /search/.test(model) && !/^sonar/.test(model);
  return {
    text: refused ? (refusal as string) : stripped.text,
    citations,
    sources: dedupeBy(sources, (s) => s.url),
    searchQueries: [],
    usage: {
      ...ZERO_USAGE,
      inputTokens: num(usage['prompt_tokens']),
      outputTokens: num(usage['completion_tokens']),
      reasoningTokens: num(completionDetails['reasoning_tokens']) || num(usage['reasoning_tokens']),
      cachedInputTokens: num(promptDetails['cached_tokens']) || num(usage['prompt_cache_hit_tokens']),
      // Sonar reports its searches; OpenAI's search-preview models search once per request.
      searchCalls: num(usage['num_search_queries']) || (searchModel ? 1 : 0),
    },
    finish: refused ? 'refusal' : finishReason === null ? 'stop' : (FINISH[finishReason] ?? 'incomplete'),
    modelVersion: model,
    providerCostUsd: reportedCost(usage),
    ...(notes.length > 0 ? { notes } : {}),
  };
}
