/**
 * Asking before something cannot be undone, in a native modal <dialog>: the browser traps focus in
 * it, Escape cancels, and focus returns to the button that opened it. The dialog says what will be
 * lost; focus starts on the safe choice, so Enter alone never destroys anything.
 *
 *   const confirm = useConfirm();
 *   if (await confirm.ask({ title: 'Delete the brand Acme?', lost: '…', confirmLabel: 'Delete brand' })) …
 *   {confirm.dialog}
 */
import type { ComponentChildren, VNode } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';

export interface ConfirmOptions {
  title: string;
  /** What will be lost, in words ("Its 12 prompts' answers stay; the brand's mentions…"). */
  lost: ComponentChildren;
  confirmLabel: string;
  cancelLabel?: string;
  /** false: the choice is not destructive (leaving a form is), so the button is not red. */
  danger?: boolean;
}

export function ConfirmDialog({ options, onAnswer }: { options: ConfirmOptions; onAnswer(confirmed: boolean): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const id = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    cancel.current?.focus();
    return () => {
      if (dialog.open) dialog.close();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      class="confirm-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-lost`}
      onCancel={(e) => {
        // Escape: answered here, so the dialog closes through the state that opened it.
        e.preventDefault();
        onAnswer(false);
      }}
    >
      <h2 id={`${id}-title`}>{options.title}</h2>
      <div id={`${id}-lost`} class="confirm-lost">
        {options.lost}
      </div>
      <div class="buttons">
        <button type="button" class={options.danger === false ? undefined : 'danger'} onClick={() => onAnswer(true)}>
          {options.confirmLabel}
        </button>
        <button type="button" class="secondary" ref={cancel} onClick={() => onAnswer(false)}>
          {options.cancelLabel ?? 'Cancel'}
        </button>
      </div>
    </dialog>
  );
}

export interface Confirm {
  /** Opens the dialog; resolves true when the user confirms, false when they cancel or press Escape. */
  ask(options: ConfirmOptions): Promise<boolean>;
  /** Render this where the dialog belongs (anywhere: a modal dialog sits above the page). */
  dialog: VNode | null;
}

export function useConfirm(): Confirm {
  const [open, setOpen] = useState<{ options: ConfirmOptions; resolve(confirmed: boolean): void } | null>(null);
  const opener = useRef<Element | null>(null);
  return {
    ask(options) {
      opener.current = document.activeElement;
      return new Promise<boolean>((resolve) => setOpen({ options, resolve }));
    },
    dialog: open ? (
      <ConfirmDialog
        options={open.options}
        onAnswer={(confirmed) => {
          setOpen(null);
          open.resolve(confirmed);
          // Back to where the user was (the dialog's own return of focus happens on close).
          if (!confirmed && opener.current instanceof HTMLElement) opener.current.focus();
        }}
      />
    ) : null,
  };
}
