/**
 * People's door. Two groups of routes:
 * - accountsPublicRoutes: better-auth's endpoints that Citewatch uses (sign in, sign out, password
 *   reset, email verification, password change, single sign-on), each declared here with its
 *   schema so it is validated and documented like every route, then handed to better-auth. Its
 *   errors leave as problem+json; sign-in and reset attempts are limited in Redis.
 * - accountsPersonalRoutes (behind authentication): GET /v1/me, and a person's sessions.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, type ErrorCode } from '../../lib/errors.js';
import { sendProblem } from '../../plugins/errors.js';
import { problemResponses } from '../../plugins/openapi.js';
import { type Auth, CLIENT_IP_HEADER, REQUEST_ID_HEADER } from './accounts.auth.js';
import { withNamedOrganization } from './accounts.mail.js';
import { AttemptLimiter } from './accounts.limits.js';
import {
  authProvidersDto,
  changePasswordBody,
  meDto,
  doneDto,
  signedInDto,
  ssoStartDto,
  requestResetBody,
  resetPasswordBody,
  sendVerificationBody,
  sessionList,
  sessionsEnded,
  sessionParams,
  signInBody,
  ssoCallbackBody,
  ssoCallbackParams,
  ssoStartBody,
  verifyEmailQuery,
} from './accounts.schemas.js';
import * as service from './accounts.service.js';
import type { AccountEvent, AccountsDeps } from './accounts.service.js';

export type { AccountsDeps };

const STATUS_CODE: Record<number, ErrorCode> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  422: 'validation_failed',
  429: 'rate_limited',
};

/**
 * Hands a request to better-auth and relays its answer: cookies and redirects as they are, its
 * JSON reshaped by `shape` into the documented answer (better-auth's sign-in answer carries the
 * bare session token, which never leaves here), its errors as problem+json.
 */
const BRANDED_MAIL =
  'The email wears the white label (name, colours, logo, sender name) of the organization named by `organizationId` ' +
  'when the person belongs to it, else of their organization when they belong to exactly one; otherwise, or when ' +
  'that organization set none, Citewatch’s. Naming an organization the person does not belong to changes nothing.';

async function relay(
  auth: Auth,
  request: FastifyRequest,
  reply: FastifyReply,
  shape: (body: Record<string, unknown>) => unknown,
  /** What better-auth is given as the body, when not the request's own (Citewatch's fields taken out). */
  payload: unknown = request.body,
): Promise<FastifyReply> {
  const url = new URL(request.url, auth.options.baseURL as string);
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined || name === 'content-length' || name === 'host' || name === CLIENT_IP_HEADER) continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  headers.set(CLIENT_IP_HEADER, request.ip);
  headers.set(REQUEST_ID_HEADER, request.id);
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD' && payload !== undefined;
  if (hasBody) headers.set('content-type', 'application/json');
  const response = await auth.handler(
    new Request(url, { method: request.method, headers, body: hasBody ? JSON.stringify(payload) : null }),
  );
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) reply.header('set-cookie', cookies);
  const location = response.headers.get('location');
  if (location) reply.header('location', location);
  const text = await response.text();
  if (response.status >= 400) {
    let message = `Signing in failed (${response.status}).`;
    try {
      const body = JSON.parse(text) as { message?: string };
      if (body.message) message = body.message;
    } catch {
      // Not JSON: keep the generic message.
    }
    const code = STATUS_CODE[response.status] ?? (response.status >= 500 ? 'internal' : 'bad_request');
    return sendProblem(reply, request, new AppError(code, message));
  }
  reply.status(response.status);
  if (response.status >= 300) return reply.send(null);
  let body: Record<string, unknown> = {};
  try {
    body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    // An empty or non-JSON success: shaped from nothing.
  }
  return reply.send(shape(body));
}

const done = () => ({ status: true as const });
const signedIn = (body: Record<string, unknown>) => ({ user: body.user });
const ssoStart = (body: Record<string, unknown>) => ({ url: body.url, redirect: body.redirect ?? true });

