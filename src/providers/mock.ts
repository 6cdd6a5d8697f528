/**
 * The mock provider: a deterministic stand-in for an AI assistant that needs no key and no
 * network. From prompt, model, parameters and sample index it writes a realistic markdown answer
 * (a recommendation list, a comparison table or a short essay with links) that names some of the
 * workspace's brands and others, and cites URLs.
 *
 * - The same input always gives the same answer.
 * - Temperature controls the spread: at 0 every sample is identical; the higher it is, the more
 *   the brands named and their order vary from sample to sample.
 * - `latencyMs` delays the answer and `failureRate` makes a share of calls fail with a 500 or a
 *   429, decided by the attempt number and the rate-limited tries too, so retries can succeed;
 *   `costUsd` gives each call a price so budgets can be tried. For demos, tests and benchmarks.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { z } from 'zod';
import { canonicalJson, sha256Hex } from '../lib/canonical.js';
import {
  ConfigValidationError,
  ProviderError,
  type NormalizedAnswer,
  type ParsedAnswer,
  type ProviderAdapter,
  type ProviderCitation,
  type QueryContext,
  type QueryInput,
  type SuggestionTask,
} from './types.js';
import { providerSettings } from './settings.js';
import { personaSchema, systemTextOf } from './targeting.js';
import { localeSchema, userLocationSchema } from './validation.js';

export const mockParamsSchema = z
  .object({
    temperature: z.number().min(0).max(2).default(0.7),
    maxOutputTokens: z.number().int().positive().max(100_000).optional(),
    seed: z.number().int().optional(),
    systemPrompt: z.string().max(20_000).optional(),
    webSearch: z.boolean().default(false),
    /** Who is asking: part of the answer's identity, so two personas get different answers. */
    persona: personaSchema.optional(),
    /** Where the simulated search is placed (the effective location of reports). */
    userLocation: userLocationSchema.optional(),
    /** The language the mock answers in (fr… or en), instead of the prompt's locale. */
    locale: localeSchema.optional(),
    /** Simulated provider latency per call, in milliseconds. */
    latencyMs: z.number().int().min(0).max(60_000).default(0),
    /** Share of calls that fail (half with 500, half with 429), in [0, 1]. */
    failureRate: z.number().min(0).max(1).default(0),
    /** Simulated price of one call in USD, so budgets can be tried without a paid provider. */
    costUsd: z.number().min(0).max(10).default(0),
  })
  .strict();

export type MockParams = z.infer<typeof mockParamsSchema>;

/** A stored mock answer body, as `raw`. */
interface MockRaw {
  object: 'mock.answer';
  id: string;
  model: string;
  output_text: string;
  annotations: Array<{ url: string; title: string; start_index: number; end_index: number }>;
  sources: Array<{ url: string; title: string }>;
  search_queries: string[];
  usage: { input_tokens: number; output_tokens: number };
}

const CATEGORIES: Array<{ keywords: RegExp; topic: [string, string]; brands: string[] }> = [
  {
    keywords: /\bcrm\b|sales|pipeline|prospect/i,
    topic: ['CRM', 'CRM'],
    brands: ['Salesforce', 'HubSpot', 'Pipedrive', 'Zoho CRM', 'Freshsales', 'Close'],
  },
  {
    keywords: /project|task|kanban|gestion de projet|tâches/i,
    topic: ['project management tool', 'outil de gestion de projet'],
    brands: ['Asana', 'Trello', 'Monday.com', 'ClickUp', 'Notion', 'Jira'],
  },
  {
    keywords: /design|prototyp|maquette|figma|ui\b/i,
    topic: ['design tool', 'outil de design'],
    brands: ['Figma', 'Canva', 'Sketch', 'Adobe XD', 'Penpot', 'Framer'],
  },
  {
    keywords: /email|newsletter|e-mail|emailing/i,
    topic: ['email marketing platform', "plateforme d'emailing"],
    brands: ['Mailchimp', 'Brevo', 'Klaviyo', 'ConvertKit', 'MailerLite'],
  },
  {
    keywords: /invoice|accounting|bookkeeping|comptab|factur/i,
    topic: ['accounting software', 'logiciel de comptabilité'],
    brands: ['QuickBooks', 'Xero', 'FreshBooks', 'Pennylane', 'Wave'],
  },
];
const GENERIC_BRANDS = ['Northwind', 'Globex', 'Initech', 'Umbrella Suite', 'Acme Cloud', 'Stark Works'];

