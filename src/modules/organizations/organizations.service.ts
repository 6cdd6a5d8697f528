/**
 * Organizations (tenants). The platform operator (ADMIN_TOKEN) creates, lists and deletes them;
 * an organization's admin key can read and rename its own. Any other organization is "not found".
 */
import type { PrismaClient } from '../../db/client.js';
import type { Organization } from '../../generated/prisma/client.js';
import { AppError } from '../../lib/errors.js';
import type { AuthContext } from '../../plugins/auth.js';
import { iso, toPage, type ListQuery, type Page } from '../common.schemas.js';
import { createApiKey, toApiKeyDto } from '../api-keys/api-keys.service.js';
import {
  deleteOrganizationRow,
  findOrganization,
  insertOrganization,
  listOrganizationRows,
  renameOrganizationRow,
} from './organizations.repo.js';
import type { OrganizationDto } from './organizations.schemas.js';

export function toOrganizationDto(o: Organization): OrganizationDto {
  return { id: o.id, name: o.name, createdAt: iso(o.createdAt), updatedAt: iso(o.updatedAt) };
}

export async function createOrganization(prisma: PrismaClient, name: string): Promise<Organization> {
  return insertOrganization(prisma, name);
}

/** A new organization and its first admin key, in one go (platform operator). */
export async function createOrganizationWithKey(prisma: PrismaClient, name: string, keyName: string) {
  const org = await createOrganization(prisma, name);
  const { record, key } = await createApiKey(prisma, { organizationId: org.id, name: keyName, scopes: ['admin'] });
  return { ...toOrganizationDto(org), adminKey: { ...toApiKeyDto(record), key } };
}

function visibleTo(auth: AuthContext, id: string): boolean {
  return auth.platform || auth.organizationId === id;
}

async function requireOrganization(prisma: PrismaClient, auth: AuthContext, id: string): Promise<Organization> {
  const org = visibleTo(auth, id) ? await findOrganization(prisma, id) : null;
  if (!org) throw AppError.notFound('Organization');
  return org;
}

export async function listOrganizations(
  prisma: PrismaClient,
  auth: AuthContext,
  q: ListQuery,
): Promise<Page<OrganizationDto>> {
  const rows = await listOrganizationRows(prisma, auth.platform ? null : (auth.organizationId ?? ''), q);
  return toPage(rows, q.limit, toOrganizationDto);
}

export async function getOrganization(prisma: PrismaClient, auth: AuthContext, id: string): Promise<OrganizationDto> {
  return toOrganizationDto(await requireOrganization(prisma, auth, id));
}

export async function renameOrganization(
  prisma: PrismaClient,
  auth: AuthContext,
  id: string,
  name: string,
): Promise<OrganizationDto> {
  await requireOrganization(prisma, auth, id);
  return toOrganizationDto(await renameOrganizationRow(prisma, id, name));
}

/** Deletes the organization with all its workspaces, data and keys (platform operator only). */
export async function deleteOrganization(prisma: PrismaClient, auth: AuthContext, id: string): Promise<void> {
  await requireOrganization(prisma, auth, id);
  await deleteOrganizationRow(prisma, id);
}
