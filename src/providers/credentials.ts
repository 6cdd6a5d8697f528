/**
 * Provider credentials from the environment. Keys travel only from here (or, later, from an
 * organization's encrypted keys) into QueryContext.credentials: never into job payloads, logs or
 * stored request parameters.
 */
import { inspect } from 'node:util';
import type { Env } from '../config/env.js';
import { missingCredential } from './errors.js';
import type { ProviderCredentials, ProviderName } from './types.js';

const SECRET_FIELDS = ['apiKey', 'password'] as const;

/**
 * Makes credentials serialise without their secrets (JSON.stringify, pino, util.inspect), as a
 * second line of defence behind the logger's redaction paths: a context logged at any depth
 * shows "[redacted]". Reading the fields is unchanged.
 */
export function sealCredentials(creds: ProviderCredentials): ProviderCredentials {
  const view = () => {
    const shown: Record<string, unknown> = { ...creds };
    for (const field of SECRET_FIELDS) if (shown[field] !== undefined) shown[field] = '[redacted]';
    return shown;
  };
  Object.defineProperty(creds, 'toJSON', { value: view, enumerable: false });
  Object.defineProperty(creds, inspect.custom, { value: () => view(), enumerable: false });
  return creds;
}

function compact(creds: ProviderCredentials): ProviderCredentials {
  const out: ProviderCredentials = {};
  if (creds.apiKey) out.apiKey = creds.apiKey;
  if (creds.login) out.login = creds.login;
  if (creds.password) out.password = creds.password;
  if (creds.baseUrl) out.baseUrl = creds.baseUrl;
  const urls = Object.entries(creds.baseUrls ?? {}).filter(([, v]) => typeof v === 'string' && v !== '');
  if (urls.length > 0) out.baseUrls = Object.fromEntries(urls);
  return sealCredentials(out);
}

export function credentialsFromEnv(env: Env, provider: ProviderName): ProviderCredentials {
  switch (provider) {
    case 'openai':
      return compact({ apiKey: env.OPENAI_API_KEY, baseUrl: env.OPENAI_BASE_URL });
    case 'anthropic':
      return compact({ apiKey: env.ANTHROPIC_API_KEY, baseUrl: env.ANTHROPIC_BASE_URL });
    case 'perplexity':
      return compact({ apiKey: env.PERPLEXITY_API_KEY, baseUrl: env.PERPLEXITY_BASE_URL });
    case 'gemini':
      return compact({ apiKey: env.GEMINI_API_KEY, baseUrl: env.GEMINI_BASE_URL });
    case 'google_ai_overview':
      return compact({
        apiKey: env.SERPAPI_API_KEY,
        login: env.DATAFORSEO_LOGIN,
        password: env.DATAFORSEO_PASSWORD,
        baseUrls: { serpapi: env.SERPAPI_BASE_URL, dataforseo: env.DATAFORSEO_BASE_URL },
      });
    case 'openai_compatible':
      // The base URL belongs to each configuration (params.baseUrl), not to the deployment.
      return compact({ apiKey: env.OPENAI_COMPATIBLE_API_KEY });
    case 'mock':
      return compact({});
  }
}

/** The environment variable that holds each provider's key, named in "not set" errors. */
export const KEY_VARIABLE: Record<ProviderName, string> = {
  openai: 'OPENAI_API_KEY',
  anthropic: 'ANTHROPIC_API_KEY',
  perplexity: 'PERPLEXITY_API_KEY',
  gemini: 'GEMINI_API_KEY',
  google_ai_overview: 'SERPAPI_API_KEY',
  openai_compatible: 'OPENAI_COMPATIBLE_API_KEY',
  mock: '',
};

/** The API key, or a permanent ProviderError naming the variable to set. */
export function requireApiKey(provider: ProviderName, creds: ProviderCredentials): string {
  if (!creds.apiKey) throw missingCredential(provider, KEY_VARIABLE[provider]);
  return creds.apiKey;
}
