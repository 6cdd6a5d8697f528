/**
 * The citations report: per slice (the whole range unless grouped), the split between
 * annotations, links and retrieved-but-not-cited sources, the top domains and URLs, and each
 * brand's share of citations on its own domains; plus the split per provider whatever the
 * grouping, its split by source category and its competitor-only sources. Domain and URL lists
 * (competitor-only counts included) are rolled up per run, per run × configuration and per period;
 * categories per run × configuration; a prompt or tag slice reads them from the answer tables.
 */
import type { Readable } from 'node:stream';
import {
  categorizer,
  DOMAIN_LIST_VERSION,
  rulesOf,
  SOURCE_CATEGORIES,
} from '../../analysis/source-categories/index.js';
import { citationShare, dimensionsOf, plainShare, proportionOf, shareOf, sourcesOf } from './brand-rows.js';
import {
  categorySumsSql,
  citedDomainsSql,
  competitorOnlySql,
  type CategorySumsRow,
  domainsSql,
  totalsSql,
  urlsSql,
  type CitationTotalsRow,
  type CompetitorOnlyRow,
  type DomainRankRow,
  type UrlRankRow,
} from './citations.repo.js';
import type { CitationGroup, CitationsQuery, CitationsReport } from './citations.schemas.js';
import { streamRows } from './csv.js';
import { brandsWithDomains, configAndPromptLabels, type BrandFactsRow } from './reports.repo.js';
import { reportQuery } from './report-session.js';
import {
  brandFacts,
  envelope,
  filtersOf,
  openReport,
  type OpenedReport,
  type ReportsDeps,
  type SourceMode,
} from './reports.service.js';
import type { SourceGrain } from './facts.sql.js';
import { categoryRuleRows, categoryStaleRuns, type PeriodCover, periodCover } from './rollups.repo.js';
import { DIM_COLUMN, sourceGrain, type Dim, type SourceContext } from './sources.sql.js';

const keyOf = (row: Record<string, unknown>, names: string[]) => JSON.stringify(names.map((n) => row[n]));

function groupRows<T extends Record<string, unknown>>(rows: T[], names: string[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const k = keyOf(r, names);
    m.set(k, [...(m.get(k) ?? []), r]);
  }
  return m;
}

function totalsOf(t: CitationTotalsRow) {
  return {
    n: t.n,
    failed: t.failed,
    pendingAnalysis: t.pending,
    cited: t.cited,
    citingAnswers: proportionOf(t.citing_answers, t.n),
    sources: sourcesOf(t),
  };
}

async function query<T extends Record<string, unknown>>(
  deps: ReportsDeps,
  report: OpenedReport,
  build: (ctx: SourceContext) => string,
  raw = false,
  periods?: SourceContext['periods'],
): Promise<T[]> {
  // A raw context reads every run from the answer tables (prompt and tag slices of source lists).
  const ctx = raw ? { ...report.context(), live: null } : { ...report.context(), periods };
  return reportQuery<T>(deps.db.pool, build(ctx), ctx.p.values, { serial: !!periods && !raw });
}

/**
 * Source lists of a range sliced by provider only (or not at all) read period rollups for its
 * whole local days (rollups.repo.ts periodCover); other slices, run filters and raw reads do not.
 */
async function periodsFor(
  deps: ReportsDeps,
  report: OpenedReport,
  dims: Dim[],
  grain: SourceGrain,
  /** The range's cover when the caller shares one between statements (sharedCover). */
  cover?: () => Promise<PeriodCover | null>,
): Promise<SourceContext['periods']> {
  const ctx = report.context();
  const f = report.filters;
  if (
    ctx.live === null ||
    grain === 'prompt_config' ||
    !f.from ||
    !f.to ||
    f.runId ||
    f.modelConfigIds ||
    f.locations ||
    f.languages ||
    !dims.every((d) => d === 'provider')
  )
    return undefined;
  const found = await (cover ?? sharedCover(deps, report))();
  return found ? { cover: found, perProvider: grain === 'config' } : undefined;
}

/**
 * The period cover of a report's range, looked up once for every statement that reads it (the
 * source lists and the competitor-only sources of one citations report). Call it only where
 * periodsFor's conditions hold: a range with both ends, and runs read live known.
 */
