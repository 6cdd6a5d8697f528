/**
 * Webhook delivery jobs: one signed POST per attempt, each attempt recorded in
 * webhook_deliveries (status, attempts, the receiver's status and first 2 KB of its answer,
 * the error). Success is any 2xx within the time limit; redirects are not followed (a receiver
 * that moved must be updated, not chased).
 * - other answers, timeouts and network errors: thrown, so BullMQ retries with exponential
 *   backoff and jitter; the last attempt marks the delivery failed;
 * - 410 Gone: the receiver says it is gone for good, so the delivery fails and the webhook is
 *   disabled (its owner re-enables it with PATCH active=true);
 * - a delivery no longer pending (succeeded, failed, deleted) is never sent again.
 */
import type { Job } from 'bullmq';
import * as repo from '../src/modules/webhooks/webhooks.repo.js';
import type { WebhookEvent } from '../src/modules/webhooks/webhooks.schemas.js';
import { openWebhookSecret } from '../src/modules/webhooks/webhooks.secrets.js';
import { signWebhook } from '../src/modules/webhooks/webhooks.signature.js';
import type { WebhookJob } from '../src/queues/payloads.js';
import type { WorkerDeps } from '../src/deps.js';

export const DELIVERY_TIMEOUT_MS = 10_000;
const MAX_RESPONSE_BYTES = 2_048;

export interface WebhookProcessorOptions {
  /** Guarded against private addresses unless the egress policy allows them. */
  fetch: typeof fetch;
  timeoutMs?: number;
}

/** The event as sent: fixed key order (jsonb reorders keys), so bodies read naturally. */
export function eventBody(e: WebhookEvent): string {
  return JSON.stringify({ id: e.id, type: e.type, createdAt: e.createdAt, workspaceId: e.workspaceId, data: e.data });
}

/** Reads at most `limit` bytes of the body and drops the rest, so a huge answer costs nothing. */
async function readCapped(res: Response, limit: number): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < limit) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
  const text = new TextDecoder().decode(Buffer.concat(chunks).subarray(0, limit));
  return text.slice(0, limit);
}

function describe(err: unknown, timeoutMs: number): string {
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return `no answer within ${timeoutMs / 1000} s`;
  const cause = e?.cause?.code ?? e?.cause?.message;
  return (cause ? `${e?.message ?? 'request failed'} (${cause})` : (e?.message ?? String(err))).slice(0, 500);
}

export function createWebhookProcessor(deps: WorkerDeps, opts: WebhookProcessorOptions) {
  const { pool } = deps.db;
  const timeoutMs = opts.timeoutMs ?? DELIVERY_TIMEOUT_MS;

  return async (job: Job<WebhookJob>): Promise<string> => {
    const delivery = await repo.loadDelivery(pool, job.data.deliveryId);
    if (!delivery) return 'skipped: delivery gone';
    if (delivery.status !== 'pending') return `skipped: already ${delivery.status}`;
    if (!delivery.active && delivery.event_type !== 'ping') {
      await repo.abandonDelivery(pool, delivery.id, 'not sent: the webhook is disabled');
      return 'skipped: webhook disabled';
    }
    let secret: string;
    try {
      secret = openWebhookSecret(delivery.secret, deps.env.ENCRYPTION_KEY);
    } catch (err) {
      deps.logger.error({ deliveryId: delivery.id, err }, 'webhook secret unreadable');
      await repo.abandonDelivery(
        pool,
        delivery.id,
        'not sent: the signing secret could not be read; the operator must check ENCRYPTION_KEY',
      );
      return 'failed: secret unreadable';
    }

    const body = eventBody(delivery.payload);
    const attempt = job.attemptsMade + 1;
    const last = attempt >= (job.opts.attempts ?? 1);
    let responseStatus: number | null = null;
    let responseBody: string | null = null;
    let error: string | null = null;
    try {
      const res = await opts.fetch(delivery.url, {
        method: 'POST',
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Citewatch-Webhooks/1.0',
          'citewatch-event': delivery.event_type,
          'citewatch-delivery': delivery.id,
          'citewatch-signature': signWebhook(secret, body),
        },
      });
      responseStatus = res.status;
      responseBody = await readCapped(res, MAX_RESPONSE_BYTES).catch(() => null);
      if (res.status < 200 || res.status >= 300) error = `the receiver answered HTTP ${res.status}`;
    } catch (err) {
      error = describe(err, timeoutMs);
    }

    const gone = responseStatus === 410;
    const status = error === null ? 'succeeded' : last || gone ? 'failed' : 'pending';
    const recorded = await repo.recordAttempt(pool, delivery.id, { status, responseStatus, responseBody, error });
    if (!recorded) return 'skipped: settled by another attempt';
    if (gone) {
      await repo.disableWebhook(pool, delivery.webhook_id);
      deps.logger.warn(
        { webhookId: delivery.webhook_id, deliveryId: delivery.id },
        'webhook receiver answered 410 Gone: webhook disabled',
      );
    }
    // Thrown so BullMQ schedules the next attempt with backoff.
    if (status === 'pending') throw new Error(`webhook delivery attempt ${attempt} failed: ${error}`);
    return status;
  };
}
