/**
 * The responses resource (read-only): every answer collected, newest first, with the exact
 * request parameters, usage, cost, status or error, and the mentions and citations derived from
 * it. The /answers drill-down takes the report filters; this resource is the plain record.
 */
import type { Prisma } from '../../generated/prisma/client.js';
import { AppError } from '../../lib/errors.js';
import { iso, isoOrNull, toPage, type Page } from '../common.schemas.js';
import { citationDto, mentionDto } from '../answers/answers.service.js';
import { citationsOf, mentionsOf } from '../answers/answers.repo.js';
import { requireWorkspace } from '../workspaces/workspaces.service.js';
import type { ResponseDto, ResponseListQuery } from './responses.schemas.js';
import type { Deps } from '../../deps.js';

export type ResponsesDeps = Pick<Deps, 'db'>;

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

type Row = Prisma.ResponseGetPayload<{ select: ReturnType<typeof columns> }>;

async function withFacts(deps: ResponsesDeps, rows: Row[], includeRaw: boolean): Promise<ResponseDto[]> {
  const ids = rows.map((r) => r.id);
  const [mentions, citations] = ids.length ? await Promise.all([mentionsOf(deps.db.pool, ids), citationsOf(deps.db.pool, ids)]) : [[], []];
  return rows.map((r) => ({
    id: r.id,
    runId: r.runId,
    promptId: r.promptId,
    modelConfigId: r.modelConfigId,
    sampleIndex: r.sampleIndex,
    provider: r.provider,
    channel: r.channel,
    model: r.model,
    modelVersion: r.modelVersion,
    configHash: r.configHash,
    requestParams: (r.requestParams ?? {}) as Record<string, unknown>,
    status: r.status,
    attempts: r.attempts,
    text: r.text,
    finishReason: r.finishReason,
    searchQueries: r.searchQueries,
    usage: {
      inputTokens: r.inputTokens,
      outputTokens: r.outputTokens,
      reasoningTokens: r.reasoningTokens,
      cachedInputTokens: r.cachedInputTokens,
      searchCalls: r.searchCalls,
    },
    costUsd: r.costUsd?.toString() ?? null,
    providerCostUsd: r.providerCostUsd?.toString() ?? null,
    latencyMs: r.latencyMs,
    providerRequestId: r.providerRequestId,
    errorCode: r.errorCode,
    error: r.error,
    createdAt: iso(r.createdAt),
    completedAt: isoOrNull(r.completedAt),
    analyzedAt: isoOrNull(r.analyzedAt),
    analysisVersion: r.analysisVersion,
    mentions: mentions.filter((m) => m.response_id === r.id).map(mentionDto),
    citations: citations.filter((c) => c.response_id === r.id).map(citationDto),
    ...(includeRaw ? { raw: r.raw ?? null } : {}),
  }));
}

export async function listResponses(deps: ResponsesDeps, orgId: string, workspaceId: string, q: ResponseListQuery): Promise<Page<ResponseDto>> {
  await requireWorkspace(deps.db, orgId, workspaceId);
  const rows = await deps.db.prisma.response.findMany({
    where: {
      workspaceId,
      ...(q.runId ? { runId: q.runId } : {}),
      ...(q.promptId ? { promptId: q.promptId } : {}),
      ...(q.modelConfigId ? { modelConfigId: q.modelConfigId } : {}),
      ...(q.status ? { status: q.status } : {}),
      ...(q.cursor ? { id: { lt: q.cursor } } : {}),
    },
    select: columns(q.includeRaw),
    orderBy: { id: 'desc' },
    take: q.limit + 1,
  });
  const page = toPage(rows, q.limit);
  return { data: await withFacts(deps, page.data, q.includeRaw), nextCursor: page.nextCursor };
}

export async function getResponse(deps: ResponsesDeps, orgId: string, workspaceId: string, responseId: string, includeRaw: boolean): Promise<ResponseDto> {
  await requireWorkspace(deps.db, orgId, workspaceId);
  const row = await deps.db.prisma.response.findFirst({ where: { id: responseId, workspaceId }, select: columns(includeRaw) });
  if (!row) throw AppError.notFound('Response');
  const [dto] = await withFacts(deps, [row], includeRaw);
  return dto as ResponseDto;
}
