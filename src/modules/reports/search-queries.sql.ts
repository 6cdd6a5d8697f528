/**
 * The search fan-out report's statement: per prompt × provider × configuration, the answers in
 * scope, those that ran at least one web search, and the top normalised search queries with the
 * answers that ran each and how many of those cited an own brand's domain.
 */
import type pg from 'pg';
import { reportQuery } from './report-session.js';
import { answerScope, ws, type SourceContext } from './sources.sql.js';

export interface SearchQueryRow {
  prompt_id: string;
  prompt_text: string;
  provider: string;
  model_config_id: string;
  model_config_name: string | null;
  n: number;
  searched: number;
  searched_own: number;
  distinct_queries: number;
  query: string | null;
  rank: number | null;
  answers: number | null;
  own_cited: number | null;
}

/** A query as the report groups it: trimmed, case-folded, runs of whitespace made one space. */
const NORMALISED = `lower(regexp_replace(btrim(q), '\\s+', ' ', 'g'))`;

export function searchQueriesSql(ctx: SourceContext, limit: number, top: number): string {
  const p = ctx.p;
  const group = 'prompt_id, provider, model_config_id';
  return `
WITH a AS (
  SELECT r.prompt_id, r.provider, r.model_config_id,
         EXISTS (SELECT 1 FROM citations c JOIN brands b ON b.id = c.brand_id AND b.kind = 'own' AND b.workspace_id = ${ws(ctx)}
                  WHERE c.response_id = r.id AND c.source <> 'search_result') AS own_cited,
         ARRAY(SELECT DISTINCT ${NORMALISED} FROM unnest(r.search_queries) AS q WHERE btrim(q) <> '') AS queries
    FROM responses r JOIN runs ru ON ru.id = r.run_id
   WHERE ${answerScope(ctx)} AND r.status = 'succeeded' AND r.analyzed_at IS NOT NULL
),
g AS (
  SELECT ${group}, count(*)::int AS n,
         count(*) FILTER (WHERE cardinality(queries) > 0)::int AS searched,
         count(*) FILTER (WHERE cardinality(queries) > 0 AND own_cited)::int AS searched_own
    FROM a GROUP BY ${group}
  HAVING count(*) FILTER (WHERE cardinality(queries) > 0) > 0
),
gl AS (
  SELECT g.*, pr.text AS prompt_text, mc.name AS model_config_name
    FROM g JOIN prompts pr ON pr.id = g.prompt_id
    LEFT JOIN model_configs mc ON mc.id = g.model_config_id
   ORDER BY pr.text, g.prompt_id, g.provider, mc.name, g.model_config_id
   LIMIT ${p.ref('limit', limit, 'int')}
),
q AS (
  SELECT a.prompt_id, a.provider, a.model_config_id, x.query, count(*)::int AS answers,
         count(*) FILTER (WHERE a.own_cited)::int AS own_cited,
         row_number() OVER (PARTITION BY a.prompt_id, a.provider, a.model_config_id ORDER BY count(*) DESC, x.query)::int AS rank,
         (count(*) OVER (PARTITION BY a.prompt_id, a.provider, a.model_config_id))::int AS distinct_queries
    FROM a CROSS JOIN LATERAL unnest(a.queries) AS x(query)
   WHERE (a.prompt_id, a.provider, a.model_config_id) IN (SELECT ${group} FROM gl)
   GROUP BY a.prompt_id, a.provider, a.model_config_id, x.query
)
SELECT gl.prompt_id, gl.prompt_text, gl.provider, gl.model_config_id, gl.model_config_name, gl.n, gl.searched, gl.searched_own,
       coalesce(max(q.distinct_queries) OVER (PARTITION BY gl.prompt_id, gl.provider, gl.model_config_id), 0)::int AS distinct_queries,
       q.query, q.rank, q.answers, q.own_cited
  FROM gl LEFT JOIN q ON q.prompt_id = gl.prompt_id AND q.provider = gl.provider AND q.model_config_id = gl.model_config_id
 WHERE q.rank IS NULL OR q.rank <= ${p.ref('top', top, 'int')}
 ORDER BY gl.prompt_text, gl.prompt_id, gl.provider, gl.model_config_name, gl.model_config_id, q.rank`;
}

export async function searchQueryRows(pool: pg.Pool, ctx: SourceContext, limit: number, top: number) {
  const sql = searchQueriesSql(ctx, limit, top);
  return reportQuery<SearchQueryRow>(pool, sql, ctx.p.values);
}
