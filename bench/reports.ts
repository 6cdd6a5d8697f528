/**
 * npm run bench:reports — seeds 1,000,000 answers (about 3M mentions and 3M citations) across 20
 * workspaces with set-based SQL, builds the report rollups with the production builder, then
 * times every report over HTTP (a real server on 127.0.0.1) for the largest workspace over the
 * last 30 days, and in the same run the same report computed from the answer tables only, for
 * the ratio (the citations report includes its split by source category and its competitor-only
 * sources; the source-category trends are timed per day). Target on a 2-core machine: p50 ≤ 50 ms and p95 ≤ 150 ms for every report.
 *
 * Seeding takes minutes and building the rollups minutes more. The bench database
 * (citewatch_bench_reports) is kept after a run, so the next one can start from it:
 *   BENCH_REUSE=1        reuse the seeded answers, and the rollups when every rollup table has rows
 *                        and every run its manifest (otherwise they are rebuilt);
 *   BENCH_REUSE=answers  reuse the seeded answers, always rebuild the rollups (after changing them).
 * A database that does not hold exactly the bench's answers is dropped and seeded again.
 *
 * It runs the JavaScript tsc emits (tsconfig.bench.json), the code `npm start` runs in production,
 * as bench:analysis and bench:pipeline do: under tsx every inner function is wrapped in a naming
 * helper when it is created, which weighed on the report rows' mapping.
 */
import { createLogger } from '../src/lib/logger.js';
import { buildApp } from '../src/app.js';
import { newId } from '../src/lib/ids.js';
import { createApiKey } from '../src/modules/api-keys/api-keys.service.js';
import { createOrganization } from '../src/modules/organizations/organizations.service.js';
import { citations } from '../src/modules/reports/citations.service.js';
import { appGapQuery } from '../src/modules/reports/app-gap.schemas.js';
import { appGap } from '../src/modules/reports/app-gap.service.js';
import { competitorGap } from '../src/modules/reports/competitor-gap.service.js';
import { experiments } from '../src/modules/reports/experiments.service.js';
import { shareOfVoice, trends, visibility } from '../src/modules/reports/reports.service.js';
import { rebuildRuns } from '../src/modules/reports/rollups.service.js';
import { sourceCategoryTrends } from '../src/modules/reports/source-category-trends.service.js';
import { benchInfra, fmt } from './lib/infra.js';

const TOTAL = 1_000_000;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 30);
const REUSE = process.env.BENCH_REUSE ?? '';
if (!['', '0', '1', 'answers'].includes(REUSE)) throw new Error(`BENCH_REUSE must be 1 or answers, not ${REUSE}`);
const DAY = 86_400_000;
const END = Date.UTC(2026, 10, 1);

/** The largest workspace: 50 prompts × 8 configurations × 10 samples = 4,000 answers a day for 100 days. */
const BIG = { brands: 12, prompts: 50, providers: 4, samples: 10, runs: 100 };
/** The 19 others: 30 prompts × 4 configurations × 5 samples = 600 answers a run, 1,000 runs in all. */
const SMALL = { brands: 8, prompts: 30, providers: 2, samples: 5 };
const SMALL_RUNS =
  (TOTAL - BIG.prompts * BIG.providers * 2 * BIG.samples * BIG.runs) /
  (SMALL.prompts * SMALL.providers * 2 * SMALL.samples);
const BRAND_BASE = [0.6, 0.5, 0.4, 0.35, 0.3, 0.25, 0.2, 0.15, 0.12, 0.1, 0.05, 0.04];

const log = (s: string) => console.log(s);
const secs = (t0: number) => `${((performance.now() - t0) / 1000).toFixed(1)} s`;

