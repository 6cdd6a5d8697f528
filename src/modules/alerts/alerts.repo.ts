/**
 * Alert rows. The API's rule CRUD, delivery log and unsubscribe go through Prisma; emission,
 * delivery and digests (workers and the scheduler) are statements on the pg pool.
 */
import type pg from 'pg';
import type { PrismaClient } from '../../db/client.js';
import { pageArgs, type PageQuery } from '../../db/pagination.js';
import type { AlertDelivery, AlertRule, DigestSend, Prisma } from '../../generated/prisma/client.js';
import { newId } from '../../lib/ids.js';
import type { AlertPayload } from './alerts.schemas.js';

// ---- Rules and deliveries through Prisma (the API) ----

export async function findRule(prisma: PrismaClient, workspaceId: string, ruleId: string): Promise<AlertRule | null> {
  return prisma.alertRule.findFirst({ where: { id: ruleId, workspaceId } });
}

export async function countRules(prisma: PrismaClient, workspaceId: string): Promise<number> {
  return prisma.alertRule.count({ where: { workspaceId } });
}

export async function insertRule(prisma: PrismaClient, data: Prisma.AlertRuleUncheckedCreateInput): Promise<AlertRule> {
  return prisma.alertRule.create({ data });
}

export async function listRuleRows(prisma: PrismaClient, workspaceId: string, q: PageQuery): Promise<AlertRule[]> {
  return prisma.alertRule.findMany(pageArgs(q, { workspaceId }));
}

export async function updateRuleRow(
  prisma: PrismaClient,
  ruleId: string,
  data: Prisma.AlertRuleUncheckedUpdateInput,
): Promise<AlertRule> {
  return prisma.alertRule.update({ where: { id: ruleId }, data });
}

export async function deleteRuleRow(prisma: PrismaClient, ruleId: string): Promise<void> {
  await prisma.alertRule.delete({ where: { id: ruleId } });
}

export async function listDeliveryRows(
  prisma: PrismaClient,
  ruleId: string,
  q: PageQuery & { status?: AlertDelivery['status'] },
): Promise<AlertDelivery[]> {
  return prisma.alertDelivery.findMany(pageArgs(q, { ruleId, ...(q.status ? { status: q.status } : {}) }, 'desc'));
}

export async function listDigestRows(
  prisma: PrismaClient,
  ruleId: string,
  q: PageQuery & { status?: DigestSend['status'] },
): Promise<DigestSend[]> {
  return prisma.digestSend.findMany(pageArgs(q, { ruleId, ...(q.status ? { status: q.status } : {}) }, 'desc'));
}

/** A rule with its workspace's name and organization, for the public unsubscribe page. */
export async function findRuleWithWorkspace(prisma: PrismaClient, ruleId: string) {
  return prisma.alertRule.findUnique({
    where: { id: ruleId },
    include: { workspace: { select: { name: true, organizationId: true } } },
  });
}

export async function markRuleUnsubscribed(prisma: PrismaClient, ruleId: string): Promise<void> {
  await prisma.alertRule.update({ where: { id: ruleId }, data: { active: false, unsubscribedAt: new Date() } });
}

// ---- Emission (the run follow-up) ----

export async function auditBudget(
  pool: pg.Pool,
  auditId: string,
): Promise<{ name: string; budget: string | null } | null> {
  const { rows } = await pool.query<{ name: string; budget: string | null }>(
    'SELECT name, budget_per_month_usd AS budget FROM audits WHERE id = $1',
    [auditId],
  );
  return rows[0] ?? null;
}

export interface DomainCiteCount {
  domain: string;
  with_run: number;
  without_run: number;
}

/** Citations per domain over the `days` up to `end`, with and without the answers of the run. */
export async function domainCitesAroundRun(
  pool: pg.Pool,
  workspaceId: string,
  runId: string,
  end: Date,
  days: number,
): Promise<DomainCiteCount[]> {
  const { rows } = await pool.query<DomainCiteCount>(
    `SELECT c.domain, count(*)::int AS with_run, count(*) FILTER (WHERE r.run_id <> $2)::int AS without_run
       FROM citations c JOIN responses r ON r.id = c.response_id
       JOIN runs ru ON ru.id = r.run_id
      WHERE c.workspace_id = $1 AND ru.created_at > $3::timestamptz - make_interval(days => $4) AND ru.created_at <= $3
      GROUP BY c.domain`,
    [workspaceId, runId, end, days],
  );
  return rows;
}

