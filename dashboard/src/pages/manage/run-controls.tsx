/**
 * The runs page's controls: start a run of an audit now (optionally with a budget for this run
 * alone), and cancel a run in progress after a confirmation saying what is kept and what is not.
 * The runs table below follows the progress (it polls while a run is in progress) and the cost.
 */
import { useState } from 'preact/hooks';
import { type ApiError, apiListAll } from '../../api/client.js';
import type { Audit, Run } from '../../api/types.js';
import { useConfirm } from '../../components/confirm.js';
import { Form, SelectField, TextField, useForm } from '../../components/form.js';
import { ErrorMessage, Show } from '../../components/status.js';
import { useWorkspace } from '../../components/workspace.js';
import { useAbilities } from '../../lib/abilities.js';
import { formatDateTime, formatUsd } from '../../lib/format.js';
import { hrefOf } from '../../lib/router.js';
import { toApiError, useLoad, useSend } from '../../lib/use-api.js';
import { numberOrNull } from './common.js';

export function RunControls({ inProgress, onChanged }: { inProgress: Run[]; onChanged(): void }) {
  const { base, workspace } = useWorkspace();
  const abilities = useAbilities();
  const send = useSend();
  const confirm = useConfirm();
  const audits = useLoad(
    abilities.canEdit ? (auth, signal) => apiListAll<Audit>(auth, `${base}/audits`, {}, signal) : null,
    [base, abilities.canEdit],
  );
  const form = useForm({ auditId: '', budgetUsd: '' });
  const [cancelled, setCancelled] = useState<{ done: string | null; error: ApiError | null }>({
    done: null,
    error: null,
  });
  if (!abilities.canEdit) return null;

  async function cancel(run: Run) {
    const left = run.progress.total - run.progress.succeeded - run.progress.failed - run.progress.cancelled;
    const yes = await confirm.ask({
      title: `Cancel the run started ${formatDateTime(run.createdAt)}?`,
      lost: (
        <>
          <p>
            The {left} answer{left === 1 ? '' : 's'} not collected yet will not be asked. The {run.progress.succeeded}{' '}
            collected so far are kept and counted, and so are calls already under way when they return.
          </p>
          <p>Cost so far: {formatUsd(run.actualCostUsd)}.</p>
        </>
      ),
      confirmLabel: 'Cancel the run',
      cancelLabel: 'Keep it running',
    });
    if (!yes) return;
    try {
      const saved = await send<Run>('POST', `${base}/runs/${encodeURIComponent(run.id)}/cancel`);
      setCancelled({ done: `The run is ${saved.status === 'cancelled' ? 'cancelled' : saved.status}.`, error: null });
      onChanged();
    } catch (err) {
      setCancelled({ done: null, error: toApiError(err) });
    }
  }

  return (
    <section class="run-controls" aria-labelledby="run-controls-heading">
      <h2 id="run-controls-heading">Start or cancel a run</h2>
      <Show value={audits} what="the audits">
        {(list) =>
          list.length === 0 ? (
            <p class="muted">
              No audit yet: <a href={hrefOf(workspace.id, 'audits')}>create one on the Audits page</a>, then run it
              here.
            </p>
          ) : (
            <Form
              form={form}
              what="the run"
              submitLabel="Start the run"
              busyLabel="Starting…"
              guard={false}
              onSubmit={async (values) => {
                const auditId = values.auditId || list[0]?.id;
                const budget = numberOrNull(values.budgetUsd);
                const run = await send<Run>('POST', `${base}/runs`, {
                  auditId,
                  ...(budget === null ? {} : { budgetUsd: budget }),
                });
                onChanged();
                return {
                  values: { auditId: values.auditId, budgetUsd: '' },
                  done: `Started: ${run.progress.total} answers to collect, estimated ${formatUsd(run.estimatedCostUsd)}${run.budgetUsd !== null ? `, budget ${formatUsd(run.budgetUsd)}` : ''}. Its progress is in the table below.`,
                };
              }}
              class="inline-form"
            >
              <SelectField
                form={form}
                name="auditId"
                label="Audit"
                options={list.map((a) => ({ value: a.id, label: a.name }))}
              />
              <TextField
                form={form}
                name="budgetUsd"
                type="number"
                inputMode="decimal"
                label="Budget for this run (USD)"
                description="Optional: the run is refused if its estimate exceeds it. Empty: the audit's own budget."
              />
            </Form>
          )
        }
      </Show>
      {inProgress.length > 0 && (
        <ul class="cancel-list">
          {inProgress.map((r) => (
            <li key={r.id}>
              Run started {formatDateTime(r.createdAt)} ({r.status}, {r.progress.succeeded} of {r.progress.total}{' '}
              answers){' '}
              <button type="button" class="secondary danger" onClick={() => cancel(r)}>
                Cancel<span class="visually-hidden"> the run started {formatDateTime(r.createdAt)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div aria-live="polite">
        {cancelled.done && (
          <p class="done" role="status">
            {cancelled.done}
          </p>
        )}
        {cancelled.error && <ErrorMessage error={cancelled.error} what="the run" verb="cancel" />}
      </div>
      {confirm.dialog}
    </section>
  );
}
