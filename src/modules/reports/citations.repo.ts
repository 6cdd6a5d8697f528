/** Citation report SQL: totals per slice, and the top domains and URLs of each slice. */
import type { SourceGrain } from './facts.sql.js';
import {
  answerScope,
  answersSource,
  categorySource,
  dimensions,
  domainSource,
  liveCtes,
  needs,
  sourcesByProvider,
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

/**
 * Top `top` rows per slice of a per-item aggregate, ranked by cited then retrieved count, with the
 * slice's total cited count. `ctes` are the statement's own (live) CTEs, or empty.
 *
 * Over the whole range, or per provider (a handful of slices), each slice keeps its `top` rows by
 * ORDER BY … LIMIT, a bounded sort, and only those are numbered: numbering every item of a
 * month's per-provider URLs (about 7,200 after summing 29,500 period rows) took a full sort and
 * two window passes, a third of the statement. Other slices (prompts, runs, days…) may be many, so
 * they keep one window pass over all rows.
 */
function topPerSlice(
  ctes: string,
  d: ReturnType<typeof dimensions>,
  inner: string,
  cited: string,
  retrieved: string,
  key: string,
  top: string,
): string {
  const order = `${cited} DESC, ${retrieved} DESC, ${key}`;
  const head = ctes ? `WITH ${ctes},` : 'WITH';
  if (d.names.length === 0)
    return `${head} items AS MATERIALIZED (${inner})
SELECT x.*, row_number() OVER (ORDER BY ${order}) AS rank, (SELECT sum(${cited}) FROM items x)::bigint AS group_cited
  FROM (SELECT * FROM items x ORDER BY ${order} LIMIT ${top}) x
 ORDER BY rank`;
  if (d.names.length === 1 && d.names[0] === 'provider')
    return `${head} items AS MATERIALIZED (${inner}),
  slices AS (SELECT x.provider, sum(${cited})::bigint AS group_cited FROM items x GROUP BY x.provider)
SELECT t.*, s.group_cited
  FROM slices s CROSS JOIN LATERAL (
    SELECT x.*, row_number() OVER (ORDER BY ${order}) AS rank
      FROM (SELECT * FROM items x WHERE x.provider = s.provider ORDER BY ${order} LIMIT ${top}) x
  ) t
 ORDER BY t.provider, t.rank`;
  const partition = `PARTITION BY ${d.names.join(', ')}`;
  return `${ctes ? `WITH ${ctes}` : ''}
SELECT * FROM (
  SELECT x.*, row_number() OVER (${partition} ORDER BY ${order}) AS rank,
         sum(${cited}) OVER (${partition})::bigint AS group_cited
    FROM (${inner}) x
) ranked
 WHERE rank <= ${top}
 ORDER BY ${[...d.names, 'rank'].join(', ')}`;
}

/**
 * Top `top` rows per provider of a per-item aggregate from the period cover, one provider at a
 * time (sourcesByProvider): each provider's period rows by their own index range, the rows of the
 * days no period covers read once for all. Summing a month's per-provider URLs one provider at a
 * time (7,400 rows into 1,800, four times) instead of all at once (29,500 into 7,200) keeps the hash
 * table small: 32–34 ms → 21–23 ms for the statement alone (serial, load about 3).
 */
function topPerProvider(
  parts: NonNullable<ReturnType<typeof sourcesByProvider>>,
  aggregate: (source: string) => string,
  cited: string,
  retrieved: string,
  key: string,
  top: string,
): string {
  const order = `${cited} DESC, ${retrieved} DESC, ${key}`;
  const source = `(${parts.periods('s.provider')} UNION ALL SELECT * FROM per_run r WHERE r.provider = s.provider)`;
  return `WITH per_run AS MATERIALIZED (${parts.perRun}),
  slices AS (${parts.providers})
SELECT s.provider, t.*
  FROM slices s CROSS JOIN LATERAL (
    SELECT x.*, row_number() OVER (ORDER BY ${order}) AS rank
      FROM (SELECT x.*, sum(${cited}) OVER ()::bigint AS group_cited FROM (${aggregate(source)}) x
             ORDER BY ${order} LIMIT ${top}) x
  ) t
 ORDER BY s.provider, t.rank`;
}

const perProvider = (dims: Dim[], grain: SourceGrain) =>
  dims.length === 1 && dims[0] === 'provider' && grain === 'config';

export function domainsSql(ctx: SourceContext, dims: Dim[], grain: SourceGrain, top: number): string {
  const facts = ['domain', 'annotations', 'links', 'search_results', 'citing_answers', 'retrieving_answers'];
  const parts = perProvider(dims, grain) ? sourcesByProvider(ctx, 'domains', facts) : null;
  if (parts)
    return topPerProvider(
      parts,
      (source) => `
    SELECT f.domain, sum(f.annotations)::bigint AS annotations, sum(f.links)::bigint AS links, sum(f.search_results)::bigint AS search_results,
           sum(f.citing_answers)::bigint AS citing_answers, sum(f.retrieving_answers)::bigint AS retrieving_answers
      FROM ${source} f
     GROUP BY f.domain`,
      '(x.annotations + x.links)',
      'x.search_results',
      'x.domain',
      ctx.p.ref('top', top, 'int'),
    );
  const d = dimensions(ctx, dims);
  const head = d.select.length ? `${d.select.join(', ')}, ` : '';
  const inner = `
    SELECT ${head}f.domain, sum(f.annotations)::bigint AS annotations, sum(f.links)::bigint AS links, sum(f.search_results)::bigint AS search_results,
           sum(f.citing_answers)::bigint AS citing_answers, sum(f.retrieving_answers)::bigint AS retrieving_answers
      FROM ${domainSource(ctx, grain)} f ${d.joins}
     GROUP BY ${[...d.group, 'f.domain'].join(', ')}`;
  return topPerSlice(
    liveCtes(ctx),
    d,
    inner,
    '(x.annotations + x.links)',
    'x.search_results',
    'x.domain',
    ctx.p.ref('top', top, 'int'),
  );
}

export function urlsSql(ctx: SourceContext, dims: Dim[], grain: SourceGrain, top: number): string {
  const parts = perProvider(dims, grain)
    ? sourcesByProvider(ctx, 'urls', ['url', 'domain', 'cited', 'retrieved'])
    : null;
  if (parts)
    return topPerProvider(
      parts,
      (source) => `
    SELECT f.url, min(f.domain) AS domain, sum(f.cited)::bigint AS cited, sum(f.retrieved)::bigint AS retrieved
      FROM ${source} f
     GROUP BY f.url`,
      'x.cited',
      'x.retrieved',
      'x.url',
      ctx.p.ref('top', top, 'int'),
    );
  const d = dimensions(ctx, dims);
  const head = d.select.length ? `${d.select.join(', ')}, ` : '';
  const inner = `
    SELECT ${head}f.url, min(f.domain) AS domain, sum(f.cited)::bigint AS cited, sum(f.retrieved)::bigint AS retrieved
      FROM ${urlSource(ctx, grain)} f ${d.joins}
     GROUP BY ${[...d.group, 'f.url'].join(', ')}`;
  return topPerSlice(liveCtes(ctx), d, inner, 'x.cited', 'x.retrieved', 'x.url', ctx.p.ref('top', top, 'int'));
}

export interface CompetitorOnlyRow {
  [column: string]: unknown;
  domain: string;
  citations: number;
  answers: number;
  /** The domain's most cited URLs in those answers, most cited first: [url, citations]. */
  urls: Array<[string, number]>;
}

/** `WITH` and the live CTEs, ready for more CTEs after them. */
const withMore = (ctx: SourceContext) => {
  const ctes = liveCtes(ctx);
  return ctes ? `WITH ${ctes},` : 'WITH';
};

/**
 * Domains cited (annotations and links) in analysed answers naming a competitor, and in no
 * answer naming an own brand, over the report's filters: the sources that speak for competitors
 * only. Most citing answers first, `top` of them, each with its three most cited URLs in those
 * answers. Read from the domain and URL sources at `grain` (rollups, periods and live runs alike),
 * whose competitor_* and own_answers counts keep to answers naming a competitor or an own brand.
 */
export function competitorOnlySql(ctx: SourceContext, grain: SourceGrain, top: number): string {
  const limit = ctx.p.ref('top', top, 'int');
  return `${withMore(ctx)}
    doms AS (
      SELECT f.domain, sum(f.competitor_citations)::int AS citations, sum(f.competitor_answers)::int AS answers
        FROM ${domainSource(ctx, grain)} f
       GROUP BY f.domain
      HAVING sum(f.competitor_answers) > 0 AND sum(f.own_answers) = 0
       ORDER BY answers DESC, citations DESC, f.domain
       LIMIT ${limit}
    ), urls AS (
      SELECT u.domain, u.url, sum(u.competitor_cited)::int AS n,
             row_number() OVER (PARTITION BY u.domain ORDER BY sum(u.competitor_cited) DESC, u.url) AS rank
        FROM ${urlSource(ctx, grain)} u
       WHERE u.domain IN (SELECT domain FROM doms)
       GROUP BY u.domain, u.url
      HAVING sum(u.competitor_cited) > 0
    )
    SELECT d.domain, d.citations, d.answers,
           (SELECT coalesce(jsonb_agg(jsonb_build_array(u.url, u.n) ORDER BY u.n DESC, u.url), '[]'::jsonb)
              FROM urls u WHERE u.domain = d.domain AND u.rank <= 3) AS urls
      FROM doms d
     ORDER BY d.answers DESC, d.citations DESC, d.domain`;
}

const scopedAnswers = (ctx: SourceContext) => `
    scoped AS (
      SELECT r.id FROM responses r JOIN runs ru ON ru.id = r.run_id
       WHERE ${answerScope(ctx)} AND r.status = 'succeeded' AND r.analyzed_at IS NOT NULL
    )`;

/** The distinct domains cited (annotations and links) in the analysed answers of the runs `ctx` reads live. */
export function citedDomainsSql(ctx: SourceContext): string {
  return `WITH ${scopedAnswers(ctx)}
    SELECT DISTINCT c.domain FROM citations c JOIN scoped s ON s.id = c.response_id
     WHERE c.source <> 'search_result'`;
}

export interface CategorySumsRow {
  [column: string]: unknown;
  /** The local day or week (null without an interval). */
  period: string | null;
  /** null on the rows of totals over every answer (one per period). */
  category: string | null;
  /** Answers citing at least one domain of the category (the totals rows: analysed answers). */
  answers: number;
  x: number;
  xx: number;
  xy: number;
  /** The totals rows only: Σy and Σy² over answers, y an answer's cited sources. */
  y: number;
  yy: number;
}

/**
 * Per source category (and per day or week with `interval`), over the report's analysed answers
 * whatever the grouping, the sums a ratio of sums needs with answers as units — x an answer's
 * citations in the category, y all its citations — and the answers citing the category; plus a
 * totals row (category null) with n, Σy and Σy². Read from the category rollups (runs not read
 * live) and the answer rollups; runs read live are classified through `domains` and `categories`
 * (parallel arrays: each domain they cite and its category, from the caller).
 */
export function categorySumsSql(
  ctx: SourceContext,
  domains: string[],
  categories: string[],
  interval?: 'day' | 'week',
): string {
  const period = interval ? dimensions(ctx, [interval]).group[0] : 'NULL::text';
  const live = ctx.live === null || ctx.live.length > 0;
  const cat = live
    ? `cat AS (SELECT * FROM unnest(${ctx.p.ref('cat_domains', domains, 'text[]')}, ${ctx.p.ref('cat_categories', categories, 'text[]')}) AS t(domain, category)),`
    : '';
  return `${withMore(ctx)} ${cat}
    cs AS (
      SELECT ${period} AS period, f.category, sum(f.answers)::bigint AS answers, sum(f.x)::bigint AS x,
             sum(f.xx)::bigint AS xx, sum(f.xy)::bigint AS xy
        FROM ${categorySource(ctx, 'cat')} f GROUP BY 1, 2
    ), ts AS (
      SELECT ${period} AS period, sum(f.answers)::bigint AS answers, sum(f.cited)::bigint AS y, sum(f.cited_sq)::bigint AS yy
        FROM ${answersSource(ctx, needs([], ctx.filters).prompt)} f GROUP BY 1
    )
    SELECT period, category, answers, x, xx, xy, 0::bigint AS y, 0::bigint AS yy FROM cs
    UNION ALL
    SELECT period, NULL, answers, 0, 0, 0, y, yy FROM ts
     ORDER BY 1, 2 NULLS FIRST`;
}
