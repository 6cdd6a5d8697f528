/**
 * Configuration experiments: does changing one thing (temperature, web search, the model…)
 * change how often each brand is named? Two configurations side by side per brand, the
 * difference with its 95% interval, the adjusted p-value, and significant differences marked in
 * words as well as colour.
 */
import { buildUrl } from '../api/client.js';
import type { ExperimentPair, ExperimentsReport, ModelConfig } from '../api/types.js';
import { FilterBar, useReportFilters } from '../components/filter-bar.js';
import { Rate } from '../components/rate.js';
import { DownloadCsv } from '../components/csv-download.js';
import { Empty, Show, TableScroll } from '../components/status.js';
import { useTableRef } from '../lib/table-ref.js';
import { useWorkspace } from '../components/workspace.js';
import { formatDifference, formatPValue, percentNumber } from '../lib/format.js';
import { setParams, type Route } from '../lib/router.js';
import { useApi } from '../lib/use-api.js';
import { BrandRowHeader } from '../components/brand-name.js';

const ADJUSTMENTS: Record<string, string> = { holm: 'Holm', bh: 'Benjamini–Hochberg', none: 'no adjustment' };

export function ExperimentsPage({ route }: { route: Route }) {
  const { base, configs } = useWorkspace();
  const filters = useReportFilters(route, { configurations: false });
  const everyPair = route.params.get('mode') === 'pairs';
  const a = route.params.get('a') ?? configs[0]?.id ?? '';
  const b = route.params.get('b') ?? configs[1]?.id ?? '';
  const chosen = !everyPair && a !== '' && b !== '' && a !== b;
  const url =
    configs.length < 2 || (!everyPair && !chosen)
      ? null
      : buildUrl(`${base}/reports/experiments`, {
          ...filters,
          ...(everyPair ? {} : { configA: a, configB: b }),
        });
  const report = useApi<ExperimentsReport>(url);

  if (configs.length < 2)
    return (
      <Empty>
        Experiments compare model configurations; this workspace has {configs.length}. Add another configuration and run
        both.
      </Empty>
    );
  return (
    <>
      <fieldset class="filters">
        <legend>Compare</legend>
        <label class="radio">
          <input type="radio" name="mode" checked={!everyPair} onChange={() => setParams(route, { mode: null })} /> Two
          configurations
        </label>
        <label class="radio">
          <input type="radio" name="mode" checked={everyPair} onChange={() => setParams(route, { mode: 'pairs' })} />{' '}
          Every pair that differs in one setting
        </label>
      </fieldset>
      {!everyPair && (
        <div class="filters" role="group" aria-label="Configurations">
          <ConfigSelect
            label="Configuration A (baseline)"
            value={a}
            configs={configs}
            onChange={(id) => setParams(route, { a: id })}
          />
          <ConfigSelect
            label="Configuration B"
            value={b}
            configs={configs}
            onChange={(id) => setParams(route, { b: id })}
          />
        </div>
      )}
      <FilterBar route={route} configurations={false} />
      {!everyPair && !chosen ? (
        <p class="error" role="alert">
          Choose two different configurations.
        </p>
      ) : (
        <Show value={report} what="the experiment">
          {(r) =>
            r.pairs.length === 0 ? (
              <Empty>
                No two configurations here differ in exactly one setting. Choose two configurations to compare instead.
              </Empty>
            ) : (
              r.pairs.map((pair) => (
                <PairTable key={`${pair.a.modelConfigId}-${pair.b.modelConfigId}`} pair={pair} report={r} />
              ))
            )
          }
        </Show>
      )}
    </>
  );
}

function ConfigSelect({
  label,
  value,
  configs,
  onChange,
}: {
  label: string;
  value: string;
  configs: ModelConfig[];
  onChange(id: string): void;
}) {
  return (
    <label>
      {label}
      <select value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {configs.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name} ({c.provider} · {c.model}){c.archived ? ' — archived' : ''}
          </option>
        ))}
      </select>
    </label>
  );
}

const show = (v: unknown) => (v === undefined ? 'not set' : JSON.stringify(v));

function PairTable({ pair, report }: { pair: ExperimentPair; report: ExperimentsReport }) {
  const headingId = `pair-${pair.a.modelConfigId}-${pair.b.modelConfigId}`;
  const significant = pair.brands.filter((b) => b.significant).length;
  const table = useTableRef();
  return (
    <section class="pair" aria-labelledby={headingId}>
      <h2 id={headingId}>
        A: {pair.a.modelConfigName} <span aria-hidden="true">→</span>
        <span class="visually-hidden"> compared with </span> B: {pair.b.modelConfigName}
      </h2>
      <p class="explain">
        {pair.parameter ? `They differ in ${pair.parameter}: ${show(pair.a.value)} → ${show(pair.b.value)}. ` : ''}
        Answers: A n={pair.answers.a}, B n={pair.answers.b} (failed: {pair.failed.a} and {pair.failed.b}, left out).
        Differences are B − A in percentage points. p-values are adjusted across every brand of this report (
        {ADJUSTMENTS[report.adjust] ?? report.adjust}); a difference is significant below {report.alpha}.{' '}
        <strong data-testid={`significant-count-${headingId}`}>
          {significant === 0
            ? 'No significant difference.'
            : `${significant} significant difference${significant > 1 ? 's' : ''}.`}
        </strong>
      </p>
      <div class="table-tools">
        <DownloadCsv name={`${pair.a.modelConfigName} compared with ${pair.b.modelConfigName}`} tableRef={table} />
      </div>
      <TableScroll label={`${pair.a.modelConfigName} compared with ${pair.b.modelConfigName}`}>
        <table class="data" ref={table}>
          <thead>
            <tr>
              <th scope="col">Brand</th>
              <th scope="col">A: {pair.a.modelConfigName}</th>
              <th scope="col">B: {pair.b.modelConfigName}</th>
              <th scope="col">Difference (B − A)</th>
              <th scope="col">p (adjusted)</th>
              <th scope="col">Result</th>
              <th scope="col">Answers needed per configuration for ±{percentNumber(report.minimumDifference)} pts</th>
            </tr>
          </thead>
          <tbody>
            {pair.brands.map((row) => (
              <tr
                key={row.brandId}
                class={row.significant ? 'significant' : undefined}
                data-testid={`experiment-${row.brandId}`}
              >
                <BrandRowHeader name={row.brandName} kind={row.brandKind} />
                <td>
                  <Rate value={row.a} testId={`arm-a-${row.brandId}`} />
                </td>
                <td>
                  <Rate value={row.b} testId={`arm-b-${row.brandId}`} />
                </td>
                <td data-testid={`difference-${row.brandId}`}>{formatDifference(row.difference)}</td>
                <td data-testid={`p-${row.brandId}`}>
                  {formatPValue(row.pValueAdjusted)}
                  {row.test !== 'none' && (
                    <span class="muted"> ({row.test === 'fisher' ? 'Fisher exact' : 'z-test'})</span>
                  )}
                </td>
                <td data-testid={`result-${row.brandId}`}>
                  {row.significant ? (
                    <strong class="badge badge-significant">
                      Significant: B {(row.difference.value ?? 0) > 0 ? 'higher' : 'lower'}
                    </strong>
                  ) : (
                    <span class="badge">Not significant</span>
                  )}
                </td>
                <td>{row.samplesPerArmNeeded ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