function sharedCover(deps: ReportsDeps, report: OpenedReport): () => Promise<PeriodCover | null> {
  let cover: Promise<PeriodCover | null> | undefined;
  return () => {
    const ctx = report.context();
    const f = report.filters;
    cover ??= periodCover(
      deps.db.pool,
      ctx.workspaceId,
      ctx.timezone,
      { from: f.from ?? '', to: f.to ?? '' },
      ctx.live ?? [],
    );
    return cover;
  };
}

/**
 * The citations report without its brand rows, its split per provider and its competitor-only
 * sources: each slice's totals and its top domains and URLs, from the same statements as
 * citations() (the figures are the report's, to the digit), for readers that show only those
 * lists (the PDF report). It skips the split by source category and the competitor-only sources.
 */
export type CitationLists = Omit<
  CitationsReport,
  'groups' | 'byProvider' | 'sourceCategories' | 'competitorOnlySources'
> & {
  groups: Array<Omit<CitationGroup, 'brands'>>;
};

export async function citationLists(
  deps: ReportsDeps,
  orgId: string,
  workspaceId: string,
  q: CitationsQuery,
  mode?: SourceMode,
): Promise<CitationLists> {
  const dims = q.groupBy as Dim[];
  const report = await openReport(deps, orgId, workspaceId, filtersOf(q), { ...(mode ? { mode } : {}), dims });
  const grain = sourceGrain(dims, report.slice);
  const periods = await periodsFor(deps, report, dims, grain);
  const [totals, domains, urls, brands, labels] = await Promise.all([
    query<CitationTotalsRow>(deps, report, (ctx) => totalsSql(ctx, dims)),
    query<DomainRankRow>(
      deps,
      report,
      (ctx) => domainsSql(ctx, dims, grain, q.top),
      grain === 'prompt_config',
      periods,
    ),
    query<UrlRankRow>(deps, report, (ctx) => urlsSql(ctx, dims, grain, q.top), grain === 'prompt_config', periods),
    brandsWithDomains(deps.db.pool, workspaceId),
    configAndPromptLabels(deps.db.pool, workspaceId),
  ]);
  return {
    ...envelope(report),
    groupBy: q.groupBy,
    top: q.top,
    groups: listGroups(dims, totals, domains, urls, brands, labels),
  };
}

type Brands = Awaited<ReturnType<typeof brandsWithDomains>>;
type Labels = Awaited<ReturnType<typeof configAndPromptLabels>>;

const ownersOf = (brands: Brands) => (domain: string) =>
  brands
    .filter((b) => b.domains.includes(domain))
    .map((b) => ({ brandId: b.id, brandName: b.name, brandKind: b.kind }));

/** Each slice's totals with its top domains and URLs (every group of the report but its brand rows). */
function listGroups(
  dims: Dim[],
  totals: CitationTotalsRow[],
  domains: DomainRankRow[],
  urls: UrlRankRow[],
  brands: Brands,
  labels: Labels,
): Array<Omit<CitationGroup, 'brands'>> {
  const names = dims.map((d) => DIM_COLUMN[d]);
  const label = new Map(labels.map((r) => [`${r.kind}|${r.id}`, r.label]));
  const owners = ownersOf(brands);
  const domainsBy = groupRows(domains, names);
  const urlsBy = groupRows(urls, names);
  return totals.map((t) => {
    const key = keyOf(t, names);
    const named = {
      ...t,
      model_config_name: label.get(`config|${String(t.model_config_id)}`),
      prompt_text: label.get(`prompt|${String(t.prompt_id)}`),
    };
    return {
      ...dimensionsOf(named as Partial<BrandFactsRow>, dims),
      ...totalsOf(t),
      domains: (domainsBy.get(key) ?? []).map((d) => ({
        domain: d.domain,
        cited: d.annotations + d.links,
        annotations: d.annotations,
        links: d.links,
        searchResults: d.search_results,
        share: plainShare(d.annotations + d.links, d.group_cited, t.n),
        citingAnswers: proportionOf(d.citing_answers, t.n),
        retrievingAnswers: d.retrieving_answers,
        ownedBy: owners(d.domain),
      })),
      urls: (urlsBy.get(key) ?? []).map((u) => ({
        url: u.url,
        domain: u.domain,
        cited: u.cited,
        retrieved: u.retrieved,
        share: plainShare(u.cited, u.group_cited, t.n),
      })),
    };
  });
}

