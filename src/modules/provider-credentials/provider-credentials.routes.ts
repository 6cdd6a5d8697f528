import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { orgOf } from '../../plugins/auth.js';
import { problemResponses } from '../../plugins/openapi.js';
import { credentialDto, credentialList, credentialPut, providerParam } from './provider-credentials.schemas.js';
import * as service from './provider-credentials.service.js';

export async function providerCredentialsRoutes(app: FastifyInstance, deps: service.CredentialsDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Provider keys'];
  const admin = { scope: 'admin' as const };

  r.put(
    '/v1/provider-credentials/:provider',
    {
      config: admin,
      schema: {
        tags,
        summary: "Store the organization's own key for a provider",
        description:
          'Used instead of the deployment’s key for this organization’s runs. Encrypted at rest and never returned.',
        params: providerParam,
        body: credentialPut,
        response: { 200: credentialDto, ...problemResponses },
      },
    },
    async (req) => service.putCredential(deps, orgOf(req), req.params.provider, req.body),
  );

  r.get(
    '/v1/provider-credentials',
    {
      config: admin,
      schema: {
        tags,
        summary: 'List the providers the organization has keys for',
        response: { 200: credentialList, ...problemResponses },
      },
    },
    async (req) => ({ data: await service.listCredentials(deps, orgOf(req)) }),
  );

  r.delete(
    '/v1/provider-credentials/:provider',
    {
      config: admin,
      schema: {
        tags,
        summary: "Delete the organization's key for a provider",
        params: providerParam,
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (req, reply) => {
      await service.deleteCredential(deps, orgOf(req), req.params.provider);
      return reply.status(204).send(null);
    },
  );
}
