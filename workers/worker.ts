/**
 * startWorker(deps): every processor of a worker process, on the queues this process serves.
 * Stateless: start as many as you like on as many machines as you like against the same Redis
 * and Postgres. Provider limits hold across all of them: each provider queue carries its rate
 * limit and its concurrency in Redis (BullMQ's global rate limit and global concurrency), set by
 * every worker from <PROVIDER>_RPM and <PROVIDER>_CONCURRENCY when it starts and again on each
 * recovery round (Redis restarted without persistence forgets them). A process alone may use the
 * whole allowance, so its own concurrency on a provider queue is the same number.
 */
import { Worker, type Job, type WorkerOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Env } from '../src/config/env.js';
import type { Database } from '../src/db/client.js';
import type { Logger } from '../src/lib/logger.js';
import { ANALYSIS_QUEUE, MAINTENANCE_QUEUE, RUNS_QUEUE, WEBHOOKS_QUEUE, queryQueueName } from '../src/queues/names.js';
import type { Producers } from '../src/queues/producer.js';
import { egressPolicy, guardedFetch, mayReceiveDeploymentKey } from '../src/providers/egress.js';
import { OrganizationCredentials } from '../src/modules/provider-credentials/provider-credentials.service.js';
import { credentialsFromEnv, getAdapter, providerLimit, providerNames } from '../src/providers/registry.js';
import type { ProviderName } from '../src/providers/types.js';
import { schedulerTick } from '../src/modules/audits/scheduler.js';
import { applyRunToRollups } from '../src/modules/reports/rollups.service.js';
import { recoverStalledRuns } from '../src/modules/runs/recovery.js';
import { startMetricsServer, type MetricsServer } from '../src/modules/operations/operations.metrics-server.js';
import { createWorkerMetrics, type WorkerMetrics } from '../src/modules/operations/operations.worker-metrics.js';
import { createWebhookFollowUp } from '../src/modules/webhooks/webhooks.emit.js';
import { createAnalysisProcessor } from './analysis.processor.js';
import { createMaintenanceProcessor } from './maintenance.processor.js';
import { createQueryProcessor } from './query.processor.js';
import { createRunsProcessor } from './runs.processor.js';
import { createWebhookProcessor } from './webhook.processor.js';
import { workerErrorLogger } from './worker-errors.js';

export interface WorkerDeps {
  env: Env;
  db: Database;
  redis: Redis;
  producers: Producers;
  logger: Logger;
  /** Replaces fetch inside provider SDKs (tests point them at a fake server). */
  fetch?: typeof fetch;
}

export interface RunningWorker {
  workers: Worker[];
  metrics: WorkerMetrics;
  /** The metrics endpoint when WORKER_METRICS_PORT is set (null otherwise or if it could not listen). */
  metricsServer: Promise<MetricsServer | null>;
  /** Resolves once the provider queues' global limits are set and their workers take jobs. */
  ready: Promise<void>;
  close(): Promise<void>;
}

