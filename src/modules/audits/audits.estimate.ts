/**
 * What an audit's next run would cost, before it runs: the same plan and estimate a run is
 * checked against at launch (src/modules/runs/runs.plan.ts), so the figure a marketer sees here
 * is the one the budget will be compared with. Prompts chosen by tag are resolved now, as a run
 * started now would resolve them. With a schedule, a month is the runs due in an average month
 * (src/lib/schedule.ts, as the schedule preview counts them) times that per-run figure.
 *
 * A draft (POST …/audits/estimate) is priced the same way before anything is saved: its prompts
 * and configurations may be saved ones (ids, tags) or drafts (text; provider, model, parameters).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, type FieldError } from '../../lib/errors.js';
import { runsPerMonth as scheduleRunsPerMonth, scheduleProblem } from '../../lib/schedule.js';
import { orgOf } from '../../plugins/auth.js';
import { problemResponses } from '../../plugins/openapi.js';
import { getAdapter, hasAdapter } from '../../providers/registry.js';
import { providerNames } from '../../providers/settings.js';
import { ConfigValidationError } from '../../providers/types.js';
import { tagList, text, timeZone, uuid, workspaceParams } from '../common.schemas.js';
import { selectedModelConfigs, selectedPrompts } from '../runs/runs.repo.js';
import { MAX_RUN_RESPONSES, estimatePromptCall, planRun } from '../runs/runs.plan.js';
import { requireWorkspace } from '../workspaces/workspaces.service.js';
import { fixedDesignSamples } from '../../lib/adaptive-sampling.js';
import { samplingInput } from './audits.schemas.js';
import { getAudit, samplingColumns, type AuditsDeps } from './audits.service.js';

/** Runs a schedule starts in an average month (as the schedule preview says), or null without a schedule. */
export function runsPerMonth(schedule: string | null, timezone: string, from = new Date()): number | null {
  return schedule ? scheduleRunsPerMonth(schedule, timezone, from) : null;
}

const round6 = (usd: number) => Math.round(usd * 1e6) / 1e6;

const monthFields = {
  runsPerMonth: z
    .number()
    .nullable()
    .describe(
      'Runs the schedule starts in an average month (a year of due times ÷ 12, in its time zone), as the schedule preview says; null without a schedule',
    ),
  perMonthUsd: z
    .number()
    .nullable()
    .describe('runsPerMonth × estimatedCostUsd: what a month at this schedule would cost; null without a schedule'),
};

/** The two ends of an adaptive audit's cost (null for fixed sampling). */
const adaptiveRange = z
  .object({
    minCalls: z.number().int().describe('Every pair stops at minSamples'),
    maxCalls: z.number().int().describe('Every pair goes to maxSamples'),
    minCostUsd: z.number(),
    maxCostUsd: z.number(),
    fixedDesignCalls: z
      .number()
      .int()
      .describe('The fixed design of the same worst-case precision: every pair asked fixedDesignSamples times'),
  })
  .nullable()
  .describe(
    'For adaptive sampling: what a run costs at least and at most (calls and estimatedCostUsd are the maximum); null for fixed sampling',
  );

export const auditEstimateDto = z
  .object({
    auditId: uuid,
    promptCount: z.number().int().describe('Active prompts the run would ask (by id and by tag)'),
    configCount: z.number().int().describe('Active model configurations it would query'),
    samplesPerPair: z.number().int(),
    calls: z.number().int().describe('Provider calls: prompts × configurations × samples'),
    estimatedCostUsd: z
      .number()
      .describe('Estimate from the price table and typical token counts; a model without a known price counts as 0'),
    budgetPerRunUsd: z.number().nullable(),
    withinBudget: z
      .boolean()
      .nullable()
      .describe(
        'Whether a run would be accepted by its per-run budget (for adaptive sampling, whether its minimum fits); null without one',
      ),
    adaptive: adaptiveRange,
    ...monthFields,
  })
  .meta({
    examples: [
      {
        auditId: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a06',
        promptCount: 12,
        configCount: 3,
        samplesPerPair: 5,
        calls: 180,
        estimatedCostUsd: 1.4821,
        budgetPerRunUsd: 5,
        withinBudget: true,
        adaptive: null,
        runsPerMonth: 4.35,
        perMonthUsd: 6.4471,
      },
    ],
  });
