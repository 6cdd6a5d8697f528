/**
 * The app-versus-API gap report's statements. Per assistant and surface (api or app), over the
 * successful analysed answers of the paired configurations on the prompts measured on both
 * surfaces: the totals a ratio of sums needs with answers as units (n, Σy, Σy², y an answer's cited
 * sources) and, for the `top` domains most cited by the assistant's two surfaces together, Σx, Σx²
 * and Σx·y with x an answer's citations of the domain; and each brand's mentioning answers.
 *
 * Two ways, with the same numbers: from the answer tables alone (gapDomainSums, gapAnswerCounts:
 * the raw baseline), or from the rollups plus live runs (gapAnswerSums, gapBrandSums,
 * gapDomainSquares). The configuration rollups hold a configuration's every prompt: the sums over
 * the matched prompts are the configuration's sums less those of its unmatched prompts, read for
 * just those configuration × prompt pairs (brands from the per-prompt rollups, domains from the
 * answer tables).
 */
import type pg from 'pg';
import { reportQuery } from './report-session.js';
import {
  answerScope,
  answersSource,
  brandSource,
  domainSquaresSource,
  liveCtes,
  type Params,
  type SourceContext,
} from './sources.sql.js';
import type { BrandGrain } from './facts.sql.js';

export interface GapDomainSumsRow {
  assistant: string;
  surface: 'api' | 'app';
  /** null on the totals rows. */
  domain: string | null;
  /** Totals rows: analysed answers; domain rows: answers citing the domain. */
  answers: number;
  x: number;
  xx: number;
  xy: number;
  /** Totals rows only. */
  y: number;
  yy: number;
}

export interface GapSurfaceConfig {
  configId: string;
  assistant: string;
  surface: 'api' | 'app';
}

export interface GapMatchedPrompt {
  promptId: string;
  assistant: string;
}

export function gapDomainSumsSql(
  ctx: SourceContext,
  configs: GapSurfaceConfig[],
  matched: GapMatchedPrompt[],
  top: number,
): string {
  const p = ctx.p;
  return `
WITH m AS (
  SELECT * FROM unnest(${p.ref(
    'gap_configs',
    configs.map((c) => c.configId),
    'uuid[]',
  )},
                       ${p.ref(
                         'gap_config_assistants',
                         configs.map((c) => c.assistant),
                         'text[]',
                       )},
                       ${p.ref(
                         'gap_surfaces',
                         configs.map((c) => c.surface),
                         'text[]',
                       )}) AS t(config_id, assistant, surface)
), mp AS (
  SELECT * FROM unnest(${p.ref(
    'gap_prompts',
    matched.map((x) => x.promptId),
    'uuid[]',
  )},
                       ${p.ref(
                         'gap_prompt_assistants',
                         matched.map((x) => x.assistant),
                         'text[]',
                       )}) AS t(prompt_id, assistant)
), a AS (
  SELECT r.id, m.assistant, m.surface
    FROM responses r JOIN runs ru ON ru.id = r.run_id
    JOIN m ON m.config_id = r.model_config_id
    JOIN mp ON mp.prompt_id = r.prompt_id AND mp.assistant = m.assistant
   WHERE ${answerScope(ctx)} AND r.status = 'succeeded' AND r.analyzed_at IS NOT NULL
), ay AS (
  SELECT a.id, a.assistant, a.surface,
         (SELECT count(*) FROM citations c WHERE c.response_id = a.id AND c.source <> 'search_result')::bigint AS y
    FROM a
), dx AS (
  SELECT c.response_id, c.domain, count(*)::bigint AS x
    FROM citations c JOIN a ON a.id = c.response_id
   WHERE c.source <> 'search_result'
   GROUP BY c.response_id, c.domain
), dom AS (
  SELECT ay.assistant, ay.surface, dx.domain, count(*)::bigint AS answers, sum(dx.x)::bigint AS x,
         sum(dx.x * dx.x)::bigint AS xx, sum(dx.x * ay.y)::bigint AS xy
    FROM dx JOIN ay ON ay.id = dx.response_id
   GROUP BY ay.assistant, ay.surface, dx.domain
), ranked AS (
  SELECT assistant, domain, row_number() OVER (PARTITION BY assistant ORDER BY sum(x) DESC, domain) AS rank
    FROM dom GROUP BY assistant, domain
)
SELECT ay.assistant, ay.surface, NULL::text AS domain, count(*)::int AS answers, 0::float8 AS x, 0::float8 AS xx, 0::float8 AS xy,
       coalesce(sum(ay.y), 0)::float8 AS y, coalesce(sum(ay.y * ay.y), 0)::float8 AS yy
  FROM ay GROUP BY ay.assistant, ay.surface
UNION ALL
SELECT d.assistant, d.surface, d.domain, d.answers::int, d.x::float8, d.xx::float8, d.xy::float8, 0::float8, 0::float8
  FROM dom d JOIN ranked k ON k.assistant = d.assistant AND k.domain = d.domain
 WHERE k.rank <= ${p.ref('top', top, 'int')}
 ORDER BY 1, 3 NULLS FIRST, 2`;
}

