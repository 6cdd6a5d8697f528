/**
 * Model configurations: which assistant answers (provider, model) and how (the parameters the
 * provider declares: temperature, web search, reasoning effort…). The form is built from what
 * GET /v1/providers says each provider and model accept, and the API's refusals ("temperature is
 * not accepted by this model: …") are shown beside the parameter concerned. A configuration with
 * answers keeps its model and parameters (they are its identity in reports): rename or archive it,
 * or create another.
 */
import { useRef, useState } from 'preact/hooks';
import { type ApiError, apiGet } from '../../api/client.js';
import type { ModelConfig, ProviderInfo, ProviderParameter, Providers } from '../../api/types.js';
import { useConfirm } from '../../components/confirm.js';
import { Field, Form, type FormState, SelectField, TextAreaField, TextField, useForm } from '../../components/form.js';
import { Pager, usePagedList } from '../../components/paged-list.js';
import { Empty, Show, TableScroll } from '../../components/status.js';
import { useWorkspace } from '../../components/workspace.js';
import { useAbilities } from '../../lib/abilities.js';
import type { Route } from '../../lib/router.js';
import { toApiError, useLoad, useSend } from '../../lib/use-api.js';
import { RoleNote, Section, useEditing, Outcome, ListTools } from './common.js';

type Values = Record<string, string>;

/** Who is asking, from where, in which language: fields of their own for every provider. */
const TARGETING = ['userLocation', 'locale', 'persona'] as const;
/** The userLocation fields with a box of their own (a time zone goes in the JSON). */
const PLACE = ['country', 'region', 'city'] as const;
/** The form field of each: the country box carries the whole userLocation's refusals. */
const placeField = (f: (typeof PLACE)[number]) =>
  f === 'country' ? 'params.userLocation' : `params.userLocation.${f}`;

/** Parameters with a generic field of their own; objects are written as JSON, targeting has its own fields. */
const fieldsOf = (provider: ProviderInfo | undefined): ProviderParameter[] =>
  (provider?.parameters ?? []).filter((p) => p.type !== 'object' && !(TARGETING as readonly string[]).includes(p.name));

/** Why the provider refuses a parameter, or null when it takes it. */
function refusal(provider: ProviderInfo | undefined, name: string): string | null {
  if (!provider) return null;
  const refused = provider.refused.find((r) => r.name === name);
  if (refused) return refused.reason;
  const declared = provider.parameters.find((p) => p.name === name);
  if (!declared) return `${provider.label} has no such parameter`;
  return null;
}

/** For each targeting field: what it is, or why this provider refuses it. */
function targetingNote(provider: ProviderInfo | undefined, name: string, what: string): string {
  const reason = refusal(provider, name);
  return reason ? `${provider?.label ?? 'This provider'} does not take it: ${reason}.` : what;
}

/** The form's text for each declared parameter; the rest of `params` as JSON. */
function valuesOf(config: ModelConfig | null, provider: ProviderInfo | undefined, providerName: string): Values {
  const values: Values = {
    name: config?.name ?? '',
    provider: providerName,
    model: config?.model ?? '',
  };
  const rest: Record<string, unknown> = { ...(config?.params ?? {}) };
  for (const p of fieldsOf(provider)) {
    const v = rest[p.name];
    delete rest[p.name];
    values[`params.${p.name}`] = v === undefined || v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v);
  }
  values['params.locale'] = typeof rest['locale'] === 'string' ? rest['locale'] : '';
  values['params.persona'] = typeof rest['persona'] === 'string' ? rest['persona'] : '';
  delete rest['locale'];
  delete rest['persona'];
  const place = (rest['userLocation'] ?? {}) as Record<string, unknown>;
  const others: Record<string, unknown> = { ...place };
  for (const f of PLACE) {
    values[placeField(f)] = typeof place[f] === 'string' ? (place[f] as string) : '';
    delete others[f];
  }
  if (Object.keys(others).length) rest['userLocation'] = others;
  else delete rest['userLocation'];
  values.params = Object.keys(rest).length ? JSON.stringify(rest, null, 2) : '';
  return values;
}