export type AuditEstimateDto = z.infer<typeof auditEstimateDto>;

export async function estimateAudit(
  deps: AuditsDeps,
  orgId: string,
  workspaceId: string,
  auditId: string,
): Promise<AuditEstimateDto> {
  const audit = await getAudit(deps, orgId, workspaceId, auditId);
  const adaptive = audit.sampling.mode === 'adaptive' ? audit.sampling : null;
  const plan = await planRun(deps.prisma, workspaceId, {
    promptIds: audit.promptIds,
    promptTags: audit.promptTags,
    modelConfigIds: audit.modelConfigIds,
    samplesPerPair: audit.samplesPerPair,
    sampling: adaptive,
  });
  return {
    auditId: audit.id,
    promptCount: plan.promptCount,
    configCount: plan.configCount,
    samplesPerPair: audit.samplesPerPair,
    calls: plan.maxCalls,
    estimatedCostUsd: plan.estimatedMaxCostUsd,
    budgetPerRunUsd: audit.budgetPerRunUsd,
    withinBudget: audit.budgetPerRunUsd === null ? null : plan.estimatedCostUsd <= audit.budgetPerRunUsd,
    adaptive: adaptive
      ? {
          minCalls: plan.responses.length,
          maxCalls: plan.maxCalls,
          minCostUsd: plan.estimatedCostUsd,
          maxCostUsd: plan.estimatedMaxCostUsd,
          fixedDesignCalls: plan.promptCount * plan.configCount * adaptive.fixedDesignSamples,
        }
      : null,
    ...perMonth(audit.schedule, audit.timezone, plan.estimatedMaxCostUsd),
  };
}

function perMonth(schedule: string | null, timezone: string, perRun: number) {
  const runs = runsPerMonth(schedule, timezone);
  return { runsPerMonth: runs, perMonthUsd: runs === null ? null : round6(runs * perRun) };
}

const usd = z.number().positive().max(1_000_000);

export const auditDraftEstimate = z
  .object({
    promptIds: z.array(uuid).max(1_000).default([]).describe('Saved prompts, by id'),
    promptTags: tagList.default([]).describe('Saved prompts carrying any of these tags'),
    prompts: z
      .array(z.object({ text: text(4_000) }).strict())
      .max(1_000)
      .default([])
      .describe('Prompts not saved yet, by their text'),
    modelConfigIds: z.array(uuid).max(50).default([]).describe('Saved model configurations, by id'),
    modelConfigs: z
      .array(
        z
          .object({
            name: text(200).optional(),
            provider: z
              .string()
              .trim()
              .min(1)
              .max(50)
              .describe(`One of: ${providerNames().join(', ')}`),
            model: text(200),
            params: z.record(z.string(), z.unknown()).default({}),
          })
          .strict(),
      )
      .max(50)
      .default([])
      .describe('Model configurations not saved yet, validated as POST …/model-configs would'),
    samplesPerPair: z.number().int().min(1).max(100).optional().describe('Answers per pair (default 1)'),
    sampling: samplingInput.optional().describe('Fixed or adaptive sampling, as audits take it'),
    schedule: z.string().trim().max(100).nullable().default(null).describe('Cron expression, as audits take it'),
    timezone: timeZone.optional().describe('Time zone of the schedule (default: the workspace’s)'),
    budgetPerRunUsd: usd.nullable().default(null),
    budgetPerMonthUsd: usd.nullable().default(null),
  })
  .strict()
  .meta({
    examples: [
      {
        prompts: [
          { text: 'What is the best CRM for a small business?' },
          { text: 'What are the best alternatives to Pipedrive?' },
        ],
        modelConfigs: [{ provider: 'openai', model: 'gpt-5.4-mini', params: { webSearch: true } }],
        samplesPerPair: 3,
        schedule: '0 6 * * 1',
        timezone: 'Europe/Paris',
      },
    ],
  });
export type AuditDraftEstimate = z.infer<typeof auditDraftEstimate>;

