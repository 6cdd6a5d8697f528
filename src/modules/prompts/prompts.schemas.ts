import { z } from 'zod';
import { listQuery, locale, tagList, text, timestamp, uuid } from '../common.schemas.js';
import { promptExample } from './prompts.examples.js';

export const promptCreate = z
  .object({
    text: text(4_000).describe('The question, as a buyer would ask an assistant'),
    locale: locale.default('en-US'),
    tags: tagList
      .default([])
      .describe('Topic, intent, funnel stage… used to select prompts in audits and to slice reports'),
  })
  .strict()
  .meta({
    examples: [{ text: 'What is the best CRM for a 10-person startup?', locale: 'en-US', tags: ['crm', 'startup'] }],
  });

export const promptUpdate = z
  .object({
    text: text(4_000).optional(),
    locale: locale.optional(),
    tags: tagList.optional(),
    archived: z.boolean().optional(),
  })
  .strict()
  .meta({ examples: [{ tags: ['crm', 'smb'] }, { archived: true }] });

export const promptListQuery = listQuery
  .extend({
    tag: z.string().trim().toLowerCase().max(50).optional().describe('Only prompts with this tag'),
    q: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(200, 'must be at most 200 characters')
      .optional()
      .describe('Only prompts whose text contains this, whatever the letter case (% and _ are plain characters)'),
    archived: z.stringbool().optional().describe('Filter on archived state'),
  })
  .strict();

export const promptDto = z
  .object({
    id: uuid,
    workspaceId: uuid,
    text: z.string(),
    locale: z.string(),
    tags: z.array(z.string()),
    archived: z.boolean(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'Prompt', examples: [promptExample] });

export type PromptCreate = z.infer<typeof promptCreate>;
export type PromptUpdate = z.infer<typeof promptUpdate>;
export type PromptListQuery = z.infer<typeof promptListQuery>;
export type PromptDto = z.infer<typeof promptDto>;
