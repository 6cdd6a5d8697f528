/**
 * Writes the report rollups of finished runs. A run's rows in every rollup table are replaced as
 * a whole (delete, then insert) in one transaction, so building twice, concurrently or after a
 * crash always leaves exactly one copy. The facts come from facts.sql.ts, the same SQL live
 * reads use, so a rollup can only differ from the answer tables if they changed since; the
 * manifest (report_rollup_runs) records the run's counters so reports can tell.
 */
import type pg from 'pg';
import {
  categorizer,
  DOMAIN_LIST_VERSION,
  rulesOf,
  type ListedCategory,
} from '../../analysis/source-categories/index.js';
import {
  ANSWER_FACT_COLUMNS,
  BRAND_FACT_COLUMNS,
  GRAIN_KEYS,
  RAW_ANSWER_FACTS,
  RAW_BRAND_FACTS,
  answerCtes,
  CATEGORY_FACT_COLUMNS,
  answerFactsPerConfig,
  rawCategoryFacts,
  rawDomainFacts,
  rawUrlFacts,
  regroupBrandFacts,
  type BrandGrain,
} from './facts.sql.js';

/** Serialises builders of one workspace across processes (any constant; see src/db/migrate.ts). */
const LOCK_NAMESPACE = 7_262_012;

const ROLLUP_TABLES = [
  'report_answer_rollups',
  'report_config_answer_rollups',
  'report_brand_rollups',
  'report_prompt_brand_rollups',
  'report_config_brand_rollups',
  'report_domain_rollups',
  'report_config_domain_rollups',
  'report_url_rollups',
  'report_config_url_rollups',
  'report_category_rollups',
  'report_rollup_runs',
];

const DOMAIN_FACTS =
  'annotations, links, search_results, citing_answers, retrieving_answers, competitor_citations, competitor_answers, own_answers';
const DOMAIN_SUMS = DOMAIN_FACTS.split(', ')
  .map((c) => `sum(f.${c})`)
  .join(', ');

/**
 * Period spans in days, each twice the previous: any range of whole days is covered by at most two
 * periods of each span (report_periods). Periods start a multiple of their span after 1970-01-01.
 */
export const PERIOD_SPANS = [1, 2, 4, 8, 16, 32, 64] as const;

/**
 * Rebuilds the period source rollups of every period containing one of the runs (all of workspace
 * $1), in the workspace's current time zone, from the per-run source rollups just written: a
 * period holds the runs created from its first local midnight to the one after its last day. Each
 * period is replaced as a whole, with its manifest.
 */
const PERIOD_CTES = `
  tz AS (SELECT timezone AS tz FROM workspaces WHERE id = $1),
  days AS (
    SELECT DISTINCT (timezone(tz.tz, ru.created_at))::date - date '1970-01-01' AS d FROM runs ru, tz WHERE ru.id = ANY($2::uuid[])
  ),
  periods AS (
    SELECT DISTINCT s.span, date '1970-01-01' + (d.d - (((d.d % s.span) + s.span) % s.span)) AS day
      FROM days d CROSS JOIN unnest($3::int[]) AS s(span)
  ),
  bounds AS (
    SELECT p.span, p.day, (p.day::timestamp AT TIME ZONE tz.tz) AS lo, ((p.day + p.span)::timestamp AT TIME ZONE tz.tz) AS hi, tz.tz
      FROM periods p, tz
  )`;

/** Clears the periods first: a delete and an insert of the same key in one statement would conflict. */
const PERIODS_CLEAR_SQL = `WITH ${PERIOD_CTES},
  del_periods AS (
    DELETE FROM report_periods x USING periods p WHERE x.workspace_id = $1 AND x.span = p.span AND x.day = p.day RETURNING 1
  ),
  del_domains AS (
    DELETE FROM report_period_domain_rollups x USING periods p WHERE x.workspace_id = $1 AND x.span = p.span AND x.day = p.day RETURNING 1
  ),
  del_urls AS (
    DELETE FROM report_period_url_rollups x USING periods p WHERE x.workspace_id = $1 AND x.span = p.span AND x.day = p.day RETURNING 1
  )
SELECT (SELECT count(*) FROM del_periods) + (SELECT count(*) FROM del_domains) + (SELECT count(*) FROM del_urls) AS deleted`;

