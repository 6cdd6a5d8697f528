/**
 * Dated price table, in USD. Prices change (Gemini 3.8 Flash on 2027-01-01, Claude cache reads
 * on 2026-10-07, GPT-5.6 on 2026-07-30), so each entry holds from `effectiveFrom` (UTC) until
 * the next entry for the same model; before a model's first entry, its first entry applies.
 * Sources are the providers' published price pages as read on 2026-11-28 (each entry's date says
 * from when it holds); update by adding an entry, never by editing an old one.
 *
 * Token prices are per million tokens. An entry with model '*' holds the provider's fees
 * (per search, per request), which apply to every model unless its own entry sets them.
 * A provider-reported cost (Perplexity usage.cost, DataForSEO cost, OpenRouter usage.cost)
 * always wins over this table.
 */
import type { ProviderName } from './types.js';

export interface PriceEntry {
  provider: ProviderName;
  /** Model id without date suffix, a prefix ending in '*', or '*' for provider-wide fees. */
  model: string;
  /** YYYY-MM-DD, UTC. */
  effectiveFrom: string;
  inputPerMTok?: number;
  outputPerMTok?: number;
  /** Cached input; when absent cached tokens are charged at the input price (an upper bound). */
  cachedInputPerMTok?: number;
  perSearchUsd?: number;
  perRequestUsd?: number;
  /** Higher prices when the prompt is long (Gemini Pro, Grok above 200k input tokens). */
  longContext?: { aboveInputTokens: number; inputPerMTok: number; outputPerMTok: number };
  /** Token prices multiplied during peak hours (DeepSeek), weekdays only, UTC [from, to) hours. */
  peak?: { multiplier: number; hoursUtc: ReadonlyArray<readonly [number, number]> };
  source: string;
}

const OPENAI_SRC = 'api-evangelist OpenAI plans file 2026-05-04 [3p]';
const PROMPTFUEL = 'PromptFuel release notes [3p]';
const ANTHROPIC_SRC = 'platform.claude.com model pages as captured 2026 [docs + 3p]';
const GEMINI_SRC = 'api-evangelist harvest of ai.google.dev/pricing 2026-10-07 [3p of docs]';
const PPLX_SRC = 'api-evangelist Perplexity plans 2026-05-04 (Sonar) and 2026-10-07 (tools) [3p]';
const DEEPSEEK_PEAK = {
  multiplier: 2,
  hoursUtc: [
    [1, 4],
    [6, 10],
  ],
} as const;

