/**
 * Setting up a new workspace, step by step, through the API only:
 * 1. the workspace's name and time zone (created at once: suggestions are asked within it);
 * 2. the own brand, its website and what it sells;
 * 3. suggested competitors and prompts — from a model (a priced job a worker runs), from the
 *    searches assistants already ran, or from built-in templates — each editable, removable,
 *    and more addable, saved as brands and prompts when the person continues;
 * 4. the assistants to measure (model configurations, from what GET /v1/providers declares);
 * 5. samples and schedule, with the next due times and the estimated cost of one run and of a
 *    month, then the audit is saved;
 * 6. "Run now", with live progress, landing on the overview report of the finished run.
 * Each step saves what it holds when the person continues, so the API's refusals appear next to
 * the field they concern; a step saved twice changes what it saved before rather than adding it
 * again.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, apiGet } from '../api/client.js';
import type {
  Audit,
  AuditDraftEstimate,
  Brand,
  ModelConfig,
  Prompt,
  Providers,
  Run,
  SchedulePreview,
  Suggestion,
  Workspace,
} from '../api/types.js';
import { Form, SelectField, TextField, useForm, type FormState } from '../components/form.js';
import { ErrorMessage, Loading } from '../components/status.js';
import { formatUsd } from '../lib/format.js';
import { hrefOf } from '../lib/router.js';
import { toApiError, useApiSession, useSend } from '../lib/use-api.js';
import { numberOrNull, timeZoneOptions } from './manage/common.js';
import './onboarding.css';

type Provider = Providers['providers'][number];

const STEPS = ['Workspace', 'Your brand', 'Competitors and prompts', 'Assistants', 'Schedule and cost', 'First run'];

const CATEGORIES = [
  { value: '', label: 'Choose what fits best…' },
  { value: 'software', label: 'Software or SaaS' },
  { value: 'ecommerce', label: 'Online shop' },
  { value: 'finance', label: 'Finance or insurance' },
  { value: 'travel', label: 'Travel' },
  { value: 'health', label: 'Health' },
  { value: 'local-services', label: 'Local services' },
  { value: 'generic', label: 'Something else' },
];

let rowCounter = 0;
const rowKey = () => `r${++rowCounter}`;

interface CompetitorRow {
  key: string;
  name: string;
  domain: string;
  saved: Brand | null;
}
interface PromptRow {
  key: string;
  text: string;
  tags: string[];
  saved: Prompt | null;
}

/** What the wizard has saved so far. */
interface Setup {
  workspace: Workspace | null;
  brand: Brand | null;
  competitors: CompetitorRow[];
  prompts: PromptRow[];
  configs: ModelConfig[];
  audit: Audit | null;
}

/** A refusal re-addressed to the wizard's field names (a row's fields are "competitors.<key>.name"). */
function readdressed(err: unknown, field: (path: string) => string): ApiError {
  const e = toApiError(err);
  const errors = e.errors.map((p) => ({ path: field(p.path.replace(/^body\./, '')), message: p.message }));
  if (errors.length === 0 && e.status === 409) errors.push({ path: field('name'), message: e.message });
  return new ApiError(e.status, e.code, e.message, e.requestId, errors);
}

