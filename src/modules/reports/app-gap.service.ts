/**
 * The app-versus-API gap. For each assistant measured both through its API and through its
 * consumer app, on the prompts answered on both surfaces only: per brand the mention rate on each
 * surface and the difference (app − API) with the experiments report's statistics (Newcombe
 * interval, z-test or Fisher's exact test), per cited domain its citation share on each surface
 * and the difference (Wald interval and z-test on the two delta-method variances), every p-value
 * adjusted across the whole report, and a one-line verdict: is the API a good stand-in for the app
 * on this workspace's prompts? docs/statistics.md#app-versus-api-gap defines each number.
 */
import type { Readable } from 'node:stream';
import { AppError } from '../../lib/errors.js';
import { benjaminiHochberg, compareProportions, compareRatios, holm, type RatioSums } from '../../lib/statistics.js';
import type {
  AppGapAssistant,
  AppGapBrand,
  AppGapDomain,
  AppGapQuery,
  AppGapReport,
  GapVerdict,
} from './app-gap.schemas.js';
import {
  type GapAnswerCountsRow,
  type GapBrandRow,
  type GapDomainSumsRow,
  type GapPair,
  type GapSurfaceConfig,
  gapAnswerCounts,
  gapAnswerSums,
  gapBrandSums,
  gapBrands,
  gapDomainSquares,
  gapDomainSums,
  gapScopeHasAnswers,
} from './app-gap.sql.js';
import { proportionOf, shareOf } from './brand-rows.js';
import { streamRows } from './csv.js';
import { configsOf, type ExperimentConfigRow } from './reports.repo.js';
import {
  brandFacts,
  envelope,
  filtersOf,
  type OpenedReport,
  openReport,
  type ReportsDeps,
  type SourceMode,
} from './reports.service.js';
import { brandGrain, type SourceContext, sourceGrain } from './sources.sql.js';

export type Surface = 'api' | 'app';

/** The assistant each API provider speaks for; mock, Citewatch's keyless API stand-in, speaks for ChatGPT. */
const API_ASSISTANT: Record<string, string> = {
  openai: 'chatgpt',
  gemini: 'gemini',
  anthropic: 'claude',
  perplexity: 'perplexity',
  mock: 'chatgpt',
};
const APP_PROVIDERS = new Set(['assistant_app', 'mock_app']);

/**
 * The pairing rule: which assistant a configuration belongs to, and through which surface. App
 * captures name their assistant as the model; API providers map to the assistant built on them.
 * Others (OpenAI-compatible endpoints, AI Overviews) belong to none.
 */
export function surfaceOf(c: { provider: string; model: string }): { assistant: string; surface: Surface } | null {
  if (APP_PROVIDERS.has(c.provider)) return { assistant: c.model, surface: 'app' };
  const assistant = API_ASSISTANT[c.provider];
  return assistant ? { assistant, surface: 'api' } : null;
}

const ASSISTANT_NAMES: Record<string, string> = {
  chatgpt: 'ChatGPT',
  gemini: 'Gemini',
  claude: 'Claude',
  perplexity: 'Perplexity',
  copilot: 'Copilot',
};
export const assistantName = (a: string) => ASSISTANT_NAMES[a] ?? a;

/** One comparison the verdict weighs: a brand's mention rate or a domain's citation share. */
export interface GapTest {
  kind: 'brand' | 'domain';
  name: string;
  difference: number | null;
  pValueAdjusted: number | null;
  significant: boolean;
}

export interface VerdictInput {
  assistant: string;
  matchedPrompts: number;
  apiAnswers: number;
  appAnswers: number;
  tests: GapTest[];
  maxGap: number;
  minAnswers: number;
}

export interface Verdict {
  status: GapVerdict;
  summary: string;
  largestGap: {
    kind: 'brand' | 'domain';
    name: string;
    difference: number;
    pValueAdjusted: number | null;
    significant: boolean;
  } | null;
}

