/**
 * Authentication and authorization for every /v1 route: one model for both doors.
 *
 * A request comes in as one of three principals:
 * - an API key (`Authorization: Bearer <key>` or `x-api-key`), with its scopes and, optionally, the
 *   workspaces it is restricted to;
 * - a person, by the session cookie better-auth set at sign-in. Their role in the organization
 *   gives their scopes (owner and admin: admin; editor: write; viewer: read; client: read, and only
 *   the workspaces shared with them). Cookie-authenticated writes must carry the session's CSRF
 *   token in `x-csrf-token` (GET /v1/me gives it);
 * - the platform operator, with ADMIN_TOKEN: organization management only.
 *
 * Then the same checks run for all: the route's scope (admin includes write, write includes read;
 * GET needs read, other methods write, unless the route asks for more), and the workspace
 * restriction: a restricted principal reaches a workspace's routes only for its workspaces (others
 * answer 404, as another organization's would), and no organization-wide route except those that
 * declare `config: { restrictedOk: true }`.
 *
 * Lookups are cached in-process for a few seconds so authenticated reads stay fast. Revoking a key,
 * ending a session or changing a membership clears the entry in every API process at once, through
 * Redis pub/sub (AuthInvalidation); the cache's short life bounds staleness if a message is lost.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import type pg from 'pg';
import type { MemberRole } from '../generated/prisma/client.js';
import { AppError } from '../lib/errors.js';
import {
  extendSession,
  findSessionByTokenHash,
  findWorkspaceOrganization,
  type MembershipGrant,
  type SessionRow,
} from '../modules/accounts/accounts.repo.js';
import { csrfTokenFor, sameToken, sha256Hex, unsignSessionCookie } from '../modules/accounts/accounts.tokens.js';
import { API_KEY_PATTERN, hashApiKey } from '../modules/api-keys/api-keys.keys.js';
import { type ApiKeyCredential, findApiKeyCredential, recordApiKeyUse } from '../modules/api-keys/api-keys.repo.js';
import type { PrismaClient } from '../db/client.js';

export type Scope = 'read' | 'write' | 'admin';

export type Principal =
  | { type: 'api_key'; id: string; label: string }
  | { type: 'user'; id: string; label: string; sessionId: string }
  | { type: 'platform'; id: null; label: 'platform' };

export interface AuthContext {
  principal: Principal;
  /** The API key's id; null for people and the platform operator. */
  keyId: string | null;
  /** Null for the platform operator. */
  organizationId: string | null;
  scopes: Scope[];
  platform: boolean;
  /** A person's role in the organization; null for keys. */
  role: MemberRole | null;
  /** The workspaces this principal may open; null: all of the organization's. */
  workspaceIds: string[] | null;
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
    /** Principals restricted to some workspaces may call this organization-wide route. */
    restrictedOk?: boolean;
    /** The route serves a signed-in person whatever their organization (GET /v1/me). */
    personal?: boolean;
  }
}

const RANK: Record<Scope, number> = { read: 1, write: 2, admin: 3 };
const ROLE_SCOPE: Record<MemberRole, Scope> = {
  owner: 'admin',
  admin: 'admin',
  editor: 'write',
  viewer: 'read',
  client: 'read',
};
export const SESSION_COOKIE_NAMES = ['__Secure-citewatch.session_token', 'citewatch.session_token'];
const AUTH_CACHE_MS = 5_000;
const LAST_USED_EVERY_MS = 60_000;
const SESSION_TOUCH_EVERY_MS = 60_000;

interface CachedKey {
  key: ApiKeyCredential;
  cachedAt: number;
}

export interface CachedSession {
  session: SessionRow;
  memberships: MembershipGrant[];
  cachedAt: number;
}

export interface SessionPolicy {
  secret: string;
  idleMs: number;
  maxMs: number;
}

/** An invalidation, as published to every API process. */
type Invalidation =
  | { key: string }
  | { user: string }
  | { organization: string }
  | { session: string }
  | { allSessions: true };

/**
 * The in-process cache of credentials (keys and sessions) and of which organization a workspace
 * belongs to, with cross-process invalidation through Redis pub/sub.
 */
export class CredentialCache {
  private readonly keys = new Map<string, CachedKey>();
  private readonly sessions = new Map<string, CachedSession>();
  private readonly workspaceOrgs = new Map<string, string>();
  private readonly lastUsedWrites = new Map<string, number>();
  private readonly sessionTouches = new Map<string, number>();
  private publisher: { redis: Redis; channel: string } | null = null;

