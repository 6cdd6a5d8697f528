/**
 * startWorker(deps): every processor of a worker process, on the queues this process serves.
 * Wiring only: each duty (credentials, brand names, queue limits, follow-ups, periodic sweeps)
 * lives in the module that owns its subject.
 *
 * Stateless: start as many as you like on as many machines as you like against the same Redis
 * and Postgres. Provider limits hold across all of them (src/queues/limits.ts). A process alone
 * may use a provider's whole allowance, so its own concurrency on a provider queue is the same.
 */
import type { Worker, WorkerOptions } from 'bullmq';
import type { WorkerDeps } from '../src/deps.js';
import { Periodic } from '../src/lib/periodic.js';
import { schedulerTick } from '../src/modules/audits/scheduler.js';
import { BrandNamesCache } from '../src/modules/brands/brands.names.js';
import { startMetricsServer, type MetricsServer } from '../src/modules/operations/operations.metrics-server.js';
import { createWorkerMetrics, type WorkerMetrics } from '../src/modules/operations/operations.worker-metrics.js';
import { createProviderAccess } from '../src/modules/provider-credentials/provider-credentials.resolve.js';
import { createRollupFollowUp } from '../src/modules/reports/rollups.service.js';
import { sweepExpiredIdempotencyKeys } from '../src/modules/idempotency/idempotency.service.js';
import { recoverStalledRuns } from '../src/modules/runs/recovery.js';
import { recoverStaleSuggestions } from '../src/modules/suggestions/suggestions.service.js';
import { recoverJudging } from '../src/modules/stance-judge/stance-judge.service.js';
import { createAlertFollowUp } from '../src/modules/alerts/alerts.emit.js';
import { digestTick } from '../src/modules/alerts/digests.js';
import { createWebhookFollowUp } from '../src/modules/webhooks/webhooks.emit.js';
import { providerLimit } from '../src/providers/deployment.js';
import { providerNames, type ProviderName } from '../src/providers/settings.js';
import { applyProviderQueueLimits } from '../src/queues/limits.js';
import {
  ALERTS_QUEUE,
  ANALYSIS_QUEUE,
  MAINTENANCE_QUEUE,
  PDF_REPORTS_QUEUE,
  RUNS_QUEUE,
  STANCE_JUDGE_QUEUE,
  SUGGESTIONS_QUEUE,
  WEBHOOKS_QUEUE,
  queryQueueName,
} from '../src/queues/names.js';
import { createAlertsProcessor } from './alerts.processor.js';
import { createAnalysisProcessor } from './analysis.processor.js';
import { assertEveryQueueHandled, consume, type JobHandlers } from './consumers.js';
import { createMaintenanceProcessor } from './maintenance.processor.js';
import { createPdfReportProcessor } from './pdf-report.processor.js';
import { createQueryProcessor } from './query.processor.js';
import { createRunsProcessor } from './runs.processor.js';
import { createStanceJudgeProcessor } from './stance-judge.processor.js';
import { createSuggestionsProcessor } from './suggestions.processor.js';
import { createWebhookProcessor } from './webhook.processor.js';
import { workerErrorLogger } from './worker-errors.js';

export type { WorkerDeps } from '../src/deps.js';

export interface RunningWorker {
  workers: Worker[];
  metrics: WorkerMetrics;
  /** The metrics endpoint when WORKER_METRICS_PORT is set (null otherwise or if it could not listen). */
  metricsServer: Promise<MetricsServer | null>;
  /** Resolves once the provider queues' global limits are set and their workers take jobs. */
  ready: Promise<void>;
  close(): Promise<void>;
}

