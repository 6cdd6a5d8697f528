/**
 * npm run bench:pdf — seeds one workspace with 100,000 answers over 30 days (set-based SQL, as
 * bench:reports does), builds its report rollups with the production builder, then times the PDF
 * of those 30 days as the worker makes it (renderWorkspacePdf: every report it shows, then the
 * drawing), several times. In the same run, the baseline: the same figures gathered as JSON without
 * drawing (gatherPdfReport), and the ratio. Target on the development machine: p95 ≤ 5 s.
 *
 * The line before the last is the digest benchmark's when bench/digests.ts exists (it exports
 * `digestBenchLine(): Promise<string>`, which sends the digests of 1,000 workspaces to a local
 * SMTP server and returns its one-line result). The last line is always
 *   pdf: p50 <ms> ms, p95 <ms> ms @100000 answers
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { newId } from '../src/lib/ids.js';
import { createOrganization } from '../src/modules/organizations/organizations.service.js';
import { gatherPdfReport } from '../src/modules/pdf-reports/pdf-reports.content.js';
import { renderWorkspacePdf } from '../src/modules/pdf-reports/pdf-reports.render.js';
import { rebuildRuns } from '../src/modules/reports/rollups.service.js';
import { benchInfra, fmt } from './lib/infra.js';

const DAY = 86_400_000;
const END = Date.UTC(2026, 10, 1);
/** 25 prompts × 8 configurations × 5 samples = 1,000 answers a run; 100 runs over 30 days. */
const SHAPE = { brands: 10, prompts: 25, providers: 4, samples: 5, runs: 100 };
const TOTAL = SHAPE.prompts * SHAPE.providers * 2 * SHAPE.samples * SHAPE.runs;
const TIMES = Number(process.env.BENCH_REQUESTS ?? 10);
const BRAND_BASE = [0.6, 0.5, 0.4, 0.35, 0.3, 0.25, 0.2, 0.15, 0.12, 0.1];

const log = (s: string) => console.log(s);
const secs = (t0: number) => `${((performance.now() - t0) / 1000).toFixed(1)} s`;

