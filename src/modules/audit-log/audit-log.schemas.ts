import { z } from 'zod';
import { instant, listQuery, timestamp, uuid } from '../common.schemas.js';
import { apiKeyEventExample, auditEventExample } from './audit-log.examples.js';

export const actorType = z.enum(['user', 'api_key', 'platform', 'link']);

export const auditLogQuery = listQuery
  .extend({
    actorType: actorType
      .optional()
      .describe(
        'user (a signed-in person), api_key, platform (the operator), or link (someone using a link sent by email, such as an unsubscribe link)',
      ),
    actorId: uuid.optional().describe("The person's or API key's id"),
    action: z
      .string()
      .regex(
        /^[a-z_]+\.[a-z_]*$/,
        'must be an action such as brand.create, or a prefix ending with "." such as brand. (every brand action)',
      )
      .max(100)
      .optional()
      .describe('An action (brand.create), or every action of a resource with a prefix ending in "." (brand.)'),
    workspaceId: uuid.optional().describe('Events of this workspace only'),
    from: instant.optional().describe('Events at or after this instant'),
    to: instant.optional().describe('Events before this instant'),
  })
  .strict()
  .refine((q) => !q.from || !q.to || Date.parse(q.from) < Date.parse(q.to), {
    message: 'must be after from',
    path: ['to'],
  });
export type AuditLogQuery = z.infer<typeof auditLogQuery>;

export const auditEventDto = z
  .object({
    id: uuid,
    createdAt: timestamp,
    actor: z.object({
      type: actorType,
      id: z.string().nullable().describe("The person's or key's id; null for the platform operator"),
      label: z.string().describe("The person's email or the key's prefix, as they were at the time"),
    }),
    action: z.string().describe('resource.verb: brand.create, api_key.revoke, member.update, session.sign_in…'),
    workspaceId: uuid.nullable(),
    target: z
      .object({
        type: z.string(),
        id: z.string().describe('A record id, or a provider name for provider keys'),
      })
      .nullable()
      .describe('The record acted on, when there is one'),
    details: z
      .record(z.string(), z.unknown())
      .describe('A short summary of what was sent; secrets (keys, passwords, tokens) appear as "[redacted]"'),
    ip: z.string().nullable(),
    requestId: z.string().nullable().describe('The x-request-id of the request, to find it in the logs'),
  })
  .meta({ id: 'AuditEvent', examples: [auditEventExample, apiKeyEventExample] });
export type AuditEventDto = z.infer<typeof auditEventDto>;
