/**
 * Prints a run's visibility and share-of-voice reports as readable tables, a few answers' sentiment
 * labels with the passages that decided them, and the app-versus-API gap (used by the demo).
 */
import { appGapQuery } from '../modules/reports/app-gap.schemas.js';
import { appGap, assistantName } from '../modules/reports/app-gap.service.js';
import { citations } from '../modules/reports/citations.service.js';
import { impact } from '../modules/reports/impact.service.js';
import type { Database } from '../db/client.js';
import { shareOfVoice, visibility } from '../modules/reports/reports.service.js';
import { sentimentPassagesOfRun } from '../modules/answers/answers.repo.js';
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
      ['Brand', 'Share of voice', 'Avg rank', 'Top-1', 'Positive', 'Negative', 'Mean sentiment', 'n'],
      sov.rows.map((r) => [
        label(r),
        `${pct(r.shareOfVoice.presence.value)} ${ci(r.shareOfVoice.presence.ci95)}`,
        num(r.averageRank.value),
        pct(r.top1Rate.value),
        `${pct(r.sentiment.shares.positive.value)} ${ci(r.sentiment.shares.positive.ci95)}`,
        `${pct(r.sentiment.shares.negative.value)} ${ci(r.sentiment.shares.negative.ci95)}`,
        num(r.sentiment.mean.value, 2),
        String(r.n),
      ]),
      ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
    ),
  );

  // What kind of sources the answers cite (docs/analysis-rules.md#source-categories), and the top domains.
  const cited = await citations(deps, orgId, workspaceId, { runId, groupBy: [], top: 5, format: 'json' });
  const split = cited.sourceCategories;
  say('');
  say(
    `Cited sources by category — ${split.cited} citations in ${split.n} answers (domain list version ${split.listVersion})`,
  );
  say(
    table(
      ['Category', 'Share of citations', 'Answers citing it', 'Citations'],
      split.categories
        .filter((c) => c.cited > 0)
        .map((c) => [
          CATEGORY_LABELS[c.category] ?? c.category,
          `${pct(c.share.value)} ${ci(c.share.ci95)}`,
          `${pct(c.citingAnswers.value)} ${ci(c.citingAnswers.ci95)}`,
          String(c.cited),
        ]),
      ['l', 'r', 'r', 'r'],
    ),
  );
  const top = cited.groups[0]?.domains ?? [];
  if (top.length) say(`Most cited domains: ${top.map((d) => `${d.domain} (${d.cited})`).join(', ')}`);
}

/** How the source categories read in a report. */
const CATEGORY_LABELS: Record<string, string> = {
  own: 'Own',
  competitor: 'Competitor',
  forum: 'Forum and community',
  video: 'Video',
  social: 'Social',
  review: 'Review and comparison',
  news: 'News and editorial',
  reference: 'Reference',
  institutional: 'Institutional',
  marketplace: 'Marketplace and retail',
  other: 'Other',
};

