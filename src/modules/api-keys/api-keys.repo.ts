/** API key records. Only the SHA-256 of a key is stored; lookups by it are how requests authenticate. */
import type pg from 'pg';
import type { PrismaClient } from '../../db/client.js';
import { pageArgs, toPage, type Page } from '../../db/pagination.js';
import type { ApiKey, ApiKeyScope } from '../../generated/prisma/client.js';
import { newId } from '../../lib/ids.js';

/** A key with the workspaces it is restricted to (meaningful when workspaceRestricted). */
export type ApiKeyRecord = ApiKey & { workspaces: Array<{ workspaceId: string }> };

const withWorkspaces = { workspaces: { select: { workspaceId: true }, orderBy: { workspaceId: 'asc' } } } as const;

/** A key; with `workspaceIds` it opens only those workspaces (none: all of the organization's). */
export async function insertApiKey(
  prisma: PrismaClient,
  input: {
    organizationId: string;
    name: string;
    prefix: string;
    secretHash: string;
    scopes: ApiKeyScope[];
    expiresAt: Date | null;
    workspaceIds: string[] | null;
  },
): Promise<ApiKeyRecord> {
  const { workspaceIds, ...fields } = input;
  return prisma.apiKey.create({
    data: {
      id: newId(),
      ...fields,
      workspaceRestricted: workspaceIds !== null,
      ...(workspaceIds?.length ? { workspaces: { create: workspaceIds.map((workspaceId) => ({ workspaceId })) } } : {}),
    },
    include: withWorkspaces,
  });
}

/** One page of an organization's keys, oldest first; revoked ones only when asked. */
export async function findApiKeysPage(
  prisma: PrismaClient,
  organizationId: string,
  q: { limit: number; cursor?: string | undefined; includeRevoked: boolean },
): Promise<Page<ApiKeyRecord>> {
  const where = { organizationId, ...(q.includeRevoked ? {} : { revokedAt: null }) };
  return toPage(await prisma.apiKey.findMany({ ...pageArgs(q, where), include: withWorkspaces }), q.limit);
}

export async function findApiKey(
  prisma: PrismaClient,
  organizationId: string,
  id: string,
): Promise<ApiKeyRecord | null> {
  return prisma.apiKey.findFirst({ where: { id, organizationId }, include: withWorkspaces });
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

export async function markApiKeyRevoked(prisma: PrismaClient, id: string, at: Date): Promise<ApiKeyRecord> {
  return prisma.apiKey.update({ where: { id }, data: { revokedAt: at }, include: withWorkspaces });
}

export interface ApiKeyCredential {
  id: string;
  organizationId: string;
  prefix: string;
  scopes: ApiKeyScope[];
  expiresAt: Date | null;
  revokedAt: Date | null;
  /** null: every workspace of the organization. */
  workspaceIds: string[] | null;
}

/** What authenticating with a key needs, in one statement (the hot path of every API-key request). */
export async function findApiKeyCredential(pool: pg.Pool, secretHash: string): Promise<ApiKeyCredential | null> {
  const { rows } = await pool.query(
    `SELECT k.id, k.organization_id, k.prefix, k.scopes::text[] AS scopes, k.expires_at, k.revoked_at,
            CASE WHEN k.workspace_restricted THEN
              COALESCE((SELECT array_agg(w.workspace_id) FROM api_key_workspaces w WHERE w.api_key_id = k.id), '{}')
            END AS workspace_ids
       FROM api_keys k WHERE k.secret_hash = $1`,
    [secretHash],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    id: r.id,
    organizationId: r.organization_id,
    prefix: r.prefix,
    scopes: r.scopes,
    expiresAt: r.expires_at,
    revokedAt: r.revoked_at,
    workspaceIds: r.workspace_ids,
  };
}

export async function recordApiKeyUse(prisma: PrismaClient, id: string, at: Date): Promise<void> {
  await prisma.apiKey.update({ where: { id }, data: { lastUsedAt: at } });
}