/** The request body's params: declared fields typed as declared, the JSON field merged in. */
function paramsOf(values: Values, provider: ProviderInfo | undefined): Record<string, unknown> | string {
  let params: Record<string, unknown> = {};
  const extra = (values.params ?? '').trim();
  if (extra) {
    try {
      const parsed: unknown = JSON.parse(extra);
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return extra;
      params = parsed as Record<string, unknown>;
    } catch {
      // Sent as typed: the API says the field is not an object, next to it.
      return extra;
    }
  }
  for (const p of fieldsOf(provider)) {
    const text = (values[`params.${p.name}`] ?? '').trim();
    if (text === '') continue;
    if (p.type === 'number' || p.type === 'integer')
      params[p.name] = Number.isFinite(Number(text)) ? Number(text) : text;
    else if (p.type === 'boolean') params[p.name] = text === 'true' ? true : text === 'false' ? false : text;
    else params[p.name] = values[`params.${p.name}`];
  }
  // Sent as typed, even where the provider refuses them: the API's refusal lands on the field.
  const place: Record<string, unknown> =
    params['userLocation'] && typeof params['userLocation'] === 'object'
      ? { ...(params['userLocation'] as object) }
      : {};
  for (const f of PLACE) {
    const text = (values[placeField(f)] ?? '').trim();
    if (text) place[f] = f === 'country' ? text.toUpperCase() : text;
  }
  if (Object.keys(place).length) params['userLocation'] = place;
  const locale = (values['params.locale'] ?? '').trim();
  if (locale) params['locale'] = locale;
  const persona = (values['params.persona'] ?? '').trim();
  if (persona) params['persona'] = values['params.persona'];
  return params;
}

