/**
 * The events a finished run produces. Event ids are UUIDv5 of the run id and event type, so a
 * follow-up that runs again produces the same ids and (webhook_id, event_id) keeps one delivery.
 *
 * - completed and completed_with_errors → run.completed; failed → run.failed.
 * - cancelled → run.completed too: the run ended and its answers so far are kept and reportable.
 *   Receivers tell the cases apart by data.run.status. (No separate event: the issue names three.)
 * - visibility.changed: after a completed run of an audit, for each brand, its mention rate in
 *   this run against the audit's previous completed run, with the reports' two-proportion test
 *   (z, or Fisher's exact test for small counts); one event listing the brands whose change is
 *   significant at ALPHA, none when no change is. p-values are Holm-adjusted across the
 *   workspace's brands: with twenty brands and no real change, raw p < 0.05 would still fire on
 *   most runs, and an alert that usually cries wolf gets ignored.
 */
import type pg from 'pg';
import { v5 as uuidv5 } from 'uuid';
import { compareProportions, holm, ratio, type Interval } from '../../lib/statistics.js';
import type { RunRow } from '../runs/runs.repo.js';
import { toRunDto } from '../runs/runs.service.js';
import * as repo from './webhooks.repo.js';
import type { WebhookEvent, WebhookEventType } from './webhooks.schemas.js';

/** Namespace of Citewatch event ids (UUIDv5); never change it, receivers de-duplicate on ids. */
const EVENT_NAMESPACE = '6f1d3c2a-8b7e-4f59-9a0c-2e4b5d6c7a81';
export const ALPHA = 0.05;

export function eventId(runId: string, type: WebhookEventType): string {
  return uuidv5(`${runId}/${type}`, EVENT_NAMESPACE);
}

export function runEventType(status: string): WebhookEventType {
  return status === 'failed' ? 'run.failed' : 'run.completed';
}

/** run.completed / run.failed; data.run is the same Run object as GET /v1/workspaces/{id}/runs/{runId}. */
export function runEvent(run: RunRow): WebhookEvent {
  const type = runEventType(run.status);
  return {
    id: eventId(run.id, type),
    type,
    createdAt: (run.finished_at ?? new Date()).toISOString(),
    workspaceId: run.workspace_id,
    data: { run: toRunDto(run) },
  };
}

export interface BrandChange {
  brandId: string;
  brandName: string;
  brandKind: 'own' | 'competitor';
  previous: { mentioned: number; n: number; rate: number | null };
  current: { mentioned: number; n: number; rate: number | null };
  /** Current rate − previous rate. */
  difference: number;
  ci95: Interval | null;
  pValue: number;
  /** Holm-adjusted across the brands compared; significance is decided on this one. */
  pValueAdjusted: number;
  test: 'z' | 'fisher';
  direction: 'up' | 'down';
}

/** The brands whose mention rate moved significantly between two runs' counts. */
export function significantChanges(
  counts: repo.BrandRunCount[],
  previousRunId: string,
  currentRunId: string,
  alpha = ALPHA,
): BrandChange[] {
  const byBrand = new Map<string, { info: repo.BrandRunCount; prev?: repo.BrandRunCount; cur?: repo.BrandRunCount }>();
  for (const c of counts) {
    const entry = byBrand.get(c.brand_id) ?? { info: c };
    if (c.run_id === previousRunId) entry.prev = c;
    if (c.run_id === currentRunId) entry.cur = c;
    byBrand.set(c.brand_id, entry);
  }
  const compared = [...byBrand.values()].flatMap(({ info, prev, cur }) =>
    prev && cur ? [{ info, prev, cur, t: compareProportions(prev.mentioned, prev.n, cur.mentioned, cur.n) }] : [],
  );
  const adjusted = holm(compared.map((c) => c.t.pValue));
  const changes: BrandChange[] = [];
  for (const [i, { info, prev, cur, t }] of compared.entries()) {
    const pAdjusted = adjusted[i] ?? null;
    if (
      t.test === 'none' ||
      t.pValue === null ||
      t.difference === null ||
      t.difference === 0 ||
      pAdjusted === null ||
      pAdjusted >= alpha
    )
      continue;
    changes.push({
      brandId: info.brand_id,
      brandName: info.brand_name,
      brandKind: info.brand_kind,
      previous: { mentioned: prev.mentioned, n: prev.n, rate: ratio(prev.mentioned, prev.n) },
      current: { mentioned: cur.mentioned, n: cur.n, rate: ratio(cur.mentioned, cur.n) },
      difference: t.difference,
      ci95: t.ci95,
      pValue: t.pValue,
      pValueAdjusted: pAdjusted,
      test: t.test,
      direction: t.difference > 0 ? 'up' : 'down',
    });
  }
  return changes;
}

/** visibility.changed for a completed audit run, or null (no audit, no previous run, nothing significant). */
export async function visibilityEvent(pool: pg.Pool, run: RunRow): Promise<WebhookEvent | null> {
  if (!run.audit_id || (run.status !== 'completed' && run.status !== 'completed_with_errors')) return null;
  const previous = await repo.previousFinishedRun(pool, run.audit_id, run);
  if (!previous) return null;
  const counts = await repo.brandMentionCounts(pool, run.workspace_id, [previous.id, run.id]);
  const changes = significantChanges(counts, previous.id, run.id);
  if (!changes.length) return null;
  return {
    id: eventId(run.id, 'visibility.changed'),
    type: 'visibility.changed',
    createdAt: (run.finished_at ?? new Date()).toISOString(),
    workspaceId: run.workspace_id,
    data: {
      auditId: run.audit_id,
      run: { id: run.id, finishedAt: run.finished_at?.toISOString() ?? null },
      previousRun: { id: previous.id, finishedAt: previous.finished_at.toISOString() },
      alpha: ALPHA,
      changes,
    },
  };
}
