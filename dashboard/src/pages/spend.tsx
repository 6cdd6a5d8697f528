/**
 * Spend: what a month's answers cost (GET …/reports/spend), in total, per provider and per
 * configuration, and where each audit stands against its monthly budget. The month is read in
 * the workspace's time zone; audit budgets count calendar months in UTC, as the budget check does.
 */
import type { JSX } from 'preact';
import { buildUrl } from '../api/client.js';
import type { SpendReport } from '../api/types.js';
import { DownloadCsv } from '../components/csv-download.js';
import { Empty, Show, TableScroll } from '../components/status.js';
import { useWorkspace } from '../components/workspace.js';
import { formatUsd, percent } from '../lib/format.js';
import { setParams, type Route } from '../lib/router.js';
import { useTableRef } from '../lib/table-ref.js';
import { useApi } from '../lib/use-api.js';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export function SpendPage({ route }: { route: Route }) {
  const { base } = useWorkspace();
  const asked = route.params.get('month');
  const month = asked && MONTH.test(asked) ? asked : null;
  const report = useApi<SpendReport>(buildUrl(`${base}/reports/spend`, { month }));
  return (
    <>
      <div class="filters" role="group" aria-label="Month">
        <label>
          Month
          <input
            type="month"
            value={month ?? (report.state === 'ok' ? report.data.month : '')}
            onChange={(e) => setParams(route, { month: e.currentTarget.value || null })}
          />
        </label>
      </div>
      <Show value={report} what="spend">
        {(r) => (
          <>
            <div class="cards">
              <div class="card">
                <h2 class="card-title">Spent in {r.month}</h2>
                <p class="card-figure" data-testid="spend-total">
                  {formatUsd(r.totalUsd)}
                </p>
                <p class="muted">Answers of the runs created in the month ({r.timezone}), month to date.</p>
              </div>
            </div>
            <Budgets report={r} />
            <SpendTable
              title="By provider"
              rows={r.byProvider.map((p) => ({ key: p.provider, name: p.provider, usd: p.usd, answers: p.answers }))}
              total={r.totalUsd}
              testId="spend-provider"
            />
            <SpendTable
              title="By configuration"
              rows={r.byModelConfig.map((c) => ({
                key: c.modelConfigId,
                name: c.name ?? 'A deleted configuration',
                detail: c.provider,
                usd: c.usd,
                answers: c.answers,
              }))}
              total={r.totalUsd}
              testId="spend-config"
            />
          </>
        )}
      </Show>
    </>
  );
}

function Budgets({ report }: { report: SpendReport }) {
  const table = useTableRef();
  return (
    <section aria-labelledby="budgets-heading">
      <h2 id="budgets-heading">Audits against their monthly budget</h2>
      <p class="explain">
        Budgets are per calendar month in UTC; an unfinished run counts at its estimate until it costs more. A run that
        would exceed its audit's budget is refused before it starts.
      </p>
      {report.audits.length === 0 ? (
        <Empty>No audit yet.</Empty>
      ) : (
        <>
          <div class="table-tools">
            <DownloadCsv name={`Audit budgets ${report.month}`} tableRef={table} />
          </div>
          <TableScroll label="Audits against their monthly budget">
            <table class="data" ref={table}>
              <thead>
                <tr>
                  <th scope="col">Audit</th>
                  <th scope="col">Spent this month</th>
                  <th scope="col">Budget per month</th>
                  <th scope="col">Remaining</th>
                  <th scope="col">Used</th>
                </tr>
              </thead>
              <tbody>
                {report.audits.map((a) => {
                  const used = a.budgetPerMonthUsd ? a.spentUsd / a.budgetPerMonthUsd : null;
                  return (
                    <tr key={a.auditId} class={used !== null && used >= 1 ? 'over-budget' : undefined}>
                      <th scope="row">{a.name}</th>
                      <td data-testid={`budget-spent-${a.auditId}`}>{formatUsd(a.spentUsd)}</td>
                      <td>{a.budgetPerMonthUsd === null ? 'No budget' : formatUsd(a.budgetPerMonthUsd)}</td>
                      <td data-testid={`budget-remaining-${a.auditId}`}>
                        {a.remainingUsd === null ? '—' : formatUsd(a.remainingUsd)}
                      </td>
                      <td data-csv={used === null ? '' : percent(used)}>
                        {used === null ? (
                          <span class="muted">—</span>
                        ) : (
                          <UsedBar used={used} label={`${percent(used)} of the budget`} />
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </section>
  );
}

function UsedBar({ used, label }: { used: number; label: string }): JSX.Element {
  return (
    <span class="used">
      <meter min={0} max={1} low={0.75} high={0.95} optimum={0} value={Math.min(used, 1)} aria-label={label} />
      <span>{label}</span>
    </span>
  );
}

function SpendTable({
  title,
  rows,
  total,
  testId,
}: {
  title: string;
  rows: Array<{ key: string; name: string; detail?: string; usd: number; answers: number }>;
  total: number;
  testId: string;
}) {
  const table = useTableRef();
  const id = `${testId}-heading`;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {rows.length === 0 ? (
        <Empty>Nothing spent this month.</Empty>
      ) : (
        <>
          <div class="table-tools">
            <DownloadCsv name={`Spend ${title.toLowerCase()}`} tableRef={table} />
          </div>
          <TableScroll label={`Spend ${title.toLowerCase()}`}>
            <table class="data" ref={table}>
              <thead>
                <tr>
                  <th scope="col">{title === 'By provider' ? 'Provider' : 'Configuration'}</th>
                  <th scope="col">Spent</th>
                  <th scope="col">Share of the month</th>
                  <th scope="col">Answers</th>
                  <th scope="col">Per answer</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.key}>
                    <th scope="row">
                      {r.name}
                      {r.detail && <span class="muted prompt-meta">{r.detail}</span>}
                    </th>
                    <td data-testid={`${testId}-usd-${r.key}`}>{formatUsd(r.usd)}</td>
                    <td>{total > 0 ? percent(r.usd / total) : '—'}</td>
                    <td data-testid={`${testId}-answers-${r.key}`}>{r.answers}</td>
                    <td>{r.answers > 0 ? formatUsd(r.usd / r.answers) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </section>
  );
}
