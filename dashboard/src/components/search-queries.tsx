/**
 * "Searches the assistants ran" beside a prompt's answers (GET …/reports/search-queries for one
 * prompt, narrowed to the provider or configuration opened): per configuration, how many answers
 * searched the web, and the queries they ran most, each with the share of searching answers that
 * ran it and how often those answers then cited an own brand's domain, with n and the interval.
 * Loaded when first shown (lazy), so the first page stays small.
 */
import { buildUrl } from '../api/client.js';
import type { SearchQueriesReport } from '../api/types.js';
import { formatRate } from '../lib/format.js';
import { useApi } from '../lib/use-api.js';
import { Empty, Show, TableScroll } from './status.js';

export function SearchQueriesPanel({
  base,
  filters,
  promptId,
  narrow,
}: {
  base: string;
  filters: Record<string, unknown>;
  promptId: string;
  narrow: { modelConfigIds: string } | { providers: string };
}) {
  const report = useApi<SearchQueriesReport>(
    buildUrl(`${base}/reports/search-queries`, { ...filters, promptIds: promptId, ...narrow, top: 10 }),
  );
  return (
    <section class="search-queries" aria-labelledby="search-queries-heading" data-testid="search-queries">
      <h3 id="search-queries-heading">Searches the assistants ran</h3>
      <Show value={report} what="the searches">
        {(r) =>
          r.rows.length === 0 ? (
            <Empty>No answer here ran a web search.</Empty>
          ) : (
            r.rows.map((row) => (
              <div key={row.modelConfigId} data-testid={`search-queries-${row.modelConfigId}`}>
                <p class="explain">
                  <strong>{row.modelConfigName ?? row.provider}</strong>: {row.searched.numerator} of {row.n} answers
                  searched the web ({formatRate(row.searched)}); {row.ownCited.numerator} of those cited your domains (
                  {formatRate(row.ownCited)}). {row.distinctQueries} different queries
                  {row.distinctQueries > row.queries.length ? `, the ${row.queries.length} most run shown` : ''}.
                </p>
                <TableScroll label={`Searches by ${row.modelConfigName ?? row.provider}`}>
                  <table class="data">
                    <thead>
                      <tr>
                        <th scope="col">Query</th>
                        <th scope="col">Answers that ran it</th>
                        <th scope="col">Share of searching answers</th>
                        <th scope="col">Cited your domains after it</th>
                      </tr>
                    </thead>
                    <tbody>
                      {row.queries.map((q) => (
                        <tr key={q.query}>
                          <th scope="row">{q.query}</th>
                          <td>
                            {q.answers} of {q.share.denominator}
                          </td>
                          <td>{formatRate(q.share)}</td>
                          <td>
                            {q.ownCited.numerator} of {q.answers}: {formatRate(q.ownCited)}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableScroll>
              </div>
            ))
          )
        }
      </Show>
    </section>
  );
}
