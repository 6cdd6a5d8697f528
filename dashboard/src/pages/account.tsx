/**
 * #/account: the signed-in person's own page. Who they are and where they are a member, their
 * sessions (this one marked; any other can be ended, or all of them at once), and a new password.
 */
import { useState } from 'preact/hooks';
import { ApiError } from '../api/client.js';
import type { SignInSession } from '../api/types.js';
import { NewPasswordFields, passwordProblem } from '../components/new-password.js';
import { Outcome, Show, TableScroll } from '../components/status.js';
import { formatDateTime } from '../lib/format.js';
import { ROLE_LABELS, describeAgent } from '../lib/person.js';
import { useAction, useApi, useApiSession, useSend } from '../lib/use-api.js';

export const SIGNED_OUT_EVERYWHERE = 'You were signed out of every session, this one included.';

export function AccountPage() {
  const session = useApiSession();
  const me = session.person?.me;
  if (!me?.user) {
    return <p class="empty">This page is for people signed in with their account; an API key has no account page.</p>;
  }
  return (
    <>
      <section aria-labelledby="you-heading">
        <h2 id="you-heading">You</h2>
        <dl class="meta">
          <dt>Name</dt>
          <dd data-testid="account-name">{me.user.name}</dd>
          <dt>Email</dt>
          <dd data-testid="account-email">{me.user.email}</dd>
          <dt>Organizations</dt>
          <dd>
            {me.organizations.length === 0
              ? 'None yet: an owner or admin of an organization can invite you.'
              : me.organizations.map((o, i) => (
                  <span key={o.id}>
                    {i > 0 && ', '}
                    {o.name} ({ROLE_LABELS[o.role]})
                  </span>
                ))}
          </dd>
        </dl>
      </section>
      <Sessions />
      <ChangePassword />
    </>
  );
}

function Sessions() {
  const session = useApiSession();
  const send = useSend();
  const [refresh, setRefresh] = useState(0);
  const sessions = useApi<{ data: SignInSession[] }>('/v1/me/sessions', refresh);
  const action = useAction();

  const end = (s: SignInSession) =>
    action.run(async () => {
      await send('DELETE', `/v1/me/sessions/${encodeURIComponent(s.id)}`);
      setRefresh((n) => n + 1);
      return `The session of ${describeAgent(s.userAgent)} signed in ${formatDateTime(s.createdAt)} was ended.`;
    });
  const endAll = () =>
    action.run(async () => {
      await send('DELETE', '/v1/me/sessions');
      session.signedOut(SIGNED_OUT_EVERYWHERE);
      return null;
    });

  return (
    <section aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">Sessions</h2>
      <p class="explain">
        Each browser you signed in with. End a session you do not recognise: that browser is signed out at once.
      </p>
      <Show value={sessions} what="your sessions">
        {({ data }) => (
          <TableScroll label="Sessions">
            <table class="data sessions">
              <thead>
                <tr>
                  <th scope="col">Browser</th>
                  <th scope="col">Signed in</th>
                  <th scope="col">Last active</th>
                  <th scope="col">Ends</th>
                  <th scope="col">Address</th>
                  <th scope="col">
                    <span class="visually-hidden">Action</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.map((s) => (
                  <tr key={s.id} data-testid={`session-${s.id}`}>
                    <th scope="row">
                      <span title={s.userAgent ?? undefined}>{describeAgent(s.userAgent)}</span>
                      {s.current && <span class="tag">This session</span>}
                    </th>
                    <td>{formatDateTime(s.createdAt)}</td>
                    <td>{formatDateTime(s.lastActiveAt)}</td>
                    <td>{formatDateTime(s.expiresAt)}</td>
                    <td>{s.ipAddress ?? '—'}</td>
                    <td>
                      {!s.current && (
                        <button type="button" class="secondary" disabled={action.busy} onClick={() => end(s)}>
                          End session
                          <span class="visually-hidden">
                            {' '}
                            of {describeAgent(s.userAgent)} signed in {formatDateTime(s.createdAt)}
                          </span>
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </Show>
      <p>
        <button type="button" class="secondary danger" disabled={action.busy} onClick={endAll}>
          Sign out everywhere
        </button>
      </p>
      <Outcome action={action} what="the session" verb="end" />
    </section>
  );
}

function ChangePassword() {
  const session = useApiSession();
  const send = useSend();
  const action = useAction();
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [others, setOthers] = useState(true);

  function submit(event: Event) {
    event.preventDefault();
    void action.run(async () => {
      if (!current) throw new ApiError(0, 'invalid', 'Enter your current password.', null);
      const problem = passwordProblem(password, repeat);
      if (problem) throw new ApiError(0, 'invalid', problem, null);
      await send('POST', '/v1/auth/change-password', {
        currentPassword: current,
        newPassword: password,
        revokeOtherSessions: others,
      });
      // Ending the other sessions starts a new one for this browser, with a new CSRF token.
      await session.reloadMe();
      setCurrent('');
      setPassword('');
      setRepeat('');
      return others ? 'Your password was changed and your other sessions were ended.' : 'Your password was changed.';
    });
  }

  return (
    <section aria-labelledby="password-heading">
      <h2 id="password-heading">Change your password</h2>
      <form onSubmit={submit} class="stacked-form" noValidate>
        <label for="current-password">Current password</label>
        <input
          id="current-password"
          name="current-password"
          type="password"
          autocomplete="current-password"
          value={current}
          onInput={(e) => setCurrent(e.currentTarget.value)}
          required
        />
        <NewPasswordFields
          idPrefix="change"
          password={password}
          repeat={repeat}
          onPassword={setPassword}
          onRepeat={setRepeat}
          invalid={action.error !== null}
        />
        <label class="radio">
          <input type="checkbox" checked={others} onChange={(e) => setOthers(e.currentTarget.checked)} />
          Sign out my other sessions
        </label>
        <button type="submit" disabled={action.busy}>
          {action.busy ? 'Saving…' : 'Change password'}
        </button>
      </form>
      <Outcome action={action} what="the password" />
    </section>
  );
}