async function seed(pool: import('pg').Pool, orgId: string): Promise<string> {
  const q = (sql: string, values: unknown[] = []) => pool.query(sql, values);
  const workspaces = Array.from({ length: 20 }, (_, i) => ({
    id: newId(),
    shape: i === 0 ? BIG : SMALL,
    runs: i === 0 ? BIG.runs : Math.floor(SMALL_RUNS / 19) + (i - 1 < SMALL_RUNS % 19 ? 1 : 0),
  }));
  for (const [i, w] of workspaces.entries()) {
    await q(`INSERT INTO workspaces (id, organization_id, name, timezone, updated_at) VALUES ($1, $2, $3, $4, now())`, [
      w.id,
      orgId,
      `Bench ${i}`,
      i % 2 ? 'Europe/Paris' : 'America/New_York',
    ]);
    await q(
      `INSERT INTO brands (id, workspace_id, name, domains, kind, updated_at)
       SELECT gen_random_uuid(), $1, 'Brand ' || g, ARRAY['brand' || g || '.com'], CASE WHEN g = 0 THEN 'own' ELSE 'competitor' END::brand_kind, now()
         FROM generate_series(0, $2 - 1) g`,
      [w.id, w.shape.brands],
    );
    await q(
      `INSERT INTO prompts (id, workspace_id, text, tags, updated_at)
       SELECT gen_random_uuid(), $1, 'Which tool is best for need #' || g || '?', ARRAY['topic' || (g % 5)], now() FROM generate_series(0, $2 - 1) g`,
      [w.id, w.shape.prompts],
    );
    await q(
      `INSERT INTO model_configs (id, workspace_id, name, provider, model, params, hash, updated_at)
       SELECT gen_random_uuid(), $1, 'provider' || (g / 2) || ' t' || (g % 2), 'provider' || (g / 2), 'model-' || (g / 2),
              jsonb_build_object('temperature', CASE WHEN g % 2 = 0 THEN 0.2 ELSE 1.0 END), md5(g::text), now()
         FROM generate_series(0, $2 - 1) g`,
      [w.id, w.shape.providers * 2],
    );
    await q(
      `INSERT INTO runs (id, workspace_id, status, samples_per_pair, total, succeeded, failed, analyzed, created_at, started_at, finished_at)
       SELECT gen_random_uuid(), $1, 'completed', $2, 0, 0, 0, 0, t, t, t + interval '20 minutes'
         FROM (SELECT to_timestamp($3 / 1000.0) - (g + 1) * interval '1 day' + interval '6 hours' AS t FROM generate_series(0, $4 - 1) g) x`,
      [w.id, w.shape.samples, END, w.runs],
    );
  }
  // Each prompt favours some brands: P(mentioned) = base × (0.5 … 1.5), about 3 brands per answer.
  await q(
    `CREATE UNLOGGED TABLE bench_affinity AS
           SELECT p.id AS prompt_id, b.id AS brand_id, least(0.95, ($1::float8[])[(right(b.name, 2))::int + 1] * (0.5 + random()) *
                  CASE WHEN (SELECT count(*) FROM brands x WHERE x.workspace_id = b.workspace_id) = 8 THEN 1.1 ELSE 1 END) AS p
             FROM prompts p JOIN brands b ON b.workspace_id = p.workspace_id`,
    [BRAND_BASE],
  );
  await q(`CREATE UNLOGGED TABLE bench_brand_index AS SELECT workspace_id, (right(name, 2))::int AS i, id FROM brands`);
  await q('SET session_replication_role = replica'); // bulk load: foreign keys are satisfied by construction
  for (const t of ['responses', 'mentions', 'citations']) {
    const { rows } = await q(`SELECT indexname FROM pg_indexes WHERE tablename = $1 AND indexname NOT LIKE '%_pkey'`, [
      t,
    ]);
    for (const r of rows) await q(`DROP INDEX ${r.indexname}`);
  }
  let t0 = performance.now();
  await q(
    `INSERT INTO responses (id, run_id, workspace_id, prompt_id, model_config_id, sample_index, provider, channel, model, config_hash, status, text, error_code,
                            completed_at, analyzed_at, analysis_version)
     SELECT gen_random_uuid(), ru.id, ru.workspace_id, p.id, c.id, s, c.provider, 'api', c.model, c.hash,
            CASE WHEN random() < 0.02 THEN 'failed' ELSE 'succeeded' END::response_status, 'An answer.', NULL,
            ru.created_at + random() * interval '20 minutes', ru.created_at + interval '21 minutes', 1
       FROM runs ru JOIN prompts p ON p.workspace_id = ru.workspace_id JOIN model_configs c ON c.workspace_id = ru.workspace_id
      CROSS JOIN LATERAL generate_series(0, ru.samples_per_pair - 1) s`,
  );
  await q(
    `UPDATE responses SET text = NULL, analyzed_at = NULL, analysis_version = NULL, error_code = 'server_error' WHERE status = 'failed'`,
  );
  log(`  responses: ${secs(t0)}`);
  t0 = performance.now();
  await q(
    `INSERT INTO mentions (response_id, workspace_id, brand_id, count, spans, first_offset, rank, sentiment, sentiment_label, snippet, matched_alias)
     SELECT response_id, workspace_id, brand_id, cnt, '[[0, 7]]', 0, row_number() OVER (PARTITION BY response_id ORDER BY o), s,
            CASE WHEN s > 0.05 THEN 'positive' WHEN s < -0.05 THEN 'negative' ELSE 'neutral' END::sentiment_label, 'A snippet naming the brand.', 'Brand'
       FROM (SELECT r.id AS response_id, r.workspace_id, a.brand_id, 1 + (random() * random() * 3)::int AS cnt, random() AS o,
                    round((random() * 1.4 - 0.5)::numeric, 2)::float8 AS s
               FROM responses r JOIN bench_affinity a ON a.prompt_id = r.prompt_id
              WHERE r.status = 'succeeded' AND random() < a.p) x`,
  );
  log(`  mentions: ${secs(t0)}`);
  t0 = performance.now();
  // Sources: 70% from the dozen pages search returns for the prompt (the same day after day),
  // 30% from a long tail of popular domains. One source domain in ~25 is a brand's.
  await q(
    `INSERT INTO citations (response_id, workspace_id, position, url, domain, title, source, brand_id)
     SELECT r.id, r.workspace_id, k, 'https://' || d.domain || pick.path, d.domain, NULL,
            CASE WHEN random() < 0.5 THEN 'annotation' WHEN random() < 0.6 THEN 'link' ELSE 'search_result' END::citation_source, d.brand_id
       FROM responses r
      CROSS JOIN LATERAL generate_series(1, 1 + ((random() + 0 * r.sample_index) * 4)::int) k
      CROSS JOIN LATERAL (
        SELECT CASE WHEN v.u < 0.7 THEN mod(abs(hashtext(r.prompt_id::text || ':' || v.j)), 300) ELSE floor(300 * v.g ^ 3)::int END AS i,
               CASE WHEN v.u < 0.7 THEN '/guide-' || abs(hashtext(r.prompt_id::text || '/' || v.j)) ELSE '/page-' || floor(4 * v.h ^ 2)::int END AS path
          FROM (SELECT random() + 0 * k AS u, floor(12 * random() ^ 2)::int AS j, random() AS g, random() AS h) v
      ) pick
      LEFT JOIN bench_brand_index own ON own.workspace_id = r.workspace_id AND own.i = pick.i
      CROSS JOIN LATERAL (SELECT own.id AS brand_id, CASE WHEN own.id IS NOT NULL THEN 'brand' || pick.i || '.com' ELSE 'source' || pick.i || '.org' END AS domain) d
      WHERE r.status = 'succeeded'`,
  );
  log(`  citations: ${secs(t0)}`);
  await q('RESET session_replication_role');
  await q('DROP TABLE bench_affinity, bench_brand_index');
  t0 = performance.now();
  await q(`UPDATE runs ru SET total = x.total, succeeded = x.ok, failed = x.ko, analyzed = x.ok
             FROM (SELECT run_id, count(*) AS total, count(*) FILTER (WHERE status = 'succeeded') AS ok, count(*) FILTER (WHERE status = 'failed') AS ko
                     FROM responses GROUP BY run_id) x WHERE ru.id = x.run_id`);
  return workspaces[0]?.id as string;
}

