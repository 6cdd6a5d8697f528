/**
 * The facts of answers, as SQL over the answer tables (responses, mentions, citations). One
 * definition serves three readers, so they can never disagree:
 * - the rollup builder, which stores these facts per finished run (rollups.repo.ts);
 * - live report reads, for runs whose rollup is missing or out of date (sources.sql.ts);
 * - the raw baseline the benchmark and the consistency tests compare rollups against.
 *
 * `scope` is a WHERE condition on `r` (responses) and `ru` (runs). Every answer is dated by its
 * run (`run_at` = runs.created_at): one run is one measurement, even when it crosses midnight.
 */

/** Brand-fact columns, in the order the rollup tables declare them. */
export const BRAND_FACT_COLUMNS = [
  'mentioned',
  'mention_count',
  'mention_count_sq',
  'presence_cross',
  'count_cross',
  'rank_sum',
  'rank_sq',
  'top1',
  'sentiment_sum',
  'sentiment_sq',
  'positive',
  'neutral',
  'negative',
  'gap',
  'gap_sample',
  'cited',
  'cited_sq',
  'cited_cross',
  'citing_answers',
  'retrieved',
] as const;

export const ANSWER_FACT_COLUMNS = [
  'answers',
  'failed',
  'pending',
  'brands_sq',
  'mentions_sq',
  'cited',
  'cited_sq',
  'annotations',
  'links',
  'search_results',
  'citing_answers',
] as const;

/** How each brand fact combines when rows are summed to a coarser grain. */
const brandFactAggregate = (c: string): string => (c === 'gap_sample' ? 'max(gap_sample::text)::uuid' : `sum(${c})`);

/**
 * Per-answer CTEs: `ans` (settled answers in scope; `ok` = succeeded and analysed), `per` (brands
 * and mentions per answer, and whether an own brand or a competitor is among them), `ac` (their citations), `cit`
 * (sources per answer) and `bcit` (sources on each brand's domains per answer).
 */
export function answerCtes(scope: string): string {
  return `
  ans AS (
    SELECT r.id, r.run_id, ru.created_at AS run_at, r.prompt_id, r.model_config_id, r.provider, r.status,
           (r.status = 'succeeded' AND r.analyzed_at IS NOT NULL) AS ok
      FROM responses r JOIN runs ru ON ru.id = r.run_id
     WHERE (${scope}) AND r.status IN ('succeeded', 'failed')
  ), per AS (
    SELECT m.response_id, count(*)::bigint AS y, sum(m.count)::bigint AS c, bool_or(b.kind = 'own') AS has_own,
           bool_or(b.kind = 'competitor') AS has_competitor
      FROM ans a JOIN mentions m ON m.response_id = a.id JOIN brands b ON b.id = m.brand_id
     WHERE a.ok GROUP BY m.response_id
  ), ac AS (
    -- The citations of the analysed answers, fetched once by answer (an index probe each) for every use below.
    SELECT c.response_id, c.source, c.brand_id, c.domain, c.url
      FROM ans a JOIN citations c ON c.response_id = a.id
     WHERE a.ok
  ), cit AS (
    SELECT c.response_id,
           count(*) FILTER (WHERE c.source <> 'search_result')::bigint AS z,
           count(*) FILTER (WHERE c.source = 'annotation')::bigint AS annotations,
           count(*) FILTER (WHERE c.source = 'link')::bigint AS links,
           count(*) FILTER (WHERE c.source = 'search_result')::bigint AS search_results
      FROM ac c GROUP BY c.response_id
  ), bcit AS (
    SELECT c.response_id, c.brand_id,
           count(*) FILTER (WHERE c.source <> 'search_result')::bigint AS x,
           count(*) FILTER (WHERE c.source = 'search_result')::bigint AS ret
      FROM ac c WHERE c.brand_id IS NOT NULL GROUP BY c.response_id, c.brand_id
  )`;
}

/** Answer facts per run × prompt × configuration (needs answerCtes). */
export const RAW_ANSWER_FACTS = `
  SELECT a.run_id, a.run_at, a.prompt_id, a.model_config_id, a.provider,
         count(*) FILTER (WHERE a.ok)::bigint AS answers,
         count(*) FILTER (WHERE a.status = 'failed')::bigint AS failed,
         count(*) FILTER (WHERE a.status = 'succeeded' AND NOT a.ok)::bigint AS pending,
         coalesce(sum(p.y * p.y), 0)::bigint AS brands_sq,
         coalesce(sum(p.c * p.c), 0)::bigint AS mentions_sq,
         coalesce(sum(ci.z), 0)::bigint AS cited,
         coalesce(sum(ci.z * ci.z), 0)::bigint AS cited_sq,
         coalesce(sum(ci.annotations), 0)::bigint AS annotations,
         coalesce(sum(ci.links), 0)::bigint AS links,
         coalesce(sum(ci.search_results), 0)::bigint AS search_results,
         count(*) FILTER (WHERE ci.z > 0)::bigint AS citing_answers
    FROM ans a LEFT JOIN per p ON p.response_id = a.id LEFT JOIN cit ci ON ci.response_id = a.id
   GROUP BY a.run_id, a.run_at, a.prompt_id, a.model_config_id, a.provider`;

