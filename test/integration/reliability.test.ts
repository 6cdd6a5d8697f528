/**
 * Runs complete exactly once through failures: a worker killed with SIGKILL half-way, a provider
 * failing 30% of calls, Redis dropping every connection, and Redis restarting empty (which a
 * worker process reports as warnings, not errors).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant } from '../factories/index.js';
import { apiClient, seedWorkspace, type ApiClient } from '../helpers/api.js';
import { createTestContext, waitFor, type TestContext } from '../helpers/context.js';
import { FakeOpenAI } from '../helpers/fake-openai.js';
import { freePort, spawnWorkerProcess, startRedisServer, type ChildHandle } from '../helpers/processes.js';

/** Everything the database says about a run, to compare with what must be true. */
async function audit(ctx: TestContext, runId: string) {
  const q = async (sql: string) => (await ctx.db.pool.query(sql, [runId])).rows;
  const [run] = await q(
    'SELECT status, total, succeeded, failed, cancelled, analyzed, finished_at FROM runs WHERE id = $1',
  );
  const [counts] = await q(`SELECT count(*)::int AS rows,
      count(DISTINCT (prompt_id, model_config_id, sample_index))::int AS distinct_keys,
      count(*) FILTER (WHERE status = 'succeeded')::int AS succeeded,
      count(*) FILTER (WHERE status = 'failed')::int AS failed,
      count(*) FILTER (WHERE status = 'pending')::int AS pending,
      count(*) FILTER (WHERE status = 'succeeded' AND analyzed_at IS NOT NULL)::int AS analyzed,
      count(*) FILTER (WHERE status = 'failed' AND (error IS NULL OR error_code IS NULL))::int AS failed_without_reason
    FROM responses WHERE run_id = $1`);
  const [dupes] =
    await q(`SELECT count(*)::int AS n FROM (SELECT response_id, brand_id FROM mentions m JOIN responses r ON r.id = m.response_id
      WHERE r.run_id = $1 GROUP BY 1, 2 HAVING count(*) > 1) d`);
  return { run, counts, duplicateMentions: dupes?.n };
}

async function finishedRun(api: ApiClient, base: string, runId: string, timeoutMs = 90_000) {
  return waitFor(
    async () => {
      const r = await api.get(`${base}/runs/${runId}`);
      return r.finishedAt ? r : null;
    },
    `run ${runId} to finish`,
    timeoutMs,
  );
}

/** An adaptive run of 4 prompts × 2 configurations (±10 points, 20 to 100 answers, waves of 20), started. */
async function startAdaptiveRun(api: ApiClient) {
  const { base, configs } = await seedWorkspace(api, {
    prompts: 4,
    brands: ['Salesforce', 'Pipedrive'],
    configs: [
      { latencyMs: 10, temperature: 2 },
      { latencyMs: 10, temperature: 0 },
    ],
  });
  await api.post(`${base}/brands`, { name: 'HubSpot', kind: 'own' });
  const sampling = { mode: 'adaptive', halfWidth: 10, minSamples: 20, maxSamples: 100, waveSize: 20 };
  const auditRow = await api.post(`${base}/audits`, {
    name: 'adaptive',
    promptTags: ['crm'],
    modelConfigIds: configs.map((c: { id: string }) => c.id),
    sampling,
  });
  const run = await api.post(`${base}/runs`, { auditId: auditRow.id });
  return { base, run };
}

/** A finished adaptive run of 8 cells: every answer once, every wave added once, every cell stopped. */
async function expectAdaptiveRunWhole(ctx: TestContext, api: ApiClient, base: string, runId: string) {
  const done = await finishedRun(api, base, runId);
  expect(done.status).toBe('completed');
  const { run: row, counts, duplicateMentions } = await audit(ctx, runId);
  expect(counts.rows).toBe(row.total);
  expect(counts).toMatchObject({ distinct_keys: row.total, pending: 0, failed: 0, failed_without_reason: 0 });
  expect(counts.analyzed).toBe(counts.succeeded);
  expect(duplicateMentions).toBe(0);
  // Each cell: its answers are exactly sample 0 … planned − 1, planned is on the grid of looks, and it stopped.
  const { rows: cells } = await ctx.db.pool.query<{
    planned: number;
    asked: number;
    max_index: number;
    stop_reason: string | null;
  }>(
    `SELECT c.planned, c.stop_reason, count(r.id)::int AS asked, max(r.sample_index)::int AS max_index
       FROM run_cells c JOIN responses r ON r.run_id = c.run_id AND r.prompt_id = c.prompt_id AND r.model_config_id = c.model_config_id
      WHERE c.run_id = $1 GROUP BY c.prompt_id, c.model_config_id, c.planned, c.stop_reason`,
    [runId],
  );
  expect(cells).toHaveLength(8);
  for (const c of cells) {
    expect(c.asked).toBe(c.planned);
    expect(c.max_index).toBe(c.planned - 1);
    expect([20, 40, 60, 80, 100]).toContain(c.planned);
    expect(['precision', 'max_samples']).toContain(c.stop_reason);
  }
  const precision = await api.get(`${base}/runs/${runId}/precision`);
  expect(precision.summary).toMatchObject({ cells: 8, stopped: 8, calls: row.total });
}