export async function gapDomainSums(
  pool: pg.Pool,
  ctx: SourceContext,
  configs: GapSurfaceConfig[],
  matched: GapMatchedPrompt[],
  top: number,
): Promise<GapDomainSumsRow[]> {
  if (!configs.length || !matched.length) return [];
  return reportQuery<GapDomainSumsRow>(pool, gapDomainSumsSql(ctx, configs, matched, top), ctx.p.values);
}

export interface GapAnswerCountsRow {
  model_config_id: string;
  prompt_id: string;
  /** Successful analysed answers. */
  n: number;
  failed: number;
}

/** Answers per configuration × prompt in the report's scope: which prompts each surface measured. */
export function gapAnswerCountsSql(ctx: SourceContext): string {
  return `
SELECT r.model_config_id, r.prompt_id,
       count(*) FILTER (WHERE r.status = 'succeeded' AND r.analyzed_at IS NOT NULL)::int AS n,
       count(*) FILTER (WHERE r.status = 'failed')::int AS failed
  FROM responses r JOIN runs ru ON ru.id = r.run_id
 WHERE ${answerScope(ctx)} AND r.status IN ('succeeded', 'failed')
 GROUP BY r.model_config_id, r.prompt_id`;
}

export async function gapAnswerCounts(pool: pg.Pool, ctx: SourceContext): Promise<GapAnswerCountsRow[]> {
  return reportQuery<GapAnswerCountsRow>(pool, gapAnswerCountsSql(ctx), ctx.p.values);
}

export interface GapAnswerSumsRow extends GapAnswerCountsRow {
  /** Σy and Σy² over the successful analysed answers, y an answer's cited sources. */
  y: number;
  yy: number;
}

const withCtes = (ctes: string[]) => {
  const list = ctes.filter(Boolean);
  return list.length ? `WITH ${list.join(',\n')}` : '';
};

/** Answers per configuration × prompt in the report's scope, with Σy and Σy², from the answer rollups and live runs. */
export function gapAnswerSumsSql(ctx: SourceContext): string {
  return `${withCtes([liveCtes(ctx)])}
SELECT f.model_config_id, f.prompt_id, sum(f.answers)::int AS n, sum(f.failed)::int AS failed,
       sum(f.cited)::float8 AS y, sum(f.cited_sq)::float8 AS yy
  FROM ${answersSource(ctx, true)} f
 GROUP BY f.model_config_id, f.prompt_id`;
}

export async function gapAnswerSums(pool: pg.Pool, ctx: SourceContext): Promise<GapAnswerSumsRow[]> {
  return reportQuery<GapAnswerSumsRow>(pool, gapAnswerSumsSql(ctx), ctx.p.values);
}

/** Whether the report's scope holds any settled answer (of any configuration). */
export async function gapScopeHasAnswers(pool: pg.Pool, ctx: SourceContext): Promise<boolean> {
  const sql = `${withCtes([liveCtes(ctx)])} SELECT EXISTS (SELECT 1 FROM ${answersSource(ctx, false)} f) AS found`;
  const rows = await reportQuery<{ found: boolean }>(pool, sql, ctx.p.values);
  return rows[0]?.found ?? false;
}

/** A configuration and a prompt whose answers are left out (the prompt was not measured on the other surface). */
export interface GapPair {
  configId: string;
  promptId: string;
}

