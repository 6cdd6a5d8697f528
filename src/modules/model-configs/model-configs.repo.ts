/**
 * Model configuration rows. The list is on the hot path (every dashboard view reads it, with the
 * brands), so it is one prepared statement on the pool; the rest goes through Prisma.
 */
import type pg from 'pg';
import type { PrismaClient } from '../../db/client.js';
import { sqlAfterCursor } from '../../db/pagination.js';
import { sqlIso } from '../../db/sql.js';
import type { ModelConfig, Prisma } from '../../generated/prisma/client.js';
import { newId } from '../../lib/ids.js';
import type { ModelConfigDto } from './model-configs.schemas.js';

export async function findModelConfig(
  prisma: PrismaClient,
  workspaceId: string,
  id: string,
): Promise<ModelConfig | null> {
  return prisma.modelConfig.findFirst({ where: { id, workspaceId } });
}

/** Whether any answer was collected with the configuration. */
export async function modelConfigHasAnswers(prisma: PrismaClient, modelConfigId: string): Promise<boolean> {
  return (await prisma.response.findFirst({ where: { modelConfigId }, select: { id: true } })) !== null;
}

export async function insertModelConfig(
  prisma: PrismaClient,
  workspaceId: string,
  input: { name: string; provider: string; model: string; params: Prisma.InputJsonValue; hash: string },
): Promise<ModelConfig> {
  return prisma.modelConfig.create({ data: { id: newId(), workspaceId, ...input } });
}

/** A configuration as the API sends it, but for what the provider registry derives (channel, location, language, persona). */
export type ModelConfigRecord = Omit<ModelConfigDto, 'channel' | 'location' | 'language' | 'persona'>;

interface ListRow {
  id: string | null;
  workspace_id: string;
  name: string;
  provider: string;
  model: string;
  params: Record<string, unknown>;
  hash: string;
  archived: boolean;
  created_at: string;
  updated_at: string;
}

/**
 * Up to `limit` configurations after `cursor`, oldest first, archived or not as asked (both when
 * `archived` is null), of a workspace the organization owns — or null when it owns no such
 * workspace. The ownership check and the page are one statement, as for brands.
 */
export async function listOwnedModelConfigs(
  pool: pg.Pool,
  organizationId: string,
  workspaceId: string,
  limit: number,
  cursor: string | null,
  archived: boolean | null,
): Promise<ModelConfigRecord[] | null> {
  const { rows } = await pool.query<ListRow>({
    name: 'model_configs_page_owned',
    text: `SELECT c.id, c.workspace_id, c.name, c.provider, c.model, c.params, c.hash, c.archived,
                  ${sqlIso('c.created_at')} AS created_at, ${sqlIso('c.updated_at')} AS updated_at
             FROM workspaces w
             LEFT JOIN LATERAL (
               SELECT * FROM model_configs
                WHERE workspace_id = w.id AND ${sqlAfterCursor('id', '$3')} AND ($5::boolean IS NULL OR archived = $5)
                ORDER BY id LIMIT $4
             ) c ON true
            WHERE w.id = $1 AND w.organization_id = $2
            ORDER BY c.id`,
    values: [workspaceId, organizationId, cursor, limit, archived],
  });
  if (rows.length === 0) return null;
  const configs: ModelConfigRecord[] = [];
  for (const r of rows) {
    if (r.id === null) continue;
    configs.push({
      id: r.id,
      workspaceId: r.workspace_id,
      name: r.name,
      provider: r.provider,
      model: r.model,
      params: r.params,
      hash: r.hash,
      archived: r.archived,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    });
  }
  return configs;
}

export async function updateModelConfigRow(
  prisma: PrismaClient,
  id: string,
  data: Prisma.ModelConfigUpdateInput,
): Promise<ModelConfig> {
  return prisma.modelConfig.update({ where: { id }, data });
}

export async function deleteModelConfigRow(prisma: PrismaClient, id: string): Promise<void> {
  await prisma.modelConfig.delete({ where: { id } });
}
