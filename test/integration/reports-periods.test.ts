/**
 * Period rollups of source lists: a citations report over whole local days of the workspace's
 * time zone reads periods of 1 … 64 days instead of per-run rows, and must equal the same report
 * from the answer tables for any range (partial days at both ends, a daylight-saving change, two
 * runs on one day), with a run read live, after a change of time zone, and after a rebuild.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CitationsQuery } from '../../src/modules/reports/citations.schemas.js';
import { citations } from '../../src/modules/reports/citations.service.js';
import { periodCover } from '../../src/modules/reports/rollups.repo.js';
import { applyRunToRollups, rebuildRollups } from '../../src/modules/reports/rollups.service.js';
import { BrandMatcherCache, analyzeResponses } from '../../src/modules/responses/analysis.service.js';
import { addRun, createWorld, type AnswerSpec, type World } from '../factories/answers.js';
import { createTenant, type TestTenant } from '../factories/index.js';
import { createTestContext, type TestContext } from '../helpers/context.js';

let ctx: TestContext;
let tenant: TestTenant;
let world: World;

const DAY = 86_400_000;
const START = Date.UTC(2026, 1, 20, 3, 30); // 2026-02-19 22:30 in New York

/** A small deterministic generator, so every run has its own mix of sources. */
function generator(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

const URLS = [
  'https://acme.com/pricing',
  'https://acme.com/docs',
  'https://globex.com/',
  'https://wiki.org/crm',
  'https://wiki.org/sales',
  'https://news.com/a',
  'https://news.com/b',
  'https://blog.net/x',
];
const SOURCES = ['annotation', 'link', 'search_result'] as const;

function answers(random: () => number): AnswerSpec[] {
  const out: AnswerSpec[] = [];
  for (const prompt of ['p1', 'p2']) {
    for (const config of ['c1', 'c2', 'c3']) {
      const n = 1 + Math.floor(random() * 4);
      out.push({
        prompt,
        config,
        citations: Array.from({ length: n }, () => ({
          url: URLS[Math.floor(random() ** 2 * URLS.length)] as string,
          source: SOURCES[Math.floor(random() * 3)],
        })),
      });
    }
  }
  out.push({ prompt: 'p1', config: 'c3', status: 'failed' });
  return out;
}

const report = (q: Partial<CitationsQuery>, mode?: 'raw') =>
  citations(
    { db: ctx.db },
    tenant.organizationId,
    world.workspaceId,
    { groupBy: [], top: 3, format: 'json', ...q } as CitationsQuery,
    mode,
  );

/** The first range is the one the period-cover checks use. */
const RANGES: [[string, string], ...Array<[string, string]>] = [
  // Partial local days at both ends, across the change to daylight-saving time (2026-03-08).
  ['2026-02-21T13:00:00Z', '2026-03-31T02:00:00Z'],
  // Local midnights exactly: 00:00 EST to 00:00 EDT.
  ['2026-03-01T05:00:00.000Z', '2026-03-15T04:00:00.000Z'],
  // Everything.
  ['2026-01-01T00:00:00Z', '2026-06-01T00:00:00Z'],
  // Less than one whole day.
  ['2026-03-03T06:00:00Z', '2026-03-03T20:00:00Z'],
  // The widest range the API accepts.
  ['1970-01-01T00:00:00Z', '9999-01-01T00:00:00Z'],
];

async function expectEqualToAnswerTables(liveAt?: Date) {
  for (const [from, to] of RANGES) {
    const live = liveAt && liveAt >= new Date(from) && liveAt < new Date(to) ? 1 : 0;
    for (const q of [
      { groupBy: [] },
      { groupBy: ['provider'] },
      { groupBy: [], providers: ['openai'] },
      { groupBy: ['provider'], top: 20 },
    ] as Array<Partial<CitationsQuery>>) {
      const rolled = await report({ ...q, from, to });
      expect(rolled.liveRuns, `${from} ${JSON.stringify(q)}`).toBe(live);
      expect({ ...rolled, liveRuns: 0 }, `${from}…${to} ${JSON.stringify(q)}`).toEqual(
        await report({ ...q, from, to }, 'raw'),
      );
    }
  }
}

const cover = (live: string[] = []) =>
  periodCover(ctx.db.pool, world.workspaceId, 'America/New_York', { from: RANGES[0][0], to: RANGES[0][1] }, live);

beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await createTenant(ctx.db);
  world = await createWorld(ctx.db, tenant.organizationId, {
    timezone: 'America/New_York',
    brands: [
      { name: 'Acme', kind: 'own', domains: ['acme.com'] },
      { name: 'Globex', domains: ['globex.com'] },
    ],
    prompts: [{ key: 'p1' }, { key: 'p2' }],
    configs: [
      { key: 'c1', provider: 'openai' },
      { key: 'c2', provider: 'openai', params: { temperature: 1 } },
      { key: 'c3', provider: 'perplexity' },
    ],
  });
  const random = generator(7);
  // A run every 1.5 days for 45 days, plus a second run on some days.
  for (let i = 0; i < 30; i++) {
    const at = START + i * 1.5 * DAY;
    await addRun(ctx.db, world, { createdAt: new Date(at), answers: answers(random) });
    if (i % 7 === 3) await addRun(ctx.db, world, { createdAt: new Date(at + 3 * 3_600_000), answers: answers(random) });
  }
  await rebuildRollups(ctx.db.pool, { workspaceId: world.workspaceId });
});
afterAll(async () => ctx.close());

