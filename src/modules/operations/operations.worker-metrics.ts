/**
 * A worker process's Prometheus metrics, served by operations.metrics-server.ts on
 * WORKER_METRICS_PORT:
 * - citewatch_worker_jobs_total{queue,outcome}: jobs this process completed, and attempts that
 *   failed (including those retried later); rate() gives jobs per second per process.
 * - citewatch_provider_request_duration_seconds{provider,outcome}: one provider call, success or error.
 * - citewatch_provider_errors_total{provider,kind,status}: failed calls by how they were classified
 *   (rate_limited, transient, permanent) and HTTP status ("none" for timeouts and network errors).
 * - process_* and nodejs_*: Node's default metrics.
 * Labels are queue and provider names and HTTP statuses only, so series stay few.
 */
import type { Worker } from 'bullmq';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface ProviderCallFailure {
  kind: string;
  status: number | null;
}

export interface WorkerMetrics {
  registry: Registry;
  /** Counts the jobs this worker finishes. */
  watch(worker: Worker): void;
  observeProviderCall(provider: string, seconds: number, failure?: ProviderCallFailure): void;
}

export function createWorkerMetrics(): WorkerMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const jobs = new Counter({
    name: 'citewatch_worker_jobs_total',
    help: 'Jobs completed and job attempts failed in this worker process, by queue',
    labelNames: ['queue', 'outcome'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'citewatch_provider_request_duration_seconds',
    help: 'Duration of one provider call, by provider and outcome',
    labelNames: ['provider', 'outcome'] as const,
    buckets: [0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 30, 60, 120],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'citewatch_provider_errors_total',
    help: 'Failed provider calls by provider, error kind and HTTP status',
    labelNames: ['provider', 'kind', 'status'] as const,
    registers: [registry],
  });

  return {
    registry,
    watch(worker) {
      const queue = worker.name;
      // Zero-valued series from the start, so rate() works before the first job.
      jobs.inc({ queue, outcome: 'completed' }, 0);
      jobs.inc({ queue, outcome: 'failed' }, 0);
      worker.on('completed', () => jobs.inc({ queue, outcome: 'completed' }));
      worker.on('failed', () => jobs.inc({ queue, outcome: 'failed' }));
    },
    observeProviderCall(provider, seconds, failure) {
      latency.observe({ provider, outcome: failure ? 'error' : 'success' }, seconds);
      if (failure)
        errors.inc({ provider, kind: failure.kind, status: failure.status === null ? 'none' : String(failure.status) });
    },
  };
}
