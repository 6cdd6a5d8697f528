/**
 * Loading and error states, announced to screen readers: "Loading…" through a polite live
 * region, API errors through an alert carrying the API's own message and request id.
 */
import type { ComponentChildren } from 'preact';
import type { ApiError } from '../api/client.js';
import type { Action, Loadable } from '../lib/use-api.js';

export function Loading({ what }: { what: string }) {
  return (
    <p class="status" role="status" aria-live="polite">
      Loading {what}…
    </p>
  );
}

export function ErrorMessage({ error, what, verb = 'load' }: { error: ApiError; what: string; verb?: string }) {
  return (
    <div class="error" role="alert">
      <p>
        <strong>
          Could not {verb} {what}.
        </strong>{' '}
        {error.message}
      </p>
      {error.requestId && <p class="muted">Request id: {error.requestId} (quote it when reporting a problem)</p>}
    </div>
  );
}

/** Renders `children(data)` once loaded, or the loading / error state. */
export function Show<T>({
  value,
  what,
  children,
}: {
  value: Loadable<T>;
  what: string;
  children: (data: T) => ComponentChildren;
}) {
  if (value.state === 'loading') return <Loading what={what} />;
  if (value.state === 'error') return <ErrorMessage error={value.error} what={what} />;
  return <>{children(value.data)}</>;
}

/**
 * Wide tables scroll sideways on small screens; the region can be scrolled with the keyboard.
 * Its name says it is the table, so it never repeats the name of the section around it (two
 * landmarks with one name cannot be told apart in a screen reader's landmark list).
 */
export function TableScroll({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="table-scroll" role="region" aria-label={`${label} (table)`} tabIndex={0}>
      {children}
    </div>
  );
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <p class="empty">{children}</p>;
}

/** What a form did (a status) or why the API refused it (an alert, with its request id). */
export function Outcome({ action, what, verb = 'change' }: { action: Action; what: string; verb?: string }) {
  return (
    <div aria-live="polite">
      {action.done && (
        <p class="done" role="status">
          {action.done}
        </p>
      )}
      {action.error && <ErrorMessage error={action.error} what={what} verb={verb} />}
    </div>
  );
}
