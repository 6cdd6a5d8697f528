/**
 * The answers behind the numbers: a paginated drill-down with each answer's mentions (spans to
 * highlight) and citations, and streamed exports of the raw responses, mentions and citations.
 * Both take the report filters, so a report row can always be opened to its answers.
 */
import type { Readable } from 'node:stream';
import { iso, isoOrNull, type Page } from '../common.schemas.js';
import { streamQuery } from '../reports/report-session.js';
import { filtersOf } from '../reports/reports.service.js';
import { sliceFilters } from '../reports/targeting.js';
import { requireWorkspace } from '../workspaces/workspaces.service.js';
import * as repo from './answers.repo.js';
import type { AnswerDto, AnswersQuery, ExportQuery } from './answers.schemas.js';
import type { Deps } from '../../deps.js';

export type AnswersDeps = Pick<Deps, 'db'>;

export async function listAnswers(
  deps: AnswersDeps,
  orgId: string,
  workspaceId: string,
  q: AnswersQuery,
): Promise<Page<AnswerDto>> {
  await requireWorkspace(deps.db.prisma, orgId, workspaceId);
  const { pool } = deps.db;
  const rows = await repo.listAnswers(pool, workspaceId, {
    filters: await sliceFilters(pool, workspaceId, filtersOf(q)),
    includeRaw: q.includeRaw,
    limit: q.limit,
    ...(q.status ? { status: q.status } : {}),
    ...(q.mentioning ? { mentioning: q.mentioning } : {}),
    ...(q.notMentioning ? { notMentioning: q.notMentioning } : {}),
    ...(q.cursor ? { cursor: q.cursor } : {}),
  });
  const page = rows.slice(0, q.limit);
  const ids = page.map((r) => r.id);
  const [mentions, citations] = ids.length
    ? await Promise.all([repo.mentionsOf(pool, ids), repo.citationsOf(pool, ids)])
    : [[], []];
  const data = page.map(
    (r): AnswerDto => ({
      id: r.id,
      runId: r.run_id,
      runAt: iso(r.run_at),
      promptId: r.prompt_id,
      promptText: r.prompt_text,
      modelConfigId: r.model_config_id,
      modelConfigName: r.model_config_name,
      provider: r.provider,
      model: r.model,
      modelVersion: r.model_version,
      sampleIndex: r.sample_index,
      status: r.status,
      completedAt: isoOrNull(r.completed_at),
      analyzedAt: isoOrNull(r.analyzed_at),
      errorCode: r.error_code,
      error: r.error,
      latencyMs: r.latency_ms,
      costUsd: r.cost_usd,
      mentions: mentions.filter((m) => m.response_id === r.id).map(mentionDto),
      citations: citations.filter((c) => c.response_id === r.id).map(citationDto),
      ...(q.includeRaw ? { text: r.text ?? null, raw: r.raw ?? null } : {}),
    }),
  );
  return { data, nextCursor: rows.length > q.limit ? (page[page.length - 1]?.id ?? null) : null };
}

export const mentionDto = (m: repo.MentionRow): AnswerDto['mentions'][number] => ({
  brandId: m.brand_id,
  brandName: m.brand_name,
  brandKind: m.brand_kind,
  count: m.count,
  spans: m.spans,
  firstOffset: m.first_offset,
  rank: m.rank,
  listPosition: m.list_position,
  sentiment: m.sentiment,
  sentimentLabel: m.sentiment_label,
  sentimentPassage: m.passage,
  snippet: m.snippet,
  matchedAlias: m.matched_alias,
});

export const citationDto = (c: repo.CitationRow): AnswerDto['citations'][number] => ({
  position: c.position,
  url: c.url,
  domain: c.domain,
  title: c.title,
  source: c.source,
  brandId: c.brand_id,
});

/** Streams a dataset from a Postgres cursor as CSV or a JSON array. */
export async function exportDataset(
  deps: AnswersDeps,
  orgId: string,
  workspaceId: string,
  dataset: 'responses' | 'mentions' | 'citations',
  q: ExportQuery,
): Promise<Readable> {
  await requireWorkspace(deps.db.prisma, orgId, workspaceId);
  const includeRaw = dataset === 'responses' && q.includeRaw;
  const filters = await sliceFilters(deps.db.pool, workspaceId, filtersOf(q));
  const { sql, values } = repo.exportSql(dataset, workspaceId, filters, includeRaw);
  const columns = [...repo.EXPORT_COLUMNS[dataset], ...(includeRaw ? ['raw'] : [])];
  return streamQuery(deps.db.pool, sql, values, (row) => row, q.format, columns, false);
}
