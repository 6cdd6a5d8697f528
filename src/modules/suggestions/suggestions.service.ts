/**
 * Suggested competitors and prompts for a workspace, from three sources:
 * - model: one call to a model through the provider layer (the one runs use), as a job a worker
 *   runs; priced before the call and refused when the estimate is over its budget, its cost then
 *   taken from the provider's usage and the price table, its answer read as JSON (parse.ts);
 * - searches: the search queries assistants already ran in this workspace's stored answers;
 * - templates: built-in buyer questions for the category (suggestions.templates.ts).
 * Nothing suggested is saved as a brand or prompt: the person keeps what they want through the
 * brands and prompts endpoints.
 */
import type { Database } from '../../db/client.js';
import type { Prisma, Suggestion } from '../../generated/prisma/client.js';
import { AppError } from '../../lib/errors.js';
import { computeCost } from '../../providers/cost.js';
import { getAdapter, hasAdapter } from '../../providers/registry.js';
import { providerNames } from '../../providers/settings.js';
import {
  ProviderError,
  type ModelParams,
  type ProviderAdapter,
  type ProviderCredentials,
  type ProviderName,
} from '../../providers/types.js';
import { iso, isoOrNull, toPage, type ListQuery, type Page } from '../common.schemas.js';
import { findModelConfig } from '../model-configs/model-configs.repo.js';
import { requireWorkspace } from '../workspaces/workspaces.service.js';
import {
  MAX_PROMPTS,
  SUGGESTION_OUTPUT_TOKENS,
  SuggestionParseError,
  parseSuggestions,
  suggestionRequest,
} from './suggestions.parse.js';
import {
  claimStaleSuggestions,
  deleteSuggestion,
  giveUpSuggestion,
  findSuggestion,
  finishSuggestion,
  frequentSearchQueries,
  insertSuggestion,
  listSuggestionRows,
  loadSuggestion,
  startSuggestionAttempt,
} from './suggestions.repo.js';
import type { SuggestedCompetitor, SuggestedPrompt, SuggestionCreate, SuggestionDto } from './suggestions.schemas.js';
import { templatePrompts } from './suggestions.templates.js';
import type { Deps } from '../../deps.js';

export type SuggestionsDeps = Pick<Deps, 'db' | 'producers' | 'logger'>;

const money = (v: Prisma.Decimal | null): number | null => (v === null ? null : Number(v));

export function toSuggestionDto(s: Suggestion): SuggestionDto {
  return {
    id: s.id,
    workspaceId: s.workspaceId,
    source: s.source,
    status: s.status,
    brandName: s.brandName,
    website: s.website,
    category: s.category,
    locale: s.locale,
    modelConfigId: s.modelConfigId,
    provider: s.provider,
    model: s.model,
    budgetUsd: money(s.budgetUsd),
    estimatedCostUsd: Number(s.estimatedCostUsd),
    costUsd: money(s.costUsd),
    competitors: s.competitors as SuggestedCompetitor[],
    prompts: s.prompts as SuggestedPrompt[],
    error: s.error,
    errorCode: s.errorCode,
    createdAt: iso(s.createdAt),
    startedAt: isoOrNull(s.startedAt),
    finishedAt: isoOrNull(s.finishedAt),
  };
}

const invalid = (path: string, message: string, detail?: string) =>
  new AppError('validation_failed', detail ?? `The suggestion request is invalid: ${path} ${message}.`, {
    errors: [{ path, message }],
  });

/** What to ask for source "model": a saved configuration, or a provider and model. */
async function modelToAsk(
  deps: SuggestionsDeps,
  workspaceId: string,
  input: SuggestionCreate,
): Promise<{ adapter: ProviderAdapter; model: string; params: ModelParams; modelConfigId: string | null }> {
  let provider: string;
  let model: string;
  let params: unknown = {};
  let modelConfigId: string | null = null;
  if (input.modelConfigId) {
    const config = await findModelConfig(deps.db.prisma, workspaceId, input.modelConfigId);
    if (!config) throw invalid('body.modelConfigId', 'is no model configuration of this workspace');
    ({ provider, model } = config);
    params = config.params;
    modelConfigId = config.id;
  } else {
    provider = input.provider as string;
    model = input.model as string;
    if (!hasAdapter(provider)) throw invalid('body.provider', `must be one of: ${providerNames().join(', ')}`);
  }
  const adapter = getAdapter(provider);
  if (adapter.channel === 'serp' || adapter.channel === 'app') {
    throw invalid(
      input.modelConfigId ? 'body.modelConfigId' : 'body.provider',
      `${provider} captures ${adapter.channel === 'app' ? 'app answers' : 'search pages'} and cannot follow instructions; choose a model API`,
    );
  }
  const request = suggestionRequest({ ...input, website: input.website ?? null, category: input.category ?? null });
  // The request's own instructions replace a configuration's system prompt; the rest is kept.
  const effective = adapter.validateConfig(model, { ...(params as object), systemPrompt: request.systemPrompt });
  return { adapter, model, params: effective, modelConfigId };
}

