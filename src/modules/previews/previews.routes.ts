/**
 * Previews (POST, but they change nothing): the body is the input to preview, the answer what
 * Citewatch would compute from it. Read permission is enough, and the audit log records none.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { orgOf } from '../../plugins/auth.js';
import { problemResponses } from '../../plugins/openapi.js';
import { workspaceParams } from '../common.schemas.js';
import {
  analysisPreviewBody,
  analysisPreviewDto,
  schedulePreviewBody,
  schedulePreviewDto,
} from './previews.schemas.js';
import * as service from './previews.service.js';

export async function previewsRoutes(app: FastifyInstance, deps: service.PreviewsDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { scope: 'read', readOnly: true } as const;

  r.post(
    '/v1/workspaces/:workspaceId/analysis-preview',
    {
      config,
      schema: {
        tags: ['Brands'],
        summary: 'Preview the analysis of an answer',
        description:
          'Finds the mentions and citations in a text exactly as the analysis of a run’s answers would (same rules, same sentiment scorer), for the workspace’s stored brands or for the brands given (unsaved edits). Calls no model and stores nothing; read permission is enough.',
        params: workspaceParams,
        body: analysisPreviewBody,
        response: { 200: analysisPreviewDto, ...problemResponses },
      },
    },
    async (req) => service.previewAnalysis(deps, orgOf(req), req.params.workspaceId, req.body),
  );

  r.post(
    '/v1/workspaces/:workspaceId/schedule-preview',
    {
      config,
      schema: {
        tags: ['Audits'],
        summary: 'Preview an audit schedule',
        description:
          'Checks a cron expression as an audit’s `schedule` is checked and lists its next due times, as instants and as wall-clock times in the time zone (the workspace’s by default), with the runs it starts in an average month. Stores nothing; read permission is enough.',
        params: workspaceParams,
        body: schedulePreviewBody,
        response: { 200: schedulePreviewDto, ...problemResponses },
      },
    },
    async (req) => service.previewSchedule(deps, orgOf(req), req.params.workspaceId, req.body),
  );
}
