/**
 * Invitations by email: who may invite whom, the email and its link, listing and revoking, and
 * the public side of the link: looking it up, accepting it once (creating the account and signing
 * in, or joining with an account already signed in), expiry, revocation, unknown tokens, other
 * organizations, and the attempt limit.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InvitationMail } from '../../src/modules/invitations/invitations.service.js';
import { createTenant, type TestTenant } from '../factories/index.js';
import { createPerson, signIn, type TestPerson } from '../factories/people.js';
import { apiClient } from '../helpers/api.js';
import { createTestContext, type TestContext } from '../helpers/context.js';
import { openApiDoc } from '../helpers/full-tenant.js';
import { schemaChecker } from '../helpers/openapi-check.js';

type Sent = Parameters<InvitationMail['invite']>;
const sent: Sent[] = [];
let failMail = false;
const mail: InvitationMail = {
  async invite(to, details) {
    if (failMail) throw new Error('connection refused by smtp.example.com');
    sent.push([to, details]);
  },
};

const BASE = 'https://citewatch.agency.example';
let ctx: TestContext;
let check: ReturnType<typeof schemaChecker>;

beforeAll(async () => {
  ctx = await createTestContext({ PUBLIC_BASE_URL: BASE }, { invitationMail: mail });
  check = schemaChecker(await openApiDoc(ctx.app));
});
afterAll(async () => ctx.close());

interface Org {
  tenant: TestTenant;
  name: string;
  workspaceA: string;
  workspaceB: string;
  owner: TestPerson;
  admin: TestPerson;
}

async function createOrg(): Promise<Org> {
  const tenant = await createTenant(ctx.db);
  const api = apiClient(ctx.app, tenant.headers);
  const workspaceA = (await api.post('/v1/workspaces', { name: 'Client A' })).id as string;
  const workspaceB = (await api.post('/v1/workspaces', { name: 'Client B' })).id as string;
  const name = (await api.get(`/v1/organizations/${tenant.organizationId}`)).name as string;
  const owner = await createPerson(ctx.app, ctx.db, { organizationId: tenant.organizationId, role: 'owner' });
  const admin = await createPerson(ctx.app, ctx.db, { organizationId: tenant.organizationId, role: 'admin' });
  return { tenant, name, workspaceA, workspaceB, owner, admin };
}

let n = 0;
const newEmail = () => `invitee-${Date.now()}-${n++}@Client.Example`;

const invite = (headers: Record<string, string>, payload: object) =>
  ctx.app.inject({ method: 'POST', url: '/v1/invitations', headers, payload });

/** Invites and returns the invitation and the token of the emailed link. */
async function invited(
  headers: Record<string, string>,
  payload: { email: string; role: string; workspaceIds?: string[] },
) {
  const before = sent.length;
  const res = await invite(headers, payload);
  expect(res.statusCode, res.body).toBe(201);
  expect(sent.length).toBe(before + 1);
  const [to, details] = sent.at(-1) as Sent;
  expect(to.email).toBe(payload.email.toLowerCase());
  return { invitation: res.json(), token: tokenOf(details.link), details };
}

function tokenOf(link: string): string {
  const url = new URL(link); // …/dashboard/?page=invitation&token=…
  expect(url.pathname).toBe('/dashboard/');
  expect(url.searchParams.get('page')).toBe('invitation');
  const token = url.searchParams.get('token');
  if (!token) throw new Error(`no token in ${link}`);
  return token;
}

const lookup = (token: string) => ctx.app.inject({ url: `/v1/invitations/lookup?token=${encodeURIComponent(token)}` });
const accept = (payload: object, headers: Record<string, string> = {}) =>
  ctx.app.inject({ method: 'POST', url: '/v1/invitations/accept', headers, payload });
const sessionCookieOf = (res: { headers: Record<string, unknown> }) =>
  [res.headers['set-cookie']]
    .flat()
    .find((c) => typeof c === 'string' && c.includes('session_token='))
    ?.toString()
    .split(';')[0];

