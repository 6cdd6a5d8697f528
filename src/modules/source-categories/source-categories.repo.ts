/** Source-category override rows. */
import type pg from 'pg';
import type { PrismaClient } from '../../db/client.js';
import type { SourceCategoryOverride } from '../../generated/prisma/client.js';
import { newId } from '../../lib/ids.js';
import type { SourceCategoryOverrideCreate, SourceCategoryOverrideUpdate } from './source-categories.schemas.js';

export async function listOverrideRows(
  prisma: PrismaClient,
  workspaceId: string,
  limit: number,
  cursor: string | null,
): Promise<SourceCategoryOverride[]> {
  return prisma.sourceCategoryOverride.findMany({
    where: { workspaceId, ...(cursor ? { id: { gt: cursor } } : {}) },
    orderBy: { id: 'asc' },
    take: limit,
  });
}

export async function findOverride(
  prisma: PrismaClient,
  workspaceId: string,
  id: string,
): Promise<SourceCategoryOverride | null> {
  return prisma.sourceCategoryOverride.findFirst({ where: { id, workspaceId } });
}

export async function insertOverride(
  prisma: PrismaClient,
  workspaceId: string,
  input: SourceCategoryOverrideCreate,
): Promise<SourceCategoryOverride> {
  return prisma.sourceCategoryOverride.create({
    data: { id: newId(), workspaceId, domain: input.domain, category: input.category, note: input.note ?? null },
  });
}

export async function updateOverrideRow(
  prisma: PrismaClient,
  id: string,
  input: SourceCategoryOverrideUpdate,
): Promise<SourceCategoryOverride> {
  return prisma.sourceCategoryOverride.update({ where: { id }, data: input });
}

export async function deleteOverrideRow(prisma: PrismaClient, id: string): Promise<void> {
  await prisma.sourceCategoryOverride.delete({ where: { id } });
}

/** Every override of a workspace, for classifying a report's domains. */
export async function workspaceOverrides(
  pool: pg.Pool,
  workspaceId: string,
): Promise<Array<{ domain: string; category: string }>> {
  const { rows } = await pool.query<{ domain: string; category: string }>(
    'SELECT domain, category FROM source_category_overrides WHERE workspace_id = $1',
    [workspaceId],
  );
  return rows;
}