const surfacesCte = (p: Params, configs: GapSurfaceConfig[]) => `m AS (
  SELECT * FROM unnest(${p.ref(
    'gap_configs',
    configs.map((c) => c.configId),
    'uuid[]',
  )}, ${p.ref(
    'gap_config_assistants',
    configs.map((c) => c.assistant),
    'text[]',
  )}, ${p.ref(
    'gap_surfaces',
    configs.map((c) => c.surface),
    'text[]',
  )}) AS t(config_id, assistant, surface)
)`;

const pairsCte = (p: Params, pairs: GapPair[]) => `u AS (
  SELECT * FROM unnest(${p.ref(
    'gap_pair_configs',
    pairs.map((x) => x.configId),
    'uuid[]',
  )}, ${p.ref(
    'gap_pair_prompts',
    pairs.map((x) => x.promptId),
    'uuid[]',
  )}) AS t(config_id, prompt_id)
)`;

export interface GapBrandSumsRow {
  assistant: string;
  surface: 'api' | 'app';
  brand_id: string;
  /** Answers mentioning the brand. */
  mentioned: number;
}

/**
 * Answers mentioning each brand per assistant and surface: over every prompt of the paired
 * configurations (`pairs` null; a rollup-mode context, grain config unless the filters need
 * prompts), or over just the given configuration × prompt pairs (grain prompt_config).
 */
export function gapBrandSumsSql(
  ctx: SourceContext,
  grain: BrandGrain,
  configs: GapSurfaceConfig[],
  pairs: GapPair[] | null,
): string {
  const p = ctx.p;
  const pairJoin = pairs ? 'JOIN u ON u.config_id = f.model_config_id AND u.prompt_id = f.prompt_id' : '';
  return `${withCtes([liveCtes(ctx), surfacesCte(p, configs), pairs ? pairsCte(p, pairs) : ''])}
SELECT m.assistant, m.surface, f.brand_id, sum(f.mentioned)::float8 AS mentioned
  FROM ${brandSource(ctx, grain)} f JOIN m ON m.config_id = f.model_config_id ${pairJoin}
 GROUP BY m.assistant, m.surface, f.brand_id`;
}

export async function gapBrandSums(
  pool: pg.Pool,
  ctx: SourceContext,
  grain: BrandGrain,
  configs: GapSurfaceConfig[],
  pairs: GapPair[] | null,
): Promise<GapBrandSumsRow[]> {
  if (!configs.length || (pairs && !pairs.length)) return [];
  return reportQuery<GapBrandSumsRow>(pool, gapBrandSumsSql(ctx, grain, configs, pairs), ctx.p.values);
}

/**
 * Per-domain sums (answers citing it, Σx, Σx², Σx·y) per assistant and surface, as
 * GapDomainSumsRow domain rows.
 * - With `pairs`: over just those configuration × prompt pairs, every domain (a raw-mode context).
 * - Without: over every prompt of the paired configurations (a rollup-mode context at grain config,
 *   or raw at grain prompt_config when the filters need prompts), less the `minus` rows (the
 *   unmatched pairs' sums), keeping the `top` domains per assistant by Σx over both surfaces.
 */
