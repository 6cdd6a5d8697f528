import { createDatabase } from '../src/db/client.js';
import { loadEnv } from '../src/config/env.js';
import { trends } from '../src/modules/reports/reports.service.js';
import { citations } from '../src/modules/reports/citations.service.js';
import { competitorGap } from '../src/modules/reports/competitor-gap.service.js';
import { brandFacts, openReport, filtersOf } from '../src/modules/reports/reports.service.js';

import pg from 'pg';
const stats = new Map<string, number[]>();
let trace = false;
const orig = pg.Client.prototype.query as (...a: unknown[]) => unknown;
(pg.Client.prototype as unknown as { query: unknown }).query = function (this: unknown, ...args: unknown[]) {
  const q = args[0];
  const text = typeof q === 'string' ? q : (q as { text?: string })?.text ?? '';
  if (process.env.DUMP && text.includes(process.env.DUMP) && !(globalThis as any).dumped) { (globalThis as any).dumped = true; console.log('SQL>>', text, '\nVALUES>>', JSON.stringify(args[1])); }
  const key = text.replace(/\s+/g, ' ').trim().slice(0, 90);
  const s = performance.now();
  const r = orig.apply(this, args) as Promise<unknown>;
  if (trace && r && typeof (r as Promise<unknown>).then === 'function')
    (r as Promise<unknown>).then(() => { const a = stats.get(key) ?? []; a.push(performance.now() - s); stats.set(key, a); }, () => {});
  return r;
};
const env = loadEnv();
const url = new URL(env.DATABASE_URL); url.pathname = '/citewatch_bench_reports_rollups';
const db = createDatabase({ url: url.toString(), poolSize: 5 } as never);
const { rows } = await db.pool.query<{ workspace_id: string; organization_id: string; n: number }>(
  `SELECT r.workspace_id, w.organization_id, count(*)::int n FROM runs r JOIN workspaces w ON w.id = r.workspace_id GROUP BY 1,2 ORDER BY 3 DESC LIMIT 1`);
const { workspace_id: ws, organization_id: org } = rows[0]!;
const END = Date.UTC(2026, 10, 1); const DAY = 86_400_000;
const f = { from: new Date(END - 30 * DAY).toISOString(), to: new Date(END).toISOString() };
const deps = { db };
const which = process.argv[2] ?? 'trends';
async function once() {
  if (which === 'trends') return trends(deps, org, ws, { ...f, groupBy: [], interval: 'day' });
  if (which === 'citations') return citations(deps, org, ws, { ...f, groupBy: [], top: 20, format: 'json' } as never);
  if (which === 'citprov') return citations(deps, org, ws, { ...f, groupBy: ['provider'], top: 20, format: 'json' } as never);
  if (which === 'gap') return competitorGap(deps, org, ws, { ...f, groupBy: ['prompt'], limit: 50, examples: 3, format: 'json' } as never);
  if (which === 'facts') { const r = await openReport(deps, org, ws, filtersOf(f as never)); return brandFacts(deps, r, ['day']); }
}
for (let i = 0; i < 3; i++) await once();
const times: number[] = []; let size = 0; trace = true;
for (let i = 0; i < 20; i++) { const s = performance.now(); const r = await once(); const m = performance.now(); size = JSON.stringify(r).length; times.push(m - s); }
times.sort((a, b) => a - b);
console.log(which, 'p50', times[10]!.toFixed(1), 'min', times[0]!.toFixed(1), 'json bytes', size);
for (const [k, v] of [...stats.entries()].sort((a, b) => b[1].reduce((x, y) => x + y) - a[1].reduce((x, y) => x + y))) { v.sort((a, b) => a - b); console.log(v.length, 'p50', v[Math.floor(v.length / 2)]!.toFixed(1), k); }
await db.pool.end(); process.exit(0);
