import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../lib/errors.js';
import { orgOf } from '../../plugins/auth.js';
import { problemResponses } from '../../plugins/openapi.js';
import { pageOf } from '../common.schemas.js';
import { apiKeyCreate, apiKeyCreated, apiKeyDto, apiKeyListQuery, apiKeyParams } from './api-keys.schemas.js';
import * as service from './api-keys.service.js';

export async function apiKeysRoutes(app: FastifyInstance, deps: service.ApiKeysDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['API keys'];
  const admin = { scope: 'admin' as const };

  r.post(
    '/v1/api-keys',
    {
      // The answer holds the key, shown once: there is no copy to replay to an Idempotency-Key.
      config: { ...admin, idempotency: false },
      schema: {
        tags,
        summary: 'Create an API key (returned once)',
        description:
          'The whole key is in this answer only. `workspaceIds` restricts the key to chosen workspaces, e.g. a read key for one client’s portal: it opens no other workspace and no organization-wide route.',
        body: apiKeyCreate,
        response: { 201: apiKeyCreated, ...problemResponses },
      },
    },
    async (req, reply) => {
      const { record, key } = await service.createApiKey(deps.prisma, {
        organizationId: orgOf(req),
        name: req.body.name,
        scopes: req.body.scopes,
        expiresAt: req.body.expiresAt ? new Date(req.body.expiresAt) : null,
        workspaceIds: req.body.workspaceIds,
      });
      return reply.status(201).send({ ...service.toApiKeyDto(record), key });
    },
  );

  r.get(
    '/v1/api-keys',
    {
      config: admin,
      schema: {
        tags,
        summary: "List the organization's API keys",
        querystring: apiKeyListQuery,
        response: { 200: pageOf(apiKeyDto), ...problemResponses },
      },
    },
    async (req) => service.listApiKeys(deps, orgOf(req), req.query),
  );

  r.get(
    '/v1/api-keys/:apiKeyId',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Get an API key (never its secret)',
        params: apiKeyParams,
        response: { 200: apiKeyDto, ...problemResponses },
      },
    },
    async (req) => service.getApiKey(deps, orgOf(req), req.params.apiKeyId),
  );

  r.delete(
    '/v1/api-keys/:apiKeyId',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Revoke an API key',
        description: 'The key stops working at once; its record stays, with revokedAt.',
        params: apiKeyParams,
        response: { 200: apiKeyDto, ...problemResponses },
      },
    },
    async (req) => {
      if (!req.auth) throw new AppError('unauthorized', 'Authentication required.');
      return service.revokeApiKey(deps, orgOf(req), req.params.apiKeyId, req.auth.keyId);
    },
  );
}
