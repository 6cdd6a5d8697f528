/**
 * Report routes: GET /v1/workspaces/:workspaceId/reports/<report>. Every report takes the same
 * filters and answers JSON, or CSV with ?format=csv (streamed, with a header row and the
 * definition version on every row).
 */
import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { orgOf } from '../../plugins/auth.js';
import { problemResponses } from '../../plugins/openapi.js';
import { workspaceParams } from '../common.schemas.js';
import { shareOfVoiceQuery, shareOfVoiceReport, trendsQuery, trendsReport, visibilityQuery, visibilityReport } from './brand-reports.schemas.js';
import { citationsQuery, citationsReport, type CitationsReport } from './citations.schemas.js';
import { citations, citationsCsv } from './citations.service.js';
import { competitorGapQuery, competitorGapReport, type CompetitorGapReport } from './competitor-gap.schemas.js';
import { competitorGap, competitorGapCsv } from './competitor-gap.service.js';
import { streamRows, columnsOf } from './csv.js';
import { experimentsQuery, experimentsReport, type ExperimentsReport } from './experiments.schemas.js';
import { experimentRows, experiments } from './experiments.service.js';
import { competitorGapReportExample, citationsReportExample, experimentsReportExample, shareOfVoiceReportExample, trendsReportExample, visibilityReportExample } from './reports.examples.js';
import { RollupRefresher } from './rollups.service.js';
import * as service from './reports.service.js';

/** A 200 that is JSON by default and CSV with ?format=csv; `csvExample` is the JSON example exported. */
export const jsonOrCsv = <T extends z.ZodType>(schema: T, description: string, csvExample: string) => ({
  description,
  content: {
    'application/json': { schema },
    'text/csv': {
      schema: z.string().describe('The same rows flattened (nested fields as dotted columns), with a header row').meta({ examples: [csvExample] }),
    },
  },
});

async function textOf(stream: Readable): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += String(chunk);
  return text;
}

/** Brand reports' CSV rows: each JSON row with the definition version, as the database export writes them. */
function brandRowsCsv(report: { definitionVersion: number; rows: Array<Record<string, unknown>> }): Readable {
  const rows = report.rows.map((row) => ({ definitionVersion: report.definitionVersion, ...row }));
  return streamRows(rows, 'csv', columnsOf(rows[0] ?? { definitionVersion: report.definitionVersion }));
}

function experimentsCsv(report: ExperimentsReport): Readable {
  const rows = experimentRows(report);
  return streamRows(rows, 'csv', rows[0] ? columnsOf(rows[0]) : ['definitionVersion', 'parameter']);
}

/**
 * The CSV examples of the documentation: each report's JSON example run through the export code
 * of its route, so the documented columns are the ones a client receives.
 */
async function csvExamples() {
  return {
    visibility: await textOf(brandRowsCsv(visibilityReportExample)),
    shareOfVoice: await textOf(brandRowsCsv(shareOfVoiceReportExample)),
    trends: await textOf(brandRowsCsv(trendsReportExample)),
    citations: await textOf(citationsCsv(citationsReportExample as unknown as CitationsReport)),
    experiments: await textOf(experimentsCsv(experimentsReportExample as unknown as ExperimentsReport)),
    competitorGap: await textOf(competitorGapCsv(competitorGapReportExample as unknown as CompetitorGapReport)),
  };
}

/**
 * Reports are large (hundreds of rows of nested numbers with intervals) and built by code typed
 * from these same schemas (z.infer); validating each response against them again cost more than
 * the query. They are serialized directly; the integration tests parse every report with its schema.
 */
const plainJson = () => (data: unknown) => JSON.stringify(data);

export function sendCsv(reply: FastifyReply, name: string, stream: Readable): FastifyReply {
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name}.csv"`)
    .send(stream);
}

