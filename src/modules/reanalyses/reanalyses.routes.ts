import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { orgOf } from '../../plugins/auth.js';
import { problemResponses } from '../../plugins/openapi.js';
import { pageOf, workspaceParams } from '../common.schemas.js';
import { reanalysisCreate, reanalysisDto, reanalysisListQuery, reanalysisParams } from './reanalyses.schemas.js';
import * as service from './reanalyses.service.js';

export async function reanalysesRoutes(app: FastifyInstance, deps: service.ReanalysesDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Re-analysis'];
  const base = '/v1/workspaces/:workspaceId/reanalyses';
  r.post(
    base,
    {
      schema: {
        tags,
        summary: 'Re-analyse stored answers',
        description:
          'Derives mentions and citations again from stored answers (after brands, aliases or domains change), in the background. No provider is called.',
        params: workspaceParams,
        body: reanalysisCreate,
        response: { 202: reanalysisDto, ...problemResponses },
      },
    },
    async (req, reply) =>
      reply.status(202).send(await service.startReanalysis(deps, orgOf(req), req.params.workspaceId, req.body)),
  );
  r.get(
    base,
    {
      schema: {
        tags,
        summary: 'List re-analyses, newest first',
        params: workspaceParams,
        querystring: reanalysisListQuery,
        response: { 200: pageOf(reanalysisDto), ...problemResponses },
      },
    },
    async (req) => service.listReanalyses(deps, orgOf(req), req.params.workspaceId, req.query),
  );
  r.get(
    `${base}/:reanalysisId`,
    {
      schema: {
        tags,
        summary: 'Get a re-analysis with its progress',
        params: reanalysisParams,
        response: { 200: reanalysisDto, ...problemResponses },
      },
    },
    async (req) => service.getReanalysis(deps, orgOf(req), req.params.workspaceId, req.params.reanalysisId),
  );
}