export function OnboardingPage({ first = false }: { first?: boolean }) {
  const [step, setStep] = useState(0);
  const [setup, setSetup] = useState<Setup>({
    workspace: null,
    brand: null,
    competitors: [],
    prompts: [],
    configs: [],
    audit: null,
  });
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
  }, [step]);
  const update = (patch: Partial<Setup>) => setSetup((s) => ({ ...s, ...patch }));
  const next = () => setStep((n) => Math.min(n + 1, STEPS.length - 1));
  const back = () => setStep((n) => Math.max(n - 1, 0));
  const backButton =
    step > 0 && step < STEPS.length - 1 ? (
      <button type="button" class="secondary" onClick={back}>
        Back
      </button>
    ) : null;

  return (
    <div class="wizard">
      {first && step === 0 && (
        <p class="intro" data-testid="first-workspace">
          This organization has no workspace yet: set up the first one here. It takes a few minutes and ends with your
          first report.
        </p>
      )}
      <ol class="wizard-steps" aria-label="Steps">
        {STEPS.map((s, i) => (
          <li key={s} aria-current={i === step ? 'step' : undefined} class={i < step ? 'step-done' : undefined}>
            <span class="step-number">{i + 1}</span> {s}
          </li>
        ))}
      </ol>
      <h2 ref={heading} tabIndex={-1} data-testid="wizard-step">
        Step {step + 1} of {STEPS.length}: {STEPS[step]}
      </h2>
      {step === 0 && <WorkspaceStep setup={setup} update={update} next={next} />}
      {step === 1 && <BrandStep setup={setup} update={update} next={next} back={backButton} />}
      {step === 2 && <SuggestionsStep setup={setup} update={update} next={next} back={backButton} />}
      {step === 3 && <AssistantsStep setup={setup} update={update} next={next} back={backButton} />}
      {step === 4 && <AuditStep setup={setup} update={update} next={next} back={backButton} />}
      {step === 5 && <RunStep setup={setup} />}
    </div>
  );
}

interface StepProps {
  setup: Setup;
  update(patch: Partial<Setup>): void;
  next(): void;
  back?: ComponentChildren;
}

function WorkspaceStep({ setup, update, next }: StepProps) {
  const send = useSend();
  const form = useForm({
    name: setup.workspace?.name ?? '',
    timezone: setup.workspace?.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC',
  });
  return (
    <Form
      form={form}
      what="the workspace"
      submitLabel={setup.workspace ? 'Save and continue' : 'Create the workspace and continue'}
      guard={false}
      onSubmit={async (v) => {
        const body = { name: v.name, timezone: v.timezone };
        const saved = setup.workspace
          ? await send<Workspace>('PATCH', `/v1/workspaces/${setup.workspace.id}`, body)
          : await send<Workspace>('POST', '/v1/workspaces', body);
        update({ workspace: saved });
        dispatchEvent(new Event('citewatch:workspaces-changed'));
        next();
        return { values: { name: saved.name, timezone: saved.timezone } };
      }}
    >
      <p class="field-help">
        A workspace holds one brand's tracking: a client of an agency, or a product line. Its time zone sets when
        scheduled runs start and how days are counted in reports.
      </p>
      <TextField form={form} name="name" label="Workspace name" placeholder="e.g. Acme — EU market" />
      <SelectField form={form} name="timezone" label="Time zone" options={timeZoneOptions(form.values.timezone)} />
    </Form>
  );
}

function BrandStep({ setup, update, next, back }: StepProps) {
  const send = useSend();
  const ws = setup.workspace as Workspace;
  const form = useForm({
    name: setup.brand?.name ?? '',
    domains: setup.brand?.domains[0] ?? '',
    category: categoryOf(setup),
  });
  return (
    <Form
      form={form}
      what="your brand"
      submitLabel="Save and continue"
      buttons={back}
      guard={false}
      onSubmit={async (v) => {
        const body = { name: v.name, kind: 'own', domains: v.domains.trim() ? [v.domains.trim()] : [] };
        const base = `/v1/workspaces/${ws.id}/brands`;
        const saved = setup.brand
          ? await send<Brand>('PATCH', `${base}/${setup.brand.id}`, body)
          : await send<Brand>('POST', base, body);
        update({ brand: saved });
        CATEGORY_BY_WORKSPACE.set(ws.id, v.category);
        next();
        return { values: { name: saved.name, domains: saved.domains[0] ?? '', category: v.category } };
      }}
    >
      <TextField form={form} name="name" label="Your brand" placeholder="e.g. Acme CRM" />
      <TextField
        form={form}
        name="domains"
        label="Its website"
        description="A domain such as acme.com: answers citing it count as citing you."
        type="url"
        inputMode="url"
        placeholder="acme.com"
      />
      <SelectField
        form={form}
        name="category"
        label="What it sells"
        description="Used to suggest questions buyers ask."
        options={CATEGORIES}
      />
    </Form>
  );
}

