/** Run lifecycle: progress, cancellation, budgets, and all-or-nothing starts. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { createRedis } from '../../src/deps.js';
import { queryQueueName } from '../../src/queues/names.js';
import { Producers } from '../../src/queues/producer.js';
import { storeOutcomes } from '../../src/modules/responses/pipeline.repo.js';
import type { NormalizedAnswer } from '../../src/providers/types.js';
import { ANALYSIS_QUEUE } from '../../src/queues/names.js';
import { createTenant } from '../factories/index.js';
import { apiClient, seedWorkspace, type ApiClient } from '../helpers/api.js';
import { createTestContext, waitFor, type TestContext } from '../helpers/context.js';
import { FakeOpenAI } from '../helpers/fake-openai.js';

let ctx: TestContext;
let api: ApiClient;
let fake: FakeOpenAI;
let headers: Record<string, string>;

beforeAll(async () => {
  // The fake provider holds calls in flight on demand (3 at most: OPENAI_CONCURRENCY).
  fake = await FakeOpenAI.start({ failureRate: 0 });
  ctx = await createTestContext({
    MOCK_CONCURRENCY: '2',
    ...fake.env,
    OPENAI_CONCURRENCY: '3',
  });
  const tenant = await createTenant(ctx.db);
  headers = tenant.headers;
  api = apiClient(ctx.app, headers);
  await ctx.startWorker().ready;
});
afterAll(async () => {
  await ctx.close();
  await fake.close();
});

const countsInDb = async (runId: string) =>
  Object.fromEntries(
    (
      await ctx.db.pool.query<{ status: string; n: number }>(
        'SELECT status, count(*)::int AS n FROM responses WHERE run_id = $1 GROUP BY status',
        [runId],
      )
    ).rows.map((r) => [r.status, r.n]),
  );
const queueIdle = async () => {
  for (const name of [queryQueueName('mock'), queryQueueName('openai'), ANALYSIS_QUEUE]) {
    const c = await ctx.producers.queue(name).getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    if (!Object.values(c).every((n) => n === 0)) return false;
  }
  return true;
};
/** Every call paid for is counted: the run's actual cost is the sum of its stored answers' costs. */
const costs = async (runId: string) =>
  (
    await ctx.db.pool.query<{ sum: string; actual: string }>(
      `SELECT (SELECT coalesce(sum(cost_usd), 0) FROM responses WHERE run_id = $1)::text AS sum, actual_cost_usd::text AS actual FROM runs WHERE id = $1`,
      [runId],
    )
  ).rows[0] as { sum: string; actual: string };
const settled = (base: string, runId: string) =>
  waitFor(async () => {
    if (!(await queueIdle())) return null;
    const r = await api.get(`${base}/runs/${runId}`);
    return r.finishedAt && r.progress.analyzed === r.progress.succeeded ? r : null;
  }, 'the run and its late answers to settle');
/** The fake's answer costs this much with gpt-5.4-mini (20 input and 40 output tokens). */
const FAKE_CALL_USD = 20 * 0.75e-6 + 40 * 4.5e-6;

