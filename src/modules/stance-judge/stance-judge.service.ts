/**
 * The optional model judge of stance (docs/sentiment.md#the-model-judge). An audit may name a
 * model configuration as its judge; after an answer of one of its runs is analysed, a job asks
 * that model (through the provider layer, as runs do) to label the stance toward every brand the
 * rule-based analysis found, with the deciding sentence, as structured output. The call is priced
 * before it is made and refused when it would take the run over its cap; its cost is added to the
 * run's, so the audit's monthly budget counts it too. Each label is stored once per (answer,
 * brand, definition version), beside the rule-based label, which it never replaces or delays:
 * re-analysing the answer finds the judgement stored and asks nothing. How often the two agree is
 * reported per run (runStanceAgreement).
 */
import type { Database } from '../../db/client.js';
import type { Deps } from '../../deps.js';
import { AppError } from '../../lib/errors.js';
import { wilson } from '../../lib/statistics.js';
import { computeCost } from '../../providers/cost.js';
import { getAdapter, hasAdapter } from '../../providers/registry.js';
import { ProviderError, type ModelParams, type ProviderCredentials, type ProviderName } from '../../providers/types.js';
import {
  JUDGE_INSTRUCTIONS,
  JUDGE_OUTPUT_SCHEMA,
  JUDGE_OUTPUT_TOKENS_PER_BRAND,
  JudgeParseError,
  STANCE_DEFINITION_VERSION,
  judgePrompt,
} from './stance-judge.prompt.js';
import { parseJudgement } from './stance-judge.prompt.js';
import {
  agreementCounts,
  answersMissingJudgements,
  answersWithJudge,
  claimStalledJudging,
  loadJudgeWork,
  markJudgingDone,
  reopenJudging,
  storeJudgements,
  type NewJudgement,
} from './stance-judge.repo.js';

const LABELS = ['positive', 'neutral', 'negative'] as const;
type Label = (typeof LABELS)[number];

/** After analysis: hands the answers whose audit has a judge to the stance-judge queue. */
export async function enqueueStanceJudging(
  deps: Pick<Deps, 'db' | 'producers'>,
  responseIds: readonly string[],
): Promise<number> {
  const ids = await answersWithJudge(deps.db.pool, responseIds);
  if (ids.length === 0) return 0;
  // A run known fully judged that gets new work (a re-analysis) is watched by recovery again.
  await reopenJudging(deps.db.pool, ids);
  await deps.producers.stanceJudge(ids, STANCE_DEFINITION_VERSION);
  return ids.length;
}

/** Runs whose judging recovery looks at in one round, at most. */
const JUDGING_RUNS_PER_ROUND = 20;

/**
 * Recovery of the model judge's work. Judge jobs live in Redis only: lost with its data, their
 * answers would stay unjudged. A finished run of an audit with a judge where no judgement has been
 * stored for `staleMs` is looked at: answers with a brand that has no judgement under the current
 * definition go to the judge again (under the same job ids, so jobs still queued are not added
 * twice, and the judge asks nothing for a brand already judged); a run with none missing is
 * marked done and not looked at again. A run is looked at most once per `staleMs`.
 */
export async function recoverJudging(
  deps: Pick<Deps, 'db' | 'producers' | 'logger'>,
  staleMs: number,
  now = new Date(),
): Promise<{ runs: number; answers: number; done: number }> {
  const { pool } = deps.db;
  const runs = await claimStalledJudging(pool, now, new Date(now.getTime() - staleMs), JUDGING_RUNS_PER_ROUND);
  const result = { runs: runs.length, answers: 0, done: 0 };
  for (const runId of runs) {
    const missing = await answersMissingJudgements(pool, runId, STANCE_DEFINITION_VERSION);
    if (missing.length === 0) {
      if (await markJudgingDone(pool, runId, STANCE_DEFINITION_VERSION)) result.done += 1;
      continue;
    }
    await deps.producers.stanceJudge(missing, STANCE_DEFINITION_VERSION);
    result.answers += missing.length;
    deps.logger.warn({ runId, answers: missing.length }, 'handed unjudged answers to the stance judge again');
  }
  return result;
}

export interface JudgeCallOptions {
  credentials(provider: ProviderName, workspaceId: string, params: ModelParams): Promise<ProviderCredentials>;
  fetchFor(provider: ProviderName): typeof fetch | undefined;
  timeoutMs: number;
  fetch?: typeof fetch | undefined;
}

