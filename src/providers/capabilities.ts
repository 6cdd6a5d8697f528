/**
 * What each model accepts, as data. validateConfig reads this table to refuse a parameter the
 * model would reject (with the reason below), instead of scattering ifs across adapters.
 * Facts are the providers' API references and SDK types as read on 2026-11-28, summed up per
 * provider in src/providers/README.md; each rule is tagged: [SDK] read in the installed SDK,
 * [docs] provider docs, [3p] third-party report, [mem] unverified background knowledge.
 *
 * Lookup: the first rule, in table order, whose pattern matches the model id. Patterns are
 * exact ids or prefixes ending in '*'. A dated snapshot ("gpt-5.4-mini-2026-03-17") matches its
 * family prefix. A model no rule matches gets its provider's fallback, which is permissive:
 * Citewatch passes the parameters on and, if the provider refuses them, the call fails
 * permanently with the provider's own message.
 */
import type { ProviderName, ReasoningEffort } from './types.js';

/** 'yes'; 'no'; or only together with reasoningEffort 'none' (OpenAI gpt-5.1+). */
export type Sampling = 'yes' | 'no' | 'with_effort_none';

export interface ModelRule {
  pattern: string;
  /** temperature and topP. */
  sampling: Sampling;
  /** Accepted reasoningEffort values; [] when the parameter is not supported; 'any' when unknown. */
  efforts: readonly ReasoningEffort[] | 'any';
  /** 'always': the model searches on every call (webSearch must be true); 'chat': only through Chat Completions. */
  webSearch: 'yes' | 'no' | 'always';
  /** The OpenAI API this model needs, when only one works. */
  api?: 'chat' | 'responses';
  /** Why, shown to the user when a parameter is refused. */
  note: string;
}

const ALL: readonly ReasoningEffort[] = ['none', 'minimal', 'low', 'medium', 'high', 'xhigh', 'max'];

const OPENAI: ModelRule[] = [
  {
    pattern: 'gpt-4o-search-preview*',
    sampling: 'no',
    efforts: [],
    webSearch: 'always',
    api: 'chat',
    note: 'search-preview models search on every call, only through Chat Completions, and reject sampling parameters [docs via providers.md §2.2, unverified]',
  },
  {
    pattern: 'gpt-4o-mini-search-preview*',
    sampling: 'no',
    efforts: [],
    webSearch: 'always',
    api: 'chat',
    note: 'search-preview models search on every call, only through Chat Completions, and reject sampling parameters [docs via providers.md §2.2, unverified]',
  },
  {
    pattern: 'gpt-5.6*',
    sampling: 'no',
    efforts: 'any',
    webSearch: 'yes',
    note: 'gpt-5.6 models require the default temperature (1) [3p]',
  },
  {
    pattern: 'gpt-5.1*',
    sampling: 'with_effort_none',
    efforts: ['none', 'low', 'medium', 'high'],
    webSearch: 'yes',
    note: 'gpt-5.1 accepts temperature/top_p only with reasoning effort "none" [3p citing OpenAI docs]; efforts [mem]',
  },
  {
    pattern: 'gpt-5.2*',
    sampling: 'with_effort_none',
    efforts: ['none', 'low', 'medium', 'high', 'xhigh'],
    webSearch: 'yes',
    note: 'gpt-5.1+ accept temperature/top_p only with reasoning effort "none" [3p]; efforts [mem]',
  },
  {
    pattern: 'gpt-5.4*',
    sampling: 'with_effort_none',
    efforts: ['none', 'low', 'medium', 'high', 'xhigh'],
    webSearch: 'yes',
    note: 'gpt-5.4 accepts temperature/top_p only with reasoning effort "none" [3p citing OpenAI docs]; efforts [mem]',
  },
  {
    pattern: 'gpt-5.5*',
    sampling: 'with_effort_none',
    efforts: ['none', 'low', 'medium', 'high', 'xhigh'],
    webSearch: 'yes',
    note: 'gpt-5.1+ accept temperature/top_p only with reasoning effort "none" [3p, assumed for 5.5]; efforts [mem]',
  },
  {
    pattern: 'gpt-5*',
    sampling: 'no',
    efforts: ['minimal', 'low', 'medium', 'high'],
    webSearch: 'yes',
    note: 'gpt-5 reasoning models accept only the default temperature/top_p [3p]; efforts [mem]',
  },
  {
    pattern: 'o1*',
    sampling: 'no',
    efforts: ['low', 'medium', 'high'],
    webSearch: 'yes',
    note: 'o-series reasoning models accept only the default temperature/top_p [3p]',
  },
  {
    pattern: 'o3*',
    sampling: 'no',
    efforts: ['low', 'medium', 'high'],
    webSearch: 'yes',
    note: 'o-series reasoning models accept only the default temperature/top_p [3p]',
  },
  {
    pattern: 'o4*',
    sampling: 'no',
    efforts: ['low', 'medium', 'high'],
    webSearch: 'yes',
    note: 'o-series reasoning models accept only the default temperature/top_p [3p]',
  },
  {
    pattern: 'gpt-4.1*',
    sampling: 'yes',
    efforts: [],
    webSearch: 'yes',
    note: 'gpt-4.1 is not a reasoning model: no reasoning effort [mem]',
  },
  {
    pattern: 'gpt-4o*',
    sampling: 'yes',
    efforts: [],
    webSearch: 'yes',
    note: 'gpt-4o is not a reasoning model: no reasoning effort [mem]',
  },
];

