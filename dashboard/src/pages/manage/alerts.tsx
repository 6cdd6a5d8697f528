/**
 * Alerts: the workspace's notification rules — who gets an email or which Slack channel gets a
 * message, for which events, and whether an email rule also gets a weekly or monthly digest, with
 * the period's PDF report attached or not. Editors add, change and delete rules, and switch them
 * on and off; refusals show beside the field they concern. Everyone who reads the workspace can
 * open a rule's delivery log: every alert sent (channel, status, attempts, last error, times) and
 * every digest (period, status, last error), followed while something is still being sent.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ApiError } from '../../api/client.js';
import { ChoicesField } from '../../components/choices-field.js';
import { useConfirm } from '../../components/confirm.js';
import { DownloadCsv } from '../../components/csv-download.js';
import { CheckboxField, Form, SelectField, TextField, useForm } from '../../components/form.js';
import { Pager, usePagedList } from '../../components/paged-list.js';
import { Empty, ErrorMessage, Show, TableScroll } from '../../components/status.js';
import { useWorkspace } from '../../components/workspace.js';
import { useAbilities } from '../../lib/abilities.js';
import { formatDateTime } from '../../lib/format.js';
import type { Route } from '../../lib/router.js';
import { useTableRef } from '../../lib/table-ref.js';
import { toApiError, useSend } from '../../lib/use-api.js';
import { RoleNote, Section, useEditing } from './common.js';

interface AlertRule {
  id: string;
  name: string;
  channel: 'email' | 'slack';
  email: string | null;
  slackUrl: string | null;
  events: string[];
  digest: 'weekly' | 'monthly' | null;
  digestPdf: boolean;
  active: boolean;
  unsubscribedAt: string | null;
}

interface AlertDelivery {
  id: string;
  eventType: string;
  status: 'pending' | 'succeeded' | 'failed';
  attempts: number;
  error: string | null;
  payload: { title: string };
  createdAt: string;
  lastAttemptAt: string | null;
  deliveredAt: string | null;
}

interface AlertDigest {
  id: string;
  periodStart: string;
  periodEnd: string;
  status: 'claimed' | 'sent' | 'failed';
  error: string | null;
  claimedAt: string;
  sentAt: string | null;
}

const EVENTS = [
  ['visibility.changed', 'Visibility changed significantly'],
  ['run.failed', 'A run failed'],
  ['run.budget_stopped', 'A run stopped at its budget'],
  ['budget.monthly_80', '80% of a monthly budget spent'],
  ['domain.new_top', 'A new domain among the top cited sources'],
  ['app_gap.changed', 'The app-versus-API gap changed'],
] as const;
const EVENT_LABEL: Record<string, string> = Object.fromEntries(EVENTS);
const EVENT_CHOICES = EVENTS.map(([value, label]) => ({ value, label }));
const POLL_MS = 2_000;

interface RuleValues {
  [name: string]: unknown;
  name: string;
  channel: 'email' | 'slack';
  email: string;
  slackUrl: string;
  events: string[];
  digest: '' | 'weekly' | 'monthly';
  digestPdf: boolean;
}

/** The form's content for a rule; a stored Slack URL is never shown (its path is a secret), so it starts empty. */
const valuesOf = (r: AlertRule | null): RuleValues => ({
  name: r?.name ?? '',
  channel: r?.channel ?? 'email',
  email: r?.email ?? '',
  slackUrl: '',
  events: r?.events ?? [],
  digest: r?.digest ?? '',
  digestPdf: r?.digestPdf ?? false,
});

function createBody(v: RuleValues) {
  return v.channel === 'email'
    ? {
        name: v.name,
        channel: 'email',
        email: v.email,
        events: v.events,
        digest: v.digest || null,
        digestPdf: v.digestPdf,
      }
    : { name: v.name, channel: 'slack', slackUrl: v.slackUrl, events: v.events };
}

/**
 * What changes on a stored rule. The address is sent only when it changed (sending it again would
 * re-subscribe a recipient who unsubscribed), the Slack URL only when a new one was typed.
 */
function updateBody(rule: AlertRule, v: RuleValues) {
  const body: Record<string, unknown> = { name: v.name, events: v.events };
  if (rule.channel === 'email') {
    if (v.email.trim().toLowerCase() !== (rule.email ?? '')) body.email = v.email;
    body.digest = v.digest || null;
    body.digestPdf = v.digestPdf;
  } else if (v.slackUrl.trim()) {
    body.slackUrl = v.slackUrl.trim();
  }
  return body;
}

function digestLabel(r: AlertRule): string {
  if (!r.digest) return 'None';
  return `${r.digest === 'weekly' ? 'Weekly' : 'Monthly'}${r.digestPdf ? ', PDF attached' : ''}`;
}