/** Figures of one split by source category from its sums (totals row and category rows). */
export function categorySplitOf(rows: CategorySumsRow[]) {
  const totals = rows.find((r) => r.category === null) ?? { answers: 0, y: 0, yy: 0 };
  const by = new Map(rows.filter((r) => r.category !== null).map((r) => [r.category, r]));
  const n = Number(totals.answers);
  const y = Number(totals.y);
  return {
    n,
    cited: y,
    categories: SOURCE_CATEGORIES.map((category) => {
      const r = by.get(category);
      const x = Number(r?.x ?? 0);
      return {
        category,
        cited: x,
        share: shareOf({ n, x, y, xx: Number(r?.xx ?? 0), xy: Number(r?.xy ?? 0), yy: Number(totals.yy) }),
        citingAnswers: proportionOf(Number(r?.answers ?? 0), n),
      };
    }),
  };
}

/**
 * The sums of the split by source category over the report's analysed answers (per day or week
 * with `interval`): from the category rollups of runs classified under the workspace's current
 * rules, and live for the others — runs the report reads live, runs classified under other rules
 * (an override or a brand changed since; rebuilt in the background), or every run when a prompt or
 * tag filter asks for answers the per-configuration rollups cannot select. Live runs' cited domains
 * are classified here (brands' domains, the workspace's overrides, the domain list).
 */
export async function categorySums(
  deps: ReportsDeps,
  report: OpenedReport,
  workspaceId: string,
  interval?: 'day' | 'week',
  /** The runs classified under other rules, when the caller looked them up already (categoryStaleRuns). */
  staleRuns?: Promise<string[]>,
): Promise<CategorySumsRow[]> {
  const f = report.slice;
  const fromRollups =
    report.context().live !== null && !(f.promptIds || f.tags || f.targeting?.askedIn?.configs.length);
  if (!fromRollups) return categorySumsOver(deps, report, workspaceId, interval, null);
  const lookUp = () => categoryStaleRuns(deps.db.pool, workspaceId, f);
  let stale = await (staleRuns ?? lookUp());
  // The rollups of stale runs are rebuilt in the background (the refresher): one committed between
  // the look-up and the read would be read under the rules it was built with (an override deleted
  // meanwhile, say). So the stale runs are looked up again after the read, and on a change the sums
  // are read once more with the new list.
  for (let attempt = 1; ; attempt++) {
    const rows = await categorySumsOver(deps, report, workspaceId, interval, stale);
    if (attempt === 2) return rows;
    const again = await lookUp();
    if (again.length === stale.length && again.every((id) => stale.includes(id))) return rows;
    stale = again;
  }
}

/**
 * The category sums, from rollups with the given stale runs read live beside the report's live runs,
 * or from the answer tables when `stale` is null (a filter rollups cannot answer).
 */
async function categorySumsOver(
  deps: ReportsDeps,
  report: OpenedReport,
  workspaceId: string,
  interval: 'day' | 'week' | undefined,
  stale: string[] | null,
): Promise<CategorySumsRow[]> {
  let live = stale === null ? null : report.context().live;
  if (live !== null && stale?.length) {
    deps.refresher?.request(workspaceId, stale);
    live = [...new Set([...live, ...stale])];
  }
  let domains: string[] = [];
  let categories: string[] = [];
  if (live === null || live.length) {
    const ctx = { ...report.context(), live };
    const [cited, rules] = await Promise.all([
      reportQuery<{ domain: string }>(deps.db.pool, citedDomainsSql(ctx), ctx.p.values),
      categoryRuleRows(deps.db.pool, workspaceId),
    ]);
    const categoryOf = categorizer(rulesOf(rules.brands, rules.overrides));
    domains = cited.map((r) => r.domain);
    categories = domains.map(categoryOf);
  }
  const ctx = { ...report.context(), live };
  // From rollups it is a read of a few thousand rows: parallel workers would cost more than they save.
  return reportQuery<CategorySumsRow>(deps.db.pool, categorySumsSql(ctx, domains, categories, interval), ctx.p.values, {
    serial: live !== null,
  });
}