export const auditDraftEstimateDto = z
  .object({
    promptCount: z.number().int(),
    configCount: z.number().int(),
    samplesPerPair: z.number().int(),
    calls: z.number().int().describe('Provider calls per run: prompts × configurations × samples'),
    estimatedCostUsd: z.number().describe('One run, priced as a launched run is priced (adaptive: its maximum)'),
    adaptive: adaptiveRange,
    byConfig: z.array(
      z.object({
        modelConfigId: uuid.nullable().describe('null for a draft configuration'),
        draftIndex: z.number().int().nullable().describe('Index in modelConfigs for a draft configuration'),
        name: z.string().nullable(),
        provider: z.string(),
        model: z.string(),
        estimatedCostUsd: z.number().describe('This configuration’s share of one run'),
      }),
    ),
    schedule: z.string().nullable(),
    timezone: z.string(),
    ...monthFields,
    budgetPerRunUsd: z.number().nullable(),
    withinBudget: z
      .boolean()
      .nullable()
      .describe('Whether a run would be accepted by budgetPerRunUsd; null without one'),
    budgetPerMonthUsd: z.number().nullable(),
    withinMonthlyBudget: z
      .boolean()
      .nullable()
      .describe('Whether perMonthUsd stays within budgetPerMonthUsd; null without a schedule or monthly budget'),
  })
  .meta({
    examples: [
      {
        promptCount: 2,
        configCount: 1,
        samplesPerPair: 3,
        calls: 6,
        estimatedCostUsd: 0.1112,
        adaptive: null,
        byConfig: [
          {
            modelConfigId: null,
            draftIndex: 0,
            name: null,
            provider: 'openai',
            model: 'gpt-5.4-mini',
            estimatedCostUsd: 0.1112,
          },
        ],
        schedule: '0 6 * * 1',
        timezone: 'Europe/Paris',
        runsPerMonth: 4.35,
        perMonthUsd: 0.48372,
        budgetPerRunUsd: null,
        withinBudget: null,
        budgetPerMonthUsd: null,
        withinMonthlyBudget: null,
      },
    ],
  });
export type AuditDraftEstimateDto = z.infer<typeof auditDraftEstimateDto>;

