/**
 * Google Gemini through @google/genai (generateContent), with Google Search grounding on or
 * off. The SDK retries nothing unless told to and has no default timeout; Citewatch passes
 * neither retry options nor relies on its timeout alone (withDeadline bounds the whole call).
 */
import { ApiError, GoogleGenAI, ThinkingLevel, type GenerateContentConfig } from '@google/genai';
import { z } from 'zod';
import { buildAnswer, effectiveParams, parseOrFail } from './adapter-kit.js';
import { capturingFetch, elapsedMs, mapCommonError, parseJsonBody, unexpectedError, withDeadline } from './call.js';
import { estimateCallCost } from './cost.js';
import { requireApiKey } from './credentials.js';
import { classifyHttpFailure, timeoutError } from './errors.js';
import { isGenerateContentBody, parseGenerateContentBody } from './gemini-parse.js';
import { parseProtoDuration } from './retry-after.js';
import { isRecord, records, str } from './text.js';
import type { ParsedAnswer, ProviderAdapter, ProviderError, ReasoningEffort } from './types.js';
import { systemTextOf } from './targeting.js';
import { commonParamsShape, validateParams } from './validation.js';
import { providerSettings } from './settings.js';

export const geminiParamsSchema = z.object({ ...commonParamsShape }).strict();
export type GeminiParams = z.infer<typeof geminiParamsSchema>;

const LEVEL: Partial<Record<ReasoningEffort, ThinkingLevel>> = {
  minimal: ThinkingLevel.MINIMAL,
  low: ThinkingLevel.LOW,
  medium: ThinkingLevel.MEDIUM,
  high: ThinkingLevel.HIGH,
};

export function geminiConfig(p: GeminiParams): GenerateContentConfig {
  const config: GenerateContentConfig = {};
  const system = systemTextOf(p);
  if (system !== undefined) config.systemInstruction = system;
  if (p.temperature !== undefined) config.temperature = p.temperature;
  if (p.topP !== undefined) config.topP = p.topP;
  if (p.seed !== undefined) config.seed = p.seed;
  if (p.maxOutputTokens !== undefined) config.maxOutputTokens = p.maxOutputTokens;
  const level = p.reasoningEffort ? LEVEL[p.reasoningEffort] : undefined;
  if (level) config.thinkingConfig = { thinkingLevel: level };
  if (p.webSearch) config.tools = [{ googleSearch: {} }];
  return config;
}

/** Gemini errors carry the JSON body as their message and no headers; the captured response has both. */
function fromGeminiError(err: unknown, last: Response | null, timeoutMs: number): ProviderError {
  if (err instanceof DOMException && err.name === 'AbortError') return timeoutError('gemini', timeoutMs);
  if (!(err instanceof ApiError)) return mapCommonError('gemini', err) ?? unexpectedError('gemini', err);
  let error: Record<string, unknown> = {};
  try {
    const body: unknown = JSON.parse(err.message);
    if (isRecord(body) && isRecord(body['error'])) error = body['error'];
  } catch {
    // Not JSON (a proxy's HTML page): the status alone decides.
  }
  const details = records(error['details']);
  const retryInfo = details.find((d) => d['@type'] === 'type.googleapis.com/google.rpc.RetryInfo');
  const delay = retryInfo ? parseProtoDuration(str(retryInfo['retryDelay']) ?? '') : null;
  // A per-day quota will not clear within seconds whatever RetryInfo says.
  const daily = details
    .filter((d) => d['@type'] === 'type.googleapis.com/google.rpc.QuotaFailure')
    .flatMap((d) => records(d['violations']))
    .some((v) => /PerDay/.test(str(v['quotaId']) ?? ''));
  return classifyHttpFailure('gemini', {
    status: err.status,
    headers: last?.headers ?? null,
    code: daily ? 'daily_quota_exhausted' : str(error['status']),
    message: str(error['message']) ?? err.message,
    retryAfterMs: delay,
    quotaExhausted: daily,
  });
}

export function parseGeminiBody(raw: unknown): ParsedAnswer {
  if (!isGenerateContentBody(raw))
    throw new Error('not a Gemini generateContent body (expected "candidates" or "promptFeedback")');
  return parseGenerateContentBody(raw);
}

export const geminiAdapter: ProviderAdapter = {
  name: 'gemini',
  channel: 'api',
  setup: providerSettings.gemini,
  paramsSchema: geminiParamsSchema,
  unsupportedParams: {
    userLocation: 'Google Search grounding in the Gemini API takes no location',
    locale: "generateContent has no locale parameter; the prompt's language drives the answer",
  },

  validateConfig(model, params) {
    return validateParams('gemini', model, geminiParamsSchema, params, {
      unsupported: geminiAdapter.unsupportedParams,
      check: (p) =>
        p.reasoningEffort && !LEVEL[p.reasoningEffort]
          ? [
              {
                param: 'reasoningEffort',
                message: `Gemini thinking levels are minimal, low, medium and high, not "${p.reasoningEffort}"`,
              },
            ]
          : [],
    });
  },

  async query(input, ctx) {
    const params = effectiveParams<GeminiParams>(geminiAdapter, input);
    const capture = capturingFetch(ctx.fetch ?? globalThis.fetch);
    // vertexai and baseUrl are explicit so the SDK reads nothing from process.env.
    const ai = new GoogleGenAI({
      apiKey: requireApiKey('gemini', ctx.credentials, geminiAdapter.setup.keyVariable),
      vertexai: false,
      httpOptions: {
        baseUrl: ctx.credentials.baseUrl ?? 'https://generativelanguage.googleapis.com/',
        timeout: ctx.timeoutMs,
        fetch: capture.fetch,
      },
    });
    const config = geminiConfig(params);
    const at = new Date();
    const started = performance.now();
    const raw = await withDeadline(
      'gemini',
      ctx,
      async (signal) => {
        await ai.models.generateContent({
          model: input.model,
          contents: input.prompt,
          config: { ...config, abortSignal: signal },
        });
        const last = capture.last();
        return parseJsonBody('gemini', last ? await last.text() : '', null);
      },
      (err) => fromGeminiError(err, capture.last(), ctx.timeoutMs),
    );
    const requestId = isRecord(raw) ? str(raw['responseId']) : null;
    return buildAnswer({
      provider: 'gemini',
      api: 'generate_content',
      channel: 'api',
      model: input.model,
      parsed: parseOrFail('gemini', parseGeminiBody, raw, requestId),
      requestId,
      latencyMs: elapsedMs(started),
      // The body as the SDK put it on the wire (generationConfig, googleSearch), not our config object.
      requestParams: {
        model: input.model,
        ...(isRecord(capture.lastRequest()) ? (capture.lastRequest() as Record<string, unknown>) : config),
      },
      raw,
      at,
    });
  },

  parse: parseGeminiBody,

  estimateCost(input) {
    const p = input.params;
    return estimateCallCost('gemini', input.model, {
      inputTokens: input.inputTokens,
      outputTokens: input.outputTokens,
      systemPrompt: systemTextOf(p),
      maxOutputTokens: p.maxOutputTokens,
      // A grounded answer typically runs two queries (webSearchQueries); each is billed.
      searchCalls: p.webSearch ? 2 : 0,
      searchContext: true,
    });
  },
};