export type JudgeOutcome = 'judged' | 'cached' | 'failed' | 'refused' | 'retry' | 'skipped';

const rounded = (usd: number) => Math.round(usd * 1e6) / 1e6;

/**
 * Worker side: judges the brands of one answer that have no label for this version yet. Returns
 * 'cached' when every brand has one (nothing is asked), 'retry' when the call failed transiently
 * and attempts remain; otherwise the outcome is stored per brand.
 */
export async function executeStanceJudge(
  db: Database,
  opts: JudgeCallOptions,
  responseId: string,
  version: number,
  attempt: { number: number; max: number },
): Promise<JudgeOutcome> {
  const work = await loadJudgeWork(db.pool, responseId, version);
  if (!work?.judge || work.brands.length === 0) return 'skipped';
  const todo = work.brands.filter((b) => b.status !== 'judged');
  if (todo.length === 0) return 'cached';
  const judge = work.judge;
  const store = (rows: NewJudgement[], cost: number) => storeJudgements(db.pool, work, judge, version, rows, cost);
  const failAll = async (status: 'failed' | 'refused', errorCode: string, error: string, cost = 0) => {
    await store(
      todo.map((b) => ({
        brandId: b.brandId,
        status,
        label: null,
        sentence: null,
        costUsd: cost > 0 ? rounded(cost / todo.length) : null,
        errorCode,
        error,
      })),
      cost,
    );
    return status;
  };

  if (!hasAdapter(judge.provider))
    return failAll('failed', 'unknown_provider', `The judge's provider ${judge.provider} is not available.`);
  const provider = judge.provider as ProviderName;
  const adapter = getAdapter(provider);
  if (adapter.channel === 'serp' || adapter.channel === 'app')
    return failAll(
      'failed',
      'not_a_model',
      `${provider} captures ${adapter.channel === 'app' ? 'app answers' : 'search pages'} and cannot judge; choose a model API.`,
    );
  const names = todo.map((b) => b.name);
  const prompt = judgePrompt({ question: work.promptText, answer: work.text, brands: names });
  let params: ModelParams;
  try {
    // The judge's own instructions replace a configuration's system prompt; it reads, it does not search.
    const { webSearch: _search, ...rest } = (work.judge.params ?? {}) as ModelParams;
    params = adapter.validateConfig(judge.model, { ...rest, systemPrompt: JUDGE_INSTRUCTIONS });
  } catch (err) {
    return failAll('failed', 'invalid_config', `The judge's configuration is refused: ${(err as Error).message}`);
  }
  const estimate = adapter.estimateCost({
    model: judge.model,
    params,
    inputTokens: Math.ceil((JUDGE_INSTRUCTIONS.length + prompt.length) / 4),
    outputTokens: JUDGE_OUTPUT_TOKENS_PER_BRAND * names.length,
  });
  if (work.budgetUsd !== null && work.actualCostUsd + estimate > work.budgetUsd)
    return failAll(
      'refused',
      'budget_exceeded',
      `Judging is estimated at $${estimate.toFixed(4)}, and the run has $${Math.max(0, work.budgetUsd - work.actualCostUsd).toFixed(4)} of its $${work.budgetUsd.toFixed(4)} cap left; the model was not asked.`,
    );

  let cost = 0;
  try {
    const credentials = await opts.credentials(provider, work.workspaceId, params);
    const fetchImpl = opts.fetch ?? opts.fetchFor(provider);
    const answer = await adapter.query(
      {
        prompt,
        locale: work.locale,
        model: judge.model,
        params,
        sampleIndex: 0,
        attempt: attempt.number,
        outputSchema: JUDGE_OUTPUT_SCHEMA,
      },
      { timeoutMs: opts.timeoutMs, credentials, ...(fetchImpl ? { fetch: fetchImpl } : {}) },
    );
    cost = answer.costUsd ?? computeCost(provider, judge.model, answer.usage, new Date()) ?? 0;
    const labels = parseJudgement(answer.text, names);
    const share = rounded(cost / todo.length);
    await store(
      todo.map((b) => {
        const j = labels.get(b.name) as { label: Label; sentence: string };
        return {
          brandId: b.brandId,
          status: 'judged',
          label: j.label,
          sentence: j.sentence,
          costUsd: share,
          errorCode: null,
          error: null,
        };
      }),
      cost,
    );
    return 'judged';
  } catch (err) {
    if (err instanceof JudgeParseError)
      return failAll('failed', 'unreadable_answer', `The judge's answer could not be read: ${err.message}.`, cost);
    const failure =
      err instanceof ProviderError
        ? err
        : new ProviderError('transient', err instanceof Error ? err.message : String(err), {
            provider,
            code: 'unexpected',
          });
    if (failure.kind !== 'permanent' && attempt.number < attempt.max) return 'retry';
    return failAll(
      'failed',
      failure.code ?? (failure.status ? `http_${failure.status}` : failure.kind),
      `${provider} (${judge.model}) failed: ${failure.message}`,
    );
  }
}