/** The category chosen at step 2 (kept outside the API: it only steers suggestions). */
const CATEGORY_BY_WORKSPACE = new Map<string, string>();
const categoryOf = (setup: Setup) => (setup.workspace ? (CATEGORY_BY_WORKSPACE.get(setup.workspace.id) ?? '') : '');

function useProviders() {
  const session = useApiSession();
  const [providers, setProviders] = useState<Provider[] | ApiError | null>(null);
  useEffect(() => {
    apiGet<Providers>(session.credentials, '/v1/providers').then(
      (p) => setProviders(p.providers),
      (err: unknown) => setProviders(toApiError(err)),
    );
  }, []);
  return providers;
}

/** A model a provider offers for a new configuration: its first plain model id, or a known default. */
function defaultModel(p: Provider): string {
  const named = p.models.find((m) => !m.id.endsWith('*'))?.id;
  return named ?? (p.name === 'mock' ? 'mock-1' : '');
}

function SuggestionsStep({ setup, update, next, back }: StepProps) {
  const send = useSend();
  const session = useApiSession();
  const ws = setup.workspace as Workspace;
  const providers = useProviders();
  const askable = Array.isArray(providers)
    ? providers.filter((p) => p.configured && p.channel !== 'serp' && p.channel !== 'app')
    : [];
  const realModel = askable.some((p) => p.name !== 'mock');
  const [source, setSource] = useState<'model' | 'searches' | 'templates'>('templates');
  const [asker, setAsker] = useState('');
  const [asking, setAsking] = useState<{ busy: boolean; note: string | null; error: ApiError | null }>({
    busy: false,
    note: null,
    error: null,
  });
  useEffect(() => {
    // A model with a key is the best source; templates when none has one (the mock is for trials).
    if (askable.length && !asker) {
      const first = askable.find((p) => p.name !== 'mock') ?? askable[0];
      if (first) setAsker(`${first.name}|${defaultModel(first)}`);
      setSource(realModel ? 'model' : 'templates');
    }
  }, [askable.length]);

  const [rows, setRows] = useState({ competitors: setup.competitors, prompts: setup.prompts });
  const initial = () => {
    const v: Record<string, string> = {};
    for (const c of rows.competitors) {
      v[`competitors.${c.key}.name`] = c.name;
      v[`competitors.${c.key}.domain`] = c.domain;
    }
    for (const p of rows.prompts) v[`prompts.${p.key}.text`] = p.text;
    return v;
  };
  const form = useForm<Record<string, string>>(initial());

  /** Adds rows (suggestions, or one blank row); a suggestion already listed is not added twice. */
  function add(
    kind: 'competitors' | 'prompts',
    items: Array<{ name?: string; domain?: string | null; text?: string; tags?: string[] }>,
  ): number {
    const listed = new Set(
      kind === 'competitors'
        ? rows.competitors.map((c) => (form.values[`competitors.${c.key}.name`] ?? '').trim().toLowerCase())
        : rows.prompts.map((p) => (form.values[`prompts.${p.key}.text`] ?? '').trim().toLowerCase()),
    );
    const added = items
      .filter((i) => {
        const label = (kind === 'competitors' ? i.name : i.text)?.trim().toLowerCase() ?? '';
        return label === '' || !listed.has(label);
      })
      .map((i) => ({
        key: rowKey(),
        name: i.name ?? '',
        domain: i.domain ?? '',
        text: i.text ?? '',
        tags: i.tags ?? [],
        saved: null,
      }));
    for (const r of added) {
      if (kind === 'competitors') {
        form.set(`competitors.${r.key}.name`, r.name);
        form.set(`competitors.${r.key}.domain`, r.domain);
      } else form.set(`prompts.${r.key}.text`, r.text);
    }
    setRows((s) => ({ ...s, [kind]: [...s[kind], ...added] }));
    return added.length;
  }

  async function suggest() {
    setAsking({ busy: true, note: null, error: null });
    const base = `/v1/workspaces/${ws.id}/suggestions`;
    const [provider = '', model = ''] = asker.split('|');
    const body = {
      source,
      brandName: setup.brand?.name ?? ws.name,
      ...(setup.brand?.domains[0] ? { website: setup.brand.domains[0] } : {}),
      ...(categoryOf(setup) ? { category: categoryOf(setup) } : {}),
      ...(source === 'model' ? { provider, model } : {}),
    };
    try {
      let s = await send<Suggestion>('POST', base, body);
      while (s.status === 'queued' || s.status === 'running') {
        setAsking({
          busy: true,
          note: `Asking ${provider} (${model})… estimated cost ${formatUsd(s.estimatedCostUsd)}.`,
          error: null,
        });
        await new Promise((r) => setTimeout(r, 700));
        s = await apiGet<Suggestion>(session.credentials, `${base}/${s.id}`);
      }
      if (s.status === 'failed') {
        setAsking({
          busy: false,
          note: null,
          error: new ApiError(0, s.errorCode ?? 'failed', s.error ?? 'The suggestions failed.', null),
        });
        return;
      }
      const c = add('competitors', s.competitors);
      const p = add('prompts', s.prompts);
      const cost = s.costUsd === null ? '' : ` It cost ${formatUsd(s.costUsd)}.`;
      setAsking({
        busy: false,
        note:
          c + p === 0
            ? source === 'searches'
              ? 'No searches yet: assistants have not answered in this workspace. Try another source.'
              : 'Nothing new to add.'
            : `Added ${c} competitor${c === 1 ? '' : 's'} and ${p} prompt${p === 1 ? '' : 's'} below; edit or remove any.${cost}`,
        error: null,
      });
    } catch (err) {
      setAsking({ busy: false, note: null, error: toApiError(err) });
    }
  }

  const remove = (kind: 'competitors' | 'prompts', key: string) =>
    setRows((s) => ({ ...s, [kind]: s[kind].filter((r: { key: string }) => r.key !== key) }));

  return (
    <>
      <section class="suggest-box" aria-labelledby="suggest-heading">
        <h3 id="suggest-heading">Get suggestions</h3>
        <fieldset>
          <legend>Where suggestions come from</legend>
          {(
            [
              [
                'model',
                'Ask a model',
                realModel
                  ? 'A model lists your competitors and the questions buyers ask (one priced call).'
                  : askable.length
                    ? 'No model key is configured on this deployment: only the mock assistant, for trials, can be asked.'
                    : 'No model key is configured on this deployment.',
              ],
              [
                'searches',
                'Searches assistants ran',
                'The web searches assistants made while answering in this workspace, most frequent first.',
              ],
              ['templates', 'Built-in templates', 'Questions buyers ask in your category, with your brand put in.'],
            ] as const
          ).map(([value, label, help]) => (
            <div class="radio-option" key={value}>
              <input
                type="radio"
                id={`source-${value}`}
                name="source"
                value={value}
                checked={source === value}
                disabled={value === 'model' && askable.length === 0}
                aria-describedby={`source-${value}-help`}
                onChange={() => setSource(value)}
              />
              <label for={`source-${value}`}>{label}</label>
              <p id={`source-${value}-help`} class="field-help">
                {help}
              </p>
            </div>
          ))}
        </fieldset>
        {source === 'model' && askable.length > 0 && (
          <div class="field">
            <label for="suggest-model">Model to ask</label>
            <select id="suggest-model" value={asker} onChange={(e) => setAsker(e.currentTarget.value)}>
              {askable.map((p) => (
                <option key={p.name} value={`${p.name}|${defaultModel(p)}`}>
                  {p.label} — {defaultModel(p)}
                </option>
              ))}
            </select>
          </div>
        )}
        <button type="button" onClick={suggest} disabled={asking.busy}>
          {asking.busy ? 'Suggesting…' : 'Suggest'}
        </button>
        <div aria-live="polite">
          {asking.note && (
            <p class="done" role="status">
              {asking.note}
            </p>
          )}
        </div>
        {asking.error && <ErrorMessage error={asking.error} what="suggestions" verb="get" />}
      </section>
      <Form
        form={form}
        what="the competitors and prompts"
        submitLabel="Save and continue"
        buttons={back}
        label="Competitors and prompts"
        onSubmit={async (v) => {
          const base = `/v1/workspaces/${ws.id}`;
          const competitors: CompetitorRow[] = [];
          for (const r of rows.competitors) {
            const name = (v[`competitors.${r.key}.name`] ?? '').trim();
            const domain = (v[`competitors.${r.key}.domain`] ?? '').trim();
            const body = { name, kind: 'competitor', domains: domain ? [domain] : [] };
            const field = (p: string) => `competitors.${r.key}.${p.startsWith('domains') ? 'domain' : p}`;
            let saved = r.saved;
            try {
              if (!saved) saved = await send<Brand>('POST', `${base}/brands`, body);
              else if (saved.name !== name || (saved.domains[0] ?? '') !== domain)
                saved = await send<Brand>('PATCH', `${base}/brands/${saved.id}`, body);
            } catch (err) {
              throw readdressed(err, field);
            }
            competitors.push({ ...r, name: saved.name, domain: saved.domains[0] ?? '', saved });
            // Each saved row is kept at once, so saving again after a refusal adds nothing twice.
            setRows((s) => ({ ...s, competitors: s.competitors.map((x) => (x.key === r.key ? { ...x, saved } : x)) }));
          }
          for (const r of setup.competitors)
            if (r.saved && !rows.competitors.some((x) => x.key === r.key))
              await send('DELETE', `${base}/brands/${r.saved.id}`);
          const prompts: PromptRow[] = [];
          for (const r of rows.prompts) {
            const text = (v[`prompts.${r.key}.text`] ?? '').trim();
            const tags = [...new Set(['onboarding', ...r.tags])];
            let saved = r.saved;
            try {
              if (!saved) saved = await send<Prompt>('POST', `${base}/prompts`, { text, tags });
              else if (saved.text !== text)
                saved = await send<Prompt>('PATCH', `${base}/prompts/${saved.id}`, { text });
            } catch (err) {
              throw readdressed(err, (p) => `prompts.${r.key}.${p.startsWith('tags') ? 'text' : p}`);
            }
            prompts.push({ ...r, text: saved.text, saved });
            setRows((s) => ({ ...s, prompts: s.prompts.map((x) => (x.key === r.key ? { ...x, saved } : x)) }));
          }
          for (const r of setup.prompts)
            if (r.saved && !rows.prompts.some((x) => x.key === r.key))
              await send('DELETE', `${base}/prompts/${r.saved.id}`);
          if (prompts.length === 0)
            throw new ApiError(
              400,
              'validation_failed',
              'Keep at least one prompt: runs ask assistants your prompts.',
              null,
            );
          update({ competitors, prompts });
          next();
          const values: Record<string, string> = {};
          for (const c of competitors) {
            values[`competitors.${c.key}.name`] = c.name;
            values[`competitors.${c.key}.domain`] = c.domain;
          }
          for (const p of prompts) values[`prompts.${p.key}.text`] = p.text;
          return { values };
        }}
      >
        <fieldset class="rows">
          <legend>Competitors ({rows.competitors.length})</legend>
          {rows.competitors.length === 0 && <p class="field-help">None yet: get suggestions above or add your own.</p>}
          {rows.competitors.map((r, i) => (
            <div class="row" key={r.key} data-testid="competitor-row">
              <TextField form={form} name={`competitors.${r.key}.name`} label={`Competitor ${i + 1}`} />
              <TextField form={form} name={`competitors.${r.key}.domain`} label={`Competitor ${i + 1} website`} />
              <button type="button" class="secondary" onClick={() => remove('competitors', r.key)}>
                Remove<span class="visually-hidden"> competitor {i + 1}</span>
              </button>
            </div>
          ))}
          <button type="button" class="secondary" onClick={() => add('competitors', [{ name: '' }])}>
            Add a competitor
          </button>
        </fieldset>
        <fieldset class="rows">
          <legend>Prompts ({rows.prompts.length})</legend>
          {rows.prompts.length === 0 && <p class="field-help">None yet: get suggestions above or add your own.</p>}
          {rows.prompts.map((r, i) => (
            <div class="row" key={r.key} data-testid="prompt-row">
              <TextField form={form} name={`prompts.${r.key}.text`} label={`Prompt ${i + 1}`} />
              <button type="button" class="secondary" onClick={() => remove('prompts', r.key)}>
                Remove<span class="visually-hidden"> prompt {i + 1}</span>
              </button>
            </div>
          ))}
          <button type="button" class="secondary" onClick={() => add('prompts', [{ text: '' }])}>
            Add a prompt
          </button>
        </fieldset>
      </Form>
    </>
  );
}

