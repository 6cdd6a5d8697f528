/**
 * Source-category trends (issue 17) on factory data: per local day and week, each category's
 * cited sources, share of cited sources (delta-method interval over answers) and rate of answers
 * citing it (Wilson), checked against counts made by hand; the CSV carries the JSON's figures;
 * rollups (and runs read live under a changed override) equal the answer tables.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ratioOfSums, wilson } from '../../src/lib/statistics.js';
import {
  sourceCategoryTrendsReport,
  type SourceCategoryTrendsQuery,
} from '../../src/modules/reports/source-category-trends.schemas.js';
import { sourceCategoryTrends } from '../../src/modules/reports/source-category-trends.service.js';
import { citations } from '../../src/modules/reports/citations.service.js';
import { rebuildRollups } from '../../src/modules/reports/rollups.service.js';
import { addRun, createWorld, type World } from '../factories/answers.js';
import { createTenant, type TestTenant } from '../factories/index.js';
import { createTestContext, type TestContext } from '../helpers/context.js';

let ctx: TestContext;
let tenant: TestTenant;
let world: World;

// Parsed report JSON.
type Json = Record<string, any>;
const get = async (query: string): Promise<Json> => {
  const res = await ctx.app.inject({
    url: `${world.base}/reports/source-category-trends?${query}`,
    headers: tenant.headers,
  });
  expect(res.statusCode, res.body).toBe(200);
  const body = JSON.parse(res.body);
  sourceCategoryTrendsReport.parse(body);
  return body;
};

beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await createTenant(ctx.db);
  world = await createWorld(ctx.db, tenant.organizationId, {
    timezone: 'Europe/Paris',
    brands: [
      { name: 'Acme', kind: 'own', domains: ['acme.com'] },
      { name: 'Globex', domains: ['globex.com'] },
    ],
    prompts: [{ key: 'p1', text: 'Best CRM?' }],
    configs: [
      { key: 'c1', provider: 'openai' },
      { key: 'c2', provider: 'perplexity' },
    ],
  });
  // Monday 4 May, 11:00 in Paris.
  await addRun(ctx.db, world, {
    createdAt: new Date('2026-05-04T09:00:00Z'),
    answers: [
      {
        prompt: 'p1',
        config: 'c1',
        mentions: [{ brand: 'Acme' }],
        citations: [
          { url: 'https://acme.com/x', source: 'annotation' },
          { url: 'https://www.reddit.com/r/a', source: 'link' },
          { url: 'https://www.nasa.gov/s', source: 'search_result' },
        ],
      },
      {
        prompt: 'p1',
        config: 'c1',
        mentions: [{ brand: 'Globex' }],
        citations: [
          { url: 'https://globex.com/y', source: 'annotation' },
          { url: 'https://www.reddit.com/r/b', source: 'annotation' },
          { url: 'https://old.reddit.com/r/c', source: 'link' },
        ],
      },
      { prompt: 'p1', config: 'c1', mentions: [] },
      { prompt: 'p1', config: 'c1', status: 'failed' },
    ],
  });
  // Tuesday 5 May 23:30 UTC: Wednesday 6 May, 01:30 in Paris.
  await addRun(ctx.db, world, {
    createdAt: new Date('2026-05-05T23:30:00Z'),
    answers: [
      {
        prompt: 'p1',
        config: 'c2',
        mentions: [],
        citations: [
          { url: 'https://www.youtube.com/watch?v=1', source: 'link' },
          { url: 'https://unknown-tools.io/z', source: 'annotation' },
        ],
      },
      { prompt: 'p1', config: 'c2', mentions: [], citations: [{ url: 'https://acme.com/p', source: 'link' }] },
    ],
  });
  // Monday 11 May.
  await addRun(ctx.db, world, {
    createdAt: new Date('2026-05-11T08:00:00Z'),
    answers: [
      {
        prompt: 'p1',
        config: 'c1',
        mentions: [],
        citations: [{ url: 'https://en.wikipedia.org/wiki/CRM', source: 'annotation' }],
      },
    ],
  });
});
afterAll(async () => ctx.close());

/** Hand counts of one period: y (cited sources per analysed answer) and x per category per answer. */
interface Hand {
  y: number[];
  x: Record<string, number[]>;
}

