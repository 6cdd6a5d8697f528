/**
 * OpenAI: the Responses API by default (web search through the hosted web_search tool), Chat
 * Completions when a configuration asks for it or the model needs it (search-preview models,
 * and seed, which only Chat has).
 */
import OpenAI from 'openai';
import { z } from 'zod';
import { buildAnswer, effectiveParams, parseOrFail } from './adapter-kit.js';
import { ruleFor } from './capabilities.js';
import { elapsedMs, parseJsonBody, withDeadline } from './call.js';
import { isChatBody, parseChatBody } from './chat-parse.js';
import { estimateLlmCall } from './cost.js';
import { requireApiKey } from './credentials.js';
import { classifyHttpFailure } from './errors.js';
import { chatBody, responsesBody, withOutputSchema } from './openai-request.js';
import { isResponsesBody, parseResponsesBody } from './responses-parse.js';
import { fromOpenAIError } from './sdk-errors.js';
import { isRecord, str } from './text.js';
import type { ParamProblem, ParsedAnswer, ProviderAdapter, ProviderName, QueryContext } from './types.js';
import { commonParamsShape, validateParams } from './validation.js';
import { providerSettings } from './settings.js';

export const openaiParamsSchema = z
  .object({ ...commonParamsShape, api: z.enum(['responses', 'chat']).optional() })
  .strict();
export type OpenAIParams = z.infer<typeof openaiParamsSchema>;

export function parseOpenAIBody(raw: unknown): ParsedAnswer {
  if (isResponsesBody(raw)) return parseResponsesBody(raw);
  if (isChatBody(raw)) return parseChatBody(raw);
  throw new Error('not an OpenAI body (expected a Responses object with "output" or a Chat Completion with "choices")');
}

export const OPENAI_BASE_URL = 'https://api.openai.com/v1';

/**
 * Every option the SDK would otherwise read from process.env is set here: env.ts stays the only
 * reader, and OPENAI_ORG_ID/OPENAI_PROJECT_ID never travel as headers to Perplexity or a
 * compatible endpoint.
 */
export function openaiClient(apiKey: string, ctx: QueryContext, baseURL: string = OPENAI_BASE_URL): OpenAI {
  return new OpenAI({
    apiKey,
    baseURL,
    organization: null,
    project: null,
    maxRetries: 0,
    timeout: ctx.timeoutMs,
    ...(ctx.fetch ? { fetch: ctx.fetch } : {}),
  });
}

/**
 * Sends one request and returns the provider's bytes as JSON, with the request id. asResponse()
 * skips the SDK's own reshaping (it adds output_text), so `raw` is exactly what was answered.
 */
export async function sendOpenAIRequest(
  provider: ProviderName,
  client: OpenAI,
  api: 'responses' | 'chat',
  body: object,
  ctx: QueryContext,
): Promise<{ raw: unknown; requestId: string | null }> {
  return withDeadline(
    provider,
    ctx,
    async (signal) => {
      const promise =
        api === 'responses'
          ? client.responses.create(body as OpenAI.Responses.ResponseCreateParamsNonStreaming, { signal })
          : client.chat.completions.create(body as OpenAI.Chat.Completions.ChatCompletionCreateParamsNonStreaming, {
              signal,
            });
      const response = await promise.asResponse();
      const requestId = response.headers.get('x-request-id');
      return { raw: parseJsonBody(provider, await response.text(), requestId), requestId };
    },
    (err) => fromOpenAIError(provider, err, ctx.timeoutMs),
  );
}

/** A Responses body with status "failed" is an error delivered with a 200; its code decides. */
export function failedResponseError(provider: ProviderName, raw: unknown, requestId: string | null) {
  if (!isRecord(raw) || raw['status'] !== 'failed') return null;
  const error = isRecord(raw['error']) ? raw['error'] : {};
  const code = str(error['code']);
  const status = code === 'rate_limit_exceeded' ? 429 : code === 'server_error' || code === null ? 500 : 400;
  return classifyHttpFailure(provider, {
    status,
    code,
    message: str(error['message']) ?? 'response failed',
    requestId,
  });
}

export const openaiAdapter: ProviderAdapter = {
  name: 'openai',
  channel: 'api',
  setup: providerSettings.openai,
  paramsSchema: openaiParamsSchema,
  unsupportedParams: {
    locale:
      "OpenAI has no locale parameter; the prompt's language drives the answer (use userLocation with webSearch for search results)",
  },

  validateConfig(model, params) {
    const valid = validateParams('openai', model, openaiParamsSchema, params, {
      unsupported: openaiAdapter.unsupportedParams,
      check: (p, rule) => {
        const problems: ParamProblem[] = [];
        const api = p.api ?? rule.api ?? 'responses';
        if (rule.api && api !== rule.api)
          problems.push({ param: 'api', message: `${model} works only through "${rule.api}": ${rule.note}` });
        if (p.seed !== undefined && api === 'responses') {
          problems.push({
            param: 'seed',
            message: 'the Responses API has no seed; set api to "chat" to use one (best effort, deprecated by OpenAI)',
          });
        }
        if (p.webSearch && api === 'chat' && rule.webSearch !== 'always') {
          problems.push({
            param: 'webSearch',
            message:
              'Chat Completions searches only with the search-preview models; use api "responses" for web search',
          });
        }
        return problems;
      },
    });
    return { ...valid, api: valid.api ?? ruleFor('openai', model).api ?? 'responses' };
  },

  async query(input, ctx) {
    const params = effectiveParams<OpenAIParams>(openaiAdapter, input);
    const client = openaiClient(
      requireApiKey('openai', ctx.credentials, openaiAdapter.setup.keyVariable),
      ctx,
      ctx.credentials.baseUrl,
    );
    const api = params.api ?? 'responses';
    const body =
      api === 'responses'
        ? withOutputSchema(responsesBody(input.model, input.prompt, params), api, input.outputSchema)
        : withOutputSchema(chatBody(input.model, input.prompt, params), api, input.outputSchema);
    const at = new Date();
    const started = performance.now();
    const { raw, requestId } = await sendOpenAIRequest('openai', client, api, body, ctx);
    const failed = failedResponseError('openai', raw, requestId);
    if (failed) throw failed;
    return buildAnswer({
      provider: 'openai',
      api,
      channel: 'api',
      model: input.model,
      parsed: parseOrFail('openai', parseOpenAIBody, raw, requestId),
      requestId,
      latencyMs: elapsedMs(started),
      requestParams: { ...body },
      raw,
      at,
    });
  },

  parse: parseOpenAIBody,

  estimateCost(input) {
    return estimateLlmCall('openai', input);
  },
};
