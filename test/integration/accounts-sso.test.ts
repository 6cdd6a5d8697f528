/**
 * Single sign-on against a real OpenID Connect provider (oidc-provider, started here on
 * 127.0.0.1), with Citewatch listening on a real port so the provider can send the browser back:
 * who gets in (an existing account, a pending invitation, the organization's domain), who is
 * turned away (unverified email, strangers, another organization's domain), account linking, the
 * session it gives (cookie and CSRF like a password sign-in), redirects kept on this site, and the
 * organization settings behind the rules.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, keyFor, type TestTenant } from '../factories/index.js';
import { createPerson } from '../factories/people.js';
import { createTestContext, type TestContext } from '../helpers/context.js';
import { CHROMIUM_PATH, launchChromium, PAGE_WAIT_MS } from '../helpers/browser.js';
import { type OidcProviderHandle, signInWithSso, startOidcProvider } from '../helpers/oidc.js';
import { freePort } from '../helpers/processes.js';
import { newId } from '../../src/lib/ids.js';

let ctx: TestContext;
let idp: OidcProviderHandle;
let appOrigin: string;
let tenant: TestTenant;

const run = randomUUID().slice(0, 8);
/** Domains of this run (subdomains of example.com, so they are real ICANN names). */
const domain = (label: string) => `${label}-${run}.example.com`;
const jitDomain = domain('jit');
const closedDomain = domain('closed');

beforeAll(async () => {
  const port = await freePort();
  appOrigin = `http://127.0.0.1:${port}`;
  const clientId = 'citewatch';
  const clientSecret = randomBytes(24).toString('hex');
  idp = await startOidcProvider({
    users: [],
    clientId,
    clientSecret,
    redirectUri: `${appOrigin}/v1/auth/callback/oidc`,
  });
  ctx = await createTestContext({
    PUBLIC_BASE_URL: appOrigin,
    OIDC_ISSUER: idp.issuer,
    OIDC_CLIENT_ID: clientId,
    OIDC_CLIENT_SECRET: clientSecret,
    OIDC_NAME: 'Test Identity',
  });
  await ctx.app.listen({ host: '127.0.0.1', port });
  tenant = await createTenant(ctx.db);
});

afterAll(async () => {
  await ctx?.close();
  await idp?.close();
});

/** A person at the identity provider, with an address unique to this run. */
function idpPerson(local: string, domainName: string, emailVerified = true, name?: string) {
  const email = `${local}-${randomUUID().slice(0, 6)}@${domainName}`;
  idp.addUser({ email, emailVerified, ...(name ? { name } : {}) });
  return email;
}

async function userByEmail(email: string) {
  const { rows } = await ctx.db.pool.query('SELECT id, name, email_verified FROM users WHERE email = $1', [email]);
  return rows[0] as { id: string; name: string; email_verified: boolean } | undefined;
}

async function membershipsOf(userId: string) {
  const { rows } = await ctx.db.pool.query(
    'SELECT organization_id, role FROM memberships WHERE user_id = $1 ORDER BY organization_id',
    [userId],
  );
  return rows.map((r) => ({ organizationId: r.organization_id as string, role: r.role as string }));
}

async function me(cookie: string) {
  return ctx.app.inject({ method: 'GET', url: '/v1/me', headers: { cookie } });
}

/** A pending invitation, as the members routes store one (the token's SHA-256 only). */
async function invite(organizationId: string, email: string, expiresAt = new Date(Date.now() + 86_400_000)) {
  const token = randomBytes(24).toString('base64url');
  await ctx.db.pool.query(
    `INSERT INTO invitations (id, organization_id, email, role, workspace_ids, token_hash, invited_by, expires_at)
     VALUES ($1, $2, $3, 'viewer', '{}', $4, 'platform', $5)`,
    [newId(), organizationId, email, createHash('sha256').update(token).digest('hex'), expiresAt],
  );
  return token;
}

