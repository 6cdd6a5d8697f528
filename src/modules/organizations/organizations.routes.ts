import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { PrismaClient } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';
import type { CredentialCache, AuthContext } from '../../plugins/auth.js';
import { problemResponses } from '../../plugins/openapi.js';
import { pageOf } from '../common.schemas.js';
import {
  organizationCreate,
  organizationCreated,
  organizationDto,
  organizationListQuery,
  organizationParams,
  organizationUpdate,
} from './organizations.schemas.js';
import * as service from './organizations.service.js';

function authOf(req: FastifyRequest): AuthContext {
  if (!req.auth) throw new AppError('unauthorized', 'Authentication required.');
  return req.auth;
}

export async function organizationsRoutes(
  app: FastifyInstance,
  deps: { prisma: PrismaClient; cache: CredentialCache },
): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Organizations'];
  const { prisma } = deps;

  r.post(
    '/v1/organizations',
    {
      // The answer holds the first key, shown once: there is no copy to replay to an Idempotency-Key.
      config: { platformOnly: true, idempotency: false },
      schema: {
        tags,
        summary: 'Create an organization and its first admin key (platform operator)',
        body: organizationCreate,
        response: { 201: organizationCreated, ...problemResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await service.createOrganizationWithKey(prisma, req.body.name, req.body.adminKeyName)),
  );

  r.get(
    '/v1/organizations',
    {
      config: { platform: true },
      schema: {
        tags,
        summary: 'List organizations (an organization key sees its own)',
        querystring: organizationListQuery,
        response: { 200: pageOf(organizationDto), ...problemResponses },
      },
    },
    async (req) => service.listOrganizations(prisma, authOf(req), req.query),
  );

  r.get(
    '/v1/organizations/:organizationId',
    {
      config: { platform: true },
      schema: {
        tags,
        summary: 'Get an organization',
        params: organizationParams,
        response: { 200: organizationDto, ...problemResponses },
      },
    },
    async (req) => service.getOrganization(prisma, authOf(req), req.params.organizationId),
  );

  r.patch(
    '/v1/organizations/:organizationId',
    {
      config: { platform: true, scope: 'admin' },
      schema: {
        tags,
        summary: 'Rename an organization, or set its single sign-on rules',
        description:
          'Admin scope. `ssoDomain` claims an email domain for single sign-on (one organization per domain; open mail services refused); `ssoDefaultRole` (admin, editor or viewer) lets people of that domain join at their first single sign-on with that role. docs/agencies.md, "Single sign-on", says what each setting allows.',
        params: organizationParams,
        body: organizationUpdate,
        response: { 200: organizationDto, ...problemResponses },
      },
    },
    async (req) => service.updateOrganization(prisma, authOf(req), req.params.organizationId, req.body),
  );

  r.delete(
    '/v1/organizations/:organizationId',
    {
      config: { platformOnly: true },
      schema: {
        tags,
        summary: 'Delete an organization and all its data (platform operator)',
        params: organizationParams,
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (req, reply) => {
      await service.deleteOrganization(prisma, authOf(req), req.params.organizationId);
      deps.cache.forgetOrganization(req.params.organizationId);
      return reply.status(204).send(null);
    },
  );
}
