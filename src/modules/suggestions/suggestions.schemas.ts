import { z } from 'zod';
import { providerNames } from '../../providers/settings.js';
import { listQuery, locale, text, timestamp, uuid } from '../common.schemas.js';
import { brandDomain } from '../brands/brands.schemas.js';
import { suggestionExample, suggestionQueuedExample } from './suggestions.examples.js';
import { TEMPLATE_CATEGORIES } from './suggestions.templates.js';

export const SUGGESTION_SOURCES = ['model', 'searches', 'templates'] as const;

const usd = z.number().positive().max(100).multipleOf(0.0001, 'at most 4 decimals');

export const suggestionCreate = z
  .object({
    source: z
      .enum(SUGGESTION_SOURCES)
      .describe(
        'model: ask a model through the provider layer (a priced job run by a worker); searches: the search queries assistants ran in this workspace’s stored answers, most frequent first; templates: built-in buyer questions for the category',
      ),
    brandName: text(200).describe('The workspace’s own brand'),
    website: brandDomain.optional().describe('The own brand’s website (a domain or URL)'),
    category: text(100)
      .optional()
      .describe(
        `What the brand sells, in a few words. Templates know: ${TEMPLATE_CATEGORIES.join(', ')} (anything else gets the generic set)`,
      ),
    locale: locale.default('en-US').describe('Language of the suggested prompts (model source)'),
    modelConfigId: uuid
      .optional()
      .describe('Source model: the model configuration to ask (its provider, model and parameters)'),
    provider: z
      .string()
      .trim()
      .min(1)
      .max(50)
      .optional()
      .describe(`Source model without a saved configuration: one of ${providerNames().join(', ')}`),
    model: text(200).optional().describe('Source model with provider: the model id'),
    budgetUsd: usd
      .default(0.5)
      .describe('Most this request may cost; refused before any call when the estimate is higher (default 0.50)'),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.source !== 'model') {
      for (const field of ['modelConfigId', 'provider', 'model'] as const) {
        if (s[field] !== undefined)
          ctx.addIssue({ code: 'custom', path: [field], message: 'is only used with source "model"' });
      }
      return;
    }
    if (s.modelConfigId && (s.provider || s.model))
      ctx.addIssue({
        code: 'custom',
        path: ['provider'],
        message: 'give modelConfigId or provider and model, not both',
      });
    else if (!s.modelConfigId && !(s.provider && s.model))
      ctx.addIssue({
        code: 'custom',
        path: [s.provider ? 'model' : 'modelConfigId'],
        message: 'source "model" needs modelConfigId, or provider and model',
      });
  })
  .meta({
    examples: [
      {
        source: 'model',
        brandName: 'Pipedrive',
        website: 'pipedrive.com',
        category: 'CRM',
        provider: 'mock',
        model: 'mock-1',
      },
      { source: 'templates', brandName: 'Pipedrive', category: 'software' },
      { source: 'searches', brandName: 'Pipedrive' },
    ],
  });

export const suggestedCompetitor = z.object({ name: z.string(), domain: z.string().nullable() });
export const suggestedPrompt = z.object({ text: z.string(), tags: z.array(z.string()) });

export const suggestionDto = z
  .object({
    id: uuid,
    workspaceId: uuid,
    source: z.enum(SUGGESTION_SOURCES),
    status: z
      .enum(['queued', 'running', 'succeeded', 'failed'])
      .describe('templates and searches answer at once (succeeded); model requests are queued for a worker'),
    brandName: z.string(),
    website: z.string().nullable(),
    category: z.string().nullable().describe('As given; for templates, the template set used'),
    locale: z.string(),
    modelConfigId: uuid.nullable(),
    provider: z.string().nullable(),
    model: z.string().nullable(),
    budgetUsd: z.number().nullable(),
    estimatedCostUsd: z.number().describe('Estimate of the call from the price table (0 without a call)'),
    costUsd: z
      .number()
      .nullable()
      .describe('What the call cost: the provider-reported cost, else computed from its usage and the price table'),
    competitors: z.array(suggestedCompetitor),
    prompts: z.array(suggestedPrompt),
    error: z.string().nullable().describe('Why a request failed, when it did'),
    errorCode: z.string().nullable(),
    createdAt: timestamp,
    startedAt: timestamp.nullable(),
    finishedAt: timestamp.nullable(),
  })
  .meta({ id: 'Suggestion', examples: [suggestionExample, suggestionQueuedExample] });

export const suggestionParams = z.object({ workspaceId: uuid, suggestionId: uuid }).strict();
export const suggestionListQuery = listQuery;

export type SuggestionCreate = z.infer<typeof suggestionCreate>;
export type SuggestionDto = z.infer<typeof suggestionDto>;
export type SuggestedCompetitor = z.infer<typeof suggestedCompetitor>;
export type SuggestedPrompt = z.infer<typeof suggestedPrompt>;