export function startWorker(deps: WorkerDeps): RunningWorker {
  const { env, logger } = deps;
  const base: Omit<WorkerOptions, 'concurrency'> = {
    connection: deps.redis,
    prefix: env.QUEUE_PREFIX,
    lockDuration: env.WORKER_LOCK_MS,
    stalledInterval: env.WORKER_STALLED_INTERVAL_MS,
    // Processors are idempotent, so a job whose worker died is simply run again.
    maxStalledCount: 10,
    // BullMQ's own per-queue counters in Redis; the API's /metrics turns them into jobs per second.
    metrics: { maxDataPoints: 60 },
  };
  const onRunsFinished = async (runIds: string[]) => {
    await Promise.all(runIds.map((id) => deps.producers.runFinished(id)));
  };

  const brandNames = new Map<string, { version: number; names: string[] }>();
  const egress = egressPolicy(env);
  const orgCredentials = new OrganizationCredentials(deps.db, env.ENCRYPTION_KEY);
  const guarded = egress.allowPrivateHosts ? undefined : guardedFetch();
  const metrics = createWorkerMetrics();
  const query = createQueryProcessor(deps, {
    credentials: async (provider, workspaceId, params) => {
      const creds = credentialsFromEnv(env, provider);
      const { setup } = getAdapter(provider);
      // The deployment's key for user-chosen endpoints goes only to hosts the operator listed.
      if (setup.userEndpoint && !mayReceiveDeploymentKey(String(params.baseUrl ?? ''), egress)) delete creds.apiKey;
      // An organization's own key wins over the deployment's.
      const own = setup.organizationKeys ? await orgCredentials.forWorkspace(workspaceId, provider) : null;
      if (own) {
        delete creds.apiKey;
        delete creds.login;
        delete creds.password;
        Object.assign(creds, own);
      }
      return creds;
    },
    fetchFor: (provider) => (getAdapter(provider).setup.userEndpoint ? guarded : undefined),
    knownBrands: async (workspaceId, version) => {
      const hit = brandNames.get(workspaceId);
      if (hit?.version === version) return hit.names;
      const { rows } = await deps.db.pool.query<{ name: string }>('SELECT name FROM brands WHERE workspace_id = $1 ORDER BY name', [workspaceId]);
      const names = rows.map((r) => r.name);
      brandNames.set(workspaceId, { version, names });
      return names;
    },
    onRunsFinished,
    observeCall: (provider, seconds, failure) => metrics.observeProviderCall(provider, seconds, failure),
  });
  const analysis = createAnalysisProcessor(deps, onRunsFinished);

  const served = env.WORKER_PROVIDERS === 'all' ? providerNames() : (env.WORKER_PROVIDERS.split(',').map((s) => s.trim()) as ProviderName[]);
  const workers: Worker[] = [];
  const queryWorkers: Worker[] = [];
  for (const provider of served) {
    const limit = providerLimit(env, provider);
    const worker: Worker = new Worker(queryQueueName(provider), (job: Job) => query.process(job), {
      ...base,
      concurrency: limit.concurrency,
      limiter: { max: limit.rpm, duration: 60_000 },
      // Started once the queue's global limits are in Redis, so no process takes more meanwhile.
      autorun: false,
    });
    workers.push(worker);
    queryWorkers.push(worker);
  }
  /** Writes each served provider queue's limits into Redis, where they hold for every worker process. */
  const applyQueueLimits = async () => {
    for (const provider of served) {
      const limit = providerLimit(env, provider);
      const queue = deps.producers.queue(queryQueueName(provider));
      await queue.setGlobalConcurrency(limit.concurrency);
      await queue.setGlobalRateLimit(limit.rpm, 60_000);
    }
  };
  let closing = false;
  const limitsApplied = applyQueueLimits()
    .catch((err: unknown) => logger.error({ err }, 'could not set the provider queue limits in Redis; each process holds its own until the next round'))
    .then(() => {
      for (const w of queryWorkers) if (!closing) w.run().catch((err: unknown) => logger.error({ queue: w.name, err }, 'worker stopped'));
    });
  workers.push(new Worker(ANALYSIS_QUEUE, analysis.process, { ...base, concurrency: env.WORKER_ANALYSIS_CONCURRENCY }));
  // Report rollups of a finished run. A failure must not hold back the other follow-ups: until a
  // rollup exists, reports read the run live and ask for the rollup to be rebuilt.
  const rollUp = (runId: string) =>
    applyRunToRollups(deps.db.pool, runId).catch((err: unknown) => logger.error({ err, runId }, 'report rollup failed; the run is read live until rebuilt'));
  workers.push(new Worker(RUNS_QUEUE, createRunsProcessor(deps, [rollUp, createWebhookFollowUp(deps)]), { ...base, concurrency: 4 }));
  workers.push(new Worker(MAINTENANCE_QUEUE, createMaintenanceProcessor(deps, analysis.cache), { ...base, concurrency: 1 }));
  // Receivers are user-chosen URLs: the same egress policy as user-chosen model endpoints.
  workers.push(new Worker(WEBHOOKS_QUEUE, createWebhookProcessor(deps, { fetch: guarded ?? fetch }), { ...base, concurrency: 10 }));

  for (const w of workers) {
    metrics.watch(w);
    w.on('failed', (job, err) => logger.warn({ queue: w.name, jobId: job?.id, err: err.message }, 'job attempt failed'));
    w.on('error', workerErrorLogger(logger, w.name));
  }
  // Periodic duties. Each skips a beat if its previous round is still going.
  const timers: NodeJS.Timeout[] = [];
  const every = (ms: number, name: string, task: () => Promise<unknown>) => {
    let busy = false;
    const timer = setInterval(() => {
      if (busy) return;
      busy = true;
      task()
        .catch((err) => logger.error({ err }, `${name} failed`))
        .finally(() => {
          busy = false;
        });
    }, ms);
    timer.unref();
    timers.push(timer);
  };
  if (env.WORKER_SCHEDULER) every(env.SCHEDULER_INTERVAL_MS, 'scheduler', () => schedulerTick(deps));
  every(env.RECOVERY_INTERVAL_MS, 'recovery', () => recoverStalledRuns(deps, env.RECOVERY_STALE_MS));
  every(env.RECOVERY_INTERVAL_MS, 'queue limits', applyQueueLimits);

  logger.info({ queues: workers.map((w) => w.name), scheduler: env.WORKER_SCHEDULER }, 'worker started');
  const metricsServer =
    env.WORKER_METRICS_PORT === undefined
      ? Promise.resolve(null)
      : startMetricsServer({ registry: metrics.registry, host: env.HOST, port: env.WORKER_METRICS_PORT, tokens: [env.METRICS_TOKEN, env.ADMIN_TOKEN], logger }).catch((err: unknown) => {
          logger.error({ err, port: env.WORKER_METRICS_PORT }, 'worker metrics could not listen');
          return null;
        });

  return {
    workers,
    metrics,
    metricsServer,
    ready: limitsApplied,
    async close() {
      closing = true;
      for (const t of timers) clearInterval(t);
      await (await metricsServer)?.close();
      // Stop taking jobs and let active ones finish, then flush what they handed to batchers.
      await Promise.all(workers.map((w) => w.close()));
      await query.drain();
    },
  };
}
