/**
 * npm run bench:pipeline — a run of 20,000 responses with a zero-latency mock provider through
 * the real queues, a real worker and Postgres: answers stored per second and analysed per second,
 * against a baseline of raw no-op BullMQ jobs measured in the same run on the same Redis (the
 * median of three processes of their own: bench/lib/noop-jobs.ts says why). Answers
 * are analysed by the statement that stores them; the run's calls go out several to a query job,
 * as any run this large does (callsPerQueryJob).
 * Target on a 2-core machine: ≥ 2,000 responses/s end to end.
 *
 * It runs the JavaScript tsc emits (tsconfig.bench.json), the code workers run in production
 * (`npm run worker`), baseline included: tsx's on-the-fly transform wraps every inner function in a
 * naming helper, about a tenth of the cost of analysing an answer.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createLogger } from '../src/lib/logger.js';
import { createApiKey } from '../src/modules/api-keys/api-keys.service.js';
import { createBrand } from '../src/modules/brands/brands.service.js';
import { createModelConfig } from '../src/modules/model-configs/model-configs.service.js';
import { createOrganization } from '../src/modules/organizations/organizations.service.js';
import { queryConcurrency } from '../src/providers/deployment.js';
import { egressPolicy } from '../src/providers/egress.js';
import { createPrompt } from '../src/modules/prompts/prompts.service.js';
import { launchRun } from '../src/modules/runs/runs.service.js';
import { createWorkspace } from '../src/modules/workspaces/workspaces.service.js';
import { callsPerQueryJob } from '../src/queues/payloads.js';
import { startWorker } from '../workers/worker.js';
import { benchInfra, fmt } from './lib/infra.js';
import type { NoopResult } from './lib/noop-jobs.js';
import { describeServerCpu, processCpuSeconds, serverCpuSeconds, serverCpuUs } from './lib/proc-cpu.js';

const execFileAsync = promisify(execFile);

const RESPONSES = Number(process.env.BENCH_RESPONSES ?? 20_000);
const PROMPTS = 100;
const CONFIGS = 2;
const SAMPLES = Math.ceil(RESPONSES / (PROMPTS * CONFIGS));
const TOTAL = PROMPTS * CONFIGS * SAMPLES;

/** The workers' settings: the mock's whole concurrency, and no recovery sweep during the run. */
const WORKER_ENV = {
  MOCK_CONCURRENCY: '200',
  WORKER_ANALYSIS_CONCURRENCY: '4',
  DATABASE_POOL_SIZE: '20',
  MOCK_RPM: '10000000',
  RECOVERY_INTERVAL_MS: '600000',
};
/**
 * BENCH_WORKER_PROCESSES=2 (or more) runs that many workers in all: this process, and the others as
 * `npm run worker` runs them (dist/workers/main.js), on the same queues and database.
 */
const WORKER_PROCESSES = Number(process.env.BENCH_WORKER_PROCESSES ?? 1);

/** Starts a worker process on the bench's queues and database; resolves once it has started. */
async function spawnWorker(infra: Awaited<ReturnType<typeof benchInfra>>): Promise<ChildProcess> {
  const child = spawn(process.execPath, [fileURLToPath(new URL('../workers/main.js', import.meta.url))], {
    env: {
      ...process.env,
      ...WORKER_ENV,
      DATABASE_URL: infra.env.DATABASE_URL,
      QUEUE_PREFIX: infra.env.QUEUE_PREFIX,
      WORKER_SCHEDULER: 'false',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    let seen = '';
    const exited = (code: number | null) => reject(new Error(`the worker process exited (${code}) before it started`));
    child.once('exit', exited);
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (!seen.includes('worker started')) return;
      child.off('exit', exited);
      child.stdout?.removeAllListeners('data');
      resolve();
    });
  });
  child.stdout?.resume();
  return child;
}

/** Processes the no-op baseline is measured in, one after another (bench/lib/noop-jobs.ts says why). */
const BASELINE_PROCESSES = 3;

/**
 * Raw no-op BullMQ jobs a second on the same Redis: the median of BASELINE_PROCESSES processes,
 * each printed with its CPU per job and whether it shared Redis' core.
 */
