/**
 * Change events: what a workspace did and when, and which prompts it should affect (by id and/or
 * tag). Tags are resolved when a report reads the event, so prompts tagged later count too.
 */
import type { Database, PrismaClient } from '../../db/client.js';
import { AppError, type FieldError } from '../../lib/errors.js';
import { iso, toPage, type ListQuery, type Page } from '../common.schemas.js';
import { requireWorkspace } from '../workspaces/workspaces.service.js';
import {
  deleteEventRow,
  findEvent,
  insertEvent,
  listEventRows,
  updateEventRow,
  workspacePromptIds,
  type ChangeEventWithPrompts,
} from './events.repo.js';
import type { ChangeEventCreate, ChangeEventDto, ChangeEventUpdate } from './events.schemas.js';

export interface EventsDeps {
  prisma: PrismaClient;
  pool: Database['pool'];
}

export function toEventDto(e: ChangeEventWithPrompts): ChangeEventDto {
  return {
    id: e.id,
    workspaceId: e.workspaceId,
    kind: e.kind,
    occurredAt: iso(e.occurredAt),
    title: e.title,
    notes: e.notes,
    url: e.url,
    promptIds: e.prompts.map((p) => p.promptId).sort(),
    promptTags: e.promptTags,
    createdAt: iso(e.createdAt),
    updatedAt: iso(e.updatedAt),
  };
}

async function checkPrompts(prisma: PrismaClient, workspaceId: string, promptIds: string[]): Promise<void> {
  if (!promptIds.length) return;
  const found = await workspacePromptIds(prisma, workspaceId, promptIds);
  const errors: FieldError[] = [];
  for (const [i, id] of promptIds.entries()) {
    if (!found.has(id)) errors.push({ path: `body.promptIds.${i}`, message: `no prompt ${id} in this workspace` });
  }
  if (errors.length)
    throw new AppError(
      'validation_failed',
      `The event is invalid: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}`,
      { errors },
    );
}

export async function requireEvent(
  prisma: PrismaClient,
  workspaceId: string,
  id: string,
): Promise<ChangeEventWithPrompts> {
  const event = await findEvent(prisma, workspaceId, id);
  if (!event) throw AppError.notFound('Event');
  return event;
}

export async function createEvent(
  deps: EventsDeps,
  orgId: string,
  workspaceId: string,
  input: ChangeEventCreate,
): Promise<ChangeEventDto> {
  await requireWorkspace(deps, orgId, workspaceId);
  await checkPrompts(deps.prisma, workspaceId, input.promptIds);
  const event = await insertEvent(
    deps.prisma,
    workspaceId,
    {
      kind: input.kind,
      occurredAt: new Date(input.occurredAt),
      title: input.title ?? null,
      notes: input.notes ?? null,
      url: input.url ?? null,
      promptTags: input.promptTags,
    },
    [...new Set(input.promptIds)],
  );
  return toEventDto(event);
}

export async function listEvents(
  deps: EventsDeps,
  orgId: string,
  workspaceId: string,
  q: ListQuery,
): Promise<Page<ChangeEventDto>> {
  await requireWorkspace(deps, orgId, workspaceId);
  const rows = await listEventRows(deps.prisma, workspaceId, q.limit + 1, q.cursor ?? null);
  return toPage(rows.map(toEventDto), q.limit);
}

export async function getEvent(
  deps: EventsDeps,
  orgId: string,
  workspaceId: string,
  id: string,
): Promise<ChangeEventDto> {
  await requireWorkspace(deps, orgId, workspaceId);
  return toEventDto(await requireEvent(deps.prisma, workspaceId, id));
}

export async function updateEvent(
  deps: EventsDeps,
  orgId: string,
  workspaceId: string,
  id: string,
  input: ChangeEventUpdate,
): Promise<ChangeEventDto> {
  await requireWorkspace(deps, orgId, workspaceId);
  const current = await requireEvent(deps.prisma, workspaceId, id);
  const promptIds = input.promptIds ? [...new Set(input.promptIds)] : undefined;
  const promptTags = input.promptTags ?? current.promptTags;
  if ((promptIds ?? current.prompts.map((p) => p.promptId)).length === 0 && promptTags.length === 0) {
    throw new AppError('validation_failed', 'An event needs promptIds or promptTags: the prompts it should affect.', {
      errors: [{ path: 'body.promptIds', message: 'give promptIds or promptTags (or both)' }],
    });
  }
  if (promptIds) await checkPrompts(deps.prisma, workspaceId, promptIds);
  const { promptIds: _p, occurredAt, ...rest } = input;
  const scalars = { ...rest, ...(occurredAt ? { occurredAt: new Date(occurredAt) } : {}) };
  return toEventDto(await updateEventRow(deps.prisma, id, scalars, promptIds));
}

export async function deleteEvent(deps: EventsDeps, orgId: string, workspaceId: string, id: string): Promise<void> {
  await requireWorkspace(deps, orgId, workspaceId);
  await requireEvent(deps.prisma, workspaceId, id);
  await deleteEventRow(deps.prisma, id);
}
