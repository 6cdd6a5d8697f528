/**
 * Brands: the workspace's own brands and competitors, with their aliases, domains and whether
 * letter case must match. Editors add, change and delete them; the editor has a live preview:
 * paste an answer (and the URLs it cites) and see what would count as a mention and a citation,
 * computed by the API (POST …/analysis-preview) with exactly the analysis runs use, for the brand
 * as it is being edited (unsaved) alongside the workspace's other brands. Nothing is stored and no
 * model is called.
 */
import { useMemo, useRef, useState } from 'preact/hooks';
import type { ApiError } from '../../api/client.js';
import type { AnalysisPreview, Brand } from '../../api/types.js';
import { useConfirm } from '../../components/confirm.js';
import {
  CheckboxField,
  Form,
  type FormState,
  linesOf,
  listOf,
  SelectField,
  TextAreaField,
  TextField,
  useForm,
} from '../../components/form.js';
import { Pager, useDebounced, usePagedList } from '../../components/paged-list.js';
import { Empty, ErrorMessage, Show, TableScroll } from '../../components/status.js';
import { useWorkspace } from '../../components/workspace.js';
import { useAbilities } from '../../lib/abilities.js';
import { segmentsOf } from '../../lib/highlight.js';
import type { Route } from '../../lib/router.js';
import { toApiError, useLoad, useSend } from '../../lib/use-api.js';
import { RoleNote, Section, useEditing, Outcome, ListTools } from './common.js';

type BrandValues = {
  name: string;
  kind: 'own' | 'competitor';
  aliases: string;
  domains: string;
  caseSensitive: boolean;
};

const valuesOf = (b: Brand | null): BrandValues =>
  b
    ? {
        name: b.name,
        kind: b.kind,
        aliases: linesOf(b.aliases),
        domains: linesOf(b.domains),
        caseSensitive: b.caseSensitive,
      }
    : { name: '', kind: 'competitor', aliases: '', domains: '', caseSensitive: false };

const bodyOf = (v: BrandValues) => ({
  name: v.name,
  kind: v.kind,
  aliases: listOf(v.aliases),
  domains: listOf(v.domains),
  caseSensitive: v.caseSensitive,
});

