/** The competitor-gap report's statements: gap rows per prompt × competitor, and their example answers. */
import type { BrandFactsRow } from './reports.repo.js';
import {
  answerScope,
  answersSource,
  brandGrain,
  brandSource,
  dimensions,
  joinOn,
  liveCtes,
  ws,
  type Dim,
  type SourceContext,
} from './sources.sql.js';

export interface GapRow extends Partial<BrandFactsRow> {
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

export function gapSql(ctx: SourceContext, dims: Dim[], limit: number): string {
  const d = dimensions(ctx, dims);
  const grain = brandGrain(dims, ctx.filters);
  const ctes = liveCtes(ctx);
  const brandFilter = ctx.filters.brandIds
    ? ` AND b.id = ANY(${ctx.p.ref('brands', ctx.filters.brandIds, 'uuid[]')})`
    : '';
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

export interface ExampleRow {
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

/**
 * The latest gap answers of the report's rows, up to `examples` per row: analysed answers in the
 * report's scope that name the competitor and no own brand, newest run first, then newest answer.
 * One lateral read per row walks the workspace's runs newest first (runs by workspace and time)
 * and, for each run, walks that prompt's answers in it alone newest first (the index on responses
 * by run, prompt and id, backwards), keeping at most `examples` of them; both walks stop once
 * `examples` are found. The cost follows the rows
 * shown, not the answers in range. (A plain join of runs and responses let Postgres read every
 * answer of the prompt in the workspace, and check each for mentions, before picking the newest:
 * 1.4 s for 8 rows over 100,000 answers, against a few milliseconds walked run by run.)
 */
export function examplesSql(
  ctx: SourceContext,
  dims: Dim[],
  rows: GapRow[],
  examples: number,
  ownBrandIds: string[],
): string {
  const p = ctx.p;
  const byProvider = dims.includes('provider');
  const byConfig = dims.includes('config');
  const prompts = p.ref(
    'example_prompts',
    rows.map((r) => r.prompt_id),
    'uuid[]',
  );
  const brands = p.ref(
    'example_brands',
    rows.map((r) => r.brand_id),
    'uuid[]',
  );
  const providers = p.ref(
    'example_providers',
    rows.map((r) => (byProvider ? (r.provider ?? null) : null)),
    'text[]',
  );
  const configs = p.ref(
    'example_configs',
    rows.map((r) => (byConfig ? (r.model_config_id ?? null) : null)),
    'uuid[]',
  );
  return `
SELECT e.response_id, e.prompt_id, e.brand_id, e.snippet, e.spans, e.run_id, e.provider, e.model_config_id, e.completed_at
  FROM unnest(${prompts}, ${brands}, ${providers}, ${configs}) WITH ORDINALITY AS g(prompt_id, brand_id, provider, model_config_id, i)
  CROSS JOIN LATERAL (
    SELECT x.*, ru.created_at AS run_at
      -- The runs newest first, fenced (OFFSET 0) so the walk keeps that order and stops at LIMIT.
      FROM (SELECT id, created_at FROM runs WHERE workspace_id = ${ws(ctx)} ORDER BY created_at DESC, id DESC OFFSET 0) ru
     CROSS JOIN LATERAL (
       -- This run's answers to the row's prompt: a probe of responses by (run_id, prompt_id).
       SELECT m.response_id, r.prompt_id, m.brand_id, m.snippet, m.spans, r.run_id, r.provider, r.model_config_id, r.completed_at, r.id
         FROM responses r
         JOIN mentions m ON m.response_id = r.id AND m.brand_id = g.brand_id
        WHERE r.run_id = ru.id AND r.prompt_id = g.prompt_id
          AND ${answerScope(ctx)}
          AND (g.provider IS NULL OR r.provider = g.provider)
          AND (g.model_config_id IS NULL OR r.model_config_id = g.model_config_id)
          AND r.status = 'succeeded' AND r.analyzed_at IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM mentions mo WHERE mo.response_id = r.id AND mo.brand_id = ANY(${p.ref('own_brands', ownBrandIds, 'uuid[]')}))
        ORDER BY r.id DESC
        LIMIT ${p.ref('examples', examples, 'int')}
     ) x
     ORDER BY ru.created_at DESC, x.id DESC
     LIMIT ${p.ref('examples', examples, 'int')}
  ) e
 ORDER BY g.i, e.run_at DESC, e.id DESC`;
}
