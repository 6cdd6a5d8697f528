/**
 * Source-category overrides: a workspace's category for a domain, over the domain list in the code.
 * Reports classify domains when they are read (docs/analysis-rules.md#source-categories), so a
 * change here shows in the next report; nothing stored needs re-analysis.
 */
import type { Database, PrismaClient } from '../../db/client.js';
import { Prisma, type SourceCategoryOverride } from '../../generated/prisma/client.js';
import type { ListedCategory } from '../../analysis/source-categories/index.js';
import { AppError } from '../../lib/errors.js';
import { iso, toPage, type ListQuery, type Page } from '../common.schemas.js';
import { requireWorkspace } from '../workspaces/workspaces.service.js';
import {
  deleteOverrideRow,
  findOverride,
  insertOverride,
  listOverrideRows,
  updateOverrideRow,
} from './source-categories.repo.js';
import type {
  SourceCategoryOverrideCreate,
  SourceCategoryOverrideDto,
  SourceCategoryOverrideUpdate,
} from './source-categories.schemas.js';

export interface SourceCategoriesDeps {
  prisma: PrismaClient;
  pool: Database['pool'];
}

export function toOverrideDto(o: SourceCategoryOverride): SourceCategoryOverrideDto {
  return {
    id: o.id,
    workspaceId: o.workspaceId,
    domain: o.domain,
    category: o.category as ListedCategory,
    note: o.note,
    createdAt: iso(o.createdAt),
    updatedAt: iso(o.updatedAt),
  };
}

function duplicateDomain(err: unknown, domain: string | undefined): never {
  if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {
    throw new AppError(
      'conflict',
      `This workspace already has an override for "${domain}"; change that one (PATCH) instead of adding another.`,
    );
  }
  throw err;
}

async function requireOverride(prisma: PrismaClient, workspaceId: string, id: string): Promise<SourceCategoryOverride> {
  const o = await findOverride(prisma, workspaceId, id);
  if (!o) throw AppError.notFound('Source category override');
  return o;
}

export async function createOverride(
  deps: SourceCategoriesDeps,
  orgId: string,
  workspaceId: string,
  input: SourceCategoryOverrideCreate,
): Promise<SourceCategoryOverrideDto> {
  await requireWorkspace(deps, orgId, workspaceId);
  try {
    return toOverrideDto(await insertOverride(deps.prisma, workspaceId, input));
  } catch (err) {
    duplicateDomain(err, input.domain);
  }
}

export async function listOverrides(
  deps: SourceCategoriesDeps,
  orgId: string,
  workspaceId: string,
  q: ListQuery,
): Promise<Page<SourceCategoryOverrideDto>> {
  await requireWorkspace(deps, orgId, workspaceId);
  const rows = await listOverrideRows(deps.prisma, workspaceId, q.limit + 1, q.cursor ?? null);
  return toPage(rows.map(toOverrideDto), q.limit);
}

export async function getOverride(
  deps: SourceCategoriesDeps,
  orgId: string,
  workspaceId: string,
  id: string,
): Promise<SourceCategoryOverrideDto> {
  await requireWorkspace(deps, orgId, workspaceId);
  return toOverrideDto(await requireOverride(deps.prisma, workspaceId, id));
}

export async function updateOverride(
  deps: SourceCategoriesDeps,
  orgId: string,
  workspaceId: string,
  id: string,
  input: SourceCategoryOverrideUpdate,
): Promise<SourceCategoryOverrideDto> {
  await requireWorkspace(deps, orgId, workspaceId);
  await requireOverride(deps.prisma, workspaceId, id);
  try {
    return toOverrideDto(await updateOverrideRow(deps.prisma, id, input));
  } catch (err) {
    duplicateDomain(err, input.domain);
  }
}

export async function deleteOverride(
  deps: SourceCategoriesDeps,
  orgId: string,
  workspaceId: string,
  id: string,
): Promise<void> {
  await requireWorkspace(deps, orgId, workspaceId);
  await requireOverride(deps.prisma, workspaceId, id);
  await deleteOverrideRow(deps.prisma, id);
}
