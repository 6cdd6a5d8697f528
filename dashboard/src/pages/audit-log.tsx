/**
 * #/audit-log (owners and admins): who did what in the organization, newest first: sign-ins,
 * members and invitations, API keys, workspace changes. Filtered by action and by who acted (kept
 * in the address, so a filtered view can be shared); "Load more" reads the next page.
 */
import { useState } from 'preact/hooks';
import { type ApiError, apiGet, apiListAll, buildUrl, type Query } from '../api/client.js';
import type { AuditEvent, Member, Page, Workspace } from '../api/types.js';
import { Empty, ErrorMessage, Show, TableScroll } from '../components/status.js';
import { formatDateTime, shortId } from '../lib/format.js';
import { managesMembers } from '../lib/person.js';
import { type Route, setParams } from '../lib/router.js';
import { toApiError, useApi, useApiSession, useLoad } from '../lib/use-api.js';

const PAGE_SIZE = 50;
const ACTOR_TYPES: Record<string, string> = { api_key: 'API key', user: 'Person', platform: 'Platform operator' };

export function AuditLogPage({ route }: { route: Route }) {
  const session = useApiSession();
  const role = session.person?.organization?.role ?? null;
  const allowed = managesMembers(role);
  const members = useLoad(allowed ? (auth, signal) => apiListAll<Member>(auth, '/v1/members', {}, signal) : null, [
    allowed,
  ]);
  const workspaces = useLoad(
    allowed ? (auth, signal) => apiListAll<Workspace>(auth, '/v1/workspaces', {}, signal) : null,
    [allowed],
  );
  if (!allowed) return <Empty>The audit log is for the organization's owners and admins.</Empty>;

  const action = route.params.get('action') ?? '';
  const actor = route.params.get('actor') ?? '';
  const [actorType = '', actorId = ''] = actor.split(':', 2);
  const query: Query = { action: action || null, actorType: actorType || null, actorId: actorId || null };
  const people = members.state === 'ok' ? members.data : [];
  const names = new Map(workspaces.state === 'ok' ? workspaces.data.map((w) => [w.id, w.name]) : []);

  return (
    <>
      <p class="explain">
        Who did what in {session.person?.organization?.name}, newest first. Each entry keeps the address it came from
        and the request id, to match it with the API's logs.
      </p>
      <form
        class="filters"
        aria-label="Filter the audit log"
        onSubmit={(e) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          setParams(route, { action: String(data.get('action') ?? '').trim() || null });
        }}
      >
        <label>
          Action
          <input
            type="text"
            name="action"
            defaultValue={action}
            key={action}
            spellcheck={false}
            aria-describedby="action-help"
          />
          <span id="action-help" class="muted hint">
            member.update, or member. for every member action
          </span>
        </label>
        <label>
          Who
          <select value={actor} onChange={(e) => setParams(route, { actor: e.currentTarget.value || null })}>
            <option value="">Anyone</option>
            <option value="api_key">Any API key</option>
            <option value="platform">The platform operator</option>
            {people.map((m) => (
              <option key={m.userId} value={`user:${m.userId}`}>
                {m.name} ({m.email})
              </option>
            ))}
          </select>
        </label>
        <button type="submit" class="secondary">
          Filter
        </button>
      </form>
      <Events key={JSON.stringify(query)} query={query} names={names} />
    </>
  );
}

function Events({ query, names }: { query: Query; names: Map<string, string> }) {
  const session = useApiSession();
  const first = useApi<Page<AuditEvent>>(buildUrl('/v1/audit-log', { ...query, limit: PAGE_SIZE }));
  const [more, setMore] = useState<{ events: AuditEvent[]; cursor: string | null; error: ApiError | null }>({
    events: [],
    cursor: null,
    error: null,
  });
  const cursor = more.cursor ?? (first.state === 'ok' && more.events.length === 0 ? first.data.nextCursor : null);

  async function loadMore() {
    if (!cursor) return;
    try {
      const page = await apiGet<Page<AuditEvent>>(
        session.credentials,
        buildUrl('/v1/audit-log', { ...query, limit: PAGE_SIZE, cursor }),
      );
      setMore((m) => ({ events: [...m.events, ...page.data], cursor: page.nextCursor, error: null }));
    } catch (err) {
      const error = toApiError(err);
      if (error.status === 401) session.onUnauthorized(error);
      setMore((m) => ({ ...m, error }));
    }
  }

  return (
    <Show value={first} what="the audit log">
      {(page) => {
        const seen = new Set<string>();
        const events = [...page.data, ...more.events].filter((e) => !seen.has(e.id) && seen.add(e.id));
        if (events.length === 0) return <Empty>Nothing recorded matches these filters.</Empty>;
        return (
          <>
            <TableScroll label="Audit log">
              <table class="data audit-log">
                <thead>
                  <tr>
                    <th scope="col">When</th>
                    <th scope="col">Who</th>
                    <th scope="col">Action</th>
                    <th scope="col">Workspace</th>
                    <th scope="col">Target</th>
                    <th scope="col">Details</th>
                    <th scope="col">Address</th>
                  </tr>
                </thead>
                <tbody>
                  {events.map((e) => (
                    <tr key={e.id} data-testid={`audit-${e.id}`}>
                      <th scope="row">{formatDateTime(e.createdAt)}</th>
                      <td>
                        {e.actor.label ?? (e.actor.id ? shortId(e.actor.id) : '—')}
                        <span class="muted run-meta">{ACTOR_TYPES[e.actor.type] ?? e.actor.type}</span>
                      </td>
                      <td>
                        <code>{e.action}</code>
                      </td>
                      <td>{e.workspaceId ? (names.get(e.workspaceId) ?? shortId(e.workspaceId)) : '—'}</td>
                      <td>{e.target ? `${e.target.type}${e.target.id ? ` ${shortId(e.target.id)}` : ''}` : '—'}</td>
                      <td class="details">{detailsText(e.details)}</td>
                      <td>
                        {e.ip ?? '—'}
                        {e.requestId && (
                          <span class="muted run-meta" title="Request id">
                            {e.requestId}
                          </span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
            {cursor && (
              <button type="button" class="secondary" onClick={loadMore}>
                Load more
              </button>
            )}
            {more.error && <ErrorMessage error={more.error} what="more entries" />}
          </>
        );
      }}
    </Show>
  );
}

/** Details as text (never markup): "field: value" pairs, nested values as JSON. */
function detailsText(details: unknown): string {
  if (details === null || details === undefined) return '—';
  if (typeof details !== 'object') return String(details);
  const entries = Object.entries(details as Record<string, unknown>);
  if (entries.length === 0) return '—';
  return entries.map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`).join('; ');
}
