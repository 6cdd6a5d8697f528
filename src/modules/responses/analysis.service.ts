/**
 * Stores the analysis of answers: mentions and citations derived from each answer's text and its
 * provider citations by src/analysis. Used by the analysis worker for new answers and by
 * re-analysis after brands change. Idempotent: a response's facts are replaced as a whole, in one
 * transaction that also locks the response rows, so concurrent or repeated analysis of the same
 * answer never duplicates a fact.
 */
import type pg from 'pg';
import { analyzeAnswer, compileBrands, type CompiledBrands } from '../../analysis/index.js';
import type { AnalysisResult } from '../../analysis/types.js';
import { brandDefinitions, inTransaction, lockAnswersForAnalysis, writeFacts } from './analysis.repo.js';
import { finishRuns, type StoredAnswer } from './pipeline.repo.js';

/** Compiled brand matchers per workspace, recompiled when the workspace's brands_version moves. */
export class BrandMatcherCache {
  private readonly entries = new Map<string, { version: number; compiled: CompiledBrands }>();

  constructor(private readonly maxEntries = 500) {}

  async get(db: pg.PoolClient | pg.Pool, workspaceId: string, version: number): Promise<CompiledBrands> {
    const hit = this.entries.get(workspaceId);
    if (hit && hit.version === version) return hit.compiled;
    const compiled = compileBrands(await brandDefinitions(db, workspaceId));
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
export async function analyseAhead(
  pool: pg.Pool,
  cache: BrandMatcherCache,
  answers: StoredAnswer[],
): Promise<Array<AnalysisResult | null>> {
  const matchers = new Map<string, CompiledBrands | null>();
  for (const { context } of answers) {
    const key = `${context.workspaceId}:${context.brandsVersion}`;
    if (!matchers.has(key))
      matchers.set(key, await cache.get(pool, context.workspaceId, context.brandsVersion).catch(() => null));
  }
  return answers.map(({ context, text, citations, sources }) => {
    const matcher = matchers.get(`${context.workspaceId}:${context.brandsVersion}`);
    if (!matcher) return null;
    try {
      return analyzeAnswer(matcher, { text, citations, sources, locale: context.locale, prompt: context.prompt });
    } catch {
      return null;
    }
  });
}

export interface AnalyzeBatchResult {
  analyzed: number;
  finishedRunIds: string[];
  /** The runs whose answers this batch analysed. */
  runIds: string[];
}

/**
 * Analyses the given responses (succeeded ones; others are ignored) and stores their facts, in
 * four round trips: BEGIN, the locked read, one statement for every write, COMMIT.
 */
export async function analyzeResponses(
  pool: pg.Pool,
  cache: BrandMatcherCache,
  responseIds: string[],
): Promise<AnalyzeBatchResult> {
  const ids = [...new Set(responseIds)];
  return inTransaction(pool, async (client) => {
    const rows = await lockAnswersForAnalysis(client, ids);
    if (rows.length === 0) return { analyzed: 0, finishedRunIds: [], runIds: [] };
    const matchers = new Map<string, CompiledBrands>();
    for (const row of rows) {
      if (!matchers.has(row.workspace_id))
        matchers.set(row.workspace_id, await cache.get(client, row.workspace_id, row.brands_version));
    }

    const results = rows.map((row) => ({
      row,
      facts: analyzeAnswer(matchers.get(row.workspace_id) as CompiledBrands, {
        text: row.text ?? '',
        citations: row.provider_citations ?? [],
        sources: row.sources ?? [],
        locale: row.locale,
        prompt: row.prompt_text,
      }),
    }));
    const firstTimeByRun = new Map<string, number>();
    for (const { row } of results)
      if (row.first_time) firstTimeByRun.set(row.run_id, (firstTimeByRun.get(row.run_id) ?? 0) + 1);
    const runs = await writeFacts(client, results, firstTimeByRun);
    // Only a run whose last answers this batch analysed can finish here; others skip the statement.
    const complete = runs.filter((r) => r.settled === r.total && r.analyzed >= r.succeeded).map((r) => r.id);
    const finishedRunIds = complete.length ? await finishRuns(client, complete) : [];
    return { analyzed: rows.length, finishedRunIds, runIds: [...new Set(rows.map((r) => r.run_id))] };
  });
}
