/** Untracked: names and domains assistants bring up that no tracked brand covers (competitor suggestions). */
import { z } from 'zod';
import { instant } from '../common.schemas.js';
import { format } from './reports.schemas.js';
import { untrackedReportExample } from './reports.examples.js';

export const untrackedQuery = z
  .object({
    from: instant.optional().describe('Runs created at or after this instant'),
    to: instant.optional().describe('Runs created before this instant'),
    limit: z.coerce.number().int().min(1).max(100).default(20).describe('Names and domains listed, each (1–100)'),
    minAnswers: z.coerce.number().int().min(1).max(1_000).default(2).describe('Leave out what fewer answers bring up'),
    sample: z.coerce
      .number()
      .int()
      .min(10)
      .max(5_000)
      .default(1_000)
      .describe('Answers read at most, the latest first'),
    format,
  })
  .strict()
  .refine((q) => !q.from || !q.to || Date.parse(q.from) < Date.parse(q.to), {
    message: 'must be after from',
    path: ['to'],
  });
export type UntrackedQuery = z.infer<typeof untrackedQuery>;

export const untrackedReport = z
  .object({
    n: z
      .number()
      .int()
      .describe('Answers read (successful answers of the runs in range, latest first, at most `sample`)'),
    names: z
      .array(
        z.object({
          name: z.string().describe('As most answers write it'),
          answers: z.number().int().describe('Answers presenting it as a name (list lead, heading, bold, table cell)'),
          share: z.number().describe('answers / n'),
        }),
      )
      .describe('Names no tracked brand’s name or alias matches, most frequent first'),
    domains: z
      .array(
        z.object({
          domain: z.string(),
          citations: z.number().int().describe('Citations of it (annotations and links)'),
          answers: z.number().int().describe('Answers citing it'),
        }),
      )
      .describe('Cited domains no tracked brand owns, most cited first'),
  })
  .meta({ examples: [untrackedReportExample] });
export type UntrackedReport = z.infer<typeof untrackedReport>;