export function AlertsPage(_: { route: Route }) {
  const { base } = useWorkspace();
  const abilities = useAbilities();
  const send = useSend();
  const confirm = useConfirm();
  const [refresh, setRefresh] = useState(0);
  const editing = useEditing<AlertRule>();
  const [logOf, setLogOf] = useState<AlertRule | null>(null);
  const [outcome, setOutcome] = useState<{ done: string | null; error: ApiError | null }>({ done: null, error: null });
  const list = usePagedList<AlertRule>(`${base}/alert-rules`, {}, refresh, 50);

  async function remove(r: AlertRule) {
    const yes = await confirm.ask({
      title: `Delete the alert rule ${r.name}?`,
      lost: <p>Its alerts and digests stop, and its delivery log is deleted with it.</p>,
      confirmLabel: `Delete ${r.name}`,
    });
    if (!yes) return;
    try {
      await send('DELETE', `${base}/alert-rules/${encodeURIComponent(r.id)}`);
      setOutcome({ done: `Deleted the alert rule ${r.name}.`, error: null });
      editing.closeIf(r.id);
      if (logOf?.id === r.id) setLogOf(null);
      setRefresh((n) => n + 1);
    } catch (err) {
      setOutcome({ done: null, error: toApiError(err) });
    }
  }

  async function toggle(r: AlertRule) {
    try {
      await send('PATCH', `${base}/alert-rules/${encodeURIComponent(r.id)}`, { active: !r.active });
      setOutcome({ done: `${r.active ? 'Paused' : 'Resumed'} the alert rule ${r.name}.`, error: null });
      setRefresh((n) => n + 1);
    } catch (err) {
      setOutcome({ done: null, error: toApiError(err) });
    }
  }

  return (
    <>
      <p class="explain">
        Who hears about this workspace without opening Citewatch: an email address or a Slack channel, told when
        visibility moves significantly, a run fails or hits its budget, a monthly budget is 80% spent or a new domain
        enters the top cited sources. Email rules can also get a weekly or monthly digest, in the workspace's time zone,
        with the period's PDF report attached. Every email has an unsubscribe link.
      </p>
      <RoleNote abilities={abilities} what="the alert rules" />
      <div aria-live="polite">
        {outcome.done && (
          <p class="done" role="status">
            {outcome.done}
          </p>
        )}
        {outcome.error && <ErrorMessage error={outcome.error} what="the alert rule" verb="change" />}
      </div>
      <Show value={list.page} what="the alert rules">
        {(page) => (
          <>
            <div class="table-tools">
              {abilities.canEdit ? (
                <button type="button" onClick={() => editing.open('new')} aria-expanded={editing.item === 'new'}>
                  Add an alert rule
                </button>
              ) : (
                <span />
              )}
            </div>
            {page.data.length === 0 ? (
              <Empty>No alert rule yet{abilities.canEdit ? ': add one to tell a client or a channel.' : '.'}</Empty>
            ) : (
              <TableScroll label="Alert rules">
                <table class="data">
                  <thead>
                    <tr>
                      <th scope="col">Name</th>
                      <th scope="col">Sent to</th>
                      <th scope="col">Events</th>
                      <th scope="col">Digest</th>
                      <th scope="col">State</th>
                      <th scope="col">
                        <span class="visually-hidden">Actions</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.data.map((r) => (
                      <tr key={r.id} data-testid={`alert-rule-${r.id}`}>
                        <th scope="row">{r.name}</th>
                        <td>{r.channel === 'email' ? r.email : `Slack (${r.slackUrl})`}</td>
                        <td>{r.events.map((e) => EVENT_LABEL[e] ?? e).join('; ') || 'None'}</td>
                        <td>{digestLabel(r)}</td>
                        <td>{r.unsubscribedAt ? 'Unsubscribed' : r.active ? 'Active' : 'Paused'}</td>
                        <td>
                          <div class="buttons">
                            <button
                              type="button"
                              class="secondary"
                              aria-expanded={logOf?.id === r.id}
                              onClick={() => setLogOf((open) => (open?.id === r.id ? null : r))}
                            >
                              Delivery log<span class="visually-hidden"> of {r.name}</span>
                            </button>
                            {abilities.canEdit && (
                              <>
                                <button
                                  type="button"
                                  class="secondary"
                                  aria-expanded={editing.isOpen(r.id)}
                                  onClick={() => editing.toggle(r)}
                                >
                                  Edit<span class="visually-hidden"> {r.name}</span>
                                </button>
                                <button type="button" class="secondary" onClick={() => toggle(r)}>
                                  {r.active ? 'Pause' : 'Resume'}
                                  <span class="visually-hidden"> {r.name}</span>
                                </button>
                                <button type="button" class="secondary danger" onClick={() => remove(r)}>
                                  Delete<span class="visually-hidden"> {r.name}</span>
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
            )}
            <Pager list={list} label="Alert rules" />
          </>
        )}
      </Show>
      {abilities.canEdit && editing.item && (
        <RuleEditor
          key={editing.key}
          rule={editing.item === 'new' ? null : editing.item}
          onSaved={(saved, created) => {
            setOutcome({ done: null, error: null });
            if (!created) editing.saved(saved);
            if (logOf?.id === saved.id) setLogOf(saved);
            setRefresh((n) => n + 1);
          }}
          onClose={editing.close}
        />
      )}
      {logOf && <DeliveryLog key={logOf.id} rule={logOf} refresh={refresh} />}
      {confirm.dialog}
    </>
  );
}

function RuleEditor({
  rule,
  onSaved,
  onClose,
}: {
  rule: AlertRule | null;
  onSaved(saved: AlertRule, created: boolean): void;
  onClose(): void;
}) {
  const { base } = useWorkspace();
  const send = useSend();
  const form = useForm<RuleValues>(valuesOf(rule));
  const email = form.values.channel === 'email';
  return (
    <Section id="alert-editor-heading" title={rule ? `Edit ${rule.name}` : 'New alert rule'}>
      <Form
        form={form}
        what="the alert rule"
        submitLabel={rule ? 'Save alert rule' : 'Create alert rule'}
        buttons={
          <button type="button" class="secondary" onClick={onClose}>
            Close
          </button>
        }
        onSubmit={async (values) => {
          const saved = rule
            ? await send<AlertRule>(
                'PATCH',
                `${base}/alert-rules/${encodeURIComponent(rule.id)}`,
                updateBody(rule, values),
              )
            : await send<AlertRule>('POST', `${base}/alert-rules`, createBody(values));
          onSaved(saved, !rule);
          // A new rule's form starts over for the next one; an edited rule shows what is stored.
          return {
            values: rule ? valuesOf(saved) : valuesOf(null),
            done: `${rule ? 'Saved' : 'Created'} the alert rule ${saved.name}.`,
          };
        }}
      >
        <TextField form={form} name="name" label="Name" description="For you, e.g. Client team or Agency Slack." />
        {rule ? (
          <p class="field-help" data-testid="alert-channel">
            Channel: {rule.channel === 'email' ? 'Email' : 'Slack'}. A rule keeps the channel it was created with; add
            another rule to reach the same people another way.
          </p>
        ) : (
          <SelectField
            form={form}
            name="channel"
            label="Channel"
            options={[
              { value: 'email', label: 'Email' },
              { value: 'slack', label: 'Slack' },
            ]}
          />
        )}
        {email ? (
          <TextField
            form={form}
            name="email"
            label="Email address"
            type="email"
            description={
              rule ? 'A new address starts afresh: it receives emails even if the old one unsubscribed.' : undefined
            }
          />
        ) : (
          <TextField
            form={form}
            name="slackUrl"
            label="Slack incoming webhook URL"
            type="url"
            description={
              rule
                ? `Now ${rule.slackUrl ?? 'not set'} (the rest is kept secret). Leave empty to keep it, or paste a new one.`
                : 'From Slack: Apps › Incoming Webhooks › Add to a channel (https://hooks.slack.com/services/…).'
            }
          />
        )}
        <ChoicesField form={form} name="events" legend="Events" choices={EVENT_CHOICES} />
        {email && (
          <>
            <SelectField
              form={form}
              name="digest"
              label="Digest"
              description="A summary of the period just ended, in the workspace's time zone."
              options={[
                { value: '', label: 'No digest' },
                { value: 'weekly', label: 'Weekly (Mondays)' },
                { value: 'monthly', label: 'Monthly (the 1st)' },
              ]}
            />
            <CheckboxField
              form={form}
              name="digestPdf"
              label="Attach the PDF report to the digest"
              description="The period's client-ready PDF report, in your organization's branding, attached to each digest."
            />
          </>
        )}
      </Form>
    </Section>
  );
}

const DELIVERY_STATUS: Record<AlertDelivery['status'], string> = {
  pending: 'Being sent',
  succeeded: 'Delivered',
  failed: 'Failed',
};

const DIGEST_STATUS: Record<AlertDigest['status'], string> = {
  claimed: 'Being sent',
  sent: 'Sent',
  failed: 'Failed',
};

/** The delivery log of one rule: its alerts, then (email rules) its digests, newest first; followed while one is being sent. */
function DeliveryLog({ rule, refresh }: { rule: AlertRule; refresh: number }) {
  const { base, workspace } = useWorkspace();
  const [tick, setTick] = useState(0);
  const path = `${base}/alert-rules/${encodeURIComponent(rule.id)}`;
  const alerts = usePagedList<AlertDelivery>(`${path}/deliveries`, {}, refresh + tick, 20);
  const digests = usePagedList<AlertDigest>(
    rule.channel === 'email' ? `${path}/digests` : null,
    {},
    refresh + tick,
    20,
  );
  const alertTable = useTableRef();
  const digestTable = useTableRef();
  const pending =
    (alerts.page.state === 'ok' && alerts.page.data.data.some((d) => d.status === 'pending')) ||
    (digests.page.state === 'ok' && digests.page.data.data.some((d) => d.status === 'claimed'));
  useEffect(() => {
    if (!pending) return;
    const timer = setTimeout(() => setTick((n) => n + 1), POLL_MS);
    return () => clearTimeout(timer);
  }, [pending, alerts.page, digests.page]);
  const channel = rule.channel === 'email' ? `Email to ${rule.email}` : `Slack (${rule.slackUrl})`;
  const day = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: workspace.timezone });
  return (
    <Section id="alert-log-heading" title={`Delivery log of ${rule.name}`}>
      <p class="field-help">
        {channel}. Each alert is sent once per event; a failed attempt is tried again with growing pauses, and the last
        error stays here.
      </p>
      {pending && (
        <p class="muted" role="status">
          Something is being sent; this log refreshes every {POLL_MS / 1000} seconds.
        </p>
      )}
      <h3>Alerts</h3>
      <Show value={alerts.page} what="the delivery log">
        {(page) =>
          page.data.length === 0 && !alerts.hasPrevious ? (
            <Empty>No alert sent by this rule yet.</Empty>
          ) : (
            <>
              <div class="table-tools">
                <DownloadCsv name={`Alerts of ${rule.name}`} tableRef={alertTable} />
              </div>
              <TableScroll label="Alerts sent">
                <table class="data" ref={alertTable}>
                  <thead>
                    <tr>
                      <th scope="col">Created</th>
                      <th scope="col">Event</th>
                      <th scope="col">Channel</th>
                      <th scope="col">Status</th>
                      <th scope="col">Attempts</th>
                      <th scope="col">Last attempt</th>
                      <th scope="col">Delivered</th>
                      <th scope="col">Error</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.data.map((d) => (
                      <tr key={d.id} data-testid={`alert-delivery-${d.id}`}>
                        <th scope="row">{formatDateTime(d.createdAt)}</th>
                        <td>
                          {EVENT_LABEL[d.eventType] ?? d.eventType}
                          <br />
                          <span class="muted">{d.payload.title}</span>
                        </td>
                        <td>{rule.channel === 'email' ? 'Email' : 'Slack'}</td>
                        <td>{DELIVERY_STATUS[d.status]}</td>
                        <td>{d.attempts}</td>
                        <td>{formatDateTime(d.lastAttemptAt)}</td>
                        <td>{formatDateTime(d.deliveredAt)}</td>
                        <td>{d.error ? <span class="run-error">{d.error}</span> : <span class="muted">—</span>}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
              <Pager list={alerts} label="Alerts sent" />
            </>
          )
        }
      </Show>
      {rule.channel === 'email' && (
        <>
          <h3>Digests</h3>
          <Show value={digests.page} what="the digests">
            {(page) =>
              page.data.length === 0 && !digests.hasPrevious ? (
                <Empty>
                  {rule.digest ? 'No digest sent by this rule yet.' : 'This rule asks for no digest and has sent none.'}
                </Empty>
              ) : (
                <>
                  <div class="table-tools">
                    <DownloadCsv name={`Digests of ${rule.name}`} tableRef={digestTable} />
                  </div>
                  <TableScroll label="Digests sent">
                    <table class="data" ref={digestTable}>
                      <thead>
                        <tr>
                          <th scope="col">Period ({workspace.timezone})</th>
                          <th scope="col">Status</th>
                          <th scope="col">Sent</th>
                          <th scope="col">Error</th>
                        </tr>
                      </thead>
                      <tbody>
                        {page.data.map((d) => (
                          <tr key={d.id} data-testid={`alert-digest-${d.id}`}>
                            <th scope="row">
                              {day.format(new Date(d.periodStart))} –{' '}
                              {day.format(new Date(Date.parse(d.periodEnd) - 1))}
                            </th>
                            <td>{DIGEST_STATUS[d.status]}</td>
                            <td>{formatDateTime(d.sentAt)}</td>
                            <td>{d.error ? <span class="run-error">{d.error}</span> : <span class="muted">—</span>}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </TableScroll>
                  <Pager list={digests} label="Digests sent" />
                </>
              )
            }
          </Show>
        </>
      )}
    </Section>
  );
}
