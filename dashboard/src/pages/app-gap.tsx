/**
 * The app-versus-API gap (GET …/reports/app-gap): for each assistant measured both through its API
 * and through its consumer app, on the prompts both answered, the verdict (is the API a good
 * stand-in for the app here?) in words, then each brand's mention rate and each cited domain's
 * citation share on both surfaces with the difference (app − API), its 95% interval and the
 * adjusted p-value. Significant differences are marked in words as well as colour.
 */
import { buildUrl } from '../api/client.js';
import type { AppGapReport } from '../api/types.js';
import { BrandRowHeader } from '../components/brand-name.js';
import { DownloadCsv } from '../components/csv-download.js';
import { FilterBar, useReportFilters } from '../components/filter-bar.js';
import { Rate } from '../components/rate.js';
import { Empty, Show, TableScroll } from '../components/status.js';
import { useWorkspace } from '../components/workspace.js';
import { formatDifference, formatPValue, percentNumber } from '../lib/format.js';
import type { Route } from '../lib/router.js';
import { useTableRef } from '../lib/table-ref.js';
import { useApi } from '../lib/use-api.js';

type Assistant = AppGapReport['assistants'][number];

const ADJUSTMENTS: Record<string, string> = { holm: 'Holm', bh: 'Benjamini–Hochberg', none: 'no adjustment' };
const NAMES: Record<string, string> = {
  chatgpt: 'ChatGPT',
  gemini: 'Gemini',
  claude: 'Claude',
  perplexity: 'Perplexity',
};
const VERDICTS: Record<Assistant['verdict']['status'], string> = {
  stand_in: 'Good stand-in',
  not_stand_in: 'Not a stand-in',
  inconclusive: 'Cannot tell yet',
};

export function AppGapPage({ route }: { route: Route }) {
  const { base } = useWorkspace();
  const filters = useReportFilters(route, { configurations: false });
  const report = useApi<AppGapReport>(buildUrl(`${base}/reports/app-gap`, filters));
  return (
    <>
      <p class="explain">
        Does the API answer like the app people use? Each assistant’s API configurations are compared with its app
        captures on the prompts both measured; differences are app − API in percentage points.
      </p>
      <FilterBar route={route} configurations={false} />
      <Show value={report} what="the app-versus-API gap">
        {(r) =>
          r.assistants.length === 0 ? (
            <Empty>
              No assistant is measured both through its API and through its app here. Add an app configuration
              (assistant_app, or mock_app to try it without keys) next to an API configuration of the same assistant,
              and run both on the same prompts.
            </Empty>
          ) : (
            r.assistants.map((a) => <AssistantGap key={a.assistant} a={a} report={r} />)
          )
        }
      </Show>
    </>
  );
}

function Significance({ significant, difference }: { significant: boolean; difference: number | null }) {
  return significant ? (
    <strong class="badge badge-significant">
      Significant: {(difference ?? 0) > 0 ? 'higher' : 'lower'} in the app
    </strong>
  ) : (
    <span class="badge">Not significant</span>
  );
}

