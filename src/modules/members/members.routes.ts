import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../lib/errors.js';
import type { AuthContext } from '../../plugins/auth.js';
import { problemResponses } from '../../plugins/openapi.js';
import { pageOf } from '../common.schemas.js';
import { memberDto, memberListQuery, memberParams, memberUpdate } from './members.schemas.js';
import * as service from './members.service.js';

export function authOf(req: FastifyRequest): AuthContext {
  if (!req.auth) throw new AppError('unauthorized', 'Authentication required.');
  return req.auth;
}

export async function membersRoutes(app: FastifyInstance, deps: service.MembersDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Members'];

  r.get(
    '/v1/members',
    {
      schema: {
        tags,
        summary: "List the organization's members",
        description:
          'Every person of the organization with their role; a client’s shared workspaces in `workspaceIds`. Any member may read it, except clients and keys restricted to some workspaces. People in several organizations name one in `x-organization-id`.',
        querystring: memberListQuery,
        response: { 200: pageOf(memberDto), ...problemResponses },
      },
    },
    async (req) => service.listMembers(deps, authOf(req), req.query),
  );

  r.patch(
    '/v1/members/:memberId',
    {
      config: { scope: 'admin' },
      schema: {
        tags,
        summary: "Change a member's role or a client's shared workspaces",
        description:
          'Owners and admins. Only an owner makes someone an owner or changes an owner’s role, and the last owner cannot be demoted (409). `workspaceIds` goes with the client role only: required when someone becomes a client, it replaces the workspaces shared with them. The change applies to the member’s very next request.',
        params: memberParams,
        body: memberUpdate,
        response: { 200: memberDto, ...problemResponses },
      },
    },
    async (req) => service.updateMember(deps, authOf(req), req.params.memberId, req.body),
  );

  r.delete(
    '/v1/members/:memberId',
    {
      // Anyone may leave: the service checks who may remove whom.
      config: { scope: 'read', restrictedOk: true },
      schema: {
        tags,
        summary: 'Remove a member, or leave the organization',
        description:
          'Owners and admins remove members; only an owner removes an owner. Any member may remove their own membership (leave). The last owner can be neither removed nor leave (409). The person loses access at once, in every API process.',
        params: memberParams,
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (req, reply) => {
      await service.removeMember(deps, authOf(req), req.params.memberId);
      return reply.status(204).send(null);
    },
  );
}
