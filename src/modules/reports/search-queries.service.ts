/**
 * Search fan-out: the web searches assistants ran before answering (responses.search_queries, as
 * each provider reports them), per prompt × provider × configuration. Queries are grouped
 * normalised (trimmed, case-folded, whitespace collapsed); an answer running the same query twice
 * counts once. For each query: the answers that ran it, their share of the row's answers that ran
 * any search, and how many of them cited an own brand's domain (a cited, not merely retrieved,
 * source owned by a brand of kind own). Read from the answer tables: no rollup keeps queries.
 */
import type { Readable } from 'node:stream';
import { proportionOf } from './brand-rows.js';
import { streamRows } from './csv.js';
import { ownBrandsOf } from './reports.repo.js';
import { envelope, filtersOf, openReport, type ReportsDeps } from './reports.service.js';
import type { SearchQueriesQuery, SearchQueriesReport, SearchQueriesRow } from './search-queries.schemas.js';
import { searchQueryRows } from './search-queries.sql.js';

export async function searchQueries(
  deps: ReportsDeps,
  orgId: string,
  workspaceId: string,
  q: SearchQueriesQuery,
): Promise<SearchQueriesReport> {
  const report = await openReport(deps, orgId, workspaceId, filtersOf(q), { mode: 'raw' });
  const { pool } = deps.db;
  const [found, own] = await Promise.all([
    searchQueryRows(pool, report.context(), q.limit, q.top),
    ownBrandsOf(pool, workspaceId),
  ]);
  const rows: SearchQueriesRow[] = [];
  let last: SearchQueriesRow | undefined;
  for (const r of found) {
    if (
      !last ||
      last.promptId !== r.prompt_id ||
      last.provider !== r.provider ||
      last.modelConfigId !== r.model_config_id
    ) {
      last = {
        promptId: r.prompt_id,
        promptText: r.prompt_text,
        provider: r.provider,
        modelConfigId: r.model_config_id,
        modelConfigName: r.model_config_name,
        n: r.n,
        searched: proportionOf(r.searched, r.n),
        ownCited: proportionOf(r.searched_own, r.searched),
        distinctQueries: r.distinct_queries,
        queries: [],
      };
      rows.push(last);
    }
    if (r.query === null || r.rank === null || r.answers === null || r.own_cited === null) continue;
    last.queries.push({
      rank: r.rank,
      query: r.query,
      answers: r.answers,
      share: proportionOf(r.answers, r.searched),
      ownCited: proportionOf(r.own_cited, r.answers),
    });
  }
  const { definitionVersion, timezone, filters } = envelope(report);
  return {
    definitionVersion,
    timezone,
    filters,
    top: q.top,
    ownBrands: own.map((b) => ({ brandId: b.id, brandName: b.name, brandKind: 'own' as const })),
    rows,
  };
}

export const SEARCH_QUERIES_CSV_COLUMNS = [
  'definitionVersion',
  'promptId',
  'promptText',
  'provider',
  'modelConfigId',
  'modelConfigName',
  'n',
  'searched.numerator',
  'searched.denominator',
  'searched.n',
  'searched.value',
  'searched.ci95.low',
  'searched.ci95.high',
  'ownCited.numerator',
  'ownCited.denominator',
  'ownCited.n',
  'ownCited.value',
  'ownCited.ci95.low',
  'ownCited.ci95.high',
  'distinctQueries',
  'query.rank',
  'query.query',
  'query.answers',
  'query.share.numerator',
  'query.share.denominator',
  'query.share.n',
  'query.share.value',
  'query.share.ci95.low',
  'query.share.ci95.high',
  'query.ownCited.numerator',
  'query.ownCited.denominator',
  'query.ownCited.n',
  'query.ownCited.value',
  'query.ownCited.ci95.low',
  'query.ownCited.ci95.high',
];

/** CSV: one line per query of each row, the row's figures repeated on each. */
export function searchQueriesCsv(r: SearchQueriesReport): Readable {
  const lines = r.rows.flatMap(({ queries, ...row }) =>
    queries.map((query) => ({ definitionVersion: r.definitionVersion, ...row, query })),
  );
  return streamRows(lines, 'csv', SEARCH_QUERIES_CSV_COLUMNS);
}
