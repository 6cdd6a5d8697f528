/**
 * Overview: how visible each brand is. Headline figures for the own brand, visibility per brand
 * for all providers and per provider, share of voice with rank and sentiment, and the trend over
 * days or weeks. Every rate carries its 95% interval and n.
 */
import { useMemo } from 'preact/hooks';
import { apiGet, buildUrl } from '../api/client.js';
import type { Brand, ShareOfVoiceReport, TrendsReport, VisibilityReport } from '../api/types.js';
import { FilterBar, useReportFilters } from '../components/filter-bar.js';
import { Rate } from '../components/rate.js';
import { Empty, Show, TableScroll } from '../components/status.js';
import { DownloadCsv } from '../components/csv-download.js';
import { modelsOf } from '../components/filter-bar.js';
import { RATE_SCALE, TrendChart, type TrendScale, type TrendSeries } from '../components/trend-chart.js';
import { useWorkspace } from '../components/workspace.js';
import { formatMean, formatRate } from '../lib/format.js';
import { EVENT_KIND_LABELS } from '../lib/events.js';
import { hrefOf, setParams, type Route } from '../lib/router.js';
import { useTableRef } from '../lib/table-ref.js';
import { useApi, useLoad } from '../lib/use-api.js';
import { BrandRowHeader } from '../components/brand-name.js';

type VisibilityRow = VisibilityReport['rows'][number];
type TrendRow = TrendsReport['rows'][number];

/** How the visibility table splits its columns (the API's groupBy, or one request per model). */
const SPLITS = {
  provider: 'Provider',
  config: 'Configuration',
  model: 'Model',
  tag: 'Prompt tag',
  location: 'Location',
  language: 'Language',
} as const;
type Split = keyof typeof SPLITS;

/** Every metric of the trends report the chart can plot. */
const METRICS = {
  visibility: {
    label: 'Visibility',
    title: 'Visibility over time',
    value: (r: TrendRow) => r.mentionRate.value,
    text: (r: TrendRow) => formatRate(r.mentionRate),
    scale: RATE_SCALE,
  },
  sov: {
    label: 'Share of voice',
    title: 'Share of voice over time',
    value: (r: TrendRow) => r.shareOfVoice.presence.value,
    text: (r: TrendRow) => formatRate(r.shareOfVoice.presence),
    scale: RATE_SCALE,
  },
  rank: {
    label: 'Average rank',
    title: 'Average rank over time (1 = named first)',
    value: (r: TrendRow) => r.averageRank.value,
    text: (r: TrendRow) => formatMean(r.averageRank, 1),
    scale: { range: null, reversed: true, format: (v: number) => v.toFixed(1) } as TrendScale,
  },
  sentiment: {
    label: 'Sentiment',
    title: 'Sentiment over time (−1 to 1)',
    value: (r: TrendRow) => r.sentiment.mean.value,
    text: (r: TrendRow) => formatMean(r.sentiment.mean),
    scale: { range: [-1, 1], format: (v: number) => v.toFixed(1) } as TrendScale,
  },
  citations: {
    label: 'Citation share',
    title: 'Citation share over time',
    value: (r: TrendRow) => r.citationShare.value,
    text: (r: TrendRow) => formatRate(r.citationShare),
    scale: RATE_SCALE,
  },
  top1: {
    label: 'Named first',
    title: 'Answers naming the brand first, over time',
    value: (r: TrendRow) => r.top1Rate.value,
    text: (r: TrendRow) => formatRate(r.top1Rate),
    scale: RATE_SCALE,
  },
} as const;
type Metric = keyof typeof METRICS;
const isKey = <T extends object>(o: T, k: string | null): k is Extract<keyof T, string> => k !== null && k in o;

// Okabe–Ito: distinguishable with the common colour-vision deficiencies.
const LINE_COLORS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#999999'];