/** An organization with its own admin key, and SSO settings set through the API. */
async function organizationWith(settings: { ssoDomain: string | null; ssoDefaultRole: string | null }) {
  const org = await createTenant(ctx.db);
  const res = await ctx.app.inject({
    method: 'PATCH',
    url: `/v1/organizations/${org.organizationId}`,
    headers: org.headers,
    payload: settings,
  });
  expect(res.statusCode, res.body).toBe(200);
  return org;
}

let jitOrg: TestTenant;
let closedOrg: TestTenant;
beforeAll(async () => {
  jitOrg = await organizationWith({ ssoDomain: jitDomain, ssoDefaultRole: 'editor' });
  closedOrg = await organizationWith({ ssoDomain: closedDomain, ssoDefaultRole: null });
});

function expectRefusal(outcome: Awaited<ReturnType<typeof signInWithSso>>, code: string) {
  expect(outcome.error).toBe(code);
  expect(outcome.cookie).toBeNull();
  // The dashboard's sign-in page, on this site, with the reason in words.
  expect(outcome.landedAt.origin).toBe(appOrigin);
  expect(outcome.landedAt.pathname).toBe('/dashboard/');
  expect(outcome.landedAt.searchParams.get('page')).toBe('sign-in');
  expect(outcome.errorDescription).toMatch(/\w+ \w+ \w+/);
}

describe('GET /v1/auth/providers', () => {
  it('tells the dashboard that single sign-on is offered, and its name', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/v1/auth/providers' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ sso: { enabled: true, name: 'Test Identity' } });
  });

  it('says it is not, on a deployment without an OpenID Connect provider, whose SSO start is refused', async () => {
    const plain = await createTestContext();
    try {
      const res = await plain.app.inject({ method: 'GET', url: '/v1/auth/providers' });
      expect(res.json()).toEqual({ sso: { enabled: false, name: null } });
      const start = await plain.app.inject({
        method: 'POST',
        url: '/v1/auth/sign-in/social',
        payload: { provider: 'oidc', callbackURL: '/dashboard/' },
      });
      expect(start.statusCode).toBe(404);
      expect(start.json().detail).toMatch(/OIDC_ISSUER/);
    } finally {
      await plain.close();
    }
  });
});

