/**
 * Run jobs. `start` fans a run out into query jobs for its pending responses (job ids are
 * deterministic, so running it twice adds nothing twice). `finished` runs the follow-ups of a
 * run that has just finished (each safe to run again), then records them done in
 * runs.followups_done_at; a finished run without it gets its `finished` job again from recovery.
 */
import type { Job } from 'bullmq';
import { beginRun } from '../src/modules/responses/pipeline.repo.js';
import { markFollowUpsDone } from '../src/modules/runs/runs.repo.js';
import type { RunJob } from '../src/queues/payloads.js';
import type { WorkerDeps } from '../src/deps.js';

export function createRunsProcessor(deps: WorkerDeps, followUps: Array<(runId: string) => Promise<void>>) {
  return async (job: Job<RunJob>): Promise<string> => {
    const { runId } = job.data;
    if (job.data.type === 'start') {
      const answers = await beginRun(deps.db.pool, runId);
      await deps.producers.enqueueRunAnswers(runId, answers);
      const queued = answers.filter((a) => a.pending).length;
      deps.logger.info({ runId, queued }, 'run started');
      return `queued ${queued}`;
    }
    for (const followUp of followUps) await followUp(runId);
    // Durable: until this is set, the recovery sweep hands the follow-ups out again.
    await markFollowUpsDone(deps.db.pool, runId);
    deps.logger.info({ runId }, 'run finished');
    return 'done';
  };
}
