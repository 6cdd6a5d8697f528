/**
 * The organization's API keys: create one with its scopes, an optional expiry and, optionally,
 * the only workspaces it opens; the whole key is shown once, with a copy button and a warning;
 * revoke with confirmation. Only owners and admins (and admin keys) manage keys: the page is not
 * offered to others, and the API refuses them anyway.
 */
import { useState } from 'preact/hooks';
import { apiListAll } from '../api/client.js';
import type { ApiKey, ApiKeyCreated, Workspace } from '../api/types.js';
import { ChoicesField } from '../components/choices-field.js';
import { useConfirm } from '../components/confirm.js';
import { DownloadCsv } from '../components/csv-download.js';
import { CheckboxField, Form, TextField, useForm } from '../components/form.js';
import { Pager, usePagedList } from '../components/paged-list.js';
import { SecretOnce } from '../components/secret-once.js';
import { Empty, ErrorMessage, Show, TableScroll } from '../components/status.js';
import { useAbilities } from '../lib/abilities.js';
import { formatDateTime } from '../lib/format.js';
import { useTableRef } from '../lib/table-ref.js';
import { useAction, useLoad, useSend } from '../lib/use-api.js';

const SCOPES = [
  { value: 'read', label: 'read', hint: 'reports, answers and exports' },
  { value: 'write', label: 'write', hint: 'also changes workspaces: brands, prompts, audits, runs' },
  { value: 'admin', label: 'admin', hint: 'also API keys, members and provider credentials' },
];

interface KeyValues {
  [name: string]: unknown;
  name: string;
  scopes: string[];
  expiresAt: string;
  limited: boolean;
  workspaceIds: string[];
}

const EMPTY: KeyValues = { name: '', scopes: ['read'], expiresAt: '', limited: false, workspaceIds: [] };