// By hand, answers in order of the runs above (the failed answer is in no denominator):
//   4 May (day):  y = 2, 3, 0 · own 1,0,0 · forum 1,2,0 (reddit.com and old.reddit.com) · competitor 0,1,0
//   6 May (day):  y = 2, 1 · video 1,0 · other 1,0 (unknown-tools.io) · own 0,1
//   11 May:       y = 1 · reference 1 (en.wikipedia.org)
// nasa.gov was only retrieved (a search result), so it counts nowhere.
const may4: Hand = { y: [2, 3, 0], x: { own: [1, 0, 0], forum: [1, 2, 0], competitor: [0, 1, 0] } };
const may6: Hand = { y: [2, 1], x: { video: [1, 0], other: [1, 0], own: [0, 1] } };
const may11: Hand = { y: [1], x: { reference: [1] } };
const weekOf4: Hand = {
  y: [...may4.y, ...may6.y],
  x: Object.fromEntries(
    ['own', 'forum', 'competitor', 'video', 'other'].map((c) => [
      c,
      [...(may4.x[c] ?? [0, 0, 0]), ...(may6.x[c] ?? [0, 0])],
    ]),
  ),
};

const sum = (v: number[]) => v.reduce((a, b) => a + b, 0);

function expectPeriod(p: Json, period: string, hand: Hand) {
  const n = hand.y.length;
  expect(p.period).toBe(period);
  expect(p.n, period).toBe(n);
  expect(p.cited, period).toBe(sum(hand.y));
  expect(p.categories).toHaveLength(11);
  for (const c of p.categories as Json[]) {
    const x = hand.x[c.category] ?? hand.y.map(() => 0);
    const citing = x.filter((v) => v > 0).length;
    expect(c.cited, `${period} ${c.category}`).toBe(sum(x));
    const expected = ratioOfSums({
      n,
      x: sum(x),
      y: sum(hand.y),
      xx: sum(x.map((v) => v * v)),
      xy: sum(x.map((v, i) => v * (hand.y[i] as number))),
      yy: sum(hand.y.map((v) => v * v)),
    });
    expect(c.share, `${period} ${c.category}`).toMatchObject({
      numerator: sum(x),
      denominator: sum(hand.y),
      n,
      value: sum(x) / sum(hand.y),
    });
    expect(c.share.ci95, `${period} ${c.category}`).toEqual(expected.ci95);
    expect(c.citingAnswers, `${period} ${c.category}`).toEqual({
      numerator: citing,
      denominator: n,
      n,
      value: citing / n,
      ci95: wilson(citing, n),
    });
  }
}

