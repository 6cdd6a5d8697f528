/**
 * #/organization: the organization's own settings, for owners and admins (and admin keys): its
 * name, and who may join through single sign-on — the email domain it claims and the role people
 * of that domain get at their first sign-on. The API decides who may change them; the page only
 * shows what it answered.
 */
import { apiGet } from '../api/client.js';
import type { Organization } from '../api/types.js';
import { Form, SelectField, TextField, useForm } from '../components/form.js';
import { Show } from '../components/status.js';
import { useAbilities } from '../lib/abilities.js';
import { useLoad, useSend } from '../lib/use-api.js';
import { RoleNote } from './manage/common.js';

type Values = { name: string; ssoDomain: string; ssoDefaultRole: string };

const ROLE_OPTIONS = [
  { value: '', label: 'None: people of the domain need an invitation' },
  { value: 'viewer', label: 'Viewer' },
  { value: 'editor', label: 'Editor' },
  { value: 'admin', label: 'Admin' },
];

const valuesOf = (o: Organization): Values => ({
  name: o.name,
  ssoDomain: o.ssoDomain ?? '',
  ssoDefaultRole: o.ssoDefaultRole ?? '',
});

export function OrganizationSettingsPage() {
  const abilities = useAbilities();
  // The list holds exactly the caller's organization: a key's own, or the one a person is in.
  const organization = useLoad(
    (auth, signal) =>
      apiGet<{ data: Organization[] }>(auth, '/v1/organizations', signal).then((page) => page.data[0] ?? null),
    [],
  );
  return (
    <>
      <p class="explain">
        The organization's name, and who may join it through single sign-on. Members and invitations are on the Members
        page.
      </p>
      <RoleNote abilities={{ ...abilities, canEdit: abilities.canAdmin }} what="the organization's settings" />
      <Show value={organization} what="the organization">
        {(o) =>
          o ? (
            <OrganizationForm organization={o} readOnly={!abilities.canAdmin} />
          ) : (
            <p class="empty">No organization is reachable with these credentials.</p>
          )
        }
      </Show>
    </>
  );
}

function OrganizationForm({ organization, readOnly }: { organization: Organization; readOnly: boolean }) {
  const send = useSend();
  const form = useForm<Values>(valuesOf(organization));
  if (readOnly) {
    return (
      <dl class="meta">
        <dt>Name</dt>
        <dd>{organization.name}</dd>
        <dt>Single sign-on domain</dt>
        <dd>{organization.ssoDomain ?? 'None'}</dd>
        <dt>Role at first sign-on</dt>
        <dd>{organization.ssoDefaultRole ?? 'None: an invitation is needed'}</dd>
      </dl>
    );
  }
  return (
    <Form
      form={form}
      what="the organization"
      submitLabel="Save settings"
      onSubmit={async (values) => {
        const saved = await send<Organization>('PATCH', `/v1/organizations/${encodeURIComponent(organization.id)}`, {
          name: values.name,
          // Empty fields clear the setting: the API takes null for "none".
          ssoDomain: values.ssoDomain.trim() === '' ? null : values.ssoDomain.trim(),
          ssoDefaultRole: values.ssoDefaultRole === '' ? null : values.ssoDefaultRole,
        });
        return {
          values: valuesOf(saved),
          done: `Saved: ${saved.name}; single sign-on ${
            saved.ssoDomain
              ? `for ${saved.ssoDomain}, ${saved.ssoDefaultRole ? `joining as ${saved.ssoDefaultRole}` : 'by invitation only'}`
              : 'admits nobody by domain'
          }.`,
        };
      }}
    >
      <TextField form={form} name="name" label="Name" description="Shown to members and on what you hand clients." />
      <TextField
        form={form}
        name="ssoDomain"
        label="Single sign-on domain"
        placeholder="acme.com"
        description="The email domain of your people. One organization per domain; open mail services are refused. Empty: nobody joins by domain."
      />
      <SelectField
        form={form}
        name="ssoDefaultRole"
        label="Role at first sign-on"
        description="The role people of the domain get the first time they sign on. Needs a domain."
        options={ROLE_OPTIONS}
      />
    </Form>
  );
}
