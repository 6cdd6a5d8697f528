/**
 * Keyset pagination by id, and the one rule for database access it serves:
 *
 * A module's repository (`src/modules/<module>/<module>.repo.ts`) holds its SQL and Prisma calls.
 * Services, routes, processors and CLI commands call repository functions; they never touch
 * `db.pool`, `db.prisma` or SQL themselves. A repository function takes the pool or the Prisma
 * client (or a transaction) as its first argument and returns plain rows or DTO-ready records.
 *
 * (The report SQL builders, src/modules/reports/*.sql.ts, rollups.repo.ts and report-session.ts,
 * are the reports module's repository; test/unit/data-access.test.ts holds everyone to the rule.)
 *
 * Ids are time-ordered UUIDv7, so a page is "the next `limit` ids after the cursor" in either
 * direction: ascending lists walk ids upwards from the cursor, newest-first lists walk them down.
 * A page fetches `limit + 1` rows; the extra row only tells that there is a next page.
 */

export type PageOrder = 'asc' | 'desc';

/** What a list request asks for: `listQuery` in src/modules/common.schemas.ts. */
export interface PageQuery {
  limit: number;
  cursor?: string | undefined;
}

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

/** The Prisma where fragment of the rows after `cursor` in `order`; empty on the first page. */
export function afterCursor(
  cursor: string | undefined,
  order: PageOrder = 'asc',
): { id?: { gt: string } | { lt: string } } {
  if (!cursor) return {};
  return { id: order === 'asc' ? { gt: cursor } : { lt: cursor } };
}

/**
 * Prisma findMany arguments of one page: `where` and the cursor (combined with AND, so a `where`
 * that itself filters on id is never overridden by the cursor), id order, and `limit + 1` rows.
 */
export function pageArgs<W extends object>(q: PageQuery, where: W, order: PageOrder = 'asc') {
  const cursor = afterCursor(q.cursor, order);
  return {
    where: cursor.id ? { AND: [where, cursor] } : where,
    orderBy: { id: order },
    take: q.limit + 1,
  };
}

/**
 * The SQL condition of the rows after a cursor held in parameter `param` (null on the first page),
 * e.g. `sqlAfterCursor('b.id', '$3')` → `($3::uuid IS NULL OR b.id > $3)`.
 */
export function sqlAfterCursor(column: string, param: string, order: PageOrder = 'asc'): string {
  return `(${param}::uuid IS NULL OR ${column} ${order === 'asc' ? '>' : '<'} ${param})`;
}

/**
 * Turns the `limit + 1` rows of pageArgs (or of a SQL page) into a page: at most `limit` items,
 * each through `toDto`, and the cursor of the next page (the last item's id), or null on the last.
 */
export function toPage<R extends { id: string }, T = R>(rows: R[], limit: number, toDto?: (row: R) => T): Page<T> {
  const hasMore = rows.length > limit;
  const kept = hasMore ? rows.slice(0, limit) : rows;
  const data = toDto ? kept.map((row) => toDto(row)) : (kept as unknown as T[]);
  return { data, nextCursor: hasMore ? (kept[kept.length - 1]?.id ?? null) : null };
}
