/**
 * Events and their impact: what the workspace did and when (content published, a site change, a
 * PR campaign, a product launch…), the prompts each should affect (chosen one by one or by tag),
 * and per event the change-impact report (GET …/reports/impact): the difference in differences of
 * the mention rate with its interval, p-value, power and the four groups behind it.
 */
import { useState } from 'preact/hooks';
import { apiListAll, buildUrl } from '../api/client.js';
import type { ChangeEvent, ImpactReport, Prompt } from '../api/types.js';
import { ChoicesField } from '../components/choices-field.js';
import { useConfirm } from '../components/confirm.js';
import { Form, SelectField, TextAreaField, TextField, listOf, useForm } from '../components/form.js';
import { Pager, usePagedList } from '../components/paged-list.js';
import { Empty, Show, TableScroll } from '../components/status.js';
import { useWorkspace } from '../components/workspace.js';
import { useAbilities } from '../lib/abilities.js';
import { EVENT_KIND_LABELS, type EventKind } from '../lib/events.js';
import { formatDateTime, formatPValue, formatRate, percent } from '../lib/format.js';
import { setParams, type Route } from '../lib/router.js';
import { useAction, useApi, useLoad, useSend } from '../lib/use-api.js';

type Values = {
  kind: string;
  occurredAt: string;
  title: string;
  url: string;
  notes: string;
  promptIds: string[];
  promptTags: string;
};