async function baseline(infra: Awaited<ReturnType<typeof benchInfra>>): Promise<number> {
  const script = fileURLToPath(new URL('./lib/noop-jobs.js', import.meta.url));
  const rates: number[] = [];
  for (let i = 0; i < BASELINE_PROCESSES; i++) {
    const { stdout } = await execFileAsync(process.execPath, [script], {
      env: {
        ...process.env,
        REDIS_URL: infra.env.REDIS_URL,
        QUEUE_PREFIX: `${infra.env.QUEUE_PREFIX}-noop${i}`,
        NOOP_JOBS: String(TOTAL),
      },
    });
    const r = JSON.parse(stdout) as NoopResult;
    rates.push(r.jobsPerSecond);
    const redis = r.redisUs === null ? '' : `, redis-server ${fmt(r.redisUs)} µs`;
    const shared = r.sharedCore === null ? '' : `; on Redis' core in ${fmt(r.sharedCore * 100)}% of samples`;
    console.log(
      `           no-op process ${i + 1}: ${fmt(r.jobsPerSecond)} jobs/s, ${fmt(r.cpuUs)} µs of process CPU${redis} per job${shared}`,
    );
  }
  return rates.sort((a, b) => a - b)[Math.floor(rates.length / 2)] as number;
}

async function main(): Promise<void> {
  // A database of its own, dropped at the end: two runs at once never drop each other's.
  const infra = await benchInfra('pipeline', WORKER_ENV, false, { scratch: true });
  const logger = createLogger({ level: 'warn', name: 'bench' });
  const others: ChildProcess[] = [];
  try {
    console.log(
      `Pipeline benchmark: ${fmt(TOTAL)} responses (${PROMPTS} prompts × ${CONFIGS} configurations × ${SAMPLES} samples), zero-latency mock`,
    );
    const noopPerSecond = await baseline(infra);
    console.log(
      `baseline   raw no-op BullMQ jobs: ${fmt(noopPerSecond)} jobs/s (median of ${BASELINE_PROCESSES} processes)`,
    );

    const { prisma } = infra.db;
    const org = await createOrganization(prisma, 'Bench');
    await createApiKey(prisma, { organizationId: org.id, name: 'bench', scopes: ['admin'] });
    const ws = await createWorkspace({ prisma, pool: infra.db.pool }, org.id, { name: 'Bench', timezone: 'UTC' });
    for (const name of [
      'Nimbus CRM',
      'Salesforce',
      'HubSpot',
      'Pipedrive',
      'Zoho CRM',
      'Freshsales',
      'Close',
      'Monday.com',
      'Notion',
      'Asana',
    ]) {
      await createBrand({ prisma, pool: infra.db.pool }, org.id, ws.id, {
        name,
        aliases: [],
        domains: [],
        kind: 'competitor',
        caseSensitive: false,
      });
    }
    const promptIds: string[] = [];
    for (let i = 0; i < PROMPTS; i++) {
      promptIds.push(
        (
          await createPrompt({ prisma, pool: infra.db.pool }, org.id, ws.id, {
            text: `Which CRM would you recommend for team #${i}?`,
            locale: i % 3 === 0 ? 'fr-FR' : 'en-US',
            tags: ['crm'],
          })
        ).id,
      );
    }
    const configIds: string[] = [];
    for (let i = 0; i < CONFIGS; i++) {
      configIds.push(
        (
          await createModelConfig({ prisma, pool: infra.db.pool, egress: egressPolicy(infra.env) }, org.id, ws.id, {
            name: `mock ${i}`,
            provider: 'mock',
            model: 'mock-1',
            params: { temperature: 0.5 + i, webSearch: i === 0 },
          })
        ).id,
      );
    }

    const worker = startWorker({
      env: infra.env,
      db: infra.db,
      redis: infra.redis,
      producers: infra.producers,
      mailer: infra.mailer,
      logger,
    });
    for (let i = 1; i < WORKER_PROCESSES; i++) others.push(await spawnWorker(infra));
    const othersCpu = () => others.reduce((sum, c) => sum + processCpuSeconds(c.pid ?? 0), 0);
    // CPU of this process (the worker, every thread) and how busy its main thread was, over the run.
    const othersCpu0 = othersCpu();
    const cpu0 = process.cpuUsage();
    const elu0 = performance.eventLoopUtilization();
    const servers0 = serverCpuSeconds(infra.databaseName);
    const t0 = performance.now();
    const run = await launchRun(
      { db: infra.db, producers: infra.producers, logger },
      {
        workspaceId: ws.id,
        auditId: null,
        selection: { promptIds, promptTags: [], modelConfigIds: configIds, samplesPerPair: SAMPLES },
        trigger: 'api',
        scheduledFor: null,
        budgetUsd: null,
        budgetPerMonthUsd: null,
      },
    );
    if (!run) throw new Error('run not created');
    const tCreated = performance.now();
    let tStored = 0;
    // BENCH_TIMELINE=1 prints the answers settled in each half second of the run: where its time goes.
    const timeline: Array<{ t: number; settled: number }> = [];
    for (;;) {
      const { rows } = await infra.db.pool.query<{
        succeeded: number;
        failed: number;
        analyzed: number;
        finished: boolean;
      }>('SELECT succeeded, failed, analyzed, finished_at IS NOT NULL AS finished FROM runs WHERE id = $1', [run.id]);
      const r = rows[0];
      if (!r) throw new Error('run vanished');
      if (!tStored && r.succeeded + r.failed >= TOTAL) tStored = performance.now();
      if (process.env.BENCH_TIMELINE) timeline.push({ t: performance.now() - t0, settled: r.succeeded + r.failed });
      if (r.finished) break;
      await new Promise((res) => setTimeout(res, 20));
    }
    const tDone = performance.now();
    const cpu = process.cpuUsage(cpu0);
    const othersUs = ((othersCpu() - othersCpu0) * 1e6) / TOTAL;
    const busy = performance.eventLoopUtilization(elu0).utilization;
    const serverUs = serverCpuUs(servers0, serverCpuSeconds(infra.databaseName), TOTAL);
    const servers = describeServerCpu(serverUs);
    await worker.close();

    const { rows: check } = await infra.db.pool.query<{ n: number; mentions: number; citations: number }>(
      `SELECT (SELECT count(*) FROM responses WHERE run_id = $1 AND status = 'succeeded' AND analyzed_at IS NOT NULL)::int AS n,
              (SELECT count(*) FROM mentions m JOIN responses r ON r.id = m.response_id WHERE r.run_id = $1)::int AS mentions,
              (SELECT count(*) FROM citations c JOIN responses r ON r.id = c.response_id WHERE r.run_id = $1)::int AS citations`,
      [run.id],
    );
    let mark = { t: 0, settled: 0 };
    for (const [i, p] of timeline.entries()) {
      if (p.t < mark.t + 500 && i < timeline.length - 1) continue;
      const rate = ((p.settled - mark.settled) * 1000) / (p.t - mark.t);
      console.log(`  ${fmt(p.t / 1000, 2)} s: ${fmt(p.settled)} settled, ${fmt(rate)}/s since the line above`);
      mark = p;
    }
    // As the producer splits the run: its calls at the mock queue's concurrency (MOCK_CONCURRENCY above).
    const perJob = callsPerQueryJob(TOTAL, queryConcurrency(infra.env, 'mock'));
    const stored = TOTAL / ((tStored - t0) / 1000);
    const analysed = TOTAL / ((tDone - t0) / 1000);
    console.log(`run created (${fmt(TOTAL)} pending rows, one transaction): ${fmt(tCreated - t0)} ms`);
    console.log(`stored     ${fmt(stored)} responses/s (all answers stored after ${fmt((tStored - t0) / 1000, 2)} s)`);
    console.log(
      `analysed   ${fmt(analysed)} responses/s (run finished after ${fmt((tDone - t0) / 1000, 2)} s; ${fmt(check[0]?.mentions ?? 0)} mentions, ${fmt(check[0]?.citations ?? 0)} citations)`,
    );
    console.log(
      `ratio      ${fmt(analysed / noopPerSecond, 3)} of the no-op job rate (${fmt(Math.ceil(TOTAL / perJob))} query jobs of up to ${perJob} calls, Postgres writes and analysis included)`,
    );
    console.log(
      `worker     ${fmt((cpu.user + cpu.system) / TOTAL)} µs of process CPU per answer (all threads), main thread busy ${fmt(busy * 100)}% of the run`,
    );
    if (others.length)
      console.log(`           ${others.length} more worker process(es): ${fmt(othersUs)} µs of CPU per answer in all`);
    // Processes that exited during the run (Postgres backends closed by the pool) are not counted.
    if (servers) {
      console.log(`servers    ${servers} of CPU per answer (local server processes, from /proc)`);
      // What the machine could do if its cores did only this work: no run goes faster without
      // spending less CPU per answer, however the work is spread over processes and threads.
      const cpuUs = (cpu.user + cpu.system) / TOTAL + othersUs + [...serverUs.values()].reduce((a, b) => a + b, 0);
      const cores = availableParallelism();
      const ceiling = (cores * 1e6) / cpuUs;
      console.log(
        `ceiling    ${fmt(ceiling)} responses/s with every core busy (${cores} cores ÷ ${fmt(cpuUs)} µs of CPU per answer, worker and servers): ratio ${fmt(ceiling / noopPerSecond, 3)}`,
      );
    }
    if (check[0]?.n !== TOTAL) throw new Error(`expected ${TOTAL} analysed responses, found ${check[0]?.n}`);
    console.log(`pipeline: ${Math.round(analysed)} responses/s`);
  } finally {
    for (const c of others) c.kill('SIGTERM');
    await infra.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
