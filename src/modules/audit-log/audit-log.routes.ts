import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { orgOf } from '../../plugins/auth.js';
import { problemResponses } from '../../plugins/openapi.js';
import { pageOf } from '../common.schemas.js';
import { auditEventDto, auditLogQuery } from './audit-log.schemas.js';
import * as service from './audit-log.service.js';

export async function auditLogRoutes(app: FastifyInstance, deps: service.AuditLogDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/v1/audit-log',
    {
      config: { scope: 'admin' },
      schema: {
        tags: ['Audit log'],
        summary: "The organization's audit log, newest first (owners and admins)",
        description:
          'Who did what and when: every sign-in, sign-out and password change, every change to members, ' +
          'invitations, API keys, provider keys and workspace data, by a person, an API key or the platform operator. ' +
          'Reads are not recorded. Filter by actor, action (exact, or a prefix ending in "." such as `brand.`), ' +
          'workspace and time; page with `limit` and `cursor`.',
        querystring: auditLogQuery,
        response: { 200: pageOf(auditEventDto), ...problemResponses },
      },
    },
    async (req) => service.listAuditEvents(deps, orgOf(req), req.query),
  );
}