/** Points, as people read them: 0.18 → "18", 0.095 → "9.5". */
export const points = (d: number) => String(Number((Math.abs(d) * 100).toFixed(1)));
/** "p=0.012", "p<0.001", as an adjusted p-value reads in a sentence. */
export const formatP = (p: number | null) =>
  p === null ? 'p n/a' : p < 0.001 ? 'p<0.001' : `p=${String(Number(p.toPrecision(2)))}`;
const what = (t: { kind: 'brand' | 'domain'; name: string }) =>
  t.kind === 'brand' ? `${t.name}’s mention rate` : `${t.name}’s citation share`;
const gapText = (t: { kind: 'brand' | 'domain'; name: string; difference: number }) =>
  `${what(t)} is ${points(t.difference)} points ${t.difference > 0 ? 'higher' : 'lower'} in the app`;

/**
 * The verdict, in this order:
 * - not_stand_in: some brand or domain differs significantly (adjusted p < alpha) by maxGap or more;
 * - inconclusive: no prompt on both surfaces, fewer than minAnswers answers on a surface, or a
 *   difference of maxGap or more that is not significant;
 * - stand_in: otherwise — enough answers, and every observed difference is below maxGap.
 */
export function gapVerdict(v: VerdictInput): Verdict {
  const app = `the ${assistantName(v.assistant)} app`;
  const measured = v.tests.filter((t): t is GapTest & { difference: number } => t.difference !== null);
  const byGap = (x: { difference: number }, y: { difference: number }) =>
    Math.abs(y.difference) - Math.abs(x.difference);
  const material = measured.filter((t) => t.significant && Math.abs(t.difference) >= v.maxGap).sort(byGap);
  const largest = material[0] ?? [...measured].sort(byGap)[0] ?? null;
  const largestGap = largest
    ? {
        kind: largest.kind,
        name: largest.name,
        difference: largest.difference,
        pValueAdjusted: largest.pValueAdjusted,
        significant: largest.significant,
      }
    : null;
  if (material.length) {
    const first = material[0] as GapTest & { difference: number };
    const more = material.length - 1;
    return {
      status: 'not_stand_in',
      summary: `The API is not a stand-in for ${app}: ${gapText(first)} (adjusted ${formatP(first.pValueAdjusted)})${
        more ? `, and ${more} more significant gap${more > 1 ? 's' : ''} of ${points(v.maxGap)} points or more` : ''
      }.`,
      largestGap,
    };
  }
  if (v.matchedPrompts === 0)
    return {
      status: 'inconclusive',
      summary: `Cannot tell for ${app}: no prompt has answers on both the API and the app.`,
      largestGap,
    };
  if (v.apiAnswers < v.minAnswers || v.appAnswers < v.minAnswers)
    return {
      status: 'inconclusive',
      summary: `Cannot tell for ${app} yet: ${v.apiAnswers} API and ${v.appAnswers} app answers on ${v.matchedPrompts} shared prompt${
        v.matchedPrompts === 1 ? '' : 's'
      }; ${v.minAnswers} on each side are needed.`,
      largestGap,
    };
  if (largest && Math.abs(largest.difference) >= v.maxGap)
    return {
      status: 'inconclusive',
      summary: `Cannot tell for ${app} yet: ${gapText(largest)}, but that is not significant (adjusted ${formatP(largest.pValueAdjusted)}); more answers would settle it.`,
      largestGap,
    };
  return {
    status: 'stand_in',
    summary: `The API is a good stand-in for ${app}: no brand’s mention rate or domain’s citation share differs by ${points(
      v.maxGap,
    )} points or more (${largest ? `largest gap: ${gapText(largest).replace(' is ', ', ')}` : 'no brand named, no domain cited'}).`,
    largestGap,
  };
}

interface Pairing {
  assistant: string;
  api: ExperimentConfigRow[];
  app: ExperimentConfigRow[];
}

