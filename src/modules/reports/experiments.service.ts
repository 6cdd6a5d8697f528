/**
 * Configuration experiments. For two configurations, or every pair that differs in exactly one
 * setting (a given one, or any), compares each brand's mention rate: difference B − A with its Newcombe interval,
 * a two-sided p-value (z-test, or Fisher's exact test for small counts), adjusted across every
 * comparison the report makes (Holm by default: a marketer reads "significant" as "real", so
 * the chance of any false alarm among the brands is what to control; Benjamini–Hochberg is
 * offered for long brand lists), and the answers per arm needed to detect a given difference.
 */
import { canonicalJson } from '../../lib/canonical.js';
import { AppError } from '../../lib/errors.js';
import { benjaminiHochberg, compareProportions, holm, sampleSizePerArm } from '../../lib/statistics.js';
import { dimensionsOf, proportionOf } from './brand-rows.js';
import type { ExperimentPair, ExperimentsQuery, ExperimentsReport } from './experiments.schemas.js';
import type { BrandFactsRow } from './reports.repo.js';
import { brandFacts, envelope, filtersOf, openReport, type ReportsDeps, type SourceMode } from './reports.service.js';
import { configsOf, type ExperimentConfigRow } from './reports.repo.js';
import { DIM_COLUMN, type Dim } from './sources.sql.js';

type ConfigRow = ExperimentConfigRow;

const parameterValue = (c: ConfigRow, parameter: string): unknown =>
  parameter === 'model' ? c.model : parameter === 'provider' ? c.provider : (c.params[parameter] ?? null);

/** The settings two configurations differ in: provider, model and each parameter. */
export function differences(a: ConfigRow, b: ConfigRow): string[] {
  const keys = new Set(['provider', 'model', ...Object.keys(a.params), ...Object.keys(b.params)]);
  return [...keys].filter((k) => canonicalJson(parameterValue(a, k)) !== canonicalJson(parameterValue(b, k))).sort();
}

const order = (x: unknown, y: unknown) =>
  typeof x === 'number' && typeof y === 'number' ? x - y : canonicalJson(x).localeCompare(canonicalJson(y));

export interface Pair {
  a: ConfigRow;
  b: ConfigRow;
  parameter: string | null;
}

/**
 * Pairs of configurations that differ in exactly one setting (that one if given), the lower
 * value as A, so each pair isolates the effect of that setting.
 */
export function oneFactorPairs(configs: ConfigRow[], parameter?: string): Pair[] {
  const pairs: Pair[] = [];
  for (let i = 0; i < configs.length; i++) {
    for (let j = i + 1; j < configs.length; j++) {
      const [x, y] = [configs[i] as ConfigRow, configs[j] as ConfigRow];
      const diff = differences(x, y);
      if (diff.length !== 1 || (parameter && diff[0] !== parameter)) continue;
      const p = diff[0] as string;
      const [a, b] = order(parameterValue(x, p), parameterValue(y, p)) <= 0 ? [x, y] : [y, x];
      pairs.push({ a, b, parameter: p });
    }
  }
  return pairs.sort(
    (u, v) =>
      (u.parameter ?? '').localeCompare(v.parameter ?? '') ||
      u.a.name.localeCompare(v.a.name) ||
      u.b.name.localeCompare(v.b.name),
  );
}

/** A's observed rate (or 0.5, the most demanding, when A has no answers) against it ± the difference. */
function samplesNeeded(kA: number, nA: number, difference: number, alpha: number, power: number): number | null {
  const p1 = nA > 0 ? kA / nA : 0.5;
  const p2 = p1 + difference <= 1 ? p1 + difference : p1 - difference;
  return sampleSizePerArm(p1, p2, alpha, power);
}