/**
 * Builds the periods of one span ($3 holds it alone), after the shorter spans: a period whose two
 * halves are built in the current time zone sums their rows; any other from the per-run rows.
 * Rows are written in the order of the index reports read them by (period, provider), so one
 * provider's rows of a period share a few pages: the per-provider URL statement of the benchmark's
 * largest workspace read 613 buffers instead of 5,377 (bench/RESULTS.md, 7 December 2026, 09:54 UTC).
 */
const PERIODS_BUILD_SQL = `WITH ${PERIOD_CTES},
  halves AS (
    SELECT b.span, b.day, b.span / 2 AS half FROM bounds b
     WHERE b.span > 1
       AND (SELECT count(*) FROM report_periods h WHERE h.workspace_id = $1 AND h.timezone = b.tz AND h.span = b.span / 2
              AND h.day IN (b.day, b.day + b.span / 2)) = 2
  ),
  from_runs AS (SELECT b.* FROM bounds b WHERE NOT EXISTS (SELECT 1 FROM halves h WHERE h.day = b.day)),
  ins_periods AS (
    INSERT INTO report_periods (workspace_id, span, day, timezone) SELECT $1, b.span, b.day, b.tz FROM bounds b RETURNING 1
  ),
  ins_domains AS (
    INSERT INTO report_period_domain_rollups (workspace_id, span, day, provider, domain, ${DOMAIN_FACTS})
    SELECT $1, h.span, h.day, f.provider, f.domain, ${DOMAIN_SUMS}
      FROM halves h JOIN report_period_domain_rollups f ON f.workspace_id = $1 AND f.span = h.half AND f.day IN (h.day, h.day + h.half)
     GROUP BY h.span, h.day, f.provider, f.domain
    UNION ALL
    SELECT $1, b.span, b.day, f.provider, f.domain, ${DOMAIN_SUMS}
      FROM from_runs b JOIN report_config_domain_rollups f ON f.workspace_id = $1 AND f.run_at >= b.lo AND f.run_at < b.hi
     GROUP BY b.span, b.day, f.provider, f.domain
    UNION ALL
    SELECT $1, b.span, b.day, '', f.domain, ${DOMAIN_SUMS}
      FROM from_runs b JOIN report_domain_rollups f ON f.workspace_id = $1 AND f.run_at >= b.lo AND f.run_at < b.hi
     GROUP BY b.span, b.day, f.domain
     ORDER BY 2, 3, 4
    RETURNING 1
  ),
  ins_urls AS (
    INSERT INTO report_period_url_rollups (workspace_id, span, day, provider, url, domain, cited, retrieved, competitor_cited)
    SELECT $1, h.span, h.day, f.provider, f.url, min(f.domain), sum(f.cited), sum(f.retrieved), sum(f.competitor_cited)
      FROM halves h JOIN report_period_url_rollups f ON f.workspace_id = $1 AND f.span = h.half AND f.day IN (h.day, h.day + h.half)
     GROUP BY h.span, h.day, f.provider, f.url
    UNION ALL
    SELECT $1, b.span, b.day, f.provider, f.url, min(f.domain), sum(f.cited), sum(f.retrieved), sum(f.competitor_cited)
      FROM from_runs b JOIN report_config_url_rollups f ON f.workspace_id = $1 AND f.run_at >= b.lo AND f.run_at < b.hi
     GROUP BY b.span, b.day, f.provider, f.url
    UNION ALL
    SELECT $1, b.span, b.day, '', f.url, min(f.domain), sum(f.cited), sum(f.retrieved), sum(f.competitor_cited)
      FROM from_runs b JOIN report_url_rollups f ON f.workspace_id = $1 AND f.run_at >= b.lo AND f.run_at < b.hi
     GROUP BY b.span, b.day, f.url
     ORDER BY 2, 3, 4
    RETURNING 1
  )
SELECT (SELECT count(*) FROM ins_periods) AS periods, (SELECT count(*) FROM ins_domains) + (SELECT count(*) FROM ins_urls) AS source_rows`;

