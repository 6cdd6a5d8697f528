/**
 * Who belongs to an organization, and with which role. The rules:
 * - owners and admins (and admin API keys, which count as admins) change roles and remove
 *   members; only an owner makes someone an owner, changes an owner's role or removes an owner;
 * - an organization keeps at least one owner: the last one can be neither demoted nor removed,
 *   not even by leaving;
 * - anyone may leave an organization (remove their own membership);
 * - a client sees only the workspaces shared with them; the list is given with the client role
 *   and only with it.
 * Every change clears the person's cached sessions in every API process at once, so a role taken
 * away or a person removed is refused on their very next request.
 */
import type pg from 'pg';
import type { PrismaClient } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';
import { type AuthContext, type CredentialCache, hasScope } from '../../plugins/auth.js';
import { iso, type ListQuery, type Page } from '../common.schemas.js';
import { requireOrganizationWorkspaces } from '../workspaces/workspaces.service.js';
import {
  countOwners,
  deleteMembership,
  findMembership,
  findMembershipsPage,
  lockMemberships,
  type MembershipRow,
  updateMembership,
} from './members.repo.js';
import type { MemberDto, MemberUpdate } from './members.schemas.js';

export interface MembersDeps {
  pool: pg.Pool;
  prisma: PrismaClient;
  credentials: CredentialCache;
}

export function toMemberDto(m: MembershipRow): MemberDto {
  return {
    id: m.id,
    userId: m.userId,
    email: m.email,
    name: m.name,
    role: m.role,
    workspaceIds: m.role === 'client' ? m.workspaceIds : null,
    createdAt: iso(m.createdAt),
  };
}

function organizationOf(auth: AuthContext): string {
  if (!auth.organizationId) throw new AppError('unauthorized', 'Authentication required.');
  return auth.organizationId;
}

/** Owners, admins and admin keys open to every workspace manage members and invitations. */
export function managesMembers(auth: AuthContext): boolean {
  return auth.workspaceIds === null && hasScope(auth, 'admin');
}

/** Only a person with the owner role grants, changes or removes the owner role. */
export function isOwner(auth: AuthContext): boolean {
  return auth.principal.type === 'user' && auth.role === 'owner';
}

export const OWNERS_ONLY =
  'Only an owner can make someone an owner, change an owner’s role or remove an owner (admins and API keys cannot).';

export async function listMembers(deps: MembersDeps, auth: AuthContext, q: ListQuery): Promise<Page<MemberDto>> {
  const page = await findMembershipsPage(deps.pool, organizationOf(auth), q);
  return { data: page.data.map(toMemberDto), nextCursor: page.nextCursor };
}

/** Changes a member's role and/or the workspaces shared with a client. */
export async function updateMember(
  deps: MembersDeps,
  auth: AuthContext,
  memberId: string,
  input: MemberUpdate,
): Promise<MemberDto> {
  const organizationId = organizationOf(auth);
  if (!managesMembers(auth)) throw new AppError('forbidden', 'Only owners and admins change members’ roles.');
  const shared = input.workspaceIds
    ? await requireOrganizationWorkspaces(deps.prisma, organizationId, input.workspaceIds)
    : undefined;
  const updated = await lockMemberships(deps.pool, organizationId, async (tx) => {
    const target = await findMembership(tx, organizationId, memberId);
    if (!target) throw AppError.notFound('Member');
    const role = input.role ?? target.role;
    if (role !== target.role && (role === 'owner' || target.role === 'owner') && !isOwner(auth))
      throw new AppError('forbidden', OWNERS_ONLY);
    if (target.role === 'owner' && role !== 'owner' && (await countOwners(tx, organizationId)) <= 1)
      throw new AppError(
        'conflict',
        `${target.email} is the organization’s last owner: make another member owner before changing this role.`,
      );
    let workspaceIds: string[] | null = null;
    if (role === 'client') {
      if (shared) workspaceIds = shared;
      else if (target.role !== 'client')
        throw new AppError(
          'validation_failed',
          'A client sees only the workspaces shared with them: list them in workspaceIds.',
          {
            errors: [{ path: 'body.workspaceIds', message: 'required with the client role' }],
          },
        );
    } else if (shared) {
      throw new AppError(
        'validation_failed',
        `workspaceIds is only for the client role; a ${role} opens every workspace of the organization.`,
        { errors: [{ path: 'body.workspaceIds', message: 'only with the client role' }] },
      );
    } else if (target.role === 'client') {
      workspaceIds = []; // no longer a client: the shares go
    }
    await updateMembership(tx, { organizationId, id: target.id, role, workspaceIds });
    return (await findMembership(tx, organizationId, target.id)) as MembershipRow;
  });
  deps.credentials.forgetUser(updated.userId);
  return toMemberDto(updated);
}

/** Removes a member: an owner or admin removing someone, or a person leaving. */
export async function removeMember(deps: MembersDeps, auth: AuthContext, memberId: string): Promise<void> {
  const organizationId = organizationOf(auth);
  const removed = await lockMemberships(deps.pool, organizationId, async (tx) => {
    const target = await findMembership(tx, organizationId, memberId);
    if (!target) throw AppError.notFound('Member');
    const leaving = auth.principal.type === 'user' && auth.principal.id === target.userId;
    if (!leaving) {
      if (!managesMembers(auth))
        throw new AppError('forbidden', 'Only owners and admins remove members; you may only leave yourself.');
      if (target.role === 'owner' && !isOwner(auth)) throw new AppError('forbidden', OWNERS_ONLY);
    }
    if (target.role === 'owner' && (await countOwners(tx, organizationId)) <= 1)
      throw new AppError(
        'conflict',
        `${target.email} is the organization’s last owner and cannot ${leaving ? 'leave' : 'be removed'}: make another member owner first.`,
      );
    await deleteMembership(tx, organizationId, target.id);
    return target;
  });
  deps.credentials.forgetUser(removed.userId);
}