function explicitPairing(configs: ExperimentConfigRow[], q: AppGapQuery): Pairing[] {
  // A configuration named twice counts once.
  const pick = (ids: string[], path: string) =>
    [...new Set(ids)].map((id) => {
      const c = configs.find((x) => x.id === id);
      if (!c)
        throw new AppError('validation_failed', 'No such configuration in this workspace.', {
          errors: [{ path, message: `no configuration with id ${id} in this workspace` }],
        });
      return c;
    });
  const api = pick(q.apiConfigIds ?? [], 'query.apiConfigIds');
  const app = pick(q.appConfigIds ?? [], 'query.appConfigIds');
  const names = [...new Set(app.map((c) => surfaceOf(c)?.assistant ?? c.model))].sort();
  return [{ assistant: names.join('+'), api, app }];
}

function assistantPairing(configs: ExperimentConfigRow[]): Pairing[] {
  const by = new Map<string, Pairing>();
  for (const c of configs) {
    const s = surfaceOf(c);
    if (!s) continue;
    const p = by.get(s.assistant) ?? { assistant: s.assistant, api: [], app: [] };
    p[s.surface].push(c);
    by.set(s.assistant, p);
  }
  return [...by.values()]
    .filter((p) => p.api.length && p.app.length)
    .sort((a, b) => a.assistant.localeCompare(b.assistant));
}

const emptySums = (): RatioSums => ({ n: 0, x: 0, y: 0, xx: 0, xy: 0, yy: 0 });
const ref = (c: ExperimentConfigRow) => ({
  modelConfigId: c.id,
  modelConfigName: c.name,
  provider: c.provider,
  model: c.model,
});

/** What the numbers are computed from, however it was read. */
interface GapInputs {
  counts: GapAnswerCountsRow[];
  matched: Matched[];
  brands: GapBrandRow[];
  /** Answers mentioning each brand on a pairing's surface, over its matched prompts. */
  mentioned: (pairing: number, surface: Surface) => Map<string, number>;
  domainRows: GapDomainSumsRow[];
}

interface Matched {
  both: Set<string>;
  apiOnly: number;
  appOnly: number;
}

/** Which prompts each pairing's surfaces measured (answers succeeded and analysed). */
function matchedOf(p: Pairing, counts: GapAnswerCountsRow[]): Matched {
  const prompts = (list: ExperimentConfigRow[]) => {
    const ids = new Set(list.map((c) => c.id));
    return new Set(counts.filter((r) => ids.has(r.model_config_id) && r.n > 0).map((r) => r.prompt_id));
  };
  const api = prompts(p.api);
  const app = prompts(p.app);
  const both = new Set([...api].filter((id) => app.has(id)));
  return { both, apiOnly: api.size - both.size, appOnly: app.size - both.size };
}

const surfacesOf = (pairings: Pairing[]): GapSurfaceConfig[] =>
  pairings.flatMap((p) => [
    ...p.api.map((c) => ({ configId: c.id, assistant: p.assistant, surface: 'api' as const })),
    ...p.app.map((c) => ({ configId: c.id, assistant: p.assistant, surface: 'app' as const })),
  ]);

/** The raw baseline: every figure from the answer tables, per configuration × prompt. */
async function rawInputs(
  deps: ReportsDeps,
  report: OpenedReport,
  pairings: Pairing[],
  top: number,
): Promise<GapInputs> {
  const { pool } = deps.db;
  const [counts, facts] = await Promise.all([
    gapAnswerCounts(pool, report.context()),
    brandFacts(deps, report, ['config', 'prompt']),
  ]);
  const matched = pairings.map((p) => matchedOf(p, counts));
  const domainRows = await gapDomainSums(
    pool,
    report.context(),
    surfacesOf(pairings),
    pairings.flatMap((p, i) => [...(matched[i]?.both ?? [])].map((promptId) => ({ promptId, assistant: p.assistant }))),
    top,
  );
  const brands = [...new Map(facts.map((r) => [r.brand_id, r])).values()];
  const mentioned = (i: number, surface: Surface) => {
    const ids = new Set((pairings[i] as Pairing)[surface].map((c) => c.id));
    const both = (matched[i] as Matched).both;
    const out = new Map<string, number>();
    for (const f of facts)
      if (ids.has(f.model_config_id as string) && both.has(f.prompt_id as string))
        out.set(f.brand_id, (out.get(f.brand_id) ?? 0) + Number(f.mentioned));
    return out;
  };
  return { counts, matched, brands, mentioned, domainRows };
}

