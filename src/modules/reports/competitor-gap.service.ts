/**
 * Competitor gap: for each prompt (and, if asked, provider or configuration), the competitors
 * named in answers that name no own brand, largest gap first, each with the latest such answers
 * quoted. "Own" is brands.kind = 'own'; rollups record the own brands they were built with, and
 * runs built under another set are read live (and rebuilt in the background).
 */
import type { Readable } from 'node:stream';
import { dimensionsOf, proportionOf } from './brand-rows.js';
import type { CompetitorGapQuery, CompetitorGapReport, CompetitorGapRow } from './competitor-gap.schemas.js';
import { streamRows } from './csv.js';
import type { BrandFactsRow } from './reports.repo.js';
import { reportQuery } from './report-session.js';
import { envelope, filtersOf, openReport, type ReportsDeps, type SourceMode } from './reports.service.js';
import { answersSource, brandGrain, brandSource, dimensions, joinOn, liveCtes, ws, type Dim, type SourceContext } from './sources.sql.js';

interface GapRow extends Partial<BrandFactsRow> {
  prompt_id: string;
  prompt_text: string;
  brand_id: string;
  brand_name: string;
  gap: number;
  mentioned: number;
  samples: string[];
  n: number;
  failed: number;
  pending: number;
}

function gapSql(ctx: SourceContext, dims: Dim[], limit: number, examples: number): string {
  const d = dimensions(ctx, dims);
  const grain = brandGrain(dims, ctx.filters);
  const ctes = liveCtes(ctx);
  const brandFilter = ctx.filters.brandIds ? ` AND b.id = ANY(${ctx.p.ref('brands', ctx.filters.brandIds, 'uuid[]')})` : '';
  return `
WITH ${ctes ? `${ctes},` : ''}
  tot AS (
    SELECT ${d.select.join(', ')}, sum(f.answers)::bigint AS n, sum(f.failed)::bigint AS failed, sum(f.pending)::bigint AS pending
      FROM ${answersSource(ctx, true)} f GROUP BY ${d.group.join(', ')}
  ),
  g AS (
    SELECT ${d.select.join(', ')}, f.brand_id, sum(f.gap)::bigint AS gap, sum(f.mentioned)::bigint AS mentioned,
           coalesce((array_agg(f.gap_sample ORDER BY f.run_at DESC, f.gap_sample DESC) FILTER (WHERE f.gap_sample IS NOT NULL))[1:${ctx.p.ref('examples', examples, 'int')}], '{}') AS samples
      FROM ${brandSource(ctx, grain)} f JOIN brands b ON b.id = f.brand_id AND b.kind = 'competitor' AND b.workspace_id = ${ws(ctx)}${brandFilter}
     GROUP BY ${[...d.group, 'f.brand_id'].join(', ')}
    HAVING sum(f.gap) > 0
  )
SELECT g.*, t.n, t.failed, t.pending, b.name AS brand_name, pr.text AS prompt_text${dims.includes('config') ? ', mc.name AS model_config_name' : ''}
  FROM g JOIN tot t ON ${joinOn(d.names, 'g', 't')}
  JOIN brands b ON b.id = g.brand_id
  JOIN prompts pr ON pr.id = g.prompt_id
  ${dims.includes('config') ? 'LEFT JOIN model_configs mc ON mc.id = g.model_config_id' : ''}
 ORDER BY g.gap DESC, g.gap::float8 / nullif(t.n, 0) DESC NULLS LAST, pr.text, b.name, ${d.names.map((n) => `g.${n}`).join(', ')}
 LIMIT ${ctx.p.ref('limit', limit, 'int')}`;
}

interface ExampleRow {
  response_id: string;
  brand_id: string;
  snippet: string;
  spans: Array<[number, number]>;
  run_id: string;
  provider: string;
  model_config_id: string;
  completed_at: Date | null;
}

export async function competitorGap(deps: ReportsDeps, orgId: string, workspaceId: string, q: CompetitorGapQuery, mode?: SourceMode): Promise<CompetitorGapReport> {
  const report = await openReport(deps, orgId, workspaceId, filtersOf(q), { ownSensitive: true, ...(mode ? { mode } : {}) });
  const dims: Dim[] = ['prompt', ...(q.groupBy.filter((g) => g !== 'prompt') as Dim[])];
  const ctx = report.context();
  const { pool } = deps.db;
  const [rows, own] = await Promise.all([
    reportQuery<GapRow>(pool, gapSql(ctx, dims, q.limit, q.examples), ctx.p.values),
    pool.query<{ id: string; name: string }>("SELECT id, name FROM brands WHERE workspace_id = $1 AND kind = 'own' ORDER BY name", [workspaceId]),
  ]);
  const wanted = rows.flatMap((r) => r.samples.map((s) => [s, r.brand_id] as const));
  const found = wanted.length
    ? (
        await pool.query<ExampleRow>(
          `SELECT m.response_id, m.brand_id, m.snippet, m.spans, r.run_id, r.provider, r.model_config_id, r.completed_at
             FROM unnest($1::uuid[], $2::uuid[]) AS u(response_id, brand_id)
             JOIN mentions m ON m.response_id = u.response_id AND m.brand_id = u.brand_id
             JOIN responses r ON r.id = u.response_id`,
          [wanted.map((w) => w[0]), wanted.map((w) => w[1])],
        )
      ).rows
    : [];
  const example = new Map(found.map((e) => [`${e.response_id}|${e.brand_id}`, e]));
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
    examples: r.samples.flatMap((s) => {
      const e = example.get(`${s}|${r.brand_id}`);
      return e
        ? [{ responseId: e.response_id, runId: e.run_id, provider: e.provider, modelConfigId: e.model_config_id, completedAt: e.completed_at?.toISOString() ?? null, snippet: e.snippet, spans: e.spans }]
        : [];
    }),
  }));
  return {
    ...envelope(report),
    groupBy: dims,
    ownBrands: own.rows.map((b) => ({ brandId: b.id, brandName: b.name, brandKind: 'own' as const })),
    rows: out,
  };
}

export function competitorGapCsv(r: CompetitorGapReport): Readable {
  const rows = r.rows.map((row) => ({
    definitionVersion: r.definitionVersion,
    ...row,
    competitor: row.competitor.brandName,
    competitorId: row.competitor.brandId,
    examples: row.examples.map((e) => e.snippet).join(' | '),
  }));
  const columns = ['definitionVersion', 'promptId', 'promptText', 'provider', 'modelConfigId', 'modelConfigName', 'competitorId', 'competitor',
    'gap.numerator', 'gap.denominator', 'gap.n', 'gap.value', 'gap.ci95.low', 'gap.ci95.high',
    'competitorMentioned.numerator', 'competitorMentioned.denominator', 'competitorMentioned.value', 'competitorMentioned.ci95.low', 'competitorMentioned.ci95.high',
    'n', 'failed', 'pendingAnalysis', 'examples'];
  return streamRows(rows, 'csv', columns);
}
