/**
 * buildApp(deps): the whole HTTP API, ready to be listened on or exercised with app.inject().
 * It never listens and creates no clients but its Redis subscription (auth invalidations): the
 * server entry and tests pass the connections in.
 */
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import { corsOrigins, publicBaseUrl, trustProxySetting } from './config/env.js';
import type { Deps } from './deps.js';
import { AppError } from './lib/errors.js';
import { alertsPublicRoutes, alertsRoutes } from './modules/alerts/alerts.routes.js';
import { apiKeysRoutes } from './modules/api-keys/api-keys.routes.js';
import { auditHooks } from './modules/audit-log/audit-log.hooks.js';
import { AuditRecorder, type AuditRecorderOptions } from './modules/audit-log/audit-log.recorder.js';
import { auditLogRoutes } from './modules/audit-log/audit-log.routes.js';
import { answersRoutes } from './modules/answers/answers.routes.js';
import { responsesRoutes } from './modules/responses/responses.routes.js';
import { auditsRoutes } from './modules/audits/audits.routes.js';
import { brandingRoutes } from './modules/branding/branding.routes.js';
import { brandsRoutes } from './modules/brands/brands.routes.js';
import { sourceCategoriesRoutes } from './modules/source-categories/source-categories.routes.js';
import { eventsRoutes } from './modules/events/events.routes.js';
import { defaultDashboardDir, webDashboardRoutes } from './modules/dashboard/dashboard.routes.js';
import { idempotencyHooks, idempotencyRoutes } from './modules/idempotency/idempotency.hooks.js';
import { healthRoutes } from './modules/health/health.routes.js';
import { modelConfigsRoutes } from './modules/model-configs/model-configs.routes.js';
import { operationsRoutes } from './modules/operations/operations.routes.js';
import { organizationsRoutes } from './modules/organizations/organizations.routes.js';
import { providersRoutes } from './modules/providers/providers.routes.js';
import { previewsRoutes } from './modules/previews/previews.routes.js';
import { promptImportRoutes, promptsRoutes } from './modules/prompts/prompts.routes.js';
import { providerCredentialsRoutes } from './modules/provider-credentials/provider-credentials.routes.js';
import { pdfReportsRoutes } from './modules/pdf-reports/pdf-reports.routes.js';
import { reanalysesRoutes } from './modules/reanalyses/reanalyses.routes.js';
import { reportsRoutes } from './modules/reports/reports.routes.js';
import { suggestionsRoutes } from './modules/suggestions/suggestions.routes.js';
import { runsRoutes } from './modules/runs/runs.routes.js';
import { webhooksRoutes } from './modules/webhooks/webhooks.routes.js';
import { deliveryRetry } from './modules/webhooks/webhooks.emit.js';
import { workspacesRoutes } from './modules/workspaces/workspaces.routes.js';
import { shareLinksRoutes, sharedRoutes } from './modules/share-links/share-links.routes.js';
import { CredentialCache, authPlugin } from './plugins/auth.js';
import { ephemeralSecret } from './modules/accounts/accounts.tokens.js';
import { createAuth } from './modules/accounts/accounts.auth.js';
import { accountMail, accountMailLook, invitationMail } from './modules/accounts/accounts.mail.js';
import { accountsPersonalRoutes, accountsPublicRoutes, type AccountsDeps } from './modules/accounts/accounts.routes.js';
import { mcpRoutes } from './modules/mcp/mcp.routes.js';
import { membersRoutes } from './modules/members/members.routes.js';
import { invitationsPublicRoutes, invitationsRoutes } from './modules/invitations/invitations.routes.js';
import type { InvitationMail } from './modules/invitations/invitations.service.js';
import { ssoPolicy } from './modules/accounts/accounts.sso.js';
import { clientErrorHandler, errorsPlugin, sendProblem } from './plugins/errors.js';
import { securityHeadersPlugin } from './plugins/security-headers.js';
import { openapiPlugin } from './plugins/openapi.js';
import { keyLimitStore } from './plugins/rate-limit-store.js';
import { createSerializerCompiler } from './plugins/response-serializer.js';
import { egressPolicy } from './providers/egress.js';

