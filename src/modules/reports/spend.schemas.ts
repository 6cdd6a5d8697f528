/** Spend: what a workspace's answers cost in a month, by provider and configuration, and where each audit stands against its monthly budget. */
import { z } from 'zod';
import { timestamp, uuid } from '../common.schemas.js';
import { format } from './reports.schemas.js';
import { spendReportExample } from './reports.examples.js';

export const spendQuery = z
  .object({
    month: z
      .string()
      .regex(/^(19[7-9]\d|[2-9]\d{3})-(0[1-9]|1[0-2])$/, 'must be a month as YYYY-MM, e.g. 2026-12')
      .optional()
      .describe('The calendar month, in the workspace time zone; default: the current one'),
    format,
  })
  .strict();
export type SpendQuery = z.infer<typeof spendQuery>;

const usd = z.number().describe('US dollars, to the micro-dollar');

export const spendReport = z
  .object({
    month: z.string(),
    timezone: z.string().describe('The workspace time zone the month is read in'),
    from: timestamp.describe('Start of the month, as an instant'),
    to: timestamp.describe('Start of the next month (exclusive)'),
    totalUsd: usd.describe('Cost of every answer of the runs created in the month'),
    byProvider: z.array(
      z.object({
        provider: z.string(),
        usd,
        answers: z.number().int().describe('Answers collected (succeeded calls)'),
      }),
    ),
    byModelConfig: z.array(
      z.object({
        modelConfigId: uuid,
        name: z.string().nullable(),
        provider: z.string(),
        usd,
        answers: z.number().int(),
      }),
    ),
    audits: z
      .array(
        z.object({
          auditId: uuid,
          name: z.string(),
          budgetPerMonthUsd: z.number().nullable(),
          spentUsd: usd.describe(
            'What the monthly budget check counts: runs created in the calendar month in UTC, an unfinished run at its estimate until it costs more',
          ),
          remainingUsd: z.number().nullable().describe('Budget left this month (never below 0); null without a budget'),
        }),
      )
      .describe('Every audit of the workspace; budgets are per calendar month in UTC'),
  })
  .meta({ examples: [spendReportExample] });
export type SpendReport = z.infer<typeof spendReport>;
