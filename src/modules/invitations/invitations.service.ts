/**
 * Invitations to join an organization, by email. The rules:
 * - owners and admins invite (an admin API key counts as an admin); only an owner invites an
 *   owner; the platform operator (the `citewatch users invite` command) may invite anyone, so the
 *   first person of an organization needs no mail server;
 * - a client is invited with the workspaces to share (at least one), other roles without;
 * - the link carries a random token (32 bytes, base64url); only its SHA-256 is stored; it works
 *   once, for 7 days, until revoked; a new invitation of the same address revokes the older one;
 * - accepting creates the account when the address has none (name and password; the emailed link
 *   proves the address), or, when it has one, needs that account signed in; either way it adds
 *   the membership, and the person's cached sessions are cleared in every API process.
 */
import { dashboardLink, type PublicLink } from '../../lib/public-url.js';
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import type { PrismaClient } from '../../db/client.js';
import type { MemberRole } from '../../generated/prisma/client.js';
import { AppError } from '../../lib/errors.js';
import type { AuthContext, CredentialCache } from '../../plugins/auth.js';
import type { Auth } from '../accounts/accounts.auth.js';
import { findUserIdByEmail } from '../accounts/accounts.repo.js';
import { createPasswordAccount } from '../accounts/accounts.service.js';
import { sha256Hex } from '../accounts/accounts.tokens.js';
import { type Branding, loadBranding } from '../branding/branding.service.js';
import { iso, type ListQuery, type Page } from '../common.schemas.js';
import { findMembershipByEmail, insertMembership } from '../members/members.repo.js';
import { isOwner, OWNERS_ONLY } from '../members/members.service.js';
import { findOrganization } from '../organizations/organizations.repo.js';
import { requireOrganizationWorkspaces } from '../workspaces/workspaces.service.js';
import {
  claimInvitation,
  deleteInvitation,
  findInvitation,
  findInvitationByTokenHash,
  findInvitationsPage,
  insertInvitation,
  type InvitationRow,
  markInvitationRevoked,
  releaseInvitation,
  revokeOtherPendingInvitations,
} from './invitations.repo.js';
import type { InvitationCreate, InvitationDto, InvitationLookup } from './invitations.schemas.js';

export const INVITATION_DAYS = 7;

/** Sends invitation emails; the email module provides the real one, the log stands in without SMTP. */
export interface InvitationMail {
  invite(
    to: { email: string },
    details: {
      organizationName: string;
      inviterLabel: string;
      role: MemberRole;
      link: PublicLink;
      expiresAt: Date;
      /** The organization's white label: the email's sender name, header and colours. */
      branding?: Branding;
    },
  ): Promise<void>;
}

export interface InvitationsDeps {
  pool: pg.Pool;
  prisma: PrismaClient;
  /** null: no email is sent (the command line prints the link instead). */
  mail: InvitationMail | null;
  /** PUBLIC_BASE_URL: links point at the dashboard there. */
  publicBaseUrl: string;
}

export interface AcceptDeps {
  pool: pg.Pool;
  auth: Auth;
  credentials: CredentialCache;
}

/** Who invites: recorded as invited_by, named in the email, and whether they may invite owners. */
export interface Inviter {
  organizationId: string;
  /** "user:<id>", "key:<id>" or "platform". */
  invitedBy: string;
  label: string;
  mayInviteOwners: boolean;
}

export function inviterOf(auth: AuthContext): Inviter {
  if (!auth.organizationId) throw new AppError('unauthorized', 'Authentication required.');
  const p = auth.principal;
  return {
    organizationId: auth.organizationId,
    invitedBy: p.type === 'user' ? `user:${p.id}` : p.type === 'api_key' ? `key:${p.id}` : 'platform',
    label: p.type === 'user' ? p.label : p.type === 'api_key' ? `an API key (${p.label})` : 'the Citewatch operator',
    mayInviteOwners: isOwner(auth),
  };
}

export function platformInviter(organizationId: string): Inviter {
  return { organizationId, invitedBy: 'platform', label: 'the Citewatch operator', mayInviteOwners: true };
}

export function statusOf(i: InvitationRow, now = Date.now()): InvitationDto['status'] {
  if (i.acceptedAt) return 'accepted';
  if (i.revokedAt) return 'revoked';
  return i.expiresAt.getTime() <= now ? 'expired' : 'pending';
}

export function toInvitationDto(i: InvitationRow): InvitationDto {
  return {
    id: i.id,
    email: i.email,
    role: i.role,
    workspaceIds: i.role === 'client' ? (i.workspaceIds ?? []) : null,
    status: statusOf(i),
    expiresAt: iso(i.expiresAt),
    createdAt: iso(i.createdAt),
  };
}

