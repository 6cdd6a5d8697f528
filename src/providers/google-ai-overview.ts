/**
 * Google AI Overviews and AI Mode, which have no official API, captured through a SERP vendor:
 * SerpApi (default) or DataForSEO, chosen per configuration with `vendor`. Model is
 * "ai_overview" or "ai_mode". A page without an overview is a valid result (finish 'absent',
 * empty text), not an error. No model parameters exist here: only locale and location.
 */
import { z } from 'zod';
import { buildAnswer, effectiveParams, parseOrFail } from './adapter-kit.js';
import { elapsedMs, withDeadline } from './call.js';
import { estimateCallCost } from './cost.js';
import {
  dataForSeoEndpoint,
  dataForSeoFailure,
  dataForSeoLocationCode,
  dataForSeoStatus,
  isDataForSeoBody,
  parseDataForSeo,
} from './dataforseo.js';
import { classifyHttpFailure, missingCredential } from './errors.js';
import { isSerpApiBody, isSerpApiCapture, overviewOf, parseSerpApi, type SerpApiCapture } from './serpapi.js';
import { mapSerpError, serpLocale, serpRequest } from './serp-http.js';
import { isRecord, records, str } from './text.js';
import type { ParamProblem, ParsedAnswer, ProviderAdapter, QueryContext, QueryInput } from './types.js';
import { NO_PERSONA } from './targeting.js';
import { localeSchema, userLocationSchema, validateParams } from './validation.js';
import { providerSettings } from './settings.js';

export const serpParamsSchema = z
  .object({
    vendor: z.enum(['serpapi', 'dataforseo']).default('serpapi'),
    webSearch: z.boolean().default(true),
    locale: localeSchema.optional(),
    userLocation: userLocationSchema.optional(),
  })
  .strict();
export type SerpParams = z.infer<typeof serpParamsSchema>;

const NO_MODEL = "the answer is captured from Google's results page, so there are no model parameters";

export function parseSerpBody(raw: unknown): ParsedAnswer {
  if (isDataForSeoBody(raw)) return parseDataForSeo(raw);
  if (isSerpApiCapture(raw) || isSerpApiBody(raw)) return parseSerpApi(raw);
  throw new Error(
    'not a SERP capture (expected a SerpApi body with "search_metadata" or a DataForSEO body with "tasks")',
  );
}

interface Capture {
  raw: unknown;
  requestId: string | null;
  requestParams: Record<string, unknown>;
}

async function viaSerpApi(input: QueryInput, p: SerpParams, ctx: QueryContext, signal: AbortSignal): Promise<Capture> {
  const apiKey = ctx.credentials.apiKey;
  if (!apiKey) throw missingCredential('google_ai_overview', 'SERPAPI_API_KEY');
  const base = (ctx.credentials.baseUrls?.['serpapi'] ?? 'https://serpapi.com').replace(/\/$/, '');
  const { language, country } = serpLocale(p.locale ?? input.locale, p.userLocation?.country);
  const loc = p.userLocation;
  const params: Record<string, string> = {
    engine: input.model === 'ai_mode' ? 'google_ai_mode' : 'google',
    q: input.prompt,
    hl: language,
    ...(country ? { gl: country.toLowerCase() } : {}),
    ...(loc?.city ? { location: [loc.city, loc.region].filter(Boolean).join(', ') } : {}),
  };
  const fetchFn = ctx.fetch ?? globalThis.fetch;
  const get = (query: Record<string, string>) =>
    serpRequest(
      'google_ai_overview',
      fetchFn,
      `${base}/search.json?${new URLSearchParams({ ...query, api_key: apiKey })}`,
      { method: 'GET' },
      signal,
    );
  const first = await get(params);
  const pages: unknown[] = [first.body];
  const token = isRecord(first.body) ? overviewOf(first.body) : null;
  if (token && token.blocks.length === 0 && token.pageToken) {
    const second = await get({ engine: 'google_ai_overview', page_token: token.pageToken });
    pages.push(second.body);
  }
  const metadata = isRecord(first.body) && isRecord(first.body['search_metadata']) ? first.body['search_metadata'] : {};
  const raw: unknown =
    pages.length === 1
      ? first.body
      : ({ object: 'citewatch.serp_capture', vendor: 'serpapi', pages } satisfies SerpApiCapture);
  return { raw, requestId: str(metadata['id']), requestParams: { vendor: 'serpapi', ...params } };
}

