/**
 * Factories: each test builds exactly the data it needs, in its own organization, so tests never
 * depend on each other or on a shared seed.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from '../../src/db/client.js';
import { createApiKey } from '../../src/modules/api-keys/api-keys.service.js';
import { createOrganization } from '../../src/modules/organizations/organizations.service.js';
import type { Scope } from '../../src/plugins/auth.js';

export interface TestTenant {
  organizationId: string;
  key: string;
  headers: { authorization: string };
}

export async function createTenant(
  db: Database,
  scopes: Scope[] = ['admin'],
  opts: { expiresAt?: Date | null } = {},
): Promise<TestTenant> {
  const org = await createOrganization(db.prisma, `Test org ${randomUUID().slice(0, 8)}`);
  const { key } = await createApiKey(db.prisma, {
    organizationId: org.id,
    name: 'test',
    scopes,
    expiresAt: opts.expiresAt ?? null,
  });
  return { organizationId: org.id, key, headers: { authorization: `Bearer ${key}` } };
}

export async function keyFor(
  db: Database,
  organizationId: string,
  scopes: Scope[],
  opts: { expiresAt?: Date | null } = {},
) {
  const created = await createApiKey(db.prisma, {
    organizationId,
    name: `key ${scopes.join('+')}`,
    scopes,
    expiresAt: opts.expiresAt ?? null,
  });
  return { ...created, headers: { authorization: `Bearer ${created.key}` } };
}