/**
 * Brand facts per run × prompt × configuration × brand (needs answerCtes): one row per brand
 * that an answer of the group mentions or cites through the brand's domains.
 */
export const RAW_BRAND_FACTS = `
  SELECT a.run_id, a.run_at, a.prompt_id, a.model_config_id, a.provider, ab.brand_id,
         count(ab.count)::bigint AS mentioned,
         coalesce(sum(ab.count), 0)::bigint AS mention_count,
         coalesce(sum(ab.count::bigint * ab.count), 0)::bigint AS mention_count_sq,
         coalesce(sum(p.y) FILTER (WHERE ab.count IS NOT NULL), 0)::bigint AS presence_cross,
         coalesce(sum(ab.count * p.c), 0)::bigint AS count_cross,
         coalesce(sum(ab.rank), 0)::bigint AS rank_sum,
         coalesce(sum(ab.rank::bigint * ab.rank), 0)::bigint AS rank_sq,
         count(*) FILTER (WHERE ab.rank = 1)::bigint AS top1,
         coalesce(sum(ab.sentiment), 0)::float8 AS sentiment_sum,
         coalesce(sum(ab.sentiment * ab.sentiment), 0)::float8 AS sentiment_sq,
         count(*) FILTER (WHERE ab.sentiment_label = 'positive')::bigint AS positive,
         count(*) FILTER (WHERE ab.sentiment_label = 'neutral')::bigint AS neutral,
         count(*) FILTER (WHERE ab.sentiment_label = 'negative')::bigint AS negative,
         count(*) FILTER (WHERE ab.count IS NOT NULL AND NOT p.has_own)::bigint AS gap,
         max(a.id::text) FILTER (WHERE ab.count IS NOT NULL AND NOT p.has_own)::uuid AS gap_sample,
         coalesce(sum(ab.x), 0)::bigint AS cited,
         coalesce(sum(ab.x * ab.x), 0)::bigint AS cited_sq,
         coalesce(sum(ab.x * ci.z), 0)::bigint AS cited_cross,
         count(*) FILTER (WHERE ab.x > 0)::bigint AS citing_answers,
         coalesce(sum(ab.ret), 0)::bigint AS retrieved
    FROM (
      SELECT coalesce(m.response_id, bc.response_id) AS response_id, coalesce(m.brand_id, bc.brand_id) AS brand_id,
             m.count, m.rank, m.sentiment, m.sentiment_label, coalesce(bc.x, 0) AS x, coalesce(bc.ret, 0) AS ret
        FROM (SELECT m.* FROM ans a JOIN mentions m ON m.response_id = a.id WHERE a.ok) m
        FULL JOIN bcit bc ON bc.response_id = m.response_id AND bc.brand_id = m.brand_id
    ) ab
    JOIN ans a ON a.id = ab.response_id
    LEFT JOIN per p ON p.response_id = a.id
    LEFT JOIN cit ci ON ci.response_id = a.id
   GROUP BY a.run_id, a.run_at, a.prompt_id, a.model_config_id, a.provider, ab.brand_id`;

/** Grains of the source lists: per run, per run × configuration, or per run × prompt × configuration (live only). */
export type SourceGrain = 'run' | 'config' | 'prompt_config';

const SOURCE_KEYS: Record<SourceGrain, string[]> = {
  run: ['a.run_id', 'a.run_at'],
  config: ['a.run_id', 'a.run_at', 'a.model_config_id', 'a.provider'],
  prompt_config: ['a.run_id', 'a.run_at', 'a.prompt_id', 'a.model_config_id', 'a.provider'],
};

/**
 * Sources per domain at the given grain (needs answerCtes). The competitor_* and own_answers
 * counts keep to cited sources (annotations and links) of answers naming a competitor, or an own
 * brand: the competitor-only sources are the domains with competitor answers and no own ones.
 * cited_sq and cited_cross are Σx² and Σx·y over answers, x an answer's cited sources on the domain
 * and y all its cited sources: the delta-method variance of the domain's citation share.
 */
