/** Citations: which sources assistants cite, how often each brand's own domains are among them. */
import { z } from 'zod';
import { SOURCE_CATEGORIES } from '../../analysis/source-categories/index.js';
import {
  brandFields,
  countFields,
  dimensionFields,
  envelopeFields,
  filterFields,
  format,
  groupByOf,
  proportion,
  share,
  sourceSplit,
} from './reports.schemas.js';
import { citationsReportExample } from './reports.examples.js';

export const citationsQuery = z
  .object({
    ...filterFields,
    groupBy: groupByOf(
      ['provider', 'config', 'prompt', 'tag', 'location', 'language', 'run', 'day', 'week'] as const,
      [],
    ),
    top: z.coerce.number().int().min(1).max(200).default(20).describe('Domains and URLs listed per group'),
    format,
  })
  .strict();
export type CitationsQuery = z.infer<typeof citationsQuery>;

export const domainRow = z.object({
  domain: z.string(),
  cited: z.number().int().describe('Annotations and links on this registrable domain'),
  annotations: z.number().int(),
  links: z.number().int(),
  searchResults: z.number().int().describe('Retrieved but not cited'),
  share: share.describe('cited / every cited source of the group (no interval, see citingAnswers)'),
  citingAnswers: proportion.describe('Answers citing the domain / answers'),
  retrievingAnswers: z.number().int().describe('Answers that retrieved it without citing it'),
  ownedBy: z.array(z.object(brandFields)).describe('Tracked brands listing this domain'),
});

export const urlRow = z.object({
  url: z.string(),
  domain: z.string(),
  cited: z.number().int(),
  retrieved: z.number().int(),
  share: share.describe('cited / every cited source of the group'),
});

export const citationBrandRow = z.object({
  ...brandFields,
  cited: z.number().int().describe('Cited sources on the brand’s domains'),
  retrieved: z.number().int(),
  share: share.describe(
    'Citation share: cited sources on the brand’s domains / every cited source, with a delta-method interval over answers',
  ),
  citingAnswers: proportion.describe('Answers citing the brand’s domains / answers'),
});

export const citationGroup = z.object({
  ...dimensionFields,
  ...countFields,
  cited: z.number().int(),
  citingAnswers: proportion.describe('Answers with at least one cited source / answers'),
  sources: sourceSplit,
  domains: z.array(domainRow),
  urls: z.array(urlRow),
  brands: z.array(citationBrandRow),
});

export const providerSources = z.object({
  provider: z.string(),
  ...countFields,
  cited: z.number().int(),
  citingAnswers: proportion,
  sources: sourceSplit,
});

/** One source category's figures over a set of analysed answers (the whole range, or one period). */
export const sourceCategoryRow = z.object({
  category: z.enum(SOURCE_CATEGORIES),
  cited: z.number().int().describe('Cited sources on domains of this category'),
  share: share.describe(
    'cited / every cited source, with a delta-method interval over answers (citations in one answer are not independent)',
  ),
  citingAnswers: proportion.describe('Answers citing at least one domain of this category / answers (Wilson)'),
});

export const sourceCategorySplit = z
  .object({
    listVersion: z.number().int().describe('Version of the domain list the domains were classified with'),
    n: z.number().int().describe('Analysed answers'),
    cited: z.number().int().describe('Cited sources (annotations and links) in them'),
    categories: z.array(sourceCategoryRow),
  })
  .describe(
    'Cited sources split by source category (docs/analysis-rules.md#source-categories) over the whole filtered range, whatever the grouping; every category is listed, in a fixed order',
  );

export const citationsReport = z
  .object({
    ...envelopeFields,
    groupBy: z.array(z.string()),
    top: z.number().int(),
    groups: z.array(citationGroup),
    byProvider: z
      .array(providerSources)
      .describe('The split between annotations, links and retrieved sources per provider, whatever the grouping'),
    sourceCategories: sourceCategorySplit,
    competitorOnlySources: z
      .array(
        z.object({
          domain: z.string(),
          citations: z.number().int().describe('Citations of it in answers naming a competitor'),
          answers: z.number().int().describe('Answers naming a competitor that cite it'),
          ownedBy: z.array(z.object(brandFields)).describe('Tracked brands listing this domain'),
          urls: z
            .array(z.object({ url: z.string(), citations: z.number().int() }))
            .describe('Its most cited URLs in those answers (up to 3)'),
        }),
      )
      .describe(
        'Domains cited in answers that name a competitor and in no answer naming an own brand, over the whole filtered range whatever the grouping: sources that speak for competitors only (`top` of them, most citing answers first)',
      ),
  })
  .meta({ id: 'CitationsReport', examples: [citationsReportExample] });

export type CitationsReport = z.infer<typeof citationsReport>;
export type CitationGroup = z.infer<typeof citationGroup>;
