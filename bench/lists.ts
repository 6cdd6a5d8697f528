/**
 * npm run bench:lists — every list the dashboard reads, against a workspace the size of a busy
 * agency client: 10,000 prompts (and 30,000 more in three other workspaces of the organization),
 * 40 brands, 12 model configurations, 25 audits (some choosing 200 prompts by id), 600 runs,
 * 15 webhooks, 25 API keys and 15 members. The API runs in its own process, as deployed; each
 * list is read over HTTP by one client, one request at a time, and timed: prompts (first page, a
 * page half-way through by cursor, a text search that matches many and one that matches few, a
 * tag, search and tag together), brands, model configurations, audits, runs, webhooks, API keys,
 * members and workspaces. GET /health is timed the same way in the same run, for the ratio.
 * Target on a 2-core machine: p95 < 300 ms for every list.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createLogger } from '../src/lib/logger.js';
import { projectRoot } from '../src/lib/paths.js';
import { createAuth } from '../src/modules/accounts/accounts.auth.js';
import { createPasswordAccount } from '../src/modules/accounts/accounts.service.js';
import { createApiKey } from '../src/modules/api-keys/api-keys.service.js';
import { createAudit } from '../src/modules/audits/audits.service.js';
import { createBrand } from '../src/modules/brands/brands.service.js';
import { insertMembership } from '../src/modules/members/members.repo.js';
import { createModelConfig } from '../src/modules/model-configs/model-configs.service.js';
import { createOrganization } from '../src/modules/organizations/organizations.service.js';
import { createWebhook } from '../src/modules/webhooks/webhooks.service.js';
import { createWorkspace } from '../src/modules/workspaces/workspaces.service.js';
import { egressPolicy } from '../src/providers/egress.js';
import { freePort } from '../test/helpers/processes.js';
import { benchInfra, fmt } from './lib/infra.js';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const WARMUP = 20;
const TARGET_P95_MS = 300;
const PROMPTS = 10_000;
const ENCRYPTION_KEY = Buffer.alloc(32, 5).toString('base64');
const AUTH_SECRET = 'bench-auth-secret-bench-auth-secret-0123456789';

const TOPICS = ['crm', 'email marketing', 'project management', 'design', 'accounting', 'help desk', 'hr', 'analytics'];
const AUDIENCES = [
  'a startup',
  'a 10-person agency',
  'a dental clinic',
  'a bakery',
  'an e-commerce shop',
  'a law firm',
];

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;

async function main(): Promise<void> {
  const infra = await benchInfra('lists', { ENCRYPTION_KEY }, false, { scratch: true });
  const logger = createLogger({ level: 'warn', name: 'bench' });
  const { prisma, pool } = infra.db;
  const t0 = performance.now();

  const org = await createOrganization(prisma, 'Bench agency');
  const { key } = await createApiKey(prisma, { organizationId: org.id, name: 'bench', scopes: ['admin'] });
  const workspaces = [];
  for (const [i, name] of ['Nimbus CRM', 'Other client A', 'Other client B', 'Other client C'].entries())
    workspaces.push(
      await createWorkspace({ prisma, pool }, org.id, { name, timezone: i % 2 ? 'America/New_York' : 'Europe/Paris' }),
    );
  const ws = workspaces[0]!;
  // Prompts as marketers write them: a topic, an audience, a few tags; some archived.
  for (const w of workspaces)
    await pool.query(
      `INSERT INTO prompts (id, workspace_id, text, locale, tags, archived, updated_at)
       SELECT gen_random_uuid(), $1,
              'What is the best ' || ($3::text[])[1 + g % array_length($3::text[], 1)] || ' tool for '
                || ($4::text[])[1 + (g / 8) % array_length($4::text[], 1)] || ' (variant ' || g || ')?',
              CASE WHEN g % 5 = 0 THEN 'fr-FR' ELSE 'en-US' END,
              ARRAY['topic-' || (g % 8), 'funnel-' || (g % 3)] || CASE WHEN g % 10 = 0 THEN ARRAY['q1-review'] ELSE ARRAY[]::text[] END,
              g % 20 = 0, now()
         FROM generate_series(0, $2 - 1) g`,
      [w.id, PROMPTS, TOPICS, AUDIENCES],
    );
  await pool.query('ANALYZE prompts');
  const deps = { prisma, pool };
  for (let i = 0; i < 40; i++)
    await createBrand(deps, org.id, ws.id, {
      name: i === 0 ? 'Nimbus CRM' : `Competitor ${i}`,
      aliases: [`C${i}`],
      domains: [`competitor${i}.com`],
      kind: i === 0 ? 'own' : 'competitor',
      caseSensitive: false,
    });
  const configIds: string[] = [];
  for (let i = 0; i < 12; i++)
    configIds.push(
      (
        await createModelConfig({ ...deps, egress: egressPolicy(infra.env) }, org.id, ws.id, {
          name: `mock ${i}`,
          provider: 'mock',
          model: 'mock-1',
          params: { temperature: (i % 5) / 2 },
        })
      ).id,
    );
  const { rows: chosen } = await pool.query<{ id: string }>(
    'SELECT id FROM prompts WHERE workspace_id = $1 ORDER BY id LIMIT 200',
    [ws.id],
  );
  for (let i = 0; i < 25; i++)
    await createAudit(deps, org.id, ws.id, {
      name: `Audit ${i}`,
      promptIds: i % 5 === 0 ? chosen.map((r) => r.id) : [],
      promptTags: i % 5 === 0 ? [] : [`topic-${i % 8}`],
      modelConfigIds: configIds.slice(0, 1 + (i % 4)),
      samplesPerPair: 3,
      schedule: i % 2 ? '0 6 * * 1' : null,
      timezone: 'Europe/Paris',
      enabled: true,
      budgetPerRunUsd: null,
      budgetPerMonthUsd: i % 3 ? 50 : null,
      judgeModelConfigId: null,
    });
  await pool.query(
    `INSERT INTO runs (id, workspace_id, status, samples_per_pair, total, succeeded, failed, analyzed, created_at, started_at, finished_at)
     SELECT gen_random_uuid(), $1, 'completed', 3, 360, 355, 5, 355, t, t, t + interval '20 minutes'
       FROM generate_series(now() - interval '600 days', now() - interval '1 day', interval '1 day') t`,
    [ws.id],
  );
  const hooks = {
    prisma,
    producers: infra.producers,
    egress: egressPolicy(infra.env),
    encryptionKey: ENCRYPTION_KEY,
    retry: { attempts: 3, backoffMs: 1000 },
  };
  for (let i = 0; i < 15; i++)
    await createWebhook(hooks, org.id, ws.id, {
      url: `https://hooks.example.com/citewatch/${i}`,
      events: ['run.completed'],
      active: true,
    });
  for (let i = 0; i < 24; i++)
    await createApiKey(prisma, {
      organizationId: org.id,
      name: `integration ${i}`,
      scopes: i % 2 ? ['read'] : ['write'],
    });
  const auth = createAuth({
    prisma,
    logger,
    mail: { verifyEmail: async () => {}, resetPassword: async () => {} },
    settings: {
      secret: AUTH_SECRET,
      links: { publicBaseUrl: 'http://localhost' },
      secureCookies: false,
      idleSeconds: 3600,
      trustedOrigins: [],
    },
  });
  for (let i = 0; i < 15; i++) {
    const user = await createPasswordAccount(auth, {
      email: `member${i}@agency.example`,
      password: `bench passphrase number ${i}`,
      name: `Member ${i}`,
      emailVerified: true,
    });
    await insertMembership(pool, { organizationId: org.id, userId: user.id, role: i % 3 ? 'editor' : 'viewer' });
  }
  const { rows: middle } = await pool.query<{ id: string }>(
    'SELECT id FROM prompts WHERE workspace_id = $1 ORDER BY id OFFSET $2 LIMIT 1',
    [ws.id, PROMPTS / 2],
  );
  console.log(
    `seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${PROMPTS * workspaces.length} prompts in ${workspaces.length} workspaces`,
  );

  const port = await freePort();
  const root = projectRoot();
  const built = join(root, 'dist', 'src', 'server.js');
  const server = spawn(
    process.execPath,
    existsSync(built) ? [built] : ['--import', 'tsx', join(root, 'src', 'server.ts')],
    {
      env: {
        ...process.env,
        DATABASE_URL: infra.env.DATABASE_URL,
        QUEUE_PREFIX: infra.env.QUEUE_PREFIX,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        API_RATE_LIMIT_PER_MINUTE: '100000000',
        NODE_ENV: 'production',
        AUTH_SECRET,
        ENCRYPTION_KEY,
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  try {
    const base = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 20_000;
    while (
      !(await fetch(`${base}/ready`)
        .then((r) => r.ok)
        .catch(() => false))
    ) {
      if (Date.now() > deadline) throw new Error('the API did not become ready');
      await new Promise((r) => setTimeout(r, 100));
    }
    const headers = { authorization: `Bearer ${key}` };
    const w = `/v1/workspaces/${ws.id}`;
    const lists: Array<[string, string, Record<string, string>]> = [
      ['baseline: health (no auth)', '/health', {}],
      ['prompts, first page', `${w}/prompts?limit=50`, headers],
      ['prompts, page by cursor (half-way)', `${w}/prompts?limit=50&cursor=${middle[0]?.id}`, headers],
      ['prompts, q matching many (crm)', `${w}/prompts?limit=50&q=crm`, headers],
      ['prompts, q matching few', `${w}/prompts?limit=50&q=variant%209999`, headers],
      ['prompts, q matching none', `${w}/prompts?limit=50&q=no%20such%20words`, headers],
      ['prompts, tag', `${w}/prompts?limit=50&tag=q1-review`, headers],
      ['prompts, q + tag + archived', `${w}/prompts?limit=50&q=bakery&tag=topic-3&archived=false`, headers],
      ['brands', `${w}/brands?limit=50`, headers],
      ['model configurations', `${w}/model-configs?limit=50`, headers],
      ['audits', `${w}/audits?limit=50`, headers],
      ['runs', `${w}/runs?limit=50`, headers],
      ['webhooks', `${w}/webhooks?limit=50`, headers],
      ['API keys', '/v1/api-keys?limit=50', headers],
      ['members', '/v1/members?limit=50', headers],
      ['workspaces', '/v1/workspaces?limit=50', headers],
    ];
    console.log(
      `Lists benchmark: one client, ${REQUESTS} sequential requests per list after ${WARMUP} to warm up, server in its own process (${existsSync(built) ? 'built' : 'tsx'})`,
    );
    const results: Array<{ name: string; p50: number; p95: number; max: number; items: number }> = [];
    for (const [name, path, h] of lists) {
      const times: number[] = [];
      let items = 0;
      for (let i = 0; i < WARMUP + REQUESTS; i++) {
        const start = performance.now();
        const res = await fetch(`${base}${path}`, { headers: h });
        const body = await res.text();
        const ms = performance.now() - start;
        if (!res.ok) throw new Error(`${path}: ${res.status} ${body.slice(0, 300)}`);
        if (i === 0 && body.startsWith('{"data"')) items = (JSON.parse(body) as { data: unknown[] }).data.length;
        if (i >= WARMUP) times.push(ms);
      }
      times.sort((a, b) => a - b);
      const r = { name, p50: percentile(times, 50), p95: percentile(times, 95), max: times.at(-1) as number, items };
      results.push(r);
      console.log(
        `${name.padEnd(38)} p50 ${fmt(r.p50, 1).padStart(6)} ms  p95 ${fmt(r.p95, 1).padStart(6)} ms  max ${fmt(r.max, 1).padStart(6)} ms${path.startsWith('/health') ? '' : `  (${items} items)`}`,
      );
    }
    const health = results[0]!;
    const measured = results.slice(1);
    const worst = measured.reduce((a, b) => (b.p95 > a.p95 ? b : a));
    for (const r of measured)
      console.log(`ratio  ${r.name.padEnd(38)} p95 / health p95 = ${fmt(r.p95 / health.p95, 1)}`);
    const missed = measured.filter((r) => r.p95 >= TARGET_P95_MS);
    console.log(
      `lists: worst p95 ${fmt(worst.p95, 1)} ms (${worst.name}), health p95 ${fmt(health.p95, 1)} ms; target p95 < ${TARGET_P95_MS} ms: ${missed.length ? `not met by ${missed.map((m) => m.name).join(', ')}` : 'met'}`,
    );
    if (missed.length) process.exitCode = 1;
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    await infra.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
