/**
 * The mock consumer app: a deterministic stand-in for assistant_app that needs no key and no
 * network, so demos and tests have app answers. It answers in DataForSEO's LLM Scraper shape
 * (read by the same parser, src/providers/llm-scraper.ts): markdown with inline source markers,
 * sometimes a comparison table, sometimes a product carousel the markdown leaves out, fan-out
 * queries, search results and brand entities.
 *
 * Its citation habits differ from the mock API surface's on purpose, as the apps' do from the
 * APIs': it cites forums and communities (Reddit above all, Hacker News, Quora) more than review
 * sites, and names brands in another order, so an app-versus-API comparison has a gap to show.
 * Samples vary (the app has no temperature to pin); the same input always gives the same answer.
 */
import { z } from 'zod';
import { canonicalJson, sha256Hex } from '../lib/canonical.js';
import { appProblems } from './assistant-app.js';
import { parseLlmScraper } from './llm-scraper.js';
import { brandDomain, mockMarket, unit } from './mock.js';
import { providerSettings } from './settings.js';
import type { ProviderAdapter, QueryInput } from './types.js';
import { NO_PERSONA } from './targeting.js';
import { localeSchema, validateParams } from './validation.js';

export const mockAppParamsSchema = z
  .object({
    webSearch: z.boolean().default(false),
    locale: localeSchema.optional(),
    /** Simulated price of one capture in USD, so budgets can be tried. */
    costUsd: z.number().min(0).max(10).default(0),
  })
  .strict();
export type MockAppParams = z.infer<typeof mockAppParamsSchema>;

const NO_MODEL = 'the answer is captured from the consumer app as a person sees it, so no model parameter reaches it';
const UNSUPPORTED: Record<string, string> = {
  ...Object.fromEntries(
    ['temperature', 'topP', 'maxOutputTokens', 'seed', 'systemPrompt', 'reasoningEffort'].map((k) => [k, NO_MODEL]),
  ),
  userLocation: 'the capture is placed by country from the locale\'s region (e.g. "fr-FR"); set locale instead',
  persona: NO_PERSONA('a captured assistant app (a person types the prompt, nothing else)'),
};

/** Where the mock app's answers point: communities first, Reddit above all (weights by repetition). */
const FORUMS = [
  {
    host: 'www.reddit.com',
    path: (id: string, b: string) => `/r/SaaS/comments/${id}/anyone_using_${b}/`,
    title: (b: string) => `r/SaaS: anyone using ${b}?`,
  },
  {
    host: 'www.reddit.com',
    path: (id: string, b: string) => `/r/smallbusiness/comments/${id}/${b}_after_a_year/`,
    title: (b: string) => `r/smallbusiness: ${b} after a year`,
  },
  {
    host: 'www.reddit.com',
    path: (id: string, b: string) => `/r/startups/comments/${id}/${b}_experiences/`,
    title: (b: string) => `r/startups: ${b} experiences`,
  },
  {
    host: 'news.ycombinator.com',
    path: (id: string) => `/item?id=${id}`,
    title: (b: string) => `Ask HN: ${b} or something else?`,
  },
  {
    host: 'www.quora.com',
    path: (_id: string, b: string) => `/Is-${b}-worth-it`,
    title: (b: string) => `Is ${b} worth it? - Quora`,
  },
];
const REVIEW_SITES = ['www.g2.com', 'www.capterra.com'];

const WORDS = {
  en: {
    intro: (t: string) => `Here's what people actually recommend for a ${t} right now:`,
    why: ['users on forums like its', 'people keep mentioning its', 'a lot of small teams pick it for its'],
    features: ['price', 'simple setup', 'integrations', 'support', 'mobile app'],
    header: ['Option', 'Why people pick it'],
    outro: 'If you share your team size and budget, I can narrow it down.',
    products: 'plan',
  },
  fr: {
    intro: (t: string) => `Voici ce que les utilisateurs recommandent vraiment comme ${t} en ce moment :`,
    why: ['les forums apprécient son', 'on cite souvent son', 'beaucoup de petites équipes le choisissent pour son'],
    features: ['prix', 'installation simple', 'support', 'application mobile'],
    header: ['Option', 'Pourquoi on le choisit'],
    outro: 'Donnez-moi la taille de votre équipe et votre budget, et je peux affiner.',
    products: 'offre',
  },
};

