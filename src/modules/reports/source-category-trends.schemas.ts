/** Source-category trends: the split of cited sources by source category per day or week. */
import { z } from 'zod';
import { sourceCategoryRow } from './citations.schemas.js';
import { envelopeFields, filterFields, format } from './reports.schemas.js';
import { sourceCategoryTrendsReportExample } from './reports.examples.js';

export const sourceCategoryTrendsQuery = z
  .object({
    ...filterFields,
    interval: z
      .enum(['day', 'week'])
      .default('day')
      .describe('Days, or ISO weeks starting on Monday, in the workspace time zone'),
    format,
  })
  .strict();
export type SourceCategoryTrendsQuery = z.infer<typeof sourceCategoryTrendsQuery>;

export const sourceCategoryPeriod = z.object({
  period: z.string().describe('First local day of the day or week (YYYY-MM-DD); answers are dated by their run'),
  n: z
    .number()
    .int()
    .describe('Analysed answers of the period: the denominator of citingAnswers and the unit of the share intervals'),
  cited: z.number().int().describe('Cited sources (annotations and links) in them'),
  categories: z.array(sourceCategoryRow).describe('Every category, in the fixed order of the citations report'),
});

export const sourceCategoryTrendsReport = z
  .object({
    ...envelopeFields,
    interval: z.enum(['day', 'week']),
    listVersion: z.number().int().describe('Version of the domain list the domains were classified with'),
    periods: z
      .array(sourceCategoryPeriod)
      .describe('Periods with at least one settled answer, oldest first; brand filters do not apply'),
  })
  .meta({ id: 'SourceCategoryTrendsReport', examples: [sourceCategoryTrendsReportExample] });
export type SourceCategoryTrendsReport = z.infer<typeof sourceCategoryTrendsReport>;
