/** Workers validate every job against its queue's payload schema before running it. */
import { QueueEvents } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/context.js';
import { ANALYSIS_QUEUE } from '../../src/queues/names.js';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext();
  await ctx.startWorker().ready;
});
afterAll(async () => {
  await ctx.close();
});

describe('a job whose payload does not match its queue', () => {
  it('fails once, without retries, naming each problem', async () => {
    const events = new QueueEvents(ANALYSIS_QUEUE, { connection: ctx.redis.duplicate(), prefix: ctx.env.QUEUE_PREFIX });
    try {
      await events.waitUntilReady();
      const failed = new Promise<{ jobId: string; failedReason: string }>((resolve) => events.on('failed', resolve));
      const queue = ctx.producers.queue(ANALYSIS_QUEUE);
      await queue.add('analyze', { responseIds: ['not-a-uuid'] }, { jobId: 'malformed-analysis', attempts: 5 });
      const event = await failed;
      expect(event.jobId).toBe('malformed-analysis');
      expect(event.failedReason).toMatch(
        /^job malformed-analysis on queue analysis has an invalid payload: responseIds\.0: /,
      );
      const job = await queue.getJob('malformed-analysis');
      expect(job?.attemptsMade).toBe(1);
      expect(await job?.getState()).toBe('failed');
    } finally {
      await events.close();
    }
  });
});
