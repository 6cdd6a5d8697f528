/**
 * Provider credentials: the organization's own keys for the model providers, used by its runs
 * instead of the deployment's. Set, replace or remove one per provider; a stored key is never
 * shown back — only its last characters (hint), so it can be recognised. Which key runs use now
 * (the organization's, the deployment's, none) comes from GET /v1/providers. Owners and admins only.
 */
import { useState } from 'preact/hooks';
import { apiGet } from '../api/client.js';
import type { ProviderCredential, Providers } from '../api/types.js';
import { useConfirm } from '../components/confirm.js';
import { Form, TextField, useForm } from '../components/form.js';
import { Empty, ErrorMessage, Show } from '../components/status.js';
import { useAbilities } from '../lib/abilities.js';
import { formatDateTime } from '../lib/format.js';
import { useAction, useLoad, useSend } from '../lib/use-api.js';

type Provider = Providers['providers'][number];
/**
 * Captured through a vendor: a DataForSEO login and password, and/or the other vendor's key
 * (SerpApi for Google's results pages, Bright Data for the ChatGPT app), named here.
 */
const LOGIN_PROVIDERS: Record<string, string> = { google_ai_overview: 'SerpApi key', assistant_app: 'Bright Data key' };

const KEY_SOURCES: Record<string, string> = {
  organization: 'Runs use your organization’s key.',
  deployment: 'Runs use this deployment’s key.',
  none: 'No key: runs with this provider fail until one is set.',
};

export function CredentialsPage() {
  const { canAdmin } = useAbilities();
  const [refresh, setRefresh] = useState(0);
  const data = useLoad(
    canAdmin
      ? async (auth, signal) => {
          const [providers, stored] = await Promise.all([
            apiGet<Providers>(auth, '/v1/providers', signal),
            apiGet<{ data: ProviderCredential[] }>(auth, '/v1/provider-credentials', signal),
          ]);
          return { providers: providers.providers.filter((p) => p.organizationKeys), stored: stored.data };
        }
      : null,
    [canAdmin],
    refresh,
  );
  if (!canAdmin) return <p class="empty">Only owners and admins manage the organization's provider keys.</p>;
  return (
    <>
      <p class="explain">
        Your organization's own keys for the assistants' APIs: runs use them instead of this deployment's, and their
        cost is billed to you by the provider. A stored key is never shown again, only its last characters.
      </p>
      <Show value={data} what="provider keys">
        {({ providers, stored }) =>
          providers.length === 0 ? (
            <Empty>This deployment lets no provider take an organization's own key.</Empty>
          ) : (
            <div class="credential-list">
              {providers.map((p) => (
                <ProviderKey
                  key={p.name}
                  provider={p}
                  stored={stored.find((c) => c.provider === p.name) ?? null}
                  onChanged={() => setRefresh((n) => n + 1)}
                />
              ))}
            </div>
          )
        }
      </Show>
    </>
  );
}

interface KeyValues {
  [name: string]: unknown;
  apiKey: string;
  login: string;
  password: string;
}
const EMPTY: KeyValues = { apiKey: '', login: '', password: '' };

function ProviderKey({
  provider,
  stored,
  onChanged,
}: {
  provider: Provider;
  stored: ProviderCredential | null;
  onChanged(): void;
}) {
  const send = useSend();
  const confirm = useConfirm();
  const action = useAction();
  const form = useForm<KeyValues>(EMPTY);
  const [open, setOpen] = useState(false);
  const headingId = `credential-${provider.name}`;
  const keyLabel = LOGIN_PROVIDERS[provider.name];
  const logins = keyLabel !== undefined;

  async function remove() {
    if (!stored) return;
    const yes = await confirm.ask({
      title: `Remove your ${provider.label} key?`,
      lost: (
        <p>
          The key ending {stored.hint} is deleted. Runs then use{' '}
          {provider.keySource === 'organization'
            ? 'this deployment’s key if it has one, and fail with this provider if it has none'
            : 'this deployment’s key'}
          .
        </p>
      ),
      confirmLabel: 'Remove key',
    });
    if (!yes) return;
    await action.run(async () => {
      await send('DELETE', `/v1/provider-credentials/${provider.name}`);
      onChanged();
      return `Removed the ${provider.label} key.`;
    });
  }

  return (
    <section class="panel credential" aria-labelledby={headingId} data-testid={`credential-${provider.name}`}>
      <h2 id={headingId}>{provider.label}</h2>
      <p data-testid={`credential-state-${provider.name}`}>
        {stored ? (
          <>
            Your key ending <code>{stored.hint}</code>, set {formatDateTime(stored.updatedAt)}.
          </>
        ) : (
          'No key of your own.'
        )}{' '}
        {provider.keySource ? KEY_SOURCES[provider.keySource] : ''}
      </p>
      {!open && (
        <div class="buttons">
          <button type="button" class="secondary" onClick={() => setOpen(true)}>
            {stored ? 'Replace key' : 'Set key'}
            <span class="visually-hidden"> for {provider.label}</span>
          </button>
          {stored && (
            <button type="button" class="secondary danger" onClick={remove}>
              Remove key<span class="visually-hidden"> for {provider.label}</span>
            </button>
          )}
        </div>
      )}
      {open && (
        <Form
          form={form}
          what={`the ${provider.label} key`}
          submitLabel={stored ? 'Replace key' : 'Save key'}
          label={`${provider.label} key`}
          onSubmit={async (v) => {
            // A vendor provider may take both (one per vendor): whatever is filled in is sent.
            const login = logins && v.login.trim() !== '' ? { login: v.login.trim(), password: v.password } : {};
            const key = !logins || v.apiKey.trim() !== '' || !login.login ? { apiKey: v.apiKey.trim() } : {};
            const body = { ...key, ...login };
            const saved = await send<ProviderCredential>('PUT', `/v1/provider-credentials/${provider.name}`, body);
            setOpen(false);
            onChanged();
            // The key leaves the form as soon as it is stored: what is shown is the API's hint.
            return { values: EMPTY, done: `Saved: the ${provider.label} key ending ${saved.hint}.` };
          }}
          buttons={
            <button type="button" class="secondary" onClick={() => setOpen(false)}>
              Cancel
            </button>
          }
        >
          <TextField
            form={form}
            name="apiKey"
            type={'password' as 'text'}
            label={keyLabel ?? 'API key'}
            autoComplete="off"
            description={logins ? 'And/or a DataForSEO login and password below.' : undefined}
          />
          {logins && (
            <>
              <TextField form={form} name="login" label="DataForSEO login" autoComplete="off" />
              <TextField
                form={form}
                name="password"
                type={'password' as 'text'}
                label="DataForSEO password"
                autoComplete="off"
              />
            </>
          )}
        </Form>
      )}
      <div aria-live="polite">
        {(action.done || form.done) && (
          <p class="done" role="status">
            {action.done ?? form.done}
          </p>
        )}
        {action.error && <ErrorMessage error={action.error} what={`the ${provider.label} key`} verb="remove" />}
      </div>
      {confirm.dialog}
    </section>
  );
}
