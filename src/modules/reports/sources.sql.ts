/**
 * Where a report's facts come from, and how it slices them. Each source is the rollup rows of
 * runs whose rollup is current, plus the same facts computed live from the answer tables
 * (facts.sql.ts) for every other run in range, so a report always equals a recomputation from
 * the answer tables. The `raw` mode skips rollups entirely: the baseline of the benchmark and
 * of the consistency tests.
 */
import {
  ANSWER_FACT_COLUMNS,
  BRAND_FACT_COLUMNS,
  GRAIN_KEYS,
  RAW_ANSWER_FACTS,
  RAW_BRAND_FACTS,
  answerCtes,
  CATEGORY_FACT_COLUMNS,
  answerFactsPerConfig,
  rawCategoryFacts,
  rawDomainFacts,
  rawUrlFacts,
  regroupBrandFacts,
  type BrandGrain,
  type SourceGrain,
} from './facts.sql.js';
import type { ReportFilters } from './reports.schemas.js';
import type { PeriodCover } from './rollups.repo.js';

/** Query parameters numbered on first use, so statements only carry the filters actually given. */
export class Params {
  readonly values: unknown[] = [];
  private readonly named = new Map<string, string>();

  ref(name: string, value: unknown, cast: string): string {
    let placeholder = this.named.get(name);
    if (!placeholder) {
      this.values.push(value);
      placeholder = `$${this.values.length}::${cast}`;
      this.named.set(name, placeholder);
    }
    return placeholder;
  }
}

export type Dim = 'provider' | 'config' | 'prompt' | 'tag' | 'run' | 'day' | 'week' | 'location' | 'language';

/**
 * The location and language filters and groups, resolved before the statement (targeting.ts) into
 * configuration and prompt ids, so hot statements filter on ids rather than joining configurations.
 */
export interface Targeting {
  /** The configurations whose answers pass the location and language filters. */
  configs?: string[];
  /**
   * Configurations without a language among those: their answers count only for the prompts
   * asked in a filtered language (the prompt's locale is the language the assistant was asked in).
   */
  askedIn?: { configs: string[]; prompts: string[] };
  /** Every configuration's country and language ('' for none), for grouping by location or language. */
  labels?: { ids: string[]; countries: string[]; languages: string[] };
}

/** The report filters with their resolved targeting: what statements read. */
export type SliceFilters = ReportFilters & { targeting?: Targeting | undefined };

export interface SourceContext {
  p: Params;
  workspaceId: string;
  filters: SliceFilters;
  timezone: string;
  /** Runs read live; null reads every run live (raw mode). */
  live: string[] | null;
  /**
   * Source lists only: the periods to read instead of per-run rows (rollups.repo.ts periodCover),
   * with provider rows when the slice needs providers. Set only for slices by provider, or none.
   */
  periods?: { cover: PeriodCover; perProvider: boolean } | undefined;
}

/** Output column of each dimension. */
export const DIM_COLUMN: Record<Dim, string> = {
  provider: 'provider',
  config: 'model_config_id',
  prompt: 'prompt_id',
  tag: 'tag',
  run: 'run_id',
  day: 'period',
  week: 'period',
  location: 'location',
  language: 'language',
};

/** Whether grouping by language needs the prompt: some configuration sets no language. */
const languageNeedsPrompt = (f: SliceFilters) => f.targeting?.labels?.languages.some((l) => l === '') ?? true;

/** Which facts a slice needs: per prompt (prompt, tag) and/or per configuration (provider, config). */
export function needs(dims: Dim[], f: SliceFilters): { prompt: boolean; config: boolean } {
  const t = f.targeting;
  return {
    prompt:
      dims.includes('prompt') ||
      dims.includes('tag') ||
      !!f.promptIds ||
      !!f.tags ||
      !!t?.askedIn?.configs.length ||
      (dims.includes('language') && languageNeedsPrompt(f)),
    config:
      dims.includes('provider') ||
      dims.includes('config') ||
      dims.includes('location') ||
      dims.includes('language') ||
      !!f.providers ||
      !!f.modelConfigIds ||
      !!t?.configs,
  };
}

/** The smallest brand-fact grain that can answer the slice. */
export function brandGrain(dims: Dim[], f: SliceFilters): BrandGrain {
  const n = needs(dims, f);
  return n.prompt ? (n.config ? 'prompt_config' : 'prompt') : 'config';
}

interface Cols {
  run: string;
  at: string;
  provider?: string;
  config?: string;
  prompt?: string;
}