export function rawDomainFacts(grain: SourceGrain): string {
  const keys = SOURCE_KEYS[grain].join(', ');
  return `
  SELECT ${keys}, d.domain,
         sum(d.annotations)::bigint AS annotations,
         sum(d.links)::bigint AS links,
         sum(d.search_results)::bigint AS search_results,
         count(*) FILTER (WHERE d.x > 0)::bigint AS citing_answers,
         count(*) FILTER (WHERE d.search_results > 0)::bigint AS retrieving_answers,
         coalesce(sum(d.x) FILTER (WHERE p.has_competitor), 0)::bigint AS competitor_citations,
         count(*) FILTER (WHERE d.x > 0 AND p.has_competitor)::bigint AS competitor_answers,
         count(*) FILTER (WHERE d.x > 0 AND p.has_own)::bigint AS own_answers,
         sum(d.x * d.x)::bigint AS cited_sq,
         coalesce(sum(d.x * ci.z), 0)::bigint AS cited_cross
    FROM (
      -- One row per answer and domain: its citations of the domain by origin, x the cited ones.
      SELECT c.response_id, c.domain,
             count(*) FILTER (WHERE c.source = 'annotation')::bigint AS annotations,
             count(*) FILTER (WHERE c.source = 'link')::bigint AS links,
             count(*) FILTER (WHERE c.source = 'search_result')::bigint AS search_results,
             count(*) FILTER (WHERE c.source <> 'search_result')::bigint AS x
        FROM ac c GROUP BY c.response_id, c.domain
    ) d
    JOIN ans a ON a.id = d.response_id LEFT JOIN per p ON p.response_id = a.id LEFT JOIN cit ci ON ci.response_id = a.id
   GROUP BY ${keys}, d.domain`;
}

/** Sources per URL at the given grain (needs answerCtes). */
export function rawUrlFacts(grain: SourceGrain): string {
  const keys = SOURCE_KEYS[grain].join(', ');
  return `
  SELECT ${keys}, c.url, min(c.domain) AS domain,
         count(*) FILTER (WHERE c.source <> 'search_result')::bigint AS cited,
         count(*) FILTER (WHERE c.source = 'search_result')::bigint AS retrieved,
         count(*) FILTER (WHERE c.source <> 'search_result' AND p.has_competitor)::bigint AS competitor_cited
    FROM ans a JOIN ac c ON c.response_id = a.id LEFT JOIN per p ON p.response_id = a.id
   GROUP BY ${keys}, c.url`;
}

/** The per-category columns of report_category_rollups, in its order. */
export const CATEGORY_FACT_COLUMNS = ['answers', 'x', 'xx', 'xy'] as const;

/**
 * Cited sources per run × configuration × source category (needs answerCtes): the answers citing
 * the category, x their citations in it, Σx² and Σx·y with y an answer's cited sources. `cat` is an
 * SQL relation (domain, category) classifying every cited domain in scope; a citation whose
 * owning brand (found at analysis) is own or competitor takes that brand's current kind first, so
 * a brand domain on a subdomain (cloud.google.com) counts though its registrable domain does not.
 */
export function rawCategoryFacts(cat: string): string {
  return `
  SELECT a.run_id, a.run_at, a.model_config_id, a.provider, k.category,
         count(*)::bigint AS answers, sum(k.x)::bigint AS x, sum(k.x * k.x)::bigint AS xx, sum(k.x * ci.z)::bigint AS xy
    FROM (
      SELECT c.response_id,
             CASE WHEN b.kind = 'own' OR t.category = 'own' THEN 'own'
                  WHEN b.kind = 'competitor' OR t.category = 'competitor' THEN 'competitor'
                  ELSE t.category END AS category,
             count(*)::bigint AS x
        FROM ac c JOIN ${cat} t ON t.domain = c.domain LEFT JOIN brands b ON b.id = c.brand_id
       WHERE c.source <> 'search_result'
       GROUP BY 1, 2
    ) k
    JOIN ans a ON a.id = k.response_id JOIN cit ci ON ci.response_id = k.response_id
   GROUP BY a.run_id, a.run_at, a.model_config_id, a.provider, k.category`;
}

/** Answer facts summed over prompts, per run × configuration (`from` has RAW_ANSWER_FACTS columns). */
export function answerFactsPerConfig(from: string): string {
  return `SELECT run_id, run_at, model_config_id, provider, ${ANSWER_FACT_COLUMNS.map((c) => `sum(${c}) AS ${c}`).join(', ')}
            FROM ${from} GROUP BY run_id, run_at, model_config_id, provider`;
}

export type BrandGrain = 'prompt_config' | 'prompt' | 'config';

/** The key columns of each brand-fact grain, after run_id and run_at. */
export const GRAIN_KEYS: Record<BrandGrain, string[]> = {
  prompt_config: ['prompt_id', 'model_config_id', 'provider'],
  prompt: ['prompt_id'],
  config: ['model_config_id', 'provider'],
};

/**
 * Sums brand facts of the finest grain (`from`, an SQL relation with RAW_BRAND_FACTS columns) to a
 * coarser one, exactly as the builder derives its coarser tables: every fact is a sum, except the
 * example answer, which is the latest.
 */
export function regroupBrandFacts(from: string, grain: BrandGrain): string {
  const keys = ['run_id', 'run_at', ...GRAIN_KEYS[grain], 'brand_id'].join(', ');
  const facts = BRAND_FACT_COLUMNS.map((c) => `${brandFactAggregate(c)} AS ${c}`).join(', ');
  return `SELECT ${keys}, ${facts} FROM ${from} GROUP BY ${keys}`;
}
