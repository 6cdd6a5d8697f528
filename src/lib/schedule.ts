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

/** Last next due time computed per schedule and time zone (lists show one per audit). */
const nextCache = new Map<string, { from: number; next: Date }>();

/**
 * The next due time strictly after `after`. Parsing a schedule costs about a millisecond, so the
 * last answer per schedule is kept: it holds for any later `after` until that due time passes.
 */
export function nextDueTime(expression: string, timezone: string, after: Date): Date {
  const key = `${timezone}|${expression.trim()}`;
  const at = after.getTime();
  const hit = nextCache.get(key);
  if (hit && hit.from <= at && at < hit.next.getTime()) return hit.next;
  const next = CronExpressionParser.parse(expression.trim(), { tz: timezone, currentDate: after }).next().toDate();
  if (nextCache.size >= 1_000) nextCache.clear();
  nextCache.set(key, { from: at, next });
  return next;
}

/** The next `count` due times strictly after `after`, oldest first. */
export function upcomingDueTimes(expression: string, timezone: string, after: Date, count: number): Date[] {
  const it = CronExpressionParser.parse(expression.trim(), { tz: timezone, currentDate: after });
  const out: Date[] = [];
  while (out.length < count && it.hasNext()) out.push(it.next().toDate());
  return out;
}

const YEAR_MS = 365.2425 * 86_400_000;
/** Due times counted at most (iterating costs): a schedule due more often in a year is measured on the span they cover. */
const COUNT_LIMIT = 400;

/**
 * How many runs a schedule starts in an average month: its due times over the year after `from`
 * (daylight saving, month lengths and leap days included) divided by twelve, rounded to 0.01.
 * A schedule due more often than COUNT_LIMIT times a year is measured over the span between its
 * first and its COUNT_LIMIT-th due time.
 */
export function runsPerMonth(expression: string, timezone: string, from: Date): number {
  const until = new Date(from.getTime() + YEAR_MS);
  const due = dueTimes(expression, timezone, from, until, COUNT_LIMIT);
  const [first, last] = [due[0], due.at(-1)];
  // Measured between the first and the last due time: the wait before the first says nothing of the rate.
  const perYear =
    due.length < COUNT_LIMIT || !first || !last || last.getTime() === first.getTime()
      ? due.length
      : ((due.length - 1) * YEAR_MS) / (last.getTime() - first.getTime());
  return Math.round((perYear / 12) * 100) / 100;
}

/** An instant as wall-clock time in a time zone: "YYYY-MM-DD HH:mm". */
export function localMinute(instant: Date, timezone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: timezone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}
