/**
 * Runs once before the integration tests: checks Postgres and Redis are reachable (with the
 * command to start each if not), recreates the test database and applies every migration, then
 * copies it once per test worker. Files run side by side, and some code under test works across
 * every organization of its database (the scheduler's tick, the digest claims): each worker gets
 * its own copy, so two files running at once never see each other's rows.
 */
import { Redis } from 'ioredis';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrate } from '../../src/db/migrate.js';
import { migrationsDir } from '../../src/lib/paths.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The migrated template; a test file uses its worker's copy, `workerDatabaseUrl()`. */
    databaseUrl: string;
    redisUrl: string;
  }
}

export const TEST_DATABASE_URL =
  process.env.TEST_DATABASE_URL ?? 'postgresql://postgres:citewatch@127.0.0.1:5432/citewatch_test';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

export default async function setup(project: TestProject): Promise<void> {
  const redis = new Redis(TEST_REDIS_URL, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: 3_000,
  });
  redis.on('error', () => {});
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    throw new Error(
      `Redis is not reachable at ${TEST_REDIS_URL} (${(err as Error).message}). Start it (docker compose up -d redis) or set TEST_REDIS_URL.`,
    );
  } finally {
    redis.disconnect();
  }

  const url = new URL(TEST_DATABASE_URL);
  const dbName = url.pathname.slice(1);
  const admin = new URL(TEST_DATABASE_URL);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
  } catch (err) {
    throw new Error(
      `Postgres is not reachable at ${url.host} (${(err as Error).message}). Start it (docker compose up -d postgres) or set TEST_DATABASE_URL.`,
    );
  }
  try {
    await client.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${dbName}"`);
  } finally {
    await client.end();
  }
  await migrate({ databaseUrl: TEST_DATABASE_URL, migrationsDir: migrationsDir() });
  const workers = project.config.maxWorkers || project.globalConfig.maxWorkers || 1;
  const copier = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 3_000 });
  await copier.connect();
  try {
    for (let id = 1; id <= workers; id++) {
      const copy = workerDatabaseName(dbName, id);
      await copier.query(`DROP DATABASE IF EXISTS "${copy}" WITH (FORCE)`);
      await copier.query(`CREATE DATABASE "${copy}" TEMPLATE "${dbName}"`);
    }
  } finally {
    await copier.end();
  }
  project.provide('databaseUrl', TEST_DATABASE_URL);
  project.provide('redisUrl', TEST_REDIS_URL);
}

/** The name of test worker `id`'s copy of the test database (ids run from 1 to maxWorkers). */
export function workerDatabaseName(template: string, id: number): string {
  return `${template}_w${id}`;
}
