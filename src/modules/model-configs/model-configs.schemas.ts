import { z } from 'zod';
import { providerNames } from '../../providers/settings.js';
import { listQuery, text, timestamp, uuid } from '../common.schemas.js';
import { modelConfigExample } from './model-configs.examples.js';

export const modelConfigCreate = z
  .object({
    name: text(200),
    provider: z
      .string()
      .trim()
      .min(1)
      .max(50)
      .describe(`One of: ${providerNames().join(', ')}`),
    model: text(200).describe('Model id as the provider names it, e.g. gpt-5.4-mini'),
    params: z
      .record(z.string(), z.unknown())
      .default({})
      .describe(
        'temperature, topP, maxOutputTokens, seed, systemPrompt, webSearch, reasoningEffort, userLocation, locale, persona — as the provider and model accept them',
      ),
  })
  .strict()
  .meta({
    examples: [
      {
        name: 'GPT-5.4 mini, web search',
        provider: 'openai',
        model: 'gpt-5.4-mini',
        params: { webSearch: true, reasoningEffort: 'low' },
      },
    ],
  });

export const modelConfigUpdate = z
  .object({
    name: text(200).optional(),
    archived: z.boolean().optional(),
    model: text(200).optional(),
    params: z.record(z.string(), z.unknown()).optional(),
  })
  .strict()
  .meta({ examples: [{ name: 'GPT-5.4 mini (search)' }, { archived: true }] });

export const modelConfigListQuery = listQuery.extend({ archived: z.stringbool().optional() }).strict();

export const modelConfigDto = z
  .object({
    id: uuid,
    workspaceId: uuid,
    name: z.string(),
    provider: z.string(),
    channel: z.enum(['api', 'serp', 'mock', 'app']),
    model: z.string(),
    params: z.record(z.string(), z.unknown()).describe('Effective parameters after validation'),
    hash: z
      .string()
      .describe('SHA-256 of provider, model and effective parameters: the configuration’s identity in reports'),
    location: z
      .object({
        country: z.string().nullable().describe('ISO 3166-1 alpha-2 code, e.g. FR'),
        region: z.string().nullable(),
        city: z.string().nullable(),
      })
      .nullable()
      .describe(
        'Read only. Where the answers are asked from: params.userLocation, or on search pages and captured apps the region of params.locale (fr-FR → FR); null when the configuration sets neither',
      ),
    language: z
      .string()
      .nullable()
      .describe(
        "Read only. The language subtag of params.locale (fr-FR → fr); null when none is set, in which case each prompt's own locale is the language asked in",
      ),
    persona: z
      .string()
      .nullable()
      .describe(
        'Read only. params.persona: who is asking, sent with the system prompt on API surfaces; null when none',
      ),
    archived: z.boolean(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'ModelConfig', examples: [modelConfigExample] });

export type ModelConfigCreate = z.infer<typeof modelConfigCreate>;
export type ModelConfigUpdate = z.infer<typeof modelConfigUpdate>;
export type ModelConfigListQuery = z.infer<typeof modelConfigListQuery>;
export type ModelConfigDto = z.infer<typeof modelConfigDto>;