function AssistantsStep({ setup, update, next, back }: StepProps) {
  const send = useSend();
  const ws = setup.workspace as Workspace;
  const providers = useProviders();
  const usable = Array.isArray(providers) ? providers.filter((p) => p.configured) : [];
  const chosen = (p: Provider) => setup.configs.find((c) => c.provider === p.name);
  const initial: Record<string, string> = {};
  // The app surfaces (channel app) are an extra a person opts into: the one assistant API is pre-chosen alone.
  const apis = usable.filter((p) => p.channel !== 'app');
  for (const p of usable) {
    initial[`${p.name}.use`] =
      chosen(p) || (setup.configs.length === 0 && apis.length === 1 && apis[0] === p) ? 'yes' : '';
    initial[`${p.name}.model`] = chosen(p)?.model ?? defaultModel(p);
  }
  const form = useForm<Record<string, string>>(initial);
  useEffect(() => {
    if (usable.length) form.reset(initial);
  }, [usable.length]);
  if (providers === null) return <Loading what="the assistants" />;
  if (providers instanceof ApiError) return <ErrorMessage error={providers} what="the assistants" />;
  return (
    <Form
      form={form}
      what="the assistants"
      submitLabel="Save and continue"
      buttons={back}
      guard={false}
      onSubmit={async (v) => {
        const base = `/v1/workspaces/${ws.id}/model-configs`;
        const configs: ModelConfig[] = [];
        for (const p of usable) {
          const existing = chosen(p);
          if (v[`${p.name}.use`] !== 'yes') {
            if (existing) await send('PATCH', `${base}/${existing.id}`, { archived: true });
            continue;
          }
          const model = (v[`${p.name}.model`] ?? '').trim();
          const body = { name: `${p.label.replace(/\s*\(.*\)$/, '')} ${model}`.slice(0, 200), provider: p.name, model };
          try {
            configs.push(
              existing && existing.model === model
                ? existing
                : await send<ModelConfig>('POST', base, {
                    ...body,
                    params: p.channel === 'mock' ? { webSearch: true } : {},
                  }),
            );
          } catch (err) {
            throw readdressed(err, (path) => `${p.name}.${path === 'model' ? 'model' : 'use'}`);
          }
        }
        if (configs.length === 0)
          throw new ApiError(400, 'validation_failed', 'Choose at least one assistant to measure.', null, [
            { path: `${usable[0]?.name ?? 'mock'}.use`, message: 'choose at least one assistant' },
          ]);
        update({ configs });
        next();
        return undefined;
      }}
    >
      <p class="field-help">
        Each assistant you pick is asked every prompt at each run. Assistants whose key is not configured on this
        deployment are not listed (an admin adds keys on the provider credentials page).
      </p>
      {usable.map((p) => (
        <fieldset class="assistant" key={p.name}>
          <legend>{p.label}</legend>
          <CheckboxUse form={form} name={`${p.name}.use`} label={`Measure ${p.label}`} />
          <TextField
            form={form}
            name={`${p.name}.model`}
            label={`${p.label}: model`}
            description={
              p.models.length
                ? `e.g. ${p.models
                    .filter((m) => !m.id.endsWith('*'))
                    .slice(0, 3)
                    .map((m) => m.id)
                    .join(', ')}`
                : undefined
            }
          />
        </fieldset>
      ))}
    </Form>
  );
}

