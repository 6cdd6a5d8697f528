/**
 * npm run bench:api — the API in its own process (as deployed) under autocannon, 10 connections
 * for 10 s each: an authenticated GET of a workspace resource (brands), an authenticated report
 * (visibility), the same brands read with a signed-in person's session cookie, and, for the ratio,
 * the unauthenticated /health measured the same way. The three reads the ratios compare are
 * measured in interleaved rounds of 2 s, so a drifting machine load weighs on them alike. Each
 * line also gives the CPU per request of the API process and of Postgres (from /proc) and of the
 * load generator (this process): what a request costs, which moves less with the machine's load
 * than requests per second do.
 * Target on a 2-core machine: ≥ 3,000 requests/s on the authenticated read.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { createLogger } from '../src/lib/logger.js';
import { projectRoot } from '../src/lib/paths.js';
import { createApiKey } from '../src/modules/api-keys/api-keys.service.js';
import { createAuth } from '../src/modules/accounts/accounts.auth.js';
import { createPasswordAccount } from '../src/modules/accounts/accounts.service.js';
import { insertMembership } from '../src/modules/members/members.repo.js';
import { createBrand } from '../src/modules/brands/brands.service.js';
import { createModelConfig } from '../src/modules/model-configs/model-configs.service.js';
import { createOrganization } from '../src/modules/organizations/organizations.service.js';
import { createPrompt } from '../src/modules/prompts/prompts.service.js';
import { launchRun } from '../src/modules/runs/runs.service.js';
import { createWorkspace } from '../src/modules/workspaces/workspaces.service.js';
import { egressPolicy } from '../src/providers/egress.js';
import { startWorker } from '../workers/worker.js';
import { freePort } from '../test/helpers/processes.js';
import { benchInfra, fmt } from './lib/infra.js';
import { processCpuSeconds, serverCpuSeconds } from './lib/proc-cpu.js';

const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = 10;
const AUTH_SECRET = 'bench-auth-secret-bench-auth-secret-0123456789';

/** Seconds of one round of the interleaved measurement. */
const ROUND_S = 2;

/**
 * CPU per request (µs) of the API process, of its database's Postgres backends (NaN without /proc;
 * a backend that exits meanwhile is not counted) and of this process, the load generator.
 */
type Load = { rps: number; p50: number; p99: number; total: number; cpuUs: number; pgUs: number; clientUs: number };

/** The API server's process and its database, whose CPU each load reads from /proc (set once started). */
const probe = { pid: 0, database: '' };
const postgresCpu = () => serverCpuSeconds(probe.database, ['postgres']).get('postgres') ?? Number.NaN;

async function load(url: string, headers: Record<string, string> = {}, duration = DURATION_S): Promise<Load> {
  const cpu0 = processCpuSeconds(probe.pid);
  const pg0 = postgresCpu();
  const client0 = process.cpuUsage();
  const result = await autocannon({ url, connections: CONNECTIONS, duration, headers });
  const client = process.cpuUsage(client0);
  const cpu = processCpuSeconds(probe.pid) - cpu0;
  const pg = postgresCpu() - pg0;
  const bad = result.non2xx + result.errors + result.timeouts;
  if (bad > 0)
    throw new Error(
      `${url}: ${bad} failed requests (non-2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts})`,
    );
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    cpuUs: (cpu * 1e6) / result.requests.total,
    pgUs: Math.max(0, (pg * 1e6) / result.requests.total),
    clientUs: (client.user + client.system) / result.requests.total,
  };
}

/** A per-request figure over several loads, each weighed by its requests. */
const perRequest = (loads: Load[], of: (l: Load) => number) =>
  loads.reduce((sum, l) => sum + of(l) * l.total, 0) / loads.reduce((sum, l) => sum + l.total, 0);

/**
 * Runs each measurement once per round, in turn, and combines its rounds: requests per second
 * over all of them, and the median of the rounds' p50 and p99 latencies.
 */
