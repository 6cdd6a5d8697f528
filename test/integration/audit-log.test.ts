/**
 * The audit log: every successful write of the API recorded once with its actor, action, target
 * and workspace; reads and refused requests not at all; secrets never stored; people's sign-ins,
 * sign-outs and password changes in each of their organizations; GET /v1/audit-log for owners
 * and admins only, filtered and paged, one organization never seeing another's events; and
 * nothing queued lost when the app closes.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { insertMembership } from '../../src/modules/members/members.repo.js';
import { createInvitation } from '../../src/modules/invitations/invitations.service.js';
import { createTenant, keyFor, type TestTenant } from '../factories/index.js';
import { createPerson, signIn } from '../factories/people.js';
import { apiClient } from '../helpers/api.js';
import { createTestContext, type TestContext, waitFor } from '../helpers/context.js';

const ADMIN_TOKEN = randomBytes(24).toString('hex');
const ENCRYPTION_KEY = Buffer.alloc(32, 9).toString('base64');

let ctx: TestContext;
let tenant: TestTenant;
let workspaceId: string;

interface Event {
  id: string;
  createdAt: string;
  actor: { type: string; id: string | null; label: string };
  action: string;
  workspaceId: string | null;
  target: { type: string; id: string } | null;
  details: Record<string, unknown>;
  ip: string | null;
  requestId: string | null;
}

beforeAll(async () => {
  ctx = await createTestContext({ ADMIN_TOKEN, ENCRYPTION_KEY });
  tenant = await createTenant(ctx.db);
  workspaceId = (await apiClient(ctx.app, tenant.headers).post('/v1/workspaces', { name: 'Audited' })).id;
});
afterAll(async () => ctx.close());

/** Every event of an organization, newest first, through the API (with an admin key of its own). */
async function eventsOf(organizationId: string, query = ''): Promise<Event[]> {
  await ctx.app.auditLog.drain();
  const admin = await keyFor(ctx.db, organizationId, ['admin']);
  const all: Event[] = [];
  let cursor: string | null = null;
  do {
    const res = await ctx.app.inject({
      url: `/v1/audit-log?limit=200${query}${cursor ? `&cursor=${cursor}` : ''}`,
      headers: admin.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json() as { data: Event[]; nextCursor: string | null };
    all.push(...page.data);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}

/** The events of one request (by its request id), once its event has been written. */
async function eventsOfRequest(organizationId: string, requestId: string): Promise<Event[]> {
  return waitFor(async () => {
    const found = (await eventsOf(organizationId)).filter((e) => e.requestId === requestId);
    return found.length > 0 ? found : null;
  }, `the audit event of request ${requestId}`);
}

/** Waits for a later write's event, so every request sent before it has had its chance to be recorded. */
async function settle(organizationId: string, headers: Record<string, string>): Promise<void> {
  const res = await ctx.app.inject({
    method: 'POST',
    url: '/v1/workspaces',
    headers,
    payload: { name: `marker ${randomUUID()}` },
  });
  expect(res.statusCode, res.body).toBe(201);
  await eventsOfRequest(organizationId, res.headers['x-request-id'] as string);
}

describe('writes are recorded', () => {
  it('by an API key: one event with the key, the action, the workspace, the record and the request', async () => {
    const key = await keyFor(ctx.db, tenant.organizationId, ['write']);
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/v1/workspaces/${workspaceId}/brands`,
      headers: { ...key.headers, 'x-request-id': `brand-create-${randomUUID()}` },
      payload: { name: 'HubSpot', aliases: ['HubSpot CRM'], domains: ['hubspot.com'] },
    });
    expect(res.statusCode).toBe(201);
    const events = await eventsOfRequest(tenant.organizationId, res.headers['x-request-id'] as string);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actor: { type: 'api_key', id: key.record.id, label: key.record.prefix },
      action: 'brand.create',
      workspaceId,
      target: { type: 'brand', id: res.json().id },
      details: { name: 'HubSpot', aliases: ['HubSpot CRM'], domains: ['hubspot.com'] },
      ip: '127.0.0.1',
    });
    expect(Date.parse(events[0]!.createdAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('by a signed-in person: one event naming them, for updates and deletions too', async () => {
    const editor = await createPerson(ctx.app, ctx.db, { organizationId: tenant.organizationId, role: 'editor' });
    const api = apiClient(ctx.app, editor.writeHeaders);
    const brand = await api.post(`/v1/workspaces/${workspaceId}/brands`, { name: 'Pipedrive' });
    const update = await api.send('PATCH', `/v1/workspaces/${workspaceId}/brands/${brand.id}`, { kind: 'own' }, 200);
    const remove = await api.send('DELETE', `/v1/workspaces/${workspaceId}/brands/${brand.id}`, undefined, 204);
    const [updated] = await eventsOfRequest(tenant.organizationId, update.headers['x-request-id'] as string);
    expect(updated).toMatchObject({
      actor: { type: 'user', id: editor.userId, label: editor.email },
      action: 'brand.update',
      workspaceId,
      target: { type: 'brand', id: brand.id },
      details: { kind: 'own' },
    });
    const removed = await eventsOfRequest(tenant.organizationId, remove.headers['x-request-id'] as string);
    expect(removed).toHaveLength(1);
    expect(removed[0]).toMatchObject({
      actor: { type: 'user', id: editor.userId },
      action: 'brand.delete',
      target: { type: 'brand', id: brand.id },
    });
    // The CSRF token the person sent is not kept either.
    expect(JSON.stringify(removed[0])).not.toContain(editor.csrfToken);
  });

  it('names actions on a collection and on a record: importing prompts, testing a webhook', async () => {
    const api = apiClient(ctx.app, tenant.headers);
    const imported = await api.send(
      'POST',
      `/v1/workspaces/${workspaceId}/prompts/import`,
      { prompts: Array.from({ length: 30 }, (_, i) => ({ text: `Which CRM for team ${i}?`, tags: ['crm'] })) },
      201,
    );
    const [event] = await eventsOfRequest(tenant.organizationId, imported.headers['x-request-id'] as string);
    expect(event).toMatchObject({ action: 'prompt.import', workspaceId, target: null, details: { imported: 30 } });
    // A bulk body is summarized: the first items and how many more.
    const prompts = event!.details.prompts as unknown[];
    expect(prompts).toHaveLength(11);
    expect(prompts[10]).toBe('… 20 more');

    const hook = await api.post(`/v1/workspaces/${workspaceId}/webhooks`, {
      url: 'https://hooks.example.com/ping',
      events: ['run.completed'],
    });
    const pinged = await api.send('POST', `/v1/workspaces/${workspaceId}/webhooks/${hook.id}/test`, undefined, 202);
    const [ping] = await eventsOfRequest(tenant.organizationId, pinged.headers['x-request-id'] as string);
    // The record acted on is the webhook named in the path, not the delivery the answer describes.
    expect(ping).toMatchObject({ action: 'webhook.test', workspaceId, target: { type: 'webhook', id: hook.id } });
  });

  it('records nothing for reads, nor for refused or failed writes', async () => {
    const viewer = await createPerson(ctx.app, ctx.db, { organizationId: tenant.organizationId, role: 'viewer' });
    const url = `/v1/workspaces/${workspaceId}/brands`;
    const sent = [
      await ctx.app.inject({ url, headers: tenant.headers }),
      await ctx.app.inject({ method: 'HEAD', url, headers: tenant.headers }),
      await ctx.app.inject({ url: '/v1/api-keys', headers: tenant.headers }),
      // invalid body (400), unknown record (404), a viewer's write (403), no CSRF token (403), no key (401)
      await ctx.app.inject({ method: 'POST', url, headers: tenant.headers, payload: { name: '' } }),
      await ctx.app.inject({ method: 'DELETE', url: `${url}/${randomUUID()}`, headers: tenant.headers }),
      await ctx.app.inject({ method: 'POST', url, headers: viewer.writeHeaders, payload: { name: 'Nope' } }),
      await ctx.app.inject({ method: 'POST', url, headers: viewer.headers, payload: { name: 'Nope' } }),
      await ctx.app.inject({ method: 'POST', url, payload: { name: 'Nope' } }),
    ];
    expect(sent.map((r) => r.statusCode)).toEqual([200, 200, 200, 400, 404, 403, 403, 401]);
    await settle(tenant.organizationId, tenant.headers);
    const ids = new Set(sent.map((r) => r.headers['x-request-id']));
    const events = await eventsOf(tenant.organizationId);
    expect(events.filter((e) => ids.has(e.requestId ?? ''))).toEqual([]);
    expect(events.some((e) => e.action.endsWith('.list') || e.action.endsWith('.get'))).toBe(false);
  });
});

describe('secrets are never stored', () => {
  it('API keys: the prefix and scopes are kept, never the key', async () => {
    const api = apiClient(ctx.app, tenant.headers);
    const created = await api.send('POST', '/v1/api-keys', { name: 'Reporting', scopes: ['read', 'write'] }, 201);
    const key = created.body as { id: string; key: string; prefix: string };
    const revoked = await api.send('DELETE', `/v1/api-keys/${key.id}`, undefined, 200);
    const [create] = await eventsOfRequest(tenant.organizationId, created.headers['x-request-id'] as string);
    const [revoke] = await eventsOfRequest(tenant.organizationId, revoked.headers['x-request-id'] as string);
    expect(create).toMatchObject({
      action: 'api_key.create',
      target: { type: 'api_key', id: key.id },
      details: { name: 'Reporting', scopes: ['read', 'write'], prefix: key.prefix },
    });
    expect(revoke).toMatchObject({
      action: 'api_key.revoke',
      target: { type: 'api_key', id: key.id },
      details: { name: 'Reporting', scopes: ['read', 'write'], prefix: key.prefix },
    });
    const secretPart = key.key.slice(key.prefix.length);
    for (const event of [create, revoke]) expect(JSON.stringify(event)).not.toContain(secretPart);
  });

  it('webhooks: the signing secret returned at creation is not kept', async () => {
    const api = apiClient(ctx.app, tenant.headers);
    const created = await api.send(
      'POST',
      `/v1/workspaces/${workspaceId}/webhooks`,
      { url: 'https://hooks.example.com/citewatch', events: ['run.completed'] },
      201,
    );
    const secret = (created.body as { secret: string }).secret;
    expect(secret).toMatch(/^whsec_/);
    const [event] = await eventsOfRequest(tenant.organizationId, created.headers['x-request-id'] as string);
    expect(event).toMatchObject({
      action: 'webhook.create',
      details: { url: 'https://hooks.example.com/citewatch', events: ['run.completed'] },
    });
    expect(JSON.stringify(event)).not.toContain(secret);
    expect(JSON.stringify(event)).not.toContain(secret.slice(6));
  });

  it('provider keys and passwords: named, with their value redacted', async () => {
    const api = apiClient(ctx.app, tenant.headers);
    const apiKey = `sk-proj-${randomBytes(16).toString('hex')}`;
    const password = `pw-${randomBytes(12).toString('hex')}`;
    const openai = await api.send('PUT', '/v1/provider-credentials/openai', { apiKey }, 200);
    const serp = await api.send(
      'PUT',
      '/v1/provider-credentials/google_ai_overview',
      { login: 'agency@example.com', password },
      200,
    );
    const [set] = await eventsOfRequest(tenant.organizationId, openai.headers['x-request-id'] as string);
    const [login] = await eventsOfRequest(tenant.organizationId, serp.headers['x-request-id'] as string);
    expect(set).toMatchObject({
      action: 'provider_credential.set',
      target: { type: 'provider_credential', id: 'openai' },
      details: { apiKey: '[redacted]' },
    });
    expect(login).toMatchObject({ details: { login: 'agency@example.com', password: '[redacted]' } });
    // Nowhere in the organization's log, whatever the column.
    const { rows } = await ctx.db.pool.query(
      `SELECT count(*)::int AS n FROM audit_events
        WHERE organization_id = $1 AND (row_to_json(audit_events)::text LIKE $2 OR row_to_json(audit_events)::text LIKE $3)`,
      [tenant.organizationId, `%${apiKey}%`, `%${password}%`],
    );
    expect(rows[0].n).toBe(0);
  });
});

describe('people', () => {
  it("signing in, signing out and changing one's password are recorded in each of the person's organizations", async () => {
    const other = await createTenant(ctx.db);
    const person = await createPerson(ctx.app, ctx.db, { organizationId: tenant.organizationId, role: 'viewer' });
    await insertMembership(ctx.db.pool, { organizationId: other.organizationId, userId: person.userId, role: 'admin' });
    const session = await signIn(ctx.app, person.email, person.password);
    const me = (await ctx.app.inject({ url: '/v1/me', headers: session.headers })).json();

    for (const org of [tenant.organizationId, other.organizationId]) {
      const signIns = await waitFor(async () => {
        const found = (await eventsOf(org, '&action=session.sign_in')).filter((e) => e.target?.id === me.session.id);
        return found.length > 0 ? found : null;
      }, 'the sign-in event');
      expect(signIns).toHaveLength(1);
      expect(signIns[0]).toMatchObject({
        actor: { type: 'user', id: person.userId, label: person.email },
        action: 'session.sign_in',
        target: { type: 'session', id: me.session.id },
        workspaceId: null,
        ip: '127.0.0.1',
      });
      expect(signIns[0]!.requestId).toBeTruthy();
    }

    // As a browser does: its Origin goes with every POST, and better-auth checks it on signed-in requests.
    const origin = new URL(ctx.app.auth.options.baseURL as string).origin;
    const changed = await ctx.app.inject({
      method: 'POST',
      url: '/v1/auth/change-password',
      headers: { ...session.writeHeaders, origin },
      payload: { currentPassword: person.password, newPassword: 'a brand new long passphrase' },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const out = await ctx.app.inject({
      method: 'POST',
      url: '/v1/auth/sign-out',
      headers: { ...session.headers, origin },
    });
    expect(out.statusCode, out.body).toBe(200);

    for (const org of [tenant.organizationId, other.organizationId]) {
      const [change] = await eventsOfRequest(org, changed.headers['x-request-id'] as string);
      expect(change).toMatchObject({
        actor: { type: 'user', id: person.userId },
        action: 'account.password_change',
        target: { type: 'user', id: person.userId },
      });
      expect(JSON.stringify(change)).not.toContain('a brand new long passphrase');
      const [signOut] = await eventsOfRequest(org, out.headers['x-request-id'] as string);
      expect(signOut).toMatchObject({ action: 'session.sign_out', target: { type: 'session', id: me.session.id } });
    }
  });

  it('ending a session from the session list is recorded for the person', async () => {
    const person = await createPerson(ctx.app, ctx.db, { organizationId: tenant.organizationId, role: 'editor' });
    const second = await signIn(ctx.app, person.email, person.password);
    const secondId = (await ctx.app.inject({ url: '/v1/me', headers: second.headers })).json().session.id;
    const ended = await ctx.app.inject({
      method: 'DELETE',
      url: `/v1/me/sessions/${secondId}`,
      headers: person.writeHeaders,
    });
    expect(ended.statusCode).toBe(204);
    const [event] = await eventsOfRequest(tenant.organizationId, ended.headers['x-request-id'] as string);
    expect(event).toMatchObject({
      actor: { type: 'user', id: person.userId },
      action: 'session.end',
      target: { type: 'session', id: secondId },
    });
  });

  it('a password reset by emailed link is recorded', async () => {
    const links: string[] = [];
    // The deployment's mailer, keeping what it is asked to send.
    const app = await buildApp({
      ...ctx,
      mailer: {
        transport: 'log',
        async send(message) {
          links.push(...(message.text.match(/https?:\/\/\S+/g) ?? []));
        },
        async close() {},
      },
    });
    try {
      const person = await createPerson(app, ctx.db, { organizationId: tenant.organizationId, role: 'viewer' });
      const asked = await app.inject({
        method: 'POST',
        url: '/v1/auth/request-password-reset',
        payload: { email: person.email },
      });
      expect(asked.statusCode, asked.body).toBe(200);
      const link = await waitFor(async () => links[0], 'the reset email');
      const token = new URL(link).searchParams.get('token') as string;
      const reset = await app.inject({
        method: 'POST',
        url: '/v1/auth/reset-password',
        payload: { token, newPassword: 'another long passphrase' },
      });
      expect(reset.statusCode, reset.body).toBe(200);
      await app.auditLog.drain();
      const [event] = await eventsOfRequest(tenant.organizationId, reset.headers['x-request-id'] as string);
      expect(event).toMatchObject({
        actor: { type: 'user', id: person.userId, label: person.email },
        action: 'account.password_reset',
        target: { type: 'user', id: person.userId },
      });
      expect(JSON.stringify(event)).not.toContain(token);
    } finally {
      await app.close();
    }
  });
});

describe('invitations', () => {
  it('accepting one is recorded by the new member, in the organization joined', async () => {
    const { link } = await createInvitation(
      { pool: ctx.db.pool, prisma: ctx.db.prisma, mail: null, publicBaseUrl: 'http://localhost' },
      { organizationId: tenant.organizationId, invitedBy: 'platform', label: 'cli', mayInviteOwners: true },
      { email: `invited-${randomUUID().slice(0, 8)}@agency.example`, role: 'viewer' },
    );
    const token = new URL(link).searchParams.get('token') as string;
    const accepted = await ctx.app.inject({
      method: 'POST',
      url: '/v1/invitations/accept',
      payload: { token, name: 'Invited Person', password: 'a long enough passphrase' },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    await ctx.app.auditLog.drain();
    const [event] = await eventsOfRequest(tenant.organizationId, accepted.headers['x-request-id'] as string);
    expect(event).toMatchObject({
      actor: { type: 'user', id: accepted.json().userId },
      action: 'invitation.accept',
      details: { role: 'viewer', newAccount: true },
    });
    expect(JSON.stringify(event)).not.toContain(token);
  });
});

describe('the platform operator', () => {
  it("is recorded in the organization it creates or renames; a deleted organization's log goes with it", async () => {
    const platform = { authorization: `Bearer ${ADMIN_TOKEN}` };
    const created = await ctx.app.inject({
      method: 'POST',
      url: '/v1/organizations',
      headers: platform,
      payload: { name: 'Northwind' },
    });
    expect(created.statusCode).toBe(201);
    const org = created.json() as { id: string; adminKey: { key: string; prefix: string } };
    const renamed = await ctx.app.inject({
      method: 'PATCH',
      url: `/v1/organizations/${org.id}`,
      headers: platform,
      payload: { name: 'Northwind EU' },
    });
    expect(renamed.statusCode).toBe(200);
    const [create] = await eventsOfRequest(org.id, created.headers['x-request-id'] as string);
    const [rename] = await eventsOfRequest(org.id, renamed.headers['x-request-id'] as string);
    expect(create).toMatchObject({
      actor: { type: 'platform', id: null, label: 'platform' },
      action: 'organization.create',
      target: { type: 'organization', id: org.id },
      details: { name: 'Northwind' },
    });
    expect(JSON.stringify(create)).not.toContain(org.adminKey.key.slice(org.adminKey.prefix.length));
    expect(rename).toMatchObject({ action: 'organization.update', details: { name: 'Northwind EU' } });

    const deleted = await ctx.app.inject({ method: 'DELETE', url: `/v1/organizations/${org.id}`, headers: platform });
    expect(deleted.statusCode).toBe(204);
    await ctx.app.auditLog.drain();
    const { rows } = await ctx.db.pool.query('SELECT count(*)::int AS n FROM audit_events WHERE organization_id = $1', [
      org.id,
    ]);
    expect(rows[0].n).toBe(0);
  });
});

describe('GET /v1/audit-log', () => {
  it('is for owners and admins: editors, viewers, clients and keys without admin are refused', async () => {
    const url = '/v1/audit-log';
    for (const role of ['owner', 'admin'] as const) {
      const person = await createPerson(ctx.app, ctx.db, { organizationId: tenant.organizationId, role });
      const res = await ctx.app.inject({ url, headers: person.headers });
      expect(res.statusCode, role).toBe(200);
    }
    for (const role of ['editor', 'viewer'] as const) {
      const person = await createPerson(ctx.app, ctx.db, { organizationId: tenant.organizationId, role });
      const res = await ctx.app.inject({ url, headers: person.headers });
      expect(res.statusCode, role).toBe(403);
      expect(res.json().code).toBe('forbidden');
    }
    const client = await createPerson(ctx.app, ctx.db, {
      organizationId: tenant.organizationId,
      role: 'client',
      workspaceIds: [workspaceId],
    });
    expect((await ctx.app.inject({ url, headers: client.headers })).statusCode).toBe(403);
    for (const scopes of [['read'], ['write']] as const) {
      const key = await keyFor(ctx.db, tenant.organizationId, [...scopes]);
      expect((await ctx.app.inject({ url, headers: key.headers })).statusCode, scopes[0]).toBe(403);
    }
    expect((await ctx.app.inject({ url })).statusCode).toBe(401);
  });

  it("never shows one organization another's events", async () => {
    const a = await createTenant(ctx.db);
    const b = await createTenant(ctx.db);
    const wsA = await apiClient(ctx.app, a.headers).post('/v1/workspaces', { name: 'A' });
    await apiClient(ctx.app, b.headers).post('/v1/workspaces', { name: 'B' });
    await settle(a.organizationId, a.headers);
    await settle(b.organizationId, b.headers);
    const ofB = await eventsOf(b.organizationId);
    expect(ofB.length).toBeGreaterThan(0);
    expect(ofB.every((e) => e.workspaceId !== wsA.id)).toBe(true);
    expect(ofB.some((e) => e.details.name === 'A')).toBe(false);
    const byWorkspace = await ctx.app.inject({ url: `/v1/audit-log?workspaceId=${wsA.id}`, headers: b.headers });
    expect(byWorkspace.statusCode).toBe(200);
    expect(byWorkspace.json().data).toEqual([]);
    const ofA = await eventsOf(a.organizationId, `&workspaceId=${wsA.id}`);
    expect(ofA.map((e) => e.action)).toEqual(['workspace.create']);
  });

  it('filters by actor, action (exact or prefix), workspace and time, and pages newest first', async () => {
    const org = await createTenant(ctx.db);
    const api = apiClient(ctx.app, org.headers);
    const keyId = (await ctx.db.pool.query('SELECT id FROM api_keys WHERE organization_id = $1', [org.organizationId]))
      .rows[0].id as string;
    const ws = await api.post('/v1/workspaces', { name: 'Filtered' });
    const other = await api.post('/v1/workspaces', { name: 'Other' });
    for (const name of ['One', 'Two', 'Three']) await api.post(`/v1/workspaces/${ws.id}/brands`, { name });
    await api.post(`/v1/workspaces/${other.id}/prompts`, { text: 'Best CRM?' });
    const admin = await createPerson(ctx.app, ctx.db, { organizationId: org.organizationId, role: 'admin' });
    const brand = await apiClient(ctx.app, admin.writeHeaders).post(`/v1/workspaces/${ws.id}/brands`, {
      name: 'Four',
    });
    await waitFor(async () => (await eventsOf(org.organizationId)).find((e) => e.target?.id === brand.id), 'Four');
    const all = await eventsOf(org.organizationId);
    // workspace ×2, brand ×4, prompt, the admin's sign-in
    expect(all.map((e) => e.action)).toEqual([
      'brand.create',
      'session.sign_in',
      'prompt.create',
      'brand.create',
      'brand.create',
      'brand.create',
      'workspace.create',
      'workspace.create',
    ]);
    const ids = all.map((e) => e.id);
    expect([...ids].sort().reverse()).toEqual(ids);

    const names = (events: Event[]) => events.map((e) => e.details.name ?? e.action);
    expect(names(await eventsOf(org.organizationId, '&action=brand.create'))).toEqual(['Four', 'Three', 'Two', 'One']);
    expect(names(await eventsOf(org.organizationId, '&action=brand.'))).toEqual(['Four', 'Three', 'Two', 'One']);
    expect(await eventsOf(org.organizationId, '&action=brand.delete')).toEqual([]);
    expect(names(await eventsOf(org.organizationId, '&actorType=user'))).toEqual(['Four', 'session.sign_in']);
    expect(names(await eventsOf(org.organizationId, `&actorId=${admin.userId}`))).toEqual(['Four', 'session.sign_in']);
    expect((await eventsOf(org.organizationId, `&actorType=api_key&actorId=${keyId}`)).length).toBe(6);
    expect(names(await eventsOf(org.organizationId, `&workspaceId=${ws.id}`))).toEqual([
      'Four',
      'Three',
      'Two',
      'One',
      'Filtered',
    ]);
    // from inclusive, to exclusive
    const sorted = [...all].reverse();
    const [third, sixth] = [sorted[2]!, sorted[5]!];
    const window = await eventsOf(
      org.organizationId,
      `&from=${encodeURIComponent(third.createdAt)}&to=${encodeURIComponent(sixth.createdAt)}`,
    );
    expect(window.every((e) => e.createdAt >= third.createdAt && e.createdAt < sixth.createdAt)).toBe(true);
    expect(window.map((e) => e.id)).toContain(third.id);
    expect(window.map((e) => e.id)).not.toContain(sixth.id);

    // pages of 3, newest first, each event once
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await ctx.app.inject({
        url: `/v1/audit-log?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
        headers: org.headers,
      });
      expect(res.statusCode).toBe(200);
      const body = res.json() as { data: Event[]; nextCursor: string | null };
      expect(body.data.length).toBeLessThanOrEqual(3);
      seen.push(...body.data.map((e) => e.id));
      cursor = body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(ids);
  });

  it('explains bad filters with a 400 naming the field', async () => {
    for (const [query, field] of [
      ['action=Brand', 'action'],
      ['actorType=robot', 'actorType'],
      ['actorId=me', 'actorId'],
      ['from=yesterday', 'from'],
      ['from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z', 'to'],
      ['limit=500', 'limit'],
      ['sort=asc', 'sort'],
    ] as const) {
      const res = await ctx.app.inject({ url: `/v1/audit-log?${query}`, headers: tenant.headers });
      expect(res.statusCode, query).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.json().code, query).toBe('validation_failed');
      expect(JSON.stringify(res.json().errors), query).toContain(field);
    }
  });
});

