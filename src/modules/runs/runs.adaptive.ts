/**
 * The waves of adaptive runs. Called after answers of adaptive runs are stored or analysed (query
 * and analysis workers), when a retried query job finds its answer already stored, and by the
 * recovery sweep: for each cell whose current wave is settled and analysed, the look
 * (src/lib/adaptive-sampling.ts) decides to stop the cell or to add a wave; the decisions are
 * applied once however often they are taken (cells.repo.ts), the new answers are queued, and a run
 * whose cells have all stopped and whose answers are all settled is finished.
 */
import { type AdaptiveDesign, decideLook } from '../../lib/adaptive-sampling.js';
import { finishRuns } from '../responses/pipeline.repo.js';
import { adaptiveRuns, applyCellDecisions, type CellDecision, readyCells } from './cells.repo.js';
import type { Deps } from '../../deps.js';

export type AdaptiveDeps = Pick<Deps, 'db' | 'producers' | 'logger'>;

/** The stored adaptive settings of an audit or run (half-width in points). */
export interface AdaptiveSampling {
  mode: 'adaptive';
  halfWidth: number;
  minSamples: number;
  maxSamples: number;
  waveSize: number;
}

export function designOf(s: AdaptiveSampling): AdaptiveDesign {
  return { halfWidth: s.halfWidth / 100, minSamples: s.minSamples, maxSamples: s.maxSamples, waveSize: s.waveSize };
}

/**
 * Takes the looks that are due in the given runs (non-adaptive and finished runs are skipped),
 * queues the waves added, and returns the runs this call finished.
 */
export async function advanceAdaptiveRuns(deps: AdaptiveDeps, runIds: string[]): Promise<string[]> {
  const { pool } = deps.db;
  const finished: string[] = [];
  for (const run of await adaptiveRuns(pool, [...new Set(runIds)])) {
    if (run.finished) continue;
    const design = designOf(run.sampling);
    const cells = await readyCells(pool, run.id);
    const decisions: CellDecision[] = cells.map((c) => {
      const look = decideLook(design, c.wave, c.planned, c.mentioned_now, c.answers_now);
      let stop: CellDecision['stop'] = look.stop;
      // A wave that brought no answer back (every call failed) ends the cell rather than spending more.
      if (!stop && c.answers_now === (c.answers ?? 0)) stop = 'failures';
      if (!stop && run.budget_reached) stop = 'budget';
      return {
        promptId: c.prompt_id,
        modelConfigId: c.model_config_id,
        wave: c.wave,
        answers: c.answers_now,
        mentioned: c.mentioned_now,
        low: look.interval.low,
        high: look.interval.high,
        stop,
        nextWave: stop ? 0 : look.nextWave,
      };
    });
    const added = await applyCellDecisions(pool, run.id, decisions);
    if (added.length) {
      // Postgres first, then the queue: if this enqueue is lost, recovery finds the pending answers.
      await deps.producers.enqueueRunAnswers(run.id, added);
      deps.logger.info({ runId: run.id, cells: decisions.length, added: added.length }, 'adaptive run: wave added');
    }
    finished.push(...(await finishRuns(pool, [run.id])));
  }
  return finished;
}
