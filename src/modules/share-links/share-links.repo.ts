/** The share_links and share_link_openings tables. */
import type { PrismaClient } from '../../db/client.js';
import type { Prisma, ShareLink, ShareLinkOpening } from '../../generated/prisma/client.js';
import { newId } from '../../lib/ids.js';

/** How many of a link's latest openings its listing carries. */
export const RECENT_OPENINGS = 10;

export type LinkWithOpenings = ShareLink & { openings: ShareLinkOpening[]; _count: { openings: number } };

const withOpenings = {
  openings: { orderBy: [{ openedAt: 'desc' as const }, { id: 'desc' as const }], take: RECENT_OPENINGS },
  _count: { select: { openings: true as const } },
};

export function insertShareLink(
  prisma: PrismaClient,
  data: Prisma.ShareLinkUncheckedCreateInput,
): Promise<LinkWithOpenings> {
  return prisma.shareLink.create({ data, include: withOpenings });
}

/** A page of a workspace's links, newest first (ids are time-ordered UUIDs), one more than `limit`. */
export function findShareLinks(
  prisma: PrismaClient,
  workspaceId: string,
  opts: { activeOnly: boolean; cursor?: string | undefined; limit: number },
): Promise<LinkWithOpenings[]> {
  const where: Prisma.ShareLinkWhereInput = opts.activeOnly
    ? { workspaceId, revokedAt: null, expiresAt: { gt: new Date() } }
    : { workspaceId };
  return prisma.shareLink.findMany({
    where: opts.cursor ? { AND: [where, { id: { lt: opts.cursor } }] } : where,
    orderBy: { id: 'desc' },
    take: opts.limit + 1,
    include: withOpenings,
  });
}

/** Revokes the link if it is not yet; false when the workspace has no such link. */
export async function revokeLink(prisma: PrismaClient, workspaceId: string, id: string): Promise<boolean> {
  const found = await prisma.shareLink.findFirst({ where: { id, workspaceId }, select: { id: true, revokedAt: true } });
  if (!found) return false;
  if (!found.revokedAt) await prisma.shareLink.update({ where: { id }, data: { revokedAt: new Date() } });
  return true;
}

export function findLinkByTokenHash(prisma: PrismaClient, tokenHash: string) {
  return prisma.shareLink.findUnique({ where: { tokenHash }, include: { workspace: true } });
}

export async function insertOpening(
  prisma: PrismaClient,
  shareLinkId: string,
  addressClass: string,
  what: string,
): Promise<void> {
  await prisma.shareLinkOpening.create({ data: { id: newId(), shareLinkId, addressClass, what } });
}
