/**
 * The shape of a provider's deployment settings (ProviderSetup) and the helpers that declare
 * one. The settings themselves are data in src/providers/settings.ts; what a deployment derives
 * from them (its configuration schema, credentials, queue limits) is in src/providers/deployment.ts.
 * This module imports no provider SDK and nothing of the configuration loader.
 */
import type { ZodType } from 'zod';
import { optionalSecret, optionalUrl } from '../config/settings.js';

export interface ProviderCredentials {
  apiKey?: string;
  login?: string;
  password?: string;
  baseUrl?: string;
  /** Base URL per vendor when one provider reaches several (google_ai_overview: serpapi, dataforseo). */
  baseUrls?: Partial<Record<string, string>>;
}

/** Queue limits of one provider. */
export interface ProviderLimit {
  /** Requests per minute, held across every worker process by the queue's limiter. */
  rpm: number;
  /** Calls in flight at once in one worker process. */
  concurrency: number;
}

/**
 * What a deployment configures for a provider: src/config/env.ts validates these variables with
 * every other setting (a bad value stops the process with the rest of the problems), workers build
 * the call's credentials and queue limits from them, and the organization-keys API accepts the
 * provider.
 */
export interface ProviderSetup {
  /** The provider's own environment variables and their zod schemas (see src/config/settings.ts). */
  readonly env: Readonly<Record<string, ZodType>>;
  /**
   * The deployment's credentials from the loaded configuration, which holds the variables above
   * parsed by their schemas. Returned credentials are sealed against logging by the caller.
   */
  credentials(env: Readonly<Record<string, unknown>>): ProviderCredentials;
  /** The variable holding the key, named in "not set" errors; null when the provider needs no key. */
  readonly keyVariable: string | null;
  /** Whether organizations may store their own key for it (PUT /v1/provider-credentials/{provider}). */
  readonly organizationKeys: boolean;
  /** Default queue limits; <NAME>_RPM and <NAME>_CONCURRENCY (NAME the provider in capitals) override them. */
  readonly limits: ProviderLimit;
  /**
   * Configurations name their own endpoint (params.baseUrl): base URLs are checked against the
   * egress policy when saved, workers connect through the egress guard, and the deployment's key
   * goes only to hosts the operator listed (src/providers/egress.ts).
   */
  readonly userEndpoint?: boolean;
}

/** A provider's name with its setup: what the deployment derivations read. */
export interface NamedSetup {
  readonly name: string;
  readonly setup: ProviderSetup;
}

/** The variables that override a provider's queue limits, e.g. OPENAI_COMPATIBLE_RPM. */
export function limitVariables(provider: string): { rpm: string; concurrency: string } {
  const key = provider.toUpperCase();
  return { rpm: `${key}_RPM`, concurrency: `${key}_CONCURRENCY` };
}

type Parsed<S extends Record<string, ZodType>> = { readonly [K in keyof S]: S[K] extends ZodType<infer O> ? O : never };

/**
 * Declares a setup with its credentials typed by its own variables' schemas: `credentials`
 * receives those variables parsed, as the loaded configuration holds them.
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
