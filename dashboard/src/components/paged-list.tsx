/**
 * Long lists one page at a time, as the API serves them: every list endpoint answers `limit`
 * items and the cursor of the next page (`nextCursor`, null on the last). The cursors of the pages
 * seen are kept so "Previous" goes back; changing a filter starts again from the first page.
 *
 *   const list = usePagedList<Prompt>(`${base}/prompts`, { q, tag, archived }, refresh);
 *   <Show value={list.page} …>{(page) => <table>…</table>}</Show>
 *   <Pager list={list} label="Prompts" />
 */
import { useEffect, useState } from 'preact/hooks';
import { apiGet, buildUrl, type Query } from '../api/client.js';
import type { Page } from '../api/types.js';
import { type Loadable, useLoad } from '../lib/use-api.js';

export interface PagedList<T> {
  page: Loadable<Page<T>>;
  /** 1 for the first page. */
  number: number;
  hasPrevious: boolean;
  hasNext: boolean;
  previous(): void;
  next(): void;
  /** Back to the first page (after a change that moves items between pages). */
  first(): void;
}

export function usePagedList<T>(path: string | null, query: Query, refresh = 0, limit = 25): PagedList<T> {
  const key = JSON.stringify([path, query, limit]);
  const [state, setState] = useState<{ key: string; cursors: Array<string | null> }>({ key, cursors: [null] });
  const cursors = state.key === key ? state.cursors : [null];
  const cursor = cursors[cursors.length - 1] ?? null;
  const page = useLoad<Page<T>>(
    path ? (auth, signal) => apiGet<Page<T>>(auth, buildUrl(path, { ...query, limit, cursor }), signal) : null,
    [path, query, limit, cursor],
    refresh,
  );
  const nextCursor = page.state === 'ok' ? page.data.nextCursor : null;
  return {
    page,
    number: cursors.length,
    hasPrevious: cursors.length > 1,
    hasNext: nextCursor !== null,
    previous: () => setState({ key, cursors: cursors.slice(0, -1) }),
    next: () => {
      if (nextCursor) setState({ key, cursors: [...cursors, nextCursor] });
    },
    first: () => setState({ key, cursors: [null] }),
  };
}

/** Previous / next buttons and the page number, for a PagedList. */
export function Pager<T>({ list, label }: { list: PagedList<T>; label: string }) {
  if (!list.hasPrevious && !list.hasNext) return null;
  return (
    <nav class="pager" aria-label={`${label} pages`}>
      <button type="button" class="secondary" disabled={!list.hasPrevious} onClick={list.previous}>
        Previous page
      </button>
      <span aria-live="polite">Page {list.number}</span>
      <button type="button" class="secondary" disabled={!list.hasNext} onClick={list.next}>
        Next page
      </button>
    </nav>
  );
}

/** `value`, once it has stopped changing for `ms` (a search box: one request per pause, not per key). */
export function useDebounced<T>(value: T, ms = 300): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [JSON.stringify(value), ms]);
  return settled;
}
