/**
 * Prompts: a prompt × provider (or configuration) grid saying how often the chosen brand is
 * mentioned: the rate first, always with its n ("2 of 84 answers", never a bare 62%), its
 * interval, and a shade that grows with the rate rather than a yes/no. Each cell is a button that lists its answers; an answer
 * opens with its mentions highlighted and its citations listed (components/answer-view.tsx), beside
 * the web searches the assistants ran for that prompt (components/search-queries.tsx).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { type ApiError, apiGet, apiListAll, buildUrl } from '../api/client.js';
import type { Answer, Page, Prompt, VisibilityReport } from '../api/types.js';
import { AnswerView } from '../components/answer-view.js';
import { DownloadCsv } from '../components/csv-download.js';
import { FilterBar, useReportFilters } from '../components/filter-bar.js';
import { lazyPage } from '../components/lazy.js';
import { IntervalBar } from '../components/rate.js';
import { Empty, ErrorMessage, Show, TableScroll } from '../components/status.js';
import { useWorkspace } from '../components/workspace.js';
import { answerVerdict, formatDateTime, formatRate, percent, truncate } from '../lib/format.js';
import { useTableRef } from '../lib/table-ref.js';
import { setParams, type Route } from '../lib/router.js';
import { toApiError, useApi, useApiSession, useLoad } from '../lib/use-api.js';

type Row = VisibilityReport['rows'][number];

/** The searches beside the answers: loaded the first time a cell is opened. */
const SearchQueriesPanel = lazyPage(() => import('../components/search-queries.js').then((m) => m.SearchQueriesPanel));

