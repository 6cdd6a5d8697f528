/**
 * #/members: the organization's people. Everyone but clients sees who is a member and with which
 * role; owners and admins also invite (a client is invited with the workspaces shared with them),
 * revoke pending invitations, change roles, share workspaces with clients and remove members. Only
 * the controls the signed-in role can use are rendered; the API still decides, and its refusals
 * (the last owner, an admin touching an owner…) are shown as it words them.
 */
import { Fragment } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, apiListAll } from '../api/client.js';
import type { Invitation, Member, Role, Workspace } from '../api/types.js';
import { Empty, Outcome, Show, TableScroll } from '../components/status.js';
import { formatDateTime } from '../lib/format.js';
import { ROLES, ROLE_HELP, ROLE_LABELS, assignableRoles, managesMembers } from '../lib/person.js';
import { useAction, useApiSession, useLoad, useSend } from '../lib/use-api.js';

export function MembersPage() {
  const session = useApiSession();
  const organization = session.person?.organization ?? null;
  const role = organization?.role ?? null;
  const canManage = managesMembers(role);
  const team = organization !== null && role !== 'client';
  const [refresh, setRefresh] = useState(0);
  const members = useLoad(
    team ? (auth, signal) => apiListAll<Member>(auth, '/v1/members', {}, signal) : null,
    [team],
    refresh,
  );
  const workspaces = useLoad(
    team ? (auth, signal) => apiListAll<Workspace>(auth, '/v1/workspaces', {}, signal) : null,
    [team],
  );
  const invitations = useLoad(
    canManage ? (auth, signal) => apiListAll<Invitation>(auth, '/v1/invitations', { status: 'pending' }, signal) : null,
    [canManage],
    refresh,
  );
  const [editing, setEditing] = useState<string | null>(null);
  const [removed, setRemoved] = useState<string | null>(null);
  const reload = () => setRefresh((n) => n + 1);

  if (!organization || !team) {
    return <Empty>The members list is for the organization's team; clients see the workspaces shared with them.</Empty>;
  }
  const names = new Map(workspaces.state === 'ok' ? workspaces.data.map((w) => [w.id, w.name]) : []);
  const workspaceList = workspaces.state === 'ok' ? workspaces.data : [];

  return (
    <>
      <p class="explain">
        Who belongs to {organization.name}, and with which role.
        {!canManage && ' Owners and admins invite people and change roles.'}
      </p>
      <details class="roles-help">
        <summary>What each role can do</summary>
        <dl class="meta">
          {ROLES.map((r) => (
            <Fragment key={r}>
              <dt>{ROLE_LABELS[r]}</dt>
              <dd>{ROLE_HELP[r]}</dd>
            </Fragment>
          ))}
        </dl>
      </details>
      <section aria-labelledby="members-heading">
        <h2 id="members-heading">Members</h2>
        <div aria-live="polite">
          {removed && (
            <p class="done" role="status">
              {removed}
            </p>
          )}
        </div>
        <Show value={members} what="the members">
          {(list) => {
            const open = list.find((m) => m.id === editing);
            return (
              <>
                <TableScroll label="Members">
                  <table class="data members">
                    <thead>
                      <tr>
                        <th scope="col">Name</th>
                        <th scope="col">Email</th>
                        <th scope="col">Role</th>
                        <th scope="col">Workspaces</th>
                        <th scope="col">Member since</th>
                        {canManage && (
                          <th scope="col">
                            <span class="visually-hidden">Manage</span>
                          </th>
                        )}
                      </tr>
                    </thead>
                    <tbody>
                      {list.map((m) => (
                        <tr key={m.id} data-testid={`member-${m.userId}`}>
                          <th scope="row">
                            {m.name}
                            {m.userId === session.person?.me.user?.id && <span class="tag">You</span>}
                          </th>
                          <td>{m.email}</td>
                          <td data-testid={`member-role-${m.userId}`}>{ROLE_LABELS[m.role]}</td>
                          <td data-testid={`member-workspaces-${m.userId}`}>{workspacesText(m.workspaceIds, names)}</td>
                          <td>{formatDateTime(m.createdAt)}</td>
                          {canManage && (
                            <td>
                              {mayEdit(role, m) && (
                                <button
                                  type="button"
                                  class="secondary"
                                  aria-expanded={editing === m.id}
                                  aria-controls="member-editor"
                                  onClick={() => setEditing(editing === m.id ? null : m.id)}
                                >
                                  Edit<span class="visually-hidden"> {m.name}</span>
                                </button>
                              )}
                            </td>
                          )}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableScroll>
                {canManage && open && (
                  <MemberEditor
                    key={open.id}
                    member={open}
                    role={role}
                    organizationName={organization.name}
                    workspaces={workspaceList}
                    onSaved={() => {
                      setRemoved(null);
                      reload();
                    }}
                    onRemoved={(message) => {
                      setEditing(null);
                      setRemoved(message);
                      reload();
                    }}
                    onClose={() => setEditing(null)}
                  />
                )}
              </>
            );
          }}
        </Show>
      </section>
      {canManage && (
        <>
          <InviteForm role={role} workspaces={workspaceList} onInvited={reload} />
          <section aria-labelledby="invitations-heading">
            <h2 id="invitations-heading">Pending invitations</h2>
            <Show value={invitations} what="the invitations">
              {(list) => <PendingInvitations list={list} names={names} onRevoked={reload} />}
            </Show>
          </section>
        </>
      )}
    </>
  );
}

/** Only owners change or remove owners (the API refuses the rest too). */
function mayEdit(role: Role | null, member: Member): boolean {
  return managesMembers(role) && (member.role !== 'owner' || role === 'owner');
}

function workspacesText(ids: string[] | null, names: Map<string, string>): string {
  if (ids === null) return 'All';
  if (ids.length === 0) return 'None';
  return ids.map((id) => names.get(id) ?? 'a workspace you cannot see').join(', ');
}

function RoleSelect({
  id,
  role,
  value,
  onChange,
}: {
  id: string;
  role: Role | null;
  value: Role;
  onChange(role: Role): void;
}) {
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value as Role)}>
      {assignableRoles(role).map((r) => (
        <option key={r} value={r}>
          {ROLE_LABELS[r]}
        </option>
      ))}
    </select>
  );
}