/** The dashboard's invitation page, with the token (on PUBLIC_BASE_URL only). */
export function invitationLink(publicBaseUrl: string, token: string): PublicLink {
  return dashboardLink(publicBaseUrl, 'invitation', token);
}

/**
 * Creates an invitation and emails its link (when deps.mail is set). The link is returned for
 * the command line only: the API never answers it, since it lets whoever holds it join.
 */
export async function createInvitation(
  deps: InvitationsDeps,
  inviter: Inviter,
  input: InvitationCreate,
): Promise<{ invitation: InvitationDto; link: string }> {
  const { organizationId } = inviter;
  const email = input.email.trim().toLowerCase();
  if (input.role === 'owner' && !inviter.mayInviteOwners)
    throw new AppError('forbidden', 'Only an owner can invite an owner.');
  let workspaceIds: string[] = [];
  if (input.role === 'client') {
    if (!input.workspaceIds?.length)
      throw new AppError(
        'validation_failed',
        'A client sees only the workspaces shared with them: list them in workspaceIds.',
        {
          errors: [{ path: 'body.workspaceIds', message: 'required with the client role' }],
        },
      );
    workspaceIds = await requireOrganizationWorkspaces(deps.prisma, organizationId, input.workspaceIds);
  } else if (input.workspaceIds !== undefined) {
    throw new AppError(
      'validation_failed',
      `workspaceIds is only for the client role; a ${input.role} opens every workspace of the organization.`,
      { errors: [{ path: 'body.workspaceIds', message: 'only with the client role' }] },
    );
  }
  const organization = await findOrganization(deps.prisma, organizationId);
  if (!organization) throw AppError.notFound('Organization');
  const member = await findMembershipByEmail(deps.pool, organizationId, email);
  if (member)
    throw new AppError(
      'conflict',
      `${email} is already a member (${member.role}); change their role with PATCH /v1/members/${member.id}.`,
    );

  const token = randomBytes(32).toString('base64url');
  const now = Date.now();
  const row = await insertInvitation(deps.pool, {
    organizationId,
    email,
    role: input.role,
    workspaceIds,
    tokenHash: sha256Hex(token),
    invitedBy: inviter.invitedBy,
    createdAt: new Date(now),
    expiresAt: new Date(now + INVITATION_DAYS * 86_400_000),
  });
  const link = invitationLink(deps.publicBaseUrl, token);
  if (deps.mail) {
    try {
      await deps.mail.invite(
        { email },
        {
          organizationName: organization.name,
          inviterLabel: inviter.label,
          role: input.role,
          link,
          expiresAt: row.expiresAt,
          branding: await loadBranding(deps.prisma, organizationId),
        },
      );
    } catch (err) {
      // Nobody can receive the link: the invitation goes, and the older one, if any, stays valid.
      await deleteInvitation(deps.pool, row.id);
      throw new AppError(
        'unavailable',
        `The invitation email to ${email} could not be sent (${(err as Error).message}); nothing was created. Try again later.`,
      );
    }
  }
  await revokeOtherPendingInvitations(deps.pool, organizationId, email, row.id);
  return { invitation: toInvitationDto(row), link };
}

export async function listInvitations(
  deps: Pick<InvitationsDeps, 'pool'>,
  organizationId: string,
  q: ListQuery & { status: 'pending' | 'all' },
): Promise<Page<InvitationDto>> {
  const page = await findInvitationsPage(deps.pool, organizationId, { ...q, pendingOnly: q.status === 'pending' });
  return { data: page.data.map(toInvitationDto), nextCursor: page.nextCursor };
}

/** Withdraws an invitation: its link stops working. Revoking a revoked or expired one changes nothing. */
export async function revokeInvitation(
  deps: Pick<InvitationsDeps, 'pool'>,
  auth: AuthContext,
  organizationId: string,
  id: string,
): Promise<void> {
  const invitation = await findInvitation(deps.pool, organizationId, id);
  if (!invitation) throw AppError.notFound('Invitation');
  if (invitation.role === 'owner' && !isOwner(auth)) throw new AppError('forbidden', OWNERS_ONLY);
  if (invitation.acceptedAt)
    throw new AppError(
      'conflict',
      `This invitation was accepted on ${iso(invitation.acceptedAt)}; remove the member instead (DELETE /v1/members/{memberId}).`,
    );
  await markInvitationRevoked(deps.pool, id);
}

