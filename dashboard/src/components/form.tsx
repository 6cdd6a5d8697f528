/**
 * Forms people can trust, for every page that changes something:
 * - each field has a label and, when useful, a description, both tied to the control
 *   (aria-describedby), and everything works from the keyboard;
 * - a refused submission shows the API's problem+json messages next to the fields they concern
 *   (lib/form-errors.ts places them by the `errors[].path` the API sends), marks those fields
 *   aria-invalid, shows what concerns no field at the top, and moves focus to the first error;
 * - after saving, the form shows what the API answered (the page hands the saved resource back to
 *   the form, which takes it as its new content), not what was typed: the API normalises (trims,
 *   lower-cases domains, drops duplicates), and the screen must say what is stored;
 * - leaving the form with unsaved changes (another page, the back button, closing the tab) asks
 *   first (useUnsavedGuard).
 *
 *   const form = useForm({ name: brand.name, caseSensitive: brand.caseSensitive });
 *   <Form form={form} submitLabel="Save brand" onSubmit={async (v) => {
 *     const saved = await send('PATCH', url, { name: v.name });
 *     return { values: { name: saved.name, … }, done: `Saved ${saved.name}.` };
 *   }}>
 *     <TextField form={form} name="name" label="Name" />
 *   </Form>
 *
 * Field names are the request's paths without "body." ("name", "aliases", "params.temperature"),
 * so the API's field errors find them.
 */
import type { ComponentChildren, VNode } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { ApiError } from '../api/client.js';
import { placeErrors } from '../lib/form-errors.js';
import { addNavigationGuard } from '../lib/router.js';
import { toApiError } from '../lib/use-api.js';
import { useConfirm } from './confirm.js';
import './form.css';

export type FormValues = Record<string, unknown>;

export interface FormState<V extends FormValues> {
  /** Prefix of the fields' ids, unique on the page. */
  id: string;
  values: V;
  set<K extends keyof V & string>(name: K, value: V[K]): void;
  /** The values differ from the last saved (or loaded) ones. */
  dirty: boolean;
  busy: boolean;
  /** Messages per field, from the API's last refusal. */
  errors: Record<string, string[]>;
  /** The last refusal: its message and the errors no field shows. */
  problem: { error: ApiError; unplaced: string[] } | null;
  /** What the last successful submission did, in words. */
  done: string | null;
  /** Takes `values` as the form's content and its new saved state (an API answer, another item). */
  reset(values: V): void;
  /** Runs `work` (a submission): busy meanwhile, then its answer or its refusal placed on the fields. */
  submit(work: () => Promise<SubmitResult<V> | undefined>): Promise<boolean>;
  /** Field names rendered in the form (filled as the fields render). */
  readonly fields: Set<string>;
  /** Bumped on each refusal, so the form moves focus to the first error. */
  readonly attempt: number;
}

export interface SubmitResult<V> {
  /** The saved resource as the form's new content: what the API answered. */
  values?: V;
  /** What was done, shown to the user ("Saved the brand Acme."). */
  done?: string | null;
}

export function useForm<V extends FormValues>(initial: V): FormState<V> {
  const id = useId();
  const [state, setState] = useState<{
    values: V;
    saved: string;
    busy: boolean;
    errors: Record<string, string[]>;
    problem: { error: ApiError; unplaced: string[] } | null;
    done: string | null;
    attempt: number;
  }>(() => ({
    values: initial,
    saved: JSON.stringify(initial),
    busy: false,
    errors: {},
    problem: null,
    done: null,
    attempt: 0,
  }));
  const fields = useRef(new Set<string>()).current;
  const alive = useRef(true);
  useEffect(
    () => () => {
      alive.current = false;
    },
    [],
  );
  return {
    id: `f${id.replace(/[^a-zA-Z0-9_-]/g, '')}`,
    values: state.values,
    dirty: JSON.stringify(state.values) !== state.saved,
    busy: state.busy,
    errors: state.errors,
    problem: state.problem,
    done: state.done,
    attempt: state.attempt,
    fields,
    set(name, value) {
      setState((s) => {
        // A changed field's old error no longer applies to it.
        const { [name]: _gone, ...errors } = s.errors;
        return { ...s, values: { ...s.values, [name]: value }, errors, done: null };
      });
    },
    reset(values) {
      setState((s) => ({ ...s, values, saved: JSON.stringify(values), errors: {}, problem: null }));
    },
    async submit(work) {
      setState((s) => ({ ...s, busy: true, done: null }));
      try {
        const result = await work();
        if (!alive.current) return true;
        setState((s) => ({
          ...s,
          busy: false,
          errors: {},
          problem: null,
          done: result?.done ?? null,
          ...(result?.values ? { values: result.values, saved: JSON.stringify(result.values) } : {}),
        }));
        return true;
      } catch (err) {
        const error = toApiError(err);
        if (!alive.current) return false;
        const placed = placeErrors(error.errors, [...fields]);
        setState((s) => ({
          ...s,
          busy: false,
          errors: placed.byField,
          problem: { error, unplaced: placed.unplaced },
          attempt: s.attempt + 1,
        }));
        return false;
      }
    },
  };
}