/** The workspaces to share with a client, as checkboxes. */
function WorkspaceChoice({
  legend,
  workspaces,
  chosen,
  onChange,
}: {
  legend: string;
  workspaces: Workspace[];
  chosen: string[];
  onChange(ids: string[]): void;
}) {
  if (workspaces.length === 0) return <p class="muted">The organization has no workspace to share yet.</p>;
  return (
    <fieldset class="choices">
      <legend>{legend}</legend>
      {workspaces.map((w) => (
        <label key={w.id} class="radio">
          <input
            type="checkbox"
            checked={chosen.includes(w.id)}
            onChange={(e) => onChange(e.currentTarget.checked ? [...chosen, w.id] : chosen.filter((id) => id !== w.id))}
          />
          {w.name}
        </label>
      ))}
    </fieldset>
  );
}

function MemberEditor({
  member,
  role,
  organizationName,
  workspaces,
  onSaved,
  onRemoved,
  onClose,
}: {
  member: Member;
  role: Role | null;
  organizationName: string;
  workspaces: Workspace[];
  onSaved(): void;
  onRemoved(message: string): void;
  onClose(): void;
}) {
  const send = useSend();
  const action = useAction();
  const [newRole, setNewRole] = useState<Role>(member.role);
  const [shared, setShared] = useState<string[]>(member.workspaceIds ?? []);
  const [confirming, setConfirming] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const url = `/v1/members/${encodeURIComponent(member.id)}`;

  function save(event: Event) {
    event.preventDefault();
    void action.run(async () => {
      if (newRole === 'client' && shared.length === 0)
        throw new ApiError(0, 'invalid', `Choose at least one workspace to share with ${member.name}.`, null);
      const patch: { role?: Role; workspaceIds?: string[] } = {};
      if (newRole !== member.role) patch.role = newRole;
      if (newRole === 'client') patch.workspaceIds = shared;
      if (Object.keys(patch).length === 0) return 'Nothing changed.';
      await send('PATCH', url, patch);
      onSaved();
      return newRole === 'client'
        ? `Saved: ${member.name} is a client with ${shared.length} shared workspace${shared.length === 1 ? '' : 's'}.`
        : `Saved: ${member.name} is now ${ROLE_LABELS[newRole]}.`;
    });
  }

  function remove() {
    void action.run(async () => {
      await send('DELETE', url);
      onRemoved(`${member.name} was removed from ${organizationName}.`);
      return null;
    });
  }

  return (
    <section id="member-editor" class="panel" aria-labelledby="member-editor-heading">
      <h3 id="member-editor-heading" ref={heading} tabIndex={-1}>
        {member.name} <span class="muted">({member.email})</span>
      </h3>
      <form onSubmit={save} class="stacked-form" noValidate>
        <label for="member-role">Role</label>
        <RoleSelect id="member-role" role={role} value={newRole} onChange={setNewRole} />
        {newRole === 'client' && (
          <WorkspaceChoice
            legend={`Workspaces shared with ${member.name}`}
            workspaces={workspaces}
            chosen={shared}
            onChange={setShared}
          />
        )}
        <div class="buttons">
          <button type="submit" disabled={action.busy}>
            Save changes
          </button>
          <button type="button" class="secondary" onClick={onClose}>
            Close
          </button>
        </div>
      </form>
      {confirming ? (
        <div class="confirm" role="group" aria-label="Confirm removal">
          <p>
            Remove {member.name} from {organizationName}? They lose access to its workspaces at once.
          </p>
          <div class="buttons">
            <button type="button" class="danger" disabled={action.busy} onClick={remove}>
              Yes, remove {member.name}
            </button>
            <button type="button" class="secondary" onClick={() => setConfirming(false)}>
              Keep
            </button>
          </div>
        </div>
      ) : (
        <p>
          <button type="button" class="secondary danger" onClick={() => setConfirming(true)}>
            Remove from the organization
          </button>
        </p>
      )}
      <Outcome action={action} what={member.name} verb="change" />
    </section>
  );
}

