/**
 * The first screen for people: email and password, "Forgot password?", single sign-on when the
 * deployment offers it, and the way to the API-key form for integrators. Signing in sets an
 * HttpOnly session cookie the page never reads; the app then asks GET /v1/me who signed in.
 */
import { useEffect, useState } from 'preact/hooks';
import { ApiError, apiPublic } from '../api/client.js';
import type { Me, SignInProviders } from '../api/types.js';
import { loadMe } from '../lib/person.js';
import { toApiError } from '../lib/use-api.js';

export const RESET_REQUESTED =
  'If an account exists for this address, an email with a link to choose a new password is on its way. The link works once, for one hour.';

export function SignInPage({
  notice,
  onSignedIn,
  onUseKey,
}: {
  notice: string | null;
  onSignedIn(me: Me): void;
  onUseKey(): void;
}) {
  const [forgot, setForgot] = useState(false);
  const [email, setEmail] = useState('');
  const ssoError = useSsoError();
  useEffect(() => {
    document.title = 'Sign in — Citewatch';
  }, []);

  return (
    <main id="main" class="key-page">
      <h1>Sign in to Citewatch</h1>
      <p>How AI assistants mention and cite your brands, with every number's interval and sample size.</p>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      {ssoError && (
        <p class="error" role="alert">
          Single sign-on did not sign you in: {ssoError}
        </p>
      )}
      {forgot ? (
        <ForgotPassword email={email} onBack={() => setForgot(false)} />
      ) : (
        <>
          <PasswordSignIn onSignedIn={onSignedIn} email={email} onEmail={setEmail} />
          <p>
            <button type="button" class="link-button" onClick={() => setForgot(true)}>
              Forgot password?
            </button>
          </p>
          <SingleSignOn />
        </>
      )}
      <p class="alternative">
        Connecting a tool or a script?{' '}
        <button type="button" class="link-button" onClick={onUseKey}>
          Use an API key instead
        </button>
      </p>
    </main>
  );
}

/**
 * Email and password. With `fixedEmail` the address is given (an invitation for an existing
 * account) and shown rather than asked.
 */
export function PasswordSignIn({
  onSignedIn,
  fixedEmail,
  email: initialEmail = '',
  onEmail,
  submitLabel = 'Sign in',
}: {
  onSignedIn(me: Me): void;
  fixedEmail?: string;
  email?: string;
  onEmail?(email: string): void;
  submitLabel?: string;
}) {
  const [email, setEmail] = useState(fixedEmail ?? initialEmail);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    if (!email.trim() || !password) {
      setError(new ApiError(0, 'empty', 'Enter your email address and your password.', null));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await apiPublic('POST', '/v1/auth/sign-in/email', { email: email.trim(), password });
      const me = await loadMe();
      if (!me) throw new ApiError(401, 'unauthorized', 'Signing in did not start a session; try again.', null);
      onSignedIn(me);
    } catch (err) {
      setError(toApiError(err));
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} class="key-form" noValidate>
      {fixedEmail ? (
        <p>
          Email: <strong>{fixedEmail}</strong>
        </p>
      ) : (
        <>
          <label for="sign-in-email">Email</label>
          <input
            id="sign-in-email"
            name="email"
            type="email"
            autocomplete="username"
            value={email}
            onInput={(e) => {
              setEmail(e.currentTarget.value);
              onEmail?.(e.currentTarget.value);
            }}
            aria-invalid={error ? 'true' : undefined}
            required
          />
        </>
      )}
      <label for="sign-in-password">Password</label>
      <input
        id="sign-in-password"
        name="password"
        type="password"
        autocomplete="current-password"
        value={password}
        onInput={(e) => setPassword(e.currentTarget.value)}
        aria-invalid={error ? 'true' : undefined}
        required
      />
      <button type="submit" disabled={busy}>
        {busy ? 'Signing in…' : submitLabel}
      </button>
      <div aria-live="assertive">
        {error && (
          <p class="error" role="alert">
            {error.message}
          </p>
        )}
      </div>
    </form>
  );
}

function ForgotPassword({ email: initial, onBack }: { email: string; onBack(): void }) {
  const [email, setEmail] = useState(initial);
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    if (!email.trim()) {
      setError(new ApiError(0, 'empty', 'Enter the email address you sign in with.', null));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await apiPublic('POST', '/v1/auth/request-password-reset', { email: email.trim() });
      setSent(true);
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="forgot-heading">
      <h2 id="forgot-heading">Choose a new password</h2>
      {sent ? (
        <p class="notice" role="status">
          {RESET_REQUESTED}
        </p>
      ) : (
        <form onSubmit={submit} class="key-form" noValidate>
          <label for="reset-email">Email</label>
          <input
            id="reset-email"
            name="email"
            type="email"
            autocomplete="username"
            value={email}
            onInput={(e) => setEmail(e.currentTarget.value)}
            aria-describedby="reset-email-help"
            aria-invalid={error ? 'true' : undefined}
            required
          />
          <p id="reset-email-help" class="muted">
            We email this address a link to choose a new password.
          </p>
          <button type="submit" disabled={busy}>
            {busy ? 'Sending…' : 'Email me a link'}
          </button>
        </form>
      )}
      <div aria-live="assertive">
        {error && (
          <p class="error" role="alert">
            {error.message}
          </p>
        )}
      </div>
      <p>
        <button type="button" class="link-button" onClick={onBack}>
          Back to signing in
        </button>
      </p>
    </section>
  );
}

/** The SSO button, when GET /v1/auth/providers says the deployment has an identity provider. */
function SingleSignOn() {
  const [provider, setProvider] = useState<{ name: string } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let live = true;
    apiPublic<SignInProviders>('GET', '/v1/auth/providers').then(
      (answer) => {
        if (live && answer.sso?.enabled) setProvider({ name: answer.sso.name || 'single sign-on' });
      },
      // Unknown to this API (404) or unavailable: people sign in with a password.
      () => {},
    );
    return () => {
      live = false;
    };
  }, []);
  if (!provider) return null;

  async function start() {
    setBusy(true);
    setError(null);
    try {
      // '/' leads back to the dashboard; a failed sign-in comes back with ?error=…
      const answer = await apiPublic<{ url?: string }>('POST', '/v1/auth/sign-in/social', {
        provider: 'oidc',
        callbackURL: '/',
        errorCallbackURL: '/',
      });
      if (!answer.url) throw new ApiError(0, 'error', 'The API did not say where to sign in.', null);
      window.location.assign(answer.url);
    } catch (err) {
      setError(toApiError(err));
      setBusy(false);
    }
  }

  return (
    <div class="sso">
      <p class="muted">or</p>
      <button type="button" class="secondary" onClick={start} disabled={busy}>
        {busy ? 'Opening…' : `Sign in with ${provider.name}`}
      </button>
      <div aria-live="assertive">
        {error && (
          <p class="error" role="alert">
            {error.message}
          </p>
        )}
      </div>
    </div>
  );
}

/** An error single sign-on came back with (?error=… on the page's address), removed from the address once read. */
function useSsoError(): string | null {
  const [error] = useState(() => {
    const params = new URLSearchParams(location.search);
    const code = params.get('error');
    if (!code) return null;
    const description = params.get('error_description');
    return description ? `${description} (${code})` : code.replaceAll('_', ' ');
  });
  useEffect(() => {
    if (error) history.replaceState(null, '', `${location.pathname}${location.hash}`);
  }, [error]);
  return error;
}
