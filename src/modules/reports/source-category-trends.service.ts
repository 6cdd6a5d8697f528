/**
 * Source-category trends (issue 17): per day or week of the workspace time zone, the split of
 * cited sources by source category, each category's share of cited sources (delta-method interval
 * over answers) and the rate of answers citing it (Wilson), with n. Read from the category and
 * answer rollups like the citations report's split (citations.service.ts categorySums), so each
 * period's figures equal that report's split over the same period.
 */
import type { Readable } from 'node:stream';
import { DOMAIN_LIST_VERSION } from '../../analysis/source-categories/index.js';
import type { CategorySumsRow } from './citations.repo.js';
import { categorySplitOf, categorySums } from './citations.service.js';
import { streamRows } from './csv.js';
import { DEFINITION_VERSION } from './reports.schemas.js';
import { categoryStaleRuns } from './rollups.repo.js';
import { envelope, filtersOf, openReport, type ReportsDeps, type SourceMode } from './reports.service.js';
import type { SourceCategoryTrendsQuery, SourceCategoryTrendsReport } from './source-category-trends.schemas.js';

export async function sourceCategoryTrends(
  deps: ReportsDeps,
  orgId: string,
  workspaceId: string,
  q: SourceCategoryTrendsQuery,
  mode?: SourceMode,
): Promise<SourceCategoryTrendsReport> {
  const filters = filtersOf(q);
  // The rules check needs only the filters: it runs beside the report's opening, not after it.
  const stale = mode === 'raw' ? undefined : categoryStaleRuns(deps.db.pool, workspaceId, filters);
  stale?.catch(() => {}); // awaited below; an early failure must not go unhandled meanwhile
  const report = await openReport(deps, orgId, workspaceId, filters, mode ? { mode } : {});
  const rows = await categorySums(deps, report, workspaceId, q.interval, stale);
  const byPeriod = new Map<string, CategorySumsRow[]>();
  for (const r of rows) {
    const key = String(r.period);
    byPeriod.set(key, [...(byPeriod.get(key) ?? []), r]);
  }
  return {
    ...envelope(report),
    interval: q.interval,
    listVersion: DOMAIN_LIST_VERSION,
    periods: [...byPeriod].map(([period, sums]) => ({ period, ...categorySplitOf(sums) })),
  };
}

export const SOURCE_CATEGORY_TRENDS_CSV_COLUMNS = [
  'definitionVersion',
  'period',
  'n',
  'cited',
  'category',
  'categoryCited',
  'share.numerator',
  'share.denominator',
  'share.n',
  'share.value',
  'share.ci95.low',
  'share.ci95.high',
  'citingAnswers.numerator',
  'citingAnswers.denominator',
  'citingAnswers.n',
  'citingAnswers.value',
  'citingAnswers.ci95.low',
  'citingAnswers.ci95.high',
];

/** One CSV row per period and category, with the JSON's figures. */
export function sourceCategoryTrendsCsv(r: SourceCategoryTrendsReport): Readable {
  const rows = r.periods.flatMap((p) =>
    p.categories.map((c) => ({
      definitionVersion: DEFINITION_VERSION,
      period: p.period,
      n: p.n,
      cited: p.cited,
      category: c.category,
      categoryCited: c.cited,
      share: c.share,
      citingAnswers: c.citingAnswers,
    })),
  );
  return streamRows(rows, 'csv', SOURCE_CATEGORY_TRENDS_CSV_COLUMNS);
}
