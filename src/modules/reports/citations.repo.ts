/** Citation report SQL: totals per slice, and the top domains and URLs of each slice. */
import type { SourceGrain } from './facts.sql.js';
import {
  answerScope,
  answersSource,
  dimensions,
  domainSource,
  liveCtes,
  needs,
  urlSource,
  type Dim,
  type SourceContext,
} from './sources.sql.js';

export interface CitationTotalsRow {
  [dim: string]: unknown;
  n: number;
  failed: number;
  pending: number;
  cited: number;
  annotations: number;
  links: number;
  search_results: number;
  citing_answers: number;
}

export interface DomainRankRow {
  [dim: string]: unknown;
  domain: string;
  annotations: number;
  links: number;
  search_results: number;
  citing_answers: number;
  retrieving_answers: number;
  group_cited: number;
}

export interface UrlRankRow {
  [dim: string]: unknown;
  url: string;
  domain: string;
  cited: number;
  retrieved: number;
  group_cited: number;
}

const withCtes = (ctx: SourceContext) => {
  const ctes = liveCtes(ctx);
  return ctes ? `WITH ${ctes}` : '';
};

export function totalsSql(ctx: SourceContext, dims: Dim[]): string {
  const d = dimensions(ctx, dims);
  const head = d.select.length ? `${d.select.join(', ')}, ` : '';
  return `${withCtes(ctx)}
SELECT ${head}coalesce(sum(f.answers), 0)::bigint AS n, coalesce(sum(f.failed), 0)::bigint AS failed, coalesce(sum(f.pending), 0)::bigint AS pending,
       coalesce(sum(f.cited), 0)::bigint AS cited, coalesce(sum(f.annotations), 0)::bigint AS annotations, coalesce(sum(f.links), 0)::bigint AS links,
       coalesce(sum(f.search_results), 0)::bigint AS search_results, coalesce(sum(f.citing_answers), 0)::bigint AS citing_answers
  FROM ${answersSource(ctx, needs(dims, ctx.filters).prompt)} f ${d.joins}
 ${d.group.length ? `GROUP BY ${d.group.join(', ')} ORDER BY ${d.names.join(', ')}` : ''}`;
}

/** Top `top` rows per slice of a per-item aggregate, ranked by cited then retrieved count. */
function topPerSlice(
  d: ReturnType<typeof dimensions>,
  inner: string,
  cited: string,
  retrieved: string,
  key: string,
  top: string,
): string {
  const partition = d.names.length ? `PARTITION BY ${d.names.join(', ')}` : '';
  return `
SELECT * FROM (
  SELECT x.*, row_number() OVER (${partition} ORDER BY ${cited} DESC, ${retrieved} DESC, ${key}) AS rank,
         sum(${cited}) OVER (${partition})::bigint AS group_cited
    FROM (${inner}) x
) ranked
 WHERE rank <= ${top}
 ORDER BY ${[...d.names, 'rank'].join(', ')}`;
}

export function domainsSql(ctx: SourceContext, dims: Dim[], grain: SourceGrain, top: number): string {
  const d = dimensions(ctx, dims);
  const head = d.select.length ? `${d.select.join(', ')}, ` : '';
  const inner = `
    SELECT ${head}f.domain, sum(f.annotations)::bigint AS annotations, sum(f.links)::bigint AS links, sum(f.search_results)::bigint AS search_results,
           sum(f.citing_answers)::bigint AS citing_answers, sum(f.retrieving_answers)::bigint AS retrieving_answers
      FROM ${domainSource(ctx, grain)} f ${d.joins}
     GROUP BY ${[...d.group, 'f.domain'].join(', ')}`;
  return `${withCtes(ctx)} ${topPerSlice(d, inner, '(x.annotations + x.links)', 'x.search_results', 'x.domain', ctx.p.ref('top', top, 'int'))}`;
}

export function urlsSql(ctx: SourceContext, dims: Dim[], grain: SourceGrain, top: number): string {
  const d = dimensions(ctx, dims);
  const head = d.select.length ? `${d.select.join(', ')}, ` : '';
  const inner = `
    SELECT ${head}f.url, min(f.domain) AS domain, sum(f.cited)::bigint AS cited, sum(f.retrieved)::bigint AS retrieved
      FROM ${urlSource(ctx, grain)} f ${d.joins}
     GROUP BY ${[...d.group, 'f.url'].join(', ')}`;
  return `${withCtes(ctx)} ${topPerSlice(d, inner, 'x.cited', 'x.retrieved', 'x.url', ctx.p.ref('top', top, 'int'))}`;
}

export interface CompetitorOnlyRow {
  [column: string]: unknown;
  domain: string;
  citations: number;
  answers: number;
  /** The domain's most cited URLs in those answers, most cited first: [url, citations]. */
  urls: Array<[string, number]>;
}

/**
 * Domains cited (annotations and links) in analysed answers naming a competitor, and in no
 * answer naming an own brand, over the report's filters, read from the answer tables: the
 * sources that speak for competitors only. Most citing answers first, `top` of them, each with
 * its three most cited URLs. `ctx` must read every run live (live: null).
 */