export interface ActiveRule {
  id: string;
  events: string[];
}

export async function activeRules(pool: pg.Pool, workspaceId: string): Promise<ActiveRule[]> {
  const { rows } = await pool.query<ActiveRule>(
    `SELECT id, events FROM alert_rules WHERE workspace_id = $1 AND active AND cardinality(events) > 0 ORDER BY id`,
    [workspaceId],
  );
  return rows;
}

export interface NewDelivery {
  ruleId: string;
  dedupKey: string;
  eventType: string;
  payload: AlertPayload;
}

/** Records one delivery per (rule, key) and returns the ids of those still pending, new or not. */
export async function insertPendingDeliveries(pool: pg.Pool, rows: NewDelivery[]): Promise<string[]> {
  if (!rows.length) return [];
  const ruleIds = rows.map((p) => p.ruleId);
  const keys = rows.map((p) => p.dedupKey);
  await pool.query(
    `INSERT INTO alert_deliveries (id, rule_id, dedup_key, event_type, payload)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::jsonb[])
     ON CONFLICT (rule_id, dedup_key) DO NOTHING`,
    [rows.map(() => newId()), ruleIds, keys, rows.map((p) => p.eventType), rows.map((p) => JSON.stringify(p.payload))],
  );
  const { rows: pending } = await pool.query<{ id: string }>(
    `SELECT d.id FROM alert_deliveries d
       JOIN unnest($1::uuid[], $2::text[]) AS u(rule_id, dedup_key) ON d.rule_id = u.rule_id AND d.dedup_key = u.dedup_key
      WHERE d.status = 'pending' ORDER BY d.id`,
    [ruleIds, keys],
  );
  return pending.map((r) => r.id);
}

// ---- Delivery (the alerts worker) ----

export interface DeliveryWork {
  id: string;
  status: 'pending' | 'succeeded' | 'failed';
  payload: AlertPayload;
  rule_id: string;
  name: string;
  channel: 'email' | 'slack';
  email: string | null;
  slack_url: string | null;
  active: boolean;
  unsubscribe_secret: string;
  workspace_name: string;
  organization_id: string;
}

export async function loadAlertDelivery(pool: pg.Pool, deliveryId: string): Promise<DeliveryWork | null> {
  const { rows } = await pool.query<DeliveryWork>(
    `SELECT d.id, d.status, d.payload, r.id AS rule_id, r.name, r.channel, r.email, r.slack_url, r.active, r.unsubscribe_secret,
            w.name AS workspace_name, w.organization_id
       FROM alert_deliveries d JOIN alert_rules r ON r.id = d.rule_id JOIN workspaces w ON w.id = r.workspace_id
      WHERE d.id = $1`,
    [deliveryId],
  );
  return rows[0] ?? null;
}

/** Records an attempt of a pending delivery; false when another attempt settled it first. */
export async function settleAlertDelivery(
  pool: pg.Pool,
  id: string,
  status: string,
  error: string | null,
): Promise<boolean> {
  const { rowCount } = await pool.query(
    `UPDATE alert_deliveries SET status = $2::delivery_status, attempts = attempts + 1, error = $3, last_attempt_at = now(),
            delivered_at = CASE WHEN $2 = 'succeeded' THEN now() ELSE delivered_at END
      WHERE id = $1 AND status = 'pending'`,
    [id, status, error],
  );
  return (rowCount ?? 0) > 0;
}

/** Fails a still pending delivery without counting an attempt (the rule no longer sends). */
export async function failPendingAlertDelivery(pool: pg.Pool, id: string, error: string): Promise<void> {
  await pool.query(`UPDATE alert_deliveries SET status = 'failed', error = $2 WHERE id = $1 AND status = 'pending'`, [
    id,
    error,
  ]);
}

// ---- Digests ----

