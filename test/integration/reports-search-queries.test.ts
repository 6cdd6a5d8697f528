/**
 * GET …/reports/search-queries: the web searches assistants ran per prompt × configuration,
 * normalised and counted per answer, with their share of the answers that searched and the rate
 * at which answers that ran each cited an own domain, checked against hand-computed counts and
 * Wilson intervals; the filters, top and limit, CSV against JSON, 400s and tenant isolation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchQueriesReport, type SearchQueriesReport } from '../../src/modules/reports/search-queries.schemas.js';
import { addRun, createWorld, type AnswerSpec, type World } from '../factories/answers.js';
import { createTenant, type TestTenant } from '../factories/index.js';
import { apiClient, type ApiClient } from '../helpers/api.js';
import { createTestContext, type TestContext } from '../helpers/context.js';

let ctx: TestContext;
let tenant: TestTenant;
let api: ApiClient;
let world: World;
let oldRun: string;

const OWN = { url: 'https://www.nimbus.io/crm', source: 'link' as const };
const OWN_RETRIEVED = { url: 'https://nimbus.io/pricing', source: 'search_result' as const };
const RIVAL = { url: 'https://hubspot.com/', source: 'annotation' as const };

const p1a = (searchQueries: string[], citations: AnswerSpec['citations'] = [], extra: Partial<AnswerSpec> = {}) => ({
  prompt: 'p1',
  config: 'a',
  searchQueries,
  citations,
  ...extra,
});

beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await createTenant(ctx.db);
  api = apiClient(ctx.app, tenant.headers);
  world = await createWorld(ctx.db, tenant.organizationId, {
    brands: [
      { name: 'Nimbus', kind: 'own', domains: ['nimbus.io'] },
      { name: 'HubSpot', domains: ['hubspot.com'] },
    ],
    prompts: [
      { key: 'p1', text: 'Best CRM?', tags: ['crm'] },
      { key: 'p2', text: 'Cheap CRM?', tags: ['price'] },
    ],
    configs: [
      { key: 'a', name: 'A', provider: 'openai' },
      { key: 'b', name: 'B', provider: 'perplexity' },
    ],
  });
  await addRun(ctx.db, world, {
    createdAt: new Date('2026-11-10T10:00:00Z'),
    answers: [
      // The same query twice in one answer counts once.
      p1a(['Best CRM', '  best \t  crm '], [OWN]),
      p1a(['BEST CRM', 'nimbus pricing'], [RIVAL]),
      // An own domain only retrieved, never cited, is no own citation.
      p1a(['nimbus   pricing'], [OWN_RETRIEVED]),
      // No search: in n, not among the answers that searched.
      p1a([], [OWN]),
      p1a(['best crm'], [{ url: 'https://nimbus.io/', source: 'annotation' }, RIVAL]),
      // Failed and not yet analysed answers count nowhere.
      p1a(['best crm'], [], { status: 'failed' }),
      p1a(['best crm'], [], { analyzed: false }),
      { prompt: 'p1', config: 'b', searchQueries: ['hubspot alternatives'], citations: [RIVAL] },
      { prompt: 'p1', config: 'b', searchQueries: ['Hubspot  Alternatives', '   '], citations: [OWN] },
      // A pair whose answers never searched has no row.
      { prompt: 'p2', config: 'b', searchQueries: [], citations: [OWN] },
    ],
  });
  oldRun = await addRun(ctx.db, world, {
    createdAt: new Date('2026-10-01T10:00:00Z'),
    answers: [{ prompt: 'p2', config: 'a', searchQueries: ['Cheap CRM'], citations: [OWN] }],
  });
});
afterAll(async () => ctx?.close());

const report = async (query = '') =>
  searchQueriesReport.parse(await api.get(`${world.base}/reports/search-queries${query}`));

/** A proportion with its 95% Wilson interval, the bounds computed by hand (four decimals). */
const prop = (k: number, n: number, low: number, high: number) => ({
  numerator: k,
  denominator: n,
  n,
  value: n ? k / n : null,
  ci95: { low: expect.closeTo(low, 4), high: expect.closeTo(high, 4) },
});

const keys = (r: SearchQueriesReport) => r.rows.map((row) => `${row.promptText} ${row.modelConfigName}`);