describe('source-category trends', () => {
  it('splits each local day and week by category, as counted by hand, in JSON and CSV alike', async () => {
    const days = await get('interval=day');
    expect(days).toMatchObject({ interval: 'day', listVersion: 1, timezone: 'Europe/Paris' });
    expect(days.periods.map((p: Json) => p.period)).toEqual(['2026-05-04', '2026-05-06', '2026-05-11']);
    expectPeriod(days.periods[0], '2026-05-04', may4);
    expectPeriod(days.periods[1], '2026-05-06', may6);
    expectPeriod(days.periods[2], '2026-05-11', may11);
    // Forum on 4 May by hand: R = 3/5; Σ(x − R·y)² = (1 − 1.2)² + (2 − 1.8)² + 0 = 0.08,
    // se = √(3/2 · 0.08) / 5 = 0.069282, ci95 = 0.6 ± 1.959964 · se; 2 answers of 3 cite a forum.
    const forum = days.periods[0].categories.find((c: Json) => c.category === 'forum');
    expect(forum.share.value).toBe(0.6);
    expect(forum.share.ci95.low).toBeCloseTo(0.6 - 1.959964 * 0.069282, 4);
    expect(forum.citingAnswers).toMatchObject({ numerator: 2, denominator: 3 });

    const weeks = await get('interval=week');
    expect(weeks.periods.map((p: Json) => p.period)).toEqual(['2026-05-04', '2026-05-11']);
    expectPeriod(weeks.periods[0], '2026-05-04', weekOf4);
    expectPeriod(weeks.periods[1], '2026-05-11', may11);

    // Filters apply: one provider, one range.
    const openai = await get('interval=day&providers=openai');
    expect(openai.periods.map((p: Json) => p.period)).toEqual(['2026-05-04', '2026-05-11']);
    const range = await get(`interval=day&from=2026-05-05T00:00:00Z&to=2026-05-10T00:00:00Z`);
    expect(range.periods).toHaveLength(1);
    expectPeriod(range.periods[0], '2026-05-06', may6);

    // The CSV: one row per period and category, with the JSON's figures.
    const res = await ctx.app.inject({
      url: `${world.base}/reports/source-category-trends?interval=day&format=csv`,
      headers: tenant.headers,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const [header, ...lines] = res.body.trim().split('\n');
    const columns = (header as string).split(',');
    expect(lines).toHaveLength(3 * 11);
    const csvRows = lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [columns[i], v])));
    const fromJson = days.periods.flatMap((p: Json) =>
      p.categories.map((c: Json) => ({
        period: p.period,
        n: String(p.n),
        cited: String(p.cited),
        category: c.category,
        categoryCited: String(c.cited),
        'share.value': c.share.value === null ? '' : String(c.share.value),
        'share.ci95.low': c.share.ci95 ? String(c.share.ci95.low) : '',
        'citingAnswers.numerator': String(c.citingAnswers.numerator),
        'citingAnswers.ci95.high': String(c.citingAnswers.ci95.high),
      })),
    );
    expect(
      csvRows.map((r) => ({
        period: r.period,
        n: r.n,
        cited: r.cited,
        category: r.category,
        categoryCited: r.categoryCited,
        'share.value': r['share.value'],
        'share.ci95.low': r['share.ci95.low'],
        'citingAnswers.numerator': r['citingAnswers.numerator'],
        'citingAnswers.ci95.high': r['citingAnswers.ci95.high'],
      })),
    ).toEqual(fromJson);
  });

  it('reads rollups, equal to the answer tables and to the citations report over each period', async () => {
    await rebuildRollups(ctx.db.pool, { workspaceId: world.workspaceId });
    const deps = { db: ctx.db };
    for (const f of [{}, { providers: ['perplexity'] }, { runId: undefined, from: '2026-05-04T00:00:00Z' }]) {
      for (const interval of ['day', 'week'] as const) {
        const q: SourceCategoryTrendsQuery = { ...f, interval, format: 'json' };
        const rolled = await sourceCategoryTrends(deps, tenant.organizationId, world.workspaceId, q);
        expect(rolled.liveRuns).toBe(0);
        expect(rolled).toEqual(await sourceCategoryTrends(deps, tenant.organizationId, world.workspaceId, q, 'raw'));
      }
    }
    // Each day equals the citations report's split over that day.
    const days = await sourceCategoryTrends(deps, tenant.organizationId, world.workspaceId, {
      interval: 'day',
      format: 'json',
    });
    const sixth = await citations(deps, tenant.organizationId, world.workspaceId, {
      from: '2026-05-05T22:00:00Z',
      to: '2026-05-06T22:00:00Z',
      groupBy: [],
      top: 5,
      format: 'json',
    });
    const { listVersion: _, ...split } = sixth.sourceCategories;
    const { period: __, ...day } = days.periods[1] as Json;
    expect(day).toEqual(split);

    // An override changes the next report at once (the runs are read live until rebuilt).
    const o = await ctx.app.inject({
      method: 'POST',
      url: `${world.base}/source-category-overrides`,
      headers: tenant.headers,
      payload: { domain: 'unknown-tools.io', category: 'review' },
    });
    expect(o.statusCode, o.body).toBe(201);
    try {
      const changed = await get('interval=day');
      const { other: ___, ...rest } = may6.x;
      expectPeriod(changed.periods[1], '2026-05-06', { y: may6.y, x: { ...rest, review: [1, 0] } });
      const q: SourceCategoryTrendsQuery = { interval: 'day', format: 'json' };
      expect(await sourceCategoryTrends(deps, tenant.organizationId, world.workspaceId, q)).toEqual(
        await sourceCategoryTrends(deps, tenant.organizationId, world.workspaceId, q, 'raw'),
      );
    } finally {
      await ctx.app.inject({
        method: 'DELETE',
        url: `${world.base}/source-category-overrides/${JSON.parse(o.body).id}`,
        headers: tenant.headers,
      });
    }
  });

  it('refuses a bad interval or date with a problem saying what to fix', async () => {
    for (const q of ['interval=month', 'from=yesterday', 'from=0001-01-01T00:00:00Z']) {
      const res = await ctx.app.inject({
        url: `${world.base}/reports/source-category-trends?${q}`,
        headers: tenant.headers,
      });
      expect(res.statusCode, q).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(JSON.parse(res.body).code, q).toBeTruthy();
    }
  });
});
