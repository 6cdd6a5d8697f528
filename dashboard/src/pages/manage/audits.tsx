/**
 * Audits: what to ask (prompts by id or by tag), whom (configurations), how many times (samples
 * per prompt × configuration), when (a schedule built from presets — every day, every week — or
 * a raw cron expression, with the next five due times shown in the audit's time zone by the API's
 * own reading of it), and at most how much (budgets per run and per month). Editors create,
 * change, pause, run now and delete audits; runs and answers outlive a deleted audit.
 */
import { useRef, useState } from 'preact/hooks';
import { type ApiError, apiListAll } from '../../api/client.js';
import type { Audit, Prompt, Run, SchedulePreview } from '../../api/types.js';
import { useConfirm } from '../../components/confirm.js';
import {
  CheckboxField,
  Field,
  Form,
  type FormState,
  listOf,
  SelectField,
  TextField,
  useForm,
} from '../../components/form.js';
import { Pager, useDebounced, usePagedList } from '../../components/paged-list.js';
import { Empty, Show, TableScroll } from '../../components/status.js';
import { useWorkspace } from '../../components/workspace.js';
import { useAbilities } from '../../lib/abilities.js';
import { formatUsd, truncate } from '../../lib/format.js';
import { hrefOf, type Route } from '../../lib/router.js';
import { toApiError, useLoad, useSend } from '../../lib/use-api.js';
import { cronOf, presetOf, type Repeat } from '../../lib/schedule-presets.js';
import { numberOrNull, RoleNote, Section, useEditing, timeZoneOptions, Outcome, ListTools } from './common.js';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

type Values = {
  name: string;
  promptIds: string[];
  promptTags: string;
  modelConfigIds: string[];
  samplesPerPair: string;
  /** Fixed samples per pair, or adaptive sampling (a precision, with a minimum and a maximum). */
  samplingMode: 'fixed' | 'adaptive';
  'sampling.halfWidth': string;
  'sampling.minSamples': string;
  'sampling.maxSamples': string;
  /** '' for the default. */
  'sampling.waveSize': string;
  repeat: Repeat;
  at: string;
  weekday: string;
  schedule: string;
  timezone: string;
  enabled: boolean;
  budgetPerRunUsd: string;
  budgetPerMonthUsd: string;
  /** '' for no judge. */
  judgeModelConfigId: string;
};

function valuesOf(audit: Audit | null, timezone: string): Values {
  return {
    name: audit?.name ?? '',
    promptIds: audit?.promptIds ?? [],
    promptTags: audit?.promptTags.join(', ') ?? '',
    modelConfigIds: audit?.modelConfigIds ?? [],
    samplesPerPair: String(
      audit?.sampling.mode === 'fixed' ? audit.sampling.samplesPerPair : (audit?.samplesPerPair ?? 1),
    ),
    samplingMode: audit?.sampling.mode ?? 'fixed',
    'sampling.halfWidth': audit?.sampling.mode === 'adaptive' ? String(audit.sampling.halfWidth) : '5',
    'sampling.minSamples': audit?.sampling.mode === 'adaptive' ? String(audit.sampling.minSamples) : '30',
    'sampling.maxSamples': audit?.sampling.mode === 'adaptive' ? String(audit.sampling.maxSamples) : '450',
    'sampling.waveSize': audit?.sampling.mode === 'adaptive' ? String(audit.sampling.waveSize) : '',
    ...presetOf(audit?.schedule ?? null),
    schedule: audit?.schedule ?? '',
    timezone: audit?.timezone ?? timezone,
    enabled: audit?.enabled ?? true,
    budgetPerRunUsd: audit?.budgetPerRunUsd === null || !audit ? '' : String(audit.budgetPerRunUsd),
    budgetPerMonthUsd: audit?.budgetPerMonthUsd === null || !audit ? '' : String(audit.budgetPerMonthUsd),
    judgeModelConfigId: audit?.judgeModelConfigId ?? '',
  };
}

function bodyOf(v: Values) {
  const samples = numberOrNull(v.samplesPerPair);
  return {
    name: v.name,
    promptIds: v.promptIds,
    promptTags: listOf(v.promptTags),
    modelConfigIds: v.modelConfigIds,
    ...(v.samplingMode === 'adaptive'
      ? {
          sampling: {
            mode: 'adaptive' as const,
            halfWidth: numberOrNull(v['sampling.halfWidth']) ?? 0,
            minSamples: numberOrNull(v['sampling.minSamples']) ?? 0,
            maxSamples: numberOrNull(v['sampling.maxSamples']) ?? 0,
            ...(numberOrNull(v['sampling.waveSize']) === null
              ? {}
              : { waveSize: numberOrNull(v['sampling.waveSize']) ?? 1 }),
          },
        }
      : { samplesPerPair: samples ?? 1 }),
    schedule: v.schedule.trim() === '' ? null : v.schedule.trim(),
    timezone: v.timezone,
    enabled: v.enabled,
    budgetPerRunUsd: numberOrNull(v.budgetPerRunUsd),
    budgetPerMonthUsd: numberOrNull(v.budgetPerMonthUsd),
    judgeModelConfigId: v.judgeModelConfigId === '' ? null : v.judgeModelConfigId,
  };
}

