/**
 * Rate limits hold across API processes (two apps on one Redis and prefix share the count), also
 * for a busy key counted in blocks, and requests that fail authentication are limited per client
 * address, so guessing keys is slowed; bodies over BODY_LIMIT are refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { createRedis } from '../../src/deps.js';
import { BlockCountStore } from '../../src/plugins/rate-limit-store.js';
import { createTenant } from '../factories/index.js';
import { createTestContext, type TestContext } from '../helpers/context.js';

let ctx: TestContext;
let second: FastifyInstance;
let secondRedis: ReturnType<typeof createRedis>;

beforeAll(async () => {
  ctx = await createTestContext({
    API_RATE_LIMIT_PER_MINUTE: '4',
    AUTH_FAILURE_LIMIT_PER_MINUTE: '3',
    BODY_LIMIT: '2048',
  });
  secondRedis = createRedis(ctx.env.REDIS_URL, 'api');
  // A second API process: its own Redis connection, the same deployment (Redis, prefix, database).
  second = await buildApp({
    env: ctx.env,
    db: ctx.db,
    redis: secondRedis,
    producers: ctx.producers,
    mailer: ctx.mailer,
    logger: ctx.logger,
  });
  await second.ready();
});
afterAll(async () => {
  await second.close();
  secondRedis.disconnect();
  await ctx.close();
});

describe('per-key limit across API processes', () => {
  it('counts the requests of both processes together', async () => {
    const tenant = await createTenant(ctx.db);
    const statuses: number[] = [];
    for (const app of [ctx.app, second, ctx.app, second, ctx.app, second]) {
      statuses.push((await app.inject({ url: '/v1/workspaces', headers: tenant.headers })).statusCode);
    }
    // Each process alone saw three requests, under the limit of four: the 429s come from the shared count.
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
  });
});

/** One count from the store, as the plugin asks for it. */
function count(store: BlockCountStore, key: string, windowMs: number, max: number) {
  return new Promise<{ current: number; ttl: number }>((resolve, reject) =>
    store.incr(key, (err, result) => (err || !result ? reject(err) : resolve(result)), windowMs, max),
  );
}

/** Counts the store's trips to Redis (it defines one command on the connection it is given). */
function tripsOf(redis: ReturnType<typeof createRedis>) {
  const target = redis as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  const take = target.citewatchTakeNumbers?.bind(redis);
  if (!take) throw new Error('the store did not define its command');
  const trips = { n: 0 };
  target.citewatchTakeNumbers = (...args) => {
    trips.n++;
    return take(...args);
  };
  return trips;
}