export interface AppDeps extends Deps {
  /** Sends invitations; default: through the deployment's mailer. */
  invitationMail?: InvitationMail;
  version?: string;
  /** The built web dashboard (default: dashboard/dist in the project). */
  dashboardDir?: string;
  /** How audit events are batched (tests wait longer to see that shutdown writes them). */
  auditLog?: AuditRecorderOptions;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    bodyLimit: deps.env.BODY_LIMIT,
    // The client's address (request.ip) read through the proxies the operator lists (TRUST_PROXY).
    trustProxy: trustProxySetting(deps.env),
    // Accept a caller's request id when it is sane, so logs can be joined across systems.
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true },
    // Requests Node's HTTP parser refuses before routing leave as problem+json too, and so do
    // HTTP/1.1 requests without Host (errorsPlugin refuses them rather than Node).
    clientErrorHandler,
    http: { requireHostHeader: false },
    // Errors the router raises before any route runs (bad URL encoding, over-long path
    // parameters) leave as problem+json too.
    frameworkErrors: (error, request, reply) => {
      const code = (error as { code?: string }).code;
      const problem =
        code === 'FST_ERR_MAX_PARAM_LENGTH' || (error as { statusCode?: number }).statusCode === 414
          ? new AppError('bad_request', 'A path parameter is too long; ids are UUIDs (36 characters).')
          : new AppError('bad_request', `The URL cannot be read: ${error.message}`);
      void sendProblem(reply, request, problem);
    },
  });
  // JSON, plus CSV for bulk imports. A text/plain body would otherwise reach validation as a string.
  app.removeContentTypeParser(['text/plain']);
  app.addContentTypeParser('text/csv', { parseAs: 'string' }, (_req, body, done) => done(null, body));
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(createSerializerCompiler({ verify: deps.env.NODE_ENV !== 'production' }));
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  // Requests still being handled, so shutdown can wait for them before closing the database:
  // a client that disconnects lets the server close while its handler is still running.
  let inFlight = 0;
  app.addHook('onRequest', async () => {
    inFlight++;
  });
  app.addHook('onResponse', async () => {
    inFlight--;
  });
  app.decorate('inFlight', () => inFlight);

  await errorsPlugin(app);
  await securityHeadersPlugin(app);
  const origins = corsOrigins(deps.env);
  if (origins) {
    await app.register(cors, {
      origin: origins === '*' ? true : origins,
      methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowedHeaders: ['authorization', 'content-type', 'x-api-key', 'x-request-id', 'idempotency-key'],
      exposedHeaders: [
        'x-request-id',
        'idempotent-replayed',
        'ratelimit-limit',
        'ratelimit-remaining',
        'ratelimit-reset',
        'retry-after',
      ],
      maxAge: 600,
    });
  }
  // Filled as the create routes are registered; the OpenAPI document reads it when it is generated.
  const idempotent = idempotencyRoutes();
  await openapiPlugin(app, { version: deps.version ?? '0.1.0', idempotent });
  await healthRoutes(app, { pool: deps.db.pool, redis: deps.redis });
  // /metrics and the queue dashboard, with their own operator checks (outside /v1).
  await operationsRoutes(app, { env: deps.env, producers: deps.producers, logger: deps.logger });
  // The web dashboard's static files (outside /v1: the page asks for an API key itself).
  await webDashboardRoutes(app, { dir: deps.dashboardDir ?? defaultDashboardDir() });

  const secret = deps.env.AUTH_SECRET ?? ephemeralSecret();
  const keyCache = new CredentialCache(deps.db, {
    secret,
    idleMs: deps.env.SESSION_IDLE_MINUTES * 60_000,
    maxMs: deps.env.SESSION_MAX_HOURS * 3_600_000,
  });
  app.decorate('credentials', keyCache);
  // Revocations and membership changes reach every API process through Redis pub/sub. The
  // subscription needs a connection of its own, which waits out Redis outages and resubscribes.
  const subscriber = deps.redis.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null });
  subscriber.on('error', () => {});
  keyCache.connect(deps.redis, subscriber, `${deps.env.QUEUE_PREFIX}:auth:invalidate`).catch((err: Error) => {
    deps.logger.warn({ err: err.message }, 'auth invalidation channel unavailable; caches expire within seconds');
  });
  app.addHook('onClose', async () => {
    subscriber.disconnect();
  });

  // The audit log's writer; what is queued is written before the app finishes closing.
  const auditLog = new AuditRecorder(deps, deps.auditLog);
  app.decorate('auditLog', auditLog);
  app.addHook('onClose', async () => auditLog.drain());

  // People's door: better-auth's sign-in, reset and SSO endpoints, outside the authenticated context.
  const base = publicBaseUrl(deps.env);
  const sso =
    deps.env.OIDC_ISSUER && deps.env.OIDC_CLIENT_ID && deps.env.OIDC_CLIENT_SECRET
      ? {
          name: deps.env.OIDC_NAME,
          discoveryUrl: `${deps.env.OIDC_ISSUER.replace(/\/+$/, '')}/.well-known/openid-configuration`,
          clientId: deps.env.OIDC_CLIENT_ID,
          clientSecret: deps.env.OIDC_CLIENT_SECRET,
        }
      : undefined;
  const auth = createAuth({
    prisma: deps.db.prisma,
    logger: deps.logger,
    mail: accountMail(deps.mailer, base, accountMailLook(deps.db, deps.logger)),
    // Recorded in each organization the person belongs to. Failed sign-ins belong to no
    // organization (the account may not exist): the attempt limiter and the log see those.
    hooks: {
      onSignIn: async (session, request) =>
        auditLog.recordForPerson({
          userId: session.userId,
          action: 'session.sign_in',
          target: { type: 'session', id: session.id },
          ...request,
        }),
      onPasswordReset: async (user, request) =>
        auditLog.recordForPerson({
          userId: user.id,
          action: 'account.password_reset',
          target: { type: 'user', id: user.id },
          ...request,
        }),
      ...ssoPolicy({
        pool: deps.db.pool,
        credentials: keyCache,
        logger: deps.logger,
        // Joining by email domain is recorded in the organization joined, the person as actor.
        onJoined: ({ organizationId, userId, email, role }) =>
          auditLog.record({
            organizationId,
            actor: { type: 'user', id: userId, label: email },
            action: 'member.sso_join',
            target: { type: 'user', id: userId },
            details: { role },
          }),
      }),
    },
    settings: {
      secret,
      links: { publicBaseUrl: base },
      secureCookies: deps.env.NODE_ENV === 'production' || base.startsWith('https:'),
      idleSeconds: deps.env.SESSION_IDLE_MINUTES * 60,
      trustedOrigins: corsList(deps.env),
      sso,
    },
  });
  app.decorate('auth', auth);
  const accounts: AccountsDeps = {
    auth,
    pool: deps.db.pool,
    redis: deps.redis,
    credentials: keyCache,
    prefix: `${deps.env.QUEUE_PREFIX}:ratelimit:`,
    attemptsPerMinute: deps.env.SIGN_IN_ATTEMPTS_PER_MINUTE,
    onEvent: (event) =>
      auditLog.recordForPerson({
        userId: event.userId,
        action: event.action,
        target:
          event.action === 'session.sign_out'
            ? { type: 'session', id: event.sessionId }
            : { type: 'user', id: event.userId },
        ip: event.ip,
        requestId: event.requestId,
      }),
    sso: sso ? { name: sso.name } : null,
  };
  await app.register(async (open) => {
    refuseFlawedInput(open);
    await alertsPublicRoutes(open, {
      prisma: deps.db.prisma,
      onUnsubscribed: (event, request) =>
        auditLog.record({
          organizationId: event.organizationId,
          workspaceId: event.workspaceId,
          actor: { type: 'link', id: null, label: 'unsubscribe link' },
          action: 'alert_rule.unsubscribe',
          target: { type: 'alert_rule', id: event.ruleId },
          ...request,
        }),
    });
    await accountsPublicRoutes(open, accounts);
    await sharedRoutes(open, {
      db: deps.db,
      redis: deps.redis,
      prefix: `${deps.env.QUEUE_PREFIX}:ratelimit:`,
      requestsPerMinute: deps.env.SHARE_LINK_REQUESTS_PER_MINUTE,
    });
    await invitationsPublicRoutes(open, {
      ...accounts,
      logger: deps.logger,
      onAccepted: (accepted, request) =>
        auditLog.record({
          organizationId: accepted.organizationId,
          actor: { type: 'user', id: accepted.userId, label: accepted.email },
          action: 'invitation.accept',
          target: { type: 'invitation', id: accepted.invitationId },
          details: { role: accepted.role, newAccount: accepted.newAccount !== null },
          ...request,
        }),
    });
  });

  // Everything else under /v1 needs an API key or a session; the auth hook is scoped to this context.
  await app.register(async (api) => {
    await authPlugin(api, {
      cache: keyCache,
      adminToken: deps.env.ADMIN_TOKEN,
      failureLimit: {
        redis: deps.redis,
        prefix: `${deps.env.QUEUE_PREFIX}:ratelimit:`,
        max: deps.env.AUTH_FAILURE_LIMIT_PER_MINUTE,
        windowMs: 60_000,
      },
    });
    refuseFlawedInput(api);
    // Per API key or person, counted in Redis so the limit holds across API processes (in blocks of
    // numbers, so a busy key does not cost a round trip per request: rate-limit-store.ts). If
    // Redis is down the limit is skipped rather than failing every request.
    await api.register(rateLimit, {
      global: true,
      max: deps.env.API_RATE_LIMIT_PER_MINUTE,
      timeWindow: 60_000,
      store: keyLimitStore(deps.redis, `${deps.env.QUEUE_PREFIX}:ratelimit:`),
      keyGenerator: (req) => (req.auth ? `${req.auth.principal.type}:${req.auth.principal.id}` : `ip:${req.ip}`),
      skipOnError: true,
      enableDraftSpec: true,
      errorResponseBuilder: (_req, ctx) =>
        new AppError(
          'rate_limited',
          `This API key made more than ${ctx.max} requests in a minute; retry in ${ctx.after}.`,
        ),
    });
    // Every write from here on is recorded in the audit log.
    auditHooks(api, auditLog, deps.logger);
    // Creates from here on take an Idempotency-Key (idempotency.hooks.ts).
    idempotencyHooks(api, { pool: deps.db.pool, logger: deps.logger, routes: idempotent });
    const { prisma, pool } = deps.db;
    await auditLogRoutes(api, { db: deps.db });
    await accountsPersonalRoutes(api, accounts);
    await organizationsRoutes(api, { prisma, cache: keyCache });
    await brandingRoutes(api, { prisma });
    await apiKeysRoutes(api, { prisma, cache: keyCache });
    await membersRoutes(api, { pool, prisma, credentials: keyCache });
    await invitationsRoutes(api, {
      pool,
      prisma,
      mail: deps.invitationMail ?? invitationMail(deps.mailer),
      publicBaseUrl: base,
    });
    await providerCredentialsRoutes(api, { prisma, encryptionKey: deps.env.ENCRYPTION_KEY });
    await workspacesRoutes(api, { prisma, pool });
    await brandsRoutes(api, { prisma, pool });
    await sourceCategoriesRoutes(api, { prisma, pool });
    await promptImportRoutes(api, { prisma, pool });
    await promptsRoutes(api, { prisma, pool });
    await providersRoutes(api, { prisma, env: deps.env });
    await modelConfigsRoutes(api, { prisma, pool, egress: egressPolicy(deps.env) });
    await auditsRoutes(api, { prisma, pool });
    await eventsRoutes(api, { prisma, pool });
    await previewsRoutes(api, { pool });
    await runsRoutes(api, { db: deps.db, producers: deps.producers, logger: deps.logger });
    await reanalysesRoutes(api, { db: deps.db, producers: deps.producers, logger: deps.logger });
    await suggestionsRoutes(api, { db: deps.db, producers: deps.producers, logger: deps.logger });
    await reportsRoutes(api, { db: deps.db });
    await pdfReportsRoutes(api, { db: deps.db, producers: deps.producers, logger: deps.logger });
    await shareLinksRoutes(api, { db: deps.db, publicBaseUrl: base });
    await answersRoutes(api, { db: deps.db });
    await responsesRoutes(api, { db: deps.db });
    await webhooksRoutes(api, {
      prisma,
      producers: deps.producers,
      egress: egressPolicy(deps.env),
      encryptionKey: deps.env.ENCRYPTION_KEY,
      retry: deliveryRetry(deps.env),
    });
    await alertsRoutes(api, { prisma, egress: egressPolicy(deps.env) });
    // The Model Context Protocol: tools that call the routes above as the same caller.
    await mcpRoutes(api, { version: deps.version ?? '0.1.0' });
  });

  return app;
}