const PHRASES = {
  en: {
    good: [
      'is widely praised for its {f}',
      'stands out for its excellent {f}',
      'is a reliable choice with great {f}',
      'offers the best {f} in this list',
    ],
    neutral: ['offers {f}', 'is a common choice for {f}', 'covers the basics of {f}', 'is often compared on {f}'],
    bad: ['has weak {f} and can be expensive', 'is criticised for poor {f}', 'is clunky when it comes to {f}'],
    features: ['integrations', 'reporting', 'ease of use', 'pricing', 'automation', 'customer support', 'mobile apps'],
    intro: (t: string) => `Here are the options most often recommended when choosing a ${t}:`,
    tableIntro: (t: string) => `A quick comparison of popular ${t} options:`,
    essay: (t: string) => `Choosing a ${t} depends on team size, budget and the integrations you need.`,
    outro: 'In short, start with a free trial of two or three of these and compare them on your own workflow.',
    header: ['Tool', 'Best for', 'Starting price'],
    bestFor: ['small teams', 'enterprises', 'startups', 'agencies', 'freelancers'],
    sources: 'Sources',
    more: (b: string) => `Learn more on the [${b} website]`,
  },
  fr: {
    good: [
      'est très apprécié pour ses {f}',
      'se distingue par d’excellentes {f}',
      'est un choix fiable avec de très bonnes {f}',
    ],
    neutral: ['propose des {f}', 'est un choix courant pour les {f}', 'couvre l’essentiel des {f}'],
    bad: ['a des {f} limitées et peut coûter cher', 'est critiqué pour ses {f} médiocres'],
    features: [
      'intégrations',
      'fonctions de reporting',
      'automatisations',
      'offres tarifaires',
      'applications mobiles',
    ],
    intro: (t: string) => `Voici les solutions les plus souvent recommandées pour choisir un ${t} :`,
    tableIntro: (t: string) => `Comparatif rapide des ${t}s populaires :`,
    essay: (t: string) =>
      `Le choix d’un ${t} dépend de la taille de l’équipe, du budget et des intégrations nécessaires.`,
    outro: 'En résumé, testez deux ou trois de ces solutions avant de vous décider.',
    header: ['Outil', 'Idéal pour', 'Prix de départ'],
    bestFor: ['les petites équipes', 'les grands comptes', 'les startups', 'les agences'],
    sources: 'Sources',
    more: (b: string) => `En savoir plus sur le [site de ${b}]`,
  },
};

/**
 * Deterministic numbers in [0, 1) derived from any list of parts: cyrb53, a fast 53-bit string
 * hash. Determinism is all the mock needs; a cryptographic hash cost most of its time.
 */
export function unit(...parts: Array<string | number>): number {
  const text = parts.join('\u0000');
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4_294_967_296 * (2_097_151 & h2) + (h1 >>> 0)) / 2 ** 53;
}

function pick<T>(items: readonly T[], r: number): T {
  return items[Math.floor(r * items.length) % items.length] as T;
}

const domains = new Map<string, string>();

export function brandDomain(name: string): string {
  const known = domains.get(name);
  if (known !== undefined) return known;
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\.com$/, '')
    .replace(/[^a-z0-9]+/g, '');
  const domain = `${slug || 'example'}.com`;
  if (domains.size >= 10_000) domains.clear();
  domains.set(name, domain);
  return domain;
}

interface Built {
  text: string;
  annotations: MockRaw['annotations'];
  sources: MockRaw['sources'];
  searchQueries: string[];
}

/** The market a prompt is about: its topic in the prompt's language and the brands an assistant would name. */
export function mockMarket(input: Pick<QueryInput, 'prompt' | 'locale' | 'knownBrands'>): {
  topic: string;
  pool: string[];
} {
  const lang = input.locale.toLowerCase().startsWith('fr') ? 'fr' : 'en';
  const category = CATEGORIES.find((c) => c.keywords.test(input.prompt));
  const topic = category ? category.topic[lang === 'fr' ? 1 : 0] : lang === 'fr' ? 'outil' : 'tool';
  return { topic, pool: [...new Set([...(input.knownBrands ?? []), ...(category?.brands ?? GENERIC_BRANDS)])] };
}

/** What an answer takes from its prompt, model and parameters alone: the same for every sample. */
interface Plan {
  lang: 'en' | 'fr';
  identity: string;
  topic: string;
  /** The brands that may be named, each with its affinity to this prompt. */
  pool: Array<{ name: string; affinity: number }>;
  style: 'list' | 'table' | 'essay';
}

