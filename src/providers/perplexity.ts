/**
 * Perplexity's Agent API (POST /v1/responses, the Responses format), reached with the openai
 * SDK pointed at api.perplexity.ai. The model is either a preset ("fast-search", "pro-search":
 * not versioned, may change model) or a pinned "vendor/model" id (a frozen configuration).
 * Legacy Sonar Chat Completions bodies (retired 2026-09-27) are still parsed for stored data.
 */
import type OpenAI from 'openai';
import { z } from 'zod';
import { buildAnswer, effectiveParams, parseOrFail } from './adapter-kit.js';
import { elapsedMs } from './call.js';
import { isSonarBody, parseChatBody } from './chat-parse.js';
import { estimateCallCost } from './cost.js';
import { requireApiKey } from './credentials.js';
import { failedResponseError, openaiClient, sendOpenAIRequest } from './openai.js';
import { isResponsesBody, parseResponsesBody } from './responses-parse.js';
import { isRecord, str } from './text.js';
import type { ModelParams, ParamProblem, ParsedAnswer, ProviderAdapter } from './types.js';
import { systemTextOf } from './targeting.js';
import { commonParamsShape, validateParams } from './validation.js';
import { providerSettings } from './settings.js';

export const PERPLEXITY_BASE_URL = 'https://api.perplexity.ai/v1';

export const perplexityParamsSchema = z.object({ ...commonParamsShape, webSearch: z.boolean().default(true) }).strict();
export type PerplexityParams = z.infer<typeof perplexityParamsSchema>;

export function isPreset(model: string): boolean {
  return !model.includes('/');
}

/** The Agent request: Perplexity's fields on top of the Responses format (preset, language_preference). */
export function perplexityBody(model: string, prompt: string, p: ModelParams): Record<string, unknown> {
  const body: Record<string, unknown> = { input: prompt };
  if (isPreset(model)) body['preset'] = model;
  else body['model'] = model;
  const system = systemTextOf(p);
  if (system !== undefined) body['instructions'] = system;
  if (p.temperature !== undefined) body['temperature'] = p.temperature;
  if (p.topP !== undefined) body['top_p'] = p.topP;
  if (p.maxOutputTokens !== undefined) body['max_output_tokens'] = p.maxOutputTokens;
  if (p.reasoningEffort !== undefined) body['reasoning'] = { effort: p.reasoningEffort };
  // Perplexity's SDK types this as a free string; the language subtag ("fr") is sent. [unverified format]
  if (p.locale !== undefined) body['language_preference'] = p.locale.split('-')[0];
  if (p.webSearch && !isPreset(model)) {
    const loc = p.userLocation;
    const where = loc
      ? Object.fromEntries(
          Object.entries({ country: loc.country, region: loc.region, city: loc.city }).filter(([, v]) => v),
        )
      : null;
    body['tools'] = [{ type: 'web_search', ...(where ? { user_location: where } : {}) }];
  }
  return body;
}

export function parsePerplexityBody(raw: unknown): ParsedAnswer {
  if (isResponsesBody(raw)) return parseResponsesBody(raw);
  if (isSonarBody(raw)) return parseChatBody(raw);
  throw new Error(
    'not a Perplexity body (expected an Agent API response with "output" or a legacy Sonar completion with "choices")',
  );
}

export const perplexityAdapter: ProviderAdapter = {
  name: 'perplexity',
  channel: 'api',
  setup: providerSettings.perplexity,
  paramsSchema: perplexityParamsSchema,
  unsupportedParams: { seed: 'the Agent API has no seed' },

  validateConfig(model, params) {
    if (/^sonar/.test(model)) {
      return validateParams('perplexity', model, perplexityParamsSchema, params, {
        check: () => [
          {
            param: 'model',
            message:
              'Sonar Chat Completions were retired on 2026-09-27; use a preset (e.g. "pro-search") or a pinned model (e.g. "openai/gpt-5.4"). Stored Sonar answers still parse.',
          },
        ],
      });
    }
    return validateParams('perplexity', model, perplexityParamsSchema, params, {
      unsupported: perplexityAdapter.unsupportedParams,
      check: (p) => {
        const problems: ParamProblem[] = [];
        if (p.reasoningEffort === 'max')
          problems.push({ param: 'reasoningEffort', message: 'the Agent API accepts none to xhigh, not "max"' });
        if (isPreset(model) && p.userLocation) {
          problems.push({
            param: 'userLocation',
            message: 'a preset brings its own search tool; pin a model ("openai/gpt-5.4") to set userLocation',
          });
        }
        if (p.userLocation?.timezone !== undefined) {
          problems.push({
            param: 'userLocation.timezone',
            message: "the Agent API's search tool takes a country, region and city, not a time zone",
          });
        }
        return problems;
      },
    });
  },

  async query(input, ctx) {
    const params = effectiveParams<PerplexityParams>(perplexityAdapter, input);
    const client = openaiClient(
      requireApiKey('perplexity', ctx.credentials, perplexityAdapter.setup.keyVariable),
      ctx,
      ctx.credentials.baseUrl ?? PERPLEXITY_BASE_URL,
    );
    const body = perplexityBody(input.model, input.prompt, params);
    const at = new Date();
    const started = performance.now();
    // The body has Perplexity-only fields (preset, language_preference): the SDK passes them through.
    const sent = await sendOpenAIRequest(
      'perplexity',
      client,
      'responses',
      body as unknown as OpenAI.Responses.ResponseCreateParamsNonStreaming,
      ctx,
    );
    const requestId = sent.requestId ?? (isRecord(sent.raw) ? str(sent.raw['id']) : null);
    const failed = failedResponseError('perplexity', sent.raw, requestId);
    if (failed) throw failed;
    return buildAnswer({
      provider: 'perplexity',
      api: 'agent',
      channel: 'api',
      model: input.model,
      parsed: parseOrFail('perplexity', parsePerplexityBody, sent.raw, requestId),
      requestId,
      latencyMs: elapsedMs(started),
      requestParams: body,
      raw: sent.raw,
      at,
    });
  },

  parse: parsePerplexityBody,

  estimateCost(input) {
    const p = input.params;
    // Presets have no fixed model; their cost is reported per call, so the estimate uses a mid-range model.
    const model = isPreset(input.model) ? 'openai/gpt-5.4-mini' : input.model;
    const searches = p.webSearch === false ? 0 : input.model === 'pro-search' ? 3 : 1;
    return estimateCallCost('perplexity', model, {
      inputTokens: input.inputTokens,
      outputTokens: input.outputTokens,
      systemPrompt: systemTextOf(p),
      maxOutputTokens: p.maxOutputTokens,
      searchCalls: searches,
      searchContext: true,
    });
  },
};
