/**
 * Visibility and share of voice on factory data with known answers: exact numerators,
 * denominators and intervals, failed and unanalysed answers kept out of every denominator,
 * slices by provider, configuration, prompt and tag, and rollups equal to the answer tables.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ratioOfSums, wilson } from '../../src/lib/statistics.js';
import { shareOfVoice, visibility } from '../../src/modules/reports/reports.service.js';
import { applyRunToRollups } from '../../src/modules/reports/rollups.service.js';
import { addRun, createWorld, type World } from '../factories/answers.js';
import { createTenant, type TestTenant } from '../factories/index.js';
import { createTestContext, waitFor, type TestContext } from '../helpers/context.js';

let ctx: TestContext;
let tenant: TestTenant;
let world: World;
let runId: string;

const get = async (url: string) => {
  const res = await ctx.app.inject({ url, headers: tenant.headers });
  expect(res.statusCode, res.body).toBe(200);
  return JSON.parse(res.body);
};

beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await createTenant(ctx.db);
  world = await createWorld(ctx.db, tenant.organizationId, {
    brands: [{ name: 'Acme', kind: 'own', domains: ['acme.com'] }, { name: 'Globex' }, { name: 'Initech' }],
    prompts: [{ key: 'p1', tags: ['crm'] }, { key: 'p2', tags: ['crm', 'pricing'] }, { key: 'p3' }],
    configs: [
      { key: 'cold', provider: 'mock', params: { temperature: 0.2 } },
      { key: 'hot', provider: 'openai', model: 'gpt-x', params: { temperature: 1 } },
    ],
  });
  runId = await addRun(ctx.db, world, {
    createdAt: new Date('2026-03-10T10:00:00Z'),
    answers: [
      {
        prompt: 'p1',
        config: 'cold',
        mentions: [
          { brand: 'Acme', count: 2, sentiment: 0.5 },
          { brand: 'Globex', sentiment: -0.5 },
        ],
      }, // a1
      { prompt: 'p1', config: 'cold', mentions: [{ brand: 'Globex', count: 3 }] }, // a2
      { prompt: 'p1', config: 'cold' }, // a3: no brand
      { prompt: 'p1', config: 'cold', status: 'failed' }, // a4
      { prompt: 'p2', config: 'cold', mentions: [{ brand: 'Acme', sentiment: 0.2 }] }, // a5
      { prompt: 'p2', config: 'cold', analyzed: false }, // a6: analysis not stored yet
      { prompt: 'p1', config: 'hot', mentions: [{ brand: 'Initech' }, { brand: 'Globex' }] }, // a7
      { prompt: 'p1', config: 'hot', mentions: [{ brand: 'Globex' }] }, // a8
      { prompt: 'p1', config: 'hot', mentions: [{ brand: 'Acme' }, { brand: 'Initech' }, { brand: 'Globex' }] }, // a9
    ],
  });
});
afterAll(async () => ctx.close());

// Report JSON as parsed: rows are checked field by field below.
type Row = Record<string, any>;
const find = (rows: Row[], brand: string, extra: Row = {}): Row =>
  rows.find((r) => r.brandName === brand && Object.entries(extra).every(([k, v]) => r[k] === v)) as Row;

describe('visibility', () => {
  it('gives mention rates per brand, provider and configuration with exact n, failed and pending answers', async () => {
    const report = await get(`${world.base}/reports/visibility?runId=${runId}`);
    expect(report).toMatchObject({
      definitionVersion: 1,
      timezone: 'UTC',
      groupBy: ['provider', 'config'],
      liveRuns: 1,
    });
    expect(report.rows).toHaveLength(6);
    const expected: Array<[string, string, string, number, number]> = [
      ['Acme', 'cold', 'mock', 2, 4],
      ['Globex', 'cold', 'mock', 2, 4],
      ['Initech', 'cold', 'mock', 0, 4],
      ['Acme', 'hot', 'openai', 1, 3],
      ['Globex', 'hot', 'openai', 3, 3],
      ['Initech', 'hot', 'openai', 2, 3],
    ];
    for (const [brand, config, provider, k, n] of expected) {
      const row = find(report.rows, brand, { modelConfigName: config });
      expect(row, `${brand}/${config}`).toMatchObject({
        provider,
        n,
        mentionRate: { numerator: k, denominator: n, n, value: k / n, ci95: wilson(k, n) },
      });
      expect(row).toMatchObject(
        config === 'cold' ? { failed: 1, pendingAnalysis: 1 } : { failed: 0, pendingAnalysis: 0 },
      );
    }
    // 2 of 4: the Wilson interval by hand is [0.1500, 0.8500].
    expect(find(report.rows, 'Acme', { modelConfigName: 'cold' }).mentionRate.ci95.low).toBeCloseTo(0.15, 4);
    expect(find(report.rows, 'Globex', { modelConfigName: 'hot' }).mentionRate.ci95.high).toBe(1);
  });

  it('slices by prompt and by tag; a tag group counts each answer of its prompts once', async () => {
    const byPrompt = await get(`${world.base}/reports/visibility?runId=${runId}&groupBy=prompt`);
    expect(find(byPrompt.rows, 'Acme', { promptId: world.prompt('p1') }).mentionRate).toMatchObject({
      numerator: 2,
      denominator: 6,
    });
    expect(find(byPrompt.rows, 'Acme', { promptId: world.prompt('p2') })).toMatchObject({
      n: 1,
      pendingAnalysis: 1,
      mentionRate: { numerator: 1 },
    });
    const byTag = await get(`${world.base}/reports/visibility?groupBy=tag,brand&tags=crm,pricing`);
    expect(find(byTag.rows, 'Acme', { tag: 'crm' })).toMatchObject({
      n: 7,
      failed: 1,
      mentionRate: { numerator: 3, denominator: 7 },
    });
    expect(find(byTag.rows, 'Acme', { tag: 'pricing' })).toMatchObject({
      n: 1,
      mentionRate: { numerator: 1, denominator: 1 },
    });
    const filtered = await get(
      `${world.base}/reports/visibility?groupBy=&providers=openai&brandIds=${world.brand('Initech')}`,
    );
    expect(filtered.rows).toEqual([
      expect.objectContaining({ brandName: 'Initech', n: 3, mentionRate: expect.objectContaining({ numerator: 2 }) }),
    ]);
  });

  it('rejects unknown dimensions and day with week', async () => {
    for (const q of ['groupBy=colour', 'groupBy=day,week', 'format=xml']) {
      const res = await ctx.app.inject({ url: `${world.base}/reports/visibility?${q}`, headers: tenant.headers });
      expect(res.statusCode, q).toBe(400);
    }
  });
});

describe('share of voice', () => {
  // Per analysed answer: brands mentioned (y) and, per brand, whether it is mentioned (x).
  const answers = [
    { y: 2, c: 3, brands: { Acme: 2, Globex: 1 } },
    { y: 1, c: 3, brands: { Globex: 3 } },
    { y: 0, c: 0, brands: {} },
    { y: 1, c: 1, brands: { Acme: 1 } },
    { y: 2, c: 2, brands: { Initech: 1, Globex: 1 } },
    { y: 1, c: 1, brands: { Globex: 1 } },
    { y: 3, c: 3, brands: { Acme: 1, Initech: 1, Globex: 1 } },
  ] as Array<{ y: number; c: number; brands: Record<string, number> }>;
  const sums = (brand: string, count: boolean) =>
    answers.reduce(
      (s, a) => {
        const x = count ? (a.brands[brand] ?? 0) : a.brands[brand] ? 1 : 0;
        const y = count ? a.c : a.y;
        return { n: s.n + 1, x: s.x + x, y: s.y + y, xx: s.xx + x * x, xy: s.xy + x * y, yy: s.yy + y * y };
      },
      { n: 0, x: 0, y: 0, xx: 0, xy: 0, yy: 0 },
    );

  it('shares presence and count among every tracked brand, with rank, top-1 and sentiment', async () => {
    const report = await get(`${world.base}/reports/share-of-voice?runId=${runId}`);
    expect(report.rows).toHaveLength(3);
    const acme = find(report.rows, 'Acme');
    expect(acme).toMatchObject({
      n: 7,
      failed: 1,
      pendingAnalysis: 1,
      mentioned: 3,
      mentions: 4,
      shareOfVoice: {
        presence: { numerator: 3, denominator: 10, n: 7, value: 0.3 },
        count: { numerator: 4, denominator: 13, value: 4 / 13 },
      },
      averageRank: { numerator: 3, denominator: 3, value: 1 },
      top1Rate: { numerator: 3, denominator: 3, value: 1 },
      sentiment: { positive: 2, neutral: 1, negative: 0 },
    });
    expect(acme.sentiment.mean.value).toBeCloseTo(0.7 / 3, 12);
    // Shares of the answers mentioning the brand per label, each with its Wilson interval.
    expect(acme.sentiment.shares).toEqual({
      positive: { numerator: 2, denominator: 3, n: 3, value: 2 / 3, ci95: wilson(2, 3) },
      neutral: { numerator: 1, denominator: 3, n: 3, value: 1 / 3, ci95: wilson(1, 3) },
      negative: { numerator: 0, denominator: 3, n: 3, value: 0, ci95: wilson(0, 3) },
    });
    expect(acme.sentiment.shares.negative.ci95.low).toBe(0);
    expect(acme.sentiment.shares.negative.ci95.high).toBeGreaterThan(0.5);
    expect(acme.shareOfVoice.presence.ci95).toEqual(ratioOfSums(sums('Acme', false)).ci95);
    expect(acme.shareOfVoice.count.ci95).toEqual(ratioOfSums(sums('Acme', true)).ci95);
    const globex = find(report.rows, 'Globex');
    expect(globex).toMatchObject({
      mentioned: 5,
      mentions: 7,
      shareOfVoice: { presence: { numerator: 5, denominator: 10 }, count: { numerator: 7, denominator: 13 } },
      averageRank: { numerator: 9, denominator: 5, value: 1.8 },
      top1Rate: { numerator: 2, denominator: 5 },
      sentiment: {
        mean: { numerator: -0.5, denominator: 5, value: -0.1 },
        negative: 1,
        neutral: 4,
        shares: { negative: { numerator: 1, denominator: 5, value: 0.2 }, neutral: { numerator: 4, value: 0.8 } },
      },
    });
    expect(find(report.rows, 'Initech')).toMatchObject({
      averageRank: { value: 1.5 },
      top1Rate: { numerator: 1, denominator: 2 },
    });
  });

  it('keeps every tracked brand in the denominator when brands are filtered', async () => {
    const report = await get(`${world.base}/reports/share-of-voice?runId=${runId}&brandIds=${world.brand('Initech')}`);
    expect(report.rows).toEqual([
      expect.objectContaining({
        brandName: 'Initech',
        shareOfVoice: expect.objectContaining({ presence: expect.objectContaining({ numerator: 2, denominator: 10 }) }),
      }),
    ]);
  });
});

describe('rollups', () => {
  it('give the same reports as the answer tables, live runs included', async () => {
    const unfinished = await addRun(ctx.db, world, {
      createdAt: new Date('2026-03-11T09:00:00Z'),
      finished: false,
      answers: [
        { prompt: 'p3', config: 'hot', mentions: [{ brand: 'Acme', rank: 1 }] },
        { prompt: 'p3', config: 'hot', status: 'pending' },
      ],
    });
    await applyRunToRollups(ctx.db.pool, runId);
    await applyRunToRollups(ctx.db.pool, unfinished); // not finished: nothing is rolled up yet
    const deps = { db: ctx.db };
    const queries = [['provider', 'config'], [], ['prompt'], ['tag'], ['run', 'day'], ['config', 'week']];
    for (const groupBy of queries) {
      const fromRollups = await visibility(deps, tenant.organizationId, world.workspaceId, { groupBy });
      const fromAnswers = await visibility(deps, tenant.organizationId, world.workspaceId, { groupBy }, 'raw');
      expect(fromRollups.liveRuns, groupBy.join()).toBe(1);
      expect({ ...fromRollups, liveRuns: 0 }).toEqual(fromAnswers);
      const sov = await shareOfVoice(deps, tenant.organizationId, world.workspaceId, { groupBy, tags: ['crm'] });
      expect({ ...sov, liveRuns: 0 }).toEqual(
        await shareOfVoice(deps, tenant.organizationId, world.workspaceId, { groupBy, tags: ['crm'] }, 'raw'),
      );
    }
    const rolled = await ctx.db.pool.query(
      'SELECT count(*)::int AS n FROM report_rollup_runs WHERE workspace_id = $1',
      [world.workspaceId],
    );
    expect(rolled.rows[0].n).toBe(1);
    const report = await get(`${world.base}/reports/visibility?groupBy=`);
    expect(find(report.rows, 'Acme')).toMatchObject({ n: 8, mentionRate: { numerator: 4, denominator: 8 } });
  });

  it('read a run live once one of its brands is deleted, until its rollup is rebuilt', async () => {
    const deps = { db: ctx.db };
    const res = await ctx.app.inject({
      method: 'DELETE',
      url: `${world.base}/brands/${world.brand('Initech')}`,
      headers: tenant.headers,
    });
    expect(res.statusCode, res.body).toBe(204);
    const sov = await shareOfVoice(deps, tenant.organizationId, world.workspaceId, { groupBy: [], runId });
    expect(sov.liveRuns).toBe(1);
    expect(
      sov.rows.map((r) => [r.brandName, r.shareOfVoice.presence.numerator, r.shareOfVoice.presence.denominator]),
    ).toEqual([
      ['Acme', 3, 8],
      ['Globex', 5, 8],
    ]);
    expect({ ...sov, liveRuns: 0 }).toEqual(
      await shareOfVoice(deps, tenant.organizationId, world.workspaceId, { groupBy: [], runId }, 'raw'),
    );
    await get(`${world.base}/reports/share-of-voice?runId=${runId}`); // asks for the rebuild
    await waitFor(
      async () =>
        (await shareOfVoice(deps, tenant.organizationId, world.workspaceId, { groupBy: [], runId })).liveRuns === 0,
      'the rebuild',
    );
  });
});
