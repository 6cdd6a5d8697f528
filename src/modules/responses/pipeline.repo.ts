/**
 * The SQL of the answer pipeline, written for batches: workers gather many answers and store
 * them with one statement. Rules that keep every count exact under retries and duplicates:
 * - an answer is stored only while its response is still `pending` (a retried or duplicated
 *   job finds it done and stores nothing), or `cancelled`: a run cancelled or stopped at its
 *   budget cancels every pending answer at once, including those whose call is already in flight.
 *   A query job calls only while its response is pending, so an answer arriving for a cancelled
 *   response comes from a call that was paid for: it is stored, analysed and its cost counted,
 *   and the response moves from the run's `cancelled` counter to `succeeded`, once (it is no
 *   longer cancelled afterwards). A call in flight that fails leaves its response cancelled;
 * - run counters change in the same statement as the responses they count;
 * - a run is finished by one conditional UPDATE (finished_at IS NULL), so exactly once;
 * - locks are taken in one order everywhere: response rows (by id), then run rows (by id), so a
 *   batch being stored, an analysis and a cancellation never deadlock one another.
 */
import type pg from 'pg';
import { ANALYSIS_VERSION, type AnalysisResult } from '../../analysis/index.js';
import type { NormalizedAnswer, ProviderCitation, ProviderSource } from '../../providers/types.js';

export interface QueryWork {
  id: string;
  status: 'pending' | 'succeeded' | 'failed' | 'cancelled';
  analyzed: boolean;
  run_id: string;
  workspace_id: string;
  sample_index: number;
  provider: string;
  model: string;
  prompt_text: string;
  locale: string;
  params: Record<string, unknown>;
  brands_version: number;
  budget_usd: string | null;
  actual_cost_usd: string;
  /** The run samples adaptively: its waves are decided as answers are stored (runs.adaptive.ts). */
  adaptive: boolean;
}

/** Everything a query job needs, for a batch of responses; missing ids map to null. */
export async function loadQueryWork(pool: pg.Pool, ids: string[]): Promise<Array<QueryWork | null>> {
  const { rows } = await pool.query<QueryWork>({
    name: 'pipeline_load_work',
    text: `SELECT r.id, r.status, r.analyzed_at IS NOT NULL AS analyzed, r.run_id, r.workspace_id, r.sample_index, r.provider, r.model,
            p.text AS prompt_text, p.locale, c.params, w.brands_version, run.budget_usd, run.actual_cost_usd,
            run.sampling IS NOT NULL AS adaptive
       FROM responses r
       JOIN prompts p ON p.id = r.prompt_id
       JOIN model_configs c ON c.id = r.model_config_id
       JOIN workspaces w ON w.id = r.workspace_id
       JOIN runs run ON run.id = r.run_id
      WHERE r.id = ANY($1::uuid[])`,
    values: [ids],
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id) ?? null);
}

/** What analysing an answer needs besides the answer: known when its job loaded the response. */
export interface AnswerContext {
  workspaceId: string;
  brandsVersion: number;
  locale: string;
  /** The prompt's text: sentiment reads its intent ("best CRM for…" asks for recommendations). */
  prompt?: string;
}

export type Outcome =
  | { kind: 'succeeded'; responseId: string; attempts: number; answer: NormalizedAnswer; context?: AnswerContext }
  | { kind: 'failed'; responseId: string; attempts: number; errorCode: string; error: string };

/** An answer as it will be stored (U+0000 replaced), to be analysed before the statement that stores it. */
export interface StoredAnswer {
  context: AnswerContext;
  text: string;
  citations: ProviderCitation[];
  sources: ProviderSource[];
}

/** Facts of answers about to be stored, one per answer; null for an answer an analysis job should do later. */
export type AnalyseAhead = (answers: StoredAnswer[]) => Promise<Array<AnalysisResult | null>>;

export interface StoreResult {
  /** Per outcome: whether it was stored (false when the response was already settled, or a duplicate in the batch). */
  stored: boolean[];
  /** Per outcome: whether it was stored with its facts (analysed); a stored success without them needs an analysis job. */
  analysed: boolean[];
  /** Runs this batch finished: by failures, or by successes analysed as they were stored. */
  finishedRunIds: string[];
}

