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
import { finishRuns } from './pipeline.repo.js';

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

export interface AnalyzeBatchResult {
  analyzed: number;
  finishedRunIds: string[];
}

/** Analyses the given responses (succeeded ones; others are ignored) and stores their facts. */
export async function analyzeResponses(pool: pg.Pool, cache: BrandMatcherCache, responseIds: string[]): Promise<AnalyzeBatchResult> {
  const ids = [...new Set(responseIds)];
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<AnswerRow>(
      `SELECT r.id, r.run_id, r.workspace_id, r.text, r.provider_citations, r.sources, p.locale, r.analyzed_at IS NULL AS first_time
         FROM responses r JOIN prompts p ON p.id = r.prompt_id
        WHERE r.id = ANY($1::uuid[]) AND r.status = 'succeeded'
        ORDER BY r.id
        FOR UPDATE OF r`,
      [ids],
    );
    if (rows.length === 0) {
      await client.query('COMMIT');
      return { analyzed: 0, finishedRunIds: [] };
    }
    const versions = await client.query<{ id: string; brands_version: number }>(
      'SELECT id, brands_version FROM workspaces WHERE id = ANY($1::uuid[])',
      [[...new Set(rows.map((r) => r.workspace_id))]],
    );
    const matchers = new Map<string, CompiledBrands>();
    for (const w of versions.rows) matchers.set(w.id, await cache.get(client, w.id, w.brands_version));

    const results = rows.map((row) => ({
      row,
      facts: analyzeAnswer(matchers.get(row.workspace_id) as CompiledBrands, {
        text: row.text ?? '',
        citations: row.provider_citations ?? [],
        sources: row.sources ?? [],
        locale: row.locale,
      }),
    }));
    await replaceFacts(client, results);

    const firstTimeByRun = new Map<string, number>();
    for (const { row } of results) if (row.first_time) firstTimeByRun.set(row.run_id, (firstTimeByRun.get(row.run_id) ?? 0) + 1);
    if (firstTimeByRun.size) {
      // Sorted, so concurrent batches lock run rows in the same order and cannot deadlock.
      const runIds = [...firstTimeByRun.keys()].sort();
      await client.query(
        `UPDATE runs SET analyzed = analyzed + u.n, progressed_at = now() FROM unnest($1::uuid[], $2::int[]) AS u(id, n) WHERE runs.id = u.id`,
        [runIds, runIds.map((id) => firstTimeByRun.get(id) as number)],
      );
    }
    const finishedRunIds = firstTimeByRun.size ? await finishRuns(client, [...firstTimeByRun.keys()]) : [];
    await client.query('COMMIT');
    return { analyzed: rows.length, finishedRunIds };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

async function replaceFacts(client: pg.PoolClient, results: Array<{ row: AnswerRow; facts: AnalysisResult }>): Promise<void> {
  const ids = results.map((r) => r.row.id);
  // Answers analysed for the first time have no facts yet: only re-analysed ones need clearing.
  const again = results.filter((r) => !r.row.first_time).map((r) => r.row.id);
  if (again.length) {
    await client.query('DELETE FROM mentions WHERE response_id = ANY($1::uuid[])', [again]);
    await client.query('DELETE FROM citations WHERE response_id = ANY($1::uuid[])', [again]);
  }

  const m = results.flatMap(({ row, facts }) => facts.mentions.map((f) => ({ row, f })));
  if (m.length) {
    await client.query(
      `INSERT INTO mentions (response_id, workspace_id, brand_id, count, spans, first_offset, rank, list_position, sentiment, sentiment_label, snippet, matched_alias)
       SELECT u.response_id, u.workspace_id, u.brand_id, u.count, u.spans::jsonb, u.first_offset, u.rank, u.list_position, u.sentiment,
              u.sentiment_label::sentiment_label, u.snippet, u.matched_alias
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::int[], $5::text[], $6::int[], $7::int[], $8::int[], $9::float8[], $10::text[], $11::text[], $12::text[])
           AS u(response_id, workspace_id, brand_id, count, spans, first_offset, rank, list_position, sentiment, sentiment_label, snippet, matched_alias)`,
      [
        m.map((x) => x.row.id),
        m.map((x) => x.row.workspace_id),
        m.map((x) => x.f.brandId),
        m.map((x) => x.f.count),
        m.map((x) => JSON.stringify(x.f.spans)),
        m.map((x) => x.f.firstOffset),
        m.map((x) => x.f.rank),
        m.map((x) => x.f.listPosition),
        m.map((x) => x.f.sentiment),
        m.map((x) => x.f.sentimentLabel),
        m.map((x) => x.f.snippet),
        m.map((x) => x.f.matchedAlias),
      ],
    );
  }
  const c = results.flatMap(({ row, facts }) => facts.citations.map((f) => ({ row, f })));
  if (c.length) {
    await client.query(
      `INSERT INTO citations (response_id, workspace_id, position, url, domain, title, source, brand_id)
       SELECT u.response_id, u.workspace_id, u.position, u.url, u.domain, u.title, u.source::citation_source, u.brand_id
         FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::uuid[])
           AS u(response_id, workspace_id, position, url, domain, title, source, brand_id)`,
      [
        c.map((x) => x.row.id),
        c.map((x) => x.row.workspace_id),
        c.map((x) => x.f.position),
        c.map((x) => x.f.url),
        c.map((x) => x.f.domain),
        c.map((x) => x.f.title),
        c.map((x) => x.f.source),
        c.map((x) => x.f.brandId),
      ],
    );
  }
  await client.query('UPDATE responses SET analyzed_at = now(), analysis_version = $2 WHERE id = ANY($1::uuid[])', [ids, ANALYSIS_VERSION]);
}
