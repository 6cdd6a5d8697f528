/** SQL of the drill-down and the raw exports, with the report filters (sources.sql.ts answerScope). */
import type pg from 'pg';
import { Params, answerScope, type SliceFilters, type SourceContext } from '../reports/sources.sql.js';
import { sqlAfterCursor } from '../../db/pagination.js';

export const rawContext = (workspaceId: string, filters: SliceFilters): SourceContext => ({
  p: new Params(),
  workspaceId,
  filters,
  timezone: 'UTC',
  live: null,
});

export interface AnswerRow {
  id: string;
  run_id: string;
  run_at: Date;
  prompt_id: string;
  prompt_text: string;
  model_config_id: string;
  model_config_name: string;
  provider: string;
  model: string;
  model_version: string | null;
  sample_index: number;
  status: 'pending' | 'succeeded' | 'failed' | 'cancelled';
  completed_at: Date | null;
  analyzed_at: Date | null;
  error_code: string | null;
  error: string | null;
  latency_ms: number | null;
  cost_usd: string | null;
  text?: string | null;
  raw?: unknown;
}

export async function listAnswers(
  pool: pg.Pool,
  workspaceId: string,
  q: {
    filters: SliceFilters;
    status?: string[];
    mentioning?: string[];
    notMentioning?: string[];
    includeRaw: boolean;
    limit: number;
    cursor?: string;
  },
): Promise<AnswerRow[]> {
  const ctx = rawContext(workspaceId, q.filters);
  const { p } = ctx;
  const conds = [answerScope(ctx)];
  if (q.status) conds.push(`r.status::text = ANY(${p.ref('status', q.status, 'text[]')})`);
  // Whether an answer names a brand is known once it succeeded and was analysed: the answers
  // reports count. A failed or waiting answer is on neither side of a report row.
  if (q.mentioning || q.notMentioning) conds.push(`r.status = 'succeeded' AND r.analyzed_at IS NOT NULL`);
  if (q.mentioning)
    conds.push(
      `EXISTS (SELECT 1 FROM mentions m WHERE m.response_id = r.id AND m.brand_id = ANY(${p.ref('mentioning', q.mentioning, 'uuid[]')}))`,
    );
  if (q.notMentioning)
    conds.push(
      `NOT EXISTS (SELECT 1 FROM mentions m WHERE m.response_id = r.id AND m.brand_id = ANY(${p.ref('notMentioning', q.notMentioning, 'uuid[]')}))`,
    );
  conds.push(sqlAfterCursor('r.id', p.ref('cursor', q.cursor ?? null, 'uuid'), 'desc'));
  const { rows } = await pool.query<AnswerRow>(
    `SELECT r.id, r.run_id, ru.created_at AS run_at, r.prompt_id, pr.text AS prompt_text, r.model_config_id, mc.name AS model_config_name,
            r.provider, r.model, r.model_version, r.sample_index, r.status, r.completed_at, r.analyzed_at, r.error_code, r.error,
            r.latency_ms, r.cost_usd${q.includeRaw ? ', r.text, r.raw' : ''}
       FROM responses r JOIN runs ru ON ru.id = r.run_id
       JOIN prompts pr ON pr.id = r.prompt_id JOIN model_configs mc ON mc.id = r.model_config_id
      WHERE ${conds.join(' AND ')}
      ORDER BY r.id DESC
      LIMIT ${p.ref('limit', q.limit + 1, 'int')}`,
    p.values,
  );
  return rows;
}

export interface MentionRow {
  response_id: string;
  brand_id: string;
  brand_name: string;
  brand_kind: 'own' | 'competitor';
  count: number;
  spans: Array<[number, number]>;
  first_offset: number;
  rank: number;
  list_position: number | null;
  sentiment: number;
  sentiment_label: 'positive' | 'neutral' | 'negative';
  sentiment_passage_start: number | null;
  sentiment_passage_end: number | null;
  snippet: string;
  matched_alias: string;
  /** The deciding passage with its text, cut from the answer here: offsets are JavaScript (UTF-16) indices, not Postgres characters. */
  passage: { start: number; end: number; text: string } | null;
}

export async function mentionsOf(pool: pg.Pool, ids: string[]): Promise<MentionRow[]> {
  const { rows } = await pool.query<Omit<MentionRow, 'passage'>>(
    `SELECT m.response_id, m.brand_id, b.name AS brand_name, b.kind AS brand_kind, m.count, m.spans, m.first_offset, m.rank, m.list_position,
            m.sentiment, m.sentiment_label, m.sentiment_passage_start, m.sentiment_passage_end, m.snippet, m.matched_alias
       FROM mentions m JOIN brands b ON b.id = m.brand_id WHERE m.response_id = ANY($1::uuid[]) ORDER BY m.response_id, m.rank`,
    [ids],
  );
  const withPassage = [...new Set(rows.filter((m) => m.sentiment_passage_start !== null).map((m) => m.response_id))];
  const texts = new Map<string, string>();
  if (withPassage.length > 0) {
    const answers = await pool.query<{ id: string; text: string | null }>(
      'SELECT id, text FROM responses WHERE id = ANY($1::uuid[])',
      [withPassage],
    );
    for (const a of answers.rows) if (a.text !== null) texts.set(a.id, a.text);
  }
  return rows.map((m) => {
    const text = texts.get(m.response_id);
    const start = m.sentiment_passage_start;
    const end = m.sentiment_passage_end;
    const passage =
      text !== undefined && start !== null && end !== null && start >= 0 && end > start && end <= text.length
        ? { start, end, text: text.slice(start, end) }
        : null;
    return { ...m, passage };
  });
}

