/**
 * Every report filter on every report, table-driven over one world: for each filter the exact
 * numbers of visibility, share of voice, citations, trends, experiments, competitor gap, the
 * answers drill-down and the raw exports. The first run is read from rollups and the second, still
 * running, from the answer tables, so each filter is checked on both sources in the same query.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answersPage } from '../../src/modules/answers/answers.schemas.js';
import { shareOfVoiceReport, trendsReport, visibilityReport } from '../../src/modules/reports/brand-reports.schemas.js';
import { citationsReport } from '../../src/modules/reports/citations.schemas.js';
import { competitorGapReport } from '../../src/modules/reports/competitor-gap.schemas.js';
import { experimentsReport } from '../../src/modules/reports/experiments.schemas.js';
import type { World } from '../factories/answers.js';
import { PROMPT_TEXT, createFilterWorld } from '../factories/filters-world.js';
import { createTenant, type TestTenant } from '../factories/index.js';
import { createTestContext, type TestContext } from '../helpers/context.js';

let ctx: TestContext;
let tenant: TestTenant;
let world: World;
let run2: string;

// Parsed JSON, checked against its schema on arrival.
type Json = Record<string, any>;
const get = async (path: string, schema: { parse(v: unknown): unknown }): Promise<Json> => {
  const res = await ctx.app.inject({ url: `${world.base}${path}`, headers: tenant.headers });
  expect(res.statusCode, `${path}: ${res.body}`).toBe(200);
  const body = JSON.parse(res.body);
  schema.parse(body);
  return body;
};
const anyJson = { parse: (v: unknown) => v };

beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await createTenant(ctx.db);
  ({ world, run2 } = await createFilterWorld(ctx.db, tenant.organizationId));
});
afterAll(async () => ctx.close());

interface Expected {
  /** brand → [answers mentioning it, n, failed] */
  visibility: Record<string, [number, number, number]>;
  /** Globex: [presence numerator, denominator, count numerator, denominator, positive, neutral, negative] */
  globexVoice: [number, number, number, number, number, number, number];
  citations: {
    sources: [number, number, number];
    domains: Array<[string, number]>;
    brands: Array<[string, number]>;
    providers: string[];
  };
  /** Globex per day: [period, answers mentioning it, n] */
  trends: Array<[string, number, number]>;
  /** The temperature pair cA → cB: [answers A, answers B, Globex mentioned A, B]; null when no pair has answers. */
  experiment: [number, number, number, number] | null;
  /** [prompt, competitor, answers naming it and no own brand, n] in report order */
  gap: Array<[keyof typeof PROMPT_TEXT, string, number, number]>;
  /** Drill-down answers by name ('failed' for the failed one) */
  answers: string[];
  /** Rows of the responses, mentions and citations exports */
  exports: [number, number, number];
}

interface FilterCase {
  name: string;
  query: () => string;
  /** The drill-down's form of the filter, when it differs (brands: answers mentioning them). */
  answersQuery?: () => string;
  expected: Expected;
}

const BRANDS = ['Acme', 'Globex', 'Initech'];
const ALL_ANSWERS = ['a1', 'a2', 'a3', 'a5', 'b1', 'b2', 'b3', 'b4', 'failed'];

