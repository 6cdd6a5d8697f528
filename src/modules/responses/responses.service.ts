/**
 * The responses resource (read-only): every answer collected, newest first, with the exact
 * request parameters, usage, cost, status or error, and the mentions and citations derived from
 * it. The /answers drill-down takes the report filters; this resource is the plain record.
 */
import { AppError } from '../../lib/errors.js';
import { iso, isoOrNull, type Page } from '../common.schemas.js';
import { citationDto, mentionDto } from '../answers/answers.service.js';
import { citationsOf, mentionsOf } from '../answers/answers.repo.js';
import { requireWorkspace } from '../workspaces/workspaces.service.js';
import { findResponse, findResponsesPage, type ResponseRow } from './responses.repo.js';
import type { ResponseDto, ResponseListQuery } from './responses.schemas.js';
import type { Deps } from '../../deps.js';

export type ResponsesDeps = Pick<Deps, 'db'>;

async function withFacts(deps: ResponsesDeps, rows: ResponseRow[], includeRaw: boolean): Promise<ResponseDto[]> {
  const ids = rows.map((r) => r.id);
  const [mentions, citations] = ids.length
    ? await Promise.all([mentionsOf(deps.db.pool, ids), citationsOf(deps.db.pool, ids)])
    : [[], []];
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

export async function listResponses(
  deps: ResponsesDeps,
  orgId: string,
  workspaceId: string,
  q: ResponseListQuery,
): Promise<Page<ResponseDto>> {
  await requireWorkspace(deps.db, orgId, workspaceId);
  const page = await findResponsesPage(deps.db.prisma, workspaceId, q);
  return { data: await withFacts(deps, page.data, q.includeRaw), nextCursor: page.nextCursor };
}

export async function getResponse(
  deps: ResponsesDeps,
  orgId: string,
  workspaceId: string,
  responseId: string,
  includeRaw: boolean,
): Promise<ResponseDto> {
  await requireWorkspace(deps.db, orgId, workspaceId);
  const row = await findResponse(deps.db.prisma, workspaceId, responseId, includeRaw);
  if (!row) throw AppError.notFound('Response');
  const [dto] = await withFacts(deps, [row], includeRaw);
  return dto as ResponseDto;
}
