/**
 * Overview: how visible each brand is. Headline figures for the own brand, visibility per brand
 * for all providers and per provider, share of voice with rank and sentiment, and the trend over
 * days or weeks. Every rate carries its 95% interval and n.
 */
import { useMemo } from 'preact/hooks';
import { buildUrl } from '../api/client.js';
import type { Brand, ShareOfVoiceReport, TrendsReport, VisibilityReport } from '../api/types.js';
import { FilterBar, reportFilters } from '../components/filter-bar.js';
import { Rate } from '../components/rate.js';
import { Empty, Show, TableScroll } from '../components/status.js';
import { TrendChart, type TrendSeries } from '../components/trend-chart.js';
import { useWorkspace } from '../components/workspace.js';
import { formatMean, formatRate } from '../lib/format.js';
import { setParams, type Route } from '../lib/router.js';
import { useApi } from '../lib/use-api.js';
import { BrandRowHeader } from '../components/brand-name.js';

type VisibilityRow = VisibilityReport['rows'][number];

// Okabe–Ito: distinguishable with the common colour-vision deficiencies.
const LINE_COLORS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#999999'];

export function OverviewPage({ route }: { route: Route }) {
  const { base, brands, providers } = useWorkspace();
  const filters = reportFilters(route.params);
  const interval = route.params.get('interval') === 'week' ? 'week' : 'day';
  const all = useApi<VisibilityReport>(buildUrl(`${base}/reports/visibility`, { ...filters, groupBy: 'brand' }));
  const byProvider = useApi<VisibilityReport>(
    buildUrl(`${base}/reports/visibility`, { ...filters, groupBy: 'provider' }),
  );
  const sov = useApi<ShareOfVoiceReport>(buildUrl(`${base}/reports/share-of-voice`, filters));
  const trends = useApi<TrendsReport>(buildUrl(`${base}/reports/trends`, { ...filters, interval }));

  return (
    <>
      <FilterBar route={route} providers={providers} />
      <Show value={all} what="visibility">
        {(report) =>
          report.rows.length === 0 ? (
            <Empty>
              No analysed answers match these filters yet. Start a run (see Runs) and come back when it has answers.
            </Empty>
          ) : (
            <Headline rows={report.rows} brands={brands} shares={sov.state === 'ok' ? sov.data.rows : []} />
          )
        }
      </Show>

      <section aria-labelledby="visibility-heading">
        <h2 id="visibility-heading">Visibility by provider</h2>
        <p class="explain">
          Share of answers that mention each brand, with its 95% interval and the number of answers n. Failed answers
          are not counted as "not mentioned".
        </p>
        <Show value={byProvider} what="visibility by provider">
          {(perProvider) =>
            all.state === 'ok' ? (
              <VisibilityTable all={all.data.rows} perProvider={perProvider.rows} brands={brands} />
            ) : null
          }
        </Show>
      </section>

      <section aria-labelledby="sov-heading">
        <h2 id="sov-heading">Share of voice</h2>
        <p class="explain">
          Each brand's answers as a share of all tracked brands' answers, how early it is named (rank 1 = first) and the
          tone of its mentions (−1 to 1).
        </p>
        <Show value={sov} what="share of voice">
          {(report) => <ShareOfVoiceTable rows={report.rows} brands={brands} />}
        </Show>
      </section>

      <section aria-labelledby="trend-heading">
        <h2 id="trend-heading">Visibility over time</h2>
        <label class="inline-field">
          Points
          <select
            value={interval}
            onChange={(e) => setParams(route, { interval: e.currentTarget.value === 'week' ? 'week' : null })}
          >
            <option value="day">By day</option>
            <option value="week">By week</option>
          </select>
        </label>
        <Show value={trends} what="trends">
          {(report) => <Trend report={report} brands={brands} />}
        </Show>
      </section>
    </>
  );
}

const byBrandOrder = (brands: Brand[]) => (a: { brandId: string }, b: { brandId: string }) =>
  brands.findIndex((x) => x.id === a.brandId) - brands.findIndex((x) => x.id === b.brandId);

function Headline({
  rows,
  brands,
  shares,
}: {
  rows: VisibilityRow[];
  brands: Brand[];
  shares: ShareOfVoiceReport['rows'];
}) {
  const own = rows.filter((r) => r.brandKind === 'own').sort(byBrandOrder(brands));
  const counts = rows[0];
  return (
    <div class="cards">
      {own.map((r) => {
        const share = shares.find((s) => s.brandId === r.brandId);
        return (
          <div class="card" key={r.brandId}>
            <h2 class="card-title">{r.brandName} visibility</h2>
            <p class="card-figure" data-testid={`headline-${r.brandId}`}>
              {formatRate(r.mentionRate)}
            </p>
            {share && <p class="muted">Share of voice {formatRate(share.shareOfVoice.presence)}</p>}
          </div>
        );
      })}
      {counts && (
        <div class="card">
          <h2 class="card-title">Answers</h2>
          <p class="card-figure" data-testid="headline-answers">
            {counts.n} analysed
          </p>
          <p class="muted">
            {counts.failed} failed · {counts.pendingAnalysis} awaiting analysis
          </p>
        </div>
      )}
    </div>
  );
}

