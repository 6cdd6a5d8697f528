/**
 * Digests: a weekly or monthly email per rule that asks for one, about the period that just ended
 * in the workspace's time zone (weeks from Monday 00:00, months from the 1st 00:00, local time).
 *
 * Exactly once, whatever the number of workers: every worker running the scheduler (WORKER_SCHEDULER)
 * claims due digests by inserting their (rule, period) row into digest_sends, which is unique, so
 * one insert wins and only the winner queues the digest; the job's id is the row's id. The row
 * turns `sent` once the SMTP server accepted the email, and a job never sends a row that is not
 * `claimed`. A claim whose job was lost (Redis flushed) is handed out again after DIGEST_STALE_MS,
 * so digests survive restarts of workers and Redis. Figures come from the report services the API
 * uses (visibility, citations), for the period and the one before.
 */
import type { Job } from 'bullmq';
import { CronExpressionParser } from 'cron-parser';
import type { Deps } from '../../deps.js';
import { type MailAttachment, MailDeliveryError } from '../../lib/mailer.js';
import { dashboardRoute } from '../../lib/public-url.js';
import { holm, compareProportions } from '../../lib/statistics.js';
import type { AlertJob } from '../../queues/payloads.js';
import { emailLookOf } from '../branding/branding.email.js';
import { loadBranding } from '../branding/branding.service.js';
import { renderWorkspacePdf } from '../pdf-reports/pdf-reports.render.js';
import { noticeMessage, oneLine, type EmailContent, type NoticeSection } from '../email/templates.js';
import { citationLists } from '../reports/citations.service.js';
import { visibility } from '../reports/reports.service.js';
import { unsubscribeHeaders, unsubscribeLink } from './alerts.messages.js';
import { alertRetry } from './alerts.emit.js';
import * as repo from './alerts.repo.js';
import type { DigestFrequency, DigestWork } from './alerts.repo.js';

export type DigestDeps = Pick<Deps, 'env' | 'db' | 'producers' | 'logger' | 'mailer'>;

/** A claim older than this whose digest was not sent is handed out again. */
export const DIGEST_STALE_MS = 15 * 60_000;
const PERIOD_CRON = { weekly: '0 0 * * 1', monthly: '0 0 1 * *' } as const;
export type { DigestFrequency } from './alerts.repo.js';
const ALPHA = 0.05;

/** The latest period of this frequency that ended at or before `now`, in the time zone. */
export function lastPeriod(frequency: DigestFrequency, timezone: string, now: Date): { start: Date; end: Date } {
  const it = CronExpressionParser.parse(PERIOD_CRON[frequency], {
    tz: timezone,
    currentDate: new Date(now.getTime() + 1),
  });
  const end = it.prev().toDate();
  const start = it.prev().toDate();
  return { start, end };
}

/**
 * Claims and queues the digests due at `now`; returns the ids queued. Every scheduler may run it at
 * the same time: the unique (rule, period) row decides.
 */
export async function digestTick(deps: Pick<DigestDeps, 'env' | 'db' | 'producers' | 'logger'>, now = new Date()) {
  const { pool } = deps.db;
  const rules = await repo.digestRules(pool);
  const claims: repo.DigestClaim[] = [];
  for (const rule of rules) {
    let period: { start: Date; end: Date };
    try {
      period = lastPeriod(rule.digest, rule.timezone, now);
    } catch (err) {
      deps.logger.error({ err, ruleId: rule.id }, 'digest period cannot be computed; skipping the rule');
      continue;
    }
    // A rule created after the period ended starts with the next one.
    if (period.end.getTime() <= rule.created_at.getTime()) continue;
    claims.push({ ruleId: rule.id, workspaceId: rule.workspace_id, ...period });
  }
  const claimed: string[] = [];
  for (let i = 0; i < claims.length; i += 1_000) {
    const chunk = claims.slice(i, i + 1_000);
    claimed.push(...(await repo.claimDigests(pool, chunk)));
  }
  // Claims whose job was lost: handed out again under the same job id (a job still queued makes this a no-op).
  const stale = await repo.reclaimStaleDigests(pool, new Date(now.getTime() - DIGEST_STALE_MS));
  const ids = [...claimed, ...stale];
  await deps.producers.enqueueDigests(ids, alertRetry(deps.env));
  if (ids.length) deps.logger.info({ claimed: claimed.length, again: stale.length }, 'digests queued');
  return ids;
}

