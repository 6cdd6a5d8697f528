/** Keyset pagination: the Prisma arguments, the SQL condition and the page built from the rows. */
import { describe, expect, it } from 'vitest';
import { afterCursor, pageArgs, sqlAfterCursor, toPage, type PageOrder } from '../../src/db/pagination.js';

const ids = ['01', '02', '03', '04', '05', '06', '07'].map((n) => `0190f000-0000-7000-8000-0000000000${n}`);
const rows = ids.map((id, i) => ({ id, name: `row ${i + 1}` }));

type Where = { AND: [object, { id: { gt?: string; lt?: string } }] } | object;

/** What Postgres would return for pageArgs' findMany arguments over `rows` (ids compare as text). */
function findMany(args: { where: Where; orderBy: { id: PageOrder }; take: number }) {
  const bound = 'AND' in args.where ? (args.where.AND as [object, { id: { gt?: string; lt?: string } }])[1].id : {};
  return rows
    .filter((r) => (bound.gt === undefined || r.id > bound.gt) && (bound.lt === undefined || r.id < bound.lt))
    .sort((a, b) => (args.orderBy.id === 'asc' ? a.id.localeCompare(b.id) : b.id.localeCompare(a.id)))
    .slice(0, args.take);
}

/** Every page of a list, following nextCursor until it is null. */
function walk(limit: number, order: PageOrder) {
  const pages = [];
  let cursor: string | undefined;
  do {
    const page = toPage(findMany(pageArgs({ limit, cursor }, { workspaceId: 'w' }, order)), limit, (r) => r.name);
    pages.push(page);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && pages.length < 20);
  return pages;
}

describe('pageArgs', () => {
  it('asks for limit + 1 rows in id order, with the filter alone on the first page', () => {
    expect(pageArgs({ limit: 3 }, { workspaceId: 'w' })).toEqual({
      where: { workspaceId: 'w' },
      orderBy: { id: 'asc' },
      take: 4,
    });
    expect(pageArgs({ limit: 3, cursor: undefined }, { workspaceId: 'w' }, 'desc').orderBy).toEqual({ id: 'desc' });
  });

  it('adds the cursor with AND, so a filter on id is kept', () => {
    const args = pageArgs({ limit: 3, cursor: ids[2] }, { id: ids[0] });
    expect(args.where).toEqual({ AND: [{ id: ids[0] }, { id: { gt: ids[2] } }] });
    expect(pageArgs({ limit: 3, cursor: ids[2] }, {}, 'desc').where).toEqual({ AND: [{}, { id: { lt: ids[2] } }] });
  });

  it('afterCursor is empty without a cursor and walks up or down with one', () => {
    expect(afterCursor(undefined)).toEqual({});
    expect(afterCursor('')).toEqual({});
    expect(afterCursor(ids[1])).toEqual({ id: { gt: ids[1] } });
    expect(afterCursor(ids[1], 'desc')).toEqual({ id: { lt: ids[1] } });
  });
});

describe('toPage', () => {
  it('first and middle pages carry the last item id as the next cursor', () => {
    const [first, middle] = walk(3, 'asc');
    expect(first).toEqual({ data: ['row 1', 'row 2', 'row 3'], nextCursor: ids[2] });
    expect(middle).toEqual({ data: ['row 4', 'row 5', 'row 6'], nextCursor: ids[5] });
  });

  it('the last page has no next cursor, also when it is exactly full', () => {
    expect(walk(3, 'asc').at(-1)).toEqual({ data: ['row 7'], nextCursor: null });
    const exact = walk(7, 'asc');
    expect(exact).toEqual([{ data: rows.map((r) => r.name), nextCursor: null }]);
  });

  it('an empty list is one empty page', () => {
    expect(toPage([], 50, (r: { id: string }) => r.id)).toEqual({ data: [], nextCursor: null });
  });

  it('walks a newest-first list downwards, every row once', () => {
    const pages = walk(2, 'desc');
    expect(pages.map((p) => p.nextCursor)).toEqual([ids[5], ids[3], ids[1], null]);
    expect(pages.flatMap((p) => p.data)).toEqual(rows.map((r) => r.name).reverse());
  });

  it('keeps the rows as they are without a mapping', () => {
    expect(toPage(rows.slice(0, 3), 2)).toEqual({ data: rows.slice(0, 2), nextCursor: ids[1] });
  });
});

describe('sqlAfterCursor', () => {
  it('is true on the first page (null parameter) and compares in the list order', () => {
    expect(sqlAfterCursor('b.id', '$3')).toBe('($3::uuid IS NULL OR b.id > $3)');
    expect(sqlAfterCursor('id', '$2', 'desc')).toBe('($2::uuid IS NULL OR id < $2)');
  });
});