export function ConfigurationsPage(_: { route: Route }) {
  const { base, reload } = useWorkspace();
  const abilities = useAbilities();
  const send = useSend();
  const confirm = useConfirm();
  const [archived, setArchived] = useState<'false' | 'true' | ''>('false');
  const [refresh, setRefresh] = useState(0);
  const list = usePagedList<ModelConfig>(`${base}/model-configs`, { archived: archived || null }, refresh);
  const providers = useLoad((auth, signal) => apiGet<Providers>(auth, '/v1/providers', signal), []);
  const editing = useEditing<ModelConfig>();
  const [outcome, setOutcome] = useState<{ done: string | null; error: ApiError | null }>({ done: null, error: null });
  const table = useRef<HTMLTableElement>(null);
  const changed = () => {
    setRefresh((n) => n + 1);
    reload?.();
  };

  async function act(config: ModelConfig, action: 'archive' | 'unarchive' | 'delete') {
    if (action === 'delete') {
      const yes = await confirm.ask({
        title: `Delete the configuration ${config.name}?`,
        lost: (
          <>
            <p>
              {config.name} ({config.provider}, {config.model}) is deleted, and the audits that use it stop asking it.
            </p>
            <p>A configuration that already has answers cannot be deleted: archive it to keep its results.</p>
          </>
        ),
        confirmLabel: `Delete ${config.name}`,
      });
      if (!yes) return;
    }
    try {
      const url = `${base}/model-configs/${encodeURIComponent(config.id)}`;
      if (action === 'delete') await send('DELETE', url);
      else await send('PATCH', url, { archived: action === 'archive' });
      setOutcome({
        done: `${action === 'delete' ? 'Deleted' : action === 'archive' ? 'Archived' : 'Unarchived'} ${config.name}.`,
        error: null,
      });
      editing.closeIf(config.id);
      changed();
    } catch (err) {
      setOutcome({ done: null, error: toApiError(err) });
    }
  }

  return (
    <>
      <p class="explain">
        Each configuration is one assistant asked one way: a provider, a model and its parameters. Reports compare them.
      </p>
      <RoleNote abilities={abilities} what="the configurations" />
      <div class="filters">
        <label>
          Show
          <select value={archived} onChange={(e) => setArchived(e.currentTarget.value as typeof archived)}>
            <option value="false">Active configurations</option>
            <option value="true">Archived configurations</option>
            <option value="">All configurations</option>
          </select>
        </label>
      </div>
      <Outcome done={outcome.done} error={outcome.error} what="the configuration" verb="change" />
      <Show value={list.page} what="the configurations">
        {(page) => (
          <>
            <ListTools
              canAdd={abilities.canEdit}
              addLabel="Add a configuration"
              adding={editing.item === 'new'}
              onAdd={() => editing.open('new')}
              csvName="Model configurations"
              tableRef={table}
              hasRows={page.data.length > 0}
            />
            {page.data.length === 0 ? (
              <Empty>No configuration here yet.</Empty>
            ) : (
              <TableScroll label="Model configurations">
                <table class="data" ref={table}>
                  <thead>
                    <tr>
                      <th scope="col">Name</th>
                      <th scope="col">Provider</th>
                      <th scope="col">Model</th>
                      <th scope="col">Location</th>
                      <th scope="col">Language</th>
                      <th scope="col">Persona</th>
                      <th scope="col">Parameters</th>
                      <th scope="col">State</th>
                      {abilities.canEdit && (
                        <th scope="col" data-csv-skip>
                          <span class="visually-hidden">Actions</span>
                        </th>
                      )}
                    </tr>
                  </thead>
                  <tbody>
                    {page.data.map((c) => (
                      <tr key={c.id} data-testid={`config-${c.id}`}>
                        <th scope="row">{c.name}</th>
                        <td>{c.provider}</td>
                        <td>{c.model}</td>
                        <td>{placeOf(c.location)}</td>
                        <td>{c.language ?? <span class="muted">The prompt’s</span>}</td>
                        <td>{c.persona ?? <span class="muted">None</span>}</td>
                        <td>
                          <code>{JSON.stringify(c.params)}</code>
                        </td>
                        <td>{c.archived ? 'Archived' : 'Active'}</td>
                        {abilities.canEdit && (
                          <td>
                            <div class="buttons">
                              <button
                                type="button"
                                class="secondary"
                                aria-expanded={editing.isOpen(c.id)}
                                onClick={() => editing.toggle(c)}
                              >
                                Edit<span class="visually-hidden"> {c.name}</span>
                              </button>
                              <button
                                type="button"
                                class="secondary"
                                onClick={() => act(c, c.archived ? 'unarchive' : 'archive')}
                              >
                                {c.archived ? 'Unarchive' : 'Archive'}
                                <span class="visually-hidden"> {c.name}</span>
                              </button>
                              <button type="button" class="secondary danger" onClick={() => act(c, 'delete')}>
                                Delete<span class="visually-hidden"> {c.name}</span>
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
            <Pager list={list} label="Model configurations" />
          </>
        )}
      </Show>
      {abilities.canEdit && editing.item && (
        <Show value={providers} what="the providers">
          {(p) => (
            <ConfigEditor
              key={editing.key}
              config={editing.item === 'new' ? null : editing.item}
              providers={p.providers}
              onSaved={(saved) => {
                editing.saved(saved);
                setOutcome({ done: null, error: null });
                changed();
              }}
              onClose={editing.close}
            />
          )}
        </Show>
      )}
      {confirm.dialog}
    </>
  );
}

function ConfigEditor({
  config,
  providers,
  onSaved,
  onClose,
}: {
  config: ModelConfig | null;
  providers: ProviderInfo[];
  onSaved(saved: ModelConfig): void;
  onClose(): void;
}) {
  const { base } = useWorkspace();
  const send = useSend();
  const firstProvider = config?.provider ?? providers.find((p) => p.configured)?.name ?? providers[0]?.name ?? '';
  const form = useForm<Values>(
    valuesOf(
      config,
      providers.find((p) => p.name === firstProvider),
      firstProvider,
    ),
  );
  const provider = providers.find((p) => p.name === form.values.provider);
  const model = provider?.models.find((m) => modelMatches(m.id, form.values.model ?? ''));
  const listId = `${form.id}-models`;

  return (
    <Section id="config-editor-heading" title={config ? `Edit ${config.name}` : 'New model configuration'}>
      <Form
        form={form}
        what="the configuration"
        submitLabel={config ? 'Save configuration' : 'Create configuration'}
        buttons={
          <button type="button" class="secondary" onClick={onClose}>
            Close
          </button>
        }
        onSubmit={async (values) => {
          const params = paramsOf(values, provider);
          const saved = config
            ? await send<ModelConfig>('PATCH', `${base}/model-configs/${encodeURIComponent(config.id)}`, {
                name: values.name,
                model: values.model,
                params,
              })
            : await send<ModelConfig>('POST', `${base}/model-configs`, {
                name: values.name,
                provider: values.provider,
                model: values.model,
                params,
              });
          onSaved(saved);
          return {
            values: valuesOf(
              saved,
              providers.find((p) => p.name === saved.provider),
              saved.provider,
            ),
            done: `Saved ${saved.name}: ${saved.provider}, ${saved.model}, parameters ${JSON.stringify(saved.params)}.`,
          };
        }}
      >
        <TextField
          form={form}
          name="name"
          label="Name"
          description="How reports name it, e.g. GPT-5.4 mini, web search."
        />
        {config ? (
          <p>
            Provider: <strong>{provider?.label ?? config.provider}</strong>{' '}
            <span class="muted">(a configuration keeps its provider)</span>
          </p>
        ) : (
          <SelectField
            form={form}
            name="provider"
            label="Provider"
            description={
              provider && !provider.configured
                ? `${provider.label} has no key on this deployment or organization yet: runs with it fail until one is set.`
                : 'The assistant to ask.'
            }
            options={providers.map((p) => ({
              value: p.name,
              label: `${p.label}${p.configured ? '' : ' (no key yet)'}`,
            }))}
          />
        )}
        <Field
          form={form}
          name="model"
          label="Model"
          description={model?.note ?? 'The model id as the provider names it; suggestions are listed.'}
        >
          {(props) => (
            <>
              <input
                {...props}
                type="text"
                list={listId}
                autoComplete="off"
                value={form.values.model ?? ''}
                onInput={(e) => form.set('model', e.currentTarget.value)}
              />
              <datalist id={listId}>
                {(provider?.models ?? []).map((m) => (
                  <option key={m.id} value={m.id.replace(/\*$/, '')} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        {provider && fieldsOf(provider).length > 0 && (
          <fieldset class="choices params">
            <legend>Parameters {provider.label} accepts</legend>
            {fieldsOf(provider).map((p) => (
              <ParameterField key={p.name} form={form} parameter={p} />
            ))}
          </fieldset>
        )}
        <fieldset class="choices params">
          <legend>Who asks, from where, in which language</legend>
          <TextField
            form={form}
            name={placeField('country')}
            label="Country"
            description={targetingNote(
              provider,
              'userLocation',
              'Where the question is asked from: a two-letter country code such as FR (web search needs to be on for API models). Empty: no location.',
            )}
            autoComplete="off"
          />
          <TextField
            form={form}
            name={placeField('region')}
            label="Region"
            description={targetingNote(provider, 'userLocation', 'Optional region or state, e.g. Île-de-France.')}
          />
          <TextField
            form={form}
            name={placeField('city')}
            label="City"
            description={targetingNote(provider, 'userLocation', 'Optional city, e.g. Lyon.')}
          />
          <TextField
            form={form}
            name="params.locale"
            label="Language"
            description={targetingNote(
              provider,
              'locale',
              'The language (and on results pages and apps, the country) as a locale such as fr-FR. Empty: each prompt’s own language.',
            )}
            autoComplete="off"
          />
          <TextAreaField
            form={form}
            name="params.persona"
            label="Persona"
            rows={2}
            description={targetingNote(
              provider,
              'persona',
              'Who is asking, e.g. IT manager at a 200-person logistics company in Lyon. Sent after the system prompt as “The person asking: …”. Empty: nobody in particular.',
            )}
          />
        </fieldset>
        <TextAreaField
          form={form}
          name="params"
          label="More parameters (JSON)"
          rows={3}
          description='Any other parameter, as a JSON object, e.g. {"userLocation": {"timezone": "Europe/Paris"}}. Leave empty for none.'
        />
      </Form>
    </Section>
  );
}

/** A configuration's location in words: city, region, country; a dash when it has none. */
function placeOf(location: ModelConfig['location']): string {
  if (!location) return '—';
  return [location.city, location.region, location.country].filter(Boolean).join(', ');
}

/** "gpt-5.6*" matches gpt-5.6 and gpt-5.6-mini; an exact id only itself. */
function modelMatches(pattern: string, model: string): boolean {
  return pattern.endsWith('*') ? model.startsWith(pattern.slice(0, -1)) : model === pattern;
}

function ParameterField({ form, parameter: p }: { form: FormState<Values>; parameter: ProviderParameter }) {
  const name = `params.${p.name}`;
  const range = p.min !== undefined || p.max !== undefined ? ` From ${p.min ?? '…'} to ${p.max ?? '…'}.` : '';
  const fallback = p.default !== undefined ? ` Default: ${String(p.default)}.` : ' Empty: the provider’s default.';
  const description = `${p.description}${range}${fallback}`;
  if (p.type === 'boolean' || p.type === 'enum') {
    const values = p.type === 'boolean' ? ['true', 'false'] : (p.values ?? []);
    return (
      <SelectField
        form={form}
        name={name}
        label={p.name}
        description={description}
        options={[
          { value: '', label: 'Default' },
          ...values.map((v) => ({ value: v, label: v === 'true' ? 'Yes' : v === 'false' ? 'No' : v })),
        ]}
      />
    );
  }
  if (p.name === 'systemPrompt')
    return <TextAreaField form={form} name={name} label={p.name} description={description} rows={3} />;
  return (
    <TextField
      form={form}
      name={name}
      label={p.name}
      description={description}
      type={p.type === 'string' ? 'text' : 'number'}
      inputMode={p.type === 'integer' ? 'numeric' : p.type === 'number' ? 'decimal' : undefined}
    />
  );
}
