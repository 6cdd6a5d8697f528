import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { orgOf } from '../../plugins/auth.js';
import { problemResponses } from '../../plugins/openapi.js';
import { pageOf, workspaceParams } from '../common.schemas.js';
import { pdfReportCreate, pdfReportDto, pdfReportListQuery, pdfReportParams } from './pdf-reports.schemas.js';
import * as service from './pdf-reports.service.js';

const pdfFile = {
  description: 'The PDF, as an attachment',
  content: {
    'application/pdf': {
      schema: z
        .string()
        .describe('The PDF file (binary)')
        .meta({ format: 'binary', examples: ['%PDF-1.3 …'] }),
    },
  },
};

export async function pdfReportsRoutes(app: FastifyInstance, deps: service.PdfReportsDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['PDF reports'];
  const base = '/v1/workspaces/:workspaceId/pdf-reports';
  r.post(
    base,
    {
      schema: {
        tags,
        summary: 'Make a PDF report of the workspace for a period',
        description:
          'Queues a worker job that renders a client-ready PDF (cover in the organization’s branding, visibility and share of voice with intervals, trend chart, citations, competitor gap, significant changes since the previous period, methodology), stores it, and emails it to `sendTo` when given. Poll GET …/pdf-reports/{pdfReportId} until `status` is completed, then download `fileUrl`.',
        params: workspaceParams,
        body: pdfReportCreate,
        response: { 202: pdfReportDto, ...problemResponses },
      },
    },
    async (req, reply) =>
      reply
        .status(202)
        .send(
          await service.createPdfReport(
            deps,
            orgOf(req),
            req.params.workspaceId,
            req.body,
            req.auth?.principal.label ?? null,
          ),
        ),
  );
  r.get(
    base,
    {
      schema: {
        tags,
        summary: 'List PDF reports, newest first',
        params: workspaceParams,
        querystring: pdfReportListQuery,
        response: { 200: pageOf(pdfReportDto), ...problemResponses },
      },
    },
    async (req) => service.listPdfReports(deps, orgOf(req), req.params.workspaceId, req.query),
  );
  r.get(
    `${base}/:pdfReportId`,
    {
      schema: {
        tags,
        summary: 'Get a PDF report’s status',
        params: pdfReportParams,
        response: { 200: pdfReportDto, ...problemResponses },
      },
    },
    async (req) => service.getPdfReport(deps, orgOf(req), req.params.workspaceId, req.params.pdfReportId),
  );
  r.get(
    `${base}/:pdfReportId/file`,
    {
      schema: {
        tags,
        summary: 'Download a PDF report',
        description:
          'application/pdf with Content-Disposition: attachment; 409 problem+json while the PDF is not made yet.',
        params: pdfReportParams,
        response: { 200: pdfFile, ...problemResponses },
      },
    },
    async (req, reply) => {
      const file = await service.pdfReportFile(deps, orgOf(req), req.params.workspaceId, req.params.pdfReportId);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('cache-control', 'private, no-store')
        .send(file.content as unknown as string);
    },
  );
}