export async function createSuggestion(
  deps: SuggestionsDeps,
  orgId: string,
  workspaceId: string,
  input: SuggestionCreate,
): Promise<SuggestionDto> {
  const { prisma, pool } = deps.db;
  await requireWorkspace(prisma, orgId, workspaceId);
  const base = {
    workspaceId,
    source: input.source,
    brandName: input.brandName,
    website: input.website ?? null,
    category: input.category ?? null,
    locale: input.locale,
  };
  if (input.source === 'templates') {
    const { category, prompts } = templatePrompts(input.brandName, input.category);
    const now = new Date();
    const row = await insertSuggestion(prisma, {
      ...base,
      category: input.category ?? category,
      status: 'succeeded',
      prompts,
      startedAt: now,
      finishedAt: now,
    });
    return toSuggestionDto(row);
  }
  if (input.source === 'searches') {
    const queries = await frequentSearchQueries(pool, workspaceId, MAX_PROMPTS);
    const now = new Date();
    const row = await insertSuggestion(prisma, {
      ...base,
      status: 'succeeded',
      prompts: queries.map((q) => ({ text: q.query, tags: ['from-searches'] })),
      startedAt: now,
      finishedAt: now,
    });
    return toSuggestionDto(row);
  }

  const ask = await modelToAsk(deps, workspaceId, input);
  const request = suggestionRequest({ ...input, website: input.website ?? null, category: input.category ?? null });
  const estimate = ask.adapter.estimateCost({
    model: ask.model,
    params: ask.params,
    inputTokens: Math.ceil((request.systemPrompt.length + request.prompt.length) / 4),
    outputTokens: SUGGESTION_OUTPUT_TOKENS,
  });
  if (estimate > input.budgetUsd) {
    throw new AppError(
      'budget_exceeded',
      `Asking ${ask.adapter.name} (${ask.model}) is estimated at $${estimate.toFixed(4)}, over this request's budget of $${input.budgetUsd.toFixed(4)}. Raise budgetUsd or choose a cheaper model.`,
      {
        estimatedCostUsd: estimate,
        budgetUsd: input.budgetUsd,
        errors: [{ path: 'body.budgetUsd', message: `is below the estimate of $${estimate.toFixed(4)}` }],
      },
    );
  }
  const row = await insertSuggestion(prisma, {
    ...base,
    modelConfigId: ask.modelConfigId,
    provider: ask.adapter.name,
    model: ask.model,
    params: ask.params as Prisma.InputJsonValue,
    budgetUsd: input.budgetUsd,
    estimatedCostUsd: Math.round(estimate * 1e6) / 1e6,
  });
  try {
    await deps.producers.suggest(row.id);
  } catch (err) {
    deps.logger.error({ err }, 'could not enqueue a suggestion request');
    await deleteSuggestion(prisma, row.id);
    throw new AppError('unavailable', 'The job queue is unreachable, so the model was not asked. Try again shortly.');
  }
  return toSuggestionDto(row);
}

export async function getSuggestion(
  deps: SuggestionsDeps,
  orgId: string,
  workspaceId: string,
  id: string,
): Promise<SuggestionDto> {
  await requireWorkspace(deps.db.prisma, orgId, workspaceId);
  const row = await findSuggestion(deps.db.prisma, workspaceId, id);
  if (!row) throw AppError.notFound('Suggestion');
  return toSuggestionDto(row);
}

export async function listSuggestions(
  deps: SuggestionsDeps,
  orgId: string,
  workspaceId: string,
  q: ListQuery,
): Promise<Page<SuggestionDto>> {
  await requireWorkspace(deps.db.prisma, orgId, workspaceId);
  return toPage(await listSuggestionRows(deps.db.prisma, workspaceId, q), q.limit, toSuggestionDto);
}