export type DigestFrequency = 'weekly' | 'monthly';

export interface DigestRule {
  id: string;
  workspace_id: string;
  digest: DigestFrequency;
  timezone: string;
  created_at: Date;
}

/** Active email rules asking for a digest, with their workspace's time zone. */
export async function digestRules(pool: pg.Pool): Promise<DigestRule[]> {
  const { rows } = await pool.query<DigestRule>(
    `SELECT r.id, r.workspace_id, r.digest, w.timezone, r.created_at
       FROM alert_rules r JOIN workspaces w ON w.id = r.workspace_id
      WHERE r.active AND r.digest IS NOT NULL AND r.channel = 'email' AND r.email IS NOT NULL`,
  );
  return rows;
}

export interface DigestClaim {
  ruleId: string;
  workspaceId: string;
  start: Date;
  end: Date;
}

/** Inserts the (rule, period) rows; returns the ids of those this call inserted (its claims). */
export async function claimDigests(pool: pg.Pool, claims: DigestClaim[]): Promise<string[]> {
  if (!claims.length) return [];
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO digest_sends (id, rule_id, workspace_id, period_start, period_end)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::timestamptz[], $5::timestamptz[])
     ON CONFLICT (rule_id, period_start) DO NOTHING RETURNING id`,
    [
      claims.map(() => newId()),
      claims.map((c) => c.ruleId),
      claims.map((c) => c.workspaceId),
      claims.map((c) => c.start),
      claims.map((c) => c.end),
    ],
  );
  return rows.map((r) => r.id);
}

/** Claims not sent since `before`: claimed again (attempts + 1); returns their ids. */
export async function reclaimStaleDigests(pool: pg.Pool, before: Date): Promise<string[]> {
  const { rows } = await pool.query<{ id: string }>(
    `UPDATE digest_sends SET claimed_at = now(), attempts = attempts + 1
      WHERE status = 'claimed' AND claimed_at < $1 RETURNING id`,
    [before],
  );
  return rows.map((r) => r.id);
}

export interface DigestWork {
  id: string;
  status: 'claimed' | 'sent' | 'failed';
  period_start: Date;
  period_end: Date;
  rule_id: string;
  name: string;
  email: string | null;
  active: boolean;
  digest: DigestFrequency;
  digest_pdf: boolean;
  unsubscribe_secret: string;
  workspace_id: string;
  workspace_name: string;
  timezone: string;
  organization_id: string;
}

export async function loadDigestSend(pool: pg.Pool, digestId: string): Promise<DigestWork | null> {
  const { rows } = await pool.query<DigestWork>(
    `SELECT s.id, s.status, s.period_start, s.period_end, r.id AS rule_id, r.name, r.email, r.active, r.digest, r.digest_pdf,
            r.unsubscribe_secret, w.id AS workspace_id, w.name AS workspace_name, w.timezone, w.organization_id
       FROM digest_sends s JOIN alert_rules r ON r.id = s.rule_id JOIN workspaces w ON w.id = s.workspace_id
      WHERE s.id = $1`,
    [digestId],
  );
  return rows[0] ?? null;
}

export async function failClaimedDigest(pool: pg.Pool, id: string, error: string): Promise<void> {
  await pool.query(`UPDATE digest_sends SET status = 'failed', error = $2 WHERE id = $1 AND status = 'claimed'`, [
    id,
    error,
  ]);
}

export async function recordDigestError(pool: pg.Pool, id: string, error: string): Promise<void> {
  await pool.query('UPDATE digest_sends SET error = $2 WHERE id = $1', [id, error]);
}

export async function markDigestSent(pool: pg.Pool, id: string): Promise<void> {
  await pool.query(`UPDATE digest_sends SET status = 'sent', sent_at = now(), error = NULL WHERE id = $1`, [id]);
}

/** The organization of a workspace, or null when it is gone. */
export async function workspaceOrganization(pool: pg.Pool, workspaceId: string): Promise<string | null> {
  const { rows } = await pool.query<{ organization_id: string }>(
    'SELECT organization_id FROM workspaces WHERE id = $1',
    [workspaceId],
  );
  return rows[0]?.organization_id ?? null;
}
