/**
 * Re-analyses: stored answers analysed again with the workspace's current brands (after adding a
 * competitor, an alias or a domain), for a date range or one run, without calling any model. The
 * list shows each re-analysis's progress, followed by polling while one is queued or running.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Reanalysis } from '../api/types.js';
import { DownloadCsv } from '../components/csv-download.js';
import { Form, TextField, useForm } from '../components/form.js';
import { Pager, usePagedList } from '../components/paged-list.js';
import { Empty, Show, TableScroll } from '../components/status.js';
import { useWorkspace } from '../components/workspace.js';
import { useAbilities } from '../lib/abilities.js';
import { formatDateTime, shortId } from '../lib/format.js';
import { useTableRef } from '../lib/table-ref.js';
import { useSend } from '../lib/use-api.js';

const POLL_MS = 2_000;
const STATUS_LABELS: Record<Reanalysis['status'], string> = {
  queued: 'Queued',
  running: 'Running',
  completed: 'Completed',
  failed: 'Failed',
};
const live = (r: Reanalysis) => r.status === 'queued' || r.status === 'running';

interface RangeValues {
  [name: string]: unknown;
  from: string;
  to: string;
  runId: string;
}

/** A date typed as YYYY-MM-DD, as the instant its day starts in UTC; empty stays unset. */
const startOfDay = (date: string) => (date ? `${date}T00:00:00Z` : undefined);

export function ReanalysesPage() {
  const { base } = useWorkspace();
  const { canEdit } = useAbilities();
  const send = useSend();
  const [tick, setTick] = useState(0);
  const list = usePagedList<Reanalysis>(`${base}/reanalyses`, {}, tick, 20);
  const table = useTableRef();
  const form = useForm<RangeValues>({ from: '', to: '', runId: '' });
  const following = list.page.state === 'ok' && list.page.data.data.some(live);
  useEffect(() => {
    if (!following) return;
    const timer = setTimeout(() => setTick((n) => n + 1), POLL_MS);
    return () => clearTimeout(timer);
  }, [following, list.page]);

  return (
    <>
      <p class="explain">
        A re-analysis reads the stored answers again with the brands as they are now — names, aliases, domains — and
        replaces their mentions and citations. No model is called and nothing is spent. Reports then count the new
        analysis.
      </p>
      {canEdit && (
        <section class="panel" aria-labelledby="reanalysis-form-heading">
          <h2 id="reanalysis-form-heading">Start a re-analysis</h2>
          <Form
            form={form}
            what="the re-analysis"
            submitLabel="Start re-analysis"
            busyLabel="Starting…"
            guard={false}
            onSubmit={async (v) => {
              const started = await send<Reanalysis>('POST', `${base}/reanalyses`, {
                from: startOfDay(v.from),
                to: startOfDay(v.to),
                runId: v.runId.trim() || undefined,
              });
              setTick((n) => n + 1);
              list.first();
              return {
                values: { from: '', to: '', runId: '' },
                done: `Re-analysis ${shortId(started.id)} started: ${started.progress.total} answers to analyse again. Its progress is below.`,
              };
            }}
          >
            <TextField
              form={form}
              name="from"
              type={'date' as 'text'}
              label="From (optional)"
              description="Answers collected on or after this day (UTC). Leave both dates empty for every answer."
            />
            <TextField
              form={form}
              name="to"
              type={'date' as 'text'}
              label="Until (optional)"
              description="Answers collected before this day (UTC)."
            />
            <TextField
              form={form}
              name="runId"
              label="Run id (optional)"
              description="Only the answers of this run (its id is on the Runs page)."
            />
          </Form>
        </section>
      )}
      <section aria-labelledby="reanalyses-heading">
        <h2 id="reanalyses-heading">Re-analyses</h2>
        {following && (
          <p class="muted" role="status">
            A re-analysis is in progress; this list refreshes every {POLL_MS / 1000} seconds.
          </p>
        )}
        <Show value={list.page} what="re-analyses">
          {(page) =>
            page.data.length === 0 && !list.hasPrevious ? (
              <Empty>No re-analysis yet.</Empty>
            ) : (
              <>
                <div class="table-tools">
                  <DownloadCsv name="Re-analyses" tableRef={table} />
                </div>
                <TableScroll label="Re-analyses">
                  <table class="data" ref={table}>
                    <thead>
                      <tr>
                        <th scope="col">Started</th>
                        <th scope="col">Answers of</th>
                        <th scope="col">Status</th>
                        <th scope="col">Progress</th>
                        <th scope="col">Finished</th>
                      </tr>
                    </thead>
                    <tbody>
                      {page.data.map((r) => (
                        <tr key={r.id} data-testid={`reanalysis-${r.id}`}>
                          <th scope="row">
                            {formatDateTime(r.createdAt)}{' '}
                            <code class="muted" title={r.id}>
                              {shortId(r.id)}
                            </code>
                          </th>
                          <td>{scopeOf(r)}</td>
                          <td data-testid={`reanalysis-status-${r.id}`}>
                            {STATUS_LABELS[r.status]}
                            {r.error && <span class="run-error">{r.error}</span>}
                          </td>
                          <td>
                            <Progress reanalysis={r} />
                          </td>
                          <td>{formatDateTime(r.finishedAt)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableScroll>
                <Pager list={list} label="Re-analyses" />
              </>
            )
          }
        </Show>
      </section>
    </>
  );
}

function scopeOf(r: Reanalysis): string {
  if (r.runId) return `run ${shortId(r.runId)}`;
  const day = (iso: string) => iso.slice(0, 10);
  if (r.from && r.to) return `${day(r.from)} to ${day(r.to)}`;
  if (r.from) return `since ${day(r.from)}`;
  if (r.to) return `before ${day(r.to)}`;
  return 'every answer';
}

function Progress({ reanalysis: r }: { reanalysis: Reanalysis }) {
  const { total, done } = r.progress;
  const pct = total > 0 ? Math.round((done / total) * 100) : 100;
  const labelId = `reanalysis-progress-${r.id}`;
  return (
    <div class="progress">
      {live(r) && <progress max={total} value={done} aria-labelledby={labelId} />}
      <span id={labelId} data-testid={`reanalysis-progress-${r.id}`}>
        {done} of {total} answers ({pct}%)
      </span>
    </div>
  );
}