/**
 * Anthropic: SDK 1.14.0 (API version 2026-10-21) has no temperature/top_p/top_k fields at all
 * [SDK], and models after Claude Opus 4.6 reject non-default sampling [SDK 0.137 deprecation
 * text, docs]. Whether 2026-10-21 still accepts sampling for older models is unverified, so
 * Citewatch refuses it for every Claude model rather than send a field the SDK does not know.
 */
const NO_SAMPLING =
  'sampling is not available: current Claude models reject non-default temperature/top_p, and the API version Citewatch uses (2026-10-21, SDK 1.x) has no such fields';
const ANTHROPIC: ModelRule[] = [
  {
    pattern: 'claude-haiku-4-5*',
    sampling: 'no',
    efforts: [],
    webSearch: 'yes',
    note: `${NO_SAMPLING}; Haiku 4.5 has no effort setting [mem]`,
  },
  {
    pattern: 'claude-sonnet-4-5*',
    sampling: 'no',
    efforts: [],
    webSearch: 'yes',
    note: `${NO_SAMPLING}; Sonnet 4.5 has no effort setting [mem]`,
  },
  {
    pattern: 'claude-*',
    sampling: 'no',
    efforts: ['low', 'medium', 'high', 'xhigh', 'max'],
    webSearch: 'yes',
    note: `${NO_SAMPLING}; effort values from output_config.effort [SDK]`,
  },
];

const GEMINI: ModelRule[] = [
  {
    pattern: 'gemini-3*-pro*',
    sampling: 'yes',
    efforts: ['low', 'high'],
    webSearch: 'yes',
    note: 'Gemini 3 Pro thinking levels are low and high [mem]; Google recommends the default temperature 1.0 for Gemini 3 [3p]',
  },
  {
    pattern: 'gemini-3*',
    sampling: 'yes',
    efforts: ['minimal', 'low', 'medium', 'high'],
    webSearch: 'yes',
    note: 'Gemini 3 thinking levels (ThinkingLevel enum) [SDK]; Google recommends the default temperature 1.0 [3p]',
  },
  {
    pattern: 'gemini-2*',
    sampling: 'yes',
    efforts: [],
    webSearch: 'yes',
    note: 'Gemini 2.x uses thinking budgets, not levels: reasoning effort is not supported; 2.5 returns 404 for new projects [3p]',
  },
];

const PERPLEXITY: ModelRule[] = [
  // Presets pick and change their own model [docs]; sampling is only meaningful on a pinned model.
  {
    pattern: 'fast-search',
    sampling: 'no',
    efforts: [],
    webSearch: 'always',
    note: 'a preset chooses (and may change) its own model and always searches; pin a model ("openai/gpt-5.4") to set sampling or effort',
  },
  {
    pattern: 'pro-search',
    sampling: 'no',
    efforts: [],
    webSearch: 'always',
    note: 'a preset chooses (and may change) its own model and always searches; pin a model to set sampling or effort',
  },
  {
    pattern: 'deep-research',
    sampling: 'no',
    efforts: [],
    webSearch: 'always',
    note: 'a preset chooses (and may change) its own model and always searches; pin a model to set sampling or effort',
  },
  {
    pattern: 'advanced-deep-research',
    sampling: 'no',
    efforts: [],
    webSearch: 'always',
    note: 'a preset chooses (and may change) its own model and always searches; pin a model to set sampling or effort',
  },
];

