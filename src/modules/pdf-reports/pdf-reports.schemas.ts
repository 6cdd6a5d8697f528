import { z } from 'zod';
import { instant, listQuery, timestamp, uuid } from '../common.schemas.js';
import { pdfReportCreateExamples, pdfReportExample } from './pdf-reports.examples.js';

/** Longest period a PDF covers: a year (the trend is drawn per week past two months). */
export const MAX_PERIOD_DAYS = 366;
export const MAX_RECIPIENTS = 20;

export const pdfReportCreate = z
  .object({
    from: instant.describe('Start of the period: runs created at or after this instant'),
    to: instant.describe('End of the period: runs created before this instant'),
    sendTo: z
      .array(z.email({ error: 'must be an email address' }).max(254))
      .max(MAX_RECIPIENTS, `at most ${MAX_RECIPIENTS} addresses`)
      .optional()
      .describe('Email the PDF, attached, to these addresses once it is made'),
  })
  .strict()
  .refine((r) => Date.parse(r.from) < Date.parse(r.to), { message: 'from must be before to', path: ['from'] })
  .refine((r) => Date.parse(r.to) - Date.parse(r.from) <= MAX_PERIOD_DAYS * 86_400_000, {
    message: `the period must be at most ${MAX_PERIOD_DAYS} days`,
    path: ['to'],
  })
  .meta({ examples: pdfReportCreateExamples });

export const pdfReportDto = z
  .object({
    id: uuid,
    workspaceId: uuid,
    from: timestamp,
    to: timestamp,
    sendTo: z.array(z.string()),
    status: z
      .enum(['queued', 'running', 'completed', 'failed'])
      .describe('completed: the PDF is stored and can be downloaded (fileUrl)'),
    pages: z.number().int().nullable(),
    bytes: z.number().int().nullable(),
    error: z
      .string()
      .nullable()
      .describe('Why the job failed, or why the email could not be sent (the PDF is still downloadable)'),
    requestedBy: z.string().nullable(),
    createdAt: timestamp,
    startedAt: timestamp.nullable(),
    finishedAt: timestamp.nullable(),
    sentAt: timestamp.nullable().describe('When every address of sendTo accepted the email'),
    fileUrl: z.string().nullable().describe('Where to download the PDF once completed'),
  })
  .meta({ id: 'PdfReport', examples: [pdfReportExample] });

export const pdfReportParams = z.object({ workspaceId: uuid, pdfReportId: uuid }).strict();
export const pdfReportListQuery = listQuery;

export type PdfReportCreate = z.infer<typeof pdfReportCreate>;
export type PdfReportDto = z.infer<typeof pdfReportDto>;
