/**
 * Parser for Anthropic Messages bodies. The answer is every text block in order; thinking blocks
 * are skipped. Citations come attached to the text block they support, without offsets, so each
 * one spans its whole block in the concatenated text. Search failures arrive inside a 200 as a
 * web_search_tool_result_error and are kept as notes.
 */
import { ZERO_USAGE, dedupeBy, isRecord, num, records, str } from './text.js';
import type { FinishReason, ParsedAnswer, ProviderCitation, ProviderSource } from './types.js';

export function isMessagesBody(body: unknown): body is Record<string, unknown> {
  return isRecord(body) && body['type'] === 'message' && Array.isArray(body['content']);
}

const FINISH: Record<string, FinishReason> = {
  end_turn: 'stop',
  stop_sequence: 'stop',
  max_tokens: 'length',
  model_context_window_exceeded: 'length',
  refusal: 'refusal',
  // A long server-tool turn paused before the answer was complete.
  pause_turn: 'incomplete',
  tool_use: 'incomplete',
};

export function parseMessagesBody(body: Record<string, unknown>): ParsedAnswer {
  let text = '';
  const citations: ProviderCitation[] = [];
  const sources: ProviderSource[] = [];
  const searchQueries: string[] = [];
  const notes: string[] = [];

  for (const block of records(body['content'])) {
    switch (block['type']) {
      case 'text': {
        const blockText = str(block['text']) ?? '';
        const start = text.length;
        text += blockText;
        for (const c of records(block['citations'])) {
          const url = str(c['url']);
          if (!url) continue;
          citations.push({
            url,
            title: str(c['title']),
            start,
            end: text.length,
            citedText: str(c['cited_text']),
            origin: 'annotation',
          });
        }
        break;
      }
      case 'server_tool_use': {
        const input = isRecord(block['input']) ? block['input'] : {};
        if (block['name'] === 'web_search' && str(input['query'])) searchQueries.push(input['query'] as string);
        break;
      }
      case 'web_search_tool_result': {
        const content = block['content'];
        if (Array.isArray(content)) {
          for (const r of records(content))
            if (str(r['url'])) sources.push({ url: r['url'] as string, title: str(r['title']) });
        } else if (isRecord(content) && content['type'] === 'web_search_tool_result_error') {
          notes.push(`web search failed: ${str(content['error_code']) ?? 'unknown error'}`);
        }
        break;
      }
      default:
        // thinking, redacted_thinking and other tools' blocks are not part of the answer.
        break;
    }
  }

  const usage = isRecord(body['usage']) ? body['usage'] : {};
  const serverTools = isRecord(usage['server_tool_use']) ? usage['server_tool_use'] : {};
  const outDetails = isRecord(usage['output_tokens_details']) ? usage['output_tokens_details'] : {};
  const cacheRead = num(usage['cache_read_input_tokens']);
  const stop = str(body['stop_reason']);
  if (stop === 'pause_turn')
    notes.push('pause_turn: the provider paused a long server-tool turn; the answer is partial');
  return {
    text,
    citations,
    sources: dedupeBy(sources, (s) => s.url),
    searchQueries,
    usage: {
      ...ZERO_USAGE,
      // Anthropic's input_tokens excludes cache reads and writes; Citewatch counts all input.
      inputTokens: num(usage['input_tokens']) + num(usage['cache_creation_input_tokens']) + cacheRead,
      outputTokens: num(usage['output_tokens']),
      reasoningTokens: num(outDetails['thinking_tokens']),
      cachedInputTokens: cacheRead,
      searchCalls: num(serverTools['web_search_requests']),
    },
    finish: stop === null ? 'stop' : (FINISH[stop] ?? 'incomplete'),
    modelVersion: str(body['model']),
    providerCostUsd: null,
    ...(notes.length > 0 ? { notes } : {}),
  };
}
