/**
 * Reports by location and language, on factory data: configurations placed in France (by
 * userLocation), Germany (an app placed by its locale) and Belgium, or nowhere, with and without a
 * language, answering prompts in French, English and German. The first run is read from rollups
 * and the second, still running, from the answer tables. Every grouped or filtered figure is
 * compared with the same figure computed here, answer by answer, from the factory data; the raw
 * read (answer tables only) gives the same report.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answersPage } from '../../src/modules/answers/answers.schemas.js';
import { shareOfVoiceReport, trendsReport, visibilityReport } from '../../src/modules/reports/brand-reports.schemas.js';
import { citationsQuery, citationsReport } from '../../src/modules/reports/citations.schemas.js';
import { citations } from '../../src/modules/reports/citations.service.js';
import { visibility } from '../../src/modules/reports/reports.service.js';
import { rebuildRollups } from '../../src/modules/reports/rollups.service.js';
import { addRun, createWorld, type AnswerSpec, type World } from '../factories/answers.js';
import { createTenant, type TestTenant } from '../factories/index.js';
import { createTestContext, type TestContext } from '../helpers/context.js';

let ctx: TestContext;
let tenant: TestTenant;
let world: World;

type Json = Record<string, any>;
const get = async (path: string, schema: { parse(v: unknown): unknown }): Promise<Json> => {
  const res = await ctx.app.inject({ url: `${world.base}${path}`, headers: tenant.headers });
  expect(res.statusCode, `${path}: ${res.body}`).toBe(200);
  const body = JSON.parse(res.body);
  schema.parse(body);
  return body;
};

const PROMPTS = { pFr: 'fr-FR', pEn: 'en-US', pDe: 'de-DE' } as const;
// Each configuration's location and language as Citewatch derives them from its parameters.
const CONFIGS = {
  gptParis: {
    provider: 'openai',
    model: 'gpt-x',
    params: { webSearch: true, userLocation: { country: 'FR', city: 'Paris' } },
    location: 'FR',
    language: null,
  },
  appDe: { provider: 'assistant_app', model: 'chatgpt', params: { locale: 'de-DE' }, location: 'DE', language: 'de' },
  pplxBe: {
    provider: 'perplexity',
    model: 'sonar-x',
    params: { locale: 'fr-BE', userLocation: { country: 'BE' } },
    location: 'BE',
    language: 'fr',
  },
  mock: { provider: 'mock', model: 'mock-1', params: {}, location: null, language: null },
} as const;
type ConfigKey = keyof typeof CONFIGS;
type PromptKey = keyof typeof PROMPTS;

const ans = (
  n: string,
  prompt: PromptKey,
  config: ConfigKey,
  mentions: string[],
  extra: Partial<AnswerSpec> = {},
): AnswerSpec => ({
  text: n,
  prompt,
  config,
  mentions: mentions.map((brand) => ({ brand })),
  ...extra,
});

const RUN1: AnswerSpec[] = [
  ans('r1a', 'pFr', 'gptParis', ['Acme', 'Globex'], {
    citations: [{ url: 'https://acme.com/a', source: 'annotation' }],
  }),
  ans('r1b', 'pEn', 'gptParis', ['Globex']),
  ans('r1c', 'pDe', 'appDe', ['Acme'], { citations: [{ url: 'https://globex.com/g', source: 'link' }] }),
  ans('r1d', 'pFr', 'appDe', []),
  ans('r1e', 'pEn', 'pplxBe', ['Globex'], { citations: [{ url: 'https://news.org/n', source: 'link' }] }),
  ans('r1f', 'pFr', 'mock', ['Acme']),
  { prompt: 'pFr', config: 'pplxBe', status: 'failed' },
];
const RUN2: AnswerSpec[] = [
  ans('r2a', 'pFr', 'gptParis', ['Globex'], { citations: [{ url: 'https://globex.com/g', source: 'annotation' }] }),
  ans('r2b', 'pDe', 'mock', ['Acme', 'Globex']),
  ans('r2c', 'pEn', 'appDe', ['Acme']),
  ans('r2d', 'pDe', 'pplxBe', []),
  ans('r2e', 'pEn', 'mock', ['Globex'], { citations: [{ url: 'https://acme.com/a', source: 'link' }] }),
];
const RUNS = [
  { day: '2026-05-04', answers: RUN1 },
  { day: '2026-05-06', answers: RUN2 },
];

/** Each answer with its location and language, as the reports must see it. */
const ALL = RUNS.flatMap(({ day, answers }) =>
  answers.map((a) => {
    const c = CONFIGS[a.config as ConfigKey];
    return {
      ...a,
      day,
      ok: (a.status ?? 'succeeded') === 'succeeded',
      location: c.location as string | null,
      language: (c.language ?? PROMPTS[a.prompt as PromptKey].split('-')[0]) as string,
      brands: (a.mentions ?? []).map((m) => m.brand),
    };
  }),
);
type Answer = (typeof ALL)[number];

