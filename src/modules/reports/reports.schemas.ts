/** Shared report schemas: filters, grouping, and the shapes every number takes. */
import { z } from 'zod';
import { instant, uuid } from '../common.schemas.js';

/** Bumped whenever a metric's definition changes; every report carries it. */
export const DEFINITION_VERSION = 1;

/** A list given as a comma-separated query value (?brandIds=a,b) or repeated parameters (?brandIds=a&brandIds=b). */
export const csv = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .union([z.array(z.string()), z.string()])
    .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(item).max(200));

export const filterFields = {
  runId: uuid.optional(),
  from: instant
    .optional()
    .describe('Runs created at or after this instant (every answer is dated by the creation of its run)'),
  to: instant.optional().describe('Runs created before this instant'),
  brandIds: csv(uuid).optional().describe('Brands to show; shares are still computed among every tracked brand'),
  providers: csv(z.string().max(50)).optional(),
  modelConfigIds: csv(uuid).optional(),
  promptIds: csv(uuid).optional(),
  tags: csv(z.string().max(50)).optional().describe('Prompts carrying any of these tags'),
  locations: csv(z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code in upper case, e.g. FR'))
    .optional()
    .describe(
      "Configurations asking from any of these countries (the configuration's location: userLocation, or the locale's region on search pages and apps); configurations without a location are left out",
    ),
  languages: csv(z.string().regex(/^[a-z]{2,3}$/, 'must be a language subtag in lower case, e.g. fr'))
    .optional()
    .describe(
      "Answers asked in any of these languages: the configuration's locale language, or the prompt's locale language when the configuration sets none",
    ),
};

export const reportFilters = z.object(filterFields).strict();
export type ReportFilters = z.infer<typeof reportFilters>;

export const format = z
  .enum(['json', 'csv'])
  .default('json')
  .describe('json (default) or csv, streamed with a header row');

/** groupBy for the brand reports; brand is always a dimension, day and week are exclusive. */
export const groupByOf = <const T extends readonly [string, ...string[]]>(dims: T, fallback: Array<T[number]>) =>
  csv(z.enum(dims))
    .optional()
    .transform((v) => [...new Set(v ?? fallback)])
    .refine((v) => !(v.includes('day' as T[number]) && v.includes('week' as T[number])), 'choose day or week, not both')
    .describe(`Dimensions to group by, comma-separated: ${dims.join(', ')}. Default: ${fallback.join(',') || 'none'}`);

export const interval = z.object({ low: z.number(), high: z.number() });

export const proportion = z
  .object({
    numerator: z.number().int(),
    denominator: z.number().int(),
    n: z.number().int().describe('Independent answers behind the estimate'),
    value: z.number().nullable().describe('numerator / denominator; null when the denominator is 0'),
    ci95: interval.describe('95% Wilson interval'),
  })
  .meta({ id: 'Proportion' });

export const share = z
  .object({
    numerator: z.number(),
    denominator: z.number(),
    n: z.number().int().describe('Answers behind the estimate (the independent units)'),
    value: z.number().nullable(),
    ci95: interval
      .nullable()
      .describe('95% delta-method interval for a ratio of sums over answers; null below 2 answers'),
  })
  .meta({ id: 'Share' });

export const mean = z
  .object({
    numerator: z.number().describe('Sum of the values'),
    denominator: z.number().int().describe('Number of values'),
    n: z.number().int(),
    value: z.number().nullable(),
    sd: z.number().nullable(),
    ci95: interval.nullable().describe('95% Student-t interval; null below 2 values'),
  })
  .meta({ id: 'Mean' });

const sourceCount = z.object({
  count: z.number().int(),
  share: share.describe(
    'Of every source (cited or retrieved); no interval: sources within one answer are not independent',
  ),
});

/** Where an answer's sources came from: provider annotations, links in the text, or retrieved but not cited. */
export const sourceSplit = z.object({ annotation: sourceCount, link: sourceCount, searchResult: sourceCount });

/** The dimensions a row was grouped by; each present only when grouped by it. */
export const dimensionFields = {
  provider: z.string().optional(),
  modelConfigId: uuid.optional(),
  modelConfigName: z.string().optional(),
  promptId: uuid.optional(),
  promptText: z.string().optional(),
  tag: z.string().nullable().optional().describe('null groups answers whose prompt has no tag'),
  location: z
    .string()
    .nullable()
    .optional()
    .describe("The configuration's country (ISO 3166-1 alpha-2); null groups configurations without a location"),
  language: z
    .string()
    .nullable()
    .optional()
    .describe("The language asked in: the configuration's locale language, else the prompt's"),
  runId: uuid.optional(),
  period: z.string().optional().describe('Day, or Monday of the ISO week, in the workspace time zone (YYYY-MM-DD)'),
};

export const brandFields = {
  brandId: uuid,
  brandName: z.string(),
  brandKind: z.enum(['own', 'competitor']),
};

export const countFields = {
  n: z.number().int().describe('Successful analysed answers in this slice: every rate’s denominator'),
  failed: z.number().int().describe('Failed answers in this slice, never counted as "not mentioned"'),
  pendingAnalysis: z.number().int().describe('Successful answers whose analysis is not stored yet; in no denominator'),
};

export const envelopeFields = {
  definitionVersion: z.number().int(),
  timezone: z.string().describe('Workspace time zone used for days and weeks'),
  filters: z.record(z.string(), z.unknown()),
  liveRuns: z
    .number()
    .int()
    .describe('Runs read from the answer tables rather than rollups (unfinished or changed since)'),
};
