/**
 * Webhook rows. The API's CRUD and delivery log go through Prisma; emission and delivery
 * (workers) are statements on the pg pool.
 */
import type pg from 'pg';
import type { PrismaClient } from '../../db/client.js';
import { pageArgs, type PageQuery } from '../../db/pagination.js';
import type { Prisma, Webhook, WebhookDelivery } from '../../generated/prisma/client.js';
import { newId } from '../../lib/ids.js';
import type { DeliveryListQuery, WebhookEvent, WebhookUpdate } from './webhooks.schemas.js';

export async function findWebhook(
  prisma: PrismaClient,
  workspaceId: string,
  webhookId: string,
): Promise<Webhook | null> {
  return prisma.webhook.findFirst({ where: { id: webhookId, workspaceId } });
}

export async function countWebhooks(prisma: PrismaClient, workspaceId: string): Promise<number> {
  return prisma.webhook.count({ where: { workspaceId } });
}

export async function insertWebhook(
  prisma: PrismaClient,
  workspaceId: string,
  input: { url: string; events: string[]; description: string | null; active: boolean; secret: string },
): Promise<Webhook> {
  return prisma.webhook.create({ data: { id: newId(), workspaceId, ...input } });
}

export async function listWebhookRows(prisma: PrismaClient, workspaceId: string, q: PageQuery): Promise<Webhook[]> {
  return prisma.webhook.findMany(pageArgs(q, { workspaceId }));
}

export async function updateWebhookRow(
  prisma: PrismaClient,
  webhookId: string,
  input: WebhookUpdate,
): Promise<Webhook> {
  return prisma.webhook.update({ where: { id: webhookId }, data: input });
}

/** Deletes the webhook with its delivery log. */
export async function deleteWebhookRow(prisma: PrismaClient, webhookId: string): Promise<void> {
  await prisma.webhook.delete({ where: { id: webhookId } });
}

/** A page of the webhook's deliveries, newest first (ids are UUIDv7, so the cursor walks them downwards). */
export async function listDeliveryRows(
  prisma: PrismaClient,
  webhookId: string,
  q: DeliveryListQuery,
): Promise<WebhookDelivery[]> {
  return prisma.webhookDelivery.findMany(pageArgs(q, { webhookId, ...(q.status ? { status: q.status } : {}) }, 'desc'));
}

export async function insertDelivery(
  prisma: PrismaClient,
  webhookId: string,
  event: WebhookEvent,
): Promise<WebhookDelivery> {
  return prisma.webhookDelivery.create({
    data: {
      id: newId(),
      webhookId,
      eventId: event.id,
      eventType: event.type,
      payload: event as Prisma.InputJsonObject,
    },
  });
}

export async function deleteDelivery(prisma: PrismaClient, deliveryId: string): Promise<void> {
  await prisma.webhookDelivery.delete({ where: { id: deliveryId } });
}

export async function activeWebhooks(
  pool: pg.Pool,
  workspaceId: string,
): Promise<Array<{ id: string; events: string[] }>> {
  const { rows } = await pool.query<{ id: string; events: string[] }>(
    'SELECT id, events FROM webhooks WHERE workspace_id = $1 AND active ORDER BY id',
    [workspaceId],
  );
  return rows;
}

/**
 * Records one delivery per (webhook, event) and returns the ids of those still pending, new or
 * not. (webhook_id, event_id) is unique, so running this again for the same run adds nothing,
 * yet still returns the pending ones: a follow-up that died between this and enqueueing hands
 * them out on its retry.
 */
export async function recordDeliveries(
  pool: pg.Pool,
  pairs: Array<{ webhookId: string; event: WebhookEvent }>,
): Promise<string[]> {
  if (!pairs.length) return [];
  const webhookIds = pairs.map((p) => p.webhookId);
  const eventIds = pairs.map((p) => p.event.id);
  await pool.query(
    `INSERT INTO webhook_deliveries (id, webhook_id, event_id, event_type, payload)
     SELECT u.id, u.webhook_id, u.event_id, u.event_type, u.payload
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::jsonb[]) AS u(id, webhook_id, event_id, event_type, payload)
     ON CONFLICT (webhook_id, event_id) DO NOTHING`,
    [
      pairs.map(() => newId()),
      webhookIds,
      eventIds,
      pairs.map((p) => p.event.type),
      pairs.map((p) => JSON.stringify(p.event)),
    ],
  );
  const { rows } = await pool.query<{ id: string }>(
    `SELECT d.id FROM webhook_deliveries d
       JOIN unnest($1::uuid[], $2::uuid[]) AS u(webhook_id, event_id) ON d.webhook_id = u.webhook_id AND d.event_id = u.event_id
      WHERE d.status = 'pending' ORDER BY d.id`,
    [webhookIds, eventIds],
  );
  return rows.map((r) => r.id);
}

