/**
 * Runs: every execution of an audit, newest first, with its status, a progress bar while it is
 * collecting answers, its cost (estimated before it started, actual so far), and, for audits with
 * a stance judge, how often the judge agreed with the rule-based labels (so a drop stands out
 * from one run to the next), and, for adaptive runs, the precision each prompt × configuration
 * reached and the answers saved against the fixed design. While a run is in progress the list refreshes itself every few seconds.
 */
import { useEffect, useState } from 'preact/hooks';
import { type ApiError, apiGet, buildUrl } from '../api/client.js';
import type { Page, Run, RunPrecision, StanceAgreement } from '../api/types.js';
import { DownloadCsv } from '../components/csv-download.js';
import { Empty, ErrorMessage, Show, TableScroll } from '../components/status.js';
import { useTableRef } from '../lib/table-ref.js';
import { useWorkspace } from '../components/workspace.js';
import { formatDateTime, formatDuration, formatUsd, shortId } from '../lib/format.js';
import { hrefOf } from '../lib/router.js';
import { toApiError, useApi, useApiSession } from '../lib/use-api.js';
import { useAbilities } from '../lib/abilities.js';
import { RunControls } from './manage/routes.js';

const PAGE_SIZE = 20;
const REFRESH_MS = 5_000;
const STATUS_LABELS: Record<Run['status'], string> = {
  queued: 'Queued',
  running: 'Running',
  completed: 'Completed',
  completed_with_errors: 'Completed with errors',
  failed: 'Failed',
  cancelled: 'Cancelled',
};
const inProgress = (r: Run) => r.status === 'queued' || r.status === 'running';