describe('who gets in', () => {
  it('an invited person: the account is created at sign-in, signed in, then accepts the invitation', async () => {
    const email = idpPerson('invitee', domain('client'), true, 'Ines Invitee');
    const token = await invite(tenant.organizationId, email);

    const outcome = await signInWithSso({
      appOrigin,
      email,
      callbackURL: `/dashboard/?page=invitation&token=${token}`,
    });
    expect(outcome.error).toBeNull();
    expect(outcome.landedAt.href).toBe(`${appOrigin}/dashboard/?page=invitation&token=${token}`);
    expect(outcome.cookie).toMatch(/^citewatch\.session_token=/);

    const user = await userByEmail(email);
    expect(user).toMatchObject({ name: 'Ines Invitee', email_verified: true });
    const res = await me(outcome.cookie as string);
    expect(res.statusCode).toBe(200);
    // Membership comes from accepting the invitation, not from single sign-on.
    expect(res.json()).toMatchObject({ kind: 'user', user: { id: user?.id, email }, organizations: [] });
    const { rows } = await ctx.db.pool.query(
      `SELECT provider_id, access_token, refresh_token, id_token FROM user_accounts WHERE user_id = $1`,
      [user?.id],
    );
    // Only the link to the provider is kept, none of its tokens.
    expect(rows).toEqual([{ provider_id: 'oidc', access_token: null, refresh_token: null, id_token: null }]);

    // The invitation page accepts it for the signed-in person: no password is asked for.
    const accepted = await ctx.app.inject({
      method: 'POST',
      url: '/v1/invitations/accept',
      headers: { cookie: outcome.cookie as string, origin: appOrigin },
      payload: { token },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ organizationId: tenant.organizationId, userId: user?.id });
    expect((await me(outcome.cookie as string)).json().organizations).toEqual([
      expect.objectContaining({ id: tenant.organizationId, role: 'viewer' }),
    ]);
  });

  it('a person of an organization’s domain joins it just in time with its default role', async () => {
    const email = idpPerson('newcomer', jitDomain);
    const outcome = await signInWithSso({ appOrigin, email, callbackURL: '/' });
    expect(outcome.error).toBeNull();
    const user = await userByEmail(email);
    expect(user).toBeDefined();
    expect(await membershipsOf(user?.id as string)).toEqual([
      { organizationId: jitOrg.organizationId, role: 'editor' },
    ]);
    // The provider sent no name: the address's local part stands in.
    expect(user?.name).toBe(email.split('@')[0]);

    const res = await me(outcome.cookie as string);
    expect(res.json().organizations).toEqual([
      { id: jitOrg.organizationId, name: expect.any(String), role: 'editor', workspaceIds: null },
    ]);

    // The organization's audit log shows the join and the sign-in, by the person.
    await ctx.app.auditLog.drain();
    const log = await ctx.app.inject({
      url: `/v1/audit-log?actorId=${user?.id}`,
      headers: jitOrg.headers,
    });
    expect(log.statusCode, log.body).toBe(200);
    const entries = log.json().data as Array<{ action: string; actor: object; details: object }>;
    expect(entries.map((e) => e.action).sort()).toEqual(['member.sso_join', 'session.sign_in']);
    expect(entries.find((e) => e.action === 'member.sso_join')).toMatchObject({
      actor: { type: 'user', id: user?.id, label: email },
      details: { role: 'editor' },
    });
  });

  it('joins just in time only at the first SSO sign-in: a member removed later is not added back', async () => {
    const email = idpPerson('removed', jitDomain);
    expect((await signInWithSso({ appOrigin, email })).error).toBeNull();
    const user = (await userByEmail(email)) as { id: string };
    expect(await membershipsOf(user.id)).toHaveLength(1);
    await ctx.db.pool.query('DELETE FROM memberships WHERE user_id = $1', [user.id]);
    ctx.app.credentials.forgetUser(user.id);

    const again = await signInWithSso({ appOrigin, email });
    expect(again.error).toBeNull();
    expect(again.cookie).not.toBeNull();
    expect(await membershipsOf(user.id)).toEqual([]);
  });

  it('an existing password account with the same verified email is linked and keeps its memberships', async () => {
    const email = `carol-${randomUUID().slice(0, 6)}@${domain('agency')}`;
    const person = await createPerson(
      ctx.app,
      ctx.db,
      { organizationId: tenant.organizationId, role: 'viewer' },
      { email },
    );
    idp.addUser({ email, emailVerified: true, name: 'Carol at the provider' });

    const outcome = await signInWithSso({ appOrigin, email });
    expect(outcome.error).toBeNull();
    const res = await me(outcome.cookie as string);
    expect(res.json()).toMatchObject({
      user: { id: person.userId, email },
      organizations: [{ id: tenant.organizationId, role: 'viewer' }],
    });
    const { rows } = await ctx.db.pool.query(
      'SELECT provider_id FROM user_accounts WHERE user_id = $1 ORDER BY provider_id',
      [person.userId],
    );
    expect(rows.map((r) => r.provider_id)).toEqual(['credential', 'oidc']);
    // The password still works.
    const signIn = await ctx.app.inject({
      method: 'POST',
      url: '/v1/auth/sign-in/email',
      payload: { email, password: person.password },
    });
    expect(signIn.statusCode).toBe(200);
  });

  it('an existing account of a domain with a default role joins that organization at its first SSO sign-in', async () => {
    const email = `dave-${randomUUID().slice(0, 6)}@${jitDomain}`;
    const person = await createPerson(
      ctx.app,
      ctx.db,
      { organizationId: tenant.organizationId, role: 'admin' },
      { email },
    );
    idp.addUser({ email, emailVerified: true });
    expect((await signInWithSso({ appOrigin, email })).error).toBeNull();
    expect(await membershipsOf(person.userId)).toEqual(
      [
        { organizationId: tenant.organizationId, role: 'admin' },
        { organizationId: jitOrg.organizationId, role: 'editor' },
      ].sort((a, b) => a.organizationId.localeCompare(b.organizationId)),
    );
  });
});

