/**
 * What a PDF report says, gathered from the same report services the API answers with
 * (src/modules/reports), with the same query schemas, so every figure in the PDF is the one
 * GET …/reports/<report> returns for the same period. Nothing here computes a metric itself.
 *
 * Significant changes since the previous period (the period of the same length just before)
 * reuse the test of the visibility.changed event: each brand's mention rate in the two periods
 * (from the visibility report), compared with the reports' two-proportion test (z, or Fisher's
 * exact test for small counts), p-values Holm-adjusted across the brands, significant at 0.05.
 */
import { runCountsByStatus } from './pdf-reports.repo.js';
import type { Database } from '../../db/client.js';
import {
  shareOfVoiceQuery,
  trendsQuery,
  visibilityQuery,
  type ShareOfVoiceReport,
  type TrendsReport,
  type VisibilityReport,
} from '../reports/brand-reports.schemas.js';
import { citationsQuery } from '../reports/citations.schemas.js';
import { citationLists, type CitationLists } from '../reports/citations.service.js';
import { competitorGapQuery, type CompetitorGapReport } from '../reports/competitor-gap.schemas.js';
import { competitorGap } from '../reports/competitor-gap.service.js';
import { shareOfVoice, trends, visibility, type ReportsDeps } from '../reports/reports.service.js';
import { ALPHA, significantChanges, type BrandChange } from '../webhooks/webhooks.events.js';
import type { BrandRunCount } from '../webhooks/webhooks.repo.js';
import { requireWorkspace } from '../workspaces/workspaces.service.js';

export interface ReportPeriod {
  /** ISO instants: runs created in [from, to). */
  from: string;
  to: string;
}

export interface PdfReportData {
  workspace: { id: string; name: string; timezone: string };
  period: ReportPeriod;
  previousPeriod: ReportPeriod;
  generatedAt: string;
  /** One row per brand over the whole period. */
  visibility: VisibilityReport;
  /** Per brand, assistant (provider) and configuration. */
  visibilityByConfig: VisibilityReport;
  shareOfVoice: ShareOfVoiceReport;
  trends: TrendsReport;
  /** The citations report's totals and top domains and URLs (the PDF shows no other part of it). */
  citations: CitationLists;
  competitorGap: CompetitorGapReport;
  previousVisibility: VisibilityReport;
  changes: BrandChange[];
  alpha: number;
  /** Runs created in the period, by status. */
  runs: { total: number; byStatus: Record<string, number> };
}

const DAY = 86_400_000;
/** Up to this many days the trend is drawn per day, beyond it per ISO week. */
const DAILY_UP_TO_DAYS = 62;

export function previousPeriodOf(period: ReportPeriod): ReportPeriod {
  const from = Date.parse(period.from);
  const to = Date.parse(period.to);
  return { from: new Date(from - (to - from)).toISOString(), to: new Date(from).toISOString() };
}

/** The brands' mention counts of two visibility reports (grouped by brand only), as the change test reads them. */
function countsOf(report: VisibilityReport, runId: string): BrandRunCount[] {
  return report.rows.map((r) => ({
    brand_id: r.brandId,
    brand_name: r.brandName,
    brand_kind: r.brandKind,
    run_id: runId,
    mentioned: r.mentionRate.numerator,
    n: r.mentionRate.denominator,
  }));
}

export async function gatherPdfReport(
  deps: { db: Database } & ReportsDeps,
  orgId: string,
  workspaceId: string,
  period: ReportPeriod,
  /** Told how long each report took (the benchmark's breakdown). */
  onStep?: (name: string, ms: number) => void,
): Promise<PdfReportData> {
  const step = async <T>(name: string, work: Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const out = await work;
    onStep?.(name, performance.now() - t0);
    return out;
  };
  const workspace = await requireWorkspace(deps.db.prisma, orgId, workspaceId);
  const range = { from: period.from, to: period.to };
  const previousPeriod = previousPeriodOf(period);
  const days = (Date.parse(period.to) - Date.parse(period.from)) / DAY;
  // Three lanes at once: the brand reports, quick over rollups, run one after another; the citation
  // lists (rollups) and the competitor gap (rollups, then its example answers) beside them.
  const brandLane = async () => {
    const visibilityAll = await step(
      'visibility',
      visibility(deps, orgId, workspaceId, visibilityQuery.parse({ ...range, groupBy: 'brand' })),
    );
    const byConfig = await step(
      'visibility by configuration',
      visibility(deps, orgId, workspaceId, visibilityQuery.parse({ ...range })),
    );
    const sov = await step(
      'share of voice',
      shareOfVoice(deps, orgId, workspaceId, shareOfVoiceQuery.parse({ ...range })),
    );
    const trend = await step(
      'trends',
      trends(
        deps,
        orgId,
        workspaceId,
        trendsQuery.parse({ ...range, interval: days <= DAILY_UP_TO_DAYS ? 'day' : 'week' }),
      ),
    );
    const previous = await step(
      'previous visibility',
      visibility(deps, orgId, workspaceId, visibilityQuery.parse({ ...previousPeriod, groupBy: 'brand' })),
    );
    return { visibilityAll, byConfig, sov, trend, previous };
  };
  const [{ visibilityAll, byConfig, sov, trend, previous }, cited, gap] = await Promise.all([
    brandLane(),
    step('citations', citationLists(deps, orgId, workspaceId, citationsQuery.parse({ ...range, top: 10 }))),
    step(
      'competitor gap',
      competitorGap(deps, orgId, workspaceId, competitorGapQuery.parse({ ...range, limit: 8, examples: 1 })),
    ),
  ]);
  const changes = significantChanges(
    [...countsOf(previous, 'previous'), ...countsOf(visibilityAll, 'current')],
    'previous',
    'current',
    ALPHA,
  );
  const rows = await runCountsByStatus(deps.db.pool, workspaceId, period.from, period.to);
  const byStatus = Object.fromEntries(rows.map((r) => [r.status, r.n]));
  return {
    workspace: { id: workspace.id, name: workspace.name, timezone: workspace.timezone },
    period: range,
    previousPeriod,
    generatedAt: new Date().toISOString(),
    visibility: visibilityAll,
    visibilityByConfig: byConfig,
    shareOfVoice: sov,
    trends: trend,
    citations: cited,
    competitorGap: gap,
    previousVisibility: previous,
    changes,
    alpha: ALPHA,
    runs: { total: rows.reduce((s, r) => s + r.n, 0), byStatus },
  };
}
