/**
 * Brand rows. The list is on the hot path (every dashboard view reads it), so it is a prepared
 * statement on the pool, like the workers' reads; changes go through Prisma, each in one
 * transaction with the workspace's brands_version bump, so cached brand matchers in workers
 * know to recompile.
 */
import type pg from 'pg';
import type { PrismaClient } from '../../db/client.js';
import { sqlAfterCursor } from '../../db/pagination.js';
import { sqlIso } from '../../db/sql.js';
import type { Brand } from '../../generated/prisma/client.js';
import { newId } from '../../lib/ids.js';
import type { BrandCreate, BrandDto, BrandUpdate } from './brands.schemas.js';

/** A listed brand's columns, in the statement's order (read as arrays: no object per row). */
type ListRow = [
  id: string | null,
  name: string,
  aliases: string[],
  domains: string[],
  kind: 'own' | 'competitor',
  caseSensitive: boolean,
  createdAt: string,
  updatedAt: string,
];

/**
 * Up to `limit` brands after `cursor` (ids are time-ordered UUIDv7), oldest first, of a workspace
 * the organization owns — or null when it owns no such workspace. The ownership check and the page
 * are one statement (a lateral join from the workspace, one row with null columns when it has no
 * brands), so a list costs one round trip. The rows are the API's brands, timestamps included;
 * the workspace id, the same on every row, is not read back.
 */
export async function listOwnedBrands(
  pool: pg.Pool,
  organizationId: string,
  workspaceId: string,
  limit: number,
  cursor: string | null,
): Promise<BrandDto[] | null> {
  const { rows } = await pool.query<ListRow>({
    name: 'brands_page_owned',
    text: `SELECT b.id, b.name, b.aliases, b.domains, b.kind, b.case_sensitive,
                  ${sqlIso('b.created_at')}, ${sqlIso('b.updated_at')}
             FROM workspaces w
             LEFT JOIN LATERAL (
               SELECT * FROM brands WHERE workspace_id = w.id AND ${sqlAfterCursor('id', '$3')} ORDER BY id LIMIT $4
             ) b ON true
            WHERE w.id = $1 AND w.organization_id = $2
            ORDER BY b.id`,
    values: [workspaceId, organizationId, cursor, limit],
    rowMode: 'array',
  });
  if (rows.length === 0) return null;
  // As Postgres writes a uuid (the route accepts upper-case hex too).
  const canonicalWorkspaceId = workspaceId.toLowerCase();
  const brands: BrandDto[] = [];
  for (const [id, name, aliases, domains, kind, caseSensitive, createdAt, updatedAt] of rows) {
    if (id === null) continue;
    brands.push({
      id,
      workspaceId: canonicalWorkspaceId,
      name,
      aliases,
      domains,
      kind,
      caseSensitive,
      createdAt,
      updatedAt,
    });
  }
  return brands;
}

/** Every brand name of a workspace, sorted (what the mock provider answers about). */
export async function workspaceBrandNames(pool: pg.Pool, workspaceId: string): Promise<string[]> {
  const { rows } = await pool.query<{ name: string }>('SELECT name FROM brands WHERE workspace_id = $1 ORDER BY name', [
    workspaceId,
  ]);
  return rows.map((r) => r.name);
}

export async function findBrand(prisma: PrismaClient, workspaceId: string, brandId: string): Promise<Brand | null> {
  return prisma.brand.findFirst({ where: { id: brandId, workspaceId } });
}

function bumpBrandsVersion(prisma: PrismaClient, workspaceId: string) {
  return prisma.workspace.update({ where: { id: workspaceId }, data: { brandsVersion: { increment: 1 } } });
}

export async function insertBrand(prisma: PrismaClient, workspaceId: string, input: BrandCreate): Promise<Brand> {
  const [brand] = await prisma.$transaction([
    prisma.brand.create({ data: { id: newId(), workspaceId, ...input } }),
    bumpBrandsVersion(prisma, workspaceId),
  ]);
  return brand;
}

export async function updateBrandRow(
  prisma: PrismaClient,
  workspaceId: string,
  brandId: string,
  input: BrandUpdate,
): Promise<Brand> {
  const [brand] = await prisma.$transaction([
    prisma.brand.update({ where: { id: brandId }, data: input }),
    bumpBrandsVersion(prisma, workspaceId),
  ]);
  return brand;
}

/** Deletes the brand with its mentions; citations of its domains stay, without an owner. */
export async function deleteBrandRow(prisma: PrismaClient, workspaceId: string, brandId: string): Promise<void> {
  await prisma.$transaction([prisma.brand.delete({ where: { id: brandId } }), bumpBrandsVersion(prisma, workspaceId)]);
}