export interface DeliveryWork {
  id: string;
  webhook_id: string;
  event_type: string;
  payload: WebhookEvent;
  status: 'pending' | 'succeeded' | 'failed';
  url: string;
  secret: string;
  active: boolean;
}

export async function loadDelivery(pool: pg.Pool, deliveryId: string): Promise<DeliveryWork | null> {
  const { rows } = await pool.query<DeliveryWork>(
    `SELECT d.id, d.webhook_id, d.event_type, d.payload, d.status, w.url, w.secret, w.active
       FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id WHERE d.id = $1`,
    [deliveryId],
  );
  return rows[0] ?? null;
}

export interface AttemptOutcome {
  status: 'pending' | 'succeeded' | 'failed';
  responseStatus: number | null;
  responseBody: string | null;
  error: string | null;
}

/** Records one attempt. A delivery that is no longer pending is left alone (returns false). */
export async function recordAttempt(pool: pg.Pool, deliveryId: string, o: AttemptOutcome): Promise<boolean> {
  const { rowCount } = await pool.query(
    `UPDATE webhook_deliveries
        SET status = $2::delivery_status, attempts = attempts + 1, response_status = $3, response_body = $4, error = $5,
            last_attempt_at = now(), delivered_at = CASE WHEN $2 = 'succeeded' THEN now() ELSE delivered_at END
      WHERE id = $1 AND status = 'pending'`,
    [deliveryId, o.status, o.responseStatus, o.responseBody, o.error],
  );
  return (rowCount ?? 0) > 0;
}

/** Settles a delivery that will not be attempted (webhook disabled, secret unreadable). */
export async function abandonDelivery(pool: pg.Pool, deliveryId: string, reason: string): Promise<void> {
  await pool.query(`UPDATE webhook_deliveries SET status = 'failed', error = $2 WHERE id = $1 AND status = 'pending'`, [
    deliveryId,
    reason,
  ]);
}

export async function disableWebhook(pool: pg.Pool, webhookId: string): Promise<void> {
  await pool.query('UPDATE webhooks SET active = false, updated_at = now() WHERE id = $1', [webhookId]);
}

export async function runWorkspace(pool: pg.Pool, runId: string): Promise<string | null> {
  const { rows } = await pool.query<{ workspace_id: string }>('SELECT workspace_id FROM runs WHERE id = $1', [runId]);
  return rows[0]?.workspace_id ?? null;
}

/** The audit's latest run created before this one that finished with answers. */
export async function previousFinishedRun(
  pool: pg.Pool,
  auditId: string,
  run: { id: string; created_at: Date },
): Promise<{ id: string; finished_at: Date } | null> {
  const { rows } = await pool.query<{ id: string; finished_at: Date }>(
    `SELECT id, finished_at FROM runs
      WHERE audit_id = $1 AND id <> $2 AND created_at < $3 AND status IN ('completed', 'completed_with_errors')
      ORDER BY created_at DESC, id DESC LIMIT 1`,
    [auditId, run.id, run.created_at],
  );
  return rows[0] ?? null;
}

export interface BrandRunCount {
  brand_id: string;
  brand_name: string;
  brand_kind: 'own' | 'competitor';
  run_id: string;
  mentioned: number;
  /** Successful analysed answers of the run; failed answers are counted apart, never as "not mentioned". */
  n: number;
}

/** Mention counts per brand of the workspace in each run, on the reports' definition of mention rate. */
export async function brandMentionCounts(
  pool: pg.Pool,
  workspaceId: string,
  runIds: string[],
): Promise<BrandRunCount[]> {
  const { rows } = await pool.query<BrandRunCount>(
    `WITH answers AS (
        SELECT id, run_id FROM responses WHERE run_id = ANY($2::uuid[]) AND status = 'succeeded' AND analyzed_at IS NOT NULL
     ), totals AS (
        SELECT run_id, count(*)::int AS n FROM answers GROUP BY run_id
     ), hits AS (
        SELECT a.run_id, m.brand_id, count(*)::int AS mentioned FROM answers a JOIN mentions m ON m.response_id = a.id GROUP BY a.run_id, m.brand_id
     )
     SELECT b.id AS brand_id, b.name AS brand_name, b.kind AS brand_kind, t.run_id, coalesce(h.mentioned, 0) AS mentioned, t.n
       FROM totals t CROSS JOIN brands b
       LEFT JOIN hits h ON h.run_id = t.run_id AND h.brand_id = b.id
      WHERE b.workspace_id = $1
      ORDER BY b.kind, b.name`,
    [workspaceId, runIds],
  );
  return rows;
}
