/**
 * A large run's calls go out several to a query job (callsPerQueryJob). A call of such a job that
 * must be tried again goes on in a job of its own, with the attempts it has left, while the job's
 * other calls go on and are never made twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeOutcomes } from '../../src/modules/responses/pipeline.repo.js';
import { recoverStalledRuns } from '../../src/modules/runs/recovery.js';
import { queryQueueName } from '../../src/queues/names.js';
import type { QueryJob } from '../../src/queues/payloads.js';
import { createTenant } from '../factories/index.js';
import { apiClient, createOpenAIConfig, seedWorkspace, type ApiClient } from '../helpers/api.js';
import { createTestContext, waitFor, type TestContext } from '../helpers/context.js';
import { FakeOpenAI } from '../helpers/fake-openai.js';

let ctx: TestContext;
let api: ApiClient;
let fake: FakeOpenAI;

beforeAll(async () => {
  fake = await FakeOpenAI.start({ failureRate: 0 });
  ctx = await createTestContext({
    ...fake.env,
    // One call at a time: 16 calls are 8 jobs of two (2 per slot × QUERY_JOBS_PER_SLOT), made in order.
    OPENAI_CONCURRENCY: '1',
    OPENAI_RPM: '100000',
    PROVIDER_MAX_ATTEMPTS: '3',
    // The tests run the recovery sweep themselves; the workers' own would claim other files' stalled runs too.
    RECOVERY_INTERVAL_MS: '3600000',
  });
  api = apiClient(ctx.app, (await createTenant(ctx.db)).headers);
});
afterAll(async () => {
  await ctx.close();
  await fake.close();
});

/** A workspace of 8 prompts and an OpenAI configuration: 2 samples each make 16 calls, 8 jobs of two. */
async function seed() {
  const { base } = await seedWorkspace(api, { prompts: 8, configs: [] });
  return { base, config: await createOpenAIConfig(api, base) };
}

function finished(base: string, runId: string) {
  return waitFor(async () => {
    const r = await api.get(`${base}/runs/${runId}`);
    return r.finishedAt ? r : null;
  }, 'the run');
}