/** Why a link no longer works, as the person who opened it should read it. */
function unusable(i: InvitationRow): AppError {
  const status = statusOf(i);
  if (status === 'accepted')
    return new AppError('conflict', 'This invitation has already been used. Sign in, or ask for a new invitation.');
  if (status === 'revoked')
    return new AppError(
      'conflict',
      'This invitation was withdrawn (or replaced by a newer one); ask for a new invitation.',
    );
  return new AppError(
    'conflict',
    `This invitation expired on ${iso(i.expiresAt)}; ask whoever invited you for a new one.`,
  );
}

const UNKNOWN_LINK =
  'This invitation link is not valid: check that the whole link was copied, or ask for a new invitation.';

async function requirePending(pool: pg.Pool, token: string): Promise<InvitationRow & { organizationName: string }> {
  const invitation = await findInvitationByTokenHash(pool, sha256Hex(token));
  if (!invitation) throw new AppError('not_found', UNKNOWN_LINK);
  if (statusOf(invitation) !== 'pending') throw unusable(invitation);
  return invitation;
}

/** What the invitation page shows before accepting. */
export async function lookupInvitation(deps: Pick<AcceptDeps, 'pool'>, token: string): Promise<InvitationLookup> {
  const invitation = await requirePending(deps.pool, token);
  return {
    organizationName: invitation.organizationName,
    email: invitation.email,
    role: invitation.role,
    expiresAt: iso(invitation.expiresAt),
    accountExists: (await findUserIdByEmail(deps.pool, invitation.email)) !== null,
  };
}

export interface Accepted {
  organizationId: string;
  userId: string;
  email: string;
  role: MemberRole;
  invitationId: string;
  /** Set when the account was created here: the route signs the person in with it. */
  newAccount: { email: string; password: string } | null;
}

/**
 * Accepts an invitation. `sessionCookie` is the request's session cookie, if any: an address that
 * already has an account must be signed in as that account.
 */
export async function acceptInvitation(
  deps: AcceptDeps,
  input: { token: string; name?: string | undefined; password?: string | undefined },
  sessionCookie: string | null,
): Promise<Accepted> {
  const invitation = await requirePending(deps.pool, input.token);
  const { email, organizationId } = invitation;
  const existing = await findUserIdByEmail(deps.pool, email);
  if (existing) {
    const signedIn = sessionCookie ? await deps.credentials.lookupSession(sessionCookie) : null;
    if (!signedIn)
      throw new AppError(
        'unauthorized',
        `An account already exists for ${email}: sign in as ${email}, then accept the invitation again.`,
      );
    if (signedIn.session.userId !== existing)
      throw new AppError(
        'forbidden',
        `You are signed in as ${signedIn.session.email}, but this invitation is for ${email}: sign out, sign in as ${email}, then accept it.`,
      );
    if (signedIn.memberships.some((m) => m.organizationId === organizationId)) throw alreadyMember(email);
  } else {
    const errors = [
      ...(input.name ? [] : [{ path: 'body.name', message: 'required: the address has no account yet' }]),
      ...(input.password ? [] : [{ path: 'body.password', message: 'required: the address has no account yet' }]),
    ];
    if (errors.length)
      throw new AppError(
        'validation_failed',
        `${email} has no Citewatch account yet: send your name and a password (at least 10 characters) to create it.`,
        { errors },
      );
  }

  const claimed = await claimInvitation(deps.pool, sha256Hex(input.token));
  if (!claimed) {
    const now = await findInvitationByTokenHash(deps.pool, sha256Hex(input.token));
    throw now ? unusable(now) : new AppError('not_found', UNKNOWN_LINK);
  }
  let userId: string;
  let newAccount: Accepted['newAccount'] = null;
  try {
    if (existing) userId = existing;
    else {
      const password = input.password as string;
      userId = (
        await createPasswordAccount(deps.auth, { email, name: input.name as string, password, emailVerified: true })
      ).id;
      newAccount = { email, password };
    }
    const membership = await insertMembership(deps.pool, {
      organizationId,
      userId,
      role: claimed.role,
      workspaceIds: claimed.role === 'client' ? (claimed.workspaceIds ?? []) : [],
    });
    if (!membership) throw alreadyMember(email);
  } catch (err) {
    await releaseInvitation(deps.pool, claimed.id);
    throw err;
  }
  deps.credentials.forgetUser(userId);
  return { organizationId, userId, email, role: invitation.role, invitationId: claimed.id, newAccount };
}

function alreadyMember(email: string): AppError {
  return new AppError('conflict', `${email} is already a member of this organization.`);
}
