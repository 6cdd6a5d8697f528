/**
 * A test file's world: its own database clients, its own Redis key prefix (so queues of
 * different files never meet), the API built with buildApp, and helpers to start a real worker.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { inject } from 'vitest';
import { type AppDeps, buildApp } from '../../src/app.js';
import { createDeps, type Deps, type OwnedDeps } from '../../src/deps.js';
import { loadEnv, type Env } from '../../src/config/env.js';
import { createLogger } from '../../src/lib/logger.js';
import { namedSetups } from '../../src/providers/settings.js';
import { startWorker, type RunningWorker } from '../../workers/worker.js';
import { workerDatabaseName } from './global-setup.js';

export interface TestContext extends Deps {
  app: FastifyInstance;
  /** Starts a worker in this process on this file's queues. */
  startWorker(options?: { env?: Partial<Record<string, string>>; fetch?: typeof fetch }): RunningWorker;
  close(): Promise<void>;
}

/**
 * Every provider endpoint variable (OPENAI_BASE_URL, SERPAPI_BASE_URL…) points at a closed loopback
 * port unless the test names its fake server: a test that forgets to cannot reach a real provider.
 */
const CLOSED_PROVIDER_ENDPOINTS = Object.fromEntries(
  namedSetups().flatMap(({ setup }) =>
    Object.keys(setup.env)
      .filter((variable) => variable.endsWith('_BASE_URL'))
      .map((variable) => [variable, 'http://127.0.0.1:9']),
  ),
);

/** This test worker's own copy of the migrated test database (see global-setup.ts). */
export function workerDatabaseUrl(): string {
  const url = new URL(inject('databaseUrl'));
  url.pathname = `/${workerDatabaseName(url.pathname.slice(1), Number(process.env.VITEST_POOL_ID ?? 1))}`;
  return url.toString();
}

export function testEnv(prefix: string, extra: Record<string, string> = {}): Env {
  return loadEnv({
    ...CLOSED_PROVIDER_ENDPOINTS,
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATABASE_URL: workerDatabaseUrl(),
    REDIS_URL: inject('redisUrl'),
    QUEUE_PREFIX: prefix,
    DATABASE_POOL_SIZE: '5',
    PROVIDER_BACKOFF_MS: '20',
    PROVIDER_TIMEOUT_MS: '5000',
    WORKER_SCHEDULER: 'false',
    // Suites send many requests without a valid key on purpose, and poll runs every few milliseconds
    // (a slow machine can make a run last minutes); api-rate-limits.test.ts tests both limits.
    AUTH_FAILURE_LIMIT_PER_MINUTE: '100000',
    API_RATE_LIMIT_PER_MINUTE: '100000',
    // accounts-security.test.ts tests the sign-in attempt limit with a low one.
    SIGN_IN_ATTEMPTS_PER_MINUTE: '100000',
    // Route-wide tests open share links hundreds of times; share-links.test.ts tests the limit with a low one.
    SHARE_LINK_REQUESTS_PER_MINUTE: '100000',
    ...extra,
  });
}

/** What a test may put in place of the app's defaults: the invitation sender. */
export type AppOptions = Pick<AppDeps, 'invitationMail'>;

export async function createTestContext(
  extraEnv: Record<string, string> = {},
  options: AppOptions = {},
): Promise<TestContext> {
  const prefix = `test-${randomUUID().slice(0, 8)}`;
  const env = testEnv(prefix, extraEnv);
  const logger = createLogger({ level: env.LOG_LEVEL });
  const deps = createDeps({ env, logger, role: 'worker', applicationName: 'citewatch-test' });
  const app = await buildApp({ ...deps, ...options });
  await app.ready();
  const workers: RunningWorker[] = [];
  const workerDeps: OwnedDeps[] = [];

  return {
    ...deps,
    app,
    startWorker(options = {}) {
      const wEnv = options.env ? testEnv(prefix, { ...extraEnv, ...(options.env as Record<string, string>) }) : env;
      const own = createDeps({
        env: wEnv,
        logger,
        role: 'worker',
        applicationName: 'citewatch-test-worker',
        poolSize: 5,
      });
      workerDeps.push(own);
      const running = startWorker({ ...own, ...(options.fetch ? { fetch: options.fetch } : {}) });
      workers.push(running);
      return running;
    },
    async close() {
      await Promise.all(workers.map((w) => w.close()));
      await app.close();
      for (const own of workerDeps) await own.close();
      await deps.producers.close();
      await removeKeys(deps.redis, prefix);
      await deps.close();
    },
  };
}

/**
 * Another API process of the same deployment: its own connections, caches and invalidation
 * subscription, on the same database, Redis prefix and settings. Cookies signed by one are
 * accepted by the other only when the context was created with an AUTH_SECRET.
 */
export async function secondApp(ctx: TestContext): Promise<{ app: FastifyInstance; close(): Promise<void> }> {
  const deps = createDeps({
    env: ctx.env,
    logger: ctx.logger,
    role: 'api',
    applicationName: 'citewatch-test-second',
    poolSize: 3,
  });
  const app = await buildApp(deps);
  await app.ready();
  return {
    app,
    async close() {
      await app.close();
      await deps.producers.close();
      await deps.close();
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
export async function waitFor<T>(
  check: () => Promise<T | null | undefined | false>,
  what: string,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
