/** The audit log's rows: written in batches, read newest first by organization with filters. */
import type pg from 'pg';
import { sqlAfterCursor, toPage, type Page } from '../../db/pagination.js';

/** 'link': someone holding a link sent by email (an unsubscribe link), not signed in. */
export type ActorType = 'user' | 'api_key' | 'platform' | 'link';

/** One row of audit_events, as written and read. */
export interface AuditEventRow {
  id: string;
  organizationId: string;
  workspaceId: string | null;
  actorType: ActorType;
  actorId: string | null;
  actorLabel: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
  ip: string | null;
  requestId: string | null;
  createdAt: Date;
}

const COLUMNS = `id uuid, organization_id uuid, workspace_id uuid, actor_type text, actor_id text, actor_label text,
  action text, target_type text, target_id text, details jsonb, ip text, request_id text, created_at timestamptz`;

/** Inserts events in one statement; the rows travel as one JSON parameter, whatever their number. */
export async function insertAuditEvents(pool: pg.Pool, rows: AuditEventRow[]): Promise<void> {
  if (rows.length === 0) return;
  const json = rows.map((r) => ({
    id: r.id,
    organization_id: r.organizationId,
    workspace_id: r.workspaceId,
    actor_type: r.actorType,
    actor_id: r.actorId,
    actor_label: r.actorLabel,
    action: r.action,
    target_type: r.targetType,
    target_id: r.targetId,
    details: r.details,
    ip: r.ip,
    request_id: r.requestId,
    created_at: r.createdAt.toISOString(),
  }));
  await pool.query(
    `INSERT INTO audit_events (id, organization_id, workspace_id, actor_type, actor_id, actor_label, action,
                               target_type, target_id, details, ip, request_id, created_at)
     SELECT id, organization_id, workspace_id, actor_type, actor_id, actor_label, action,
            target_type, target_id, COALESCE(details, '{}'::jsonb), ip, request_id, created_at
       FROM jsonb_to_recordset($1::jsonb) AS r(${COLUMNS})`,
    [JSON.stringify(json)],
  );
}

export interface AuditEventFilter {
  actorType?: ActorType | undefined;
  actorId?: string | undefined;
  /** An exact action, or a prefix ending with "." (`brand.`). */
  action?: string | undefined;
  workspaceId?: string | undefined;
  /** Inclusive. */
  from?: Date | undefined;
  /** Exclusive. */
  to?: Date | undefined;
}

/** One page of an organization's events, newest first. */
export async function findAuditEventsPage(
  pool: pg.Pool,
  organizationId: string,
  filter: AuditEventFilter,
  page: { limit: number; cursor?: string | undefined },
): Promise<Page<AuditEventRow>> {
  const prefix = filter.action?.endsWith('.') ? filter.action : null;
  const exact = filter.action && !prefix ? filter.action : null;
  const { rows } = await pool.query(
    `SELECT id, organization_id, workspace_id, actor_type, actor_id, actor_label, action, target_type, target_id,
            details, ip, request_id, created_at
       FROM audit_events
      WHERE organization_id = $1
        AND ($2::text IS NULL OR actor_type = $2)
        AND ($3::text IS NULL OR actor_id = $3)
        AND ($4::text IS NULL OR action = $4)
        AND ($5::text IS NULL OR left(action, length($5)) = $5)
        AND ($6::uuid IS NULL OR workspace_id = $6)
        AND ($7::timestamptz IS NULL OR created_at >= $7)
        AND ($8::timestamptz IS NULL OR created_at < $8)
        AND ${sqlAfterCursor('id', '$9', 'desc')}
      ORDER BY id DESC
      LIMIT $10`,
    [
      organizationId,
      filter.actorType ?? null,
      filter.actorId ?? null,
      exact,
      prefix,
      filter.workspaceId ?? null,
      filter.from ?? null,
      filter.to ?? null,
      page.cursor ?? null,
      page.limit + 1,
    ],
  );
  return toPage(
    rows.map((r) => ({
      id: r.id,
      organizationId: r.organization_id,
      workspaceId: r.workspace_id,
      actorType: r.actor_type,
      actorId: r.actor_id,
      actorLabel: r.actor_label,
      action: r.action,
      targetType: r.target_type,
      targetId: r.target_id,
      details: r.details,
      ip: r.ip,
      requestId: r.request_id,
      createdAt: r.created_at,
    })),
    page.limit,
  );
}

/** A person's email and the organizations they belong to (none if the person is unknown). */
export async function findPersonOrganizations(
  pool: pg.Pool,
  userId: string,
): Promise<{ email: string; organizationIds: string[] } | null> {
  const { rows } = await pool.query(
    `SELECT u.email, COALESCE(array_agg(m.organization_id) FILTER (WHERE m.organization_id IS NOT NULL), '{}') AS orgs
       FROM users u LEFT JOIN memberships m ON m.user_id = u.id
      WHERE u.id = $1
      GROUP BY u.email`,
    [userId],
  );
  const row = rows[0];
  return row ? { email: row.email, organizationIds: row.orgs } : null;
}