/**
 * Postgres refuses U+0000 in text and JSON, so it is refused with a clear 400 rather than surfacing
 * as a database error. Nesting is bounded too: no request needs more, and validation, hashing and
 * storage of a deeper value would each walk it again. Registered in every context that takes input.
 */
function refuseFlawedInput(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    for (const where of ['body', 'query'] as const) {
      const flaw = flawOf(request[where]);
      if (flaw === 'nul') {
        throw new AppError(
          'validation_failed',
          `The request ${where} contains a NUL character (U+0000), which Citewatch does not store.`,
          {
            errors: [{ path: where, message: 'must not contain U+0000' }],
          },
        );
      }
      if (flaw === 'depth') {
        throw new AppError(
          'validation_failed',
          `The request ${where} nests objects and arrays more than ${MAX_DEPTH} levels deep.`,
          {
            errors: [{ path: where, message: `must not nest deeper than ${MAX_DEPTH} levels` }],
          },
        );
      }
    }
  });
}

/** Levels of objects and arrays a request body or query may nest, the body itself being the first. */
const MAX_DEPTH = 32;

/**
 * A NUL character in a string or key, or nesting past MAX_DEPTH: the first found, or null. The
 * walk keeps its own stack, so however deep a parsed body is, it never overflows the call stack.
 */
function flawOf(value: unknown): 'nul' | 'depth' | null {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    if (typeof item.value === 'string') {
      if (item.value.includes('\u0000')) return 'nul';
    } else if (item.value && typeof item.value === 'object') {
      const depth = item.depth + 1;
      if (depth > MAX_DEPTH) return 'depth';
      for (const [k, v] of Object.entries(item.value)) {
        if (k.includes('\u0000')) return 'nul';
        stack.push({ value: v, depth });
      }
    }
  }
  return null;
}

declare module 'fastify' {
  interface FastifyInstance {
    credentials: CredentialCache;
    auth: ReturnType<typeof createAuth>;
    /** Writes the audit log (app.auditLog.record(event) from routes outside the /v1 context). */
    auditLog: AuditRecorder;
    /** Requests being handled right now. */
    inFlight(): number;
  }
}

function corsList(env: AppDeps['env']): string[] {
  const origins = corsOrigins(env);
  return Array.isArray(origins) ? origins : [];
}
