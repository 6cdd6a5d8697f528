/** Run lifecycle: progress, cancellation, budgets, and all-or-nothing starts. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { createRedis } from '../../src/clients.js';
import { queryQueueName } from '../../src/queues/names.js';
import { Producers } from '../../src/queues/producer.js';
import { createTenant } from '../factories/index.js';
import { apiClient, seedWorkspace, type ApiClient } from '../helpers/api.js';
import { createTestContext, waitFor, type TestContext } from '../helpers/context.js';

let ctx: TestContext;
let api: ApiClient;

beforeAll(async () => {
  ctx = await createTestContext({ MOCK_CONCURRENCY: '2' });
  const tenant = await createTenant(ctx.db);
  api = apiClient(ctx.app, tenant.headers);
  ctx.startWorker();
});
afterAll(async () => ctx.close());

const countsInDb = async (runId: string) =>
  Object.fromEntries(
    (await ctx.db.pool.query<{ status: string; n: number }>('SELECT status, count(*)::int AS n FROM responses WHERE run_id = $1 GROUP BY status', [runId])).rows.map((r) => [r.status, r.n]),
  );
const queueIdle = async () => {
  const c = await ctx.producers.queue(queryQueueName('mock')).getJobCounts('waiting', 'active', 'delayed', 'prioritized');
  return Object.values(c).every((n) => n === 0);
};

describe('runs', () => {
  it('cancels promptly and keeps what was already collected', async () => {
    const { base, configs } = await seedWorkspace(api, { prompts: 10, configs: [{ latencyMs: 40 }] });
    const run = await api.post(`${base}/runs`, { promptTags: ['crm'], modelConfigIds: [configs[0].id], samplesPerPair: 4 });
    await waitFor(async () => (await api.get(`${base}/runs/${run.id}`)).progress.succeeded >= 4, 'some answers');
    const cancelled = await api.post(`${base}/runs/${run.id}/cancel`, {});
    expect(cancelled.status).toBe('cancelled');
    await waitFor(queueIdle, 'the queue to drain');
    const after = await waitFor(async () => {
      const r = await api.get(`${base}/runs/${run.id}`);
      return r.progress.analyzed === r.progress.succeeded ? r : null;
    }, 'analysis of kept answers');
    const db = await countsInDb(run.id);
    expect(after.status).toBe('cancelled');
    expect(after.progress.succeeded).toBe(db.succeeded);
    expect(after.progress.cancelled).toBe(db.cancelled);
    expect(after.progress.succeeded + after.progress.cancelled).toBe(40);
    expect(after.progress.cancelled).toBeGreaterThan(0);
    expect(after.progress.pending).toBe(0);
    // Cancelling again is a conflict, not a second cancellation.
    expect((await api.send('POST', `${base}/runs/${run.id}/cancel`, {}, 409)).body.code).toBe('conflict');
  });

  it('refuses a run whose estimate exceeds its budget, before any call', async () => {
    const { base, configs } = await seedWorkspace(api, { prompts: 4, configs: [{ costUsd: 0.01 }] });
    const res = await api.send('POST', `${base}/runs`, { promptTags: ['crm'], modelConfigIds: [configs[0].id], samplesPerPair: 5, budgetUsd: 0.1 }, 422);
    expect(res.body).toMatchObject({ code: 'budget_exceeded' });
    expect(res.body.detail).toMatch(/estimated at \$0\.2000, over its budget of \$0\.1000/);
    expect((await api.get(`${base}/runs`)).data).toHaveLength(0);
  });

  it('stops at the budget cap during a run and says so', async () => {
    const { base, configs } = await seedWorkspace(api, { prompts: 10, configs: [{ costUsd: 0.01, latencyMs: 20 }] });
    const run = await api.post(`${base}/runs`, { promptTags: ['crm'], modelConfigIds: [configs[0].id], samplesPerPair: 3, budgetUsd: 1 });
    // Spending turns out higher than estimated: model it by lowering the cap under the estimate.
    await ctx.db.pool.query('UPDATE runs SET budget_usd = 0.05 WHERE id = $1', [run.id]);
    const done = await waitFor(async () => {
      const r = await api.get(`${base}/runs/${run.id}`);
      return r.finishedAt ? r : null;
    }, 'the run to stop');
    expect(done.status).toBe('completed_with_errors');
    expect(done.error).toMatch(/stopped at its budget cap of \$0\.05/);
    expect(done.progress.cancelled).toBeGreaterThan(0);
    expect(done.progress.succeeded + done.progress.cancelled + done.progress.failed).toBe(30);
    // Calls already in flight may finish: at most one per concurrent slot (2) over the cap.
    expect(done.actualCostUsd).toBeGreaterThanOrEqual(0.05);
    expect(done.actualCostUsd).toBeLessThanOrEqual(0.05 + 2 * 0.01 + 1e-9);
    const db = await countsInDb(run.id);
    expect(db.succeeded).toBe(done.progress.succeeded);
    const cancelledReasons = await ctx.db.pool.query(`SELECT DISTINCT error FROM responses WHERE run_id = $1 AND status = 'cancelled'`, [run.id]);
    expect(cancelledReasons.rows).toEqual([{ error: 'not collected: the run reached its budget' }]);
  });

  it("holds an audit's monthly budget across runs", async () => {
    const { base, configs } = await seedWorkspace(api, { prompts: 4, configs: [{ costUsd: 0.05 }] });
    const audit = await api.post(`${base}/audits`, { name: 'Monthly', promptTags: ['crm'], modelConfigIds: [configs[0].id], budgetPerMonthUsd: 0.3 });
    const first = await api.post(`${base}/runs`, { auditId: audit.id });
    expect(first.estimatedCostUsd).toBeCloseTo(0.2, 6);
    await waitFor(async () => (await api.get(`${base}/runs/${first.id}`)).finishedAt, 'the first run');
    const second = await api.send('POST', `${base}/runs`, { auditId: audit.id }, 422);
    expect(second.body.detail).toMatch(/has spent \$0\.2000 this month; this run \(estimated \$0\.2000\) would exceed its monthly budget of \$0\.3000/);
  });

  it('records nothing when the queue is unreachable', async () => {
    const { base, configs, ws } = await seedWorkspace(api, { prompts: 2 });
    const redis = createRedis('redis://127.0.0.1:1', 'api');
    const producers = new Producers({ connection: redis, prefix: 'unreachable', queryAttempts: 1, queryBackoffMs: 1, addTimeoutMs: 300 });
    const app = await buildApp({ env: ctx.env, db: ctx.db, redis, producers, logger: ctx.logger });
    try {
      const headers = { authorization: (await createTenantKeyFor(ws.organizationId)).authorization };
      const res = await app.inject({ method: 'POST', url: `${base}/runs`, headers, payload: { promptTags: ['crm'], modelConfigIds: [configs[0].id] } });
      expect(res.statusCode).toBe(503);
      expect(JSON.parse(res.body).code).toBe('unavailable');
      const left = await ctx.db.pool.query('SELECT count(*)::int AS n FROM runs WHERE workspace_id = $1', [ws.id]);
      const answers = await ctx.db.pool.query('SELECT count(*)::int AS n FROM responses WHERE workspace_id = $1', [ws.id]);
      expect([left.rows[0].n, answers.rows[0].n]).toEqual([0, 0]);
    } finally {
      await app.close();
      await producers.close();
      redis.disconnect();
    }
  });
});

async function createTenantKeyFor(organizationId: string) {
  const { keyFor } = await import('../factories/index.js');
  return (await keyFor(ctx.db, organizationId, ['write'])).headers;
}
