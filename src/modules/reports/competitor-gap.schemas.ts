/** Competitor gap: prompts where a competitor is named and no own brand is. */
import { z } from 'zod';
import { uuid } from '../common.schemas.js';
import {
  brandFields,
  countFields,
  dimensionFields,
  envelopeFields,
  filterFields,
  format,
  groupByOf,
  proportion,
} from './reports.schemas.js';
import { competitorGapReportExample } from './reports.examples.js';

export const competitorGapQuery = z
  .object({
    ...filterFields,
    groupBy: groupByOf(['prompt', 'provider', 'config'] as const, ['prompt']).describe(
      'prompt is always a dimension; add provider or config to split further',
    ),
    limit: z.coerce.number().int().min(1).max(500).default(50).describe('Rows, largest gap first'),
    examples: z.coerce.number().int().min(0).max(10).default(3).describe('Latest answers quoted per row'),
    format,
  })
  .strict();
export type CompetitorGapQuery = z.infer<typeof competitorGapQuery>;

export const gapExample = z.object({
  responseId: uuid,
  runId: uuid,
  provider: z.string(),
  modelConfigId: uuid,
  completedAt: z.string().nullable(),
  snippet: z.string().describe('The competitor’s mention in context'),
  spans: z
    .array(z.tuple([z.number().int(), z.number().int()]))
    .describe('Where the competitor is named in the answer text (string indices)'),
});

export const competitorGapRow = z.object({
  ...dimensionFields,
  promptId: uuid,
  promptText: z.string(),
  competitor: z.object(brandFields),
  gap: proportion.describe('Answers naming the competitor and no own brand / answers'),
  competitorMentioned: proportion.describe('Answers naming the competitor / answers'),
  ...countFields,
  examples: z.array(gapExample),
});

export const competitorGapReport = z
  .object({
    ...envelopeFields,
    groupBy: z.array(z.string()),
    ownBrands: z.array(z.object(brandFields)).describe('The own brands whose absence defines the gap'),
    rows: z.array(competitorGapRow),
  })
  .meta({ id: 'CompetitorGapReport', examples: [competitorGapReportExample] });

export type CompetitorGapReport = z.infer<typeof competitorGapReport>;
export type CompetitorGapRow = z.infer<typeof competitorGapRow>;
