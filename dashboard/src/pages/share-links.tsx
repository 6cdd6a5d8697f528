/**
 * A workspace's share links: create one (name, expiry, optional period, assistants and tags), see
 * its address once, list links with their openings, and revoke one after confirming.
 */
import { useState } from 'preact/hooks';
import { useConfirm } from '../components/confirm.js';
import { Form, TextField, listOf, useForm } from '../components/form.js';
import { Pager, usePagedList } from '../components/paged-list.js';
import { Empty, Show, TableScroll } from '../components/status.js';
import { useWorkspace } from '../components/workspace.js';
import { useAbilities } from '../lib/abilities.js';
import { useAction, useSend } from '../lib/use-api.js';

interface ShareLink {
  id: string;
  name: string;
  locks: { from: string | null; to: string | null; providers: string[] | null; tags: string[] | null };
  expiresAt: string;
  revokedAt: string | null;
  status: 'active' | 'expired' | 'revoked';
  createdAt: string;
  openingCount: number;
  lastOpenedAt: string | null;
  recentOpenings: Array<{ openedAt: string; addressClass: string; what: string }>;
}
type Values = { name: string; expiresAt: string; from: string; to: string; providers: string; tags: string };

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const dayStart = (day: string) => (day ? `${day}T00:00:00Z` : undefined);
const when = (iso: string) => new Date(iso).toISOString().replace('T', ' ').slice(0, 16);

export function ShareLinksPage() {
  const { workspace } = useWorkspace();
  const abilities = useAbilities();
  const send = useSend();
  const confirm = useConfirm();
  const revoke = useAction();
  const [refresh, setRefresh] = useState(0);
  const [created, setCreated] = useState<{ name: string; url: string } | null>(null);
  const base = `/v1/workspaces/${workspace.id}/share-links`;
  const list = usePagedList<ShareLink>(base, {}, refresh);
  const initial: Values = {
    name: '',
    expiresAt: isoDay(new Date(Date.now() + 30 * 86_400_000)),
    from: '',
    to: '',
    providers: '',
    tags: '',
  };
  const form = useForm<Values>(initial);
  return (
    <>
      <p class="explain">
        A share link opens this workspace's reports, read-only, to anyone who has it, without an account, until it
        expires or is revoked. It shows your organization's branding. Lock it to a period, assistants or prompt tags to
        show only those.
      </p>
      {abilities.canEdit && (
        <section aria-labelledby="new-link">
          <h2 id="new-link">New share link</h2>
          <Form
            form={form}
            what="the share link"
            submitLabel="Create share link"
            busyLabel="Creating…"
            guard={false}
            onSubmit={async (v) => {
              const body = {
                name: v.name,
                expiresAt: v.expiresAt ? `${v.expiresAt}T23:59:59Z` : '',
                from: dayStart(v.from),
                to: dayStart(v.to),
                providers: v.providers.trim() ? listOf(v.providers) : undefined,
                tags: v.tags.trim() ? listOf(v.tags) : undefined,
              };
              const link = await send<{ name: string; url: string }>('POST', base, body);
              setCreated({ name: link.name, url: link.url });
              setRefresh((n) => n + 1);
              return { values: initial, done: `Created the share link ${link.name}.` };
            }}
          >
            <TextField
              form={form}
              name="name"
              label="Name"
              description="Who or what it is for, e.g. Nimbus, Q4 review."
            />
            <TextField
              form={form}
              name="expiresAt"
              label="Expires on (YYYY-MM-DD)"
              description="The link stops working at the end of this day (UTC); at most a year ahead."
            />
            <TextField form={form} name="from" label="Period from (optional, YYYY-MM-DD)" />
            <TextField form={form} name="to" label="Period to, excluded (optional, YYYY-MM-DD)" />
            <TextField
              form={form}
              name="providers"
              label="Assistants (optional)"
              description="Providers to show, separated by commas (e.g. openai, anthropic); empty: all."
            />
            <TextField
              form={form}
              name="tags"
              label="Prompt tags (optional)"
              description="Tags to show, separated by commas; empty: all prompts."
            />
          </Form>
          {created && (
            <div class="notice" role="status" data-testid="created-link">
              <p>
                <strong>Copy the address of {created.name} now:</strong> it is shown only once.
              </p>
              <label for="created-url">Share link address</label>
              <input
                id="created-url"
                type="text"
                readOnly
                value={created.url}
                onFocus={(e) => e.currentTarget.select()}
              />
              <button
                type="button"
                class="secondary"
                onClick={() => void navigator.clipboard?.writeText(created.url).catch(() => {})}
              >
                Copy the address
              </button>
            </div>
          )}
        </section>
      )}
      <section aria-labelledby="links-heading">
        <h2 id="links-heading">Share links</h2>
        {revoke.error && (
          <p class="error" role="alert">
            Could not revoke the link: {revoke.error.message}
          </p>
        )}
        {revoke.done && <p role="status">{revoke.done}</p>}
        <Show value={list.page} what="the share links">
          {(page) =>
            page.data.length === 0 ? (
              <Empty>No share link yet.</Empty>
            ) : (
              <TableScroll label="Share links">
                <table data-testid="share-links">
                  <thead>
                    <tr>
                      <th scope="col">Name</th>
                      <th scope="col">Status</th>
                      <th scope="col">Shows</th>
                      <th scope="col">Expires</th>
                      <th scope="col">Openings</th>
                      <th scope="col">
                        <span class="visually-hidden">Actions</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.data.map((l) => (
                      <tr key={l.id} data-link={l.name}>
                        <th scope="row">{l.name}</th>
                        <td data-col="status">{l.status}</td>
                        <td>
                          {[
                            l.locks.from || l.locks.to
                              ? `${l.locks.from?.slice(0, 10) ?? 'start'} to ${l.locks.to?.slice(0, 10) ?? 'now'}`
                              : 'every period',
                            l.locks.providers ? l.locks.providers.join(', ') : 'every assistant',
                            l.locks.tags ? `tags ${l.locks.tags.join(', ')}` : 'every prompt',
                          ].join('; ')}
                        </td>
                        <td>{when(l.expiresAt)}</td>
                        <td data-col="openings">
                          {l.openingCount}
                          {l.recentOpenings.length > 0 && (
                            <details>
                              <summary>Latest openings</summary>
                              <ul>
                                {l.recentOpenings.map((o) => (
                                  <li key={`${o.openedAt}${o.what}`}>
                                    {when(o.openedAt)}: {o.what} from {o.addressClass}
                                  </li>
                                ))}
                              </ul>
                            </details>
                          )}
                        </td>
                        <td>
                          {abilities.canEdit && l.status === 'active' && (
                            <button
                              type="button"
                              class="danger"
                              disabled={revoke.busy}
                              onClick={async () => {
                                const yes = await confirm.ask({
                                  title: `Revoke ${l.name}?`,
                                  lost: (
                                    <p>
                                      Whoever has this link can no longer open the reports, at once. The link stays
                                      listed with its openings; it cannot be turned back on.
                                    </p>
                                  ),
                                  confirmLabel: 'Revoke the link',
                                });
                                if (!yes) return;
                                await revoke.run(async () => {
                                  await send('DELETE', `${base}/${l.id}`);
                                  setRefresh((n) => n + 1);
                                  return `Revoked ${l.name}.`;
                                });
                              }}
                            >
                              Revoke<span class="visually-hidden"> {l.name}</span>
                            </button>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            )
          }
        </Show>
        <Pager list={list} label="Share links" />
      </section>
      {confirm.dialog}
    </>
  );
}
