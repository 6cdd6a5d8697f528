/** GET /v1/providers: what a model configuration can be made of, for any signed-in person or key. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { orgOf } from '../../plugins/auth.js';
import { problemResponses } from '../../plugins/openapi.js';
import { providersDto } from './providers.schemas.js';
import * as service from './providers.service.js';

export async function providersRoutes(app: FastifyInstance, deps: service.ProvidersDeps): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/v1/providers',
    {
      // Any caller, including keys and clients limited to some workspaces: it names no data.
      config: { restrictedOk: true },
      schema: {
        tags: ['Model configurations'],
        summary: 'List the providers and the parameters each accepts',
        description:
          'For each provider: whether a key is there to call it (the deployment’s or the organization’s), the per-model rules Citewatch knows (sampling, reasoning efforts, web search), and every parameter a model configuration may set, with its type, range, values and default — read from the same schemas the model-configuration routes validate with.',
        response: { 200: providersDto, ...problemResponses },
      },
    },
    async (req) => service.listProviders(deps, orgOf(req)),
  );
}
