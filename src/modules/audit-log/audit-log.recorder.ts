/**
 * Writing audit events. Recording never slows or fails what is being recorded: events are queued
 * and written after the answer has left, several in one statement (Batcher), and a failed write
 * is logged with the event, never thrown. Nothing queued is lost on a graceful shutdown: the app
 * drains the recorder when it closes, and the server drains it once more after the last request.
 *
 * Other code records through:
 * - `app.auditLog.record(event)` inside the API (batched; the way to record from a route outside
 *   the authenticated /v1 context, such as accepting an invitation);
 * - `recordAuditEvent({ db, logger }, event)` anywhere else (the CLI): one direct insert.
 *
 * ```ts
 * app.auditLog.record({
 *   organizationId, actor: { type: 'user', id: userId, label: email },
 *   action: 'invitation.accept', target: { type: 'invitation', id: invitationId },
 *   details: { role }, ip: request.ip, requestId: request.id,
 * });
 * ```
 */
import type { Deps } from '../../deps.js';
import { Batcher } from '../../lib/batcher.js';
import { newId } from '../../lib/ids.js';
import type { Principal } from '../../plugins/auth.js';
import { summarize } from './audit-log.details.js';
import { type ActorType, type AuditEventRow, findPersonOrganizations, insertAuditEvents } from './audit-log.repo.js';

export interface Actor {
  type: ActorType;
  /** The person's or key's id; null for the platform operator. */
  id: string | null;
  /** The person's email or the key's prefix at the time ("platform" for the operator). */
  label: string;
}

/** What happened, as callers describe it. */
export interface AuditEventInput {
  organizationId: string;
  workspaceId?: string | null;
  actor: Actor;
  /** `resource.verb`, e.g. `invitation.accept` (see audit-log.actions.ts). */
  action: string;
  target?: { type: string; id: string } | null;
  /** A small summary; secrets are redacted by field name before it is stored. */
  details?: Record<string, unknown>;
  ip?: string | null;
  requestId?: string | null;
  /** Default: now. */
  at?: Date;
}

/** The actor of a request's principal. */
export function actorOf(principal: Principal): Actor {
  return { type: principal.type, id: principal.id, label: principal.label };
}

export function toRow(event: AuditEventInput): AuditEventRow {
  return {
    id: newId(),
    organizationId: event.organizationId,
    workspaceId: event.workspaceId ?? null,
    actorType: event.actor.type,
    actorId: event.actor.id,
    actorLabel: event.actor.label,
    action: event.action,
    targetType: event.target?.type ?? null,
    targetId: event.target?.id ?? null,
    details: summarize(event.details ?? {}),
    ip: event.ip ?? null,
    requestId: event.requestId ?? null,
    createdAt: event.at ?? new Date(),
  };
}

/** Records one event at once (one insert). Never throws: a failure is logged with the event. */
export async function recordAuditEvent(deps: Pick<Deps, 'db' | 'logger'>, event: AuditEventInput): Promise<void> {
  const row = toRow(event);
  try {
    await insertAuditEvents(deps.db.pool, [row]);
  } catch (err) {
    deps.logger.error({ err, auditEvent: row }, 'audit event not recorded');
  }
}

/** Something a person did, to be recorded in every organization they belong to. */
export interface PersonEvent {
  userId: string;
  action: string;
  target?: { type: string; id: string } | null;
  details?: Record<string, unknown>;
  ip?: string | null;
  requestId?: string | null;
}

export interface AuditRecorderOptions {
  /** Events written in one statement at most. */
  maxBatch?: number;
  /** How long the first queued event waits for others before the batch is written. */
  maxWaitMs?: number;
}

export class AuditRecorder {
  private readonly batcher: Batcher<AuditEventRow, null>;
  /** Lookups still running before their events can be queued (people's events). */
  private readonly pending = new Set<Promise<void>>();
  /** Write routes of the authenticated API and their actions, as registered (for tests and docs). */
  readonly routes: Array<{ method: string; url: string; action: string }> = [];
  /** POST routes that change nothing (previews), hence record nothing (config.readOnly). */
  readonly readOnlyRoutes: Array<{ method: string; url: string }> = [];

  constructor(
    private readonly deps: Pick<Deps, 'db' | 'logger'>,
    options: AuditRecorderOptions = {},
  ) {
    this.batcher = new Batcher({
      maxSize: options.maxBatch ?? 100,
      maxWaitMs: options.maxWaitMs ?? 50,
      flush: (rows) => this.write(rows),
    });
  }

  /** Queues an event; returns at once. */
  record(event: AuditEventInput): void {
    let row: AuditEventRow;
    try {
      row = toRow(event);
    } catch (err) {
      this.deps.logger.error({ err, action: event.action }, 'audit event not recorded');
      return;
    }
    // write() logs its own failures; the batch's promise never rejects.
    this.batcher.add(row).catch(() => {});
  }

  /**
   * Records what a person did in each organization they belong to (signing in, changing their
   * password): none if they belong to none.
   */
  recordForPerson(event: PersonEvent): void {
    const lookup = findPersonOrganizations(this.deps.db.pool, event.userId)
      .then((person) => {
        if (!person) return;
        const at = new Date();
        for (const organizationId of person.organizationIds) {
          this.record({
            organizationId,
            actor: { type: 'user', id: event.userId, label: person.email },
            action: event.action,
            target: event.target ?? null,
            details: event.details ?? {},
            ip: event.ip ?? null,
            requestId: event.requestId ?? null,
            at,
          });
        }
      })
      .catch((err) => {
        this.deps.logger.error({ err, auditEvent: event }, 'audit event not recorded');
      })
      .finally(() => this.pending.delete(lookup));
    this.pending.add(lookup);
  }

  /** Writes everything queued and waits for it (shutdown, tests). */
  async drain(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
    await this.batcher.drain();
  }

  /**
   * One statement for the batch. If it fails (an organization deleted meanwhile, a value Postgres
   * refuses), each event is tried alone, so one bad event never costs the others.
   */
  private async write(rows: AuditEventRow[]): Promise<null[]> {
    try {
      await insertAuditEvents(this.deps.db.pool, rows);
    } catch (batchErr) {
      if (rows.length === 1) {
        this.deps.logger.error({ err: batchErr, auditEvent: rows[0] }, 'audit event not recorded');
      } else {
        for (const row of rows) {
          await insertAuditEvents(this.deps.db.pool, [row]).catch((err) => {
            this.deps.logger.error({ err, auditEvent: row }, 'audit event not recorded');
          });
        }
      }
    }
    return rows.map(() => null);
  }
}
