/** Reading the audit log: an organization's events, newest first, filtered. */
import type { Deps } from '../../deps.js';
import type { Page } from '../../db/pagination.js';
import { type AuditEventRow, findAuditEventsPage } from './audit-log.repo.js';
import type { AuditEventDto, AuditLogQuery } from './audit-log.schemas.js';

export type AuditLogDeps = Pick<Deps, 'db'>;

export function toAuditEventDto(row: AuditEventRow): AuditEventDto {
  return {
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    actor: { type: row.actorType, id: row.actorId, label: row.actorLabel },
    action: row.action,
    workspaceId: row.workspaceId,
    target: row.targetType && row.targetId ? { type: row.targetType, id: row.targetId } : null,
    details: row.details,
    ip: row.ip,
    requestId: row.requestId,
  };
}

export async function listAuditEvents(
  deps: AuditLogDeps,
  organizationId: string,
  q: AuditLogQuery,
): Promise<Page<AuditEventDto>> {
  const page = await findAuditEventsPage(
    deps.db.pool,
    organizationId,
    {
      actorType: q.actorType,
      actorId: q.actorId,
      action: q.action,
      workspaceId: q.workspaceId,
      from: q.from ? new Date(q.from) : undefined,
      to: q.to ? new Date(q.to) : undefined,
    },
    q,
  );
  return { data: page.data.map(toAuditEventDto), nextCursor: page.nextCursor };
}
