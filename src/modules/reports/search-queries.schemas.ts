/** Search fan-out: the web searches assistants ran before answering, per prompt and assistant. */
import { z } from 'zod';
import { uuid } from '../common.schemas.js';
import { brandFields, filterFields, format, proportion } from './reports.schemas.js';
import { searchQueriesReportExample } from './reports.examples.js';

const { brandIds: _brandIds, ...filters } = filterFields;

export const searchQueriesQuery = z
  .object({
    ...filters,
    top: z.coerce
      .number()
      .int()
      .min(1)
      .max(50)
      .default(10)
      .describe('Search queries listed per prompt × configuration, most run first (1–50)'),
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(500)
      .default(100)
      .describe('Prompt × configuration rows at most, by prompt text then provider and configuration (1–500)'),
    format,
  })
  .strict()
  .refine((q) => !q.from || !q.to || Date.parse(q.from) < Date.parse(q.to), {
    message: 'must be after from',
    path: ['to'],
  });
export type SearchQueriesQuery = z.infer<typeof searchQueriesQuery>;

export const searchQueryEntry = z.object({
  rank: z.number().int().describe('1 for the query most answers ran; ties by query text'),
  query: z.string().describe('The query normalised: trimmed, lower-cased, runs of whitespace made one space'),
  answers: z.number().int().describe('Answers that ran this query (at least once)'),
  share: proportion.describe('Answers that ran this query / answers of the row that ran any web search'),
  ownCited: proportion.describe('Answers that ran this query and cited an own brand’s domain / answers that ran it'),
});

export const searchQueriesRow = z.object({
  promptId: uuid,
  promptText: z.string(),
  provider: z.string(),
  modelConfigId: uuid,
  modelConfigName: z.string().nullable(),
  n: z.number().int().describe('Successful analysed answers of this prompt × configuration'),
  searched: proportion.describe('Answers that ran at least one web search / n'),
  ownCited: proportion.describe(
    'Answers that ran a web search and cited an own brand’s domain / answers that ran a web search: the baseline for each query’s rate',
  ),
  distinctQueries: z.number().int().describe('Different normalised queries run, including those past `top`'),
  queries: z.array(searchQueryEntry),
});

export const searchQueriesReport = z
  .object({
    definitionVersion: z.number().int(),
    timezone: z.string(),
    filters: z.record(z.string(), z.unknown()),
    top: z.number().int(),
    ownBrands: z.array(z.object(brandFields)).describe('The brands whose domains count as own'),
    rows: z.array(searchQueriesRow).describe('Only prompt × configuration pairs with at least one web search'),
  })
  .meta({ id: 'SearchQueriesReport', examples: [searchQueriesReportExample] });

export type SearchQueriesReport = z.infer<typeof searchQueriesReport>;
export type SearchQueriesRow = z.infer<typeof searchQueriesRow>;
