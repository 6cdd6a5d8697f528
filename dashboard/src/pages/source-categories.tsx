/**
 * Source categories on the citations page: the split of cited sources by kind of site (own,
 * competitors', forums, video, social, reviews, news, reference, institutions, marketplaces,
 * other), and the workspace's overrides of the categories Citewatch gives domains.
 */
import { useState } from 'preact/hooks';
import { buildUrl, type Query } from '../api/client.js';
import type { CitationsReport, SourceCategoryOverride, SourceCategoryTrendsReport } from '../api/types.js';
import { useConfirm } from '../components/confirm.js';
import { DownloadCsv } from '../components/csv-download.js';
import { Form, SelectField, TextField, useForm } from '../components/form.js';
import { Pager, usePagedList } from '../components/paged-list.js';
import { Rate } from '../components/rate.js';
import { Empty, Show, TableScroll } from '../components/status.js';
import { useWorkspace } from '../components/workspace.js';
import { useAbilities } from '../lib/abilities.js';
import { useTableRef } from '../lib/table-ref.js';
import { useAction, useApi, useSend } from '../lib/use-api.js';

type Category = CitationsReport['sourceCategories']['categories'][number]['category'];

export const CATEGORY_LABELS: Record<Category, string> = {
  own: 'Own brands’ sites',
  competitor: 'Competitors’ sites',
  forum: 'Forums and communities',
  video: 'Video',
  social: 'Social networks',
  review: 'Review and comparison sites',
  news: 'News and editorial',
  reference: 'Reference',
  institutional: 'Institutional',
  marketplace: 'Marketplaces and retail',
  other: 'Other',
};

