/**
 * Every provider Citewatch can query. Adding a provider: write src/providers/<name>.ts
 * implementing ProviderAdapter, then add one line below.
 */
import { anthropicAdapter } from './anthropic.js';
import { geminiAdapter } from './gemini.js';
import { googleAiOverviewAdapter } from './google-ai-overview.js';
import { mockAdapter } from './mock.js';
import { openaiCompatibleAdapter } from './openai-compatible.js';
import { openaiAdapter } from './openai.js';
import { perplexityAdapter } from './perplexity.js';
import type { ProviderAdapter, ProviderName } from './types.js';

const adapters: Partial<Record<ProviderName, ProviderAdapter>> = {
  openai: openaiAdapter,
  anthropic: anthropicAdapter,
  perplexity: perplexityAdapter,
  gemini: geminiAdapter,
  google_ai_overview: googleAiOverviewAdapter,
  openai_compatible: openaiCompatibleAdapter,
  mock: mockAdapter,
};

export function getAdapter(name: string): ProviderAdapter {
  const adapter = adapters[name as ProviderName];
  if (!adapter) throw new Error(`unknown provider "${name}" (known: ${providerNames().join(', ')})`);
  return adapter;
}

export function hasAdapter(name: string): name is ProviderName {
  return name in adapters;
}

export function providerNames(): ProviderName[] {
  return Object.keys(adapters) as ProviderName[];
}
