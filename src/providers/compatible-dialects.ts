/**
 * How OpenAI-compatible endpoints differ from OpenAI, as data keyed by dialect. The dialect is
 * found from the base URL's host, or set explicitly on a configuration (e.g. a self-hosted
 * gateway). Facts: each gateway's API reference as read on 2026-11-28, tagged as in capabilities.ts.
 */

export type DialectName = 'openrouter' | 'xai' | 'mistral' | 'deepseek' | 'ollama' | 'generic';

export interface Dialect {
  name: DialectName;
  /** host or host:port. */
  hosts: readonly string[];
  defaultApi: 'chat' | 'responses';
  /** How web search is asked for; 'none' refuses webSearch with `searchNote`. */
  webSearch: 'openrouter_tool' | 'responses_tool' | 'none';
  searchNote: string;
  /** Field carrying the seed on Chat Completions. */
  seedField: 'seed' | 'random_seed';
  maxTokensField: 'max_tokens' | 'max_completion_tokens';
  /** Whether the search tool takes a user location. */
  searchLocation: boolean;
  /** Running on the user's own hardware: cost 0. */
  free?: boolean;
  /** Key used when none is configured (Ollama ignores keys but the SDK needs one). */
  placeholderKey?: string;
}

export const DIALECTS: Record<DialectName, Dialect> = {
  // Server tool works on every model; citations come back in the OpenAI Chat shape. [SDK + docs]
  openrouter: {
    name: 'openrouter',
    hosts: ['openrouter.ai'],
    defaultApi: 'chat',
    webSearch: 'openrouter_tool',
    searchNote: '',
    seedField: 'seed',
    maxTokensField: 'max_tokens',
    searchLocation: true,
  },
  // Live Search (search_parameters) returns 410; search is the web_search tool on /v1/responses. [3p]
  xai: {
    name: 'xai',
    hosts: ['api.x.ai'],
    defaultApi: 'responses',
    webSearch: 'responses_tool',
    searchNote: '',
    seedField: 'seed',
    maxTokensField: 'max_tokens',
    searchLocation: false,
  },
  // Chat Completions refuses web_search; search needs the Conversations API, not supported here. [docs]
  mistral: {
    name: 'mistral',
    hosts: ['api.mistral.ai'],
    defaultApi: 'chat',
    webSearch: 'none',
    searchNote: 'Mistral searches only through its Conversations API, which Citewatch does not call',
    seedField: 'random_seed',
    maxTokensField: 'max_tokens',
    searchLocation: false,
  },
  deepseek: {
    name: 'deepseek',
    hosts: ['api.deepseek.com'],
    defaultApi: 'chat',
    webSearch: 'none',
    searchNote: 'the DeepSeek API has no web search',
    seedField: 'seed',
    maxTokensField: 'max_tokens',
    searchLocation: false,
  },
  ollama: {
    name: 'ollama',
    hosts: ['localhost:11434', '127.0.0.1:11434', '[::1]:11434'],
    defaultApi: 'chat',
    webSearch: 'none',
    searchNote: 'a local Ollama model has no web search',
    seedField: 'seed',
    maxTokensField: 'max_tokens',
    searchLocation: false,
    free: true,
    placeholderKey: 'ollama',
  },
  generic: {
    name: 'generic',
    hosts: [],
    defaultApi: 'chat',
    webSearch: 'none',
    searchNote:
      'Citewatch does not know how this endpoint searches; set dialect to "openrouter" or "xai" if it speaks theirs',
    seedField: 'seed',
    maxTokensField: 'max_tokens',
    searchLocation: false,
  },
};

export function dialectForUrl(baseUrl: string): Dialect {
  let host = '';
  try {
    host = new URL(baseUrl).host.toLowerCase();
  } catch {
    return DIALECTS.generic;
  }
  return Object.values(DIALECTS).find((d) => d.hosts.includes(host)) ?? DIALECTS.generic;
}