describe('a busy key, counted in blocks', () => {
  it('never serves more than the limit across processes, asks Redis far less than once a request, and refuses at most 1% of the limit early per process', async () => {
    const prefix = `${ctx.env.QUEUE_PREFIX}:blocks:`;
    const stores = [new BlockCountStore(ctx.redis, prefix), new BlockCountStore(secondRedis, prefix)];
    const trips = [tripsOf(ctx.redis), tripsOf(secondRedis)];
    const max = 5_000;
    const served = [0, 0];
    // Both processes answer bursts of 25 concurrent requests, 300 bursts between them: 7,500
    // requests for a limit of 5,000.
    for (let burst = 0; burst < 300; burst++) {
      const p = burst % 2;
      const results = await Promise.all(
        Array.from({ length: 25 }, () => count(stores[p] as BlockCountStore, 'key:busy', 60_000, max)),
      );
      served[p] = (served[p] as number) + results.filter((r) => r.current <= max).length;
    }
    const total = (served[0] as number) + (served[1] as number);
    expect(total).toBeLessThanOrEqual(max);
    expect(total).toBeGreaterThanOrEqual(max - 2 * (max / 100));
    expect(served[0]).toBeGreaterThan(0);
    expect(served[1]).toBeGreaterThan(0);
    expect(trips.reduce((sum, t) => sum + t.n, 0)).toBeLessThan(7_500 / 5);
    // Redis holds at least every request counted.
    expect(Number(await ctx.redis.get(`${prefix}key:busy`))).toBeGreaterThanOrEqual(7_500);
  });

  it('counts each request of one process in turn, so the remaining count falls by one', async () => {
    const store = new BlockCountStore(ctx.redis, `${ctx.env.QUEUE_PREFIX}:turns:`);
    const seen: number[] = [];
    for (let i = 0; i < 300; i++) seen.push((await count(store, 'key:one', 60_000, 100_000)).current);
    expect(seen).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
  });

  it('starts again from one when the window ends, dropping the numbers it held', async () => {
    const prefix = `${ctx.env.QUEUE_PREFIX}:window:`;
    const store = new BlockCountStore(ctx.redis, prefix);
    const windowMs = 400;
    const first = await Promise.all(Array.from({ length: 20 }, () => count(store, 'key:w', windowMs, 100_000)));
    expect(first.map((r) => r.current).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(first.every((r) => r.ttl > 0 && r.ttl <= windowMs)).toBe(true);
    await expect.poll(() => ctx.redis.exists(`${prefix}key:w`), { timeout: 5_000, interval: 20 }).toBe(0);
    await expect.poll(async () => (await count(store, 'key:w', windowMs, 100_000)).current).toBe(1);
  });

  it('reports a Redis failure to every request waiting, so the plugin can skip the limit', async () => {
    const broken = createRedis(ctx.env.REDIS_URL, 'api');
    const store = new BlockCountStore(broken, `${ctx.env.QUEUE_PREFIX}:broken:`);
    broken.disconnect();
    const outcomes = await Promise.allSettled(Array.from({ length: 3 }, () => count(store, 'key:b', 60_000, 1_000)));
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected']);
  });
});

describe('failed authentication per client address', () => {
  it('answers 429 with RateLimit headers once an address has failed too often, in every process', async () => {
    const remoteAddress = '203.0.113.7';
    const bad = { authorization: 'Bearer cw_not_a_real_key_at_all_0000000000' };
    const first = await ctx.app.inject({ url: '/v1/workspaces', headers: bad, remoteAddress });
    expect(first.statusCode).toBe(401);
    expect(first.headers['ratelimit-limit']).toBe('3');
    expect(first.headers['ratelimit-remaining']).toBe('2');
    expect((await second.inject({ url: '/v1/workspaces', remoteAddress })).statusCode).toBe(401);
    expect(
      (await ctx.app.inject({ url: '/v1/workspaces', headers: bad, remoteAddress })).headers['ratelimit-remaining'],
    ).toBe('0');
    const limited = await second.inject({ url: '/v1/workspaces', headers: bad, remoteAddress });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(limited.json()).toMatchObject({ status: 429, code: 'rate_limited' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.headers['ratelimit-remaining']).toBe('0');
    // The address stays refused without its requests reaching the key lookup, even with a valid key.
    const tenant = await createTenant(ctx.db);
    expect((await ctx.app.inject({ url: '/v1/workspaces', headers: tenant.headers, remoteAddress })).statusCode).toBe(
      429,
    );
    // A key this process has just verified needs no lookup, so it is served even there.
    expect((await ctx.app.inject({ url: '/v1/workspaces', headers: tenant.headers })).statusCode).toBe(200);
    expect((await ctx.app.inject({ url: '/v1/workspaces', headers: tenant.headers, remoteAddress })).statusCode).toBe(
      200,
    );
    // Another address is not affected, and valid keys are never counted as failures.
    const other = { remoteAddress: '198.51.100.20' };
    const valid = await createTenant(ctx.db);
    for (let i = 0; i < 3; i++)
      expect((await second.inject({ url: '/v1/workspaces', headers: valid.headers, ...other })).statusCode).toBe(200);
    expect(
      (await ctx.app.inject({ url: '/v1/workspaces', headers: bad, ...other })).headers['ratelimit-remaining'],
    ).toBe('2');
  });
});

describe('behind a proxy (TRUST_PROXY)', () => {
  const bad = { authorization: 'Bearer cw_not_a_real_key_at_all_0000000000' };
  const remaining = (res: { headers: Record<string, unknown> }) => res.headers['ratelimit-remaining'];

  it('counts failures per forwarded client when the request comes from a listed proxy, and ignores the header otherwise', async () => {
    const proxied = await buildApp({
      env: { ...ctx.env, TRUST_PROXY: '10.0.0.0/8' },
      db: ctx.db,
      redis: secondRedis,
      producers: ctx.producers,
      mailer: ctx.mailer,
      logger: ctx.logger,
    });
    try {
      await proxied.ready();
      const viaProxy = (client: string) => ({
        url: '/v1/workspaces',
        headers: { ...bad, 'x-forwarded-for': `192.0.2.200, ${client}` },
        remoteAddress: '10.1.2.3',
      });
      // Two clients behind the proxy: each has its own count (the nearest address not a proxy is the client).
      expect(remaining(await proxied.inject(viaProxy('203.0.113.50')))).toBe('2');
      expect(remaining(await proxied.inject(viaProxy('203.0.113.50')))).toBe('1');
      expect(remaining(await proxied.inject(viaProxy('203.0.113.51')))).toBe('2');
      expect(remaining(await proxied.inject(viaProxy('203.0.113.50')))).toBe('0');
      expect((await proxied.inject(viaProxy('203.0.113.50'))).statusCode).toBe(429);
      expect((await proxied.inject(viaProxy('203.0.113.51'))).statusCode).toBe(401);

      // A client reaching the API directly cannot choose its address with the header.
      const direct = (claimed: string) => ({
        url: '/v1/workspaces',
        headers: { ...bad, 'x-forwarded-for': claimed },
        remoteAddress: '198.51.100.90',
      });
      expect(remaining(await proxied.inject(direct('203.0.113.60')))).toBe('2');
      expect(remaining(await proxied.inject(direct('203.0.113.61')))).toBe('1');
    } finally {
      await proxied.close();
    }
    // Without TRUST_PROXY the header is never read: the connection's address is counted.
    const spoofing = (claimed: string) => ({
      url: '/v1/workspaces',
      headers: { ...bad, 'x-forwarded-for': claimed },
      remoteAddress: '10.9.9.9',
    });
    expect(remaining(await ctx.app.inject(spoofing('203.0.113.70')))).toBe('2');
    expect(remaining(await ctx.app.inject(spoofing('203.0.113.71')))).toBe('1');
  });
});

describe('body size', () => {
  it('refuses a body over BODY_LIMIT with 413 problem+json, and accepts one under it', async () => {
    const tenant = await createTenant(ctx.db);
    const send = (name: string) =>
      ctx.app.inject({
        method: 'POST',
        url: '/v1/workspaces',
        headers: { ...tenant.headers, 'content-type': 'application/json' },
        payload: JSON.stringify({ name }),
      });
    const big = await send('x'.repeat(3_000));
    expect(big.statusCode).toBe(413);
    expect(big.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(big.json()).toMatchObject({ status: 413, code: 'payload_too_large' });
    expect((await send('Small enough')).statusCode).toBe(201);
  });
});
