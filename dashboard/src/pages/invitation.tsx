/**
 * #/invitation?token=…, the page the invitation email links to. It shows who invites whom, as what,
 * then either creates the account (name and password: the link proved the address) or, when the
 * address already has one, has the person sign in first; accepting adds the membership and leads
 * into the dashboard. A used, revoked or expired invitation says so and what to do.
 */
import { useEffect, useState } from 'preact/hooks';
import { ApiError, apiPublic, buildUrl } from '../api/client.js';
import type { InvitationLookup, Me } from '../api/types.js';
import { NewPasswordFields, passwordProblem } from '../components/new-password.js';
import { PasswordSignIn } from '../components/sign-in.js';
import { formatDateTime } from '../lib/format.js';
import { ROLE_HELP, ROLE_LABELS, loadMe } from '../lib/person.js';
import { type Loadable, toApiError } from '../lib/use-api.js';

export function InvitationPage({
  token,
  me,
  onJoined,
}: {
  token: string | null;
  /** Who is signed in in this browser, if anyone. */
  me: Me | null;
  onJoined(me: Me, organizationId: string): void;
}) {
  const [lookup, setLookup] = useState<Loadable<InvitationLookup>>({ state: 'loading' });
  const [person, setPerson] = useState<Me | null>(me);
  useEffect(() => {
    document.title = 'Invitation — Citewatch';
    if (!token) {
      setLookup({
        state: 'error',
        error: new ApiError(
          0,
          'invalid',
          'This link has no invitation token. Open the link from the email again.',
          null,
        ),
      });
      return;
    }
    apiPublic<InvitationLookup>('GET', buildUrl('/v1/invitations/lookup', { token })).then(
      (data) => setLookup({ state: 'ok', data }),
      (err: unknown) => setLookup({ state: 'error', error: toApiError(err) }),
    );
  }, [token]);

  return (
    <main id="main" class="key-page">
      {lookup.state === 'loading' && (
        <>
          <h1>Invitation</h1>
          <p class="status" role="status">
            Reading the invitation…
          </p>
        </>
      )}
      {lookup.state === 'error' && (
        <>
          <h1>This invitation cannot be used</h1>
          <div class="error" role="alert">
            <p>{lookup.error.message}</p>
            <p>Ask whoever invited you to send a new invitation.</p>
          </div>
          <p>
            <a href="#/">Go to signing in</a>
          </p>
        </>
      )}
      {lookup.state === 'ok' && token && (
        <Accept token={token} invitation={lookup.data} person={person} setPerson={setPerson} onJoined={onJoined} />
      )}
    </main>
  );
}

function Accept({
  token,
  invitation,
  person,
  setPerson,
  onJoined,
}: {
  token: string;
  invitation: InvitationLookup;
  person: Me | null;
  setPerson(me: Me | null): void;
  onJoined(me: Me, organizationId: string): void;
}) {
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const samePerson = person?.user?.email.toLowerCase() === invitation.email.toLowerCase();

  async function accept(body: Record<string, string>, csrfToken: string | null) {
    setBusy(true);
    setError(null);
    try {
      const joined = await apiPublic<{ organizationId: string }>(
        'POST',
        '/v1/invitations/accept',
        { token, ...body },
        csrfToken,
      );
      const me = await loadMe();
      if (!me) throw new ApiError(401, 'unauthorized', 'You joined, but no session started: sign in.', null);
      onJoined(me, joined.organizationId);
    } catch (err) {
      setError(toApiError(err));
      setBusy(false);
    }
  }

  async function signOut() {
    try {
      await apiPublic('POST', '/v1/auth/sign-out', {}, person?.csrfToken ?? null);
    } catch {
      // Signed out or not, the page now asks for the invited account.
    }
    setPerson(null);
  }

  return (
    <>
      <h1>Join {invitation.organizationName}</h1>
      <p>
        You are invited to {invitation.organizationName} on Citewatch as <strong>{ROLE_LABELS[invitation.role]}</strong>{' '}
        ({ROLE_HELP[invitation.role]}), with the address <strong>{invitation.email}</strong>.
      </p>
      <p class="muted">The invitation works until {formatDateTime(invitation.expiresAt)}.</p>
      {!invitation.accountExists ? (
        <CreateAccount
          email={invitation.email}
          busy={busy}
          onSubmit={(name, password) => accept({ name, password }, null)}
        />
      ) : samePerson && person ? (
        <button type="button" disabled={busy} onClick={() => accept({}, person.csrfToken)}>
          {busy ? 'Joining…' : `Join ${invitation.organizationName}`}
        </button>
      ) : person ? (
        <>
          <p class="notice">
            You are signed in as {person.user?.email}, but this invitation is for {invitation.email}. Sign out, then
            sign in with the invited address.
          </p>
          <button type="button" class="secondary" onClick={signOut}>
            Sign out
          </button>
        </>
      ) : (
        <>
          <h2>Sign in to accept</h2>
          <p>You already have a Citewatch account with this address: sign in, and you join at once.</p>
          <PasswordSignIn
            fixedEmail={invitation.email}
            submitLabel={`Sign in and join ${invitation.organizationName}`}
            onSignedIn={(me) => {
              setPerson(me);
              void accept({}, me.csrfToken);
            }}
          />
        </>
      )}
      <div aria-live="assertive">
        {error && (
          <p class="error" role="alert">
            {error.message}
          </p>
        )}
      </div>
    </>
  );
}

function CreateAccount({
  email,
  busy,
  onSubmit,
}: {
  email: string;
  busy: boolean;
  onSubmit(name: string, password: string): void;
}) {
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  function submit(event: Event) {
    event.preventDefault();
    const wrong = !name.trim() ? 'Enter your name, as your colleagues will see it.' : passwordProblem(password, repeat);
    setProblem(wrong);
    if (!wrong) onSubmit(name.trim(), password);
  }

  return (
    <form onSubmit={submit} class="key-form" noValidate aria-label="Create your account">
      <h2>Create your account</h2>
      <p>
        You will sign in with <strong>{email}</strong> and this password.
      </p>
      <label for="invite-name">Your name</label>
      <input
        id="invite-name"
        name="name"
        type="text"
        autocomplete="name"
        value={name}
        onInput={(e) => setName(e.currentTarget.value)}
        required
      />
      <NewPasswordFields
        idPrefix="invite"
        label="Password"
        password={password}
        repeat={repeat}
        onPassword={setPassword}
        onRepeat={setRepeat}
        invalid={problem !== null}
      />
      <button type="submit" disabled={busy}>
        {busy ? 'Joining…' : 'Create my account and join'}
      </button>
      <div aria-live="assertive">
        {problem && (
          <p class="error" role="alert">
            {problem}
          </p>
        )}
      </div>
    </form>
  );
}
