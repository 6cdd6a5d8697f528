/**
 * The API's Prometheus metrics, in a registry of its own (no global one: each buildApp gets its
 * own, so tests and several apps in one process never mix numbers).
 * - citewatch_http_request_duration_seconds{method,route,status_code}: route is the pattern
 *   (/v1/workspaces/:workspaceId/runs), never the URL, so label values stay few.
 * - citewatch_queue_jobs{queue,state}: jobs waiting, prioritized, active, delayed and failed.
 * - citewatch_queue_jobs_total{queue,outcome}: jobs completed / failed for good, counted by
 *   BullMQ in Redis across every worker; rate() of it is jobs per second for the deployment.
 * - citewatch_queue_metrics_up: 0 when Redis could not be read at the last scrape.
 * - process_* and nodejs_*: Node's default metrics.
 * Queue numbers are read at scrape time and cached briefly, so frequent scrapes cost Redis little.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Logger } from '../../lib/logger.js';
import type { Producers } from '../../queues/producer.js';
import { deploymentQueues } from './operations.queues.js';

const QUEUE_CACHE_MS = 5_000;
const STATES = ['waiting', 'prioritized', 'active', 'delayed', 'failed'] as const;

interface QueueSnapshot {
  counts: Map<string, Record<string, number>>;
  finished: Map<string, { completed: number; failed: number }>;
}

export interface ApiMetrics {
  registry: Registry;
  observeHttp(method: string, route: string, statusCode: number, seconds: number): void;
}

export function createApiMetrics(deps: { producers: Producers; logger: Logger }): ApiMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const http = new Histogram({
    name: 'citewatch_http_request_duration_seconds',
    help: 'HTTP request duration by method, route pattern and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  let cached: { at: number; value: Promise<QueueSnapshot | null> } | null = null;
  const snapshot = (): Promise<QueueSnapshot | null> => {
    if (cached && Date.now() - cached.at < QUEUE_CACHE_MS) return cached.value;
    const value = readQueues(deps.producers).catch((err: unknown) => {
      deps.logger.warn({ err }, 'metrics: could not read the queues');
      return null;
    });
    cached = { at: Date.now(), value };
    return value;
  };

  const up = new Gauge({
    name: 'citewatch_queue_metrics_up',
    help: '1 when the queues could be read from Redis at this scrape',
    registers: [registry],
  });
  new Gauge({
    name: 'citewatch_queue_jobs',
    help: 'Jobs in each queue by state',
    labelNames: ['queue', 'state'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      const snap = await snapshot();
      up.set(snap ? 1 : 0);
      for (const [queue, counts] of snap?.counts ?? [])
        for (const state of STATES) this.set({ queue, state }, counts[state] ?? 0);
    },
  });
  new Counter({
    name: 'citewatch_queue_jobs_total',
    help: 'Jobs finished by every worker, by queue and outcome (completed, or failed after their last attempt)',
    labelNames: ['queue', 'outcome'] as const,
    registers: [registry],
    async collect() {
      // The count lives in Redis; reset then add copies it while keeping the counter type.
      this.reset();
      const snap = await snapshot();
      for (const [queue, f] of snap?.finished ?? []) {
        this.inc({ queue, outcome: 'completed' }, f.completed);
        this.inc({ queue, outcome: 'failed' }, f.failed);
      }
    },
  });

  return {
    registry,
    observeHttp(method, route, statusCode, seconds) {
      http.observe({ method, route, status_code: String(statusCode) }, seconds);
    },
  };
}

async function readQueues(producers: Producers): Promise<QueueSnapshot> {
  const counts = new Map<string, Record<string, number>>();
  const finished = new Map<string, { completed: number; failed: number }>();
  await Promise.all(
    deploymentQueues().map(async (name) => {
      const queue = producers.queue(name);
      const [c, completed, failed] = await Promise.all([
        queue.getJobCounts(...STATES),
        queue.getMetrics('completed', 0, 0),
        queue.getMetrics('failed', 0, 0),
      ]);
      counts.set(name, c);
      finished.set(name, { completed: completed.meta.count, failed: failed.meta.count });
    }),
  );
  return { counts, finished };
}
