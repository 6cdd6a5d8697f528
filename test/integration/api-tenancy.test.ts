/** Tenants and access: organizations, API keys and scopes, provider keys, bulk import, limits. */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, keyFor, type TestTenant } from '../factories/index.js';
import { apiClient, seedWorkspace } from '../helpers/api.js';
import { createTestContext, waitFor, type TestContext } from '../helpers/context.js';
import { FakeOpenAI } from '../helpers/fake-openai.js';

const ADMIN_TOKEN = randomBytes(32).toString('hex');
const ENCRYPTION_KEY = randomBytes(32).toString('base64');
let ctx: TestContext;
let tenant: TestTenant;

beforeAll(async () => {
  ctx = await createTestContext({ ADMIN_TOKEN, ENCRYPTION_KEY });
  tenant = await createTenant(ctx.db);
});
afterAll(async () => ctx.close());

const call = (method: string, url: string, token: string, payload?: unknown, headers: Record<string, string> = {}) =>
  ctx.app.inject({
    method: method as 'GET',
    url,
    headers: { authorization: `Bearer ${token}`, ...headers },
    ...(payload !== undefined ? { payload: payload as object } : {}),
  });

describe('organizations', () => {
  it('are created by the platform operator, with a first admin key returned once', async () => {
    const res = await call('POST', '/v1/organizations', ADMIN_TOKEN, { name: 'Northwind Agency' });
    expect(res.statusCode).toBe(201);
    const org = res.json();
    expect(org).toMatchObject({
      name: 'Northwind Agency',
      adminKey: { scopes: ['admin'], key: expect.stringMatching(/^cw_[a-z0-9]{8}_[a-z0-9]{32}$/) },
    });
    // The new key works for the new organization only.
    const own = await call('GET', `/v1/organizations/${org.id}`, org.adminKey.key);
    expect(own.json()).toMatchObject({ id: org.id, name: 'Northwind Agency' });
    expect((await call('GET', `/v1/organizations/${tenant.organizationId}`, org.adminKey.key)).statusCode).toBe(404);
    const list = (await call('GET', '/v1/organizations', org.adminKey.key)).json();
    expect(list.data.map((o: { id: string }) => o.id)).toEqual([org.id]);
    // A cursor narrows the organization's own list; it never widens it to other organizations.
    const paged = (
      await call('GET', '/v1/organizations?cursor=00000000-0000-0000-0000-000000000000', org.adminKey.key)
    ).json();
    expect(paged.data.map((o: { id: string }) => o.id)).toEqual([org.id]);
    // Later reads never show the key again.
    const keys = (await call('GET', '/v1/api-keys', org.adminKey.key)).json();
    expect(JSON.stringify(keys)).not.toContain(org.adminKey.key);
    expect(keys.data[0]).toMatchObject({ prefix: org.adminKey.prefix, name: 'admin' });

    expect(
      (await call('PATCH', `/v1/organizations/${org.id}`, org.adminKey.key, { name: 'Northwind EU' })).json().name,
    ).toBe('Northwind EU');
    expect((await call('DELETE', `/v1/organizations/${org.id}`, org.adminKey.key)).statusCode).toBe(403);
    expect((await call('DELETE', `/v1/organizations/${org.id}`, ADMIN_TOKEN)).statusCode).toBe(204);
    expect((await call('GET', '/v1/workspaces', org.adminKey.key)).statusCode).toBe(401);
  });

  it('keep the platform token out of organization data and organization keys out of platform routes', async () => {
    const r1 = await call('GET', '/v1/workspaces', ADMIN_TOKEN);
    expect(r1.statusCode).toBe(403);
    expect(r1.json().detail).toMatch(/platform token manages organizations only/);
    expect((await call('POST', '/v1/organizations', tenant.key, { name: 'x' })).statusCode).toBe(403);
    expect((await call('GET', '/v1/organizations', 'x'.repeat(64))).statusCode).toBe(401);
  });
});

