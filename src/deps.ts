/**
 * Deps: what every entry point (API server, worker, CLI, tests) hands the modules — the validated
 * settings, the Postgres and Redis connections, the job producers, the mailer and the log. Modules ask for the
 * part they use (`Pick<Deps, 'db' | 'logger'>`), never for a copy of this shape of their own.
 * createDeps is the only place connections are opened.
 */
import { Redis, type RedisOptions } from 'ioredis';
import type { Env } from './config/env.js';
import { createDatabase, type Database } from './db/client.js';
import type { Logger } from './lib/logger.js';
import { createMailer, type Mailer, mailerSettings } from './lib/mailer.js';
import { queryConcurrency } from './providers/deployment.js';
import { Producers } from './queues/producer.js';

export interface Deps {
  env: Env;
  db: Database;
  redis: Redis;
  producers: Producers;
  /** Sends email through SMTP_URL, or writes it to the log when SMTP_URL is unset. */
  mailer: Mailer;
  logger: Logger;
}

/** A worker's dependencies. */
export interface WorkerDeps extends Deps {
  /** Replaces fetch inside provider SDKs (tests point them at a fake server). */
  fetch?: typeof fetch;
}

/** Deps whose connections this process opened, and closes. */
export interface OwnedDeps extends Deps {
  close(): Promise<void>;
}

/**
 * Redis for BullMQ. Workers must wait out outages (maxRetriesPerRequest null: commands queue
 * until Redis is back); the API should fail fast instead, so a request gets a clear 503.
 */
export function createRedis(url: string, role: 'api' | 'worker', extra: RedisOptions = {}): Redis {
  const options: RedisOptions =
    role === 'worker'
      ? { maxRetriesPerRequest: null, enableReadyCheck: true, retryStrategy: (n) => Math.min(n * 200, 2_000) }
      : {
          maxRetriesPerRequest: 1,
          enableOfflineQueue: false,
          connectTimeout: 2_000,
          retryStrategy: (n) => Math.min(n * 200, 2_000),
        };
  const redis = new Redis(url, { ...options, ...extra });
  // Connection errors are reported by the operations that need Redis (and by /ready); the
  // client reconnects on its own, so an 'error' event must not crash the process.
  redis.on('error', () => {});
  return redis;
}

export interface DepsOptions {
  env: Env;
  logger: Logger;
  role: 'api' | 'worker';
  /** Shown in Postgres' pg_stat_activity. */
  applicationName: string;
  /** Defaults to DATABASE_POOL_SIZE. */
  poolSize?: number;
  /** Log queue connection errors (operations that need Redis fail on their own either way). */
  logQueueErrors?: boolean;
  /**
   * Log at startup where email goes, with a warning when it goes to the log (the API server).
   * Other processes stay quiet until they send: a log mailer warns before its first message.
   */
  announceMail?: boolean;
}

export function createDeps(options: DepsOptions): OwnedDeps {
  const { env, logger } = options;
  const db = createDatabase({
    url: env.DATABASE_URL,
    poolSize: options.poolSize ?? env.DATABASE_POOL_SIZE,
    applicationName: options.applicationName,
  });
  const redis = createRedis(env.REDIS_URL, options.role);
  const producers = new Producers({
    connection: redis,
    prefix: env.QUEUE_PREFIX,
    queryAttempts: env.PROVIDER_MAX_ATTEMPTS,
    queryBackoffMs: env.PROVIDER_BACKOFF_MS,
    queryConcurrency: (provider) => queryConcurrency(env, provider),
    ...(options.logQueueErrors
      ? { onError: (err: Error) => logger.warn({ err: err.message }, 'queue connection error') }
      : {}),
  });
  const mailer = createMailer(mailerSettings(env), logger, { announce: options.announceMail ?? false });
  return {
    env,
    db,
    redis,
    producers,
    mailer,
    logger,
    async close() {
      await mailer.close();
      await producers.close();
      await db.close();
      redis.disconnect();
    },
  };
}