const BRAND_TABLES: Record<BrandGrain, string> = {
  prompt_config: 'report_brand_rollups',
  prompt: 'report_prompt_brand_rollups',
  config: 'report_config_brand_rollups',
};

const list = (cols: readonly string[], prefix = '') => cols.map((c) => `${prefix}${c}`).join(', ');

function brandInsert(grain: BrandGrain): string {
  const keys = ['run_id', ...GRAIN_KEYS[grain].filter((k) => k !== 'provider'), 'brand_id'];
  const provider = GRAIN_KEYS[grain].includes('provider') ? ['provider'] : [];
  const source = grain === 'prompt_config' ? 'SELECT * FROM bf' : regroupBrandFacts('bf', grain);
  return `INSERT INTO ${BRAND_TABLES[grain]} (${list([...keys, 'workspace_id', 'run_at', ...provider, ...BRAND_FACT_COLUMNS])})
          SELECT ${list(keys, 'f.')}, $2::uuid, f.run_at, ${list([...provider, ...BRAND_FACT_COLUMNS], 'f.')} FROM (${source}) f`;
}

/**
 * One statement: every rollup of the given runs (all of workspace $2), from one snapshot of their
 * answers; $3 and $4 classify every domain they cite (parallel arrays of domain and category).
 * Source rows are written in run order, the order reports read the edge days of a range in (by
 * workspace and run time), so rebuilding many runs at once does not scatter a run over the table.
 */
const BUILD_SQL = `
WITH ${answerCtes('r.run_id = ANY($1::uuid[])')},
  af AS (${RAW_ANSWER_FACTS}),
  bf AS (${RAW_BRAND_FACTS}),
  answers_ins AS (
    INSERT INTO report_answer_rollups (run_id, prompt_id, model_config_id, workspace_id, run_at, provider, ${list(ANSWER_FACT_COLUMNS)})
    SELECT f.run_id, f.prompt_id, f.model_config_id, $2::uuid, f.run_at, f.provider, ${list(ANSWER_FACT_COLUMNS, 'f.')} FROM af f
    RETURNING 1
  ),
  config_answers_ins AS (
    INSERT INTO report_config_answer_rollups (run_id, model_config_id, workspace_id, run_at, provider, ${list(ANSWER_FACT_COLUMNS)})
    SELECT f.run_id, f.model_config_id, $2::uuid, f.run_at, f.provider, ${list(ANSWER_FACT_COLUMNS, 'f.')} FROM (${answerFactsPerConfig('af')}) f
    RETURNING 1
  ),
  pc_ins AS (${brandInsert('prompt_config')} RETURNING 1),
  p_ins AS (${brandInsert('prompt')} RETURNING 1),
  c_ins AS (${brandInsert('config')} RETURNING 1),
  domains_ins AS (
    INSERT INTO report_domain_rollups (run_id, domain, workspace_id, run_at, ${DOMAIN_FACTS})
    SELECT f.run_id, f.domain, $2::uuid, f.run_at, ${list(DOMAIN_FACTS.split(', '), 'f.')} FROM (${rawDomainFacts('run')}) f ORDER BY f.run_at, f.run_id
    RETURNING 1
  ),
  config_domains_ins AS (
    INSERT INTO report_config_domain_rollups (run_id, model_config_id, domain, workspace_id, run_at, provider, ${DOMAIN_FACTS}, cited_sq, cited_cross)
    SELECT f.run_id, f.model_config_id, f.domain, $2::uuid, f.run_at, f.provider, ${list(DOMAIN_FACTS.split(', '), 'f.')}, f.cited_sq, f.cited_cross
      FROM (${rawDomainFacts('config')}) f ORDER BY f.run_at, f.run_id
    RETURNING 1
  ),
  urls_ins AS (
    INSERT INTO report_url_rollups (run_id, url, domain, workspace_id, run_at, cited, retrieved, competitor_cited)
    SELECT f.run_id, f.url, f.domain, $2::uuid, f.run_at, f.cited, f.retrieved, f.competitor_cited FROM (${rawUrlFacts('run')}) f ORDER BY f.run_at, f.run_id
    RETURNING 1
  ),
  config_urls_ins AS (
    INSERT INTO report_config_url_rollups (run_id, model_config_id, url, domain, workspace_id, run_at, provider, cited, retrieved, competitor_cited)
    SELECT f.run_id, f.model_config_id, f.url, f.domain, $2::uuid, f.run_at, f.provider, f.cited, f.retrieved, f.competitor_cited FROM (${rawUrlFacts('config')}) f ORDER BY f.run_at, f.run_id
    RETURNING 1
  ),
  cat AS (SELECT * FROM unnest($3::text[], $4::text[]) AS t(domain, category)),
  categories_ins AS (
    INSERT INTO report_category_rollups (run_id, model_config_id, category, workspace_id, run_at, provider, ${list(CATEGORY_FACT_COLUMNS)})
    SELECT f.run_id, f.model_config_id, f.category, $2::uuid, f.run_at, f.provider, ${list(CATEGORY_FACT_COLUMNS, 'f.')} FROM (${rawCategoryFacts('cat')}) f
    RETURNING 1
  )
SELECT (SELECT count(*) FROM answers_ins) + (SELECT count(*) FROM config_answers_ins) AS answer_rows,
       (SELECT count(*) FROM pc_ins) + (SELECT count(*) FROM p_ins) + (SELECT count(*) FROM c_ins) AS brand_rows,
       (SELECT count(*) FROM domains_ins) + (SELECT count(*) FROM config_domains_ins) AS domain_rows,
       (SELECT count(*) FROM urls_ins) + (SELECT count(*) FROM config_urls_ins) AS url_rows,
       (SELECT count(*) FROM categories_ins) AS category_rows`;

