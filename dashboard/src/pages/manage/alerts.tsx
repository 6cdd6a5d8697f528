/**
 * Alerts: the workspace's notification rules — who gets an email or which Slack channel gets a
 * message, for which events, and whether an email rule also gets a weekly or monthly digest.
 * Editors add and delete rules, and switch them on and off; each rule's recent deliveries show
 * whether they went out.
 */
import { useState } from 'preact/hooks';
import type { ApiError } from '../../api/client.js';
import { useConfirm } from '../../components/confirm.js';
import { CheckboxField, Form, SelectField, TextField, useForm } from '../../components/form.js';
import { Pager, usePagedList } from '../../components/paged-list.js';
import { Empty, ErrorMessage, Show, TableScroll } from '../../components/status.js';
import { useWorkspace } from '../../components/workspace.js';
import { useAbilities } from '../../lib/abilities.js';
import type { Route } from '../../lib/router.js';
import { toApiError, useSend } from '../../lib/use-api.js';
import { RoleNote, Section } from './common.js';

interface AlertRule {
  id: string;
  name: string;
  channel: 'email' | 'slack';
  email: string | null;
  slackUrl: string | null;
  events: string[];
  digest: 'weekly' | 'monthly' | null;
  active: boolean;
  unsubscribedAt: string | null;
}

const EVENTS = [
  ['visibility.changed', 'Visibility changed significantly'],
  ['run.failed', 'A run failed'],
  ['run.budget_stopped', 'A run stopped at its budget'],
  ['budget.monthly_80', '80% of a monthly budget spent'],
  ['domain.new_top', 'A new domain among the top cited sources'],
] as const;
const EVENT_LABEL: Record<string, string> = Object.fromEntries(EVENTS);

type RuleValues = {
  name: string;
  channel: 'email' | 'slack';
  email: string;
  slackUrl: string;
  digest: '' | 'weekly' | 'monthly';
} & Record<`event:${string}`, boolean>;

const EMPTY = {
  name: '',
  channel: 'email',
  email: '',
  slackUrl: '',
  digest: '',
  ...Object.fromEntries(EVENTS.map(([e]) => [`event:${e}`, false])),
} as RuleValues;

function bodyOf(v: RuleValues) {
  const events = EVENTS.map(([e]) => e).filter((e) => v[`event:${e}`]);
  return v.channel === 'email'
    ? { name: v.name, channel: 'email', email: v.email, events, digest: v.digest || null }
    : { name: v.name, channel: 'slack', slackUrl: v.slackUrl, events };
}

export function AlertsPage(_: { route: Route }) {
  const { base } = useWorkspace();
  const abilities = useAbilities();
  const send = useSend();
  const confirm = useConfirm();
  const [refresh, setRefresh] = useState(0);
  const [adding, setAdding] = useState(false);
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
        enters the top cited sources. Email rules can also get a weekly or monthly digest, in the workspace's time zone.
        Every email has an unsubscribe link.
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
                <button type="button" onClick={() => setAdding((a) => !a)} aria-expanded={adding}>
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
                      {abilities.canEdit && (
                        <th scope="col">
                          <span class="visually-hidden">Actions</span>
                        </th>
                      )}
                    </tr>
                  </thead>
                  <tbody>
                    {page.data.map((r) => (
                      <tr key={r.id} data-testid={`alert-rule-${r.id}`}>
                        <th scope="row">{r.name}</th>
                        <td>{r.channel === 'email' ? r.email : `Slack (${r.slackUrl})`}</td>
                        <td>{r.events.map((e) => EVENT_LABEL[e] ?? e).join('; ') || 'None'}</td>
                        <td>{r.digest === 'weekly' ? 'Weekly' : r.digest === 'monthly' ? 'Monthly' : 'None'}</td>
                        <td>{r.unsubscribedAt ? 'Unsubscribed' : r.active ? 'Active' : 'Paused'}</td>
                        {abilities.canEdit && (
                          <td>
                            <div class="buttons">
                              <button type="button" class="secondary" onClick={() => toggle(r)}>
                                {r.active ? 'Pause' : 'Resume'}
                                <span class="visually-hidden"> {r.name}</span>
                              </button>
                              <button type="button" class="secondary danger" onClick={() => remove(r)}>
                                Delete<span class="visually-hidden"> {r.name}</span>
                              </button>
                            </div>
                          </td>
                        )}
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
      {abilities.canEdit && adding && (
        <RuleEditor
          onSaved={() => {
            setOutcome({ done: null, error: null });
            setRefresh((n) => n + 1);
          }}
          onClose={() => setAdding(false)}
        />
      )}
      {confirm.dialog}
    </>
  );
}

function RuleEditor({ onSaved, onClose }: { onSaved(): void; onClose(): void }) {
  const { base } = useWorkspace();
  const send = useSend();
  const form = useForm<RuleValues>(EMPTY);
  const email = form.values.channel === 'email';
  return (
    <Section id="alert-editor-heading" title="New alert rule">
      <Form
        form={form}
        what="the alert rule"
        submitLabel="Create alert rule"
        buttons={
          <button type="button" class="secondary" onClick={onClose}>
            Close
          </button>
        }
        onSubmit={async (values) => {
          const saved = await send<AlertRule>('POST', `${base}/alert-rules`, bodyOf(values));
          onSaved();
          return { values: EMPTY, done: `Created the alert rule ${saved.name}.` };
        }}
      >
        <TextField form={form} name="name" label="Name" description="For you, e.g. Client team or Agency Slack." />
        <SelectField
          form={form}
          name="channel"
          label="Channel"
          options={[
            { value: 'email', label: 'Email' },
            { value: 'slack', label: 'Slack' },
          ]}
        />
        {email ? (
          <TextField form={form} name="email" label="Email address" type="email" />
        ) : (
          <TextField
            form={form}
            name="slackUrl"
            label="Slack incoming webhook URL"
            type="url"
            description="From Slack: Apps › Incoming Webhooks › Add to a channel (https://hooks.slack.com/services/…)."
          />
        )}
        <fieldset class="field">
          <legend>Events</legend>
          {EVENTS.map(([e, label]) => (
            <CheckboxField key={e} form={form} name={`event:${e}`} label={label} />
          ))}
        </fieldset>
        {email && (
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
        )}
      </Form>
    </Section>
  );
}
