/** The model judge's SQL: which answers to judge, what a judgement reads, where it is stored and counted. */
import type pg from 'pg';

/**
 * Of these answers, those analysed with mentions whose run's audit names a judge. Called for every
 * batch the pipeline stores, where most runs have no judge: the runs are checked first, and only
 * the answers of judged runs are looked up in mentions, by one index probe each. Written as an
 * EXISTS, a prepared statement's generic plan once read the whole mentions table per batch.
 */
export async function answersWithJudge(pool: pg.Pool, responseIds: readonly string[]): Promise<string[]> {
  if (responseIds.length === 0) return [];
  const { rows } = await pool.query<{ id: string }>({
    name: 'stance-judge-answers',
    text: `WITH judged AS MATERIALIZED (
             SELECT r.id FROM responses r
               JOIN runs ru ON ru.id = r.run_id
               JOIN audits a ON a.id = ru.audit_id
              WHERE r.id = ANY($1::uuid[]) AND a.judge_model_config_id IS NOT NULL AND r.analyzed_at IS NOT NULL
           )
           SELECT j.id FROM judged j
            WHERE (SELECT true FROM mentions m WHERE m.response_id = j.id LIMIT 1)
            ORDER BY j.id`,
    values: [responseIds],
  });
  return rows.map((r) => r.id);
}

/**
 * Runs of audits with a judge whose judging may have stalled: finished before `staleBefore`, not
 * known complete, with no judgement stored since `staleBefore` and not looked at since then.
 * They are claimed (judging_checked_at moves), so concurrent sweepers split them; the oldest
 * first, `limit` a round.
 */
export async function claimStalledJudging(
  pool: pg.Pool,
  now: Date,
  staleBefore: Date,
  limit: number,
): Promise<string[]> {
  const { rows } = await pool.query<{ id: string }>(
    `UPDATE runs SET judging_checked_at = $1
      WHERE id IN (
        SELECT ru.id FROM runs ru JOIN audits a ON a.id = ru.audit_id
         WHERE a.judge_model_config_id IS NOT NULL AND ru.judging_done_at IS NULL
           AND ru.finished_at < $2 AND coalesce(ru.judging_checked_at, '-infinity') < $2
           AND NOT EXISTS (SELECT 1 FROM stance_judgements j WHERE j.run_id = ru.id AND j.created_at >= $2)
         ORDER BY ru.finished_at LIMIT $3 FOR UPDATE OF ru SKIP LOCKED)
      RETURNING id`,
    [now, staleBefore, limit],
  );
  return rows.map((r) => r.id);
}

/**
 * The mentions of run $1's analysed answers whose brand has no judgement (of any outcome) under
 * version $2, as FROM … WHERE: what answersMissingJudgements lists and markJudgingDone checks.
 */
const UNJUDGED_MENTIONS = `responses r JOIN mentions m ON m.response_id = r.id
      WHERE r.run_id = $1 AND r.analyzed_at IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM stance_judgements j
                         WHERE j.response_id = m.response_id AND j.brand_id = m.brand_id AND j.definition_version = $2)`;

/** The run's analysed answers with a brand that has no judgement (of any outcome) under `version`. */
export async function answersMissingJudgements(pool: pg.Pool, runId: string, version: number): Promise<string[]> {
  const { rows } = await pool.query<{ id: string }>(`SELECT DISTINCT r.id FROM ${UNJUDGED_MENTIONS} ORDER BY r.id`, [
    runId,
    version,
  ]);
  return rows.map((r) => r.id);
}

/** Marks the run's judging complete, unless an answer still lacks a judgement (checked in the same statement). */
export async function markJudgingDone(pool: pg.Pool, runId: string, version: number): Promise<boolean> {
  const { rowCount } = await pool.query(
    `UPDATE runs SET judging_done_at = now()
      WHERE id = $1 AND judging_done_at IS NULL AND NOT EXISTS (SELECT 1 FROM ${UNJUDGED_MENTIONS})`,
    [runId, version],
  );
  return rowCount === 1;
}

/** Runs given new judge work (a re-analysis) are no longer known complete, so the sweep watches them again. */
export async function reopenJudging(pool: pg.Pool, responseIds: readonly string[]): Promise<void> {
  await pool.query(
    `UPDATE runs SET judging_done_at = NULL
      WHERE judging_done_at IS NOT NULL AND id IN (SELECT run_id FROM responses WHERE id = ANY($1::uuid[]))`,
    [responseIds],
  );
}

export interface JudgeWork {
  responseId: string;
  runId: string;
  workspaceId: string;
  text: string;
  promptText: string | null;
  locale: string;
  judge: { id: string; provider: string; model: string; params: unknown; hash: string } | null;
  /** The run's cap and what it has cost so far, judgements included. */
  budgetUsd: number | null;
  actualCostUsd: number;
  /** Brands found in the answer, with the judgement already stored for this version (if any). */
  brands: Array<{ brandId: string; name: string; status: string | null }>;
}