/** The report filters as conditions on the given columns (brand filters apply to output rows only). */
function filterConditions(ctx: SourceContext, c: Cols): string[] {
  const { p, filters: f } = ctx;
  const out: string[] = [];
  if (f.runId) out.push(`${c.run} = ${p.ref('run', f.runId, 'uuid')}`);
  if (f.from) out.push(`${c.at} >= ${p.ref('from', f.from, 'timestamptz')}`);
  if (f.to) out.push(`${c.at} < ${p.ref('to', f.to, 'timestamptz')}`);
  if (f.providers && c.provider) out.push(`${c.provider} = ANY(${p.ref('providers', f.providers, 'text[]')})`);
  if (f.modelConfigIds && c.config) out.push(`${c.config} = ANY(${p.ref('configs', f.modelConfigIds, 'uuid[]')})`);
  if (f.promptIds && c.prompt) out.push(`${c.prompt} = ANY(${p.ref('prompts', f.promptIds, 'uuid[]')})`);
  if (f.tags && c.prompt) {
    out.push(
      `${c.prompt} IN (SELECT id FROM prompts WHERE workspace_id = ${ws(ctx)} AND tags && ${p.ref('tags', f.tags, 'text[]')})`,
    );
  }
  const t = f.targeting;
  if (t?.configs && c.config) out.push(`${c.config} = ANY(${p.ref('t_configs', t.configs, 'uuid[]')})`);
  if (t?.askedIn?.configs.length && c.config && c.prompt) {
    out.push(
      `(${c.config} <> ALL(${p.ref('t_unspoken', t.askedIn.configs, 'uuid[]')}) OR ${c.prompt} = ANY(${p.ref('t_prompts', t.askedIn.prompts, 'uuid[]')}))`,
    );
  }
  return out;
}

export const ws = (ctx: SourceContext) => ctx.p.ref('ws', ctx.workspaceId, 'uuid');

/** The report filters as one condition on `r` (responses) joined with `ru` (runs): live reads, drill-down, exports. */
export function answerScope(ctx: SourceContext): string {
  const conds = [
    `r.workspace_id = ${ws(ctx)}`,
    ...filterConditions(ctx, {
      run: 'r.run_id',
      at: 'ru.created_at',
      provider: 'r.provider',
      config: 'r.model_config_id',
      prompt: 'r.prompt_id',
    }),
  ];
  if (ctx.live !== null) conds.push(`r.run_id = ANY(${ctx.p.ref('live', ctx.live, 'uuid[]')})`);
  return conds.join(' AND ');
}

/** The CTEs live parts need (empty when no run is read live). */
export function liveCtes(ctx: SourceContext): string {
  if (ctx.live !== null && ctx.live.length === 0) return '';
  return answerCtes(answerScope(ctx));
}

const hasLive = (ctx: SourceContext) => ctx.live === null || ctx.live.length > 0;

/** Rollup rows of runs not read live. */
function rollupPart(ctx: SourceContext, table: string, columns: string[], cols: Cols): string {
  const conds = [`f.workspace_id = ${ws(ctx)}`, ...filterConditions(ctx, cols)];
  if (ctx.live?.length) conds.push(`f.run_id <> ALL(${ctx.p.ref('live', ctx.live, 'uuid[]')})`);
  return `SELECT ${columns.map((c) => `f.${c}`).join(', ')} FROM ${table} f WHERE ${conds.join(' AND ')}`;
}

function combine(ctx: SourceContext, rollup: string | null, live: string): string {
  if (ctx.live === null || rollup === null) return `(${live})`;
  return hasLive(ctx) ? `(${rollup} UNION ALL ${live})` : `(${rollup})`;
}

const ALL_COLS: Cols = {
  run: 'f.run_id',
  at: 'f.run_at',
  provider: 'f.provider',
  config: 'f.model_config_id',
  prompt: 'f.prompt_id',
};
const CONFIG_COLS: Cols = { run: 'f.run_id', at: 'f.run_at', provider: 'f.provider', config: 'f.model_config_id' };
const RUN_COLS: Cols = { run: 'f.run_id', at: 'f.run_at' };