/** brand → [answers mentioning it, n, failed] per group key, computed answer by answer. */
function expectedVisibility(answers: Answer[], key: (a: Answer) => string | null) {
  const out: Record<string, Record<string, [number, number, number]>> = {};
  for (const a of answers) {
    const k = String(key(a));
    out[k] ??= { Acme: [0, 0, 0], Globex: [0, 0, 0] };
    for (const b of ['Acme', 'Globex']) {
      const cell = out[k][b]!;
      if (!a.ok) cell[2] += 1;
      else {
        cell[1] += 1;
        if (a.brands.includes(b)) cell[0] += 1;
      }
    }
  }
  return out;
}

function visibilityOf(rows: Json[], key: (r: Json) => unknown) {
  const out: Record<string, Record<string, [number, number, number]>> = {};
  for (const r of rows) {
    const k = String(key(r));
    out[k] ??= {};
    out[k][r.brandName] = [r.mentionRate.numerator, r.n, r.failed];
  }
  return out;
}

beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await createTenant(ctx.db);
  world = await createWorld(ctx.db, tenant.organizationId, {
    brands: [
      { name: 'Acme', kind: 'own', domains: ['acme.com'] },
      { name: 'Globex', domains: ['globex.com'] },
    ],
    prompts: Object.entries(PROMPTS).map(([key, locale]) => ({ key, locale, text: `${key}?` })),
    configs: Object.entries(CONFIGS).map(([key, c]) => ({
      key,
      provider: c.provider,
      model: c.model,
      params: c.params,
    })),
  });
  await addRun(ctx.db, world, { createdAt: new Date('2026-05-04T10:00:00Z'), answers: RUN1 });
  await rebuildRollups(ctx.db.pool, { workspaceId: world.workspaceId });
  await addRun(ctx.db, world, { createdAt: new Date('2026-05-06T10:00:00Z'), finished: false, answers: RUN2 });
});
afterAll(async () => ctx?.close());

