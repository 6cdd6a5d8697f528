/**
 * A test file's world: its own database clients, its own Redis key prefix (so queues of
 * different files never meet), the API built with buildApp, and helpers to start a real worker.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { inject } from 'vitest';
import { buildApp } from '../../src/app.js';
import { createRedis } from '../../src/clients.js';
import { loadEnv, type Env } from '../../src/config/env.js';
import { createDatabase, type Database } from '../../src/db/client.js';
import { createLogger, type Logger } from '../../src/lib/logger.js';
import { Producers } from '../../src/queues/producer.js';
import { startWorker, type RunningWorker } from '../../workers/worker.js';
import type { Redis } from 'ioredis';

export interface TestContext {
  env: Env;
  db: Database;
  redis: Redis;
  producers: Producers;
  logger: Logger;
  app: FastifyInstance;
  /** Starts a worker in this process on this file's queues. */
  startWorker(options?: { env?: Partial<Record<string, string>>; fetch?: typeof fetch }): RunningWorker;
  close(): Promise<void>;
}

export function testEnv(prefix: string, extra: Record<string, string> = {}): Env {
  return loadEnv({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATABASE_URL: inject('databaseUrl'),
    REDIS_URL: inject('redisUrl'),
    QUEUE_PREFIX: prefix,
    DATABASE_POOL_SIZE: '5',
    PROVIDER_BACKOFF_MS: '20',
    PROVIDER_TIMEOUT_MS: '5000',
    WORKER_SCHEDULER: 'false',
    // Suites send many requests without a valid key on purpose; api-rate-limits.test.ts tests the limit.
    AUTH_FAILURE_LIMIT_PER_MINUTE: '100000',
    ...extra,
  });
}

export async function createTestContext(extraEnv: Record<string, string> = {}): Promise<TestContext> {
  const prefix = `test-${randomUUID().slice(0, 8)}`;
  const env = testEnv(prefix, extraEnv);
  const logger = createLogger({ level: env.LOG_LEVEL });
  const db = createDatabase({ url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE, applicationName: 'citewatch-test' });
  const redis = createRedis(env.REDIS_URL, 'worker');
  const producers = new Producers({ connection: redis, prefix, queryAttempts: env.PROVIDER_MAX_ATTEMPTS, queryBackoffMs: env.PROVIDER_BACKOFF_MS });
  const app = await buildApp({ env, db, redis, producers, logger });
  await app.ready();
  const workers: RunningWorker[] = [];
  const workerClients: Array<{ redis: Redis; producers: Producers; db: Database }> = [];

  return {
    env,
    db,
    redis,
    producers,
    logger,
    app,
    startWorker(options = {}) {
      const wEnv = options.env ? testEnv(prefix, { ...extraEnv, ...(options.env as Record<string, string>) }) : env;
      const wRedis = createRedis(wEnv.REDIS_URL, 'worker');
      const wProducers = new Producers({ connection: wRedis, prefix, queryAttempts: wEnv.PROVIDER_MAX_ATTEMPTS, queryBackoffMs: wEnv.PROVIDER_BACKOFF_MS });
      const wDb = createDatabase({ url: wEnv.DATABASE_URL, poolSize: 5, applicationName: 'citewatch-test-worker' });
      workerClients.push({ redis: wRedis, producers: wProducers, db: wDb });
      const running = startWorker({ env: wEnv, db: wDb, redis: wRedis, producers: wProducers, logger, ...(options.fetch ? { fetch: options.fetch } : {}) });
      workers.push(running);
      return running;
    },
    async close() {
      await Promise.all(workers.map((w) => w.close()));
      await app.close();
      for (const c of workerClients) {
        await c.producers.close();
        await c.db.close();
        c.redis.disconnect();
      }
      await producers.close();
      await removeKeys(redis, prefix);
      redis.disconnect();
      await db.close();
    },
  };
}

/** Deletes this test file's Redis keys so runs of the suite leave nothing behind. */
export async function removeKeys(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) await redis.del(...keys);
  } while (cursor !== '0');
}

/** Polls until `check` returns a value, or fails after `timeoutMs`. Waits on state, never on time alone. */
export async function waitFor<T>(check: () => Promise<T | null | undefined | false>, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