export interface CitationRow {
  response_id: string;
  position: number;
  url: string;
  domain: string;
  title: string | null;
  source: 'annotation' | 'link' | 'search_result';
  brand_id: string | null;
}

export async function citationsOf(pool: pg.Pool, ids: string[]): Promise<CitationRow[]> {
  const { rows } = await pool.query<CitationRow>(
    'SELECT response_id, position, url, domain, title, source, brand_id FROM citations WHERE response_id = ANY($1::uuid[]) ORDER BY response_id, position',
    [ids],
  );
  return rows;
}

const RESPONSE_COLUMNS = `r.id AS response_id, r.run_id, ru.created_at AS run_at, r.prompt_id, r.model_config_id, r.provider, r.model`;

/** Export statements: every row of a dataset in the filtered answers, in answer order, for a cursor. */
export function exportSql(
  dataset: 'responses' | 'mentions' | 'citations',
  workspaceId: string,
  filters: SliceFilters,
  includeRaw: boolean,
): { sql: string; values: unknown[] } {
  const { brandIds, ...answerFilters } = filters;
  const ctx = rawContext(workspaceId, answerFilters);
  const scope = answerScope(ctx);
  // Brands narrow mentions and citations; every answer is a response whatever it mentions.
  const brands = brandIds && dataset !== 'responses' ? ctx.p.ref('brands', brandIds, 'uuid[]') : null;
  const from = 'FROM responses r JOIN runs ru ON ru.id = r.run_id';
  let sql: string;
  if (dataset === 'responses') {
    sql = `SELECT ${RESPONSE_COLUMNS}, r.model_version, r.sample_index, r.status, r.completed_at, r.analyzed_at, r.analysis_version,
                  r.error_code, r.error, r.input_tokens, r.output_tokens, r.latency_ms, r.cost_usd, r.text${includeRaw ? ', r.raw' : ''}
             ${from} WHERE ${scope} ORDER BY r.id`;
  } else if (dataset === 'mentions') {
    sql = `SELECT ${RESPONSE_COLUMNS}, m.brand_id, b.name AS brand_name, b.kind AS brand_kind, m.count, m.first_offset, m.rank, m.list_position,
                  m.sentiment, m.sentiment_label, m.snippet, m.matched_alias, m.spans
             ${from} JOIN mentions m ON m.response_id = r.id JOIN brands b ON b.id = m.brand_id
            WHERE ${scope}${brands ? ` AND m.brand_id = ANY(${brands})` : ''} ORDER BY r.id, m.rank`;
  } else {
    sql = `SELECT ${RESPONSE_COLUMNS}, c.position, c.url, c.domain, c.title, c.source, c.brand_id
             ${from} JOIN citations c ON c.response_id = r.id
            WHERE ${scope}${brands ? ` AND c.brand_id = ANY(${brands})` : ''} ORDER BY r.id, c.position`;
  }
  return { sql, values: ctx.p.values };
}

/** CSV header of each dataset (the order of the SELECT lists above). */
export const EXPORT_COLUMNS: Record<'responses' | 'mentions' | 'citations', string[]> = {
  responses: [
    'response_id',
    'run_id',
    'run_at',
    'prompt_id',
    'model_config_id',
    'provider',
    'model',
    'model_version',
    'sample_index',
    'status',
    'completed_at',
    'analyzed_at',
    'analysis_version',
    'error_code',
    'error',
    'input_tokens',
    'output_tokens',
    'latency_ms',
    'cost_usd',
    'text',
  ],
  mentions: [
    'response_id',
    'run_id',
    'run_at',
    'prompt_id',
    'model_config_id',
    'provider',
    'model',
    'brand_id',
    'brand_name',
    'brand_kind',
    'count',
    'first_offset',
    'rank',
    'list_position',
    'sentiment',
    'sentiment_label',
    'snippet',
    'matched_alias',
    'spans',
  ],
  citations: [
    'response_id',
    'run_id',
    'run_at',
    'prompt_id',
    'model_config_id',
    'provider',
    'model',
    'position',
    'url',
    'domain',
    'title',
    'source',
    'brand_id',
  ],
};

/** Every mention of a run's answers with its sentiment label and deciding passage (offsets into the text), by answer and rank. */
export async function sentimentPassagesOfRun(pool: pg.Pool, workspaceId: string, runId: string) {
  const { rows } = await pool.query<{
    id: string;
    text: string;
    prompt: string;
    config: string;
    brand: string;
    label: 'positive' | 'neutral' | 'negative';
    s: number;
    e: number;
  }>(
    `SELECT r.id, r.text, p.text AS prompt, c.name AS config, b.name AS brand, m.sentiment_label AS label,
            m.sentiment_passage_start AS s, m.sentiment_passage_end AS e
       FROM responses r
       JOIN prompts p ON p.id = r.prompt_id
       JOIN model_configs c ON c.id = r.model_config_id
       JOIN mentions m ON m.response_id = r.id
       JOIN brands b ON b.id = m.brand_id
      WHERE r.workspace_id = $1 AND r.run_id = $2 AND m.sentiment_passage_start IS NOT NULL
      ORDER BY r.id, m.rank`,
    [workspaceId, runId],
  );
  return rows;
}
