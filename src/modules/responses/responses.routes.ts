/**
 * GET /v1/workspaces/:workspaceId/responses and /responses/:responseId — the collected answers as
 * a read-only resource (responses are written by workers only).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { orgOf } from '../../plugins/auth.js';
import { problemResponses } from '../../plugins/openapi.js';
import { workspaceParams } from '../common.schemas.js';
import {
  responseDto,
  responseGetQuery,
  responseListQuery,
  responseParams,
  responsesPage,
} from './responses.schemas.js';
import * as service from './responses.service.js';

export async function responsesRoutes(app: FastifyInstance, deps: service.ResponsesDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Responses'];
  const base = '/v1/workspaces/:workspaceId/responses';

  r.get(
    base,
    {
      schema: {
        tags,
        summary: 'List responses, newest first',
        description:
          'Every answer collected, with its exact request parameters, usage, cost, status or error, and the mentions and citations derived from it. Filter by run, prompt, configuration or status; for the report filters use /answers.',
        params: workspaceParams,
        querystring: responseListQuery,
        response: { 200: responsesPage, ...problemResponses },
      },
    },
    async (req) => service.listResponses(deps, orgOf(req), req.params.workspaceId, req.query),
  );

  r.get(
    `${base}/:responseId`,
    {
      schema: {
        tags,
        summary: 'Get a response',
        description:
          'One answer with its text, the raw provider payload (unless includeRaw=false), mentions and citations.',
        params: responseParams,
        querystring: responseGetQuery,
        response: { 200: responseDto, ...problemResponses },
      },
    },
    async (req) =>
      service.getResponse(deps, orgOf(req), req.params.workspaceId, req.params.responseId, req.query.includeRaw),
  );
}
