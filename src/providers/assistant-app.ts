/**
 * What people actually see: answers captured from consumer assistant apps, which have no API of
 * their own, through a capture vendor's documented API. Model is the assistant: "chatgpt" (the
 * ChatGPT app's search mode) or "gemini" (the Gemini app); `vendor` is the capture vendor,
 * "dataforseo" (its LLM Scraper, ai_optimization/{chat_gpt|gemini}/llm_scraper) for now.
 *
 * - `queue: "live"` (default) asks live/advanced and waits for the answer (up to 90 s at the
 *   vendor); `queue: "standard"` posts a task (task_post, cheaper) and polls task_get/advanced/{id}
 *   until it is ready, within the same call deadline (raise PROVIDER_TIMEOUT_MS for it).
 * - The request's language and country come from the configuration's or the prompt's locale
 *   (language_code, location_code); the request builder takes both, so finer places can follow.
 * - A failed task comes back in an HTTP 200 body: its status_code is classified like an HTTP
 *   status (dataForSeoStatus), so limits wait, vendor errors retry and account errors stop.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { z } from 'zod';
import { buildAnswer, effectiveParams, parseOrFail } from './adapter-kit.js';
import { elapsedMs, withDeadline } from './call.js';
import { estimateCallCost } from './cost.js';
import {
  DATAFORSEO_OK,
  DATAFORSEO_TASK_CREATED,
  DATAFORSEO_TASK_PENDING,
  dataForSeoEndpoint,
  dataForSeoLocationCode,
  dataForSeoStatus,
  isDataForSeoBody,
} from './dataforseo.js';
import { classifyHttpFailure } from './errors.js';
import { parseLlmScraper, type LlmScraperTaskCapture } from './llm-scraper.js';
import { mapSerpError, serpLocale, serpRequest } from './serp-http.js';
import { providerSettings } from './settings.js';
import { isRecord, num, records, str } from './text.js';
import { ProviderError, type ParamProblem, type ProviderAdapter, type QueryContext, type QueryInput } from './types.js';
import { NO_PERSONA } from './targeting.js';
import { localeSchema, validateParams } from './validation.js';

export const APP_ASSISTANTS = ['chatgpt', 'gemini'] as const;
export type AppAssistant = (typeof APP_ASSISTANTS)[number];

export const appParamsSchema = z
  .object({
    vendor: z.enum(['dataforseo']).default('dataforseo'),
    /** ChatGPT only: force the app's search mode (DataForSEO force_web_search); otherwise the app decides. */
    webSearch: z.boolean().default(false),
    /** Language and country of the capture; the prompt's locale when absent. */
    locale: localeSchema.optional(),
    /** live: one call that waits for the answer; standard: post a task, then poll (cheaper). */
    queue: z.enum(['live', 'standard']).default('live'),
  })
  .strict();
export type AppParams = z.infer<typeof appParamsSchema>;

const NO_MODEL = 'the answer is captured from the consumer app as a person sees it, so no model parameter reaches it';
const UNSUPPORTED: Record<string, string> = {
  ...Object.fromEntries(
    ['temperature', 'topP', 'maxOutputTokens', 'seed', 'systemPrompt', 'reasoningEffort'].map((k) => [k, NO_MODEL]),
  ),
  userLocation: 'the capture is placed by country from the locale\'s region (e.g. "fr-FR"); set locale instead',
  persona: NO_PERSONA('a captured assistant app (a person types the prompt, nothing else)'),
};

/** The vendor's keyword limit [docs: llm_scraper live/advanced, "up to 2000 characters"]. */
export const MAX_KEYWORD_CHARS = 2000;

/** Time between two polls of a posted task, and the longest wait between two. */
const POLL_FIRST_MS = 2_000;
const POLL_MAX_MS = 15_000;

const VENDOR_PATH: Record<AppAssistant, string> = { chatgpt: 'chat_gpt', gemini: 'gemini' };

/** The task the vendor receives: the prompt as its keyword, language and country codes. */
export function appTask(input: Pick<QueryInput, 'prompt' | 'locale' | 'model'>, p: AppParams): Record<string, unknown> {
  const { language, country } = serpLocale(p.locale ?? input.locale, undefined);
  return {
    keyword: input.prompt,
    language_code: language,
    location_code: dataForSeoLocationCode(country ?? 'US') ?? dataForSeoLocationCode('US'),
    ...(input.model === 'chatgpt' && p.webSearch ? { force_web_search: true } : {}),
  };
}

function taskFailure(body: unknown, requestId: string | null): ProviderError | null {
  if (!isDataForSeoBody(body)) return null;
  const task = records(body['tasks'])[0];
  for (const level of [body, task]) {
    if (!level) continue;
    const code = num(level['status_code']);
    if (code === DATAFORSEO_OK || code === DATAFORSEO_TASK_CREATED || DATAFORSEO_TASK_PENDING.has(code)) continue;
    return classifyHttpFailure('assistant_app', {
      status: dataForSeoStatus(code),
      code: String(code),
      message: `DataForSEO: ${str(level['status_message']) ?? `status ${code}`}`,
      requestId,
    });
  }
  return task
    ? null
    : classifyHttpFailure('assistant_app', {
        status: 500,
        code: '50000',
        message: 'DataForSEO: no task in the response',
        requestId,
      });
}