async function restoreIndexes(pool: import('pg').Pool, migrationSql: string[]): Promise<void> {
  for (const sql of migrationSql) await pool.query(sql);
  await pool.query('VACUUM ANALYZE');
}

/** The bench organisation and its largest workspace when the database holds exactly the seeded answers. */
async function seededBench(pool: import('pg').Pool): Promise<{ orgId: string; big: string } | null> {
  const { rows } = await pool.query<{ org_id: string; big: string; orgs: number; responses: number }>(
    `SELECT o.id AS org_id, w.id AS big, (SELECT count(*) FROM organizations)::int AS orgs, (SELECT count(*) FROM responses)::int AS responses
       FROM organizations o JOIN workspaces w ON w.organization_id = o.id AND w.name = 'Bench 0' WHERE o.name = 'Bench'`,
  );
  const r = rows[0];
  return r && rows.length === 1 && r.orgs === 1 && r.responses === TOTAL ? { orgId: r.org_id, big: r.big } : null;
}

/** Whether every rollup table has rows and every finished run its manifest (a new rollup table starts empty). */
async function rollupsComplete(pool: import('pg').Pool): Promise<boolean> {
  const { rows: tables } = await pool.query<{ t: string }>(
    `SELECT tablename AS t FROM pg_tables WHERE schemaname = current_schema() AND tablename LIKE 'report\\_%'`,
  );
  for (const { t } of tables) {
    const { rowCount } = await pool.query(`SELECT 1 FROM ${t} LIMIT 1`);
    if (!rowCount) return false;
  }
  const { rows } = await pool.query<{ missing: number }>(
    'SELECT count(*)::int AS missing FROM runs ru WHERE ru.finished_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM report_rollup_runs m WHERE m.run_id = ru.id)',
  );
  return tables.length > 0 && rows[0]?.missing === 0;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

async function main(): Promise<void> {
  const extraEnv = { API_RATE_LIMIT_PER_MINUTE: '100000', DATABASE_POOL_SIZE: '10' };
  const reuse = REUSE === '1' || REUSE === 'answers';
  let infra = await benchInfra('reports', extraEnv, reuse);
  let seeded = reuse ? await seededBench(infra.db.pool) : null;
  if (reuse && !seeded) {
    log('BENCH_REUSE: the bench database does not hold the seeded answers; seeding again');
    await infra.close();
    infra = await benchInfra('reports', extraEnv);
  }
  const logger = createLogger({ level: 'warn', name: 'bench' });
  try {
    const { pool, prisma } = infra.db;
    // The secondary indexes of the answer tables, as the migrations create them: dropped for the bulk load, then rebuilt.
    const { rows: indexDefs } = await pool.query<{ indexdef: string }>(
      `SELECT indexdef FROM pg_indexes WHERE tablename IN ('responses', 'mentions', 'citations') AND indexname NOT LIKE '%_pkey'`,
    );
    log(
      `Reports benchmark: ${fmt(TOTAL)} answers across 20 workspaces (largest: ${fmt(BIG.prompts * BIG.providers * 2 * BIG.samples * BIG.runs)})`,
    );
    const t0 = performance.now();
    const reused = seeded !== null;
    if (!seeded) {
      const org = await createOrganization(prisma, 'Bench');
      seeded = { orgId: org.id, big: await seed(pool, org.id) };
      await restoreIndexes(
        pool,
        indexDefs.map((r) => r.indexdef),
      );
    }
    const { orgId, big } = seeded;
    const org = { id: orgId };
    const { key } = await createApiKey(prisma, { organizationId: org.id, name: 'bench', scopes: ['read'] });
    const counts = await pool.query<{ r: number; m: number; c: number }>(
      'SELECT (SELECT count(*) FROM responses) AS r, (SELECT count(*) FROM mentions) AS m, (SELECT count(*) FROM citations) AS c',
    );
    const { r: responses, m, c } = counts.rows[0] as { r: number; m: number; c: number };
    log(
      `${reused ? 'reused' : 'seeded'} ${fmt(responses)} answers, ${fmt(m)} mentions, ${fmt(c)} citations in ${secs(t0)}`,
    );

    const t1 = performance.now();
    const reuseRollups = REUSE === '1' && (await rollupsComplete(pool));
    if (!reuseRollups) {
      const runs = await pool.query<{ workspace_id: string; ids: string[] }>(
        'SELECT workspace_id, array_agg(id ORDER BY id) AS ids FROM runs GROUP BY workspace_id',
      );
      for (const w of runs.rows) await rebuildRuns(pool, w.workspace_id, w.ids);
      await pool.query('VACUUM ANALYZE');
    }
    const sizes = await pool.query<{ t: string; n: number }>(
      `SELECT relname AS t, n_live_tup AS n FROM pg_stat_user_tables WHERE relname LIKE 'report_%' ORDER BY relname`,
    );
    log(
      `rollups ${reuseRollups ? 'reused' : 'built'} in ${secs(t1)}: ${sizes.rows.map((s) => `${s.t.replace(/^report_|_rollups?$/g, '')} ${fmt(s.n)}`).join(', ')}`,
    );

    const app = await buildApp({
      env: infra.env,
      db: infra.db,
      redis: infra.redis,
      producers: infra.producers,
      mailer: infra.mailer,
      logger,
    });
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    const from = new Date(END - 30 * DAY).toISOString();
    const to = new Date(END).toISOString();
    const range = `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
    const f = { from, to };
    const deps = { db: infra.db };
    // The app-versus-API gap, paired explicitly: provider0's configurations as the API, provider1's as the app.
    const paired = await pool.query<{ id: string; provider: string }>(
      'SELECT id, provider FROM model_configs WHERE workspace_id = $1 ORDER BY provider, name',
      [big],
    );
    const idsOf = (provider: string) =>
      paired.rows
        .filter((r) => r.provider === provider)
        .map((r) => r.id)
        .join(',');
    const gapPair = `apiConfigIds=${idsOf('provider0')}&appConfigIds=${idsOf('provider1')}`;
    const reports: Array<[string, string, () => Promise<unknown>]> = [
      [
        'visibility',
        `visibility?${range}`,
        () => visibility(deps, org.id, big, { ...f, groupBy: ['provider', 'config'] }, 'raw'),
      ],
      [
        'share-of-voice',
        `share-of-voice?${range}`,
        () => shareOfVoice(deps, org.id, big, { ...f, groupBy: [] }, 'raw'),
      ],
      [
        'trends',
        `trends?${range}&interval=day`,
        () => trends(deps, org.id, big, { ...f, groupBy: [], interval: 'day' }, 'raw'),
      ],
      // Each HTTP call and its baseline are the same query: the whole range, then split (with top lists) per provider;
      // both with the split by source category and the competitor-only sources, which every citations report holds.
      [
        'citations',
        `citations?${range}`,
        () => citations(deps, org.id, big, { ...f, groupBy: [], top: 20, format: 'json' }, 'raw'),
      ],
      [
        'citations/provider',
        `citations?${range}&groupBy=provider`,
        () => citations(deps, org.id, big, { ...f, groupBy: ['provider'], top: 20, format: 'json' }, 'raw'),
      ],
      // The source-category split per day, from the category rollups (issue 17).
      [
        'category-trends',
        `source-category-trends?${range}&interval=day`,
        () => sourceCategoryTrends(deps, org.id, big, { ...f, interval: 'day', format: 'json' }, 'raw'),
      ],
      [
        'experiments',
        `experiments?${range}&parameter=temperature`,
        () =>
          experiments(
            deps,
            org.id,
            big,
            {
              ...f,
              groupBy: [],
              parameter: 'temperature',
              minimumDifference: 0.1,
              alpha: 0.05,
              power: 0.8,
              adjust: 'holm',
              format: 'json',
            },
            'raw',
          ),
      ],
      [
        'competitor-gap',
        `competitor-gap?${range}`,
        () =>
          competitorGap(
            deps,
            org.id,
            big,
            { ...f, groupBy: ['prompt'], limit: 50, examples: 3, format: 'json' },
            'raw',
          ),
      ],
      [
        'app-gap',
        `app-gap?${range}&${gapPair}`,
        () =>
          appGap(
            deps,
            org.id,
            big,
            appGapQuery.parse({ ...f, ...Object.fromEntries(new URLSearchParams(gapPair)) }),
            'raw',
          ),
      ],
    ];
    log(
      `\nlargest workspace, last 30 days, ${REQUESTS} requests each over HTTP (${address}), against the same report from the answer tables:`,
    );
    let worstP50 = 0;
    let worstP95 = 0;
    for (const [name, path, raw] of reports) {
      const url = `${address}/v1/workspaces/${big}/reports/${path}`;
      const call = async () => {
        const res = await fetch(url, { headers: { authorization: `Bearer ${key}` } });
        if (res.status !== 200) throw new Error(`${name}: ${res.status} ${await res.text()}`);
        return res.text();
      };
      for (let i = 0; i < 3; i++) await call();
      const times: number[] = [];
      for (let i = 0; i < REQUESTS; i++) {
        const s = performance.now();
        await call();
        times.push(performance.now() - s);
      }
      times.sort((a, b) => a - b);
      const s = performance.now();
      await raw();
      const rawMs = performance.now() - s;
      const [p50, p95] = [percentile(times, 50), percentile(times, 95)];
      worstP50 = Math.max(worstP50, p50);
      worstP95 = Math.max(worstP95, p95);
      log(
        `  ${name.padEnd(19)} p50 ${fmt(p50, 1).padStart(6)} ms  p95 ${fmt(p95, 1).padStart(6)} ms   answer tables ${fmt(rawMs).padStart(6)} ms   ×${fmt(rawMs / p50, 0)}`,
      );
    }
    await app.close();
    log(`(worst report shown below; target p50 ≤ 50 ms, p95 ≤ 150 ms)`);
    log(`reports: p50 ${fmt(worstP50, 1)} ms, p95 ${fmt(worstP95, 1)} ms @${responses} responses`);
  } finally {
    await infra.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
