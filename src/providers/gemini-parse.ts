/**
 * Parser for Gemini generateContent bodies (raw REST JSON, camelCase).
 * - Answer: the non-thought text parts of the first candidate, joined.
 * - Grounding supports give UTF-8 byte offsets within one part (partIndex); they become UTF-16
 *   indices into the joined text. A missing startIndex means 0 (proto3 omits defaults).
 * - Chunk URIs are opaque vertexaisearch redirects; when the chunk title is a bare host name
 *   (the usual case) the URL becomes https://<title>/ and the redirect is kept in providerUrl.
 */
import { ZERO_USAGE, dedupeBy, isRecord, looksLikeHost, num, records, str, utf8ByteToUtf16 } from './text.js';
import type { FinishReason, ParsedAnswer, ProviderCitation, ProviderSource } from './types.js';

export function isGenerateContentBody(body: unknown): body is Record<string, unknown> {
  return (
    isRecord(body) &&
    (Array.isArray(body['candidates']) || isRecord(body['promptFeedback']) || isRecord(body['usageMetadata']))
  );
}

const FINISH: Record<string, FinishReason> = {
  STOP: 'stop',
  MAX_TOKENS: 'length',
  SAFETY: 'content_filter',
  RECITATION: 'content_filter',
  BLOCKLIST: 'content_filter',
  PROHIBITED_CONTENT: 'content_filter',
  SPII: 'content_filter',
  IMAGE_SAFETY: 'content_filter',
};

const REDIRECT_HOST = 'vertexaisearch.cloud.google.com';

export function resolveGroundingUrl(uri: string, title: string | null): { url: string; providerUrl?: string } {
  let host: string | null = null;
  try {
    host = new URL(uri).host;
  } catch {
    return { url: uri };
  }
  if (host === REDIRECT_HOST && title && looksLikeHost(title)) {
    return { url: `https://${title.trim().toLowerCase()}/`, providerUrl: uri };
  }
  return { url: uri };
}

export function parseGenerateContentBody(body: Record<string, unknown>): ParsedAnswer {
  const candidate = records(body['candidates'])[0];
  const notes: string[] = [];
  const usage = isRecord(body['usageMetadata']) ? body['usageMetadata'] : {};
  const thoughts = num(usage['thoughtsTokenCount']);
  const parsedUsage = {
    ...ZERO_USAGE,
    // Search results fed back to the model (toolUsePromptTokenCount) are billed as input.
    inputTokens: num(usage['promptTokenCount']) + num(usage['toolUsePromptTokenCount']),
    // Gemini bills thinking as output; candidatesTokenCount excludes it.
    outputTokens: num(usage['candidatesTokenCount']) + thoughts,
    reasoningTokens: thoughts,
    cachedInputTokens: num(usage['cachedContentTokenCount']),
  };
  const modelVersion = str(body['modelVersion']);

  if (!candidate) {
    const feedback = isRecord(body['promptFeedback']) ? body['promptFeedback'] : {};
    const reason = str(feedback['blockReason']);
    if (reason) notes.push(`prompt blocked: ${reason}`);
    return {
      text: '',
      citations: [],
      sources: [],
      searchQueries: [],
      usage: parsedUsage,
      finish: reason ? 'content_filter' : 'incomplete',
      modelVersion,
      providerCostUsd: null,
      ...(notes.length > 0 ? { notes } : {}),
    };
  }

  const content = isRecord(candidate['content']) ? candidate['content'] : {};
  const parts = Array.isArray(content['parts']) ? (content['parts'] as unknown[]) : [];
  // Where each part starts in the joined text; thought and non-text parts contribute nothing.
  const partStart = new Map<number, { start: number; text: string }>();
  let text = '';
  parts.forEach((part, index) => {
    if (!isRecord(part) || part['thought'] === true || typeof part['text'] !== 'string') return;
    partStart.set(index, { start: text.length, text: part['text'] });
    text += part['text'];
  });

  const grounding = isRecord(candidate['groundingMetadata']) ? candidate['groundingMetadata'] : {};
  const chunks = records(grounding['groundingChunks']).map((chunk) => {
    const web = isRecord(chunk['web'])
      ? chunk['web']
      : isRecord(chunk['retrievedContext'])
        ? chunk['retrievedContext']
        : {};
    const uri = str(web['uri']);
    const title = str(web['title']);
    return uri ? { ...resolveGroundingUrl(uri, title), title } : null;
  });
  const sources: ProviderSource[] = chunks.flatMap((c) => (c ? [c] : []));

  const citations: ProviderCitation[] = [];
  for (const support of records(grounding['groundingSupports'])) {
    const segment = isRecord(support['segment']) ? support['segment'] : {};
    const part = partStart.get(num(segment['partIndex']));
    const segmentText = str(segment['text']);
    let start: number | null = null;
    let end: number | null = null;
    if (part) {
      const s = utf8ByteToUtf16(part.text, num(segment['startIndex']));
      const e = utf8ByteToUtf16(part.text, num(segment['endIndex']));
      if (s !== null && e !== null && s <= e) {
        start = part.start + s;
        end = part.start + e;
      }
    }
    if (start === null && segmentText) {
      const found = text.indexOf(segmentText);
      if (found >= 0) {
        start = found;
        end = found + segmentText.length;
      }
    }
    if (start === null)
      notes.push(`grounding segment "${(segmentText ?? '').slice(0, 40)}" not found in the answer; offsets dropped`);
    const indices = Array.isArray(support['groundingChunkIndices']) ? support['groundingChunkIndices'] : [];
    for (const i of indices) {
      const chunk = typeof i === 'number' ? chunks[i] : undefined;
      if (!chunk) continue;
      citations.push({ ...chunk, start, end, citedText: segmentText, origin: 'grounding' });
    }
  }

  const queries = (Array.isArray(grounding['webSearchQueries']) ? grounding['webSearchQueries'] : []).filter(
    (q): q is string => typeof q === 'string',
  );
  const reason = str(candidate['finishReason']);
  return {
    text,
    citations,
    sources: dedupeBy(sources, (s) => s.url),
    searchQueries: queries,
    // Grounding is billed per executed query; webSearchQueries is the best count the body gives.
    usage: { ...parsedUsage, searchCalls: queries.length },
    finish: reason === null ? 'stop' : (FINISH[reason] ?? 'incomplete'),
    modelVersion,
    providerCostUsd: null,
    ...(notes.length > 0 ? { notes } : {}),
  };
}