function VisibilityTable({
  all,
  perProvider,
  brands,
}: {
  all: VisibilityRow[];
  perProvider: VisibilityRow[];
  brands: Brand[];
}) {
  const providers = [...new Set(perProvider.map((r) => r.provider ?? ''))].sort();
  const rows = [...all].sort(byBrandOrder(brands));
  if (rows.length === 0) return <Empty>No answers yet.</Empty>;
  return (
    <TableScroll label="Visibility by provider">
      <table class="data">
        <thead>
          <tr>
            <th scope="col">Brand</th>
            <th scope="col">All providers</th>
            {providers.map((p) => (
              <th scope="col" key={p}>
                {p}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.brandId} class={r.brandKind === 'own' ? 'own' : undefined}>
              <BrandRowHeader name={r.brandName} kind={r.brandKind} />
              <td>
                <Rate value={r.mentionRate} testId={`vis-${r.brandId}-all`} />
              </td>
              {providers.map((p) => {
                const cell = perProvider.find((x) => x.brandId === r.brandId && x.provider === p);
                return (
                  <td key={p}>{cell ? <Rate value={cell.mentionRate} testId={`vis-${r.brandId}-${p}`} /> : '—'}</td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function ShareOfVoiceTable({ rows, brands }: { rows: ShareOfVoiceReport['rows']; brands: Brand[] }) {
  if (rows.length === 0) return <Empty>No answers yet.</Empty>;
  return (
    <TableScroll label="Share of voice">
      <table class="data">
        <thead>
          <tr>
            <th scope="col">Brand</th>
            <th scope="col">Share of voice</th>
            <th scope="col">Answers naming it</th>
            <th scope="col">Average rank</th>
            <th scope="col">Named first</th>
            <th scope="col">Sentiment</th>
          </tr>
        </thead>
        <tbody>
          {[...rows].sort(byBrandOrder(brands)).map((r) => (
            <tr key={r.brandId} class={r.brandKind === 'own' ? 'own' : undefined}>
              <BrandRowHeader name={r.brandName} kind={r.brandKind} />
              <td>
                <Rate value={r.shareOfVoice.presence} testId={`sov-${r.brandId}`} />
              </td>
              <td data-testid={`sov-mentioned-${r.brandId}`}>
                {r.mentioned} of {r.n}
              </td>
              <td>{formatMean(r.averageRank, 1)}</td>
              <td>
                <Rate value={r.top1Rate} bar={false} />
              </td>
              <td data-testid={`sentiment-${r.brandId}`}>
                <ul class="sentiment-shares">
                  <li>positive {formatRate(r.sentiment.shares.positive)}</li>
                  <li>neutral {formatRate(r.sentiment.shares.neutral)}</li>
                  <li>negative {formatRate(r.sentiment.shares.negative)}</li>
                </ul>
                <span class="muted sentiment-counts">mean score {formatMean(r.sentiment.mean)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function Trend({ report, brands }: { report: TrendsReport; brands: Brand[] }) {
  // Built once per report: the chart is redrawn only when its data changes.
  const { periods, shown, series } = useMemo(() => {
    const periods = [...new Set(report.rows.map((r) => r.period))].sort();
    const shown = brands.filter((b) => report.rows.some((r) => r.brandId === b.id));
    const series: TrendSeries[] = shown.map((b, i) => ({
      label: b.name,
      color: LINE_COLORS[i % LINE_COLORS.length] as string,
      strong: b.kind === 'own',
      values: periods.map(
        (p) => report.rows.find((r) => r.brandId === b.id && r.period === p)?.mentionRate.value ?? null,
      ),
    }));
    return { periods, shown, series };
  }, [report, brands]);
  if (periods.length === 0) return <Empty>No answers in this period yet.</Empty>;
  const unit = report.interval === 'week' ? 'week' : 'day';
  return (
    <>
      {periods.length === 1 && (
        <p class="explain">
          All answers so far are from one {unit}; the chart becomes a line from the second {unit} on.
        </p>
      )}
      <TrendChart
        periods={periods}
        series={series}
        label={`Visibility per brand by ${unit}, from ${periods[0]} to ${periods[periods.length - 1]}; the table below lists the values.`}
      />
      <details>
        <summary>Trend as a table (with intervals)</summary>
        <TableScroll label="Visibility over time">
          <table class="data">
            <thead>
              <tr>
                <th scope="col">{unit === 'week' ? 'Week of' : 'Day'}</th>
                {shown.map((b) => (
                  <th scope="col" key={b.id}>
                    {b.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {periods.map((p) => (
                <tr key={p}>
                  <th scope="row">{p}</th>
                  {shown.map((b) => {
                    const row = report.rows.find((r) => r.brandId === b.id && r.period === p);
                    return (
                      <td key={b.id} data-testid={`trend-${p}-${b.id}`}>
                        {row ? formatRate(row.mentionRate) : '—'}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </details>
    </>
  );
}
