/** Maintenance jobs: re-analysis of stored answers. The job records its failure when it gives up. */
import type { Job } from 'bullmq';
import { failReanalysis } from '../src/modules/reanalyses/reanalyses.repo.js';
import { executeReanalysis } from '../src/modules/reanalyses/reanalyses.service.js';
import type { BrandMatcherCache } from '../src/modules/responses/analysis.service.js';
import { enqueueStanceJudging } from '../src/modules/stance-judge/stance-judge.service.js';
import type { MaintenanceJob } from '../src/queues/payloads.js';
import type { WorkerDeps } from '../src/deps.js';

export function createMaintenanceProcessor(deps: WorkerDeps, cache: BrandMatcherCache) {
  return async (job: Job<MaintenanceJob>): Promise<string> => {
    const { reanalysisId } = job.data;
    try {
      const done = await executeReanalysis(
        deps.db,
        cache,
        reanalysisId,
        async () => {
          await job.updateProgress({ reanalysisId });
        },
        // A judgement stored for the current definition version is kept: its job finds it and asks nothing.
        async (ids) => {
          await enqueueStanceJudging(deps, ids);
        },
      );
      return done ? `${done.status}: ${done.done}/${done.total}` : 'gone';
    } catch (err) {
      if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) {
        await failReanalysis(deps.db.prisma, reanalysisId, (err as Error).message).catch(() => {});
      }
      throw err;
    }
  };
}