function InviteForm({
  role,
  workspaces,
  onInvited,
}: {
  role: Role | null;
  workspaces: Workspace[];
  onInvited(): void;
}) {
  const send = useSend();
  const action = useAction();
  const [email, setEmail] = useState('');
  const [newRole, setNewRole] = useState<Role>('viewer');
  const [shared, setShared] = useState<string[]>([]);

  function submit(event: Event) {
    event.preventDefault();
    void action.run(async () => {
      const address = email.trim();
      if (!address) throw new ApiError(0, 'invalid', 'Enter the email address to invite.', null);
      if (newRole === 'client' && shared.length === 0)
        throw new ApiError(0, 'invalid', 'Choose at least one workspace to share with the client.', null);
      const invitation = await send<Invitation>('POST', '/v1/invitations', {
        email: address,
        role: newRole,
        ...(newRole === 'client' ? { workspaceIds: shared } : {}),
      });
      setEmail('');
      setShared([]);
      onInvited();
      return `Invitation sent to ${invitation.email} as ${ROLE_LABELS[invitation.role]}. The link works until ${formatDateTime(invitation.expiresAt)}.`;
    });
  }

  return (
    <section aria-labelledby="invite-heading">
      <h2 id="invite-heading">Invite someone</h2>
      <p class="explain">
        They receive an email with a link to create their account (or sign in, if they have one) and join. A client sees
        only the workspaces you share with them.
      </p>
      <form onSubmit={submit} class="stacked-form" noValidate aria-label="Invite someone">
        <label for="invite-email">Email</label>
        <input
          id="invite-email"
          name="email"
          type="email"
          autocomplete="off"
          value={email}
          onInput={(e) => setEmail(e.currentTarget.value)}
          required
        />
        <label for="invite-role">Role</label>
        <RoleSelect id="invite-role" role={role} value={newRole} onChange={setNewRole} />
        {newRole === 'client' && (
          <WorkspaceChoice legend="Workspaces to share" workspaces={workspaces} chosen={shared} onChange={setShared} />
        )}
        <button type="submit" disabled={action.busy}>
          {action.busy ? 'Sending…' : 'Send invitation'}
        </button>
      </form>
      <Outcome action={action} what="the invitation" verb="send" />
    </section>
  );
}

function PendingInvitations({
  list,
  names,
  onRevoked,
}: {
  list: Invitation[];
  names: Map<string, string>;
  onRevoked(): void;
}) {
  const send = useSend();
  const action = useAction();
  return (
    <>
      {list.length === 0 ? (
        <Empty>No invitation is waiting.</Empty>
      ) : (
        <TableScroll label="Pending invitations">
          <table class="data invitations">
            <thead>
              <tr>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Workspaces</th>
                <th scope="col">Sent</th>
                <th scope="col">Works until</th>
                <th scope="col">
                  <span class="visually-hidden">Revoke</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((i) => (
                <tr key={i.id} data-testid={`invitation-${i.email}`}>
                  <th scope="row">{i.email}</th>
                  <td>{ROLE_LABELS[i.role]}</td>
                  <td>{workspacesText(i.workspaceIds, names)}</td>
                  <td>{formatDateTime(i.createdAt)}</td>
                  <td>{formatDateTime(i.expiresAt)}</td>
                  <td>
                    <button
                      type="button"
                      class="secondary"
                      disabled={action.busy}
                      onClick={() =>
                        action.run(async () => {
                          await send('DELETE', `/v1/invitations/${encodeURIComponent(i.id)}`);
                          onRevoked();
                          return `The invitation of ${i.email} was revoked; its link no longer works.`;
                        })
                      }
                    >
                      Revoke<span class="visually-hidden"> the invitation of {i.email}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <Outcome action={action} what="the invitation" verb="revoke" />
    </>
  );
}