/**
 * The form: the refusal's summary at the top, the fields, the submit button and what was done.
 * `onSubmit` runs the request and returns what the API answered (values) and what was done.
 */
export function Form<V extends FormValues>({
  form,
  onSubmit,
  submitLabel,
  busyLabel = 'Saving…',
  what = 'the changes',
  children,
  buttons,
  guard = true,
  class: className,
  label,
}: {
  form: FormState<V>;
  onSubmit(values: V): Promise<SubmitResult<V> | undefined>;
  submitLabel: string;
  busyLabel?: string;
  /** What is saved, for the refusal's heading: "Could not save <what>." */
  what?: string;
  children: ComponentChildren;
  /** More buttons after the submit button (cancel, delete). */
  buttons?: ComponentChildren;
  /** Ask before leaving with unsaved changes (default). */
  guard?: boolean;
  class?: string;
  /** The form's accessible name, when no heading names it. */
  label?: string;
}) {
  const ref = useRef<HTMLFormElement>(null);
  const summary = useRef<HTMLDivElement>(null);
  // The fields register again on every render: only those shown receive errors.
  form.fields.clear();
  useEffect(() => {
    if (form.attempt === 0) return;
    const first = ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (first ?? summary.current)?.focus();
  }, [form.attempt]);
  const guardDialog = useUnsavedGuard(guard && form.dirty);
  const placedCount = Object.keys(form.errors).length;
  return (
    <form
      ref={ref}
      class={`kit-form${className ? ` ${className}` : ''}`}
      noValidate
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        if (!form.busy) void form.submit(() => onSubmit(form.values));
      }}
    >
      <div aria-live="assertive">
        {form.problem && (
          <div class="error form-problem" role="alert" tabIndex={-1} ref={summary} id={`${form.id}-problem`}>
            <p>
              <strong>Could not save {what}.</strong>{' '}
              {placedCount > 0 && form.problem.unplaced.length === 0
                ? `Fix ${placedCount === 1 ? 'the field marked' : `the ${placedCount} fields marked`} below.`
                : form.problem.error.errors.length === 0
                  ? form.problem.error.message
                  : placedCount > 0
                    ? 'Fix the fields marked below, and:'
                    : ''}
            </p>
            {form.problem.unplaced.length > 0 && (
              <ul>
                {form.problem.unplaced.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            )}
            {form.problem.error.requestId && (
              <p class="muted">Request id: {form.problem.error.requestId} (quote it when reporting a problem)</p>
            )}
          </div>
        )}
      </div>
      {children}
      <div class="buttons">
        <button type="submit" disabled={form.busy}>
          {form.busy ? busyLabel : submitLabel}
        </button>
        {buttons}
      </div>
      <div aria-live="polite">
        {form.done && !form.dirty && (
          <p class="done" role="status">
            {form.done}
          </p>
        )}
      </div>
      {guardDialog}
    </form>
  );
}