/** Answer facts per run × prompt × configuration, or per run × configuration when no prompt is needed (far fewer rows). */
export function answersSource(ctx: SourceContext, perPrompt: boolean): string {
  if (perPrompt) {
    const columns = ['run_id', 'run_at', 'prompt_id', 'model_config_id', 'provider', ...ANSWER_FACT_COLUMNS];
    return combine(ctx, rollupPart(ctx, 'report_answer_rollups', columns, ALL_COLS), RAW_ANSWER_FACTS);
  }
  const columns = ['run_id', 'run_at', 'model_config_id', 'provider', ...ANSWER_FACT_COLUMNS];
  return combine(
    ctx,
    rollupPart(ctx, 'report_config_answer_rollups', columns, CONFIG_COLS),
    answerFactsPerConfig(`(${RAW_ANSWER_FACTS}) x`),
  );
}

const BRAND_TABLE: Record<BrandGrain, string> = {
  prompt_config: 'report_brand_rollups',
  prompt: 'report_prompt_brand_rollups',
  config: 'report_config_brand_rollups',
};

/** Brand facts at the given grain. */
export function brandSource(ctx: SourceContext, grain: BrandGrain): string {
  const columns = ['run_id', 'run_at', ...GRAIN_KEYS[grain], 'brand_id', ...BRAND_FACT_COLUMNS];
  const cols: Cols = { run: 'f.run_id', at: 'f.run_at' };
  if (grain !== 'prompt') Object.assign(cols, { provider: 'f.provider', config: 'f.model_config_id' });
  if (grain !== 'config') cols.prompt = 'f.prompt_id';
  const live = grain === 'prompt_config' ? RAW_BRAND_FACTS : regroupBrandFacts(`(${RAW_BRAND_FACTS}) x`, grain);
  return combine(ctx, rollupPart(ctx, BRAND_TABLE[grain], columns, cols), live);
}

/**
 * The grain of domain and URL lists: per run, per configuration, or per prompt. Lists are rolled
 * up per run and per run × configuration; per-prompt rows would be as many as the citations, so a
 * prompt or tag slice reads the answer tables (the caller passes a raw-mode context).
 */
export function sourceGrain(dims: Dim[], f: SliceFilters): SourceGrain {
  const n = needs(dims, f);
  return n.prompt ? 'prompt_config' : n.config ? 'config' : 'run';
}

const SOURCE_TABLE: Record<'run' | 'config', { domains: string; urls: string; cols: Cols; keys: string[] }> = {
  run: { domains: 'report_domain_rollups', urls: 'report_url_rollups', cols: RUN_COLS, keys: ['run_id', 'run_at'] },
  config: {
    domains: 'report_config_domain_rollups',
    urls: 'report_config_url_rollups',
    cols: CONFIG_COLS,
    keys: ['run_id', 'run_at', 'model_config_id', 'provider'],
  },
};

/** The key columns of source rows at each grain (the live facts select them in this order). */
const SOURCE_KEY_COLUMNS: Record<SourceGrain, string[]> = {
  run: ['run_id', 'run_at'],
  config: ['run_id', 'run_at', 'model_config_id', 'provider'],
  prompt_config: ['run_id', 'run_at', 'prompt_id', 'model_config_id', 'provider'],
};

/**
 * Source rows from the rollups: per run, or, with a period cover, the covered periods' rows plus
 * the per-run rows of the days no period covers (the keys a period has not are null).
 */
function sourceRollups(ctx: SourceContext, grain: 'run' | 'config', kind: 'domains' | 'urls', facts: string[]): string {
  const t = SOURCE_TABLE[grain];
  const columns = [...t.keys, ...facts];
  if (!ctx.periods) return rollupPart(ctx, t[kind], columns, t.cols);
  const parts = coverParts(ctx, grain, kind, columns, ctx.periods);
  return `${parts.periods(null)} UNION ALL ${parts.perRun}`;
}