describe('runs', () => {
  it('cancels promptly and keeps what was already collected', async () => {
    const { base, configs } = await seedWorkspace(api, { prompts: 10, configs: [{ latencyMs: 40 }] });
    const run = await api.post(`${base}/runs`, {
      promptTags: ['crm'],
      modelConfigIds: [configs[0].id],
      samplesPerPair: 4,
    });
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
    const cost = await costs(run.id);
    expect(cost.sum).toBe(cost.actual);
  });

  it('stores, analyses and counts the answers of calls in flight when a run is cancelled', async () => {
    const { base } = await seedWorkspace(api, { prompts: 10, configs: [] });
    const config = await api.post(`${base}/model-configs`, {
      name: 'gpt',
      provider: 'openai',
      model: 'gpt-5.4-mini',
      params: {},
    });
    const okBefore = fake.stats.ok;
    fake.hold();
    try {
      const run = await api.post(`${base}/runs`, {
        promptTags: ['crm'],
        modelConfigIds: [config.id],
        samplesPerPair: 2,
      });
      await waitFor(async () => fake.waiting === 3, 'three calls in flight');
      const cancelled = await api.post(`${base}/runs/${run.id}/cancel`, {});
      expect(cancelled.status).toBe('cancelled');
      expect(cancelled.progress).toMatchObject({ total: 20, succeeded: 0, cancelled: 20, pending: 0 });
      fake.release();
      const after = await settled(base, run.id);
      // The three answers paid for were kept, analysed and counted; nothing else was asked.
      expect(fake.stats.ok - okBefore).toBe(3);
      expect(after.status).toBe('cancelled');
      expect(after.progress).toMatchObject({
        total: 20,
        succeeded: 3,
        failed: 0,
        cancelled: 17,
        pending: 0,
        analyzed: 3,
      });
      expect(await countsInDb(run.id)).toEqual({ succeeded: 3, cancelled: 17 });
      const cost = await costs(run.id);
      expect(cost.sum).toBe(cost.actual);
      expect(after.actualCostUsd).toBeCloseTo(3 * FAKE_CALL_USD, 9);
      const mentioned = await ctx.db.pool.query(
        `SELECT count(DISTINCT m.response_id)::int AS n FROM mentions m JOIN responses r ON r.id = m.response_id WHERE r.run_id = $1`,
        [run.id],
      );
      expect(mentioned.rows[0].n).toBe(3);
      const kept = await ctx.db.pool.query(
        `SELECT error, text IS NOT NULL AS has_text FROM responses WHERE run_id = $1 AND status = 'succeeded'`,
        [run.id],
      );
      expect(kept.rows).toEqual(Array(3).fill({ error: null, has_text: true }));

      // Duplicated jobs of those answers store nothing and count nothing.
      const answers = (
        await ctx.db.pool.query<{ id: string }>(`SELECT id FROM responses WHERE run_id = $1 ORDER BY id`, [run.id])
      ).rows.map((r) => ({ id: r.id, provider: 'openai' }));
      await ctx.producers.enqueueRunAnswers(run.id, answers);
      await waitFor(queueIdle, 'the duplicated jobs to drain');
      expect(fake.stats.ok - okBefore).toBe(3);
      expect((await api.get(`${base}/runs/${run.id}`)).progress).toMatchObject({
        succeeded: 3,
        cancelled: 17,
        analyzed: 3,
      });
    } finally {
      fake.release();
    }
  });

  it('takes in the late answer of a cancelled response exactly once', async () => {
    const { base, configs } = await seedWorkspace(api, { prompts: 2 });
    // No call is made: the queue is held until the run is cancelled, then its jobs find nothing to do.
    const queue = ctx.producers.queue(queryQueueName('mock'));
    await queue.pause();
    let run: { id: string; estimatedCostUsd: number; budgetUsd: number | null };
    try {
      run = await api.post(`${base}/runs`, { promptTags: ['crm'], modelConfigIds: [configs[0].id] });
      await api.post(`${base}/runs/${run.id}/cancel`, {});
    } finally {
      await queue.resume();
    }
    const [first, second] = (
      await ctx.db.pool.query<{ id: string }>(`SELECT id FROM responses WHERE run_id = $1 ORDER BY id`, [run.id])
    ).rows.map((r) => r.id) as [string, string];
    const answer = (costUsd: number): NormalizedAnswer => ({
      provider: 'mock',
      api: 'mock',
      channel: 'mock',
      model: 'mock-1',
      text: 'HubSpot is fine.',
      citations: [],
      sources: [],
      searchQueries: [],
      usage: { inputTokens: 1, outputTokens: 1, reasoningTokens: 0, cachedInputTokens: 0, searchCalls: 0 },
      finish: 'stop',
      modelVersion: 'mock-1',
      providerCostUsd: null,
      costUsd,
      requestId: null,
      latencyMs: 1,
      requestParams: {},
      raw: {},
    });
    // Two attempts of one job in a batch, then again in a later batch: one answer, counted once.
    const once = await storeOutcomes(ctx.db.pool, [
      { kind: 'succeeded', responseId: first, attempts: 1, answer: answer(0.25) },
      { kind: 'succeeded', responseId: first, attempts: 2, answer: answer(0.5) },
      { kind: 'failed', responseId: second, attempts: 1, errorCode: 'http_500', error: 'failed in flight' },
    ]);
    expect(once.stored).toEqual([true, false, false]);
    const again = await storeOutcomes(ctx.db.pool, [
      { kind: 'succeeded', responseId: first, attempts: 3, answer: answer(0.75) },
    ]);
    expect(again.stored).toEqual([false]);
    const row = await api.get(`${base}/runs/${run.id}`);
    // A call in flight that failed leaves its response cancelled.
    expect(row.progress).toMatchObject({ total: 2, succeeded: 1, failed: 0, cancelled: 1 });
    expect(row.actualCostUsd).toBe(0.25);
    expect(await countsInDb(run.id)).toEqual({ succeeded: 1, cancelled: 1 });
    const cost = await costs(run.id);
    expect(cost.sum).toBe(cost.actual);
  });

  it('stores and counts the answers of calls in flight when a run stops at its budget', async () => {
    const { base } = await seedWorkspace(api, { prompts: 10, configs: [] });
    const config = await api.post(`${base}/model-configs`, {
      name: 'gpt',
      provider: 'openai',
      model: 'gpt-5.4-mini',
      params: {},
    });
    const okBefore = fake.stats.ok;
    fake.hold();
    try {
      const run = await api.post(`${base}/runs`, {
        promptTags: ['crm'],
        modelConfigIds: [config.id],
        samplesPerPair: 2,
        budgetUsd: 1,
      });
      await waitFor(async () => fake.waiting === 3, 'three calls in flight');
      // Spending turns out higher than estimated: one answer reaches this cap.
      await ctx.db.pool.query('UPDATE runs SET budget_usd = 0.0001 WHERE id = $1', [run.id]);
      fake.releaseOne();
      // The slot it frees takes the next job, which finds the cap reached and stops the run while two calls are still out.
      const stopped = await waitFor(async () => {
        const r = await api.get(`${base}/runs/${run.id}`);
        return r.finishedAt ? r : null;
      }, 'the run to stop at its budget');
      expect(stopped.progress).toMatchObject({ succeeded: 1, cancelled: 19 });
      expect(fake.waiting).toBe(2);
      fake.release();
      const after = await settled(base, run.id);
      expect(fake.stats.ok - okBefore).toBe(3);
      expect(after.status).toBe('completed_with_errors');
      expect(after.error).toMatch(/^stopped at its budget cap of \$0\.0001 after spending \$0\.000195; /);
      expect(after.progress).toMatchObject({
        total: 20,
        succeeded: 3,
        failed: 0,
        cancelled: 17,
        pending: 0,
        analyzed: 3,
      });
      const cost = await costs(run.id);
      expect(cost.sum).toBe(cost.actual);
      expect(after.actualCostUsd).toBeCloseTo(3 * FAKE_CALL_USD, 9);
    } finally {
      fake.release();
    }
  });

  it('refuses a run whose estimate exceeds its budget, before any call', async () => {
    const { base, configs } = await seedWorkspace(api, { prompts: 4, configs: [{ costUsd: 0.01 }] });
    const res = await api.send(
      'POST',
      `${base}/runs`,
      { promptTags: ['crm'], modelConfigIds: [configs[0].id], samplesPerPair: 5, budgetUsd: 0.1 },
      422,
    );
    expect(res.body).toMatchObject({ code: 'budget_exceeded' });
    expect(res.body.detail).toMatch(/estimated at \$0\.2000, over its budget of \$0\.1000/);
    expect((await api.get(`${base}/runs`)).data).toHaveLength(0);
  });

  it('stops at the budget cap during a run and says so', async () => {
    const { base, configs } = await seedWorkspace(api, { prompts: 10, configs: [{ costUsd: 0.01, latencyMs: 20 }] });
    const run = await api.post(`${base}/runs`, {
      promptTags: ['crm'],
      modelConfigIds: [configs[0].id],
      samplesPerPair: 3,
      budgetUsd: 1,
    });
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
    // Answers of calls in flight at the stop still land, with their cost.
    const after = await settled(base, run.id);
    const cost = await costs(run.id);
    expect(cost.sum).toBe(cost.actual);
    expect(after.actualCostUsd).toBeLessThanOrEqual(0.05 + 2 * 0.01 + 1e-9);
    expect(after.progress.succeeded).toBe((await countsInDb(run.id)).succeeded);
    const cancelledReasons = await ctx.db.pool.query(
      `SELECT DISTINCT error FROM responses WHERE run_id = $1 AND status = 'cancelled'`,
      [run.id],
    );
    expect(cancelledReasons.rows).toEqual([{ error: 'not collected: the run reached its budget' }]);
  });

  it("holds an audit's monthly budget across runs", async () => {
    const { base, configs } = await seedWorkspace(api, { prompts: 4, configs: [{ costUsd: 0.05 }] });
    const audit = await api.post(`${base}/audits`, {
      name: 'Monthly',
      promptTags: ['crm'],
      modelConfigIds: [configs[0].id],
      budgetPerMonthUsd: 0.3,
    });
    const first = await api.post(`${base}/runs`, { auditId: audit.id });
    expect(first.estimatedCostUsd).toBeCloseTo(0.2, 6);
    await waitFor(async () => (await api.get(`${base}/runs/${first.id}`)).finishedAt, 'the first run');
    const second = await api.send('POST', `${base}/runs`, { auditId: audit.id }, 422);
    expect(second.body.detail).toMatch(
      /has spent \$0\.2000 this month; this run \(estimated \$0\.2000\) would exceed its monthly budget of \$0\.3000/,
    );
  });

  it('caps a run at what is left of its monthly budget, and stops it there when spending runs over the estimate', async () => {
    const { base, configs } = await seedWorkspace(api, { prompts: 10, configs: [{ costUsd: 0.01 }] });
    const audit = await api.post(`${base}/audits`, {
      name: 'Monthly only',
      promptTags: ['crm'],
      modelConfigIds: [configs[0].id],
      samplesPerPair: 2,
      budgetPerMonthUsd: 0.5,
    });
    const first = await api.post(`${base}/runs`, { auditId: audit.id, samplesPerPair: 1 });
    expect(first.budgetUsd).toBe(0.5);
    await waitFor(async () => (await api.get(`${base}/runs/${first.id}`)).finishedAt, 'the first run');
    // Hold the provider queue so the price can change before any call of the second run.
    const queue = ctx.producers.queue(queryQueueName('mock'));
    await queue.pause();
    let run: { id: string; estimatedCostUsd: number; budgetUsd: number | null };
    try {
      run = await api.post(`${base}/runs`, { auditId: audit.id });
      expect(run.estimatedCostUsd).toBeCloseTo(0.2, 6);
      expect(run.budgetUsd).toBe(0.4);
      await ctx.db.pool.query(
        `UPDATE model_configs SET params = jsonb_set(params, '{costUsd}', '0.05') WHERE id = $1`,
        [configs[0].id],
      );
    } finally {
      await queue.resume();
    }
    const done = await settled(base, run.id);
    expect(done.status).toBe('completed_with_errors');
    expect(done.error).toMatch(
      /^stopped at its budget cap of \$0\.4 \(what was left of its audit's monthly budget when it started\) after spending \$0\.4/,
    );
    expect(done.progress.cancelled).toBeGreaterThan(0);
    expect(done.progress.succeeded + done.progress.cancelled).toBe(20);
    expect(done.actualCostUsd).toBeGreaterThanOrEqual(0.4);
    // Calls in flight at the stop (one per concurrent slot, 2) are still counted.
    expect(done.actualCostUsd).toBeLessThanOrEqual(0.4 + 2 * 0.05 + 1e-9);
    const cost = await costs(run.id);
    expect(cost.sum).toBe(cost.actual);
    // The month is spent: the next run is refused before any call.
    const refused = await api.send('POST', `${base}/runs`, { auditId: audit.id }, 422);
    expect(refused.body.code).toBe('budget_exceeded');
  });

  it('checks concurrent launches of one audit against its monthly budget one after the other', async () => {
    const { base, configs } = await seedWorkspace(api, { prompts: 4, configs: [{ costUsd: 0.05 }] });
    const audit = await api.post(`${base}/audits`, {
      name: 'Race',
      promptTags: ['crm'],
      modelConfigIds: [configs[0].id],
      budgetPerMonthUsd: 0.3,
    });
    const launches = await Promise.all(
      Array.from({ length: 4 }, () =>
        ctx.app.inject({ method: 'POST', url: `${base}/runs`, headers, payload: { auditId: audit.id } }),
      ),
    );
    expect(launches.map((l) => l.statusCode).sort()).toEqual([202, 422, 422, 422]);
    for (const l of launches.filter((x) => x.statusCode === 422))
      expect(JSON.parse(l.body).detail).toMatch(/would exceed its monthly budget of \$0\.3000/);
    expect((await api.get(`${base}/runs?auditId=${audit.id}`)).data).toHaveLength(1);
  });

  it('records nothing when the queue is unreachable', async () => {
    const { base, configs, ws } = await seedWorkspace(api, { prompts: 2 });
    const redis = createRedis('redis://127.0.0.1:1', 'api');
    const producers = new Producers({
      connection: redis,
      prefix: 'unreachable',
      queryAttempts: 1,
      queryBackoffMs: 1,
      addTimeoutMs: 300,
    });
    const app = await buildApp({ env: ctx.env, db: ctx.db, redis, producers, mailer: ctx.mailer, logger: ctx.logger });
    try {
      const headers = { authorization: (await createTenantKeyFor(ws.organizationId)).authorization };
      const res = await app.inject({
        method: 'POST',
        url: `${base}/runs`,
        headers,
        payload: { promptTags: ['crm'], modelConfigIds: [configs[0].id] },
      });
      expect(res.statusCode).toBe(503);
      expect(JSON.parse(res.body).code).toBe('unavailable');
      const left = await ctx.db.pool.query('SELECT count(*)::int AS n FROM runs WHERE workspace_id = $1', [ws.id]);
      const answers = await ctx.db.pool.query('SELECT count(*)::int AS n FROM responses WHERE workspace_id = $1', [
        ws.id,
      ]);
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