async function viaDataForSeo(
  input: QueryInput,
  p: SerpParams,
  ctx: QueryContext,
  signal: AbortSignal,
): Promise<Capture> {
  const { base, headers } = dataForSeoEndpoint('google_ai_overview', ctx.credentials);
  const { language, country } = serpLocale(p.locale ?? input.locale, p.userLocation?.country);
  const task: Record<string, unknown> = {
    keyword: input.prompt,
    language_code: language,
    location_code: dataForSeoLocationCode(country ?? 'US') ?? dataForSeoLocationCode('US'),
    device: 'desktop',
    ...(input.model === 'ai_overview' ? { load_async_ai_overview: true } : {}),
  };
  const path =
    input.model === 'ai_mode' ? '/v3/serp/google/ai_mode/live/advanced' : '/v3/serp/google/organic/live/advanced';
  const { body } = await serpRequest(
    'google_ai_overview',
    ctx.fetch ?? globalThis.fetch,
    `${base}${path}`,
    { method: 'POST', headers, body: JSON.stringify([task]) },
    signal,
  );
  const firstTask = isRecord(body) ? records(body['tasks'])[0] : undefined;
  const requestId = firstTask ? str(firstTask['id']) : null;
  if (isDataForSeoBody(body)) {
    const failure = dataForSeoFailure(body);
    if (failure) {
      throw classifyHttpFailure('google_ai_overview', {
        status: dataForSeoStatus(failure.code),
        code: String(failure.code),
        message: failure.message,
        requestId,
      });
    }
  }
  return { raw: body, requestId, requestParams: { vendor: 'dataforseo', endpoint: path, ...task } };
}

export const googleAiOverviewAdapter: ProviderAdapter = {
  name: 'google_ai_overview',
  channel: 'serp',
  setup: providerSettings.google_ai_overview,
  paramsSchema: serpParamsSchema,
  unsupportedParams: {
    ...Object.fromEntries(
      ['temperature', 'topP', 'maxOutputTokens', 'seed', 'systemPrompt', 'reasoningEffort'].map((k) => [k, NO_MODEL]),
    ),
    persona: NO_PERSONA('a search results page (a query typed into Google, nothing else)'),
  },

  validateConfig(model, params) {
    return validateParams('google_ai_overview', model, serpParamsSchema, params, {
      unsupported: googleAiOverviewAdapter.unsupportedParams,
      check: (p, rule) => {
        const problems: ParamProblem[] = [];
        if (!rule.known) problems.push({ param: 'model', message: 'must be "ai_overview" or "ai_mode"' });
        if (p.userLocation?.timezone)
          problems.push({
            param: 'userLocation.timezone',
            message: 'SERP vendors locate a search by place, not time zone',
          });
        if (p.vendor === 'dataforseo') {
          if (p.userLocation?.city || p.userLocation?.region) {
            problems.push({ param: 'userLocation', message: 'Citewatch targets DataForSEO searches by country only' });
          }
          const country = serpLocale(p.locale ?? 'en', p.userLocation?.country).country;
          if (country && dataForSeoLocationCode(country) === null) {
            problems.push({
              param: 'userLocation.country',
              message: `no DataForSEO location code known for ${country}`,
            });
          }
        }
        return problems;
      },
    });
  },

  async query(input, ctx) {
    const params = effectiveParams<SerpParams>(googleAiOverviewAdapter, input);
    const at = new Date();
    const started = performance.now();
    const capture = await withDeadline(
      'google_ai_overview',
      ctx,
      (signal) =>
        params.vendor === 'dataforseo'
          ? viaDataForSeo(input, params, ctx, signal)
          : viaSerpApi(input, params, ctx, signal),
      (err) => mapSerpError('google_ai_overview', err),
    );
    return buildAnswer({
      provider: 'google_ai_overview',
      api: params.vendor,
      channel: 'serp',
      model: input.model,
      parsed: parseOrFail('google_ai_overview', parseSerpBody, capture.raw, capture.requestId),
      requestId: capture.requestId,
      latencyMs: elapsedMs(started),
      requestParams: capture.requestParams,
      raw: capture.raw,
      at,
      priceModel: `${params.vendor}:${input.model}`,
      allowEmpty: true,
    });
  },

  parse: parseSerpBody,

  estimateCost(input) {
    const vendor = (input.params['vendor'] as string | undefined) ?? 'serpapi';
    // An AI overview often loads asynchronously on SerpApi, which costs a second search.
    const calls = vendor === 'serpapi' && input.model === 'ai_overview' ? 2 : 1;
    return estimateCallCost('google_ai_overview', `${vendor}:${input.model}`, {
      searchCalls: calls,
      searchContext: false,
      inputTokens: 0,
      outputTokens: 0,
    });
  },
};