export function RunsPage() {
  const { base, workspace } = useWorkspace();
  const session = useApiSession();
  // Starting and cancelling runs (loaded when first shown) is for those who may.
  const abilities = useAbilities();
  const [refresh, setRefresh] = useState(0);
  const table = useTableRef();
  const first = useApi<Page<Run>>(buildUrl(`${base}/runs`, { limit: PAGE_SIZE }), refresh);
  const [older, setOlder] = useState<{ runs: Run[]; cursor: string | null; error: ApiError | null }>({
    runs: [],
    cursor: null,
    error: null,
  });

  const live = first.state === 'ok' && first.data.data.some(inProgress);
  useEffect(() => {
    if (!live) return;
    const timer = setTimeout(() => setRefresh((n) => n + 1), REFRESH_MS);
    return () => clearTimeout(timer);
  }, [live, first]);

  const cursor = older.cursor ?? (first.state === 'ok' && older.runs.length === 0 ? first.data.nextCursor : null);
  async function loadOlder() {
    if (!cursor) return;
    try {
      const page = await apiGet<Page<Run>>(session.credentials, buildUrl(`${base}/runs`, { limit: PAGE_SIZE, cursor }));
      setOlder((o) => ({ runs: [...o.runs, ...page.data], cursor: page.nextCursor, error: null }));
    } catch (err) {
      setOlder((o) => ({ ...o, error: toApiError(err) }));
    }
  }

  return (
    <>
      {abilities.canEdit && (
        <RunControls
          inProgress={first.state === 'ok' ? first.data.data.filter(inProgress) : []}
          onChanged={() => setRefresh((n) => n + 1)}
        />
      )}
      <Show value={first} what="runs">
        {(page) => {
          // A run started since the first page was read shifts pages: keep each run once.
          const seen = new Set<string>();
          const runs = [...page.data, ...older.runs].filter((r) => !seen.has(r.id) && seen.add(r.id));
          if (runs.length === 0)
            return <Empty>No run yet. Start one from an audit: POST {base}/runs, or `citewatch runs start`.</Empty>;
          return (
            <>
              {live && (
                <p class="muted" role="status">
                  A run is in progress; this list refreshes every {REFRESH_MS / 1000} seconds.
                </p>
              )}
              <div class="table-tools">
                <DownloadCsv name="Runs" tableRef={table} />
              </div>
              <TableScroll label="Runs">
                <table class="data runs" ref={table}>
                  <thead>
                    <tr>
                      <th scope="col">Started</th>
                      <th scope="col">Status</th>
                      <th scope="col">Progress</th>
                      <th scope="col">Cost</th>
                      <th scope="col">Duration</th>
                      <th scope="col">Precision</th>
                      <th scope="col">Stance judge</th>
                      <th scope="col">Results</th>
                    </tr>
                  </thead>
                  <tbody>
                    {runs.map((r) => (
                      <tr key={r.id} data-testid={`run-${r.id}`}>
                        <th scope="row">
                          {formatDateTime(r.createdAt)}
                          <span class="muted run-meta">
                            {' '}
                            {r.trigger} · <code title={r.id}>{shortId(r.id)}</code>
                          </span>
                        </th>
                        <td>
                          <span class={`status status-${r.status}`} data-testid={`run-status-${r.id}`}>
                            {STATUS_LABELS[r.status]}
                          </span>
                          {r.error && <span class="run-error">{r.error}</span>}
                        </td>
                        <td>
                          <Progress run={r} />
                        </td>
                        <td data-testid={`run-cost-${r.id}`}>
                          {formatUsd(r.actualCostUsd)}{' '}
                          <span class="muted">of {formatUsd(r.estimatedCostUsd)} estimated</span>
                          {r.budgetUsd !== null && <span class="muted"> · budget {formatUsd(r.budgetUsd)}</span>}
                        </td>
                        <td>{formatDuration(r.startedAt ?? r.createdAt, r.finishedAt)}</td>
                        <td data-testid={`run-precision-${r.id}`}>
                          {r.sampling.mode === 'adaptive' ? (
                            <Precision base={base} run={r} />
                          ) : (
                            <span class="muted">{r.samplesPerPair} per pair (fixed)</span>
                          )}
                        </td>
                        <td data-testid={`run-judge-${r.id}`}>
                          {r.auditId ? <JudgeAgreement base={base} run={r} /> : <span class="muted">no judge</span>}
                        </td>
                        <td>
                          <a href={hrefOf(workspace.id, 'overview', { run: r.id })}>Overview of this run</a>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
              {cursor && (
                <button type="button" class="secondary" onClick={loadOlder}>
                  Load older runs
                </button>
              )}
              {older.error && <ErrorMessage error={older.error} what="older runs" />}
            </>
          );
        }}
      </Show>
    </>
  );
}

function Progress({ run }: { run: Run }) {
  const p = run.progress;
  const answered = p.succeeded + p.failed + p.cancelled;
  const pct = p.total > 0 ? Math.round((answered / p.total) * 100) : 0;
  const detail = `${p.succeeded} succeeded, ${p.failed} failed${p.cancelled ? `, ${p.cancelled} cancelled` : ''}, ${p.analyzed} analysed`;
  if (!inProgress(run)) {
    return (
      <span data-testid={`run-progress-${run.id}`}>
        {answered} of {p.total} answers <span class="muted">({detail})</span>
      </span>
    );
  }
  const labelId = `progress-label-${run.id}`;
  return (
    <div class="progress">
      <progress max={p.total} value={answered} aria-labelledby={labelId} data-testid={`run-progressbar-${run.id}`} />
      <span id={labelId} data-testid={`run-progress-${run.id}`}>
        {answered} of {p.total} answers ({pct}%)
      </span>
      <span class="muted"> {detail}</span>
    </div>
  );
}

/**
 * The judge's agreement with the rule-based stance labels in a run: the rate with its 95%
 * interval and kappa, out of how many brand labels, and the labels it failed or was refused.
 */
function JudgeAgreement({ base, run }: { base: string; run: Run }) {
  const agreement = useApi<StanceAgreement>(`${base}/runs/${run.id}/stance-agreement`, run.progress.analyzed);
  if (agreement.state === 'loading') return <span class="muted">…</span>;
  if (agreement.state === 'error') return <span class="muted">not available</span>;
  const a = agreement.data;
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  if (a.judged + a.failed + a.refused === 0) return <span class="muted">no judge</span>;
  return (
    <span>
      {a.agreementRate === null || a.interval === null ? (
        'no label yet'
      ) : (
        <>
          {pct(a.agreementRate)} agree{' '}
          <span class="muted">
            ({pct(a.interval.low)}–{pct(a.interval.high)}, {a.agreed} of {a.judged}
            {a.kappa === null ? '' : `, κ ${a.kappa.toFixed(2)}`})
          </span>
        </>
      )}
      {a.failed > 0 && <span class="run-error"> {a.failed} failed</span>}
      {a.refused > 0 && <span class="run-error"> {a.refused} over budget</span>}
    </span>
  );
}

const STOP_LABELS: Record<string, string> = {
  precision: 'precise enough',
  max_samples: 'reached the maximum',
  budget: 'run budget reached',
  failures: 'calls failed',
  cancelled: 'run cancelled',
};

/**
 * An adaptive run's precision: the target, how many prompt × configuration pairs reached it, the
 * answers asked for against the fixed design of the same worst-case precision, and per pair the
 * mention rate with its 95% interval, the answers and why it stopped.
 */
function Precision({ base, run }: { base: string; run: Run }) {
  const precision = useApi<RunPrecision>(
    `${base}/runs/${run.id}/precision`,
    run.progress.analyzed + run.progress.total,
  );
  if (precision.state === 'loading') return <span class="muted">…</span>;
  if (precision.state === 'error') return <span class="muted">not available</span>;
  const p = precision.data;
  const s = p.summary;
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  if (p.sampling.mode !== 'adaptive') return null;
  return (
    <div>
      <span>
        Target ±{p.sampling.halfWidth} pts: {s.reachedTarget ?? 0} of {s.cells} pairs
        {s.worstHalfWidth !== null && <span class="muted"> (widest ±{s.worstHalfWidth.toFixed(1)} pts)</span>}
      </span>
      <br />
      <span data-testid={`run-saved-${run.id}`}>
        {s.calls} answers vs {s.fixedDesignCalls} fixed:{' '}
        {s.samplesSaved >= 0 ? `${s.samplesSaved} saved` : `${-s.samplesSaved} more`}
        {s.ratio !== null && <span class="muted"> ({s.ratio.toFixed(2)}× fewer)</span>}
      </span>
      <details>
        <summary>Per prompt and configuration</summary>
        <table class="data">
          <caption class="visually-hidden">Precision per prompt and configuration</caption>
          <thead>
            <tr>
              <th scope="col">Prompt</th>
              <th scope="col">Configuration</th>
              <th scope="col">Mention rate</th>
              <th scope="col">Answers</th>
              <th scope="col">Stopped</th>
            </tr>
          </thead>
          <tbody>
            {p.cells.map((c) => (
              <tr key={`${c.promptId}-${c.modelConfigId}`}>
                <th scope="row">{c.promptText}</th>
                <td>{c.modelConfigName}</td>
                <td>
                  {c.mentionRate === null || c.interval === null ? (
                    <span class="muted">first wave under way</span>
                  ) : (
                    <>
                      {pct(c.mentionRate)}{' '}
                      <span class="muted">
                        ({pct(c.interval.low)}–{pct(c.interval.high)}, ±{c.halfWidth?.toFixed(1)} pts)
                      </span>
                    </>
                  )}
                </td>
                <td>
                  {c.answers ?? 0} of {c.planned} <span class="muted">({c.waves} waves)</span>
                </td>
                <td>{c.stopReason ? STOP_LABELS[c.stopReason] : <span class="muted">sampling</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