async function seed(pool: import('pg').Pool, orgId: string): Promise<string> {
  const q = (sql: string, values: unknown[] = []) => pool.query(sql, values);
  const ws = newId();
  await q(
    `INSERT INTO workspaces (id, organization_id, name, timezone, updated_at) VALUES ($1, $2, 'Bench PDF', 'Europe/Paris', now())`,
    [ws, orgId],
  );
  await q(
    `INSERT INTO brands (id, workspace_id, name, domains, kind, updated_at)
     SELECT gen_random_uuid(), $1, 'Brand ' || g, ARRAY['brand' || g || '.com'], CASE WHEN g = 0 THEN 'own' ELSE 'competitor' END::brand_kind, now()
       FROM generate_series(0, $2 - 1) g`,
    [ws, SHAPE.brands],
  );
  await q(
    `INSERT INTO prompts (id, workspace_id, text, tags, updated_at)
     SELECT gen_random_uuid(), $1, 'Which tool is best for need #' || g || '?', ARRAY['topic' || (g % 5)], now() FROM generate_series(0, $2 - 1) g`,
    [ws, SHAPE.prompts],
  );
  await q(
    `INSERT INTO model_configs (id, workspace_id, name, provider, model, params, hash, updated_at)
     SELECT gen_random_uuid(), $1, 'provider' || (g / 2) || ' t' || (g % 2), 'provider' || (g / 2), 'model-' || (g / 2),
            jsonb_build_object('temperature', CASE WHEN g % 2 = 0 THEN 0.2 ELSE 1.0 END), md5(g::text), now()
       FROM generate_series(0, $2 - 1) g`,
    [ws, SHAPE.providers * 2],
  );
  // 100 runs spread evenly over the 30 days before END.
  await q(
    `INSERT INTO runs (id, workspace_id, status, samples_per_pair, total, succeeded, failed, analyzed, created_at, started_at, finished_at, followups_done_at)
     SELECT gen_random_uuid(), $1, 'completed', $2, 0, 0, 0, 0, t, t, t + interval '20 minutes', t + interval '20 minutes'
       FROM (SELECT to_timestamp($3 / 1000.0) - (g + 1) * (interval '30 days' / $4) AS t FROM generate_series(0, $4 - 1) g) x`,
    [ws, SHAPE.samples, END, SHAPE.runs],
  );
  await q(
    `CREATE TEMP TABLE bench_affinity AS
       SELECT p.id AS prompt_id, b.id AS brand_id, least(0.95, ($1::float8[])[(right(b.name, 1))::int + 1] * (0.5 + random())) AS p
         FROM prompts p JOIN brands b ON b.workspace_id = p.workspace_id WHERE p.workspace_id = $2`,
    [BRAND_BASE, ws],
  );
  let t0 = performance.now();
  await q(
    `INSERT INTO responses (id, run_id, workspace_id, prompt_id, model_config_id, sample_index, provider, channel, model, config_hash, status, text, error_code,
                            completed_at, analyzed_at, analysis_version)
     SELECT gen_random_uuid(), ru.id, ru.workspace_id, p.id, c.id, s, c.provider, 'api', c.model, c.hash,
            CASE WHEN random() < 0.02 THEN 'failed' ELSE 'succeeded' END::response_status, 'An answer.', NULL,
            ru.created_at + random() * interval '20 minutes', ru.created_at + interval '21 minutes', 1
       FROM runs ru JOIN prompts p ON p.workspace_id = ru.workspace_id JOIN model_configs c ON c.workspace_id = ru.workspace_id
      CROSS JOIN LATERAL generate_series(0, ru.samples_per_pair - 1) s WHERE ru.workspace_id = $1`,
    [ws],
  );
  await q(
    `UPDATE responses SET text = NULL, analyzed_at = NULL, analysis_version = NULL, error_code = 'server_error' WHERE status = 'failed'`,
  );
  log(`  responses: ${secs(t0)}`);
  t0 = performance.now();
  await q(
    `INSERT INTO mentions (response_id, workspace_id, brand_id, count, spans, first_offset, rank, sentiment, sentiment_label, snippet, matched_alias)
     SELECT response_id, workspace_id, brand_id, cnt, '[[0, 7]]', 0, row_number() OVER (PARTITION BY response_id ORDER BY o), s,
            CASE WHEN s > 0.05 THEN 'positive' WHEN s < -0.05 THEN 'negative' ELSE 'neutral' END::sentiment_label,
            'A snippet naming the brand among others in an answer.', 'Brand'
       FROM (SELECT r.id AS response_id, r.workspace_id, a.brand_id, 1 + (random() * random() * 3)::int AS cnt, random() AS o,
                    round((random() * 1.4 - 0.5)::numeric, 2)::float8 AS s
               FROM responses r JOIN bench_affinity a ON a.prompt_id = r.prompt_id
              WHERE r.status = 'succeeded' AND random() < a.p) x`,
  );
  log(`  mentions: ${secs(t0)}`);
  t0 = performance.now();
  await q(
    `INSERT INTO citations (response_id, workspace_id, position, url, domain, title, source, brand_id)
     SELECT r.id, r.workspace_id, k, 'https://' || d.domain || '/page-' || (k % 4), d.domain, NULL,
            CASE WHEN random() < 0.5 THEN 'annotation' WHEN random() < 0.6 THEN 'link' ELSE 'search_result' END::citation_source, NULL
       FROM responses r
      CROSS JOIN LATERAL generate_series(1, 1 + (random() * 4)::int) k
      CROSS JOIN LATERAL (SELECT 'source' || floor(200 * random() ^ 3)::int || '.org' AS domain) d
      WHERE r.status = 'succeeded'`,
  );
  log(`  citations: ${secs(t0)}`);
  await q('DROP TABLE bench_affinity');
  await q(`UPDATE runs ru SET total = x.total, succeeded = x.ok, failed = x.ko, analyzed = x.ok
             FROM (SELECT run_id, count(*) AS total, count(*) FILTER (WHERE status = 'succeeded') AS ok, count(*) FILTER (WHERE status = 'failed') AS ko
                     FROM responses GROUP BY run_id) x WHERE ru.id = x.run_id`);
  const runs = await q('SELECT array_agg(id ORDER BY id) AS ids FROM runs WHERE workspace_id = $1', [ws]);
  t0 = performance.now();
  await rebuildRuns(pool, ws, runs.rows[0].ids as string[]);
  await q('VACUUM ANALYZE');
  log(`  rollups: ${secs(t0)}`);
  return ws;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

async function timed(times: number, work: () => Promise<unknown>): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    await work();
    ms.push(performance.now() - t0);
  }
  return ms.sort((a, b) => a - b);
}

