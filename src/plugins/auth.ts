/**
 * API key authentication. Every /v1 route needs a key.
 * Keys are sent as `Authorization: Bearer <key>` (or `x-api-key: <key>`). Scopes are ordered:
 * admin includes write, write includes read. GET routes need read, other methods write, unless
 * the route asks for more with `config: { scope: 'admin' }`.
 *
 * Lookups are cached in-process for a few seconds so authenticated reads stay fast; revoking
 * a key clears this process's cache at once and others within AUTH_CACHE_MS.
 *
 * The platform operator authenticates with ADMIN_TOKEN instead: it manages organizations
 * (routes with `config: { platform: true }`) and nothing inside them.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import type { PrismaClient } from '../db/client.js';
import { AppError } from '../lib/errors.js';
import { API_KEY_PATTERN, hashApiKey } from '../modules/api-keys/api-keys.keys.js';
import { findApiKeyBySecretHash, recordApiKeyUse } from '../modules/api-keys/api-keys.repo.js';

export type Scope = 'read' | 'write' | 'admin';

export interface AuthContext {
  keyId: string;
  /** Null for the platform operator. */
  organizationId: string | null;
  scopes: Scope[];
  platform: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext | null;
  }
  interface FastifyContextConfig {
    /** Scope this route needs; defaults to read for GET/HEAD and write otherwise. */
    scope?: Scope;
    /** The platform operator may call this route (organization management). */
    platform?: boolean;
    /** Only the platform operator may call this route. */
    platformOnly?: boolean;
  }
}

const RANK: Record<Scope, number> = { read: 1, write: 2, admin: 3 };
const AUTH_CACHE_MS = 5_000;
const LAST_USED_EVERY_MS = 60_000;

interface CachedKey {
  ctx: AuthContext;
  expiresAt: Date | null;
  revoked: boolean;
  cachedAt: number;
}

export class ApiKeyCache {
  private readonly entries = new Map<string, CachedKey>();
  private readonly lastUsedWrites = new Map<string, number>();

  constructor(private readonly prisma: PrismaClient) {}

  async lookup(secretHash: string): Promise<CachedKey | null> {
    const now = Date.now();
    const hit = this.entries.get(secretHash);
    if (hit && now - hit.cachedAt < AUTH_CACHE_MS) return hit;
    const row = await findApiKeyBySecretHash(this.prisma, secretHash);
    if (!row) {
      this.entries.delete(secretHash);
      return null;
    }
    const entry: CachedKey = {
      ctx: { keyId: row.id, organizationId: row.organizationId, scopes: row.scopes, platform: false },
      expiresAt: row.expiresAt,
      revoked: row.revokedAt !== null,
      cachedAt: now,
    };
    if (this.entries.size > 10_000) this.entries.clear();
    this.entries.set(secretHash, entry);
    return entry;
  }

  /** Whether this process verified the key moments ago and it is still usable: no lookup needed. */
  holdsValid(secretHash: string): boolean {
    const hit = this.entries.get(secretHash);
    return (
      hit !== undefined &&
      Date.now() - hit.cachedAt < AUTH_CACHE_MS &&
      !hit.revoked &&
      (!hit.expiresAt || hit.expiresAt.getTime() > Date.now())
    );
  }

  /** Records use at most once a minute per key per process; a failed write never fails a request. */
  touch(keyId: string): void {
    const now = Date.now();
    if (now - (this.lastUsedWrites.get(keyId) ?? 0) < LAST_USED_EVERY_MS) return;
    this.lastUsedWrites.set(keyId, now);
    recordApiKeyUse(this.prisma, keyId, new Date(now)).catch(() => {});
  }

  forgetKey(keyId: string): void {
    for (const [hash, entry] of this.entries) if (entry.ctx.keyId === keyId) this.entries.delete(hash);
  }

  forgetOrganization(organizationId: string): void {
    for (const [hash, entry] of this.entries)
      if (entry.ctx.organizationId === organizationId) this.entries.delete(hash);
  }
}

function extractKey(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    return match ? (match[1] as string) : null;
  }
  const x = request.headers['x-api-key'];
  return typeof x === 'string' ? x : null;
}

export function hasScope(ctx: AuthContext, needed: Scope): boolean {
  return ctx.scopes.some((s) => RANK[s] >= RANK[needed]);
}

function sameSecret(given: string, expected: string): boolean {
  // Hashing first gives equal lengths, so the comparison time says nothing about the token.
  return timingSafeEqual(createHash('sha256').update(given).digest(), createHash('sha256').update(expected).digest());
}

/**
 * Failed authentications per client IP, counted in Redis like the per-key limit, so guessing keys
 * is slowed down across every API process. Requests with a valid key are never counted; an
 * address over the limit is refused before any key lookup, except for keys already verified.
 */
export interface AuthFailureLimit {
  redis: Redis;
  /** Redis key prefix, shared by every API process of a deployment. */
  prefix: string;
  max: number;
  windowMs: number;
}