/** Label, description and errors around one control; `children` gets the control's attributes. */
export function Field<V extends FormValues>({
  form,
  name,
  label,
  description,
  children,
  class: className,
}: {
  form: FormState<V>;
  name: keyof V & string;
  label: ComponentChildren;
  description?: ComponentChildren;
  children(control: ControlProps): VNode;
  class?: string;
}) {
  form.fields.add(name);
  const id = `${form.id}-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
  const errors = form.errors[name] ?? [];
  const describedBy = [errors.length ? `${id}-error` : null, description ? `${id}-help` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div class={`field${errors.length ? ' invalid' : ''}${className ? ` ${className}` : ''}`} data-field={name}>
      <label for={id}>{label}</label>
      {description && (
        <p id={`${id}-help`} class="field-help">
          {description}
        </p>
      )}
      {children({
        id,
        name,
        'aria-invalid': errors.length ? 'true' : undefined,
        'aria-describedby': describedBy || undefined,
        disabled: form.busy,
      })}
      {errors.length > 0 && (
        <p id={`${id}-error`} class="field-error">
          {errors.length === 1 ? errors[0] : errors.map((m) => <span key={m}>{m}</span>)}
        </p>
      )}
    </div>
  );
}

export interface ControlProps {
  id: string;
  name: string;
  'aria-invalid': 'true' | undefined;
  'aria-describedby': string | undefined;
  disabled: boolean;
}

type Common<V extends FormValues> = {
  form: FormState<V>;
  name: keyof V & string;
  label: ComponentChildren;
  description?: ComponentChildren;
};

/** A one-line text (or number, URL…) field whose value is a string. */
export function TextField<V extends FormValues>({
  type = 'text',
  inputMode,
  autoComplete = 'off',
  placeholder,
  ...common
}: Common<V> & {
  type?: 'text' | 'number' | 'url' | 'email' | 'search' | 'datetime-local';
  inputMode?: 'text' | 'numeric' | 'decimal' | 'url' | 'email' | 'search';
  autoComplete?: string;
  placeholder?: string;
}) {
  const { form, name } = common;
  return (
    <Field {...common}>
      {(props) => (
        <input
          {...props}
          // One input element serves every kind; Preact's types tell them apart by `type`.
          type={type as 'text'}
          inputMode={inputMode}
          autoComplete={autoComplete}
          placeholder={placeholder}
          step={type === 'number' ? 'any' : undefined}
          value={String(form.values[name] ?? '')}
          onInput={(e) => form.set(name, e.currentTarget.value as V[typeof name])}
        />
      )}
    </Field>
  );
}

/** Several lines of text; with `list`, one item per line (see listOf / linesOf). */
export function TextAreaField<V extends FormValues>({ rows = 4, ...common }: Common<V> & { rows?: number }) {
  const { form, name } = common;
  return (
    <Field {...common}>
      {(props) => (
        <textarea
          {...props}
          rows={rows}
          value={String(form.values[name] ?? '')}
          onInput={(e) => form.set(name, e.currentTarget.value as V[typeof name])}
        />
      )}
    </Field>
  );
}

export function SelectField<V extends FormValues>({
  options,
  ...common
}: Common<V> & { options: ReadonlyArray<{ value: string; label: string }> }) {
  const { form, name } = common;
  return (
    <Field {...common}>
      {(props) => (
        <select
          {...props}
          value={String(form.values[name] ?? '')}
          onChange={(e) => form.set(name, e.currentTarget.value as V[typeof name])}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A yes/no field: the checkbox before its label, the description and errors below. */
export function CheckboxField<V extends FormValues>({ form, name, label, description }: Common<V>) {
  form.fields.add(name);
  const id = `${form.id}-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
  const errors = form.errors[name] ?? [];
  const describedBy = [errors.length ? `${id}-error` : null, description ? `${id}-help` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div class={`field checkbox-field${errors.length ? ' invalid' : ''}`} data-field={name}>
      <input
        id={id}
        name={name}
        type="checkbox"
        checked={form.values[name] === true}
        disabled={form.busy}
        aria-invalid={errors.length ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
        onChange={(e) => form.set(name, e.currentTarget.checked as V[typeof name])}
      />
      <label for={id}>{label}</label>
      {description && (
        <p id={`${id}-help`} class="field-help">
          {description}
        </p>
      )}
      {errors.length > 0 && (
        <p id={`${id}-error`} class="field-error">
          {errors.join(' ')}
        </p>
      )}
    </div>
  );
}

/** A list typed one item per line (or separated by commas): trimmed, empty items left out. */
export function listOf(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A list as the text of a one-item-per-line field. */
export function linesOf(list: readonly string[]): string {
  return list.join('\n');
}

/**
 * While `dirty`, leaving asks first: another page of the dashboard (a link, the back button: a
 * change of the address's hash, which the router lets this guard hold) opens a dialog, closing or
 * reloading the tab the browser's own question. Render the returned dialog (Form does it for its own fields).
 */
export function useUnsavedGuard(dirty: boolean, what = 'this form'): VNode | null {
  const confirm = useConfirm();
  const state = useRef({ dirty, here: location.href, letting: false });
  state.current.dirty = dirty;
  useEffect(() => {
    state.current.here = location.href;
  });
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!state.current.dirty) return;
      event.preventDefault();
      // Older browsers want a returnValue to ask.
      event.returnValue = '';
    };
    const holds = (target: string) => {
      const s = state.current;
      if (s.letting) {
        s.letting = false;
        return false;
      }
      if (!s.dirty) return false;
      // The address goes back to this page while the user decides.
      history.replaceState(history.state, '', s.here);
      void confirm
        .ask({
          title: 'Leave without saving?',
          lost: <p>The changes made to {what} have not been saved; leaving discards them.</p>,
          confirmLabel: 'Leave and discard changes',
          cancelLabel: 'Stay on this page',
        })
        .then((leave) => {
          if (!leave) return;
          s.letting = true;
          location.href = target;
        });
      return true;
    };
    const removeGuard = addNavigationGuard(holds);
    addEventListener('beforeunload', onBeforeUnload);
    return () => {
      removeGuard();
      removeEventListener('beforeunload', onBeforeUnload);
    };
  }, []);
  return confirm.dialog;
}
