/**
 * Follow-ups of a finished run are durable: a run records when its follow-ups (report rollups,
 * webhook events) were done, and the recovery sweep hands out the `finished` job of a finished
 * run without that mark again, so losing the job (Redis losing its data, an enqueue failing right
 * after the run finished) loses no rollup and no webhook.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FOLLOWUPS_GRACE_MS, recoverFollowUps } from '../../src/modules/runs/recovery.js';
import { jobIds, queryQueueName, RUNS_QUEUE } from '../../src/queues/names.js';
import { createTenant } from '../factories/index.js';
import { apiClient, seedWorkspace, type ApiClient } from '../helpers/api.js';
import { createTestContext, waitFor, type TestContext } from '../helpers/context.js';
import { Receiver } from '../helpers/webhook-receiver.js';

let ctx: TestContext;
let api: ApiClient;
const receiver = new Receiver();

beforeAll(async () => {
  await receiver.start();
  ctx = await createTestContext({ OPENAI_COMPATIBLE_ALLOW_PRIVATE_HOSTS: 'true' });
  api = apiClient(ctx.app, (await createTenant(ctx.db)).headers);
  await ctx.startWorker().ready;
});
afterAll(async () => {
  await ctx.close();
  await receiver.stop();
});

const marks = async (runId: string) =>
  (
    await ctx.db.pool.query<{ followups_done_at: Date | null; rollups: number; deliveries: number }>(
      `SELECT followups_done_at,
              (SELECT count(*)::int FROM report_rollup_runs WHERE run_id = $1) AS rollups,
              (SELECT count(*)::int FROM webhook_deliveries d WHERE d.payload::text LIKE '%' || $1::text || '%') AS deliveries
         FROM runs WHERE id = $1`,
      [runId],
    )
  ).rows[0]!;

describe("a finished run's follow-ups", () => {
  it('are recorded done once they ran', async () => {
    const { base, configs } = await seedWorkspace(api, { prompts: 2 });
    const run = await api.post(`${base}/runs`, { promptTags: ['crm'], modelConfigIds: [configs[0].id] });
    const row = await waitFor(async () => {
      const m = await marks(run.id);
      return m.followups_done_at ? m : null;
    }, 'the follow-ups');
    expect(row.rollups).toBe(1);
  });

  it('happen even when the finished job is lost', async () => {
    const { base, configs } = await seedWorkspace(api, { prompts: 2 });
    const url = receiver.script(`/lost-${Date.now()}`, [200]);
    await api.send('POST', `${base}/webhooks`, { url, events: ['run.completed'] }, 201);
    const runs = ctx.producers.queue(RUNS_QUEUE);
    const queries = ctx.producers.queue(queryQueueName('mock'));
    // Hold the run's queries until the runs queue is held too: a two-answer run can otherwise
    // finish, and its `finished` job be taken, before the runs queue is paused.
    await queries.pause();
    const run = await api.post(`${base}/runs`, { promptTags: ['crm'], modelConfigIds: [configs[0].id] });
    try {
      await waitFor(async () => (await api.get(`${base}/runs/${run.id}`)).status === 'running', 'the run to start');
      // Hold the runs queue, let the run finish, then lose its `finished` job.
      await runs.pause();
    } finally {
      await queries.resume();
    }
    try {
      await waitFor(async () => (await api.get(`${base}/runs/${run.id}`)).finishedAt, 'the run to finish');
      const job = await waitFor(async () => runs.getJob(jobIds.runFinished(run.id)), 'the finished job');
      await job.remove();
      expect(await marks(run.id)).toMatchObject({ followups_done_at: null, rollups: 0, deliveries: 0 });
    } finally {
      await runs.resume();
    }
    // Recovery notices the finished run without follow-ups and hands its job out again. The
    // worker's sweep waits FOLLOWUPS_GRACE_MS for that; here it is run at once with a shorter wait
    // (the database is shared with other test files, whose runs must be left to their own workers).
    expect(FOLLOWUPS_GRACE_MS).toBeGreaterThanOrEqual(30_000);
    await waitFor(
      async () =>
        (
          await ctx.db.pool.query(`SELECT 1 FROM runs WHERE id = $1 AND finished_at < now() - interval '1 second'`, [
            run.id,
          ])
        ).rowCount,
      'the run to be finished for a second',
    );
    const deps = { db: ctx.db, producers: ctx.producers, logger: ctx.logger };
    expect(await recoverFollowUps(deps, 1_000)).toContain(run.id);
    const done = await waitFor(async () => {
      const m = await marks(run.id);
      return m.followups_done_at ? m : null;
    }, 'the follow-ups to be recovered');
    expect(done).toMatchObject({ rollups: 1, deliveries: 1 });
    await waitFor(async () => receiver.at(new URL(url).pathname).length === 1, 'the webhook');
    // Once done, recovery leaves the run alone.
    expect(await recoverFollowUps(deps, 0)).not.toContain(run.id);
    expect((await marks(run.id)).deliveries).toBe(1);
  });
});
