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
import { queryConcurrency } from '../../src/providers/deployment.js';
import { Producers } from '../../src/queues/producer.js';
import type { Redis } from 'ioredis';

export interface BenchInfra {
  env: Env;
  /** The bench database's name. */
  databaseName: string;
  db: Database;
  redis: Redis;
  producers: Producers;
  /** Benchmarks send no email; anything sent would go to the log. */
  mailer: Mailer;
  close(): Promise<void>;
}

/**
 * `keepDatabase` reuses the bench's database as a previous run left it (its name is stable).
 * `scratch` gives this process a database of its own, named with a random suffix and dropped by
 * close(), so two runs of the same benchmark at once (other work on the machine) never drop each
 * other's database.
 */
export async function benchInfra(
  name: string,
  extraEnv: Record<string, string> = {},
  keepDatabase = false,
  { scratch = false }: { scratch?: boolean } = {},
): Promise<BenchInfra> {
  const base = loadEnv();
  const url = new URL(process.env.BENCH_DATABASE_URL ?? base.DATABASE_URL);
  // BENCH_DATABASE_SUFFIX keeps one checkout's kept database apart from another's on a shared server.
  const kept = `citewatch_bench_${name}${process.env.BENCH_DATABASE_SUFFIX ?? ''}`;
  const dbName = scratch ? `citewatch_bench_${name}_${randomUUID().slice(0, 8)}` : kept;
  url.pathname = `/${dbName}`;
  const admin = new URL(url.toString());
  admin.pathname = '/postgres';
  const adminQuery = async (sql: string) => {
    const c = new pg.Client({ connectionString: admin.toString() });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  if (!keepDatabase) await adminQuery(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
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
    queryConcurrency: (provider) => queryConcurrency(env, provider),
  });
  const mailer = createLogMailer({ from: env.MAIL_FROM }, createLogger({ level: env.LOG_LEVEL, name: 'bench' }));
  return {
    env,
    databaseName: dbName,
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
      if (scratch) await adminQuery(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    },
  };
}

export function fmt(n: number, digits = 0): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}
