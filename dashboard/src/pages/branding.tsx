/**
 * The organization's white label (owners and admins): display name, colours, email sender name,
 * and the logo (PNG or JPEG, checked and re-encoded by the API), with a preview of the header a
 * shared report shows.
 */
import { useState } from 'preact/hooks';
import { Form, TextField, useForm } from '../components/form.js';
import { Show } from '../components/status.js';
import { useApi, useApiSession, useSend, useAction } from '../lib/use-api.js';
import { apiSend } from '../api/client.js';
import './shared.css';

interface Branding {
  organizationId: string;
  displayName: string | null;
  primaryColor: string | null;
  accentColor: string | null;
  emailSenderName: string | null;
  logo: { contentType: string; width: number; height: number; bytes: number; updatedAt: string } | null;
}
type Values = { displayName: string; primaryColor: string; accentColor: string; emailSenderName: string };

const valuesOf = (b: Branding): Values => ({
  displayName: b.displayName ?? '',
  primaryColor: b.primaryColor ?? '',
  accentColor: b.accentColor ?? '',
  emailSenderName: b.emailSenderName ?? '',
});

export function BrandingPage() {
  const { person } = useApiSession();
  const organizationId = person?.organization?.id ?? null;
  const [version, setVersion] = useState(0);
  const branding = useApi<Branding>(organizationId ? `/v1/organizations/${organizationId}/branding` : null, version);
  if (!organizationId) return <p class="empty">Choose an organization first.</p>;
  return (
    <Show value={branding} what="the branding">
      {(b) => (
        <BrandingForms
          branding={b}
          organizationName={person?.organization?.name ?? ''}
          onLogo={() => setVersion((n) => n + 1)}
        />
      )}
    </Show>
  );
}

function BrandingForms({
  branding,
  organizationName,
  onLogo,
}: {
  branding: Branding;
  organizationName: string;
  onLogo(): void;
}) {
  const send = useSend();
  const session = useApiSession();
  const form = useForm<Values>(valuesOf(branding));
  const upload = useAction();
  const url = `/v1/organizations/${branding.organizationId}/branding`;
  const v = form.values;
  const valid = (c: string) => (/^#[0-9a-fA-F]{6}$/.test(c) ? c : undefined);
  return (
    <>
      <p class="explain">
        Share links, PDF reports and emails about this organization show this name, these colours and this logo instead
        of Citewatch's.
      </p>
      <Form
        form={form}
        what="the branding"
        submitLabel="Save branding"
        onSubmit={async (values) => {
          const body = Object.fromEntries(
            Object.entries(values).map(([k, val]) => [k, val.trim() === '' ? null : val]),
          );
          const saved = await send<Branding>('PATCH', url, body);
          return { values: valuesOf(saved), done: 'Saved the branding.' };
        }}
      >
        <TextField
          form={form}
          name="displayName"
          label="Display name"
          description={`Shown instead of the organization name; empty: ${organizationName}.`}
        />
        <TextField
          form={form}
          name="primaryColor"
          label="Primary colour"
          description="As #rrggbb, e.g. #0b3d91: the header of shared reports and emails."
        />
        <TextField
          form={form}
          name="accentColor"
          label="Accent colour"
          description="As #rrggbb: buttons, links and highlights."
        />
        <TextField
          form={form}
          name="emailSenderName"
          label="Email sender name"
          description="The name in the From: of emails about this organization; the address stays the deployment's."
        />
      </Form>

      <section aria-labelledby="logo-heading">
        <h2 id="logo-heading">Logo</h2>
        <p class="muted">
          PNG or JPEG, at most 512 KB and 2048 pixels a side. It is checked and re-encoded before it is used.
        </p>
        {branding.logo ? (
          <p>
            Current logo: {branding.logo.width}×{branding.logo.height} {branding.logo.contentType.replace('image/', '')}
            .
          </p>
        ) : (
          <p>No logo yet.</p>
        )}
        <div class="field">
          <label for="logo-file">Logo file</label>
          <input
            id="logo-file"
            type="file"
            accept="image/png,image/jpeg"
            aria-describedby={upload.error ? 'logo-error' : undefined}
            aria-invalid={upload.error ? 'true' : undefined}
            disabled={upload.busy}
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (!file) return;
              void upload.run(async () => {
                const res = await fetch(`${url}/logo`, {
                  method: 'PUT',
                  credentials: 'same-origin',
                  headers: {
                    'content-type': file.type || 'application/octet-stream',
                    ...(session.credentials.mode === 'session'
                      ? {
                          'x-csrf-token': session.credentials.csrfToken,
                          ...(session.credentials.organizationId
                            ? { 'x-organization-id': session.credentials.organizationId }
                            : {}),
                        }
                      : { authorization: `Bearer ${session.credentials.key}` }),
                  },
                  body: file,
                });
                if (!res.ok) {
                  const problem = (await res.json().catch(() => null)) as { detail?: string } | null;
                  throw new Error(problem?.detail ?? `The upload failed (${res.status}).`);
                }
                onLogo();
                return 'Saved the logo.';
              });
            }}
          />
          {upload.error && (
            <p id="logo-error" class="field-error" role="alert">
              {upload.error.message}
            </p>
          )}
          {upload.done && <p role="status">{upload.done}</p>}
        </div>
        {branding.logo && (
          <button
            type="button"
            class="secondary"
            disabled={upload.busy}
            onClick={() =>
              void upload.run(async () => {
                await apiSend(session.credentials, 'DELETE', `${url}/logo`);
                onLogo();
                return 'Removed the logo.';
              })
            }
          >
            Remove the logo
          </button>
        )}
      </section>

      <section aria-labelledby="preview-heading">
        <h2 id="preview-heading">Preview</h2>
        <div
          class="branding-preview"
          data-testid="branding-preview"
          style={{
            '--brand-primary': valid(v.primaryColor) ?? '#1d4ed8',
            '--brand-accent': valid(v.accentColor) ?? '#0f766e',
          }}
        >
          <div class="shared-header">
            {branding.logo && (
              <img
                class="shared-logo"
                src={`${url}/logo?v=${encodeURIComponent(branding.logo.updatedAt)}`}
                alt="Logo preview"
              />
            )}
            <p class="shared-by">{v.displayName.trim() || organizationName}</p>
          </div>
          <div class="shared-page">
            <p class="preview-heading">How a shared report's header and sections look</p>
          </div>
        </div>
      </section>
    </>
  );
}
