/**
 * GET /v1/workspaces/:workspaceId/answers — the drill-down behind every report number — and
 * GET /v1/workspaces/:workspaceId/exports/{responses,mentions,citations} — the raw data, streamed.
 */
import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { orgOf } from '../../plugins/auth.js';
import { problemResponses } from '../../plugins/openapi.js';
import { workspaceParams } from '../common.schemas.js';
import { sendCsv } from '../reports/reports.routes.js';
import { exportExamples } from './answers.examples.js';
import { answersPage, answersQuery, exportQuery } from './answers.schemas.js';
import * as service from './answers.service.js';

function sendJsonStream(reply: FastifyReply, name: string, stream: Readable): FastifyReply {
  return reply
    .type('application/json; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name}.json"`)
    .send(stream);
}

export async function answersRoutes(app: FastifyInstance, deps: service.AnswersDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/v1/workspaces/:workspaceId/answers',
    {
      schema: {
        tags: ['Answers'],
        summary: 'Answers with their mentions (spans for highlighting) and citations, newest first',
        description:
          'Takes the report filters, so any report row can be opened to its answers. The text and the provider payload come with includeRaw=true.',
        params: workspaceParams,
        querystring: answersQuery,
        response: { 200: answersPage, ...problemResponses },
      },
    },
    async (req) => service.listAnswers(deps, orgOf(req), req.params.workspaceId, req.query),
  );

  // One route per dataset (rather than a :dataset parameter), so each is documented on its own.
  for (const dataset of ['responses', 'mentions', 'citations'] as const) {
    r.get(
      `/v1/workspaces/:workspaceId/exports/${dataset}`,
      {
        schema: {
          tags: ['Answers'],
          summary: `Export raw ${dataset} as CSV or JSON, streamed`,
          description:
            'Every row of the dataset in the filtered answers, streamed from the database (never built whole in memory), in answer order.' +
            (dataset === 'responses'
              ? ' includeRaw=true adds the provider payload.'
              : ' brandIds limits the rows to those brands.'),
          params: workspaceParams,
          querystring: exportQuery,
          response: {
            200: {
              description: `The ${dataset}, one row each`,
              content: {
                'text/csv': {
                  schema: z
                    .string()
                    .describe('A header row, then one row per item; JSON values (spans, raw) as JSON text')
                    .meta({ examples: [exportExamples[dataset].csv] }),
                },
                'application/json': {
                  schema: z
                    .array(z.record(z.string(), z.unknown()))
                    .describe('An array of rows, streamed')
                    .meta({ examples: [[exportExamples[dataset].json]] }),
                },
              },
            },
            ...problemResponses,
          },
        },
      },
      async (req, reply) => {
        const stream = await service.exportDataset(deps, orgOf(req), req.params.workspaceId, dataset, req.query);
        return req.query.format === 'csv' ? sendCsv(reply, dataset, stream) : sendJsonStream(reply, dataset, stream);
      },
    );
  }
}
