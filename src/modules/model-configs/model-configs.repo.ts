/** Model configuration rows, through Prisma. */
import type { PrismaClient } from '../../db/client.js';
import { pageArgs } from '../../db/pagination.js';
import type { ModelConfig, Prisma } from '../../generated/prisma/client.js';
import { newId } from '../../lib/ids.js';
import type { ModelConfigListQuery } from './model-configs.schemas.js';

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

export async function listModelConfigRows(
  prisma: PrismaClient,
  workspaceId: string,
  q: ModelConfigListQuery,
): Promise<ModelConfig[]> {
  return prisma.modelConfig.findMany(
    pageArgs(q, { workspaceId, ...(q.archived !== undefined ? { archived: q.archived } : {}) }),
  );
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
