import { z } from 'zod';
import { brandDomain } from '../brands/brands.schemas.js';
import { text, timeZone, timestamp, uuid } from '../common.schemas.js';
import { analysisPreviewExample, analysisPreviewRequestExample, schedulePreviewExample } from './previews.examples.js';

/** Longest answer a preview analyses: well above any answer a provider returns. */
export const PREVIEW_TEXT_MAX = 100_000;

const previewUrl = z
  .string()
  .trim()
  .max(2_048, 'must be at most 2048 characters')
  .refine((v) => {
    try {
      const u = new URL(v);
      return u.protocol === 'http:' || u.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'must be an absolute http(s) URL, e.g. https://www.g2.com/categories/crm');

/** A brand as the brand form holds it, saved or not: the fields of POST /brands, plus its id when it exists. */
const draftBrand = z
  .object({
    id: uuid.optional().describe('The stored brand this draft edits; facts then carry its id'),
    name: text(200),
    aliases: z.array(text(200)).max(50).default([]),
    domains: z.array(brandDomain).max(50).default([]),
    kind: z.enum(['own', 'competitor']).default('competitor'),
    caseSensitive: z.boolean().default(false),
  })
  .strict();

export const analysisPreviewBody = z
  .object({
    text: z
      .string()
      .max(PREVIEW_TEXT_MAX, `must be at most ${PREVIEW_TEXT_MAX} characters`)
      .describe('An answer as an assistant wrote it (markdown as returned)'),
    citations: z
      .array(previewUrl)
      .max(200)
      .default([])
      .describe('URLs the provider attached to the answer (structured citations), in order'),
    brands: z
      .array(draftBrand)
      .max(500)
      .optional()
      .describe(
        'Brands to look for, exactly these (unsaved edits of the brand form). Omitted: the workspace’s stored brands.',
      ),
  })
  .strict()
  .meta({ examples: [analysisPreviewRequestExample] });
export type AnalysisPreviewBody = z.infer<typeof analysisPreviewBody>;

const span = z.object({
  start: z.number().int().describe('[start, end) JavaScript string index into `text`'),
  end: z.number().int(),
  text: z.string().describe('The text matched, as written in the answer'),
});

export const analysisPreviewDto = z
  .object({
    mentions: z.array(
      z.object({
        brandId: uuid.nullable().describe('The stored brand; null for a draft without an id'),
        brandName: z.string(),
        kind: z.enum(['own', 'competitor']),
        count: z.number().int().describe('Mentions in the answer'),
        firstPosition: z.number().int().describe('Offset of the first mention in `text`'),
        rank: z.number().int().describe('1-based order of first appearance among the brands mentioned'),
        listPosition: z.number().int().nullable().describe('Item number when the first mention is in a list'),
        sentiment: z.number().describe('Stance of the answer toward the brand, in [-1, 1]'),
        sentimentLabel: z.enum(['positive', 'neutral', 'negative']),
        snippet: z.string().describe('The sentence around the first mention'),
        spans: z.array(span),
      }),
    ),
    citations: z.array(
      z.object({
        position: z.number().int().describe('1-based order: structured citations first, then links in the text'),
        url: z.string().describe('Normalized URL (tracking parameters and fragment removed)'),
        domain: z.string().describe('Registrable domain, e.g. bbc.co.uk'),
        title: z.string().nullable(),
        brandId: uuid.nullable().describe('The stored brand owning the domain; null for none or a draft without an id'),
        brandName: z.string().nullable().describe('The brand owning the domain, if any'),
        source: z
          .enum(['text', 'structured'])
          .describe('text: a link written in the answer; structured: one of the `citations` URLs'),
      }),
    ),
  })
  .meta({ examples: [analysisPreviewExample] });
export type AnalysisPreviewDto = z.infer<typeof analysisPreviewDto>;

export const schedulePreviewBody = z
  .object({
    schedule: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(100, 'must be at most 100 characters')
      .describe('Cron expression (5 fields) or @hourly/@daily/@weekly/@monthly/@yearly, as an audit takes it'),
    timezone: timeZone.optional().describe('IANA time zone the schedule is read in; default: the workspace’s'),
    count: z.number().int().min(1).max(20).default(5).describe('How many next due times to list (1–20)'),
  })
  .strict()
  .meta({ examples: [{ schedule: '0 6 * * 1', timezone: 'Europe/Paris', count: 3 }] });
export type SchedulePreviewBody = z.infer<typeof schedulePreviewBody>;

export const schedulePreviewDto = z
  .object({
    schedule: z.string(),
    timezone: z.string(),
    next: z.array(timestamp).describe('The next due times, as instants'),
    nextLocal: z.array(z.string()).describe('The same, as wall-clock times in the time zone: YYYY-MM-DD HH:mm'),
    runsPerMonth: z
      .number()
      .describe('Runs the schedule starts in an average month (due times over the next year ÷ 12)'),
  })
  .meta({ examples: [schedulePreviewExample] });
export type SchedulePreviewDto = z.infer<typeof schedulePreviewDto>;