/**
 * From the rollups plus live runs, reading only the paired configurations: answer counts and the
 * totals Σy, Σy² per configuration × prompt (the answer rollups), brand and domain sums per
 * configuration (the configuration rollups), less the sums of each configuration's unmatched
 * prompts (none when every prompt was asked on both surfaces, the usual case): for brands from the
 * per-prompt brand rollups, for domains from the answer tables (no rollup keeps domains per
 * prompt), for just those configuration × prompt pairs.
 */
async function rollupInputs(
  deps: ReportsDeps,
  report: OpenedReport,
  pairings: Pairing[],
  top: number,
): Promise<GapInputs> {
  const { pool } = deps.db;
  const surfaces = surfacesOf(pairings);
  const paired = [...new Set(surfaces.map((s) => s.configId))];
  // The report's own configuration filter still applies: only the paired configurations it lets through.
  const scoped = (ctx: SourceContext, prompts?: string[]): SourceContext => {
    const given = ctx.filters.modelConfigIds;
    const modelConfigIds = given ? paired.filter((id) => given.includes(id)) : paired;
    return { ...ctx, filters: { ...ctx.filters, modelConfigIds, ...(prompts ? { promptIds: prompts } : {}) } };
  };
  const raw = (ctx: SourceContext): SourceContext => ({ ...ctx, live: null });
  const [sums, brandRows] = await Promise.all([
    gapAnswerSums(pool, scoped(report.context())),
    gapBrands(pool, report.context().workspaceId, report.slice.brandIds),
  ]);
  // Brands are shown when the scope holds any answer, of any configuration (as the raw reading does).
  const brands = sums.length || !pairings.length || (await gapScopeHasAnswers(pool, report.context())) ? brandRows : [];
  const matched = pairings.map((p) => matchedOf(p, sums));

  const pairingOf = new Map(pairings.flatMap((p, i) => [...p.api, ...p.app].map((c) => [c.id, i] as const)));
  const unmatched: GapPair[] = sums
    .filter((r) => {
      const i = pairingOf.get(r.model_config_id);
      return i !== undefined && r.n > 0 && !matched[i]?.both.has(r.prompt_id);
    })
    .map((r) => ({ configId: r.model_config_id, promptId: r.prompt_id }));
  const unmatchedPrompts = [...new Set(unmatched.map((u) => u.promptId))];

  const base = report.context();
  const bGrain = brandGrain(['config'], scoped(base).filters);
  const dGrain = sourceGrain(['config'], scoped(base).filters) === 'config' ? 'config' : 'prompt_config';
  const dCtx = () => (dGrain === 'config' ? scoped(report.context()) : raw(scoped(report.context())));
  const matchedPrompts = matched.some((m) => m.both.size > 0);
  // The domain sums (after those of the unmatched pairs, when any) run beside the brand sums.
  const domainSums = async (): Promise<GapDomainSumsRow[]> => {
    if (!matchedPrompts) return [];
    const lessCtx = raw(scoped(report.context(), unmatchedPrompts));
    const less = await gapDomainSquares(pool, lessCtx, 'prompt_config', surfaces, { pairs: unmatched });
    return gapDomainSquares(pool, dCtx(), dGrain, surfaces, { minus: less, top });
  };
  const [brandAll, brandLess, domainRows] = await Promise.all([
    gapBrandSums(pool, scoped(report.context()), bGrain, surfaces, null),
    gapBrandSums(pool, scoped(report.context(), unmatchedPrompts), 'prompt_config', surfaces, unmatched),
    domainSums(),
  ]);

  // The totals: every matched prompt's answers, per surface.
  pairings.forEach((p, i) => {
    const both = (matched[i] as Matched).both;
    if (!both.size) return;
    for (const surface of ['api', 'app'] as const) {
      const ids = new Set(p[surface].map((c) => c.id));
      const rows = sums.filter((r) => ids.has(r.model_config_id) && both.has(r.prompt_id));
      const n = rows.reduce((t, r) => t + r.n, 0);
      if (n > 0)
        domainRows.push({
          assistant: p.assistant,
          surface,
          domain: null,
          answers: n,
          x: 0,
          xx: 0,
          xy: 0,
          y: rows.reduce((t, r) => t + r.y, 0),
          yy: rows.reduce((t, r) => t + r.yy, 0),
        });
    }
  });

  const mentioned = (i: number, surface: Surface) => {
    const assistant = (pairings[i] as Pairing).assistant;
    const out = new Map<string, number>();
    for (const [rows, sign] of [
      [brandAll, 1],
      [brandLess, -1],
    ] as const)
      for (const r of rows)
        if (r.assistant === assistant && r.surface === surface)
          out.set(r.brand_id, (out.get(r.brand_id) ?? 0) + sign * Number(r.mentioned));
    return out;
  };
  return { counts: sums, matched, brands, mentioned, domainRows };
}