export async function accountsPublicRoutes(app: FastifyInstance, deps: AccountsDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Accounts'];
  const limiter = new AttemptLimiter(deps.redis, deps.prefix, deps.attemptsPerMinute);
  const answers = (dto: z.ZodType) => ({ 200: dto, ...problemResponses });
  // Public: no credentials needed (OpenAPI security: none).
  const security: Array<Record<string, string[]>> = [];
  const forward =
    (shape: (body: Record<string, unknown>) => unknown) =>
    async (req: FastifyRequest, reply: FastifyReply): Promise<void> => {
      await relay(deps.auth, req, reply, shape);
    };
  /** Relays a request that may name an organization, for the white label of the email it sends. */
  const forwardNaming =
    (shape: (body: Record<string, unknown>) => unknown) =>
    async (req: FastifyRequest<{ Body: { organizationId?: string | undefined } }>, reply: FastifyReply) => {
      const { organizationId, ...body } = req.body;
      await withNamedOrganization(organizationId, () => relay(deps.auth, req, reply, shape, body));
    };
  const record = (req: FastifyRequest, action: AccountEvent['action'], session: { id: string; userId: string }) =>
    deps.onEvent?.({ action, userId: session.userId, sessionId: session.id, ip: req.ip, requestId: req.id });

  r.post(
    '/v1/auth/sign-in/email',
    {
      schema: {
        tags,
        summary: 'Sign in with email and password',
        description:
          'Sets the session cookie (HttpOnly, SameSite=Lax; Secure outside local development). A wrong email and a wrong password get the same answer. Attempts are limited per address and per client.',
        body: signInBody,
        security,
        response: answers(signedInDto),
      },
    },
    async (req, reply) => {
      await limiter.check(reply, 'sign-in', req.ip, req.body.email);
      return forward(signedIn)(req, reply);
    },
  );

  r.post(
    '/v1/auth/sign-out',
    { schema: { tags, summary: 'Sign out (ends this session)', security, response: answers(doneDto) } },
    async (req, reply) => {
      const ended = await service.sessionOfCookie(deps.credentials, req);
      const answer = await forward(done)(req, reply);
      if (ended) {
        deps.credentials.forgetSession(ended.id);
        if (reply.statusCode < 400) record(req, 'session.sign_out', ended);
      }
      return answer;
    },
  );

  r.post(
    '/v1/auth/request-password-reset',
    {
      schema: {
        tags,
        summary: 'Email a password-reset link',
        description: `Always answers the same, whether or not the address has an account. The link is single-use and expires after an hour. ${BRANDED_MAIL}`,
        body: requestResetBody,
        security,
        response: answers(doneDto),
      },
    },
    async (req, reply) => {
      await limiter.check(reply, 'reset', req.ip, req.body.email);
      return forwardNaming(done)(req, reply);
    },
  );

  r.post(
    '/v1/auth/reset-password',
    {
      schema: {
        tags,
        summary: 'Set a new password with a reset link’s token',
        description: 'Ends every session of the account.',
        body: resetPasswordBody,
        security,
        response: answers(doneDto),
      },
    },
    async (req, reply) => {
      await limiter.check(reply, 'reset', req.ip, null);
      const answer = await forward(done)(req, reply);
      if (reply.statusCode < 400) deps.credentials.forgetAllSessions();
      return answer;
    },
  );

  r.post(
    '/v1/auth/change-password',
    {
      schema: {
        tags,
        summary: 'Change your password (signed in)',
        body: changePasswordBody,
        security,
        response: answers(doneDto),
      },
    },
    async (req, reply) => {
      await limiter.check(reply, 'sign-in', req.ip, null);
      await service.requireCsrf(deps.credentials, req);
      const session = await service.sessionOfCookie(deps.credentials, req);
      const answer = await forward(done)(req, reply);
      if (reply.statusCode < 400 && req.body.revokeOtherSessions) deps.credentials.forgetAllSessions();
      if (reply.statusCode < 400 && session) record(req, 'account.password_change', session);
      return answer;
    },
  );

  r.post(
    '/v1/auth/send-verification-email',
    {
      schema: {
        tags,
        summary: 'Email a new verification link',
        description: BRANDED_MAIL,
        body: sendVerificationBody,
        security,
        response: answers(doneDto),
      },
    },
    async (req, reply) => {
      await limiter.check(reply, 'reset', req.ip, req.body.email);
      return forwardNaming(done)(req, reply);
    },
  );

  r.get(
    '/v1/auth/verify-email',
    {
      schema: {
        tags,
        summary: 'Verify an email address (the emailed link)',
        querystring: verifyEmailQuery,
        security,
        response: { 200: doneDto, 302: z.null(), ...problemResponses },
      },
    },
    forward(done),
  );

  r.get(
    '/v1/auth/providers',
    {
      schema: {
        tags,
        summary: 'How people can sign in here',
        description:
          'Whether the deployment offers single sign-on, and the label of its button. Needs no authentication.',
        security,
        response: answers(authProvidersDto),
      },
    },
    async () => ({ sso: { enabled: deps.sso !== null, name: deps.sso?.name ?? null } }),
  );

  r.post(
    '/v1/auth/sign-in/social',
    {
      schema: {
        tags,
        summary: 'Start single sign-on',
        description:
          'Answers the identity provider’s URL to send the browser to. After signing in there, the browser comes back to /v1/auth/callback/oidc, which sets the session cookie and sends it on to `callbackURL`; if the person is refused (docs/operators.md, "Single sign-on"), it lands on `errorCallbackURL` (default `/dashboard/?page=sign-in`) with `error` and `error_description` in the query. Available when the deployment configures an OpenID Connect provider (OIDC_* variables; GET /v1/auth/providers tells).',
        body: ssoStartBody,
        security,
        response: answers(ssoStartDto),
      },
    },
    async (req, reply) => {
      if (!deps.sso)
        throw new AppError(
          'not_found',
          'Single sign-on is not configured on this deployment (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET); sign in with your email and password.',
        );
      await limiter.check(reply, 'sign-in', req.ip, null);
      return forward(ssoStart)(req, reply);
    },
  );

  for (const method of ['GET', 'POST'] as const) {
    r.route({
      method,
      url: '/v1/auth/callback/:providerId',
      schema: {
        tags,
        summary: 'Single sign-on callback (the identity provider redirects here)',
        params: ssoCallbackParams,
        security,
        ...(method === 'POST' ? { body: ssoCallbackBody } : {}),
        response: { 302: z.null(), ...problemResponses },
      },
      handler: forward(done),
    });
  }
}