function AssistantGap({ a, report }: { a: Assistant; report: AppGapReport }) {
  const name = NAMES[a.assistant] ?? a.assistant;
  const headingId = `app-gap-${a.assistant.replace(/[^a-z0-9]+/gi, '-')}`;
  const brandsTable = useTableRef();
  const domainsTable = useTableRef();
  const configs = (list: Assistant['api']['configs']) => list.map((c) => c.modelConfigName).join(', ');
  return (
    <section class="pair" aria-labelledby={headingId} data-testid={`app-gap-${a.assistant}`}>
      <h2 id={headingId}>{name}: the API compared with the app</h2>
      <p data-testid={`verdict-${a.assistant}`}>
        <strong class={a.verdict.status === 'not_stand_in' ? 'badge badge-significant' : 'badge'}>
          {VERDICTS[a.verdict.status]}
        </strong>{' '}
        <span data-testid={`verdict-summary-${a.assistant}`}>{a.verdict.summary}</span>
      </p>
      <p class="explain">
        API: {configs(a.api.configs)} (n={a.api.answers}, failed {a.api.failed}). App: {configs(a.app.configs)} (n=
        {a.app.answers}, failed {a.app.failed}). {a.matchedPrompts} prompt{a.matchedPrompts === 1 ? '' : 's'} measured
        on both
        {a.apiOnlyPrompts + a.appOnlyPrompts > 0
          ? `; ${a.apiOnlyPrompts} on the API only and ${a.appOnlyPrompts} in the app only are left out`
          : ''}
        . p-values are adjusted across every brand and domain of this report (
        {ADJUSTMENTS[report.adjust] ?? report.adjust}
        ); significant below {report.alpha}. A good stand-in needs {report.minAnswers} answers on each side and no
        difference of {percentNumber(report.maxGap)} points or more.
      </p>

      <h3 id={`${headingId}-brands`}>Mention rate per brand</h3>
      <div class="table-tools">
        <DownloadCsv name={`${name} app-versus-API gap, brands`} tableRef={brandsTable} />
      </div>
      <TableScroll label={`${name}: mention rate per brand, API and app`}>
        <table class="data" ref={brandsTable} aria-labelledby={`${headingId}-brands`}>
          <GapHead first="Brand" />
          <tbody>
            {a.brands.map((row) => (
              <tr
                key={row.brandId}
                class={row.significant ? 'significant' : undefined}
                data-testid={`gap-brand-${a.assistant}-${row.brandId}`}
              >
                <BrandRowHeader name={row.brandName} kind={row.brandKind} />
                <GapCells row={row} id={(what) => `gap-brand-${what}-${a.assistant}-${row.brandId}`} />
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>

      <h3 id={`${headingId}-domains`}>Citation share per cited domain</h3>
      {a.domains.length === 0 ? (
        <Empty>No domain cited on the shared prompts.</Empty>
      ) : (
        <>
          <div class="table-tools">
            <DownloadCsv name={`${name} app-versus-API gap, domains`} tableRef={domainsTable} />
          </div>
          <TableScroll label={`${name}: citation share per domain, API and app`}>
            <table class="data" ref={domainsTable} aria-labelledby={`${headingId}-domains`}>
              <GapHead first="Domain" />
              <tbody>
                {a.domains.map((row) => (
                  <tr
                    key={row.domain}
                    class={row.significant ? 'significant' : undefined}
                    data-testid={`gap-domain-${a.assistant}-${row.domain}`}
                  >
                    <th scope="row">{row.domain}</th>
                    <GapCells row={row} id={(what) => `gap-domain-${what}-${a.assistant}-${row.domain}`} />
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

type GapRow = Assistant['brands'][number] | Assistant['domains'][number];

/** The figures of a brand or domain row: each surface, the difference, the adjusted p and the result in words. */
function GapCells({ row, id }: { row: GapRow; id: (what: string) => string }) {
  return (
    <>
      <td>
        <Rate value={row.api} testId={id('api')} />
      </td>
      <td>
        <Rate value={row.app} testId={id('app')} />
      </td>
      <td data-testid={id('difference')}>{formatDifference(row.difference)}</td>
      <td data-testid={id('p')}>{formatPValue(row.pValueAdjusted)}</td>
      <td>
        <Significance significant={row.significant} difference={row.difference.value} />
      </td>
    </>
  );
}

/** The column headers of a gap table, after its first column (brand or domain). */
function GapHead({ first }: { first: string }) {
  return (
    <thead>
      <tr>
        {[first, 'API', 'App', 'Difference (app − API)', 'p (adjusted)', 'Result'].map((h) => (
          <th key={h} scope="col">
            {h}
          </th>
        ))}
      </tr>
    </thead>
  );
}