export async function appGap(
  deps: ReportsDeps,
  orgId: string,
  workspaceId: string,
  q: AppGapQuery,
  mode: SourceMode = 'rollup',
): Promise<AppGapReport> {
  const [report, configs] = await Promise.all([
    openReport(deps, orgId, workspaceId, filtersOf(q), { mode }),
    configsOf(deps.db.pool, workspaceId),
  ]);
  const pairings = q.apiConfigIds && q.appConfigIds ? explicitPairing(configs, q) : assistantPairing(configs);
  const {
    counts,
    matched,
    brands: brandList,
    mentioned,
    domainRows,
  } = await (mode === 'raw' ? rawInputs : rollupInputs)(deps, report, pairings, q.top);

  const brands = [...brandList].sort((a, b) =>
    a.brand_kind === b.brand_kind ? a.brand_name.localeCompare(b.brand_name) : a.brand_kind === 'own' ? -1 : 1,
  );

  // The configurations a surface shows: those with answers in scope (all of them when none has, or when given).
  const answered = new Set(counts.filter((r) => r.n > 0 || r.failed > 0).map((r) => r.model_config_id));
  const listed = (list: ExperimentConfigRow[]) => {
    const some = list.filter((c) => answered.has(c.id));
    return (q.apiConfigIds || !some.length ? list : some).map(ref);
  };

  const assistants: AppGapAssistant[] = pairings.map((p, i) => {
    const { both, apiOnly, appOnly } = matched[i] as Matched;
    const side = (surface: Surface) => {
      const ids = new Set(p[surface].map((c) => c.id));
      const rows = counts.filter((r) => ids.has(r.model_config_id) && both.has(r.prompt_id));
      return {
        answers: rows.reduce((s, r) => s + r.n, 0),
        failed: rows.reduce((s, r) => s + r.failed, 0),
        mentioned: mentioned(i, surface),
      };
    };
    const api = side('api');
    const app = side('app');

    const brandRows: AppGapBrand[] = brands.map((b) => {
      const [kA, nA, kB, nB] = [
        api.mentioned.get(b.brand_id) ?? 0,
        api.answers,
        app.mentioned.get(b.brand_id) ?? 0,
        app.answers,
      ];
      const c = compareProportions(kA, nA, kB, nB);
      return {
        brandId: b.brand_id,
        brandName: b.brand_name,
        brandKind: b.brand_kind,
        api: proportionOf(kA, nA),
        app: proportionOf(kB, nB),
        difference: { value: c.difference, ci95: c.ci95 },
        test: c.test,
        statistic: c.statistic,
        pValue: c.pValue,
        pValueAdjusted: null,
        significant: false,
      };
    });

    const mine = domainRows.filter((r) => r.assistant === p.assistant);
    const totals = { api: emptySums(), app: emptySums() };
    for (const r of mine)
      if (r.domain === null) totals[r.surface] = { n: r.answers, x: 0, xx: 0, xy: 0, y: r.y, yy: r.yy };
    const domains = [...new Set(mine.flatMap((r) => (r.domain === null ? [] : [r.domain])))];
    const domainRowsOut: AppGapDomain[] = domains
      .map((domain) => {
        const sums = (s: Surface): RatioSums & { answers: number } => {
          const r = mine.find((x) => x.domain === domain && x.surface === s);
          return { ...totals[s], x: r?.x ?? 0, xx: r?.xx ?? 0, xy: r?.xy ?? 0, answers: r?.answers ?? 0 };
        };
        const [a, b] = [sums('api'), sums('app')];
        const c = compareRatios(a, b);
        return {
          domain,
          api: shareOf(a),
          app: shareOf(b),
          citingAnswers: { api: a.answers, app: b.answers },
          difference: { value: c.difference, ci95: c.ci95 },
          test: c.test,
          statistic: c.statistic,
          pValue: c.pValue,
          pValueAdjusted: null,
          significant: false,
        };
      })
      .sort(
        (x, y) =>
          y.api.numerator + y.app.numerator - (x.api.numerator + x.app.numerator) || x.domain.localeCompare(y.domain),
      );

    return {
      assistant: p.assistant,
      matchedPrompts: both.size,
      apiOnlyPrompts: apiOnly,
      appOnlyPrompts: appOnly,
      api: { configs: listed(p.api), answers: api.answers, failed: api.failed },
      app: { configs: listed(p.app), answers: app.answers, failed: app.failed },
      verdict: { status: 'inconclusive', summary: '', largestGap: null },
      brands: brandRows,
      domains: domainRowsOut,
    };
  });

  // One family: every brand and domain of every assistant, as the experiments report adjusts.
  const tests = assistants.flatMap((a) => [...a.brands, ...a.domains]);
  const pValues = tests.map((t) => t.pValue);
  const adjusted = q.adjust === 'holm' ? holm(pValues) : q.adjust === 'bh' ? benjaminiHochberg(pValues) : pValues;
  tests.forEach((t, i) => {
    t.pValueAdjusted = adjusted[i] ?? null;
    t.significant = t.pValueAdjusted !== null && t.pValueAdjusted < q.alpha;
  });
  for (const a of assistants)
    a.verdict = gapVerdict({
      assistant: a.assistant,
      matchedPrompts: a.matchedPrompts,
      apiAnswers: a.api.answers,
      appAnswers: a.app.answers,
      maxGap: q.maxGap,
      minAnswers: q.minAnswers,
      tests: [
        ...a.brands.map((b) => ({ kind: 'brand' as const, name: b.brandName, ...testOf(b) })),
        ...a.domains.map((d) => ({ kind: 'domain' as const, name: d.domain, ...testOf(d) })),
      ],
    });

  return {
    ...envelope(report),
    pairing: q.apiConfigIds ? 'explicit' : 'assistant',
    maxGap: q.maxGap,
    minAnswers: q.minAnswers,
    alpha: q.alpha,
    adjust: q.adjust,
    top: q.top,
    assistants,
  };
}