function planOf(input: QueryInput, params: MockParams): Plan {
  const lang = input.locale.toLowerCase().startsWith('fr') ? 'fr' : 'en';
  // Without a persona the identity is what it always was, so existing answers stay byte-identical.
  const identity = canonicalJson({
    m: input.model,
    q: input.prompt,
    s: params.seed ?? null,
    w: params.webSearch,
    ...(params.persona !== undefined ? { p: params.persona } : {}),
  });
  const { topic, pool: names } = mockMarket(input);
  return {
    lang,
    identity,
    topic,
    pool: names.map((name) => ({ name, affinity: unit(identity, 'affinity', name) })),
    style: pick(['list', 'list', 'table', 'essay'] as const, unit(identity, 'style')),
  };
}

/**
 * Plans by everything they depend on: a run asks the same prompt and configuration many times
 * (one sample each), and the plan was most of the cost of a mock answer. Only the samples differ.
 */
const plans = new Map<string, Plan>();

function cachedPlan(input: QueryInput, params: MockParams): Plan {
  const key = `${input.model}\u0000${input.locale}\u0000${params.seed ?? ''}\u0000${params.webSearch}\u0000${(input.knownBrands ?? []).join('\u0001')}\u0000${input.prompt}\u0000${params.persona ?? ''}`;
  let plan = plans.get(key);
  if (!plan) {
    plan = planOf(input, params);
    if (plans.size >= 1_000) plans.clear();
    plans.set(key, plan);
  }
  return plan;
}

export function buildMockAnswer(input: QueryInput, params: MockParams): Built {
  const { lang, identity, topic, pool, style } = cachedPlan(input, params);
  const p = PHRASES[lang];

  // Sample-specific noise vanishes at temperature 0, so all samples agree there.
  const t = params.temperature;
  const scored = pool
    .map(({ name, affinity }) => {
      const noise = t === 0 ? 0 : (unit(identity, 'noise', input.sampleIndex, name) - 0.5) * Math.min(t, 2) * 0.9;
      return { name, score: affinity + noise };
    })
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
  const count = 3 + Math.floor(unit(identity, 'count', t === 0 ? 0 : input.sampleIndex) * 3);
  const chosen = scored
    .filter((s) => s.score > 0.35)
    .slice(0, count)
    .map((s) => s.name);
  if (chosen.length === 0 && scored[0]) chosen.push(scored[0].name);

  const annotations: MockRaw['annotations'] = [];
  const sources: MockRaw['sources'] = [];
  // The lines joined by line breaks, built as they come.
  let text = '';
  let lines = 0;
  const push = (line: string) => {
    text = lines++ === 0 ? line : `${text}\n${line}`;
  };
  const describe = (name: string, i: number) => {
    const tone = unit(identity, 'tone', name, t === 0 ? 0 : input.sampleIndex);
    const bucket = tone < 0.15 ? p.bad : tone < 0.55 ? p.neutral : p.good;
    return pick(bucket, unit(identity, 'phrase', name, i)).replace(
      '{f}',
      pick(p.features, unit(identity, 'feat', name)),
    );
  };

  if (style === 'table') {
    push(p.tableIntro(topic));
    push('');
    push(`| ${p.header.join(' | ')} |`);
    push(`|${p.header.map(() => '---').join('|')}|`);
    chosen.forEach((name, i) => {
      const price = Math.round(5 + unit(identity, 'price', name) * 45);
      push(`| **${name}** | ${pick(p.bestFor, unit(identity, 'for', name, i))} | $${price}/mo |`);
    });
    push('');
    push(`**${chosen[0]}** ${describe(chosen[0] as string, 0)}.`);
  } else if (style === 'essay') {
    push(p.essay(topic));
    push('');
    for (const [i, name] of chosen.entries()) push(`${name} ${describe(name, i)}.`);
  } else {
    push(p.intro(topic));
    push('');
    for (const [i, name] of chosen.entries()) push(`${i + 1}. **${name}** ${describe(name, i)}.`);
  }

  // Links: one to the first brand's site in the text, and, with web search, cited sources.
  const first = chosen[0] as string;
  const firstUrl = `https://www.${brandDomain(first)}/`;
  push('');
  const label = p.more(first);
  const linkLine = `${label}(${firstUrl}?utm_source=citewatch-mock).`;
  const lineStart = text.length + 1;
  push(linkLine);
  annotations.push({
    url: `${firstUrl}?utm_source=citewatch-mock`,
    title: first,
    start_index: lineStart + linkLine.indexOf('['),
    end_index: lineStart + linkLine.length - 1,
  });

  const searchQueries: string[] = [];
  if (params.webSearch) {
    searchQueries.push(input.prompt.slice(0, 80).toLowerCase());
    const reviewSites = ['www.g2.com', 'www.capterra.com', 'www.techradar.com', 'www.lemonde.fr', 'www.bbc.co.uk'];
    const cited = reviewSites.filter((_, i) => unit(identity, 'site', i) < 0.6).slice(0, 3);
    push('');
    push(`${p.sources}:`);
    cited.forEach((host, i) => {
      const url = `https://${host}/reviews/${brandDomain(chosen[i % chosen.length] as string).replace('.com', '')}`;
      const title = `${chosen[i % chosen.length]} review`;
      const before = text.length + 1;
      const line = `- [${host.replace('www.', '')}](${url})`;
      push(line);
      annotations.push({ url, title, start_index: before + 2, end_index: before + line.length });
      sources.push({ url, title });
    });
    sources.push({ url: 'https://www.reddit.com/r/startups/', title: 'r/startups' });
  }
  push('');
  push(p.outro);
  return { text, annotations, sources, searchQueries };
}

