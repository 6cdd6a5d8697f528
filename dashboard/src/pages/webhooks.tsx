/**
 * Webhooks of a workspace: the list, a form to add or change one (URL, events, description,
 * active), deleting with confirmation, the delivery log of each, and "Send test ping"
 * (POST …/webhooks/{id}/test), whose delivery appears in the log and is followed until it settles.
 * A new webhook's signing secret is shown once. Editing needs the write scope (editors, admins,
 * owners): others see the list and the logs only; the API decides either way.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Webhook, WebhookDelivery } from '../api/types.js';
import { ChoicesField } from '../components/choices-field.js';
import { useConfirm } from '../components/confirm.js';
import { DownloadCsv } from '../components/csv-download.js';
import { CheckboxField, Form, TextField, useForm } from '../components/form.js';
import { Pager, usePagedList } from '../components/paged-list.js';
import { SecretOnce } from '../components/secret-once.js';
import { Empty, ErrorMessage, Show, TableScroll } from '../components/status.js';
import { useWorkspace } from '../components/workspace.js';
import { useAbilities } from '../lib/abilities.js';
import { formatDateTime } from '../lib/format.js';
import { useTableRef } from '../lib/table-ref.js';
import { useAction, useSend } from '../lib/use-api.js';

const EVENTS = [
  { value: 'run.completed', label: 'run.completed', hint: 'a run finished' },
  { value: 'run.failed', label: 'run.failed', hint: 'a run failed' },
  { value: 'visibility.changed', label: 'visibility.changed', hint: 'a brand’s visibility moved significantly' },
];
const POLL_MS = 2_000;

interface WebhookValues {
  [name: string]: unknown;
  url: string;
  events: string[];
  description: string;
  active: boolean;
}

const valuesOf = (w: Webhook | null): WebhookValues => ({
  url: w?.url ?? '',
  events: w?.events ?? ['run.completed'],
  description: w?.description ?? '',
  active: w?.active ?? true,
});

export function WebhooksPage() {
  const { base } = useWorkspace();
  const { canEdit } = useAbilities();
  const [refresh, setRefresh] = useState(0);
  const list = usePagedList<Webhook>(`${base}/webhooks`, {}, refresh);
  const [editing, setEditing] = useState<Webhook | 'new' | null>(null);
  // A new form for each Add or Edit; saving keeps the form (and its "saved" message) on screen.
  const [formKey, setFormKey] = useState(0);
  const edit = (w: Webhook | 'new') => {
    setEditing(w);
    setFormKey((n) => n + 1);
  };
  const [secret, setSecret] = useState<string | null>(null);
  const [logOf, setLogOf] = useState<Webhook | null>(null);
  const [logRefresh, setLogRefresh] = useState(0);
  const send = useSend();
  const confirm = useConfirm();
  const action = useAction();
  const table = useTableRef();

  async function remove(w: Webhook) {
    const yes = await confirm.ask({
      title: `Delete the webhook to ${w.url}?`,
      lost: (
        <>
          <p>Events stop being sent to this address at once, and its delivery log is deleted with it.</p>
          <p>A receiver verifying signatures with its secret will not receive anything any more.</p>
        </>
      ),
      confirmLabel: 'Delete webhook',
    });
    if (!yes) return;
    await action.run(async () => {
      await send('DELETE', `${base}/webhooks/${w.id}`);
      if (logOf?.id === w.id) setLogOf(null);
      if (editing !== 'new' && editing?.id === w.id) setEditing(null);
      setRefresh((n) => n + 1);
      return `Deleted the webhook to ${w.url}.`;
    });
  }

  async function ping(w: Webhook) {
    await action.run(async () => {
      const delivery = await send<WebhookDelivery>('POST', `${base}/webhooks/${w.id}/test`);
      setLogOf(w);
      setLogRefresh((n) => n + 1);
      return `Test ping queued for ${w.url} (delivery ${delivery.id.slice(-8)}, ${delivery.status}); the log below follows it.`;
    });
  }

  return (
    <>
      <p class="explain">
        Citewatch POSTs events to these addresses, signed with each webhook's secret (header Citewatch-Signature; see
        the API reference).
      </p>
      {canEdit && editing === null && (
        <p>
          <button type="button" onClick={() => edit('new')}>
            Add a webhook
          </button>
        </p>
      )}
      {secret && (
        <SecretOnce
          label="Signing secret"
          secret={secret}
          warning="Store it with the receiver: it verifies the Citewatch-Signature header of every delivery. If it is lost, delete the webhook and add it again."
          onDismiss={() => setSecret(null)}
        />
      )}
      {canEdit && editing !== null && (
        <WebhookForm
          key={formKey}
          webhook={editing === 'new' ? null : editing}
          onSaved={(saved, created) => {
            if (created && saved.secret) setSecret(saved.secret);
            setEditing(saved);
            setRefresh((n) => n + 1);
          }}
          onClose={() => setEditing(null)}
        />
      )}
      <div aria-live="polite">
        {action.done && (
          <p class="done" role="status">
            {action.done}
          </p>
        )}
        {action.error && <ErrorMessage error={action.error} what="the webhook" verb="change" />}
      </div>
      <section aria-labelledby="webhooks-heading">
        <h2 id="webhooks-heading">Webhooks</h2>
        <Show value={list.page} what="webhooks">
          {(page) =>
            page.data.length === 0 && !list.hasPrevious ? (
              <Empty>No webhook yet.{canEdit ? ' Add one to be told when runs finish.' : ''}</Empty>
            ) : (
              <>
                <div class="table-tools">
                  <DownloadCsv name="Webhooks" tableRef={table} />
                </div>
                <TableScroll label="Webhooks">
                  <table class="data" ref={table}>
                    <thead>
                      <tr>
                        <th scope="col">Address</th>
                        <th scope="col">Events</th>
                        <th scope="col">Active</th>
                        <th scope="col">Description</th>
                        <th scope="col" data-csv-skip>
                          Actions
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {page.data.map((w) => (
                        <tr key={w.id} data-testid={`webhook-${w.id}`}>
                          <th scope="row" class="url-cell">
                            {w.url}
                          </th>
                          <td>{w.events.join(', ')}</td>
                          <td>{w.active ? 'Active' : 'Paused'}</td>
                          <td>{w.description ?? <span class="muted">—</span>}</td>
                          <td>
                            <div class="row-actions">
                              <button type="button" class="secondary" onClick={() => setLogOf(w)}>
                                Delivery log<span class="visually-hidden"> of {w.url}</span>
                              </button>
                              {canEdit && (
                                <>
                                  <button type="button" class="secondary" onClick={() => edit(w)}>
                                    Edit<span class="visually-hidden"> {w.url}</span>
                                  </button>
                                  <button type="button" class="secondary" onClick={() => ping(w)}>
                                    Send test ping<span class="visually-hidden"> to {w.url}</span>
                                  </button>
                                  <button type="button" class="secondary danger" onClick={() => remove(w)}>
                                    Delete<span class="visually-hidden"> {w.url}</span>
                                  </button>
                                </>
                              )}
                            </div>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableScroll>
                <Pager list={list} label="Webhooks" />
              </>
            )
          }
        </Show>
      </section>
      {logOf && <DeliveryLog key={logOf.id} webhook={logOf} refresh={logRefresh} />}
      {confirm.dialog}
    </>
  );
}

function WebhookForm({
  webhook,
  onSaved,
  onClose,
}: {
  webhook: Webhook | null;
  onSaved(saved: Webhook, created: boolean): void;
  onClose(): void;
}) {
  const { base } = useWorkspace();
  const send = useSend();
  const form = useForm<WebhookValues>(valuesOf(webhook));
  const creating = webhook === null;
  return (
    <section class="panel" aria-labelledby="webhook-form-heading">
      <h2 id="webhook-form-heading">{creating ? 'Add a webhook' : `Edit the webhook to ${webhook.url}`}</h2>
      <Form
        form={form}
        what="the webhook"
        submitLabel={creating ? 'Add webhook' : 'Save webhook'}
        onSubmit={async (v) => {
          const body = {
            url: v.url.trim(),
            events: v.events,
            description: v.description.trim() || (creating ? undefined : null),
            active: v.active,
          };
          const saved = creating
            ? await send<Webhook>('POST', `${base}/webhooks`, body)
            : await send<Webhook>('PATCH', `${base}/webhooks/${webhook.id}`, body);
          onSaved(saved, creating);
          return {
            values: valuesOf(saved),
            done: creating ? `Added the webhook to ${saved.url}.` : `Saved the webhook to ${saved.url}.`,
          };
        }}
        buttons={
          <button type="button" class="secondary" onClick={onClose}>
            Close
          </button>
        }
      >
        <TextField
          form={form}
          name="url"
          type="url"
          label="Address (URL)"
          description="https address the events are POSTed to."
          placeholder="https://hooks.example.com/citewatch"
        />
        <ChoicesField form={form} name="events" legend="Events" choices={EVENTS} />
        <TextField form={form} name="description" label="Description (optional)" />
        <CheckboxField
          form={form}
          name="active"
          label="Active"
          description="A paused webhook receives nothing but test pings."
        />
      </Form>
    </section>
  );
}

const STATUS_LABELS: Record<WebhookDelivery['status'], string> = {
  pending: 'Pending',
  succeeded: 'Delivered',
  failed: 'Failed',
};

/** The delivery log of one webhook, newest first; followed while a delivery is pending. */
function DeliveryLog({ webhook, refresh }: { webhook: Webhook; refresh: number }) {
  const { base } = useWorkspace();
  const [tick, setTick] = useState(0);
  const list = usePagedList<WebhookDelivery>(`${base}/webhooks/${webhook.id}/deliveries`, {}, refresh + tick, 20);
  const table = useTableRef();
  const pending = list.page.state === 'ok' && list.page.data.data.some((d) => d.status === 'pending');
  useEffect(() => {
    if (!pending) return;
    const timer = setTimeout(() => setTick((n) => n + 1), POLL_MS);
    return () => clearTimeout(timer);
  }, [pending, list.page]);
  return (
    <section aria-labelledby="deliveries-heading" class="manage-section">
      <h2 id="deliveries-heading">Delivery log of {webhook.url}</h2>
      {pending && (
        <p class="muted" role="status">
          A delivery is pending; this log refreshes every {POLL_MS / 1000} seconds.
        </p>
      )}
      <Show value={list.page} what="the delivery log">
        {(page) =>
          page.data.length === 0 && !list.hasPrevious ? (
            <Empty>Nothing sent to this webhook yet.</Empty>
          ) : (
            <>
              <div class="table-tools">
                <DownloadCsv name={`Deliveries of ${webhook.url}`} tableRef={table} />
              </div>
              <TableScroll label="Delivery log">
                <table class="data" ref={table}>
                  <thead>
                    <tr>
                      <th scope="col">Created</th>
                      <th scope="col">Event</th>
                      <th scope="col">Status</th>
                      <th scope="col">Attempts</th>
                      <th scope="col">Receiver's answer</th>
                      <th scope="col">Delivered</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.data.map((d) => (
                      <tr key={d.id} data-testid={`delivery-${d.id}`}>
                        <th scope="row">{formatDateTime(d.createdAt)}</th>
                        <td>{d.eventType}</td>
                        <td data-testid={`delivery-status-${d.id}`}>{STATUS_LABELS[d.status]}</td>
                        <td>{d.attempts}</td>
                        <td>
                          {d.responseStatus !== null ? `HTTP ${d.responseStatus}` : ''}
                          {d.error ? <span class="run-error">{d.error}</span> : null}
                          {d.responseStatus === null && !d.error ? <span class="muted">—</span> : null}
                        </td>
                        <td>{formatDateTime(d.deliveredAt)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
              <Pager list={list} label="Deliveries" />
            </>
          )
        }
      </Show>
    </section>
  );
}
