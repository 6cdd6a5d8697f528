/** The organization_brandings table: one row per organization that set any branding. */
import type { PrismaClient } from '../../db/client.js';
import type { OrganizationBranding, Prisma } from '../../generated/prisma/client.js';

export function findOrganizationWithBranding(prisma: PrismaClient, organizationId: string) {
  return prisma.organization.findUnique({ where: { id: organizationId }, select: { name: true, branding: true } });
}

export async function organizationExists(prisma: PrismaClient, organizationId: string): Promise<boolean> {
  return (await prisma.organization.findUnique({ where: { id: organizationId }, select: { id: true } })) !== null;
}

export function findBranding(prisma: PrismaClient, organizationId: string): Promise<OrganizationBranding | null> {
  return prisma.organizationBranding.findUnique({ where: { organizationId } });
}

/** Creates the organization's row with these fields, or changes them in the existing one. */
export function upsertBranding(
  prisma: PrismaClient,
  organizationId: string,
  data: Omit<Prisma.OrganizationBrandingUncheckedCreateInput, 'organizationId'>,
): Promise<OrganizationBranding> {
  return prisma.organizationBranding.upsert({
    where: { organizationId },
    create: { organizationId, ...data },
    update: data,
  });
}

export async function clearLogo(prisma: PrismaClient, organizationId: string): Promise<void> {
  await prisma.organizationBranding.updateMany({
    where: { organizationId },
    data: { logo: null, logoType: null, logoWidth: null, logoHeight: null, logoUpdatedAt: null },
  });
}

export function findLogo(prisma: PrismaClient, organizationId: string) {
  return prisma.organizationBranding.findUnique({
    where: { organizationId },
    select: { logo: true, logoType: true, logoUpdatedAt: true },
  });
}