describe('Microsoft Entra ID, which sends no email_verified claim', () => {
  it('takes the address as verified when the tenant vouches for its domain (xms_edov) or lists it as verified', async () => {
    const byDomain = `entra-edov-${randomUUID().slice(0, 6)}@${jitDomain}`;
    idp.addUser({ email: byDomain, emailVerified: null, emailClaims: { xms_edov: true } });
    expect((await signInWithSso({ appOrigin, email: byDomain })).error).toBeNull();
    const listed = `entra-listed-${randomUUID().slice(0, 6)}@${jitDomain}`;
    idp.addUser({
      email: listed,
      emailVerified: null,
      emailClaims: { verified_primary_email: [listed.toUpperCase()] },
    });
    expect((await signInWithSso({ appOrigin, email: listed })).error).toBeNull();
    expect(await userByEmail(byDomain)).toMatchObject({ email_verified: true });
    expect(await userByEmail(listed)).toMatchObject({ email_verified: true });
  });

  it('refuses the address when none of those claims vouch for it', async () => {
    const bare = `entra-bare-${randomUUID().slice(0, 6)}@${jitDomain}`;
    idp.addUser({ email: bare, emailVerified: null });
    expectRefusal(await signInWithSso({ appOrigin, email: bare }), 'sso_email_unverified');
    const other = `entra-other-${randomUUID().slice(0, 6)}@${jitDomain}`;
    idp.addUser({
      email: other,
      emailVerified: null,
      emailClaims: { xms_edov: false, verified_primary_email: [`someone-else@${jitDomain}`] },
    });
    expectRefusal(await signInWithSso({ appOrigin, email: other }), 'sso_email_unverified');
    // email_verified, when sent, decides even if other claims say otherwise.
    const explicit = `entra-explicit-${randomUUID().slice(0, 6)}@${jitDomain}`;
    idp.addUser({ email: explicit, emailVerified: false, emailClaims: { xms_edov: true } });
    expectRefusal(await signInWithSso({ appOrigin, email: explicit }), 'sso_email_unverified');
  });
});