/**
 * Postgres stores no U+0000 in text or JSON, and one such character in a provider's answer would
 * fail the whole batch on every retry. It becomes U+FFFD: one character for one, so citation
 * offsets into the text stay right.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: U+0000 is exactly what Postgres text cannot hold
const NUL = /\u0000/g;
const clean = (v: string | null) => (v === null ? null : v.replace(NUL, '\uFFFD'));
/**
 * JSON as stored. JSON.stringify writes U+0000 as the escape `\u0000`, so a payload without that
 * escape needs no second pass; only one with it is written again with U+0000 replaced (a replacer
 * on every payload made this the costliest step of storing an answer).
 */
const json = (v: unknown) => {
  if (v === undefined || v === null) return null;
  const text = JSON.stringify(v);
  return text.includes('\\u0000')
    ? JSON.stringify(v, (_key, value: unknown) => (typeof value === 'string' ? value.replace(NUL, '\uFFFD') : value))
    : text;
};
/** The value as stored: parsed back from its stored JSON only when a U+0000 was replaced in it. */
const asStored = <T>(value: T, stored: string | null): T =>
  stored?.includes('\uFFFD') ? (JSON.parse(stored) as T) : value;

/**
 * Stores a batch of outcomes in one statement. With `analyse`, successes that carry their
 * context are analysed first and their mentions and citations written by the same statement,
 * so they need no analysis job; the facts are written only for answers the statement stores.
 */
