/**
 * Members and roles: who may change whom, the last owner, leaving, workspaces shared with clients,
 * other organizations' members, and a removal refused at once by every API process.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, type TestTenant } from '../factories/index.js';
import { createPerson, type TestPerson } from '../factories/people.js';
import { insertMembership } from '../../src/modules/members/members.repo.js';
import { apiClient } from '../helpers/api.js';
import { createTestContext, secondApp, type TestContext, waitFor } from '../helpers/context.js';

let ctx: TestContext;

beforeAll(async () => {
  // A fixed secret, so a second API process accepts the cookies the first one signs.
  ctx = await createTestContext({ AUTH_SECRET: 'members-test-secret-0123456789abcdef' });
});
afterAll(async () => ctx.close());

interface Org {
  tenant: TestTenant;
  workspaceA: string;
  workspaceB: string;
}

async function createOrg(): Promise<Org> {
  const tenant = await createTenant(ctx.db);
  const api = apiClient(ctx.app, tenant.headers);
  const workspaceA = (await api.post('/v1/workspaces', { name: 'Client A' })).id as string;
  const workspaceB = (await api.post('/v1/workspaces', { name: 'Client B' })).id as string;
  return { tenant, workspaceA, workspaceB };
}

const person = (org: Org, role: 'owner' | 'admin' | 'editor' | 'viewer' | 'client', workspaceIds?: string[]) =>
  createPerson(ctx.app, ctx.db, {
    organizationId: org.tenant.organizationId,
    role,
    ...(workspaceIds ? { workspaceIds } : {}),
  });

async function memberIdOf(org: Org, p: TestPerson): Promise<string> {
  const res = await ctx.app.inject({ url: '/v1/members?limit=200', headers: org.tenant.headers });
  const found = (res.json().data as Array<{ id: string; userId: string }>).find((m) => m.userId === p.userId);
  if (!found) throw new Error(`${p.email} is not a member`);
  return found.id;
}

const patch = (who: Record<string, string>, memberId: string, payload: object) =>
  ctx.app.inject({ method: 'PATCH', url: `/v1/members/${memberId}`, headers: who, payload });
const remove = (who: Record<string, string>, memberId: string) =>
  ctx.app.inject({ method: 'DELETE', url: `/v1/members/${memberId}`, headers: who });
const brands = (workspaceId: string) => `/v1/workspaces/${workspaceId}/brands`;

describe('listing members', () => {
  it('lists each person with their role, and a client with the workspaces shared with them', async () => {
    const org = await createOrg();
    const owner = await person(org, 'owner');
    const client = await person(org, 'client', [org.workspaceA]);
    const viewer = await person(org, 'viewer');
    const res = await ctx.app.inject({ url: '/v1/members', headers: viewer.headers });
    expect(res.statusCode).toBe(200);
    const data = res.json().data as Array<Record<string, unknown>>;
    expect(data).toEqual([
      expect.objectContaining({ userId: owner.userId, email: owner.email, role: 'owner', workspaceIds: null }),
      expect.objectContaining({ userId: client.userId, role: 'client', workspaceIds: [org.workspaceA] }),
      expect.objectContaining({ userId: viewer.userId, role: 'viewer', workspaceIds: null, name: 'Test Person' }),
    ]);
    // Pages by the shared cursor.
    const first = await ctx.app.inject({ url: '/v1/members?limit=2', headers: viewer.headers });
    expect(first.json().data).toHaveLength(2);
    const second = await ctx.app.inject({
      url: `/v1/members?limit=2&cursor=${first.json().nextCursor}`,
      headers: viewer.headers,
    });
    expect(second.json()).toEqual({ data: [expect.objectContaining({ userId: viewer.userId })], nextCursor: null });
  });

  it('is not for clients nor keys restricted to some workspaces', async () => {
    const org = await createOrg();
    const client = await person(org, 'client', [org.workspaceA]);
    expect((await ctx.app.inject({ url: '/v1/members', headers: client.headers })).statusCode).toBe(403);
    const key = await ctx.app.inject({
      method: 'POST',
      url: '/v1/api-keys',
      headers: org.tenant.headers,
      payload: { name: 'restricted', scopes: ['admin'], workspaceIds: [org.workspaceA] },
    });
    const restricted = { authorization: `Bearer ${key.json().key}` };
    expect((await ctx.app.inject({ url: '/v1/members', headers: restricted })).statusCode).toBe(403);
  });
});

describe('changing roles', () => {
  it('an admin changes an editor into a viewer, whose next write is refused', async () => {
    const org = await createOrg();
    const admin = await person(org, 'admin');
    const editor = await person(org, 'editor');
    const url = brands(org.workspaceA);
    const before = await ctx.app.inject({
      method: 'POST',
      url,
      headers: editor.writeHeaders,
      payload: { name: 'Before' },
    });
    expect(before.statusCode).toBe(201);
    const res = await patch(admin.writeHeaders, await memberIdOf(org, editor), { role: 'viewer' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ userId: editor.userId, role: 'viewer', workspaceIds: null });
    const after = await ctx.app.inject({
      method: 'POST',
      url,
      headers: editor.writeHeaders,
      payload: { name: 'After' },
    });
    expect(after.statusCode).toBe(403);
    expect(after.json().detail).toMatch(/viewer/);
  });

  it('editors and viewers change nobody’s role', async () => {
    const org = await createOrg();
    const editor = await person(org, 'editor');
    const viewer = await person(org, 'viewer');
    const target = await memberIdOf(org, viewer);
    expect((await patch(editor.writeHeaders, target, { role: 'editor' })).statusCode).toBe(403);
    expect((await patch(viewer.writeHeaders, target, { role: 'admin' })).statusCode).toBe(403);
    expect((await remove(editor.writeHeaders, target)).statusCode).toBe(403);
  });

  it('only an owner makes an owner, changes an owner’s role or removes an owner', async () => {
    const org = await createOrg();
    const owner = await person(org, 'owner');
    const secondOwner = await person(org, 'owner');
    const admin = await person(org, 'admin');
    const editor = await person(org, 'editor');
    const editorId = await memberIdOf(org, editor);
    const ownerId = await memberIdOf(org, secondOwner);

    const promote = await patch(admin.writeHeaders, editorId, { role: 'owner' });
    expect(promote.statusCode).toBe(403);
    expect(promote.json().detail).toMatch(/Only an owner/);
    // Not even themselves.
    expect((await patch(admin.writeHeaders, await memberIdOf(org, admin), { role: 'owner' })).statusCode).toBe(403);
    expect((await patch(admin.writeHeaders, ownerId, { role: 'viewer' })).statusCode).toBe(403);
    expect((await remove(admin.writeHeaders, ownerId)).statusCode).toBe(403);
    // An admin API key counts as an admin.
    expect((await patch(org.tenant.headers, ownerId, { role: 'viewer' })).statusCode).toBe(403);
    expect((await patch(org.tenant.headers, editorId, { role: 'owner' })).statusCode).toBe(403);

    expect((await patch(owner.writeHeaders, editorId, { role: 'owner' })).json().role).toBe('owner');
    expect((await patch(owner.writeHeaders, ownerId, { role: 'admin' })).json().role).toBe('admin');
    expect((await remove(owner.writeHeaders, editorId)).statusCode).toBe(204);
    const roles = (await ctx.app.inject({ url: '/v1/members', headers: org.tenant.headers })).json().data;
    expect(roles.map((m: { userId: string; role: string }) => [m.userId, m.role])).toEqual([
      [owner.userId, 'owner'],
      [secondOwner.userId, 'admin'],
      [admin.userId, 'admin'],
    ]);
  });

  it('admins (people and admin keys) manage the other roles', async () => {
    const org = await createOrg();
    const admin = await person(org, 'admin');
    const otherAdmin = await person(org, 'admin');
    const viewer = await person(org, 'viewer');
    const otherAdminId = await memberIdOf(org, otherAdmin);
    expect((await patch(admin.writeHeaders, otherAdminId, { role: 'editor' })).json().role).toBe('editor');
    expect((await patch(org.tenant.headers, await memberIdOf(org, viewer), { role: 'admin' })).json().role).toBe(
      'admin',
    );
    expect((await remove(org.tenant.headers, otherAdminId)).statusCode).toBe(204);
    expect((await ctx.app.inject({ url: '/v1/members', headers: otherAdmin.headers })).statusCode).toBe(403);
  });

  it('refuses a body with neither role nor workspaceIds, and an unknown member', async () => {
    const org = await createOrg();
    const admin = await person(org, 'admin');
    const empty = await patch(admin.writeHeaders, await memberIdOf(org, admin), {});
    expect(empty.statusCode).toBe(400);
    expect(empty.json().detail).toMatch(/role, workspaceIds or both/);
    const unknown = await patch(admin.writeHeaders, '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a6b', { role: 'viewer' });
    expect(unknown.statusCode).toBe(404);
  });
});

describe('the last owner', () => {
  it('cannot be demoted, removed or leave; with a second owner they can', async () => {
    const org = await createOrg();
    const owner = await person(org, 'owner');
    const ownerId = await memberIdOf(org, owner);
    const demote = await patch(owner.writeHeaders, ownerId, { role: 'admin' });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().detail).toMatch(/last owner/);
    const leave = await remove(owner.writeHeaders, ownerId);
    expect(leave.statusCode).toBe(409);
    expect(leave.json().detail).toMatch(/last owner and cannot leave/);

    const heir = await person(org, 'owner');
    expect((await patch(owner.writeHeaders, ownerId, { role: 'admin' })).statusCode).toBe(200);
    // Now the heir is the last owner: an owner's removal by themselves is refused.
    const heirId = await memberIdOf(org, heir);
    expect((await remove(heir.writeHeaders, heirId)).statusCode).toBe(409);
    expect((await patch(heir.writeHeaders, heirId, { role: 'viewer' })).statusCode).toBe(409);
  });

  it('two owners demoting each other at once leave one owner', async () => {
    const org = await createOrg();
    const a = await person(org, 'owner');
    const b = await person(org, 'owner');
    const [idA, idB] = [await memberIdOf(org, a), await memberIdOf(org, b)];
    const results = await Promise.all([
      patch(a.writeHeaders, idB, { role: 'admin' }),
      patch(b.writeHeaders, idA, { role: 'admin' }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const owners = (await ctx.app.inject({ url: '/v1/members', headers: org.tenant.headers }))
      .json()
      .data.filter((m: { role: string }) => m.role === 'owner');
    expect(owners).toHaveLength(1);
  });
});

describe('leaving', () => {
  it('any member may leave, and is refused at once afterwards', async () => {
    const org = await createOrg();
    await person(org, 'owner');
    const viewer = await person(org, 'viewer');
    const client = await person(org, 'client', [org.workspaceA]);
    expect((await ctx.app.inject({ url: brands(org.workspaceA), headers: viewer.headers })).statusCode).toBe(200);
    expect((await remove(viewer.writeHeaders, await memberIdOf(org, viewer))).statusCode).toBe(204);
    const after = await ctx.app.inject({ url: brands(org.workspaceA), headers: viewer.headers });
    expect(after.statusCode).toBe(404);
    const list = await ctx.app.inject({ url: '/v1/workspaces', headers: viewer.headers });
    expect(list.statusCode).toBe(403);
    expect(list.json().detail).toMatch(/not a member of any organization/);

    // A client too, though organization-wide routes are closed to them.
    expect((await remove(client.writeHeaders, await memberIdOf(org, client))).statusCode).toBe(204);
    expect((await ctx.app.inject({ url: brands(org.workspaceA), headers: client.headers })).statusCode).toBe(404);
  });

  it('a client cannot remove someone else', async () => {
    const org = await createOrg();
    const viewer = await person(org, 'viewer');
    const client = await person(org, 'client', [org.workspaceA]);
    expect((await remove(client.writeHeaders, await memberIdOf(org, viewer))).statusCode).toBe(403);
  });
});

describe('sharing workspaces with a client', () => {
  it('a client sees only the workspaces shared with them, read-only, and a new share applies at once', async () => {
    const org = await createOrg();
    const admin = await person(org, 'admin');
    const viewer = await person(org, 'viewer');
    const id = await memberIdOf(org, viewer);

    const missing = await patch(admin.writeHeaders, id, { role: 'client' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors).toEqual([{ path: 'body.workspaceIds', message: 'required with the client role' }]);

    const shared = await patch(admin.writeHeaders, id, { role: 'client', workspaceIds: [org.workspaceA] });
    expect(shared.statusCode).toBe(200);
    expect(shared.json()).toMatchObject({ role: 'client', workspaceIds: [org.workspaceA] });
    const seen = async () =>
      (await ctx.app.inject({ url: '/v1/workspaces', headers: viewer.headers }))
        .json()
        .data.map((w: { id: string }) => w.id);
    expect(await seen()).toEqual([org.workspaceA]);
    expect((await ctx.app.inject({ url: brands(org.workspaceB), headers: viewer.headers })).statusCode).toBe(404);
    const write = await ctx.app.inject({
      method: 'POST',
      url: brands(org.workspaceA),
      headers: viewer.writeHeaders,
      payload: { name: 'Nope' },
    });
    expect(write.statusCode).toBe(403);

    // workspaceIds alone replaces the shares of a client.
    const moved = await patch(admin.writeHeaders, id, { workspaceIds: [org.workspaceB] });
    expect(moved.json()).toMatchObject({ role: 'client', workspaceIds: [org.workspaceB] });
    expect(await seen()).toEqual([org.workspaceB]);
    expect((await ctx.app.inject({ url: brands(org.workspaceA), headers: viewer.headers })).statusCode).toBe(404);

    // Back to viewer: every workspace again, and no shares left.
    const back = await patch(admin.writeHeaders, id, { role: 'viewer' });
    expect(back.json()).toMatchObject({ role: 'viewer', workspaceIds: null });
    expect((await seen()).sort()).toEqual([org.workspaceA, org.workspaceB].sort());
    const { rows } = await ctx.db.pool.query('SELECT 1 FROM membership_workspaces WHERE membership_id = $1', [id]);
    expect(rows).toEqual([]);
  });

  it('refuses workspaces of another organization or unknown ones by name, and shares with other roles', async () => {
    const org = await createOrg();
    const other = await createOrg();
    const admin = await person(org, 'admin');
    const viewer = await person(org, 'viewer');
    const id = await memberIdOf(org, viewer);
    const unknown = '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a6b';
    const res = await patch(admin.writeHeaders, id, {
      role: 'client',
      workspaceIds: [org.workspaceA, other.workspaceA, unknown],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toContain(other.workspaceA);
    expect(res.json().detail).toContain(unknown);
    expect(res.json().detail).not.toContain(org.workspaceA);
    const notClient = await patch(admin.writeHeaders, id, { role: 'editor', workspaceIds: [org.workspaceA] });
    expect(notClient.statusCode).toBe(400);
    expect(notClient.json().detail).toMatch(/only for the client role/);
    const empty = await patch(admin.writeHeaders, id, { role: 'client', workspaceIds: [] });
    expect(empty.statusCode).toBe(400);
    // Nothing changed.
    expect((await ctx.app.inject({ url: '/v1/members', headers: admin.headers })).json().data).toContainEqual(
      expect.objectContaining({ id, role: 'viewer' }),
    );
  });
});

describe('other organizations', () => {
  it('their members are not found: not listed, not changed, not removed', async () => {
    const mine = await createOrg();
    const theirs = await createOrg();
    const myAdmin = await person(mine, 'owner');
    const theirViewer = await person(theirs, 'viewer');
    const theirId = await memberIdOf(theirs, theirViewer);
    const list = await ctx.app.inject({ url: '/v1/members', headers: myAdmin.headers });
    expect(list.json().data.map((m: { userId: string }) => m.userId)).toEqual([myAdmin.userId]);
    for (const who of [myAdmin.writeHeaders, mine.tenant.headers]) {
      const changed = await patch(who, theirId, { role: 'admin' });
      expect(changed.statusCode).toBe(404);
      expect(changed.json().detail).toBe('Member not found');
      expect((await remove(who, theirId)).statusCode).toBe(404);
    }
    const still = await ctx.app.inject({ url: '/v1/members', headers: theirs.tenant.headers });
    expect(still.json().data).toEqual([expect.objectContaining({ id: theirId, role: 'viewer' })]);
  });

  it('a person in two organizations acts in the one named by x-organization-id', async () => {
    const a = await createOrg();
    const b = await createOrg();
    const p = await person(a, 'admin');
    // Joined directly here; invitations.test.ts covers accepting.
    await insertMembership(ctx.db.pool, { organizationId: b.tenant.organizationId, userId: p.userId, role: 'viewer' });
    ctx.app.credentials.forgetUser(p.userId);
    const ambiguous = await ctx.app.inject({ url: '/v1/members', headers: p.headers });
    expect(ambiguous.json().code).toBe('organization_required');
    const inB = await ctx.app.inject({
      url: '/v1/members',
      headers: { ...p.headers, 'x-organization-id': b.tenant.organizationId },
    });
    expect(inB.json().data).toEqual([expect.objectContaining({ userId: p.userId, role: 'viewer' })]);
    const asViewer = await patch(
      { ...p.writeHeaders, 'x-organization-id': b.tenant.organizationId },
      inB.json().data[0].id,
      { role: 'admin' },
    );
    expect(asViewer.statusCode).toBe(403);
  });
});

describe('every API process', () => {
  it('refuses a removed person on their next request, though another process had their session cached', async () => {
    const other = await secondApp(ctx);
    try {
      const org = await createOrg();
      const owner = await person(org, 'owner');
      const editor = await person(org, 'editor');
      const url = brands(org.workspaceA);
      const channel = `${ctx.env.QUEUE_PREFIX}:auth:invalidate`;
      // Both processes listen for invalidations.
      await waitFor(async () => {
        const [, n] = (await ctx.redis.pubsub('NUMSUB', channel)) as [string, number];
        return Number(n) >= 2;
      }, 'both API processes subscribed');

      // Process B holds the editor's session in its cache (for AUTH_CACHE_MS, 5 s).
      const warmed = Date.now();
      expect((await other.app.inject({ url, headers: editor.headers })).statusCode).toBe(200);
      expect((await other.app.inject({ url, headers: editor.headers })).statusCode).toBe(200);

      // Process A removes them.
      expect((await remove(owner.writeHeaders, await memberIdOf(org, editor))).statusCode).toBe(204);
      await waitFor(
        async () => (await other.app.inject({ url, headers: editor.headers })).statusCode === 404,
        'process B to refuse the removed editor',
        4_000,
      );
      // Refused before B's cache entry would have expired on its own.
      expect(Date.now() - warmed).toBeLessThan(5_000);

      // The same for a role change: B applies the downgrade at once too.
      const viewerSoon = await person(org, 'editor');
      const write = () =>
        other.app.inject({
          method: 'POST',
          url,
          headers: viewerSoon.writeHeaders,
          payload: { name: `B ${Date.now()}` },
        });
      expect((await write()).statusCode).toBe(201);
      const changedAt = Date.now();
      expect((await patch(owner.writeHeaders, await memberIdOf(org, viewerSoon), { role: 'viewer' })).statusCode).toBe(
        200,
      );
      await waitFor(async () => (await write()).statusCode === 403, 'process B to apply the new role', 4_000);
      expect(Date.now() - changedAt).toBeLessThan(5_000);
    } finally {
      await other.close();
    }
  });
});