/**
 * The fingerprint of a workspace's source-category rules as SQL: the domain list's version, its
 * brands (id, kind, domains) and its overrides. Category rollups built under another fingerprint
 * are out of date (read live and rebuilt), whatever changed: an override, a brand's domains or kind.
 */
export const categoryRulesSql = (ws: string, version: string) => `md5(${version}::text || '|' ||
  coalesce((SELECT string_agg(b.id::text || ':' || b.kind::text || ':' || array_to_string(b.domains, ','), ';' ORDER BY b.id)
              FROM brands b WHERE b.workspace_id = ${ws}), '') || '|' ||
  coalesce((SELECT string_agg(o.domain || ':' || o.category::text, ';' ORDER BY o.domain)
              FROM source_category_overrides o WHERE o.workspace_id = ${ws}), ''))`;

/** The workspace's brands and overrides, the rules every cited domain is classified by. */
export async function categoryRuleRows(
  db: Pick<pg.Pool, 'query'>,
  workspaceId: string,
): Promise<{
  brands: Array<{ kind: 'own' | 'competitor'; domains: string[] }>;
  overrides: Array<{ domain: string; category: ListedCategory }>;
}> {
  const [brands, overrides] = await Promise.all([
    db.query<{ kind: 'own' | 'competitor'; domains: string[] }>(
      'SELECT kind, domains FROM brands WHERE workspace_id = $1',
      [workspaceId],
    ),
    db.query<{ domain: string; category: ListedCategory }>(
      'SELECT domain, category::text AS category FROM source_category_overrides WHERE workspace_id = $1',
      [workspaceId],
    ),
  ]);
  return { brands: brands.rows, overrides: overrides.rows };
}

/** Every domain cited (annotations and links) in the given runs, with its category under the workspace's current rules. */
async function classifyCitedDomains(
  client: pg.PoolClient,
  workspaceId: string,
  runIds: string[],
): Promise<{ domains: string[]; categories: string[] }> {
  // One after the other: a client runs one statement at a time.
  const rules = await categoryRuleRows(client, workspaceId);
  const { rows } = await client.query<{ domain: string }>(
    `SELECT DISTINCT c.domain FROM responses r JOIN citations c ON c.response_id = r.id
      WHERE r.run_id = ANY($1::uuid[]) AND c.source <> 'search_result'`,
    [runIds],
  );
  const categoryOf = categorizer(rulesOf(rules.brands, rules.overrides));
  const domains = rows.map((r) => r.domain);
  return { domains, categories: domains.map(categoryOf) };
}

export interface BuildResult {
  runs: number;
  answerRows: number;
  brandRows: number;
  domainRows: number;
  urlRows: number;
  categoryRows: number;
}