  constructor(
    private readonly db: { pool: pg.Pool; prisma: PrismaClient },
    readonly policy: SessionPolicy,
  ) {}

  /**
   * Publishes this process's invalidations and applies the others'. `subscriber` is a connection
   * of its own (a subscribed Redis connection can do nothing else).
   */
  async connect(redis: Redis, subscriber: Redis, channel: string): Promise<void> {
    this.publisher = { redis, channel };
    subscriber.on('message', (ch: string, message: string) => {
      if (ch !== channel) return;
      try {
        this.apply(JSON.parse(message) as Invalidation);
      } catch {
        // A malformed message changes nothing.
      }
    });
    await subscriber.subscribe(channel);
  }

  async lookupKey(secretHash: string): Promise<ApiKeyCredential | null> {
    const now = Date.now();
    const hit = this.keys.get(secretHash);
    if (hit && now - hit.cachedAt < AUTH_CACHE_MS) return hit.key;
    const key = await findApiKeyCredential(this.db.pool, secretHash);
    if (!key) {
      this.keys.delete(secretHash);
      return null;
    }
    if (this.keys.size > 10_000) this.keys.clear();
    this.keys.set(secretHash, { key, cachedAt: now });
    return key;
  }

  /** Whether this process verified the key moments ago and it is still usable: no lookup needed. */
  holdsValid(secretHash: string): boolean {
    const hit = this.keys.get(secretHash);
    return (
      hit !== undefined &&
      Date.now() - hit.cachedAt < AUTH_CACHE_MS &&
      hit.key.revokedAt === null &&
      (!hit.key.expiresAt || hit.key.expiresAt.getTime() > Date.now())
    );
  }

  /** The live session a cookie value carries, or null (bad signature, unknown, expired). */
  async lookupSession(cookieValue: string): Promise<CachedSession | null> {
    const now = Date.now();
    const hit = this.sessions.get(cookieValue);
    if (hit && now - hit.cachedAt < AUTH_CACHE_MS && this.live(hit.session, now)) return hit;
    const token = unsignSessionCookie(cookieValue, this.policy.secret);
    if (!token) return null;
    const found = await findSessionByTokenHash(this.db.pool, sha256Hex(token));
    if (!found || !this.live(found.session, now)) {
      this.sessions.delete(cookieValue);
      return null;
    }
    const entry = { ...found, cachedAt: now };
    if (this.sessions.size > 10_000) this.sessions.clear();
    this.sessions.set(cookieValue, entry);
    return entry;
  }

  private live(session: SessionRow, now: number): boolean {
    return session.expiresAt.getTime() > now && session.createdAt.getTime() + this.policy.maxMs > now;
  }

  async workspaceOrganization(workspaceId: string): Promise<string | null> {
    const hit = this.workspaceOrgs.get(workspaceId);
    if (hit) return hit;
    const org = await findWorkspaceOrganization(this.db.pool, workspaceId);
    if (org) {
      if (this.workspaceOrgs.size > 50_000) this.workspaceOrgs.clear();
      this.workspaceOrgs.set(workspaceId, org);
    }
    return org;
  }

  /** Records key use at most once a minute per key per process; a failed write never fails a request. */
  touchKey(keyId: string): void {
    const now = Date.now();
    if (now - (this.lastUsedWrites.get(keyId) ?? 0) < LAST_USED_EVERY_MS) return;
    this.lastUsedWrites.set(keyId, now);
    recordApiKeyUse(this.db.prisma, keyId, new Date(now)).catch(() => {});
  }

  /** Keeps a used session alive (idle timeout), never past its absolute end; at most once a minute. */
  touchSession(session: SessionRow): void {
    const now = Date.now();
    if (now - (this.sessionTouches.get(session.id) ?? 0) < SESSION_TOUCH_EVERY_MS) return;
    if (this.sessionTouches.size > 10_000) this.sessionTouches.clear();
    this.sessionTouches.set(session.id, now);
    const until = new Date(Math.min(now + this.policy.idleMs, session.createdAt.getTime() + this.policy.maxMs));
    session.expiresAt = until;
    extendSession(this.db.pool, session.id, until).catch(() => {});
  }

  forgetKey(keyId: string): void {
    this.invalidate({ key: keyId });
  }
  forgetUser(userId: string): void {
    this.invalidate({ user: userId });
  }
  forgetOrganization(organizationId: string): void {
    this.invalidate({ organization: organizationId });
  }
  forgetSession(sessionId: string): void {
    this.invalidate({ session: sessionId });
  }

