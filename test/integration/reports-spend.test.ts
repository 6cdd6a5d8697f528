/**
 * GET …/reports/spend: the cost of the answers of a month's runs (in the workspace time zone) by
 * provider and configuration, each audit against its monthly budget as the launch check counts
 * it, CSV, clear 400s and tenant isolation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spendReport } from '../../src/modules/reports/spend.schemas.js';
import { addRun, createWorld, type World } from '../factories/answers.js';
import { createTenant, type TestTenant } from '../factories/index.js';
import { apiClient, type ApiClient } from '../helpers/api.js';
import { createTestContext, type TestContext, waitFor } from '../helpers/context.js';

let ctx: TestContext;
let tenant: TestTenant;
let api: ApiClient;

beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await createTenant(ctx.db);
  api = apiClient(ctx.app, tenant.headers);
});
afterAll(async () => ctx?.close());

const report = async (base: string, query = '') => spendReport.parse(await api.get(`${base}/reports/spend${query}`));

describe('spend report', () => {
  it('adds up what a run’s answers cost, by provider and configuration, and what its audit has left', async () => {
    ctx.startWorker();
    const ws = await api.post('/v1/workspaces', { name: 'Spend', timezone: 'Europe/Paris' });
    const base = `/v1/workspaces/${ws.id}`;
    for (const i of [1, 2]) await api.post(`${base}/prompts`, { text: `Which CRM for team ${i}?`, tags: ['crm'] });
    const cheap = await api.post(`${base}/model-configs`, {
      name: 'cheap',
      provider: 'mock',
      model: 'mock-1',
      params: { costUsd: 0.01 },
    });
    const dear = await api.post(`${base}/model-configs`, {
      name: 'dear',
      provider: 'mock',
      model: 'mock-1',
      params: { costUsd: 0.02 },
    });
    const audit = await api.post(`${base}/audits`, {
      name: 'Monthly',
      promptTags: ['crm'],
      modelConfigIds: [cheap.id, dear.id],
      budgetPerMonthUsd: 1,
    });
    const unbudgeted = await api.post(`${base}/audits`, {
      name: 'No budget',
      promptTags: ['crm'],
      modelConfigIds: [cheap.id],
    });
    const run = await api.post(`${base}/runs`, { auditId: audit.id });
    await waitFor(async () => (await api.get(`${base}/runs/${run.id}`)).status === 'completed', 'the run to complete');

    const spend = await report(base);
    const month = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Paris',
      year: 'numeric',
      month: '2-digit',
    }).format(new Date());
    expect(spend).toMatchObject({ month, timezone: 'Europe/Paris', totalUsd: 0.06 });
    expect(spend.byProvider).toEqual([{ provider: 'mock', usd: 0.06, answers: 4 }]);
    expect(spend.byModelConfig).toEqual([
      { modelConfigId: dear.id, name: 'dear', provider: 'mock', usd: 0.04, answers: 2 },
      { modelConfigId: cheap.id, name: 'cheap', provider: 'mock', usd: 0.02, answers: 2 },
    ]);
    expect(spend.audits).toEqual([
      { auditId: audit.id, name: 'Monthly', budgetPerMonthUsd: 1, spentUsd: 0.06, remainingUsd: 0.94 },
      { auditId: unbudgeted.id, name: 'No budget', budgetPerMonthUsd: null, spentUsd: 0, remainingUsd: null },
    ]);
    expect(Date.parse(spend.from)).toBeLessThanOrEqual(Date.now());
    expect(Date.parse(spend.to)).toBeGreaterThan(Date.now());

    const csv = await ctx.app.inject({ url: `${base}/reports/spend?format=csv`, headers: tenant.headers });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.body.trimEnd().split('\n');
    expect(lines[0]).toBe('month,timezone,provider,modelConfigId,name,usd,answers');
    expect(lines[1]).toBe(`${month},Europe/Paris,mock,${dear.id},dear,0.04,2`);
  });

  it('dates answers by their run in the workspace time zone, and budgets by the calendar month in UTC', async () => {
    const world: World = await createWorld(ctx.db, tenant.organizationId, {
      timezone: 'Europe/Paris',
      brands: [],
      prompts: [{ key: 'p' }],
      configs: [{ key: 'c', name: 'cfg' }],
    });
    const audit = await api.post(`${world.base}/audits`, {
      name: 'Budgeted',
      promptIds: [world.prompt('p')],
      modelConfigIds: [world.config('c')],
      budgetPerMonthUsd: 2,
    });
    // 23:30 UTC on 31 October is 00:30 on 1 November in Paris.
    const runId = await addRun(ctx.db, world, {
      createdAt: new Date('2026-10-31T23:30:00Z'),
      answers: [
        { prompt: 'p', config: 'c' },
        { prompt: 'p', config: 'c', status: 'failed' },
      ],
    });
    await ctx.db.pool.query('UPDATE responses SET cost_usd = 0.25 WHERE run_id = $1', [runId]);
    await ctx.db.pool.query('UPDATE runs SET audit_id = $2, actual_cost_usd = 0.5 WHERE id = $1', [runId, audit.id]);

    const november = await report(world.base, '?month=2026-11');
    expect(november).toMatchObject({
      month: '2026-11',
      from: '2026-10-31T23:00:00.000Z',
      to: '2026-11-30T23:00:00.000Z',
      totalUsd: 0.5,
    });
    // The failed call cost money too, but is not an answer.
    expect(november.byModelConfig).toEqual([
      { modelConfigId: world.config('c'), name: 'cfg', provider: 'mock', usd: 0.5, answers: 1 },
    ]);
    expect(november.audits[0]).toMatchObject({ spentUsd: 0, remainingUsd: 2 });

    const october = await report(world.base, '?month=2026-10');
    expect(october).toMatchObject({ totalUsd: 0, byProvider: [], byModelConfig: [] });
    expect(october.audits[0]).toMatchObject({ auditId: audit.id, spentUsd: 0.5, remainingUsd: 1.5 });
  });

  it('refuses a bad month with a 400 naming it, and another organization’s workspace with a 404', async () => {
    const ws = await api.post('/v1/workspaces', { name: 'Errors' });
    const base = `/v1/workspaces/${ws.id}`;
    for (const [query, field] of [
      ['month=2026-13', 'querystring.month'],
      ['month=26-12', 'querystring.month'],
      ['month=december', 'querystring.month'],
      ['format=xml', 'querystring.format'],
      ['from=2026-01-01T00:00:00Z', 'querystring.from'],
    ] as const) {
      const res = await ctx.app.inject({ url: `${base}/reports/spend?${query}`, headers: tenant.headers });
      expect(res.statusCode, query).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(
        res.json().errors.map((e: { path: string }) => e.path),
        res.body,
      ).toContain(field);
    }
    const stranger = await createTenant(ctx.db);
    const res = await ctx.app.inject({ url: `${base}/reports/spend`, headers: stranger.headers });
    expect(res.statusCode).toBe(404);
  });
});
