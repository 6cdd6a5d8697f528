/**
 * Change impact (docs/statistics.md#change-impact): the brand's mention rate on the prompts an
 * event should affect, before and after it, against the other prompts over the same windows — a
 * difference in differences with answers as units and prompts as clusters. The verdict says
 * "no detectable effect" only when the data could have seen a change of minEffect; otherwise it
 * says the data cannot tell.
 */
import type { Readable } from 'node:stream';
import { AppError } from '../../lib/errors.js';
import {
  differenceInDifferences,
  minimumDetectableEffect,
  powerAt,
  type DidCluster,
  type DidGroup,
} from '../../lib/statistics.js';
import { latestEvent } from '../events/events.repo.js';
import { requireEvent } from '../events/events.service.js';
import { requireWorkspace } from '../workspaces/workspaces.service.js';
import { proportionOf } from './brand-rows.js';
import { columnsOf, streamRows } from './csv.js';
import type { ImpactQuery, ImpactReport } from './impact.schemas.js';
import { impactPromptRows } from './impact.sql.js';
import { impactReportExample } from './reports.examples.js';
import { brandsWithDomains } from './reports.repo.js';
import { DEFINITION_VERSION } from './reports.schemas.js';
import type { ReportsDeps } from './reports.service.js';

const DAY_MS = 86_400_000;

const KIND_LABEL: Record<string, string> = {
  content_published: 'the content published',
  site_change: 'the site change',
  pr_campaign: 'the PR campaign',
  product_launch: 'the product launch',
  other: 'the event',
};