/** The split of cited sources by source category over the report's analysed answers, whatever the grouping. */
async function sourceCategoriesOf(
  deps: ReportsDeps,
  report: OpenedReport,
  workspaceId: string,
  staleRuns?: Promise<string[]>,
): Promise<CitationsReport['sourceCategories']> {
  return {
    listVersion: DOMAIN_LIST_VERSION,
    ...categorySplitOf(await categorySums(deps, report, workspaceId, undefined, staleRuns)),
  };
}

/**
 * The competitor-only sources over the whole range: from period rollups for its whole local days
 * when no filter needs finer rows, from per-run rollups otherwise, and from the answer tables for a
 * prompt or tag filter (as the report's source lists).
 */
async function competitorOnlyOf(
  deps: ReportsDeps,
  report: OpenedReport,
  top: number,
  cover?: () => Promise<PeriodCover | null>,
): Promise<CompetitorOnlyRow[]> {
  const grain = sourceGrain([], report.slice);
  const periods = await periodsFor(deps, report, [], grain, cover);
  return query<CompetitorOnlyRow>(
    deps,
    report,
    (ctx) => competitorOnlySql(ctx, grain, top),
    grain === 'prompt_config',
    periods,
  );
}

export async function citations(
  deps: ReportsDeps,
  orgId: string,
  workspaceId: string,
  q: CitationsQuery,
  mode?: SourceMode,
): Promise<CitationsReport> {
  // Own brands decide which sources are competitor-only: runs rolled up under other own brands are read live.
  const dims = q.groupBy as Dim[];
  const report = await openReport(deps, orgId, workspaceId, filtersOf(q), {
    ownSensitive: true,
    ...(mode ? { mode } : {}),
    dims,
  });
  const names = dims.map((d) => DIM_COLUMN[d]);
  const grain = sourceGrain(dims, report.slice);
  const { pool } = deps.db;
  // One cover for the source lists and the competitor-only sources; the runs classified under other
  // rules looked up beside it, rather than after it on the way to the split by source category.
  const cover = sharedCover(deps, report);
  const f = report.slice;
  const staleRuns =
    report.context().live !== null && !(f.promptIds || f.tags || f.targeting?.askedIn?.configs.length)
      ? categoryStaleRuns(pool, workspaceId, f)
      : undefined;
  const [periods, stale] = await Promise.all([periodsFor(deps, report, dims, grain, cover), staleRuns]);
  const [totals, byProvider, domains, urls, brandRows, brands, labels, competitorOnly, sourceCategories] =
    await Promise.all([
      query<CitationTotalsRow>(deps, report, (ctx) => totalsSql(ctx, dims)),
      // Grouped by provider alone, the split per provider is the groups' totals: one statement less.
      dims.length === 1 && dims[0] === 'provider'
        ? null
        : query<CitationTotalsRow>(deps, report, (ctx) => totalsSql(ctx, ['provider'])),
      query<DomainRankRow>(
        deps,
        report,
        (ctx) => domainsSql(ctx, dims, grain, q.top),
        grain === 'prompt_config',
        periods,
      ),
      query<UrlRankRow>(deps, report, (ctx) => urlsSql(ctx, dims, grain, q.top), grain === 'prompt_config', periods),
      brandFacts(deps, report, dims),
      brandsWithDomains(pool, workspaceId),
      configAndPromptLabels(pool, workspaceId),
      competitorOnlyOf(deps, report, q.top, cover),
      sourceCategoriesOf(deps, report, workspaceId, stale ? Promise.resolve(stale) : undefined),
    ]);
  const owners = ownersOf(brands);
  const brandsBy = groupRows(brandRows as unknown as Array<Record<string, unknown>>, names);
  const groups = listGroups(dims, totals, domains, urls, brands, labels).map(
    (g, i): CitationGroup => ({
      ...g,
      brands: ((brandsBy.get(keyOf(totals[i] as CitationTotalsRow, names)) ?? []) as unknown as BrandFactsRow[]).map(
        (b) => ({
          brandId: b.brand_id,
          brandName: b.brand_name,
          brandKind: b.brand_kind,
          cited: b.cited,
          retrieved: b.retrieved,
          share: citationShare(b),
          citingAnswers: proportionOf(b.citing_answers, b.n),
        }),
      ),
    }),
  );
  return {
    ...envelope(report),
    groupBy: q.groupBy,
    top: q.top,
    groups,
    byProvider: (byProvider ?? totals).map((t) => ({ provider: String(t.provider), ...totalsOf(t) })),
    sourceCategories,
    competitorOnlySources: competitorOnly.map((d) => ({
      domain: d.domain,
      citations: d.citations,
      answers: d.answers,
      ownedBy: owners(d.domain),
      urls: d.urls.map(([url, citations]) => ({ url, citations })),
    })),
  };
}

