/** Prints a run's visibility and share-of-voice reports as readable tables (used by the demo). */
import type { Database } from '../db/client.js';
import { shareOfVoice, visibility } from '../modules/reports/reports.service.js';
import { pct, table } from './io.js';

const ci = (i: { low: number; high: number } | null) => (i ? `[${pct(i.low)}–${pct(i.high)}]` : '');
const num = (v: number | null, digits = 1) => (v === null ? '—' : v.toFixed(digits));

export async function printReport(
  deps: { db: Database },
  orgId: string,
  workspaceId: string,
  runId: string,
  say: (line: string) => void,
): Promise<void> {
  const report = await visibility(deps, orgId, workspaceId, { runId, groupBy: ['config'] });
  const label = (r: { brandName: string; brandKind: string }) =>
    `${r.brandName}${r.brandKind === 'own' ? ' (own)' : ''}`;
  const configs = [...new Set(report.rows.map((r) => r.modelConfigName ?? ''))];
  const brands = [...new Set(report.rows.map(label))];
  say('Visibility — share of answers that mention each brand, with 95% interval and n');
  const rows = brands.map((brand) => [
    brand,
    ...configs.map((config) => {
      const r = report.rows.find((x) => label(x) === brand && x.modelConfigName === config);
      return r ? `${pct(r.mentionRate.value)} ${ci(r.mentionRate.ci95)} n=${r.n}` : '—';
    }),
  ]);
  say(table(['Brand', ...configs], rows));
  const failed = report.rows.reduce((max, r) => Math.max(max, r.failed), 0);
  if (failed > 0) say(`(${failed} failed answers per configuration at most, counted apart, never as "not mentioned")`);

  const sov = await shareOfVoice(deps, orgId, workspaceId, { runId, groupBy: [] });
  say('');
  say('Share of voice — among tracked brands, across every configuration');
  say(
    table(
      ['Brand', 'Share of voice', 'Avg rank', 'Top-1', 'Sentiment', 'n'],
      sov.rows.map((r) => [
        label(r),
        `${pct(r.shareOfVoice.presence.value)} ${ci(r.shareOfVoice.presence.ci95)}`,
        num(r.averageRank.value),
        pct(r.top1Rate.value),
        num(r.sentiment.mean.value, 2),
        String(r.n),
      ]),
      ['l', 'r', 'r', 'r', 'r', 'r'],
    ),
  );
}