/** Buyer questions a mock assistant suggests for a market, {t} being its topic and {b} the brand. */
const SUGGESTED_QUESTIONS = [
  'What is the best {t} for a small business?',
  'Which {t} do you recommend for a growing team?',
  'What are the best alternatives to {b}?',
  'Is {b} a good {t}?',
  '{b} vs {c}: which one should I choose?',
  'What is the cheapest {t} that is still good?',
  'Which {t} has the best integrations?',
  'What {t} do experts recommend in 2026?',
  'Which {t} is easiest to get started with?',
  'What should I look for when choosing a {t}?',
];

/**
 * The answer to a suggestion request: a short introduction, then the JSON asked for in a fenced
 * block, as assistants tend to write it. Competitors are the market's usual names (the
 * category's, found from the brand, its website and category), never the brand itself.
 */
export function buildMockSuggestions(task: SuggestionTask, model: string): string {
  const about = [task.category, task.brandName, task.website].filter(Boolean).join(' ');
  const category = CATEGORIES.find((c) => c.keywords.test(about));
  const topic = category?.topic[0] ?? (task.category?.trim() ? task.category.trim().toLowerCase() : 'tool');
  const own = task.brandName.trim().toLowerCase();
  const identity = canonicalJson({ m: model, b: task.brandName, w: task.website ?? null, c: task.category ?? null });
  const competitors = (category?.brands ?? GENERIC_BRANDS)
    .filter((name) => name.toLowerCase() !== own)
    .map((name) => ({ name, order: unit(identity, 'competitor', name) }))
    .sort((a, b) => a.order - b.order)
    .slice(0, 5)
    .map(({ name }) => ({ name, domain: brandDomain(name) }));
  const rival = competitors[0]?.name ?? 'the market leader';
  const questions = SUGGESTED_QUESTIONS.map((q, i) => ({ q, order: i < 3 ? i : unit(identity, 'question', q) + 3 }))
    .sort((a, b) => a.order - b.order)
    .slice(0, 8)
    .map(({ q }) => q.replaceAll('{t}', topic).replaceAll('{b}', task.brandName.trim()).replaceAll('{c}', rival));
  const tagOf = (text: string) =>
    text.includes(task.brandName.trim()) ? ['brand'] : /alternative| vs /i.test(text) ? ['comparison'] : ['category'];
  const body = {
    competitors,
    prompts: questions.map((text) => ({ text, tags: tagOf(text) })),
  };
  return [
    `Here are the competitors and buyer questions I would track for ${task.brandName.trim()} (${topic}):`,
    '',
    '```json',
    JSON.stringify(body, null, 2),
    '```',
    '',
    'Adjust the list to the markets and languages you sell in.',
  ].join('\n');
}

/** Configurations' parameters as validated, by their JSON: a run passes the same few thousands of times. */
const paramsSeen = new Map<string, { params: MockParams; canonical: string }>();

function parsedParams(value: unknown): { params: MockParams; canonical: string } {
  const key = JSON.stringify(value ?? null);
  let hit = paramsSeen.get(key);
  if (!hit) {
    const params = mockParamsSchema.parse(value);
    hit = { params, canonical: canonicalJson(params) };
    if (paramsSeen.size >= 1_000) paramsSeen.clear();
    paramsSeen.set(key, hit);
  }
  return hit;
}

