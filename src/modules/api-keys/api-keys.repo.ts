/** API key records. Only the SHA-256 of a key is stored; lookups by it are how requests authenticate. */
import type { PrismaClient } from '../../db/client.js';
import { pageArgs, toPage, type Page } from '../../db/pagination.js';
import type { ApiKey, ApiKeyScope } from '../../generated/prisma/client.js';
import { newId } from '../../lib/ids.js';

export async function insertApiKey(
  prisma: PrismaClient,
  input: {
    organizationId: string;
    name: string;
    prefix: string;
    secretHash: string;
    scopes: ApiKeyScope[];
    expiresAt: Date | null;
  },
): Promise<ApiKey> {
  return prisma.apiKey.create({ data: { id: newId(), ...input } });
}

/** One page of an organization's keys, oldest first; revoked ones only when asked. */
export async function findApiKeysPage(
  prisma: PrismaClient,
  organizationId: string,
  q: { limit: number; cursor?: string | undefined; includeRevoked: boolean },
): Promise<Page<ApiKey>> {
  const where = { organizationId, ...(q.includeRevoked ? {} : { revokedAt: null }) };
  return toPage(await prisma.apiKey.findMany(pageArgs(q, where)), q.limit);
}

export async function findApiKey(prisma: PrismaClient, organizationId: string, id: string): Promise<ApiKey | null> {
  return prisma.apiKey.findFirst({ where: { id, organizationId } });
}

/** Active admin keys of the organization other than `exceptId`. */
export async function countOtherActiveAdminKeys(
  prisma: PrismaClient,
  organizationId: string,
  exceptId: string,
): Promise<number> {
  return prisma.apiKey.count({
    where: { organizationId, id: { not: exceptId }, revokedAt: null, scopes: { has: 'admin' } },
  });
}

export async function markApiKeyRevoked(prisma: PrismaClient, id: string, at: Date): Promise<ApiKey> {
  return prisma.apiKey.update({ where: { id }, data: { revokedAt: at } });
}

/** The key whose secret hashes to `secretHash`, revoked or not. */
export async function findApiKeyBySecretHash(prisma: PrismaClient, secretHash: string): Promise<ApiKey | null> {
  return prisma.apiKey.findUnique({ where: { secretHash } });
}

export async function recordApiKeyUse(prisma: PrismaClient, id: string, at: Date): Promise<void> {
  await prisma.apiKey.update({ where: { id }, data: { lastUsedAt: at } });
}