describe('group by location and language', () => {
  it('visibility by location: each configuration’s country, null for none', async () => {
    const report = await get('/reports/visibility?groupBy=location,brand', visibilityReport);
    expect(report.liveRuns).toBe(1);
    expect(report.rows.every((r: Json) => 'location' in r && !('provider' in r))).toBe(true);
    expect(visibilityOf(report.rows, (r) => r.location)).toEqual(expectedVisibility(ALL, (a) => a.location));
  });

  it('visibility by language: the configuration’s language, else the prompt’s', async () => {
    const report = await get('/reports/visibility?groupBy=language,brand', visibilityReport);
    const want = expectedVisibility(ALL, (a) => a.language);
    expect(Object.keys(want).sort()).toEqual(['de', 'en', 'fr']);
    expect(visibilityOf(report.rows, (r) => r.language)).toEqual(want);
  });

  it('visibility by location and language together, the same from the answer tables alone', async () => {
    const report = await get('/reports/visibility?groupBy=location,language,brand', visibilityReport);
    expect(visibilityOf(report.rows, (r) => `${r.location}/${r.language}`)).toEqual(
      expectedVisibility(ALL, (a) => `${a.location}/${a.language}`),
    );
    const raw = await visibility(
      { db: ctx.db },
      tenant.organizationId,
      world.workspaceId,
      { groupBy: ['location', 'language', 'brand'] },
      'raw',
    );
    expect(raw.rows).toEqual(report.rows);
  });

  it('share of voice and trends by language', async () => {
    const sov = await get('/reports/share-of-voice?groupBy=language', shareOfVoiceReport);
    for (const lang of ['de', 'en', 'fr']) {
      const mine = ALL.filter((a) => a.ok && a.language === lang);
      const globex = sov.rows.find((r: Json) => r.language === lang && r.brandName === 'Globex');
      expect(globex.n).toBe(mine.length);
      expect(globex.shareOfVoice.presence.numerator).toBe(mine.filter((a) => a.brands.includes('Globex')).length);
      expect(globex.shareOfVoice.presence.denominator).toBe(mine.reduce((s, a) => s + a.brands.length, 0));
    }
    const trends = await get('/reports/trends?interval=day&groupBy=language', trendsReport);
    const got = trends.rows
      .filter((r: Json) => r.brandName === 'Acme')
      .map((r: Json) => [r.period, r.language, r.mentionRate.numerator, r.n]);
    const want = RUNS.flatMap(({ day }) =>
      ['de', 'en', 'fr']
        .map((lang) => {
          const mine = ALL.filter((a) => a.ok && a.day === day && a.language === lang);
          return [day, lang, mine.filter((a) => a.brands.includes('Acme')).length, mine.length];
        })
        .filter((row) => (row[3] as number) > 0),
    );
    expect(got).toEqual(want);
  });

  it('citations by location and by language: each group’s answers, sources and domains, the same from the answer tables alone', async () => {
    for (const dim of ['location', 'language'] as const) {
      const report = await get(`/reports/citations?groupBy=${dim}`, citationsReport);
      const keys = [...new Set(ALL.map((a) => a[dim]))].sort((x, y) => String(x).localeCompare(String(y)));
      expect(
        report.groups.map((g: Json) => g[dim]).sort((x: unknown, y: unknown) => String(x).localeCompare(String(y))),
      ).toEqual(keys);
      for (const g of report.groups) {
        const mine = ALL.filter((a) => a.ok && a[dim] === g[dim]);
        const cites = mine.flatMap((a) => a.citations ?? []);
        expect(g.n).toBe(mine.length);
        expect(g.failed).toBe(ALL.filter((a) => !a.ok && a[dim] === g[dim]).length);
        expect([g.sources.annotation.count, g.sources.link.count]).toEqual([
          cites.filter((c) => c.source === 'annotation').length,
          cites.filter((c) => c.source === 'link').length,
        ]);
        const domains: Record<string, number> = {};
        for (const c of cites) {
          const d = new URL(c.url).hostname;
          domains[d] = (domains[d] ?? 0) + 1;
        }
        expect(Object.fromEntries(g.domains.map((d: Json) => [d.domain, d.cited]))).toEqual(domains);
      }
      const raw = await citations(
        { db: ctx.db },
        tenant.organizationId,
        world.workspaceId,
        citationsQuery.parse({ groupBy: dim }),
        'raw',
      );
      expect(raw.groups).toEqual(report.groups);
    }
  });

  it('CSV carries the location and language columns', async () => {
    const res = await ctx.app.inject({
      url: `${world.base}/reports/visibility?groupBy=location,language,brand&format=csv`,
      headers: tenant.headers,
    });
    expect(res.statusCode).toBe(200);
    const [header, ...lines] = res.body.trim().split('\n');
    expect(header).toMatch(/(^|,)location,language(,|$)/);
    expect(lines.length).toBe(Object.keys(expectedVisibility(ALL, (a) => `${a.location}/${a.language}`)).length * 2);
  });
});