function toNormalized(raw: MockRaw): ParsedAnswer {
  const citations: ProviderCitation[] = raw.annotations.map((a) => ({
    url: a.url,
    title: a.title,
    start: a.start_index,
    end: a.end_index,
    citedText: null,
    origin: 'annotation',
  }));
  return {
    text: raw.output_text,
    citations,
    sources: raw.sources.map((s) => ({ url: s.url, title: s.title })),
    searchQueries: raw.search_queries,
    usage: {
      inputTokens: raw.usage.input_tokens,
      outputTokens: raw.usage.output_tokens,
      reasoningTokens: 0,
      cachedInputTokens: 0,
      searchCalls: raw.search_queries.length,
    },
    finish: 'stop',
    modelVersion: raw.model,
    providerCostUsd: null,
  };
}

export const mockAdapter: ProviderAdapter = {
  name: 'mock',
  channel: 'mock',
  setup: providerSettings.mock,
  paramsSchema: mockParamsSchema,
  unsupportedParams: {},

  validateConfig(model, params) {
    const result = mockParamsSchema.safeParse(params ?? {});
    if (!result.success) {
      throw new ConfigValidationError(
        'mock',
        model,
        result.error.issues.flatMap((i) =>
          i.code === 'unrecognized_keys' && i.keys.length > 0
            ? i.keys.map((key) => ({ param: key, message: 'unknown parameter for mock' }))
            : [{ param: i.path.join('.') || '(params)', message: i.message }],
        ),
      );
    }
    return result.data;
  },

  async query(input: QueryInput, ctx: QueryContext): Promise<NormalizedAnswer> {
    const started = performance.now();
    const { params, canonical } = parsedParams(input.params);
    if (params.latencyMs > 0) await delay(params.latencyMs, undefined, { signal: ctx.signal });
    if (params.failureRate > 0) {
      // A 429 does not use an attempt, so the rate-limited tries enter the draw too: otherwise
      // a sample limited once would be limited on every retry.
      const tries = input.rateLimitedTries ?? 0;
      const draw = unit(
        input.model,
        input.prompt,
        input.sampleIndex,
        input.attempt,
        ...(tries > 0 ? [tries] : []),
        'failure',
      );
      if (draw < params.failureRate) {
        const rateLimited = draw < params.failureRate / 2;
        throw new ProviderError(
          rateLimited ? 'rate_limited' : 'transient',
          rateLimited ? 'Rate limit reached (simulated)' : 'Internal server error (simulated)',
          { provider: 'mock', status: rateLimited ? 429 : 500, retryAfterMs: rateLimited ? 50 : null },
        );
      }
    }
    const built: Built =
      input.task?.kind === 'suggestions'
        ? { text: buildMockSuggestions(input.task, input.model), annotations: [], sources: [], searchQueries: [] }
        : buildMockAnswer(params.locale !== undefined ? { ...input, locale: params.locale } : input, params);
    const raw: MockRaw = {
      object: 'mock.answer',
      id: `mock_${sha256Hex(`${input.prompt}|${input.sampleIndex}|${canonical}`).slice(0, 16)}`,
      model: `${input.model}-2026-01-01`,
      output_text: built.text,
      annotations: built.annotations,
      sources: built.sources,
      search_queries: built.searchQueries,
      usage: { input_tokens: Math.ceil(input.prompt.length / 4), output_tokens: Math.ceil(built.text.length / 4) },
    };
    const parsed = toNormalized(raw);
    return {
      provider: 'mock',
      api: 'mock',
      channel: 'mock',
      model: input.model,
      ...parsed,
      costUsd: params.costUsd,
      requestId: raw.id,
      latencyMs: Math.round(performance.now() - started),
      requestParams: {
        model: input.model,
        ...params,
        // The system text exactly as an API surface would send it (systemPrompt, then the persona line).
        ...(params.persona !== undefined ? { system: systemTextOf(params) } : {}),
      },
      raw,
    };
  },

  parse(raw: unknown): ParsedAnswer {
    const body = raw as Partial<MockRaw> | null;
    if (body?.object !== 'mock.answer' || typeof body.output_text !== 'string') {
      throw new Error('not a mock answer body (expected {"object": "mock.answer", "output_text": …})');
    }
    return toNormalized(body as MockRaw);
  },

  estimateCost({ params }) {
    return mockParamsSchema.parse(params).costUsd;
  },
};