describe('a worker killed with SIGKILL in the middle of a run', () => {
  let ctx: TestContext;
  let api: ApiClient;
  let first: ChildHandle | null = null;
  // A killed worker's jobs are taken over after a second. Under a loaded machine the new worker's
  // own locks can lapse too, and a job that stalls twice is given up by BullMQ: the recovery sweep
  // hands its answer out again, here after 5 s without progress rather than the default 2 minutes.
  const fastRecovery = {
    WORKER_LOCK_MS: '1000',
    WORKER_STALLED_INTERVAL_MS: '500',
    MOCK_CONCURRENCY: '10',
    RECOVERY_INTERVAL_MS: '1000',
    RECOVERY_STALE_MS: '5000',
  };

  beforeAll(async () => {
    ctx = await createTestContext(fastRecovery);
    api = apiClient(ctx.app, (await createTenant(ctx.db)).headers);
  });
  afterAll(async () => {
    await first?.kill('SIGKILL');
    await ctx.close();
  });

  it('is finished by another worker with exactly the expected responses', async () => {
    const { base, configs } = await seedWorkspace(api, { prompts: 10, configs: [{ latencyMs: 25, temperature: 1 }] });
    const run = await api.post(`${base}/runs`, {
      promptTags: ['crm'],
      modelConfigIds: [configs[0].id],
      samplesPerPair: 30,
    });
    first = spawnWorkerProcess({
      DATABASE_URL: ctx.env.DATABASE_URL,
      REDIS_URL: ctx.env.REDIS_URL,
      QUEUE_PREFIX: ctx.env.QUEUE_PREFIX,
      WORKER_SCHEDULER: 'false',
      ...fastRecovery,
    });
    await waitFor(
      async () => {
        if (first?.child.exitCode !== null) throw new Error(`the worker process died early:\n${first?.output()}`);
        return (await api.get(`${base}/runs/${run.id}`)).progress.succeeded >= 60;
      },
      'the first worker to store some answers',
      60_000,
    );
    await first.kill('SIGKILL');
    const before = (await api.get(`${base}/runs/${run.id}`)).progress;
    expect(before.succeeded).toBeLessThan(300);

    const second = ctx.startWorker({ env: fastRecovery });
    const done = await finishedRun(api, base, run.id);
    // The next test's run must start with no worker but the process it kills.
    await second.close();
    expect(done.status).toBe('completed');
    const { run: row, counts, duplicateMentions } = await audit(ctx, run.id);
    expect(counts).toEqual({
      rows: 300,
      distinct_keys: 300,
      succeeded: 300,
      failed: 0,
      pending: 0,
      analyzed: 300,
      failed_without_reason: 0,
    });
    expect(row).toMatchObject({ total: 300, succeeded: 300, failed: 0, cancelled: 0, analyzed: 300 });
    expect(duplicateMentions).toBe(0);
    // Its own waits add up to 150 s (a worker process to start and store some answers, then the run).
  }, 240_000);

  it('an adaptive run is finished by another worker: every wave added once, every cell stopped', async () => {
    const { base, run } = await startAdaptiveRun(api);
    first = spawnWorkerProcess({
      DATABASE_URL: ctx.env.DATABASE_URL,
      REDIS_URL: ctx.env.REDIS_URL,
      QUEUE_PREFIX: ctx.env.QUEUE_PREFIX,
      WORKER_SCHEDULER: 'false',
      ...fastRecovery,
    });
    // Killed once waves are being decided: past the first wave of every cell.
    await waitFor(
      async () => {
        if (first?.child.exitCode !== null) throw new Error(`the worker process died early:\n${first?.output()}`);
        return (await api.get(`${base}/runs/${run.id}`)).progress.total > 8 * 20;
      },
      'a second wave',
      90_000,
    );
    await first.kill('SIGKILL');
    first = null;
    ctx.startWorker({ env: fastRecovery });
    await expectAdaptiveRunWhole(ctx, api, base, run.id);
  }, 240_000);
});

