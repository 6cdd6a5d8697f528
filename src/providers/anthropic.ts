/**
 * Anthropic Messages API through @anthropic-ai/sdk 1.x (API version 2026-10-21), with the
 * server-side web search tool on or off. Sampling parameters do not exist in this API version's
 * types, and current Claude models reject them anyway: validateConfig refuses them with why.
 */
import Anthropic from '@anthropic-ai/sdk';
import { z } from 'zod';
import { buildAnswer, effectiveParams, parseOrFail } from './adapter-kit.js';
import { isMessagesBody, parseMessagesBody } from './anthropic-parse.js';
import { elapsedMs, parseJsonBody, withDeadline } from './call.js';
import { estimateLlmCall } from './cost.js';
import { requireApiKey } from './credentials.js';
import { fromAnthropicError } from './sdk-errors.js';
import type { ParsedAnswer, ProviderAdapter } from './types.js';
import { systemTextOf } from './targeting.js';
import { commonParamsShape, validateParams } from './validation.js';
import { providerSettings } from './settings.js';

/** max_tokens is required by the API; a configuration without one gets this, recorded in its effective parameters. */
export const ANTHROPIC_DEFAULT_MAX_TOKENS = 4096;

export const anthropicParamsSchema = z
  .object({
    ...commonParamsShape,
    maxOutputTokens: commonParamsShape.maxOutputTokens.unwrap().default(ANTHROPIC_DEFAULT_MAX_TOKENS),
  })
  .strict();
export type AnthropicParams = z.infer<typeof anthropicParamsSchema>;

type Body = Anthropic.Messages.MessageCreateParamsNonStreaming;

export function anthropicBody(model: string, prompt: string, p: AnthropicParams): Body {
  const body: Body = { model, max_tokens: p.maxOutputTokens, messages: [{ role: 'user', content: prompt }] };
  const system = systemTextOf(p);
  if (system !== undefined) body.system = system;
  if (p.reasoningEffort !== undefined) {
    // 'none' and 'minimal' are refused by validation; the rest map one to one.
    body.output_config = { effort: p.reasoningEffort as 'low' | 'medium' | 'high' | 'xhigh' | 'max' };
  }
  if (p.webSearch) {
    const tool: Anthropic.Messages.WebSearchTool20250305 = { type: 'web_search_20250305', name: 'web_search' };
    if (p.userLocation) tool.user_location = { type: 'approximate', ...p.userLocation };
    body.tools = [tool];
  }
  return body;
}

export function parseAnthropicBody(raw: unknown): ParsedAnswer {
  if (!isMessagesBody(raw))
    throw new Error('not an Anthropic Messages body (expected {"type": "message", "content": [...]})');
  return parseMessagesBody(raw);
}

export const anthropicAdapter: ProviderAdapter = {
  name: 'anthropic',
  channel: 'api',
  setup: providerSettings.anthropic,
  paramsSchema: anthropicParamsSchema,
  unsupportedParams: {
    seed: 'the Messages API has no seed',
    locale: "the Messages API has no locale parameter; the prompt's language drives the answer",
  },

  validateConfig(model, params) {
    return validateParams('anthropic', model, anthropicParamsSchema, params, {
      unsupported: anthropicAdapter.unsupportedParams,
    });
  },

  async query(input, ctx) {
    const params = effectiveParams<AnthropicParams>(anthropicAdapter, input);
    // baseURL and authToken are explicit so the SDK reads nothing from process.env.
    const client = new Anthropic({
      apiKey: requireApiKey('anthropic', ctx.credentials, anthropicAdapter.setup.keyVariable),
      authToken: null,
      baseURL: ctx.credentials.baseUrl ?? 'https://api.anthropic.com',
      maxRetries: 0,
      timeout: ctx.timeoutMs,
      ...(ctx.fetch ? { fetch: ctx.fetch } : {}),
    });
    const body = anthropicBody(input.model, input.prompt, params);
    const at = new Date();
    const started = performance.now();
    const { raw, requestId } = await withDeadline(
      'anthropic',
      ctx,
      async (signal) => {
        const response = await client.messages.create(body, { signal }).asResponse();
        const id = response.headers.get('request-id');
        return { raw: parseJsonBody('anthropic', await response.text(), id), requestId: id };
      },
      (err) => fromAnthropicError('anthropic', err, ctx.timeoutMs),
    );
    return buildAnswer({
      provider: 'anthropic',
      api: 'messages',
      channel: 'api',
      model: input.model,
      parsed: parseOrFail('anthropic', parseAnthropicBody, raw, requestId),
      requestId,
      latencyMs: elapsedMs(started),
      requestParams: { ...body },
      raw,
      at,
    });
  },

  parse: parseAnthropicBody,

  estimateCost(input) {
    return estimateLlmCall('anthropic', input);
  },
};