describe('API keys', () => {
  it('enforce scopes: admin ⊇ write ⊇ read', async () => {
    const ws = (await call('POST', '/v1/workspaces', tenant.key, { name: 'Scopes' })).json();
    const read = await keyFor(ctx.db, tenant.organizationId, ['read']);
    const write = await keyFor(ctx.db, tenant.organizationId, ['write']);
    expect((await call('GET', `/v1/workspaces/${ws.id}`, read.key)).statusCode).toBe(200);
    const denied = await call('POST', `/v1/workspaces/${ws.id}/brands`, read.key, { name: 'X' });
    expect(denied.statusCode).toBe(403);
    expect(denied.json()).toMatchObject({
      code: 'forbidden',
      detail: expect.stringMatching(/lacks the "write" scope/),
    });
    expect((await call('POST', `/v1/workspaces/${ws.id}/brands`, write.key, { name: 'X' })).statusCode).toBe(201);
    expect((await call('GET', '/v1/api-keys', write.key)).statusCode).toBe(403);
  });

  it('stop working when revoked or expired, and record when they were last used', async () => {
    const created = (await call('POST', '/v1/api-keys', tenant.key, { name: 'temp', scopes: ['read'] })).json();
    expect(created.key).toMatch(/^cw_/);
    expect((await call('GET', '/v1/workspaces', created.key)).statusCode).toBe(200);
    const listed = await waitFor(async () => {
      const k = (await call('GET', `/v1/api-keys/${created.id}`, tenant.key)).json();
      return k.lastUsedAt ? k : null;
    }, 'lastUsedAt');
    expect(listed.key).toBeUndefined();
    expect((await call('DELETE', `/v1/api-keys/${created.id}`, tenant.key)).json().revokedAt).not.toBeNull();
    const revoked = await call('GET', '/v1/workspaces', created.key);
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json().detail).toMatch(/revoked/);

    const expired = await keyFor(ctx.db, tenant.organizationId, ['read'], { expiresAt: new Date(Date.now() - 1_000) });
    const res = await call('GET', '/v1/workspaces', expired.key);
    expect(res.statusCode).toBe(401);
    expect(res.json().detail).toMatch(/expired/);
    expect(
      (
        await call('POST', '/v1/api-keys', tenant.key, {
          name: 'past',
          scopes: ['read'],
          expiresAt: '2020-01-01T00:00:00Z',
        })
      ).statusCode,
    ).toBe(400);
  });

  it('refuse to revoke the last admin key', async () => {
    const solo = await createTenant(ctx.db);
    const [me] = (await call('GET', '/v1/api-keys', solo.key)).json().data;
    const res = await call('DELETE', `/v1/api-keys/${me.id}`, solo.key);
    expect(res.statusCode).toBe(409);
  });
});

describe('provider keys', () => {
  it('are stored encrypted, never returned, and used for the organization’s runs', async () => {
    const fake = await FakeOpenAI.start({ failureRate: 0 });
    const orgKey = `sk-org-${randomBytes(8).toString('hex')}`;
    const env = { OPENAI_BASE_URL: fake.baseUrl, OPENAI_API_KEY: 'sk-deployment' };
    const worker = ctx.startWorker({
      env,
      fetch: (async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
        const auth = new Headers(init?.headers).get('authorization');
        seen.push(auth ?? '');
        return fetch(input, init);
      }) as typeof fetch,
    });
    const seen: string[] = [];
    try {
      const put = await call('PUT', '/v1/provider-credentials/openai', tenant.key, { apiKey: orgKey });
      expect(put.json()).toMatchObject({ provider: 'openai', hint: `…${orgKey.slice(-4)}` });
      const list = await call('GET', '/v1/provider-credentials', tenant.key);
      expect(list.body).not.toContain(orgKey);
      const stored = await ctx.db.pool.query('SELECT secret FROM provider_credentials WHERE organization_id = $1', [
        tenant.organizationId,
      ]);
      expect(Buffer.from(stored.rows[0].secret).toString('latin1')).not.toContain(orgKey);

      const api = apiClient(ctx.app, tenant.headers);
      const { base } = await seedWorkspace(api, { prompts: 2, configs: [] });
      const config = await api.post(`${base}/model-configs`, {
        name: 'gpt',
        provider: 'openai',
        model: 'gpt-5.4-mini',
        params: {},
      });
      const run = await api.post(`${base}/runs`, { promptTags: ['crm'], modelConfigIds: [config.id] });
      await waitFor(async () => (await api.get(`${base}/runs/${run.id}`)).finishedAt, 'the run');
      expect(seen.length).toBeGreaterThan(0);
      expect(new Set(seen)).toEqual(new Set([`Bearer ${orgKey}`]));
      expect((await call('DELETE', '/v1/provider-credentials/openai', tenant.key)).statusCode).toBe(204);
      expect((await call('DELETE', '/v1/provider-credentials/openai', tenant.key)).statusCode).toBe(404);
    } finally {
      await worker.close();
      await fake.close();
    }
  });

  it('need ENCRYPTION_KEY on the deployment', async () => {
    const bare = await createTestContext();
    try {
      const t = await createTenant(bare.db);
      const res = await bare.app.inject({
        method: 'PUT',
        url: '/v1/provider-credentials/anthropic',
        headers: t.headers,
        payload: { apiKey: 'sk-ant-123456789' },
      });
      expect(res.statusCode).toBe(503);
      expect(res.json().detail).toMatch(/ENCRYPTION_KEY/);
    } finally {
      await bare.close();
    }
  });
});