export function OverviewPage({ route }: { route: Route }) {
  const { base, brands } = useWorkspace();
  const filters = useReportFilters(route);
  const interval = route.params.get('interval') === 'week' ? 'week' : 'day';
  const splitParam = route.params.get('split');
  const split: Split = isKey(SPLITS, splitParam) ? splitParam : 'provider';
  const metricParam = route.params.get('metric');
  const metric: Metric = isKey(METRICS, metricParam) ? metricParam : 'visibility';
  const all = useApi<VisibilityReport>(buildUrl(`${base}/reports/visibility`, { ...filters, groupBy: 'brand' }));
  const bySplit = useSplitVisibility(split, filters);
  const sov = useApi<ShareOfVoiceReport>(buildUrl(`${base}/reports/share-of-voice`, filters));
  const trends = useApi<TrendsReport>(buildUrl(`${base}/reports/trends`, { ...filters, interval }));

  return (
    <>
      <FilterBar route={route} />
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
        <h2 id="visibility-heading">Visibility by {SPLITS[split].toLowerCase()}</h2>
        <div class="filters" role="group" aria-label="Columns">
          <label>
            Split by
            <select
              value={split}
              onChange={(e) =>
                setParams(route, { split: e.currentTarget.value === 'provider' ? null : e.currentTarget.value })
              }
            >
              {Object.entries(SPLITS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </label>
        </div>
        <p class="explain">
          Share of answers that mention each brand, with its 95% interval and the number of answers n. Failed answers
          are not counted as "not mentioned".
        </p>
        <Show value={bySplit} what={`visibility by ${SPLITS[split].toLowerCase()}`}>
          {(columns) =>
            all.state === 'ok' ? (
              <VisibilityTable all={all.data.rows} columns={columns} split={split} brands={brands} />
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
        <h2 id="trend-heading">{METRICS[metric].title}</h2>
        <label class="inline-field">
          Metric
          <select
            value={metric}
            onChange={(e) =>
              setParams(route, { metric: e.currentTarget.value === 'visibility' ? null : e.currentTarget.value })
            }
          >
            {Object.entries(METRICS).map(([value, m]) => (
              <option key={value} value={value}>
                {m.label}
              </option>
            ))}
          </select>
        </label>{' '}
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
          {(report) => <Trend report={report} brands={brands} metric={metric} />}
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

/** One column of the split visibility table: its rows, one per brand. */
interface SplitColumn {
  key: string;
  label: string;
  rows: VisibilityRow[];
}

/** Visibility per brand for each value of the split: one report grouped by it, or one per model. */
function useSplitVisibility(split: Split, filters: Record<string, unknown>) {
  const { base, configs } = useWorkspace();
  return useLoad<SplitColumn[]>(
    async (auth, signal) => {
      if (split === 'model') {
        const chosen = filters.modelConfigIds as string[] | null | undefined;
        const models = modelsOf(configs);
        const columns = await Promise.all(
          models.map(async (model) => {
            const ids = configs.filter((c) => c.model === model && (!chosen || chosen.includes(c.id))).map((c) => c.id);
            if (ids.length === 0) return null;
            const report = await apiGet<VisibilityReport>(
              auth,
              buildUrl(`${base}/reports/visibility`, { ...filters, modelConfigIds: ids, groupBy: 'brand' }),
              signal,
            );
            return { key: model, label: model, rows: report.rows };
          }),
        );
        return columns.filter((c): c is SplitColumn => !!c?.rows.some((r) => r.n > 0 || r.failed > 0));
      }
      const report = await apiGet<VisibilityReport>(
        auth,
        buildUrl(`${base}/reports/visibility`, { ...filters, groupBy: split }),
        signal,
      );
      const columns = new Map<string, SplitColumn>();
      for (const row of report.rows) {
        const [key, label] =
          split === 'provider'
            ? [row.provider ?? '', row.provider ?? '']
            : split === 'config'
              ? [row.modelConfigId ?? '', row.modelConfigName ?? '']
              : split === 'location'
                ? [row.location ?? '(none)', row.location ?? 'No location']
                : split === 'language'
                  ? [row.language ?? '(none)', row.language ?? 'No language']
                  : [row.tag ?? '(no tag)', row.tag ?? 'No tag'];
        const column = columns.get(key) ?? { key, label, rows: [] };
        column.rows.push(row);
        columns.set(key, column);
      }
      return [...columns.values()].sort((x, y) => x.label.localeCompare(y.label));
    },
    [base, split, filters],
  );
}

function VisibilityTable({
  all,
  columns,
  split,
  brands,
}: {
  all: VisibilityRow[];
  columns: SplitColumn[];
  split: Split;
  brands: Brand[];
}) {
  const table = useTableRef();
  const rows = [...all].sort(byBrandOrder(brands));
  if (rows.length === 0) return <Empty>No answers yet.</Empty>;
  return (
    <>
      <div class="table-tools">
        <DownloadCsv name={`Visibility by ${SPLITS[split].toLowerCase()}`} tableRef={table} />
      </div>
      <TableScroll label={`Visibility by ${SPLITS[split].toLowerCase()}`}>
        <table class="data" ref={table}>
          <thead>
            <tr>
              <th scope="col">Brand</th>
              <th scope="col">All</th>
              {columns.map((c) => (
                <th scope="col" key={c.key}>
                  {c.label}
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
                {columns.map((c) => {
                  const cell = c.rows.find((x) => x.brandId === r.brandId);
                  return (
                    <td key={c.key}>
                      {cell ? <Rate value={cell.mentionRate} testId={`vis-${r.brandId}-${c.key}`} /> : '—'}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}

function ShareOfVoiceTable({ rows, brands }: { rows: ShareOfVoiceReport['rows']; brands: Brand[] }) {
  const table = useTableRef();
  if (rows.length === 0) return <Empty>No answers yet.</Empty>;
  return (
    <>
      <div class="table-tools">
        <DownloadCsv name="Share of voice" tableRef={table} />
      </div>
      <TableScroll label="Share of voice">
        <table class="data" ref={table}>
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
    </>
  );
}

function Trend({ report, brands, metric }: { report: TrendsReport; brands: Brand[]; metric: Metric }) {
  const table = useTableRef();
  const m = METRICS[metric];
  // Built once per report: the chart is redrawn only when its data changes.
  const { periods, shown, series } = useMemo(() => {
    const periods = [...new Set(report.rows.map((r) => r.period))].sort();
    const shown = brands.filter((b) => report.rows.some((r) => r.brandId === b.id));
    const series: TrendSeries[] = shown.map((b, i) => ({
      label: b.name,
      color: LINE_COLORS[i % LINE_COLORS.length] as string,
      strong: b.kind === 'own',
      values: periods.map((p) => {
        const row = report.rows.find((r) => r.brandId === b.id && r.period === p);
        return row ? m.value(row) : null;
      }),
    }));
    return { periods, shown, series };
  }, [report, brands, metric]);
  const { workspace } = useWorkspace();
  const marks = useMemo(
    () => report.events.map((e) => ({ period: e.period, label: e.title ?? EVENT_KIND_LABELS[e.kind] })),
    [report],
  );
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
        scale={m.scale}
        marks={marks}
        label={`${m.label} per brand by ${unit}, from ${periods[0]} to ${periods[periods.length - 1]}; the table below lists the values${report.events.length ? ', the list after the chart the events marked' : ''}.`}
      />
      {report.events.length > 0 && (
        <div class="trend-events">
          <h3 class="trend-events-title">Events marked on the chart</h3>
          <ul data-testid="trend-events">
            {report.events.map((e) => (
              <li key={e.id} data-event={e.id}>
                <span class="muted">{e.period}</span> {e.title ?? EVENT_KIND_LABELS[e.kind]} (
                {EVENT_KIND_LABELS[e.kind].toLowerCase()}) —{' '}
                <a href={hrefOf(workspace.id, 'events', { event: e.id })}>
                  impact<span class="visually-hidden"> of {e.title ?? EVENT_KIND_LABELS[e.kind]}</span>
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <details>
        <summary>Trend as a table (with intervals)</summary>
        <div class="table-tools">
          <DownloadCsv name={m.title} tableRef={table} />
        </div>
        <TableScroll label={m.title}>
          <table class="data" ref={table}>
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
                        {row ? m.text(row) : '—'}
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
