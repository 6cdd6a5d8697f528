/**
 * The brand-facts query behind visibility, share of voice, trends and experiments: for each
 * slice (the caller's dimensions) and each tracked brand, the sums every brand metric is made
 * of, with the slice's answer counts as denominators. Brands never mentioned in a slice still
 * get a row (0 of n), so a rate is never missing for lack of mentions.
 */
import type pg from 'pg';
import { BRAND_FACT_COLUMNS } from './facts.sql.js';
import {
  answersSource,
  brandGrain,
  needs,
  brandSource,
  dimensions,
  joinOn,
  liveCtes,
  ws,
  type Dim,
  type SourceContext,
} from './sources.sql.js';

export interface BrandFactsRow {
  provider?: string;
  model_config_id?: string;
  model_config_name?: string;
  prompt_id?: string;
  prompt_text?: string;
  tag?: string;
  location?: string;
  language?: string;
  run_id?: string;
  period?: string;
  brand_id: string;
  brand_name: string;
  brand_kind: 'own' | 'competitor';
  n: number;
  failed: number;
  pending: number;
  brands_sq: number;
  mentions_sq: number;
  total_cited: number;
  total_cited_sq: number;
  /** Sources of the slice's answers by kind, all brands together */
  annotations: number;
  links: number;
  search_results: number;
  all_mentioned: number;
  all_mentions: number;
  mentioned: number;
  mention_count: number;
  mention_count_sq: number;
  presence_cross: number;
  count_cross: number;
  rank_sum: number;
  rank_sq: number;
  top1: number;
  sentiment_sum: number;
  sentiment_sq: number;
  positive: number;
  neutral: number;
  negative: number;
  gap: number;
  cited: number;
  cited_sq: number;
  cited_cross: number;
  citing_answers: number;
  retrieved: number;
}

const NUMERIC_FACTS = BRAND_FACT_COLUMNS.filter((c) => c !== 'gap_sample');

/** The statement text; values are in ctx.p. */
export function brandFactsSql(ctx: SourceContext, dims: Dim[]): string {
  const d = dimensions(ctx, dims);
  const grain = brandGrain(dims, ctx.filters);
  const ctes = liveCtes(ctx);
  const groupBy = (extra: string[] = []) =>
    [...d.group, ...extra].length ? `GROUP BY ${[...d.group, ...extra].join(', ')}` : '';
  const selectDims = d.select.length ? `${d.select.join(', ')}, ` : '';
  const brandFilter = ctx.filters.brandIds
    ? ` AND b.id = ANY(${ctx.p.ref('brands', ctx.filters.brandIds, 'uuid[]')})`
    : '';
  const names = [
    dims.includes('config') ? 'mc.name AS model_config_name' : null,
    dims.includes('prompt') ? 'pr.text AS prompt_text' : null,
  ].filter(Boolean);
  return `
WITH ${ctes ? `${ctes},` : ''}
  tot AS (
    SELECT ${selectDims}
           coalesce(sum(f.answers), 0)::bigint AS n, coalesce(sum(f.failed), 0)::bigint AS failed, coalesce(sum(f.pending), 0)::bigint AS pending,
           coalesce(sum(f.brands_sq), 0)::float8 AS brands_sq, coalesce(sum(f.mentions_sq), 0)::float8 AS mentions_sq,
           coalesce(sum(f.cited), 0)::bigint AS total_cited, coalesce(sum(f.cited_sq), 0)::float8 AS total_cited_sq,
           coalesce(sum(f.annotations), 0)::bigint AS annotations, coalesce(sum(f.links), 0)::bigint AS links,
           coalesce(sum(f.search_results), 0)::bigint AS search_results
      FROM ${answersSource(ctx, needs(dims, ctx.filters).prompt)} f ${d.joins}
     ${groupBy()}
  ),
  hit AS (
    SELECT ${selectDims}f.brand_id, ${NUMERIC_FACTS.map((c) => `sum(f.${c})::float8 AS ${c}`).join(', ')}
      FROM ${brandSource(ctx, grain)} f JOIN brands b ON b.id = f.brand_id ${d.joins}
     ${groupBy(['f.brand_id'])}
  ),
  grp AS (
    SELECT ${d.names.map((n) => `${n}, `).join('')}sum(mentioned)::float8 AS all_mentioned, sum(mention_count)::float8 AS all_mentions
      FROM hit ${d.names.length ? `GROUP BY ${d.names.join(', ')}` : ''}
  )
SELECT ${d.names.map((n) => `t.${n}, `).join('')}${names.map((n) => `${n}, `).join('')}
       b.id AS brand_id, b.name AS brand_name, b.kind AS brand_kind,
       t.n, t.failed, t.pending, t.brands_sq, t.mentions_sq, t.total_cited, t.total_cited_sq, t.annotations, t.links, t.search_results,
       coalesce(g.all_mentioned, 0) AS all_mentioned, coalesce(g.all_mentions, 0) AS all_mentions,
       ${NUMERIC_FACTS.map((c) => `coalesce(h.${c}, 0) AS ${c}`).join(', ')}
  FROM tot t CROSS JOIN brands b
  LEFT JOIN hit h ON h.brand_id = b.id AND ${joinOn(d.names, 'h', 't')}
  LEFT JOIN grp g ON ${joinOn(d.names, 'g', 't')}
  ${dims.includes('config') ? 'LEFT JOIN model_configs mc ON mc.id = t.model_config_id' : ''}
  ${dims.includes('prompt') ? 'LEFT JOIN prompts pr ON pr.id = t.prompt_id' : ''}
 WHERE b.workspace_id = ${ws(ctx)}${brandFilter}
 ORDER BY ${[...d.names.map((n) => `t.${n}`), 'b.kind', 'b.name'].join(', ')}`;
}

