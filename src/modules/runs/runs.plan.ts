/**
 * Turns an audit (or an inline selection) into the list of answers to collect: every active
 * prompt × configuration × sample, with the cost estimate that budgets are checked against.
 */
import type { PrismaClient } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';
import { getAdapter } from '../../providers/registry.js';
import type { ModelParams, ProviderAdapter } from '../../providers/types.js';
import type { AdaptiveSampling } from './runs.adaptive.js';
import { selectedModelConfigs, selectedPrompts, type PlannedResponse } from './runs.repo.js';

export const MAX_RUN_RESPONSES = 100_000;

export interface Selection {
  promptIds: string[];
  promptTags: string[];
  modelConfigIds: string[];
  samplesPerPair: number;
  /** Adaptive sampling: the first wave is minSamples per pair, and a pair gets at most maxSamples. */
  sampling?: AdaptiveSampling | null;
}

export interface RunPlan {
  /** The answers of the first (for a fixed run, the only) wave. */
  responses: PlannedResponse[];
  /** The estimate of those answers: for an adaptive run its minimum (every pair stops at minSamples). */
  estimatedCostUsd: number;
  /** The most the run may ask for: for an adaptive run every pair at maxSamples; else estimatedCostUsd. */
  estimatedMaxCostUsd: number;
  maxCalls: number;
  promptCount: number;
  configCount: number;
}

/**
 * The estimated cost of asking one prompt once with one configuration: the figure budgets are
 * checked against (runs) and shown before an audit is saved (draft estimates).
 */
export function estimatePromptCall(
  adapter: ProviderAdapter,
  config: { model: string; params: unknown },
  promptText: string,
): number {
  return adapter.estimateCost({
    model: config.model,
    params: config.params as ModelParams,
    inputTokens: Math.ceil(promptText.length / 4) + 20,
  });
}

export async function planRun(prisma: PrismaClient, workspaceId: string, selection: Selection): Promise<RunPlan> {
  const prompts = await selectedPrompts(prisma, workspaceId, selection);
  const configs = await selectedModelConfigs(prisma, workspaceId, selection.modelConfigIds);
  if (prompts.length === 0) {
    throw new AppError('validation_failed', 'No active prompt matches this selection (archived prompts are skipped).', {
      errors: [{ path: 'body.promptIds', message: 'matches no active prompt in this workspace' }],
    });
  }
  if (configs.length === 0) {
    throw new AppError('validation_failed', 'No active model configuration matches this selection.', {
      errors: [{ path: 'body.modelConfigIds', message: 'matches no active model configuration in this workspace' }],
    });
  }
  const first = selection.sampling ? selection.sampling.minSamples : selection.samplesPerPair;
  const most = selection.sampling ? selection.sampling.maxSamples : selection.samplesPerPair;
  const total = prompts.length * configs.length * most;
  if (total > MAX_RUN_RESPONSES) {
    throw new AppError(
      'validation_failed',
      `This run would collect ${total} answers; the limit per run is ${MAX_RUN_RESPONSES}. Use fewer prompts, configurations or samples.`,
    );
  }

  const responses: PlannedResponse[] = [];
  let estimatedCostUsd = 0;
  let estimatedMaxCostUsd = 0;
  for (const config of configs) {
    const adapter = getAdapter(config.provider);
    for (const prompt of prompts) {
      const perCall = estimatePromptCall(adapter, config, prompt.text);
      estimatedCostUsd += perCall * first;
      estimatedMaxCostUsd += perCall * most;
      for (let sampleIndex = 0; sampleIndex < first; sampleIndex++) {
        responses.push({
          promptId: prompt.id,
          modelConfigId: config.id,
          sampleIndex,
          provider: config.provider,
          channel: adapter.channel,
          model: config.model,
          configHash: config.hash,
        });
      }
    }
  }
  return {
    responses,
    estimatedCostUsd: Math.round(estimatedCostUsd * 1e6) / 1e6,
    estimatedMaxCostUsd: Math.round(estimatedMaxCostUsd * 1e6) / 1e6,
    maxCalls: total,
    promptCount: prompts.length,
    configCount: configs.length,
  };
}