export interface SuggestionCallOptions {
  credentials(provider: ProviderName, workspaceId: string, params: ModelParams): Promise<ProviderCredentials>;
  fetchFor(provider: ProviderName): typeof fetch | undefined;
  timeoutMs: number;
  fetch?: typeof fetch | undefined;
}

/**
 * Worker side: asks the model once and records the outcome. Returns 'retry' when the failure is
 * transient (or rate limited) and attempts remain, so the job is tried again; the final failure
 * is stored with the provider's message. A request already finished is left alone.
 */
export async function executeSuggestion(
  db: Database,
  opts: SuggestionCallOptions,
  id: string,
  attempt: { number: number; max: number },
): Promise<'succeeded' | 'failed' | 'retry' | 'skipped'> {
  const current = await loadSuggestion(db.prisma, id);
  if (current?.source !== 'model' || !current.provider || !current.model) return 'skipped';
  const row = await startSuggestionAttempt(db.prisma, id);
  if (!row) return 'skipped';
  const provider = row.provider as ProviderName;
  const model = row.model as string;
  const adapter = getAdapter(provider);
  const params = row.params as ModelParams;
  const request = suggestionRequest(row);
  let answerText: string | null = null;
  let costUsd: number | null = null;
  try {
    const credentials = await opts.credentials(provider, row.workspaceId, params);
    const fetchImpl = opts.fetch ?? opts.fetchFor(provider);
    const answer = await adapter.query(
      {
        prompt: request.prompt,
        locale: row.locale,
        model,
        params,
        sampleIndex: 0,
        attempt: attempt.number,
        task: {
          kind: 'suggestions',
          brandName: row.brandName,
          website: row.website ?? undefined,
          category: row.category ?? undefined,
        },
      },
      { timeoutMs: opts.timeoutMs, credentials, ...(fetchImpl ? { fetch: fetchImpl } : {}) },
    );
    answerText = answer.text;
    costUsd = answer.costUsd ?? computeCost(provider, model, answer.usage, new Date());
    const parsed = parseSuggestions(answer.text, row.brandName);
    await finishSuggestion(db.prisma, id, {
      status: 'succeeded',
      competitors: parsed.competitors,
      prompts: parsed.prompts,
      costUsd,
      rawText: answer.text,
    });
    return 'succeeded';
  } catch (err) {
    if (err instanceof SuggestionParseError) {
      await finishSuggestion(db.prisma, id, {
        status: 'failed',
        errorCode: 'unreadable_answer',
        error: `The model's answer could not be read as suggestions: ${err.message}.`,
        costUsd,
        rawText: answerText,
      });
      return 'failed';
    }
    const failure =
      err instanceof ProviderError
        ? err
        : new ProviderError('transient', err instanceof Error ? err.message : String(err), {
            provider,
            code: 'unexpected',
          });
    if (failure.kind !== 'permanent' && attempt.number < attempt.max) return 'retry';
    await finishSuggestion(db.prisma, id, {
      status: 'failed',
      errorCode: failure.code ?? (failure.status ? `http_${failure.status}` : failure.kind),
      error: `${provider} (${model}) failed: ${failure.message}`,
      costUsd: null,
      rawText: null,
    });
    return 'failed';
  }
}

/** After this many attempts handed out by recovery, a request is failed rather than tried again. */
const MAX_RECOVERED_ATTEMPTS = 10;

/**
 * Recovery of model requests whose job was lost (Redis restarted without persistence) or whose
 * worker died: Postgres knows them, so they are handed to the queue again (the job id is the
 * request's, so one still queued is not added twice); one tried too often fails with the reason.
 */
export async function recoverStaleSuggestions(
  deps: SuggestionsDeps,
  staleMs: number,
  now = new Date(),
): Promise<{ requeued: string[]; abandoned: string[] }> {
  const stale = await claimStaleSuggestions(deps.db.pool, now, new Date(now.getTime() - staleMs));
  const result = { requeued: [] as string[], abandoned: [] as string[] };
  for (const s of stale) {
    if (s.attempts >= MAX_RECOVERED_ATTEMPTS) {
      await giveUpSuggestion(
        deps.db.prisma,
        s.id,
        `The model was asked ${s.attempts} times without an answer being stored; ask again.`,
      );
      result.abandoned.push(s.id);
      continue;
    }
    await deps.producers.suggest(s.id);
    result.requeued.push(s.id);
  }
  if (stale.length) deps.logger.warn({ ...result }, 'suggestion requests handed out again');
  return result;
}