export async function experiments(
  deps: ReportsDeps,
  orgId: string,
  workspaceId: string,
  q: ExperimentsQuery,
  mode?: SourceMode,
): Promise<ExperimentsReport> {
  const report = await openReport(deps, orgId, workspaceId, filtersOf(q), mode ? { mode } : {});
  const configs = await configsOf(deps.db.pool, workspaceId);
  const dims = q.groupBy as Dim[];
  const facts = await brandFacts(deps, report, ['config', ...dims]);
  let pairs: Pair[];
  if (q.configA && q.configB) {
    const a = configs.find((c) => c.id === q.configA);
    const b = configs.find((c) => c.id === q.configB);
    if (!a || !b) {
      throw new AppError('validation_failed', 'No such configuration in this workspace.', {
        errors: [
          { path: a ? 'query.configB' : 'query.configA', message: 'no configuration with this id in this workspace' },
        ],
      });
    }
    const diff = differences(a, b);
    pairs = [{ a, b, parameter: diff.length === 1 ? (diff[0] as string) : null }];
  } else {
    // Only configurations with answers in the slice can be compared.
    const answered = new Set(facts.filter((r) => r.n > 0).map((r) => r.model_config_id));
    pairs = oneFactorPairs(
      configs.filter((c) => answered.has(c.id)),
      q.parameter,
    );
  }

  // One slice when ungrouped; otherwise each prompt, tag, run or period, in the order of its values.
  const names = dims.map((d) => DIM_COLUMN[d]);
  const sliceOf = (r: BrandFactsRow) =>
    JSON.stringify(names.map((n) => (r as unknown as Record<string, unknown>)[n] ?? null));
  // Ungrouped, a pair is listed even without answers (an explicit pair not run yet).
  const slices: Array<[string, BrandFactsRow | null]> = dims.length
    ? [...new Map(facts.map((r) => [sliceOf(r), r])).entries()].sort(([x], [y]) => x.localeCompare(y))
    : [['[]', null]];
  const byKey = new Map(facts.map((r) => [`${sliceOf(r)}|${r.model_config_id}|${r.brand_id}`, r]));
  const brands = [...new Map(facts.map((r) => [r.brand_id, r])).values()];
  const totals = (slice: string, configId: string) =>
    facts.find((r) => sliceOf(r) === slice && r.model_config_id === configId);

  const out: ExperimentPair[] = slices.flatMap(([slice, sample]) =>
    pairs.flatMap(({ a, b, parameter }): ExperimentPair[] => {
      const ta = totals(slice, a.id);
      const tb = totals(slice, b.id);
      // Grouped, a pair is only listed where one of its configurations answered.
      if (dims.length && !(ta?.n || ta?.failed || tb?.n || tb?.failed)) return [];
      const arm = (c: ConfigRow) => ({
        modelConfigId: c.id,
        modelConfigName: c.name,
        provider: c.provider,
        model: c.model,
        value: parameter ? parameterValue(c, parameter) : null,
      });
      return [
        {
          ...(sample ? dimensionsOf(sample, dims) : {}),
          parameter,
          a: arm(a),
          b: arm(b),
          answers: { a: ta?.n ?? 0, b: tb?.n ?? 0 },
          failed: { a: ta?.failed ?? 0, b: tb?.failed ?? 0 },
          brands: brands.map((brand) => {
            const ra = byKey.get(`${slice}|${a.id}|${brand.brand_id}`);
            const rb = byKey.get(`${slice}|${b.id}|${brand.brand_id}`);
            const [kA, nA, kB, nB] = [ra?.mentioned ?? 0, ra?.n ?? 0, rb?.mentioned ?? 0, rb?.n ?? 0];
            const c = compareProportions(kA, nA, kB, nB);
            return {
              brandId: brand.brand_id,
              brandName: brand.brand_name,
              brandKind: brand.brand_kind,
              a: proportionOf(kA, nA),
              b: proportionOf(kB, nB),
              difference: { value: c.difference, ci95: c.ci95 },
              test: c.test,
              statistic: c.statistic,
              pValue: c.pValue,
              pValueAdjusted: null,
              significant: false,
              samplesPerArmNeeded: samplesNeeded(kA, nA, q.minimumDifference, q.alpha, q.power),
            };
          }),
        },
      ];
    }),
  );

  const tests = out.flatMap((p) => p.brands);
  const adjusted =
    q.adjust === 'holm'
      ? holm(tests.map((t) => t.pValue))
      : q.adjust === 'bh'
        ? benjaminiHochberg(tests.map((t) => t.pValue))
        : tests.map((t) => t.pValue);
  tests.forEach((t, i) => {
    t.pValueAdjusted = adjusted[i] ?? null;
    t.significant = t.pValueAdjusted !== null && t.pValueAdjusted < q.alpha;
  });
  return {
    ...envelope(report),
    parameter: q.parameter ?? null,
    alpha: q.alpha,
    power: q.power,
    minimumDifference: q.minimumDifference,
    adjust: q.adjust,
    groupBy: q.groupBy,
    pairs: out,
  };
}

/** One flat row per pair and brand, for CSV. */
export function experimentRows(r: ExperimentsReport): Array<Record<string, unknown>> {
  return r.pairs.flatMap(({ parameter, a, b, answers, failed, brands, ...group }) =>
    brands.map((brand) => ({
      definitionVersion: r.definitionVersion,
      ...group,
      parameter,
      configA: { ...a, value: a.value === null ? null : canonicalJson(a.value) },
      configB: { ...b, value: b.value === null ? null : canonicalJson(b.value) },
      answers,
      failed,
      ...brand,
    })),
  );
}