describe('search-queries report', () => {
  it('counts each normalised query once per answer, with shares and own-citation rates and their intervals', async () => {
    const r = await report('?from=2026-11-01T00:00:00Z');
    expect(r.top).toBe(10);
    expect(r.ownBrands).toEqual([{ brandId: world.brand('Nimbus'), brandName: 'Nimbus', brandKind: 'own' }]);
    expect(r.rows).toEqual([
      {
        promptId: world.prompt('p1'),
        promptText: 'Best CRM?',
        provider: 'openai',
        modelConfigId: world.config('a'),
        modelConfigName: 'A',
        n: 5,
        // 4 of the 5 answers searched; answers 1 and 5 of those cited nimbus.io.
        searched: prop(4, 5, 0.3755, 0.9638),
        ownCited: prop(2, 4, 0.15, 0.85),
        distinctQueries: 2,
        queries: [
          {
            rank: 1,
            query: 'best crm',
            answers: 3,
            share: prop(3, 4, 0.3006, 0.9544),
            ownCited: prop(2, 3, 0.2077, 0.9385),
          },
          {
            rank: 2,
            query: 'nimbus pricing',
            answers: 2,
            share: prop(2, 4, 0.15, 0.85),
            ownCited: prop(0, 2, 0, 0.6576),
          },
        ],
      },
      {
        promptId: world.prompt('p1'),
        promptText: 'Best CRM?',
        provider: 'perplexity',
        modelConfigId: world.config('b'),
        modelConfigName: 'B',
        n: 2,
        searched: prop(2, 2, 0.3424, 1),
        ownCited: prop(1, 2, 0.0945, 0.9055),
        distinctQueries: 1,
        queries: [
          {
            rank: 1,
            query: 'hubspot alternatives',
            answers: 2,
            share: prop(2, 2, 0.3424, 1),
            ownCited: prop(1, 2, 0.0945, 0.9055),
          },
        ],
      },
    ]);
  });

  it('takes the shared filters', async () => {
    expect(keys(await report())).toEqual(['Best CRM? A', 'Best CRM? B', 'Cheap CRM? A']);
    expect(keys(await report('?to=2026-11-01T00:00:00Z'))).toEqual(['Cheap CRM? A']);
    expect(keys(await report(`?runId=${oldRun}`))).toEqual(['Cheap CRM? A']);
    expect(keys(await report('?providers=perplexity'))).toEqual(['Best CRM? B']);
    expect(keys(await report(`?modelConfigIds=${world.config('a')}`))).toEqual(['Best CRM? A', 'Cheap CRM? A']);
    expect(keys(await report(`?promptIds=${world.prompt('p2')}`))).toEqual(['Cheap CRM? A']);
    expect(keys(await report('?tags=crm'))).toEqual(['Best CRM? A', 'Best CRM? B']);
    const old = (await report('?tags=price')).rows[0];
    expect(old?.queries).toEqual([
      { rank: 1, query: 'cheap crm', answers: 1, share: prop(1, 1, 0.2065, 1), ownCited: prop(1, 1, 0.2065, 1) },
    ]);
  });

  it('keeps the top queries per row and at most `limit` rows', async () => {
    const r = await report('?from=2026-11-01T00:00:00Z&top=1');
    expect(r.rows.map((row) => [row.distinctQueries, row.queries.map((q) => q.query)])).toEqual([
      [2, ['best crm']],
      [1, ['hubspot alternatives']],
    ]);
    expect(keys(await report('?limit=1'))).toEqual(['Best CRM? A']);
  });

  it('exports the same figures as CSV, one line per query', async () => {
    const json = await report();
    const res = await ctx.app.inject({
      url: `${world.base}/reports/search-queries?format=csv`,
      headers: tenant.headers,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const [header, ...lines] = res.body.trimEnd().split('\n');
    const columns = (header as string).split(',');
    const cell = (line: string, column: string) => line.split(',')[columns.indexOf(column)];
    const expected = json.rows.flatMap((row) => row.queries.map((q) => ({ row, q })));
    expect(lines).toHaveLength(expected.length);
    for (const [i, { row, q }] of expected.entries()) {
      const line = lines[i] as string;
      expect(cell(line, 'promptId')).toBe(row.promptId);
      expect(cell(line, 'provider')).toBe(row.provider);
      expect(cell(line, 'modelConfigId')).toBe(row.modelConfigId);
      expect(Number(cell(line, 'n'))).toBe(row.n);
      expect(Number(cell(line, 'searched.numerator'))).toBe(row.searched.numerator);
      expect(Number(cell(line, 'ownCited.ci95.low'))).toBe(row.ownCited.ci95.low);
      expect(Number(cell(line, 'distinctQueries'))).toBe(row.distinctQueries);
      expect(Number(cell(line, 'query.rank'))).toBe(q.rank);
      expect(cell(line, 'query.query')).toBe(q.query);
      expect(Number(cell(line, 'query.answers'))).toBe(q.answers);
      expect(Number(cell(line, 'query.share.value'))).toBe(q.share.value);
      expect(Number(cell(line, 'query.share.ci95.high'))).toBe(q.share.ci95.high);
      expect(Number(cell(line, 'query.ownCited.numerator'))).toBe(q.ownCited.numerator);
      expect(Number(cell(line, 'query.ownCited.ci95.low'))).toBe(q.ownCited.ci95.low);
      expect(Number(cell(line, 'query.ownCited.ci95.high'))).toBe(q.ownCited.ci95.high);
    }
  });

  it('refuses bad input with a 400 naming the field, and another organization’s workspace with a 404', async () => {
    for (const [query, field] of [
      ['from=yesterday', 'querystring.from'],
      ['from=10000-01-01T00:00:00Z', 'querystring.from'],
      ['from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z', 'querystring.to'],
      ['top=0', 'querystring.top'],
      ['top=51', 'querystring.top'],
      ['limit=501', 'querystring.limit'],
      ['promptIds=x', 'querystring.promptIds.0'],
      ['format=xml', 'querystring.format'],
    ] as const) {
      const res = await ctx.app.inject({
        url: `${world.base}/reports/search-queries?${query}`,
        headers: tenant.headers,
      });
      expect(res.statusCode, query).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(
        res.json().errors.map((e: { path: string }) => e.path),
        res.body,
      ).toContain(field);
    }
    const stranger = await createTenant(ctx.db);
    for (const format of ['json', 'csv']) {
      const res = await ctx.app.inject({
        url: `${world.base}/reports/search-queries?format=${format}`,
        headers: stranger.headers,
      });
      expect(res.statusCode, format).toBe(404);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
    }
  });
});
