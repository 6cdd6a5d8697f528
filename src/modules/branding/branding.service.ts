/**
 * White label per organization: the display name, two colours, the email sender name and the
 * logo that share pages, PDF reports and emails show instead of Citewatch's. Owners and admins
 * set it (branding.routes.ts); every renderer reads it through loadBranding.
 */
import type { PrismaClient } from '../../db/client.js';
import type { OrganizationBranding } from '../../generated/prisma/client.js';
import { AppError } from '../../lib/errors.js';
import { iso } from '../common.schemas.js';
import { reencodeLogo, type LogoType } from './branding.image.js';
import type { BrandingDto, BrandingUpdate } from './branding.schemas.js';

/** Colours used where an organization chose none (Citewatch's own). */
export const DEFAULT_PRIMARY_COLOR = '#1d4ed8';
export const DEFAULT_ACCENT_COLOR = '#0f766e';

/** What a renderer needs: every field filled, defaults where the organization set nothing. */
export interface Branding {
  organizationId: string;
  /** Whether the organization set a display name, a colour or a logo (false: everything is a default). */
  custom: boolean;
  /** The display name, or the organization's name. */
  displayName: string;
  primaryColor: string;
  accentColor: string;
  /** The name in the From: of emails; null: the deployment's MAIL_FROM as it is. */
  emailSenderName: string | null;
  /** The stored (re-encoded) logo, or null. */
  logo: Buffer | null;
  logoType: LogoType | null;
  logoWidth: number | null;
  logoHeight: number | null;
}

type Db = PrismaClient | { prisma: PrismaClient };
const prismaOf = (db: Db): PrismaClient => ('prisma' in db ? db.prisma : db);

/**
 * The branding of an organization for rendering (PDF, share pages, emails). Throws not_found when
 * the organization does not exist.
 */
export async function loadBranding(db: Db, organizationId: string): Promise<Branding> {
  const org = await prismaOf(db).organization.findUnique({
    where: { id: organizationId },
    select: { name: true, branding: true },
  });
  if (!org) throw AppError.notFound('Organization');
  const b = org.branding;
  return {
    organizationId,
    custom: Boolean(b && (b.displayName || b.primaryColor || b.accentColor || b.logo)),
    displayName: b?.displayName ?? org.name,
    primaryColor: b?.primaryColor ?? DEFAULT_PRIMARY_COLOR,
    accentColor: b?.accentColor ?? DEFAULT_ACCENT_COLOR,
    emailSenderName: b?.emailSenderName ?? null,
    logo: b?.logo ? Buffer.from(b.logo) : null,
    logoType: b?.logo ? (b.logoType as LogoType) : null,
    logoWidth: b?.logo ? b.logoWidth : null,
    logoHeight: b?.logo ? b.logoHeight : null,
  };
}

export function toBrandingDto(organizationId: string, b: OrganizationBranding | null): BrandingDto {
  return {
    organizationId,
    displayName: b?.displayName ?? null,
    primaryColor: b?.primaryColor ?? null,
    accentColor: b?.accentColor ?? null,
    emailSenderName: b?.emailSenderName ?? null,
    logo:
      b?.logo && b.logoUpdatedAt
        ? {
            contentType: b.logoType as LogoType,
            width: b.logoWidth ?? 0,
            height: b.logoHeight ?? 0,
            bytes: b.logo.length,
            updatedAt: iso(b.logoUpdatedAt),
          }
        : null,
  };
}

async function requireOrganization(prisma: PrismaClient, organizationId: string): Promise<void> {
  const found = await prisma.organization.findUnique({ where: { id: organizationId }, select: { id: true } });
  if (!found) throw AppError.notFound('Organization');
}

export async function getBranding(prisma: PrismaClient, organizationId: string): Promise<BrandingDto> {
  await requireOrganization(prisma, organizationId);
  const row = await prisma.organizationBranding.findUnique({ where: { organizationId } });
  return toBrandingDto(organizationId, row);
}

export async function updateBranding(
  prisma: PrismaClient,
  organizationId: string,
  patch: BrandingUpdate,
): Promise<BrandingDto> {
  await requireOrganization(prisma, organizationId);
  const row = await prisma.organizationBranding.upsert({
    where: { organizationId },
    create: { organizationId, ...patch },
    update: patch,
  });
  return toBrandingDto(organizationId, row);
}

/** Checks, decodes and re-encodes the upload, then stores it as the organization's logo. */
export async function setLogo(
  prisma: PrismaClient,
  organizationId: string,
  body: Buffer,
  contentType: string,
): Promise<BrandingDto> {
  await requireOrganization(prisma, organizationId);
  const logo = reencodeLogo(body, contentType);
  const data = {
    logo: new Uint8Array(logo.data),
    logoType: logo.contentType,
    logoWidth: logo.width,
    logoHeight: logo.height,
    logoUpdatedAt: new Date(),
  };
  const row = await prisma.organizationBranding.upsert({
    where: { organizationId },
    create: { organizationId, ...data },
    update: data,
  });
  return toBrandingDto(organizationId, row);
}

export async function deleteLogo(prisma: PrismaClient, organizationId: string): Promise<void> {
  await requireOrganization(prisma, organizationId);
  await prisma.organizationBranding.updateMany({
    where: { organizationId },
    data: { logo: null, logoType: null, logoWidth: null, logoHeight: null, logoUpdatedAt: null },
  });
}

/** The stored logo, or not_found. */
export async function getLogo(
  prisma: PrismaClient,
  organizationId: string,
): Promise<{ data: Buffer; contentType: LogoType; updatedAt: Date }> {
  await requireOrganization(prisma, organizationId);
  const row = await prisma.organizationBranding.findUnique({
    where: { organizationId },
    select: { logo: true, logoType: true, logoUpdatedAt: true },
  });
  if (!row?.logo || !row.logoUpdatedAt) throw AppError.notFound('Logo');
  return { data: Buffer.from(row.logo), contentType: row.logoType as LogoType, updatedAt: row.logoUpdatedAt };
}
