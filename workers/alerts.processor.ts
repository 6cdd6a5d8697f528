/**
 * Alert jobs: one delivery (an email or a Slack message) or one claimed digest per job, each
 * attempt recorded in Postgres. A failed attempt is thrown so BullMQ retries it with exponential
 * backoff; the last one marks the delivery failed. A delivery no longer pending, or whose rule was
 * deleted or switched off (an unsubscribe), is never sent. A permanent SMTP refusal (5xx) fails at once.
 */
import type { Job } from 'bullmq';
import type { WorkerDeps } from '../src/deps.js';
import { MailDeliveryError } from '../src/lib/mailer.js';
import { publicBaseUrl } from '../src/config/env.js';
import {
  alertEmail,
  slackMessage,
  unsubscribeHeaders,
  unsubscribeLink,
} from '../src/modules/alerts/alerts.messages.js';
import { failPendingAlertDelivery, loadAlertDelivery, settleAlertDelivery } from '../src/modules/alerts/alerts.repo.js';
import { sendDigest } from '../src/modules/alerts/digests.js';
import { emailLookOf } from '../src/modules/branding/branding.email.js';
import { loadBranding } from '../src/modules/branding/branding.service.js';
import type { AlertJob } from '../src/queues/payloads.js';

export const SLACK_TIMEOUT_MS = 10_000;

export interface AlertsProcessorOptions {
  /** Guarded against private addresses unless the egress policy allows them. */
  fetch: typeof fetch;
  timeoutMs?: number;
}

export function createAlertsProcessor(deps: WorkerDeps, opts: AlertsProcessorOptions) {
  const { pool } = deps.db;
  const base = publicBaseUrl(deps.env);
  const timeoutMs = opts.timeoutMs ?? SLACK_TIMEOUT_MS;

  const settle = (id: string, status: string, error: string | null) => settleAlertDelivery(pool, id, status, error);

  async function deliver(job: Job<AlertJob>, deliveryId: string): Promise<string> {
    const d = await loadAlertDelivery(pool, deliveryId);
    if (!d) return 'skipped: delivery gone';
    if (d.status !== 'pending') return `skipped: already ${d.status}`;
    if (!d.active) {
      await failPendingAlertDelivery(pool, d.id, 'not sent: the alert rule is inactive or unsubscribed');
      return 'skipped: rule inactive';
    }
    const brand = await loadBranding(deps.db, d.organization_id);
    const rule = {
      id: d.rule_id,
      name: d.name,
      unsubscribe_secret: d.unsubscribe_secret,
      workspace_name: d.workspace_name,
    };
    const attempt = job.attemptsMade + 1;
    const last = attempt >= (job.opts.attempts ?? 1);
    let error: string | null = null;
    let permanent = false;
    try {
      if (d.channel === 'email' && d.email) {
        const content = alertEmail(base, rule, d.payload, brand);
        const look = emailLookOf(brand);
        await deps.mailer.send({
          to: d.email,
          ...content,
          ...(look.attachments.length ? { attachments: look.attachments } : {}),
          fromName: look.fromName,
          headers: unsubscribeHeaders(unsubscribeLink(base, rule)),
        });
      } else if (d.channel === 'slack' && d.slack_url) {
        const res = await opts.fetch(d.slack_url, {
          method: 'POST',
          body: JSON.stringify(slackMessage(base, rule, d.payload, brand)),
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMs),
          headers: { 'content-type': 'application/json', 'user-agent': 'Citewatch-Alerts/1.0' },
        });
        await res.body?.cancel().catch(() => {});
        if (res.status < 200 || res.status >= 300) {
          error = `Slack answered HTTP ${res.status}`;
          // Slack answers 404/410 for a removed webhook and 403 for a revoked one: retrying will not help.
          permanent = [403, 404, 410].includes(res.status);
        }
      } else {
        error = 'not sent: the rule has no recipient';
        permanent = true;
      }
    } catch (err) {
      const e = err as { name?: string; message?: string };
      error =
        e?.name === 'TimeoutError' || e?.name === 'AbortError'
          ? `no answer within ${timeoutMs / 1000} s`
          : (e?.message ?? String(err)).slice(0, 500);
      if (err instanceof MailDeliveryError && err.permanent) permanent = true;
    }
    const status = error === null ? 'succeeded' : last || permanent ? 'failed' : 'pending';
    if (!(await settle(d.id, status, error))) return 'skipped: settled by another attempt';
    if (status === 'pending') throw new Error(`alert delivery attempt ${attempt} failed: ${error}`);
    return status;
  }

  return async (job: Job<AlertJob>): Promise<string> =>
    job.data.type === 'delivery' ? deliver(job, job.data.deliveryId) : sendDigest(deps, job, job.data.digestId);
}
