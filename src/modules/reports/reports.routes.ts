/**
 * Report routes: GET /v1/workspaces/:workspaceId/reports/<report>. Every report takes the same
 * filters and answers JSON, or CSV with ?format=csv (streamed, with a header row and the
 * definition version on every row).
 */
import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { orgOf } from '../../plugins/auth.js';
import { problemResponses } from '../../plugins/openapi.js';
import { workspaceParams } from '../common.schemas.js';
import {
  shareOfVoiceQuery,
  shareOfVoiceReport,
  trendsQuery,
  trendsReport,
  visibilityQuery,
  visibilityReport,
} from './brand-reports.schemas.js';
import { appGapQuery, appGapReport, type AppGapReport } from './app-gap.schemas.js';
import { appGap, appGapCsv } from './app-gap.service.js';
import { citationsQuery, citationsReport, type CitationsReport } from './citations.schemas.js';
import { citations, citationsCsv } from './citations.service.js';
import { competitorGapQuery, competitorGapReport, type CompetitorGapReport } from './competitor-gap.schemas.js';
import { competitorGap, competitorGapCsv } from './competitor-gap.service.js';
import { streamRows, columnsOf } from './csv.js';
import { experimentsQuery, experimentsReport, type ExperimentsReport } from './experiments.schemas.js';
import { experimentRows, experiments } from './experiments.service.js';
import { impactQuery, impactReport, type ImpactReport } from './impact.schemas.js';
import { impact, impactCsv } from './impact.service.js';
import {
  appGapReportExample,
  competitorGapReportExample,
  citationsReportExample,
  spendReportExample,
  untrackedReportExample,
  experimentsReportExample,
  impactReportExample,
  searchQueriesReportExample,
  shareOfVoiceReportExample,
  sourceCategoryTrendsReportExample,
  trendsReportExample,
  visibilityReportExample,
} from './reports.examples.js';
import { RollupRefresher } from './rollups.service.js';
import { searchQueriesQuery, searchQueriesReport, type SearchQueriesReport } from './search-queries.schemas.js';
import {
  sourceCategoryTrendsQuery,
  sourceCategoryTrendsReport,
  type SourceCategoryTrendsReport,
} from './source-category-trends.schemas.js';
import { sourceCategoryTrends, sourceCategoryTrendsCsv } from './source-category-trends.service.js';
import { searchQueries, searchQueriesCsv } from './search-queries.service.js';
import { spendQuery, spendReport, type SpendReport } from './spend.schemas.js';
import { spend, spendCsv } from './spend.service.js';
import { untrackedQuery, untrackedReport, type UntrackedReport } from './untracked.schemas.js';
import { untracked, untrackedCsv } from './untracked.service.js';
import * as service from './reports.service.js';