const pick = <T>(items: readonly T[], r: number): T => items[Math.floor(r * items.length) % items.length] as T;

/** A DataForSEO LLM Scraper body for the prompt, as the ChatGPT or Gemini app would answer it. */
export function buildMockAppBody(input: QueryInput, params: MockAppParams): Record<string, unknown> {
  const lang = (params.locale ?? input.locale).toLowerCase().startsWith('fr') ? 'fr' : 'en';
  const w = WORDS[lang];
  const gemini = input.model === 'gemini';
  const { topic, pool } = mockMarket(input);
  const identity = canonicalJson({ app: input.model, q: input.prompt, w: params.webSearch });
  const sample = (...parts: Array<string | number>) => unit(identity, input.sampleIndex, ...parts);
  // The app's own order: a different affinity than the API mock's, and samples vary.
  const chosen = pool
    .map((name) => ({ name, score: unit(identity, 'app-affinity', name) + (sample('noise', name) - 0.5) * 0.6 }))
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
    .slice(0, 3 + Math.floor(sample('count') * 2))
    .map((s) => s.name);

  const cited: Array<{ url: string; title: string; domain: string }> = [];
  const marker = (brand: string, i: number) => {
    const forum = pick(FORUMS, unit(identity, 'forum', brand, i));
    const id = String(10_000_000 + Math.floor(unit(identity, 'thread', brand) * 89_999_999));
    const path = forum.path(id, brandDomain(brand).replace('.com', ''));
    const url = `https://${forum.host}${path}${path.includes('?') ? '&' : '?'}utm_source=chatgpt.com`;
    cited.push({ url, title: forum.title(brand), domain: forum.host });
    return ` ([${forum.host.replace(/^www\./, '')}](${url}))`;
  };

  const lines = [w.intro(topic), ''];
  chosen.forEach((name, i) => {
    const why = `${pick(w.why, sample('why', name))} ${pick(w.features, unit(identity, 'feature', name))}`;
    lines.push(`${i + 1}. **${name}** — ${why}.${marker(name, i)}`);
  });
  const table = sample('table') < 0.5;
  if (table) {
    lines.push('', `| ${w.header.join(' | ')} |`, '|---|---|');
    for (const name of chosen.slice(0, 3))
      lines.push(`| ${name} | ${pick(w.features, unit(identity, 'feature', name))} |`);
  }
  // One review site, cited once, so the app is not all forums.
  const review = REVIEW_SITES[Math.floor(sample('review') * REVIEW_SITES.length)] as string;
  const reviewUrl = `https://${review}/compare/${brandDomain(chosen[0] as string).replace('.com', '')}?utm_source=chatgpt.com`;
  cited.push({ url: reviewUrl, title: `${chosen[0]} reviews`, domain: review });
  lines.push('', `${w.outro} ([${review.replace(/^www\./, '')}](${reviewUrl}))`);
  const markdown = lines.join('\n');

  const carousel = !gemini && sample('carousel') < 0.5;
  const products = carousel
    ? chosen.slice(0, 2).map((name, i) => ({
        type: 'chat_gpt_products_element',
        title: `${name} ${w.products} ${i === 0 ? 'Starter' : 'Pro'}`,
        price: Math.round(5 + unit(identity, 'price', name) * 45),
        currency: 'USD',
        merchants: name,
        url: `https://www.${brandDomain(name)}/pricing`,
        domain: `www.${brandDomain(name)}`,
      }))
    : [];
  const sources = cited.map((c) => ({
    type: gemini ? 'gemini_source' : 'chat_gpt_source',
    title: c.title,
    url: c.url,
    domain: c.domain,
    snippet: null,
    source_name: c.domain.replace(/^www\./, ''),
  }));
  const items: Array<Record<string, unknown>> = [
    { type: gemini ? 'gemini_text' : 'chat_gpt_text', rank_group: 1, rank_absolute: 1, markdown, sources },
    ...(carousel ? [{ type: 'chat_gpt_products', rank_group: 1, rank_absolute: 2, items: products }] : []),
  ];
  const result: Record<string, unknown> = {
    keyword: input.prompt,
    location_code: lang === 'fr' ? 2250 : 2840,
    language_code: lang,
    model: gemini ? 'gemini-app-mock' : 'gpt-app-mock',
    check_url: null,
    datetime: '2026-12-01 09:00:00 +00:00',
    markdown,
    sources,
    ...(gemini
      ? {}
      : {
          search_results: [
            ...cited.map((c) => ({ type: 'chat_gpt_search_result', url: c.url, domain: c.domain, title: c.title })),
            ...REVIEW_SITES.filter((r) => r !== review).map((r) => ({
              type: 'chat_gpt_search_result',
              url: `https://${r}/categories/${topic.replace(/\s+/g, '-')}`,
              domain: r,
              title: `Best ${topic}`,
            })),
          ],
          fan_out_queries: [`${input.prompt.slice(0, 60).toLowerCase()} reddit`, `best ${topic} 2026`],
          brand_entities: chosen.map((name) => ({
            type: 'chat_gpt_brand_entity',
            title: name,
            category: 'software',
            markdown: `**${name}**`,
            urls: [{ url: `https://www.${brandDomain(name)}/`, domain: `www.${brandDomain(name)}` }],
          })),
        }),
    item_types: [...new Set(items.map((i) => i['type']))],
    items_count: items.length,
    items,
  };
  const id = `mock-app-${sha256Hex(`${input.model}|${input.prompt}|${input.sampleIndex}`).slice(0, 20)}`;
  return {
    version: '0.1.mock',
    status_code: 20000,
    status_message: 'Ok.',
    time: '0 sec.',
    cost: params.costUsd,
    tasks_count: 1,
    tasks_error: 0,
    tasks: [
      {
        id,
        status_code: 20000,
        status_message: 'Ok.',
        cost: params.costUsd,
        result_count: 1,
        path: ['v3', 'ai_optimization', gemini ? 'gemini' : 'chat_gpt', 'llm_scraper', 'live', 'advanced'],
        data: { keyword: input.prompt },
        result: [result],
      },
    ],
  };
}

