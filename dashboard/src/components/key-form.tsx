/**
 * The integrators' door (people sign in instead, components/sign-in.tsx): asks for an API key
 * once, checks it against the API, and hands it to the app, which keeps it for this browser tab's
 * session (lib/session-key.ts).
 */
import { useState } from 'preact/hooks';
import { ApiError, apiGet } from '../api/client.js';
import { toApiError } from '../lib/use-api.js';

export function KeyForm({
  notice,
  onKey,
  onSignIn,
}: {
  notice: string | null;
  onKey(key: string): void;
  onSignIn(): void;
}) {
  const [value, setValue] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [checking, setChecking] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    const key = value.trim();
    if (!key) {
      setError(new ApiError(0, 'empty', 'Enter an API key.', null));
      return;
    }
    setChecking(true);
    setError(null);
    try {
      await apiGet({ mode: 'key', key }, '/v1/workspaces?limit=1');
      onKey(key);
    } catch (err) {
      setError(toApiError(err));
      setChecking(false);
    }
  }

  return (
    <main id="main" class="key-page">
      <h1>Citewatch</h1>
      <p>How AI assistants mention and cite your brands, with every number's interval and sample size.</p>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      <form onSubmit={submit} class="key-form" noValidate>
        <label for="api-key">API key</label>
        <input
          id="api-key"
          name="api-key"
          type="password"
          autocomplete="off"
          spellcheck={false}
          value={value}
          onInput={(e) => setValue(e.currentTarget.value)}
          aria-describedby="api-key-help"
          aria-invalid={error ? 'true' : undefined}
          required
        />
        <p id="api-key-help" class="muted">
          A Citewatch key (cw_…) with at least read access. It is kept for this browser tab only and forgotten when the
          tab closes.
        </p>
        <button type="submit" disabled={checking}>
          {checking ? 'Checking…' : 'Open the dashboard'}
        </button>
      </form>
      <div aria-live="assertive">
        {error && (
          <p class="error" role="alert">
            {error.message}
          </p>
        )}
      </div>
      <p class="alternative">
        Have a Citewatch account?{' '}
        <button type="button" class="link-button" onClick={onSignIn}>
          Sign in with your email instead
        </button>
      </p>
    </main>
  );
}
