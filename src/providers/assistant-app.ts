/**
 * What people actually see: answers captured from consumer assistant apps, which have no API of
 * their own, through a capture vendor's documented API. Model is the assistant: "chatgpt" (the
 * ChatGPT app's search mode) or "gemini" (the Gemini app); `vendor` is the capture vendor:
 * "dataforseo" (its LLM Scraper, ai_optimization/{chat_gpt|gemini}/llm_scraper, both assistants)
 * or "brightdata" (its Web Scraper API's ChatGPT Search dataset, ChatGPT only).
 *
 * - DataForSEO: `queue: "live"` (default) asks live/advanced and waits for the answer (up to 90 s
 *   at the vendor); `queue: "standard"` posts a task (task_post, cheaper) and polls
 *   task_get/advanced/{id} until it is ready, within the same call deadline (raise
 *   PROVIDER_TIMEOUT_MS for it).
 * - Bright Data: `queue: "live"` calls /datasets/v3/scrape, which answers the records within a
 *   minute or, past it, a snapshot id; `queue: "standard"` calls /datasets/v3/trigger for a
 *   snapshot at once. A snapshot is polled (/progress/{id}) until ready, then downloaded
 *   (/snapshot/{id}), within the same call deadline. Both cost the same per record.
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
import {
  BRIGHTDATA_CHATGPT_DATASET,
  type BrightDataCapture,
  brightDataRecord,
  brightDataRecordError,
  isBrightDataBody,
  parseBrightDataChatGpt,
} from './brightdata-chatgpt.js';
import { classifyHttpFailure, missingCredential } from './errors.js';
import { isLlmScraperTaskCapture, parseLlmScraper, type LlmScraperTaskCapture } from './llm-scraper.js';
import { mapSerpError, serpLocale, serpRequest } from './serp-http.js';
import { providerSettings } from './settings.js';
import { isRecord, num, records, str } from './text.js';
import {
  type ParamProblem,
  type ParsedAnswer,
  type ProviderAdapter,
  ProviderError,
  type QueryContext,
  type QueryInput,
} from './types.js';
import { NO_PERSONA } from './targeting.js';
import { localeSchema, validateParams } from './validation.js';

export const APP_ASSISTANTS = ['chatgpt', 'gemini'] as const;
export type AppAssistant = (typeof APP_ASSISTANTS)[number];

/** Capture vendors, and the assistants Citewatch reads through each. */
export const APP_VENDORS = ['dataforseo', 'brightdata'] as const;
export type AppVendor = (typeof APP_VENDORS)[number];
const VENDOR_ASSISTANTS: Record<AppVendor, readonly AppAssistant[]> = {
  dataforseo: ['chatgpt', 'gemini'],
  brightdata: ['chatgpt'],
};
const VENDOR_NAME: Record<AppVendor, string> = { dataforseo: 'DataForSEO', brightdata: 'Bright Data' };

