/**
 * Provider credentials. Keys travel only from the deployment's configuration (each adapter's
 * settings, through deployment.ts) or an organization's encrypted keys into
 * QueryContext.credentials: never into job payloads, logs or stored request parameters.
 */
import { inspect } from 'node:util';
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

/** Credentials with empty values dropped, sealed (see sealCredentials). */
export function sealedCredentials(creds: ProviderCredentials): ProviderCredentials {
  const out: ProviderCredentials = {};
  if (creds.apiKey) out.apiKey = creds.apiKey;
  if (creds.login) out.login = creds.login;
  if (creds.password) out.password = creds.password;
  if (creds.baseUrl) out.baseUrl = creds.baseUrl;
  const urls = Object.entries(creds.baseUrls ?? {}).filter(([, v]) => typeof v === 'string' && v !== '');
  if (urls.length > 0) out.baseUrls = Object.fromEntries(urls);
  return sealCredentials(out);
}

/** The API key, or a permanent ProviderError naming the variable to set. */
export function requireApiKey(provider: ProviderName, creds: ProviderCredentials, keyVariable: string | null): string {
  if (!creds.apiKey) throw missingCredential(provider, keyVariable ?? `the ${provider} API key`);
  return creds.apiKey;
}
