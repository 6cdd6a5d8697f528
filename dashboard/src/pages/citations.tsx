/**
 * Citations: which sources the assistants cite, how often each brand's own domains are among
 * them, and how sources reach an answer (provider annotations, links in the text, pages
 * retrieved but not cited) per provider; the pages (URLs) most cited, not only their domains.
 * Every table downloads as CSV.
 */
import { useState } from 'preact/hooks';
import { buildUrl } from '../api/client.js';
import type { Brand, CitationsReport } from '../api/types.js';
import { DownloadCsv } from '../components/csv-download.js';
import { FilterBar, useReportFilters } from '../components/filter-bar.js';
import { Rate } from '../components/rate.js';
import { Empty, Show, TableScroll } from '../components/status.js';
import { useWorkspace } from '../components/workspace.js';
import { formatRate, percent } from '../lib/format.js';
import type { Route } from '../lib/router.js';
import { useTableRef } from '../lib/table-ref.js';
import { useApi } from '../lib/use-api.js';
import { BrandRowHeader } from '../components/brand-name.js';
import { CategoryOverrides, CategorySplit, CategoryTrend } from './source-categories.js';

const TOP = 20;
type Group = CitationsReport['groups'][number];

export function CitationsPage({ route }: { route: Route }) {
  const { base, brands } = useWorkspace();
  const filters = useReportFilters(route);
  const [refresh, setRefresh] = useState(0);
  const report = useApi<CitationsReport>(buildUrl(`${base}/reports/citations`, { ...filters, top: TOP }), refresh);
  return (
    <>
      <FilterBar route={route} />
      <Show value={report} what="citations">
        {(r) => {
          const group = r.groups[0];
          if (!group || group.n === 0) return <Empty>No analysed answers match these filters yet.</Empty>;
          return (
            <>
              <p class="summary" data-testid="citations-summary">
                {group.cited} cited sources in {group.n} answers. Answers citing at least one source:{' '}
                {formatRate(group.citingAnswers)}.
              </p>
              <OwnDomains group={group} brands={brands} />
              <CategorySplit report={r} />
              <CategoryTrend filters={filters} refresh={refresh} />
              <TopDomains group={group} />
              <TopUrls group={group} />
              <CompetitorOnly report={r} />
              <BySource report={r} />
            </>
          );
        }}
      </Show>
      <CategoryOverrides onChange={() => setRefresh((n) => n + 1)} />
    </>
  );
}

