/** What the spend report reads: the cost of answers by configuration, and audits' budgets. */
import type pg from 'pg';
import { reportQuery } from './report-session.js';

export interface SpendRow {
  provider: string;
  model_config_id: string;
  model_config_name: string | null;
  usd: string;
  answers: number;
}

/**
 * Cost and answers per configuration of the runs created in a month of the time zone (answers
 * dated by their run, as in every report), with the month's bounds as instants.
 */
export async function spendByConfig(
  pool: pg.Pool,
  workspaceId: string,
  monthStart: string,
  timezone: string,
): Promise<{ rows: SpendRow[]; from: Date; to: Date }> {
  const bounds = `(SELECT ($2::date::timestamp AT TIME ZONE $3) AS from_at,
                          (($2::date + interval '1 month')::timestamp AT TIME ZONE $3) AS to_at)`;
  const rows = await reportQuery<SpendRow & { from_at: Date; to_at: Date }>(
    pool,
    `SELECT b.from_at, b.to_at, s.provider, s.model_config_id, s.model_config_name, s.usd, s.answers
       FROM ${bounds} b
       LEFT JOIN LATERAL (
         SELECT r.provider, r.model_config_id, mc.name AS model_config_name,
                coalesce(sum(r.cost_usd), 0)::text AS usd,
                (count(*) FILTER (WHERE r.status = 'succeeded'))::int AS answers
           FROM runs u
           JOIN responses r ON r.run_id = u.id
           LEFT JOIN model_configs mc ON mc.id = r.model_config_id
          WHERE u.workspace_id = $1 AND u.created_at >= b.from_at AND u.created_at < b.to_at
          GROUP BY r.provider, r.model_config_id, mc.name
       ) s ON true
      ORDER BY s.usd::numeric DESC NULLS LAST, s.model_config_id`,
    [workspaceId, monthStart, timezone],
  );
  const first = rows[0];
  if (!first) throw new Error('the month bounds query returned no row');
  return {
    rows: rows.filter((r) => r.model_config_id !== null),
    from: first.from_at,
    to: first.to_at,
  };
}

export interface AuditSpendRow {
  id: string;
  name: string;
  budget_per_month_usd: string | null;
  spent: string;
}

/**
 * Every audit of the workspace with what its runs created in [from, to) spent, counted as the
 * monthly budget check counts it (runs/runs.repo.ts auditSpendSince): a finished run's actual cost,
 * an unfinished run's estimate or actual cost, whichever is larger.
 */
export async function auditSpend(pool: pg.Pool, workspaceId: string, from: Date, to: Date): Promise<AuditSpendRow[]> {
  return reportQuery<AuditSpendRow>(
    pool,
    `SELECT a.id, a.name, a.budget_per_month_usd::text AS budget_per_month_usd,
            coalesce((
              SELECT sum(CASE WHEN u.finished_at IS NULL THEN greatest(u.estimated_cost_usd, u.actual_cost_usd)
                              ELSE u.actual_cost_usd END)
                FROM runs u
               WHERE u.audit_id = a.id AND u.created_at >= $2 AND u.created_at < $3
            ), 0)::text AS spent
       FROM audits a
      WHERE a.workspace_id = $1
      ORDER BY a.id`,
    [workspaceId, from, to],
  );
}