/** The two parts of a period cover's source rows: the covered periods' rows (of one provider, or all), and the per-run rows of the other days. */
function coverParts(
  ctx: SourceContext,
  grain: 'run' | 'config',
  kind: 'domains' | 'urls',
  columns: string[],
  periods: NonNullable<SourceContext['periods']>,
): { periods(provider: string | null): string; perRun: string } {
  const t = SOURCE_TABLE[grain];
  const { cover, perProvider } = periods;
  const { p } = ctx;
  const table = kind === 'domains' ? 'report_period_domain_rollups' : 'report_period_url_rollups';
  const conds = [
    `f.workspace_id = ${ws(ctx)}`,
    'f.span = pd.span',
    'f.day = pd.day',
    perProvider ? "f.provider <> ''" : "f.provider = ''",
  ];
  if (ctx.filters.providers) conds.push(`f.provider = ANY(${p.ref('providers', ctx.filters.providers, 'text[]')})`);
  const nulls: Record<string, string> = {
    run_id: 'NULL::uuid AS run_id',
    run_at: 'NULL::timestamptz AS run_at',
    model_config_id: 'NULL::uuid AS model_config_id',
  };
  const spans = p.ref('period_spans', cover.spans, 'int[]');
  const days = p.ref('period_days', cover.days, 'date[]');
  const periodRows = (provider: string | null) => `SELECT ${columns.map((c) => nulls[c] ?? `f.${c}`).join(', ')}
      FROM unnest(${spans}, ${days}) AS pd(span, day)
      JOIN ${table} f ON ${[...conds, ...(provider ? [`f.provider = ${provider}`] : [])].join(' AND ')}`;
  const tz = p.ref('tz', ctx.timezone, 'text');
  const lo = ctx.filters.from ? p.ref('from', ctx.filters.from, 'timestamptz') : null;
  const hi = ctx.filters.to ? p.ref('to', ctx.filters.to, 'timestamptz') : null;
  const gap = `SELECT ${lo ? `greatest(${lo}, g.lo::timestamp AT TIME ZONE ${tz})` : `g.lo::timestamp AT TIME ZONE ${tz}`} AS lo,
             ${hi ? `least(${hi}, g.hi::timestamp AT TIME ZONE ${tz})` : `g.hi::timestamp AT TIME ZONE ${tz}`} AS hi
        FROM unnest(${p.ref('gaps_from', cover.gapsFrom, 'date[]')}, ${p.ref('gaps_to', cover.gapsTo, 'date[]')}) AS g(lo, hi)`;
  // One index range scan per uncovered stretch (LATERAL, kept apart by OFFSET 0): a plain join
  // on the bounds let the planner scan the whole range's rows and filter them, about 30 times
  // more rows for a month with two partial days at its ends.
  const perRun = rollupPart(ctx, t[kind], columns, t.cols).replace(
    ` FROM ${t[kind]} f WHERE `,
    ` FROM (${gap}) g CROSS JOIN LATERAL (SELECT * FROM ${t[kind]} f WHERE f.workspace_id = ${ws(ctx)} AND f.run_at >= g.lo AND f.run_at < g.hi OFFSET 0) f WHERE `,
  );
  return { periods: periodRows, perRun };
}

/**
 * Per-provider source rows of a period cover with no run read live, for statements that work one
 * provider at a time: `providers`, the providers with answers in range (every provider a source
 * row can have), `perRun`, the rows of the days no period covers (every provider, for the caller
 * to read once), and `periods(provider)`, one provider's period rows, an index range per period.
 * Null when the context reads runs live or has no cover (sourceRollups then serves).
 */
export function sourcesByProvider(
  ctx: SourceContext,
  kind: 'domains' | 'urls',
  facts: string[],
): { providers: string; perRun: string; periods(provider: string): string } | null {
  if (!ctx.periods?.perProvider || ctx.live === null || ctx.live.length > 0) return null;
  const columns = ['provider', ...facts];
  const parts = coverParts(ctx, 'config', kind, columns, ctx.periods);
  return {
    providers: `SELECT DISTINCT f.provider FROM (${rollupPart(ctx, 'report_config_answer_rollups', ['provider'], CONFIG_COLS)}) f`,
    perRun: parts.perRun,
    periods: (provider) => parts.periods(provider),
  };
}

/** Sources per domain at the given grain. */
export function domainSource(ctx: SourceContext, grain: SourceGrain): string {
  const facts = [
    'domain',
    'annotations',
    'links',
    'search_results',
    'citing_answers',
    'retrieving_answers',
    'competitor_citations',
    'competitor_answers',
    'own_answers',
  ];
  return combine(
    ctx,
    grain === 'prompt_config' ? null : sourceRollups(ctx, grain, 'domains', facts),
    `SELECT ${[...SOURCE_KEY_COLUMNS[grain], ...facts].join(', ')} FROM (${rawDomainFacts(grain)}) x`,
  );
}

/**
 * Cited sources per run × configuration × domain with their squares (citing_answers, annotations,
 * links, cited_sq, cited_cross): the configuration rollups of runs not read live, and the same
 * facts from the answer tables for the others. Per prompt there is no rollup: a slice that needs
 * prompts passes a raw-mode context and reads `prompt_config` rows from the answer tables.
 */