export const PRICES: readonly PriceEntry[] = [
  // OpenAI (standard tier). Web search: $10 per 1K tool calls (GA web_search), checked 2026-03-12.
  {
    provider: 'openai',
    model: '*',
    effectiveFrom: '2026-03-12',
    perSearchUsd: 0.01,
    source: 'modelcostwatch OpenAI web-search costs, checked 2026-03-12 [docs via 3p]',
  },
  {
    provider: 'openai',
    model: 'gpt-5.4',
    effectiveFrom: '2026-05-04',
    inputPerMTok: 2.5,
    cachedInputPerMTok: 0.25,
    outputPerMTok: 15,
    source: OPENAI_SRC,
  },
  {
    provider: 'openai',
    model: 'gpt-5.4-mini',
    effectiveFrom: '2026-05-04',
    inputPerMTok: 0.75,
    cachedInputPerMTok: 0.075,
    outputPerMTok: 4.5,
    source: OPENAI_SRC,
  },
  {
    provider: 'openai',
    model: 'gpt-5.4-nano',
    effectiveFrom: '2026-05-04',
    inputPerMTok: 0.2,
    cachedInputPerMTok: 0.02,
    outputPerMTok: 1.25,
    source: OPENAI_SRC,
  },
  {
    provider: 'openai',
    model: 'gpt-5.5',
    effectiveFrom: '2026-05-04',
    inputPerMTok: 5,
    cachedInputPerMTok: 0.5,
    outputPerMTok: 30,
    source: OPENAI_SRC,
  },
  {
    provider: 'openai',
    model: 'gpt-5.6-terra',
    effectiveFrom: '2026-07-30',
    inputPerMTok: 2,
    cachedInputPerMTok: 0.2,
    outputPerMTok: 12,
    source: PROMPTFUEL,
  },
  {
    provider: 'openai',
    model: 'gpt-5.6-luna',
    effectiveFrom: '2026-07-30',
    inputPerMTok: 0.2,
    cachedInputPerMTok: 0.02,
    outputPerMTok: 1.2,
    source: PROMPTFUEL,
  },
  {
    provider: 'openai',
    model: 'gpt-6-astra',
    effectiveFrom: '2026-09-03',
    inputPerMTok: 10,
    cachedInputPerMTok: 1,
    outputPerMTok: 50,
    source: PROMPTFUEL,
  },
  {
    provider: 'openai',
    model: 'gpt-5-nano',
    effectiveFrom: '2026-05-04',
    inputPerMTok: 0.05,
    cachedInputPerMTok: 0.005,
    outputPerMTok: 0.4,
    source: 'developers.openai.com model page [docs]',
  },

  // Anthropic. Web search: $10 per 1K searches. Cache writes are charged at the input price here (they cost 1.25x; not itemised in Usage).
  {
    provider: 'anthropic',
    model: '*',
    effectiveFrom: '2026-05-04',
    perSearchUsd: 0.01,
    source: 'api-evangelist Anthropic plans 2026-05 [3p]',
  },
  {
    provider: 'anthropic',
    model: 'claude-sonnet-5-5',
    effectiveFrom: '2026-01-01',
    inputPerMTok: 2,
    cachedInputPerMTok: 0.2,
    outputPerMTok: 10,
    source: `${ANTHROPIC_SRC}; cache-read price before the 2026-10-07 change, start date not known`,
  },
  {
    provider: 'anthropic',
    model: 'claude-sonnet-5-5',
    effectiveFrom: '2026-10-07',
    inputPerMTok: 2,
    cachedInputPerMTok: 0.1,
    outputPerMTok: 10,
    source: ANTHROPIC_SRC,
  },
  {
    provider: 'anthropic',
    model: 'claude-sonnet-5',
    effectiveFrom: '2026-01-01',
    inputPerMTok: 2,
    cachedInputPerMTok: 0.2,
    outputPerMTok: 10,
    source: ANTHROPIC_SRC,
  },
  {
    provider: 'anthropic',
    model: 'claude-opus-5-5',
    effectiveFrom: '2026-01-01',
    inputPerMTok: 4,
    outputPerMTok: 20,
    source: `${ANTHROPIC_SRC}; cache-read price not found`,
  },
  {
    provider: 'anthropic',
    model: 'claude-opus-5',
    effectiveFrom: '2026-01-01',
    inputPerMTok: 5,
    cachedInputPerMTok: 0.5,
    outputPerMTok: 25,
    source: ANTHROPIC_SRC,
  },
  {
    provider: 'anthropic',
    model: 'claude-haiku-5-5',
    effectiveFrom: '2026-01-01',
    inputPerMTok: 0.1,
    cachedInputPerMTok: 0.01,
    outputPerMTok: 0.5,
    source: `${ANTHROPIC_SRC}; lower band, prompts up to 100K tokens [3p]`,
  },
  {
    provider: 'anthropic',
    model: 'claude-haiku-4-5',
    effectiveFrom: '2025-10-01',
    inputPerMTok: 1,
    cachedInputPerMTok: 0.1,
    outputPerMTok: 5,
    source: ANTHROPIC_SRC,
  },

  // Gemini Developer API, paid tier. Grounding: 5,000 free queries a month, then $14 per 1K; charged on every query here (upper bound).
  { provider: 'gemini', model: '*', effectiveFrom: '2026-10-07', perSearchUsd: 0.014, source: GEMINI_SRC },
  {
    provider: 'gemini',
    model: 'gemini-3.8-flash',
    effectiveFrom: '2026-10-07',
    inputPerMTok: 0.75,
    outputPerMTok: 3.75,
    source: GEMINI_SRC,
  },
  {
    provider: 'gemini',
    model: 'gemini-3.8-flash',
    effectiveFrom: '2027-01-01',
    inputPerMTok: 1.5,
    outputPerMTok: 7.5,
    source: `${GEMINI_SRC}; announced change`,
  },
  {
    provider: 'gemini',
    model: 'gemini-3.5-flash',
    effectiveFrom: '2026-10-07',
    inputPerMTok: 1.5,
    outputPerMTok: 9,
    source: GEMINI_SRC,
  },
  {
    provider: 'gemini',
    model: 'gemini-3.5-flash-lite',
    effectiveFrom: '2026-10-07',
    inputPerMTok: 0.3,
    outputPerMTok: 2.5,
    source: GEMINI_SRC,
  },
  {
    provider: 'gemini',
    model: 'gemini-3.1-pro-preview',
    effectiveFrom: '2026-10-07',
    inputPerMTok: 2,
    outputPerMTok: 12,
    longContext: { aboveInputTokens: 200_000, inputPerMTok: 4, outputPerMTok: 18 },
    source: GEMINI_SRC,
  },

  // Perplexity Agent API: tokens at the underlying provider's price (looked up through the vendor prefix), plus tool fees.
  {
    provider: 'perplexity',
    model: '*',
    effectiveFrom: '2026-10-07',
    perSearchUsd: 0.0025,
    source: `${PPLX_SRC}; fetch_url ($0.0005) not itemised`,
  },
  {
    provider: 'perplexity',
    model: 'sonar',
    effectiveFrom: '2026-05-04',
    inputPerMTok: 1,
    outputPerMTok: 1,
    perSearchUsd: 0,
    perRequestUsd: 0.005,
    source: `${PPLX_SRC}; request fee at low context size`,
  },
  {
    provider: 'perplexity',
    model: 'sonar-pro',
    effectiveFrom: '2026-05-04',
    inputPerMTok: 3,
    outputPerMTok: 15,
    perSearchUsd: 0,
    perRequestUsd: 0.006,
    source: `${PPLX_SRC}; request fee at low context size`,
  },
  {
    provider: 'perplexity',
    model: 'sonar-reasoning-pro',
    effectiveFrom: '2026-05-04',
    inputPerMTok: 2,
    outputPerMTok: 8,
    perSearchUsd: 0,
    perRequestUsd: 0.006,
    source: `${PPLX_SRC}; request fee at low context size`,
  },
  {
    provider: 'perplexity',
    model: 'sonar-deep-research',
    effectiveFrom: '2026-05-04',
    inputPerMTok: 2,
    outputPerMTok: 8,
    perSearchUsd: 0.005,
    source: `${PPLX_SRC}; citation and reasoning tokens not itemised`,
  },

  // OpenAI-compatible endpoints (by model id; OpenRouter ids "vendor/model" use the vendor's entry).
  {
    provider: 'openai_compatible',
    model: 'deepseek-flash',
    effectiveFrom: '2026-10-27',
    inputPerMTok: 0.15,
    cachedInputPerMTok: 0.003,
    outputPerMTok: 0.6,
    peak: DEEPSEEK_PEAK,
    source: 'deepseek-api-pricing-2026 wiki, off-peak with x2 peak [3p]',
  },
  {
    provider: 'openai_compatible',
    model: 'deepseek-v4-pro',
    effectiveFrom: '2026-10-27',
    inputPerMTok: 0.66,
    cachedInputPerMTok: 0.022,
    outputPerMTok: 1.98,
    peak: DEEPSEEK_PEAK,
    source: 'deepseek-api-pricing-2026 wiki, off-peak with x2 peak [3p]',
  },
  {
    provider: 'openai_compatible',
    model: 'mistral-medium-latest',
    effectiveFrom: '2026-06-01',
    inputPerMTok: 1.5,
    outputPerMTok: 7.5,
    source: 'braintrust-proxy issue #802, Medium 3.5 [3p]; start date not known',
  },
  {
    provider: 'openai_compatible',
    model: 'mistral-small-latest',
    effectiveFrom: '2025-01-01',
    inputPerMTok: 0.1,
    outputPerMTok: 0.3,
    source: 'Mistral Small 2025 price, providers.md §6.2 [3p]',
  },
  {
    provider: 'openai_compatible',
    model: 'grok-4.7',
    effectiveFrom: '2026-09-29',
    inputPerMTok: 2,
    cachedInputPerMTok: 0.5,
    outputPerMTok: 6,
    perSearchUsd: 0.005,
    longContext: { aboveInputTokens: 200_000, inputPerMTok: 4, outputPerMTok: 12 },
    source: 'apidog Grok 4.7 guide 2026-09-29; search fee from OpenRouter listing [3p]',
  },
  {
    provider: 'openai_compatible',
    model: 'grok-4',
    effectiveFrom: '2026-01-01',
    inputPerMTok: 3,
    outputPerMTok: 15,
    source: 'grok-4 list price, providers.md §6.1 [3p]; start date not known',
  },

  // SERP captures, keyed "vendor:surface"; billed per vendor request.
  {
    provider: 'google_ai_overview',
    model: 'serpapi:*',
    effectiveFrom: '2026-01-01',
    perSearchUsd: 0.015,
    source:
      'SerpApi Developer plan $75 / 5K searches, scrape.do comparison 2026 [3p]; the page_token follow-up is another search',
  },
  {
    provider: 'google_ai_overview',
    model: 'dataforseo:ai_mode',
    effectiveFrom: '2026-01-01',
    perRequestUsd: 0.004,
    source: 'dataforseo.com AI Mode live price [docs]',
  },
  {
    provider: 'google_ai_overview',
    model: 'dataforseo:ai_overview',
    effectiveFrom: '2026-01-01',
    perRequestUsd: 0.004,
    source: 'estimate (organic live + async AI overview); DataForSEO reports the exact cost per task',
  },

  // Consumer-app captures through DataForSEO's LLM Scraper, keyed "vendor:queue:assistant"; billed
  // per task (task_get is free). dataforseo.com/chatgpt-scraper-api (read 2026-12-06): "from
  // $0.0012 per ChatGPT results page", Standard, Priority and Live modes. The Live price is not on
  // that page: the SERP family's ladder ($0.0012 standard, $0.004 live, providers.md §7.2) is
  // assumed, and the cost DataForSEO reports on each task always wins over these figures.
  {
    provider: 'assistant_app',
    model: 'dataforseo:standard:*',
    effectiveFrom: '2026-01-01',
    perRequestUsd: 0.0012,
    source: 'dataforseo.com ChatGPT Scraper API page, "from $0.0012 per results page" (read 2026-12-06) [vendor]',
  },
  {
    provider: 'assistant_app',
    model: 'dataforseo:live:*',
    effectiveFrom: '2026-01-01',
    perRequestUsd: 0.004,
    source:
      'assumed from DataForSEO SERP live price ($0.004, providers.md §7.2); LLM Scraper live price not published on the page read 2026-12-06',
  },
  // ChatGPT app captures through Bright Data's Web Scraper API, billed per delivered record, the
  // same for /scrape and /trigger; the vendor reports no cost on a record, so this figure is the cost.
  {
    provider: 'assistant_app',
    model: 'brightdata:*',
    effectiveFrom: '2026-01-01',
    perRequestUsd: 0.0015,
    source:
      'Bright Data Web Scraper API, $1.30-1.50 per 1,000 delivered records (pay-as-you-go at the top), api-evangelist bright-data finops file 2026-05-25, read 2026-12-07 [3p of brightdata.com/pricing]',
  },
];
