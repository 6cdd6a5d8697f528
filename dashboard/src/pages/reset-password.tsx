/**
 * #/reset-password?token=…, the page the password-reset email links to: a new password typed
 * twice, then back to signing in. The token is single-use and expires after an hour; the API says
 * so when it no longer works. Setting the password ends every session of the account.
 */
import { useEffect, useState } from 'preact/hooks';
import { ApiError, apiPublic } from '../api/client.js';
import { NewPasswordFields, passwordProblem } from '../components/new-password.js';
import { toApiError } from '../lib/use-api.js';

export const PASSWORD_RESET_DONE = 'Your password was changed. Sign in with the new one.';

export function ResetPasswordPage({ token, onDone }: { token: string | null; onDone(notice: string): void }) {
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    document.title = 'Choose a new password — Citewatch';
  }, []);

  async function submit(event: Event) {
    event.preventDefault();
    const problem = passwordProblem(password, repeat);
    if (problem) {
      setError(new ApiError(0, 'invalid', problem, null));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await apiPublic('POST', '/v1/auth/reset-password', { token, newPassword: password });
      onDone(PASSWORD_RESET_DONE);
    } catch (err) {
      const e = toApiError(err);
      setError(
        e.status === 400 || e.status === 404
          ? new ApiError(
              e.status,
              e.code,
              `${e.message} The link may have expired or been used already: ask for a new one from the sign-in page.`,
              e.requestId,
            )
          : e,
      );
      setBusy(false);
    }
  }

  return (
    <main id="main" class="key-page">
      <h1>Choose a new password</h1>
      {token ? (
        <form onSubmit={submit} class="key-form" noValidate>
          <NewPasswordFields
            idPrefix="reset"
            password={password}
            repeat={repeat}
            onPassword={setPassword}
            onRepeat={setRepeat}
            invalid={error !== null}
          />
          <button type="submit" disabled={busy}>
            {busy ? 'Saving…' : 'Save the new password'}
          </button>
        </form>
      ) : (
        <p class="error" role="alert">
          This link has no reset token. Open the link from the email again, or ask for a new one from the sign-in page.
        </p>
      )}
      <div aria-live="assertive">
        {error && (
          <p class="error" role="alert">
            {error.message}
          </p>
        )}
      </div>
      <p>
        <a href="#/">Back to signing in</a>
      </p>
    </main>
  );
}
