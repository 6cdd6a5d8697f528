/**
 * Report services. Each report is one or a few SQL statements over rollups plus live answers
 * (sources.sql.ts); this layer picks the slice, turns sums into numbers with intervals, and
 * shapes JSON or a CSV stream.
 */
import type { Readable } from 'node:stream';
import type { Database } from '../../db/client.js';
import { eventsBetween } from '../events/events.repo.js';
import { requireWorkspace } from '../workspaces/workspaces.service.js';
import type { ShareOfVoiceReport, TrendsReport, VisibilityReport } from './brand-reports.schemas.js';
import { sampleFactsRow, shareOfVoiceRowOf, trendRowOf, visibilityRowOf } from './brand-rows.js';
import { columnsOf } from './csv.js';
import { brandFactsSql, type BrandFactsRow } from './reports.repo.js';
import { DEFINITION_VERSION, type ReportFilters } from './reports.schemas.js';
import { reportQuery, streamQuery } from './report-session.js';
import { liveRuns } from './rollups.repo.js';
import type { RollupRefresher } from './rollups.service.js';
import { Params, type Dim, type SliceFilters, type SourceContext } from './sources.sql.js';
import { sliceFilters, wantsTargeting } from './targeting.js';

export interface ReportsDeps {
  db: Database;
  refresher?: RollupRefresher;
}

/** rollup (default): rollups plus live answers of runs without a current rollup. raw: answer tables only (baseline, tests). */
export type SourceMode = 'rollup' | 'raw';

export interface OpenedReport {
  timezone: string;
  liveRuns: number;
  /** The filters as asked (echoed in the report). */
  filters: ReportFilters;
  /** The filters with their resolved location and language targeting, as statements read them. */
  slice: SliceFilters;
  /** A fresh statement context: each statement numbers its own parameters. */
  context(): SourceContext;
}

const FILTER_KEYS = [
  'runId',
  'from',
  'to',
  'brandIds',
  'providers',
  'modelConfigIds',
  'promptIds',
  'tags',
  'locations',
  'languages',
] as const;

/** The filters of a report query, without its other options (grouping, format…). */
export function filtersOf(q: ReportFilters): ReportFilters {
  const f: Record<string, unknown> = {};
  for (const k of FILTER_KEYS) if (q[k] !== undefined) f[k] = q[k];
  return f as ReportFilters;
}

export async function openReport(
  deps: ReportsDeps,
  orgId: string,
  workspaceId: string,
  filters: ReportFilters,
  opts: { mode?: SourceMode; ownSensitive?: boolean; dims?: readonly string[] } = {},
): Promise<OpenedReport> {
  // All at once (round trips less); the runs and targeting are used only once the workspace is found in this organization.
  const [workspace, runs, slice] = await Promise.all([
    requireWorkspace(deps.db.prisma, orgId, workspaceId),
    opts.mode === 'raw' ? null : liveRuns(deps.db.pool, workspaceId, filters, opts.ownSensitive ?? false),
    wantsTargeting(filters, opts.dims) ? sliceFilters(deps.db.pool, workspaceId, filters, opts.dims) : filters,
  ]);
  let live: string[] | null = null;
  if (runs) {
    live = runs.map((r) => r.id);
    const stale = runs.filter((r) => r.finished).map((r) => r.id);
    if (stale.length) deps.refresher?.request(workspaceId, stale);
  }
  return {
    timezone: workspace.timezone,
    liveRuns: live?.length ?? 0,
    filters,
    slice,
    context: () => ({ p: new Params(), workspaceId, filters: slice, timezone: workspace.timezone, live }),
  };
}

export function envelope(r: OpenedReport) {
  return { definitionVersion: DEFINITION_VERSION, timezone: r.timezone, filters: r.filters, liveRuns: r.liveRuns };
}

