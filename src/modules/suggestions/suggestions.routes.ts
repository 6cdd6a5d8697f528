import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { orgOf } from '../../plugins/auth.js';
import { problemResponses } from '../../plugins/openapi.js';
import { pageOf, workspaceParams } from '../common.schemas.js';
import { suggestionCreate, suggestionDto, suggestionListQuery, suggestionParams } from './suggestions.schemas.js';
import * as service from './suggestions.service.js';

export async function suggestionsRoutes(app: FastifyInstance, deps: service.SuggestionsDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Suggestions'];
  const base = '/v1/workspaces/:workspaceId/suggestions';
  r.post(
    base,
    {
      schema: {
        tags,
        summary: 'Suggest competitors and prompts',
        description:
          'Suggestions for setting a workspace up. `templates` and `searches` answer at once (status succeeded). `model` asks a model through the provider layer runs use: the call is priced first and refused with 422 budget_exceeded when the estimate is over `budgetUsd`; otherwise it is queued (202, status queued) for a worker — poll GET …/suggestions/{id} until succeeded or failed. Nothing is saved as a brand or prompt: keep what you want with POST …/brands and POST …/prompts.',
        params: workspaceParams,
        body: suggestionCreate,
        response: { 202: suggestionDto, ...problemResponses },
      },
    },
    async (req, reply) =>
      reply.status(202).send(await service.createSuggestion(deps, orgOf(req), req.params.workspaceId, req.body)),
  );
  r.get(
    base,
    {
      schema: {
        tags,
        summary: 'List suggestion requests, newest first',
        params: workspaceParams,
        querystring: suggestionListQuery,
        response: { 200: pageOf(suggestionDto), ...problemResponses },
      },
    },
    async (req) => service.listSuggestions(deps, orgOf(req), req.params.workspaceId, req.query),
  );
  r.get(
    `${base}/:suggestionId`,
    {
      schema: {
        tags,
        summary: 'Get a suggestion request with its competitors and prompts',
        params: suggestionParams,
        response: { 200: suggestionDto, ...problemResponses },
      },
    },
    async (req) => service.getSuggestion(deps, orgOf(req), req.params.workspaceId, req.params.suggestionId),
  );
}
