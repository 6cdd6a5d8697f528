/** Schemas shared by every resource: ids, pagination, timestamps. */
import { z } from 'zod';

export const uuid = z.uuid({ error: 'must be a UUID' });

export const workspaceParams = z.object({ workspaceId: uuid }).strict();
export const itemParams = (name: string) => z.object({ workspaceId: uuid, [name]: uuid }).strict();

export const listQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(200).default(50).describe('Items per page (1–200)'),
    cursor: uuid.optional().describe('nextCursor of the previous page'),
  })
  .strict();
export type ListQuery = z.infer<typeof listQuery>;

/** A page of items; its documented example is a page holding the item's example. */
export function pageOf<T extends z.ZodType>(item: T) {
  const page = z.object({
    data: z.array(item),
    nextCursor: z.string().nullable().describe('Pass as `cursor` to get the next page; null on the last page'),
  });
  const example = (z.globalRegistry.get(item)?.examples as unknown[] | undefined)?.[0] as { id?: unknown } | undefined;
  return example
    ? page.meta({ examples: [{ data: [example], nextCursor: typeof example.id === 'string' ? example.id : null }] })
    : page;
}

export { toPage, type Page } from '../db/pagination.js';

export const timestamp = z.iso.datetime({ offset: true });

/**
 * The earliest and latest instant a client may send. Postgres refuses year 0 and instants past
 * year 9999 do not come back as ISO 8601 timestamps; reports also turn a range into local days
 * of the workspace time zone, a day either side, which must stay within those years. Citewatch
 * holds nothing older than 1970.
 */
const INSTANT_RANGE = { min: '1970-01-01T00:00:00Z', max: '9999-01-01T00:00:00Z' } as const;
const [instantMin, instantMax] = [Date.parse(INSTANT_RANGE.min), Date.parse(INSTANT_RANGE.max)];

/** An instant in a request (a filter bound, an expiry): every date input goes through this one schema. */
export const instant = z.iso
  .datetime({
    offset: true,
    abort: true,
    error: 'must be an ISO 8601 date-time with an offset, such as 2026-11-01T00:00:00Z',
  })
  .refine((v) => {
    const t = Date.parse(v);
    return t >= instantMin && t <= instantMax;
  }, `must be between ${INSTANT_RANGE.min} and ${INSTANT_RANGE.max}`);

/** Bounded, trimmed text: user input is never unbounded. */
export const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

export const tagList = z
  .array(
    z
      .string()
      .trim()
      .toLowerCase()
      .min(1)
      .max(50)
      .regex(/^[\p{L}\p{N}_:.-]+$/u, 'letters, digits, _ : . - only'),
  )
  .max(20)
  .transform((tags) => [...new Set(tags)]);

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const timeZone = z.string().refine(isValidTimeZone, 'must be an IANA time zone such as Europe/Paris or UTC');

export const locale = z
  .string()
  .trim()
  .refine((v) => {
    try {
      return Intl.getCanonicalLocales(v).length === 1;
    } catch {
      return false;
    }
  }, 'must be a BCP 47 locale such as en-US or fr-FR')
  .transform((v) => Intl.getCanonicalLocales(v)[0] as string);

export const iso = (d: Date) => d.toISOString();
export const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);