describe('who is turned away, with no account created', () => {
  it('an identity whose email the provider has not verified, even in a domain that admits its people', async () => {
    const email = idpPerson('unverified', jitDomain, false);
    const outcome = await signInWithSso({ appOrigin, email });
    expectRefusal(outcome, 'sso_email_unverified');
    expect(outcome.errorDescription).toMatch(/not verified/);
    expect(await userByEmail(email)).toBeUndefined();
  });

  it('an unverified identity is not linked to the existing account with its email either', async () => {
    const email = `erin-${randomUUID().slice(0, 6)}@${domain('agency')}`;
    const person = await createPerson(
      ctx.app,
      ctx.db,
      { organizationId: tenant.organizationId, role: 'admin' },
      { email },
    );
    idp.addUser({ email, emailVerified: false });
    expectRefusal(await signInWithSso({ appOrigin, email }), 'sso_email_unverified');
    const { rows } = await ctx.db.pool.query('SELECT provider_id FROM user_accounts WHERE user_id = $1', [
      person.userId,
    ]);
    expect(rows.map((r) => r.provider_id)).toEqual(['credential']);
  });

  it('a stranger: no account, no invitation, no organization of their domain', async () => {
    const email = idpPerson('stranger', domain('nowhere'));
    const outcome = await signInWithSso({ appOrigin, email });
    expectRefusal(outcome, 'sso_not_invited');
    expect(outcome.errorDescription).toMatch(/invit/);
    expect(await userByEmail(email)).toBeUndefined();
  });

  it('a person of a domain whose organization admits nobody by domain (no default role)', async () => {
    const email = idpPerson('closed', closedDomain);
    expectRefusal(await signInWithSso({ appOrigin, email }), 'sso_not_invited');
    expect(await userByEmail(email)).toBeUndefined();
    const { rows } = await ctx.db.pool.query('SELECT count(*)::int AS n FROM memberships WHERE organization_id = $1', [
      closedOrg.organizationId,
    ]);
    expect(rows[0].n).toBe(0);
  });

  it('a person of another domain, even one that ends like an admitting domain', async () => {
    const email = idpPerson('lookalike', `sub.${jitDomain}`);
    expectRefusal(await signInWithSso({ appOrigin, email }), 'sso_not_invited');
    expect(await userByEmail(email)).toBeUndefined();
  });

  it('an invitation that expired or was revoked lets nobody in', async () => {
    const expired = idpPerson('expired', domain('client'));
    await invite(tenant.organizationId, expired, new Date(Date.now() - 1000));
    expectRefusal(await signInWithSso({ appOrigin, email: expired }), 'sso_not_invited');
    const revoked = idpPerson('revoked', domain('client'));
    await invite(tenant.organizationId, revoked);
    await ctx.db.pool.query('UPDATE invitations SET revoked_at = now() WHERE email = $1', [revoked]);
    expectRefusal(await signInWithSso({ appOrigin, email: revoked }), 'sso_not_invited');
    expect(await userByEmail(expired)).toBeUndefined();
    expect(await userByEmail(revoked)).toBeUndefined();
  });

  it('a refusal lands on the errorCallbackURL the dashboard gave', async () => {
    const email = idpPerson('stranger2', domain('nowhere'));
    const outcome = await signInWithSso({ appOrigin, email, errorCallbackURL: '/dashboard/?page=sign-in&from=sso' });
    expect(outcome.error).toBe('sso_not_invited');
    expect(outcome.landedAt.pathname).toBe('/dashboard/');
    expect(outcome.landedAt.searchParams.get('from')).toBe('sso');
  });
});