export function BrandsPage(_: { route: Route }) {
  const { base, reload } = useWorkspace();
  const abilities = useAbilities();
  const send = useSend();
  const confirm = useConfirm();
  const [refresh, setRefresh] = useState(0);
  // null: no editor open; 'new': adding one; a brand: editing it.
  const editing = useEditing<Brand>();
  const [outcome, setOutcome] = useState<{ done: string | null; error: ApiError | null }>({ done: null, error: null });
  const list = usePagedList<Brand>(`${base}/brands`, {}, refresh, 50);
  const table = useRef<HTMLTableElement>(null);
  const changed = () => {
    setRefresh((n) => n + 1);
    reload?.();
  };

  async function remove(b: Brand) {
    const yes = await confirm.ask({
      title: `Delete the brand ${b.name}?`,
      lost: (
        <>
          <p>
            {b.name} is no longer tracked: its mentions and citations leave every report, including those of answers
            already collected, and new answers are not analysed for it.
          </p>
          <p>The answers themselves are kept; adding the brand again brings its mentions back after a re-analysis.</p>
        </>
      ),
      confirmLabel: `Delete ${b.name}`,
    });
    if (!yes) return;
    try {
      await send('DELETE', `${base}/brands/${encodeURIComponent(b.id)}`);
      setOutcome({ done: `Deleted the brand ${b.name}.`, error: null });
      editing.closeIf(b.id);
      changed();
    } catch (err) {
      setOutcome({ done: null, error: toApiError(err) });
    }
  }

  return (
    <>
      <p class="explain">
        Which names count as a brand in an answer, and which cited domains are its own. Your own brands are compared
        with the competitors in every report.
      </p>
      <RoleNote abilities={abilities} what="the brands" />
      <Outcome done={outcome.done} error={outcome.error} what="the brand" verb="delete" />
      <Show value={list.page} what="the brands">
        {(page) => (
          <>
            <ListTools
              canAdd={abilities.canEdit}
              addLabel="Add a brand"
              adding={editing.item === 'new'}
              onAdd={() => editing.open('new')}
              csvName="Brands"
              tableRef={table}
              hasRows={page.data.length > 0}
            />
            {page.data.length === 0 ? (
              <Empty>No brand yet{abilities.canEdit ? ': add your own brand, then its competitors.' : '.'}</Empty>
            ) : (
              <TableScroll label="Brands">
                <table class="data" ref={table}>
                  <thead>
                    <tr>
                      <th scope="col">Name</th>
                      <th scope="col">Kind</th>
                      <th scope="col">Aliases</th>
                      <th scope="col">Domains</th>
                      <th scope="col">Letter case</th>
                      {abilities.canEdit && (
                        <th scope="col" data-csv-skip>
                          <span class="visually-hidden">Actions</span>
                        </th>
                      )}
                    </tr>
                  </thead>
                  <tbody>
                    {page.data.map((b) => (
                      <tr key={b.id} data-testid={`brand-${b.id}`}>
                        <th scope="row">{b.name}</th>
                        <td>{b.kind === 'own' ? 'Own brand' : 'Competitor'}</td>
                        <td>{b.aliases.join(', ')}</td>
                        <td>{b.domains.join(', ')}</td>
                        <td>{b.caseSensitive ? 'Must match' : 'Ignored'}</td>
                        {abilities.canEdit && (
                          <td>
                            <div class="buttons">
                              <button
                                type="button"
                                class="secondary"
                                aria-expanded={editing.isOpen(b.id)}
                                onClick={() => editing.toggle(b)}
                              >
                                Edit<span class="visually-hidden"> {b.name}</span>
                              </button>
                              <button type="button" class="secondary danger" onClick={() => remove(b)}>
                                Delete<span class="visually-hidden"> {b.name}</span>
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
            <Pager list={list} label="Brands" />
          </>
        )}
      </Show>
      {abilities.canEdit && editing.item && (
        <BrandEditor
          key={editing.key}
          brand={editing.item === 'new' ? null : editing.item}
          onSaved={(saved, created) => {
            setOutcome({ done: null, error: null });
            if (created) editing.saved(saved);
            changed();
          }}
          onClose={editing.close}
        />
      )}
      {confirm.dialog}
    </>
  );
}

function BrandEditor({
  brand,
  onSaved,
  onClose,
}: {
  brand: Brand | null;
  onSaved(saved: Brand, created: boolean): void;
  onClose(): void;
}) {
  const { base } = useWorkspace();
  const send = useSend();
  const form = useForm<BrandValues>(valuesOf(brand));
  const title = brand ? `Edit ${brand.name}` : 'New brand';
  return (
    <Section id="brand-editor-heading" title={title}>
      <div class="editor-with-preview">
        <Form
          form={form}
          what="the brand"
          submitLabel={brand ? 'Save brand' : 'Create brand'}
          buttons={
            <button type="button" class="secondary" onClick={onClose}>
              Close
            </button>
          }
          onSubmit={async (values) => {
            const saved = brand
              ? await send<Brand>('PATCH', `${base}/brands/${encodeURIComponent(brand.id)}`, bodyOf(values))
              : await send<Brand>('POST', `${base}/brands`, bodyOf(values));
            onSaved(saved, !brand);
            return {
              values: valuesOf(saved),
              done: `${brand ? 'Saved' : 'Created'} ${saved.name}: ${saved.aliases.length} alias${saved.aliases.length === 1 ? '' : 'es'}, ${saved.domains.length} domain${saved.domains.length === 1 ? '' : 's'}.`,
            };
          }}
        >
          <TextField form={form} name="name" label="Name" description="As people write it, e.g. HubSpot." />
          <SelectField
            form={form}
            name="kind"
            label="Kind"
            options={[
              { value: 'own', label: 'Own brand' },
              { value: 'competitor', label: 'Competitor' },
            ]}
          />
          <TextAreaField
            form={form}
            name="aliases"
            label="Aliases"
            rows={3}
            description="Other names it goes by (products, abbreviations), one per line."
          />
          <TextAreaField
            form={form}
            name="domains"
            label="Domains"
            rows={3}
            description="Domains it owns, one per line (hubspot.com); citations of them and their subdomains count as its own."
          />
          <CheckboxField
            form={form}
            name="caseSensitive"
            label="Letter case must match"
            description="For names that are also common words (Notion, Apple)."
          />
        </Form>
        <BrandPreview form={form} editing={brand} />
      </div>
    </Section>
  );
}

/** The brand being edited, unsaved, among the workspace's other brands, as the preview's drafts. */
function draftsOf(values: BrandValues, editing: Brand | null, brands: Brand[]) {
  const draft = { ...bodyOf(values), name: values.name.trim() || 'Unnamed brand' };
  const others = brands
    .filter((b) => b.id !== editing?.id)
    .map((b) => ({
      id: b.id,
      name: b.name,
      aliases: b.aliases,
      domains: b.domains,
      kind: b.kind,
      caseSensitive: b.caseSensitive,
    }));
  return [...others, editing ? { id: editing.id, ...draft } : draft];
}

function BrandPreview({ form, editing }: { form: FormState<BrandValues>; editing: Brand | null }) {
  const { base, brands } = useWorkspace();
  const [text, setText] = useState('');
  const [urls, setUrls] = useState('');
  const request = useDebounced({ text, urls, drafts: draftsOf(form.values, editing, brands) }, 400);
  const send = useSend();
  const preview = useLoad<AnalysisPreview | null>(
    request.text.trim() || request.urls.trim()
      ? () =>
          send<AnalysisPreview>('POST', `${base}/analysis-preview`, {
            text: request.text,
            citations: listOf(request.urls),
            brands: request.drafts,
          })
      : null,
    [request],
  );
  const draftName = form.values.name.trim() || 'Unnamed brand';
  return (
    <section class="preview-panel" aria-labelledby="preview-heading">
      <h3 id="preview-heading">Preview</h3>
      <p class="field-help">
        Paste an answer: what counts as a mention and a citation is shown as the runs' analysis would find it, with this
        brand as it is now in the form (saved or not).
      </p>
      <div class="field">
        <label for="preview-text">Answer text</label>
        <textarea id="preview-text" rows={6} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      </div>
      <div class="field">
        <label for="preview-urls">Cited URLs</label>
        <p id="preview-urls-help" class="field-help">
          One per line, as an assistant's sources list would give them.
        </p>
        <textarea
          id="preview-urls"
          rows={3}
          aria-describedby="preview-urls-help"
          value={urls}
          onInput={(e) => setUrls(e.currentTarget.value)}
        />
      </div>
      <div aria-live="polite" data-testid="preview-result">
        {!request.text.trim() && !request.urls.trim() ? null : preview.state === 'loading' ? (
          <p class="status">Analysing…</p>
        ) : preview.state === 'error' ? (
          <ErrorMessage error={preview.error} what="the preview" verb="compute" />
        ) : preview.data ? (
          <PreviewResult result={preview.data} text={request.text} draftName={draftName} />
        ) : null}
      </div>
    </section>
  );
}

function PreviewResult({ result, text, draftName }: { result: AnalysisPreview; text: string; draftName: string }) {
  const order = useMemo(() => result.mentions.map((m) => m.brandName), [result]);
  const colorOf = (name: string) => `brand-${Math.max(0, order.indexOf(name)) % 8}`;
  const segments = useMemo(
    () =>
      segmentsOf(
        text,
        result.mentions.map((m) => ({ brand: m.brandName, spans: m.spans.map((s) => [s.start, s.end] as const) })),
      ),
    [result, text],
  );
  const drafted = result.mentions.find((m) => m.brandName === draftName);
  return (
    <>
      <p data-testid="preview-verdict">
        {drafted
          ? `${draftName} is named ${drafted.count}× (rank ${drafted.rank}).`
          : `${draftName} is not named in this text.`}
      </p>
      {result.mentions.length > 0 && (
        <ul class="legend" data-testid="preview-mentions">
          {result.mentions.map((m) => (
            <li key={m.brandName} data-testid={`preview-mention-${m.brandName}`}>
              <mark class={colorOf(m.brandName)}>{m.brandName}</mark> {m.kind === 'own' ? '(own)' : '(competitor)'}{' '}
              named {m.count}× · rank {m.rank} · sentiment {m.sentiment.toFixed(2)} · as{' '}
              {m.spans.map((s) => `“${s.text}”`).join(', ')}
            </li>
          ))}
        </ul>
      )}
      {text && (
        <div class="answer-text" data-testid="preview-text">
          {segments.map((s) =>
            s.brands.length === 0 ? (
              s.text
            ) : (
              <mark key={s.start} class={colorOf(s.brands[0] ?? '')} title={s.brands.join(', ')}>
                {s.text}
              </mark>
            ),
          )}
        </div>
      )}
      <h4>Citations</h4>
      {result.citations.length === 0 ? (
        <p class="muted">No citation.</p>
      ) : (
        <ul class="citations" data-testid="preview-citations">
          {result.citations.map((c) => (
            <li key={`${c.source}:${c.url}`}>
              {c.url} — {c.domain}: {c.brandName ? `${c.brandName}'s own domain` : 'no tracked brand'}
              {c.source === 'text' ? ' (found in the text)' : ''}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