const testOf = (t: { difference: { value: number | null }; pValueAdjusted: number | null; significant: boolean }) => ({
  difference: t.difference.value,
  pValueAdjusted: t.pValueAdjusted,
  significant: t.significant,
});

/** One flat row per assistant and brand or domain, for CSV. */
export function appGapRows(r: AppGapReport): Array<Record<string, unknown>> {
  return r.assistants.flatMap((a) => {
    const head = {
      definitionVersion: r.definitionVersion,
      assistant: a.assistant,
      verdict: a.verdict.status,
      matchedPrompts: a.matchedPrompts,
      apiAnswers: a.api.answers,
      appAnswers: a.app.answers,
    };
    const tail = (t: AppGapBrand | AppGapDomain) => ({
      api: { numerator: t.api.numerator, denominator: t.api.denominator, value: t.api.value, ci95: t.api.ci95 },
      app: { numerator: t.app.numerator, denominator: t.app.denominator, value: t.app.value, ci95: t.app.ci95 },
      difference: { value: t.difference.value, ci95: t.difference.ci95 },
      test: t.test,
      pValue: t.pValue,
      pValueAdjusted: t.pValueAdjusted,
      significant: t.significant,
    });
    return [
      ...a.brands.map((b) => ({
        ...head,
        kind: 'brand',
        name: b.brandName,
        brandId: b.brandId,
        metric: 'mentionRate',
        ...tail(b),
      })),
      ...a.domains.map((d) => ({
        ...head,
        kind: 'domain',
        name: d.domain,
        brandId: null,
        metric: 'citationShare',
        ...tail(d),
      })),
    ];
  });
}

