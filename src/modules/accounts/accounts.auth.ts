/**
 * People's accounts, through better-auth: email and password (scrypt hashes), email verification,
 * password reset by single-use expiring links, sessions in cookies, and single sign-on with an
 * OpenID Connect provider. Its tables are users, sessions, user_accounts and verifications
 * (prisma/schema.prisma), reached through its Prisma adapter over our Prisma client.
 *
 * What Citewatch adds around it:
 * - session tokens are stored as their SHA-256 (the adapter below hashes every session token on
 *   its way to the database), verification identifiers likewise (storeIdentifier: 'hashed');
 * - accounts are created by accepting an invitation (src/modules/members), never by open sign-up;
 *   single sign-on creates one only for an invited address or an organization's domain, and only
 *   for an address the provider verified (accounts.sso.ts decides, through validateUserInfo);
 * - identity-provider tokens are not kept (Citewatch calls no provider API for a person);
 * - its endpoints are mounted under /v1/auth by accounts.routes.ts, which turns their errors into
 *   problem+json and limits attempts in Redis; its own in-memory rate limiter is off.
 */
import { betterAuth } from 'better-auth';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { genericOAuth } from 'better-auth/plugins';
import type { DBAdapter, Where } from '@better-auth/core/db/adapter';
import type { PrismaClient } from '../../db/client.js';
import { publicUrl } from '../../lib/public-url.js';
import { newId } from '../../lib/ids.js';
import type { Logger } from '../../lib/logger.js';
import { sha256Hex } from './accounts.tokens.js';

/** Where people land: pages of the web dashboard, built on the public base URL. */
export interface AccountLinks {
  /** e.g. https://citewatch.example.com — the dashboard and the API share it. */
  publicBaseUrl: string;
}

/** Mail the accounts flows send (accounts.mail.ts sends it through the deployment's mailer). */
export interface AccountMail {
  /** `token` goes into a link of the web dashboard; it is never logged. */
  verifyEmail(to: { id?: string; email: string; name: string }, token: string, validForSeconds: number): Promise<void>;
  resetPassword(
    to: { id?: string; email: string; name: string },
    token: string,
    validForSeconds: number,
  ): Promise<void>;
}

/** One OpenID Connect provider for the deployment (Google Workspace, Entra ID, Okta, …). */
export interface SsoSettings {
  /** Shown on the sign-in button. */
  name: string;
  /** The issuer's discovery document, e.g. https://accounts.google.com/.well-known/openid-configuration */
  discoveryUrl: string;
  clientId: string;
  clientSecret: string;
}

export interface AuthSettings {
  secret: string;
  links: AccountLinks;
  /** Cookies get the Secure attribute (everywhere but local development over http). */
  secureCookies: boolean;
  idleSeconds: number;
  /** Origins allowed to post to the auth endpoints besides the public base URL. */
  trustedOrigins: string[];
  sso?: SsoSettings | undefined;
}

/** The request behind an account event, as the relay (accounts.routes.ts) passes it on. */
export interface AccountRequestMeta {
  ip: string | null;
  requestId: string | null;
}

/**
 * Headers the relay sets on every request it hands to better-auth: the client's address as
 * Citewatch sees it (any such header the client sent is dropped), and the request id.
 */
export const CLIENT_IP_HEADER = 'x-citewatch-client-ip';
export const REQUEST_ID_HEADER = 'x-request-id';

export function requestMetaOf(request: Request | undefined | null): AccountRequestMeta {
  return {
    ip: request?.headers.get(CLIENT_IP_HEADER) ?? null,
    requestId: request?.headers.get(REQUEST_ID_HEADER) ?? null,
  };
}

/** What single sign-on is about to do with an identity the provider vouched for. */
export type SsoAction = 'create-user' | 'link-account' | 'sign-in';

/** A refusal: `error` is a short code, `errorDescription` a sentence for the person. */
export interface SsoRefusal {
  error: string;
  errorDescription: string;
}

export interface AuthHooks {
  /** A session was created (a sign-in): for the audit log. */
  onSignIn?(session: { id: string; userId: string }, request: AccountRequestMeta): Promise<void>;
  /** A password was reset with an emailed link: for the audit log. */
  onPasswordReset?(user: { id: string; email: string }, request: AccountRequestMeta): Promise<void>;
  /**
   * Decides whether an identity from the SSO provider may be signed in: before an account is
   * created for it, before it is linked to the existing account with its email, and at each later
   * sign-in. Answers a refusal to turn the person away (the browser lands on the error page).
   */
  admitSsoIdentity?(identity: {
    email: string;
    emailVerified: boolean;
    action: SsoAction;
  }): Promise<SsoRefusal | undefined>;
  /** An SSO identity was tied to an account for the first time (account created or linked). */
  onSsoIdentityLinked?(account: { userId: string }): Promise<void>;
}

