/** Answers drill-down and raw exports: the answers behind every report number. */
import { z } from 'zod';
import { pageOf, uuid } from '../common.schemas.js';
import { csv, filterFields } from '../reports/reports.schemas.js';
import { answerExample } from './answers.examples.js';

const { brandIds: _brandIds, ...answerFilters } = filterFields;

export const answersQuery = z
  .object({
    ...answerFilters,
    status: csv(z.enum(['pending', 'succeeded', 'failed', 'cancelled']))
      .optional()
      .describe('Answer statuses to list (default: all)'),
    mentioning: csv(uuid).optional().describe('Only analysed answers mentioning any of these brands'),
    notMentioning: csv(uuid)
      .optional()
      .describe(
        'Only analysed answers mentioning none of these brands (e.g. your own, to read a competitor gap); failed and unanalysed answers are in neither list, as in reports',
      ),
    includeRaw: z.stringbool().default(false).describe('Add the answer text and the provider’s raw payload'),
    limit: z.coerce.number().int().min(1).max(200).default(50).describe('Items per page (1–200)'),
    cursor: uuid.optional().describe('nextCursor of the previous page'),
  })
  .strict();
export type AnswersQuery = z.infer<typeof answersQuery>;

export const answerMention = z.object({
  brandId: uuid,
  brandName: z.string(),
  brandKind: z.enum(['own', 'competitor']),
  count: z.number().int(),
  spans: z
    .array(z.tuple([z.number().int(), z.number().int()]))
    .describe('[start, end) JavaScript string indices into the answer text, for highlighting'),
  firstOffset: z.number().int(),
  rank: z.number().int(),
  listPosition: z.number().int().nullable(),
  sentiment: z.number(),
  sentimentLabel: z
    .enum(['positive', 'neutral', 'negative'])
    .describe('Stance of the answer toward the brand as a buyer reads it (docs/sentiment.md)'),
  sentimentPassage: z
    .object({
      start: z.number().int(),
      end: z.number().int(),
      text: z.string().describe('The passage itself: the list item, table row or sentence'),
    })
    .nullable()
    .describe(
      'The passage that decided the sentiment label, as [start, end) JavaScript string indices into the answer text; null for answers analysed before analysis version 2',
    ),
  snippet: z.string(),
  matchedAlias: z.string(),
});

export const answerCitation = z.object({
  position: z.number().int(),
  url: z.string(),
  domain: z.string(),
  title: z.string().nullable(),
  source: z.enum(['annotation', 'link', 'search_result']),
  brandId: uuid.nullable().describe('Brand owning the domain, if any'),
});

export const answerDto = z
  .object({
    id: uuid,
    runId: uuid,
    runAt: z.string().describe('When its run was created: the instant reports date this answer by'),
    promptId: uuid,
    promptText: z.string(),
    modelConfigId: uuid,
    modelConfigName: z.string(),
    provider: z.string(),
    model: z.string(),
    modelVersion: z.string().nullable(),
    sampleIndex: z.number().int(),
    status: z.enum(['pending', 'succeeded', 'failed', 'cancelled']),
    completedAt: z.string().nullable(),
    analyzedAt: z.string().nullable(),
    errorCode: z.string().nullable(),
    error: z.string().nullable(),
    latencyMs: z.number().int().nullable(),
    costUsd: z.string().nullable().describe('Decimal string'),
    mentions: z.array(answerMention),
    citations: z.array(answerCitation),
    text: z.string().nullable().optional().describe('With includeRaw=true'),
    raw: z.unknown().optional().describe('Provider payload, with includeRaw=true'),
  })
  .meta({ id: 'Answer', examples: [answerExample] });

export const answersPage = pageOf(answerDto).meta({ id: 'AnswersPage' });
export type AnswerDto = z.infer<typeof answerDto>;

export const exportQuery = z
  .object({
    ...filterFields,
    format: z.enum(['csv', 'json']).default('csv').describe('csv (default) or json (an array), both streamed'),
    includeRaw: z.stringbool().default(false).describe('responses only: add the provider’s raw payload'),
  })
  .strict();
export type ExportQuery = z.infer<typeof exportQuery>;