describe('the session single sign-on gives', () => {
  it('is a new session like a password sign-in: HttpOnly SameSite=Lax cookie, CSRF token for writes', async () => {
    const email = idpPerson('writer', jitDomain);
    const outcome = await signInWithSso({ appOrigin, email });
    const cookie = outcome.cookie as string;
    const meRes = await me(cookie);
    const { csrfToken, session } = meRes.json();
    expect(session.id).toEqual(expect.any(String));
    const headers = { cookie, 'x-organization-id': jitOrg.organizationId };

    const create = (extra: Record<string, string>) =>
      ctx.app.inject({
        method: 'POST',
        url: '/v1/workspaces',
        headers: { ...headers, ...extra },
        payload: { name: `SSO workspace ${run}` },
      });
    const without = await create({});
    expect(without.statusCode).toBe(403);
    expect(without.json().code).toBe('csrf_failed');
    expect((await create({ 'x-csrf-token': csrfToken })).statusCode).toBe(201);

    // The session appears among the person's sessions, and signing out ends it.
    const sessions = await ctx.app.inject({ method: 'GET', url: '/v1/me/sessions', headers: { cookie } });
    expect(sessions.json().data).toEqual([expect.objectContaining({ id: session.id, current: true })]);
    const out = await ctx.app.inject({
      method: 'POST',
      url: '/v1/auth/sign-out',
      headers: { cookie, origin: appOrigin },
    });
    expect(out.statusCode).toBe(200);
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it('sets the cookie with the attributes of a password sign-in', async () => {
    const email = idpPerson('cookie', jitDomain);
    const outcome = await signInWithSso({ appOrigin, email });
    expect(outcome.cookie).toMatch(/^citewatch\.session_token=[^;]+$/);
    expect(outcome.setCookie).toMatch(/HttpOnly/i);
    expect(outcome.setCookie).toMatch(/SameSite=Lax/i);
    expect(outcome.setCookie).toMatch(/Path=\//i);
    const { rows } = await ctx.db.pool.query(
      'SELECT s.token FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = $1',
      [email],
    );
    const token = decodeURIComponent((outcome.cookie as string).split('=')[1] as string).split('.')[0];
    expect(rows).toHaveLength(1);
    // Stored as its hash only, as for password sign-ins.
    expect(rows[0].token).toBe(
      createHash('sha256')
        .update(token as string)
        .digest('hex'),
    );
  });
});

describe('in a real browser', () => {
  it('Chromium signs in through the provider’s login form and lands signed in', async () => {
    if (!existsSync(CHROMIUM_PATH))
      throw new Error(`Chromium is not installed at ${CHROMIUM_PATH} (apt-get install chromium; .ci/run installs it).`);
    const email = idpPerson('browser', jitDomain, true, 'Bea Browser');
    const browser = await launchChromium();
    try {
      const context = await browser.newContext();
      const page = await context.newPage();
      page.setDefaultTimeout(PAGE_WAIT_MS);
      await page.goto(`${appOrigin}/v1/auth/providers`);
      // What the dashboard's button does: start, then send the browser to the provider.
      await page.evaluate(async () => {
        const res = await fetch('/v1/auth/sign-in/social', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ provider: 'oidc', callbackURL: '/v1/me' }),
        });
        const { location } = globalThis as unknown as { location: { assign(url: string): void } };
        location.assign(((await res.json()) as { url: string }).url);
      });
      await page.waitForURL(`${idp.issuer}/interaction/**`);
      await page.getByLabel('Email').fill(email);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(`${appOrigin}/v1/me`);
      const me = JSON.parse((await page.textContent('body')) as string);
      expect(me).toMatchObject({ kind: 'user', user: { email, name: 'Bea Browser' } });
      expect(me.organizations).toEqual([expect.objectContaining({ id: jitOrg.organizationId, role: 'editor' })]);
      const session = (await context.cookies(appOrigin)).find((c) => c.name === 'citewatch.session_token');
      expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    } finally {
      await browser.close();
    }
  });
});

describe('redirects stay on this site', () => {
  const start = (payload: Record<string, unknown>) =>
    ctx.app.inject({ method: 'POST', url: '/v1/auth/sign-in/social', payload: { provider: 'oidc', ...payload } });

  it.each([
    ['an absolute URL of another site', 'https://evil.example/steal'],
    ['a protocol-relative URL', '//evil.example/steal'],
    ['a backslash trick', '/\\evil.example'],
    ['an encoded slash', '/%2F%2Fevil.example'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a path without a leading slash', 'evil.example'],
  ])('refuses %s as callbackURL or errorCallbackURL', async (_what, url) => {
    for (const field of ['callbackURL', 'errorCallbackURL']) {
      const res = await start({ callbackURL: '/', [field]: url });
      expect(res.statusCode, `${field}: ${res.body}`).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.json().detail).toMatch(/path of this site/);
    }
  });

  it('accepts a path of this site and answers the provider’s authorization URL', async () => {
    const res = await start({ callbackURL: '/dashboard/?page=overview&from=sso' });
    expect(res.statusCode).toBe(200);
    const url = new URL(res.json().url);
    expect(url.origin).toBe(idp.issuer);
    expect(url.searchParams.get('redirect_uri')).toBe(`${appOrigin}/v1/auth/callback/oidc`);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('nonce')).toBeTruthy();
  });

  it('better-auth refuses another site’s address too, should a request reach it without our check', async () => {
    const request = (body: Record<string, unknown>) =>
      ctx.app.auth.handler(
        new Request(`${appOrigin}/v1/auth/sign-in/social`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ provider: 'oidc', ...body }),
        }),
      );
    expect((await request({ callbackURL: 'https://evil.example/' })).status).toBe(403);
    expect((await request({ callbackURL: '/', errorCallbackURL: '//evil.example/' })).status).toBe(403);
    expect((await request({ callbackURL: `${appOrigin}/dashboard/` })).status).toBe(200);
  });

  it('a callback with a forged state signs nobody in', async () => {
    const res = await fetch(`${appOrigin}/v1/auth/callback/oidc?code=forged&state=forged&iss=${idp.issuer}`, {
      redirect: 'manual',
    });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location') as string, appOrigin);
    expect(location.searchParams.get('error')).toBeTruthy();
    expect(res.headers.getSetCookie().some((c) => /session_token=[^;]/.test(c))).toBe(false);
  });
});

