/**
 * Several checkboxes for one list value (a webhook's events, a key's scopes or workspaces), as
 * one fieldset named by its legend, with the API's errors for the list (and its items) below it.
 * Works with the form kit (components/form.tsx): the field registers its name, so errors at
 * "events" or "events.1" land here.
 */
import type { ComponentChildren } from 'preact';
import type { FormState, FormValues } from './form.js';

export function ChoicesField<V extends FormValues>({
  form,
  name,
  legend,
  description,
  choices,
}: {
  form: FormState<V>;
  name: keyof V & string;
  legend: ComponentChildren;
  description?: ComponentChildren;
  choices: ReadonlyArray<{ value: string; label: ComponentChildren; hint?: string }>;
}) {
  form.fields.add(name);
  const id = `${form.id}-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
  const errors = form.errors[name] ?? [];
  const chosen = (form.values[name] as string[] | undefined) ?? [];
  const toggle = (value: string, on: boolean) =>
    form.set(
      name,
      (on ? [...chosen.filter((v) => v !== value), value] : chosen.filter((v) => v !== value)) as V[typeof name],
    );
  const describedBy = [errors.length ? `${id}-error` : null, description ? `${id}-help` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <fieldset
      class={`choices field${errors.length ? ' invalid' : ''}`}
      data-field={name}
      aria-describedby={describedBy || undefined}
    >
      <legend>{legend}</legend>
      {description && (
        <p id={`${id}-help`} class="field-help">
          {description}
        </p>
      )}
      {choices.map((c, i) => (
        <label class="radio" key={c.value}>
          <input
            type="checkbox"
            id={i === 0 ? id : undefined}
            name={name}
            value={c.value}
            checked={chosen.includes(c.value)}
            disabled={form.busy}
            aria-invalid={errors.length ? 'true' : undefined}
            onChange={(e) => toggle(c.value, e.currentTarget.checked)}
          />
          {c.label}
          {c.hint && <span class="muted"> — {c.hint}</span>}
        </label>
      ))}
      {errors.length > 0 && (
        <p id={`${id}-error`} class="field-error">
          {errors.join(' ')}
        </p>
      )}
    </fieldset>
  );
}
