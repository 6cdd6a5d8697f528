/**
 * A new password typed twice, as the reset and invitation pages and the account page ask for it.
 * The API checks the rules (at least 10 characters); the page checks only that both copies match.
 */
export const PASSWORD_HELP = 'At least 10 characters. A few unrelated words make a long password easy to remember.';

export function NewPasswordFields({
  idPrefix,
  password,
  repeat,
  onPassword,
  onRepeat,
  invalid,
  label = 'New password',
}: {
  idPrefix: string;
  password: string;
  repeat: string;
  onPassword(value: string): void;
  onRepeat(value: string): void;
  invalid: boolean;
  label?: string;
}) {
  return (
    <>
      <label for={`${idPrefix}-password`}>{label}</label>
      <input
        id={`${idPrefix}-password`}
        name="new-password"
        type="password"
        autocomplete="new-password"
        value={password}
        onInput={(e) => onPassword(e.currentTarget.value)}
        aria-describedby={`${idPrefix}-password-help`}
        aria-invalid={invalid ? 'true' : undefined}
        minLength={10}
        required
      />
      <p id={`${idPrefix}-password-help`} class="muted">
        {PASSWORD_HELP}
      </p>
      <label for={`${idPrefix}-repeat`}>{label}, again</label>
      <input
        id={`${idPrefix}-repeat`}
        name="repeat-password"
        type="password"
        autocomplete="new-password"
        value={repeat}
        onInput={(e) => onRepeat(e.currentTarget.value)}
        aria-invalid={invalid ? 'true' : undefined}
        required
      />
    </>
  );
}

/** What is wrong with the two copies before asking the API, or null. */
export function passwordProblem(password: string, repeat: string): string | null {
  if (!password) return 'Choose a password.';
  if (password !== repeat) return 'The two passwords differ: type the same one twice.';
  return null;
}
