/** Visibility, share of voice and trends: one row per brand and slice. */
import { z } from 'zod';
import { uuid } from '../common.schemas.js';
import { changeEventKind } from '../events/events.schemas.js';
import {
  brandFields,
  countFields,
  dimensionFields,
  envelopeFields,
  filterFields,
  format,
  groupByOf,
  mean,
  proportion,
  share,
  sourceSplit,
} from './reports.schemas.js';
import { visibilityReportExample, shareOfVoiceReportExample, trendsReportExample } from './reports.examples.js';

const SLICE_DIMS = [
  'brand',
  'provider',
  'config',
  'prompt',
  'tag',
  'location',
  'language',
  'run',
  'day',
  'week',
] as const;

export const visibilityQuery = z
  .object({ ...filterFields, groupBy: groupByOf(SLICE_DIMS, ['provider', 'config']), format })
  .strict();
export const shareOfVoiceQuery = z.object({ ...filterFields, groupBy: groupByOf(SLICE_DIMS, []), format }).strict();
export const trendsQuery = z
  .object({
    ...filterFields,
    interval: z
      .enum(['day', 'week'])
      .default('day')
      .describe('Days, or ISO weeks starting on Monday, in the workspace time zone'),
    groupBy: groupByOf(['brand', 'provider', 'config', 'prompt', 'tag', 'location', 'language', 'run'] as const, []),
    format,
  })
  .strict();

export type VisibilityQuery = z.infer<typeof visibilityQuery>;
export type ShareOfVoiceQuery = z.infer<typeof shareOfVoiceQuery>;
export type TrendsQuery = z.infer<typeof trendsQuery>;

export const visibilityRow = z.object({
  ...brandFields,
  ...dimensionFields,
  mentionRate: proportion.describe('Answers mentioning the brand / successful analysed answers'),
  ...countFields,
});

const sentiment = z.object({
  mean: mean.describe('Mean sentiment of the brand’s mentions, in [-1, 1], over the answers mentioning it'),
  positive: z.number().int().describe('Answers mentioning the brand whose stance toward it is positive'),
  neutral: z.number().int().describe('Answers mentioning the brand whose stance toward it is neutral'),
  negative: z.number().int().describe('Answers mentioning the brand whose stance toward it is negative'),
  shares: z
    .object({
      positive: proportion.describe('Answers positive about the brand / answers mentioning it'),
      neutral: proportion.describe('Answers neutral about the brand / answers mentioning it'),
      negative: proportion.describe('Answers negative about the brand / answers mentioning it'),
    })
    .describe(
      'Share of the answers mentioning the brand per sentiment label (docs/sentiment.md), each with its 95% Wilson interval',
    ),
});

export const shareOfVoiceRow = z.object({
  ...brandFields,
  ...dimensionFields,
  mentioned: z.number().int().describe('Answers mentioning the brand'),
  mentions: z.number().int().describe('Occurrences of the brand across those answers'),
  shareOfVoice: z.object({
    presence: share.describe('Answers mentioning the brand / Σ over tracked brands of answers mentioning each'),
    count: share.describe('Occurrences of the brand / occurrences of every tracked brand'),
  }),
  averageRank: mean.describe('Mean rank (1 = first tracked brand named) over the answers mentioning the brand'),
  top1Rate: proportion.describe('Answers naming the brand first / answers mentioning it'),
  sentiment,
  ...countFields,
});

/** The share-of-voice row's metrics, plus citations, per period. */
export const trendRow = z.object({
  ...brandFields,
  ...dimensionFields,
  period: z.string(),
  mentionRate: proportion,
  mentioned: z.number().int(),
  mentions: z.number().int(),
  shareOfVoice: z
    .object({ presence: share, count: share })
    .describe('Presence- and count-based share of voice, as in the share-of-voice report'),
  averageRank: mean,
  top1Rate: proportion,
  sentiment,
  citationShare: share.describe('Cited sources on the brand’s domains / all cited sources'),
  sources: sourceSplit.describe(
    'Every source of the period’s answers (all brands): annotations, links and retrieved but not cited',
  ),
  ...countFields,
});

export const visibilityReport = z
  .object({ ...envelopeFields, groupBy: z.array(z.string()), rows: z.array(visibilityRow) })
  .meta({ id: 'VisibilityReport', examples: [visibilityReportExample] });
export const shareOfVoiceReport = z
  .object({ ...envelopeFields, groupBy: z.array(z.string()), rows: z.array(shareOfVoiceRow) })
  .meta({ id: 'ShareOfVoiceReport', examples: [shareOfVoiceReportExample] });
export const trendsReport = z
  .object({
    ...envelopeFields,
    interval: z.enum(['day', 'week']),
    groupBy: z.array(z.string()),
    rows: z.array(trendRow),
    events: z
      .array(
        z.object({
          id: uuid,
          occurredAt: z.string(),
          period: z.string().describe('The period holding the event, as the rows’ period'),
          kind: changeEventKind,
          title: z.string().nullable(),
        }),
      )
      .describe(
        'The workspace’s change events in the report’s range (from/to), oldest first, at most 500: what the chart marks',
      ),
  })
  .meta({ id: 'TrendsReport', examples: [trendsReportExample] });

export type VisibilityRow = z.infer<typeof visibilityRow>;
export type ShareOfVoiceRow = z.infer<typeof shareOfVoiceRow>;
export type TrendRow = z.infer<typeof trendRow>;
export type VisibilityReport = z.infer<typeof visibilityReport>;
export type ShareOfVoiceReport = z.infer<typeof shareOfVoiceReport>;
export type TrendsReport = z.infer<typeof trendsReport>;
