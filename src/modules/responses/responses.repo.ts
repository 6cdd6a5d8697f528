/** Stored answers as the responses resource reads them: the plain record, newest first. */
import type { PrismaClient } from '../../db/client.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { pageArgs, toPage, type Page } from '../../db/pagination.js';
import type { ResponseListQuery } from './responses.schemas.js';

const columns = (includeRaw: boolean) =>
  ({
    id: true,
    runId: true,
    promptId: true,
    modelConfigId: true,
    sampleIndex: true,
    provider: true,
    channel: true,
    model: true,
    modelVersion: true,
    configHash: true,
    requestParams: true,
    status: true,
    attempts: true,
    text: true,
    finishReason: true,
    searchQueries: true,
    inputTokens: true,
    outputTokens: true,
    reasoningTokens: true,
    cachedInputTokens: true,
    searchCalls: true,
    costUsd: true,
    providerCostUsd: true,
    latencyMs: true,
    providerRequestId: true,
    errorCode: true,
    error: true,
    createdAt: true,
    completedAt: true,
    analyzedAt: true,
    analysisVersion: true,
    raw: includeRaw,
  }) satisfies Prisma.ResponseSelect;

export type ResponseRow = Prisma.ResponseGetPayload<{ select: ReturnType<typeof columns> }>;

/** One page of a workspace's answers, newest first, narrowed by run, prompt, configuration and status. */
export async function findResponsesPage(
  prisma: PrismaClient,
  workspaceId: string,
  q: ResponseListQuery,
): Promise<Page<ResponseRow>> {
  const where = {
    workspaceId,
    ...(q.runId ? { runId: q.runId } : {}),
    ...(q.promptId ? { promptId: q.promptId } : {}),
    ...(q.modelConfigId ? { modelConfigId: q.modelConfigId } : {}),
    ...(q.status ? { status: q.status } : {}),
  } satisfies Prisma.ResponseWhereInput;
  const rows = await prisma.response.findMany({ ...pageArgs(q, where, 'desc'), select: columns(q.includeRaw) });
  return toPage(rows, q.limit);
}

export async function findResponse(
  prisma: PrismaClient,
  workspaceId: string,
  responseId: string,
  includeRaw: boolean,
): Promise<ResponseRow | null> {
  return prisma.response.findFirst({ where: { id: responseId, workspaceId }, select: columns(includeRaw) });
}