describe('every write route', () => {
  it('has a readable action name (a new route must be added here, after checking its name reads well)', () => {
    const actions = Object.fromEntries(ctx.app.auditLog.routes.map((r) => [`${r.method} ${r.url}`, r.action]));
    expect(actions).toEqual(EXPECTED_ACTIONS);
    expect(ctx.app.auditLog.readOnlyRoutes.map((r) => `${r.method} ${r.url}`)).toEqual(READ_ONLY_POSTS);
    for (const action of Object.values(actions)) expect(action).toMatch(/^[a-z]+(_[a-z]+)*\.[a-z]+(_[a-z]+)*$/);
  });

  it('outside the authenticated API is one the audit log knows about', async () => {
    const doc = (await ctx.app.inject({ url: '/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const audited = new Set(ctx.app.auditLog.routes.map((r) => `${r.method} ${r.url}`));
    for (const r of ctx.app.auditLog.readOnlyRoutes) audited.add(`${r.method} ${r.url}`);
    const outside: string[] = [];
    for (const [template, ops] of Object.entries(doc.paths)) {
      for (const method of Object.keys(ops)) {
        if (['get', 'head', 'options'].includes(method)) continue;
        const key = `${method.toUpperCase()} ${template.replace(/\{(\w+)\}/g, ':$1')}`;
        if (!audited.has(key)) outside.push(key);
      }
    }
    expect(outside.sort()).toEqual(Object.keys(PUBLIC_WRITES).sort());
  });
});

/** Every write route of the authenticated API, with the action its successful requests record. */
const EXPECTED_ACTIONS: Record<string, string> = {
  'DELETE /v1/me/sessions': 'session.end_all',
  'DELETE /v1/me/sessions/:sessionId': 'session.end',
  'POST /v1/organizations': 'organization.create',
  'PATCH /v1/organizations/:organizationId': 'organization.update',
  'DELETE /v1/organizations/:organizationId': 'organization.delete',
  'PATCH /v1/organizations/:organizationId/branding': 'branding.update',
  'PUT /v1/organizations/:organizationId/branding/logo': 'branding.logo_set',
  'DELETE /v1/organizations/:organizationId/branding/logo': 'branding.logo_delete',
  'POST /v1/api-keys': 'api_key.create',
  'DELETE /v1/api-keys/:apiKeyId': 'api_key.revoke',
  'PATCH /v1/members/:memberId': 'member.update',
  'DELETE /v1/members/:memberId': 'member.remove',
  'POST /v1/invitations': 'invitation.create',
  'DELETE /v1/invitations/:invitationId': 'invitation.revoke',
  'PUT /v1/provider-credentials/:provider': 'provider_credential.set',
  'POST /v1/workspaces/:workspaceId/share-links': 'share_link.create',
  'DELETE /v1/workspaces/:workspaceId/share-links/:shareLinkId': 'share_link.revoke',
  'DELETE /v1/provider-credentials/:provider': 'provider_credential.delete',
  'POST /v1/workspaces': 'workspace.create',
  'PATCH /v1/workspaces/:workspaceId': 'workspace.update',
  'DELETE /v1/workspaces/:workspaceId': 'workspace.delete',
  'POST /v1/workspaces/:workspaceId/brands': 'brand.create',
  'PATCH /v1/workspaces/:workspaceId/brands/:brandId': 'brand.update',
  'DELETE /v1/workspaces/:workspaceId/brands/:brandId': 'brand.delete',
  'POST /v1/workspaces/:workspaceId/source-category-overrides': 'source_category_override.create',
  'PATCH /v1/workspaces/:workspaceId/source-category-overrides/:overrideId': 'source_category_override.update',
  'DELETE /v1/workspaces/:workspaceId/source-category-overrides/:overrideId': 'source_category_override.delete',
  'POST /v1/workspaces/:workspaceId/events': 'event.create',
  'PATCH /v1/workspaces/:workspaceId/events/:eventId': 'event.update',
  'DELETE /v1/workspaces/:workspaceId/events/:eventId': 'event.delete',
  'POST /v1/workspaces/:workspaceId/prompts/import': 'prompt.import',
  'POST /v1/workspaces/:workspaceId/prompts/bulk': 'prompt.bulk_update',
  'POST /v1/workspaces/:workspaceId/prompts': 'prompt.create',
  'PATCH /v1/workspaces/:workspaceId/prompts/:promptId': 'prompt.update',
  'DELETE /v1/workspaces/:workspaceId/prompts/:promptId': 'prompt.delete',
  'POST /v1/workspaces/:workspaceId/model-configs': 'model_config.create',
  'PATCH /v1/workspaces/:workspaceId/model-configs/:modelConfigId': 'model_config.update',
  'DELETE /v1/workspaces/:workspaceId/model-configs/:modelConfigId': 'model_config.delete',
  'POST /v1/workspaces/:workspaceId/audits': 'audit.create',
  'PATCH /v1/workspaces/:workspaceId/audits/:auditId': 'audit.update',
  'DELETE /v1/workspaces/:workspaceId/audits/:auditId': 'audit.delete',
  'POST /v1/workspaces/:workspaceId/runs': 'run.start',
  'POST /v1/workspaces/:workspaceId/runs/:runId/cancel': 'run.cancel',
  'POST /v1/workspaces/:workspaceId/reanalyses': 'reanalysis.start',
  'POST /v1/workspaces/:workspaceId/suggestions': 'suggestion.create',
  'POST /v1/workspaces/:workspaceId/pdf-reports': 'pdf_report.create',
  'POST /v1/workspaces/:workspaceId/webhooks': 'webhook.create',
  'PATCH /v1/workspaces/:workspaceId/webhooks/:webhookId': 'webhook.update',
  'DELETE /v1/workspaces/:workspaceId/webhooks/:webhookId': 'webhook.delete',
  'POST /v1/workspaces/:workspaceId/webhooks/:webhookId/test': 'webhook.test',
  'POST /v1/workspaces/:workspaceId/alert-rules': 'alert_rule.create',
  'PATCH /v1/workspaces/:workspaceId/alert-rules/:ruleId': 'alert_rule.update',
  'DELETE /v1/workspaces/:workspaceId/alert-rules/:ruleId': 'alert_rule.delete',
};

/** POSTs that change nothing (previews): not recorded, on purpose. */
const READ_ONLY_POSTS = [
  'POST /v1/workspaces/:workspaceId/audits/estimate',
  'POST /v1/workspaces/:workspaceId/analysis-preview',
  'POST /v1/workspaces/:workspaceId/schedule-preview',
  // The Model Context Protocol endpoint: each tool call that writes is a REST request, recorded as one.
  'POST /mcp',
];

/**
 * Writes outside the authenticated API (people's door), and what the audit log records of them:
 * recorded explicitly, in each organization of the person, or nothing when nothing changes.
 */
const PUBLIC_WRITES: Record<string, string> = {
  'POST /v1/auth/sign-in/email': 'session.sign_in (in each organization of the person)',
  'POST /v1/auth/sign-in/social': 'nothing: it only starts single sign-on; the callback signs in',
  'POST /v1/auth/callback/:providerId': 'session.sign_in',
  'POST /v1/auth/sign-out': 'session.sign_out',
  'POST /v1/auth/request-password-reset': 'nothing: it emails a link and changes nothing',
  'POST /v1/auth/reset-password': 'account.password_reset',
  'POST /v1/auth/change-password': 'account.password_change',
  'POST /v1/auth/send-verification-email': 'nothing: it emails a link and changes nothing',
  'POST /v1/invitations/accept': 'invitation.accept (then session.sign_in for a new account)',
  'POST /v1/alerts/unsubscribe': 'alert_rule.unsubscribe (by the link, once: using it again changes nothing)',
};

describe('shutdown', () => {
  it('writes the events still queued when the app closes', async () => {
    // Batches wait a minute here: only the drain on close can write this event in time.
    const app = await buildApp({ ...ctx, auditLog: { maxWaitMs: 60_000 } });
    const res = await app.inject({
      method: 'POST',
      url: `/v1/workspaces/${workspaceId}/brands`,
      headers: tenant.headers,
      payload: { name: 'Written at shutdown' },
    });
    expect(res.statusCode).toBe(201);
    const requestId = res.headers['x-request-id'] as string;
    const count = async () =>
      (await ctx.db.pool.query('SELECT count(*)::int AS n FROM audit_events WHERE request_id = $1', [requestId]))
        .rows[0].n as number;
    expect(await count()).toBe(0);
    await app.close();
    expect(await count()).toBe(1);
  });
});