export async function storeOutcomes(pool: pg.Pool, outcomes: Outcome[], analyse?: AnalyseAhead): Promise<StoreResult> {
  // One outcome per response and batch (two attempts of one job may meet in a batch): the first
  // success wins, else the first failure. A statement must not update the same row twice.
  const chosen = new Map<string, number>();
  outcomes.forEach((o, i) => {
    const prev = chosen.get(o.responseId);
    if (prev === undefined || (o.kind === 'succeeded' && (outcomes[prev] as Outcome).kind === 'failed'))
      chosen.set(o.responseId, i);
  });
  const picked = [...chosen.values()].sort((x, y) => x - y).map((i) => outcomes[i] as Outcome);
  const ok = picked.filter((o): o is Extract<Outcome, { kind: 'succeeded' }> => o.kind === 'succeeded');
  const ko = picked.filter((o): o is Extract<Outcome, { kind: 'failed' }> => o.kind === 'failed');
  const a = ok.map((o) => o.answer);
  const texts = a.map((x) => clean(x.text));
  const citations = a.map((x) => json(x.citations));
  const sources = a.map((x) => json(x.sources));
  const facts = await analyseOk(ok, analyse, (i) => ({
    text: texts[i] ?? '',
    citations: asStored(a[i]?.citations ?? [], citations[i] ?? null),
    sources: asStored(a[i]?.sources ?? [], sources[i] ?? null),
  }));
  const { rows } = await pool.query<{ id: string; run_id: string; kind: string }>({
    // Prepared once per connection: planning this statement cost as much as running it.
    name: 'pipeline_store_outcomes',
    // `locked` takes the row locks in id order and reads each status as it is now (a row lock
    // waits for a concurrent cancellation and sees its result), so the updates below know
    // whether they settle a pending response or take in the late answer of a cancelled one.
    text: `WITH locked AS (
        SELECT id, status FROM responses
         WHERE id = ANY($1::uuid[] || $20::uuid[]) AND status IN ('pending', 'cancelled')
         ORDER BY id FOR UPDATE
     ), ok AS (
        UPDATE responses r SET
          status = 'succeeded', attempts = u.attempts, model_version = u.model_version, request_params = u.request_params::jsonb,
          text = u.text, raw = u.raw::jsonb, finish_reason = u.finish_reason,
          search_queries = ARRAY(SELECT jsonb_array_elements_text(u.search_queries::jsonb)),
          provider_citations = u.citations::jsonb, sources = u.sources::jsonb,
          input_tokens = u.input_tokens, output_tokens = u.output_tokens, reasoning_tokens = u.reasoning_tokens,
          cached_input_tokens = u.cached_input_tokens, search_calls = u.search_calls, cost_usd = u.cost_usd,
          provider_cost_usd = u.provider_cost_usd, latency_ms = u.latency_ms, provider_request_id = u.request_id,
          error = NULL, error_code = NULL, completed_at = now(),
          analyzed_at = CASE WHEN u.analysed THEN now() ELSE r.analyzed_at END,
          analysis_version = CASE WHEN u.analysed THEN $25::int ELSE r.analysis_version END
        FROM unnest($1::uuid[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[],
                    $11::int[], $12::int[], $13::int[], $14::int[], $15::int[], $16::numeric[], $17::numeric[], $18::int[], $19::text[], $24::bool[])
          AS u(id, attempts, model_version, request_params, text, raw, finish_reason, search_queries, citations, sources,
               input_tokens, output_tokens, reasoning_tokens, cached_input_tokens, search_calls, cost_usd, provider_cost_usd, latency_ms, request_id,
               analysed)
          JOIN locked l ON l.id = u.id
        -- Both statuses: the row this statement's snapshot sees may predate the cancellation that
        -- \`locked\` waited for; Postgres then re-checks the newest version, which \`locked\` holds.
        WHERE r.id = u.id AND r.status IN ('pending', 'cancelled')
        RETURNING r.id, r.run_id, r.workspace_id, r.cost_usd, l.status = 'cancelled' AS late, u.analysed
     ), ${insertFactsSql(26, 'ok')}, ko AS (
        UPDATE responses r SET status = 'failed', attempts = u.attempts, error_code = u.error_code, error = u.error, completed_at = now()
          FROM unnest($20::uuid[], $21::int[], $22::text[], $23::text[]) AS u(id, attempts, error_code, error)
          JOIN locked l ON l.id = u.id AND l.status = 'pending'
         WHERE r.id = u.id AND r.status = 'pending'
        RETURNING r.id, r.run_id
     ), counts AS (
        SELECT run_id, count(*) FILTER (WHERE kind = 'ok') AS ok, count(*) FILTER (WHERE kind = 'ko') AS ko,
               count(*) FILTER (WHERE late) AS late, count(*) FILTER (WHERE analysed) AS analysed, coalesce(sum(cost), 0) AS cost
          FROM (SELECT run_id, 'ok' AS kind, late, analysed, cost_usd AS cost FROM ok UNION ALL SELECT run_id, 'ko', false, false, 0 FROM ko) x
         GROUP BY run_id
     ), run_locks AS (
        -- Run rows are locked last (the counts make the facts be written first), so the batches
        -- of a run wait on one another as briefly as possible.
        SELECT id FROM runs
         WHERE id IN (SELECT run_id FROM counts) AND (SELECT count(*) FROM new_mentions) + (SELECT count(*) FROM new_citations) >= 0
         ORDER BY id FOR UPDATE
     ), runs_updated AS (
        -- A late answer moves its response from cancelled to succeeded. A run stopped at its
        -- budget before any success was finished as failed; with a late success it has one.
        UPDATE runs SET succeeded = succeeded + counts.ok, failed = failed + counts.ko, cancelled = cancelled - counts.late,
               analyzed = analyzed + counts.analysed, actual_cost_usd = actual_cost_usd + counts.cost, progressed_at = now(),
               status = CASE WHEN runs.finished_at IS NOT NULL AND runs.status = 'failed' AND counts.ok > 0
                             THEN 'completed_with_errors'::run_status ELSE runs.status END
          FROM counts JOIN run_locks ON run_locks.id = counts.run_id
         WHERE runs.id = counts.run_id
        RETURNING runs.id, runs.succeeded + runs.failed + runs.cancelled = runs.total AND runs.analyzed >= runs.succeeded AS complete
     )
     -- Runs whose every answer is now settled and analysed are listed to be finished (see finishRuns).
     SELECT id, run_id, 'ok' AS kind FROM ok UNION ALL SELECT id, run_id, 'ko' FROM ko
     UNION ALL SELECT id, id, 'complete' FROM runs_updated WHERE complete`,
    values: [
      ok.map((o) => o.responseId),
      ok.map((o) => o.attempts),
      a.map((x) => clean(x.modelVersion)),
      a.map((x) => json(x.requestParams)),
      texts,
      a.map((x) => json(x.raw)),
      a.map((x) => x.finish),
      a.map((x) => json(x.searchQueries)),
      citations,
      sources,
      a.map((x) => x.usage.inputTokens),
      a.map((x) => x.usage.outputTokens),
      a.map((x) => x.usage.reasoningTokens),
      a.map((x) => x.usage.cachedInputTokens),
      a.map((x) => x.usage.searchCalls),
      a.map((x) => x.costUsd),
      a.map((x) => x.providerCostUsd),
      a.map((x) => x.latencyMs),
      a.map((x) => x.requestId),
      ko.map((o) => o.responseId),
      ko.map((o) => o.attempts),
      ko.map((o) => o.errorCode),
      ko.map((o) => clean(o.error.slice(0, 4_000))),
      facts.map((f) => f !== null),
      ANALYSIS_VERSION,
      ...factParams(ok.flatMap((o, i) => (facts[i] ? [{ responseId: o.responseId, facts: facts[i] }] : []))),
    ],
  });
  const storedIds = new Set(rows.filter((r) => r.kind !== 'complete').map((r) => r.id));
  const complete = rows.filter((r) => r.kind === 'complete').map((r) => r.id);
  const finishedRunIds = complete.length ? await finishRuns(pool, complete) : [];
  const withFacts = new Set(ok.filter((_o, i) => facts[i] !== null).map((o) => o.responseId));
  // Stored: the outcome picked for its response, when the statement took it.
  const stored = outcomes.map((o, i) => chosen.get(o.responseId) === i && storedIds.has(o.responseId));
  return {
    stored,
    analysed: outcomes.map((o, i) => stored[i] === true && withFacts.has(o.responseId)),
    finishedRunIds,
  };
}

