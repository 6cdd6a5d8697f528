/**
 * The prompt library: every prompt of the workspace, searched (text contains), filtered by tag
 * and archived state, a page at a time. Editors add and edit prompts (text, locale, tags),
 * archive them, import many from a CSV file (the API checks every line and imports all or none;
 * each refused line is listed with its problem), and act on a selection at once: tag, untag,
 * archive, unarchive or delete (a prompt that has answers cannot be deleted: archive it instead;
 * the API says which, the others proceed).
 */
import { useRef, useState } from 'preact/hooks';
import { type ApiError, TextBody } from '../../api/client.js';
import type { Prompt } from '../../api/types.js';
import { useConfirm } from '../../components/confirm.js';
import { DownloadCsv } from '../../components/csv-download.js';
import { Form, TextAreaField, TextField, listOf, useForm } from '../../components/form.js';
import { Pager, useDebounced, usePagedList } from '../../components/paged-list.js';
import { Empty, ErrorMessage, Show, TableScroll } from '../../components/status.js';
import { useWorkspace } from '../../components/workspace.js';
import { useAbilities } from '../../lib/abilities.js';
import { formatDateTime, truncate } from '../../lib/format.js';
import type { Route } from '../../lib/router.js';
import { toApiError, useSend } from '../../lib/use-api.js';
import { RoleNote, Section, useEditing } from './common.js';

type BulkAction = 'tag' | 'untag' | 'archive' | 'unarchive' | 'delete';
interface BulkResult {
  results: Array<{ promptId: string; ok: boolean; error?: { code: string; detail: string } }>;
  changed: number;
}

type PromptValues = { text: string; locale: string; tags: string };
const valuesOf = (p: Prompt | null): PromptValues =>
  p ? { text: p.text, locale: p.locale, tags: p.tags.join(', ') } : { text: '', locale: 'en-US', tags: '' };

