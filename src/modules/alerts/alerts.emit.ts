/**
 * The run follow-up that raises alerts, and the recording of alert deliveries. Postgres first:
 * one delivery row per matching active rule and event, keyed by (rule, de-duplication key), then
 * one job per pending row. Safe to run again for the same run (a retried `finished` job): the
 * keys are deterministic, so nothing is recorded twice and pending rows are handed out again under
 * the same job ids.
 *
 * De-duplication keys: run.failed:<run>, run.budget_stopped:<run>, visibility.changed:<run>,
 * budget.monthly_80:<audit>:<YYYY-MM> (once per audit and calendar month, UTC like the budget
 * itself), domain.new_top:<domain>:<run>, app_gap.changed:<run>.
 */
import type pg from 'pg';
import type { Deps } from '../../deps.js';
import { appGapQuery } from '../reports/app-gap.schemas.js';
import { appGap, appGapChanges } from '../reports/app-gap.service.js';
import { auditSpendSince, findRun, type RunRow } from '../runs/runs.repo.js';
import { visibilityEvent } from '../webhooks/webhooks.events.js';
import * as webhooksRepo from '../webhooks/webhooks.repo.js';
import * as repo from './alerts.repo.js';
import type { AlertEventType, AlertPayload } from './alerts.schemas.js';

export type AlertEmitDeps = Pick<Deps, 'env' | 'db' | 'producers' | 'logger'>;

export interface AlertEvent {
  type: AlertEventType;
  dedupKey: string;
  payload: AlertPayload;
}

export const BUDGET_ALERT_SHARE = 0.8;
export const TOP_DOMAINS = 10;
const TOP_DOMAIN_DAYS = 30;

export function alertRetry(env: Deps['env']): { attempts: number; backoffMs: number } {
  return { attempts: env.WEBHOOK_MAX_ATTEMPTS, backoffMs: env.WEBHOOK_BACKOFF_MS };
}

const pct = (x: number | null) => (x === null ? 'n/a' : `${(x * 100).toFixed(1)}%`);
const usd = (x: number) => `$${x.toFixed(2)}`;
const runLink = (run: RunRow) => `/w/${run.workspace_id}/runs?run=${run.id}`;

export function runAlerts(run: RunRow): AlertEvent[] {
  const out: AlertEvent[] = [];
  const figures = [
    `Answers: ${run.succeeded} succeeded, ${run.failed} failed, ${run.cancelled} cancelled of ${run.total}`,
    `Cost: ${usd(Number(run.actual_cost_usd))}${run.budget_usd === null ? '' : ` of a ${usd(Number(run.budget_usd))} budget`}`,
  ];
  if (run.status === 'failed')
    out.push({
      type: 'run.failed',
      dedupKey: `run.failed:${run.id}`,
      payload: {
        type: 'run.failed',
        workspaceId: run.workspace_id,
        title: 'A run failed',
        lines: [...(run.error ? [`Reason: ${run.error}`] : []), ...figures],
        link: runLink(run),
        runId: run.id,
      },
    });
  if (run.budget_usd !== null && Number(run.actual_cost_usd) >= Number(run.budget_usd) && run.status !== 'failed')
    out.push({
      type: 'run.budget_stopped',
      dedupKey: `run.budget_stopped:${run.id}`,
      payload: {
        type: 'run.budget_stopped',
        workspaceId: run.workspace_id,
        title: 'A run stopped at its budget',
        lines: figures,
        link: runLink(run),
        runId: run.id,
      },
    });
  return out;
}

export async function visibilityAlert(pool: pg.Pool, run: RunRow): Promise<AlertEvent | null> {
  const event = await visibilityEvent(pool, run);
  if (!event) return null;
  const changes = event.data.changes as Array<{
    brandName: string;
    direction: 'up' | 'down';
    previous: { rate: number | null; n: number };
    current: { rate: number | null; n: number };
    ci95: { low: number; high: number } | null;
    pValueAdjusted: number;
  }>;
  return {
    type: 'visibility.changed',
    dedupKey: `visibility.changed:${run.id}`,
    payload: {
      type: 'visibility.changed',
      workspaceId: run.workspace_id,
      title: 'Visibility changed significantly',
      lines: changes.map(
        (c) =>
          `${c.brandName}: ${pct(c.previous.rate)} (n=${c.previous.n}) → ${pct(c.current.rate)} (n=${c.current.n}), ` +
          `${c.direction}${c.ci95 ? `, 95% CI of the change ${pct(c.ci95.low)} to ${pct(c.ci95.high)}` : ''}, adjusted p=${c.pValueAdjusted.toPrecision(2)}`,
      ),
      link: `/w/${run.workspace_id}/overview`,
      runId: run.id,
      changes,
    },
  };
}

export async function budgetAlert(pool: pg.Pool, run: RunRow): Promise<AlertEvent | null> {
  if (!run.audit_id) return null;
  const audit = await repo.auditBudget(pool, run.audit_id);
  if (!audit?.budget || Number(audit.budget) <= 0) return null;
  const at = run.finished_at ?? new Date();
  const monthStart = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
  const spent = await auditSpendSince(pool, run.audit_id, monthStart);
  const limit = Number(audit.budget);
  if (spent < BUDGET_ALERT_SHARE * limit) return null;
  const month = monthStart.toISOString().slice(0, 7);
  return {
    type: 'budget.monthly_80',
    dedupKey: `budget.monthly_80:${run.audit_id}:${month}`,
    payload: {
      type: 'budget.monthly_80',
      workspaceId: run.workspace_id,
      title: `Audit “${audit.name}” has spent ${Math.floor((spent / limit) * 100)}% of its monthly budget`,
      lines: [`Spent in ${month}: ${usd(spent)} of ${usd(limit)}`, `Left: ${usd(Math.max(0, limit - spent))}`],
      link: `/w/${run.workspace_id}/audits`,
      auditId: run.audit_id,
      spentUsd: spent,
      budgetUsd: limit,
    },
  };
}

