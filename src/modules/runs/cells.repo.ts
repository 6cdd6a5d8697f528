/**
 * SQL of adaptive runs (docs/statistics.md#adaptive-sampling): one `run_cells` row per prompt ×
 * configuration. A cell's next wave is decided once every answer of its current wave is settled
 * and analysed (the own-brand mention is known only then), and applied by one transaction:
 * the cell rows are updated on the condition that they are still at the wave decided on (so a
 * decision taken twice, by a retried job or two workers, applies once), then the run's total
 * grows and the new answers are inserted, pending. Locks: cell rows (in key order), then the run
 * row; nothing here locks a response, so this never waits in a cycle with storing, analysis or
 * cancellation (responses, then runs).
 */
import type pg from 'pg';
import { newId } from '../../lib/ids.js';

/** An adaptive run's settings and state, or null when the run is not adaptive. */
export interface AdaptiveRunRow {
  id: string;
  sampling: { mode: 'adaptive'; halfWidth: number; minSamples: number; maxSamples: number; waveSize: number };
  finished: boolean;
  budget_reached: boolean;
}

/** The adaptive runs among `runIds`, with whether each has finished or reached its budget. */
export async function adaptiveRuns(pool: pg.Pool, runIds: string[]): Promise<AdaptiveRunRow[]> {
  if (runIds.length === 0) return [];
  const { rows } = await pool.query<AdaptiveRunRow>(
    `SELECT id, sampling, finished_at IS NOT NULL AS finished,
            (budget_usd IS NOT NULL AND actual_cost_usd >= budget_usd) AS budget_reached
       FROM runs WHERE id = ANY($1::uuid[]) AND sampling IS NOT NULL`,
    [runIds],
  );
  return rows;
}

/** An open cell whose current wave is settled and analysed: ready for its look. */
export interface ReadyCell {
  prompt_id: string;
  model_config_id: string;
  wave: number;
  planned: number;
  /** Answers that came back (succeeded) so far, and those mentioning an own brand. */
  answers_now: number;
  mentioned_now: number;
  /** Answers that had come back at the previous look (null before the first). */
  answers: number | null;
}

export async function readyCells(pool: pg.Pool, runId: string): Promise<ReadyCell[]> {
  const { rows } = await pool.query<ReadyCell>(
    `SELECT c.prompt_id, c.model_config_id, c.wave, c.planned, c.answers,
            count(r.id) FILTER (WHERE r.status = 'succeeded')::int AS answers_now,
            count(r.id) FILTER (WHERE r.status = 'succeeded' AND EXISTS (
              SELECT 1 FROM mentions m JOIN brands b ON b.id = m.brand_id AND b.kind = 'own' WHERE m.response_id = r.id))::int AS mentioned_now
       FROM run_cells c
       JOIN responses r ON r.run_id = c.run_id AND r.prompt_id = c.prompt_id AND r.model_config_id = c.model_config_id
      WHERE c.run_id = $1 AND c.stopped_at IS NULL
      GROUP BY c.run_id, c.prompt_id, c.model_config_id
     HAVING count(r.id) FILTER (WHERE r.status = 'pending' OR (r.status = 'succeeded' AND r.analyzed_at IS NULL)) = 0`,
    [runId],
  );
  return rows;
}

export interface CellDecision {
  promptId: string;
  modelConfigId: string;
  /** The wave this decision was taken on: applied only if the cell is still at it. */
  wave: number;
  answers: number;
  mentioned: number;
  low: number;
  high: number;
  stop: 'precision' | 'max_samples' | 'budget' | 'failures' | null;
  nextWave: number;
}

/**
 * Applies looks in one transaction and returns the answers it added (to be queued). Decisions
 * whose cell has moved on (another worker applied them) or stopped are skipped; if the run has
 * finished meanwhile (cancelled), no wave is added.
 */
