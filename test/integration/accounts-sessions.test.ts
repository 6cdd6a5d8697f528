/** People's sessions: sign-in, the cookie, roles mapped onto scopes, CSRF, clients' workspaces, ending sessions. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, type TestTenant } from '../factories/index.js';
import { createPerson, signIn } from '../factories/people.js';
import { apiClient } from '../helpers/api.js';
import { createTestContext, type TestContext } from '../helpers/context.js';

let ctx: TestContext;
let tenant: TestTenant;
let workspaceId: string;
let otherWorkspaceId: string;

beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await createTenant(ctx.db);
  const api = apiClient(ctx.app, tenant.headers);
  workspaceId = (await api.post('/v1/workspaces', { name: 'Shared with the client' })).id;
  otherWorkspaceId = (await api.post('/v1/workspaces', { name: 'Not shared' })).id;
});
afterAll(async () => ctx.close());

const brand = { name: `Acme ${Date.now()}`, kind: 'competitor' };

describe('signing in', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie, and the same answer for a wrong email or password', async () => {
    const person = await createPerson(ctx.app, ctx.db, { organizationId: tenant.organizationId, role: 'viewer' });
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/v1/auth/sign-in/email',
      payload: { email: person.email, password: person.password },
    });
    const cookie = [res.headers['set-cookie']].flat().find((c) => c?.includes('session_token=')) as string;
    expect(cookie).toMatch(/^citewatch\.session_token=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    // Each sign-in is a new session: the id is renewed.
    expect(cookie.split(';')[0]).not.toBe(person.cookie);

    const wrongPassword = await ctx.app.inject({
      method: 'POST',
      url: '/v1/auth/sign-in/email',
      payload: { email: person.email, password: 'not the password' },
    });
    const unknownEmail = await ctx.app.inject({
      method: 'POST',
      url: '/v1/auth/sign-in/email',
      payload: { email: 'nobody-here@agency.example', password: 'not the password' },
    });
    expect(wrongPassword.statusCode).toBe(401);
    expect(unknownEmail.statusCode).toBe(401);
    expect(wrongPassword.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(wrongPassword.json().detail).toBe(unknownEmail.json().detail);
  });

  it('stores only a hash of the session token', async () => {
    const person = await createPerson(ctx.app, ctx.db, { organizationId: tenant.organizationId, role: 'viewer' });
    const token = decodeURIComponent(person.cookie.split('=')[1] as string).split('.')[0] as string;
    const { rows } = await ctx.db.pool.query('SELECT token FROM sessions WHERE user_id = $1', [person.userId]);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.token).not.toBe(token);
  });

  it('GET /v1/me names the person, their organizations and role, and a CSRF token', async () => {
    const person = await createPerson(ctx.app, ctx.db, { organizationId: tenant.organizationId, role: 'editor' });
    const me = await ctx.app.inject({ method: 'GET', url: '/v1/me', headers: person.headers });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      kind: 'user',
      user: { email: person.email },
      organizations: [{ id: tenant.organizationId, role: 'editor', workspaceIds: null }],
      csrfToken: expect.any(String),
    });
  });
});

describe('roles map onto scopes', () => {
  it('an editor writes workspace data with the CSRF token, and not without it', async () => {
    const editor = await createPerson(ctx.app, ctx.db, { organizationId: tenant.organizationId, role: 'editor' });
    const url = `/v1/workspaces/${workspaceId}/brands`;
    const noToken = await ctx.app.inject({ method: 'POST', url, headers: editor.headers, payload: brand });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().code).toBe('csrf_failed');
    const wrongToken = await ctx.app.inject({
      method: 'POST',
      url,
      headers: { ...editor.headers, 'x-csrf-token': 'forged' },
      payload: brand,
    });
    expect(wrongToken.json().code).toBe('csrf_failed');
    const ok = await ctx.app.inject({ method: 'POST', url, headers: editor.writeHeaders, payload: brand });
    expect(ok.statusCode).toBe(201);
  });

  it('a viewer reads but is refused writes', async () => {
    const viewer = await createPerson(ctx.app, ctx.db, { organizationId: tenant.organizationId, role: 'viewer' });
    const url = `/v1/workspaces/${workspaceId}/brands`;
    expect((await ctx.app.inject({ method: 'GET', url, headers: viewer.headers })).statusCode).toBe(200);
    const write = await ctx.app.inject({
      method: 'POST',
      url,
      headers: viewer.writeHeaders,
      payload: { ...brand, name: 'Viewer brand' },
    });
    expect(write.statusCode).toBe(403);
    expect(write.json().detail).toMatch(/viewer/);
  });

  it('an editor cannot use admin routes; an admin can', async () => {
    const editor = await createPerson(ctx.app, ctx.db, { organizationId: tenant.organizationId, role: 'editor' });
    const admin = await createPerson(ctx.app, ctx.db, { organizationId: tenant.organizationId, role: 'admin' });
    expect((await ctx.app.inject({ method: 'GET', url: '/v1/api-keys', headers: editor.headers })).statusCode).toBe(
      403,
    );
    expect((await ctx.app.inject({ method: 'GET', url: '/v1/api-keys', headers: admin.headers })).statusCode).toBe(200);
  });

  it('a person of another organization finds nothing', async () => {
    const other = await createTenant(ctx.db);
    const stranger = await createPerson(ctx.app, ctx.db, { organizationId: other.organizationId, role: 'owner' });
    const res = await ctx.app.inject({
      method: 'GET',
      url: `/v1/workspaces/${workspaceId}/brands`,
      headers: stranger.headers,
    });
    expect(res.statusCode).toBe(404);
    const list = await ctx.app.inject({ method: 'GET', url: '/v1/workspaces', headers: stranger.headers });
    expect(list.json().data).toEqual([]);
  });
});

describe('clients', () => {
  it('see only the workspaces shared with them, read-only', async () => {
    const client = await createPerson(ctx.app, ctx.db, {
      organizationId: tenant.organizationId,
      role: 'client',
      workspaceIds: [workspaceId],
    });
    const list = await ctx.app.inject({ method: 'GET', url: '/v1/workspaces', headers: client.headers });
    expect(list.json().data.map((w: { id: string }) => w.id)).toEqual([workspaceId]);
    const shared = await ctx.app.inject({
      method: 'GET',
      url: `/v1/workspaces/${workspaceId}/brands`,
      headers: client.headers,
    });
    expect(shared.statusCode).toBe(200);
    const other = await ctx.app.inject({
      method: 'GET',
      url: `/v1/workspaces/${otherWorkspaceId}/brands`,
      headers: client.headers,
    });
    expect(other.statusCode).toBe(404);
    const write = await ctx.app.inject({
      method: 'POST',
      url: `/v1/workspaces/${workspaceId}/brands`,
      headers: client.writeHeaders,
      payload: { ...brand, name: 'Client brand' },
    });
    expect(write.statusCode).toBe(403);
  });
});

describe('ending sessions', () => {
  it('signing out everywhere ends every session of the person at once', async () => {
    const person = await createPerson(ctx.app, ctx.db, { organizationId: tenant.organizationId, role: 'viewer' });
    const second = await signIn(ctx.app, person.email, person.password);
    const list = await ctx.app.inject({ method: 'GET', url: '/v1/me/sessions', headers: person.headers });
    expect(list.json().data).toHaveLength(2);
    expect(list.json().data.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    const out = await ctx.app.inject({ method: 'DELETE', url: '/v1/me/sessions', headers: person.writeHeaders });
    expect(out.json()).toEqual({ ended: 2 });
    for (const headers of [person.headers, second.headers]) {
      const res = await ctx.app.inject({ method: 'GET', url: '/v1/me', headers });
      expect(res.statusCode).toBe(401);
    }
  });

  it('a session past its absolute limit is refused', async () => {
    const person = await createPerson(ctx.app, ctx.db, { organizationId: tenant.organizationId, role: 'viewer' });
    await ctx.db.pool.query(`UPDATE sessions SET created_at = now() - interval '400 days' WHERE user_id = $1`, [
      person.userId,
    ]);
    ctx.app.credentials.forgetUser(person.userId);
    const res = await ctx.app.inject({ method: 'GET', url: '/v1/me', headers: person.headers });
    expect(res.statusCode).toBe(401);
  });

  it('an idle session is refused', async () => {
    const person = await createPerson(ctx.app, ctx.db, { organizationId: tenant.organizationId, role: 'viewer' });
    await ctx.db.pool.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [
      person.userId,
    ]);
    ctx.app.credentials.forgetUser(person.userId);
    const res = await ctx.app.inject({ method: 'GET', url: '/v1/me', headers: person.headers });
    expect(res.statusCode).toBe(401);
  });

  it('a forged cookie is refused', async () => {
    const res = await ctx.app.inject({
      method: 'GET',
      url: '/v1/me',
      headers: { cookie: 'citewatch.session_token=abc.def' },
    });
    expect(res.statusCode).toBe(401);
  });
});

describe('cookies outside local development', () => {
  it('are Secure (and __Secure- prefixed) when the public address is https, and still open the API', async () => {
    const secure = await createTestContext({ PUBLIC_BASE_URL: 'https://citewatch.example.com' });
    try {
      const org = await createTenant(secure.db);
      const person = await createPerson(secure.app, secure.db, { organizationId: org.organizationId, role: 'viewer' });
      expect(person.cookie).toMatch(/^__Secure-citewatch\.session_token=/);
      const res = await secure.app.inject({
        method: 'POST',
        url: '/v1/auth/sign-in/email',
        payload: { email: person.email, password: person.password },
      });
      const cookie = [res.headers['set-cookie']].flat().find((c) => c?.includes('session_token=')) as string;
      expect(cookie).toMatch(/;\s*Secure/i);
      expect((await secure.app.inject({ url: '/v1/me', headers: person.headers })).statusCode).toBe(200);
    } finally {
      await secure.close();
    }
  });
});