/** A passage on one line, cut to `max` characters. */
function oneLine(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/**
 * For a few answers of the run: each brand's sentiment label with the passage of the answer that
 * decided it (docs/sentiment.md), so the labels in the reports can be checked by reading. Answers
 * are picked so that different labels show when the run has them.
 */
export async function printSentimentExamples(
  deps: { db: Pick<Database, 'pool'> },
  workspaceId: string,
  runId: string,
  say: (line: string) => void,
  answers = 3,
): Promise<void> {
  const rows = await sentimentPassagesOfRun(deps.db.pool, workspaceId, runId);
  const byAnswer = new Map<string, typeof rows>();
  for (const r of rows) byAnswer.set(r.id, [...(byAnswer.get(r.id) ?? []), r]);
  // Answers with the most distinct labels first, then those adding a label not shown yet.
  const picked: Array<typeof rows> = [];
  const shown = new Set<string>();
  const pool = [...byAnswer.values()].sort(
    (a, b) => new Set(b.map((m) => m.label)).size - new Set(a.map((m) => m.label)).size,
  );
  while (picked.length < answers && pool.length > 0) {
    const next = pool.findIndex((a) => a.some((m) => !shown.has(m.label)));
    const [answer] = pool.splice(Math.max(0, next), 1);
    if (!answer) break;
    picked.push(answer);
    for (const m of answer) shown.add(m.label);
  }
  if (picked.length === 0) return;
  say(`Sentiment — why each label: the passage of the answer that decided it, for ${picked.length} answers`);
  for (const answer of picked) {
    const first = answer[0] as (typeof rows)[number];
    say(`  “${oneLine(first.prompt, 80)}” (${first.config})`);
    for (const m of answer) say(`    ${m.brand}: ${m.label} — “${oneLine(m.text.slice(m.s, m.e))}”`);
  }
}

/** The change-impact report of one event (windows of a day: the demo's runs are minutes apart). */
export async function printImpact(
  deps: { db: Database },
  orgId: string,
  workspaceId: string,
  eventId: string,
  say: (line: string) => void,
): Promise<void> {
  const r = await impact(deps, orgId, workspaceId, { eventId, windowDays: 1, minEffect: 0.05, format: 'json' });
  const points = (v: number | null) => (v === null ? '—' : `${v >= 0 ? '+' : '−'}${Math.abs(v * 100).toFixed(1)}`);
  say(`Impact of “${r.event.title}” on ${r.brands.map((b) => b.brandName).join(', ')}’s mention rate`);
  const g = r.groups;
  const cell = (x: typeof g.affectedBefore) => `${pct(x.rate.value)} ${ci(x.rate.ci95)} n=${x.rate.n}`;
  say(
    table(
      ['Prompts', 'Before', 'After'],
      [
        [`affected (${g.affectedBefore.prompts})`, cell(g.affectedBefore), cell(g.affectedAfter)],
        [`other (${g.unaffectedBefore.prompts})`, cell(g.unaffectedBefore), cell(g.unaffectedAfter)],
      ],
    ),
  );
  say(
    `Difference in differences ${points(r.estimate)} points, 95% interval ${r.ci95 ? `${points(r.ci95.low)} to ${points(r.ci95.high)}` : '—'}, p ${r.pValue === null ? '—' : r.pValue.toFixed(3)}; chance to detect 5 points ${r.power === null ? '—' : pct(r.power)}, detectable at 80%: ${r.minimumDetectableEffect === null ? '—' : `${(r.minimumDetectableEffect * 100).toFixed(1)} points`}`,
  );
  say(`Verdict: ${r.verdict} — ${r.summary}`);
}

const points = (d: { value: number | null; ci95: { low: number; high: number } | null }) => {
  if (d.value === null) return '—';
  const signed = (x: number) => `${x > 0 ? '+' : x < 0 ? '−' : '±'}${Math.abs(x * 100).toFixed(0)}`;
  return `${signed(d.value)} pts${d.ci95 ? ` [${signed(d.ci95.low)} to ${signed(d.ci95.high)}]` : ''}`;
};
const pValue = (p: number | null) => (p === null ? '—' : p < 0.001 ? '<0.001' : p.toFixed(3));

/**
 * The app-versus-API gap of a run, per assistant: the verdict, then each brand's mention rate and
 * the `domains` most cited domains' citation shares on the API and in the app, with app − API, its
 * 95% interval and the adjusted p-value.
 */
export async function printAppGap(
  deps: { db: Database },
  orgId: string,
  workspaceId: string,
  runId: string,
  say: (line: string) => void,
  domains = 5,
): Promise<void> {
  const report = await appGap(deps, orgId, workspaceId, appGapQuery.parse({ runId, top: domains }));
  if (!report.assistants.length) {
    say('App versus API — no assistant measured both through its API and through its app in this run');
    return;
  }
  for (const a of report.assistants) {
    const configs = (list: Array<{ modelConfigName: string }>) => list.map((c) => c.modelConfigName).join(', ');
    say(
      `App versus API — ${assistantName(a.assistant)}: ${configs(a.api.configs)} (n=${a.api.answers}) against ${configs(
        a.app.configs,
      )} (n=${a.app.answers}) on ${a.matchedPrompts} shared prompt${a.matchedPrompts === 1 ? '' : 's'}`,
    );
    say(a.verdict.summary);
    const head = ['API', 'App', 'App − API, 95% interval', 'Adjusted p', 'Result'];
    const row = (t: {
      api: { value: number | null; ci95: { low: number; high: number } | null };
      app: { value: number | null; ci95: { low: number; high: number } | null };
      difference: { value: number | null; ci95: { low: number; high: number } | null };
      pValueAdjusted: number | null;
      significant: boolean;
    }) => [
      `${pct(t.api.value)} ${ci(t.api.ci95)}`,
      `${pct(t.app.value)} ${ci(t.app.ci95)}`,
      points(t.difference),
      pValue(t.pValueAdjusted),
      t.significant ? 'significant' : 'not significant',
    ];
    const align: Array<'l' | 'r'> = ['l', 'r', 'r', 'r', 'r', 'l'];
    say(
      table(
        ['Mention rate', ...head],
        a.brands.map((b) => [`${b.brandName}${b.brandKind === 'own' ? ' (own)' : ''}`, ...row(b)]),
        align,
      ),
    );
    if (a.domains.length)
      say(
        table(
          ['Citation share', ...head],
          a.domains.map((d) => [d.domain, ...row(d)]),
          align,
        ),
      );
  }
}