/** A 200 that is JSON by default and CSV with ?format=csv; `csvExample` is the JSON example exported. */
export const jsonOrCsv = <T extends z.ZodType>(schema: T, description: string, csvExample: string) => ({
  description,
  content: {
    'application/json': { schema },
    'text/csv': {
      schema: z
        .string()
        .describe('The same rows flattened (nested fields as dotted columns), with a header row')
        .meta({ examples: [csvExample] }),
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
    sourceCategoryTrends: await textOf(
      sourceCategoryTrendsCsv(sourceCategoryTrendsReportExample as unknown as SourceCategoryTrendsReport),
    ),
    experiments: await textOf(experimentsCsv(experimentsReportExample as unknown as ExperimentsReport)),
    competitorGap: await textOf(competitorGapCsv(competitorGapReportExample as unknown as CompetitorGapReport)),
    spend: await textOf(spendCsv(spendReportExample as SpendReport)),
    untracked: await textOf(untrackedCsv(untrackedReportExample as UntrackedReport)),
    searchQueries: await textOf(searchQueriesCsv(searchQueriesReportExample as SearchQueriesReport)),
    impact: await textOf(impactCsv(impactReportExample as ImpactReport)),
    appGap: await textOf(appGapCsv(appGapReportExample as AppGapReport)),
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

/**
 * One report route: its path under /v1/workspaces/:workspaceId/reports, its documentation, its
 * query and report schemas, how it is built, and how it is exported as CSV.
 */
export interface ReportRoute<Q extends z.ZodType, R extends z.ZodType> {
  path: string;
  summary: string;
  description: string;
  query: Q;
  report: R;
  build(d: service.ReportsDeps, org: string, workspaceId: string, query: z.output<Q>): Promise<z.output<R>>;
  /** The same request's rows as CSV. */
  csv(d: service.ReportsDeps, org: string, workspaceId: string, query: z.output<Q>): Promise<Readable>;
  csvExample: string;
}

const route = <Q extends z.ZodType, R extends z.ZodType>(spec: ReportRoute<Q, R>) =>
  spec as unknown as ReportRoute<z.ZodType, z.ZodType>;

/** Every report, in the order the reference lists them. */
export async function reportRoutes(): Promise<Array<ReportRoute<z.ZodType, z.ZodType>>> {
  const csv = await csvExamples();
  return [
    route({
      path: 'visibility',
      summary: 'Visibility: mention rate per brand (by provider and configuration unless grouped otherwise)',
      description:
        'Answers mentioning each brand over successful analysed answers, with n and the 95% Wilson interval. Failed answers and answers awaiting analysis are counted apart, never as "not mentioned".',
      query: visibilityQuery,
      report: visibilityReport,
      build: (d, org, ws, q) => service.visibility(d, org, ws, q),
      csv: (d, org, ws, q) => service.brandReportCsv(d, org, ws, 'visibility', q),
      csvExample: csv.visibility,
    }),
    route({
      path: 'share-of-voice',
      summary: 'Share of voice, average rank, top-1 rate and sentiment per brand',
      description:
        'Presence- and count-based share of voice among every tracked brand (delta-method intervals over answers), mean rank and top-1 rate over the answers mentioning the brand, mean sentiment with counts per label.',
      query: shareOfVoiceQuery,
      report: shareOfVoiceReport,
      build: (d, org, ws, q) => service.shareOfVoice(d, org, ws, q),
      csv: (d, org, ws, q) => service.brandReportCsv(d, org, ws, 'share-of-voice', q),
      csvExample: csv.shareOfVoice,
    }),
    route({
      path: 'trends',
      summary: 'Trends: every brand metric per day or week, in the workspace time zone',
      description:
        'Mention rate, share of voice, average rank, top-1 rate, sentiment and citation share per period and brand; answers are dated by their run.',
      query: trendsQuery,
      report: trendsReport,
      build: (d, org, ws, q) => service.trends(d, org, ws, q),
      csv: (d, org, ws, q) => service.brandReportCsv(d, org, ws, 'trends', q),
      csvExample: csv.trends,
    }),
    route({
      path: 'citations',
      summary:
        'Citations: top domains and URLs, own-domain share per brand, and the split between annotations, links and retrieved sources',
      description:
        'Per provider unless grouped otherwise. Cited = annotations and links; search results retrieved but not cited are counted apart.',
      query: citationsQuery,
      report: citationsReport,
      build: (d, org, ws, q) => citations(d, org, ws, q),
      csv: async (d, org, ws, q) => citationsCsv(await citations(d, org, ws, q)),
      csvExample: csv.citations,
    }),
    route({
      path: 'source-category-trends',
      summary: 'Source-category trends: the split of cited sources by source category per day or week',
      description:
        'Per period of the workspace time zone (answers dated by their run), every source category (docs/analysis-rules.md#source-categories) with its cited sources, its share of every cited source (95% delta-method interval over answers) and the answers citing it over the analysed answers (95% Wilson interval), with n. The same figures as the citations report’s sourceCategories over each period.',
      query: sourceCategoryTrendsQuery,
      report: sourceCategoryTrendsReport,
      build: (d, org, ws, q) => sourceCategoryTrends(d, org, ws, q),
      csv: async (d, org, ws, q) => sourceCategoryTrendsCsv(await sourceCategoryTrends(d, org, ws, q)),
      csvExample: csv.sourceCategoryTrends,
    }),
    route({
      path: 'experiments',
      summary:
        'Configuration experiments: difference in mention rate per brand, with interval, p-value and samples needed',
      description:
        'For configA and configB, or every pair of configurations differing only in `parameter` (model, provider, temperature, webSearch…): B − A with its 95% Newcombe interval, a two-sided p-value (pooled z-test; Fisher’s exact test when an expected count is below 5), adjusted across the report (Holm by default), and the answers per arm needed to detect minimumDifference.',
      query: experimentsQuery,
      report: experimentsReport,
      build: (d, org, ws, q) => experiments(d, org, ws, q),
      csv: async (d, org, ws, q) => experimentsCsv(await experiments(d, org, ws, q)),
      csvExample: csv.experiments,
    }),
    route({
      path: 'competitor-gap',
      summary: 'Competitor gap: prompts where a competitor is named and no own brand is, with examples',
      description:
        'Largest gap first; each row quotes the latest such answers (snippet and spans of the competitor’s mention).',
      query: competitorGapQuery,
      report: competitorGapReport,
      build: (d, org, ws, q) => competitorGap(d, org, ws, q),
      csv: async (d, org, ws, q) => competitorGapCsv(await competitorGap(d, org, ws, q)),
      csvExample: csv.competitorGap,
    }),
    route({
      path: 'spend',
      summary: 'Spend: what answers cost in a month, by provider and configuration, and each audit against its budget',
      description:
        'The cost of every answer of the runs created in a calendar month of the workspace time zone (default: the current one), by provider and by model configuration, and for every audit what its runs spent and what is left of its monthly budget, counted as the budget check counts it (calendar month in UTC).',
      query: spendQuery,
      report: spendReport,
      build: (d, org, ws, q) => spend(d, org, ws, q),
      csv: async (d, org, ws, q) => spendCsv(await spend(d, org, ws, q)),
      csvExample: csv.spend,
    }),
    route({
      path: 'untracked',
      summary: 'Untracked: names and domains assistants bring up that no tracked brand covers',
      description:
        'Reads the latest answers of the runs in range (at most `sample`) and lists the names they present (list leads, headings, bold text, table cells) that no tracked brand’s name or alias matches, and the cited domains no brand owns, most frequent first: candidates to add as competitors (POST /brands).',
      query: untrackedQuery,
      report: untrackedReport,
      build: (d, org, ws, q) => untracked(d, org, ws, q),
      csv: async (d, org, ws, q) => untrackedCsv(await untracked(d, org, ws, q)),
      csvExample: csv.untracked,
    }),
    route({
      path: 'search-queries',
      summary:
        'Search fan-out: the web searches assistants ran per prompt and configuration, and how often own domains were cited after each',
      description:
        'Per prompt × provider × configuration with at least one web search: the top `top` search queries, normalised (trimmed, lower-cased, whitespace collapsed), with the answers that ran each and their share of the answers that searched, and the rate at which those answers cited an own brand’s domain (annotations and links, not sources merely retrieved), each with n and the 95% Wilson interval. Read from the successful analysed answers of the runs in range.',
      query: searchQueriesQuery,
      report: searchQueriesReport,
      build: (d, org, ws, q) => searchQueries(d, org, ws, q),
      csv: async (d, org, ws, q) => searchQueriesCsv(await searchQueries(d, org, ws, q)),
      csvExample: csv.searchQueries,
    }),
    route({
      path: 'impact',
      summary:
        'Change impact: did an event move the mention rate on the prompts it should affect? Difference in differences with interval, p-value and power',
      description:
        'Compares the brand’s mention rate (any own brand by default, or brandId) on the event’s prompts (listed or tagged) in the windowDays before and after the event with the change on the other prompts over the same windows: (affected after − affected before) − (unaffected after − unaffected before), over successful analysed answers, dated by their run. The variance is cluster-robust with prompts as clusters; the 95% interval and two-sided p-value use Student t with prompts − 2 degrees of freedom. power is the chance this data detects a true change of minEffect; minimumDetectableEffect the change it detects with 80% power. verdict: effect (p < 0.05), no-detectable-effect (p ≥ 0.05 with power ≥ 80%) or underpowered (the data cannot tell), with a one-sentence summary. docs/statistics.md#change-impact defines each number.',
      query: impactQuery,
      report: impactReport,
      build: (d, org, ws, q) => impact(d, org, ws, q),
      csv: async (d, org, ws, q) => impactCsv(await impact(d, org, ws, q)),
      csvExample: csv.impact,
    }),
    route({
      path: 'app-gap',
      summary:
        'App-versus-API gap: per assistant, how its API answers differ from its consumer app on the same prompts, with a verdict',
      description:
        'Pairs each assistant’s API configurations (openai → chatgpt, gemini → gemini, anthropic → claude, perplexity → perplexity, mock → chatgpt) with its app captures (assistant_app, mock_app: the model names the assistant), or the configurations given in apiConfigIds and appConfigIds, and keeps the prompts with analysed answers on both surfaces. Per brand: the mention rate on each surface and app − API with its 95% Newcombe interval and a two-sided p-value (z-test, or Fisher’s exact test for small counts); per cited domain (the `top` most cited): its citation share on each surface and app − API with a 95% delta-method interval and z-test. p-values are adjusted across every brand and domain of the report (Holm by default). verdict: not_stand_in when a difference of maxGap or more is significant, stand_in when each surface has minAnswers answers and every difference is below maxGap, inconclusive otherwise, with a one-line summary. docs/statistics.md#app-versus-api-gap defines each number.',
      query: appGapQuery,
      report: appGapReport,
      build: (d, org, ws, q) => appGap(d, org, ws, q),
      csv: async (d, org, ws, q) => appGapCsv(await appGap(d, org, ws, q)),
      csvExample: csv.appGap,
    }),
  ];
}

export async function reportsRoutes(app: FastifyInstance, deps: service.ReportsDeps): Promise<void> {
  const refresher = deps.refresher ?? new RollupRefresher(deps.db.pool, app.log);
  const d: service.ReportsDeps = { ...deps, refresher };
  // Background rebuilds started by reports must finish before the pool closes.
  app.addHook('onClose', async () => refresher.idle());
  for (const spec of await reportRoutes()) {
    app.get(
      `/v1/workspaces/:workspaceId/reports/${spec.path}`,
      {
        serializerCompiler: plainJson,
        schema: {
          tags: ['Reports'],
          summary: spec.summary,
          description: spec.description,
          params: workspaceParams,
          querystring: spec.query,
          response: { 200: jsonOrCsv(spec.report, `The ${spec.path} report`, spec.csvExample), ...problemResponses },
        },
      },
      async (req, reply) => {
        const { workspaceId } = req.params as z.output<typeof workspaceParams>;
        const query = req.query as z.output<z.ZodType> & { format?: string };
        const org = orgOf(req);
        if (query.format === 'csv') return sendCsv(reply, spec.path, await spec.csv(d, org, workspaceId, query));
        return spec.build(d, org, workspaceId, query);
      },
    );
  }
}