/** The workspace's own brands, by name: whom the competitor gap is measured against. */
export async function ownBrandsOf(pool: pg.Pool, workspaceId: string): Promise<Array<{ id: string; name: string }>> {
  const { rows } = await pool.query<{ id: string; name: string }>(
    "SELECT id, name FROM brands WHERE workspace_id = $1 AND kind = 'own' ORDER BY name",
    [workspaceId],
  );
  return rows;
}

/** Every brand of the workspace with its owned domains: who owns a cited domain. */
export async function brandsWithDomains(
  pool: pg.Pool,
  workspaceId: string,
): Promise<Array<{ id: string; name: string; kind: 'own' | 'competitor'; domains: string[] }>> {
  const { rows } = await pool.query<{ id: string; name: string; kind: 'own' | 'competitor'; domains: string[] }>(
    'SELECT id, name, kind, domains FROM brands WHERE workspace_id = $1 ORDER BY kind, name',
    [workspaceId],
  );
  return rows;
}

/** The names of the workspace's configurations and the texts of its prompts, keyed by kind and id. */
export async function configAndPromptLabels(
  pool: pg.Pool,
  workspaceId: string,
): Promise<Array<{ kind: string; id: string; label: string }>> {
  const { rows } = await pool.query<{ kind: string; id: string; label: string }>(
    `SELECT 'config' AS kind, id::text, name AS label FROM model_configs WHERE workspace_id = $1
     UNION ALL SELECT 'prompt', id::text, text FROM prompts WHERE workspace_id = $1`,
    [workspaceId],
  );
  return rows;
}

/** A configuration as experiments compare them. */
export interface ExperimentConfigRow {
  id: string;
  name: string;
  provider: string;
  model: string;
  params: Record<string, unknown>;
}

/** The workspace's configurations, by name. */
export async function configsOf(pool: pg.Pool, workspaceId: string): Promise<ExperimentConfigRow[]> {
  const { rows } = await pool.query<ExperimentConfigRow>(
    'SELECT id, name, provider, model, params FROM model_configs WHERE workspace_id = $1 ORDER BY name, id',
    [workspaceId],
  );
  return rows;
}

/** The workspace's prompts asked in any of these languages (their locale's language subtag). */
export async function promptIdsAskedIn(pool: pg.Pool, workspaceId: string, languages: string[]): Promise<string[]> {
  const { rows } = await pool.query<{ id: string }>(
    "SELECT id FROM prompts WHERE workspace_id = $1 AND lower(split_part(locale, '-', 1)) = ANY($2::text[])",
    [workspaceId, languages],
  );
  return rows.map((r) => r.id);
}
