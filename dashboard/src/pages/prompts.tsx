/**
 * Prompts: a prompt × provider grid saying whether the chosen brand is mentioned (in how many
 * answers, with the rate's interval). Each cell is a button that lists its answers; an answer
 * opens with its mentions highlighted and its citations listed (components/answer-view.tsx).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { type ApiError, apiGet, apiListAll, buildUrl } from '../api/client.js';
import type { Answer, Page, Prompt, VisibilityReport } from '../api/types.js';
import { AnswerView } from '../components/answer-view.js';
import { FilterBar, useReportFilters } from '../components/filter-bar.js';
import { Empty, ErrorMessage, Show, TableScroll } from '../components/status.js';
import { useWorkspace } from '../components/workspace.js';
import { answerVerdict, formatDateTime, formatRate, truncate } from '../lib/format.js';
import { setParams, type Route } from '../lib/router.js';
import { toApiError, useApi, useApiSession, useLoad } from '../lib/use-api.js';

type Row = VisibilityReport['rows'][number];

export function PromptsPage({ route }: { route: Route }) {
  const { base, brands, providers } = useWorkspace();
  const brandId = route.params.get('brand') ?? brands[0]?.id ?? null;
  const brand = brands.find((b) => b.id === brandId);
  const filters = useReportFilters(route);
  const columns = typeof filters.providers === 'string' ? [filters.providers] : providers;
  const prompts = useLoad((auth, signal) => apiListAll<Prompt>(auth, `${base}/prompts`, {}, signal), [base]);
  const grid = useApi<VisibilityReport>(
    brandId
      ? buildUrl(`${base}/reports/visibility`, { ...filters, groupBy: 'prompt,provider', brandIds: brandId })
      : null,
  );
  const openPrompt = route.params.get('prompt');
  const openProvider = route.params.get('via');

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
      </div>
      <FilterBar route={route} />
      <Show value={prompts} what="prompts">
        {(list) => (
          <Show value={grid} what="the prompt grid">
            {(report) => {
              const shown = list.filter((p) => !p.archived || report.rows.some((r) => r.promptId === p.id));
              if (shown.length === 0) return <Empty>No prompts yet.</Empty>;
              return (
                <TableScroll label={`Prompts × providers: is ${brand.name} mentioned?`}>
                  <table class="data grid">
                    <caption>
                      Is <strong>{brand.name}</strong> mentioned? Per prompt and provider: answers naming it of the
                      analysed answers, with the rate's 95% interval. Open a cell to read its answers.
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col">Prompt</th>
                        {columns.map((p) => (
                          <th scope="col" key={p}>
                            {p}
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
                          {columns.map((provider) => (
                            <td key={provider}>
                              <Cell
                                row={report.rows.find((r) => r.promptId === p.id && r.provider === provider)}
                                open={openPrompt === p.id && openProvider === provider}
                                testId={`cell-${p.id}-${provider}`}
                                onOpen={() => setParams(route, { prompt: p.id, via: provider, answer: null })}
                              />
                            </td>
                          ))}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableScroll>
              );
            }}
          </Show>
        )}
      </Show>
      {openPrompt && openProvider && (
        <AnswersPanel
          key={`${openPrompt}|${openProvider}|${brand.id}`}
          route={route}
          promptId={openPrompt}
          provider={openProvider}
          brandId={brand.id}
        />
      )}
    </>
  );
}

function Cell({ row, open, testId, onOpen }: { row: Row | undefined; open: boolean; testId: string; onOpen(): void }) {
  if (!row || (row.n === 0 && row.failed === 0)) return <span class="muted">no answers</span>;
  const k = row.mentionRate.numerator;
  return (
    <button
      type="button"
      class={`cell ${k > 0 ? 'cell-yes' : 'cell-no'}`}
      aria-pressed={open}
      aria-controls="answers-panel"
      data-testid={testId}
      onClick={onOpen}
    >
      <span class="cell-verdict">
        <span aria-hidden="true">{k > 0 ? '✓ ' : '✗ '}</span>
        {k > 0 ? 'Mentioned' : 'Not mentioned'}
      </span>
      <span class="cell-count">
        {k} of {row.n} answers{row.failed ? ` · ${row.failed} failed` : ''}
      </span>
      <span class="cell-rate">{formatRate(row.mentionRate)}</span>
    </button>
  );
}

const PAGE_SIZE = 20;

function AnswersPanel({
  route,
  promptId,
  provider,
  brandId,
}: {
  route: Route;
  promptId: string;
  provider: string;
  brandId: string;
}) {
  const { base, brands } = useWorkspace();
  const session = useApiSession();
  const { providers: _ignored, ...filters } = useReportFilters(route);
  const first = useApi<Page<Answer>>(
    buildUrl(`${base}/answers`, {
      ...filters,
      promptIds: promptId,
      providers: provider,
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
          providers: provider,
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
        Answers from {provider}
      </h2>
      <Show value={first} what="answers">
        {(page) => {
          const answers = [...page.data, ...more.answers];
          const open = answers.find((a) => a.id === openId);
          if (answers.length === 0) return <Empty>No answers for this prompt and provider.</Empty>;
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
