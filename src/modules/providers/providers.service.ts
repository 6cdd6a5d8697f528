/**
 * The providers a model configuration can use, as a form needs them: each provider's parameters
 * (read from the very zod schema its adapter validates with, less those it refuses outright),
 * the per-model rules of the capability table (src/providers/capabilities.ts), and whether a key
 * is there to call it. What a parameter means is written once here; ranges, values and defaults
 * come from the schemas, so this list cannot drift from what the API accepts.
 */
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import type { PrismaClient } from '../../db/client.js';
import { MODEL_RULES } from '../../providers/capabilities.js';
import { credentialsFromEnv } from '../../providers/deployment.js';
import { adapterList } from '../../providers/registry.js';
import type { ProviderAdapter, ProviderName } from '../../providers/types.js';
import { listCredentialRows } from '../provider-credentials/provider-credentials.repo.js';
import type { ParameterDto, ProviderDto, ProvidersDto } from './providers.schemas.js';

export interface ProvidersDeps {
  prisma: PrismaClient;
  env: Deps['env'];
}

const LABELS: Record<ProviderName, string> = {
  openai: 'OpenAI',
  anthropic: 'Anthropic (Claude)',
  perplexity: 'Perplexity',
  gemini: 'Google Gemini',
  google_ai_overview: 'Google AI Overviews and AI Mode',
  assistant_app: 'ChatGPT and Gemini apps (what people see, captured by DataForSEO or Bright Data)',
  openai_compatible: 'OpenAI-compatible endpoint (Mistral, DeepSeek, xAI, OpenRouter, Ollama…)',
  mock: 'Mock assistant (no key, for trials)',
  mock_app: 'Mock assistant app (no key, for trials of the app surface)',
};

const DESCRIPTIONS: Record<string, string> = {
  temperature: 'Sampling temperature: the higher, the more answers vary from sample to sample',
  topP: 'Nucleus sampling: the share of probability mass answers are sampled from',
  maxOutputTokens: 'Cap on the tokens of an answer (reasoning tokens included)',
  seed: 'Seed for repeatable sampling, where the provider honours one (best effort)',
  systemPrompt: 'Instructions sent before every prompt',
  webSearch: 'Let the model search the web; its answers then cite what it read',
  reasoningEffort: 'How long the model reasons before answering; the values a model accepts are in models[].efforts',
  userLocation: 'Where the searcher is, for local search results (needs webSearch)',
  'userLocation.country': 'ISO 3166-1 alpha-2 country code in upper case, e.g. FR',
  'userLocation.region': 'Region or state, e.g. Île-de-France',
  'userLocation.city': 'City, e.g. Paris',
  'userLocation.timezone': 'IANA time zone, e.g. Europe/Paris',
  locale: 'BCP 47 locale: the language asked in (and, on results pages and apps, the country), e.g. fr-FR',
  persona:
    'Who is asking, e.g. "IT manager at a 200-person logistics company in Lyon": sent after the system prompt as "The person asking: …" (at most 500 characters)',
  api: 'OpenAI API to call: responses (web search) or chat (Chat Completions, seed)',
  vendor: 'Which vendor captures the results page or the app answer',
  queue: 'live: one call that waits for the app answer; standard: a task posted then polled (cheaper, slower)',
  baseUrl: 'The endpoint, e.g. https://api.mistral.ai/v1 (the deployment may limit where it points)',
  dialect:
    'Which OpenAI-compatible service it is, for its quirks (search tool, default API); guessed from baseUrl when left out',
  latencyMs: 'Simulated latency of each call, in milliseconds',
  failureRate: 'Share of calls that fail (half 500, half 429), to try retries',
  costUsd: 'Simulated price of one call in USD, to try budgets',
};

interface JsonSchema {
  type?: string;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  default?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
}

/** Bounds wider than any real setting (JavaScript's safe integers) say nothing to a form. */
const meaningful = (n: number | undefined) =>
  n !== undefined && Math.abs(n) < Number.MAX_SAFE_INTEGER ? n : undefined;

function parameterOf(name: string, path: string, schema: JsonSchema, required: boolean): Omit<ParameterDto, 'fields'> {
  const type: ParameterDto['type'] = schema.enum
    ? 'enum'
    : schema.type === 'integer' || schema.type === 'number' || schema.type === 'boolean' || schema.type === 'object'
      ? schema.type
      : 'string';
  const out: Omit<ParameterDto, 'fields'> = {
    name,
    type,
    required,
    description: DESCRIPTIONS[path] ?? DESCRIPTIONS[name] ?? name,
  };
  const min = meaningful(schema.minimum);
  const max = meaningful(schema.maximum);
  if (min !== undefined) out.min = min;
  if (max !== undefined) out.max = max;
  if (schema.exclusiveMinimum !== undefined) out.exclusiveMin = schema.exclusiveMinimum;
  if (schema.maxLength !== undefined) out.maxLength = schema.maxLength;
  if (schema.pattern !== undefined) out.pattern = schema.pattern;
  if (schema.format !== undefined) out.format = schema.format;
  if (schema.enum) out.values = schema.enum.map(String);
  if (schema.default !== undefined) out.default = schema.default;
  return out;
}

/** The parameters of a provider, in its schema's order, without those it refuses outright. */
export function parametersOf(adapter: ProviderAdapter): ParameterDto[] {
  const schema = z.toJSONSchema(adapter.paramsSchema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {})
    .filter(([name]) => !Object.hasOwn(adapter.unsupportedParams, name))
    .map(([name, property]) => {
      const parameter: ParameterDto = parameterOf(name, name, property, required.has(name));
      if (property.type === 'object' && property.properties) {
        const inner = new Set(property.required ?? []);
        parameter.fields = Object.entries(property.properties).map(([field, p]) =>
          parameterOf(field, `${name}.${field}`, p, inner.has(field)),
        );
      }
      return parameter;
    });
}

function hasKey(env: Deps['env'], provider: ProviderName): boolean {
  const c = credentialsFromEnv(env, provider);
  return Boolean(c.apiKey || (c.login && c.password));
}

export async function listProviders(deps: ProvidersDeps, orgId: string): Promise<ProvidersDto> {
  const stored = new Set((await listCredentialRows(deps.prisma, orgId)).map((c) => c.provider));
  const providers: ProviderDto[] = adapterList().map((adapter) => {
    const { name, setup } = adapter;
    const keySource: ProviderDto['keySource'] =
      setup.keyVariable === null
        ? null
        : stored.has(name)
          ? 'organization'
          : hasKey(deps.env, name)
            ? 'deployment'
            : 'none';
    return {
      name,
      label: LABELS[name],
      channel: adapter.channel,
      configured: keySource !== 'none',
      keySource,
      organizationKeys: setup.organizationKeys,
      userEndpoint: setup.userEndpoint === true,
      models: (MODEL_RULES[name] ?? []).map((rule) => ({
        id: rule.pattern,
        note: rule.note,
        sampling: rule.sampling,
        efforts: rule.efforts === 'any' ? 'any' : [...rule.efforts],
        webSearch: rule.webSearch,
        api: rule.api ?? null,
      })),
      parameters: parametersOf(adapter),
      refused: Object.entries(adapter.unsupportedParams).map(([param, reason]) => ({ name: param, reason })),
    };
  });
  return { providers };
}