describe('period rollups of source lists', () => {
  it('cover the whole local days of a range with the largest periods built', async () => {
    const c = await cover();
    expect(c).not.toBeNull();
    // 2026-02-22 … 2026-03-29 in New York (36 whole days) from periods of up to 16 days, the days
    // of no period built and the partial days at both ends read per run, no day twice.
    expect(Math.max(...(c?.spans ?? []))).toBeGreaterThanOrEqual(8);
    const gapDays = (c?.gapsFrom ?? []).reduce(
      (n, from, i) => n + (Date.parse(c?.gapsTo[i] as string) - Date.parse(from)) / DAY,
      0,
    );
    expect((c?.spans ?? []).reduce((a, b) => a + b, 0) + gapDays).toBe(36 + 2);
    expect(c?.gapsFrom[0]).toBe('2026-02-21');
    expect(c?.gapsTo.at(-1)).toBe('2026-03-31');
    const days = (c?.days ?? []).map((d, i) => [Date.parse(d), Date.parse(d) + (c?.spans[i] as number) * DAY]);
    const gaps = (c?.gapsFrom ?? []).map((d, i) => [Date.parse(d), Date.parse(c?.gapsTo[i] as string)]);
    const all = [...days, ...gaps].sort((a, b) => (a[0] as number) - (b[0] as number));
    for (let i = 1; i < all.length; i++) expect(all[i]?.[0]).toBe(all[i - 1]?.[1]);
  });

  it('walk only the days that hold runs, however wide the range', async () => {
    const wide = await periodCover(
      ctx.db.pool,
      world.workspaceId,
      'America/New_York',
      { from: '1970-01-01T00:00:00Z', to: '9999-01-01T00:00:00Z' },
      [],
    );
    const days =
      (wide?.spans ?? []).reduce((a, b) => a + b, 0) +
      (wide?.gapsFrom ?? []).reduce(
        (n, from, i) => n + (Date.parse(wide?.gapsTo[i] as string) - Date.parse(from)) / DAY,
        0,
      );
    // Runs from 2026-02-19 to 2026-04-05 in New York: 46 days, a day either side, and the partial days.
    expect(days).toBeGreaterThanOrEqual(46);
    expect(days).toBeLessThanOrEqual(46 + 4);
    expect(wide?.gapsFrom[0]).toBe('2026-02-18');
    const empty = await createWorld(ctx.db, tenant.organizationId, {
      timezone: 'UTC',
      brands: [],
      prompts: [],
      configs: [],
    });
    expect(
      await periodCover(
        ctx.db.pool,
        empty.workspaceId,
        'UTC',
        { from: '1970-01-01T00:00:00Z', to: '9999-01-01T00:00:00Z' },
        [],
      ),
    ).toBeNull();
  });

  it('give citations reports equal to the answer tables', async () => {
    await expectEqualToAnswerTables();
  });

  it('are skipped where a run is read live, then rebuilt with it', async () => {
    const runId = await addRun(ctx.db, world, {
      createdAt: new Date('2026-03-10T15:00:00Z'),
      cancelled: true,
      answers: [
        { prompt: 'p1', config: 'c1', citations: [{ url: 'https://wiki.org/crm', source: 'annotation' }] },
        {
          prompt: 'p2',
          config: 'c3',
          analyzed: false,
          text: 'Compare on https://blog.net/x and https://acme.com/pricing today.',
        },
      ],
    });
    await applyRunToRollups(ctx.db.pool, runId);
    const { rows } = await ctx.db.pool.query<{ id: string }>(
      'SELECT id FROM responses WHERE run_id = $1 AND analyzed_at IS NULL',
      [runId],
    );
    await analyzeResponses(
      ctx.db.pool,
      new BrandMatcherCache(),
      rows.map((r) => r.id),
    );
    const c = await cover([runId]);
    expect(c?.gapsFrom).toContain('2026-03-10');
    await expectEqualToAnswerTables(new Date('2026-03-10T15:00:00Z'));
    await applyRunToRollups(ctx.db.pool, runId);
    expect((await cover())?.gapsFrom).toEqual(['2026-02-21', '2026-03-30']);
    await expectEqualToAnswerTables();
  });

  it('built in another time zone are not used until rebuilt', async () => {
    await ctx.db.pool.query(`UPDATE workspaces SET timezone = 'Asia/Tokyo' WHERE id = $1`, [world.workspaceId]);
    const stale = await periodCover(
      ctx.db.pool,
      world.workspaceId,
      'Asia/Tokyo',
      { from: RANGES[0][0], to: RANGES[0][1] },
      [],
    );
    expect(stale?.spans).toEqual([]);
    await expectEqualToAnswerTables();
    await rebuildRollups(ctx.db.pool, { workspaceId: world.workspaceId });
    const rebuilt = await periodCover(
      ctx.db.pool,
      world.workspaceId,
      'Asia/Tokyo',
      { from: RANGES[0][0], to: RANGES[0][1] },
      [],
    );
    expect(rebuilt?.spans.length).toBeGreaterThan(0);
    await expectEqualToAnswerTables();
  });
});