/**
 * The statements `new_mentions` and `new_citations` of a WITH, inserting the facts given as
 * parameters from $first on (see factParams) of the answers in `answers`, a relation with the
 * columns id and workspace_id. Each returns a row per fact.
 */
export function insertFactsSql(first: number, answers: string): string {
  const params = (from: number, types: string[]) => types.map((t, i) => `$${from + i}::${t}[]`).join(', ');
  const mentionTypes = [
    'uuid',
    'uuid',
    'int',
    'text',
    'int',
    'int',
    'int',
    'float8',
    'text',
    'int',
    'int',
    'text',
    'text',
  ];
  const citationTypes = ['uuid', 'int', 'text', 'text', 'text', 'text', 'uuid'];
  return `new_mentions AS (
        INSERT INTO mentions (response_id, workspace_id, brand_id, count, spans, first_offset, rank, list_position, sentiment, sentiment_label,
                              sentiment_passage_start, sentiment_passage_end, snippet, matched_alias)
        SELECT u.response_id, a.workspace_id, u.brand_id, u.count, u.spans::jsonb, u.first_offset, u.rank, u.list_position, u.sentiment,
               u.sentiment_label::sentiment_label, u.passage_start, u.passage_end, u.snippet, u.matched_alias
          FROM unnest(${params(first, mentionTypes)})
            AS u(response_id, brand_id, count, spans, first_offset, rank, list_position, sentiment, sentiment_label, passage_start, passage_end,
                 snippet, matched_alias)
          JOIN ${answers} a ON a.id = u.response_id
        RETURNING 1
     ), new_citations AS (
        INSERT INTO citations (response_id, workspace_id, position, url, domain, title, source, brand_id)
        SELECT u.response_id, a.workspace_id, u.position, u.url, u.domain, u.title, u.source::citation_source, u.brand_id
          FROM unnest(${params(first + mentionTypes.length, citationTypes)})
            AS u(response_id, position, url, domain, title, source, brand_id)
          JOIN ${answers} a ON a.id = u.response_id
        RETURNING 1
     )`;
}

/** The 20 parameters of insertFactsSql: the columns of every mention, then of every citation. */
export function factParams(answers: Array<{ responseId: string; facts: AnalysisResult }>): unknown[] {
  const m = answers.flatMap(({ responseId, facts }) => facts.mentions.map((x) => ({ responseId, x })));
  const c = answers.flatMap(({ responseId, facts }) => facts.citations.map((x) => ({ responseId, x })));
  return [
    m.map(({ responseId }) => responseId),
    m.map(({ x }) => x.brandId),
    m.map(({ x }) => x.count),
    m.map(({ x }) => JSON.stringify(x.spans)),
    m.map(({ x }) => x.firstOffset),
    m.map(({ x }) => x.rank),
    m.map(({ x }) => x.listPosition),
    m.map(({ x }) => x.sentiment),
    m.map(({ x }) => x.sentimentLabel),
    m.map(({ x }) => x.sentimentPassage?.[0] ?? null),
    m.map(({ x }) => x.sentimentPassage?.[1] ?? null),
    m.map(({ x }) => x.snippet),
    m.map(({ x }) => x.matchedAlias),
    c.map(({ responseId }) => responseId),
    c.map(({ x }) => x.position),
    c.map(({ x }) => x.url),
    c.map(({ x }) => x.domain),
    c.map(({ x }) => x.title),
    c.map(({ x }) => x.source),
    c.map(({ x }) => x.brandId),
  ];
}

/** Facts per success (null where none): analysed are those with a context, when `analyse` is given. */
async function analyseOk(
  ok: Array<Extract<Outcome, { kind: 'succeeded' }>>,
  analyse: AnalyseAhead | undefined,
  stored: (i: number) => Omit<StoredAnswer, 'context'>,
): Promise<Array<AnalysisResult | null>> {
  const facts: Array<AnalysisResult | null> = ok.map(() => null);
  const todo = ok.flatMap((o, i) => (o.context ? [{ i, context: o.context }] : []));
  if (!analyse || todo.length === 0) return facts;
  const results = await analyse(todo.map(({ i, context }) => ({ context, ...stored(i) })));
  todo.forEach(({ i }, k) => {
    facts[i] = results[k] ?? null;
  });
  return facts;
}