export function PromptsPage({ route }: { route: Route }) {
  const { base, brands, providers, configs } = useWorkspace();
  const brandId = route.params.get('brand') ?? brands[0]?.id ?? null;
  const brand = brands.find((b) => b.id === brandId);
  const filters = useReportFilters(route);
  const byConfig = route.params.get('cols') === 'config';
  const chosenConfigs = filters.modelConfigIds as string[] | null | undefined;
  const columns: Column[] = byConfig
    ? configs
        .filter(
          (c) =>
            (!chosenConfigs || chosenConfigs.includes(c.id)) &&
            (!filters.providers || c.provider === filters.providers),
        )
        .map((c) => ({ key: c.id, label: c.name, kind: 'config' }))
    : (typeof filters.providers === 'string' ? [filters.providers] : providers).map((p) => ({
        key: p,
        label: p,
        kind: 'provider',
      }));
  const prompts = useLoad((auth, signal) => apiListAll<Prompt>(auth, `${base}/prompts`, {}, signal), [base]);
  const grid = useApi<VisibilityReport>(
    brandId
      ? buildUrl(`${base}/reports/visibility`, {
          ...filters,
          groupBy: byConfig ? 'prompt,config' : 'prompt,provider',
          brandIds: brandId,
        })
      : null,
  );
  const table = useTableRef();
  const openPrompt = route.params.get('prompt');
  const openColumn = columns.find((c) => c.key === route.params.get('via')) ?? null;
  const cellOf = (rows: Row[], promptId: string, column: Column) =>
    rows.find(
      (r) => r.promptId === promptId && (column.kind === 'config' ? r.modelConfigId : r.provider) === column.key,
    );

  if (!brand) return <Empty>This workspace has no brand yet: add brands to see where they are mentioned.</Empty>;
  return (
    <>
      <div class="filters" role="group" aria-label="Brand">
        <label>
          Brand
          <select value={brand.id} onChange={(e) => setParams(route, { brand: e.currentTarget.value, answer: null })}>
            {brands.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
                {b.kind === 'own' ? ' (own)' : ''}
              </option>
            ))}
          </select>
        </label>
        <label>
          Columns
          <select
            value={byConfig ? 'config' : 'provider'}
            onChange={(e) =>
              setParams(route, {
                cols: e.currentTarget.value === 'config' ? 'config' : null,
                prompt: null,
                via: null,
                answer: null,
              })
            }
          >
            <option value="provider">Providers</option>
            <option value="config">Configurations</option>
          </select>
        </label>
      </div>
      <FilterBar route={route} />
      <Show value={prompts} what="prompts">
        {(list) => (
          <Show value={grid} what="the prompt grid">
            {(report) => {
              const shown = list.filter((p) => !p.archived || report.rows.some((r) => r.promptId === p.id));
              if (shown.length === 0) return <Empty>No prompts yet.</Empty>;
              const per = byConfig ? 'configuration' : 'provider';
              return (
                <>
                  <div class="table-tools">
                    <DownloadCsv name={`Prompts by ${per} — ${brand.name}`} tableRef={table} />
                  </div>
                  <TableScroll label={`Prompts × ${per}s: how often is ${brand.name} mentioned?`}>
                    <table class="data grid" ref={table}>
                      <caption>
                        How often is <strong>{brand.name}</strong> mentioned? Per prompt and {per}: the share of
                        analysed answers naming it, how many of how many, and the rate's 95% interval. A rate from few
                        answers is uncertain: read its n. Open a cell to read its answers.
                      </caption>
                      <thead>
                        <tr>
                          <th scope="col">Prompt</th>
                          {columns.map((c) => (
                            <th scope="col" key={c.key}>
                              {c.label}
                            </th>
                          ))}
                        </tr>
                      </thead>
                      <tbody>
                        {shown.map((p) => (
                          <tr key={p.id}>
                            <th scope="row" class="prompt-text">
                              {p.text}
                              <span class="muted prompt-meta">
                                {' '}
                                {p.locale}
                                {p.tags.length ? ` · ${p.tags.join(', ')}` : ''}
                              </span>
                            </th>
                            {columns.map((column) => {
                              const row = cellOf(report.rows, p.id, column);
                              return (
                                <td
                                  key={column.key}
                                  data-csv={
                                    row && row.n + row.failed > 0
                                      ? `${row.mentionRate.numerator} of ${row.n}; ${formatRate(row.mentionRate)}`
                                      : 'no answers'
                                  }
                                >
                                  <Cell
                                    row={row}
                                    open={openPrompt === p.id && openColumn?.key === column.key}
                                    panelShown={!!openPrompt && !!openColumn}
                                    testId={`cell-${p.id}-${column.key}`}
                                    onOpen={() => setParams(route, { prompt: p.id, via: column.key, answer: null })}
                                  />
                                </td>
                              );
                            })}
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </TableScroll>
                </>
              );
            }}
          </Show>
        )}
      </Show>
      {openPrompt && openColumn && (
        <AnswersPanel
          key={`${openPrompt}|${openColumn.key}|${brand.id}`}
          route={route}
          promptId={openPrompt}
          column={openColumn}
          brandId={brand.id}
        />
      )}
    </>
  );
}

interface Column {
  key: string;
  label: string;
  kind: 'provider' | 'config';
}

/** Shade bands of a mention rate: 0, under 25%, under 50%, under 75%, 75% and more. */
function bandOf(value: number): number {
  return value === 0 ? 0 : Math.min(4, 1 + Math.floor(value * 4));
}

function Cell({
  row,
  open,
  panelShown,
  testId,
  onOpen,
}: {
  row: Row | undefined;
  open: boolean;
  /** The answers panel is on the page (aria-controls may only name an element that exists). */
  panelShown: boolean;
  testId: string;
  onOpen(): void;
}) {
  if (!row || (row.n === 0 && row.failed === 0)) return <span class="muted">no answers</span>;
  const k = row.mentionRate.numerator;
  const value = row.mentionRate.value;
  return (
    <button
      type="button"
      class={`cell cell-band-${value === null ? 'none' : bandOf(value)}`}
      aria-pressed={open}
      aria-controls={panelShown ? 'answers-panel' : undefined}
      data-testid={testId}
      onClick={onOpen}
    >
      <span class="cell-figure">
        {value === null ? 'no analysed answer' : percent(value)}
        <span class="cell-count">
          {' '}
          · {k} of {row.n} answers{row.failed ? ` · ${row.failed} failed` : ''}
        </span>
      </span>
      {value !== null && (
        <IntervalBar value={value} low={row.mentionRate.ci95?.low ?? null} high={row.mentionRate.ci95?.high ?? null} />
      )}
      <span class="cell-rate">{formatRate(row.mentionRate)}</span>
      {row.n > 0 && row.n < 10 && <span class="cell-note">few answers: uncertain</span>}
    </button>
  );
}

const PAGE_SIZE = 20;

function AnswersPanel({
  route,
  promptId,
  column,
  brandId,
}: {
  route: Route;
  promptId: string;
  column: Column;
  brandId: string;
}) {
  const narrow = column.kind === 'config' ? { modelConfigIds: column.key } : { providers: column.key };
  const { base, brands } = useWorkspace();
  const session = useApiSession();
  const { providers: _ignored, ...filters } = useReportFilters(route);
  const first = useApi<Page<Answer>>(
    buildUrl(`${base}/answers`, {
      ...filters,
      promptIds: promptId,
      ...narrow,
      includeRaw: true,
      limit: PAGE_SIZE,
    }),
  );
  const [more, setMore] = useState<{ answers: Answer[]; cursor: string | null; error: ApiError | null }>({
    answers: [],
    cursor: null,
    error: null,
  });
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const cursor = more.cursor ?? (first.state === 'ok' && more.answers.length === 0 ? first.data.nextCursor : null);
  async function loadMore() {
    if (!cursor) return;
    try {
      const page = await apiGet<Page<Answer>>(
        session.credentials,
        buildUrl(`${base}/answers`, {
          ...filters,
          promptIds: promptId,
          ...narrow,
          includeRaw: true,
          limit: PAGE_SIZE,
          cursor,
        }),
      );
      setMore((m) => ({ answers: [...m.answers, ...page.data], cursor: page.nextCursor, error: null }));
    } catch (err) {
      setMore((m) => ({ ...m, error: toApiError(err) }));
    }
  }
  const openId = route.params.get('answer');
  const brand = brands.find((b) => b.id === brandId);

  return (
    <section id="answers-panel" class="answers-panel" aria-labelledby="answers-heading">
      <h2 id="answers-heading" ref={heading} tabIndex={-1}>
        Answers from {column.label}
      </h2>
      <SearchQueriesPanel base={base} filters={filters} promptId={promptId} narrow={narrow} />
      <Show value={first} what="answers">
        {(page) => {
          const answers = [...page.data, ...more.answers];
          const open = answers.find((a) => a.id === openId);
          if (answers.length === 0)
            return (
              <Empty>No answers for this prompt and {column.kind === 'config' ? 'configuration' : 'provider'}.</Empty>
            );
          return (
            <div class="answers-layout">
              <div>
                <p class="muted">{truncate(answers[0]?.promptText ?? '', 160)}</p>
                <ul class="answer-list">
                  {answers.map((a) => {
                    return (
                      <li key={a.id}>
                        <button
                          type="button"
                          class="answer-item"
                          aria-pressed={a.id === openId}
                          data-testid={`answer-${a.id}`}
                          onClick={() => setParams(route, { answer: a.id })}
                        >
                          <span>
                            Answer {a.sampleIndex + 1} · {a.modelConfigName}
                          </span>
                          <span class="muted">
                            {formatDateTime(a.runAt)} · {answerVerdict(a, brandId, brand?.name ?? 'the brand')}
                          </span>
                        </button>
                      </li>
                    );
                  })}
                </ul>
                {cursor && (
                  <button type="button" class="secondary" onClick={loadMore}>
                    Load more answers
                  </button>
                )}
                {more.error && <ErrorMessage error={more.error} what="more answers" />}
              </div>
              <div>
                {open ? (
                  <AnswerView answer={open} brands={brands} />
                ) : (
                  <p class="muted">Choose an answer to read it.</p>
                )}
              </div>
            </div>
          );
        }}
      </Show>
    </section>
  );
}
