/**
 * How a worker's 'error' events are logged. When Redis restarts empty, BullMQ can no longer
 * finish the jobs that were in flight: their keys are gone ("Missing key for job …", once for
 * each way it tries to finish, fail or delay the job) and so are their locks ("could not renew
 * lock for job …"). Nothing is lost: processors are idempotent and recovery hands the pending work
 * out again from Postgres. So this expected, recovered condition is one warning per job; every
 * other worker error stays an error.
 */
import type { Logger } from '../src/lib/logger.js';

const LOST_JOB = /^(?:Missing key|Missing lock|could not renew lock) for job (.+?)(?:\. \w+)?$/;
/** Jobs already reported, so each job gives one line; bounded, oldest forgotten first. */
const REMEMBERED = 10_000;

export function workerErrorLogger(logger: Logger, queue: string): (err: Error) => void {
  const reported = new Set<string>();
  return (err) => {
    const jobId = LOST_JOB.exec(err.message)?.[1];
    if (jobId === undefined) {
      logger.error({ queue, err }, 'worker error');
      return;
    }
    if (reported.has(jobId)) return;
    if (reported.size >= REMEMBERED) reported.delete(reported.values().next().value as string);
    reported.add(jobId);
    logger.warn(
      { queue, jobId, reason: err.message },
      'job lost its state in Redis (Redis restarted?); recovery hands its work out again',
    );
  };
}
