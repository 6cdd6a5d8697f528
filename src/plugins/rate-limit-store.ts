/**
 * The per-key request count behind @fastify/rate-limit, kept in Redis so the limit holds across
 * API processes, without a Redis round trip for every request.
 *
 * A process takes numbers from the key's counter in Redis in blocks (INCRBY n) and hands them
 * to its requests one by one, as if each had made its own INCR: a request's count is its number,
 * and it is refused once that number is over the limit. Redis therefore always holds at least
 * every request served, so the limit is never exceeded, whatever the number of processes. What a
 * process has taken and not yet handed out counts as used, so a key at its limit may be refused a
 * little early: by at most the numbers each process holds, never more than 1% of the limit per
 * process (docs/operators.md). A block starts at one number and doubles while the previous block
 * lasted under REFILL_MS, so a key making a few requests has each one counted in Redis as it
 * comes, and a busy key asks Redis about every REFILL_MS per process. A small limit (under 200 a
 * minute) is counted request by request.
 */
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Redis } from 'ioredis';

/** A block that lasted less than this is too small: the next one is twice as large. */
const REFILL_MS = 100;
/** A block may hold at most this share of the limit. */
const BLOCK_SHARE = 0.01;
/** Keys followed per process before those of finished windows are forgotten. */
const MAX_KEYS = 10_000;

// The count after taking `n` numbers, and the window's remaining time; a new key starts its window.
const takeNumbers = `
local current = redis.call('INCRBY', KEYS[1], ARGV[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  ttl = tonumber(ARGV[2])
end
return {current, ttl}
`;

type Result = { current: number; ttl: number };
type Callback = (error: Error | null, result?: Result) => void;

interface RedisWithTake extends Redis {
  citewatchTakeNumbers(key: string, n: number, windowMs: number): Promise<[number, number]>;
}

interface KeyCount {
  /** The next number to hand out, and the last one taken from Redis. */
  next: number;
  last: number;
  /** When the window of those numbers ends (ms since the epoch). */
  resetAt: number;
  /** Size of the next block, and when the current one was taken. */
  size: number;
  takenAt: number;
  /** Requests waiting for the block being taken. */
  waiting: Callback[];
  taking: boolean;
}

export class BlockCountStore implements FastifyRateLimitStore {
  private readonly keys = new Map<string, KeyCount>();
  private readonly redis: RedisWithTake;

  constructor(
    redis: Redis,
    private readonly prefix: string,
  ) {
    if (!('citewatchTakeNumbers' in redis))
      redis.defineCommand('citewatchTakeNumbers', { numberOfKeys: 1, lua: takeNumbers });
    this.redis = redis as RedisWithTake;
  }

  incr(key: string, callback: Callback, timeWindow: number, max: number): void {
    const now = Date.now();
    let count = this.keys.get(key);
    if (!count) {
      if (this.keys.size >= MAX_KEYS) this.forgetFinished(now);
      count = { next: 1, last: 0, resetAt: 0, size: 1, takenAt: now, waiting: [], taking: false };
      this.keys.set(key, count);
    }
    if (!count.taking && now < count.resetAt && count.next <= count.last) {
      callback(null, { current: count.next++, ttl: count.resetAt - now });
      return;
    }
    count.waiting.push(callback);
    if (!count.taking) this.take(key, count, timeWindow, max);
  }

  /** A route with its own limit counts apart (the plugin passes its options, with the route). */
  child(options: Parameters<FastifyRateLimitStore['child']>[0]): FastifyRateLimitStore {
    const route = (options as unknown as { routeInfo?: { method?: string; url?: string } }).routeInfo ?? {};
    return new BlockCountStore(this.redis, `${this.prefix}${route.method}${route.url}-`);
  }

  private take(key: string, count: KeyCount, timeWindow: number, max: number): void {
    const now = Date.now();
    const largest = Math.max(1, Math.floor(max * BLOCK_SHARE));
    // Resize from how long the block now used up lasted; a finished window restarts small.
    if (count.resetAt === 0 || now >= count.resetAt) count.size = 1;
    else if (now - count.takenAt < REFILL_MS) count.size = Math.min(largest, count.size * 2);
    else if (now - count.takenAt > 10 * REFILL_MS) count.size = Math.max(1, Math.floor(count.size / 2));
    // Requests already waiting get a number each, even past the share: each would have taken one.
    const size = Math.max(count.waiting.length, Math.min(count.size, largest));
    count.taking = true;
    count.takenAt = now;
    this.redis.citewatchTakeNumbers(this.prefix + key, size, timeWindow).then(
      ([current, ttl]) => {
        count.taking = false;
        count.next = current - size + 1;
        count.last = current;
        // From when the numbers were asked for: never later than Redis's own window ends.
        count.resetAt = now + ttl;
        // Requests that came while Redis answered are served from the block too, and any left
        // over take the next one.
        const waiting = count.waiting;
        count.waiting = [];
        let i = 0;
        for (; i < waiting.length && count.next <= count.last; i++)
          (waiting[i] as Callback)(null, { current: count.next++, ttl });
        if (i < waiting.length) {
          count.waiting = waiting.slice(i);
          this.take(key, count, timeWindow, max);
        }
      },
      (err: Error) => {
        count.taking = false;
        const waiting = count.waiting;
        count.waiting = [];
        for (const callback of waiting) callback(err);
      },
    );
  }

  /** Forgets keys whose window is over, or, if every key is busy, the numbers held for them. */
  private forgetFinished(now: number): void {
    for (const [key, count] of this.keys) if (now >= count.resetAt && !count.taking) this.keys.delete(key);
    if (this.keys.size >= MAX_KEYS) for (const [key, count] of this.keys) if (!count.taking) this.keys.delete(key);
  }
}

/** The store class @fastify/rate-limit constructs itself: counting under `prefix` in `redis`. */
export function keyLimitStore(redis: Redis, prefix: string): FastifyRateLimitStoreCtor {
  return class extends BlockCountStore {
    constructor() {
      super(redis, prefix);
    }
  };
}