class AuthFailures {
  constructor(private readonly limit: AuthFailureLimit) {}

  private key(request: FastifyRequest) {
    return `${this.limit.prefix}authfail:${request.ip}`;
  }

  /** Refuses an IP that used up its failures; if Redis is down the limit is skipped. */
  async check(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    // One round trip on the hot path; the reset time is read only for an address being refused.
    const count = Number((await this.limit.redis.get(this.key(request)).catch(() => null)) ?? 0);
    if (count < this.limit.max) return;
    this.refuse(reply, count, await this.limit.redis.pttl(this.key(request)).catch(() => -1));
  }

  async record(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const key = this.key(request);
    const result = await this.limit.redis
      .multi()
      .incr(key)
      .pexpire(key, this.limit.windowMs, 'NX')
      .pttl(key)
      .exec()
      .catch(() => null);
    if (!result) return;
    const count = Number(result[0]?.[1] ?? 0);
    const ttl = Number(result[2]?.[1] ?? this.limit.windowMs);
    this.headers(reply, count, ttl);
    if (count > this.limit.max) this.refuse(reply, count, ttl);
  }

  private headers(reply: FastifyReply, count: number, ttlMs: number) {
    reply.header('ratelimit-limit', this.limit.max);
    reply.header('ratelimit-remaining', Math.max(0, this.limit.max - count));
    reply.header('ratelimit-reset', Math.max(1, Math.ceil(ttlMs / 1000)));
  }

  private refuse(reply: FastifyReply, count: number, ttlMs: number): never {
    const seconds = Math.max(1, Math.ceil((ttlMs > 0 ? ttlMs : this.limit.windowMs) / 1000));
    this.headers(reply, count, ttlMs > 0 ? ttlMs : this.limit.windowMs);
    reply.header('retry-after', seconds);
    throw new AppError(
      'rate_limited',
      `Too many requests with a missing or invalid API key from this address; retry in ${seconds} seconds with a valid key.`,
    );
  }
}

export async function authPlugin(
  app: FastifyInstance,
  opts: { cache: ApiKeyCache; adminToken?: string | undefined; failureLimit?: AuthFailureLimit },
): Promise<void> {
  app.decorateRequest('auth', null);
  const failures = opts.failureLimit ? new AuthFailures(opts.failureLimit) : null;
  app.addHook('onRequest', async (request, reply) => {
    if (!request.routeOptions.url) return;
    if (!failures) return authenticate(request);
    // The failure limit guards the key lookup. A key this process verified moments ago needs no
    // lookup and tells a guesser nothing, so authenticated reads skip the Redis round trip.
    const key = extractKey(request);
    if (key && API_KEY_PATTERN.test(key) && opts.cache.holdsValid(hashApiKey(key))) return authenticate(request);
    await failures.check(request, reply);
    try {
      await authenticate(request);
    } catch (err) {
      if (err instanceof AppError && err.code === 'unauthorized') await failures.record(request, reply);
      throw err;
    }
  });

  async function authenticate(request: FastifyRequest): Promise<void> {
    const config = request.routeOptions.config;
    const key = extractKey(request);
    if (!key) {
      throw new AppError(
        'unauthorized',
        'Send your API key as "Authorization: Bearer <key>". Create one with `citewatch keys create`.',
      );
    }
    if (opts.adminToken && !key.startsWith('cw_') && sameSecret(key, opts.adminToken)) {
      if (!config?.platform && !config?.platformOnly) {
        throw new AppError(
          'forbidden',
          'The platform token manages organizations only; use an organization API key for its data.',
        );
      }
      request.auth = { keyId: 'platform', organizationId: null, scopes: ['admin'], platform: true };
      return;
    }
    const entry = API_KEY_PATTERN.test(key) ? await opts.cache.lookup(hashApiKey(key)) : null;
    if (!entry) throw new AppError('unauthorized', 'The API key is not valid.');
    if (entry.revoked) throw new AppError('unauthorized', 'The API key has been revoked.');
    if (entry.expiresAt && entry.expiresAt.getTime() <= Date.now())
      throw new AppError('unauthorized', 'The API key has expired.');
    if (config?.platformOnly) throw new AppError('forbidden', 'Only the platform operator (ADMIN_TOKEN) may do this.');
    const needed: Scope = config?.scope ?? (request.method === 'GET' || request.method === 'HEAD' ? 'read' : 'write');
    if (!hasScope(entry.ctx, needed)) {
      throw new AppError(
        'forbidden',
        `This API key lacks the "${needed}" scope needed here (it has: ${entry.ctx.scopes.join(', ') || 'none'}).`,
      );
    }
    request.auth = entry.ctx;
    opts.cache.touch(entry.ctx.keyId);
  }
}

/** The authenticated organization; routes behind auth can rely on it. */
export function orgOf(request: FastifyRequest): string {
  if (!request.auth?.organizationId) throw new AppError('unauthorized', 'Authentication required.');
  return request.auth.organizationId;
}
