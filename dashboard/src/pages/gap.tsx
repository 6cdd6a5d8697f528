/**
 * Competitor gap: the prompts where assistants name a competitor and none of the workspace's own
 * brands, largest gap first (GET …/reports/competitor-gap), each with its latest such answers.
 * An example opens in the answer view, with every mention highlighted, so the reader sees what
 * the assistant said instead of naming the own brand.
 */
import { buildUrl } from '../api/client.js';
import type { Answer, CompetitorGapReport, Page } from '../api/types.js';
import { AnswerView } from '../components/answer-view.js';
import { DownloadCsv } from '../components/csv-download.js';
import { FilterBar, useReportFilters } from '../components/filter-bar.js';
import { Rate } from '../components/rate.js';
import { Empty, Show, TableScroll } from '../components/status.js';
import { useWorkspace } from '../components/workspace.js';
import { formatDateTime, formatRate, truncate } from '../lib/format.js';
import { setParams, type Route } from '../lib/router.js';
import { useTableRef } from '../lib/table-ref.js';
import { useApi } from '../lib/use-api.js';

type GapRow = CompetitorGapReport['rows'][number];
type GapExample = GapRow['examples'][number];
const LIMIT = 50;

export function GapPage({ route }: { route: Route }) {
  const { base, configs } = useWorkspace();
  const filters = useReportFilters(route);
  const asked = route.params.get('split');
  const split = asked === 'provider' || asked === 'config' ? asked : 'prompt';
  const report = useApi<CompetitorGapReport>(
    buildUrl(`${base}/reports/competitor-gap`, {
      ...filters,
      groupBy: split === 'prompt' ? 'prompt' : `prompt,${split}`,
      limit: LIMIT,
      examples: 3,
    }),
  );
  const table = useTableRef();
  const openId = route.params.get('example');
  const configName = (id: string) => configs.find((c) => c.id === id)?.name ?? 'a configuration';

  return (
    <>
      <FilterBar route={route} />
      <div class="filters" role="group" aria-label="Rows">
        <label>
          One row per
          <select
            value={split}
            onChange={(e) =>
              setParams(route, {
                split: e.currentTarget.value === 'prompt' ? null : e.currentTarget.value,
                example: null,
              })
            }
          >
            <option value="prompt">Prompt and competitor</option>
            <option value="provider">Prompt, competitor and provider</option>
            <option value="config">Prompt, competitor and configuration</option>
          </select>
        </label>
      </div>
      <Show value={report} what="the competitor gap">
        {(r) => {
          const own = r.ownBrands.map((b) => b.brandName).join(', ');
          if (r.ownBrands.length === 0)
            return <Empty>No brand of this workspace is marked as your own: the gap is measured against it.</Empty>;
          if (r.rows.length === 0)
            return (
              <Empty>No gap: in the answers matching these filters, no competitor is named where {own} is not.</Empty>
            );
          const open = openId ? findExample(r.rows, openId) : null;
          return (
            <>
              <p class="explain">
                Prompts where an assistant names a competitor and not {own}: the gap is the share of the prompt's
                analysed answers that do so, with its 95% interval and n. Largest gap first
                {r.rows.length === LIMIT ? ` (the first ${LIMIT})` : ''}. Open an example to read the answer.
              </p>
              <div class="table-tools">
                <DownloadCsv name="Competitor gap" tableRef={table} />
              </div>
              <TableScroll label="Competitor gap">
                <table class="data" ref={table}>
                  <thead>
                    <tr>
                      <th scope="col">Prompt</th>
                      <th scope="col">Competitor</th>
                      {split === 'provider' && <th scope="col">Provider</th>}
                      {split === 'config' && <th scope="col">Configuration</th>}
                      <th scope="col">Gap: named without {own}</th>
                      <th scope="col">Competitor named</th>
                      <th scope="col">Example answers</th>
                    </tr>
                  </thead>
                  <tbody>
                    {r.rows.map((row) => {
                      const key = `${row.promptId}-${row.competitor.brandId}${row.provider ? `-${row.provider}` : ''}${row.modelConfigId ? `-${row.modelConfigId}` : ''}`;
                      return (
                        <tr key={key} data-testid={`gap-${key}`}>
                          <th scope="row" class="prompt-text">
                            {row.promptText}
                          </th>
                          <td>{row.competitor.brandName}</td>
                          {split === 'provider' && <td>{row.provider}</td>}
                          {split === 'config' && <td>{row.modelConfigName}</td>}
                          <td data-csv={formatRate(row.gap)}>
                            <Rate value={row.gap} testId={`gap-rate-${key}`} />
                            <span class="muted gap-count" data-testid={`gap-count-${key}`}>
                              {row.gap.numerator} of {row.n} answers
                            </span>
                          </td>
                          <td>
                            <Rate value={row.competitorMentioned} bar={false} testId={`gap-named-${key}`} />
                          </td>
                          <td data-csv={row.examples.map((e) => e.responseId).join(' ')}>
                            <ul class="example-list">
                              {row.examples.map((e, i) => (
                                <li key={e.responseId}>
                                  <button
                                    type="button"
                                    class="link-button"
                                    aria-pressed={e.responseId === openId}
                                    aria-controls="gap-answer"
                                    data-testid={`gap-example-${e.responseId}`}
                                    onClick={() => setParams(route, { example: e.responseId })}
                                  >
                                    Example {i + 1}: {e.provider}, {configName(e.modelConfigId)}
                                  </button>
                                  <span class="muted snippet">“{truncate(e.snippet, 140)}”</span>
                                </li>
                              ))}
                            </ul>
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </TableScroll>
              <section id="gap-answer" aria-label="Example answer">
                {openId &&
                  (open ? (
                    <ExampleAnswer key={openId} row={open.row} example={open.example} ownIds={r.ownBrands} />
                  ) : (
                    <p class="muted">This example is not among the rows shown with these filters.</p>
                  ))}
              </section>
            </>
          );
        }}
      </Show>
    </>
  );
}

function findExample(rows: GapRow[], responseId: string): { row: GapRow; example: GapExample } | null {
  for (const row of rows) {
    const example = row.examples.find((e) => e.responseId === responseId);
    if (example) return { row, example };
  }
  return null;
}

/**
 * One example answer, read through GET …/answers narrowed to its run, prompt and configuration
 * (and to answers naming the competitor and no own brand): a handful of answers, among which it is.
 */
function ExampleAnswer({
  row,
  example,
  ownIds,
}: {
  row: GapRow;
  example: GapExample;
  ownIds: CompetitorGapReport['ownBrands'];
}) {
  const { base, brands } = useWorkspace();
  const answers = useApi<Page<Answer>>(
    buildUrl(`${base}/answers`, {
      runId: example.runId,
      promptIds: row.promptId,
      modelConfigIds: example.modelConfigId,
      mentioning: row.competitor.brandId,
      notMentioning: ownIds.map((b) => b.brandId),
      includeRaw: true,
      limit: 200,
    }),
  );
  return (
    <Show value={answers} what="the example answer">
      {(page) => {
        const answer = page.data.find((a) => a.id === example.responseId);
        if (!answer) return <Empty>This answer is no longer available.</Empty>;
        return (
          <>
            <p class="muted">
              Answered {formatDateTime(example.completedAt)}; it names {row.competitor.brandName} and none of your own
              brands.
            </p>
            <AnswerView answer={answer} brands={brands} />
          </>
        );
      }}
    </Show>
  );
}
