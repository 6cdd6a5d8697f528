/**
 * Prompts. A prompt that already has answers keeps its text (answers must stay tied to the
 * question actually asked) and cannot be deleted: archive it, or create a new prompt.
 */
import type { Database, PrismaClient } from '../../db/client.js';
import type { Prompt } from '../../generated/prisma/client.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { iso, toPage, type Page } from '../common.schemas.js';
import { requireWorkspace } from '../workspaces/workspaces.service.js';
import type { PromptCreate, PromptDto, PromptListQuery, PromptUpdate } from './prompts.schemas.js';

export interface PromptsDeps {
  prisma: PrismaClient;
  pool: Database['pool'];
}

export function toPromptDto(p: Prompt): PromptDto {
  return { id: p.id, workspaceId: p.workspaceId, text: p.text, locale: p.locale, tags: p.tags, archived: p.archived, createdAt: iso(p.createdAt), updatedAt: iso(p.updatedAt) };
}

async function requirePrompt(prisma: PrismaClient, workspaceId: string, id: string): Promise<Prompt> {
  const prompt = await prisma.prompt.findFirst({ where: { id, workspaceId } });
  if (!prompt) throw AppError.notFound('Prompt');
  return prompt;
}

async function hasAnswers(prisma: PrismaClient, promptId: string): Promise<boolean> {
  return (await prisma.response.findFirst({ where: { promptId }, select: { id: true } })) !== null;
}

export async function createPrompt(deps: PromptsDeps, orgId: string, workspaceId: string, input: PromptCreate): Promise<PromptDto> {
  await requireWorkspace(deps, orgId, workspaceId);
  return toPromptDto(await deps.prisma.prompt.create({ data: { id: newId(), workspaceId, ...input } }));
}

export async function listPrompts(deps: PromptsDeps, orgId: string, workspaceId: string, q: PromptListQuery): Promise<Page<PromptDto>> {
  await requireWorkspace(deps, orgId, workspaceId);
  const rows = await deps.prisma.prompt.findMany({
    where: {
      workspaceId,
      ...(q.cursor ? { id: { gt: q.cursor } } : {}),
      ...(q.tag ? { tags: { has: q.tag } } : {}),
      ...(q.archived !== undefined ? { archived: q.archived } : {}),
    },
    orderBy: { id: 'asc' },
    take: q.limit + 1,
  });
  const page = toPage(rows, q.limit);
  return { data: page.data.map(toPromptDto), nextCursor: page.nextCursor };
}

export async function getPrompt(deps: PromptsDeps, orgId: string, workspaceId: string, id: string): Promise<PromptDto> {
  await requireWorkspace(deps, orgId, workspaceId);
  return toPromptDto(await requirePrompt(deps.prisma, workspaceId, id));
}

export async function updatePrompt(deps: PromptsDeps, orgId: string, workspaceId: string, id: string, input: PromptUpdate): Promise<PromptDto> {
  await requireWorkspace(deps, orgId, workspaceId);
  const prompt = await requirePrompt(deps.prisma, workspaceId, id);
  const changesQuestion = (input.text !== undefined && input.text !== prompt.text) || (input.locale !== undefined && input.locale !== prompt.locale);
  if (changesQuestion && (await hasAnswers(deps.prisma, id))) {
    throw new AppError('conflict', 'This prompt already has answers, so its text and locale cannot change. Create a new prompt (and archive this one).');
  }
  return toPromptDto(await deps.prisma.prompt.update({ where: { id }, data: input }));
}

export async function deletePrompt(deps: PromptsDeps, orgId: string, workspaceId: string, id: string): Promise<void> {
  await requireWorkspace(deps, orgId, workspaceId);
  await requirePrompt(deps.prisma, workspaceId, id);
  if (await hasAnswers(deps.prisma, id)) {
    throw new AppError('conflict', 'This prompt has answers and cannot be deleted; archive it instead (PATCH {"archived": true}).');
  }
  await deps.prisma.prompt.delete({ where: { id } });
}