export const SSO_PROVIDER_ID = 'oidc';
export const SESSION_COOKIE = 'citewatch.session_token';
/**
 * Where a refused or failed single sign-on lands: the dashboard's sign-in page, with
 * `error=<code>&error_description=<text>` added to its query.
 */
export const SSO_ERROR_PAGE = { path: '/dashboard/', params: { page: 'sign-in' } } as const;

export function createAuth(deps: {
  prisma: PrismaClient;
  settings: AuthSettings;
  mail: AccountMail;
  logger: Logger;
  hooks?: AuthHooks;
}) {
  const { settings, mail, hooks } = deps;
  const base = settings.links.publicBaseUrl.replace(/\/+$/, '');
  const sso = settings.sso;
  return betterAuth({
    appName: 'Citewatch',
    baseURL: base,
    basePath: '/v1/auth',
    secret: settings.secret,
    database: hashedSessionTokens(prismaAdapter(deps.prisma, { provider: 'postgresql' })),
    telemetry: { enabled: false },
    rateLimit: { enabled: false },
    trustedOrigins: [base, ...settings.trustedOrigins],
    // Failed single sign-on lands on the dashboard's sign-in page, which shows the reason.
    onAPIError: { errorURL: publicUrl(base, SSO_ERROR_PAGE.path, SSO_ERROR_PAGE.params) },
    logger: {
      log: (level, message) => {
        const fn = level === 'error' ? 'error' : level === 'warn' ? 'warn' : 'debug';
        deps.logger[fn]({ component: 'auth' }, message);
      },
    },
    advanced: {
      cookiePrefix: 'citewatch',
      useSecureCookies: settings.secureCookies,
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', path: '/' },
      // The relay names the client's address (Fastify's request.ip); X-Forwarded-For, which any
      // client can send, is not read.
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      database: { generateId: () => newId() },
      // better-auth skips its origin and redirect checks when NODE_ENV is "test"; Citewatch keeps
      // them on everywhere, so the tests exercise what production runs.
      disableOriginCheck: false,
    },
    user: {
      changeEmail: { enabled: true },
      // The gate for single sign-on (docs/operators.md, "Single sign-on"): called before an SSO
      // identity gets an account, is linked to one, or signs in again. Other ways in (invitations,
      // passwords) have their own checks.
      validateUserInfo: async ({ user, source }) => {
        if (source.method !== 'oauth' || source.oauth?.providerId !== SSO_PROVIDER_ID) return;
        if (!hooks?.admitSsoIdentity) return;
        return hooks.admitSsoIdentity({
          email: String(user.email ?? '').toLowerCase(),
          emailVerified: user.emailVerified === true,
          action: source.action,
        });
      },
    },
    session: {
      expiresIn: settings.idleSeconds,
      // Sessions are kept alive by Citewatch's own lookup (src/plugins/auth.ts), not here.
      disableSessionRefresh: true,
    },
    account: {
      accountLinking: { enabled: true, trustedProviders: [SSO_PROVIDER_ID] },
    },
    verification: { storeIdentifier: 'hashed' },
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      requireEmailVerification: true,
      minPasswordLength: 10,
      maxPasswordLength: 256,
      resetPasswordTokenExpiresIn: 60 * 60,
      revokeSessionsOnPasswordReset: true,
      onPasswordReset: async ({ user }, request) => {
        await hooks?.onPasswordReset?.(user, requestMetaOf(request));
      },
      sendResetPassword: async ({ user, token }) => {
        await mail.resetPassword(user, token, 60 * 60);
      },
    },
    emailVerification: {
      expiresIn: 24 * 60 * 60,
      sendOnSignIn: true,
      sendVerificationEmail: async ({ user, token }) => {
        await mail.verifyEmail(user, token, 24 * 60 * 60);
      },
    },
    plugins: sso
      ? [
          genericOAuth({
            config: [
              {
                providerId: SSO_PROVIDER_ID,
                name: sso.name,
                discoveryUrl: sso.discoveryUrl,
                clientId: sso.clientId,
                clientSecret: sso.clientSecret,
                scopes: ['openid', 'email', 'profile'],
                pkce: true,
                requireIdTokenVerification: true,
                disableSignUp: false,
                mapProfileToUser: (profile) => ({
                  // A provider that sends no name: the address's local part stands in.
                  name:
                    typeof profile.name === 'string' && profile.name.trim()
                      ? profile.name.trim()
                      : String(profile.email ?? '').split('@')[0],
                  emailVerified: ssoEmailVerified(profile),
                }),
              },
            ],
          }),
        ]
      : [],
    databaseHooks: {
      account: {
        create: {
          // Identity-provider tokens are of no use to Citewatch; they are not stored.
          before: async (account) => ({
            data: { ...account, accessToken: null, refreshToken: null, idToken: null },
          }),
          // Runs once the account row is committed (better-auth queues it after the transaction).
          after: async (account) => {
            if (account.providerId === SSO_PROVIDER_ID) await hooks?.onSsoIdentityLinked?.({ userId: account.userId });
          },
        },
        update: {
          before: async (account) => ({
            data: { ...account, accessToken: null, refreshToken: null, idToken: null },
          }),
        },
      },
      user: {
        create: {
          before: async (user) => ({ data: { ...user, email: user.email.toLowerCase() } }),
        },
      },
      session: {
        create: {
          after: async (session, ctx) => {
            // Changing one's password and ending the other sessions renews this one: not a sign-in.
            if (ctx?.path === '/change-password') return;
            await hooks?.onSignIn?.(session, requestMetaOf(ctx?.request));
          },
        },
      },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;

/**
 * Whether the provider vouches for the email address. The standard claim `email_verified` decides
 * when it is sent (Google, Okta and most providers send it). Microsoft Entra ID does not send it;
 * it says the same with optional claims an administrator adds to the app registration: `xms_edov`
 * (the address's domain is verified by the tenant) or the address listed in
 * `verified_primary_email` / `verified_secondary_email`. Anything else counts as unverified.
 */
export function ssoEmailVerified(profile: Record<string, unknown>): boolean {
  const claim = profile.email_verified;
  if (claim !== undefined && claim !== null) return claim === true || claim === 'true';
  const email = typeof profile.email === 'string' ? profile.email.toLowerCase() : '';
  if (!email) return false;
  if (profile.xms_edov === true || profile.xms_edov === 'true' || profile.xms_edov === 1) return true;
  const listed = (value: unknown) =>
    (Array.isArray(value) ? value : typeof value === 'string' ? [value] : []).some(
      (entry) => typeof entry === 'string' && entry.toLowerCase() === email,
    );
  return listed(profile.verified_primary_email) || listed(profile.verified_secondary_email);
}

/**
 * better-auth keeps session tokens as given; this wrapper keeps their SHA-256 instead. Every
 * query on the session model that names a token is rewritten to the hash, and a row read by its
 * token is handed back with the token the caller gave, so better-auth never sees the difference.
 * Sessions listed without a token (by user) carry the hash, which cannot be used to sign in.
 */
function hashedSessionTokens<T extends (options: never) => DBAdapter>(factory: T): T {
  const wrap = (adapter: DBAdapter): DBAdapter => {
    const rewrite = (model: string, where: Where[] | undefined) => {
      if (model !== 'session' || !where) return { where, raw: undefined as string | undefined };
      let raw: string | undefined;
      const hashed = where.map((w) => {
        if (w.field !== 'token') return w;
        if (typeof w.value === 'string') {
          raw = w.value;
          return { ...w, value: sha256Hex(w.value) };
        }
        if (Array.isArray(w.value)) return { ...w, value: (w.value as string[]).map(sha256Hex) };
        return w;
      });
      return { where: hashed, raw };
    };
    const restore = <R>(row: R, raw: string | undefined): R =>
      raw && row && typeof row === 'object' && 'token' in row ? { ...row, token: raw } : row;
    return {
      ...adapter,
      create: async (data) => {
        if (data.model !== 'session' || typeof data.data.token !== 'string') return adapter.create(data);
        const raw = data.data.token as string;
        const row = await adapter.create({ ...data, data: { ...data.data, token: sha256Hex(raw) } });
        return restore(row, raw);
      },
      findOne: async (data) => {
        const { where, raw } = rewrite(data.model, data.where);
        return restore(await adapter.findOne({ ...data, where: where ?? [] }), raw);
      },
      findMany: async (data) => {
        const { where } = rewrite(data.model, data.where);
        return adapter.findMany({ ...data, where });
      },
      count: async (data) => adapter.count({ ...data, where: rewrite(data.model, data.where).where }),
      update: async (data) => {
        const { where, raw } = rewrite(data.model, data.where);
        return restore(await adapter.update({ ...data, where: where ?? [] }), raw);
      },
      updateMany: async (data) => adapter.updateMany({ ...data, where: rewrite(data.model, data.where).where ?? [] }),
      delete: async (data) => adapter.delete({ ...data, where: rewrite(data.model, data.where).where ?? [] }),
      deleteMany: async (data) => adapter.deleteMany({ ...data, where: rewrite(data.model, data.where).where ?? [] }),
      consumeOne: async (data) => {
        const { where, raw } = rewrite(data.model, data.where);
        return restore(await adapter.consumeOne({ ...data, where: where ?? [] }), raw);
      },
      incrementOne: async (data) => {
        const { where, raw } = rewrite(data.model, data.where);
        return restore(await adapter.incrementOne({ ...data, where: where ?? [] }), raw);
      },
      transaction: (callback) => adapter.transaction((trx) => callback(wrap(trx as DBAdapter) as never)),
    } as DBAdapter;
  };
  return ((options: never) => wrap(factory(options))) as T;
}
