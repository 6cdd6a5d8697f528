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
/** A lone UTF-16 surrogate: JSON.stringify escapes it as \udxxx, which Postgres' JSON parser refuses. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const storable = (_key: string, value: unknown): unknown =>
  typeof value === 'string' ? value.replace(NUL, '\uFFFD').replace(LONE_SURROGATE, '\uFFFD') : value;
/**
 * A statement's parameters as one JSON document, read with jsonb_to_recordset: written natively by
 * JSON.stringify, where twenty arrays of escaped text cost the worker more than the analysis they
 * carry. The parameter is cast to jsonb, so Postgres parses the document once: read as json, every
 * jsonb column in it (the raw payload, citations, sources, spans) was parsed a second time, and the
 * facts' nested documents a third, a sixth of the statement's time. JSON.stringify writes U+0000 as
 * `\u0000` and a lone surrogate as `\udxxx`, so a document without either escape needs no second
 * pass; only one with them is written again with those characters replaced by U+FFFD (as text
 * parameters were: one character for one). jsonb refuses both, so they never reach it.
 */
export function storableJson(value: unknown): string {
  const text = JSON.stringify(value);
  return text.includes('\\u0000') || text.includes('\\ud') ? JSON.stringify(value, storable) : text;
}
/** Whether a provider's value holds a U+0000 anywhere (checked without writing it out). */
function holdsNul(v: unknown): boolean {
  if (typeof v === 'string') return v.includes('\u0000');
  if (Array.isArray(v)) return v.some(holdsNul);
  if (v !== null && typeof v === 'object') {
    for (const key in v) if (holdsNul(key) || holdsNul((v as Record<string, unknown>)[key])) return true;
  }
  return false;
}
/** The value as stored (and analysed): rewritten with U+0000 replaced only when it holds one. */
const asStored = <T>(value: T): T =>
  holdsNul(value)
    ? (JSON.parse(
        JSON.stringify(value, (_key, x: unknown) => (typeof x === 'string' ? x.replace(NUL, '\uFFFD') : x)),
      ) as T)
    : value;

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
  const stored = ok.map(({ answer }) => ({
    text: clean(answer.text) ?? '',
    citations: asStored(answer.citations),
    sources: asStored(answer.sources),
  }));
  const facts = await analyseOk(ok, analyse, (i) => stored[i] as Omit<StoredAnswer, 'context'>);
  // The keys are the columns of the statement's jsonb_to_recordset; a missing key is NULL.
  const answers = ok.map(({ responseId, attempts, answer: a }, i) => {
    const s = stored[i] as Omit<StoredAnswer, 'context'>;
    return {
      id: responseId,
      attempts,
      model_version: a.modelVersion,
      request_params: a.requestParams,
      text: s.text,
      raw: a.raw,
      finish_reason: a.finish,
      search_queries: a.searchQueries,
      citations: s.citations,
      sources: s.sources,
      input_tokens: a.usage.inputTokens,
      output_tokens: a.usage.outputTokens,
      reasoning_tokens: a.usage.reasoningTokens,
      cached_input_tokens: a.usage.cachedInputTokens,
      search_calls: a.usage.searchCalls,
      cost_usd: a.costUsd,
      provider_cost_usd: a.providerCostUsd,
      latency_ms: a.latencyMs,
      request_id: a.requestId,
      analysed: facts[i] !== null,
    };
  });
  const failures = ko.map((o) => ({
    id: o.responseId,
    attempts: o.attempts,
    error_code: o.errorCode,
    error: o.error.slice(0, 4_000),
  }));
  const { rows } = await pool.query<{ id: string; run_id: string; kind: string }>({
    // Prepared once per connection: planning this statement cost as much as running it.
    name: 'pipeline_store_outcomes',
    // `locked` takes the row locks in id order and reads each status as it is now (a row lock
    // waits for a concurrent cancellation and sees its result), so the updates below know
    // whether they settle a pending response or take in the late answer of a cancelled one.
    text: `WITH locked AS (
        SELECT id, status FROM responses
         WHERE id = ANY($1::uuid[]) AND status IN ('pending', 'cancelled')
         ORDER BY id FOR UPDATE
     ), ok AS (
        UPDATE responses r SET
          status = 'succeeded', attempts = u.attempts, model_version = u.model_version, request_params = u.request_params,
          text = u.text, raw = u.raw, finish_reason = u.finish_reason, search_queries = coalesce(u.search_queries, '{}'),
          provider_citations = u.citations, sources = u.sources,
          input_tokens = u.input_tokens, output_tokens = u.output_tokens, reasoning_tokens = u.reasoning_tokens,
          cached_input_tokens = u.cached_input_tokens, search_calls = u.search_calls, cost_usd = u.cost_usd,
          provider_cost_usd = u.provider_cost_usd, latency_ms = u.latency_ms, provider_request_id = u.request_id,
          error = NULL, error_code = NULL, completed_at = now(),
          analyzed_at = CASE WHEN u.analysed THEN now() ELSE r.analyzed_at END,
          analysis_version = CASE WHEN u.analysed THEN $5::int ELSE r.analysis_version END
        FROM jsonb_to_recordset($2::jsonb)
          AS u(id uuid, attempts int, model_version text, request_params jsonb, text text, raw jsonb, finish_reason text,
               search_queries text[], citations jsonb, sources jsonb, input_tokens int, output_tokens int, reasoning_tokens int,
               cached_input_tokens int, search_calls int, cost_usd numeric, provider_cost_usd numeric, latency_ms int,
               request_id text, analysed bool)
          JOIN locked l ON l.id = u.id
        -- Both statuses: the row this statement's snapshot sees may predate the cancellation that
        -- \`locked\` waited for; Postgres then re-checks the newest version, which \`locked\` holds.
        WHERE r.id = u.id AND r.status IN ('pending', 'cancelled')
        RETURNING r.id, r.run_id, r.workspace_id, r.cost_usd, l.status = 'cancelled' AS late, u.analysed
     ), ${insertFactsSql(4, 'ok')}, ko AS (
        UPDATE responses r SET status = 'failed', attempts = u.attempts, error_code = u.error_code, error = u.error, completed_at = now()
          FROM jsonb_to_recordset($3::jsonb) AS u(id uuid, attempts int, error_code text, error text)
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
      picked.map((o) => o.responseId),
      storableJson(answers),
      storableJson(failures),
      factsJson(ok.flatMap((o, i) => (facts[i] ? [{ responseId: o.responseId, facts: facts[i] }] : []))),
      ANALYSIS_VERSION,
    ],
  });
  const storedIds = new Set(rows.filter((r) => r.kind !== 'complete').map((r) => r.id));
  const complete = rows.filter((r) => r.kind === 'complete').map((r) => r.id);
  const finishedRunIds = complete.length ? await finishRuns(pool, complete) : [];
  const withFacts = new Set(ok.filter((_o, i) => facts[i] !== null).map((o) => o.responseId));
  // Stored: the outcome picked for its response, when the statement took it.
  const isStored = outcomes.map((o, i) => chosen.get(o.responseId) === i && storedIds.has(o.responseId));
  return {
    stored: isStored,
    analysed: outcomes.map((o, i) => isStored[i] === true && withFacts.has(o.responseId)),
    finishedRunIds,
  };
}

/**
 * The statements `new_mentions` and `new_citations` of a WITH, inserting the facts of the JSON
 * document in parameter $param (see factsJson) of the answers in `answers`, a relation with the
 * columns id and workspace_id. Each returns a row per fact. The document is split into answers
 * once (`facts`), not once per table: parsing it is a good part of the statement's time.
 */
export function insertFactsSql(param: number, answers: string): string {
  return `facts AS MATERIALIZED (
        SELECT f.id, f.mentions, f.citations FROM jsonb_to_recordset($${param}::jsonb) AS f(id uuid, mentions jsonb, citations jsonb)
     ), new_mentions AS (
        INSERT INTO mentions (response_id, workspace_id, brand_id, count, spans, first_offset, rank, list_position, sentiment, sentiment_label,
                              sentiment_passage_start, sentiment_passage_end, snippet, matched_alias)
        SELECT f.id, a.workspace_id, m."brandId", m.count, m.spans, m."firstOffset", m.rank, m."listPosition", m.sentiment,
               m."sentimentLabel"::sentiment_label, (m."sentimentPassage"->>0)::int, (m."sentimentPassage"->>1)::int, m.snippet, m."matchedAlias"
          FROM facts f
          JOIN ${answers} a ON a.id = f.id
          CROSS JOIN LATERAL jsonb_to_recordset(f.mentions)
            AS m("brandId" uuid, count int, spans jsonb, "firstOffset" int, rank int, "listPosition" int, sentiment float8,
                 "sentimentLabel" text, "sentimentPassage" jsonb, snippet text, "matchedAlias" text)
        RETURNING 1
     ), new_citations AS (
        INSERT INTO citations (response_id, workspace_id, position, url, domain, title, source, brand_id)
        SELECT f.id, a.workspace_id, c.position, c.url, c.domain, c.title, c.source::citation_source, c."brandId"
          FROM facts f
          JOIN ${answers} a ON a.id = f.id
          CROSS JOIN LATERAL jsonb_to_recordset(f.citations)
            AS c(position int, url text, domain text, title text, source text, "brandId" uuid)
        RETURNING 1
     )`;
}

/**
 * The parameter of insertFactsSql: one JSON document of every answer's mentions and citations,
 * the analysis' own objects written as they are (their keys are the statement's columns).
 */
export function factsJson(answers: Array<{ responseId: string; facts: AnalysisResult }>): string {
  return storableJson(
    answers.map(({ responseId, facts }) => ({ id: responseId, mentions: facts.mentions, citations: facts.citations })),
  );
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

/** A run's answer as the query jobs are made from it: the run's whole list is split the same way every time. */
export interface RunAnswer {
  id: string;
  provider: string;
  /** Still to collect: only pending answers go into query jobs. */
  pending: boolean;
}

/** Marks a queued run as running (first start only) and lists its answers (runAnswers). */
export async function beginRun(pool: pg.Pool, runId: string): Promise<RunAnswer[]> {
  await pool.query(
    `UPDATE runs SET status = 'running', started_at = coalesce(started_at, now()), progressed_at = now() WHERE id = $1 AND status = 'queued'`,
    [runId],
  );
  return runAnswers(pool, runId);
}

/** Every answer of a run in id order, whatever its status, marked pending or not. */
export async function runAnswers(pool: pg.Pool, runId: string): Promise<RunAnswer[]> {
  const { rows } = await pool.query<RunAnswer>(
    `SELECT id, provider, status = 'pending' AS pending FROM responses WHERE run_id = $1 ORDER BY id`,
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
