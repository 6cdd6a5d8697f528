/**
 * API keys restricted to chosen workspaces: a client portal's read key opens its client's
 * workspace only, not every client of the agency.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, type TestTenant } from '../factories/index.js';
import { apiClient } from '../helpers/api.js';
import { createTestContext, type TestContext } from '../helpers/context.js';

let ctx: TestContext;
let tenant: TestTenant;
let mine: string;
let alsoMine: string;
let notMine: string;

beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await createTenant(ctx.db);
  const api = apiClient(ctx.app, tenant.headers);
  mine = (await api.post('/v1/workspaces', { name: 'Client one' })).id;
  alsoMine = (await api.post('/v1/workspaces', { name: 'Client two' })).id;
  notMine = (await api.post('/v1/workspaces', { name: 'Client three' })).id;
  for (const id of [mine, alsoMine, notMine]) await api.post(`/v1/workspaces/${id}/brands`, { name: `Brand ${id}` });
});
afterAll(async () => ctx.close());

const createKey = (payload: object) =>
  ctx.app.inject({ method: 'POST', url: '/v1/api-keys', headers: tenant.headers, payload });

describe('a key restricted to workspaces', () => {
  it('is created with its workspaces, shown in the key list, and opens only them', async () => {
    const created = await createKey({ name: 'Portal', scopes: ['read'], workspaceIds: [mine, alsoMine, mine] });
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body.workspaceIds.sort()).toEqual([mine, alsoMine].sort());
    const listed = (await ctx.app.inject({ url: '/v1/api-keys', headers: tenant.headers })).json().data;
    expect(listed.find((k: { id: string }) => k.id === body.id).workspaceIds.sort()).toEqual([mine, alsoMine].sort());
    const one = await ctx.app.inject({ url: `/v1/api-keys/${body.id}`, headers: tenant.headers });
    expect(one.json().workspaceIds.sort()).toEqual([mine, alsoMine].sort());
    // Keys created without workspaces open every one: null.
    expect(listed.find((k: { id: string }) => k.id !== body.id).workspaceIds).toBeNull();

    const key = { authorization: `Bearer ${body.key}` };
    const list = await ctx.app.inject({ url: '/v1/workspaces', headers: key });
    expect(list.statusCode).toBe(200);
    expect(
      list
        .json()
        .data.map((w: { id: string }) => w.id)
        .sort(),
    ).toEqual([mine, alsoMine].sort());
    expect((await ctx.app.inject({ url: `/v1/workspaces/${mine}/brands`, headers: key })).statusCode).toBe(200);
    const other = await ctx.app.inject({ url: `/v1/workspaces/${notMine}/brands`, headers: key });
    expect(other.statusCode).toBe(404);
    expect(other.json().detail).toBe('Workspace not found');
    expect((await ctx.app.inject({ url: `/v1/workspaces/${notMine}`, headers: key })).statusCode).toBe(404);
    // Organization-wide routes are closed to it.
    const orgWide = await ctx.app.inject({ url: '/v1/organizations', headers: key });
    expect(orgWide.statusCode).toBe(403);
    expect(orgWide.json().detail).toMatch(/limited to chosen workspaces/);
    // And the scope still holds within its workspaces.
    const write = await ctx.app.inject({
      method: 'POST',
      url: `/v1/workspaces/${mine}/brands`,
      headers: key,
      payload: { name: 'Nope' },
    });
    expect(write.statusCode).toBe(403);
  });

  it('an unrestricted read key still opens every workspace', async () => {
    const created = (await createKey({ name: 'Everything', scopes: ['read'] })).json();
    expect(created.workspaceIds).toBeNull();
    const key = { authorization: `Bearer ${created.key}` };
    const list = await ctx.app.inject({ url: '/v1/workspaces', headers: key });
    expect(list.json().data).toHaveLength(3);
    expect((await ctx.app.inject({ url: `/v1/workspaces/${notMine}/brands`, headers: key })).statusCode).toBe(200);
  });

  it('refuses unknown workspaces and other organizations’ by name, and an empty list', async () => {
    const other = await createTenant(ctx.db);
    const theirs = (await apiClient(ctx.app, other.headers).post('/v1/workspaces', { name: 'Theirs' })).id;
    const unknown = '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a6b';
    const res = await createKey({ name: 'Bad', scopes: ['read'], workspaceIds: [mine, theirs, unknown] });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('validation_failed');
    expect(res.json().detail).toContain(theirs);
    expect(res.json().detail).toContain(unknown);
    expect(res.json().detail).not.toContain(mine);
    const empty = await createKey({ name: 'Empty', scopes: ['read'], workspaceIds: [] });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().detail).toMatch(/at least one workspace/);
    const { rows } = await ctx.db.pool.query("SELECT 1 FROM api_keys WHERE name IN ('Bad', 'Empty')");
    expect(rows).toEqual([]);
  });

  it('a key whose only workspace is deleted opens nothing', async () => {
    const api = apiClient(ctx.app, tenant.headers);
    const temporary = (await api.post('/v1/workspaces', { name: 'Temporary' })).id;
    const created = (await createKey({ name: 'Temp', scopes: ['read'], workspaceIds: [temporary] })).json();
    await api.send('DELETE', `/v1/workspaces/${temporary}`, undefined, 204);
    ctx.app.credentials.forgetKey(created.id);
    const key = { authorization: `Bearer ${created.key}` };
    const list = await ctx.app.inject({ url: '/v1/workspaces', headers: key });
    expect(list.json().data).toEqual([]);
    expect((await ctx.app.inject({ url: `/v1/workspaces/${mine}/brands`, headers: key })).statusCode).toBe(404);
  });
});
