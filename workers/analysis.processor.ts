/**
 * Analysis jobs: each carries a batch of stored answers (those a worker stored together), whose
 * mentions and citations are derived and written with a few statements. Idempotent: analysing
 * an answer again replaces its facts. Answers of audits with a stance judge are then handed to
 * the stance-judge queue (the rule-based labels are stored by then, whatever the judge does).
 */
import type { Job } from 'bullmq';
import { analyzeResponses, BrandMatcherCache } from '../src/modules/responses/analysis.service.js';
import { advanceAdaptiveRuns } from '../src/modules/runs/runs.adaptive.js';
import { enqueueStanceJudging } from '../src/modules/stance-judge/stance-judge.service.js';
import type { AnalysisJob } from '../src/queues/payloads.js';
import type { WorkerDeps } from '../src/deps.js';

export function createAnalysisProcessor(deps: WorkerDeps, onRunsFinished: (runIds: string[]) => Promise<void>) {
  const cache = new BrandMatcherCache();
  return {
    cache,
    process: async (job: Job<AnalysisJob>): Promise<string> => {
      const result = await analyzeResponses(deps.db.pool, cache, job.data.responseIds);
      await enqueueStanceJudging(deps, job.data.responseIds);
      if (result.finishedRunIds.length) await onRunsFinished(result.finishedRunIds);
      // Adaptive runs: cells whose last answers were analysed here get their look.
      const finished = await advanceAdaptiveRuns(deps, result.runIds);
      if (finished.length) await onRunsFinished(finished);
      return `analysed ${result.analyzed}`;
    },
  };
}