describe('a provider failing 30% of calls with 500 or 429', () => {
  let ctx: TestContext;
  let api: ApiClient;
  let fake: FakeOpenAI;

  beforeAll(async () => {
    fake = await FakeOpenAI.start({ failureRate: 0.3, seed: 7 });
    ctx = await createTestContext({
      ...fake.env,
      PROVIDER_MAX_ATTEMPTS: '3',
      OPENAI_CONCURRENCY: '8',
      OPENAI_RPM: '100000',
    });
    api = apiClient(ctx.app, (await createTenant(ctx.db)).headers);
    ctx.startWorker();
  });
  afterAll(async () => {
    await ctx.close();
    await fake.close();
  });

  it('ends every answer succeeded or failed with a reason, with exact counts', async () => {
    const { base, ws } = await seedWorkspace(api, { prompts: 8, configs: [] });
    await api.post(`${base}/prompts`, { text: 'Tell me about CRMs [reject]', tags: ['crm'] });
    const config = await api.post(`${base}/model-configs`, {
      name: 'GPT',
      provider: 'openai',
      model: 'gpt-5.4-mini',
      params: {},
    });
    const run = await api.post(`${base}/runs`, {
      promptTags: ['crm'],
      modelConfigIds: [config.id],
      samplesPerPair: 20,
    });
    const done = await finishedRun(api, base, run.id);
    const { run: row, counts } = await audit(ctx, run.id);

    // Every 200 the provider served is stored once; every other answer failed, with its reason.
    expect(counts.rows).toBe(180);
    expect(counts.pending).toBe(0);
    expect(counts.succeeded).toBe(fake.stats.ok);
    expect(counts.failed).toBe(180 - fake.stats.ok);
    expect(counts.failed_without_reason).toBe(0);
    expect(counts.analyzed).toBe(counts.succeeded);
    expect(row).toMatchObject({ succeeded: counts.succeeded, failed: counts.failed, analyzed: counts.succeeded });
    expect(done.status).toBe('completed_with_errors');
    // The 20 rejected prompts fail at once with the provider's message; 429s and 500s did happen.
    const rejected = await ctx.db.pool.query(
      `SELECT r.error_code, r.error, r.attempts FROM responses r JOIN prompts p ON p.id = r.prompt_id WHERE r.run_id = $1 AND p.text LIKE '%[reject]%'`,
      [run.id],
    );
    expect(rejected.rows).toHaveLength(20);
    for (const r of rejected.rows) {
      expect(r.attempts).toBe(1);
      expect(r.error).toMatch(/Invalid prompt: rejected by the fake/);
    }
    expect(fake.stats.rejected).toBe(20);
    expect(fake.stats.rateLimited).toBeGreaterThan(0);
    expect(fake.stats.serverErrors).toBeGreaterThan(0);
    expect(ws.id).toBeTruthy();
  });
});

describe('Redis trouble in the middle of a run', () => {
  let redis: ChildHandle;
  let port: number;
  let ctx: TestContext;
  let api: ApiClient;
  const env = () => ({
    REDIS_URL: `redis://127.0.0.1:${port}`,
    MOCK_CONCURRENCY: '5',
    RECOVERY_INTERVAL_MS: '300',
    RECOVERY_STALE_MS: '1000',
    WORKER_LOCK_MS: '2000',
    WORKER_STALLED_INTERVAL_MS: '1000',
  });

  beforeAll(async () => {
    port = await freePort();
    redis = await startRedisServer(port);
    ctx = await createTestContext(env());
    api = apiClient(ctx.app, (await createTenant(ctx.db)).headers);
    ctx.startWorker();
  });
  afterAll(async () => {
    await ctx.close().catch(() => {});
    await redis.kill('SIGKILL');
  });

  it('recovers when every connection is dropped', async () => {
    const { base, configs } = await seedWorkspace(api, { prompts: 5, configs: [{ latencyMs: 20 }] });
    const run = await api.post(`${base}/runs`, {
      promptTags: ['crm'],
      modelConfigIds: [configs[0].id],
      samplesPerPair: 30,
    });
    await waitFor(async () => (await api.get(`${base}/runs/${run.id}`)).progress.succeeded >= 20, 'some answers');
    await ctx.redis.call('CLIENT', 'KILL', 'TYPE', 'normal');
    const done = await finishedRun(api, base, run.id);
    expect(done.status).toBe('completed');
    const { counts } = await audit(ctx, run.id);
    expect(counts).toMatchObject({ rows: 150, distinct_keys: 150, succeeded: 150, pending: 0, analyzed: 150 });
  });

  it('recovers when Redis restarts empty (queued jobs lost): Postgres hands the work out again', async () => {
    const { base, configs } = await seedWorkspace(api, { prompts: 5, configs: [{ latencyMs: 20 }] });
    const run = await api.post(`${base}/runs`, {
      promptTags: ['crm'],
      modelConfigIds: [configs[0].id],
      samplesPerPair: 30,
    });
    await waitFor(async () => (await api.get(`${base}/runs/${run.id}`)).progress.succeeded >= 20, 'some answers');
    await redis.kill('SIGKILL');
    redis = await startRedisServer(port);
    const done = await finishedRun(api, base, run.id);
    expect(done.status).toBe('completed');
    const { run: row, counts, duplicateMentions } = await audit(ctx, run.id);
    expect(counts).toEqual({
      rows: 150,
      distinct_keys: 150,
      succeeded: 150,
      failed: 0,
      pending: 0,
      analyzed: 150,
      failed_without_reason: 0,
    });
    expect(row).toMatchObject({ succeeded: 150, analyzed: 150 });
    expect(duplicateMentions).toBe(0);
  });

  it('an adaptive run survives Redis restarting empty between waves: every wave added once, every cell stopped', async () => {
    const { base, run } = await startAdaptiveRun(api);
    // Past the first wave: some cells have had their first look and a second wave is under way.
    await waitFor(async () => (await api.get(`${base}/runs/${run.id}`)).progress.total > 8 * 20, 'a second wave');
    await redis.kill('SIGKILL');
    redis = await startRedisServer(port);
    await expectAdaptiveRunWhole(ctx, api, base, run.id);
  });
});

