/**
 * Stores the analysis of answers: mentions and citations derived from each answer's text and its
 * provider citations by src/analysis. Used by the analysis worker for new answers and by
 * re-analysis after brands change. Idempotent: a response's facts are replaced as a whole, in one
 * transaction that also locks the response rows, so concurrent or repeated analysis of the same
 * answer never duplicates a fact.
 */
import type pg from 'pg';
import { ANALYSIS_VERSION, analyzeAnswer, compileBrands, type CompiledBrands } from '../../analysis/index.js';
import type { AnalysisResult, BrandDefinition } from '../../analysis/types.js';
import type { ProviderCitation, ProviderSource } from '../../providers/types.js';
import { factParams, finishRuns, insertFactsSql, type StoredAnswer } from './pipeline.repo.js';

interface AnswerRow {
  id: string;
  run_id: string;
  workspace_id: string;
  text: string | null;
  provider_citations: ProviderCitation[] | null;
  sources: ProviderSource[] | null;
  locale: string;
  first_time: boolean;
}

/** Compiled brand matchers per workspace, recompiled when the workspace's brands_version moves. */
export class BrandMatcherCache {
  private readonly entries = new Map<string, { version: number; compiled: CompiledBrands }>();

  constructor(private readonly maxEntries = 500) {}

  async get(db: pg.PoolClient | pg.Pool, workspaceId: string, version: number): Promise<CompiledBrands> {
    const hit = this.entries.get(workspaceId);
    if (hit && hit.version === version) return hit.compiled;
    const { rows } = await db.query<{ id: string; name: string; aliases: string[]; domains: string[]; case_sensitive: boolean }>(
      'SELECT id, name, aliases, domains, case_sensitive FROM brands WHERE workspace_id = $1 ORDER BY id',
      [workspaceId],
    );
    const brands: BrandDefinition[] = rows.map((b) => ({ id: b.id, name: b.name, aliases: b.aliases, domains: b.domains, caseSensitive: b.case_sensitive }));
    const compiled = compileBrands(brands);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(workspaceId, { version, compiled });
    return compiled;
  }
}

/**
 * Facts of answers about to be stored, derived as an analysis job would derive them from the
 * stored answers, so the statement storing them writes them too. An answer whose analysis fails
 * gets null: it is stored without facts and an analysis job does it (and reports the failure).
 */
export async function analyseAhead(pool: pg.Pool, cache: BrandMatcherCache, answers: StoredAnswer[]): Promise<Array<AnalysisResult | null>> {
  const matchers = new Map<string, CompiledBrands | null>();
  for (const { context } of answers) {
    const key = `${context.workspaceId}:${context.brandsVersion}`;
    if (!matchers.has(key)) matchers.set(key, await cache.get(pool, context.workspaceId, context.brandsVersion).catch(() => null));
  }
  return answers.map(({ context, text, citations, sources }) => {
    const matcher = matchers.get(`${context.workspaceId}:${context.brandsVersion}`);
    if (!matcher) return null;
    try {
      return analyzeAnswer(matcher, { text, citations, sources, locale: context.locale });
    } catch {
      return null;
    }
  });
}

export interface AnalyzeBatchResult {
  analyzed: number;
  finishedRunIds: string[];
}

/**
 * Analyses the given responses (succeeded ones; others are ignored) and stores their facts, in
 * four round trips: BEGIN, the locked read, one statement for every write, COMMIT.
 */
export async function analyzeResponses(pool: pg.Pool, cache: BrandMatcherCache, responseIds: string[]): Promise<AnalyzeBatchResult> {
  const ids = [...new Set(responseIds)];
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<AnswerRow & { brands_version: number }>({
      name: 'analysis_lock_answers',
      text: `SELECT r.id, r.run_id, r.workspace_id, r.text, r.provider_citations, r.sources, p.locale, r.analyzed_at IS NULL AS first_time,
                    w.brands_version
               FROM responses r JOIN prompts p ON p.id = r.prompt_id JOIN workspaces w ON w.id = r.workspace_id
              WHERE r.id = ANY($1::uuid[]) AND r.status = 'succeeded'
              ORDER BY r.id
              FOR UPDATE OF r`,
      values: [ids],
    });
    if (rows.length === 0) {
      await client.query('COMMIT');
      return { analyzed: 0, finishedRunIds: [] };
    }
    const matchers = new Map<string, CompiledBrands>();
    for (const row of rows) {
      if (!matchers.has(row.workspace_id)) matchers.set(row.workspace_id, await cache.get(client, row.workspace_id, row.brands_version));
    }

    const results = rows.map((row) => ({
      row,
      facts: analyzeAnswer(matchers.get(row.workspace_id) as CompiledBrands, {
        text: row.text ?? '',
        citations: row.provider_citations ?? [],
        sources: row.sources ?? [],
        locale: row.locale,
      }),
    }));
    const firstTimeByRun = new Map<string, number>();
    for (const { row } of results) if (row.first_time) firstTimeByRun.set(row.run_id, (firstTimeByRun.get(row.run_id) ?? 0) + 1);
    const runs = await writeFacts(client, results, firstTimeByRun);
    // Only a run whose last answers this batch analysed can finish here; others skip the statement.
    const complete = runs.filter((r) => r.settled === r.total && r.analyzed >= r.succeeded).map((r) => r.id);
    const finishedRunIds = complete.length ? await finishRuns(client, complete) : [];
    await client.query('COMMIT');
    return { analyzed: rows.length, finishedRunIds };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

interface RunProgress {
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
async function writeFacts(
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
        UPDATE responses SET analyzed_at = now(), analysis_version = $21 WHERE id = ANY($20::uuid[]) RETURNING 1
     )
     -- The run rows are locked last (the counts below make the other writes happen first), so
     -- the stores and analyses of a run wait on one another as briefly as possible.
     UPDATE runs SET analyzed = analyzed + u.n, progressed_at = now()
       FROM unnest($22::uuid[], $23::int[]) AS u(id, n)
      WHERE runs.id = u.id
        AND (SELECT count(*) FROM gone_mentions) + (SELECT count(*) FROM gone_citations) + (SELECT count(*) FROM new_mentions)
            + (SELECT count(*) FROM new_citations) + (SELECT count(*) FROM marked) >= 0
      RETURNING runs.id, runs.succeeded + runs.failed + runs.cancelled AS settled, runs.total, runs.analyzed, runs.succeeded`,
    values: [
      again,
      ...factParams(results.map(({ row, facts }) => ({ responseId: row.id, facts }))),
      results.map((r) => r.row.id),
      ANALYSIS_VERSION,
      runIds,
      runIds.map((id) => firstTimeByRun.get(id) as number),
    ],
  });
  return rows;
}
