/**
 * Not tracked yet: names and domains the assistants bring up often that no tracked brand covers
 * (GET …/reports/untracked), each with a one-click "Track as competitor" (POST …/brands). What
 * the API stored is shown back — the brand's name, aliases and domains as saved — and the
 * workspace's brands are read again, so every report counts the new competitor from its next
 * analysis (a re-analysis counts it in the answers already stored).
 */
import { useState } from 'preact/hooks';
import { buildUrl } from '../api/client.js';
import type { Brand, UntrackedReport } from '../api/types.js';
import { DownloadCsv } from '../components/csv-download.js';
import { Empty, ErrorMessage, Show, TableScroll } from '../components/status.js';
import { useWorkspace } from '../components/workspace.js';
import { useAbilities } from '../lib/abilities.js';
import { percent } from '../lib/format.js';
import { hrefOf, setParams, type Route } from '../lib/router.js';
import { useTableRef } from '../lib/table-ref.js';
import { useAction, useApi, useSend } from '../lib/use-api.js';

const PERIODS: Array<[string, string]> = [
  ['', 'All time'],
  ['30', 'Last 30 days'],
  ['90', 'Last 90 days'],
];
const DAY_MS = 86_400_000;

export function UntrackedPage({ route }: { route: Route }) {
  const { base, workspace, reload } = useWorkspace();
  const { canEdit } = useAbilities();
  const send = useSend();
  const action = useAction();
  const [refresh, setRefresh] = useState(0);
  const [tracked, setTracked] = useState<Brand | null>(null);
  const days = Number(route.params.get('days'));
  const from = days > 0 ? new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS - (days - 1) * DAY_MS).toISOString() : null;
  const report = useApi<UntrackedReport>(buildUrl(`${base}/reports/untracked`, { from, limit: 20 }), refresh);
  const names = useTableRef();
  const domains = useTableRef();

  async function track(body: { name: string; domains?: string[] }) {
    setTracked(null);
    await action.run(async () => {
      const brand = await send<Brand>('POST', `${base}/brands`, { ...body, kind: 'competitor' });
      setTracked(brand);
      reload?.();
      setRefresh((n) => n + 1);
      return null;
    });
  }

  const button = (label: string, body: { name: string; domains?: string[] }) =>
    canEdit ? (
      <button type="button" class="secondary" disabled={action.busy} onClick={() => track(body)}>
        Track as competitor<span class="visually-hidden"> {label}</span>
      </button>
    ) : null;

  return (
    <>
      <div class="filters" role="group" aria-label="Filters">
        <label>
          Period
          <select
            value={route.params.get('days') ?? ''}
            onChange={(e) => setParams(route, { days: e.currentTarget.value })}
          >
            {PERIODS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div aria-live="polite">
        {tracked && (
          <div class="done" role="status" data-testid="tracked">
            <p>
              Now tracking <strong>{tracked.name}</strong> as a competitor
              {tracked.domains.length
                ? `, with the domain${tracked.domains.length > 1 ? 's' : ''} ${tracked.domains.join(', ')}`
                : ''}
              {tracked.aliases.length ? `, also known as ${tracked.aliases.join(', ')}` : ''}.
            </p>
            <p>
              New runs count it. To count it in the answers already stored, start a{' '}
              <a href={hrefOf(workspace.id, 'reanalyses')}>re-analysis</a>.
            </p>
          </div>
        )}
        {action.error && <ErrorMessage error={action.error} what="the competitor" verb="add" />}
      </div>
      <Show value={report} what="untracked names and domains">
        {(r) =>
          r.n === 0 ? (
            <Empty>No answers in this period yet.</Empty>
          ) : (
            <>
              <p class="explain" data-testid="untracked-n">
                From the latest {r.n} answers: what they name or cite that no tracked brand covers, most frequent first.
              </p>
              <section aria-labelledby="names-heading">
                <h2 id="names-heading">Names</h2>
                {r.names.length === 0 ? (
                  <Empty>Every name the answers bring up often is tracked.</Empty>
                ) : (
                  <>
                    <div class="table-tools">
                      <DownloadCsv name="Untracked names" tableRef={names} />
                    </div>
                    <TableScroll label="Untracked names">
                      <table class="data" ref={names}>
                        <thead>
                          <tr>
                            <th scope="col">Name</th>
                            <th scope="col">Answers naming it</th>
                            <th scope="col">Share of answers</th>
                            {canEdit && (
                              <th scope="col" data-csv-skip>
                                Track
                              </th>
                            )}
                          </tr>
                        </thead>
                        <tbody>
                          {r.names.map((n) => (
                            <tr key={n.name} data-testid={`untracked-name-${n.name}`}>
                              <th scope="row">{n.name}</th>
                              <td>{n.answers}</td>
                              <td>{percent(n.share)}</td>
                              {canEdit && <td>{button(n.name, { name: n.name })}</td>}
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </TableScroll>
                  </>
                )}
              </section>
              <section aria-labelledby="domains-heading">
                <h2 id="domains-heading">Cited domains</h2>
                {r.domains.length === 0 ? (
                  <Empty>Every domain the answers cite often belongs to a tracked brand.</Empty>
                ) : (
                  <>
                    <div class="table-tools">
                      <DownloadCsv name="Untracked domains" tableRef={domains} />
                    </div>
                    <TableScroll label="Untracked domains">
                      <table class="data" ref={domains}>
                        <thead>
                          <tr>
                            <th scope="col">Domain</th>
                            <th scope="col">Citations</th>
                            <th scope="col">Answers citing it</th>
                            {canEdit && (
                              <th scope="col" data-csv-skip>
                                Track
                              </th>
                            )}
                          </tr>
                        </thead>
                        <tbody>
                          {r.domains.map((d) => (
                            <tr key={d.domain} data-testid={`untracked-domain-${d.domain}`}>
                              <th scope="row">{d.domain}</th>
                              <td>{d.citations}</td>
                              <td>{d.answers}</td>
                              {canEdit && <td>{button(d.domain, { name: d.domain, domains: [d.domain] })}</td>}
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </TableScroll>
                  </>
                )}
              </section>
            </>
          )
        }
      </Show>
    </>
  );
}
