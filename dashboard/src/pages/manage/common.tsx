/**
 * What the management pages share: who may change things, what the last action did, the tools
 * above a list, and time-zone choices.
 */
import { useState } from 'preact/hooks';
import type { ComponentChildren, RefObject } from 'preact';
import type { ApiError } from '../../api/client.js';
import { DownloadCsv } from '../../components/csv-download.js';
import { ErrorMessage } from '../../components/status.js';
import type { Abilities } from '../../lib/abilities.js';

/** What the last action on a list did, or why the API refused it, announced to screen readers. */
export function Outcome({
  done,
  error,
  what,
  verb,
  children,
}: {
  done: string | null;
  error: ApiError | null;
  what: string;
  verb: string;
  /** Shown after what was done (a link to follow it). */
  children?: ComponentChildren;
}) {
  return (
    <div aria-live="polite">
      {done && (
        <p class="done" role="status">
          {done}
          {children}
        </p>
      )}
      {error && <ErrorMessage error={error} what={what} verb={verb} />}
    </div>
  );
}

/** Above a list: the button opening the form for a new item (for those who may add one) and the CSV download. */
export function ListTools({
  canAdd,
  addLabel,
  adding,
  onAdd,
  csvName,
  tableRef,
  hasRows,
}: {
  canAdd: boolean;
  addLabel: string;
  adding: boolean;
  onAdd(): void;
  csvName: string;
  tableRef: RefObject<HTMLTableElement | null>;
  hasRows: boolean;
}) {
  return (
    <div class="table-tools">
      {canAdd ? (
        <button type="button" onClick={onAdd} aria-expanded={adding}>
          {addLabel}
        </button>
      ) : (
        <span />
      )}
      {hasRows && <DownloadCsv name={csvName} tableRef={tableRef} />}
    </div>
  );
}

/** Says, above a page, why its edit controls are not shown. */
export function RoleNote({ abilities, what }: { abilities: Abilities; what: string }) {
  if (abilities.canEdit) return null;
  return (
    <p class="role-note" data-testid="read-only-note">
      {abilities.who === READ_WAIT
        ? 'Checking what you may change…'
        : `You read ${what} here as ${article(abilities.who)}; editors, admins and owners change them.`}
    </p>
  );
}

const READ_WAIT = 'Loading…';

function article(who: string): string {
  return who.startsWith('API key')
    ? `the holder of an ${who}`
    : `${/^[AEIOU]/.test(who) ? 'an' : 'a'} ${who.toLowerCase()}`;
}

/** The IANA time zones the browser knows, UTC first. */
export function timeZones(): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return ['UTC', ...known.filter((z) => z !== 'UTC')];
}

export function timeZoneOptions(current?: string): Array<{ value: string; label: string }> {
  const zones = timeZones();
  if (current && !zones.includes(current)) zones.unshift(current);
  return zones.map((z) => ({ value: z, label: z.replaceAll('_', ' ') }));
}

/** A section of a management page, with its heading. */
export function Section({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section class="manage-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** The text of a number field as the API wants it: a number, or null when left empty. */
export function numberOrNull(text: unknown): number | null | string {
  const value = String(text ?? '').trim();
  if (value === '') return null;
  const n = Number(value);
  // Not a number: sent as typed, so the API's message names the field.
  return Number.isFinite(n) ? n : value;
}

/**
 * Which item a page's editor shows: none, a new one, or an existing one. `key` changes only when
 * another item is opened, not when a new item is saved (the editor then shows what was created,
 * with what was done, instead of starting over).
 */
export function useEditing<T extends { id: string }>() {
  const [state, setState] = useState<{ item: T | 'new' | null; key: string }>({ item: null, key: '' });
  const { item } = state;
  return {
    item,
    key: state.key,
    isOpen: (id: string) => item !== null && item !== 'new' && item.id === id,
    open: (next: T | 'new') => setState((s) => ({ item: next, key: next === 'new' ? `new-${s.key}` : next.id })),
    toggle: (next: T) =>
      setState((s) =>
        s.item !== null && s.item !== 'new' && s.item.id === next.id
          ? { item: null, key: '' }
          : { item: next, key: next.id },
      ),
    saved: (saved: T) => setState((s) => ({ ...s, item: saved })),
    close: () => setState({ item: null, key: '' }),
    closeIf: (id: string) =>
      setState((s) => (s.item !== null && s.item !== 'new' && s.item.id === id ? { item: null, key: '' } : s)),
  };
}
