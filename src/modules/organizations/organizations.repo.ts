/** Organization rows, through Prisma. */
import type { PrismaClient } from '../../db/client.js';
import { pageArgs, type PageQuery } from '../../db/pagination.js';
import type { MemberRole, Organization } from '../../generated/prisma/client.js';
import { newId } from '../../lib/ids.js';

export async function insertOrganization(prisma: PrismaClient, name: string): Promise<Organization> {
  return prisma.organization.create({ data: { id: newId(), name } });
}

export async function findOrganization(prisma: PrismaClient, id: string): Promise<Organization | null> {
  return prisma.organization.findUnique({ where: { id } });
}

/** A page of organizations in id order: all of them, or only `onlyId` when given. */
export async function listOrganizationRows(
  prisma: PrismaClient,
  onlyId: string | null,
  q: PageQuery,
): Promise<Organization[]> {
  return prisma.organization.findMany(pageArgs(q, onlyId === null ? {} : { id: onlyId }));
}

export async function updateOrganizationRow(
  prisma: PrismaClient,
  id: string,
  data: { name?: string; ssoDomain?: string | null; ssoDefaultRole?: MemberRole | null },
): Promise<Organization> {
  return prisma.organization.update({ where: { id }, data });
}

/** Deletes the organization; its workspaces, data and keys go with it (foreign keys cascade). */
export async function deleteOrganizationRow(prisma: PrismaClient, id: string): Promise<void> {
  await prisma.organization.delete({ where: { id } });
}