/**
 * Rebuilds the rollups of the given runs of one workspace; runs not finished yet are only
 * cleared (reports read them live until they finish). Returns what was written.
 */
export async function buildRollups(pool: pg.Pool, workspaceId: string, runIds: string[]): Promise<BuildResult> {
  const ids = [...new Set(runIds)].sort();
  const result: BuildResult = { runs: 0, answerRows: 0, brandRows: 0, domainRows: 0, urlRows: 0, categoryRows: 0 };
  if (ids.length === 0) return result;
  const client = await pool.connect();
  let locked = false;
  try {
    // The lock is taken before the snapshot, so a builder waiting on another starts from what it committed.
    await client.query('SELECT pg_advisory_lock($1, hashtext($2))', [LOCK_NAMESPACE, workspaceId]);
    locked = true;
    // One snapshot for the counters and every fact, so the manifest describes exactly what was summed.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
    // A build is a few large aggregations: JIT compilation costs more than it saves (see report-session.ts).
    await client.query("SET LOCAL jit = off; SET LOCAL work_mem = '64MB'");
    const finished = await client.query<{ id: string }>(
      'SELECT id FROM runs WHERE id = ANY($1::uuid[]) AND workspace_id = $2 AND finished_at IS NOT NULL ORDER BY id',
      [ids, workspaceId],
    );
    for (const table of ROLLUP_TABLES)
      await client.query(`DELETE FROM ${table} WHERE run_id = ANY($1::uuid[]) AND workspace_id = $2`, [
        ids,
        workspaceId,
      ]);
    const done = finished.rows.map((r) => r.id);
    if (done.length) {
      const cat = await classifyCitedDomains(client, workspaceId, done);
      const { rows } = await client.query<{
        answer_rows: number;
        brand_rows: number;
        domain_rows: number;
        url_rows: number;
        category_rows: number;
      }>(BUILD_SQL, [done, workspaceId, cat.domains, cat.categories]);
      await client.query(
        `INSERT INTO report_rollup_runs (run_id, workspace_id, run_at, succeeded, failed, analyzed, brand_ids, own_brand_ids, category_rules)
         SELECT ru.id, ru.workspace_id, ru.created_at, ru.succeeded, ru.failed, ru.analyzed,
                coalesce((SELECT array_agg(b.id ORDER BY b.id) FROM brands b WHERE b.workspace_id = ru.workspace_id), '{}'),
                coalesce((SELECT array_agg(b.id ORDER BY b.id) FROM brands b WHERE b.workspace_id = ru.workspace_id AND b.kind = 'own'), '{}'),
                ${categoryRulesSql('$2::uuid', '$3::int')}
           FROM runs ru WHERE ru.id = ANY($1::uuid[])`,
        [done, workspaceId, DOMAIN_LIST_VERSION],
      );
      const r = rows[0];
      Object.assign(result, {
        runs: done.length,
        answerRows: Number(r?.answer_rows ?? 0),
        brandRows: Number(r?.brand_rows ?? 0),
        domainRows: Number(r?.domain_rows ?? 0),
        urlRows: Number(r?.url_rows ?? 0),
        categoryRows: Number(r?.category_rows ?? 0),
      });
    }
    // Periods of every given run, finished or only cleared: they must equal the per-run rows left.
    await client.query(PERIODS_CLEAR_SQL, [workspaceId, ids, PERIOD_SPANS]);
    for (const span of PERIOD_SPANS) await client.query(PERIODS_BUILD_SQL, [workspaceId, ids, [span]]);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    if (locked)
      await client.query('SELECT pg_advisory_unlock($1, hashtext($2))', [LOCK_NAMESPACE, workspaceId]).catch(() => {});
    client.release();
  }
}