export function LibraryPage(_: { route: Route }) {
  const { base } = useWorkspace();
  const abilities = useAbilities();
  const send = useSend();
  const confirm = useConfirm();
  const [search, setSearch] = useState('');
  const [tag, setTag] = useState('');
  const [archived, setArchived] = useState<'false' | 'true' | ''>('false');
  const q = useDebounced(search.trim(), 300);
  const [refresh, setRefresh] = useState(0);
  const list = usePagedList<Prompt>(
    `${base}/prompts`,
    { q: q || null, tag: tag.trim() || null, archived: archived || null },
    refresh,
  );
  const [selected, setSelected] = useState<Map<string, Prompt>>(new Map());
  const editing = useEditing<Prompt>();
  const [outcome, setOutcome] = useState<{
    done: string | null;
    refused: Array<{ prompt: Prompt | undefined; detail: string }>;
    error: ApiError | null;
  }>({ done: null, refused: [], error: null });
  const [bulkTags, setBulkTags] = useState('');
  const [busy, setBusy] = useState(false);
  const table = useRef<HTMLTableElement>(null);
  const changed = () => setRefresh((n) => n + 1);

  function toggle(p: Prompt, on: boolean) {
    setSelected((s) => {
      const next = new Map(s);
      if (on) next.set(p.id, p);
      else next.delete(p.id);
      return next;
    });
  }

  async function bulk(action: BulkAction) {
    const prompts = [...selected.values()];
    if (action === 'delete') {
      const yes = await confirm.ask({
        title: `Delete ${prompts.length} prompt${prompts.length === 1 ? '' : 's'}?`,
        lost: (
          <>
            <p>
              {prompts.length === 1 ? 'This prompt is' : 'These prompts are'} deleted for good and no audit asks{' '}
              {prompts.length === 1 ? 'it' : 'them'} again. A prompt that already has answers is kept (archive it
              instead): its answers stay in the reports.
            </p>
            <ul>
              {prompts.slice(0, 5).map((p) => (
                <li key={p.id}>{truncate(p.text, 80)}</li>
              ))}
              {prompts.length > 5 && <li>and {prompts.length - 5} more</li>}
            </ul>
          </>
        ),
        confirmLabel: `Delete ${prompts.length} prompt${prompts.length === 1 ? '' : 's'}`,
      });
      if (!yes) return;
    }
    setBusy(true);
    try {
      const tags = listOf(bulkTags);
      const result = await send<BulkResult>('POST', `${base}/prompts/bulk`, {
        promptIds: prompts.map((p) => p.id),
        action,
        ...(action === 'tag' || action === 'untag' ? { tags } : {}),
      });
      const refused = result.results
        .filter((r) => !r.ok)
        .map((r) => ({ prompt: selected.get(r.promptId), detail: r.error?.detail ?? 'refused' }));
      setOutcome({
        done: `${BULK_DONE[action]} ${result.changed} of ${prompts.length} prompt${prompts.length === 1 ? '' : 's'}.`,
        refused,
        error: null,
      });
      // What was refused stays selected, to act on it otherwise (archive instead of delete).
      setSelected(new Map(refused.flatMap((r) => (r.prompt ? [[r.prompt.id, r.prompt] as const] : []))));
      changed();
    } catch (err) {
      setOutcome({ done: null, refused: [], error: toApiError(err) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <p class="explain">The questions audits ask assistants. Tags select prompts in audits and slice the reports.</p>
      <RoleNote abilities={abilities} what="the prompts" />
      <div class="filters" role="search" aria-label="Prompts">
        <label>
          Search
          <input type="search" value={search} onInput={(e) => setSearch(e.currentTarget.value)} />
        </label>
        <label>
          Tag
          <input type="text" value={tag} onInput={(e) => setTag(e.currentTarget.value)} />
        </label>
        <label>
          Show
          <select value={archived} onChange={(e) => setArchived(e.currentTarget.value as typeof archived)}>
            <option value="false">Active prompts</option>
            <option value="true">Archived prompts</option>
            <option value="">All prompts</option>
          </select>
        </label>
      </div>
      <div aria-live="polite">
        {outcome.done && (
          <div class="done" role="status" data-testid="bulk-outcome">
            <p>{outcome.done}</p>
            {outcome.refused.length > 0 && (
              <ul>
                {outcome.refused.map((r) => (
                  <li key={r.prompt?.id ?? r.detail}>
                    {r.prompt ? `“${truncate(r.prompt.text, 60)}”` : 'A prompt'}: {r.detail}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        {outcome.error && <ErrorMessage error={outcome.error} what="the prompts" verb="change" />}
      </div>
      {abilities.canEdit && selected.size > 0 && (
        <fieldset class="filters bulk-bar" disabled={busy}>
          <legend>
            {selected.size} prompt{selected.size === 1 ? '' : 's'} selected
          </legend>
          <label>
            Tags to add or remove
            <input type="text" value={bulkTags} onInput={(e) => setBulkTags(e.currentTarget.value)} />
          </label>
          <button type="button" class="secondary" onClick={() => bulk('tag')}>
            Tag
          </button>
          <button type="button" class="secondary" onClick={() => bulk('untag')}>
            Untag
          </button>
          <button type="button" class="secondary" onClick={() => bulk('archive')}>
            Archive
          </button>
          <button type="button" class="secondary" onClick={() => bulk('unarchive')}>
            Unarchive
          </button>
          <button type="button" class="secondary danger" onClick={() => bulk('delete')}>
            Delete
          </button>
          <button type="button" class="link-button" onClick={() => setSelected(new Map())}>
            Clear the selection
          </button>
        </fieldset>
      )}
      <Show value={list.page} what="the prompts">
        {(page) => (
          <>
            <div class="table-tools">
              {abilities.canEdit ? (
                <button type="button" onClick={() => editing.open('new')} aria-expanded={editing.item === 'new'}>
                  Add a prompt
                </button>
              ) : (
                <span />
              )}
              {page.data.length > 0 && <DownloadCsv name="Prompts" tableRef={table} />}
            </div>
            {page.data.length === 0 ? (
              <Empty>{q || tag ? 'No prompt matches these filters.' : 'No prompt here yet.'}</Empty>
            ) : (
              <TableScroll label="Prompts">
                <table class="data" ref={table}>
                  <thead>
                    <tr>
                      {abilities.canEdit && (
                        <th scope="col" data-csv-skip>
                          <input
                            type="checkbox"
                            aria-label="Select every prompt of this page"
                            checked={page.data.every((p) => selected.has(p.id))}
                            onChange={(e) => {
                              const on = e.currentTarget.checked;
                              for (const p of page.data) toggle(p, on);
                            }}
                          />
                        </th>
                      )}
                      <th scope="col">Prompt</th>
                      <th scope="col">Tags</th>
                      <th scope="col">Locale</th>
                      <th scope="col">State</th>
                      <th scope="col">Created</th>
                      {abilities.canEdit && (
                        <th scope="col" data-csv-skip>
                          <span class="visually-hidden">Actions</span>
                        </th>
                      )}
                    </tr>
                  </thead>
                  <tbody>
                    {page.data.map((p) => (
                      <tr key={p.id} data-testid={`prompt-${p.id}`}>
                        {abilities.canEdit && (
                          <td>
                            <input
                              type="checkbox"
                              aria-label={`Select “${truncate(p.text, 60)}”`}
                              checked={selected.has(p.id)}
                              onChange={(e) => toggle(p, e.currentTarget.checked)}
                            />
                          </td>
                        )}
                        <th scope="row" class="prompt-text">
                          {p.text}
                        </th>
                        <td>{p.tags.join(', ')}</td>
                        <td>{p.locale}</td>
                        <td>{p.archived ? 'Archived' : 'Active'}</td>
                        <td data-csv={p.createdAt}>{formatDateTime(p.createdAt)}</td>
                        {abilities.canEdit && (
                          <td>
                            <button
                              type="button"
                              class="secondary"
                              aria-expanded={editing.isOpen(p.id)}
                              onClick={() => editing.toggle(p)}
                            >
                              Edit<span class="visually-hidden"> “{truncate(p.text, 60)}”</span>
                            </button>
                          </td>
                        )}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            )}
            <Pager list={list} label="Prompts" />
          </>
        )}
      </Show>
      {abilities.canEdit && editing.item && (
        <PromptEditor
          key={editing.key}
          prompt={editing.item === 'new' ? null : editing.item}
          onSaved={(saved) => {
            // A new prompt's form starts again blank (saying what was created); an edited one stays.
            if (editing.item !== 'new') editing.saved(saved);
            changed();
          }}
          onDeleted={() => {
            editing.close();
            changed();
          }}
          onClose={editing.close}
        />
      )}
      {abilities.canEdit && <ImportPrompts onImported={changed} />}
      {confirm.dialog}
    </>
  );
}

const BULK_DONE: Record<BulkAction, string> = {
  tag: 'Tagged',
  untag: 'Untagged',
  archive: 'Archived',
  unarchive: 'Unarchived',
  delete: 'Deleted',
};

function PromptEditor({
  prompt,
  onSaved,
  onDeleted,
  onClose,
}: {
  prompt: Prompt | null;
  onSaved(saved: Prompt): void;
  onDeleted(): void;
  onClose(): void;
}) {
  const { base } = useWorkspace();
  const send = useSend();
  const confirm = useConfirm();
  const form = useForm<PromptValues>(valuesOf(prompt));
  const [current, setCurrent] = useState(prompt);
  const [error, setError] = useState<ApiError | null>(null);
  const url = prompt ? `${base}/prompts/${encodeURIComponent(prompt.id)}` : null;

  async function setArchived(archived: boolean) {
    if (!url) return;
    try {
      const saved = await send<Prompt>('PATCH', url, { archived });
      setCurrent(saved);
      setError(null);
      onSaved(saved);
    } catch (err) {
      setError(toApiError(err));
    }
  }
  async function remove() {
    if (!url || !prompt) return;
    const yes = await confirm.ask({
      title: 'Delete this prompt?',
      lost: (
        <>
          <p>“{truncate(prompt.text, 120)}” is deleted for good; no audit asks it again.</p>
          <p>A prompt that has answers cannot be deleted (its answers are in reports): archive it instead.</p>
        </>
      ),
      confirmLabel: 'Delete the prompt',
    });
    if (!yes) return;
    try {
      await send('DELETE', url);
      onDeleted();
    } catch (err) {
      setError(toApiError(err));
    }
  }

  return (
    <Section id="prompt-editor-heading" title={prompt ? 'Edit the prompt' : 'New prompt'}>
      <Form
        form={form}
        what="the prompt"
        submitLabel={prompt ? 'Save prompt' : 'Create prompt'}
        buttons={
          <>
            {current && (
              <button type="button" class="secondary" onClick={() => setArchived(!current.archived)}>
                {current.archived ? 'Unarchive' : 'Archive'}
              </button>
            )}
            {current && (
              <button type="button" class="secondary danger" onClick={remove}>
                Delete
              </button>
            )}
            <button type="button" class="secondary" onClick={onClose}>
              Close
            </button>
          </>
        }
        onSubmit={async (values) => {
          const body = { text: values.text, locale: values.locale, tags: listOf(values.tags) };
          const saved = url
            ? await send<Prompt>('PATCH', url, body)
            : await send<Prompt>('POST', `${base}/prompts`, body);
          if (prompt) setCurrent(saved);
          onSaved(saved);
          return {
            values: prompt ? valuesOf(saved) : valuesOf(null),
            done: `${prompt ? 'Saved' : 'Created'} “${truncate(saved.text, 80)}” (${saved.locale}${saved.tags.length ? `; tags ${saved.tags.join(', ')}` : ''}).`,
          };
        }}
      >
        <TextAreaField
          form={form}
          name="text"
          label="Prompt"
          rows={3}
          description="The question, as a buyer would ask an assistant."
        />
        <TextField form={form} name="locale" label="Locale" description="Language and region, e.g. en-US, fr-FR." />
        <TextField
          form={form}
          name="tags"
          label="Tags"
          description="Separated by commas: topic, intent, funnel stage (crm, comparison)."
        />
      </Form>
      {current?.archived && <p class="muted">This prompt is archived: audits selecting it by tag skip it.</p>}
      {error && <ErrorMessage error={error} what="the prompt" />}
      {confirm.dialog}
    </Section>
  );
}

interface LineProblem {
  line: number | null;
  field: string;
  message: string;
}

/** "prompts.3.tags" → line 5 of the file (the header is line 1), field tags. */
export function importProblems(error: ApiError): LineProblem[] {
  return error.errors.map((e) => {
    const m = /^(?:body\.)?prompts\.(\d+)(?:\.(.+))?$/.exec(e.path);
    if (m) return { line: Number(m[1]) + 2, field: m[2] ?? 'row', message: e.message };
    return { line: null, field: e.path.replace(/^body\.?/, '') || 'file', message: e.message };
  });
}

function ImportPrompts({ onImported }: { onImported(): void }) {
  const { base } = useWorkspace();
  const send = useSend();
  const [csv, setCsv] = useState('');
  const [state, setState] = useState<{
    busy: boolean;
    done: string | null;
    error: ApiError | null;
    imported: Prompt[];
  }>({ busy: false, done: null, error: null, imported: [] });

  async function submit(event: Event) {
    event.preventDefault();
    setState({ busy: true, done: null, error: null, imported: [] });
    try {
      const result = await send<{ imported: number; prompts: Prompt[] }>(
        'POST',
        `${base}/prompts/import`,
        new TextBody(csv, 'text/csv'),
      );
      setState({
        busy: false,
        done: `Imported ${result.imported} prompt${result.imported === 1 ? '' : 's'}.`,
        error: null,
        imported: result.prompts,
      });
      setCsv('');
      onImported();
    } catch (err) {
      setState({ busy: false, done: null, error: toApiError(err), imported: [] });
    }
  }

  const problems = state.error ? importProblems(state.error) : [];
  return (
    <Section id="import-heading" title="Import prompts from CSV">
      <form class="kit-form" onSubmit={submit} noValidate>
        <p class="field-help" id="import-help">
          A header row with <code>text</code>, and optionally <code>locale</code> and <code>tags</code> (several tags
          separated by ; as in crm;smb). A text containing a comma goes in double quotes. Every line is checked: either
          all are imported or none.
        </p>
        <div class="field">
          <label for="import-file">CSV file</label>
          <input
            id="import-file"
            type="file"
            accept=".csv,text/csv"
            onChange={async (e) => {
              const file = e.currentTarget.files?.[0];
              if (file) setCsv(await file.text());
            }}
          />
        </div>
        <div class={`field${state.error ? ' invalid' : ''}`}>
          <label for="import-csv">Or paste the CSV</label>
          <textarea
            id="import-csv"
            rows={6}
            value={csv}
            aria-describedby={`import-help${state.error ? ' import-problems' : ''}`}
            aria-invalid={state.error ? 'true' : undefined}
            onInput={(e) => setCsv(e.currentTarget.value)}
          />
        </div>
        <div class="buttons">
          <button type="submit" disabled={state.busy || !csv.trim()}>
            {state.busy ? 'Importing…' : 'Import prompts'}
          </button>
        </div>
      </form>
      <div aria-live="polite">
        {state.done && (
          <div class="done" role="status">
            <p>{state.done}</p>
            <ul data-testid="imported-prompts">
              {state.imported.slice(0, 10).map((p) => (
                <li key={p.id}>
                  {truncate(p.text, 80)} ({p.locale}
                  {p.tags.length ? `; ${p.tags.join(', ')}` : ''})
                </li>
              ))}
              {state.imported.length > 10 && <li>and {state.imported.length - 10} more</li>}
            </ul>
          </div>
        )}
        {state.error && (
          <div class="error" role="alert" id="import-problems">
            <p>
              <strong>Nothing was imported.</strong> {state.error.message}
            </p>
            {problems.length > 0 && (
              <table class="data" data-testid="import-problems">
                <caption class="visually-hidden">Problems per line</caption>
                <thead>
                  <tr>
                    <th scope="col">Line</th>
                    <th scope="col">Field</th>
                    <th scope="col">Problem</th>
                  </tr>
                </thead>
                <tbody>
                  {problems.map((p) => (
                    <tr key={`${p.line}-${p.field}-${p.message}`}>
                      <td>{p.line ?? '—'}</td>
                      <td>{p.field}</td>
                      <td>{p.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        )}
      </div>
    </Section>
  );
}