const pad = (n: number) => String(n).padStart(2, '0');
/** An instant as the browser's local date and time, for a datetime-local field. */
function localInput(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
/** The field's local date and time as an instant; what cannot be read goes to the API as typed, to be refused there. */
function instantOf(local: string): string {
  const t = new Date(local);
  return Number.isNaN(t.getTime()) ? local : t.toISOString();
}

const valuesOf = (e: ChangeEvent | null): Values =>
  e
    ? {
        kind: e.kind,
        occurredAt: localInput(e.occurredAt),
        title: e.title ?? '',
        url: e.url ?? '',
        notes: e.notes ?? '',
        promptIds: e.promptIds,
        promptTags: e.promptTags.join(', '),
      }
    : { kind: 'content_published', occurredAt: '', title: '', url: '', notes: '', promptIds: [], promptTags: '' };

const points = (x: number | null) =>
  x === null ? '—' : `${x > 0 ? '+' : x < 0 ? '−' : ''}${Math.abs(x * 100).toFixed(1)}`;

export function EventsPage({ route }: { route: Route }) {
  const { base } = useWorkspace();
  const abilities = useAbilities();
  const send = useSend();
  const confirm = useConfirm();
  const remove = useAction();
  const [refresh, setRefresh] = useState(0);
  const [editing, setEditing] = useState<ChangeEvent | null>(null);
  const path = `${base}/events`;
  const list = usePagedList<ChangeEvent>(path, {}, refresh);
  const prompts = useLoad((auth, signal) => apiListAll<Prompt>(auth, `${base}/prompts`, {}, signal), [base]);
  const form = useForm<Values>(valuesOf(null));
  const chosen = route.params.get('event');
  const edit = (e: ChangeEvent | null) => {
    setEditing(e);
    form.reset(valuesOf(e));
  };
  return (
    <>
      <p class="explain">
        Record what you changed and when — a page published, a site change, a PR campaign, a launch — and the prompts it
        should move. Trend charts mark each event, and its impact compares the own brand’s mention rate on those prompts
        before and after with the other prompts over the same days.
      </p>
      {abilities.canEdit && (
        <section aria-labelledby="event-form-heading">
          <h2 id="event-form-heading">
            {editing ? `Edit “${editing.title ?? EVENT_KIND_LABELS[editing.kind]}”` : 'Record an event'}
          </h2>
          <Form
            form={form}
            what="the event"
            submitLabel={editing ? 'Save the event' : 'Record the event'}
            guard={false}
            buttons={
              editing && (
                <button type="button" class="secondary" onClick={() => edit(null)}>
                  Cancel editing
                </button>
              )
            }
            onSubmit={async (v) => {
              const body = {
                kind: v.kind,
                occurredAt: instantOf(v.occurredAt),
                title: v.title.trim() ? v.title : null,
                url: v.url.trim() ? v.url.trim() : null,
                notes: v.notes.trim() ? v.notes : null,
                promptIds: v.promptIds,
                promptTags: listOf(v.promptTags),
              };
              const saved = editing
                ? await send<ChangeEvent>('PATCH', `${path}/${editing.id}`, body)
                : await send<ChangeEvent>('POST', path, body);
              setRefresh((n) => n + 1);
              setEditing(null);
              return {
                values: valuesOf(null),
                done: `${editing ? 'Saved' : 'Recorded'} “${saved.title ?? EVENT_KIND_LABELS[saved.kind]}”.`,
              };
            }}
          >
            <SelectField
              form={form}
              name="kind"
              label="What happened"
              options={Object.entries(EVENT_KIND_LABELS).map(([value, label]) => ({ value, label }))}
            />
            <TextField form={form} name="occurredAt" type="datetime-local" label="When (your local time)" />
            <TextField form={form} name="title" label="Title (optional)" description="Shown on the trend charts" />
            <TextField form={form} name="url" type="url" label="Link (optional)" />
            <TextAreaField form={form} name="notes" label="Notes (optional)" rows={2} />
            <Show value={prompts} what="the prompts">
              {(all) => (
                <ChoicesField
                  form={form}
                  name="promptIds"
                  legend="Prompts it should affect"
                  description="Choose prompts, give tags below, or both."
                  choices={all.map((p) => ({ value: p.id, label: p.text, hint: p.tags.join(', ') }))}
                />
              )}
            </Show>
            <TextField
              form={form}
              name="promptTags"
              label="Prompt tags it should affect"
              description="Comma-separated: every prompt with one of these tags counts, including prompts tagged later."
            />
          </Form>
        </section>
      )}
      <section aria-labelledby="events-heading">
        <h2 id="events-heading">Events</h2>
        {remove.error && (
          <p class="error" role="alert">
            Could not delete the event: {remove.error.message}
          </p>
        )}
        {remove.done && <p role="status">{remove.done}</p>}
        <Show value={list.page} what="the events">
          {(page) =>
            page.data.length === 0 ? (
              <Empty>No event recorded yet.</Empty>
            ) : (
              <TableScroll label="Events">
                <table data-testid="events">
                  <thead>
                    <tr>
                      <th scope="col">Event</th>
                      <th scope="col">When</th>
                      <th scope="col">Kind</th>
                      <th scope="col">Prompts</th>
                      <th scope="col">
                        <span class="visually-hidden">Actions</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.data.map((e) => {
                      const name = e.title ?? EVENT_KIND_LABELS[e.kind];
                      return (
                        <tr key={e.id} data-event={e.id}>
                          <th scope="row">
                            {e.url ? (
                              <a href={e.url} rel="noopener noreferrer" target="_blank">
                                {name}
                              </a>
                            ) : (
                              name
                            )}
                          </th>
                          <td>{formatDateTime(e.occurredAt)}</td>
                          <td>{EVENT_KIND_LABELS[e.kind as EventKind]}</td>
                          <td>
                            {e.promptIds.length} chosen{e.promptTags.length ? `, tags ${e.promptTags.join(', ')}` : ''}
                          </td>
                          <td class="actions">
                            <button
                              type="button"
                              class="secondary"
                              aria-pressed={chosen === e.id}
                              onClick={() => setParams(route, { event: e.id })}
                            >
                              Impact<span class="visually-hidden"> of {name}</span>
                            </button>
                            {abilities.canEdit && (
                              <>
                                <button type="button" class="secondary" onClick={() => edit(e)}>
                                  Edit<span class="visually-hidden"> {name}</span>
                                </button>
                                <button
                                  type="button"
                                  class="danger"
                                  disabled={remove.busy}
                                  onClick={async () => {
                                    const yes = await confirm.ask({
                                      title: `Delete “${name}”?`,
                                      lost: (
                                        <p>The event leaves the trend charts and its impact can no longer be read.</p>
                                      ),
                                      confirmLabel: 'Delete',
                                    });
                                    if (!yes) return;
                                    await remove.run(async () => {
                                      await send('DELETE', `${path}/${e.id}`);
                                      if (chosen === e.id) setParams(route, { event: null });
                                      setRefresh((n) => n + 1);
                                      return `Deleted “${name}”.`;
                                    });
                                  }}
                                >
                                  Delete<span class="visually-hidden"> {name}</span>
                                </button>
                              </>
                            )}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </TableScroll>
            )
          }
        </Show>
        <Pager list={list} label="Events" />
      </section>
      {chosen && <Impact eventId={chosen} route={route} />}
      {confirm.dialog}
    </>
  );
}

const WINDOWS = [7, 14, 28, 56, 91];
const EFFECTS = [0.02, 0.05, 0.1, 0.2];
const VERDICT_LABELS: Record<ImpactReport['verdict'], string> = {
  effect: 'Effect detected',
  'no-detectable-effect': 'No effect of that size',
  underpowered: 'Cannot tell yet',
};

function Impact({ eventId, route }: { eventId: string; route: Route }) {
  const { base, configs } = useWorkspace();
  const windowDays = Number(route.params.get('window')) || 28;
  const minEffect = Number(route.params.get('effect')) || 0.05;
  // One configuration's answers, or all of them (e.g. the app capture alone, or the API alone).
  const config = route.params.get('config') ?? '';
  const report = useApi<ImpactReport>(
    buildUrl(`${base}/reports/impact`, {
      eventId,
      windowDays,
      minEffect,
      ...(config ? { modelConfigIds: config } : {}),
    }),
  );
  return (
    <section aria-labelledby="impact-heading" data-testid="impact">
      <h2 id="impact-heading">Impact</h2>
      <div class="filters" role="group" aria-label="Impact settings">
        <label>
          Days before and after
          <select value={String(windowDays)} onChange={(e) => setParams(route, { window: e.currentTarget.value })}>
            {WINDOWS.map((w) => (
              <option key={w} value={String(w)}>
                {w}
              </option>
            ))}
          </select>
        </label>
        <label>
          Smallest change worth detecting
          <select value={String(minEffect)} onChange={(e) => setParams(route, { effect: e.currentTarget.value })}>
            {EFFECTS.map((m) => (
              <option key={m} value={String(m)}>
                {Math.round(m * 100)} points
              </option>
            ))}
          </select>
        </label>
        <label>
          Answers from
          <select value={config} onChange={(e) => setParams(route, { config: e.currentTarget.value })}>
            <option value="">Every configuration</option>
            {configs.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} ({c.provider})
              </option>
            ))}
          </select>
        </label>
      </div>
      <Show value={report} what="the impact">
        {(r) => (
          <>
            <h3>
              {r.event.title ?? EVENT_KIND_LABELS[r.event.kind]}:{' '}
              <span data-testid="impact-verdict" data-verdict={r.verdict}>
                {VERDICT_LABELS[r.verdict]}
              </span>
            </h3>
            <p data-testid="impact-summary">{r.summary}</p>
            {!r.windows.afterComplete && (
              <p class="explain">The days after the event are not over yet: more answers will come.</p>
            )}
            <dl class="impact-figures">
              <dt>Difference in differences</dt>
              <dd data-testid="impact-estimate">{r.estimate === null ? '—' : `${points(r.estimate)} points`}</dd>
              <dt>95% interval</dt>
              <dd data-testid="impact-interval">
                {r.ci95 ? `${points(r.ci95.low)} to ${points(r.ci95.high)} points` : '—'}
              </dd>
              <dt>p-value</dt>
              <dd data-testid="impact-p">{formatPValue(r.pValue)}</dd>
              <dt>Chance to detect {Math.round(r.minEffect * 100)} points</dt>
              <dd data-testid="impact-power">{percent(r.power)}</dd>
              <dt>Detectable with 80% chance</dt>
              <dd data-testid="impact-mde">
                {r.minimumDetectableEffect === null
                  ? '—'
                  : `${points(r.minimumDetectableEffect).replace('+', '')} points`}
              </dd>
            </dl>
            <TableScroll label="The four groups">
              <table class="data" data-testid="impact-groups">
                <caption>
                  {r.brands.map((b) => b.brandName).join(', ')} named, over successful analysed answers; {r.windowDays}{' '}
                  days before and after {formatDateTime(r.event.occurredAt)}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Prompts</th>
                    <th scope="col">Before</th>
                    <th scope="col">After</th>
                  </tr>
                </thead>
                <tbody>
                  <tr>
                    <th scope="row">
                      Affected by the event ({r.groups.affectedAfter.prompts || r.groups.affectedBefore.prompts})
                    </th>
                    <td data-testid="group-affectedBefore">{formatRate(r.groups.affectedBefore.rate)}</td>
                    <td data-testid="group-affectedAfter">{formatRate(r.groups.affectedAfter.rate)}</td>
                  </tr>
                  <tr>
                    <th scope="row">
                      Other prompts ({r.groups.unaffectedAfter.prompts || r.groups.unaffectedBefore.prompts})
                    </th>
                    <td data-testid="group-unaffectedBefore">{formatRate(r.groups.unaffectedBefore.rate)}</td>
                    <td data-testid="group-unaffectedAfter">{formatRate(r.groups.unaffectedAfter.rate)}</td>
                  </tr>
                </tbody>
              </table>
            </TableScroll>
          </>
        )}
      </Show>
    </section>
  );
}
