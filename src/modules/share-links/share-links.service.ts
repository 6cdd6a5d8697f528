/**
 * Share links: read-only, expiring, revocable links to one workspace's reports, opened without an
 * account.
 *
 * - The token (`cws_` + 32 random bytes, base64url) is shown once; only its SHA-256 is stored,
 *   as for invitations. Unknown, expired and revoked tokens are all "not found".
 * - A link may lock the period (from/to), providers and tags. The locks are applied to every report
 *   the link serves, whatever the query asks: a period is narrowed to the lock, a provider or tag
 *   outside the lock is refused.
 * - Each opening of the shared page and each CSV downloaded is recorded with its time and the
 *   client's network (/24 for IPv4, /48 for IPv6), never the full address.
 */
import { createHash, randomBytes } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';
import type { PrismaClient } from '../../db/client.js';
import type { PdfReport, ShareLink, Workspace } from '../../generated/prisma/client.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { publicUrl } from '../../lib/public-url.js';
import { newestReadyPdf } from '../pdf-reports/pdf-reports.service.js';
import type { AuthContext } from '../../plugins/auth.js';
import { iso, isoOrNull, toPage, type ListQuery, type Page } from '../common.schemas.js';
import { requireWorkspace } from '../workspaces/workspaces.service.js';
import * as repo from './share-links.repo.js';
import type { LinkWithOpenings } from './share-links.repo.js';
import {
  SHARE_LINK_MAX_DAYS,
  SHARE_TOKEN_PATTERN,
  type ShareLinkCreate,
  type ShareLinkDto,
  type SharedPdf,
  type ShareLocks,
} from './share-links.schemas.js';

export function hashShareToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The shared page of a token, on PUBLIC_BASE_URL; the token is in the fragment, which no server logs. */
export function sharedPageUrl(publicBaseUrl: string, token: string): string {
  return `${publicUrl(publicBaseUrl, '/dashboard/')}#/shared/${token}`;
}

export function statusOf(link: ShareLink, now = Date.now()): 'active' | 'expired' | 'revoked' {
  if (link.revokedAt) return 'revoked';
  return link.expiresAt.getTime() <= now ? 'expired' : 'active';
}

export function locksOf(link: ShareLink): ShareLocks {
  return {
    from: isoOrNull(link.lockedFrom),
    to: isoOrNull(link.lockedTo),
    providers: link.lockedProviders.length ? link.lockedProviders : null,
    tags: link.lockedTags.length ? link.lockedTags : null,
  };
}

function toDto(link: LinkWithOpenings): ShareLinkDto {
  return {
    id: link.id,
    workspaceId: link.workspaceId,
    name: link.name,
    locks: locksOf(link),
    expiresAt: iso(link.expiresAt),
    revokedAt: isoOrNull(link.revokedAt),
    status: statusOf(link),
    createdBy: link.createdBy,
    createdAt: iso(link.createdAt),
    openingCount: link._count.openings,
    lastOpenedAt: isoOrNull(link.openings[0]?.openedAt ?? null),
    recentOpenings: link.openings.map((o) => ({
      openedAt: iso(o.openedAt),
      addressClass: o.addressClass,
      what: o.what,
    })),
  };
}

function creatorOf(auth: AuthContext): string {
  const p = auth.principal;
  return p.type === 'user' ? `user:${p.id}` : p.type === 'api_key' ? `key:${p.id}` : 'platform';
}

function invalid(path: string, message: string): AppError {
  return new AppError('validation_failed', `${path} ${message}`, { errors: [{ path: `body.${path}`, message }] });
}

export async function createShareLink(
  deps: { prisma: PrismaClient; publicBaseUrl: string },
  auth: AuthContext,
  organizationId: string,
  workspaceId: string,
  input: ShareLinkCreate,
): Promise<ShareLinkDto & { token: string; url: string }> {
  await requireWorkspace(deps.prisma, organizationId, workspaceId);
  const now = Date.now();
  const expiresAt = new Date(input.expiresAt);
  if (expiresAt.getTime() <= now) throw invalid('expiresAt', 'must be in the future');
  if (expiresAt.getTime() > now + SHARE_LINK_MAX_DAYS * 86_400_000) {
    throw invalid('expiresAt', `must be at most ${SHARE_LINK_MAX_DAYS} days ahead`);
  }
  if (input.from && input.to && Date.parse(input.from) >= Date.parse(input.to)) {
    throw invalid('to', 'must be after from');
  }
  const token = `cws_${randomBytes(32).toString('base64url')}`;
  const link = await repo.insertShareLink(deps.prisma, {
    id: newId(),
    workspaceId,
    name: input.name,
    tokenHash: hashShareToken(token),
    lockedFrom: input.from ? new Date(input.from) : null,
    lockedTo: input.to ? new Date(input.to) : null,
    lockedProviders: input.providers ?? [],
    lockedTags: input.tags ?? [],
    createdBy: creatorOf(auth),
    expiresAt,
  });
  return { ...toDto(link), token, url: sharedPageUrl(deps.publicBaseUrl, token) };
}

export async function listShareLinks(
  prisma: PrismaClient,
  organizationId: string,
  workspaceId: string,
  q: ListQuery & { status: 'active' | 'all' },
): Promise<Page<ShareLinkDto>> {
  await requireWorkspace(prisma, organizationId, workspaceId);
  const rows = await repo.findShareLinks(prisma, workspaceId, {
    activeOnly: q.status === 'active',
    cursor: q.cursor,
    limit: q.limit,
  });
  return toPage(rows, q.limit, toDto);
}

