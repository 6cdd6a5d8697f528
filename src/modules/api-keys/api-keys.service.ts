/**
 * API keys: the secret is returned once, at creation; only its SHA-256 is stored, with the
 * visible prefix that lets users tell keys apart. Revoking keeps the record (with revokedAt) so
 * the key list stays an audit trail.
 */
import type { PrismaClient } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';
import type { CredentialCache, Scope } from '../../plugins/auth.js';
import { iso, isoOrNull, type Page } from '../common.schemas.js';
import { requireOrganizationWorkspaces } from '../workspaces/workspaces.service.js';
import {
  type ApiKeyRecord,
  countOtherActiveAdminKeys,
  findApiKey,
  findApiKeysPage,
  insertApiKey,
  markApiKeyRevoked,
} from './api-keys.repo.js';
import { generateApiKey } from './api-keys.keys.js';
import type { ApiKeyDto } from './api-keys.schemas.js';

export interface CreatedKey {
  record: ApiKeyRecord;
  /** The whole key: shown once, never retrievable again. */
  key: string;
}

export interface ApiKeysDeps {
  prisma: PrismaClient;
  cache: CredentialCache;
}

export function toApiKeyDto(k: ApiKeyRecord): ApiKeyDto {
  return {
    id: k.id,
    organizationId: k.organizationId,
    name: k.name,
    prefix: k.prefix,
    scopes: k.scopes,
    workspaceIds: k.workspaceRestricted ? k.workspaces.map((w) => w.workspaceId) : null,
    expiresAt: isoOrNull(k.expiresAt),
    revokedAt: isoOrNull(k.revokedAt),
    lastUsedAt: isoOrNull(k.lastUsedAt),
    createdAt: iso(k.createdAt),
  };
}

/**
 * A new key. With `workspaceIds` it is restricted to those workspaces of the organization (each
 * checked; unknown ones are refused by name): it opens no other workspace and no
 * organization-wide route.
 */
export async function createApiKey(
  prisma: PrismaClient,
  input: {
    organizationId: string;
    name: string;
    scopes: Scope[];
    expiresAt?: Date | null;
    workspaceIds?: string[] | null | undefined;
  },
): Promise<CreatedKey> {
  const workspaceIds = input.workspaceIds
    ? await requireOrganizationWorkspaces(prisma, input.organizationId, input.workspaceIds)
    : null;
  const { key, prefix, secretHash } = generateApiKey();
  const record = await insertApiKey(prisma, {
    organizationId: input.organizationId,
    name: input.name,
    prefix,
    secretHash,
    scopes: input.scopes,
    expiresAt: input.expiresAt ?? null,
    workspaceIds,
  });
  return { record, key };
}

export async function listApiKeys(
  deps: ApiKeysDeps,
  orgId: string,
  q: { limit: number; cursor?: string | undefined; includeRevoked: boolean },
): Promise<Page<ApiKeyDto>> {
  const page = await findApiKeysPage(deps.prisma, orgId, q);
  return { data: page.data.map(toApiKeyDto), nextCursor: page.nextCursor };
}

async function requireKey(prisma: PrismaClient, orgId: string, id: string): Promise<ApiKeyRecord> {
  const key = await findApiKey(prisma, orgId, id);
  if (!key) throw AppError.notFound('API key');
  return key;
}

export async function getApiKey(deps: ApiKeysDeps, orgId: string, id: string): Promise<ApiKeyDto> {
  return toApiKeyDto(await requireKey(deps.prisma, orgId, id));
}

export async function revokeApiKey(
  deps: ApiKeysDeps,
  orgId: string,
  id: string,
  callerKeyId: string | null,
): Promise<ApiKeyDto> {
  const key = await requireKey(deps.prisma, orgId, id);
  if (key.id === callerKeyId) {
    const otherAdmins = await countOtherActiveAdminKeys(deps.prisma, orgId, id);
    if (otherAdmins === 0)
      throw new AppError(
        'conflict',
        'This is the last active admin key of the organization; create another admin key before revoking it.',
      );
  }
  const revoked = key.revokedAt ? key : await markApiKeyRevoked(deps.prisma, id, new Date());
  deps.cache.forgetKey(id);
  return toApiKeyDto(revoked);
}