/** A checkbox stored as 'yes' or '' in a text-valued form. */
function CheckboxUse({ form, name, label }: { form: FormState<Record<string, string>>; name: string; label: string }) {
  form.fields.add(name);
  const id = `${form.id}-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
  const errors = form.errors[name] ?? [];
  return (
    <div class={`field checkbox-field${errors.length ? ' invalid' : ''}`}>
      <input
        id={id}
        type="checkbox"
        checked={form.values[name] === 'yes'}
        disabled={form.busy}
        aria-invalid={errors.length ? 'true' : undefined}
        aria-describedby={errors.length ? `${id}-error` : undefined}
        onChange={(e) => form.set(name, e.currentTarget.checked ? 'yes' : '')}
      />
      <label for={id}>{label}</label>
      {errors.length > 0 && (
        <p id={`${id}-error`} class="field-error">
          {errors.join(' ')}
        </p>
      )}
    </div>
  );
}

const REPEATS = [
  { value: 'weekly', label: 'Every week' },
  { value: 'daily', label: 'Every day' },
  { value: 'manual', label: 'Only when I start it' },
];

function cronOf(repeat: string, at: string, weekday: string): string | null {
  if (repeat === 'manual') return null;
  const [h = '6', m = '0'] = at.split(':');
  const time = `${Number(m)} ${Number(h)}`;
  return repeat === 'daily' ? `${time} * * *` : `${time} * * ${weekday}`;
}

function AuditStep({ setup, update, next, back }: StepProps) {
  const send = useSend();
  const ws = setup.workspace as Workspace;
  const form = useForm({
    name: setup.audit?.name ?? `${setup.brand?.name ?? ws.name} visibility`,
    samplesPerPair: String(setup.audit?.samplesPerPair ?? 3),
    repeat: 'weekly',
    at: '06:00',
    weekday: '1',
    budgetPerRunUsd: '',
  });
  const v = form.values;
  const schedule = cronOf(v.repeat, v.at, v.weekday);
  const body = {
    promptIds: setup.prompts.map((p) => p.saved?.id as string),
    modelConfigIds: setup.configs.map((c) => c.id),
    samplesPerPair: numberOrNull(v.samplesPerPair) ?? 1,
    schedule,
    timezone: ws.timezone,
    budgetPerRunUsd: numberOrNull(v.budgetPerRunUsd),
  };
  const [preview, setPreview] = useState<{
    estimate: AuditDraftEstimate | null;
    next: SchedulePreview | null;
    error: ApiError | null;
  }>({ estimate: null, next: null, error: null });
  const key = JSON.stringify(body);
  useEffect(() => {
    let live = true;
    const timer = setTimeout(async () => {
      try {
        const [estimate, due] = await Promise.all([
          send<AuditDraftEstimate>('POST', `/v1/workspaces/${ws.id}/audits/estimate`, body),
          schedule
            ? send<SchedulePreview>('POST', `/v1/workspaces/${ws.id}/schedule-preview`, {
                schedule,
                timezone: ws.timezone,
                count: 3,
              })
            : Promise.resolve(null),
        ]);
        if (live) setPreview({ estimate, next: due, error: null });
      } catch (err) {
        if (live) setPreview({ estimate: null, next: null, error: toApiError(err) });
      }
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key]);
  const est = preview.estimate;
  return (
    <Form
      form={form}
      what="the audit"
      submitLabel="Save the audit"
      buttons={back}
      onSubmit={async (values) => {
        const payload = { name: values.name, ...body };
        const saved = setup.audit
          ? await send<Audit>('PATCH', `/v1/workspaces/${ws.id}/audits/${setup.audit.id}`, payload)
          : await send<Audit>('POST', `/v1/workspaces/${ws.id}/audits`, payload);
        update({ audit: saved });
        next();
        return { values, done: `Saved the audit ${saved.name}.` };
      }}
    >
      <TextField form={form} name="name" label="Audit name" />
      <TextField
        form={form}
        name="samplesPerPair"
        label="Answers per prompt and assistant"
        description="Assistants answer differently each time: 3 to 5 samples give a steadier picture."
        type="number"
        inputMode="numeric"
      />
      <SelectField form={form} name="repeat" label="How often" options={REPEATS} />
      {v.repeat !== 'manual' && (
        <div class="inline-fields">
          {v.repeat === 'weekly' && (
            <SelectField
              form={form}
              name="weekday"
              label="Day"
              options={['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'].map((d, i) => ({
                value: String(i),
                label: d,
              }))}
            />
          )}
          <TextField form={form} name="at" label={`Time (${ws.timezone})`} placeholder="06:00" />
        </div>
      )}
      <TextField
        form={form}
        name="budgetPerRunUsd"
        label="Budget per run, in USD (optional)"
        description="A run estimated above it is refused; a run stops when it spends it."
        inputMode="decimal"
      />
      <section class="estimate" aria-labelledby="estimate-heading" aria-live="polite">
        <h3 id="estimate-heading">What it will cost</h3>
        {preview.error ? (
          <ErrorMessage error={preview.error} what="the estimate" verb="compute" />
        ) : !est ? (
          <Loading what="the estimate" />
        ) : (
          <dl data-testid="estimate">
            <dt>One run</dt>
            <dd data-testid="estimate-run">
              {formatUsd(est.estimatedCostUsd)}{' '}
              <span class="muted">
                ({est.calls} answers: {est.promptCount} prompts × {est.configCount} assistants × {est.samplesPerPair})
              </span>
            </dd>
            <dt>A month</dt>
            <dd data-testid="estimate-month">
              {est.perMonthUsd === null
                ? 'Only the runs you start'
                : `${formatUsd(est.perMonthUsd)} (${est.runsPerMonth} runs)`}
            </dd>
            {preview.next && (
              <>
                <dt>Next runs</dt>
                <dd>
                  <ul class="next-runs">
                    {preview.next.nextLocal.map((t) => (
                      <li key={t}>{t}</li>
                    ))}
                  </ul>
                </dd>
              </>
            )}
          </dl>
        )}
      </section>
    </Form>
  );
}

function RunStep({ setup }: { setup: Setup }) {
  const send = useSend();
  const session = useApiSession();
  const ws = setup.workspace as Workspace;
  const [run, setRun] = useState<Run | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const finished = run && !['queued', 'running'].includes(run.status);
  const report = run ? hrefOf(ws.id, 'overview', { run: run.id }) : hrefOf(ws.id, 'overview');
  useEffect(() => {
    if (!run || finished) return;
    const timer = setTimeout(async () => {
      try {
        setRun(await apiGet<Run>(session.credentials, `/v1/workspaces/${ws.id}/runs/${run.id}`));
      } catch (err) {
        setError(toApiError(err));
      }
    }, 1_000);
    return () => clearTimeout(timer);
  }, [run]);
  useEffect(() => {
    // Finished: on to the report of this run.
    if (finished && run.progress.succeeded > 0) location.hash = report;
  }, [finished]);
  const p = run?.progress;
  const answered = p ? p.succeeded + p.failed + p.cancelled : 0;
  return (
    <div class="run-step">
      <p>
        The audit <strong>{setup.audit?.name}</strong> is saved
        {setup.audit?.schedule ? ` and will run on its schedule (${ws.timezone})` : ''}. Run it now to see your first
        report in a few minutes.
      </p>
      {!run && (
        <button
          type="button"
          onClick={async () => {
            try {
              setError(null);
              setRun(await send<Run>('POST', `/v1/workspaces/${ws.id}/runs`, { auditId: setup.audit?.id }));
            } catch (err) {
              setError(toApiError(err));
            }
          }}
        >
          Run now
        </button>
      )}
      {run && p && (
        <div class="progress" data-testid="wizard-run">
          <progress max={p.total} value={answered} aria-label="Answers collected" />
          <p role="status" data-testid="wizard-run-status">
            {finished ? `Run ${run.status.replaceAll('_', ' ')}:` : 'Running:'} {answered} of {p.total} answers,{' '}
            {p.analyzed} analysed · {formatUsd(run.actualCostUsd)} spent of {formatUsd(run.estimatedCostUsd)} estimated
          </p>
        </div>
      )}
      {error && <ErrorMessage error={error} what="the run" verb="start" />}
      <p>
        <a href={report}>Open the overview report</a>
      </p>
    </div>
  );
}
