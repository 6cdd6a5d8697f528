/**
 * What a deployment derives from the providers' settings (src/providers/settings.ts): the
 * configuration schema's provider variables, each provider's credentials and queue limits.
 * Nothing here names a provider.
 */
import type { ZodType } from 'zod';
import { positiveInt } from '../config/settings.js';
import { sealedCredentials } from './credentials.js';
import { isProviderName, providerSettings, type ProviderName } from './settings.js';
import { limitVariables, type NamedSetup, type ProviderCredentials, type ProviderLimit } from './setup.js';

type Settings = Readonly<Record<string, unknown>>;

/**
 * Every provider's variables, plus its two limit variables with the setup's defaults.
 * Two declarations of one variable are a programming error, refused at startup by name.
 */
export function providerEnvShape(providers: readonly NamedSetup[]): Record<string, ZodType> {
  const shape: Record<string, ZodType> = {};
  const owner = new Map<string, string>();
  const declare = (variable: string, schema: ZodType, provider: string) => {
    const other = owner.get(variable);
    if (other !== undefined)
      throw new Error(`providers "${other}" and "${provider}" both declare the environment variable ${variable}`);
    owner.set(variable, provider);
    shape[variable] = schema;
  };
  for (const { name, setup } of providers) {
    for (const [variable, schema] of Object.entries(setup.env)) declare(variable, schema, name);
    const limits = limitVariables(name);
    declare(limits.rpm, positiveInt.default(setup.limits.rpm), name);
    declare(limits.concurrency, positiveInt.default(setup.limits.concurrency), name);
  }
  return shape;
}

/** The provider's queue limits: its limit variables when the configuration holds them, else its defaults. */
export function limitsFrom(env: Settings, { name, setup }: NamedSetup): ProviderLimit {
  const names = limitVariables(name);
  const rpm = env[names.rpm];
  const concurrency = env[names.concurrency];
  return {
    rpm: typeof rpm === 'number' ? rpm : setup.limits.rpm,
    concurrency: typeof concurrency === 'number' ? concurrency : setup.limits.concurrency,
  };
}

/** The deployment's credentials for the provider, empty values dropped, sealed against logging. */
export function credentialsFrom(env: Settings, { setup }: NamedSetup): ProviderCredentials {
  return sealedCredentials(setup.credentials(env));
}

/** The deployment's credentials for a registered provider, from its own variables. */
export function credentialsFromEnv(env: Settings, provider: ProviderName): ProviderCredentials {
  return credentialsFrom(env, { name: provider, setup: providerSettings[provider] });
}

/** A registered provider's queue limits in this deployment. */
export function providerLimit(env: Settings, provider: ProviderName): ProviderLimit {
  return limitsFrom(env, { name: provider, setup: providerSettings[provider] });
}

/** A provider queue's global concurrency in this deployment; 1 for a name no provider has. */
export function queryConcurrency(env: Settings, provider: string): number {
  return isProviderName(provider) ? providerLimit(env, provider).concurrency : 1;
}
