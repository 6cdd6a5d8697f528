/**
 * Any endpoint speaking the OpenAI protocol (Mistral, DeepSeek, xAI, OpenRouter, a local
 * Ollama...), configured by base URL, key and model. Differences between endpoints live in the
 * dialect table; the parsers are the OpenAI ones, which also read the extras these servers add
 * (OpenRouter cost, DeepSeek reasoning, xAI citations, Sonar through a gateway).
 */
import type OpenAI from 'openai';
import { z } from 'zod';
import { buildAnswer, effectiveParams, parseOrFail } from './adapter-kit.js';
import { elapsedMs } from './call.js';
import { DIALECTS, dialectForUrl, type Dialect, type DialectName } from './compatible-dialects.js';
import { estimateLlmCall } from './cost.js';
import { requireApiKey } from './credentials.js';
import { chatBody, responsesBody, withOutputSchema } from './openai-request.js';
import { failedResponseError, openaiClient, parseOpenAIBody, sendOpenAIRequest } from './openai.js';
import { isRecord, str } from './text.js';
import type { ModelParams, ParamProblem, ProviderAdapter } from './types.js';
import { commonParamsShape, validateParams } from './validation.js';
import { providerSettings } from './settings.js';

export const compatibleParamsSchema = z
  .object({
    ...commonParamsShape,
    baseUrl: z.url({
      protocol: /^https?$/,
      error: (issue) =>
        issue.input === undefined
          ? 'is required: the endpoint, e.g. https://api.mistral.ai/v1'
          : 'must be an http or https URL, e.g. https://api.mistral.ai/v1',
    }),
    api: z.enum(['chat', 'responses']).optional(),
    dialect: z.enum(Object.keys(DIALECTS) as [DialectName, ...DialectName[]]).optional(),
  })
  .strict();
export type CompatibleParams = z.infer<typeof compatibleParamsSchema>;

function dialectOf(p: Pick<CompatibleParams, 'baseUrl' | 'dialect'>): Dialect {
  return p.dialect ? DIALECTS[p.dialect] : dialectForUrl(p.baseUrl);
}

export function compatibleBody(model: string, prompt: string, p: CompatibleParams): Record<string, unknown> {
  const dialect = dialectOf(p);
  const withoutSearch: ModelParams = { ...p, webSearch: false };
  if (p.api === 'responses') {
    const body: Record<string, unknown> = {
      ...responsesBody(model, prompt, dialect.webSearch === 'responses_tool' ? p : withoutSearch),
    };
    // The include option is OpenAI's; other servers may reject unknown include values.
    delete body['include'];
    return body;
  }
  const body: Record<string, unknown> = {
    ...chatBody(model, prompt, withoutSearch, {
      maxTokensField: dialect.maxTokensField,
      seedField: dialect.seedField,
      webSearchOptions: false,
    }),
  };
  if (p.webSearch && dialect.webSearch === 'openrouter_tool') {
    const loc = p.userLocation;
    body['tools'] = [
      { type: 'openrouter:web_search', parameters: loc ? { user_location: { type: 'approximate', ...loc } } : {} },
    ];
  }
  return body;
}

export const openaiCompatibleAdapter: ProviderAdapter = {
  name: 'openai_compatible',
  channel: 'api',
  setup: providerSettings.openai_compatible,
  paramsSchema: compatibleParamsSchema,
  unsupportedParams: { locale: "the OpenAI protocol has no locale parameter; the prompt's language drives the answer" },

  validateConfig(model, params) {
    const valid = validateParams('openai_compatible', model, compatibleParamsSchema, params, {
      unsupported: openaiCompatibleAdapter.unsupportedParams,
      check: (p) => {
        const dialect = dialectOf(p);
        const api = p.api ?? dialect.defaultApi;
        const problems: ParamProblem[] = [];
        if (p.webSearch) {
          if (dialect.webSearch === 'none')
            problems.push({ param: 'webSearch', message: `not available: ${dialect.searchNote}` });
          if (dialect.webSearch === 'responses_tool' && api !== 'responses')
            problems.push({ param: 'webSearch', message: `${dialect.name} searches only through api "responses"` });
          if (p.userLocation && !dialect.searchLocation)
            problems.push({ param: 'userLocation', message: `${dialect.name}'s search tool takes no location` });
        }
        if (p.seed !== undefined && api === 'responses')
          problems.push({ param: 'seed', message: 'the Responses API has no seed; use api "chat"' });
        return problems;
      },
    });
    const dialect = dialectOf(valid);
    return { ...valid, api: valid.api ?? dialect.defaultApi, dialect: dialect.name };
  },

  async query(input, ctx) {
    const params = effectiveParams<CompatibleParams>(openaiCompatibleAdapter, input);
    const dialect = dialectOf(params);
    const apiKey =
      ctx.credentials.apiKey ??
      dialect.placeholderKey ??
      requireApiKey('openai_compatible', ctx.credentials, openaiCompatibleAdapter.setup.keyVariable);
    const client = openaiClient(apiKey, ctx, params.baseUrl);
    const api = params.api ?? dialect.defaultApi;
    const body = withOutputSchema(
      compatibleBody(input.model, input.prompt, params),
      params.api === 'responses' ? 'responses' : 'chat',
      input.outputSchema,
    );
    const at = new Date();
    const started = performance.now();
    const sent = await sendOpenAIRequest(
      'openai_compatible',
      client,
      api,
      body as unknown as OpenAI.Responses.ResponseCreateParamsNonStreaming,
      ctx,
    );
    const requestId = sent.requestId ?? (isRecord(sent.raw) ? str(sent.raw['id']) : null);
    const failed = failedResponseError('openai_compatible', sent.raw, requestId);
    if (failed) throw failed;
    const answer = buildAnswer({
      provider: 'openai_compatible',
      api,
      channel: 'api',
      model: input.model,
      parsed: parseOrFail('openai_compatible', parseOpenAIBody, sent.raw, requestId),
      requestId,
      latencyMs: elapsedMs(started),
      requestParams: { baseUrl: params.baseUrl, ...body },
      raw: sent.raw,
      at,
    });
    return dialect.free ? { ...answer, costUsd: 0 } : answer;
  },

  parse: parseOpenAIBody,

  estimateCost(input) {
    const p = input.params as Partial<CompatibleParams>;
    if (p.baseUrl && dialectOf({ baseUrl: p.baseUrl, dialect: p.dialect }).free) return 0;
    return estimateLlmCall('openai_compatible', input);
  },
};
