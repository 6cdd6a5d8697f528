/**
 * The filters shared by the report pages — provider, configuration, model, location, language,
 * prompt tag, period, one run — kept in the URL so a filtered view can be bookmarked, and turned into the API's
 * report filters by reportFilters(). A model is not a report dimension of the API: it filters
 * by the configurations that use it.
 */
import type { Query } from '../api/client.js';
import type { ModelConfig, VisibilityReport } from '../api/types.js';
import { buildUrl } from '../api/client.js';
import { shortId } from '../lib/format.js';
import { setParams, type Route } from '../lib/router.js';
import { useApi } from '../lib/use-api.js';
import { useWorkspace } from './workspace.js';

const PERIODS: Array<[string, string]> = [
  ['', 'All time'],
  ['7', 'Last 7 days'],
  ['30', 'Last 30 days'],
  ['90', 'Last 90 days'],
];
const DAY_MS = 86_400_000;
/** No configuration has this id: a configuration and a model that exclude each other match nothing. */
const NO_CONFIGURATION = '00000000-0000-0000-0000-000000000000';

/** The URL params the filters use; they follow the user from page to page. */
export const FILTER_PARAMS = ['provider', 'config', 'model', 'location', 'language', 'tag', 'days', 'run'] as const;

export interface FilterOptions {
  /** Leave out the provider, configuration and model (the experiments page compares configurations). */
  configurations?: boolean;
}

/** The distinct models of the workspace's configurations, sorted. */
export function modelsOf(configs: readonly ModelConfig[]): string[] {
  return [...new Set(configs.map((c) => c.model))].sort();
}

/**
 * The report filters for the route's params. "Last N days" starts at a UTC midnight, so the
 * query stays the same all day.
 */
export function reportFilters(
  params: URLSearchParams,
  configs: readonly ModelConfig[],
  opts: FilterOptions = {},
): Query {
  const days = Number(params.get('days'));
  const today = Math.floor(Date.now() / DAY_MS) * DAY_MS;
  const tag = params.get('tag');
  const filters: Query = {
    from: days > 0 ? new Date(today - (days - 1) * DAY_MS).toISOString() : null,
    runId: params.get('run'),
    tags: tag,
    locations: params.get('location'),
    languages: params.get('language'),
  };
  if (opts.configurations === false) return filters;
  const config = params.get('config');
  const model = params.get('model');
  let ids: string[] | null = null;
  if (config) ids = [config];
  if (model) {
    const ofModel = configs.filter((c) => c.model === model).map((c) => c.id);
    ids = ids ? ids.filter((id) => ofModel.includes(id)) : ofModel;
  }
  return {
    ...filters,
    providers: params.get('provider'),
    modelConfigIds: ids === null ? null : ids.length ? ids : [NO_CONFIGURATION],
  };
}

/** The report filters of the current route, with the workspace's configurations. */
export function useReportFilters(route: Route, opts: FilterOptions = {}): Query {
  const { configs } = useWorkspace();
  return reportFilters(route.params, configs, opts);
}

export function FilterBar({ route, configurations = true }: { route: Route } & { configurations?: boolean }) {
  const { base, brands, configs, providers } = useWorkspace();
  const get = (name: string) => route.params.get(name) ?? '';
  const run = route.params.get('run');
  // The tags that have answers: one small report (per tag, for one brand) rather than every prompt.
  const tagged = useApi<VisibilityReport>(
    brands[0] ? buildUrl(`${base}/reports/visibility`, { groupBy: 'tag', brandIds: brands[0].id }) : null,
  );
  // The countries and languages answers were asked from and in, the same way.
  const placed = useApi<VisibilityReport>(
    brands[0] ? buildUrl(`${base}/reports/visibility`, { groupBy: 'location,language', brandIds: brands[0].id }) : null,
  );
  const distinct = (pick: (r: VisibilityReport['rows'][number]) => string | null | undefined, chosen: string) => {
    const values = placed.state === 'ok' ? placed.data.rows.flatMap((r) => pick(r) ?? []) : [];
    return [...new Set(chosen ? [...values, chosen] : values)].sort();
  };
  const locations = distinct((r) => r.location, get('location'));
  const languages = distinct((r) => r.language, get('language'));
  const tags: string[] =
    tagged.state === 'ok' ? [...new Set(tagged.data.rows.flatMap((r) => (r.tag ? [r.tag] : [])))] : [];
  const chosenTag = get('tag');
  if (chosenTag && !tags.includes(chosenTag)) tags.push(chosenTag);
  tags.sort();
  const choice = (label: string, param: string, all: string | null, options: Array<[string, string]>) => (
    <ParamSelect
      label={label}
      value={get(param)}
      all={all}
      options={options}
      onChange={(v) => setParams(route, { [param]: v })}
    />
  );
  const same = (values: string[]): Array<[string, string]> => values.map((v) => [v, v]);
  return (
    <div class="filters" role="group" aria-label="Filters">
      {configurations && (
        <>
          {choice('Provider', 'provider', 'All providers', same(providers))}
          {choice(
            'Configuration',
            'config',
            'All configurations',
            configs.map((c) => [c.id, c.name]),
          )}
          {choice('Model', 'model', 'All models', same(modelsOf(configs)))}
        </>
      )}
      {choice('Location', 'location', 'All locations', same(locations))}
      {choice('Language', 'language', 'All languages', same(languages))}
      {choice('Prompt tag', 'tag', 'All tags', same(tags))}
      {choice('Period', 'days', null, PERIODS)}
      {run && (
        <p class="filter-chip">
          Run <code title={run}>{shortId(run)}</code> only{' '}
          <button type="button" class="link-button" onClick={() => setParams(route, { run: null })}>
            Show every run
          </button>
        </p>
      )}
    </div>
  );
}

/** One filter: a labelled select of [value, label] options, with an "all" option first when given. */
function ParamSelect({
  label,
  value,
  all,
  options,
  onChange,
}: {
  label: string;
  value: string;
  all: string | null;
  options: Array<[string, string]>;
  onChange: (value: string) => void;
}) {
  return (
    <label>
      {label}
      <select value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {all !== null && <option value="">{all}</option>}
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}