export function ApiKeysPage() {
  const { canAdmin } = useAbilities();
  const [refresh, setRefresh] = useState(0);
  const [includeRevoked, setIncludeRevoked] = useState(false);
  const list = usePagedList<ApiKey>(canAdmin ? '/v1/api-keys' : null, { includeRevoked }, refresh);
  const workspaces = useLoad(
    canAdmin ? (auth, signal) => apiListAll<Workspace>(auth, '/v1/workspaces', {}, signal) : null,
    [canAdmin],
  );
  const [created, setCreated] = useState<ApiKeyCreated | null>(null);
  const send = useSend();
  const confirm = useConfirm();
  const action = useAction();
  const table = useTableRef();
  const form = useForm<KeyValues>(EMPTY);

  if (!canAdmin)
    return (
      <p class="empty">
        Only owners and admins manage API keys. Ask one of them for a key, or for the role if you need to manage them.
      </p>
    );

  const workspaceName = (id: string) =>
    (workspaces.state === 'ok' ? workspaces.data.find((w) => w.id === id)?.name : null) ?? id;

  async function revoke(k: ApiKey) {
    const yes = await confirm.ask({
      title: `Revoke the key “${k.name}”?`,
      lost: (
        <>
          <p>
            Every program using the key {k.prefix}… is refused from now on. This cannot be undone: a new key would have
            to be created and given to them.
          </p>
          <p>Its record stays in this list (with revoked keys shown) and in the audit log.</p>
        </>
      ),
      confirmLabel: 'Revoke key',
    });
    if (!yes) return;
    await action.run(async () => {
      await send('DELETE', `/v1/api-keys/${k.id}`);
      setRefresh((n) => n + 1);
      return `Revoked the key “${k.name}” (${k.prefix}…).`;
    });
  }

  return (
    <>
      <section class="panel" aria-labelledby="key-form-heading">
        <h2 id="key-form-heading">Create an API key</h2>
        <Form
          form={form}
          what="the API key"
          submitLabel="Create key"
          busyLabel="Creating…"
          onSubmit={async (v) => {
            const key = await send<ApiKeyCreated>('POST', '/v1/api-keys', {
              name: v.name.trim(),
              scopes: v.scopes,
              expiresAt: v.expiresAt ? `${v.expiresAt}T00:00:00Z` : null,
              workspaceIds: v.limited ? v.workspaceIds : undefined,
            });
            setCreated(key);
            setRefresh((n) => n + 1);
            return {
              values: EMPTY,
              done: `Created the key “${key.name}” (${key.prefix}…, ${key.scopes.join(', ')}${
                key.workspaceIds ? `, ${key.workspaceIds.map(workspaceName).join(', ')} only` : ', every workspace'
              }${key.expiresAt ? `, expires ${formatDateTime(key.expiresAt)}` : ''}).`,
            };
          }}
        >
          <TextField form={form} name="name" label="Name" description="Who or what uses it: “Reporting pipeline”." />
          <ChoicesField
            form={form}
            name="scopes"
            legend="Scopes"
            description="admin includes write, and write includes read."
            choices={SCOPES}
          />
          <TextField
            form={form}
            name="expiresAt"
            type={'date' as 'text'}
            label="Expires on (optional)"
            description="The key stops working at the start of this day (UTC). Leave empty for a key that does not expire."
          />
          <CheckboxField
            form={form}
            name="limited"
            label="Only some workspaces"
            description="A limited key opens only the workspaces chosen below (a client's portal, say), and no organization-wide page."
          />
          {form.values.limited && (
            <ChoicesField
              form={form}
              name="workspaceIds"
              legend="Workspaces the key opens"
              choices={workspaces.state === 'ok' ? workspaces.data.map((w) => ({ value: w.id, label: w.name })) : []}
            />
          )}
        </Form>
      </section>
      {created && (
        <SecretOnce
          label="API key"
          secret={created.key}
          warning={`Copy the key “${created.name}” now and keep it in a password manager or your program's secret store: Citewatch keeps only a hash and cannot show it again. If it is lost, revoke it and create another.`}
          onDismiss={() => setCreated(null)}
        />
      )}
      <div aria-live="polite">
        {action.done && (
          <p class="done" role="status">
            {action.done}
          </p>
        )}
        {action.error && <ErrorMessage error={action.error} what="the key" verb="revoke" />}
      </div>
      <section aria-labelledby="keys-heading">
        <h2 id="keys-heading">Keys</h2>
        <label class="radio">
          <input
            type="checkbox"
            checked={includeRevoked}
            onChange={(e) => setIncludeRevoked(e.currentTarget.checked)}
          />
          Show revoked keys
        </label>
        <Show value={list.page} what="API keys">
          {(page) =>
            page.data.length === 0 && !list.hasPrevious ? (
              <Empty>No API key yet.</Empty>
            ) : (
              <>
                <div class="table-tools">
                  <DownloadCsv name="API keys" tableRef={table} />
                </div>
                <TableScroll label="API keys">
                  <table class="data" ref={table}>
                    <thead>
                      <tr>
                        <th scope="col">Name</th>
                        <th scope="col">Key starts with</th>
                        <th scope="col">Scopes</th>
                        <th scope="col">Workspaces</th>
                        <th scope="col">Expires</th>
                        <th scope="col">Last used</th>
                        <th scope="col">Created</th>
                        <th scope="col" data-csv-skip>
                          Actions
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {page.data.map((k) => (
                        <tr key={k.id} data-testid={`api-key-${k.id}`}>
                          <th scope="row">{k.name}</th>
                          <td>
                            <code>{k.prefix}…</code>
                          </td>
                          <td>{k.scopes.join(', ')}</td>
                          <td>{k.workspaceIds ? k.workspaceIds.map(workspaceName).join(', ') : 'Every workspace'}</td>
                          <td>{k.expiresAt ? formatDateTime(k.expiresAt) : 'Never'}</td>
                          <td>{formatDateTime(k.lastUsedAt)}</td>
                          <td>{formatDateTime(k.createdAt)}</td>
                          <td>
                            {k.revokedAt ? (
                              <span>Revoked {formatDateTime(k.revokedAt)}</span>
                            ) : (
                              <button type="button" class="secondary danger" onClick={() => revoke(k)}>
                                Revoke<span class="visually-hidden"> {k.name}</span>
                              </button>
                            )}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableScroll>
                <Pager list={list} label="API keys" />
              </>
            )
          }
        </Show>
      </section>
      {confirm.dialog}
    </>
  );
}