export interface StanceAgreement {
  runId: string;
  definitionVersion: number;
  /** Brand labels the judge gave (status judged). */
  judged: number;
  /** Of those, how many equal the rule-based label. */
  agreed: number;
  agreementRate: number | null;
  interval: { low: number; high: number } | null;
  /** Cohen's kappa between the judge and the rule-based scorer, null below two labels or when chance explains everything. */
  kappa: number | null;
  failed: number;
  refused: number;
  costUsd: number;
  /** confusion[judge][rule]: how many brand labels of each pair. */
  confusion: Record<Label, Record<Label, number>>;
}

/** Cohen's kappa of a square table of counts (rows: one rater, columns: the other). */
export function cohenKappa(table: readonly (readonly number[])[]): number | null {
  const n = table.reduce((s, row) => s + row.reduce((a, b) => a + b, 0), 0);
  if (n === 0) return null;
  let observed = 0;
  let chance = 0;
  for (let i = 0; i < table.length; i++) {
    observed += (table[i] as number[])[i] as number;
    const row = (table[i] as number[]).reduce((a, b) => a + b, 0);
    const col = table.reduce((s, r) => s + ((r as number[])[i] as number), 0);
    chance += (row / n) * (col / n);
  }
  observed /= n;
  return chance >= 1 ? null : (observed - chance) / (1 - chance);
}

/** The judge's agreement with the rule-based scorer on one run's answers (version STANCE_DEFINITION_VERSION). */
export async function runStanceAgreement(db: Database, runId: string): Promise<StanceAgreement> {
  const rows = await agreementCounts(db.pool, runId, STANCE_DEFINITION_VERSION);
  const confusion = Object.fromEntries(LABELS.map((j) => [j, Object.fromEntries(LABELS.map((r) => [r, 0]))])) as Record<
    Label,
    Record<Label, number>
  >;
  let failed = 0;
  let refused = 0;
  let cost = 0;
  for (const r of rows) {
    cost += r.cost === null ? 0 : Number(r.cost);
    if (r.status === 'failed') failed += r.n;
    else if (r.status === 'refused') refused += r.n;
    else if (r.status === 'judged' && r.judge && r.rule) confusion[r.judge as Label][r.rule as Label] += r.n;
  }
  const judged = LABELS.reduce((s, j) => s + LABELS.reduce((a, r) => a + confusion[j][r], 0), 0);
  const agreed = LABELS.reduce((s, l) => s + confusion[l][l], 0);
  return {
    runId,
    definitionVersion: STANCE_DEFINITION_VERSION,
    judged,
    agreed,
    agreementRate: judged === 0 ? null : agreed / judged,
    interval: judged === 0 ? null : wilson(agreed, judged),
    kappa: judged === 0 ? null : cohenKappa(LABELS.map((j) => LABELS.map((r) => confusion[j][r]))),
    failed,
    refused,
    costUsd: rounded(cost),
    confusion,
  };
}

/** A judge configuration an audit may name: one of the workspace's, on a model API. */
export function assertJudgeConfig(
  config: { provider: string } | null,
  path = 'body.judgeModelConfigId',
): asserts config is { provider: string } {
  if (!config)
    throw new AppError('validation_failed', `${path} is no model configuration of this workspace.`, {
      errors: [{ path, message: 'is no model configuration of this workspace' }],
    });
  const channel = hasAdapter(config.provider) ? getAdapter(config.provider as ProviderName).channel : 'api';
  if (channel === 'serp' || channel === 'app')
    throw new AppError(
      'validation_failed',
      `${path}: ${config.provider} captures ${channel === 'app' ? 'app answers' : 'search pages'} and cannot judge stance; choose a configuration on a model API.`,
      {
        errors: [
          {
            path,
            message: `${config.provider} captures ${channel === 'app' ? 'app answers' : 'search pages'} and cannot judge; choose a model API`,
          },
        ],
      },
    );
}