/** Revokes the link at once; revoking it again changes nothing. */
export async function revokeShareLink(
  prisma: PrismaClient,
  organizationId: string,
  workspaceId: string,
  id: string,
): Promise<void> {
  await requireWorkspace(prisma, organizationId, workspaceId);
  if (!(await repo.revokeLink(prisma, workspaceId, id))) throw AppError.notFound('Share link');
}

export interface OpenShareLink {
  link: ShareLink;
  workspace: Workspace;
}

const GONE = 'This share link does not exist, has expired or was revoked; ask whoever sent it for a new one.';

/** The working link of a token with its workspace; anything else is not_found. */
export async function resolveShareLink(prisma: PrismaClient, token: string): Promise<OpenShareLink> {
  if (!SHARE_TOKEN_PATTERN.test(token)) throw new AppError('not_found', GONE);
  const link = await repo.findLinkByTokenHash(prisma, hashShareToken(token));
  if (!link || statusOf(link) !== 'active') throw new AppError('not_found', GONE);
  const { workspace, ...rest } = link;
  return { link: rest, workspace };
}

/** The PDF report a link offers, or why it offers none (the download's 403 or 404, with what to do). */
export type LinkPdf = { report: PdfReport; filename: string; refusal: null } | { report: null; refusal: AppError };

/**
 * A link offers the most recently made PDF report of its workspace whose period lies within the
 * link's period lock (any period without one). A PDF covers every assistant and prompt tag, so a
 * link locked to some of them offers none.
 */
export async function linkPdf(prisma: PrismaClient, link: ShareLink): Promise<LinkPdf> {
  if (link.lockedProviders.length || link.lockedTags.length)
    return {
      report: null,
      refusal: new AppError(
        'forbidden',
        'This link shows only some assistants or prompt tags, and a PDF report covers all of them: it is not available through this link. Use the CSV downloads, or ask the agency for a link without those locks.',
      ),
    };
  const pdf = await newestReadyPdf(prisma, link.workspaceId, link.lockedFrom, link.lockedTo);
  if (pdf) return { ...pdf, refusal: null };
  return {
    report: null,
    refusal: new AppError(
      'not_found',
      link.lockedFrom || link.lockedTo
        ? "No PDF report of this workspace within the link's period is ready yet; ask the agency to make one for that period."
        : 'No PDF report of this workspace is ready yet; ask the agency to make one.',
    ),
  };
}

/** What the shared page says of the link's PDF report (SharedView.pdf). */
export function sharedPdfOf(pdf: LinkPdf): SharedPdf {
  if (pdf.refusal) return { available: false, reason: pdf.refusal.message };
  const { report, filename } = pdf;
  return {
    available: true,
    filename,
    from: iso(report.from),
    to: iso(report.to),
    madeAt: iso(report.finishedAt ?? report.createdAt),
  };
}

export async function recordOpening(prisma: PrismaClient, linkId: string, ip: string, what: string): Promise<void> {
  await repo.insertOpening(prisma, linkId, addressClassOf(ip), what);
}

/**
 * The network of a client address: the /24 of an IPv4 address, the /48 of an IPv6 one (an
 * IPv4-mapped IPv6 address counts as IPv4). Enough to tell openings apart, not to find a person.
 */
export function addressClassOf(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)?.[1];
  const v4 = mapped ?? ip;
  if (isIPv4(v4)) return `${v4.split('.').slice(0, 3).join('.')}.0/24`;
  if (isIPv6(ip)) {
    const [head = '', tail = ''] = ip.toLowerCase().split('%')[0]?.split('::') ?? [];
    const left = head ? head.split(':') : [];
    const right = ip.includes('::') ? (tail ? tail.split(':') : []) : [];
    const groups = ip.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
    const first = groups.slice(0, 3).map((g) => Number.parseInt(g || '0', 16).toString(16));
    return `${first.join(':')}::/48`;
  }
  return 'unknown';
}

/** A report query with the link's locks applied: the period narrowed, providers and tags within the lock. */
export function applyLocks<Q extends { from?: string; to?: string; providers?: string[]; tags?: string[] }>(
  link: ShareLink,
  query: Q,
): Q {
  const out: Q = { ...query };
  if (link.lockedFrom) {
    const lock = link.lockedFrom.toISOString();
    out.from = !query.from || Date.parse(query.from) < link.lockedFrom.getTime() ? lock : query.from;
  }
  if (link.lockedTo) {
    const lock = link.lockedTo.toISOString();
    out.to = !query.to || Date.parse(query.to) > link.lockedTo.getTime() ? lock : query.to;
  }
  for (const field of ['providers', 'tags'] as const) {
    const lock = field === 'providers' ? link.lockedProviders : link.lockedTags;
    if (!lock.length) continue;
    const asked = query[field];
    if (asked?.length) {
      const outside = asked.filter((v) => !lock.includes(v));
      if (outside.length) {
        throw new AppError(
          'forbidden',
          `This link shares only the ${field} ${lock.join(', ')}; ${outside.join(', ')} is not shared.`,
          { errors: [{ path: `query.${field}`, message: `must be among ${lock.join(', ')}` }] },
        );
      }
      out[field] = asked;
    } else {
      out[field] = lock;
    }
  }
  return out;
}