const pct = (x: number | null | undefined) => (x === null || x === undefined ? 'n/a' : `${(x * 100).toFixed(1)}%`);
const ci = (c: { low: number; high: number } | null | undefined) => (c ? ` (95% CI ${pct(c.low)}–${pct(c.high)})` : '');
const points = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x * 100).toFixed(1)} pts`;

export interface DigestFigures {
  sections: NoticeSection[];
  answers: number;
}

/** The digest's figures, from the report services, for the period against the one before. */
export async function digestFigures(
  deps: Pick<DigestDeps, 'db'>,
  organizationId: string,
  workspaceId: string,
  start: Date,
  end: Date,
): Promise<DigestFigures> {
  const previousStart = new Date(start.getTime() - (end.getTime() - start.getTime()));
  const range = (from: Date, to: Date) => ({ from: from.toISOString(), to: to.toISOString() });
  const reports = { db: deps.db };
  // The digest shows cited domains only: the citation lists, without the report's other parts.
  const [cur, prev, curCit, prevCit] = await Promise.all([
    visibility(reports, organizationId, workspaceId, { ...range(start, end), groupBy: [] }),
    visibility(reports, organizationId, workspaceId, { ...range(previousStart, start), groupBy: [] }),
    citationLists(reports, organizationId, workspaceId, {
      ...range(start, end),
      groupBy: [],
      top: 20,
      format: 'json',
    } as never),
    citationLists(reports, organizationId, workspaceId, {
      ...range(previousStart, start),
      groupBy: [],
      top: 50,
      format: 'json',
    } as never),
  ]);
  const before = new Map(prev.rows.map((r) => [r.brandId, r]));
  const answers = cur.rows[0]?.n ?? 0;
  const key: string[] = [];
  for (const r of cur.rows.filter((r) => r.brandKind === 'own'))
    key.push(
      `${r.brandName}: mentioned in ${pct(r.mentionRate.value)} of answers${ci(r.mentionRate.ci95)}, n=${r.mentionRate.n}`,
    );
  if (!key.length) key.push(`Answers in the period: ${answers}`);

  const compared = cur.rows.flatMap((r) => {
    const p = before.get(r.brandId);
    if (!p?.mentionRate.n || !r.mentionRate.n) return [];
    const t = compareProportions(p.mentionRate.numerator, p.mentionRate.n, r.mentionRate.numerator, r.mentionRate.n);
    return [{ r, p, t }];
  });
  const adjusted = holm(compared.map((c) => c.t.pValue));
  const significant = compared.filter(
    (c, i) => c.t.difference !== null && c.t.difference !== 0 && (adjusted[i] ?? 1) < ALPHA,
  );
  const changes = significant.map(
    ({ r, p, t }) =>
      `${r.brandName}: ${pct(p.mentionRate.value)} → ${pct(r.mentionRate.value)} (${points(t.difference ?? 0)}${t.ci95 ? `, 95% CI ${points(t.ci95.low)} to ${points(t.ci95.high)}` : ''})`,
  );

  const movers = compared
    .filter((c) => c.r.brandKind === 'competitor' && c.t.difference)
    .sort((a, b) => Math.abs(b.t.difference ?? 0) - Math.abs(a.t.difference ?? 0))
    .slice(0, 3)
    .map(({ r, t }) => `${r.brandName}: ${points(t.difference ?? 0)} to ${pct(r.mentionRate.value)}`);

  const domainsOf = (rep: typeof curCit) => rep.groups[0]?.domains ?? [];
  const prevDomains = new Map(domainsOf(prevCit).map((d) => [d.domain, d.share.value ?? 0]));
  const domainMovers = domainsOf(curCit)
    .map((d) => ({
      d,
      diff: (d.share.value ?? 0) - (prevDomains.get(d.domain) ?? 0),
      isNew: !prevDomains.has(d.domain),
    }))
    .filter((m) => m.diff !== 0)
    .sort((a, b) => Math.abs(b.diff) - Math.abs(a.diff))
    .slice(0, 3)
    .map(
      ({ d, diff, isNew }) => `${d.domain}: ${pct(d.share.value)} of cited sources (${isNew ? 'new' : points(diff)})`,
    );

  return {
    answers,
    sections: [
      { title: 'Key figures', lines: key },
      {
        title: 'Significant changes',
        lines: changes.length ? changes : ['No significant change against the previous period.'],
      },
      { title: 'Top movers among competitors', lines: movers.length ? movers : ['No competitor moved.'] },
      {
        title: 'Top movers among cited domains',
        lines: domainMovers.length ? domainMovers : ['No cited domain moved.'],
      },
    ],
  };
}

function periodLabel(start: Date, end: Date, timezone: string): string {
  const fmt = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: timezone });
  return `${fmt.format(start)} – ${fmt.format(new Date(end.getTime() - 1))}`;
}

export function digestEmail(
  base: string,
  w: DigestWork,
  figures: DigestFigures,
  brand: Parameters<typeof noticeMessage>[0]['brand'],
): EmailContent {
  const workspace = oneLine(w.workspace_name, 80);
  const label = periodLabel(w.period_start, w.period_end, w.timezone);
  const query = new URLSearchParams({ from: w.period_start.toISOString(), to: w.period_end.toISOString() });
  return noticeMessage({
    subject: `${w.digest === 'weekly' ? 'Weekly' : 'Monthly'} digest — ${workspace} — ${label}`,
    brand,
    intro: `Your ${w.digest} digest of workspace ${workspace} for ${label} (${w.timezone}), from ${figures.answers} answers.`,
    sections: figures.sections,
    action: 'Open the report',
    link: dashboardRoute(base, `/w/${w.workspace_id}/overview?${query}`),
    unsubscribe: unsubscribeLink(base, { id: w.rule_id, unsubscribe_secret: w.unsubscribe_secret }),
    reason: `the alert rule “${oneLine(w.name, 80)}” of workspace ${workspace}`,
  });
}

/** The period's PDF report of the workspace (the one `POST …/pdf-reports` makes), to attach to the digest. */
async function digestAttachment(deps: Pick<DigestDeps, 'db'>, w: DigestWork): Promise<MailAttachment> {
  const from = w.period_start.toISOString();
  const to = w.period_end.toISOString();
  const pdf = await renderWorkspacePdf({ db: deps.db }, w.organization_id, w.workspace_id, { from, to });
  const day = (x: Date) => x.toISOString().slice(0, 10);
  return {
    filename: `citewatch-digest-${day(w.period_start)}-${day(new Date(w.period_end.getTime() - 1))}.pdf`,
    contentType: 'application/pdf',
    content: pdf.buffer,
  };
}

/** The job of one claimed digest: sends it once, then marks it sent. */
export async function sendDigest(deps: DigestDeps, job: Job<AlertJob>, digestId: string): Promise<string> {
  const { pool } = deps.db;
  const w = await repo.loadDigestSend(pool, digestId);
  if (!w) return 'skipped: digest gone';
  if (w.status !== 'claimed') return `skipped: already ${w.status}`;
  const fail = (error: string) => repo.failClaimedDigest(pool, w.id, error);
  if (!w.active || !w.email || !w.digest) {
    await fail('not sent: the rule is inactive, unsubscribed or no longer asks for a digest');
    return 'skipped: rule inactive';
  }
  const attempt = job.attemptsMade + 1;
  const last = attempt >= (job.opts.attempts ?? 1);
  try {
    const [brand, figures] = await Promise.all([
      loadBranding(deps.db, w.organization_id),
      digestFigures(deps, w.organization_id, w.workspace_id, w.period_start, w.period_end),
    ]);
    const look = emailLookOf(brand);
    const attachments = [...look.attachments, ...(w.digest_pdf ? [await digestAttachment(deps, w)] : [])];
    const base = deps.env.PUBLIC_BASE_URL;
    const content = digestEmail(base, w, figures, look.brand);
    await deps.mailer.send({
      to: w.email,
      ...content,
      ...(attachments.length ? { attachments } : {}),
      fromName: look.fromName,
      headers: unsubscribeHeaders(unsubscribeLink(base, { id: w.rule_id, unsubscribe_secret: w.unsubscribe_secret })),
    });
  } catch (err) {
    const message = (err as Error).message?.slice(0, 500) ?? String(err);
    const permanent = err instanceof MailDeliveryError && err.permanent;
    if (last || permanent) {
      await fail(message);
      return 'failed';
    }
    await repo.recordDigestError(pool, w.id, message);
    throw err;
  }
  await repo.markDigestSent(pool, w.id);
  return 'sent';
}
