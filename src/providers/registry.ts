/**
 * Every provider Citewatch can query. Adding a provider: write src/providers/<name>.ts exporting
 * a ProviderAdapter (its setup declares its environment variables, key and queue limits), then
 * add one line below. The provider's name, its settings, its worker queue, the organization-keys
 * API and `citewatch analyze --provider` all follow from this table.
 */
import type { Env } from '../config/env.js';
import { anthropicAdapter } from './anthropic.js';
import { geminiAdapter } from './gemini.js';
import { googleAiOverviewAdapter } from './google-ai-overview.js';
import { mockAdapter } from './mock.js';
import { openaiCompatibleAdapter } from './openai-compatible.js';
import { openaiAdapter } from './openai.js';
import { perplexityAdapter } from './perplexity.js';
import { credentialsFrom, limitsFrom } from './setup.js';
import type { ProviderAdapter, ProviderCredentials, ProviderLimit } from './types.js';

const adapters = {
  openai: openaiAdapter,
  anthropic: anthropicAdapter,
  perplexity: perplexityAdapter,
  gemini: geminiAdapter,
  google_ai_overview: googleAiOverviewAdapter,
  openai_compatible: openaiCompatibleAdapter,
  mock: mockAdapter,
} satisfies Record<string, ProviderAdapter>;

/** A registered provider's name. */
export type ProviderName = keyof typeof adapters;

for (const [key, adapter] of Object.entries(adapters)) {
  if (adapter.name !== key) throw new Error(`the registry lists the adapter "${adapter.name}" under "${key}"`);
}

export function getAdapter(name: string): ProviderAdapter {
  if (!hasAdapter(name)) throw new Error(`unknown provider "${name}" (known: ${providerNames().join(', ')})`);
  return adapters[name];
}

export function hasAdapter(name: string): name is ProviderName {
  return Object.hasOwn(adapters, name);
}

export function providerNames(): ProviderName[] {
  return Object.keys(adapters) as ProviderName[];
}

export function adapterList(): ProviderAdapter[] {
  return Object.values(adapters);
}

/** Providers whose key an organization may store for itself (the mock needs none). */
export function organizationKeyProviders(): ProviderName[] {
  return providerNames().filter((name) => adapters[name].setup.organizationKeys);
}

/** The deployment's credentials for a provider, from its own variables; sealed against logging. */
export function credentialsFromEnv(env: Env, provider: ProviderName): ProviderCredentials {
  return credentialsFrom(env, getAdapter(provider));
}

/** A provider's queue limits in this deployment. */
export function providerLimit(env: Env, provider: ProviderName): ProviderLimit {
  return limitsFrom(env, getAdapter(provider));
}