export function competitorOnlySql(ctx: SourceContext, top: number): string {
  const limit = ctx.p.ref('top', top, 'int');
  return `
    WITH scoped AS (
      SELECT r.id FROM responses r JOIN runs ru ON ru.id = r.run_id
       WHERE ${answerScope(ctx)} AND r.status = 'succeeded' AND r.analyzed_at IS NOT NULL
    ), named AS (
      SELECT m.response_id, bool_or(b.kind = 'competitor') AS competitor, bool_or(b.kind = 'own') AS own
        FROM mentions m JOIN scoped s ON s.id = m.response_id JOIN brands b ON b.id = m.brand_id
       GROUP BY m.response_id
    ), cites AS (
      SELECT c.domain, c.url, c.response_id, n.competitor, n.own
        FROM citations c JOIN named n ON n.response_id = c.response_id
       WHERE c.source <> 'search_result'
    ), domains AS (
      SELECT domain,
             (count(*) FILTER (WHERE competitor))::int AS citations,
             (count(DISTINCT response_id) FILTER (WHERE competitor))::int AS answers
        FROM cites
       GROUP BY domain
      HAVING bool_or(competitor) AND NOT bool_or(own)
       ORDER BY answers DESC, citations DESC, domain
       LIMIT ${limit}
    )
    SELECT d.domain, d.citations, d.answers,
           (SELECT coalesce(jsonb_agg(jsonb_build_array(u.url, u.n) ORDER BY u.n DESC, u.url), '[]'::jsonb)
              FROM (SELECT c.url, count(*)::int AS n FROM cites c
                     WHERE c.domain = d.domain AND c.competitor
                     GROUP BY c.url ORDER BY n DESC, c.url LIMIT 3) u) AS urls
      FROM domains d
     ORDER BY d.answers DESC, d.citations DESC, d.domain`;
}

const scopedAnswers = (ctx: SourceContext) => `
    scoped AS (
      SELECT r.id FROM responses r JOIN runs ru ON ru.id = r.run_id
       WHERE ${answerScope(ctx)} AND r.status = 'succeeded' AND r.analyzed_at IS NOT NULL
    )`;

/** The distinct domains cited (annotations and links) in the report's analysed answers. `ctx` reads every run live. */
export function citedDomainsSql(ctx: SourceContext): string {
  return `WITH ${scopedAnswers(ctx)}
    SELECT DISTINCT c.domain FROM citations c JOIN scoped s ON s.id = c.response_id
     WHERE c.source <> 'search_result'`;
}

export interface CategorySumsRow {
  [column: string]: unknown;
  /** null on the one row of totals over every answer. */
  category: string | null;
  /** Answers citing at least one domain of the category (the totals row: analysed answers). */
  answers: number;
  x: number;
  xx: number;
  xy: number;
  /** The totals row only: Σy and Σy² over answers, y an answer's cited sources. */
  y: number;
  yy: number;
}

/**
 * Per source category, over the report's analysed answers (whatever the grouping), the sums a
 * ratio of sums needs with answers as units — x an answer's citations in the category, y all its
 * citations — and the answers citing the category; plus one totals row (category null) with n,
 * Σy and Σy². `domains` and `categories` are parallel arrays: each cited domain's category,
 * classified by the caller; a citation whose owning brand (found at analysis) is own or
 * competitor takes that brand's current kind first, so a brand domain on a subdomain
 * (cloud.google.com) counts though its registrable domain (google.com) does not match. `ctx` must read every run live (live: null).
 */
export function categorySumsSql(ctx: SourceContext, domains: string[], categories: string[]): string {
  const d = ctx.p.ref('cat_domains', domains, 'text[]');
  const c = ctx.p.ref('cat_categories', categories, 'text[]');
  return `
    WITH ${scopedAnswers(ctx)}, cat AS (
      SELECT * FROM unnest(${d}, ${c}) AS t(domain, category)
    ), per AS (
      SELECT ci.response_id,
             CASE WHEN b.kind = 'own' OR k.category = 'own' THEN 'own'
                  WHEN b.kind = 'competitor' OR k.category = 'competitor' THEN 'competitor'
                  ELSE k.category END AS category,
             count(*)::bigint AS x
        FROM citations ci JOIN scoped s ON s.id = ci.response_id JOIN cat k ON k.domain = ci.domain
        LEFT JOIN brands b ON b.id = ci.brand_id
       WHERE ci.source <> 'search_result'
       GROUP BY 1, 2
    ), ans AS (
      SELECT response_id, sum(x)::bigint AS y FROM per GROUP BY response_id
    )
    SELECT p.category, count(*)::bigint AS answers, sum(p.x)::bigint AS x, sum(p.x * p.x)::bigint AS xx,
           sum(p.x * a.y)::bigint AS xy, 0::bigint AS y, 0::bigint AS yy
      FROM per p JOIN ans a ON a.response_id = p.response_id
     GROUP BY p.category
    UNION ALL
    SELECT NULL, (SELECT count(*) FROM scoped)::bigint, 0, 0, 0,
           coalesce(sum(y), 0)::bigint, coalesce(sum(y * y), 0)::bigint
      FROM ans`;
}
