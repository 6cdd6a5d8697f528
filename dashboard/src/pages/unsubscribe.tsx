/**
 * #/unsubscribe?token=…, the page every alert and digest email links to: says which emails the link
 * stops (rule, workspace, the address partly hidden), and stops them on a click — no account
 * needed. A link used already says so; an unknown one says it no longer works.
 */
import { useEffect, useState } from 'preact/hooks';
import { type ApiError, apiPublic } from '../api/client.js';
import { toApiError } from '../lib/use-api.js';

interface Info {
  workspaceName: string;
  ruleName: string;
  email: string;
  unsubscribed: boolean;
}

export function UnsubscribePage({ token }: { token: string | null }) {
  const [info, setInfo] = useState<Info | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    document.title = 'Unsubscribe — Citewatch';
    if (!token) return;
    apiPublic<Info>('GET', `/v1/alerts/unsubscribe?token=${encodeURIComponent(token)}`)
      .then(setInfo)
      .catch((err) => setError(toApiError(err)));
  }, [token]);

  async function unsubscribe() {
    setBusy(true);
    setError(null);
    try {
      setInfo(await apiPublic<Info>('POST', '/v1/alerts/unsubscribe', { token }));
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main" class="key-page">
      <h1>Unsubscribe</h1>
      {!token && (
        <p class="error" role="alert">
          This link has no unsubscribe token. Open the link from the email again.
        </p>
      )}
      {info && !info.unsubscribed && (
        <>
          <p>
            Stop the emails of the alert rule “{info.ruleName}” of workspace {info.workspaceName} to {info.email}: its
            alerts and digests.
          </p>
          <button type="button" onClick={unsubscribe} disabled={busy}>
            {busy ? 'Unsubscribing…' : 'Unsubscribe'}
          </button>
        </>
      )}
      <div aria-live="polite">
        {info?.unsubscribed && (
          <p class="done" role="status">
            {info.email} no longer receives the emails of “{info.ruleName}” ({info.workspaceName}). A member of the
            workspace can turn them back on.
          </p>
        )}
      </div>
      <div aria-live="assertive">
        {error && (
          <p class="error" role="alert">
            {error.status === 404 ? `${error.message} Nothing was changed.` : error.message}
          </p>
        )}
      </div>
    </main>
  );
}
