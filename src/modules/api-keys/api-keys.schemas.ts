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
  })
  .strict()
  .meta({ examples: [{ name: 'Reporting dashboard', scopes: ['read'], expiresAt: '2027-06-30T00:00:00Z' }] });

export const apiKeyDto = z
  .object({
    id: uuid,
    organizationId: uuid,
    name: z.string(),
    prefix: z.string().describe('Visible start of the key, to tell keys apart'),
    scopes: z.array(scope),
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