/** Percentage points with one decimal and a real minus sign: 0.0834 → "8.3". */
const pts = (x: number) => {
  const v = Math.round(x * 1000) / 10;
  return (Object.is(v, -0) ? 0 : v).toFixed(1).replace('-', '−');
};
const pct = (x: number) => `${Math.round(x * 100)}%`;
const pOf = (p: number) => (p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`);

type Verdict = ImpactReport['verdict'];

/** The verdict and its sentence, from the estimate, its test and the power at minEffect. */
export function impactVerdict(r: {
  eventName: string;
  brandName: string;
  minEffect: number;
  estimate: number | null;
  ci95: { low: number; high: number } | null;
  pValue: number | null;
  standardError: number | null;
  power: number | null;
  minimumDetectableEffect: number | null;
  emptyGroup: string | null;
}): { verdict: Verdict; summary: string } {
  const m = pts(r.minEffect);
  if (r.estimate === null) {
    return {
      verdict: 'underpowered',
      summary: `No estimate: the ${r.emptyGroup} group has no analysed answer, so this data cannot tell whether ${r.eventName} moved ${r.brandName}’s mention rate.`,
    };
  }
  if (r.standardError === null || r.ci95 === null || r.pValue === null) {
    const why =
      r.standardError === 0
        ? 'the mention rate does not vary between prompts and windows'
        : 'each side needs answers from at least two prompts';
    return {
      verdict: 'underpowered',
      summary: `No interval: ${why}, so this data cannot tell whether ${r.eventName} moved ${r.brandName}’s mention rate (estimate ${pts(r.estimate)} points).`,
    };
  }
  const range = `95% interval ${pts(r.ci95.low)} to ${pts(r.ci95.high)} points, ${pOf(r.pValue)}`;
  if (r.pValue < 0.05) {
    const dir = r.estimate > 0 ? 'rose' : 'fell';
    return {
      verdict: 'effect',
      summary: `After ${r.eventName}, ${r.brandName}’s mention rate on the affected prompts ${dir} ${pts(Math.abs(r.estimate))} points ${r.estimate > 0 ? 'more' : 'further'} than on the other prompts (${range}).`,
    };
  }
  const power = r.power ?? 0;
  if (power >= 0.8) {
    return {
      verdict: 'no-detectable-effect',
      summary: `No change of ${m} points or more: the affected prompts moved ${pts(r.estimate)} points against the others (${range}), and this data would have detected a ${m}-point change ${pct(power)} of the time.`,
    };
  }
  return {
    verdict: 'underpowered',
    summary: `This data cannot tell whether ${r.eventName} moved ${r.brandName}’s mention rate by ${m} points: it would detect such a change only ${pct(power)} of the time, and at 80% power only changes of ${pts(r.minimumDetectableEffect ?? Number.NaN)} points or more (estimate ${pts(r.estimate)} points, ${range}).`,
  };
}

const groupOf = (g: DidGroup) => ({ prompts: g.prompts, rate: proportionOf(g.k, g.n) });

export async function impact(
  deps: ReportsDeps,
  orgId: string,
  workspaceId: string,
  q: ImpactQuery,
  now = new Date(),
): Promise<ImpactReport> {
  await requireWorkspace(deps.db.prisma, orgId, workspaceId);
  const event = q.eventId
    ? await requireEvent(deps.db.prisma, workspaceId, q.eventId)
    : await latestEvent(deps.db.prisma, workspaceId, now);
  if (!event)
    throw new AppError('not_found', 'This workspace has no event yet: record one (POST /events) or pass eventId.');
  const all = await brandsWithDomains(deps.db.pool, workspaceId);
  let brands: typeof all;
  if (q.brandId) {
    brands = all.filter((b) => b.id === q.brandId);
    if (!brands.length)
      throw new AppError(
        'validation_failed',
        `The report is invalid: query.brandId no brand ${q.brandId} in this workspace`,
        {
          errors: [{ path: 'query.brandId', message: `no brand ${q.brandId} in this workspace` }],
        },
      );
  } else {
    brands = all.filter((b) => b.kind === 'own');
    if (!brands.length)
      throw new AppError(
        'validation_failed',
        'This workspace has no own brand to measure: add one (POST /brands with kind "own") or pass brandId.',
        { errors: [{ path: 'query.brandId', message: 'give a brandId, or add an own brand to the workspace' }] },
      );
  }
  const at = event.occurredAt;
  const from = new Date(at.getTime() - q.windowDays * DAY_MS);
  const to = new Date(at.getTime() + q.windowDays * DAY_MS);
  const promptIds = event.prompts.map((p) => p.promptId).sort();
  const rows = await impactPromptRows(deps.db.pool, {
    workspaceId,
    from,
    at,
    to,
    promptIds,
    promptTags: event.promptTags,
    brandIds: brands.map((b) => b.id),
    ...(q.providers ? { providers: q.providers } : {}),
    ...(q.modelConfigIds ? { modelConfigIds: q.modelConfigIds } : {}),
  });
  const cluster = (r: (typeof rows)[number]): DidCluster => ({
    preN: r.pre_n,
    preK: r.pre_k,
    postN: r.post_n,
    postK: r.post_k,
  });
  const did = differenceInDifferences(
    rows.filter((r) => r.affected).map(cluster),
    rows.filter((r) => !r.affected).map(cluster),
  );
  const se = did.standardError;
  const usable = se !== null && se > 0 && did.df !== null;
  const power = usable ? powerAt(q.minEffect, se, did.df as number) : null;
  const mde = usable ? minimumDetectableEffect(se, did.df as number) : null;
  const groups = {
    affectedBefore: groupOf(did.affectedPre),
    affectedAfter: groupOf(did.affectedPost),
    unaffectedBefore: groupOf(did.unaffectedPre),
    unaffectedAfter: groupOf(did.unaffectedPost),
  };
  const emptyGroup =
    (Object.entries(groups).find(([, g]) => g.rate.n === 0)?.[0] ?? null)?.replace(/([A-Z])/g, ' $1').toLowerCase() ??
    null;
  const { verdict, summary } = impactVerdict({
    eventName: event.title ? `“${event.title}”` : (KIND_LABEL[event.kind] ?? 'the event'),
    brandName: brands.length === 1 ? (brands[0]?.name as string) : 'the own brands',
    minEffect: q.minEffect,
    estimate: did.estimate,
    ci95: did.ci95,
    pValue: did.pValue,
    standardError: se,
    power,
    minimumDetectableEffect: mde,
    emptyGroup,
  });
  return {
    definitionVersion: DEFINITION_VERSION,
    event: {
      id: event.id,
      kind: event.kind,
      occurredAt: at.toISOString(),
      title: event.title,
      promptIds,
      promptTags: event.promptTags,
    },
    brands: brands.map((b) => ({ brandId: b.id, brandName: b.name, brandKind: b.kind })),
    filters: {
      ...(q.providers ? { providers: q.providers } : {}),
      ...(q.modelConfigIds ? { modelConfigIds: q.modelConfigIds } : {}),
    },
    windowDays: q.windowDays,
    minEffect: q.minEffect,
    windows: {
      before: { from: from.toISOString(), to: at.toISOString() },
      after: { from: at.toISOString(), to: to.toISOString() },
      afterComplete: to.getTime() <= now.getTime(),
    },
    groups,
    estimate: did.estimate,
    ci95: did.ci95,
    pValue: did.pValue,
    standardError: se,
    binomialStandardError: did.binomialStandardError,
    df: did.df,
    power,
    minimumDetectableEffect: mde,
    verdict,
    summary,
  };
}

/** The CSV's columns: the documented example's, so a null interval leaves its columns empty rather than dropping them. */
export const IMPACT_CSV_COLUMNS = columnsOf({
  ...impactReportExample,
  // The example is unfiltered; a filtered report has these columns too (empty when not given).
  filters: { providers: [], modelConfigIds: [] },
});

/** CSV: the report as one row, nested fields as dotted columns (lists as JSON). */
export function impactCsv(r: ImpactReport): Readable {
  return streamRows([r as unknown as Record<string, unknown>], 'csv', IMPACT_CSV_COLUMNS);
}