export function CategorySplit({ report }: { report: CitationsReport }) {
  const table = useTableRef();
  const split = report.sourceCategories;
  return (
    <section aria-labelledby="categories-heading">
      <h2 id="categories-heading">Kinds of sources</h2>
      <p class="explain">
        Every cited source by the kind of site it is on, over the whole period: its share of the {split.cited} cited
        sources (intervals count answers, not citations) and the answers citing that kind at least once. Domain list
        version {split.listVersion}; change a domain’s kind under Source categories below.
      </p>
      <div class="table-tools">
        <DownloadCsv name="Kinds of sources" tableRef={table} />
      </div>
      <TableScroll label="Kinds of sources">
        <table class="data" ref={table} data-testid="source-categories">
          <thead>
            <tr>
              <th scope="col">Kind of source</th>
              <th scope="col">Citations</th>
              <th scope="col">Share of citations</th>
              <th scope="col">Answers citing it</th>
            </tr>
          </thead>
          <tbody>
            {split.categories.map((c) => (
              <tr key={c.category}>
                <th scope="row">{CATEGORY_LABELS[c.category]}</th>
                <td data-testid={`category-cited-${c.category}`}>{c.cited}</td>
                <td>
                  <Rate value={c.share} testId={`category-share-${c.category}`} />
                </td>
                <td>
                  <Rate value={c.citingAnswers} bar={false} testId={`category-answers-${c.category}`} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

/**
 * The split by kind of source per day or week (the source-category trends report): for each kind
 * cited in the period range, its share of the period's cited sources with its interval and n.
 */
export function CategoryTrend({ filters, refresh }: { filters: Query; refresh: number }) {
  const { base } = useWorkspace();
  const [interval, setPer] = useState<'day' | 'week'>('week');
  const table = useTableRef();
  const report = useApi<SourceCategoryTrendsReport>(
    buildUrl(`${base}/reports/source-category-trends`, { ...filters, interval }),
    refresh,
  );
  return (
    <section aria-labelledby="category-trend-heading">
      <h2 id="category-trend-heading">Sources by kind over time</h2>
      <p class="explain">
        Each kind’s share of the cited sources per {interval}, with its 95% interval and n, the period’s analysed
        answers. Kinds never cited in these periods are left out.
      </p>
      <div class="table-tools">
        <label>
          One row per{' '}
          <select value={interval} onChange={(e) => setPer(e.currentTarget.value as 'day' | 'week')}>
            <option value="day">Day</option>
            <option value="week">Week</option>
          </select>
        </label>
        <DownloadCsv name="Sources by kind over time" tableRef={table} />
      </div>
      <Show value={report} what="the sources by kind over time">
        {(r) => {
          const kinds = (Object.keys(CATEGORY_LABELS) as Category[]).filter((k) =>
            r.periods.some((p) => p.categories.some((c) => c.category === k && c.cited > 0)),
          );
          if (r.periods.length === 0 || kinds.length === 0) return <Empty>No cited source in these periods yet.</Empty>;
          return (
            <TableScroll label="Sources by kind over time">
              <table class="data" ref={table} data-testid="category-trend">
                <thead>
                  <tr>
                    <th scope="col">{interval === 'day' ? 'Day' : 'Week of'}</th>
                    <th scope="col">Answers (n)</th>
                    {kinds.map((k) => (
                      <th scope="col" key={k}>
                        {CATEGORY_LABELS[k]}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {r.periods.map((p) => (
                    <tr key={p.period}>
                      <th scope="row">{p.period}</th>
                      <td data-testid={`category-trend-n-${p.period}`}>{p.n}</td>
                      {kinds.map((k) => {
                        const c = p.categories.find((x) => x.category === k);
                        return (
                          <td key={k}>{c && <Rate value={c.share} testId={`category-trend-${p.period}-${k}`} />}</td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          );
        }}
      </Show>
    </section>
  );
}

const LISTED = (Object.keys(CATEGORY_LABELS) as Category[]).filter((c) => c !== 'own' && c !== 'competitor');
type Values = { domain: string; category: string; note: string };

/** The workspace's overrides: add one, list them, remove one. A change shows in the next report. */
export function CategoryOverrides({ onChange }: { onChange(): void }) {
  const { base } = useWorkspace();
  const abilities = useAbilities();
  const send = useSend();
  const confirm = useConfirm();
  const remove = useAction();
  const [refresh, setRefresh] = useState(0);
  const path = `${base}/source-category-overrides`;
  const list = usePagedList<SourceCategoryOverride>(path, {}, refresh);
  const initial: Values = { domain: '', category: 'forum', note: '' };
  const form = useForm<Values>(initial);
  const changed = () => {
    setRefresh((n) => n + 1);
    onChange();
  };
  return (
    <section aria-labelledby="overrides-heading">
      <h2 id="overrides-heading">Source categories</h2>
      <p class="explain">
        Citewatch classifies well-known sites itself, and your brands’ and competitors’ domains from the brands. Give a
        domain (and its subdomains) another kind here; every report uses it at once, past answers included.
      </p>
      {abilities.canEdit && (
        <Form
          form={form}
          what="the source category"
          submitLabel="Set the category"
          busyLabel="Saving…"
          guard={false}
          onSubmit={async (v) => {
            const body = { domain: v.domain, category: v.category, ...(v.note.trim() ? { note: v.note } : {}) };
            const saved = await send<SourceCategoryOverride>('POST', path, body);
            changed();
            return {
              values: initial,
              done: `${saved.domain} is now ${CATEGORY_LABELS[saved.category].toLowerCase()}.`,
            };
          }}
        >
          <TextField form={form} name="domain" label="Domain" description="e.g. crmforum.example.org" />
          <SelectField
            form={form}
            name="category"
            label="Kind of source"
            options={LISTED.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))}
          />
          <TextField form={form} name="note" label="Note (optional)" />
        </Form>
      )}
      {remove.error && (
        <p class="error" role="alert">
          Could not remove the category: {remove.error.message}
        </p>
      )}
      {remove.done && <p role="status">{remove.done}</p>}
      <Show value={list.page} what="the source categories">
        {(page) =>
          page.data.length === 0 ? (
            <Empty>No domain has a category of your own yet.</Empty>
          ) : (
            <TableScroll label="Source categories">
              <table data-testid="category-overrides">
                <thead>
                  <tr>
                    <th scope="col">Domain</th>
                    <th scope="col">Kind of source</th>
                    <th scope="col">Note</th>
                    <th scope="col">
                      <span class="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {page.data.map((o) => (
                    <tr key={o.id} data-override={o.domain}>
                      <th scope="row">{o.domain}</th>
                      <td>{CATEGORY_LABELS[o.category]}</td>
                      <td>{o.note ?? <span class="muted">—</span>}</td>
                      <td>
                        {abilities.canEdit && (
                          <button
                            type="button"
                            class="danger"
                            disabled={remove.busy}
                            onClick={async () => {
                              const yes = await confirm.ask({
                                title: `Remove the category of ${o.domain}?`,
                                lost: <p>Reports go back to the kind Citewatch gives this domain.</p>,
                                confirmLabel: 'Remove',
                              });
                              if (!yes) return;
                              await remove.run(async () => {
                                await send('DELETE', `${path}/${o.id}`);
                                changed();
                                return `Removed the category of ${o.domain}.`;
                              });
                            }}
                          >
                            Remove<span class="visually-hidden"> the category of {o.domain}</span>
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )
        }
      </Show>
      <Pager list={list} label="Source categories" />
      {confirm.dialog}
    </section>
  );
}
