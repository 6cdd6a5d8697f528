/** Provider credential rows: the API's writes through Prisma, the workers' lookup on the pool. */
import type pg from 'pg';
import type { PrismaClient } from '../../db/client.js';
import type { ProviderCredential } from '../../generated/prisma/client.js';
import { newId } from '../../lib/ids.js';

/** Stores the organization's sealed credentials for a provider, replacing any before. */
export async function upsertCredential(
  prisma: PrismaClient,
  organizationId: string,
  provider: string,
  sealed: { secret: Uint8Array<ArrayBuffer>; hint: string },
): Promise<ProviderCredential> {
  return prisma.providerCredential.upsert({
    where: { organizationId_provider: { organizationId, provider } },
    create: { id: newId(), organizationId, provider, ...sealed },
    update: sealed,
  });
}

export async function listCredentialRows(prisma: PrismaClient, organizationId: string): Promise<ProviderCredential[]> {
  return prisma.providerCredential.findMany({ where: { organizationId }, orderBy: { provider: 'asc' } });
}

/** Deletes the organization's credentials for a provider; returns how many there were (0 or 1). */
export async function deleteCredentialRow(
  prisma: PrismaClient,
  organizationId: string,
  provider: string,
): Promise<number> {
  const { count } = await prisma.providerCredential.deleteMany({ where: { organizationId, provider } });
  return count;
}

/** The sealed credentials for a provider of the organization owning the workspace, or null. */
export async function workspaceCredentialSecret(
  pool: pg.Pool,
  workspaceId: string,
  provider: string,
): Promise<Buffer | null> {
  const { rows } = await pool.query<{ secret: Buffer }>(
    `SELECT pc.secret FROM provider_credentials pc JOIN workspaces w ON w.organization_id = pc.organization_id
      WHERE w.id = $1 AND pc.provider = $2`,
    [workspaceId, provider],
  );
  return rows[0]?.secret ?? null;
}
