/** Prompt rows, through Prisma. */
import type { PrismaClient } from '../../db/client.js';
import { pageArgs } from '../../db/pagination.js';
import type { Prompt } from '../../generated/prisma/client.js';
import { newId } from '../../lib/ids.js';
import type { PromptCreate, PromptListQuery, PromptUpdate } from './prompts.schemas.js';

export async function findPrompt(prisma: PrismaClient, workspaceId: string, id: string): Promise<Prompt | null> {
  return prisma.prompt.findFirst({ where: { id, workspaceId } });
}

/** Whether any answer was collected for the prompt. */
export async function promptHasAnswers(prisma: PrismaClient, promptId: string): Promise<boolean> {
  return (await prisma.response.findFirst({ where: { promptId }, select: { id: true } })) !== null;
}

export async function insertPrompt(prisma: PrismaClient, workspaceId: string, input: PromptCreate): Promise<Prompt> {
  return prisma.prompt.create({ data: { id: newId(), workspaceId, ...input } });
}

/** Creates all the prompts in one transaction, or none. */
export async function insertPrompts(
  prisma: PrismaClient,
  workspaceId: string,
  inputs: PromptCreate[],
): Promise<Prompt[]> {
  return prisma.$transaction(inputs.map((p) => prisma.prompt.create({ data: { id: newId(), workspaceId, ...p } })));
}

export async function listPromptRows(prisma: PrismaClient, workspaceId: string, q: PromptListQuery): Promise<Prompt[]> {
  return prisma.prompt.findMany(
    pageArgs(q, {
      workspaceId,
      ...(q.tag ? { tags: { has: q.tag } } : {}),
      ...(q.archived !== undefined ? { archived: q.archived } : {}),
    }),
  );
}

export async function updatePromptRow(prisma: PrismaClient, id: string, input: PromptUpdate): Promise<Prompt> {
  return prisma.prompt.update({ where: { id }, data: input });
}

export async function deletePromptRow(prisma: PrismaClient, id: string): Promise<void> {
  await prisma.prompt.delete({ where: { id } });
}