const FILTERS: Array<{ query: string; keep: (a: Answer) => boolean }> = [
  { query: 'locations=FR', keep: (a) => a.location === 'FR' },
  { query: 'locations=DE,BE', keep: (a) => a.location === 'DE' || a.location === 'BE' },
  { query: 'languages=fr', keep: (a) => a.language === 'fr' },
  { query: 'languages=de,en', keep: (a) => a.language === 'de' || a.language === 'en' },
  { query: 'locations=FR&languages=en', keep: (a) => a.location === 'FR' && a.language === 'en' },
  { query: 'locations=US', keep: () => false },
];

describe.each(FILTERS)('filter $query', ({ query, keep }) => {
  const kept = () => ALL.filter(keep);

  it('visibility, from rollups and live answers, and from the answer tables alone', async () => {
    const report = await get(`/reports/visibility?groupBy=brand&${query}`, visibilityReport);
    const want = expectedVisibility(kept(), () => 'all')['all'] ?? { Acme: [0, 0, 0], Globex: [0, 0, 0] };
    expect(visibilityOf(report.rows, () => 'all')['all']).toEqual(want);
    const q = Object.fromEntries([...new URLSearchParams(query)].map(([k, v]) => [k, v.split(',')])) as {
      locations?: string[];
      languages?: string[];
    };
    // The report says which filters it applied, as asked.
    expect(report.filters).toEqual(q);
    const raw = await visibility(
      { db: ctx.db },
      tenant.organizationId,
      world.workspaceId,
      { groupBy: ['brand'], ...q },
      'raw',
    );
    expect(raw.rows).toEqual(report.rows);
  });

  it('trends by location', async () => {
    const report = await get(`/reports/trends?interval=day&groupBy=location&${query}`, trendsReport);
    const got = report.rows
      .filter((r: Json) => r.brandName === 'Globex')
      .map((r: Json) => [r.period, r.location, r.mentionRate.numerator, r.n]);
    const groups = new Map<string, Answer[]>();
    for (const a of kept().filter((x) => x.ok)) {
      const k = `${a.day}|${a.location ?? ''}`;
      groups.set(k, [...(groups.get(k) ?? []), a]);
    }
    const want = [...groups.entries()]
      .sort(([x], [y]) => (x < y ? -1 : 1))
      .map(([k, list]) => {
        const [day, loc] = k.split('|');
        return [day, loc || null, list.filter((a) => a.brands.includes('Globex')).length, list.length];
      });
    expect(got).toEqual(want);
  });

  it('citations: the sources of the kept answers', async () => {
    const report = await get(`/reports/citations?${query}`, citationsReport);
    const [all] = report.groups;
    const cites = kept()
      .filter((a) => a.ok)
      .flatMap((a) => a.citations ?? []);
    const count = (s: string) => cites.filter((c) => c.source === s).length;
    expect([all.sources.annotation.count, all.sources.link.count]).toEqual([count('annotation'), count('link')]);
  });

  it('answers drill-down', async () => {
    const page = await get(`/answers?includeRaw=true&limit=200&${query}`, answersPage);
    const want = kept().map((a) => (a.ok ? a.text : 'failed'));
    expect(page.data.map((a: Json) => (a.status === 'failed' ? 'failed' : a.text)).sort()).toEqual(want.sort());
  });
});

describe('refused filters', () => {
  it('a country in lower case or a full locale as a language is a 400 naming the parameter and what to send', async () => {
    for (const [query, param, message] of [
      ['locations=fr', 'locations', /ISO 3166-1 alpha-2 country code in upper case, e\.g\. FR/],
      ['languages=fr-FR', 'languages', /language subtag in lower case, e\.g\. fr/],
      ['groupBy=country', 'groupBy', /location/],
    ] as const) {
      const res = await ctx.app.inject({ url: `${world.base}/reports/visibility?${query}`, headers: tenant.headers });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      const body = JSON.parse(res.body);
      expect(body.errors[0].path).toMatch(new RegExp(`^querystring\\.${param}`));
      expect(body.errors[0].message).toMatch(message);
    }
  });
});
