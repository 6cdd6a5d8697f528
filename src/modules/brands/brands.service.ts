/**
 * Brands. Every change bumps the workspace's brands_version in the same transaction, so cached
 * brand matchers in workers know to recompile.
 */
import type { Database, PrismaClient } from '../../db/client.js';
import { Prisma, type Brand } from '../../generated/prisma/client.js';
import { AppError } from '../../lib/errors.js';
import { iso, toPage, type ListQuery, type Page } from '../common.schemas.js';
import { requireWorkspace } from '../workspaces/workspaces.service.js';
import { deleteBrandRow, findBrand, insertBrand, listOwnedBrands, updateBrandRow } from './brands.repo.js';
import type { BrandCreate, BrandDto, BrandUpdate } from './brands.schemas.js';

export interface BrandsDeps {
  prisma: PrismaClient;
  pool: Database['pool'];
}

export function toBrandDto(b: Brand): BrandDto {
  return {
    id: b.id,
    workspaceId: b.workspaceId,
    name: b.name,
    aliases: b.aliases,
    domains: b.domains,
    kind: b.kind,
    caseSensitive: b.caseSensitive,
    createdAt: iso(b.createdAt),
    updatedAt: iso(b.updatedAt),
  };
}

function duplicateName(err: unknown, name: string | undefined): never {
  if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {
    throw new AppError('conflict', `A brand named "${name}" already exists in this workspace.`);
  }
  throw err;
}

async function requireBrand(prisma: PrismaClient, workspaceId: string, brandId: string): Promise<Brand> {
  const brand = await findBrand(prisma, workspaceId, brandId);
  if (!brand) throw AppError.notFound('Brand');
  return brand;
}

export async function createBrand(
  deps: BrandsDeps,
  orgId: string,
  workspaceId: string,
  input: BrandCreate,
): Promise<BrandDto> {
  await requireWorkspace(deps, orgId, workspaceId);
  try {
    return toBrandDto(await insertBrand(deps.prisma, workspaceId, input));
  } catch (err) {
    duplicateName(err, input.name);
  }
}

export async function listBrands(
  deps: BrandsDeps,
  orgId: string,
  workspaceId: string,
  q: ListQuery,
): Promise<Page<BrandDto>> {
  const brands = await listOwnedBrands(deps.pool, orgId, workspaceId, q.limit + 1, q.cursor ?? null);
  if (!brands) throw AppError.notFound('Workspace');
  return toPage(brands, q.limit);
}

export async function getBrand(
  deps: BrandsDeps,
  orgId: string,
  workspaceId: string,
  brandId: string,
): Promise<BrandDto> {
  await requireWorkspace(deps, orgId, workspaceId);
  return toBrandDto(await requireBrand(deps.prisma, workspaceId, brandId));
}

export async function updateBrand(
  deps: BrandsDeps,
  orgId: string,
  workspaceId: string,
  brandId: string,
  input: BrandUpdate,
): Promise<BrandDto> {
  await requireWorkspace(deps, orgId, workspaceId);
  await requireBrand(deps.prisma, workspaceId, brandId);
  try {
    return toBrandDto(await updateBrandRow(deps.prisma, workspaceId, brandId, input));
  } catch (err) {
    duplicateName(err, input.name);
  }
}

/** Deleting a brand removes its mentions; citations of its domains stay, without an owner. */
export async function deleteBrand(
  deps: BrandsDeps,
  orgId: string,
  workspaceId: string,
  brandId: string,
): Promise<void> {
  await requireWorkspace(deps, orgId, workspaceId);
  await requireBrand(deps.prisma, workspaceId, brandId);
  await deleteBrandRow(deps.prisma, workspaceId, brandId);
}
