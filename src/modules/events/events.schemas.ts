/**
 * Change events: something a workspace did on a date (content published, a site change, a PR
 * campaign, a product launch…) and the prompts it should affect, by id and/or by tag.
 */
import { z } from 'zod';
import { instant, tagList, text, timestamp, uuid } from '../common.schemas.js';
import { changeEventExample } from './events.examples.js';

export const CHANGE_EVENT_KINDS = [
  'content_published',
  'site_change',
  'pr_campaign',
  'product_launch',
  'other',
] as const;
export const changeEventKind = z
  .enum(CHANGE_EVENT_KINDS)
  .describe('What happened: content_published, site_change, pr_campaign, product_launch or other');

const title = text(200).nullable().describe('A short name shown on trend charts');
const notes = text(2000).nullable().describe('Anything worth remembering about the change');
const url = z
  .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://example.com/page' })
  .max(2000, 'must be at most 2000 characters')
  .nullable()
  .describe('Where the change can be seen (the page published, the press release…)');
const promptIds = z.array(uuid).max(1_000).describe('Prompts the change should affect, by id');
const promptTags = tagList.describe(
  'Prompts carrying any of these tags are affected too (tags are resolved when a report reads the event)',
);

export const changeEventCreate = z
  .object({
    kind: changeEventKind,
    occurredAt: instant.describe('When the change happened (answers of runs from this instant on are "after")'),
    title: title.optional(),
    notes: notes.optional(),
    url: url.optional(),
    promptIds: promptIds.default([]),
    promptTags: promptTags.default([]),
  })
  .strict()
  .refine((e) => e.promptIds.length > 0 || e.promptTags.length > 0, {
    message: 'give promptIds or promptTags (or both): the prompts the change should affect',
    path: ['promptIds'],
  })
  .meta({
    examples: [
      {
        kind: 'content_published',
        occurredAt: '2026-11-16T09:00:00Z',
        title: 'Comparison page: Acme CRM vs Globex',
        url: 'https://acme.example.com/compare/globex',
        promptTags: ['comparison'],
      },
    ],
  });

export const changeEventUpdate = z
  .object({
    kind: changeEventKind.optional(),
    occurredAt: instant.optional(),
    title: title.optional(),
    notes: notes.optional(),
    url: url.optional(),
    promptIds: promptIds.optional(),
    promptTags: promptTags.optional(),
  })
  .strict()
  .meta({ examples: [{ title: 'Comparison page (v2)', promptTags: ['comparison', 'pricing'] }] });

export const changeEventDto = z
  .object({
    id: uuid,
    workspaceId: uuid,
    kind: changeEventKind,
    occurredAt: timestamp,
    title: z.string().nullable(),
    notes: z.string().nullable(),
    url: z.string().nullable(),
    promptIds: z.array(uuid),
    promptTags: z.array(z.string()),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'ChangeEvent', examples: [changeEventExample] });

export type ChangeEventCreate = z.infer<typeof changeEventCreate>;
export type ChangeEventUpdate = z.infer<typeof changeEventUpdate>;
export type ChangeEventDto = z.infer<typeof changeEventDto>;
export type ChangeEventKind = z.infer<typeof changeEventKind>;
