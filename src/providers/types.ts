/**
 * The provider contract: one query in, one normalized answer out, whatever the provider.
 * Workers depend only on this file and the registry; each adapter hides its SDK behind it.
 */
import type { ZodType } from 'zod';

/** A provider's name: the keys of its settings table (src/providers/settings.ts). */
export type { ProviderName } from './settings.js';
export type { ProviderCredentials, ProviderLimit, ProviderSetup } from './setup.js';
import type { ProviderName } from './settings.js';
import type { ProviderCredentials, ProviderSetup } from './setup.js';

/**
 * How an answer was collected: an official model API, a captured search page, an answer captured
 * from a consumer assistant app (what people see in ChatGPT or Gemini), or the mock.
 */
export type CollectionChannel = 'api' | 'serp' | 'mock' | 'app';

export type ReasoningEffort = 'none' | 'minimal' | 'low' | 'medium' | 'high' | 'xhigh' | 'max';

export interface UserLocation {
  country?: string;
  region?: string;
  city?: string;
  timezone?: string;
}

/**
 * What a user sets on a model configuration. Each adapter validates these for its provider and
 * model and refuses what the model would reject (never silently dropping a parameter).
 * Keys are optional: absent means "the provider's default".
 */
export interface ModelParams {
  temperature?: number;
  topP?: number;
  maxOutputTokens?: number;
  seed?: number;
  systemPrompt?: string;
  webSearch?: boolean;
  reasoningEffort?: ReasoningEffort;
  userLocation?: UserLocation;
  /** Language or locale hint where the provider supports one (SERP APIs, Perplexity). */
  locale?: string;
  /** Who is asking: a short description sent with the system prompt on API surfaces. */
  persona?: string;
  /** Provider-specific extras (e.g. baseUrl for openai_compatible, api for openai). */
  [key: string]: unknown;
}

export interface QueryInput {
  prompt: string;
  /** BCP 47 locale of the prompt, e.g. fr-FR. */
  locale: string;
  model: string;
  /** Effective parameters, as returned by validateConfig. */
  params: ModelParams;
  sampleIndex: number;
  /** 1 for the first attempt; lets the mock make failures deterministic yet retryable. */
  attempt: number;
  /**
   * How many times this attempt was rate-limited before (a 429 does not use an attempt), so the
   * mock's simulated 429s clear on a later try. 0 or absent on the first try.
   */
  rateLimitedTries?: number;
  /** Names the workspace tracks. Only the mock provider reads them, to answer like an assistant that knows the market. */
  knownBrands?: string[];
  /**
   * What the call is for, when it is not answering a tracked prompt: a workspace's suggested
   * competitors and prompts (onboarding). Adapters send `prompt` either way; only the mock reads
   * this, to answer such a request the way an assistant would.
   */
  task?: SuggestionTask;
  /**
   * A JSON Schema the answer must follow (structured output), for calls that are not answering a
   * tracked prompt (the stance judge). OpenAI and OpenAI-compatible adapters send it as the API's
   * json_schema format; the others rely on the prompt's own instructions, and the caller validates.
   */
  outputSchema?: OutputSchema;
}

/** A named JSON Schema for structured output (OpenAI's strict json_schema format). */
export interface OutputSchema {
  name: string;
  schema: Record<string, unknown>;
}

/** A request for a workspace's likely competitors and buyer prompts, answered as JSON. */
export interface SuggestionTask {
  kind: 'suggestions';
  brandName: string;
  website?: string | undefined;
  category?: string | undefined;
}

export interface QueryContext {
  signal?: AbortSignal;
  /** Time limit for the whole call. */
  timeoutMs: number;
  credentials: ProviderCredentials;
  /** Replaces the global fetch: tests point SDKs at a fake server this way. */
  fetch?: typeof fetch;
  /** First wait between two polls of a vendor task (assistant_app's standard queue); tests set 0. */
  pollIntervalMs?: number;
}

export interface ProviderCitation {
  url: string;
  title: string | null;
  /** UTF-16 string indices into NormalizedAnswer.text (adapters convert byte offsets), or null when the provider gives none. */
  start: number | null;
  end: number | null;
  citedText: string | null;
  /** annotation: inline citation of the API; grounding: Gemini grounding chunk; reference: SERP reference. */
  origin: 'annotation' | 'grounding' | 'reference';
  /** The URL exactly as the provider gave it, when `url` was rewritten (a Gemini grounding redirect resolved through its title). */
  providerUrl?: string;
}

/** A source the provider retrieved (searched, read) whether or not the answer cites it. */
export interface ProviderSource {
  url: string;
  title: string | null;
  /** The URL exactly as the provider gave it, when `url` was rewritten (see ProviderCitation.providerUrl). */
  providerUrl?: string;
}

/**
 * Token counts with one meaning across providers: inputTokens includes cached and cache-write
 * tokens (and Gemini's search-result tool tokens); outputTokens includes reasoning/thinking tokens,
 * which is how every provider bills them. searchCalls counts billed searches.
 */
