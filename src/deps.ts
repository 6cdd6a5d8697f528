/**
 * Creates the clients an entry point needs (API server, worker, CLI) from validated settings.
 * Nothing else creates connections; tests build their own and pass them to buildApp / workers.
 */
import { Redis, type RedisOptions } from 'ioredis';
import type { Env } from './config/env.js';
import { createDatabase, type Database } from './db/client.js';
import { Producers } from './queues/producer.js';

/**
 * Redis for BullMQ. Workers must wait out outages (maxRetriesPerRequest null: commands queue
 * until Redis is back); the API should fail fast instead, so a request gets a clear 503.
 */
export function createRedis(url: string, role: 'api' | 'worker', extra: RedisOptions = {}): Redis {
  const options: RedisOptions =
    role === 'worker'
      ? { maxRetriesPerRequest: null, enableReadyCheck: true, retryStrategy: (n) => Math.min(n * 200, 2_000) }
      : { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2_000, retryStrategy: (n) => Math.min(n * 200, 2_000) };
  const redis = new Redis(url, { ...options, ...extra });
  // Connection errors are reported by the operations that need Redis (and by /ready); the
  // client reconnects on its own, so an 'error' event must not crash the process.
  redis.on('error', () => {});
  return redis;
}

export interface Clients {
  db: Database;
  redis: Redis;
  producers: Producers;
  close(): Promise<void>;
}

export function createClients(env: Env, role: 'api' | 'worker', applicationName: string, onQueueError?: (err: Error) => void): Clients {
  const db = createDatabase({ url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE, applicationName });
  const redis = createRedis(env.REDIS_URL, role);
  const producers = new Producers({
    connection: redis,
    prefix: env.QUEUE_PREFIX,
    queryAttempts: env.PROVIDER_MAX_ATTEMPTS,
    queryBackoffMs: env.PROVIDER_BACKOFF_MS,
    ...(onQueueError ? { onError: onQueueError } : {}),
  });
  return {
    db,
    redis,
    producers,
    async close() {
      await producers.close();
      await db.close();
      redis.disconnect();
    },
  };
}