function OwnDomains({ group, brands }: { group: Group; brands: Brand[] }) {
  const table = useTableRef();
  const order = (id: string) => brands.findIndex((b) => b.id === id);
  const rows = [...group.brands].sort((a, b) => order(a.brandId) - order(b.brandId));
  return (
    <section aria-labelledby="own-heading">
      <h2 id="own-heading">Own-domain share</h2>
      <p class="explain">
        Citations of each brand's own domains (as listed on the brand) among every cited source, and the answers citing
        them at least once.
      </p>
      {rows.length === 0 ? (
        <Empty>No brand lists a domain yet: add domains to brands to see their share.</Empty>
      ) : (
        <>
          <div class="table-tools">
            <DownloadCsv name="Own-domain share" tableRef={table} />
          </div>
          <TableScroll label="Own-domain share">
            <table class="data" ref={table}>
              <thead>
                <tr>
                  <th scope="col">Brand</th>
                  <th scope="col">Citations of its domains</th>
                  <th scope="col">Share of all citations</th>
                  <th scope="col">Answers citing its domains</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((b) => (
                  <tr key={b.brandId} class={b.brandKind === 'own' ? 'own' : undefined}>
                    <BrandRowHeader name={b.brandName} kind={b.brandKind} />
                    <td data-testid={`own-cited-${b.brandId}`}>{b.cited}</td>
                    <td>
                      <Rate value={b.share} testId={`own-share-${b.brandId}`} />
                    </td>
                    <td>
                      <Rate value={b.citingAnswers} bar={false} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </section>
  );
}

function TopDomains({ group }: { group: Group }) {
  const table = useTableRef();
  return (
    <section aria-labelledby="domains-heading">
      <h2 id="domains-heading">Top cited domains</h2>
      <p class="explain">
        The {TOP} most cited registrable domains. Shares of citations carry no interval (citations within one answer are
        not independent); the share of answers citing a domain does.
      </p>
      {group.domains.length === 0 ? (
        <Empty>No citations yet.</Empty>
      ) : (
        <>
          <div class="table-tools">
            <DownloadCsv name="Top cited domains" tableRef={table} />
          </div>
          <TableScroll label="Top cited domains">
            <table class="data" ref={table}>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">Domain</th>
                  <th scope="col">Citations</th>
                  <th scope="col">Share of citations</th>
                  <th scope="col">Answers citing it</th>
                  <th scope="col">Retrieved, not cited</th>
                  <th scope="col">Owned by</th>
                </tr>
              </thead>
              <tbody>
                {group.domains.map((d, i) => (
                  <tr key={d.domain} data-testid={`domain-${d.domain}`}>
                    <td>{i + 1}</td>
                    {/* A cited address without a host (a javascript: or data: URL) has no domain. */}
                    <th scope="row">{d.domain || '(no domain)'}</th>
                    <td data-testid={`domain-cited-${d.domain}`}>{d.cited}</td>
                    <td>{percent(d.share.value)}</td>
                    <td>
                      <Rate value={d.citingAnswers} bar={false} />
                    </td>
                    <td>{d.searchResults}</td>
                    <td>
                      {d.ownedBy.length ? d.ownedBy.map((b) => b.brandName).join(', ') : <span class="muted">—</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </section>
  );
}

function TopUrls({ group }: { group: Group }) {
  const table = useTableRef();
  return (
    <section aria-labelledby="urls-heading">
      <h2 id="urls-heading">Top cited pages</h2>
      <p class="explain">The {TOP} most cited pages (URLs): which of a domain's pages the assistants point to.</p>
      {group.urls.length === 0 ? (
        <Empty>No citations yet.</Empty>
      ) : (
        <>
          <div class="table-tools">
            <DownloadCsv name="Top cited pages" tableRef={table} />
          </div>
          <TableScroll label="Top cited pages">
            <table class="data" ref={table}>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">Page</th>
                  <th scope="col">Domain</th>
                  <th scope="col">Citations</th>
                  <th scope="col">Share of citations</th>
                  <th scope="col">Retrieved, not cited</th>
                </tr>
              </thead>
              <tbody>
                {group.urls.map((u, i) => (
                  <tr key={u.url}>
                    <td>{i + 1}</td>
                    <th scope="row" class="url-cell" data-csv={u.url}>
                      <PageLink url={u.url} />
                    </th>
                    <td>{u.domain}</td>
                    <td data-testid={`url-cited-${i}`}>{u.cited}</td>
                    <td>{percent(u.share.value)}</td>
                    <td>{u.retrieved}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </section>
  );
}

/** A cited page: a link for http(s) URLs only, its text the URL itself. */
export function PageLink({ url }: { url: string }) {
  if (!/^https?:\/\//i.test(url)) return <span class="url">{url}</span>;
  return (
    <a href={url} target="_blank" rel="noopener noreferrer nofollow">
      {url}
    </a>
  );
}

function CompetitorOnly({ report }: { report: CitationsReport }) {
  const table = useTableRef();
  const rows = report.competitorOnlySources;
  return (
    <section aria-labelledby="competitor-only-heading">
      <h2 id="competitor-only-heading">Sources that cite competitors, never you</h2>
      <p class="explain">
        Domains cited in answers that name a competitor and in no answer naming your own brand: sources that speak for
        competitors only, most citing answers first, with their most cited pages. A place to be present.
      </p>
      {rows.length === 0 ? (
        <Empty>No such source: every domain cited next to a competitor is also cited next to your brand.</Empty>
      ) : (
        <>
          <div class="table-tools">
            <DownloadCsv name="Sources citing competitors only" tableRef={table} />
          </div>
          <TableScroll label="Sources citing competitors only">
            <table class="data" ref={table}>
              <thead>
                <tr>
                  <th scope="col">Domain</th>
                  <th scope="col">Answers naming a competitor that cite it</th>
                  <th scope="col">Citations</th>
                  <th scope="col">Owned by</th>
                  <th scope="col">Most cited pages</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((d) => (
                  <tr key={d.domain} data-testid={`competitor-only-${d.domain}`}>
                    <th scope="row">{d.domain}</th>
                    <td data-testid={`competitor-only-answers-${d.domain}`}>{d.answers}</td>
                    <td data-testid={`competitor-only-citations-${d.domain}`}>{d.citations}</td>
                    <td>
                      {d.ownedBy.length ? d.ownedBy.map((b) => b.brandName).join(', ') : <span class="muted">—</span>}
                    </td>
                    <td class="url-cell" data-csv={d.urls.map((u) => `${u.url} (${u.citations})`).join(' ')}>
                      <ul class="example-list">
                        {d.urls.map((u) => (
                          <li key={u.url}>
                            <PageLink url={u.url} /> <span class="muted">({u.citations})</span>
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </section>
  );
}

function BySource({ report }: { report: CitationsReport }) {
  const table = useTableRef();
  return (
    <section aria-labelledby="sources-heading">
      <h2 id="sources-heading">How sources appear, per provider</h2>
      <div class="table-tools">
        <DownloadCsv name="Sources per provider" tableRef={table} />
      </div>
      <TableScroll label="Sources per provider">
        <table class="data" ref={table}>
          <thead>
            <tr>
              <th scope="col">Provider</th>
              <th scope="col">Answers citing a source</th>
              <th scope="col">Provider annotations</th>
              <th scope="col">Links in the text</th>
              <th scope="col">Retrieved, not cited</th>
            </tr>
          </thead>
          <tbody>
            {report.byProvider.map((p) => (
              <tr key={p.provider}>
                <th scope="row">{p.provider}</th>
                <td>
                  <Rate value={p.citingAnswers} bar={false} />
                </td>
                <td>{p.sources.annotation.count}</td>
                <td>{p.sources.link.count}</td>
                <td>{p.sources.searchResult.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