describe('inviting', () => {
  it('emails a single link to the dashboard; the answer and the database hold no token', async () => {
    const org = await createOrg();
    const email = newEmail();
    const { invitation, token, details } = await invited(org.admin.writeHeaders, { email, role: 'editor' });
    expect(invitation).toEqual({
      id: expect.any(String),
      email: email.toLowerCase(),
      role: 'editor',
      workspaceIds: null,
      status: 'pending',
      expiresAt: expect.any(String),
      createdAt: expect.any(String),
    });
    const week = Date.parse(invitation.expiresAt) - Date.parse(invitation.createdAt);
    expect(week).toBe(7 * 86_400_000);
    expect(details).toEqual({
      organizationName: org.name,
      inviterLabel: org.admin.email,
      role: 'editor',
      link: `${BASE}/dashboard/?page=invitation&token=${token}`,
      expiresAt: new Date(invitation.expiresAt),
      // The organization's white label, for the email's sender name and colours (none set: defaults).
      branding: expect.objectContaining({ custom: false, displayName: org.name, emailSenderName: null }),
    });
    // 32 random bytes in base64url.
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const { rows } = await ctx.db.pool.query('SELECT token_hash, invited_by FROM invitations WHERE id = $1', [
      invitation.id,
    ]);
    expect(rows[0].token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(rows[0].invited_by).toBe(`user:${org.admin.userId}`);
    expect(JSON.stringify(rows[0])).not.toContain(token);
    expect(check.response('/v1/invitations', 'POST', 201, 'application/json', invitation)).toEqual([]);
  });

  it('only owners and admins invite, only an owner invites an owner, and an admin key counts as an admin', async () => {
    const org = await createOrg();
    const editor = await createPerson(ctx.app, ctx.db, { organizationId: org.tenant.organizationId, role: 'editor' });
    expect((await invite(editor.writeHeaders, { email: newEmail(), role: 'viewer' })).statusCode).toBe(403);
    const byAdmin = await invite(org.admin.writeHeaders, { email: newEmail(), role: 'owner' });
    expect(byAdmin.statusCode).toBe(403);
    expect(byAdmin.json().detail).toBe('Only an owner can invite an owner.');
    expect((await invite(org.tenant.headers, { email: newEmail(), role: 'owner' })).statusCode).toBe(403);
    const { invitation } = await invited(org.owner.writeHeaders, { email: newEmail(), role: 'owner' });
    // Revoking an owner's invitation is an owner's business too.
    const revoke = (headers: Record<string, string>) =>
      ctx.app.inject({ method: 'DELETE', url: `/v1/invitations/${invitation.id}`, headers });
    expect((await revoke(org.admin.writeHeaders)).statusCode).toBe(403);
    expect((await revoke(org.owner.writeHeaders)).statusCode).toBe(204);
    // An admin key invites the other roles, recorded as the key.
    const { invitation: byKey, details } = await invited(org.tenant.headers, { email: newEmail(), role: 'admin' });
    const { rows } = await ctx.db.pool.query('SELECT invited_by FROM invitations WHERE id = $1', [byKey.id]);
    expect(rows[0].invited_by).toMatch(/^key:/);
    expect(details.inviterLabel).toMatch(/^an API key \(cw_/);
  });

  it('a client is invited with the workspaces to share, other roles without; unknown ones are named', async () => {
    const org = await createOrg();
    const other = await createOrg();
    const noShares = await invite(org.admin.writeHeaders, { email: newEmail(), role: 'client' });
    expect(noShares.statusCode).toBe(400);
    expect(noShares.json().errors).toEqual([{ path: 'body.workspaceIds', message: 'required with the client role' }]);
    const shares = await invite(org.admin.writeHeaders, {
      email: newEmail(),
      role: 'viewer',
      workspaceIds: [org.workspaceA],
    });
    expect(shares.statusCode).toBe(400);
    expect(shares.json().detail).toMatch(/only for the client role/);
    const foreign = await invite(org.admin.writeHeaders, {
      email: newEmail(),
      role: 'client',
      workspaceIds: [org.workspaceA, other.workspaceA],
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().detail).toContain(other.workspaceA);
    const { invitation } = await invited(org.admin.writeHeaders, {
      email: newEmail(),
      role: 'client',
      workspaceIds: [org.workspaceA],
    });
    expect(invitation).toMatchObject({ role: 'client', workspaceIds: [org.workspaceA] });
  });

  it('refuses inviting a member, and a new invitation of the same address replaces the older', async () => {
    const org = await createOrg();
    const member = await invite(org.owner.writeHeaders, { email: org.admin.email.toUpperCase(), role: 'viewer' });
    expect(member.statusCode).toBe(409);
    expect(member.json().detail).toMatch(/already a member \(admin\)/);

    const email = newEmail();
    const first = await invited(org.admin.writeHeaders, { email, role: 'viewer' });
    const second = await invited(org.admin.writeHeaders, { email: email.toLowerCase(), role: 'editor' });
    const old = await lookup(first.token);
    expect(old.statusCode).toBe(409);
    expect(old.json().detail).toMatch(/withdrawn/);
    expect((await lookup(second.token)).json()).toMatchObject({ role: 'editor' });
    const pending = await ctx.app.inject({ url: '/v1/invitations', headers: org.admin.headers });
    expect(pending.json().data.map((i: { id: string }) => i.id)).toEqual([second.invitation.id]);
    const all = await ctx.app.inject({ url: '/v1/invitations?status=all', headers: org.admin.headers });
    // Newest first.
    expect(all.json().data.map((i: { id: string; status: string }) => [i.id, i.status])).toEqual([
      [second.invitation.id, 'pending'],
      [first.invitation.id, 'revoked'],
    ]);
  });

  it('creates nothing when the email cannot be sent, and the older invitation stays valid', async () => {
    const org = await createOrg();
    const email = newEmail();
    const first = await invited(org.admin.writeHeaders, { email, role: 'viewer' });
    failMail = true;
    try {
      const res = await invite(org.admin.writeHeaders, { email, role: 'editor' });
      expect(res.statusCode).toBe(503);
      expect(res.json().detail).toMatch(/could not be sent .*connection refused.*nothing was created/);
    } finally {
      failMail = false;
    }
    const all = await ctx.app.inject({ url: '/v1/invitations?status=all', headers: org.admin.headers });
    expect(all.json().data).toEqual([expect.objectContaining({ id: first.invitation.id, status: 'pending' })]);
    expect((await lookup(first.token)).statusCode).toBe(200);
  });

  it('revoking stops the link at once', async () => {
    const org = await createOrg();
    const { invitation, token } = await invited(org.admin.writeHeaders, { email: newEmail(), role: 'viewer' });
    const res = await ctx.app.inject({
      method: 'DELETE',
      url: `/v1/invitations/${invitation.id}`,
      headers: org.admin.writeHeaders,
    });
    expect(res.statusCode).toBe(204);
    expect((await lookup(token)).statusCode).toBe(409);
    const refused = await accept({ token, name: 'Late Comer', password: 'a long enough password' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toMatch(/withdrawn/);
    // Revoking again changes nothing.
    expect(
      (
        await ctx.app.inject({
          method: 'DELETE',
          url: `/v1/invitations/${invitation.id}`,
          headers: org.admin.writeHeaders,
        })
      ).statusCode,
    ).toBe(204);
    expect((await ctx.app.inject({ url: '/v1/invitations', headers: org.admin.headers })).json().data).toEqual([]);
  });
});

describe('accepting without an account', () => {
  it('creates the account (verified), the membership, and signs the person in', async () => {
    const org = await createOrg();
    const email = newEmail();
    const { token } = await invited(org.admin.writeHeaders, { email, role: 'editor' });

    const shown = await lookup(token);
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toEqual({
      organizationName: org.name,
      email: email.toLowerCase(),
      role: 'editor',
      expiresAt: expect.any(String),
      accountExists: false,
    });
    expect(check.response('/v1/invitations/lookup', 'GET', 200, 'application/json', shown.json())).toEqual([]);

    const missing = await accept({ token });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors.map((e: { path: string }) => e.path)).toEqual(['body.name', 'body.password']);
    const short = await accept({ token, name: 'Ana', password: 'short' });
    expect(short.statusCode).toBe(400);
    // Refusals used nothing up.
    expect((await lookup(token)).statusCode).toBe(200);

    const res = await accept({ token, name: 'Ana Duarte', password: 'correct horse battery' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ organizationId: org.tenant.organizationId, userId: expect.any(String) });
    expect(check.response('/v1/invitations/accept', 'POST', 200, 'application/json', res.json())).toEqual([]);
    const cookie = sessionCookieOf(res);
    expect(cookie).toBeTruthy();
    const me = await ctx.app.inject({ url: '/v1/me', headers: { cookie: cookie as string } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      kind: 'user',
      user: { id: res.json().userId, email: email.toLowerCase(), name: 'Ana Duarte' },
      organizations: [{ id: org.tenant.organizationId, role: 'editor', workspaceIds: null }],
    });
    const { rows } = await ctx.db.pool.query('SELECT email_verified FROM users WHERE id = $1', [res.json().userId]);
    expect(rows[0].email_verified).toBe(true);
    // The chosen password signs in.
    await signIn(ctx.app, email, 'correct horse battery');

    // Single use.
    const again = await accept({ token, name: 'Someone Else', password: 'another long password' });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toMatch(/already been used/);
    expect(sessionCookieOf(again)).toBeUndefined();
    const all = await ctx.app.inject({ url: '/v1/invitations?status=all', headers: org.admin.headers });
    expect(all.json().data[0]).toMatchObject({ status: 'accepted' });
  });

  it('a client joins with the shared workspaces only', async () => {
    const org = await createOrg();
    const email = newEmail();
    const { token } = await invited(org.admin.writeHeaders, {
      email,
      role: 'client',
      workspaceIds: [org.workspaceB],
    });
    const res = await accept({ token, name: 'Léa Martin', password: 'client portal password' });
    const cookie = sessionCookieOf(res) as string;
    const list = await ctx.app.inject({ url: '/v1/workspaces', headers: { cookie } });
    expect(list.json().data.map((w: { id: string }) => w.id)).toEqual([org.workspaceB]);
    expect((await ctx.app.inject({ url: `/v1/workspaces/${org.workspaceA}`, headers: { cookie } })).statusCode).toBe(
      404,
    );
  });

  it('two acceptances of one link at once make one account', async () => {
    const org = await createOrg();
    const email = newEmail();
    const { token } = await invited(org.admin.writeHeaders, { email, role: 'viewer' });
    const results = await Promise.all([
      accept({ token, name: 'First', password: 'first long password' }),
      accept({ token, name: 'Second', password: 'second long password' }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const { rows } = await ctx.db.pool.query(
      'SELECT count(*)::int AS n FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = $1',
      [email.toLowerCase()],
    );
    expect(rows[0].n).toBe(1);
  });
});

describe('accepting with an account', () => {
  it('needs that account signed in, then adds the membership', async () => {
    const orgA = await createOrg();
    const orgB = await createOrg();
    const person = await createPerson(ctx.app, ctx.db, { organizationId: orgA.tenant.organizationId, role: 'viewer' });
    const stranger = await createPerson(ctx.app, ctx.db, {
      organizationId: orgA.tenant.organizationId,
      role: 'viewer',
    });
    const { token } = await invited(orgB.admin.writeHeaders, { email: person.email, role: 'admin' });
    expect((await lookup(token)).json()).toMatchObject({ accountExists: true, role: 'admin' });

    const anonymous = await accept({ token, name: 'Ignored', password: 'ignored password' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().detail).toBe(
      `An account already exists for ${person.email}: sign in as ${person.email}, then accept the invitation again.`,
    );
    const forged = await accept({ token }, { cookie: 'citewatch.session_token=abc.def' });
    expect(forged.statusCode).toBe(401);
    const wrongPerson = await accept({ token }, stranger.headers);
    expect(wrongPerson.statusCode).toBe(403);
    expect(wrongPerson.json().detail).toMatch(new RegExp(`signed in as ${stranger.email}`));

    const res = await accept({ token }, person.headers);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ organizationId: orgB.tenant.organizationId, userId: person.userId });
    expect(sessionCookieOf(res)).toBeUndefined();
    // Their session sees the new organization at once.
    const me = await ctx.app.inject({ url: '/v1/me', headers: person.headers });
    expect(
      me
        .json()
        .organizations.map((o: { id: string; role: string }) => [o.id, o.role])
        .sort(),
    ).toEqual(
      [
        [orgA.tenant.organizationId, 'viewer'],
        [orgB.tenant.organizationId, 'admin'],
      ].sort(),
    );
    const members = await ctx.app.inject({
      url: '/v1/members',
      headers: { ...person.headers, 'x-organization-id': orgB.tenant.organizationId },
    });
    expect(members.statusCode).toBe(200);
    expect((await accept({ token }, person.headers)).statusCode).toBe(409);
  });
});

describe('links that do not work', () => {
  it('an expired link is refused, saying so', async () => {
    const org = await createOrg();
    const { invitation, token } = await invited(org.admin.writeHeaders, { email: newEmail(), role: 'viewer' });
    await ctx.db.pool.query(`UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = $1`, [
      invitation.id,
    ]);
    const shown = await lookup(token);
    expect(shown.statusCode).toBe(409);
    expect(shown.json().detail).toMatch(/expired on/);
    const res = await accept({ token, name: 'Too Late', password: 'a long enough password' });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toMatch(/expired on/);
    const all = await ctx.app.inject({ url: '/v1/invitations?status=all', headers: org.admin.headers });
    expect(all.json().data).toEqual([expect.objectContaining({ id: invitation.id, status: 'expired' })]);
    expect((await ctx.app.inject({ url: '/v1/invitations', headers: org.admin.headers })).json().data).toEqual([]);
  });

  it('an unknown token is not found, as problem+json', async () => {
    for (const res of [
      await lookup('not-a-real-token'),
      await accept({ token: 'not-a-real-token', name: 'Guess', password: 'guessing the token' }),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.json().detail).toMatch(/link is not valid/);
    }
    expect((await ctx.app.inject({ url: '/v1/invitations/lookup' })).statusCode).toBe(400);
  });
});

describe('other organizations', () => {
  it('their invitations are neither listed nor revoked', async () => {
    const mine = await createOrg();
    const theirs = await createOrg();
    const { invitation, token } = await invited(theirs.admin.writeHeaders, { email: newEmail(), role: 'viewer' });
    const list = await ctx.app.inject({ url: '/v1/invitations?status=all', headers: mine.admin.headers });
    expect(list.json().data).toEqual([]);
    for (const headers of [mine.owner.writeHeaders, mine.tenant.headers]) {
      const res = await ctx.app.inject({ method: 'DELETE', url: `/v1/invitations/${invitation.id}`, headers });
      expect(res.statusCode).toBe(404);
      expect(res.json().detail).toBe('Invitation not found');
    }
    expect((await lookup(token)).statusCode).toBe(200);
  });
});

describe('attempt limit', () => {
  let limited: TestContext;
  beforeAll(async () => {
    limited = await createTestContext({ SIGN_IN_ATTEMPTS_PER_MINUTE: '3' }, { invitationMail: mail });
  });
  afterAll(async () => limited?.close());

  it('refuses a client address past the limit, lookups and acceptances together', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 2; i++)
      statuses.push((await limited.app.inject({ url: `/v1/invitations/lookup?token=guess-${i}` })).statusCode);
    statuses.push(
      (
        await limited.app.inject({
          method: 'POST',
          url: '/v1/invitations/accept',
          payload: { token: 'guess-2', name: 'Guess', password: 'guessing the token' },
        })
      ).statusCode,
    );
    const over = await limited.app.inject({
      method: 'POST',
      url: '/v1/invitations/accept',
      payload: { token: 'guess-3', name: 'Guess', password: 'guessing the token' },
    });
    expect(statuses).toEqual([404, 404, 404]);
    expect(over.statusCode).toBe(429);
    expect(over.json().code).toBe('rate_limited');
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    // Another client address is not held back.
    const elsewhere = await limited.app.inject({
      url: '/v1/invitations/lookup?token=guess-4',
      remoteAddress: '203.0.113.9',
    });
    expect(elsewhere.statusCode).toBe(404);
  });
});
