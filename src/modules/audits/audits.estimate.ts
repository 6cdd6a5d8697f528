/**
 * What an audit's next run would cost, before it runs: the same plan and estimate a run is
 * checked against at launch (src/modules/runs/runs.plan.ts), so the figure a marketer sees here
 * is the one the budget will be compared with. Prompts chosen by tag are resolved now, as a run
 * started now would resolve them.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { orgOf } from '../../plugins/auth.js';
import { problemResponses } from '../../plugins/openapi.js';
import { uuid } from '../common.schemas.js';
import { planRun } from '../runs/runs.plan.js';
import { getAudit, type AuditsDeps } from './audits.service.js';

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
      .describe('Whether a run would be accepted by its per-run budget; null without one'),
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
  const plan = await planRun(deps.prisma, workspaceId, {
    promptIds: audit.promptIds,
    promptTags: audit.promptTags,
    modelConfigIds: audit.modelConfigIds,
    samplesPerPair: audit.samplesPerPair,
  });
  return {
    auditId: audit.id,
    promptCount: plan.promptCount,
    configCount: plan.configCount,
    samplesPerPair: audit.samplesPerPair,
    calls: plan.responses.length,
    estimatedCostUsd: plan.estimatedCostUsd,
    budgetPerRunUsd: audit.budgetPerRunUsd,
    withinBudget: audit.budgetPerRunUsd === null ? null : plan.estimatedCostUsd <= audit.budgetPerRunUsd,
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
}
