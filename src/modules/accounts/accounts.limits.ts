/**
 * Sign-in, password-reset and invitation attempts, counted in Redis per email address and per
 * client address over a one-minute window, so guessing is slowed across every API process. Every
 * attempt counts, successful or not, and the answer is the same for known and unknown addresses.
 * If Redis is down the limit is skipped rather than locking everyone out.
 */
import type { FastifyReply } from 'fastify';
import type { Redis } from 'ioredis';
import { AppError } from '../../lib/errors.js';
import { sha256Hex } from './accounts.tokens.js';

const WINDOW_MS = 60_000;

export class AttemptLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly max: number,
  ) {}

  /** Counts an attempt of `action` from `ip` (and for `account`, when known); throws 429 past the limit. */
  async check(reply: FastifyReply, action: string, ip: string, account: string | null): Promise<void> {
    const keys = [`${this.prefix}attempts:${action}:ip:${ip}`];
    // The address is hashed so Redis holds no list of who tried to sign in.
    if (account) keys.push(`${this.prefix}attempts:${action}:account:${sha256Hex(account.trim().toLowerCase())}`);
    const multi = this.redis.multi();
    for (const key of keys) multi.incr(key).pexpire(key, WINDOW_MS, 'NX').pttl(key);
    const result = await multi.exec().catch(() => null);
    if (!result) return;
    for (let i = 0; i < keys.length; i++) {
      const count = Number(result[i * 3]?.[1] ?? 0);
      if (count <= this.max) continue;
      const ttl = Number(result[i * 3 + 2]?.[1] ?? WINDOW_MS);
      const seconds = Math.max(1, Math.ceil((ttl > 0 ? ttl : WINDOW_MS) / 1000));
      reply.header('retry-after', seconds);
      throw new AppError(
        'rate_limited',
        `Too many attempts ${i === 0 ? 'from this address' : 'for this account'}; wait ${seconds} seconds and try again.`,
      );
    }
  }
}
