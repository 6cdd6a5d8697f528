/**
 * Audit schedules: five-field cron expressions (minute hour day-of-month month day-of-week) or
 * @hourly/@daily/@weekly/@monthly/@yearly, evaluated in an IANA time zone, daylight saving
 * included. Parsing and iteration come from cron-parser.
 */
import { CronExpressionParser } from 'cron-parser';

const MACROS = new Set(['@hourly', '@daily', '@weekly', '@monthly', '@yearly', '@annually']);

/** Returns a message saying what is wrong with the expression, or null when it is valid. */
export function scheduleProblem(expression: string, timezone: string): string | null {
  const expr = expression.trim();
  if (!MACROS.has(expr) && expr.split(/\s+/).length !== 5) {
    return 'must be a five-field cron expression (minute hour day-of-month month day-of-week), e.g. "0 6 * * 1", or @hourly, @daily, @weekly, @monthly';
  }
  try {
    CronExpressionParser.parse(expr, { tz: timezone, strict: false });
    return null;
  } catch (err) {
    return `is not a valid cron expression: ${(err as Error).message}`;
  }
}

/** Due times t with after < t <= until, oldest first, at most `limit` of them. */
export function dueTimes(expression: string, timezone: string, after: Date, until: Date, limit = 100): Date[] {
  const it = CronExpressionParser.parse(expression.trim(), { tz: timezone, currentDate: after, endDate: until });
  const out: Date[] = [];
  while (out.length < limit && it.hasNext()) {
    const next = it.next().toDate();
    if (next.getTime() > until.getTime()) break;
    out.push(next);
  }
  return out;
}

/** The next due time strictly after `after`. */
export function nextDueTime(expression: string, timezone: string, after: Date): Date {
  return CronExpressionParser.parse(expression.trim(), { tz: timezone, currentDate: after }).next().toDate();
}
