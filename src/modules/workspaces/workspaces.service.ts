import type { Database, PrismaClient } from '../../db/client.js';
import type { Workspace } from '../../generated/prisma/client.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { iso, toPage, type ListQuery, type Page } from '../common.schemas.js';
import { findOwnedWorkspace } from './workspaces.repo.js';
import type { WorkspaceCreate, WorkspaceDto, WorkspaceUpdate } from './workspaces.schemas.js';

export interface WorkspacesDeps {
  prisma: PrismaClient;
  pool: Database['pool'];
}

export function toWorkspaceDto(w: Workspace): WorkspaceDto {
  return { id: w.id, organizationId: w.organizationId, name: w.name, timezone: w.timezone, createdAt: iso(w.createdAt), updatedAt: iso(w.updatedAt) };
}

/**
 * The tenant check every workspace route goes through: a workspace of another organization is
 * "not found", exactly like one that does not exist, so ids reveal nothing.
 */
export async function requireWorkspace(db: Pick<Database, 'pool'> | PrismaClient, organizationId: string, workspaceId: string): Promise<Workspace> {
  const workspace =
    'pool' in db
      ? await findOwnedWorkspace(db.pool, organizationId, workspaceId)
      : await db.workspace.findFirst({ where: { id: workspaceId, organizationId } });
  if (!workspace) throw AppError.notFound('Workspace');
  return workspace;
}

export async function createWorkspace(deps: WorkspacesDeps, organizationId: string, input: WorkspaceCreate): Promise<WorkspaceDto> {
  const w = await deps.prisma.workspace.create({ data: { id: newId(), organizationId, name: input.name, timezone: input.timezone } });
  return toWorkspaceDto(w);
}

export async function listWorkspaces(deps: WorkspacesDeps, organizationId: string, q: ListQuery): Promise<Page<WorkspaceDto>> {
  const rows = await deps.prisma.workspace.findMany({
    where: { organizationId, ...(q.cursor ? { id: { gt: q.cursor } } : {}) },
    orderBy: { id: 'asc' },
    take: q.limit + 1,
  });
  const page = toPage(rows, q.limit);
  return { data: page.data.map(toWorkspaceDto), nextCursor: page.nextCursor };
}

export async function getWorkspace(deps: WorkspacesDeps, organizationId: string, id: string): Promise<WorkspaceDto> {
  return toWorkspaceDto(await requireWorkspace(deps, organizationId, id));
}

export async function updateWorkspace(deps: WorkspacesDeps, organizationId: string, id: string, input: WorkspaceUpdate): Promise<WorkspaceDto> {
  await requireWorkspace(deps, organizationId, id);
  return toWorkspaceDto(await deps.prisma.workspace.update({ where: { id }, data: input }));
}

/** Deletes the workspace and everything in it: brands, prompts, configurations, audits, runs, answers. */
export async function deleteWorkspace(deps: WorkspacesDeps, organizationId: string, id: string): Promise<void> {
  await requireWorkspace(deps, organizationId, id);
  await deps.prisma.workspace.delete({ where: { id } });
}