const CASES: FilterCase[] = [
  {
    name: 'no filter',
    query: () => '',
    expected: {
      visibility: { Acme: [4, 8, 1], Globex: [5, 8, 1], Initech: [1, 8, 1] },
      globexVoice: [5, 10, 6, 11, 1, 3, 1],
      citations: {
        sources: [2, 3, 1],
        domains: [
          ['acme.com', 2],
          ['globex.com', 2],
          ['news.org', 1],
        ],
        brands: [
          ['Acme', 2],
          ['Globex', 2],
          ['Initech', 0],
        ],
        providers: ['mock', 'openai'],
      },
      trends: [
        ['2026-05-04', 3, 4],
        ['2026-05-06', 2, 4],
      ],
      experiment: [4, 2, 1, 2],
      gap: [
        ['p2', 'Globex', 1, 2],
        ['p3', 'Globex', 1, 2],
        ['p3', 'Initech', 1, 2],
        ['p1', 'Globex', 1, 4],
      ],
      answers: ALL_ANSWERS,
      exports: [9, 10, 6],
    },
  },
  {
    // from is inclusive and to exclusive: the first run starts exactly at from, the second exactly at to.
    name: 'from and to',
    query: () => `from=${encodeURIComponent('2026-05-04T10:00:00Z')}&to=${encodeURIComponent('2026-05-06T10:00:00Z')}`,
    expected: {
      visibility: { Acme: [2, 4, 1], Globex: [3, 4, 1], Initech: [1, 4, 1] },
      globexVoice: [3, 6, 3, 6, 0, 2, 1],
      citations: {
        sources: [1, 2, 1],
        domains: [
          ['news.org', 1],
          ['acme.com', 1],
          ['globex.com', 1],
        ],
        brands: [
          ['Acme', 1],
          ['Globex', 1],
          ['Initech', 0],
        ],
        providers: ['mock', 'openai'],
      },
      trends: [['2026-05-04', 3, 4]],
      experiment: [2, 1, 1, 1],
      gap: [
        ['p3', 'Globex', 1, 1],
        ['p3', 'Initech', 1, 1],
        ['p1', 'Globex', 1, 2],
      ],
      answers: ['a1', 'a2', 'a3', 'a5', 'failed'],
      exports: [5, 6, 4],
    },
  },
  {
    // Shares stay computed among every tracked brand; the drill-down takes brands as `mentioning`.
    name: 'brandIds',
    query: () => `brandIds=${world.brand('Globex')}`,
    answersQuery: () => `mentioning=${world.brand('Globex')}`,
    expected: {
      visibility: { Globex: [5, 8, 1] },
      globexVoice: [5, 10, 6, 11, 1, 3, 1],
      citations: {
        sources: [2, 3, 1],
        domains: [
          ['acme.com', 2],
          ['globex.com', 2],
          ['news.org', 1],
        ],
        brands: [['Globex', 2]],
        providers: ['mock', 'openai'],
      },
      trends: [
        ['2026-05-04', 3, 4],
        ['2026-05-06', 2, 4],
      ],
      experiment: [4, 2, 1, 2],
      gap: [
        ['p2', 'Globex', 1, 2],
        ['p3', 'Globex', 1, 2],
        ['p1', 'Globex', 1, 4],
      ],
      answers: ['a1', 'a2', 'a5', 'b2', 'b4'],
      exports: [9, 5, 2],
    },
  },
  {
    name: 'providers',
    query: () => 'providers=openai',
    expected: {
      visibility: { Acme: [1, 2, 1], Globex: [2, 2, 1], Initech: [1, 2, 1] },
      globexVoice: [2, 4, 2, 4, 1, 1, 0],
      citations: {
        sources: [0, 1, 1],
        domains: [
          ['acme.com', 1],
          ['news.org', 0],
        ],
        brands: [
          ['Acme', 1],
          ['Globex', 0],
          ['Initech', 0],
        ],
        providers: ['openai'],
      },
      trends: [
        ['2026-05-04', 1, 1],
        ['2026-05-06', 1, 1],
      ],
      experiment: null,
      gap: [
        ['p3', 'Globex', 1, 1],
        ['p3', 'Initech', 1, 1],
      ],
      answers: ['a5', 'b4', 'failed'],
      exports: [3, 4, 2],
    },
  },
  {
    name: 'modelConfigIds',
    query: () => `modelConfigIds=${world.config('cA')},${world.config('cB')}`,
    expected: {
      visibility: { Acme: [3, 6, 0], Globex: [3, 6, 0], Initech: [0, 6, 0] },
      globexVoice: [3, 6, 4, 7, 0, 2, 1],
      citations: {
        sources: [2, 2, 0],
        domains: [
          ['globex.com', 2],
          ['acme.com', 1],
          ['news.org', 1],
        ],
        brands: [
          ['Acme', 1],
          ['Globex', 2],
          ['Initech', 0],
        ],
        providers: ['mock'],
      },
      trends: [
        ['2026-05-04', 2, 3],
        ['2026-05-06', 1, 3],
      ],
      experiment: [4, 2, 1, 2],
      gap: [
        ['p2', 'Globex', 1, 2],
        ['p1', 'Globex', 1, 3],
      ],
      answers: ['a1', 'a2', 'a3', 'b1', 'b2', 'b3'],
      exports: [6, 6, 4],
    },
  },
  {
    name: 'promptIds',
    query: () => `promptIds=${world.prompt('p1')}`,
    expected: {
      visibility: { Acme: [3, 4, 0], Globex: [3, 4, 0], Initech: [0, 4, 0] },
      globexVoice: [3, 6, 3, 6, 1, 1, 1],
      citations: {
        sources: [1, 3, 0],
        domains: [
          ['acme.com', 2],
          ['globex.com', 1],
          ['news.org', 1],
        ],
        brands: [
          ['Acme', 2],
          ['Globex', 1],
          ['Initech', 0],
        ],
        providers: ['mock', 'openai'],
      },
      trends: [
        ['2026-05-04', 2, 2],
        ['2026-05-06', 1, 2],
      ],
      experiment: [2, 1, 1, 1],
      gap: [['p1', 'Globex', 1, 4]],
      answers: ['a1', 'a2', 'b1', 'b4'],
      exports: [4, 6, 4],
    },
  },
  {
    name: 'tags',
    query: () => 'tags=smb',
    expected: {
      visibility: { Acme: [1, 2, 1], Globex: [1, 2, 1], Initech: [0, 2, 1] },
      globexVoice: [1, 2, 2, 3, 0, 1, 0],
      citations: {
        sources: [1, 0, 0],
        domains: [['globex.com', 1]],
        brands: [
          ['Acme', 0],
          ['Globex', 1],
          ['Initech', 0],
        ],
        providers: ['mock', 'openai'],
      },
      trends: [
        ['2026-05-04', 0, 1],
        ['2026-05-06', 1, 1],
      ],
      experiment: [1, 1, 0, 1],
      gap: [['p2', 'Globex', 1, 2]],
      answers: ['a3', 'b2', 'failed'],
      exports: [3, 2, 1],
    },
  },
  {
    name: 'runId',
    query: () => `runId=${run2}`,
    expected: {
      visibility: { Acme: [2, 4, 0], Globex: [2, 4, 0], Initech: [0, 4, 0] },
      globexVoice: [2, 4, 3, 5, 1, 1, 0],
      citations: {
        sources: [1, 1, 0],
        domains: [
          ['acme.com', 1],
          ['globex.com', 1],
        ],
        brands: [
          ['Acme', 1],
          ['Globex', 1],
          ['Initech', 0],
        ],
        providers: ['mock', 'openai'],
      },
      trends: [['2026-05-06', 2, 4]],
      experiment: [2, 1, 0, 1],
      gap: [['p2', 'Globex', 1, 1]],
      answers: ['b1', 'b2', 'b3', 'b4'],
      exports: [4, 4, 2],
    },
  },
];