export function AuditsPage(_: { route: Route }) {
  const { base, workspace, configs } = useWorkspace();
  const abilities = useAbilities();
  const send = useSend();
  const confirm = useConfirm();
  const [refresh, setRefresh] = useState(0);
  const list = usePagedList<Audit>(`${base}/audits`, {}, refresh);
  const editing = useEditing<Audit>();
  const [outcome, setOutcome] = useState<{ done: string | null; run: Run | null; error: ApiError | null }>({
    done: null,
    run: null,
    error: null,
  });
  const table = useRef<HTMLTableElement>(null);
  const configName = (id: string) => configs.find((c) => c.id === id)?.name ?? 'a configuration';

  async function runNow(audit: Audit) {
    try {
      const run = await send<Run>('POST', `${base}/runs`, { auditId: audit.id });
      setOutcome({
        done: `Started a run of ${audit.name}: ${run.progress.total} answers to collect, estimated ${formatUsd(run.estimatedCostUsd)}.`,
        run,
        error: null,
      });
    } catch (err) {
      setOutcome({ done: null, run: null, error: toApiError(err) });
    }
  }
  async function remove(audit: Audit) {
    const yes = await confirm.ask({
      title: `Delete the audit ${audit.name}?`,
      lost: (
        <>
          <p>
            Its settings are deleted{audit.schedule ? ' and its schedule stops' : ''}. Its past runs and their answers
            are kept, and stay in the reports.
          </p>
        </>
      ),
      confirmLabel: `Delete ${audit.name}`,
    });
    if (!yes) return;
    try {
      await send('DELETE', `${base}/audits/${encodeURIComponent(audit.id)}`);
      setOutcome({ done: `Deleted the audit ${audit.name}.`, run: null, error: null });
      editing.closeIf(audit.id);
      setRefresh((n) => n + 1);
    } catch (err) {
      setOutcome({ done: null, run: null, error: toApiError(err) });
    }
  }

  return (
    <>
      <p class="explain">An audit asks its prompts to its configurations, now or on a schedule, within its budgets.</p>
      <RoleNote abilities={abilities} what="the audits" />
      <Outcome done={outcome.done} error={outcome.error} what="the audit" verb="change">
        {outcome.run && (
          <>
            {' '}
            <a href={hrefOf(workspace.id, 'runs')}>Follow its progress on the Runs page</a>
          </>
        )}
      </Outcome>
      <Show value={list.page} what="the audits">
        {(page) => (
          <>
            <ListTools
              canAdd={abilities.canEdit}
              addLabel="Add an audit"
              adding={editing.item === 'new'}
              onAdd={() => editing.open('new')}
              csvName="Audits"
              tableRef={table}
              hasRows={page.data.length > 0}
            />
            {page.data.length === 0 ? (
              <Empty>No audit yet.</Empty>
            ) : (
              <TableScroll label="Audits">
                <table class="data" ref={table}>
                  <thead>
                    <tr>
                      <th scope="col">Name</th>
                      <th scope="col">Prompts</th>
                      <th scope="col">Configurations</th>
                      <th scope="col">Samples</th>
                      <th scope="col">Schedule</th>
                      <th scope="col">Next run</th>
                      <th scope="col">Budgets</th>
                      {abilities.canEdit && (
                        <th scope="col" data-csv-skip>
                          <span class="visually-hidden">Actions</span>
                        </th>
                      )}
                    </tr>
                  </thead>
                  <tbody>
                    {page.data.map((a) => (
                      <tr key={a.id} data-testid={`audit-${a.id}`}>
                        <th scope="row">{a.name}</th>
                        <td>
                          {[
                            a.promptIds.length ? `${a.promptIds.length} chosen` : null,
                            a.promptTags.length ? `tagged ${a.promptTags.join(', ')}` : null,
                          ]
                            .filter(Boolean)
                            .join('; ')}
                        </td>
                        <td>{a.modelConfigIds.map(configName).join(', ')}</td>
                        <td>
                          {a.sampling.mode === 'adaptive'
                            ? `±${a.sampling.halfWidth} pts (${a.sampling.minSamples}–${a.sampling.maxSamples})`
                            : a.samplesPerPair}
                        </td>
                        <td>
                          {a.schedule ? `${a.schedule} (${a.timezone})` : 'Manual only'}
                          {!a.enabled && ' · paused'}
                        </td>
                        <td data-csv={a.nextRunAt ?? ''}>{a.nextRunAt ? localTime(a.nextRunAt, a.timezone) : '—'}</td>
                        <td>
                          {a.budgetPerRunUsd === null ? 'no cap' : `${formatUsd(a.budgetPerRunUsd)} a run`} ·{' '}
                          {a.budgetPerMonthUsd === null ? 'no cap' : `${formatUsd(a.budgetPerMonthUsd)} a month`}
                        </td>
                        {abilities.canEdit && (
                          <td>
                            <div class="buttons">
                              <button
                                type="button"
                                class="secondary"
                                aria-expanded={editing.isOpen(a.id)}
                                onClick={() => editing.toggle(a)}
                              >
                                Edit<span class="visually-hidden"> {a.name}</span>
                              </button>
                              <button type="button" class="secondary" onClick={() => runNow(a)}>
                                Run now<span class="visually-hidden"> {a.name}</span>
                              </button>
                              <button type="button" class="secondary danger" onClick={() => remove(a)}>
                                Delete<span class="visually-hidden"> {a.name}</span>
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
            <Pager list={list} label="Audits" />
          </>
        )}
      </Show>
      {abilities.canEdit && editing.item && (
        <AuditEditor
          key={editing.key}
          audit={editing.item === 'new' ? null : editing.item}
          onSaved={(saved) => {
            editing.saved(saved);
            setOutcome({ done: null, run: null, error: null });
            setRefresh((n) => n + 1);
          }}
          onClose={editing.close}
        />
      )}
      {confirm.dialog}
    </>
  );
}

/** "2026-12-07 06:00" in `timeZone`. */
function localTime(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

function AuditEditor({ audit, onSaved, onClose }: { audit: Audit | null; onSaved(a: Audit): void; onClose(): void }) {
  const { base, workspace, configs } = useWorkspace();
  const send = useSend();
  const form = useForm<Values>(valuesOf(audit, workspace.timezone));
  const active = configs.filter((c) => !c.archived || form.values.modelConfigIds.includes(c.id));
  const setSchedule = (patch: Partial<Pick<Values, 'repeat' | 'at' | 'weekday'>>) => {
    const v = { ...form.values, ...patch };
    for (const [k, value] of Object.entries(patch)) form.set(k as 'repeat', value as Repeat);
    form.set('schedule', cronOf(v.repeat, v.at, v.weekday, v.repeat === 'custom' ? v.schedule : ''));
  };

  return (
    <Section id="audit-editor-heading" title={audit ? `Edit ${audit.name}` : 'New audit'}>
      <Form
        form={form}
        what="the audit"
        submitLabel={audit ? 'Save audit' : 'Create audit'}
        buttons={
          <button type="button" class="secondary" onClick={onClose}>
            Close
          </button>
        }
        onSubmit={async (values) => {
          const saved = audit
            ? await send<Audit>('PATCH', `${base}/audits/${encodeURIComponent(audit.id)}`, bodyOf(values))
            : await send<Audit>('POST', `${base}/audits`, bodyOf(values));
          onSaved(saved);
          return {
            values: valuesOf(saved, workspace.timezone),
            done: `Saved ${saved.name}: ${saved.schedule ? `runs on "${saved.schedule}" (${saved.timezone})${saved.enabled ? '' : ', paused'}` : 'runs when started'}.`,
          };
        }}
      >
        <TextField form={form} name="name" label="Name" description="e.g. Weekly CRM visibility." />
        <PromptChoice form={form} />
        <TextField
          form={form}
          name="promptTags"
          label="Prompts by tag"
          description="Every prompt carrying one of these tags (separated by commas) is asked too, as tagged when each run starts."
        />
        <Field form={form} name="modelConfigIds" label="Configurations" description="The assistants to ask.">
          {(props) => (
            <fieldset
              class="choices"
              id={props.id}
              aria-invalid={props['aria-invalid']}
              aria-describedby={props['aria-describedby']}
              tabIndex={-1}
            >
              <legend class="visually-hidden">Configurations</legend>
              {active.length === 0 && <p class="muted">No configuration yet: add one on the Configurations page.</p>}
              {active.map((c) => (
                <label key={c.id} class="radio">
                  <input
                    type="checkbox"
                    checked={form.values.modelConfigIds.includes(c.id)}
                    onChange={(e) =>
                      form.set(
                        'modelConfigIds',
                        e.currentTarget.checked
                          ? [...form.values.modelConfigIds, c.id]
                          : form.values.modelConfigIds.filter((id) => id !== c.id),
                      )
                    }
                  />
                  {c.name}{' '}
                  <span class="muted">
                    ({c.provider}, {c.model})
                  </span>
                </label>
              ))}
            </fieldset>
          )}
        </Field>
        <SelectField
          form={form}
          name="samplingMode"
          label="Sampling"
          description="Fixed: the same number of answers for every prompt and configuration. Adaptive: ask until each one's own-brand mention rate is known to a precision you choose, which saves answers where the brand is almost never (or always) named."
          options={[
            { value: 'fixed', label: 'Fixed number of answers' },
            { value: 'adaptive', label: 'Adaptive: until a precision is reached' },
          ]}
        />
        {form.values.samplingMode === 'fixed' ? (
          <TextField
            form={form}
            name="samplesPerPair"
            type="number"
            inputMode="numeric"
            label="Samples"
            description="Answers collected for each prompt and configuration per run (1–100): more samples, tighter intervals."
          />
        ) : (
          <fieldset class="choices">
            <legend>Adaptive sampling</legend>
            <TextField
              form={form}
              name="sampling.halfWidth"
              type="number"
              inputMode="decimal"
              label="Precision (± points)"
              description="Each prompt and configuration is asked until the 95% interval of its own-brand mention rate is within ± this many points (1–25): 5 for a monthly client report, 10 to tell rarely from mostly."
            />
            <TextField
              form={form}
              name="sampling.minSamples"
              type="number"
              inputMode="numeric"
              label="Minimum answers"
              description="Every prompt and configuration gets at least this many (the first wave)."
            />
            <TextField
              form={form}
              name="sampling.maxSamples"
              type="number"
              inputMode="numeric"
              label="Maximum answers"
              description="At most this many, precise enough or not. About 1.2 × the fixed design lets rates near 50% reach the precision (450 at ±5, 120 at ±10)."
            />
            <TextField
              form={form}
              name="sampling.waveSize"
              type="number"
              inputMode="numeric"
              label="Answers per wave (optional)"
              description="Answers added at a time after the first wave; empty for at most 10 looks."
            />
          </fieldset>
        )}
        <fieldset class="choices schedule">
          <legend>Schedule</legend>
          <div class="field">
            <label for={`${form.id}-repeat`}>Repeat</label>
            <select
              id={`${form.id}-repeat`}
              value={form.values.repeat}
              onChange={(e) => setSchedule({ repeat: e.currentTarget.value as Repeat })}
            >
              <option value="manual">Manual runs only</option>
              <option value="daily">Every day</option>
              <option value="weekly">Every week</option>
              <option value="custom">Custom (cron)</option>
            </select>
          </div>
          {(form.values.repeat === 'daily' || form.values.repeat === 'weekly') && (
            <div class="inline-fields">
              {form.values.repeat === 'weekly' && (
                <div class="field">
                  <label for={`${form.id}-weekday`}>On</label>
                  <select
                    id={`${form.id}-weekday`}
                    value={form.values.weekday}
                    onChange={(e) => setSchedule({ weekday: e.currentTarget.value })}
                  >
                    {WEEKDAYS.map((d, i) => (
                      <option key={d} value={String(i)}>
                        {d}
                      </option>
                    ))}
                  </select>
                </div>
              )}
              <div class="field">
                <label for={`${form.id}-at`}>At</label>
                <input
                  id={`${form.id}-at`}
                  type="time"
                  value={form.values.at}
                  onInput={(e) => e.currentTarget.value && setSchedule({ at: e.currentTarget.value })}
                />
              </div>
            </div>
          )}
          {form.values.repeat !== 'manual' && (
            <TextField
              form={form}
              name="schedule"
              label="Cron expression"
              description="Five fields: minute hour day-of-month month day-of-week, or @daily, @weekly…"
            />
          )}
          <SelectField
            form={form}
            name="timezone"
            label="Time zone"
            description="The schedule is read in this time zone."
            options={timeZoneOptions(form.values.timezone)}
          />
          <ScheduleNext schedule={form.values.schedule} timezone={form.values.timezone} />
          <CheckboxField
            form={form}
            name="enabled"
            label="Enabled"
            description="Paused audits do not run on their schedule."
          />
        </fieldset>
        <TextField
          form={form}
          name="budgetPerRunUsd"
          type="number"
          inputMode="decimal"
          label="Budget per run (USD)"
          description="A run whose estimate exceeds this is refused, and a run stops when it has spent it. Empty: no cap."
        />
        <TextField
          form={form}
          name="budgetPerMonthUsd"
          type="number"
          inputMode="decimal"
          label="Budget per month (USD)"
          description="Cap on this audit's runs per calendar month. Empty: no cap."
        />
        <SelectField
          form={form}
          name="judgeModelConfigId"
          label="Stance judge"
          description="A model that also labels how each answer portrays each brand, beside the rule-based labels; its calls count against the run's budget. The runs page shows how often the two agree."
          options={[
            { value: '', label: 'No judge' },
            ...configs
              .filter(
                (c) =>
                  (!c.archived && c.channel !== 'serp' && c.channel !== 'app') ||
                  c.id === form.values.judgeModelConfigId,
              )
              .map((c) => ({ value: c.id, label: c.name })),
          ]}
        />
      </Form>
    </Section>
  );
}

/** Prompts chosen one by one: a searchable checklist of the workspace's active prompts. */
function PromptChoice({ form }: { form: FormState<Values> }) {
  const { base } = useWorkspace();
  const prompts = useLoad(
    (auth, signal) => apiListAll<Prompt>(auth, `${base}/prompts`, { archived: false }, signal),
    [base],
  );
  const [filter, setFilter] = useState('');
  return (
    <Field
      form={form}
      name="promptIds"
      label="Prompts chosen one by one"
      description={`${form.values.promptIds.length} chosen. Give prompts by tag below, one by one here, or both.`}
    >
      {(props) => (
        <fieldset
          class="choices prompt-choice"
          id={props.id}
          aria-invalid={props['aria-invalid']}
          aria-describedby={props['aria-describedby']}
          tabIndex={-1}
        >
          <legend class="visually-hidden">Prompts</legend>
          <label>
            Find a prompt <input type="search" value={filter} onInput={(e) => setFilter(e.currentTarget.value)} />
          </label>
          <Show value={prompts} what="the prompts">
            {(list) => {
              const needle = filter.trim().toLowerCase();
              const shown = list
                .filter(
                  (p) =>
                    form.values.promptIds.includes(p.id) ||
                    !needle ||
                    p.text.toLowerCase().includes(needle) ||
                    p.tags.some((t) => t.includes(needle)),
                )
                .slice(0, 50);
              return (
                <div class="checklist">
                  {shown.map((p) => (
                    <label key={p.id} class="radio">
                      <input
                        type="checkbox"
                        checked={form.values.promptIds.includes(p.id)}
                        onChange={(e) =>
                          form.set(
                            'promptIds',
                            e.currentTarget.checked
                              ? [...form.values.promptIds, p.id]
                              : form.values.promptIds.filter((id) => id !== p.id),
                          )
                        }
                      />
                      {truncate(p.text, 90)}
                      {p.tags.length > 0 && <span class="muted"> ({p.tags.join(', ')})</span>}
                    </label>
                  ))}
                  {list.length > shown.length && (
                    <p class="muted">
                      Showing {shown.length} of {list.length}: type to find others.
                    </p>
                  )}
                </div>
              );
            }}
          </Show>
        </fieldset>
      )}
    </Field>
  );
}

/** The next five due times of the schedule, as the API's scheduler reads it. */
function ScheduleNext({ schedule, timezone }: { schedule: string; timezone: string }) {
  const { base } = useWorkspace();
  const send = useSend();
  const request = useDebounced({ schedule: schedule.trim(), timezone }, 300);
  const preview = useLoad<SchedulePreview>(
    request.schedule
      ? () =>
          send<SchedulePreview>('POST', `${base}/schedule-preview`, {
            schedule: request.schedule,
            timezone: request.timezone,
            count: 5,
          })
      : null,
    [request],
  );
  return (
    <div class="schedule-preview" aria-live="polite" data-testid="schedule-preview">
      {!request.schedule ? (
        <p class="muted">No schedule: the audit runs when someone starts it.</p>
      ) : preview.state === 'loading' ? (
        <p class="status">Reading the schedule…</p>
      ) : preview.state === 'error' ? (
        <p class="field-error">This schedule cannot be read: {preview.error.message}</p>
      ) : (
        <>
          <p>
            Next five runs ({preview.data.timezone}), about {preview.data.runsPerMonth} a month:
          </p>
          <ol data-testid="schedule-next">
            {preview.data.nextLocal.map((t, i) => (
              <li key={preview.data.next[i] ?? t}>{t}</li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
