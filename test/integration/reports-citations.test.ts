/**
 * Citations and competitor gap on factory data: source split, top domains and URLs with their
 * shares, each brand's share of citations on its own domains, prompts where a competitor is named
 * and no own brand is (with examples), and a change of own brands read live until rebuilt.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ratioOfSums } from '../../src/lib/statistics.js';
import { citationsReport, type CitationsQuery } from '../../src/modules/reports/citations.schemas.js';
import { citations } from '../../src/modules/reports/citations.service.js';
import { competitorGapReport } from '../../src/modules/reports/competitor-gap.schemas.js';
import { competitorGap } from '../../src/modules/reports/competitor-gap.service.js';
import { rebuildRollups } from '../../src/modules/reports/rollups.service.js';
import { addRun, createWorld, type World } from '../factories/answers.js';
import { createTenant, type TestTenant } from '../factories/index.js';
import { createTestContext, waitFor, type TestContext } from '../helpers/context.js';

let ctx: TestContext;
let tenant: TestTenant;
let world: World;

// Parsed report JSON.
type Json = Record<string, any>;
const get = async (path: string, schema: { parse(v: unknown): unknown }): Promise<Json> => {
  const res = await ctx.app.inject({ url: `${world.base}/reports/${path}`, headers: tenant.headers });
  expect(res.statusCode, res.body).toBe(200);
  const body = JSON.parse(res.body);
  schema.parse(body);
  return body;
};

beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await createTenant(ctx.db);
  world = await createWorld(ctx.db, tenant.organizationId, {
    brands: [
      { name: 'Acme', kind: 'own', domains: ['acme.com'] },
      { name: 'Globex', domains: ['globex.com'] },
      { name: 'Initech' },
    ],
    prompts: [
      { key: 'p1', text: 'Best CRM?' },
      { key: 'p2', text: 'Cheapest CRM?' },
    ],
    configs: [
      { key: 'c1', provider: 'openai' },
      { key: 'c2', provider: 'perplexity' },
    ],
  });
  await addRun(ctx.db, world, {
    createdAt: new Date('2026-05-04T09:00:00Z'),
    answers: [
      {
        prompt: 'p1',
        config: 'c1',
        mentions: [{ brand: 'Globex', snippet: 'Globex leads', spans: [[0, 6]] }],
        citations: [
          { url: 'https://acme.com/x', source: 'annotation' },
          { url: 'https://globex.com/y', source: 'link' },
          { url: 'https://wiki.org/z', source: 'search_result' },
        ],
      },
      {
        prompt: 'p1',
        config: 'c1',
        mentions: [{ brand: 'Acme' }, { brand: 'Globex' }],
        citations: [
          { url: 'https://globex.com/y', source: 'annotation' },
          { url: 'https://wiki.org/z', source: 'link' },
        ],
      },
      { prompt: 'p1', config: 'c1', mentions: [{ brand: 'Initech', snippet: 'Initech too' }] },
      {
        prompt: 'p2',
        config: 'c2',
        mentions: [{ brand: 'Globex', snippet: 'Globex is cheap' }],
        citations: [
          { url: 'https://acme.com/x', source: 'link' },
          { url: 'https://acme.com/x', source: 'annotation' },
        ],
      },
      { prompt: 'p2', config: 'c2', status: 'failed' },
    ],
  });
});
afterAll(async () => ctx.close());

describe('citations', () => {
  it('splits sources, ranks domains and URLs, and shares citations among brands', async () => {
    const report = await get('citations', citationsReport);
    expect(report.groupBy).toEqual([]);
    expect(report.groups).toHaveLength(1);
    const [all] = report.groups;
    expect(all).toMatchObject({
      n: 4,
      failed: 1,
      cited: 6,
      citingAnswers: { numerator: 3, denominator: 4 },
      sources: {
        annotation: { count: 3, share: { numerator: 3, denominator: 7 } },
        link: { count: 3 },
        searchResult: { count: 1 },
      },
    });
    expect(
      all.domains.map((d: Json) => [
        d.domain,
        d.cited,
        d.searchResults,
        d.share.numerator,
        d.share.denominator,
        d.citingAnswers.numerator,
      ]),
    ).toEqual([
      ['acme.com', 3, 0, 3, 6, 2],
      ['globex.com', 2, 0, 2, 6, 2],
      ['wiki.org', 1, 1, 1, 6, 1],
    ]);
    expect(all.domains[0].ownedBy).toEqual([{ brandId: world.brand('Acme'), brandName: 'Acme', brandKind: 'own' }]);
    expect(all.urls.map((u: Json) => [u.url, u.cited, u.retrieved])).toEqual([
      ['https://acme.com/x', 3, 0],
      ['https://globex.com/y', 2, 0],
      ['https://wiki.org/z', 1, 1],
    ]);
    const acme = all.brands.find((b: Json) => b.brandName === 'Acme');
    expect(acme).toMatchObject({
      cited: 3,
      share: { numerator: 3, denominator: 6, n: 4, value: 0.5 },
      citingAnswers: { numerator: 2, denominator: 4 },
    });
    // Per answer (x = Acme's cited sources, y = all cited sources): (1, 2), (0, 2), (0, 0), (2, 2).
    expect(acme.share.ci95).toEqual(ratioOfSums({ n: 4, x: 3, y: 6, xx: 5, xy: 6, yy: 12 }).ci95);
    expect(
      report.byProvider.map((p: Json) => [p.provider, p.n, p.failed, p.cited, p.sources.searchResult.count]),
    ).toEqual([
      ['openai', 3, 0, 4, 1],
      ['perplexity', 1, 1, 2, 0],
    ]);
  });

  it('lists per provider, and per prompt from the answer tables, exactly as rollups would', async () => {
    await rebuildRollups(ctx.db.pool, { workspaceId: world.workspaceId });
    const byProvider = await get('citations?groupBy=provider&top=1', citationsReport);
    expect(byProvider.liveRuns).toBe(0);
    // Grouped by provider, the split per provider is the same as the ungrouped report's.
    const ungrouped = await get('citations?top=1', citationsReport);
    expect(byProvider.byProvider).toEqual(ungrouped.byProvider);
    expect(byProvider.byProvider.map((p: Json) => p.provider)).toEqual(['openai', 'perplexity']);
    expect(
      byProvider.groups.map((g: Json) => [
        g.provider,
        g.domains.map((d: Json) => d.domain),
        g.urls.map((u: Json) => u.cited),
      ]),
    ).toEqual([
      ['openai', ['globex.com'], [2]],
      ['perplexity', ['acme.com'], [2]],
    ]);
    // Whole reports, competitor-only sources and source categories included: over every run, over
    // whole local days (period rollups), part of a day (per-run rollups), one provider, one prompt.
    const filters: Array<Partial<CitationsQuery>> = [
      {},
      { from: '2026-05-01T00:00:00Z', to: '2026-05-09T00:00:00Z' },
      { from: '2026-05-04T08:00:00Z', to: '2026-05-04T10:00:00Z' },
      { providers: ['openai'] },
      { promptIds: [world.prompt('p2')] },
    ];
    for (const f of filters)
      for (const groupBy of [[], ['provider'], ['prompt'], ['tag', 'day']] as Array<CitationsQuery['groupBy']>) {
        const q = { ...f, groupBy, top: 5, format: 'json' as const };
        const fromRollups = await citations({ db: ctx.db }, tenant.organizationId, world.workspaceId, q);
        expect(fromRollups, `${JSON.stringify(f)} ${groupBy.join()}`).toEqual(
          await citations({ db: ctx.db }, tenant.organizationId, world.workspaceId, q, 'raw'),
        );
      }
    // The figures are not empty ones: the rollups hold the competitor-only counts and every category.
    const whole = await citations({ db: ctx.db }, tenant.organizationId, world.workspaceId, {
      groupBy: [],
      top: 5,
      format: 'json',
    });
    expect(whole.competitorOnlySources.map((d) => [d.domain, d.citations, d.answers])).toEqual([['acme.com', 3, 2]]);
    expect(whole.sourceCategories.categories.filter((c) => c.cited > 0).map((c) => [c.category, c.cited])).toEqual([
      ['own', 3],
      ['competitor', 2],
      ['other', 1],
    ]);
  });
});

describe('competitor-only sources', () => {
  it('lists domains cited in answers naming a competitor and in none naming an own brand, with their top URLs', async () => {
    const report = await get('citations', citationsReport);
    // globex.com and wiki.org are also cited where Acme (own) is named; the retrieved wiki.org does not count.
    expect(report.competitorOnlySources).toEqual([
      {
        domain: 'acme.com',
        citations: 3,
        answers: 2,
        ownedBy: [{ brandId: world.brand('Acme'), brandName: 'Acme', brandKind: 'own' }],
        urls: [{ url: 'https://acme.com/x', citations: 3 }],
      },
    ]);
    // Whatever the grouping, over the filters.
    expect((await get('citations?groupBy=provider', citationsReport)).competitorOnlySources).toEqual(
      report.competitorOnlySources,
    );
    const openai = await get('citations?providers=openai', citationsReport);
    expect(openai.competitorOnlySources.map((d: Json) => [d.domain, d.citations, d.answers])).toEqual([
      ['acme.com', 1, 1],
    ]);
    expect((await get('citations?providers=openai&top=1', citationsReport)).competitorOnlySources).toHaveLength(1);
    const csv = await ctx.app.inject({ url: `${world.base}/reports/citations?format=csv`, headers: tenant.headers });
    const lines = csv.body.split('\n');
    expect(lines.some((l) => l.startsWith('1,competitor-only domain,') && l.includes(',acme.com,Acme,'))).toBe(true);
    expect(lines.some((l) => l.startsWith('1,competitor-only url,') && l.includes('https://acme.com/x,acme.com'))).toBe(
      true,
    );
  });
});

describe('competitor gap', () => {
  it('lists prompts where a competitor is named and no own brand is, largest gap first, with examples', async () => {
    const report = await get('competitor-gap', competitorGapReport);
    expect(report.ownBrands.map((b: Json) => b.brandName)).toEqual(['Acme']);
    expect(
      report.rows.map((r: Json) => [
        r.promptText,
        r.competitor.brandName,
        r.gap.numerator,
        r.gap.denominator,
        r.competitorMentioned.numerator,
        r.failed,
      ]),
    ).toEqual([
      ['Cheapest CRM?', 'Globex', 1, 1, 1, 1],
      ['Best CRM?', 'Globex', 1, 3, 2, 0],
      ['Best CRM?', 'Initech', 1, 3, 1, 0],
    ]);
    expect(report.rows[1].examples).toEqual([
      expect.objectContaining({
        snippet: 'Globex leads',
        spans: [[0, 6]],
        provider: 'openai',
        modelConfigId: world.config('c1'),
      }),
    ]);
    const split = await get('competitor-gap?groupBy=provider&examples=0&limit=1', competitorGapReport);
    expect(split.rows).toEqual([
      expect.objectContaining({
        provider: 'perplexity',
        examples: [],
        gap: expect.objectContaining({ numerator: 1, denominator: 1 }),
      }),
    ]);
  });

  it('reads runs live after the own brands change, then uses their rebuilt rollup', async () => {
    const res = await ctx.app.inject({
      method: 'PATCH',
      url: `${world.base}/brands/${world.brand('Initech')}`,
      headers: tenant.headers,
      payload: { kind: 'own' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const report = await get('competitor-gap', competitorGapReport);
    expect(report.liveRuns).toBe(1);
    expect(report.ownBrands.map((b: Json) => b.brandName)).toEqual(['Acme', 'Initech']);
    expect(report.rows.map((r: Json) => [r.promptText, r.competitor.brandName, r.gap.numerator])).toEqual([
      ['Cheapest CRM?', 'Globex', 1],
      ['Best CRM?', 'Globex', 1],
    ]);
    // The report asked for a background rebuild; once done, the run is read from its rollup again.
    await waitFor(async () => (await get('competitor-gap', competitorGapReport)).liveRuns === 0, 'the rollup rebuild');
    const q = { groupBy: ['prompt' as const], limit: 50, examples: 3, format: 'json' as const };
    const fromRollups = await competitorGap({ db: ctx.db }, tenant.organizationId, world.workspaceId, q);
    expect(fromRollups).toEqual(
      await competitorGap({ db: ctx.db }, tenant.organizationId, world.workspaceId, q, 'raw'),
    );
    expect(fromRollups.rows).toHaveLength(2);
    // With Initech own, its answer's citations make no source competitor-only any more than before.
    const cq = { groupBy: [] as CitationsQuery['groupBy'], top: 5, format: 'json' as const };
    const cited = await citations({ db: ctx.db }, tenant.organizationId, world.workspaceId, cq);
    expect(cited.liveRuns).toBe(0);
    expect(cited).toEqual(await citations({ db: ctx.db }, tenant.organizationId, world.workspaceId, cq, 'raw'));
  });
});

describe('competitor gap examples', () => {
  it('quotes up to `examples` answers per row, newest first, across runs and whatever their rollups', async () => {
    const gapWorld = await createWorld(ctx.db, tenant.organizationId, {
      brands: [{ name: 'Acme', kind: 'own' }, { name: 'Globex' }],
      prompts: [{ key: 'p', text: 'Best CRM?' }],
      configs: [{ key: 'c', provider: 'openai' }],
    });
    // 25 gap answers over 3 runs, and answers that are no gap (an own brand named, failed, waiting for analysis).
    const perRun = [9, 8, 8];
    for (const [i, n] of perRun.entries()) {
      await addRun(ctx.db, gapWorld, {
        createdAt: new Date(Date.UTC(2026, 4, 4 + i, 9)),
        answers: [
          ...Array.from({ length: n }, (_, k) => ({
            prompt: 'p',
            config: 'c',
            mentions: [{ brand: 'Globex', snippet: `run ${i} answer ${k}` }],
          })),
          { prompt: 'p', config: 'c', mentions: [{ brand: 'Acme' }, { brand: 'Globex', snippet: 'with Acme' }] },
          { prompt: 'p', config: 'c', status: 'failed' as const },
          { prompt: 'p', config: 'c', analyzed: false, mentions: [{ brand: 'Globex', snippet: 'not analysed' }] },
        ],
      });
    }
    await rebuildRollups(ctx.db.pool, { workspaceId: gapWorld.workspaceId });
    const gapOf = async (query: string) => {
      const res = await ctx.app.inject({
        url: `${gapWorld.base}/reports/competitor-gap?${query}`,
        headers: tenant.headers,
      });
      expect(res.statusCode, res.body).toBe(200);
      return competitorGapReport.parse(JSON.parse(res.body));
    };
    const report = await gapOf('groupBy=prompt,config&examples=10');
    expect(report.liveRuns).toBe(0);
    expect(report.rows).toHaveLength(1);
    const [row] = report.rows;
    expect(row?.gap).toMatchObject({ numerator: 25, denominator: 28 });
    const snippets = row?.examples.map((e) => e.snippet);
    // The newest run's 8 answers, then the newest of the run before.
    expect(snippets).toHaveLength(10);
    expect(new Set(snippets).size).toBe(10);
    expect(snippets?.slice(0, 8).every((t) => t.startsWith('run 2 '))).toBe(true);
    expect(snippets?.slice(8).every((t) => t.startsWith('run 1 '))).toBe(true);
    expect((await gapOf('groupBy=prompt,config&examples=3')).rows[0]?.examples.map((e) => e.snippet)).toEqual(
      snippets?.slice(0, 3),
    );
    const q = { groupBy: ['prompt' as const, 'config' as const], limit: 50, examples: 10, format: 'json' as const };
    expect(await competitorGap({ db: ctx.db }, tenant.organizationId, gapWorld.workspaceId, q)).toEqual(
      await competitorGap({ db: ctx.db }, tenant.organizationId, gapWorld.workspaceId, q, 'raw'),
    );
  });
});