/** The ten most cited domains over the 30 days up to the run's end, with and without its answers. */
export async function newTopDomainAlerts(pool: pg.Pool, run: RunRow): Promise<AlertEvent[]> {
  const end = run.finished_at ?? new Date();
  const rows = await repo.domainCitesAroundRun(pool, run.workspace_id, run.id, end, TOP_DOMAIN_DAYS);
  const top = (key: 'with_run' | 'without_run') =>
    rows
      .filter((r) => r[key] > 0)
      .sort((a, b) => b[key] - a[key] || a.domain.localeCompare(b.domain))
      .slice(0, TOP_DOMAINS);
  const before = new Set(top('without_run').map((r) => r.domain));
  // Nothing cited before: the first run of a workspace is not news.
  if (!before.size) return [];
  const after = top('with_run');
  return after.flatMap((r, i) =>
    before.has(r.domain)
      ? []
      : [
          {
            type: 'domain.new_top' as const,
            dedupKey: `domain.new_top:${r.domain}:${run.id}`,
            payload: {
              type: 'domain.new_top',
              workspaceId: run.workspace_id,
              title: `${r.domain} entered the top ${TOP_DOMAINS} cited sources`,
              lines: [
                `Rank ${i + 1} over the last ${TOP_DOMAIN_DAYS} days, cited ${r.with_run} times (${r.with_run - r.without_run} in the latest run)`,
              ],
              link: `/w/${run.workspace_id}/citations`,
              domain: r.domain,
              runId: run.id,
            },
          },
        ],
  );
}

/**
 * app_gap.changed: the app-gap report over this run against the same report over the audit's
 * previous completed run (each run alone, the report's defaults): an assistant whose verdict
 * turned between "a good stand-in" and "not a stand-in", or a brand whose gap became significant.
 */
export async function appGapAlert(deps: Pick<AlertEmitDeps, 'db'>, run: RunRow): Promise<AlertEvent | null> {
  if (!run.audit_id || (run.status !== 'completed' && run.status !== 'completed_with_errors')) return null;
  const { pool } = deps.db;
  const previous = await webhooksRepo.previousFinishedRun(pool, run.audit_id, run);
  if (!previous) return null;
  const orgId = await repo.workspaceOrganization(pool, run.workspace_id);
  if (!orgId) return null;
  const report = (runId: string) => appGap(deps, orgId, run.workspace_id, appGapQuery.parse({ runId }));
  const [before, after] = await Promise.all([report(previous.id), report(run.id)]);
  const changes = appGapChanges(before, after);
  if (!changes.length) return null;
  return {
    type: 'app_gap.changed',
    dedupKey: `app_gap.changed:${run.id}`,
    payload: {
      type: 'app_gap.changed',
      workspaceId: run.workspace_id,
      title: 'The app-versus-API gap changed',
      lines: changes.map((c) => c.line),
      link: `/w/${run.workspace_id}/app-gap?run=${run.id}`,
      runId: run.id,
      previousRunId: previous.id,
      changes,
    },
  };
}

export { activeRules, type ActiveRule } from './alerts.repo.js';

/** Records one delivery per (rule, event) and returns the ids of those still pending, new or not. */
export async function recordAlertDeliveries(
  pool: pg.Pool,
  pairs: Array<{ ruleId: string; event: AlertEvent }>,
): Promise<string[]> {
  return repo.insertPendingDeliveries(
    pool,
    pairs.map((p) => ({
      ruleId: p.ruleId,
      dedupKey: p.event.dedupKey,
      eventType: p.event.type,
      payload: p.event.payload,
    })),
  );
}

/** Raises the alerts of a finished run; returns the number of deliveries handed to the queue. */
export async function emitRunAlerts(deps: AlertEmitDeps, runId: string): Promise<number> {
  const { pool } = deps.db;
  const workspaceId = await webhooksRepo.runWorkspace(pool, runId);
  if (!workspaceId) return 0;
  const rules = await repo.activeRules(pool, workspaceId);
  if (!rules.length) return 0;
  const run = await findRun(pool, workspaceId, runId);
  if (!run?.finished_at) return 0;
  const wanted = new Set(rules.flatMap((r) => r.events));
  const events: AlertEvent[] = runAlerts(run);
  // Each comparison costs queries: only when a rule listens.
  if (wanted.has('visibility.changed')) {
    const e = await visibilityAlert(pool, run);
    if (e) events.push(e);
  }
  if (wanted.has('budget.monthly_80')) {
    const e = await budgetAlert(pool, run);
    if (e) events.push(e);
  }
  if (wanted.has('domain.new_top') && run.status !== 'failed') events.push(...(await newTopDomainAlerts(pool, run)));
  if (wanted.has('app_gap.changed')) {
    const e = await appGapAlert(deps, run);
    if (e) events.push(e);
  }
  const pairs = events.flatMap((event) =>
    rules.filter((r) => r.events.includes(event.type)).map((r) => ({ ruleId: r.id, event })),
  );
  const pending = await recordAlertDeliveries(pool, pairs);
  await deps.producers.enqueueAlertDeliveries(pending, alertRetry(deps.env));
  if (pending.length)
    deps.logger.info({ runId, events: events.map((e) => e.type), deliveries: pending.length }, 'alerts raised');
  return pending.length;
}

export function createAlertFollowUp(deps: AlertEmitDeps): (runId: string) => Promise<void> {
  return async (runId) => {
    await emitRunAlerts(deps, runId);
  };
}