export const mockAppAdapter: ProviderAdapter = {
  name: 'mock_app',
  channel: 'app',
  setup: providerSettings.mock_app,
  paramsSchema: mockAppParamsSchema,
  unsupportedParams: UNSUPPORTED,

  validateConfig(model, params) {
    return validateParams('mock_app', model, mockAppParamsSchema, params, {
      unsupported: UNSUPPORTED,
      check: (p, rule) => appProblems(p, rule.known),
    });
  },

  async query(input) {
    const started = performance.now();
    const params = mockAppParamsSchema.parse(input.params);
    const raw = buildMockAppBody(input, params);
    const parsed = parseLlmScraper(raw);
    const task = (raw['tasks'] as Array<Record<string, unknown>>)[0] as Record<string, unknown>;
    const { notes, ...rest } = parsed;
    return {
      provider: 'mock_app',
      api: 'mock',
      channel: 'app',
      model: input.model,
      ...rest,
      costUsd: params.costUsd,
      requestId: task['id'] as string,
      latencyMs: Math.round(performance.now() - started),
      requestParams: { assistant: input.model, ...params },
      raw,
      ...(notes ? { notes } : {}),
    };
  },

  parse: parseLlmScraper,

  estimateCost({ params }) {
    return mockAppParamsSchema.parse(params).costUsd;
  },
};