export async function reportsRoutes(app: FastifyInstance, deps: service.ReportsDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const refresher = deps.refresher ?? new RollupRefresher(deps.db.pool, app.log);
  const d: service.ReportsDeps = { ...deps, refresher };
  // Background rebuilds started by reports must finish before the pool closes.
  app.addHook('onClose', async () => refresher.idle());
  const tags = ['Reports'];
  const base = '/v1/workspaces/:workspaceId/reports';
  const csv = await csvExamples();

  r.get(`${base}/visibility`, {
    serializerCompiler: plainJson,
    schema: {
      tags,
      summary: 'Visibility: mention rate per brand (by provider and configuration unless grouped otherwise)',
      description:
        'Answers mentioning each brand over successful analysed answers, with n and the 95% Wilson interval. Failed answers and answers awaiting analysis are counted apart, never as "not mentioned".',
      params: workspaceParams,
      querystring: visibilityQuery,
      response: { 200: jsonOrCsv(visibilityReport, 'The visibility report', csv.visibility), ...problemResponses },
    },
  }, async (req, reply) => {
    const org = orgOf(req);
    if (req.query.format === 'csv') return sendCsv(reply, 'visibility', await service.brandReportCsv(d, org, req.params.workspaceId, 'visibility', req.query));
    return service.visibility(d, org, req.params.workspaceId, req.query);
  });

  r.get(`${base}/share-of-voice`, {
    serializerCompiler: plainJson,
    schema: {
      tags,
      summary: 'Share of voice, average rank, top-1 rate and sentiment per brand',
      description:
        'Presence- and count-based share of voice among every tracked brand (delta-method intervals over answers), mean rank and top-1 rate over the answers mentioning the brand, mean sentiment with counts per label.',
      params: workspaceParams,
      querystring: shareOfVoiceQuery,
      response: { 200: jsonOrCsv(shareOfVoiceReport, 'The share-of-voice report', csv.shareOfVoice), ...problemResponses },
    },
  }, async (req, reply) => {
    const org = orgOf(req);
    if (req.query.format === 'csv') return sendCsv(reply, 'share-of-voice', await service.brandReportCsv(d, org, req.params.workspaceId, 'share-of-voice', req.query));
    return service.shareOfVoice(d, org, req.params.workspaceId, req.query);
  });

  r.get(`${base}/trends`, {
    serializerCompiler: plainJson,
    schema: {
      tags,
      summary: 'Trends: every brand metric per day or week, in the workspace time zone',
      description: 'Mention rate, share of voice, average rank, top-1 rate, sentiment and citation share per period and brand; answers are dated by their run.',
      params: workspaceParams,
      querystring: trendsQuery,
      response: { 200: jsonOrCsv(trendsReport, 'The trends report', csv.trends), ...problemResponses },
    },
  }, async (req, reply) => {
    const org = orgOf(req);
    if (req.query.format === 'csv') return sendCsv(reply, 'trends', await service.brandReportCsv(d, org, req.params.workspaceId, 'trends', req.query));
    return service.trends(d, org, req.params.workspaceId, req.query);
  });

  r.get(`${base}/citations`, {
    serializerCompiler: plainJson,
    schema: {
      tags,
      summary: 'Citations: top domains and URLs, own-domain share per brand, and the split between annotations, links and retrieved sources',
      description: 'Per provider unless grouped otherwise. Cited = annotations and links; search results retrieved but not cited are counted apart.',
      params: workspaceParams,
      querystring: citationsQuery,
      response: { 200: jsonOrCsv(citationsReport, 'The citations report', csv.citations), ...problemResponses },
    },
  }, async (req, reply) => {
    const report = await citations(d, orgOf(req), req.params.workspaceId, req.query);
    return req.query.format === 'csv' ? sendCsv(reply, 'citations', citationsCsv(report)) : report;
  });

  r.get(`${base}/experiments`, {
    serializerCompiler: plainJson,
    schema: {
      tags,
      summary: 'Configuration experiments: difference in mention rate per brand, with interval, p-value and samples needed',
      description:
        'For configA and configB, or every pair of configurations differing only in `parameter` (model, provider, temperature, webSearch…): B − A with its 95% Newcombe interval, a two-sided p-value (pooled z-test; Fisher’s exact test when an expected count is below 5), adjusted across the report (Holm by default), and the answers per arm needed to detect minimumDifference.',
      params: workspaceParams,
      querystring: experimentsQuery,
      response: { 200: jsonOrCsv(experimentsReport, 'The experiments report', csv.experiments), ...problemResponses },
    },
  }, async (req, reply) => {
    const report = await experiments(d, orgOf(req), req.params.workspaceId, req.query);
    if (req.query.format !== 'csv') return report;
    return sendCsv(reply, 'experiments', experimentsCsv(report));
  });

  r.get(`${base}/competitor-gap`, {
    serializerCompiler: plainJson,
    schema: {
      tags,
      summary: 'Competitor gap: prompts where a competitor is named and no own brand is, with examples',
      description: 'Largest gap first; each row quotes the latest such answers (snippet and spans of the competitor’s mention).',
      params: workspaceParams,
      querystring: competitorGapQuery,
      response: { 200: jsonOrCsv(competitorGapReport, 'The competitor-gap report', csv.competitorGap), ...problemResponses },
    },
  }, async (req, reply) => {
    const report = await competitorGap(d, orgOf(req), req.params.workspaceId, req.query);
    return req.query.format === 'csv' ? sendCsv(reply, 'competitor-gap', competitorGapCsv(report)) : report;
  });
}