export const APP_GAP_CSV_COLUMNS = [
  'definitionVersion',
  'assistant',
  'verdict',
  'matchedPrompts',
  'apiAnswers',
  'appAnswers',
  'kind',
  'name',
  'brandId',
  'metric',
  'api.numerator',
  'api.denominator',
  'api.value',
  'api.ci95.low',
  'api.ci95.high',
  'app.numerator',
  'app.denominator',
  'app.value',
  'app.ci95.low',
  'app.ci95.high',
  'difference.value',
  'difference.ci95.low',
  'difference.ci95.high',
  'test',
  'pValue',
  'pValueAdjusted',
  'significant',
];

export function appGapCsv(r: AppGapReport): Readable {
  return streamRows(appGapRows(r), 'csv', APP_GAP_CSV_COLUMNS);
}

export interface AppGapChange {
  kind: 'verdict' | 'brand';
  assistant: string;
  /** verdict: the verdicts before and after; brand: the brand. */
  previous?: GapVerdict;
  current?: GapVerdict;
  brandId?: string;
  brandName?: string;
  difference?: number | null;
  pValueAdjusted?: number | null;
  line: string;
}

const pct = (x: number | null) => (x === null ? 'n/a' : `${(x * 100).toFixed(1)}%`);

/**
 * What changed between two gap reports (an audit's previous run, then its latest): an assistant
 * whose verdict turned between stand_in and not_stand_in (inconclusive turns nothing: the data
 * could not tell), and a brand whose app − API gap is significant now and was not before.
 */
export function appGapChanges(before: AppGapReport, after: AppGapReport): AppGapChange[] {
  const out: AppGapChange[] = [];
  for (const a of after.assistants) {
    const prev = before.assistants.find((x) => x.assistant === a.assistant);
    if (!prev) continue;
    const [was, now] = [prev.verdict.status, a.verdict.status];
    if (was !== now && was !== 'inconclusive' && now !== 'inconclusive')
      out.push({
        kind: 'verdict',
        assistant: a.assistant,
        previous: was,
        current: now,
        line: `${assistantName(a.assistant)}: ${now === 'stand_in' ? 'the API is a good stand-in again' : 'the API is no longer a stand-in'}. ${a.verdict.summary}`,
      });
    for (const b of a.brands) {
      const old = prev.brands.find((x) => x.brandId === b.brandId);
      if (!b.significant || old?.significant) continue;
      out.push({
        kind: 'brand',
        assistant: a.assistant,
        brandId: b.brandId,
        brandName: b.brandName,
        difference: b.difference.value,
        pValueAdjusted: b.pValueAdjusted,
        line: `${assistantName(a.assistant)} · ${b.brandName}: mention rate ${pct(b.api.value)} on the API (n=${b.api.n}) and ${pct(
          b.app.value,
        )} in the app (n=${b.app.n}), ${points(b.difference.value ?? 0)} points ${
          (b.difference.value ?? 0) > 0 ? 'higher' : 'lower'
        } in the app${
          b.difference.ci95 ? ` (95% CI ${pct(b.difference.ci95.low)} to ${pct(b.difference.ci95.high)})` : ''
        }, adjusted ${formatP(b.pValueAdjusted)}; not significant in the previous run`,
      });
    }
  }
  return out;
}
