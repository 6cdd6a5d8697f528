import { z } from 'zod';
import { instant, listQuery, text, timestamp, uuid } from '../common.schemas.js';
import { apiKeyExample, apiKeyCreatedExample } from './api-keys.examples.js';

const scope = z.enum(['read', 'write', 'admin']);

export const apiKeyCreate = z
  .object({
    name: text(100),
    scopes: z
      .array(scope)
      .min(1)
      .max(3)
      .transform((s) => [...new Set(s)])
      .describe('admin includes write, write includes read'),
    expiresAt: instant
      .refine((v) => Date.parse(v) > Date.now(), 'must be in the future')
      .nullable()
      .default(null),
    workspaceIds: z
      .array(uuid)
      .min(1, 'must list at least one workspace; leave it out for a key that opens every workspace')
      .max(500)
      .optional()
      .describe(
        'Restricts the key to these workspaces of the organization: it opens no other workspace (404) and no organization-wide route (403). Left out: every workspace.',
      ),
  })
  .strict()
  .meta({
    examples: [
      { name: 'Reporting dashboard', scopes: ['read'], expiresAt: '2027-06-30T00:00:00Z' },
      { name: 'Client portal: Nimbus CRM', scopes: ['read'], workspaceIds: ['0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a03'] },
    ],
  });

export const apiKeyDto = z
  .object({
    id: uuid,
    organizationId: uuid,
    name: z.string(),
    prefix: z.string().describe('Visible start of the key, to tell keys apart'),
    scopes: z.array(scope),
    workspaceIds: z
      .array(uuid)
      .nullable()
      .describe('The only workspaces the key opens; null: every workspace of the organization'),
    expiresAt: timestamp.nullable(),
    revokedAt: timestamp.nullable(),
    lastUsedAt: timestamp.nullable().describe('Updated at most once a minute'),
    createdAt: timestamp,
  })
  .meta({ id: 'ApiKey', examples: [apiKeyExample] });

export const apiKeyCreated = apiKeyDto
  .extend({ key: z.string().describe('The whole key. Shown once: store it now, it cannot be retrieved later.') })
  .meta({ id: 'ApiKeyCreated', examples: [apiKeyCreatedExample] });

export const apiKeyParams = z.object({ apiKeyId: uuid }).strict();
export const apiKeyListQuery = listQuery.extend({ includeRevoked: z.stringbool().default(false) }).strict();

export type ApiKeyCreate = z.infer<typeof apiKeyCreate>;
export type ApiKeyDto = z.infer<typeof apiKeyDto>;
