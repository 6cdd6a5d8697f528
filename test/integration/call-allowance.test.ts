/**
 * CallAllowances: the rate-limit allowance of a query job's later calls, taken from the same
 * counter BullMQ's own limiter keeps for the calls it hands out, on real Redis.
 */
import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createRedis } from '../../src/deps.js';
import { allowanceChunk, CallAllowances } from '../../src/queues/limits.js';
import { waitFor } from '../helpers/context.js';

const redis = createRedis(inject('redisUrl'), 'worker');
const queues: Queue[] = [];

/** A provider queue of its own, and its window's counter as Redis holds it. */
function freshQueue() {
  const queue = new Queue('query-openai', { connection: redis, prefix: `allowance-${randomUUID()}` });
  queues.push(queue);
  const key = queue.keys.limiter as string;
  return { queue, key, count: async () => Number((await redis.get(key)) ?? 0) };
}

afterAll(async () => {
  for (const q of queues) {
    await q.obliterate({ force: true });
    await q.close();
  }
  redis.disconnect();
});

describe('the allowance of a call after a job’s first', () => {
  it('is given rpm times in a window, then says how long the window has left, then is given again', async () => {
    const { queue } = freshQueue();
    const allowances = new CallAllowances(redis);
    const limit = { rpm: 3, durationMs: 400 };
    const taken = [];
    for (let i = 0; i < 3; i++) taken.push(await allowances.take(queue, limit));
    expect(taken).toEqual([0, 0, 0]);
    const wait = await allowances.take(queue, limit);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(400);
    // BullMQ reads the same counter: it hands out no job until the window ends either.
    expect(await queue.getRateLimitTtl(3)).toBeGreaterThan(0);
    await waitFor(async () => ((await allowances.take(queue, limit)) === 0 ? true : null), 'a new window');
  });

  it('is taken a few calls at a time under a large limit, and never beyond the limit', async () => {
    const { queue, key, count } = freshQueue();
    const limit = { rpm: 5_000, durationMs: 60_000 };
    expect(allowanceChunk(limit.rpm)).toBe(5);
    const one = new CallAllowances(redis);
    for (let i = 0; i < 5; i++) expect(await one.take(queue, limit)).toBe(0);
    expect(await count()).toBe(5);
    expect(await one.take(queue, limit)).toBe(0);
    expect(await count()).toBe(10);
    // Another process, near the end of the window's allowance: given what is left, then told to wait.
    await redis.set(key, 4_998, 'KEEPTTL');
    const other = new CallAllowances(redis);
    expect(await other.take(queue, limit)).toBe(0);
    expect(await other.take(queue, limit)).toBe(0);
    expect(await count()).toBe(5_000);
    expect(await other.take(queue, limit)).toBeGreaterThan(0);
  });

  it('is taken once for callers asking at the same time, and none of it is lost', async () => {
    const { queue, count } = freshQueue();
    const allowances = new CallAllowances(redis);
    const limit = { rpm: 5_000, durationMs: 60_000 };
    const waits = await Promise.all(Array.from({ length: 20 }, () => allowances.take(queue, limit)));
    expect(waits).toEqual(Array(20).fill(0));
    // Four takes of five: every call's share counted once, none taken and dropped.
    expect(await count()).toBe(20);
  });

  it('drops what a process holds when its window ends', async () => {
    const { queue, count } = freshQueue();
    const allowances = new CallAllowances(redis);
    const limit = { rpm: 5_000, durationMs: 300 };
    expect(await allowances.take(queue, limit)).toBe(0);
    expect(await count()).toBe(5);
    await waitFor(async () => ((await count()) === 0 ? true : null), 'the window to end');
    // Four calls' allowance of the last window are left, unused: the new window counts afresh.
    expect(await allowances.take(queue, limit)).toBe(0);
    expect(await count()).toBe(5);
  });

  it('still works after Redis forgot its scripts', async () => {
    const { queue } = freshQueue();
    await redis.script('FLUSH');
    expect(await new CallAllowances(redis).take(queue, { rpm: 10, durationMs: 60_000 })).toBe(0);
  });
});