export async function applyCellDecisions(
  pool: pg.Pool,
  runId: string,
  decisions: CellDecision[],
): Promise<Array<{ id: string; provider: string }>> {
  if (decisions.length === 0) return [];
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows: applied } = await client.query<{
      prompt_id: string;
      model_config_id: string;
      from_index: number;
      next: number;
    }>(
      `WITH u AS (
          SELECT * FROM unnest($2::uuid[], $3::uuid[], $4::int[], $5::int[], $6::int[], $7::float8[], $8::float8[], $9::text[], $10::int[])
            AS u(prompt_id, model_config_id, wave, answers, mentioned, low, high, stop, next)
       ), locked AS (
          SELECT c.prompt_id, c.model_config_id FROM run_cells c JOIN u USING (prompt_id, model_config_id)
           WHERE c.run_id = $1 ORDER BY c.prompt_id, c.model_config_id FOR UPDATE OF c
       )
       UPDATE run_cells c SET
          wave = c.wave + CASE WHEN u.stop IS NULL THEN 1 ELSE 0 END,
          planned = c.planned + u.next,
          answers = u.answers, mentioned = u.mentioned, low = u.low, high = u.high,
          stop_reason = u.stop, stopped_at = CASE WHEN u.stop IS NULL THEN NULL ELSE now() END
         FROM u JOIN locked l USING (prompt_id, model_config_id)
        WHERE c.run_id = $1 AND c.prompt_id = u.prompt_id AND c.model_config_id = u.model_config_id
          AND c.wave = u.wave AND c.stopped_at IS NULL
       RETURNING c.prompt_id, c.model_config_id, c.planned - u.next AS from_index, u.next`,
      [
        runId,
        decisions.map((d) => d.promptId),
        decisions.map((d) => d.modelConfigId),
        decisions.map((d) => d.wave),
        decisions.map((d) => d.answers),
        decisions.map((d) => d.mentioned),
        decisions.map((d) => d.low),
        decisions.map((d) => d.high),
        decisions.map((d) => d.stop),
        decisions.map((d) => d.nextWave),
      ],
    );
    const grow = applied.filter((a) => a.next > 0);
    const added = grow.reduce((s, a) => s + a.next, 0);
    if (added === 0) {
      await client.query('COMMIT');
      return [];
    }
    const run = await client.query(
      'UPDATE runs SET total = total + $2, progressed_at = now() WHERE id = $1 AND finished_at IS NULL RETURNING id',
      [runId, added],
    );
    if (run.rowCount === 0) {
      await client.query('ROLLBACK');
      return [];
    }
    const news = grow.flatMap((a) =>
      Array.from({ length: a.next }, (_, i) => ({
        id: newId(),
        promptId: a.prompt_id,
        modelConfigId: a.model_config_id,
        sampleIndex: a.from_index + i,
      })),
    );
    // Provider, channel, model and hash are those of the cell's first answer.
    const { rows } = await client.query<{ id: string; provider: string }>(
      `INSERT INTO responses (id, run_id, workspace_id, prompt_id, model_config_id, sample_index, provider, channel, model, config_hash)
       SELECT u.id, t.run_id, t.workspace_id, t.prompt_id, t.model_config_id, u.sample_index, t.provider, t.channel, t.model, t.config_hash
         FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::int[]) AS u(id, prompt_id, model_config_id, sample_index)
         JOIN responses t ON t.run_id = $1 AND t.prompt_id = u.prompt_id AND t.model_config_id = u.model_config_id AND t.sample_index = 0
       RETURNING id, provider`,
      [
        runId,
        news.map((n) => n.id),
        news.map((n) => n.promptId),
        news.map((n) => n.modelConfigId),
        news.map((n) => n.sampleIndex),
      ],
    );
    if (rows.length !== news.length)
      throw new Error(`run ${runId}: ${news.length - rows.length} answers of a new wave found no cell template`);
    await client.query('COMMIT');
    return rows;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

/** Stops the open cells of a run (budget reached, run cancelled). */
export async function closeOpenCells(
  db: pg.Pool | pg.PoolClient,
  runId: string,
  reason: 'budget' | 'cancelled',
): Promise<void> {
  await db.query('UPDATE run_cells SET stop_reason = $2, stopped_at = now() WHERE run_id = $1 AND stopped_at IS NULL', [
    runId,
    reason,
  ]);
}

/** Every cell of a run, with its prompt's text and configuration's name, in prompt then configuration order. */
export interface CellRow {
  prompt_id: string;
  prompt_text: string;
  model_config_id: string;
  model_config_name: string;
  wave: number;
  planned: number;
  answers: number | null;
  mentioned: number | null;
  low: number | null;
  high: number | null;
  stop_reason: string | null;
}

export async function runCells(pool: pg.Pool, runId: string): Promise<CellRow[]> {
  const { rows } = await pool.query<CellRow>(
    `SELECT c.prompt_id, p.text AS prompt_text, c.model_config_id, m.name AS model_config_name, c.wave, c.planned,
            c.answers, c.mentioned, c.low, c.high, c.stop_reason
       FROM run_cells c JOIN prompts p ON p.id = c.prompt_id JOIN model_configs m ON m.id = c.model_config_id
      WHERE c.run_id = $1 ORDER BY c.prompt_id, c.model_config_id`,
    [runId],
  );
  return rows;
}

/**
 * Per prompt × configuration of any run, from its stored answers: answers asked for, those that
 * came back and those naming an own brand (the figures of a fixed run's precision report).
 */
export async function pairFigures(pool: pg.Pool, runId: string): Promise<CellRow[]> {
  const { rows } = await pool.query<CellRow>(
    `SELECT r.prompt_id, p.text AS prompt_text, r.model_config_id, m.name AS model_config_name, 0 AS wave,
            count(*)::int AS planned, count(*) FILTER (WHERE r.status = 'succeeded')::int AS answers,
            count(*) FILTER (WHERE r.status = 'succeeded' AND EXISTS (
              SELECT 1 FROM mentions x JOIN brands b ON b.id = x.brand_id AND b.kind = 'own' WHERE x.response_id = r.id))::int AS mentioned,
            NULL::float8 AS low, NULL::float8 AS high, NULL::text AS stop_reason
       FROM responses r JOIN prompts p ON p.id = r.prompt_id JOIN model_configs m ON m.id = r.model_config_id
      WHERE r.run_id = $1
      GROUP BY r.prompt_id, p.text, r.model_config_id, m.name
      ORDER BY r.prompt_id, r.model_config_id`,
    [runId],
  );
  return rows;
}