  /** After a password reset (the account is known only by its token): every cached session is looked up again. */
  forgetAllSessions(): void {
    this.invalidate({ allSessions: true });
  }

  private invalidate(message: Invalidation): void {
    this.apply(message);
    const pub = this.publisher;
    if (pub) pub.redis.publish(pub.channel, JSON.stringify(message)).catch(() => {});
  }

  private apply(m: Invalidation): void {
    if ('key' in m) for (const [h, e] of this.keys) if (e.key.id === m.key) this.keys.delete(h);
    if ('organization' in m) {
      for (const [h, e] of this.keys) if (e.key.organizationId === m.organization) this.keys.delete(h);
      for (const [c, e] of this.sessions)
        if (e.memberships.some((g) => g.organizationId === m.organization)) this.sessions.delete(c);
    }
    if ('user' in m) for (const [c, e] of this.sessions) if (e.session.userId === m.user) this.sessions.delete(c);
    if ('allSessions' in m) this.sessions.clear();
    if ('session' in m) for (const [c, e] of this.sessions) if (e.session.id === m.session) this.sessions.delete(c);
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

/** The session cookie's value, if the request carries one. */
export function sessionCookieOf(request: FastifyRequest): string | null {
  const header = request.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    if (SESSION_COOKIE_NAMES.includes(name)) return part.slice(eq + 1).trim() || null;
  }
  return null;
}

export function hasScope(ctx: Pick<AuthContext, 'scopes'>, needed: Scope): boolean {
  return ctx.scopes.some((s) => RANK[s] >= RANK[needed]);
}

function sameSecret(given: string, expected: string): boolean {
  // Hashing first gives equal lengths, so the comparison time says nothing about the token.
  return timingSafeEqual(createHash('sha256').update(given).digest(), createHash('sha256').update(expected).digest());
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

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
  opts: { cache: CredentialCache; adminToken?: string | undefined; failureLimit?: AuthFailureLimit },
): Promise<void> {
  app.decorateRequest('auth', null);
  const failures = opts.failureLimit ? new AuthFailures(opts.failureLimit) : null;
  const { cache } = opts;
  app.addHook('onRequest', async (request, reply) => {
    if (!request.routeOptions.url) return;
    if (!failures) return authenticate(request);
    // The failure limit guards the key lookup. A key this process verified moments ago needs no
    // lookup and tells a guesser nothing, so authenticated reads skip the Redis round trip.
    const key = extractKey(request);
    if (key && API_KEY_PATTERN.test(key) && cache.holdsValid(hashApiKey(key))) return authenticate(request);
    if (!key && sessionCookieOf(request)) return authenticate(request);
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
      const cookie = sessionCookieOf(request);
      if (cookie) return authenticateSession(request, cookie);
      throw new AppError(
        'unauthorized',
        'Sign in, or send your API key as "Authorization: Bearer <key>". Create one with `citewatch keys create`.',
      );
    }
    if (opts.adminToken && !key.startsWith('cw_') && sameSecret(key, opts.adminToken)) {
      if (!config?.platform && !config?.platformOnly) {
        throw new AppError(
          'forbidden',
          'The platform token manages organizations only; use an organization API key for its data.',
        );
      }
      request.auth = {
        principal: { type: 'platform', id: null, label: 'platform' },
        keyId: null,
        organizationId: null,
        scopes: ['admin'],
        platform: true,
        role: null,
        workspaceIds: null,
      };
      return;
    }
    const found = API_KEY_PATTERN.test(key) ? await cache.lookupKey(hashApiKey(key)) : null;
    if (!found) throw new AppError('unauthorized', 'The API key is not valid.');
    if (found.revokedAt) throw new AppError('unauthorized', 'The API key has been revoked.');
    if (found.expiresAt && found.expiresAt.getTime() <= Date.now())
      throw new AppError('unauthorized', 'The API key has expired.');
    const ctx: AuthContext = {
      principal: { type: 'api_key', id: found.id, label: found.prefix },
      keyId: found.id,
      organizationId: found.organizationId,
      scopes: found.scopes,
      platform: false,
      role: null,
      workspaceIds: found.workspaceIds,
    };
    authorize(request, ctx, 'This API key');
    request.auth = ctx;
    cache.touchKey(found.id);
  }

  async function authenticateSession(request: FastifyRequest, cookie: string): Promise<void> {
    const config = request.routeOptions.config;
    const entry = await cache.lookupSession(cookie);
    if (!entry) throw new AppError('unauthorized', 'Your session has ended or is not valid; sign in again.');
    const { session } = entry;
    if (!SAFE_METHODS.has(request.method)) {
      const given = request.headers['x-csrf-token'];
      if (typeof given !== 'string' || !sameToken(given, csrfTokenFor(session.id, cache.policy.secret))) {
        throw new AppError(
          'csrf_failed',
          'A signed-in write must send the x-csrf-token header given by GET /v1/me; this request did not.',
        );
      }
    }
    cache.touchSession(session);
    const principal: Principal = { type: 'user', id: session.userId, label: session.email, sessionId: session.id };
    if (config?.platformOnly) throw new AppError('forbidden', 'Only the platform operator (ADMIN_TOKEN) may do this.');
    const organizationId = await organizationOf(request, entry.memberships);
    const grant = entry.memberships.find((m) => m.organizationId === organizationId);
    if (!grant) {
      if (config?.personal) {
        request.auth = {
          principal,
          keyId: null,
          organizationId: null,
          scopes: [],
          platform: false,
          role: null,
          workspaceIds: [],
        };
        return;
      }
      if (workspaceParam(request)) throw AppError.notFound('Workspace');
      throw new AppError('forbidden', 'You are not a member of this organization.');
    }
    const ctx: AuthContext = {
      principal,
      keyId: null,
      organizationId: grant.organizationId,
      scopes: [ROLE_SCOPE[grant.role]],
      platform: false,
      role: grant.role,
      workspaceIds: grant.role === 'client' ? grant.workspaceIds : null,
    };
    if (!config?.personal) authorize(request, ctx, `Your role (${grant.role})`);
    request.auth = ctx;
  }

  /**
   * Which organization a person acts in: the one owning the workspace in the path; else the
   * `x-organization-id` header; else their only organization.
   */
  async function organizationOf(request: FastifyRequest, memberships: MembershipGrant[]): Promise<string | null> {
    const workspaceId = workspaceParam(request);
    if (workspaceId) return cache.workspaceOrganization(workspaceId);
    const header = request.headers['x-organization-id'];
    if (typeof header === 'string' && header) return header;
    if (memberships.length === 1) return (memberships[0] as MembershipGrant).organizationId;
    if (request.routeOptions.config?.personal) return null;
    if (memberships.length === 0)
      throw new AppError(
        'forbidden',
        'You are not a member of any organization (any more): ask an owner or admin of yours for an invitation.',
      );
    throw new AppError(
      'organization_required',
      'You belong to several organizations: name one in the x-organization-id header (GET /v1/me lists them).',
    );
  }

  /** The route's scope and the workspace restriction, the same for keys and people. */
  function authorize(request: FastifyRequest, ctx: AuthContext, who: string): void {
    const config = request.routeOptions.config;
    if (config?.platformOnly) throw new AppError('forbidden', 'Only the platform operator (ADMIN_TOKEN) may do this.');
    const needed: Scope = config?.scope ?? (SAFE_METHODS.has(request.method) ? 'read' : 'write');
    if (!hasScope(ctx, needed)) {
      throw new AppError(
        'forbidden',
        ctx.role
          ? `${who} does not allow this: it needs the "${needed}" permission (owner and admin: admin; editor: write; viewer and client: read).`
          : `${who} lacks the "${needed}" scope needed here (it has: ${ctx.scopes.join(', ') || 'none'}).`,
      );
    }
    if (ctx.workspaceIds) {
      const workspaceId = workspaceParam(request);
      if (workspaceId) {
        if (!ctx.workspaceIds.includes(workspaceId)) throw AppError.notFound('Workspace');
      } else if (!config?.restrictedOk) {
        throw new AppError(
          'forbidden',
          `${who} is limited to chosen workspaces and cannot use organization-wide routes such as this one.`,
        );
      }
    }
  }
}

function workspaceParam(request: FastifyRequest): string | null {
  const id = (request.params as Record<string, unknown> | undefined)?.workspaceId;
  return typeof id === 'string' ? id : null;
}

/** The authenticated organization; routes behind auth can rely on it. */
export function orgOf(request: FastifyRequest): string {
  if (!request.auth?.organizationId) throw new AppError('unauthorized', 'Authentication required.');
  return request.auth.organizationId;
}
