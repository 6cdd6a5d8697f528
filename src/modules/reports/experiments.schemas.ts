/** Configuration experiments: did changing one thing change how often each brand is named? */
import { z } from 'zod';
import { uuid } from '../common.schemas.js';
import {
  brandFields,
  dimensionFields,
  envelopeFields,
  filterFields,
  format,
  groupByOf,
  interval,
  proportion,
} from './reports.schemas.js';
import { experimentsReportExample } from './reports.examples.js';

export const experimentsQuery = z
  .object({
    ...filterFields,
    configA: uuid.optional().describe('Baseline configuration (with configB)'),
    configB: uuid.optional().describe('Configuration compared with the baseline; differences are B − A'),
    parameter: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9_]{0,49}$/)
      .optional()
      .describe(
        'Compare every pair of configurations that differ only in this: model, provider, or a parameter such as temperature or webSearch. Without it (and without configA/configB): every pair that differs in exactly one setting',
      ),
    minimumDifference: z.coerce
      .number()
      .gt(0)
      .lt(1)
      .default(0.1)
      .describe('Difference in mention rate to size samples for (absolute, e.g. 0.1 = 10 points)'),
    alpha: z.coerce.number().gt(0).lt(0.5).default(0.05).describe('Significance level, after adjustment'),
    power: z.coerce.number().gt(0.5).lt(1).default(0.8),
    adjust: z
      .enum(['holm', 'bh', 'none'])
      .default('holm')
      .describe('Multiple-comparison adjustment across every brand, pair and group of the report'),
    // No provider or config: a configuration has one provider, so they would split nothing.
    groupBy: groupByOf(['prompt', 'tag', 'run', 'day', 'week'] as const, []).describe(
      'Compare the pairs within each prompt, tag, run, day or week (comma-separated; default: the whole range). Every comparison counts in the adjustment.',
    ),
    format,
  })
  .strict()
  .refine((q) => !q.configA === !q.configB, { message: 'give configA and configB together', path: ['configB'] })
  .refine((q) => !(q.configA && q.parameter), {
    message: 'give configA and configB, or parameter, not both',
    path: ['parameter'],
  })
  .refine((q) => !q.configA || q.configA !== q.configB, {
    message: 'configA and configB must differ',
    path: ['configB'],
  });

export type ExperimentsQuery = z.infer<typeof experimentsQuery>;

const arm = z.object({
  modelConfigId: uuid,
  modelConfigName: z.string(),
  provider: z.string(),
  model: z.string(),
  value: z.unknown().describe('Value of the compared parameter in this configuration'),
});

export const experimentBrand = z.object({
  ...brandFields,
  a: proportion.describe('Mention rate with configuration A'),
  b: proportion.describe('Mention rate with configuration B'),
  difference: z.object({
    value: z.number().nullable().describe('B − A'),
    ci95: interval.nullable().describe('95% Newcombe hybrid score interval'),
  }),
  test: z
    .enum(['z', 'fisher', 'none'])
    .describe('Pooled two-proportion z-test, or Fisher’s exact test when an expected count is below 5'),
  statistic: z.number().nullable().describe('z statistic (z-test only)'),
  pValue: z.number().nullable().describe('Two-sided p-value, unadjusted'),
  pValueAdjusted: z.number().nullable(),
  significant: z.boolean().describe('pValueAdjusted < alpha'),
  samplesPerArmNeeded: z
    .number()
    .int()
    .nullable()
    .describe('Answers per configuration to detect minimumDifference from A’s rate with the given power and alpha'),
});

export const experimentPair = z.object({
  ...dimensionFields,
  parameter: z
    .string()
    .nullable()
    .describe('The one setting the two configurations differ in; null when they differ in several (an explicit pair)'),
  a: arm,
  b: arm,
  answers: z
    .object({ a: z.number().int(), b: z.number().int() })
    .describe('Successful analysed answers per configuration'),
  failed: z.object({ a: z.number().int(), b: z.number().int() }),
  brands: z.array(experimentBrand),
});

export const experimentsReport = z
  .object({
    ...envelopeFields,
    parameter: z.string().nullable(),
    alpha: z.number(),
    power: z.number(),
    minimumDifference: z.number(),
    adjust: z.enum(['holm', 'bh', 'none']),
    groupBy: z.array(z.string()),
    pairs: z
      .array(experimentPair)
      .describe(
        'Per group (when grouped) and pair; a pair is listed in a group where at least one of its configurations answered',
      ),
  })
  .meta({ id: 'ExperimentsReport', examples: [experimentsReportExample] });

export type ExperimentsReport = z.infer<typeof experimentsReport>;
export type ExperimentPair = z.infer<typeof experimentPair>;
