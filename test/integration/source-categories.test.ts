/**
 * Source categories: per-workspace overrides (create, list, get, update, delete, validation,
 * tenancy) and the citations report's split by category, checked against counts made by hand,
 * with an override applied to the next report without re-analysis.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ratioOfSums, wilson } from '../../src/lib/statistics.js';
import { citationsReport } from '../../src/modules/reports/citations.schemas.js';
import { categorySums, citations } from '../../src/modules/reports/citations.service.js';
import { filtersOf, openReport } from '../../src/modules/reports/reports.service.js';
import { categoryStaleRuns } from '../../src/modules/reports/rollups.repo.js';
import { RollupRefresher, rebuildRollups } from '../../src/modules/reports/rollups.service.js';
import { addRun, createWorld, type World } from '../factories/answers.js';
import { createTenant, type TestTenant } from '../factories/index.js';
import { createTestContext, type TestContext } from '../helpers/context.js';

let ctx: TestContext;
let tenant: TestTenant;
let other: TestTenant;
let world: World;
let otherWorld: World;

// Parsed JSON.
type Json = Record<string, any>;
const call = async (tenantOf: TestTenant, method: string, url: string, payload?: unknown) => {
  const res = await ctx.app.inject({
    method: method as 'GET',
    url,
    headers: tenantOf.headers,
    ...(payload === undefined ? {} : { payload: payload as Json }),
  });
  return {
    status: res.statusCode,
    body: res.body ? (JSON.parse(res.body) as Json) : null,
    type: res.headers['content-type'],
  };
};
const overrides = () => `${world.base}/source-category-overrides`;

beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await createTenant(ctx.db);
  other = await createTenant(ctx.db);
  world = await createWorld(ctx.db, tenant.organizationId, {
    brands: [
      { name: 'Acme', kind: 'own', domains: ['acme.com'] },
      { name: 'Globex', domains: ['globex.com'] },
    ],
    prompts: [{ key: 'p1', text: 'Best CRM?' }],
    configs: [{ key: 'c1', provider: 'openai' }],
  });
  otherWorld = await createWorld(ctx.db, other.organizationId, {
    brands: [{ name: 'Initech', kind: 'own' }],
    prompts: [{ key: 'p1', text: 'Best CRM?' }],
    configs: [{ key: 'c1', provider: 'openai' }],
  });
  await addRun(ctx.db, world, {
    createdAt: new Date('2026-05-04T09:00:00Z'),
    answers: [
      {
        prompt: 'p1',
        config: 'c1',
        mentions: [{ brand: 'Acme' }],
        citations: [
          { url: 'https://acme.com/x', source: 'annotation' },
          { url: 'https://en.wikipedia.org/wiki/CRM', source: 'link' },
          { url: 'https://www.reddit.com/r/crm', source: 'annotation' },
          { url: 'https://www.nasa.gov/ignored', source: 'search_result' },
        ],
      },
      {
        prompt: 'p1',
        config: 'c1',
        mentions: [{ brand: 'Globex' }],
        citations: [
          { url: 'https://old.reddit.com/r/sales/a', source: 'link' },
          { url: 'https://www.reddit.com/r/crm/b', source: 'annotation' },
          { url: 'https://unknown-tools.io/x', source: 'link' },
        ],
      },
      {
        prompt: 'p1',
        config: 'c1',
        mentions: [{ brand: 'Globex' }],
        citations: [
          { url: 'https://globex.com/y', source: 'annotation' },
          { url: 'https://www.nasa.gov/z', source: 'link' },
        ],
      },
      { prompt: 'p1', config: 'c1', mentions: [] },
      { prompt: 'p1', config: 'c1', status: 'failed' },
    ],
  });
});
afterAll(async () => ctx.close());

describe('source category overrides', () => {
  it('creates, lists, reads, updates and deletes an override', async () => {
    const created = await call(tenant, 'POST', overrides(), {
      domain: 'https://www.CRM-Forum.example.org/threads/1',
      category: 'forum',
      note: 'A user community',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      workspaceId: world.workspaceId,
      domain: 'crm-forum.example.org',
      category: 'forum',
      note: 'A user community',
    });
    const id = created.body?.id as string;

    const list = await call(tenant, 'GET', overrides());
    expect(list.status).toBe(200);
    expect(list.body?.data.map((o: Json) => o.id)).toEqual([id]);

    expect((await call(tenant, 'GET', `${overrides()}/${id}`)).body).toMatchObject({ id, category: 'forum' });

    const updated = await call(tenant, 'PATCH', `${overrides()}/${id}`, { category: 'review', note: null });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ id, category: 'review', note: null, domain: 'crm-forum.example.org' });

    expect((await call(tenant, 'DELETE', `${overrides()}/${id}`)).status).toBe(204);
    const gone = await call(tenant, 'GET', `${overrides()}/${id}`);
    expect(gone.status).toBe(404);
    expect(gone.type).toContain('application/problem+json');
    expect(gone.body).toMatchObject({ code: 'not_found' });
  });

  it('refuses a bad domain, a category brands decide, unknown fields and a second override of a domain', async () => {
    for (const body of [
      { domain: 'not a domain', category: 'forum' },
      { domain: '10.0.0.1', category: 'forum' },
      { domain: 'example.org', category: 'own' },
      { domain: 'example.org', category: 'competitor' },
      { domain: 'example.org', category: 'blogs' },
      { domain: 'example.org' },
      { domain: 'example.org', category: 'news', extra: 1 },
    ]) {
      const res = await call(tenant, 'POST', overrides(), body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.type).toContain('application/problem+json');
      expect(res.body?.code).toBeTruthy();
    }
    const first = await call(tenant, 'POST', overrides(), { domain: 'dup.example.org', category: 'news' });
    expect(first.status).toBe(201);
    const again = await call(tenant, 'POST', overrides(), { domain: 'www.dup.example.org', category: 'video' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'conflict' });
    expect(again.body?.detail).toContain('dup.example.org');
    const second = await call(tenant, 'POST', overrides(), { domain: 'dup2.example.org', category: 'news' });
    const clash = await call(tenant, 'PATCH', `${overrides()}/${second.body?.id}`, { domain: 'dup.example.org' });
    expect(clash.status).toBe(409);
    await call(tenant, 'DELETE', `${overrides()}/${first.body?.id}`);
    await call(tenant, 'DELETE', `${overrides()}/${second.body?.id}`);
  });

  it('keeps one organization’s overrides out of another’s reach', async () => {
    const mine = await call(tenant, 'POST', overrides(), { domain: 'private.example.org', category: 'news' });
    const id = mine.body?.id as string;
    // Another organization can neither see this workspace nor the override, even through its own workspace.
    expect((await call(other, 'GET', overrides())).status).toBe(404);
    expect((await call(other, 'GET', `${overrides()}/${id}`)).status).toBe(404);
    expect((await call(other, 'PATCH', `${overrides()}/${id}`, { category: 'video' })).status).toBe(404);
    expect((await call(other, 'DELETE', `${overrides()}/${id}`)).status).toBe(404);
    const theirs = `${otherWorld.base}/source-category-overrides`;
    expect((await call(other, 'GET', `${theirs}/${id}`)).status).toBe(404);
    expect((await call(other, 'GET', theirs)).body?.data).toEqual([]);
    expect((await call(tenant, 'GET', `${overrides()}/${id}`)).body).toMatchObject({ category: 'news' });
    await call(tenant, 'DELETE', `${overrides()}/${id}`);
  });
});

describe('citations report split by source category', () => {
  const report = async (): Promise<Json> => {
    const res = await call(tenant, 'GET', `${world.base}/reports/citations`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    citationsReport.parse(res.body);
    return res.body as Json;
  };
  const byCategory = (r: Json) => new Map(r.sourceCategories.categories.map((c: Json) => [c.category, c]));

  // By hand: 4 analysed answers citing (annotations and links) 3, 3, 2 and 0 sources: Σy = 8,
  // Σy² = 9 + 9 + 4 = 22. Per category, x per answer (A1, A2, A3, A4):
  //   own acme.com 1,0,0,0 · competitor globex.com 0,0,1,0 · forum reddit.com 1,2,0,0 ·
  //   reference en.wikipedia.org 1,0,0,0 · institutional nasa.gov 0,0,1,0 (its search result
  //   does not count) · other unknown-tools.io 0,1,0,0.
  const hand: Record<string, { x: number[] }> = {
    own: { x: [1, 0, 0, 0] },
    competitor: { x: [0, 0, 1, 0] },
    forum: { x: [1, 2, 0, 0] },
    reference: { x: [1, 0, 0, 0] },
    institutional: { x: [0, 0, 1, 0] },
    other: { x: [0, 1, 0, 0] },
  };
  const y = [3, 3, 2, 0];
  const expectSplit = (r: Json, table: Record<string, { x: number[] }>) => {
    expect(r.sourceCategories).toMatchObject({ listVersion: 1, n: 4, cited: 8 });
    expect(r.sourceCategories.categories.map((c: Json) => c.category)).toEqual([
      'own',
      'competitor',
      'forum',
      'video',
      'social',
      'review',
      'news',
      'reference',
      'institutional',
      'marketplace',
      'other',
    ]);
    const got = byCategory(r);
    for (const [category, c] of got as Map<string, Json>) {
      const x = table[category]?.x ?? [0, 0, 0, 0];
      const sum = x.reduce((a, b) => a + b, 0);
      const citing = x.filter((v) => v > 0).length;
      expect(c.cited, category).toBe(sum);
      const expected = ratioOfSums({
        n: 4,
        x: sum,
        y: 8,
        xx: x.reduce((a, b) => a + b * b, 0),
        xy: x.reduce((a, b, i) => a + b * (y[i] as number), 0),
        yy: 22,
      });
      expect(c.share, category).toMatchObject({ numerator: sum, denominator: 8, n: 4, value: sum / 8 });
      expect(c.share.ci95, category).toEqual(expected.ci95);
      expect(c.citingAnswers, category).toEqual({
        numerator: citing,
        denominator: 4,
        n: 4,
        value: citing / 4,
        ci95: wilson(citing, 4),
      });
    }
  };

  it('splits cited sources by category with shares over answers and citing-answer rates', async () => {
    const r = await report();
    expectSplit(r, hand);
    // Forum by hand: R = 3/8; Σ(x − R·y)² = 5 − 2·0.375·9 + 0.140625·22 = 1.34375,
    // se = √(4/3 · 1.34375) / 8 = 0.16732, ci95 = 0.375 ± 1.959964 · se.
    const forum = byCategory(r).get('forum') as Json;
    expect(forum.share.ci95.low).toBeCloseTo(0.375 - 1.959964 * 0.167316, 4);
    expect(forum.share.ci95.high).toBeCloseTo(0.375 + 1.959964 * 0.167316, 4);
    expect(forum.citingAnswers.ci95.low).toBeCloseTo(0.15004, 4);

    // The CSV's source category rows carry the same figures.
    const csv = await ctx.app.inject({ url: `${world.base}/reports/citations?format=csv`, headers: tenant.headers });
    expect(csv.statusCode).toBe(200);
    const lines = csv.body.split('\n').filter((l) => l.startsWith('1,source category,'));
    expect(lines).toHaveLength(11);
    expect(lines.find((l) => l.includes(',forum,domain list v1,,3,'))).toContain(',3,8,4,0.375,');
  });

  it('applies an override to the next report, and brands’ domains still come first', async () => {
    const a = await call(tenant, 'POST', overrides(), { domain: 'unknown-tools.io', category: 'review' });
    const b = await call(tenant, 'POST', overrides(), { domain: 'acme.com', category: 'news' });
    const c = await call(tenant, 'POST', overrides(), { domain: 'wikipedia.org', category: 'social' });
    try {
      const { other: _, reference: __, ...rest } = hand;
      expectSplit(await report(), { ...rest, review: { x: [0, 1, 0, 0] }, social: { x: [1, 0, 0, 0] } });
    } finally {
      for (const o of [a, b, c]) await call(tenant, 'DELETE', `${overrides()}/${o.body?.id}`);
    }
    expectSplit(await report(), hand);
  });

  it('serves the split from rollups, equal to the answer tables, and reads runs live under another override until rebuilt', async () => {
    const q = { groupBy: [], top: 20, format: 'json' as const };
    const refresher = new RollupRefresher(ctx.db.pool);
    const deps = { db: ctx.db, refresher };
    const build = (mode?: 'raw') => citations(deps, tenant.organizationId, world.workspaceId, q, mode);
    const stale = () => categoryStaleRuns(ctx.db.pool, world.workspaceId, {});
    await rebuildRollups(ctx.db.pool, { workspaceId: world.workspaceId });
    expect(await stale()).toEqual([]);
    const rolled = await build();
    expect(rolled.liveRuns).toBe(0);
    expect(rolled).toEqual(await build('raw'));
    expectSplit(rolled as Json, hand);
    // The rollup rows are the hand counts: per category, answers citing it and their citations in it.
    const { rows } = await ctx.db.pool.query<{ category: string; answers: number; x: number; xx: string }>(
      'SELECT category, answers, x, xx::text FROM report_category_rollups WHERE workspace_id = $1 ORDER BY category',
      [world.workspaceId],
    );
    expect(rows.map((r) => [r.category, r.answers, r.x, Number(r.xx)])).toEqual([
      ['competitor', 1, 1, 1],
      ['forum', 2, 3, 5],
      ['institutional', 1, 1, 1],
      ['other', 1, 1, 1],
      ['own', 1, 1, 1],
      ['reference', 1, 1, 1],
    ]);

    const { other: _, ...rest } = hand;
    const changed = { ...rest, review: { x: [0, 1, 0, 0] } };
    const o = await call(tenant, 'POST', overrides(), { domain: 'unknown-tools.io', category: 'review' });
    try {
      // Classified under other rules: the run is read live, equal to the answer tables, and rebuilt.
      expect(await stale()).toHaveLength(1);
      const live = await build();
      expectSplit(live as Json, changed);
      expect(live).toEqual(await build('raw'));
      await refresher.idle();
      expect(await stale()).toEqual([]);
      const rebuilt = await build();
      expectSplit(rebuilt as Json, changed);
      expect(rebuilt).toEqual(await build('raw'));
    } finally {
      await call(tenant, 'DELETE', `${overrides()}/${o.body?.id}`);
    }
    expect(await stale()).toHaveLength(1);
    expectSplit((await build()) as Json, hand);
    await refresher.idle();
    // A brand's domains decide categories too.
    await ctx.db.pool.query(`UPDATE brands SET domains = ARRAY['globex.com', 'unknown-tools.io'] WHERE id = $1`, [
      world.brand('Globex'),
    ]);
    try {
      expect(await stale()).toHaveLength(1);
      expectSplit((await build()) as Json, { ...rest, competitor: { x: [0, 1, 1, 0] } });
    } finally {
      await ctx.db.pool.query(`UPDATE brands SET domains = ARRAY['globex.com'] WHERE id = $1`, [world.brand('Globex')]);
      await refresher.idle();
    }
  });
  it('reads the sums again when a rebuild under other rules lands between its look-up of stale runs and its read', async () => {
    const refresher = new RollupRefresher(ctx.db.pool);
    const deps = { db: ctx.db, refresher };
    const filters = filtersOf({});
    await rebuildRollups(ctx.db.pool, { workspaceId: world.workspaceId });
    // The look-up made now finds nothing stale ...
    const lookedUp = await categoryStaleRuns(ctx.db.pool, world.workspaceId, filters);
    expect(lookedUp).toEqual([]);
    // ... then a rebuild under an override lands, and the override is deleted before the read.
    const o = await call(tenant, 'POST', overrides(), { domain: 'wikipedia.org', category: 'social' });
    await rebuildRollups(ctx.db.pool, { workspaceId: world.workspaceId });
    await call(tenant, 'DELETE', `${overrides()}/${o.body?.id}`);
    try {
      const report = await openReport(deps, tenant.organizationId, world.workspaceId, filters);
      const sums = await categorySums(deps, report, world.workspaceId, undefined, Promise.resolve(lookedUp));
      const raw = await openReport(deps, tenant.organizationId, world.workspaceId, filters, { mode: 'raw' });
      expect(sums).toEqual(await categorySums(deps, raw, world.workspaceId));
      expect(sums.some((r) => r.category === 'social')).toBe(false);
    } finally {
      await refresher.idle();
      await rebuildRollups(ctx.db.pool, { workspaceId: world.workspaceId });
    }
  });
});