export async function estimateDraftAudit(
  deps: AuditsDeps,
  orgId: string,
  workspaceId: string,
  draft: AuditDraftEstimate,
): Promise<AuditDraftEstimateDto> {
  const workspace = await requireWorkspace(deps.prisma, orgId, workspaceId);
  const timezone = draft.timezone ?? workspace.timezone;
  const errors: FieldError[] = [];
  if (draft.schedule) {
    const problem = scheduleProblem(draft.schedule, timezone);
    if (problem) errors.push({ path: 'body.schedule', message: problem });
  }
  const saved =
    draft.promptIds.length || draft.promptTags.length
      ? await selectedPrompts(deps.prisma, workspaceId, { promptIds: draft.promptIds, promptTags: draft.promptTags })
      : [];
  const promptTexts = [...saved.map((p) => p.text), ...draft.prompts.map((p) => p.text)];
  if (promptTexts.length === 0)
    errors.push({ path: 'body.prompts', message: 'give prompts, promptIds or promptTags matching an active prompt' });

  const savedConfigs = draft.modelConfigIds.length
    ? await selectedModelConfigs(deps.prisma, workspaceId, draft.modelConfigIds)
    : [];
  const configs: Array<{
    modelConfigId: string | null;
    draftIndex: number | null;
    name: string | null;
    provider: string;
    model: string;
    params: unknown;
  }> = savedConfigs.map((c) => ({
    modelConfigId: c.id,
    draftIndex: null,
    name: c.name,
    provider: c.provider,
    model: c.model,
    params: c.params,
  }));
  for (const [i, c] of draft.modelConfigs.entries()) {
    if (!hasAdapter(c.provider)) {
      errors.push({
        path: `body.modelConfigs.${i}.provider`,
        message: `must be one of: ${providerNames().join(', ')}`,
      });
      continue;
    }
    try {
      const params = getAdapter(c.provider).validateConfig(c.model, c.params);
      configs.push({
        modelConfigId: null,
        draftIndex: i,
        name: c.name ?? null,
        provider: c.provider,
        model: c.model,
        params,
      });
    } catch (err) {
      if (!(err instanceof ConfigValidationError)) throw err;
      for (const p of err.problems)
        errors.push({ path: `body.modelConfigs.${i}.params.${p.param}`, message: p.message });
    }
  }
  if (configs.length === 0 && !errors.some((e) => e.path.startsWith('body.modelConfigs')))
    errors.push({
      path: 'body.modelConfigs',
      message: 'give modelConfigs or modelConfigIds matching an active configuration',
    });
  if (errors.length)
    throw new AppError(
      'validation_failed',
      `The draft cannot be estimated: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}`,
      {
        errors,
      },
    );

  const sampling = samplingColumns(draft) ?? { samplesPerPair: 1, sampling: null };
  const adaptive = sampling.sampling;
  const perPair = adaptive ? adaptive.maxSamples : sampling.samplesPerPair;
  const calls = promptTexts.length * configs.length * perPair;
  if (calls > MAX_RUN_RESPONSES) {
    throw new AppError(
      'validation_failed',
      `This run would collect ${calls} answers; the limit per run is ${MAX_RUN_RESPONSES}. Use fewer prompts, configurations or samples.`,
    );
  }
  const byConfig = configs.map((c) => {
    const adapter = getAdapter(c.provider);
    const perRun = promptTexts.reduce((sum, t) => sum + estimatePromptCall(adapter, c, t), 0) * perPair;
    return {
      modelConfigId: c.modelConfigId,
      draftIndex: c.draftIndex,
      name: c.name,
      provider: c.provider,
      model: c.model,
      estimatedCostUsd: round6(perRun),
    };
  });
  const estimatedCostUsd = round6(byConfig.reduce((sum, c) => sum + c.estimatedCostUsd, 0));
  const minCostUsd = adaptive
    ? round6((estimatedCostUsd * adaptive.minSamples) / adaptive.maxSamples)
    : estimatedCostUsd;
  const month = perMonth(draft.schedule, timezone, estimatedCostUsd);
  return {
    promptCount: promptTexts.length,
    configCount: configs.length,
    samplesPerPair: sampling.samplesPerPair,
    calls,
    estimatedCostUsd,
    adaptive: adaptive
      ? {
          minCalls: promptTexts.length * configs.length * adaptive.minSamples,
          maxCalls: calls,
          minCostUsd,
          maxCostUsd: estimatedCostUsd,
          fixedDesignCalls: promptTexts.length * configs.length * fixedDesignSamples(adaptive.halfWidth / 100),
        }
      : null,
    byConfig,
    schedule: draft.schedule,
    timezone,
    ...month,
    budgetPerRunUsd: draft.budgetPerRunUsd,
    withinBudget: draft.budgetPerRunUsd === null ? null : minCostUsd <= draft.budgetPerRunUsd,
    budgetPerMonthUsd: draft.budgetPerMonthUsd,
    withinMonthlyBudget:
      draft.budgetPerMonthUsd === null || month.perMonthUsd === null
        ? null
        : month.perMonthUsd <= draft.budgetPerMonthUsd,
  };
}

export async function auditEstimateRoutes(app: FastifyInstance, deps: AuditsDeps): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/v1/workspaces/:workspaceId/audits/:auditId/estimate',
    {
      schema: {
        tags: ['Audits'],
        summary: 'Estimate the cost of an audit’s next run',
        description:
          'Plans the run an audit would start now (prompts by id and tag, active configurations, samples) and prices it the way a launched run is priced and checked against its budget. Nothing is recorded or queued.',
        params: z.object({ workspaceId: uuid, auditId: uuid }).strict(),
        response: { 200: auditEstimateDto, ...problemResponses },
      },
    },
    async (req) => estimateAudit(deps, orgOf(req), req.params.workspaceId, req.params.auditId),
  );
  app.withTypeProvider<ZodTypeProvider>().post(
    '/v1/workspaces/:workspaceId/audits/estimate',
    {
      config: { scope: 'read', readOnly: true },
      schema: {
        tags: ['Audits'],
        summary: 'Estimate the cost of a draft audit, before saving it',
        description:
          'Prices one run of a draft audit — saved prompts (ids, tags) and prompts not saved yet (text), saved configurations and drafts (provider, model, parameters, validated as on creation) — the way a launched run is priced, and a month at the draft’s schedule (runs due in an average month × one run). Calls no model, stores nothing and is not recorded in the audit log; read permission is enough.',
        params: workspaceParams,
        body: auditDraftEstimate,
        response: { 200: auditDraftEstimateDto, ...problemResponses },
      },
    },
    async (req) => estimateDraftAudit(deps, orgOf(req), req.params.workspaceId, req.body),
  );
}