/** The digest benchmark's line, when its module is there (bench/digests.ts). */
async function digestLine(): Promise<string | null> {
  const here = fileURLToPath(new URL('.', import.meta.url));
  const file = ['digests.ts', 'digests.js'].find((f) => existsSync(`${here}${f}`));
  if (!file) return null;
  const modulePath = `./${file.replace(/\.ts$/, '.js')}`;
  const mod = (await import(modulePath)) as { digestBenchLine?: () => Promise<string> };
  return mod.digestBenchLine ? mod.digestBenchLine() : null;
}

async function main(): Promise<void> {
  // BENCH_REUSE=1 keeps the seeded database of the previous run (citewatch_bench_pdf).
  const reuse = process.env.BENCH_REUSE === '1';
  const infra = await benchInfra('pdf', { DATABASE_POOL_SIZE: '10' }, reuse);
  try {
    const { pool, prisma } = infra.db;
    log(`PDF benchmark: one workspace, ${fmt(TOTAL)} answers over 30 days, ${TIMES} PDFs`);
    const t0 = performance.now();
    const existing = reuse
      ? (
          await pool.query<{ org: string; ws: string }>(
            `SELECT organization_id AS org, id AS ws FROM workspaces WHERE name = 'Bench PDF' LIMIT 1`,
          )
        ).rows[0]
      : undefined;
    const org = existing ? { id: existing.org } : await createOrganization(prisma, 'Bench PDF');
    const ws = existing ? existing.ws : await seed(pool, org.id);
    const { rows } = await pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM responses WHERE workspace_id = $1',
      [ws],
    );
    const answers = rows[0]?.n ?? 0;
    log(`seeded ${fmt(answers)} answers in ${secs(t0)}`);
    const period = { from: new Date(END - 30 * DAY).toISOString(), to: new Date(END).toISOString() };
    const deps = { db: infra.db };
    // Warm-up: the first PDF loads fonts and plans the queries.
    const first = await renderWorkspacePdf(deps, org.id, ws, period);
    log(`one PDF: ${first.pages} pages, ${fmt(first.buffer.length / 1024)} KB`);
    const steps: string[] = [];
    await gatherPdfReport(deps, org.id, ws, period, (name, ms) => steps.push(`${name} ${fmt(ms)} ms`));
    log(`  reports: ${steps.join(', ')}`);
    const baseline = await timed(TIMES, () => gatherPdfReport(deps, org.id, ws, period));
    const pdf = await timed(TIMES, () => renderWorkspacePdf(deps, org.id, ws, period));
    const [b50, b95, p50, p95] = [
      percentile(baseline, 50),
      percentile(baseline, 95),
      percentile(pdf, 50),
      percentile(pdf, 95),
    ];
    log(`baseline (the same figures as JSON, no drawing): p50 ${fmt(b50)} ms, p95 ${fmt(b95)} ms`);
    log(
      `ratio PDF / baseline: p50 ×${fmt(p50 / b50, 2)}, p95 ×${fmt(p95 / b95, 2)}; target p95 ≤ 5,000 ms: ${p95 <= 5_000 ? 'met' : 'MISSED'}`,
    );
    const digest = await digestLine();
    if (digest) log(digest);
    log(`pdf: p50 ${Math.round(p50)} ms, p95 ${Math.round(p95)} ms @${answers} answers`);
  } finally {
    await infra.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
