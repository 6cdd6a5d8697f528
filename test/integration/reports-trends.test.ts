/**
 * Trends by day and week in the workspace time zone. Runs just before and after midnight in
 * Paris land on different Paris days but the same UTC day; a time zone change takes effect at
 * once, with no rollup rebuild, because answers are dated by their run at query time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trendsReport } from '../../src/modules/reports/brand-reports.schemas.js';
import { trends } from '../../src/modules/reports/reports.service.js';
import { rebuildRollups } from '../../src/modules/reports/rollups.service.js';
import { addRun, createWorld, times, type World } from '../factories/answers.js';
import { createTenant, type TestTenant } from '../factories/index.js';
import { createTestContext, type TestContext } from '../helpers/context.js';

let ctx: TestContext;
let tenant: TestTenant;
let world: World;

const get = async (url: string) => {
  const res = await ctx.app.inject({ url, headers: tenant.headers });
  expect(res.statusCode, res.body).toBe(200);
  return JSON.parse(res.body);
};
// Parsed report JSON.
type Row = Record<string, any>;
const acme = (rows: Row[]) =>
  rows.filter((r) => r.brandName === 'Acme').map((r) => [r.period, r.mentionRate.numerator, r.n, r.failed]);

beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await createTenant(ctx.db);
  world = await createWorld(ctx.db, tenant.organizationId, {
    timezone: 'Europe/Paris',
    brands: [{ name: 'Acme', kind: 'own', domains: ['acme.com'] }, { name: 'Globex' }],
    prompts: [{ key: 'p' }],
    configs: [{ key: 'c' }],
  });
  const a = { prompt: 'p', config: 'c' };
  const named = { ...a, mentions: [{ brand: 'Acme' }] };
  // 2026-03-09 is a Monday; Paris is UTC+1 until 29 March.
  const retrieved = {
    ...a,
    mentions: [{ brand: 'Acme', count: 2, sentiment: 0.5 }],
    citations: [{ url: 'https://acme.com/s', source: 'search_result' as const }],
  };
  await addRun(ctx.db, world, { createdAt: new Date('2026-03-09T22:30:00Z'), answers: [retrieved, a] }); // Paris: Mon 9, 23:30
  await addRun(ctx.db, world, {
    createdAt: new Date('2026-03-09T23:30:00Z'), // Paris: Tue 10, 00:30
    answers: times(3, {
      ...named,
      mentions: [{ brand: 'Acme' }, { brand: 'Globex', sentiment: -0.5 }],
      citations: [{ url: 'https://acme.com/a', source: 'annotation' }, { url: 'https://news.org/x' }],
    }),
  });
  await addRun(ctx.db, world, { createdAt: new Date('2026-03-15T23:30:00Z'), answers: [named] }); // Paris: Mon 16, 00:30; UTC: Sun 15
  await addRun(ctx.db, world, {
    createdAt: new Date('2026-03-16T10:00:00Z'),
    answers: [{ ...a, status: 'failed' }, a],
  });
  await rebuildRollups(ctx.db.pool, { workspaceId: world.workspaceId });
});
afterAll(async () => ctx.close());

describe('trends', () => {
  it('groups by day in the workspace time zone', async () => {
    const report = await get(`${world.base}/reports/trends?interval=day`);
    trendsReport.parse(report);
    expect(report).toMatchObject({ timezone: 'Europe/Paris', interval: 'day', liveRuns: 0 });
    expect(acme(report.rows)).toEqual([
      ['2026-03-09', 1, 2, 0],
      ['2026-03-10', 3, 3, 0],
      ['2026-03-16', 1, 2, 1],
    ]);
    const row = (brand: string, period: string) =>
      report.rows.find((r: Row) => r.brandName === brand && r.period === period);
    const day10 = row('Acme', '2026-03-10');
    expect(day10).toMatchObject({
      mentioned: 3,
      mentions: 3,
      shareOfVoice: {
        presence: { numerator: 3, denominator: 6, value: 0.5 },
        count: { numerator: 3, denominator: 6, value: 0.5 },
      },
      averageRank: { value: 1 },
      top1Rate: { numerator: 3, denominator: 3 },
      sentiment: { mean: { numerator: 0, denominator: 3, value: 0 }, positive: 0, neutral: 3, negative: 0 },
      citationShare: { numerator: 3, denominator: 6, n: 3, value: 0.5 },
      sources: {
        annotation: { count: 3, share: { numerator: 3, denominator: 6 } },
        link: { count: 3 },
        searchResult: { count: 0, share: { value: 0 } },
      },
    });
    expect(row('Globex', '2026-03-10')).toMatchObject({
      sentiment: {
        mean: { numerator: -1.5, denominator: 3, value: -0.5, sd: 0 },
        positive: 0,
        neutral: 0,
        negative: 3,
      },
      shareOfVoice: { presence: { numerator: 3, denominator: 6 }, count: { numerator: 3, denominator: 6 } },
      averageRank: { value: 2 },
      top1Rate: { numerator: 0, denominator: 3 },
    });
    // Named twice in one answer: one of one by presence, two of two by count; a retrieved source is no citation.
    expect(row('Acme', '2026-03-09')).toMatchObject({
      mentioned: 1,
      mentions: 2,
      shareOfVoice: { presence: { numerator: 1, denominator: 1 }, count: { numerator: 2, denominator: 2 } },
      sentiment: {
        mean: { value: 0.5 },
        positive: 1,
        neutral: 0,
        negative: 0,
        shares: { positive: { numerator: 1, denominator: 1, value: 1, ci95: { high: 1 } }, negative: { value: 0 } },
      },
      citationShare: { numerator: 0, denominator: 0, value: null },
      sources: {
        annotation: { count: 0 },
        link: { count: 0 },
        searchResult: { count: 1, share: { numerator: 1, denominator: 1, value: 1 } },
      },
    });
    // Every answer cites Acme once out of two: the ratio never varies, so its interval is a point.
    expect(day10.citationShare.ci95.low).toBeCloseTo(0.5, 12);
    expect(day10.citationShare.ci95.high).toBeCloseTo(0.5, 12);
  });

  it('groups by ISO week starting on Monday, in the workspace time zone', async () => {
    const report = await get(`${world.base}/reports/trends?interval=week&brandIds=${world.brand('Acme')}`);
    expect(acme(report.rows)).toEqual([
      ['2026-03-09', 4, 5, 0],
      ['2026-03-16', 1, 2, 1],
    ]);
  });

  it('applies a time zone change at once, without rebuilding rollups', async () => {
    const patched = await ctx.app.inject({
      method: 'PATCH',
      url: world.base,
      headers: tenant.headers,
      payload: { timezone: 'UTC' },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const daily = await get(`${world.base}/reports/trends?interval=day`);
    expect(daily).toMatchObject({ timezone: 'UTC', liveRuns: 0 });
    expect(acme(daily.rows)).toEqual([
      ['2026-03-09', 4, 5, 0],
      ['2026-03-15', 1, 1, 0],
      ['2026-03-16', 0, 1, 1],
    ]);
    const weekly = await get(`${world.base}/reports/trends?interval=week`);
    expect(acme(weekly.rows)).toEqual([
      ['2026-03-09', 5, 6, 0],
      ['2026-03-16', 0, 1, 1],
    ]);
    const q = { groupBy: ['provider'], interval: 'week' as const };
    const fromRollups = await trends({ db: ctx.db }, tenant.organizationId, world.workspaceId, q);
    expect(fromRollups).toEqual(await trends({ db: ctx.db }, tenant.organizationId, world.workspaceId, q, 'raw'));
  });

  it('filters by the run time range, edges included and excluded as documented', async () => {
    const from = encodeURIComponent('2026-03-09T23:30:00Z');
    const to = encodeURIComponent('2026-03-16T10:00:00Z');
    const report = await get(`${world.base}/reports/trends?interval=day&from=${from}&to=${to}&groupBy=brand`);
    expect(acme(report.rows)).toEqual([
      ['2026-03-09', 3, 3, 0],
      ['2026-03-15', 1, 1, 0],
    ]);
  });
});