/** What judging an answer reads, or null when the answer is gone. */
export async function loadJudgeWork(pool: pg.Pool, responseId: string, version: number): Promise<JudgeWork | null> {
  const { rows } = await pool.query<{
    run_id: string;
    workspace_id: string;
    text: string | null;
    prompt_text: string | null;
    locale: string;
    judge_id: string | null;
    provider: string | null;
    model: string | null;
    params: unknown;
    hash: string | null;
    budget_usd: string | null;
    actual_cost_usd: string;
  }>({
    name: 'stance-judge-work',
    text: `SELECT r.run_id, r.workspace_id, r.text, p.text AS prompt_text, p.locale,
                  mc.id AS judge_id, mc.provider, mc.model, mc.params, mc.hash,
                  ru.budget_usd, ru.actual_cost_usd
             FROM responses r
             JOIN runs ru ON ru.id = r.run_id
             JOIN prompts p ON p.id = r.prompt_id
             LEFT JOIN audits a ON a.id = ru.audit_id
             LEFT JOIN model_configs mc ON mc.id = a.judge_model_config_id
            WHERE r.id = $1`,
    values: [responseId],
  });
  const row = rows[0];
  if (!row) return null;
  const brands = await pool.query<{ brand_id: string; name: string; status: string | null }>({
    name: 'stance-judge-brands',
    text: `SELECT m.brand_id, b.name, j.status
             FROM mentions m
             JOIN brands b ON b.id = m.brand_id
             LEFT JOIN stance_judgements j
                    ON j.response_id = m.response_id AND j.brand_id = m.brand_id AND j.definition_version = $2
            WHERE m.response_id = $1
            ORDER BY m.rank`,
    values: [responseId, version],
  });
  return {
    responseId,
    runId: row.run_id,
    workspaceId: row.workspace_id,
    text: row.text ?? '',
    promptText: row.prompt_text,
    locale: row.locale,
    judge:
      row.judge_id && row.provider && row.model && row.hash
        ? { id: row.judge_id, provider: row.provider, model: row.model, params: row.params, hash: row.hash }
        : null,
    budgetUsd: row.budget_usd === null ? null : Number(row.budget_usd),
    actualCostUsd: Number(row.actual_cost_usd),
    brands: brands.rows.map((b) => ({ brandId: b.brand_id, name: b.name, status: b.status })),
  };
}

export interface NewJudgement {
  brandId: string;
  status: 'judged' | 'failed' | 'refused';
  label: 'positive' | 'neutral' | 'negative' | null;
  sentence: string | null;
  costUsd: number | null;
  errorCode: string | null;
  error: string | null;
}

/**
 * Stores the judgements of one answer and adds their cost to its run, in one transaction. A
 * stored label is never replaced: a brand already judged keeps its row (a retried or duplicated
 * job stores and counts nothing twice); a failed or refused one is replaced by the new outcome.
 * Returns how many rows were written.
 */
export async function storeJudgements(
  pool: pg.Pool,
  work: Pick<JudgeWork, 'responseId' | 'runId'>,
  judge: { id: string; provider: string; model: string; hash: string },
  version: number,
  judgements: readonly NewJudgement[],
  costUsd: number,
): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rowCount } = await client.query({
      text: `INSERT INTO stance_judgements (response_id, run_id, brand_id, definition_version, model_config_id, config_hash,
                                            provider, model, status, label, sentence, cost_usd, error_code, error)
             SELECT $1, $2, j.brand_id, $3, $4, $5, $6, $7, j.status, j.label::sentiment_label, j.sentence, j.cost_usd, j.error_code, j.error
               FROM jsonb_to_recordset($8::jsonb)
                    AS j(brand_id uuid, status text, label text, sentence text, cost_usd numeric, error_code text, error text)
             ON CONFLICT (response_id, brand_id, definition_version) DO UPDATE
                SET status = EXCLUDED.status, label = EXCLUDED.label, sentence = EXCLUDED.sentence,
                    cost_usd = EXCLUDED.cost_usd, error_code = EXCLUDED.error_code, error = EXCLUDED.error,
                    model_config_id = EXCLUDED.model_config_id, config_hash = EXCLUDED.config_hash,
                    provider = EXCLUDED.provider, model = EXCLUDED.model, created_at = now()
              WHERE stance_judgements.status <> 'judged'`,
      values: [
        work.responseId,
        work.runId,
        version,
        judge.id,
        judge.hash,
        judge.provider,
        judge.model,
        JSON.stringify(
          judgements.map((j) => ({
            brand_id: j.brandId,
            status: j.status,
            label: j.label,
            sentence: j.sentence,
            cost_usd: j.costUsd,
            error_code: j.errorCode,
            error: j.error,
          })),
        ),
      ],
    });
    if (costUsd > 0 && (rowCount ?? 0) > 0)
      await client.query('UPDATE runs SET actual_cost_usd = actual_cost_usd + $2 WHERE id = $1', [work.runId, costUsd]);
    await client.query('COMMIT');
    return rowCount ?? 0;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

export interface AgreementRow {
  status: string;
  judge: string | null;
  rule: string | null;
  n: number;
  cost: string | null;
}

/** The run's judgements of one version, counted by status and by (judge label, rule-based label). */
export async function agreementCounts(pool: pg.Pool, runId: string, version: number): Promise<AgreementRow[]> {
  const { rows } = await pool.query<{
    status: string;
    judge: string | null;
    rule: string | null;
    n: string;
    cost: string | null;
  }>({
    name: 'stance-judge-agreement',
    text: `SELECT j.status, j.label::text AS judge, m.sentiment_label::text AS rule, count(*) AS n, sum(j.cost_usd) AS cost
             FROM stance_judgements j
             LEFT JOIN mentions m ON m.response_id = j.response_id AND m.brand_id = j.brand_id
            WHERE j.run_id = $1 AND j.definition_version = $2
            GROUP BY 1, 2, 3`,
    values: [runId, version],
  });
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}
