/**
 * A secret the API returns once (a new API key, a webhook's signing secret): shown in full with a
 * copy button and a warning that it cannot be shown again. It lives in this component's props only
 * — never stored, never put in the address — and is gone once the person dismisses it or leaves.
 */
import { useRef, useState } from 'preact/hooks';

export function SecretOnce({
  label,
  secret,
  warning,
  onDismiss,
}: {
  /** What the secret is: "API key", "Signing secret". */
  label: string;
  secret: string;
  /** What to do with it, and why it matters. */
  warning: string;
  onDismiss(): void;
}) {
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'copied' | 'select' | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('copied');
    } catch {
      // No clipboard access (an insecure origin, a refused permission): select it for Ctrl+C.
      field.current?.select();
      setCopied('select');
    }
  }
  return (
    <section class="secret-once" aria-labelledby="secret-once-heading" data-testid="secret-once">
      <h3 id="secret-once-heading" class="secret-once-title">
        {label}: copy it now
      </h3>
      <p class="warning" role="alert">
        <strong>This is the only time the {label.toLowerCase()} is shown.</strong> {warning}
      </p>
      <label for="secret-once-value">{label}</label>
      <div class="secret-row">
        <input
          id="secret-once-value"
          ref={field}
          type="text"
          readOnly
          value={secret}
          spellcheck={false}
          autoComplete="off"
          data-testid="secret-value"
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" onClick={copy}>
          Copy
        </button>
      </div>
      <p aria-live="polite" class="muted">
        {copied === 'copied'
          ? 'Copied to the clipboard.'
          : copied === 'select'
            ? 'Selected: press Ctrl+C (⌘C) to copy.'
            : ''}
      </p>
      <button type="button" class="secondary" onClick={onDismiss}>
        I have stored it: hide the {label.toLowerCase()}
      </button>
    </section>
  );
}
