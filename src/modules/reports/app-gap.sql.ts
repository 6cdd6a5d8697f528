/**
 * The app-versus-API gap report's domain statement. Per assistant and surface (api or app), over
 * the successful analysed answers of the paired configurations on the prompts measured on both
 * surfaces: the totals a ratio of sums needs with answers as units (n, Σy, Σy², y an answer's cited
 * sources) and, for the `top` domains most cited by the assistant's two surfaces together, Σx, Σx²
 * and Σx·y with x an answer's citations of the domain. Read from the answer tables: no rollup keeps
 * per-domain squares.
 */
import type pg from 'pg';
import { reportQuery } from './report-session.js';
import { answerScope, type SourceContext } from './sources.sql.js';

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