async function interleaved(rounds: number, measures: Array<() => Promise<Load>>): Promise<Load[]> {
  const seen: Load[][] = measures.map(() => []);
  for (let r = 0; r < rounds; r++) for (const [i, measure] of measures.entries()) seen[i]?.push(await measure());
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  return seen.map((loads) => ({
    rps: loads.reduce((sum, l) => sum + l.rps, 0) / loads.length,
    p50: median(loads.map((l) => l.p50)),
    p99: median(loads.map((l) => l.p99)),
    total: loads.reduce((sum, l) => sum + l.total, 0),
    cpuUs: perRequest(loads, (l) => l.cpuUs),
    pgUs: perRequest(loads, (l) => l.pgUs),
    clientUs: perRequest(loads, (l) => l.clientUs),
  }));
}

/** The server's CPU per request of a load, as printed after its latencies ('' without /proc). */
const cpuOf = (l: Load) =>
  Number.isFinite(l.cpuUs)
    ? `  CPU/req: server ${fmt(l.cpuUs)} µs, postgres ${fmt(l.pgUs)} µs, client ${fmt(l.clientUs)} µs`
    : '';

async function main(): Promise<void> {
  const infra = await benchInfra('api', { MOCK_CONCURRENCY: '50' }, false, { scratch: true });
  const logger = createLogger({ level: 'warn', name: 'bench' });
  const { prisma } = infra.db;
  // A workspace worth reading: 20 brands, 12 prompts, 2 configurations, one finished run.
  const org = await createOrganization(prisma, 'Bench');
  const { key } = await createApiKey(prisma, { organizationId: org.id, name: 'bench', scopes: ['read'] });
  // A person with the same reach as the key (a viewer), who signs in to the server below.
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
  const person = { email: 'bench@citewatch.local', password: 'bench passphrase long enough' };
  const user = await createPasswordAccount(auth, { ...person, name: 'Bench', emailVerified: true });
  await insertMembership(infra.db.pool, { organizationId: org.id, userId: user.id, role: 'viewer' });
  const ws = await createWorkspace({ prisma, pool: infra.db.pool }, org.id, { name: 'Bench', timezone: 'UTC' });
  const names = [
    'Nimbus CRM',
    'Salesforce',
    'HubSpot',
    'Pipedrive',
    'Zoho CRM',
    'Freshsales',
    'Close',
    'Copper',
    'Insightly',
    'Keap',
    'Nutshell',
    'Capsule',
    'Less Annoying CRM',
    'Streak',
    'Agile CRM',
    'Bitrix24',
    'SugarCRM',
    'Vtiger',
    'Apptivo',
    'Monday.com',
  ];
  for (const name of names)
    await createBrand({ prisma, pool: infra.db.pool }, org.id, ws.id, {
      name,
      aliases: [],
      domains: [],
      kind: name === 'Nimbus CRM' ? 'own' : 'competitor',
      caseSensitive: false,
    });
  const promptIds: string[] = [];
  for (let i = 0; i < 12; i++)
    promptIds.push(
      (
        await createPrompt({ prisma, pool: infra.db.pool }, org.id, ws.id, {
          text: `Which CRM fits team #${i}?`,
          locale: 'en-US',
          tags: ['crm'],
        })
      ).id,
    );
  const configIds: string[] = [];
  for (const t of [0.2, 1])
    configIds.push(
      (
        await createModelConfig({ prisma, pool: infra.db.pool, egress: egressPolicy(infra.env) }, org.id, ws.id, {
          name: `mock ${t}`,
          provider: 'mock',
          model: 'mock-1',
          params: { temperature: t },
        })
      ).id,
    );
  const worker = startWorker({
    env: infra.env,
    db: infra.db,
    redis: infra.redis,
    producers: infra.producers,
    mailer: infra.mailer,
    logger,
  });
  const run = await launchRun(
    { db: infra.db, producers: infra.producers, logger },
    {
      workspaceId: ws.id,
      auditId: null,
      selection: { promptIds, promptTags: [], modelConfigIds: configIds, samplesPerPair: 25 },
      trigger: 'api',
      scheduledFor: null,
      budgetUsd: null,
      budgetPerMonthUsd: null,
    },
  );
  for (;;) {
    const { rows } = await infra.db.pool.query('SELECT finished_at FROM runs WHERE id = $1', [run?.id]);
    if (rows[0]?.finished_at) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  await worker.close();

  const port = await freePort();
  const root = projectRoot();
  const built = join(root, 'dist', 'src', 'server.js');
  // BENCH_SERVER_NODE_ARGS passes flags to the server's node, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const args = [...nodeArgs, ...(existsSync(built) ? [built] : ['--import', 'tsx', join(root, 'src', 'server.ts')])];
  const server = spawn(process.execPath, args, {
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
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  probe.pid = server.pid ?? 0;
  probe.database = infra.databaseName;
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
    const keyAuth = { authorization: `Bearer ${key}` };
    const signedIn = await fetch(`${base}/v1/auth/sign-in/email`, {
      method: 'POST',
      // As a browser on the dashboard's page would: better-auth checks the origin of a sign-in.
      headers: { 'content-type': 'application/json', origin: `http://localhost:${port}` },
      body: JSON.stringify(person),
    });
    const cookie = signedIn.headers
      .getSetCookie()
      .find((c) => c.includes('session_token='))
      ?.split(';')[0];
    if (!cookie) throw new Error(`signing in failed: ${signedIn.status} ${await signedIn.text()}`);
    const sessionAuth = { cookie };
    // Warm up JIT and caches, as a long-running server would be.
    for (const headers of [keyAuth, sessionAuth])
      await autocannon({
        url: `${base}/v1/workspaces/${ws.id}/brands`,
        connections: CONNECTIONS,
        duration: 2,
        headers,
      });
    console.log(
      `API benchmark: autocannon, ${CONNECTIONS} connections, ${DURATION_S} s per route, server in its own process (${existsSync(built) ? 'built' : 'tsx'})`,
    );
    // The three reads compared in ratios are measured in interleaved rounds (session, health, key,
    // session, health, key…) rather than one after another: a machine whose load drifts during the
    // run then weighs on each of them alike, and the ratios measure the code, not the moment.
    const rounds = Math.max(1, Math.round(DURATION_S / ROUND_S));
    const brandsUrl = `${base}/v1/workspaces/${ws.id}/brands`;
    const [session, health, read] = await interleaved(rounds, [
      () => load(brandsUrl, sessionAuth, ROUND_S),
      () => load(`${base}/health`, {}, ROUND_S),
      () => load(brandsUrl, keyAuth, ROUND_S),
    ]);
    if (!session || !health || !read) throw new Error('a measurement is missing');
    console.log(
      `session    GET …/brands (session cookie)    ${fmt(session.rps).padStart(7)} req/s  p50 ${session.p50} ms  p99 ${session.p99} ms${cpuOf(session)}`,
    );
    console.log(
      `baseline   GET /health (no auth)            ${fmt(health.rps).padStart(7)} req/s  p50 ${health.p50} ms  p99 ${health.p99} ms${cpuOf(health)}`,
    );
    console.log(
      `auth read  GET …/brands (20 brands)         ${fmt(read.rps).padStart(7)} req/s  p50 ${read.p50} ms  p99 ${read.p99} ms${cpuOf(read)}`,
    );
    const report = await load(`${base}/v1/workspaces/${ws.id}/reports/visibility?runId=${run?.id}`, keyAuth);
    console.log(
      `report     GET …/reports/visibility         ${fmt(report.rps).padStart(7)} req/s  p50 ${report.p50} ms  p99 ${report.p99} ms${cpuOf(report)}`,
    );
    console.log(`ratio      session read / API-key read: ${fmt(session.rps / read.rps, 2)} (target ≥ 0.90)`);
    console.log(`ratio      authenticated read / health: ${fmt(read.rps / health.rps, 2)}`);
    console.log(`api: ${Math.round(read.rps)} req/s authenticated read, p99 ${read.p99} ms`);
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
