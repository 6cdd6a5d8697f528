/**
 * Prompts. A prompt that already has answers keeps its text (answers must stay tied to the
 * question actually asked) and cannot be deleted: archive it, or create a new prompt.
 */
import type { Database, PrismaClient } from '../../db/client.js';
import type { Prompt } from '../../generated/prisma/client.js';
import { AppError } from '../../lib/errors.js';
import { iso, toPage, type Page } from '../common.schemas.js';
import { requireWorkspace } from '../workspaces/workspaces.service.js';
import {
  deletePromptRow,
  findPrompt,
  insertPrompt,
  listPromptRows,
  promptHasAnswers,
  updatePromptRow,
} from './prompts.repo.js';
import type { PromptCreate, PromptDto, PromptListQuery, PromptUpdate } from './prompts.schemas.js';

export interface PromptsDeps {
  prisma: PrismaClient;
  pool: Database['pool'];
}

export function toPromptDto(p: Prompt): PromptDto {
  return {
    id: p.id,
    workspaceId: p.workspaceId,
    text: p.text,
    locale: p.locale,
    tags: p.tags,
    archived: p.archived,
    createdAt: iso(p.createdAt),
    updatedAt: iso(p.updatedAt),
  };
}

async function requirePrompt(prisma: PrismaClient, workspaceId: string, id: string): Promise<Prompt> {
  const prompt = await findPrompt(prisma, workspaceId, id);
  if (!prompt) throw AppError.notFound('Prompt');
  return prompt;
}

export async function createPrompt(
  deps: PromptsDeps,
  orgId: string,
  workspaceId: string,
  input: PromptCreate,
): Promise<PromptDto> {
  await requireWorkspace(deps, orgId, workspaceId);
  return toPromptDto(await insertPrompt(deps.prisma, workspaceId, input));
}

export async function listPrompts(
  deps: PromptsDeps,
  orgId: string,
  workspaceId: string,
  q: PromptListQuery,
): Promise<Page<PromptDto>> {
  await requireWorkspace(deps, orgId, workspaceId);
  return toPage(await listPromptRows(deps.prisma, workspaceId, q), q.limit, toPromptDto);
}

export async function getPrompt(deps: PromptsDeps, orgId: string, workspaceId: string, id: string): Promise<PromptDto> {
  await requireWorkspace(deps, orgId, workspaceId);
  return toPromptDto(await requirePrompt(deps.prisma, workspaceId, id));
}

export async function updatePrompt(
  deps: PromptsDeps,
  orgId: string,
  workspaceId: string,
  id: string,
  input: PromptUpdate,
): Promise<PromptDto> {
  await requireWorkspace(deps, orgId, workspaceId);
  const prompt = await requirePrompt(deps.prisma, workspaceId, id);
  const changesQuestion =
    (input.text !== undefined && input.text !== prompt.text) ||
    (input.locale !== undefined && input.locale !== prompt.locale);
  if (changesQuestion && (await promptHasAnswers(deps.prisma, id))) {
    throw new AppError(
      'conflict',
      'This prompt already has answers, so its text and locale cannot change. Create a new prompt (and archive this one).',
    );
  }
  return toPromptDto(await updatePromptRow(deps.prisma, id, input));
}

export async function deletePrompt(deps: PromptsDeps, orgId: string, workspaceId: string, id: string): Promise<void> {
  await requireWorkspace(deps, orgId, workspaceId);
  await requirePrompt(deps.prisma, workspaceId, id);
  if (await promptHasAnswers(deps.prisma, id)) {
    throw new AppError(
      'conflict',
      'This prompt has answers and cannot be deleted; archive it instead (PATCH {"archived": true}).',
    );
  }
  await deletePromptRow(deps.prisma, id);
}