/**
 * Finishes the runs whose every response is settled and every success analysed. Returns the
 * ids this call finished; a run finishes exactly once whatever the number of callers.
 */
export async function finishRuns(db: pg.Pool | pg.PoolClient, runIds: string[]): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `UPDATE runs SET
        status = CASE WHEN succeeded = 0 THEN 'failed'::run_status
                      WHEN failed > 0 OR cancelled > 0 THEN 'completed_with_errors'::run_status
                      ELSE 'completed'::run_status END,
        error = CASE WHEN succeeded = 0 AND error IS NULL THEN 'every answer failed; see the responses for each reason' ELSE error END,
        finished_at = now(), analyzed_at = now()
      WHERE id = ANY($1::uuid[]) AND finished_at IS NULL AND succeeded + failed + cancelled = total AND analyzed >= succeeded
        -- An adaptive run finishes only once every cell has stopped (runs.adaptive.ts decides the waves).
        AND NOT EXISTS (SELECT 1 FROM run_cells c WHERE c.run_id = runs.id AND c.stopped_at IS NULL)
      RETURNING id`,
    [runIds],
  );
  return rows.map((r) => r.id);
}

/** Marks a queued run as running (first start only) and lists its pending work. */
export async function beginRun(pool: pg.Pool, runId: string): Promise<Array<{ id: string; provider: string }>> {
  await pool.query(
    `UPDATE runs SET status = 'running', started_at = coalesce(started_at, now()), progressed_at = now() WHERE id = $1 AND status = 'queued'`,
    [runId],
  );
  const { rows } = await pool.query<{ id: string; provider: string }>(
    `SELECT id, provider FROM responses WHERE run_id = $1 AND status = 'pending' ORDER BY id`,
    [runId],
  );
  return rows;
}

/**
 * Locks a run's pending responses in id order, then the run itself (when still unfinished): the
 * order of storeOutcomes and of analysis, so a cancellation never deadlocks with them. A pending
 * response being stored meanwhile is waited for and, no longer pending, left out.
 */
export const LOCK_PENDING_THEN_RUN = `
     doomed AS (
        SELECT id FROM responses
         WHERE run_id = $1 AND status = 'pending' AND EXISTS (SELECT 1 FROM runs WHERE id = $1 AND finished_at IS NULL)
         ORDER BY id FOR UPDATE
     ), target AS (
        SELECT id FROM runs WHERE id = $1 AND finished_at IS NULL AND (SELECT count(*) FROM doomed) >= 0 FOR UPDATE
     )`;

/**
 * Stops a run that reached its budget: pending answers are cancelled, and the run says why.
 * Calls already in flight still land (see storeOutcomes), so the run's actual cost may end a
 * little above the cap: every call paid for is counted.
 */
export async function stopRunAtBudget(pool: pg.Pool, runId: string): Promise<string[]> {
  const { rows } = await pool.query<{ budget_usd: string; actual_cost_usd: string }>(
    `WITH ${LOCK_PENDING_THEN_RUN}, cancelled AS (
            UPDATE responses SET status = 'cancelled', completed_at = now(), error = 'not collected: the run reached its budget'
             WHERE id IN (SELECT id FROM doomed) AND run_id IN (SELECT id FROM target) AND status = 'pending' RETURNING id)
     UPDATE runs SET cancelled = cancelled + (SELECT count(*) FROM cancelled),
            error = 'stopped at its budget cap of $' || trim_scale(budget_usd)::text
                    || CASE WHEN budget_scope = 'month' THEN ' (what was left of its audit''s monthly budget when it started)' ELSE '' END
                    || ' after spending $' || trim_scale(actual_cost_usd)::text || '; answers already being collected are still counted'
      WHERE id IN (SELECT id FROM target) RETURNING budget_usd, actual_cost_usd`,
    [runId],
  );
  if (rows.length === 0) return [];
  // An adaptive run's open cells stop here: no wave is added once the budget is reached.
  await pool.query(
    `UPDATE run_cells SET stop_reason = 'budget', stopped_at = now() WHERE run_id = $1 AND stopped_at IS NULL`,
    [runId],
  );
  return finishRuns(pool, [runId]);
}
