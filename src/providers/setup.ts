/**
 * A deployment's per-provider settings, derived from the adapters' own declarations
 * (ProviderAdapter.setup): their environment variables, queue limits and credentials. Nothing
 * here names a provider, which is what lets a new provider be one file and one registry line.
 */
import type { ZodType } from 'zod';
import { optionalSecret, optionalUrl, positiveInt } from '../config/settings.js';
import { sealedCredentials } from './credentials.js';
import type { ProviderAdapter, ProviderCredentials, ProviderLimit, ProviderSetup } from './types.js';

/** The variables that override a provider's queue limits, e.g. OPENAI_COMPATIBLE_RPM. */
export function limitVariables(provider: string): { rpm: string; concurrency: string } {
  const key = provider.toUpperCase();
  return { rpm: `${key}_RPM`, concurrency: `${key}_CONCURRENCY` };
}

/**
 * Every provider's variables, plus its two limit variables with the adapter's defaults.
 * Two declarations of one variable are a programming error, refused at startup by name.
 */
export function providerEnvShape(adapters: readonly ProviderAdapter[]): Record<string, ZodType> {
  const shape: Record<string, ZodType> = {};
  const owner = new Map<string, string>();
  const declare = (variable: string, schema: ZodType, provider: string) => {
    const other = owner.get(variable);
    if (other !== undefined) throw new Error(`providers "${other}" and "${provider}" both declare the environment variable ${variable}`);
    owner.set(variable, provider);
    shape[variable] = schema;
  };
  for (const adapter of adapters) {
    for (const [variable, schema] of Object.entries(adapter.setup.env)) declare(variable, schema, adapter.name);
    const limits = limitVariables(adapter.name);
    declare(limits.rpm, positiveInt.default(adapter.setup.limits.rpm), adapter.name);
    declare(limits.concurrency, positiveInt.default(adapter.setup.limits.concurrency), adapter.name);
  }
  return shape;
}

/** The provider's queue limits: its limit variables when the configuration holds them, else its defaults. */
export function limitsFrom(env: Readonly<Record<string, unknown>>, adapter: ProviderAdapter): ProviderLimit {
  const names = limitVariables(adapter.name);
  const rpm = env[names.rpm];
  const concurrency = env[names.concurrency];
  return {
    rpm: typeof rpm === 'number' ? rpm : adapter.setup.limits.rpm,
    concurrency: typeof concurrency === 'number' ? concurrency : adapter.setup.limits.concurrency,
  };
}

/** The deployment's credentials for the provider, empty values dropped, sealed against logging. */
export function credentialsFrom(env: Readonly<Record<string, unknown>>, adapter: ProviderAdapter): ProviderCredentials {
  return sealedCredentials(adapter.setup.credentials(env));
}

type Parsed<S extends Record<string, ZodType>> = { readonly [K in keyof S]: S[K] extends ZodType<infer O> ? O : never };

/**
 * Declares an adapter's setup with its credentials typed by its own variables' schemas:
 * `credentials` receives those variables parsed, as the loaded configuration holds them.
 */
export function defineSetup<S extends Record<string, ZodType>>(
  setup: Omit<ProviderSetup, 'env' | 'credentials'> & { env: S; credentials(env: Parsed<S>): ProviderCredentials },
): ProviderSetup {
  return setup as unknown as ProviderSetup;
}

/**
 * The usual setup of a keyed API: a key variable and an optional base-URL variable (a proxy or a
 * regional endpoint), organization keys accepted.
 */
export function apiKeySetup(names: { key: string; baseUrl: string }, limits: ProviderLimit): ProviderSetup {
  return defineSetup({
    env: { [names.key]: optionalSecret, [names.baseUrl]: optionalUrl },
    credentials: (env) => ({ apiKey: env[names.key], baseUrl: env[names.baseUrl] }),
    keyVariable: names.key,
    organizationKeys: true,
    limits,
  });
}