export const appParamsSchema = z
  .object({
    vendor: z.enum(APP_VENDORS).default('dataforseo'),
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

/** Each vendor's prompt limit [docs: DataForSEO above; Bright Data "Maximum 4,096 characters"]. */
const MAX_PROMPT_CHARS: Record<AppVendor, number> = { dataforseo: MAX_KEYWORD_CHARS, brightdata: 4096 };

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

/** Country of a Bright Data capture: the locale's region, in the vendor's lower case ("us"). */
function brightDataCountry(input: Pick<QueryInput, 'locale'>, p: AppParams): string | null {
  const { country } = serpLocale(p.locale ?? input.locale, undefined);
  return country ? country.toLowerCase() : null;
}

/** The input record Bright Data receives [docs: chatgpt-search-by-prompt request body]. */
export function brightDataInput(input: Pick<QueryInput, 'prompt' | 'locale'>, p: AppParams): Record<string, unknown> {
  const country = brightDataCountry(input, p);
  return {
    url: 'https://chatgpt.com/',
    prompt: input.prompt,
    ...(country ? { country } : {}),
    ...(p.webSearch ? { web_search: true } : {}),
  };
}

/** Snapshot states still under way [docs: monitor-progress, async-requests]. */
const SNAPSHOT_PENDING: ReadonlySet<string> = new Set(['starting', 'running', 'collecting', 'digesting', 'building']);

function brightDataRecordFailure(body: unknown, requestId: string | null): ProviderError | null {
  if (Array.isArray(body) && body.length === 0) {
    // Nothing delivered (the vendor bills per delivered record): another attempt is a new capture.
    return classifyHttpFailure('assistant_app', {
      status: 503,
      code: 'no_record',
      message: 'Bright Data: the capture delivered no record',
      requestId,
    });
  }
  const record = brightDataRecord(body);
  const failed = record ? brightDataRecordError(record) : null;
  if (!failed) return null;
  // A record the collector could not fill (the app did not answer, no sources when they were
  // required): the next attempt is a new capture, so it may succeed.
  return classifyHttpFailure('assistant_app', {
    status: 503,
    code: failed.code,
    message: `Bright Data: ${failed.message}`,
    requestId,
  });
}

async function viaBrightData(
  input: QueryInput,
  p: AppParams,
  ctx: QueryContext,
  signal: AbortSignal,
): Promise<Capture> {
  const apiKey = ctx.credentials.apiKey;
  if (!apiKey) throw missingCredential('assistant_app', 'BRIGHTDATA_API_KEY');
  const base = (ctx.credentials.baseUrls?.['brightdata'] ?? 'https://api.brightdata.com').replace(/\/$/, '');
  const headers = { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' };
  const fetchFn = ctx.fetch ?? globalThis.fetch;
  const call = (path: string, init: RequestInit) =>
    serpRequest('assistant_app', fetchFn, `${base}${path}`, { ...init, headers }, signal);
  const record = brightDataInput(input, p);
  const query = new URLSearchParams({ dataset_id: BRIGHTDATA_CHATGPT_DATASET, format: 'json', include_errors: 'true' });
  const endpoint = p.queue === 'live' ? '/datasets/v3/scrape' : '/datasets/v3/trigger';
  const requestParams = { vendor: 'brightdata', endpoint, dataset_id: BRIGHTDATA_CHATGPT_DATASET, ...record };

  const first = (await call(`${endpoint}?${query}`, { method: 'POST', body: JSON.stringify({ input: [record] }) }))
    .body;
  if (Array.isArray(first)) {
    const failed = brightDataRecordFailure(first, null);
    if (failed) throw failed;
    return { raw: first, requestId: null, requestParams };
  }
  const snapshotId = isRecord(first) ? str(first['snapshot_id']) : null;
  if (!snapshotId)
    throw classifyHttpFailure('assistant_app', {
      status: 500,
      message: `Bright Data: ${endpoint} gave neither records nor a snapshot id`,
    });

  const id = encodeURIComponent(snapshotId);
  let wait = ctx.pollIntervalMs ?? POLL_FIRST_MS;
  const pause = async () => {
    await delay(wait, undefined, { signal });
    wait = Math.min(Math.max(wait * 2, 1), POLL_MAX_MS);
  };
  for (;;) {
    const progress = (await call(`/datasets/v3/progress/${id}`, { method: 'GET' })).body;
    const status = isRecord(progress) ? (str(progress['status']) ?? '') : '';
    if (status === 'failed') {
      const detail = isRecord(progress) ? (str(progress['error_message']) ?? str(progress['message'])) : null;
      // The collection failed at the vendor: another attempt starts a new one.
      throw classifyHttpFailure('assistant_app', {
        status: 502,
        code: 'snapshot_failed',
        message: `Bright Data: snapshot ${snapshotId} failed${detail ? `: ${detail}` : ''}`,
        requestId: snapshotId,
      });
    }
    if (status === 'ready') {
      const download = await call(`/datasets/v3/snapshot/${id}?format=json`, { method: 'GET' });
      // 202 {status, message: "Snapshot is not ready yet, try again in 10s"}: keep waiting.
      if (Array.isArray(download.body)) {
        const failed = brightDataRecordFailure(download.body, snapshotId);
        if (failed) throw failed;
        const raw: BrightDataCapture = {
          object: 'citewatch.brightdata_snapshot',
          vendor: 'brightdata',
          snapshotId,
          records: download.body,
        };
        return { raw, requestId: snapshotId, requestParams };
      }
    } else if (!SNAPSHOT_PENDING.has(status)) {
      throw classifyHttpFailure('assistant_app', {
        status: 500,
        message: `Bright Data: snapshot ${snapshotId} is in an unknown state "${status}"`,
        requestId: snapshotId,
      });
    }
    await pause();
  }
}

/** Reads a stored app capture of either vendor, told apart by its shape. */
export function parseAppBody(raw: unknown): ParsedAnswer {
  if (isBrightDataBody(raw)) return parseBrightDataChatGpt(raw);
  if (isDataForSeoBody(raw) || isLlmScraperTaskCapture(raw)) return parseLlmScraper(raw);
  throw new Error(
    'not an app capture (expected a DataForSEO LLM Scraper body with "tasks" or Bright Data ChatGPT records with "answer_text_markdown")',
  );
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
      check: (p, rule) => [...appProblems(p, rule.known), ...vendorProblems(model, p)],
    });
  },

  async query(input, ctx) {
    const params = effectiveParams<AppParams>(assistantAppAdapter, input);
    const limit = MAX_PROMPT_CHARS[params.vendor];
    if (input.prompt.length > limit) {
      throw new ProviderError(
        'permanent',
        `the prompt has ${input.prompt.length} characters; ${VENDOR_NAME[params.vendor]} takes at most ${limit}`,
        { provider: 'assistant_app', status: 400, code: 'prompt_too_long' },
      );
    }
    const at = new Date();
    const started = performance.now();
    const capture = await withDeadline(
      'assistant_app',
      ctx,
      (signal) =>
        params.vendor === 'brightdata'
          ? viaBrightData(input, params, ctx, signal)
          : viaDataForSeo(input, params, ctx, signal),
      (err) => mapSerpError('assistant_app', err),
    );
    return buildAnswer({
      provider: 'assistant_app',
      api: `${params.vendor}:${params.queue}`,
      channel: 'app',
      model: input.model,
      parsed: parseOrFail('assistant_app', parseAppBody, capture.raw, capture.requestId),
      requestId: capture.requestId,
      latencyMs: elapsedMs(started),
      requestParams: capture.requestParams,
      raw: capture.raw,
      at,
      priceModel: `${params.vendor}:${params.queue}:${input.model}`,
    });
  },

  parse: parseAppBody,

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

/** The assistants a vendor captures: a configuration naming another is refused when saved. */
function vendorProblems(model: string, p: AppParams): ParamProblem[] {
  const covered = VENDOR_ASSISTANTS[p.vendor];
  if (!(APP_ASSISTANTS as readonly string[]).includes(model) || covered.includes(model as AppAssistant)) return [];
  return [
    {
      param: 'vendor',
      message: `${VENDOR_NAME[p.vendor]} captures only ${covered.map((a) => `"${a}"`).join(', ')} in Citewatch (its ChatGPT Search dataset is the one whose documented response the parser follows); use vendor "dataforseo" for ${model}`,
    },
  ];
}

/** Problems shared by the app surfaces (the real one and the mock). */
export function appProblems(
  p: { locale?: string | undefined; vendor?: string | undefined },
  known: boolean,
): ParamProblem[] {
  const problems: ParamProblem[] = [];
  if (!known)
    problems.push({ param: 'model', message: `must be one of: ${APP_ASSISTANTS.map((a) => `"${a}"`).join(', ')}` });
  // DataForSEO places a capture by its own location code; Bright Data takes the country code itself.
  if (p.locale && (p.vendor ?? 'dataforseo') === 'dataforseo') {
    const { country } = serpLocale(p.locale, undefined);
    if (country && dataForSeoLocationCode(country) === null)
      problems.push({ param: 'locale', message: `no DataForSEO location code known for ${country}` });
  }
  return problems;
}
