/** What a signed-in person (or a key) learns about itself, and a person's sessions. */
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../lib/errors.js';
import { sessionCookieOf, type CredentialCache } from '../../plugins/auth.js';
import { csrfTokenFor, sameToken } from './accounts.tokens.js';
import { deleteSession, deleteSessionsOfUser, findOrganizationNames, listSessionsOfUser } from './accounts.repo.js';
import type { Redis } from 'ioredis';
import type pg from 'pg';
import type { MeDto, SessionDto } from './accounts.schemas.js';
import type { Auth } from './accounts.auth.js';

export interface AccountsDeps {
  auth: Auth;
  pool: pg.Pool;
  redis: Redis;
  credentials: CredentialCache;
  /** Redis key prefix of the attempt counters. */
  prefix: string;
  attemptsPerMinute: number;
  /** Told of what the audit log records here: signing out, changing one's password. */
  onEvent?: (event: AccountEvent) => void;
}

export interface AccountEvent {
  action: 'session.sign_out' | 'account.password_change';
  userId: string;
  sessionId: string;
  ip: string;
  requestId: string;
}

/** The session the request's cookie carries, if it is live. */
export async function sessionOfCookie(
  credentials: CredentialCache,
  req: FastifyRequest,
): Promise<{ id: string; userId: string } | null> {
  const cookie = sessionCookieOf(req);
  const session = cookie ? (await credentials.lookupSession(cookie))?.session : null;
  return session ? { id: session.id, userId: session.userId } : null;
}

/** A cookie-authenticated write outside the /v1 auth hook (password change) needs the CSRF token too. */
export async function requireCsrf(credentials: CredentialCache, req: FastifyRequest): Promise<void> {
  const cookie = sessionCookieOf(req);
  const entry = cookie ? await credentials.lookupSession(cookie) : null;
  if (!entry) throw new AppError('unauthorized', 'Sign in first.');
  const given = req.headers['x-csrf-token'];
  if (typeof given !== 'string' || !sameToken(given, csrfTokenFor(entry.session.id, credentials.policy.secret)))
    throw new AppError('csrf_failed', 'Send the x-csrf-token header given by GET /v1/me with this request.');
}

export async function me(deps: AccountsDeps, req: FastifyRequest): Promise<MeDto> {
  const auth = req.auth;
  if (!auth) throw new AppError('unauthorized', 'Authentication required.');
  if (auth.principal.type === 'api_key') {
    return {
      kind: 'api_key',
      user: null,
      apiKey: {
        id: auth.principal.id,
        prefix: auth.principal.label,
        organizationId: auth.organizationId as string,
        scopes: auth.scopes,
        workspaceIds: auth.workspaceIds,
      },
      organizations: [],
      csrfToken: null,
      session: null,
    };
  }
  if (auth.principal.type !== 'user') throw new AppError('forbidden', 'The platform token has no account.');
  const entry = await deps.credentials.lookupSession(sessionCookieOf(req) as string);
  if (!entry) throw new AppError('unauthorized', 'Your session has ended; sign in again.');
  const names = await findOrganizationNames(
    deps.pool,
    entry.memberships.map((m) => m.organizationId),
  );
  return {
    kind: 'user',
    user: { id: entry.session.userId, email: entry.session.email, name: entry.session.name },
    apiKey: null,
    organizations: entry.memberships.map((m) => ({
      id: m.organizationId,
      name: names.get(m.organizationId) ?? '',
      role: m.role,
      workspaceIds: m.role === 'client' ? m.workspaceIds : null,
    })),
    csrfToken: csrfTokenFor(entry.session.id, deps.credentials.policy.secret),
    session: {
      id: entry.session.id,
      createdAt: entry.session.createdAt.toISOString(),
      expiresAt: entry.session.expiresAt.toISOString(),
    },
  };
}

/** The signed-in person; null for keys, which have no sessions (their lists are empty). */
function personOf(req: FastifyRequest): { userId: string; sessionId: string } | null {
  const p = req.auth?.principal;
  return p?.type === 'user' ? { userId: p.id, sessionId: p.sessionId } : null;
}

export async function listSessions(deps: AccountsDeps, req: FastifyRequest): Promise<SessionDto[]> {
  const person = personOf(req);
  if (!person) return [];
  const { userId, sessionId } = person;
  return (await listSessionsOfUser(deps.pool, userId)).map((s) => ({
    id: s.id,
    current: s.id === sessionId,
    createdAt: s.createdAt.toISOString(),
    lastActiveAt: s.updatedAt.toISOString(),
    expiresAt: s.expiresAt.toISOString(),
    ipAddress: s.ipAddress,
    userAgent: s.userAgent,
  }));
}

export async function endAllSessions(deps: AccountsDeps, req: FastifyRequest): Promise<number> {
  const person = personOf(req);
  if (!person) return 0;
  const { userId } = person;
  const ended = await deleteSessionsOfUser(deps.pool, userId);
  deps.credentials.forgetUser(userId);
  return ended;
}

export async function endSession(deps: AccountsDeps, req: FastifyRequest, id: string): Promise<void> {
  const person = personOf(req);
  if (!person || !(await deleteSession(deps.pool, person.userId, id))) throw AppError.notFound('Session');
  deps.credentials.forgetSession(id);
}

/**
 * Creates a person who signs in with a password, through better-auth's own adapter (so the hash
 * is its scrypt and the rows are as it expects). Used when an invitation is accepted: the emailed
 * link proves the address, so it is marked verified.
 */
export async function createPasswordAccount(
  auth: Auth,
  input: { email: string; name: string; password: string; emailVerified: boolean },
): Promise<{ id: string; email: string }> {
  const ctx = await auth.$context;
  const email = input.email.trim().toLowerCase();
  if (await ctx.internalAdapter.findUserByEmail(email))
    throw new AppError('conflict', 'An account with this email already exists; sign in instead.');
  const user = await ctx.internalAdapter.createUser(
    { email, name: input.name, emailVerified: input.emailVerified },
    { method: 'invitation' },
  );
  await ctx.internalAdapter.linkAccount({
    userId: user.id,
    providerId: 'credential',
    accountId: user.id,
    password: await ctx.password.hash(input.password),
  });
  return { id: user.id, email: user.email };
}

/** Sets a person's password (the CLI and the demo); creates the password sign-in if they had none. */
export async function setPassword(auth: Auth, userId: string, password: string): Promise<void> {
  const ctx = await auth.$context;
  const hash = await ctx.password.hash(password);
  const accounts = await ctx.internalAdapter.findAccounts(userId);
  if (accounts.some((a) => a.providerId === 'credential')) await ctx.internalAdapter.updatePassword(userId, hash);
  else await ctx.internalAdapter.linkAccount({ userId, providerId: 'credential', accountId: userId, password: hash });
}
