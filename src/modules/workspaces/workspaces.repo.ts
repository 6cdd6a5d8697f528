/**
 * Workspace rows. The lookup every workspace route makes is a prepared statement on the pool: it
 * runs on every request, and through Prisma it cost about twice as much. The rest goes through Prisma.
 */
import type pg from 'pg';
import type { PrismaClient } from '../../db/client.js';
import { pageArgs, type PageQuery } from '../../db/pagination.js';
import type { Workspace } from '../../generated/prisma/client.js';
import { newId } from '../../lib/ids.js';

interface Row {
  id: string;
  organization_id: string;
  name: string;
  timezone: string;
  brands_version: number;
  created_at: Date;
  updated_at: Date;
}

export async function findOwnedWorkspace(
  pool: pg.Pool,
  organizationId: string,
  workspaceId: string,
): Promise<Workspace | null> {
  const { rows } = await pool.query<Row>({
    name: 'workspace_owned',
    text: 'SELECT id, organization_id, name, timezone, brands_version, created_at, updated_at FROM workspaces WHERE id = $1 AND organization_id = $2',
    values: [workspaceId, organizationId],
  });
  const r = rows[0];
  return r
    ? {
        id: r.id,
        organizationId: r.organization_id,
        name: r.name,
        timezone: r.timezone,
        brandsVersion: r.brands_version,
        createdAt: r.created_at,
        updatedAt: r.updated_at,
      }
    : null;
}

/** The same lookup through Prisma, for callers that hold only the Prisma client. */
export async function findOwnedWorkspaceRecord(
  prisma: PrismaClient,
  organizationId: string,
  workspaceId: string,
): Promise<Workspace | null> {
  return prisma.workspace.findFirst({ where: { id: workspaceId, organizationId } });
}

/** A workspace by id, whatever its organization (operator tools). */
export async function findWorkspace(prisma: PrismaClient, workspaceId: string): Promise<Workspace | null> {
  return prisma.workspace.findUnique({ where: { id: workspaceId } });
}

export async function insertWorkspace(
  prisma: PrismaClient,
  organizationId: string,
  input: { name: string; timezone: string },
): Promise<Workspace> {
  return prisma.workspace.create({ data: { id: newId(), organizationId, name: input.name, timezone: input.timezone } });
}

export async function listWorkspaceRows(
  prisma: PrismaClient,
  organizationId: string,
  q: PageQuery,
  /** Only these workspaces (a principal restricted to some); null: all. */
  only: string[] | null = null,
): Promise<Workspace[]> {
  return prisma.workspace.findMany(pageArgs(q, only ? { organizationId, id: { in: only } } : { organizationId }));
}

export async function updateWorkspaceRow(
  prisma: PrismaClient,
  id: string,
  input: { name?: string; timezone?: string },
): Promise<Workspace> {
  return prisma.workspace.update({ where: { id }, data: input });
}

/** Deletes the workspace; everything in it goes with it (foreign keys cascade). */
export async function deleteWorkspaceRow(prisma: PrismaClient, id: string): Promise<void> {
  await prisma.workspace.delete({ where: { id } });
}

/** Which of `ids` are workspaces of the organization. */
export async function findOrganizationWorkspaceIds(
  prisma: PrismaClient,
  organizationId: string,
  ids: string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await prisma.workspace.findMany({ where: { organizationId, id: { in: ids } }, select: { id: true } });
  return new Set(rows.map((r) => r.id));
}