/** SERP captures have no model parameters at all: the answer is whatever Google shows. */
const GOOGLE_AI_OVERVIEW: ModelRule[] = [
  {
    pattern: 'ai_overview',
    sampling: 'no',
    efforts: [],
    webSearch: 'always',
    note: 'captured from a Google results page: no sampling, seed, token limit, system prompt or reasoning parameters',
  },
  {
    pattern: 'ai_mode',
    sampling: 'no',
    efforts: [],
    webSearch: 'always',
    note: 'captured from Google AI Mode: no sampling, seed, token limit, system prompt or reasoning parameters',
  },
];

/**
 * Consumer assistant apps captured through a vendor: the app decides its own model and settings,
 * so no model parameter reaches it. ChatGPT's search mode can be forced (DataForSEO's
 * force_web_search); the Gemini app decides for itself whether to search, with no switch.
 */
const ASSISTANT_APP: ModelRule[] = [
  {
    pattern: 'chatgpt',
    sampling: 'no',
    efforts: [],
    webSearch: 'yes',
    note: 'captured from the ChatGPT app: no sampling, seed, token limit, system prompt or reasoning parameters; webSearch forces its search mode',
  },
  {
    pattern: 'gemini',
    sampling: 'no',
    efforts: [],
    webSearch: 'no',
    note: 'captured from the Gemini app, which decides for itself whether to search (the vendor offers no switch); no sampling, seed, token limit, system prompt or reasoning parameters',
  },
];

export const MODEL_RULES: Partial<Record<ProviderName, readonly ModelRule[]>> = {
  openai: OPENAI,
  anthropic: ANTHROPIC,
  gemini: GEMINI,
  perplexity: PERPLEXITY,
  google_ai_overview: GOOGLE_AI_OVERVIEW,
  assistant_app: ASSISTANT_APP,
  mock_app: ASSISTANT_APP,
};

const FALLBACK: Partial<Record<ProviderName, ModelRule>> = {
  anthropic: {
    pattern: '*',
    sampling: 'no',
    efforts: ALL.filter((e) => e !== 'none' && e !== 'minimal'),
    webSearch: 'yes',
    note: NO_SAMPLING,
  },
};

const PERMISSIVE: ModelRule = {
  pattern: '*',
  sampling: 'yes',
  efforts: 'any',
  webSearch: 'yes',
  note: "model not in Citewatch's capability table: parameters are passed on as given and the provider's own refusal, if any, fails the call",
};

function matches(pattern: string, model: string): boolean {
  if (!pattern.includes('*')) return pattern === model;
  const regex = new RegExp(
    `^${pattern
      .split('*')
      .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
  return regex.test(model);
}

/** Providers whose own rules apply to `vendor/model` ids served through Perplexity or a gateway. */
const VENDOR_PROVIDER: Record<string, ProviderName> = { openai: 'openai', anthropic: 'anthropic', google: 'gemini' };

export function ruleFor(provider: ProviderName, model: string): ModelRule & { known: boolean } {
  const rule = MODEL_RULES[provider]?.find((r) => matches(r.pattern, model));
  if (rule) return { ...rule, known: true };
  // "openai/gpt-5.4" through Perplexity or OpenRouter: the underlying model's sampling rules hold.
  const slash = model.indexOf('/');
  const vendor = slash > 0 ? VENDOR_PROVIDER[model.slice(0, slash)] : undefined;
  if (vendor && provider !== vendor) {
    const inner = ruleFor(vendor, model.slice(slash + 1));
    if (inner.known)
      return { ...inner, webSearch: 'yes', api: undefined, note: `${model.slice(0, slash)} model: ${inner.note}` };
  }
  return { ...(FALLBACK[provider] ?? PERMISSIVE), known: false };
}