interface Capture {
  raw: unknown;
  requestId: string | null;
  requestParams: Record<string, unknown>;
}

async function viaDataForSeo(
  input: QueryInput,
  p: AppParams,
  ctx: QueryContext,
  signal: AbortSignal,
): Promise<Capture> {
  const { base, headers } = dataForSeoEndpoint('assistant_app', ctx.credentials);
  const root = `/v3/ai_optimization/${VENDOR_PATH[input.model as AppAssistant]}/llm_scraper`;
  const task = appTask(input, p);
  const fetchFn = ctx.fetch ?? globalThis.fetch;
  const call = (path: string, init: RequestInit) =>
    serpRequest('assistant_app', fetchFn, `${base}${path}`, { ...init, headers }, signal);
  const idOf = (body: unknown) => (isRecord(body) ? str(records(body['tasks'])[0]?.['id']) : null);

  if (p.queue === 'live') {
    const path = `${root}/live/advanced`;
    const { body } = await call(path, { method: 'POST', body: JSON.stringify([task]) });
    const requestId = idOf(body);
    const failed = taskFailure(body, requestId);
    if (failed) throw failed;
    return { raw: body, requestId, requestParams: { vendor: 'dataforseo', endpoint: path, ...task } };
  }

  const posted = (await call(`${root}/task_post`, { method: 'POST', body: JSON.stringify([task]) })).body;
  const requestId = idOf(posted);
  const postFailure = taskFailure(posted, requestId);
  if (postFailure) throw postFailure;
  if (!requestId)
    throw classifyHttpFailure('assistant_app', { status: 500, message: 'DataForSEO: task_post gave no task id' });
  const getPath = `${root}/task_get/advanced/${encodeURIComponent(requestId)}`;
  let wait = ctx.pollIntervalMs ?? POLL_FIRST_MS;
  for (;;) {
    const { body } = await call(getPath, { method: 'GET' });
    const failed = taskFailure(body, requestId);
    if (failed) throw failed;
    const status = isRecord(body) ? num(records(body['tasks'])[0]?.['status_code']) : 0;
    if (status === DATAFORSEO_OK) {
      const raw: LlmScraperTaskCapture = {
        object: 'citewatch.llm_scraper_task',
        vendor: 'dataforseo',
        posted,
        result: body,
      };
      return {
        raw,
        requestId,
        requestParams: { vendor: 'dataforseo', endpoint: `${root}/task_post`, ...task },
      };
    }
    // Still queued or handed to the app: wait (the deadline's signal ends the wait), then ask again.
    await delay(wait, undefined, { signal });
    wait = Math.min(Math.max(wait * 2, 1), POLL_MAX_MS);
  }
}

export const assistantAppAdapter: ProviderAdapter = {
  name: 'assistant_app',
  channel: 'app',
  setup: providerSettings.assistant_app,
  paramsSchema: appParamsSchema,
  unsupportedParams: UNSUPPORTED,

  validateConfig(model, params) {
    return validateParams('assistant_app', model, appParamsSchema, params, {
      unsupported: UNSUPPORTED,
      check: (p, rule) => appProblems(p, rule.known),
    });
  },

  async query(input, ctx) {
    const params = effectiveParams<AppParams>(assistantAppAdapter, input);
    if (input.prompt.length > MAX_KEYWORD_CHARS) {
      throw new ProviderError(
        'permanent',
        `the prompt has ${input.prompt.length} characters; DataForSEO's LLM Scraper takes at most ${MAX_KEYWORD_CHARS}`,
        { provider: 'assistant_app', status: 400, code: 'prompt_too_long' },
      );
    }
    const at = new Date();
    const started = performance.now();
    const capture = await withDeadline(
      'assistant_app',
      ctx,
      (signal) => viaDataForSeo(input, params, ctx, signal),
      (err) => mapSerpError('assistant_app', err),
    );
    return buildAnswer({
      provider: 'assistant_app',
      api: `${params.vendor}:${params.queue}`,
      channel: 'app',
      model: input.model,
      parsed: parseOrFail('assistant_app', parseLlmScraper, capture.raw, capture.requestId),
      requestId: capture.requestId,
      latencyMs: elapsedMs(started),
      requestParams: capture.requestParams,
      raw: capture.raw,
      at,
      priceModel: `${params.vendor}:${params.queue}:${input.model}`,
    });
  },

  parse: parseLlmScraper,

  estimateCost(input) {
    const vendor = (input.params['vendor'] as string | undefined) ?? 'dataforseo';
    const queue = (input.params['queue'] as string | undefined) ?? 'live';
    return estimateCallCost('assistant_app', `${vendor}:${queue}:${input.model}`, {
      searchCalls: 0,
      searchContext: false,
      inputTokens: 0,
      outputTokens: 0,
    });
  },
};

/** Problems shared by the app surfaces (the real one and the mock). */
export function appProblems(p: { locale?: string | undefined }, known: boolean): ParamProblem[] {
  const problems: ParamProblem[] = [];
  if (!known)
    problems.push({ param: 'model', message: `must be one of: ${APP_ASSISTANTS.map((a) => `"${a}"`).join(', ')}` });
  if (p.locale) {
    const { country } = serpLocale(p.locale, undefined);
    if (country && dataForSeoLocationCode(country) === null)
      problems.push({ param: 'locale', message: `no DataForSEO location code known for ${country}` });
  }
  return problems;
}
