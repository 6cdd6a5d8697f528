/**
 * Stance judge jobs (src/modules/stance-judge): one model call per analysed answer of an audit
 * with a judge, for the brands not judged yet under the current definition version. Transient
 * failures are retried with BullMQ's backoff until the attempts run out; the outcome (labels,
 * the failure, or the budget refusal) is stored per brand, beside the rule-based labels.
 */
import type { Job } from 'bullmq';
import { executeStanceJudge, type JudgeCallOptions } from '../src/modules/stance-judge/stance-judge.service.js';
import type { StanceJudgeJob } from '../src/queues/payloads.js';
import type { WorkerDeps } from '../src/deps.js';

export function createStanceJudgeProcessor(
  deps: WorkerDeps,
  access: Pick<JudgeCallOptions, 'credentials' | 'fetchFor'>,
) {
  return async (job: Job<StanceJudgeJob>): Promise<string> => {
    const outcome = await executeStanceJudge(
      deps.db,
      { ...access, timeoutMs: deps.env.PROVIDER_TIMEOUT_MS, fetch: deps.fetch },
      job.data.responseId,
      job.data.definitionVersion,
      { number: job.attemptsMade + 1, max: job.opts.attempts ?? 1 },
    );
    if (outcome === 'retry') throw new Error('the judge call failed for now; trying again');
    return outcome;
  };
}
