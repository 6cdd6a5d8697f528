/**
 * Organizations (tenants). The platform operator (ADMIN_TOKEN) creates, lists and deletes them;
 * an organization's admin key can read and rename its own. Any other organization is "not found".
 */
import type { PrismaClient } from '../../db/client.js';
import { Prisma, type Organization } from '../../generated/prisma/client.js';
import { AppError } from '../../lib/errors.js';
import type { AuthContext } from '../../plugins/auth.js';
import { iso, toPage, type ListQuery, type Page } from '../common.schemas.js';
import { createApiKey, toApiKeyDto } from '../api-keys/api-keys.service.js';
import {
  deleteOrganizationRow,
  findOrganization,
  insertOrganization,
  listOrganizationRows,
  updateOrganizationRow,
} from './organizations.repo.js';
import type { OrganizationDto, OrganizationUpdate } from './organizations.schemas.js';

export function toOrganizationDto(o: Organization): OrganizationDto {
  return {
    id: o.id,
    name: o.name,
    ssoDomain: o.ssoDomain,
    // The API never sets another default role; a row edited by hand to owner or client is shown as none.
    ssoDefaultRole:
      o.ssoDefaultRole === 'admin' || o.ssoDefaultRole === 'editor' || o.ssoDefaultRole === 'viewer'
        ? o.ssoDefaultRole
        : null,
    createdAt: iso(o.createdAt),
    updatedAt: iso(o.updatedAt),
  };
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

/**
 * Renames an organization and sets its single sign-on rules: the email domain it claims (one
 * organization per domain) and the role people of that domain get at their first SSO sign-in.
 */
export async function updateOrganization(
  prisma: PrismaClient,
  auth: AuthContext,
  id: string,
  patch: OrganizationUpdate,
): Promise<OrganizationDto> {
  const org = await requireOrganization(prisma, auth, id);
  const domain = patch.ssoDomain !== undefined ? patch.ssoDomain : org.ssoDomain;
  const role = patch.ssoDefaultRole !== undefined ? patch.ssoDefaultRole : org.ssoDefaultRole;
  if (role !== null && domain === null) {
    throw new AppError(
      'validation_failed',
      'ssoDefaultRole needs ssoDomain: set the email domain whose people get this role, or set ssoDefaultRole to null.',
      { errors: [{ path: 'ssoDefaultRole', message: 'needs ssoDomain' }] },
    );
  }
  try {
    return toOrganizationDto(await updateOrganizationRow(prisma, id, patch));
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {
      throw new AppError(
        'conflict',
        `Another organization already claims the domain ${patch.ssoDomain}; a domain belongs to one organization. Ask the platform operator if it is yours.`,
      );
    }
    throw err;
  }
}

/** Deletes the organization with all its workspaces, data and keys (platform operator only). */
export async function deleteOrganization(prisma: PrismaClient, auth: AuthContext, id: string): Promise<void> {
  await requireOrganization(prisma, auth, id);
  await deleteOrganizationRow(prisma, id);
}
