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
import type { BrandFactsRow } from './reports.repo.js';
import { reportQuery } from './report-session.js';
import { envelope, filtersOf, openReport, type ReportsDeps, type SourceMode } from './reports.service.js';
import { answerScope, answersSource, brandGrain, brandSource, dimensions, joinOn, liveCtes, ws, type Dim, type SourceContext } from './sources.sql.js';

interface GapRow extends Partial<BrandFactsRow> {
  prompt_id: string;
  prompt_text: string;
  brand_id: string;
  brand_name: string;
  gap: number;
  mentioned: number;
  n: number;
  failed: number;
  pending: number;
}

function gapSql(ctx: SourceContext, dims: Dim[], limit: number): string {
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
    SELECT ${d.select.join(', ')}, f.brand_id, sum(f.gap)::bigint AS gap, sum(f.mentioned)::bigint AS mentioned
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
  prompt_id: string;
  brand_id: string;
  snippet: string;
  spans: Array<[number, number]>;
  run_id: string;
  provider: string;
  model_config_id: string;
  completed_at: Date | null;
}

/** A row's group: prompt × competitor, and the provider or configuration when the report splits by them. */
const groupKey = (dims: Dim[], r: { prompt_id: string; brand_id: string; provider?: string | undefined; model_config_id?: string | undefined }) =>
  [r.prompt_id, r.brand_id, dims.includes('provider') ? r.provider : '', dims.includes('config') ? r.model_config_id : ''].join('|');

/**
 * The latest gap answers of the report's rows, up to `examples` per row: analysed answers in the
 * report's scope that name the competitor and no own brand, newest run first.
 */
function examplesSql(ctx: SourceContext, dims: Dim[], rows: GapRow[], examples: number): string {
  const p = ctx.p;
  const partition = ['r.prompt_id', 'm.brand_id', ...(dims.includes('provider') ? ['r.provider'] : []), ...(dims.includes('config') ? ['r.model_config_id'] : [])];
  return `
SELECT e.* FROM (
  SELECT m.response_id, r.prompt_id, m.brand_id, m.snippet, m.spans, r.run_id, r.provider, r.model_config_id, r.completed_at,
         row_number() OVER (PARTITION BY ${partition.join(', ')} ORDER BY ru.created_at DESC, r.id DESC) AS k
    FROM responses r JOIN runs ru ON ru.id = r.run_id
    JOIN mentions m ON m.response_id = r.id AND m.brand_id = ANY(${p.ref('example_brands', [...new Set(rows.map((r) => r.brand_id))], 'uuid[]')})
   WHERE ${answerScope(ctx)} AND r.prompt_id = ANY(${p.ref('example_prompts', [...new Set(rows.map((r) => r.prompt_id))], 'uuid[]')})
     AND r.status = 'succeeded' AND r.analyzed_at IS NOT NULL
     AND NOT EXISTS (SELECT 1 FROM mentions mo JOIN brands bo ON bo.id = mo.brand_id AND bo.kind = 'own' WHERE mo.response_id = r.id)
) e WHERE e.k <= ${p.ref('examples', examples, 'int')}
ORDER BY e.k`;
}

export async function competitorGap(deps: ReportsDeps, orgId: string, workspaceId: string, q: CompetitorGapQuery, mode?: SourceMode): Promise<CompetitorGapReport> {
  const report = await openReport(deps, orgId, workspaceId, filtersOf(q), { ownSensitive: true, ...(mode ? { mode } : {}) });
  const dims: Dim[] = ['prompt', ...(q.groupBy.filter((g) => g !== 'prompt') as Dim[])];
  const ctx = report.context();
  const { pool } = deps.db;
  const [rows, own] = await Promise.all([
    reportQuery<GapRow>(pool, gapSql(ctx, dims, q.limit), ctx.p.values),
    pool.query<{ id: string; name: string }>("SELECT id, name FROM brands WHERE workspace_id = $1 AND kind = 'own' ORDER BY name", [workspaceId]),
  ]);
  // Every run counts here, whether its facts come from a rollup or are read live.
  const exampleCtx = { ...report.context(), live: null };
  const found = rows.length && q.examples > 0 ? (await pool.query<ExampleRow>(examplesSql(exampleCtx, dims, rows, q.examples), exampleCtx.p.values)).rows : [];
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
    competitorKind: row.competitor.brandKind,
    examples: row.examples.map((e) => e.snippet).join(' | '),
  }));
  const columns = ['definitionVersion', 'promptId', 'promptText', 'provider', 'modelConfigId', 'modelConfigName', 'competitorId', 'competitor', 'competitorKind',
    'gap.numerator', 'gap.denominator', 'gap.n', 'gap.value', 'gap.ci95.low', 'gap.ci95.high',
    'competitorMentioned.numerator', 'competitorMentioned.denominator', 'competitorMentioned.n', 'competitorMentioned.value', 'competitorMentioned.ci95.low', 'competitorMentioned.ci95.high',
    'n', 'failed', 'pendingAnalysis', 'examples'];
  return streamRows(rows, 'csv', columns);
}