export interface Usage {
  inputTokens: number;
  outputTokens: number;
  reasoningTokens: number;
  cachedInputTokens: number;
  searchCalls: number;
}

export type FinishReason =
  | 'stop'
  | 'length'
  | 'refusal'
  | 'content_filter'
  | 'incomplete'
  /** A SERP page showed no AI overview: a valid result, not an error. */
  | 'absent';

export interface NormalizedAnswer {
  provider: ProviderName;
  /** Which API produced it, e.g. responses, chat, messages, agent, generate_content, serpapi, dataforseo, mock. */
  api: string;
  channel: CollectionChannel;
  /** Model requested. */
  model: string;
  /** Model version the provider reports (dated snapshot), when it does. */
  modelVersion: string | null;
  /** Final answer text, reasoning and thinking removed. */
  text: string;
  citations: ProviderCitation[];
  sources: ProviderSource[];
  searchQueries: string[];
  usage: Usage;
  /** Cost in USD: the provider-reported cost when present, else computed from usage and the price table; null if the model has no known price. */
  costUsd: number | null;
  providerCostUsd: number | null;
  finish: FinishReason;
  requestId: string | null;
  latencyMs: number;
  /** The exact parameters sent to the provider (after mapping), secrets excluded. */
  requestParams: Record<string, unknown>;
  /** The provider's whole response body, for re-parsing later. */
  raw: unknown;
  /**
   * Facts worth keeping that fit no field: a web search that failed inside a successful call,
   * a citation offset that could not be trusted, an unconfirmed marker mapping. Absent when none.
   */
  notes?: string[];
}

/** What can be re-derived from a stored raw body alone (CLI `analyze --provider`, re-analysis). */
export type ParsedAnswer = Pick<
  NormalizedAnswer,
  'text' | 'citations' | 'sources' | 'searchQueries' | 'usage' | 'finish' | 'modelVersion' | 'providerCostUsd' | 'notes'
>;

export interface CostEstimateInput {
  model: string;
  params: ModelParams;
  /** Expected tokens per call; adapters may use their own typical values when absent. */
  inputTokens?: number;
  outputTokens?: number;
}

export interface ProviderAdapter {
  readonly name: ProviderName;
  readonly channel: CollectionChannel;
  readonly setup: ProviderSetup;
  /** zod schema of this provider's parameters (shape only; model-specific rules live in validateConfig). */
  readonly paramsSchema: ZodType<ModelParams>;
  /** Parameters of the common shape this provider never accepts, with the reason (GET /v1/providers leaves them out). */
  readonly unsupportedParams: Readonly<Record<string, string>>;
  /**
   * Validates parameters for a model and returns the effective parameters (defaults applied,
   * nothing dropped). Throws ConfigValidationError naming each refused parameter and why.
   */
  validateConfig(model: string, params: unknown): ModelParams;
  /** Calls the provider once. Throws ProviderError, classified by HTTP status. The SDK's own retries are off. */
  query(input: QueryInput, ctx: QueryContext): Promise<NormalizedAnswer>;
  /** Re-parses a raw body previously stored in NormalizedAnswer.raw (or captured from the provider's API). */
  parse(raw: unknown): ParsedAnswer;
  /** Estimated USD cost of one call, for budgets before a run starts. */
  estimateCost(input: CostEstimateInput): number;
}

export type ProviderErrorKind =
  /** 429 or an equivalent: wait (honouring Retry-After) and try again without using an attempt. */
  | 'rate_limited'
  /** 5xx, 529, timeouts, connection errors: retry with exponential backoff and jitter. */
  | 'transient'
  /** Other 4xx, quota exhausted, malformed responses: do not retry; keep the provider's message. */
  | 'permanent';

export class ProviderError extends Error {
  constructor(
    readonly kind: ProviderErrorKind,
    message: string,
    readonly details: {
      provider: ProviderName;
      status?: number | null;
      code?: string | null;
      retryAfterMs?: number | null;
      requestId?: string | null;
    },
  ) {
    super(message);
    this.name = 'ProviderError';
  }

  get status(): number | null {
    return this.details.status ?? null;
  }

  get code(): string | null {
    return this.details.code ?? null;
  }

  get retryAfterMs(): number | null {
    return this.details.retryAfterMs ?? null;
  }
}

export interface ParamProblem {
  /** The parameter, e.g. "temperature". */
  param: string;
  message: string;
}

/** A configuration the provider or model would reject; the API turns it into a 400 naming each parameter. */
export class ConfigValidationError extends Error {
  constructor(
    readonly provider: string,
    readonly model: string,
    readonly problems: ParamProblem[],
  ) {
    super(`${provider}/${model}: ${problems.map((p) => `${p.param}: ${p.message}`).join('; ')}`);
    this.name = 'ConfigValidationError';
  }
}