describe('a worker process when Redis restarts empty', () => {
  let redis: ChildHandle;
  let worker: ChildHandle | null = null;
  let ctx: TestContext;
  let api: ApiClient;
  let env: Record<string, string>;

  beforeAll(async () => {
    const port = await freePort();
    redis = await startRedisServer(port);
    env = {
      REDIS_URL: `redis://127.0.0.1:${port}`,
      MOCK_CONCURRENCY: '5',
      RECOVERY_INTERVAL_MS: '300',
      RECOVERY_STALE_MS: '1000',
      WORKER_LOCK_MS: '2000',
      WORKER_STALLED_INTERVAL_MS: '1000',
    };
    ctx = await createTestContext(env);
    api = apiClient(ctx.app, (await createTenant(ctx.db)).headers);
  });
  afterAll(async () => {
    await worker?.kill('SIGKILL');
    await ctx.close().catch(() => {});
    await redis.kill('SIGKILL');
  });

  it('logs each job that was in flight as one warning, not as an error', async () => {
    const { base, configs } = await seedWorkspace(api, { prompts: 5, configs: [{ latencyMs: 200 }] });
    // 120 answers, 5 at a time, 200 ms each: about 5 s of work, so jobs are surely in flight when
    // Redis goes away after the first 10, however slowly a loaded machine lets the test see them.
    const run = await api.post(`${base}/runs`, {
      promptTags: ['crm'],
      modelConfigIds: [configs[0].id],
      samplesPerPair: 24,
    });
    worker = spawnWorkerProcess({
      DATABASE_URL: ctx.env.DATABASE_URL,
      QUEUE_PREFIX: ctx.env.QUEUE_PREFIX,
      WORKER_SCHEDULER: 'false',
      ...env,
    });
    let out = '';
    worker.child.stdout?.on('data', (d) => (out += d));
    await waitFor(
      async () => {
        if (worker?.child.exitCode !== null) throw new Error(`the worker process died early:\n${worker?.output()}`);
        return (await api.get(`${base}/runs/${run.id}`)).progress.succeeded >= 10;
        // A worker process compiles its TypeScript at start: on a loaded 2-core machine that alone
        // took more than 30 s.
      },
      'some answers',
      90_000,
    );
    await redis.kill('SIGKILL');
    redis = await startRedisServer(Number(new URL(env.REDIS_URL!).port));
    expect((await finishedRun(api, base, run.id)).status).toBe('completed');

    const lines = out
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { level: number; msg: string; jobId?: string; err?: unknown });
    // The jobs in flight when Redis went away (their keys and locks gone): each reported once, as a
    // warning. Which message a job gives first depends on timing: a job still calling when its lock is
    // due for renewal reports "could not renew lock", one that finishes first "Missing key" (jobs of
    // several calls, as this run's are, last long enough for either).
    const lost = lines.filter((l) => /(Missing key|could not renew lock) for job/.test(JSON.stringify(l)));
    const notable = lines
      .filter((l) => l.level >= 40)
      .map((l) =>
        `${l.level} ${l.msg} ${JSON.stringify(l.err ?? (l as { reason?: string }).reason ?? '')}`.slice(0, 240),
      );
    expect(lost.length, `no job reported lost; warnings and errors:\n${notable.join('\n')}`).toBeGreaterThan(0);
    expect(lost.map((l) => l.level)).toEqual(lost.map(() => 40));
    expect(lost.every((l) => l.jobId !== undefined)).toBe(true);
    expect(new Set(lost.map((l) => l.jobId)).size).toBe(lost.length);
  }, 240_000);
});
