/**
 * The digest benchmark: sends the weekly digests of 1,000 workspaces to a local SMTP server (in
 * this process, accepting everything) through the real path — the scheduler's claim, the alerts
 * queue, a worker composing each digest from the report services and sending it through SMTP —
 * and times it from the claim to the last digest marked sent. Target: at most 2 minutes.
 *
 * `npm run bench:pdf` prints its line before the PDF line (digestBenchLine); `npm run bench:digests`
 * runs it alone. Each workspace: 2 brands, 4 prompts, one configuration, two runs of 20 answers
 * (this week and the one before) with mentions and citations, and one email rule asking for a digest.
 */
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { SMTPServer } from 'smtp-server';
import { createLogger } from '../src/lib/logger.js';
import { createMailer } from '../src/lib/mailer.js';
import { newId } from '../src/lib/ids.js';
import { digestTick, lastPeriod } from '../src/modules/alerts/digests.js';
import { createOrganization } from '../src/modules/organizations/organizations.service.js';
import { rebuildRuns } from '../src/modules/reports/rollups.service.js';
import { startWorker } from '../workers/worker.js';
import { benchInfra, fmt } from './lib/infra.js';

const WORKSPACES = Number(process.env.BENCH_DIGESTS ?? 1_000);
const TARGET_MS = 120_000;