/** Finished runs of a workspace, optionally one run and/or those with answers collected in [from, to) (re-analysis scope). */
export async function finishedRunsInScope(
  pool: pg.Pool,
  scope: { workspaceId: string; runId?: string | null; from?: Date | null; to?: Date | null },
): Promise<string[]> {
  const { rows } = await pool.query<{ id: string }>(
    `SELECT ru.id FROM runs ru
      WHERE ru.workspace_id = $1 AND ru.finished_at IS NOT NULL AND ($2::uuid IS NULL OR ru.id = $2)
        AND ($3::timestamptz IS NULL AND $4::timestamptz IS NULL
             OR EXISTS (SELECT 1 FROM responses r WHERE r.run_id = ru.id
                          AND ($3::timestamptz IS NULL OR r.completed_at >= $3) AND ($4::timestamptz IS NULL OR r.completed_at < $4)))
      ORDER BY ru.id`,
    [scope.workspaceId, scope.runId ?? null, scope.from ?? null, scope.to ?? null],
  );
  return rows.map((r) => r.id);
}

/**
 * The runs in order of creation (runs that no longer exist last), so that batches of them share
 * days and so periods: each period is then rebuilt by one or two batches, not by every batch.
 */
export async function inCreationOrder(pool: pg.Pool, runIds: string[]): Promise<string[]> {
  const { rows } = await pool.query<{ id: string }>(
    'SELECT id FROM runs WHERE id = ANY($1::uuid[]) ORDER BY created_at, id',
    [runIds],
  );
  const found = new Set(rows.map((r) => r.id));
  return [...rows.map((r) => r.id), ...runIds.filter((id) => !found.has(id))];
}

/** The workspace a run belongs to, or null when it no longer exists. */
export async function workspaceOfRun(pool: pg.Pool, runId: string): Promise<string | null> {
  const { rows } = await pool.query<{ workspace_id: string }>('SELECT workspace_id FROM runs WHERE id = $1', [runId]);
  return rows[0]?.workspace_id ?? null;
}

export interface LiveRun {
  id: string;
  finished: boolean;
}

/**
 * Runs in a report's range whose answers must be read live: never rolled up (unfinished, or the
 * finish hook has not run yet), rolled up before their counters moved (late analysis of a
 * cancelled run), or before one of their brands was deleted (its mentions went with it). With
 * `ownSensitive`, also runs rolled up under another set of own brands.
 */
export async function liveRuns(
  pool: pg.Pool,
  workspaceId: string,
  f: { runId?: string | undefined; from?: string | undefined; to?: string | undefined },
  ownSensitive: boolean,
): Promise<LiveRun[]> {
  const { rows } = await pool.query<LiveRun>(
    `SELECT ru.id, ru.finished_at IS NOT NULL AS finished
       FROM runs ru LEFT JOIN report_rollup_runs m ON m.run_id = ru.id
      WHERE ru.workspace_id = $1 AND ($2::uuid IS NULL OR ru.id = $2)
        AND ($3::timestamptz IS NULL OR ru.created_at >= $3) AND ($4::timestamptz IS NULL OR ru.created_at < $4)
        AND ru.succeeded + ru.failed > 0
        AND (m.run_id IS NULL OR m.succeeded <> ru.succeeded OR m.failed <> ru.failed OR m.analyzed <> ru.analyzed
             OR NOT m.brand_ids <@ coalesce((SELECT array_agg(b.id) FROM brands b WHERE b.workspace_id = $1), '{}')
             OR ($5 AND m.own_brand_ids IS DISTINCT FROM
                 coalesce((SELECT array_agg(b.id ORDER BY b.id) FROM brands b WHERE b.workspace_id = $1 AND b.kind = 'own'), '{}')))`,
    [workspaceId, f.runId ?? null, f.from ?? null, f.to ?? null, ownSensitive],
  );
  return rows;
}

/** Which periods a source list reads (span and first local day of each), and which local days it reads per run. */
export interface PeriodCover {
  spans: number[];
  days: string[];
  /** Local date intervals [from, to) read from the per-run rollups, clipped to the report's range by the reader. */
  gapsFrom: string[];
  gapsTo: string[];
}

const isoDay = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 10);

/**
 * The periods that cover the whole local days of [from, to): the largest built in the workspace's
 * current time zone that hold no run read live. Every other day in range, and the partial days at
 * both ends, are read from the per-run rollups. Null when the range holds no whole day (or no run).
 */