export async function brandFacts(deps: ReportsDeps, report: OpenedReport, dims: Dim[]): Promise<BrandFactsRow[]> {
  const ctx = report.context();
  const sql = brandFactsSql(ctx, dims);
  return reportQuery<BrandFactsRow>(deps.db.pool, sql, ctx.p.values);
}

const sliceDims = (groupBy: string[]) => groupBy.filter((d): d is Dim => d !== 'brand');

type BrandReportKind = 'visibility' | 'share-of-voice' | 'trends';
interface BrandQuery {
  groupBy: string[];
  interval?: 'day' | 'week';
}

const MAPPERS: Record<BrandReportKind, (r: BrandFactsRow, dims: Dim[]) => Record<string, unknown>> = {
  visibility: visibilityRowOf,
  'share-of-voice': shareOfVoiceRowOf,
  trends: trendRowOf,
};

function dimsFor(kind: BrandReportKind, q: BrandQuery): Dim[] {
  const dims = sliceDims(q.groupBy);
  return kind === 'trends' ? [q.interval ?? 'day', ...dims] : dims;
}

async function brandReport(
  deps: ReportsDeps,
  orgId: string,
  workspaceId: string,
  kind: BrandReportKind,
  q: BrandQuery & ReportFilters,
  mode?: SourceMode,
) {
  const dims = dimsFor(kind, q);
  const report = await openReport(deps, orgId, workspaceId, filtersOf(q), { ...(mode ? { mode } : {}), dims });
  const rows = await brandFacts(deps, report, dims);
  return { ...envelope(report), groupBy: q.groupBy, rows: rows.map((r) => MAPPERS[kind](r, dims)) };
}

export async function visibility(
  deps: ReportsDeps,
  orgId: string,
  workspaceId: string,
  q: ReportFilters & { groupBy: string[] },
  mode?: SourceMode,
): Promise<VisibilityReport> {
  return (await brandReport(deps, orgId, workspaceId, 'visibility', q, mode)) as VisibilityReport;
}

export async function shareOfVoice(
  deps: ReportsDeps,
  orgId: string,
  workspaceId: string,
  q: ReportFilters & { groupBy: string[] },
  mode?: SourceMode,
): Promise<ShareOfVoiceReport> {
  return (await brandReport(deps, orgId, workspaceId, 'share-of-voice', q, mode)) as ShareOfVoiceReport;
}

export async function trends(
  deps: ReportsDeps,
  orgId: string,
  workspaceId: string,
  q: ReportFilters & { groupBy: string[]; interval: 'day' | 'week' },
  mode?: SourceMode,
): Promise<TrendsReport> {
  // The events are asked for alongside the rows (a round trip less); they are used only once
  // brandReport has found the workspace in this organization.
  const [report, events] = await Promise.all([
    brandReport(deps, orgId, workspaceId, 'trends', q, mode),
    eventsBetween(deps.db.pool, workspaceId, { from: q.from ?? null, to: q.to ?? null, interval: q.interval }),
  ]);
  return { ...report, interval: q.interval, events } as TrendsReport;
}

/** The same report as CSV rows streamed from a cursor, each with the definition version. */
export async function brandReportCsv(
  deps: ReportsDeps,
  orgId: string,
  workspaceId: string,
  kind: BrandReportKind,
  q: BrandQuery & ReportFilters,
): Promise<Readable> {
  const dims = dimsFor(kind, q);
  const report = await openReport(deps, orgId, workspaceId, filtersOf(q), { dims });
  const ctx = report.context();
  const sql = brandFactsSql(ctx, dims);
  const map = (r: Record<string, unknown>) => ({
    definitionVersion: DEFINITION_VERSION,
    ...MAPPERS[kind](r as unknown as BrandFactsRow, dims),
  });
  return streamQuery(
    deps.db.pool,
    sql,
    ctx.p.values,
    map,
    'csv',
    columnsOf(map(sampleFactsRow(dims) as unknown as Record<string, unknown>)),
  );
}