export function gapDomainSquaresSql(
  ctx: SourceContext,
  grain: 'config' | 'prompt_config',
  configs: GapSurfaceConfig[],
  opts: { pairs: GapPair[] } | { minus: GapDomainSumsRow[]; top: number },
): string {
  const p = ctx.p;
  const src = domainSquaresSource(ctx, grain);
  const perRow = `SELECT m.assistant, m.surface, f.domain, f.citing_answers AS answers, (f.annotations + f.links) AS x,
                      f.cited_sq AS xx, f.cited_cross AS xy
                 FROM ${src} f JOIN m ON m.config_id = f.model_config_id`;
  // Summed per configuration and domain before the surfaces are joined: Postgres then hashes the
  // rows (a month of one workspace's rollups: about 32,000), where a join first led it to sort them.
  const own = `SELECT m.assistant, m.surface, f.domain, f.answers, f.x, f.xx, f.xy
                 FROM (SELECT f.model_config_id, f.domain, sum(f.citing_answers) AS answers, sum(f.annotations + f.links) AS x,
                              sum(f.cited_sq) AS xx, sum(f.cited_cross) AS xy
                         FROM ${src} f GROUP BY f.model_config_id, f.domain) f
                 JOIN m ON m.config_id = f.model_config_id`;
  if ('pairs' in opts)
    return `${withCtes([liveCtes(ctx), surfacesCte(p, configs), pairsCte(p, opts.pairs)])}
SELECT s.assistant, s.surface, s.domain, sum(s.answers)::int AS answers, sum(s.x)::float8 AS x, sum(s.xx)::float8 AS xx,
       sum(s.xy)::float8 AS xy, 0::float8 AS y, 0::float8 AS yy
  FROM (${perRow} JOIN u ON u.config_id = f.model_config_id AND u.prompt_id = f.prompt_id) s
 GROUP BY s.assistant, s.surface, s.domain
HAVING sum(s.answers) > 0`;
  const less = opts.minus;
  const arr = (name: string, pick: (r: GapDomainSumsRow) => unknown, cast: string) => p.ref(name, less.map(pick), cast);
  return `${withCtes([
    liveCtes(ctx),
    surfacesCte(p, configs),
    `less AS (
  SELECT * FROM unnest(${arr('gap_less_assistants', (r) => r.assistant, 'text[]')}, ${arr('gap_less_surfaces', (r) => r.surface, 'text[]')},
                       ${arr('gap_less_domains', (r) => r.domain, 'text[]')}, ${arr('gap_less_answers', (r) => r.answers, 'bigint[]')},
                       ${arr('gap_less_x', (r) => r.x, 'bigint[]')}, ${arr('gap_less_xx', (r) => r.xx, 'bigint[]')},
                       ${arr('gap_less_xy', (r) => r.xy, 'bigint[]')}) AS t(assistant, surface, domain, answers, x, xx, xy)
)`,
    `dom AS (
  SELECT s.assistant, s.surface, s.domain, sum(s.answers) AS answers, sum(s.x) AS x, sum(s.xx) AS xx, sum(s.xy) AS xy
    FROM (${own}
          UNION ALL
          SELECT l.assistant, l.surface, l.domain, -l.answers, -l.x, -l.xx, -l.xy FROM less l) s
   GROUP BY s.assistant, s.surface, s.domain
  HAVING sum(s.answers) > 0
)`,
    `ranked AS (
  SELECT assistant, domain, row_number() OVER (PARTITION BY assistant ORDER BY sum(x) DESC, domain) AS rank
    FROM dom GROUP BY assistant, domain
)`,
  ])}
SELECT d.assistant, d.surface, d.domain, d.answers::int AS answers, d.x::float8 AS x, d.xx::float8 AS xx, d.xy::float8 AS xy,
       0::float8 AS y, 0::float8 AS yy
  FROM dom d JOIN ranked k ON k.assistant = d.assistant AND k.domain = d.domain
 WHERE k.rank <= ${p.ref('top', opts.top, 'int')}
 ORDER BY 1, 3, 2`;
}

export async function gapDomainSquares(
  pool: pg.Pool,
  ctx: SourceContext,
  grain: 'config' | 'prompt_config',
  configs: GapSurfaceConfig[],
  opts: { pairs: GapPair[] } | { minus: GapDomainSumsRow[]; top: number },
): Promise<GapDomainSumsRow[]> {
  if (!configs.length || ('pairs' in opts && !opts.pairs.length)) return [];
  return reportQuery<GapDomainSumsRow>(pool, gapDomainSquaresSql(ctx, grain, configs, opts), ctx.p.values);
}

export interface GapBrandRow {
  brand_id: string;
  brand_name: string;
  brand_kind: 'own' | 'competitor';
}

/** The workspace's brands the report shows (all, or those of the brandIds filter). */
export async function gapBrands(pool: pg.Pool, workspaceId: string, brandIds?: string[]): Promise<GapBrandRow[]> {
  const { rows } = await pool.query<GapBrandRow>(
    `SELECT id AS brand_id, name AS brand_name, kind::text AS brand_kind FROM brands
      WHERE workspace_id = $1 AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[]))
      ORDER BY kind, name`,
    [workspaceId, brandIds ?? null],
  );
  return rows;
}