describe('a run whose calls go out several to a job', () => {
  it('hands a failed call on to a job of its own, and makes every other call once', async () => {
    const { base, config } = await seed();
    const worker = ctx.startWorker();
    const queue = ctx.producers.queue(queryQueueName('openai'));
    await queue.pause();
    let runId = '';
    try {
      runId = (await api.post(`${base}/runs`, { promptTags: ['crm'], modelConfigIds: [config.id], samplesPerPair: 2 }))
        .id;
      const jobs = await waitFor(async () => {
        const held = await queue.getJobs(['waiting']);
        return held.length === 8 ? held : null;
      }, 'the run fanned out');
      const ids = jobs.flatMap((j) => (j.data as QueryJob).responseIds);
      expect(jobs.map((j) => (j.data as QueryJob).responseIds.length)).toEqual(Array(8).fill(2));
      const { rows } = await ctx.db.pool.query<{ id: string }>('SELECT id FROM responses WHERE run_id = $1', [runId]);
      expect(new Set(ids)).toEqual(new Set(rows.map((r) => r.id)));
      // The first call fails (500), the fourth is rate limited (429): each goes on alone.
      fake.failAt.set(0, 500).set(3, 429);
    } finally {
      await queue.resume();
    }
    const done = await finished(base, runId);
    await worker.close();
    expect(done.progress).toMatchObject({ total: 16, succeeded: 16, failed: 0, analyzed: 16 });
    expect(fake.stats).toMatchObject({ ok: 16, serverErrors: 1, rateLimited: 1 });
    // 16 answers and the two tries again: no call of a job was repeated when one of its calls failed.
    expect(fake.arrivals).toHaveLength(18);
    const attempts = await ctx.db.pool.query<{ attempts: number; n: number }>(
      'SELECT attempts, count(*)::int AS n FROM responses WHERE run_id = $1 GROUP BY attempts ORDER BY attempts',
      [runId],
    );
    // The 500 used an attempt, so its answer came on the second; a 429 uses none.
    expect(attempts.rows).toEqual([
      { attempts: 1, n: 15 },
      { attempts: 2, n: 1 },
    ]);
    expect(fake.peakInFlight).toBe(1);
  });

  it('hands the rest of a job back when its worker closes, and another worker makes those calls once', async () => {
    const { base, config } = await seed();
    const calls = fake.arrivals.length;
    const first = ctx.startWorker();
    fake.hold();
    const run = await api.post(`${base}/runs`, { promptTags: ['crm'], modelConfigIds: [config.id], samplesPerPair: 2 });
    await waitFor(async () => fake.waiting === 1 || null, 'the first call in flight');
    // The worker closes with a call of a job in flight: it waits for that call only.
    const closing = first.close();
    fake.release();
    await closing;
    const queue = ctx.producers.queue(queryQueueName('openai'));
    const left = await queue.getJobs(['waiting', 'delayed']);
    expect(left.map((j) => (j.data as QueryJob).responseIds.length).sort()).toEqual([1, 2, 2, 2, 2, 2, 2, 2]);
    expect((await api.get(`${base}/runs/${run.id}`)).progress).toMatchObject({ succeeded: 1 });

    const second = ctx.startWorker();
    const done = await finished(base, run.id);
    await second.close();
    expect(done.progress).toMatchObject({ total: 16, succeeded: 16, analyzed: 16 });
    expect(fake.arrivals.length - calls).toBe(16);
  });

  it('is split the same way again by recovery, so a job still queued is not added twice and a lost one comes back', async () => {
    const { base, config } = await seed();
    const queue = ctx.producers.queue(queryQueueName('openai'));
    await queue.pause();
    const worker = ctx.startWorker();
    const calls = fake.arrivals.length;
    let runId = '';
    const heldJobs = async () =>
      (await queue.getJobs(['waiting', 'delayed'])).filter((j) => (j.data as QueryJob).runId === runId);
    const byId = async () =>
      Object.fromEntries((await heldJobs()).map((j) => [j.id, (j.data as QueryJob).responseIds]));
    try {
      runId = (await api.post(`${base}/runs`, { promptTags: ['crm'], modelConfigIds: [config.id], samplesPerPair: 2 }))
        .id;
      await waitFor(async () => ((await heldJobs()).length === 8 ? true : null), 'the run fanned out');
      const queued = await byId();
      // One answer of the third job settles (failed) before any call: what is pending is no longer the
      // run's whole list, and split afresh it would make other jobs.
      const third = Object.values(queued)[2] as string[];
      await storeOutcomes(ctx.db.pool, [
        {
          kind: 'failed',
          responseId: third[0] as string,
          attempts: 1,
          errorCode: 'test',
          error: 'settled by the test',
        },
      ]);
      const recovery = { db: ctx.db, producers: ctx.producers, logger: ctx.logger };
      const first = await recoverStalledRuns(recovery, 1_000, new Date(Date.now() + 60_000));
      expect(first.queries).toBeGreaterThanOrEqual(15);
      expect(await byId()).toEqual(queued);

      // A job lost (Redis forgot it) comes back under its own id, with what is still pending.
      const lost = (await heldJobs())[0];
      const lostId = lost?.id as string;
      await lost?.remove();
      expect(Object.keys(await byId())).not.toContain(lostId);
      await recoverStalledRuns(recovery, 1_000, new Date(Date.now() + 120_000));
      expect(await byId()).toEqual(queued);
      // The sweep claims every stalled run of the database: other files' runs left unfinished too. Their
      // calls would reach this fake, so their jobs go.
      for (const job of await queue.getJobs(['waiting', 'delayed']))
        if ((job.data as QueryJob).runId !== runId) await job.remove();
    } finally {
      await queue.resume();
    }
    const done = await finished(base, runId);
    await worker.close();
    expect(done.progress).toMatchObject({ total: 16, succeeded: 15, failed: 1 });
    expect(fake.arrivals.length - calls).toBe(15);
  });
});