export function domainSquaresSource(ctx: SourceContext, grain: 'config' | 'prompt_config'): string {
  const facts = ['domain', 'citing_answers', 'annotations', 'links', 'cited_sq', 'cited_cross'];
  const t = SOURCE_TABLE.config;
  const keys = SOURCE_KEY_COLUMNS[grain];
  return combine(
    ctx,
    grain === 'config' ? rollupPart(ctx, t.domains, [...keys, ...facts], t.cols) : null,
    `SELECT ${[...keys, ...facts].join(', ')} FROM (${rawDomainFacts(grain)}) x`,
  );
}

/** Sources per URL at the given grain. */
export function urlSource(ctx: SourceContext, grain: SourceGrain): string {
  const facts = ['url', 'domain', 'cited', 'retrieved', 'competitor_cited'];
  return combine(ctx, grain === 'prompt_config' ? null : sourceRollups(ctx, grain, 'urls', facts), rawUrlFacts(grain));
}

/**
 * Cited sources per run × configuration × source category: the category rollups of runs not read
 * live, and the same facts from the answer tables for the others, classified through `cat` (an SQL
 * relation of domain and category the caller defines next to liveCtes).
 */
export function categorySource(ctx: SourceContext, cat: string): string {
  const columns = ['run_id', 'run_at', 'model_config_id', 'provider', 'category', ...CATEGORY_FACT_COLUMNS];
  return combine(ctx, rollupPart(ctx, 'report_category_rollups', columns, CONFIG_COLS), rawCategoryFacts(cat));
}

/** Grouping expressions over a source aliased `f` (and `tg` for tags), with their output names. */
export function dimensions(
  ctx: SourceContext,
  dims: Dim[],
): { select: string[]; group: string[]; names: string[]; joins: string } {
  const tz = () => ctx.p.ref('tz', ctx.timezone, 'text');
  const expr: Record<Dim, () => string> = {
    provider: () => 'f.provider',
    config: () => 'f.model_config_id',
    prompt: () => 'f.prompt_id',
    // Answers whose prompt has no tag form their own group ('' here, null in reports).
    tag: () => 'tg.tag',
    run: () => 'f.run_id',
    day: () => `(timezone(${tz()}, f.run_at))::date::text`,
    week: () => `(date_trunc('week', timezone(${tz()}, f.run_at)))::date::text`,
    // Configurations without a location form their own group ('' here, null in reports).
    location: () => "coalesce(tl.country, '')",
    // A configuration without a language was asked in its prompt's language.
    language: () =>
      languageNeedsPrompt(ctx.filters)
        ? "coalesce(nullif(tl.language, ''), lower(split_part(lp.locale, '-', 1)), '')"
        : "coalesce(tl.language, '')",
  };
  const group = dims.map((d) => expr[d]());
  const names = dims.map((d) => DIM_COLUMN[d]);
  const tags = `unnest(CASE WHEN cardinality(tp.tags) > 0 THEN tp.tags ELSE ARRAY['']::text[] END)`;
  // With a tag filter, a prompt's other tags are not groups of their own: asked for smb, its crm tag would show as a crm row of smb answers only.
  const asked =
    dims.includes('tag') && ctx.filters.tags
      ? ` WHERE u.tag = ANY(${ctx.p.ref('tags', ctx.filters.tags, 'text[]')})`
      : '';
  const joinList: string[] = [];
  if (dims.includes('tag'))
    joinList.push(
      `JOIN prompts tp ON tp.id = f.prompt_id CROSS JOIN LATERAL (SELECT u.tag FROM ${tags} AS u(tag)${asked}) AS tg`,
    );
  if (dims.includes('location') || dims.includes('language')) {
    const labels = ctx.filters.targeting?.labels ?? { ids: [], countries: [], languages: [] };
    const { p } = ctx;
    joinList.push(
      `LEFT JOIN unnest(${p.ref('tl_ids', labels.ids, 'uuid[]')}, ${p.ref('tl_countries', labels.countries, 'text[]')}, ${p.ref('tl_languages', labels.languages, 'text[]')}) AS tl(id, country, language) ON tl.id = f.model_config_id`,
    );
  }
  if (dims.includes('language') && languageNeedsPrompt(ctx.filters))
    joinList.push('LEFT JOIN prompts lp ON lp.id = f.prompt_id');
  const joins = joinList.join(' ');
  return { select: group.map((g, i) => `${g} AS ${names[i]}`), group, names, joins };
}

/** `a.x = b.x AND …` over the dimension columns, or `true` when there are none. */
export const joinOn = (names: string[], a: string, b: string) =>
  names.length ? names.map((n) => `${a}.${n} = ${b}.${n}`).join(' AND ') : 'true';
