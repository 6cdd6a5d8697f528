/**
 * How a worker consumes a queue: one handler per kind of queue (src/queues/payloads.ts), each job
 * validated against its queue's schema before the handler sees it. A worker refuses to start when
 * a kind of queue has no handler, so a new kind of job cannot be added without its processor.
 */
import { Worker, type Job, type WorkerOptions } from 'bullmq';
import { parseJobPayload, queueKinds, type JobPayload, type QueueKind } from '../src/queues/payloads.js';

export type JobHandler<K extends QueueKind> = (job: Job<JobPayload<K>>) => Promise<unknown>;

/** A handler for every kind of queue; the type checker asks for a missing one. */
export type JobHandlers = { [K in QueueKind]: JobHandler<K> };

/** Throws, naming them, when kinds of queue have no handler (say, handlers assembled at run time). */
export function assertEveryQueueHandled(handlers: Partial<Record<QueueKind, unknown>>): void {
  const missing = queueKinds().filter((kind) => typeof handlers[kind] !== 'function');
  if (missing.length) throw new Error(`no job handler for the queue kind(s): ${missing.join(', ')}`);
}

/** A BullMQ worker on `queueName` that validates each job as `kind` and hands it to `handler`. */
export function consume<K extends QueueKind>(
  kind: K,
  queueName: string,
  handler: JobHandler<K>,
  options: WorkerOptions,
): Worker {
  return new Worker(
    queueName,
    async (job: Job) => {
      job.data = parseJobPayload(kind, job);
      return handler(job as Job<JobPayload<K>>);
    },
    options,
  );
}
