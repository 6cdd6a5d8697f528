/**
 * Competitor gap: for each prompt (and, if asked, provider or configuration), the competitors
 * named in answers that name no own brand, largest gap first, each with the latest such answers
 * quoted, read from the answers themselves (up to `examples` per row, whatever the runs). "Own"
 * is brands.kind = 'own'; rollups record the own brands they were built with, and runs built
 * under another set are read live (and rebuilt in the background).
 */
import type { Readable } from 'node:stream';
import { dimensionsOf, proportionOf } from './brand-rows.js';
import type { CompetitorGapQuery, CompetitorGapReport, CompetitorGapRow } from './competitor-gap.schemas.js';
import { streamRows } from './csv.js';
import { reportQuery } from './report-session.js';
import { envelope, filtersOf, openReport, type ReportsDeps, type SourceMode } from './reports.service.js';
import { examplesSql, gapSql, type ExampleRow, type GapRow } from './competitor-gap.sql.js';
import { ownBrandsOf } from './reports.repo.js';
import type { Dim } from './sources.sql.js';

/** A row's group: prompt × competitor, and the provider or configuration when the report splits by them. */
const groupKey = (
  dims: Dim[],
  r: { prompt_id: string; brand_id: string; provider?: string | undefined; model_config_id?: string | undefined },
) =>
  [
    r.prompt_id,
    r.brand_id,
    dims.includes('provider') ? r.provider : '',
    dims.includes('config') ? r.model_config_id : '',
  ].join('|');

export async function competitorGap(
  deps: ReportsDeps,
  orgId: string,
  workspaceId: string,
  q: CompetitorGapQuery,
  mode?: SourceMode,
): Promise<CompetitorGapReport> {
  const report = await openReport(deps, orgId, workspaceId, filtersOf(q), {
    ownSensitive: true,
    ...(mode ? { mode } : {}),
  });
  const dims: Dim[] = ['prompt', ...(q.groupBy.filter((g) => g !== 'prompt') as Dim[])];
  const ctx = report.context();
  const { pool } = deps.db;
  const [rows, own] = await Promise.all([
    reportQuery<GapRow>(pool, gapSql(ctx, dims, q.limit), ctx.p.values),
    ownBrandsOf(pool, workspaceId),
  ]);
  // Every run counts here, whether its facts come from a rollup or are read live.
  const exampleCtx = { ...report.context(), live: null };
  const found =
    rows.length && q.examples > 0
      ? await reportQuery<ExampleRow>(
          pool,
          examplesSql(
            exampleCtx,
            dims,
            rows,
            q.examples,
            own.map((b) => b.id),
          ),
          exampleCtx.p.values,
        )
      : [];
  const examplesOf = new Map<string, ExampleRow[]>();
  for (const e of found) {
    const key = groupKey(dims, e);
    examplesOf.set(key, [...(examplesOf.get(key) ?? []), e]);
  }
  const out: CompetitorGapRow[] = rows.map((r) => ({
    ...dimensionsOf(r, dims),
    promptId: r.prompt_id,
    promptText: r.prompt_text,
    competitor: { brandId: r.brand_id, brandName: r.brand_name, brandKind: 'competitor' as const },
    gap: proportionOf(r.gap, r.n),
    competitorMentioned: proportionOf(r.mentioned, r.n),
    n: r.n,
    failed: r.failed,
    pendingAnalysis: r.pending,
    examples: (examplesOf.get(groupKey(dims, r)) ?? []).map((e) => ({
      responseId: e.response_id,
      runId: e.run_id,
      provider: e.provider,
      modelConfigId: e.model_config_id,
      completedAt: e.completed_at?.toISOString() ?? null,
      snippet: e.snippet,
      spans: e.spans,
    })),
  }));
  return {
    ...envelope(report),
    groupBy: dims,
    ownBrands: own.map((b) => ({ brandId: b.id, brandName: b.name, brandKind: 'own' as const })),
    rows: out,
  };
}

export function competitorGapCsv(r: CompetitorGapReport): Readable {
  const rows = r.rows.map((row) => ({
    definitionVersion: r.definitionVersion,
    ...row,
    competitor: row.competitor.brandName,
    competitorId: row.competitor.brandId,
    competitorKind: row.competitor.brandKind,
    examples: row.examples.map((e) => e.snippet).join(' | '),
  }));
  const columns = [
    'definitionVersion',
    'promptId',
    'promptText',
    'provider',
    'modelConfigId',
    'modelConfigName',
    'competitorId',
    'competitor',
    'competitorKind',
    'gap.numerator',
    'gap.denominator',
    'gap.n',
    'gap.value',
    'gap.ci95.low',
    'gap.ci95.high',
    'competitorMentioned.numerator',
    'competitorMentioned.denominator',
    'competitorMentioned.n',
    'competitorMentioned.value',
    'competitorMentioned.ci95.low',
    'competitorMentioned.ci95.high',
    'n',
    'failed',
    'pendingAnalysis',
    'examples',
  ];
  return streamRows(rows, 'csv', columns);
}