describe('bulk prompt import', () => {
  it('imports CSV and JSON all-or-nothing, naming every bad row', async () => {
    const ws = (await call('POST', '/v1/workspaces', tenant.key, { name: 'Import' })).json();
    const url = `/v1/workspaces/${ws.id}/prompts/import`;
    const csv =
      'text,locale,tags\n"Best CRM for startups?",en-US,crm;startup\n"Quel CRM pour une PME, en France ?",fr-FR,crm|pme\n';
    const ok = await call('POST', url, tenant.key, csv, { 'content-type': 'text/csv' });
    expect(ok.statusCode).toBe(201);
    expect(
      ok.json().prompts.map((p: { text: string; locale: string; tags: string[] }) => [p.text, p.locale, p.tags]),
    ).toEqual([
      ['Best CRM for startups?', 'en-US', ['crm', 'startup']],
      ['Quel CRM pour une PME, en France ?', 'fr-FR', ['crm', 'pme']],
    ]);
    const bad = await call('POST', url, tenant.key, {
      prompts: [{ text: 'Fine?' }, { text: '' }, { text: 'x', locale: '??' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(['prompts.1.text', 'prompts.2.locale']);
    const count = (await call('GET', `/v1/workspaces/${ws.id}/prompts`, tenant.key)).json().data.length;
    expect(count).toBe(2);
    const noText = await call('POST', url, tenant.key, 'question\nhi\n', { 'content-type': 'text/csv' });
    expect(noText.json()).toMatchObject({ status: 400, errors: [{ path: 'body.text' }] });
    const broken = await call('POST', url, tenant.key, 'text\n"unterminated\n', { 'content-type': 'text/csv' });
    expect(broken.json()).toMatchObject({ status: 400, code: 'bad_request' });
  });

  it('says which separator tags take when a CSV tag cell holds a comma', async () => {
    const ws = (await call('POST', '/v1/workspaces', tenant.key, { name: 'Import tags' })).json();
    const url = `/v1/workspaces/${ws.id}/prompts/import`;
    const csv = { 'content-type': 'text/csv' };
    const hint = 'tags are separated by ";" or "|", not ",": write crm;smb';
    // Quoted, the cell is one value holding a comma.
    const quoted = await call(
      'POST',
      url,
      tenant.key,
      'text,locale,tags\n"Best CRM?",en-US,crm\n"Quel CRM ?",fr-FR,"crm,smb"\n',
      csv,
    );
    expect(quoted.json()).toMatchObject({
      status: 400,
      code: 'validation_failed',
      errors: [{ path: 'prompts.1.tags', message: hint }],
    });
    // Unquoted, the comma makes one cell more than the header has columns.
    const unquoted = await call(
      'POST',
      url,
      tenant.key,
      'text,locale,tags\n"Best CRM?",en-US,crm\n"Quel CRM ?",fr-FR,crm,smb\n',
      csv,
    );
    expect(unquoted.json()).toMatchObject({
      status: 400,
      code: 'validation_failed',
      errors: [{ path: 'prompts.1.tags', message: hint }],
    });
    expect(unquoted.json().detail).toBe(
      'Line 3 of the CSV has 4 cells for 3 columns (text, locale, tags). Tags are separated by ";" or "|", not ",": write crm;smb. ' +
        'A text that contains a comma goes in double quotes.',
    );
    expect((await call('GET', `/v1/workspaces/${ws.id}/prompts`, tenant.key)).json().data).toEqual([]);
  });
});

describe('rate limits and headers', () => {
  it('limit each key, with standard headers, across keys independently', async () => {
    const limited = await createTestContext({ API_RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const a = await createTenant(limited.db);
      const b = await keyFor(limited.db, a.organizationId, ['read']);
      const statuses: number[] = [];
      let last: Awaited<ReturnType<typeof limited.app.inject>> | undefined;
      for (let i = 0; i < 4; i++) {
        last = await limited.app.inject({ url: '/v1/workspaces', headers: a.headers });
        statuses.push(last.statusCode);
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect(last?.headers['content-type']).toMatch(/problem\+json/);
      expect(last?.json()).toMatchObject({ code: 'rate_limited' });
      expect(last?.headers['ratelimit-limit']).toBe('3');
      expect(last?.headers['ratelimit-remaining']).toBe('0');
      expect(Number(last?.headers['retry-after'])).toBeGreaterThan(0);
      expect((await limited.app.inject({ url: '/v1/workspaces', headers: b.headers })).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('sends security headers, and CORS headers when configured', async () => {
    const res = await ctx.app.inject({ url: '/health' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const withCors = await createTestContext({ CORS_ORIGINS: 'https://app.example.com' });
    try {
      const pre = await withCors.app.inject({
        method: 'OPTIONS',
        url: '/v1/workspaces',
        headers: { origin: 'https://app.example.com', 'access-control-request-method': 'GET' },
      });
      expect(pre.headers['access-control-allow-origin']).toBe('https://app.example.com');
      const other = await withCors.app.inject({
        method: 'OPTIONS',
        url: '/v1/workspaces',
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' },
      });
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await withCors.close();
    }
  });
});
