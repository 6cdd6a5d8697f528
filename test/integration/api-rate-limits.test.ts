/**
 * Rate limits hold across API processes (two apps on one Redis and prefix share the count), and
 * requests that fail authentication are limited per client address, so guessing keys is slowed;
 * bodies over BODY_LIMIT are refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { createRedis } from '../../src/deps.js';
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
