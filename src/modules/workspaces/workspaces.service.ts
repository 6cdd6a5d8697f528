import type { Database, PrismaClient } from '../../db/client.js';
import type { Workspace } from '../../generated/prisma/client.js';
import { AppError } from '../../lib/errors.js';
import { iso, toPage, type ListQuery, type Page } from '../common.schemas.js';
import {
  deleteWorkspaceRow,
  findOrganizationWorkspaceIds,
  findOwnedWorkspace,
  findOwnedWorkspaceRecord,
  insertWorkspace,
  listWorkspaceRows,
  updateWorkspaceRow,
} from './workspaces.repo.js';
import type { WorkspaceCreate, WorkspaceDto, WorkspaceUpdate } from './workspaces.schemas.js';

export interface WorkspacesDeps {
  prisma: PrismaClient;
  pool: Database['pool'];
}

export function toWorkspaceDto(w: Workspace): WorkspaceDto {
  return {
    id: w.id,
    organizationId: w.organizationId,
    name: w.name,
    timezone: w.timezone,
    createdAt: iso(w.createdAt),
    updatedAt: iso(w.updatedAt),
  };
}

/**
 * The tenant check every workspace route goes through: a workspace of another organization is
 * "not found", exactly like one that does not exist, so ids reveal nothing.
 */
export async function requireWorkspace(
  db: Pick<Database, 'pool'> | PrismaClient,
  organizationId: string,
  workspaceId: string,
): Promise<Workspace> {
  const workspace =
    'pool' in db
      ? await findOwnedWorkspace(db.pool, organizationId, workspaceId)
      : await findOwnedWorkspaceRecord(db, organizationId, workspaceId);
  if (!workspace) throw AppError.notFound('Workspace');
  return workspace;
}

/**
 * Checks that every id of a list (workspaces shared with a client, or a key is restricted to) is a
 * workspace of the organization; refuses the request naming the others. Returns the ids without
 * duplicates.
 */
export async function requireOrganizationWorkspaces(
  prisma: PrismaClient,
  organizationId: string,
  ids: string[],
  field = 'workspaceIds',
): Promise<string[]> {
  const unique = [...new Set(ids)];
  const found = await findOrganizationWorkspaceIds(prisma, organizationId, unique);
  const unknown = unique.filter((id) => !found.has(id));
  if (unknown.length > 0)
    throw new AppError(
      'validation_failed',
      `${field} names workspaces this organization does not have: ${unknown.join(', ')}. GET /v1/workspaces lists its workspaces.`,
      { errors: [{ path: `body.${field}`, message: `unknown workspaces: ${unknown.join(', ')}` }] },
    );
  return unique;
}

export async function createWorkspace(
  deps: WorkspacesDeps,
  organizationId: string,
  input: WorkspaceCreate,
): Promise<WorkspaceDto> {
  return toWorkspaceDto(await insertWorkspace(deps.prisma, organizationId, input));
}

export async function listWorkspaces(
  deps: WorkspacesDeps,
  organizationId: string,
  q: ListQuery,
  only: string[] | null = null,
): Promise<Page<WorkspaceDto>> {
  return toPage(await listWorkspaceRows(deps.prisma, organizationId, q, only), q.limit, toWorkspaceDto);
}

export async function getWorkspace(deps: WorkspacesDeps, organizationId: string, id: string): Promise<WorkspaceDto> {
  return toWorkspaceDto(await requireWorkspace(deps, organizationId, id));
}

export async function updateWorkspace(
  deps: WorkspacesDeps,
  organizationId: string,
  id: string,
  input: WorkspaceUpdate,
): Promise<WorkspaceDto> {
  await requireWorkspace(deps, organizationId, id);
  return toWorkspaceDto(await updateWorkspaceRow(deps.prisma, id, input));
}

/** Deletes the workspace and everything in it: brands, prompts, configurations, audits, runs, answers. */
export async function deleteWorkspace(deps: WorkspacesDeps, organizationId: string, id: string): Promise<void> {
  await requireWorkspace(deps, organizationId, id);
  await deleteWorkspaceRow(deps.prisma, id);
}