export async function periodCover(
  pool: pg.Pool,
  workspaceId: string,
  timezone: string,
  range: { from: string; to: string },
  live: string[],
): Promise<PeriodCover | null> {
  const { rows } = await pool.query<{ first: number; last: number; live_days: number[]; built: string[] }>(
    // The range is first narrowed to the workspace's runs (a day either side): days without runs
    // hold nothing, and a range such as 1970..9999 would otherwise be walked day by day.
    `WITH d AS (SELECT min(created_at) AS lo, max(created_at) AS hi FROM runs WHERE workspace_id = $1),
          l AS (SELECT timezone($2, CASE WHEN d.lo IS NULL THEN $3::timestamptz ELSE greatest($3::timestamptz, d.lo - interval '1 day') END) AS lo,
                       timezone($2, CASE WHEN d.hi IS NULL THEN $3::timestamptz ELSE least($4::timestamptz, d.hi + interval '1 day') END) AS hi
                  FROM d)
     SELECT (l.lo::date - date '1970-01-01') + CASE WHEN l.lo = date_trunc('day', l.lo) THEN 0 ELSE 1 END AS first,
            l.hi::date - date '1970-01-01' AS last,
            coalesce((SELECT array_agg(DISTINCT (timezone($2, ru.created_at))::date - date '1970-01-01') FROM runs ru WHERE ru.id = ANY($5::uuid[])), '{}') AS live_days,
            coalesce((SELECT array_agg(p.span || ':' || (p.day - date '1970-01-01')) FROM report_periods p
                       WHERE p.workspace_id = $1 AND p.timezone = $2 AND p.day < l.hi::date AND p.day + p.span > l.lo::date), '{}') AS built
       FROM l`,
    [workspaceId, timezone, range.from, range.to, live],
  );
  const r = rows[0];
  if (!r || r.first >= r.last) return null;
  const { first, last } = r;
  const built = new Set(r.built);
  const cover: PeriodCover = { spans: [], days: [], gapsFrom: [], gapsTo: [] };
  const gaps: Array<[number, number]> = [[first - 1, first]];
  const visit = (start: number, span: number): void => {
    const end = start + span;
    if (end <= first || start >= last) return;
    if (
      start >= first &&
      end <= last &&
      built.has(`${span}:${start}`) &&
      !r.live_days.some((d) => d >= start && d < end)
    ) {
      cover.spans.push(span);
      cover.days.push(isoDay(start));
      return;
    }
    if (span === 1) {
      const prev = gaps[gaps.length - 1] as [number, number];
      if (prev[1] === start) prev[1] = end;
      else gaps.push([start, end]);
      return;
    }
    visit(start, span / 2);
    visit(start + span / 2, span / 2);
  };
  const top = PERIOD_SPANS[PERIOD_SPANS.length - 1] as number;
  for (let s = Math.floor(first / top) * top; s < last; s += top) visit(s, top);
  const prev = gaps[gaps.length - 1] as [number, number];
  if (prev[1] === last) prev[1] = last + 1;
  else gaps.push([last, last + 1]);
  for (const [lo, hi] of gaps) {
    cover.gapsFrom.push(isoDay(lo));
    cover.gapsTo.push(isoDay(hi));
  }
  return cover;
}

/**
 * Rolled-up runs in a report's range whose category rows were classified under other rules than
 * the workspace's current ones (an override, a brand's domains or kind changed since): their
 * split by source category is read live until they are rebuilt.
 */
export async function categoryStaleRuns(
  pool: pg.Pool,
  workspaceId: string,
  f: { runId?: string | undefined; from?: string | undefined; to?: string | undefined },
): Promise<string[]> {
  const { rows } = await pool.query<{ run_id: string }>(
    `SELECT m.run_id FROM report_rollup_runs m
      WHERE m.workspace_id = $1 AND ($2::uuid IS NULL OR m.run_id = $2)
        AND ($3::timestamptz IS NULL OR m.run_at >= $3) AND ($4::timestamptz IS NULL OR m.run_at < $4)
        AND m.category_rules IS DISTINCT FROM ${categoryRulesSql('$1::uuid', '$5::int')}`,
    [workspaceId, f.runId ?? null, f.from ?? null, f.to ?? null, DOMAIN_LIST_VERSION],
  );
  return rows.map((r) => r.run_id);
}
