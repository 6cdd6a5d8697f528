/**
 * Keeping rollups current. Three writers, all idempotent (a run's rows are replaced as a whole):
 * - applyRunToRollups: the `finished` follow-up of every run (workers/runs.processor.ts);
 * - rebuildRollups: after a re-analysis, for the runs it touched;
 * - RollupRefresher: reports notice runs whose rollup is out of date (an answer analysed after a
 *   cancelled run finished, own brands changed) and have them rebuilt in the background; until
 *   then those runs are read live, so no report is ever wrong, only slower.
 */
import type pg from 'pg';
import type { Deps } from '../../deps.js';
import { buildRollups, finishedRunsInScope, inCreationOrder, workspaceOfRun } from './rollups.repo.js';

/** Runs per rebuild transaction: bounds the work and the locks of one statement. */
const RUNS_PER_BATCH = 20;

export async function applyRunToRollups(pool: pg.Pool, runId: string): Promise<void> {
  const workspaceId = await workspaceOfRun(pool, runId);
  if (workspaceId) await buildRollups(pool, workspaceId, [runId]);
}

/**
 * The rollup follow-up of a finished run (workers/runs.processor.ts). Its failure must not hold
 * back the run's other follow-ups: until a rollup exists, reports read the run live and ask for
 * it to be rebuilt.
 */
export function createRollupFollowUp(deps: Pick<Deps, 'db' | 'logger'>): (runId: string) => Promise<void> {
  return (runId) =>
    applyRunToRollups(deps.db.pool, runId).catch((err: unknown) =>
      deps.logger.error({ err, runId }, 'report rollup failed; the run is read live until rebuilt'),
    );
}

export async function rebuildRuns(pool: pg.Pool, workspaceId: string, runIds: string[]): Promise<number> {
  const ordered = await inCreationOrder(pool, [...new Set(runIds)]);
  let runs = 0;
  for (let i = 0; i < ordered.length; i += RUNS_PER_BATCH) {
    runs += (await buildRollups(pool, workspaceId, ordered.slice(i, i + RUNS_PER_BATCH))).runs;
  }
  return runs;
}

/** Rebuilds the rollups of a re-analysis scope: the whole workspace, one run, and/or answers collected in [from, to). */
export async function rebuildRollups(
  pool: pg.Pool,
  scope: { workspaceId: string; runId?: string | null; from?: Date | null; to?: Date | null },
): Promise<number> {
  return rebuildRuns(pool, scope.workspaceId, await finishedRunsInScope(pool, scope));
}

/** Background rebuilds requested by reports, one at a time per process, each run once while queued. */
export class RollupRefresher {
  private readonly queued = new Map<string, string>();
  private running: Promise<void> | null = null;

  constructor(
    private readonly pool: pg.Pool,
    private readonly logger?: { warn(obj: object, msg: string): void },
  ) {}

  request(workspaceId: string, runIds: string[]): void {
    for (const id of runIds) if (!this.queued.has(id)) this.queued.set(id, workspaceId);
    if (!this.running && this.queued.size) this.running = this.drain().finally(() => (this.running = null));
  }

  /** Resolves when nothing is queued or being rebuilt (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    while (this.queued.size) {
      const [runId, workspaceId] = this.queued.entries().next().value as [string, string];
      const batch = [...this.queued]
        .filter(([, w]) => w === workspaceId)
        .slice(0, RUNS_PER_BATCH)
        .map(([id]) => id);
      try {
        await buildRollups(this.pool, workspaceId, batch);
      } catch (err) {
        this.logger?.warn({ err, workspaceId, runId }, 'report rollup refresh failed; the runs stay read live');
      }
      for (const id of batch) this.queued.delete(id);
    }
  }
}
