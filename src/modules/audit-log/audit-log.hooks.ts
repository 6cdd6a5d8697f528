/**
 * Recording every write of the authenticated API: each route that changes something gets its
 * action name when it is registered (audit-log.actions.ts), and each of its requests that
 * succeeds (2xx) is recorded once, after the answer has been sent, with who made it (person, key
 * or platform operator), the workspace and record acted on, a redacted summary of what was sent,
 * the client's address and the request id. Reads and refused requests record nothing.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Logger } from '../../lib/logger.js';
import { actionOf, isWrite, type RouteAction } from './audit-log.actions.js';
import { detailsOfWrite } from './audit-log.details.js';
import { type AuditRecorder, actorOf, toRow } from './audit-log.recorder.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The audit action of this write route, when the derived one reads badly (audit-log.actions.ts). */
    audit?: string;
    /**
     * A POST that changes nothing (a preview computed from the body): not recorded, and listed in
     * AuditRecorder.readOnlyRoutes so the audit-log tests know it was left out on purpose.
     */
    readOnly?: boolean;
  }
}

/** Adds the recording hooks to the authenticated context; call before its routes are registered. */
export function auditHooks(api: FastifyInstance, recorder: AuditRecorder, logger: Logger): void {
  const byRoute = new Map<string, RouteAction>();
  const answers = new WeakMap<FastifyRequest, unknown>();

  api.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (!isWrite(method)) continue;
      if (route.config?.readOnly) {
        recorder.readOnlyRoutes.push({ method, url: route.url });
        continue;
      }
      const found = actionOf(method, route.url, route.config?.audit);
      byRoute.set(`${method} ${route.url}`, found);
      recorder.routes.push({ method, url: route.url, action: found.action });
    }
  });

  // The answer is needed for what the request created (its id) and names (a key's prefix).
  api.addHook('onSend', async (request, reply, payload) => {
    if (typeof payload === 'string' && isWrite(request.method) && reply.statusCode < 300) answers.set(request, payload);
    return payload;
  });

  // Not async, and nothing awaited: the event is queued in the same turn as the answer finishes.
  api.addHook('onResponse', (request, reply, done) => {
    try {
      const auth = request.auth;
      const route = byRoute.get(`${request.method} ${request.routeOptions.url}`);
      if (!auth || !route || reply.statusCode < 200 || reply.statusCode >= 300) return;
      // A replayed answer (Idempotency-Key) created nothing: the first request was recorded.
      if (reply.getHeader('idempotent-replayed')) return;
      const answer = parseAnswer(answers.get(request));
      const params = (request.params ?? {}) as Record<string, string | undefined>;
      const answerId = typeof answer?.id === 'string' ? answer.id : null;
      const targetId = route.targetParam ? (params[route.targetParam] ?? null) : answerId;
      const target = targetId ? { type: route.targetType, id: targetId } : null;
      const details = detailsOfWrite(request.body, answer);
      const meta = { ip: request.ip, requestId: request.id };
      if (request.routeOptions.config.personal && auth.principal.type === 'user') {
        recorder.recordForPerson({ userId: auth.principal.id, action: route.action, target, details, ...meta });
        return;
      }
      const organizationId =
        auth.organizationId ?? params.organizationId ?? (route.targetType === 'organization' ? targetId : null);
      if (!organizationId) {
        logger.warn({ action: route.action, url: request.url }, 'audit event without an organization; not recorded');
        return;
      }
      const event = {
        organizationId,
        workspaceId: params.workspaceId ?? (route.targetType === 'workspace' ? targetId : null),
        actor: actorOf(auth.principal),
        action: route.action,
        target,
        details,
        ...meta,
      };
      if (route.targetType === 'organization' && request.method === 'DELETE') {
        // The organization's audit log went with it: the deletion is kept in the log instead.
        logger.info({ auditEvent: toRow(event) }, 'organization deleted with its audit log');
        return;
      }
      recorder.record(event);
    } catch (err) {
      logger.error({ err, url: request.url }, 'audit event not recorded');
    } finally {
      done();
    }
  });
}

function parseAnswer(payload: unknown): Record<string, unknown> | null {
  if (typeof payload !== 'string' || !payload.startsWith('{')) return null;
  try {
    return JSON.parse(payload) as Record<string, unknown>;
  } catch {
    return null;
  }
}
