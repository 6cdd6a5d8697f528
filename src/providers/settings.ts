/**
 * Every provider's deployment settings, as data: its environment variables and how they become
 * credentials, the variable named when its key is missing, whether organizations may store their
 * own key, and its default queue limits. The keys of this table are the provider names.
 *
 * Both the configuration loader (src/config/env.ts) and the adapters import this module; it loads
 * no provider SDK, so reading the configuration (even for `citewatch migrate`) stays light.
 * Adding a provider: an entry here, its adapter in src/providers/<name>.ts, and one line in
 * src/providers/registry.ts (the type checker asks for each).
 */
import { optionalSecret, optionalUrl } from '../config/settings.js';
import { apiKeySetup, defineSetup, type ProviderSetup } from './setup.js';

export const providerSettings = {
  openai: apiKeySetup({ key: 'OPENAI_API_KEY', baseUrl: 'OPENAI_BASE_URL' }, { rpm: 500, concurrency: 10 }),
  anthropic: apiKeySetup({ key: 'ANTHROPIC_API_KEY', baseUrl: 'ANTHROPIC_BASE_URL' }, { rpm: 50, concurrency: 5 }),
  perplexity: apiKeySetup({ key: 'PERPLEXITY_API_KEY', baseUrl: 'PERPLEXITY_BASE_URL' }, { rpm: 50, concurrency: 5 }),
  gemini: apiKeySetup({ key: 'GEMINI_API_KEY', baseUrl: 'GEMINI_BASE_URL' }, { rpm: 150, concurrency: 10 }),
  google_ai_overview: defineSetup({
    env: {
      SERPAPI_API_KEY: optionalSecret,
      SERPAPI_BASE_URL: optionalUrl,
      DATAFORSEO_LOGIN: optionalSecret,
      DATAFORSEO_PASSWORD: optionalSecret,
      DATAFORSEO_BASE_URL: optionalUrl,
    },
    credentials: (env) => ({
      apiKey: env.SERPAPI_API_KEY,
      login: env.DATAFORSEO_LOGIN,
      password: env.DATAFORSEO_PASSWORD,
      baseUrls: { serpapi: env.SERPAPI_BASE_URL, dataforseo: env.DATAFORSEO_BASE_URL },
    }),
    keyVariable: 'SERPAPI_API_KEY',
    organizationKeys: true,
    limits: { rpm: 60, concurrency: 5 },
  }),
  /**
   * Answers captured from consumer assistant apps (ChatGPT search mode, Gemini) through DataForSEO's
   * LLM Scraper: the deployment's DataForSEO login, which google_ai_overview declares, is reused;
   * or through Bright Data's ChatGPT Search scraper, with BRIGHTDATA_API_KEY.
   */
  assistant_app: defineSetup({
    env: { BRIGHTDATA_API_KEY: optionalSecret, BRIGHTDATA_BASE_URL: optionalUrl },
    credentials: (env) => {
      const dataForSeo = dataForSeoCredentials(env);
      return {
        ...dataForSeo,
        apiKey: env.BRIGHTDATA_API_KEY,
        baseUrls: { ...dataForSeo.baseUrls, brightdata: env.BRIGHTDATA_BASE_URL },
      };
    },
    keyVariable: 'DATAFORSEO_LOGIN',
    organizationKeys: true,
    // DataForSEO takes 2000 calls a minute; a live capture takes up to 90 s, so concurrency is the limit.
    limits: { rpm: 60, concurrency: 10 },
  }),
  openai_compatible: defineSetup({
    /** Key for OpenAI-compatible endpoints (Mistral, DeepSeek, xAI, OpenRouter, Ollama); the base URL is per configuration. */
    env: { OPENAI_COMPATIBLE_API_KEY: optionalSecret },
    credentials: (env) => ({ apiKey: env.OPENAI_COMPATIBLE_API_KEY }),
    keyVariable: 'OPENAI_COMPATIBLE_API_KEY',
    organizationKeys: true,
    limits: { rpm: 60, concurrency: 5 },
    userEndpoint: true,
  }),
  mock: defineSetup({
    env: {},
    credentials: () => ({}),
    keyVariable: null,
    organizationKeys: false,
    limits: { rpm: 600_000, concurrency: 100 },
  }),
  /** A deterministic consumer-app surface (answers in the LLM Scraper's shape), for demos and tests. */
  mock_app: defineSetup({
    env: {},
    credentials: () => ({}),
    keyVariable: null,
    organizationKeys: false,
    limits: { rpm: 600_000, concurrency: 100 },
  }),
} satisfies Record<string, ProviderSetup>;

/**
 * The DataForSEO login of the deployment, declared by google_ai_overview's entry and shared by
 * every provider captured through DataForSEO (one account, one balance).
 */
function dataForSeoCredentials(env: Readonly<Record<string, unknown>>) {
  const text = (name: string) => (typeof env[name] === 'string' ? (env[name] as string) : undefined);
  return {
    login: text('DATAFORSEO_LOGIN'),
    password: text('DATAFORSEO_PASSWORD'),
    baseUrls: { dataforseo: text('DATAFORSEO_BASE_URL') },
  };
}

/** A provider's name. */
export type ProviderName = keyof typeof providerSettings;

export function isProviderName(name: string): name is ProviderName {
  return Object.hasOwn(providerSettings, name);
}

export function providerNames(): ProviderName[] {
  return Object.keys(providerSettings) as ProviderName[];
}

/** Every provider with its setup, in the table's order. */
export function namedSetups(): { name: ProviderName; setup: ProviderSetup }[] {
  return providerNames().map((name) => ({ name, setup: providerSettings[name] }));
}

/** Providers whose key an organization may store for itself (the mock needs none). */
export function organizationKeyProviders(): ProviderName[] {
  return providerNames().filter((name) => providerSettings[name].organizationKeys);
}
