/**
 * The statements of analysis (analysis.service.ts): the brands a workspace tracks, the answers of
 * a batch locked for analysis, and their facts written with the run counters, in one transaction.
 */
import type pg from 'pg';
import { ANALYSIS_VERSION } from '../../analysis/index.js';
import type { AnalysisResult, BrandDefinition } from '../../analysis/types.js';
import type { ProviderCitation, ProviderSource } from '../../providers/types.js';
import { factsJson, insertFactsSql } from './pipeline.repo.js';

export interface AnswerRow {
  id: string;
  run_id: string;
  workspace_id: string;
  text: string | null;
  provider_citations: ProviderCitation[] | null;
  sources: ProviderSource[] | null;
  locale: string;
  /** The prompt's text, whose intent sentiment reads. */
  prompt_text: string;
  first_time: boolean;
}

/** Runs `work` in a transaction on one connection: committed when it returns, rolled back when it throws. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

/** The brands a workspace tracks, as the matcher compiles them. */
export async function brandDefinitions(db: pg.PoolClient | pg.Pool, workspaceId: string): Promise<BrandDefinition[]> {
  const { rows } = await db.query<{
    id: string;
    name: string;
    aliases: string[];
    domains: string[];
    case_sensitive: boolean;
  }>('SELECT id, name, aliases, domains, case_sensitive FROM brands WHERE workspace_id = $1 ORDER BY id', [
    workspaceId,
  ]);
  return rows.map((b) => ({
    id: b.id,
    name: b.name,
    aliases: b.aliases,
    domains: b.domains,
    caseSensitive: b.case_sensitive,
  }));
}

/** The succeeded answers among `ids`, locked for this transaction, with their workspace's brand version. */
export async function lockAnswersForAnalysis(
  client: pg.PoolClient,
  ids: string[],
): Promise<Array<AnswerRow & { brands_version: number }>> {
  const { rows } = await client.query<AnswerRow & { brands_version: number }>({
    name: 'analysis_lock_answers',
    text: `SELECT r.id, r.run_id, r.workspace_id, r.text, r.provider_citations, r.sources, p.locale, p.text AS prompt_text,
                  r.analyzed_at IS NULL AS first_time,
                  w.brands_version
             FROM responses r JOIN prompts p ON p.id = r.prompt_id JOIN workspaces w ON w.id = r.workspace_id
            WHERE r.id = ANY($1::uuid[]) AND r.status = 'succeeded'
            ORDER BY r.id
            FOR UPDATE OF r`,
    values: [ids],
  });
  return rows;
}

export interface RunProgress {
  id: string;
  settled: number;
  total: number;
  analyzed: number;
  succeeded: number;
}

/**
 * Replaces the facts of the analysed answers, marks them analysed and counts first analyses on
 * their runs, in one statement. Answers analysed for the first time have no facts yet: only
 * re-analysed ones are cleared (the statement's inserts are not visible to its deletes).
 * Returns the counters of the runs it counted on.
 */
export async function writeFacts(
  client: pg.PoolClient,
  results: Array<{ row: AnswerRow; facts: AnalysisResult }>,
  firstTimeByRun: Map<string, number>,
): Promise<RunProgress[]> {
  const again = results.filter((r) => !r.row.first_time).map((r) => r.row.id);
  // Sorted, so concurrent batches lock run rows in the same order and cannot deadlock.
  const runIds = [...firstTimeByRun.keys()].sort();
  const { rows } = await client.query<RunProgress>({
    name: 'analysis_write_facts',
    text: `WITH gone_mentions AS (
        DELETE FROM mentions WHERE response_id = ANY($1::uuid[]) RETURNING 1
     ), gone_citations AS (
        DELETE FROM citations WHERE response_id = ANY($1::uuid[]) RETURNING 1
     ), ${insertFactsSql(2, 'responses')}, marked AS (
        UPDATE responses SET analyzed_at = now(), analysis_version = $4 WHERE id = ANY($3::uuid[]) RETURNING 1
     )
     -- The run rows are locked last (the counts below make the other writes happen first), so
     -- the stores and analyses of a run wait on one another as briefly as possible.
     UPDATE runs SET analyzed = analyzed + u.n, progressed_at = now()
       FROM unnest($5::uuid[], $6::int[]) AS u(id, n)
      WHERE runs.id = u.id
        AND (SELECT count(*) FROM gone_mentions) + (SELECT count(*) FROM gone_citations) + (SELECT count(*) FROM new_mentions)
            + (SELECT count(*) FROM new_citations) + (SELECT count(*) FROM marked) >= 0
      RETURNING runs.id, runs.succeeded + runs.failed + runs.cancelled AS settled, runs.total, runs.analyzed, runs.succeeded`,
    values: [
      again,
      factsJson(results.map(({ row, facts }) => ({ responseId: row.id, facts }))),
      results.map((r) => r.row.id),
      ANALYSIS_VERSION,
      runIds,
      runIds.map((id) => firstTimeByRun.get(id) as number),
    ],
  });
  return rows;
}