async function startSink(): Promise<{ url: string; received: () => number; close: () => Promise<void> }> {
  let received = 0;
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, done) {
      stream.on('data', () => {});
      stream.on('end', () => {
        received++;
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received: () => received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function seed(pool: import('pg').Pool, orgId: string, now: Date): Promise<void> {
  const q = (sql: string, values: unknown[] = []) => pool.query(sql, values);
  const period = lastPeriod('weekly', 'Europe/Paris', now);
  const mid = new Date(period.start.getTime() + 3 * 86_400_000);
  const before = new Date(period.start.getTime() - 4 * 86_400_000);
  await q(
    `INSERT INTO workspaces (id, organization_id, name, timezone, updated_at)
     SELECT gen_random_uuid(), $1, 'Client ' || g, 'Europe/Paris', now() FROM generate_series(1, $2) g`,
    [orgId, WORKSPACES],
  );
  await q(
    `INSERT INTO brands (id, workspace_id, name, domains, kind, updated_at)
     SELECT gen_random_uuid(), w.id, b.name, ARRAY[lower(b.name) || '.com'], b.kind::brand_kind, now()
       FROM workspaces w CROSS JOIN (VALUES ('Own', 'own'), ('Rival', 'competitor')) AS b(name, kind) WHERE w.organization_id = $1`,
    [orgId],
  );
  await q(
    `INSERT INTO prompts (id, workspace_id, text, tags, updated_at)
     SELECT gen_random_uuid(), w.id, 'Which tool is best for need #' || g || '?', ARRAY['topic'], now()
       FROM workspaces w CROSS JOIN generate_series(0, 3) g WHERE w.organization_id = $1`,
    [orgId],
  );
  await q(
    `INSERT INTO model_configs (id, workspace_id, name, provider, model, params, hash, updated_at)
     SELECT gen_random_uuid(), w.id, 'mock', 'mock', 'mock-1', '{}', md5(w.id::text), now() FROM workspaces w WHERE w.organization_id = $1`,
    [orgId],
  );
  await q(
    `INSERT INTO runs (id, workspace_id, status, samples_per_pair, total, succeeded, failed, analyzed, created_at, started_at, finished_at, followups_done_at)
     SELECT gen_random_uuid(), w.id, 'completed', 5, 20, 20, 0, 20, t, t, t, t
       FROM workspaces w CROSS JOIN unnest(ARRAY[$2::timestamptz, $3::timestamptz]) AS t WHERE w.organization_id = $1`,
    [orgId, before, mid],
  );
  await q(
    `INSERT INTO responses (id, run_id, workspace_id, prompt_id, model_config_id, sample_index, provider, channel, model, config_hash, status, text, completed_at, analyzed_at, analysis_version)
     SELECT gen_random_uuid(), ru.id, ru.workspace_id, p.id, c.id, s, 'mock', 'api', 'mock-1', c.hash, 'succeeded', 'An answer.', ru.created_at, ru.created_at, 1
       FROM runs ru JOIN workspaces w ON w.id = ru.workspace_id AND w.organization_id = $1
       JOIN prompts p ON p.workspace_id = ru.workspace_id JOIN model_configs c ON c.workspace_id = ru.workspace_id
      CROSS JOIN generate_series(0, 4) s`,
    [orgId],
  );
  await q(
    `INSERT INTO mentions (response_id, workspace_id, brand_id, count, spans, first_offset, rank, sentiment, sentiment_label, snippet, matched_alias)
     SELECT r.id, r.workspace_id, b.id, 1, '[[0, 3]]', 0, 1, 0, 'neutral', 'A snippet.', b.name
       FROM responses r JOIN brands b ON b.workspace_id = r.workspace_id
      WHERE random() < CASE WHEN b.kind = 'own' THEN 0.5 ELSE 0.3 END`,
  );
  await q(
    `INSERT INTO citations (response_id, workspace_id, position, url, domain, source)
     SELECT r.id, r.workspace_id, 1, 'https://site' || (abs(hashtext(r.id::text)) % 7) || '.example/a', 'site' || (abs(hashtext(r.id::text)) % 7) || '.example', 'annotation'
       FROM responses r`,
  );
  await q(
    `INSERT INTO alert_rules (id, workspace_id, name, channel, email, events, digest, unsubscribe_secret, created_at, updated_at)
     SELECT gen_random_uuid(), w.id, 'Client team', 'email', 'client' || row_number() OVER () || '@example.com', '{}', 'weekly',
            md5(random()::text), $2::timestamptz - interval '30 days', now()
       FROM workspaces w WHERE w.organization_id = $1`,
    [orgId, now],
  );
}

/** Seeds, sends, and returns the one-line result. */
export async function digestBenchLine(): Promise<string> {
  const sink = await startSink();
  const infra = await benchInfra(
    'digests',
    {
      SMTP_URL: sink.url,
      PUBLIC_BASE_URL: 'https://citewatch.example',
      WORKER_ALERTS_CONCURRENCY: '16',
      DATABASE_POOL_SIZE: '20',
    },
    false,
    {
      scratch: true,
    },
  );
  const logger = createLogger({ level: 'warn', name: 'bench-digests' });
  const mailer = createMailer({ smtpUrl: sink.url, from: infra.env.MAIL_FROM }, logger, { announce: false });
  const deps = { ...infra, mailer, logger };
  const worker = startWorker(deps);
  try {
    const now = new Date();
    const org = await createOrganization(infra.db.prisma, `Bench digests ${newId().slice(0, 8)}`);
    await seed(infra.db.pool, org.id, now);
    // Finished runs have their report rollups, as the run follow-up builds them in production.
    const { rows: runs } = await infra.db.pool.query<{ id: string; workspace_id: string }>(
      'SELECT id, workspace_id FROM runs',
    );
    const byWorkspace = new Map<string, Array<{ id: string }>>();
    for (const r of runs) byWorkspace.set(r.workspace_id, [...(byWorkspace.get(r.workspace_id) ?? []), r]);
    for (const [ws, list] of byWorkspace)
      await rebuildRuns(
        infra.db.pool,
        ws,
        list.map((r) => r.id),
      );
    const t0 = performance.now();
    const claimed = await digestTick(deps, now);
    if (claimed.length !== WORKSPACES) throw new Error(`claimed ${claimed.length} digests, expected ${WORKSPACES}`);
    for (;;) {
      const { rows } = await infra.db.pool.query<{ sent: number; failed: number }>(
        `SELECT count(*) FILTER (WHERE status = 'sent')::int AS sent, count(*) FILTER (WHERE status = 'failed')::int AS failed FROM digest_sends`,
      );
      const { sent = 0, failed = 0 } = rows[0] ?? {};
      if (failed) throw new Error(`${failed} digests failed`);
      if (sent === WORKSPACES) break;
      if (performance.now() - t0 > 10 * TARGET_MS) throw new Error(`only ${sent} digests sent in ${10 * TARGET_MS} ms`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const ms = performance.now() - t0;
    if (sink.received() < WORKSPACES) throw new Error(`the SMTP server received ${sink.received()} messages`);
    return `digests: ${fmt(WORKSPACES)} workspaces in ${fmt(ms / 1000, 1)} s (target ≤ ${TARGET_MS / 1000} s)`;
  } finally {
    await worker.close();
    await mailer.close();
    await infra.close();
    await sink.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(await digestBenchLine());
  process.exit(0);
}