/** The providers whose queues this process consumes (WORKER_PROVIDERS, checked against the settings table when loaded). */
function servedProviders(setting: string): ProviderName[] {
  return setting.trim() === 'all' ? providerNames() : (setting.split(',').map((s) => s.trim()) as ProviderName[]);
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
  const metrics = createWorkerMetrics();
  const access = createProviderAccess(deps);
  const brandNames = new BrandNamesCache(deps.db);
  const query = createQueryProcessor(deps, {
    credentials: access.credentials,
    fetchFor: access.fetchFor,
    knownBrands: (workspaceId, version) => brandNames.get(workspaceId, version),
    onRunsFinished,
    observeCall: (provider, seconds, failure) => metrics.observeProviderCall(provider, seconds, failure),
  });
  const analysis = createAnalysisProcessor(deps, onRunsFinished);
  const handlers: JobHandlers = {
    query: query.process,
    analysis: analysis.process,
    runs: createRunsProcessor(deps, [
      createRollupFollowUp(deps),
      createWebhookFollowUp(deps),
      createAlertFollowUp(deps),
    ]),
    maintenance: createMaintenanceProcessor(deps, analysis.cache),
    // Receivers are user-chosen URLs: the same egress policy as user-chosen model endpoints.
    webhooks: createWebhookProcessor(deps, { fetch: access.userFetch }),
    // One model call each, apart from the run queues so setting a workspace up never waits behind a run.
    suggestions: createSuggestionsProcessor(deps, access),
    // Slack webhook URLs are user-chosen too: the same egress policy.
    alerts: createAlertsProcessor(deps, { fetch: access.userFetch }),
    'pdf-reports': createPdfReportProcessor(deps),
    // The model judge of stance: after analysis, on its own queue so runs never wait for it.
    'stance-judge': createStanceJudgeProcessor(deps, access),
  };
  assertEveryQueueHandled(handlers);

  const served = servedProviders(env.WORKER_PROVIDERS);
  // Provider queues start once their global limits are in Redis, so no process takes more meanwhile.
  const queryWorkers = served.map((provider) => {
    const limit = providerLimit(env, provider);
    const options = {
      ...base,
      concurrency: limit.concurrency,
      limiter: { max: limit.rpm, duration: 60_000 },
      autorun: false,
    };
    return consume('query', queryQueueName(provider), handlers.query, options);
  });
  const workers: Worker[] = [
    ...queryWorkers,
    consume('analysis', ANALYSIS_QUEUE, handlers.analysis, { ...base, concurrency: env.WORKER_ANALYSIS_CONCURRENCY }),
    consume('runs', RUNS_QUEUE, handlers.runs, { ...base, concurrency: 4 }),
    consume('maintenance', MAINTENANCE_QUEUE, handlers.maintenance, { ...base, concurrency: 1 }),
    consume('webhooks', WEBHOOKS_QUEUE, handlers.webhooks, { ...base, concurrency: 10 }),
    consume('suggestions', SUGGESTIONS_QUEUE, handlers.suggestions, { ...base, concurrency: 4 }),
    consume('alerts', ALERTS_QUEUE, handlers.alerts, { ...base, concurrency: env.WORKER_ALERTS_CONCURRENCY }),
    // Rendering is CPU-bound and reads every report: one at a time per worker process.
    consume('pdf-reports', PDF_REPORTS_QUEUE, handlers['pdf-reports'], { ...base, concurrency: 1 }),
    consume('stance-judge', STANCE_JUDGE_QUEUE, handlers['stance-judge'], { ...base, concurrency: 4 }),
  ];

  const applyLimits = () => applyProviderQueueLimits(deps.producers, env, served);
  let closing = false;
  const limitsApplied = applyLimits()
    .catch((err: unknown) =>
      logger.error(
        { err },
        'could not set the provider queue limits in Redis; each process holds its own until the next round',
      ),
    )
    .then(() => {
      for (const w of queryWorkers)
        if (!closing) w.run().catch((err: unknown) => logger.error({ queue: w.name, err }, 'worker stopped'));
    });

  for (const w of workers) {
    metrics.watch(w);
    w.on('failed', (job, err) =>
      logger.warn({ queue: w.name, jobId: job?.id, err: err.message }, 'job attempt failed'),
    );
    w.on('error', workerErrorLogger(logger, w.name));
  }
  const periodic = new Periodic(logger);
  if (env.WORKER_SCHEDULER) {
    periodic.every(env.SCHEDULER_INTERVAL_MS, 'scheduler', () => schedulerTick(deps));
    periodic.every(env.SCHEDULER_INTERVAL_MS, 'digests', () => digestTick(deps));
  }
  periodic.every(env.RECOVERY_INTERVAL_MS, 'recovery', () => recoverStalledRuns(deps, env.RECOVERY_STALE_MS));
  periodic.every(env.RECOVERY_INTERVAL_MS, 'suggestion recovery', () =>
    recoverStaleSuggestions(deps, env.RECOVERY_STALE_MS),
  );
  periodic.every(env.RECOVERY_INTERVAL_MS, 'stance judge recovery', () => recoverJudging(deps, env.RECOVERY_STALE_MS));
  periodic.every(env.RECOVERY_INTERVAL_MS, 'queue limits', applyLimits);
  // Delete-on-read already frees an expired key that is used again; this keeps the table small.
  periodic.every(env.RECOVERY_INTERVAL_MS, 'idempotency keys', () => sweepExpiredIdempotencyKeys(deps));

  logger.info({ queues: workers.map((w) => w.name), scheduler: env.WORKER_SCHEDULER }, 'worker started');
  const metricsServer =
    env.WORKER_METRICS_PORT === undefined
      ? Promise.resolve(null)
      : startMetricsServer({
          registry: metrics.registry,
          host: env.HOST,
          port: env.WORKER_METRICS_PORT,
          tokens: [env.METRICS_TOKEN, env.ADMIN_TOKEN],
          logger,
        }).catch((err: unknown) => {
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
      periodic.stop();
      await (await metricsServer)?.close();
      // Stop taking jobs and let active ones finish their call in flight (query jobs hand the rest
      // of their calls back), then flush what they handed to batchers.
      query.handBack();
      await Promise.all(workers.map((w) => w.close()));
      await query.drain();
    },
  };
}