const withQuery = (path: string, q: string) => (q ? `${path}${path.includes('?') ? '&' : '?'}${q}` : path);

describe.each(CASES)('filter: $name', ({ query, answersQuery, expected }) => {
  const shown = () => BRANDS.filter((b) => b in expected.visibility);

  it('visibility and share of voice', async () => {
    const vis = await get(withQuery('/reports/visibility?groupBy=brand', query()), visibilityReport);
    expect(
      Object.fromEntries(vis.rows.map((r: Json) => [r.brandName, [r.mentionRate.numerator, r.n, r.failed]])),
    ).toEqual(expected.visibility);
    const sov = await get(withQuery('/reports/share-of-voice', query()), shareOfVoiceReport);
    expect(sov.rows.map((r: Json) => r.brandName).sort()).toEqual(shown());
    const g = sov.rows.find((r: Json) => r.brandName === 'Globex');
    const { presence, count } = g.shareOfVoice;
    expect([
      presence.numerator,
      presence.denominator,
      count.numerator,
      count.denominator,
      g.sentiment.positive,
      g.sentiment.neutral,
      g.sentiment.negative,
    ]).toEqual(expected.globexVoice);
  });

  it('citations', async () => {
    const report = await get(withQuery('/reports/citations', query()), citationsReport);
    expect(report.groups).toHaveLength(1);
    const [all] = report.groups;
    expect([all.sources.annotation.count, all.sources.link.count, all.sources.searchResult.count]).toEqual(
      expected.citations.sources,
    );
    expect(all.domains.map((d: Json) => [d.domain, d.cited])).toEqual(expected.citations.domains);
    expect(all.brands.map((b: Json) => [b.brandName, b.cited]).sort()).toEqual(expected.citations.brands);
    expect(report.byProvider.map((p: Json) => p.provider)).toEqual(expected.citations.providers);
  });

  it('trends', async () => {
    const report = await get(withQuery('/reports/trends?interval=day', query()), trendsReport);
    expect(report.rows).toHaveLength(expected.trends.length * shown().length);
    const globex = report.rows.filter((r: Json) => r.brandName === 'Globex');
    expect(globex.map((r: Json) => [r.period, r.mentionRate.numerator, r.n])).toEqual(expected.trends);
  });

  it('experiments', async () => {
    const report = await get(withQuery('/reports/experiments?parameter=temperature', query()), experimentsReport);
    if (expected.experiment === null) return expect(report.pairs).toEqual([]);
    expect(report.pairs).toHaveLength(1);
    const [pair] = report.pairs;
    expect([pair.a.modelConfigId, pair.b.modelConfigId]).toEqual([world.config('cA'), world.config('cB')]);
    expect(pair.brands.map((b: Json) => b.brandName).sort()).toEqual(shown());
    const g = pair.brands.find((b: Json) => b.brandName === 'Globex');
    expect([pair.answers.a, pair.answers.b, g.a.numerator, g.b.numerator]).toEqual(expected.experiment);
    expect([g.a.denominator, g.b.denominator]).toEqual(expected.experiment.slice(0, 2));
  });

  it('competitor gap', async () => {
    const report = await get(withQuery('/reports/competitor-gap', query()), competitorGapReport);
    const text = Object.fromEntries(Object.entries(PROMPT_TEXT).map(([k, v]) => [v, k]));
    expect(report.rows.map((r: Json) => [text[r.promptText], r.competitor.brandName, r.gap.numerator, r.n])).toEqual(
      expected.gap,
    );
  });

  it('answers drill-down and raw exports', async () => {
    const page = await get(withQuery('/answers?includeRaw=true&limit=200', (answersQuery ?? query)()), answersPage);
    expect(page.data.map((a: Json) => (a.status === 'failed' ? 'failed' : a.text)).sort()).toEqual(expected.answers);
    const rows = await Promise.all(
      ['responses', 'mentions', 'citations'].map(
        async (d) => (await get(withQuery(`/exports/${d}?format=json`, query()), anyJson)) as unknown as Json[],
      ),
    );
    expect(rows.map((r) => r.length)).toEqual(expected.exports);
  });
});

describe('filters the drill-down cannot take', () => {
  it('refuses brandIds on the answers drill-down and names the parameter', async () => {
    const res = await ctx.app.inject({
      url: `${world.base}/answers?brandIds=${world.brand('Globex')}`,
      headers: tenant.headers,
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toContain('brandIds');
  });
});
