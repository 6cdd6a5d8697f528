/**
 * The filters shared by the report pages (provider, period, one run), kept in the URL so a
 * filtered view can be bookmarked, and turned into the API's report filters by reportFilters().
 */
import type { Query } from '../api/client.js';
import { shortId } from '../lib/format.js';
import { setParams, type Route } from '../lib/router.js';

const PERIODS: Array<[string, string]> = [
  ['', 'All time'],
  ['7', 'Last 7 days'],
  ['30', 'Last 30 days'],
  ['90', 'Last 90 days'],
];
const DAY_MS = 86_400_000;

/** The report filters for the route's params. "Last N days" starts at a UTC midnight, so the query stays the same all day. */
export function reportFilters(params: URLSearchParams, opts: { provider?: boolean } = {}): Query {
  const days = Number(params.get('days'));
  const today = Math.floor(Date.now() / DAY_MS) * DAY_MS;
  return {
    providers: opts.provider === false ? null : params.get('provider'),
    from: days > 0 ? new Date(today - (days - 1) * DAY_MS).toISOString() : null,
    runId: params.get('run'),
  };
}

export function FilterBar({
  route,
  providers,
  showProvider = true,
}: {
  route: Route;
  providers: string[];
  showProvider?: boolean;
}) {
  const provider = route.params.get('provider') ?? '';
  const days = route.params.get('days') ?? '';
  const run = route.params.get('run');
  return (
    <div class="filters" role="group" aria-label="Filters">
      {showProvider && (
        <label>
          Provider
          <select value={provider} onChange={(e) => setParams(route, { provider: e.currentTarget.value })}>
            <option value="">All providers</option>
            {providers.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        Period
        <select value={days} onChange={(e) => setParams(route, { days: e.currentTarget.value })}>
          {PERIODS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
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