const CSV_COLUMNS = [
  'definitionVersion',
  'section',
  'provider',
  'modelConfigId',
  'modelConfigName',
  'promptId',
  'promptText',
  'tag',
  'location',
  'language',
  'runId',
  'period',
  'n',
  'failed',
  'pendingAnalysis',
  'key',
  'label',
  'brandKind',
  'cited',
  'annotations',
  'links',
  'retrieved',
  'share.numerator',
  'share.denominator',
  'share.n',
  'share.value',
  'share.ci95.low',
  'share.ci95.high',
  'answers.numerator',
  'answers.denominator',
  'answers.n',
  'answers.value',
  'answers.ci95.low',
  'answers.ci95.high',
  'retrievingAnswers',
];

/** One CSV row per item of every section of every slice (bounded: `top` items per list). */
export function citationsCsv(r: CitationsReport): Readable {
  const rows: Array<Record<string, unknown>> = [];
  const base = (g: Partial<CitationGroup>) => ({
    definitionVersion: r.definitionVersion,
    provider: g.provider,
    modelConfigId: g.modelConfigId,
    modelConfigName: g.modelConfigName,
    promptId: g.promptId,
    promptText: g.promptText,
    tag: g.tag,
    location: g.location,
    language: g.language,
    runId: g.runId,
    period: g.period,
    n: g.n,
    failed: g.failed,
    pendingAnalysis: g.pendingAnalysis,
  });
  // A slice's answers citing anything, then its split of sources.
  const totals = (
    g: Partial<CitationGroup> & Pick<CitationGroup, 'cited' | 'citingAnswers' | 'sources'>,
    prefix: string,
  ) => {
    rows.push({ ...base(g), section: `${prefix}answers`, key: 'citing', cited: g.cited, answers: g.citingAnswers });
    for (const [key, s] of Object.entries(g.sources))
      rows.push({ ...base(g), section: `${prefix}source`, key, cited: s.count, share: s.share });
  };
  for (const p of r.byProvider) totals(p, 'provider ');
  for (const g of r.groups) {
    totals(g, '');
    for (const d of g.domains) {
      rows.push({
        ...base(g),
        section: 'domain',
        key: d.domain,
        label: d.ownedBy.map((o) => o.brandName).join('; '),
        cited: d.cited,
        annotations: d.annotations,
        links: d.links,
        retrieved: d.searchResults,
        share: d.share,
        answers: d.citingAnswers,
        retrievingAnswers: d.retrievingAnswers,
      });
    }
    for (const u of g.urls)
      rows.push({
        ...base(g),
        section: 'url',
        key: u.url,
        label: u.domain,
        cited: u.cited,
        retrieved: u.retrieved,
        share: u.share,
      });
    for (const b of g.brands) {
      rows.push({
        ...base(g),
        section: 'brand',
        key: b.brandId,
        label: b.brandName,
        brandKind: b.brandKind,
        cited: b.cited,
        retrieved: b.retrieved,
        share: b.share,
        answers: b.citingAnswers,
      });
    }
  }
  for (const c of r.sourceCategories.categories)
    rows.push({
      definitionVersion: r.definitionVersion,
      section: 'source category',
      n: r.sourceCategories.n,
      key: c.category,
      label: `domain list v${r.sourceCategories.listVersion}`,
      cited: c.cited,
      share: c.share,
      answers: c.citingAnswers,
    });
  for (const d of r.competitorOnlySources) {
    rows.push({
      definitionVersion: r.definitionVersion,
      section: 'competitor-only domain',
      key: d.domain,
      label: d.ownedBy.map((o) => o.brandName).join('; '),
      cited: d.citations,
      'answers.numerator': d.answers,
    });
    for (const u of d.urls)
      rows.push({
        definitionVersion: r.definitionVersion,
        section: 'competitor-only url',
        key: u.url,
        label: d.domain,
        cited: u.citations,
      });
  }
  return streamRows(rows, 'csv', CSV_COLUMNS);
}
