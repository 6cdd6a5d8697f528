/**
 * Invitations. Two groups of routes:
 * - invitationsRoutes (behind authentication, owners and admins): invite, list, revoke;
 * - invitationsPublicRoutes (no authentication, attempts limited per client address): what a link
 *   invites to, and accepting it. They are registered outside the authenticated /v1 context.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { Logger } from '../../lib/logger.js';
import { sessionCookieOf } from '../../plugins/auth.js';
import { problemResponses } from '../../plugins/openapi.js';
import { AttemptLimiter } from '../accounts/accounts.limits.js';
import { pageOf } from '../common.schemas.js';
import { authOf } from '../members/members.routes.js';
import {
  invitationAccept,
  invitationAccepted,
  invitationCreate,
  invitationDto,
  invitationListQuery,
  invitationLookup,
  invitationLookupQuery,
  invitationParams,
} from './invitations.schemas.js';
import * as service from './invitations.service.js';

const tags = ['Invitations'];

export async function invitationsRoutes(app: FastifyInstance, deps: service.InvitationsDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const admin = { scope: 'admin' as const };

  r.post(
    '/v1/invitations',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Invite someone by email',
        description:
          'Owners and admins; only an owner invites an owner. Emails a link to PUBLIC_BASE_URL/dashboard/?page=invitation&token=…, which works once, for 7 days. A client is invited with the workspaces to share (`workspaceIds`, required for that role only). A new invitation of the same address revokes the older pending one. The answer never holds the link: it reaches the invited address only (`citewatch users invite` prints it, for a first person without a mail server).',
        body: invitationCreate,
        response: { 201: invitationDto, ...problemResponses },
      },
    },
    async (req, reply) => {
      const { invitation } = await service.createInvitation(deps, service.inviterOf(authOf(req)), req.body);
      return reply.status(201).send(invitation);
    },
  );

  r.get(
    '/v1/invitations',
    {
      config: admin,
      schema: {
        tags,
        summary: "List the organization's invitations",
        description: 'Newest first; the pending ones unless `status=all`.',
        querystring: invitationListQuery,
        response: { 200: pageOf(invitationDto), ...problemResponses },
      },
    },
    async (req) => service.listInvitations(deps, authOf(req).organizationId as string, req.query),
  );

  r.delete(
    '/v1/invitations/:invitationId',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Revoke an invitation',
        description:
          'Its link stops working at once. Only an owner revokes an invitation to be an owner; an accepted invitation cannot be revoked (remove the member instead).',
        params: invitationParams,
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (req, reply) => {
      const auth = authOf(req);
      await service.revokeInvitation(deps, auth, auth.organizationId as string, req.params.invitationId);
      return reply.status(204).send(null);
    },
  );
}

export interface InvitationsPublicDeps extends service.AcceptDeps {
  redis: Redis;
  /** Redis key prefix of the attempt counters. */
  prefix: string;
  attemptsPerMinute: number;
  logger: Logger;
}

export async function invitationsPublicRoutes(app: FastifyInstance, deps: InvitationsPublicDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const limiter = new AttemptLimiter(deps.redis, deps.prefix, deps.attemptsPerMinute);
  // No API key or session is needed: the token is the credential.
  const open = { security: [] };

  r.get(
    '/v1/invitations/lookup',
    {
      schema: {
        tags,
        ...open,
        summary: 'What an invitation link invites to (no authentication)',
        description:
          'For the invitation page: the organization, the invited address and role, and whether the address already has an account (then the person signs in before accepting). A used, revoked or expired link answers 409 saying which; an unknown one 404. Attempts are limited per client address.',
        querystring: invitationLookupQuery,
        response: { 200: invitationLookup, ...problemResponses },
      },
    },
    async (req, reply) => {
      await limiter.check(reply, 'invitation', req.ip, null);
      return service.lookupInvitation(deps, req.query.token);
    },
  );

  r.post(
    '/v1/invitations/accept',
    {
      schema: {
        tags,
        ...open,
        summary: 'Accept an invitation (no authentication)',
        description:
          'When the invited address has no account: send `name` and `password` (at least 10 characters); the account is created, its address counted as verified (the link proved it), the membership added, and the person signed in (the session cookie is set). When it has one: the request must carry that account’s session cookie (else 401: sign in first); the membership is added. A link works once: used, revoked or expired, it answers 409. Attempts are limited per client address.',
        body: invitationAccept,
        response: { 200: invitationAccepted, ...problemResponses },
      },
    },
    async (req, reply) => {
      await limiter.check(reply, 'invitation', req.ip, null);
      const accepted = await service.acceptInvitation(deps, req.body, sessionCookieOf(req));
      if (accepted.newAccount) await signIn(deps, req, reply, accepted.newAccount);
      return { organizationId: accepted.organizationId, userId: accepted.userId };
    },
  );
}

/** Signs the new account in through better-auth, as its sign-in route would, and passes its cookie on. */
async function signIn(
  deps: InvitationsPublicDeps,
  req: FastifyRequest,
  reply: FastifyReply,
  account: { email: string; password: string },
): Promise<void> {
  const headers = new Headers();
  for (const name of ['user-agent', 'x-forwarded-for', 'x-real-ip'] as const) {
    const value = req.headers[name];
    if (typeof value === 'string') headers.set(name, value);
  }
  try {
    const response = await deps.auth.api.signInEmail({ body: account, headers, asResponse: true });
    const cookies = response.headers.getSetCookie();
    if (response.ok && cookies.length > 0) reply.header('set-cookie', cookies);
    else deps.logger.warn({ status: response.status }, 'invitation accepted, but signing the new account in failed');
  } catch (err) {
    // The account and membership exist: the person can still sign in with their password.
    deps.logger.warn({ err: (err as Error).message }, 'invitation accepted, but signing the new account in failed');
  }
}
