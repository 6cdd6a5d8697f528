/**
 * Every provider Citewatch can query, by name. Adding a provider: its settings in
 * src/providers/settings.ts, its adapter in src/providers/<name>.ts (a ProviderAdapter), then one
 * line below. Its worker queue, the organization-keys API and `citewatch analyze --provider`
 * follow from these two tables. This module loads every provider SDK: the configuration does not
 * import it.
 */
import { anthropicAdapter } from './anthropic.js';
import { assistantAppAdapter } from './assistant-app.js';
import { geminiAdapter } from './gemini.js';
import { googleAiOverviewAdapter } from './google-ai-overview.js';
import { mockAppAdapter } from './mock-app.js';
import { mockAdapter } from './mock.js';
import { openaiCompatibleAdapter } from './openai-compatible.js';
import { openaiAdapter } from './openai.js';
import { perplexityAdapter } from './perplexity.js';
import { isProviderName, providerNames, providerSettings, type ProviderName } from './settings.js';
import type { ProviderAdapter } from './types.js';

export { providerNames } from './settings.js';

const adapters = {
  openai: openaiAdapter,
  anthropic: anthropicAdapter,
  perplexity: perplexityAdapter,
  gemini: geminiAdapter,
  google_ai_overview: googleAiOverviewAdapter,
  assistant_app: assistantAppAdapter,
  openai_compatible: openaiCompatibleAdapter,
  mock: mockAdapter,
  mock_app: mockAppAdapter,
} satisfies Record<ProviderName, ProviderAdapter>;

for (const [key, adapter] of Object.entries(adapters)) {
  if (adapter.name !== key) throw new Error(`the registry lists the adapter "${adapter.name}" under "${key}"`);
  if (adapter.setup !== providerSettings[adapter.name])
    throw new Error(`the adapter "${key}" must use its entry of src/providers/settings.ts`);
}

export function getAdapter(name: string): ProviderAdapter {
  if (!hasAdapter(name)) throw new Error(`unknown provider "${name}" (known: ${providerNames().join(', ')})`);
  return adapters[name];
}

export function hasAdapter(name: string): name is ProviderName {
  return isProviderName(name);
}

export function adapterList(): ProviderAdapter[] {
  return Object.values(adapters);
}