export async function accountsPersonalRoutes(app: FastifyInstance, deps: AccountsDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Accounts'];

  r.get(
    '/v1/me',
    {
      config: { personal: true, restrictedOk: true },
      schema: {
        tags,
        summary: 'Who is calling: the signed-in person (with organizations and CSRF token) or the API key',
        response: { 200: meDto, ...problemResponses },
      },
    },
    async (req) => service.me(deps, req),
  );

  r.get(
    '/v1/me/sessions',
    {
      config: { personal: true, restrictedOk: true },
      schema: {
        tags,
        summary: 'Your sessions (signed-in people only)',
        response: { 200: sessionList, ...problemResponses },
      },
    },
    async (req) => ({ data: await service.listSessions(deps, req) }),
  );

  r.delete(
    '/v1/me/sessions',
    {
      config: { personal: true, restrictedOk: true },
      schema: {
        tags,
        summary: 'Sign out everywhere: end all your sessions, this one included',
        response: { 200: sessionsEnded, ...problemResponses },
      },
    },
    async (req) => ({ ended: await service.endAllSessions(deps, req) }),
  );

  r.delete(
    '/v1/me/sessions/:sessionId',
    {
      config: { personal: true, restrictedOk: true },
      schema: {
        tags,
        summary: 'End one of your sessions',
        params: sessionParams,
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (req, reply) => {
      await service.endSession(deps, req, req.params.sessionId);
      return reply.status(204).send(null);
    },
  );
}
