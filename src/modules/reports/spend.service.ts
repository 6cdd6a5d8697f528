/**
 * The spend report: the cost of the answers of the runs created in a calendar month of the
 * workspace time zone (answers dated by their run, as in every report), by provider and by model
 * configuration, and each audit's spend against its monthly budget, counted exactly as the budget
 * check at launch counts it (per calendar month in UTC).
 */
import type { Readable } from 'node:stream';
import { localMinute } from '../../lib/schedule.js';
import { requireWorkspace } from '../workspaces/workspaces.service.js';
import { streamRows } from './csv.js';
import type { ReportsDeps } from './reports.service.js';
import type { SpendQuery, SpendReport } from './spend.schemas.js';
import { auditSpend, spendByConfig } from './spend.sql.js';

const micro = (n: number) => Math.round(n * 1e6) / 1e6;

export async function spend(
  deps: ReportsDeps,
  orgId: string,
  workspaceId: string,
  q: SpendQuery,
  now = new Date(),
): Promise<SpendReport> {
  const workspace = await requireWorkspace(deps.db.prisma, orgId, workspaceId);
  const timezone = workspace.timezone;
  const month = q.month ?? localMinute(now, timezone).slice(0, 7);
  const { rows, from, to } = await spendByConfig(deps.db.pool, workspaceId, `${month}-01`, timezone);
  const [year, m] = month.split('-').map(Number) as [number, number];
  const utcFrom = new Date(Date.UTC(year, m - 1, 1));
  const utcTo = new Date(Date.UTC(year, m, 1));
  const audits = await auditSpend(deps.db.pool, workspaceId, utcFrom, utcTo);

  const providers = new Map<string, { usd: number; answers: number }>();
  for (const r of rows) {
    const p = providers.get(r.provider) ?? { usd: 0, answers: 0 };
    p.usd += Number(r.usd);
    p.answers += r.answers;
    providers.set(r.provider, p);
  }
  return {
    month,
    timezone,
    from: from.toISOString(),
    to: to.toISOString(),
    totalUsd: micro(rows.reduce((sum, r) => sum + Number(r.usd), 0)),
    byProvider: [...providers.entries()]
      .map(([provider, p]) => ({ provider, usd: micro(p.usd), answers: p.answers }))
      .sort((a, b) => b.usd - a.usd || a.provider.localeCompare(b.provider)),
    byModelConfig: rows.map((r) => ({
      modelConfigId: r.model_config_id,
      name: r.model_config_name,
      provider: r.provider,
      usd: micro(Number(r.usd)),
      answers: r.answers,
    })),
    audits: audits.map((a) => {
      const budget = a.budget_per_month_usd === null ? null : Number(a.budget_per_month_usd);
      const spent = micro(Number(a.spent));
      return {
        auditId: a.id,
        name: a.name,
        budgetPerMonthUsd: budget,
        spentUsd: spent,
        remainingUsd: budget === null ? null : micro(Math.max(0, budget - spent)),
      };
    }),
  };
}

/** CSV: one row per model configuration, with the month. */
export function spendCsv(report: SpendReport): Readable {
  const rows = report.byModelConfig.map((c) => ({
    month: report.month,
    timezone: report.timezone,
    provider: c.provider,
    modelConfigId: c.modelConfigId,
    name: c.name,
    usd: c.usd,
    answers: c.answers,
  }));
  return streamRows(rows, 'csv', ['month', 'timezone', 'provider', 'modelConfigId', 'name', 'usd', 'answers']);
}
