/**
 * Shared set-up for benchmarks that need the real services: a fresh, migrated bench database
 * and a Redis key prefix of their own, both removed afterwards.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { createRedis } from '../../src/deps.js';
import { loadEnv, type Env } from '../../src/config/env.js';
import { createDatabase, type Database } from '../../src/db/client.js';
import { migrate } from '../../src/db/migrate.js';
import { createLogger } from '../../src/lib/logger.js';
import { createLogMailer, type Mailer } from '../../src/lib/mailer.js';
import { migrationsDir } from '../../src/lib/paths.js';
import { Producers } from '../../src/queues/producer.js';
import type { Redis } from 'ioredis';

export interface BenchInfra {
  env: Env;
  db: Database;
  redis: Redis;
  producers: Producers;
  /** Benchmarks send no email; anything sent would go to the log. */
  mailer: Mailer;
  close(): Promise<void>;
}

export async function benchInfra(
  name: string,
  extraEnv: Record<string, string> = {},
  keepDatabase = false,
): Promise<BenchInfra> {
  const base = loadEnv();
  const url = new URL(process.env.BENCH_DATABASE_URL ?? base.DATABASE_URL);
  url.pathname = `/citewatch_bench_${name}`;
  const admin = new URL(url.toString());
  admin.pathname = '/postgres';
  const c = new pg.Client({ connectionString: admin.toString() });
  await c.connect();
  if (!keepDatabase) await c.query(`DROP DATABASE IF EXISTS "${url.pathname.slice(1)}" WITH (FORCE)`);
  await c.end();
  await migrate({ databaseUrl: url.toString(), migrationsDir: migrationsDir() });
  const prefix = `bench-${randomUUID().slice(0, 8)}`;
  const env = loadEnv({
    ...process.env,
    DATABASE_URL: url.toString(),
    QUEUE_PREFIX: prefix,
    LOG_LEVEL: 'warn',
    WORKER_SCHEDULER: 'false',
    ...extraEnv,
  });
  const db = createDatabase({
    url: env.DATABASE_URL,
    poolSize: env.DATABASE_POOL_SIZE,
    applicationName: 'citewatch-bench',
  });
  const redis = createRedis(env.REDIS_URL, 'worker');
  const producers = new Producers({
    connection: redis,
    prefix,
    queryAttempts: env.PROVIDER_MAX_ATTEMPTS,
    queryBackoffMs: env.PROVIDER_BACKOFF_MS,
  });
  const mailer = createLogMailer({ from: env.MAIL_FROM }, createLogger({ level: env.LOG_LEVEL, name: 'bench' }));
  return {
    env,
    db,
    redis,
    producers,
    mailer,
    async close() {
      await producers.close();
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
        cursor = next;
        if (keys.length) await redis.del(...keys);
      } while (cursor !== '0');
      redis.disconnect();
      await db.close();
    },
  };
}

export function fmt(n: number, digits = 0): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}
