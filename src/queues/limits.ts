/**
 * Provider queue limits, held in Redis so they apply across every worker process: each provider
 * queue's global rate limit (<PROVIDER>_RPM per minute) and global concurrency
 * (<PROVIDER>_CONCURRENCY). Written by every worker when it starts and again on each recovery
 * round, since a Redis restarted without persistence forgets them.
 */
import { createHash } from 'node:crypto';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { providerLimit } from '../providers/deployment.js';
import type { ProviderName } from '../providers/settings.js';
import { queryQueueName } from './names.js';
import type { Producers } from './producer.js';

export async function applyProviderQueueLimits(
  producers: Producers,
  env: Readonly<Record<string, unknown>>,
  providers: readonly ProviderName[],
): Promise<void> {
  for (const provider of providers) {
    const limit = providerLimit(env, provider);
    const queue = producers.queue(queryQueueName(provider));
    await queue.setGlobalConcurrency(limit.concurrency);
    await queue.setGlobalRateLimit(limit.rpm, 60_000);
  }
}

/**
 * The rate-limit allowance of query calls after a job's first, per provider queue. BullMQ counts
 * one call when it hands a job out (a fixed window: a counter under the queue's `limiter` key that
 * expires `duration` after the window's first call); a job of several calls counts each later call
 * in the same counter, so the limit holds per call across every process.
 *
 * Under a large limit a process takes a few calls' allowance at once (allowanceChunk) and hands it
 * out itself until its window ends: a round trip to Redis per call was a twentieth of a worker's
 * time on a zero-latency run. What it has not used when the window ends is dropped, never carried
 * into the next one, so the limit still holds; the window merely ends a little under it.
 */
export class CallAllowances {
  private readonly held = new Map<string, { left: number; until: number }>();
  /** The one request to Redis in flight per queue: callers arriving meanwhile wait for it, not send their own. */
  private readonly refilling = new Map<string, Promise<number>>();

  constructor(private readonly redis: Redis) {}

  /** 0 when one more call may go now, else how many ms are left of the window that is full. */
  async take(queue: Queue, limit: { rpm: number; durationMs?: number }): Promise<number> {
    const key = queue.keys.limiter;
    if (!key) throw new Error(`queue ${queue.name} has no rate-limit key`);
    for (;;) {
      const held = this.held.get(key);
      if (held && held.left > 0 && Date.now() < held.until) {
        held.left -= 1;
        return 0;
      }
      let refill = this.refilling.get(key);
      if (!refill) {
        refill = this.refill(key, limit).finally(() => this.refilling.delete(key));
        this.refilling.set(key, refill);
      }
      const wait = await refill;
      if (wait > 0) return wait;
      // Taken from what the refill brought, or, when other callers took it all first, refilled again.
    }
  }

  private async refill(key: string, limit: { rpm: number; durationMs?: number }): Promise<number> {
    const [granted, ttl] = await this.run(key, limit.rpm, limit.durationMs ?? 60_000, allowanceChunk(limit.rpm));
    if (granted === 0) return Math.max(ttl, 1);
    this.held.set(key, { left: granted, until: Date.now() + ttl });
    return 0;
  }

  private async run(key: string, max: number, durationMs: number, want: number): Promise<[number, number]> {
    const args = [1, key, max, durationMs, want] as const;
    let reply: unknown;
    try {
      reply = await this.redis.evalsha(TAKE_ALLOWANCE_SHA, ...args);
    } catch (err) {
      // Redis restarted, or never ran it: the script is sent whole once, then called by its hash.
      if (!(err instanceof Error && err.message.startsWith('NOSCRIPT'))) throw err;
      reply = await this.redis.eval(TAKE_ALLOWANCE, ...args);
    }
    const [granted, ttl] = reply as [number, number];
    return [Number(granted), Number(ttl)];
  }
}

/** Calls' allowance a process takes at once: one under a limit below 2,000 a minute, at most 50. */
export function allowanceChunk(rpm: number): number {
  return Math.max(1, Math.min(50, Math.floor(rpm / 1_000)));
}

/** Grants up to ARGV[3] calls in the current window (ARGV[1] a window of ARGV[2] ms): {granted, ms left}. */
const TAKE_ALLOWANCE = `
local max = tonumber(ARGV[1])
local count = tonumber(redis.call('GET', KEYS[1]) or '0')
if count >= max then
  local ttl = redis.call('PTTL', KEYS[1])
  if ttl > 0 then return {0, ttl} end
end
local granted = math.min(tonumber(ARGV[3]), math.max(max - count, 1))
if redis.call('INCRBY', KEYS[1], granted) == granted then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return {granted, redis.call('PTTL', KEYS[1])}`;
const TAKE_ALLOWANCE_SHA = createHash('sha1').update(TAKE_ALLOWANCE).digest('hex');
