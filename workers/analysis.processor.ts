/**
 * Analysis jobs: each carries a batch of stored answers (those a worker stored together), whose
 * mentions and citations are derived and written with a few statements. Idempotent: analysing
 * an answer again replaces its facts.
 */
import type { Job } from 'bullmq';
import { analyzeResponses, BrandMatcherCache } from '../src/modules/responses/analysis.service.js';
import type { AnalysisJob } from '../src/queues/payloads.js';
import type { WorkerDeps } from '../src/deps.js';

export function createAnalysisProcessor(deps: WorkerDeps, onRunsFinished: (runIds: string[]) => Promise<void>) {
  const cache = new BrandMatcherCache();
  return {
    cache,
    process: async (job: Job<AnalysisJob>): Promise<string> => {
      const result = await analyzeResponses(deps.db.pool, cache, job.data.responseIds);
      if (result.finishedRunIds.length) await onRunsFinished(result.finishedRunIds);
      return `analysed ${result.analyzed}`;
    },
  };
}