describe('organization settings for single sign-on', () => {
  const patch = (org: TestTenant, payload: Record<string, unknown>, headers: Record<string, string> = org.headers) =>
    ctx.app.inject({ method: 'PATCH', url: `/v1/organizations/${org.organizationId}`, headers, payload });

  it('sets, shows and clears the domain and default role; the domain is kept in lower case', async () => {
    const org = await createTenant(ctx.db);
    const name = domain('Settings').toUpperCase();
    const set = await patch(org, { ssoDomain: name, ssoDefaultRole: 'viewer' });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ ssoDomain: name.toLowerCase(), ssoDefaultRole: 'viewer' });
    const read = await ctx.app.inject({ url: `/v1/organizations/${org.organizationId}`, headers: org.headers });
    expect(read.json()).toMatchObject({ ssoDomain: name.toLowerCase(), ssoDefaultRole: 'viewer' });

    const roleOff = await patch(org, { ssoDefaultRole: null });
    expect(roleOff.json()).toMatchObject({ ssoDomain: name.toLowerCase(), ssoDefaultRole: null });
    const cleared = await patch(org, { ssoDomain: null });
    expect(cleared.json()).toMatchObject({ ssoDomain: null, ssoDefaultRole: null });
    // Renaming still works alone, and leaves the settings.
    expect((await patch(org, { name: 'Renamed' })).json()).toMatchObject({ name: 'Renamed', ssoDomain: null });
  });

  it.each([
    [{ ssoDomain: 'not a domain' }, /ssoDomain/],
    [{ ssoDomain: 'alice@' }, /ssoDomain/],
    [{ ssoDomain: '127.0.0.1' }, /ssoDomain/],
    [{ ssoDomain: 'co.uk' }, /ssoDomain/],
    [{ ssoDomain: 'gmail.com' }, /open mail service/],
    [{ ssoDefaultRole: 'owner' }, /ssoDefaultRole/],
    [{ ssoDefaultRole: 'client' }, /ssoDefaultRole/],
    [{ ssoDefaultRole: 'editor' }, /needs ssoDomain/],
    [{}, /at least one/],
  ])('refuses %j with a 400 that says what to fix', async (payload, message) => {
    const org = await createTenant(ctx.db);
    const res = await patch(org, payload);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().code).toBe('validation_failed');
    expect(res.body).toMatch(message);
  });

  it('a domain belongs to one organization: claiming another’s is a 409', async () => {
    const org = await createTenant(ctx.db);
    const res = await patch(org, { ssoDomain: jitDomain });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toMatch(/already claims/);
  });

  it('needs admin scope: a write key and an editor are refused', async () => {
    const org = await createTenant(ctx.db);
    const writer = await keyFor(ctx.db, org.organizationId, ['write']);
    expect((await patch(org, { ssoDomain: domain('denied') }, writer.headers)).statusCode).toBe(403);
    const editor = await createPerson(ctx.app, ctx.db, { organizationId: org.organizationId, role: 'editor' });
    expect((await patch(org, { ssoDomain: domain('denied') }, editor.writeHeaders)).statusCode).toBe(403);
    const admin = await createPerson(ctx.app, ctx.db, { organizationId: org.organizationId, role: 'admin' });
    const ok = await patch(org, { ssoDomain: domain('allowed'), ssoDefaultRole: 'viewer' }, admin.writeHeaders);
    expect(ok.statusCode, ok.body).toBe(200);
  });
});
