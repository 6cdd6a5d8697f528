/**
 * People in the web dashboard, in a real browser (headless Chromium) against the API on a real
 * port: signing in with a password (and the API's message for a wrong one), asking for a password
 * reset, the account page ending another session, a viewer who finds no edit controls and whose
 * write tried from the page is refused by the API, a client who sees only the workspace shared
 * with them, a write from another origin refused for want of the CSRF token (and CORS letting that
 * origin read nothing), and a session that ends while the page is open. Each person has a browser
 * context of their own (their own cookies); screenshots go to test-results/dashboard-accounts/.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/lib/ids.js';
import { projectRoot } from '../../src/lib/paths.js';
import type { World } from '../factories/answers.js';
import { createDashboardWorld } from '../factories/dashboard-world.js';
import { createTenant, type TestTenant } from '../factories/index.js';
import { createPerson, signIn, type TestPerson } from '../factories/people.js';
import { apiClient } from '../helpers/api.js';
import {
  accessibilityProblems,
  assertBrowserTestsCanRun,
  launchChromium,
  watchProblems,
  PAGE_WAIT_MS,
} from '../helpers/browser.js';
import { createTestContext, type TestContext } from '../helpers/context.js';
import { freePort } from '../helpers/processes.js';
import { firstLink, type SmtpCatcher, startSmtp } from '../helpers/smtp.js';
import { type OidcProviderHandle, startOidcProvider } from '../helpers/oidc.js';

const SHOTS = join(projectRoot(), 'test-results', 'dashboard-accounts');
/** createDashboardWorld's workspace. */
const WORLD_NAME = 'Reports world';
const SESSION_ENDED = 'Your session has ended; sign in again.';
/** GET /v1/auth/providers is not served yet: the sign-in page then offers passwords only. */
const SIGN_IN_METHODS_UNKNOWN = /status of 404 .* at \S+\/v1\/auth\/providers$/;
/** The first screen asks GET /v1/me whether someone is signed in; the browser logs the 401 answering no. */
const NOBODY_SIGNED_IN = /status of 401 .* at \S+\/v1\/me$/;

let ctx: TestContext;
let tenant: TestTenant;
let world: World;
let otherWorkspace: { id: string; name: string };
let browser: Browser;
let origin: string;
let smtp: SmtpCatcher;
let idp: OidcProviderHandle;
/** People of this email domain join the tenant's organization as viewers at their first SSO sign-in. */
const SSO_DOMAIN = `sso-${randomUUID().slice(0, 8)}.example.com`;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  assertBrowserTestsCanRun();
  // Sign-in routes accept browser requests from PUBLIC_BASE_URL's origin only: the API must know
  // its address before it listens.
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  // Account emails go to a real SMTP server in this process, where the test reads their links.
  smtp = await startSmtp();
  // Single sign-on through a real OpenID Connect provider started here.
  idp = await startOidcProvider({
    users: [],
    clientId: 'citewatch-dashboard',
    clientSecret: 'dashboard-test-secret',
    redirectUri: `${origin}/v1/auth/callback/oidc`,
  });
  ctx = await createTestContext({
    PUBLIC_BASE_URL: origin,
    SMTP_URL: smtp.url,
    OIDC_ISSUER: idp.issuer,
    OIDC_CLIENT_ID: 'citewatch-dashboard',
    OIDC_CLIENT_SECRET: 'dashboard-test-secret',
    OIDC_NAME: 'Agency Login',
  });
  await ctx.app.listen({ host: '127.0.0.1', port });
  tenant = await createTenant(ctx.db);
  ({ world } = await createDashboardWorld(ctx.db, tenant.organizationId));
  otherWorkspace = await apiClient(ctx.app, tenant.headers).post('/v1/workspaces', { name: 'Another client' });
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchChromium();
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await ctx?.close();
  await smtp?.close();
  await idp?.close();
});

interface Tab {
  page: Page;
  problems: string[];
}

/** A browser of its own (cookies included) for one person. */
async function newTab(): Promise<Tab> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(PAGE_WAIT_MS);
  return { page, problems: watchProblems(page) };
}

/** Every page is checked for accessibility as it is screenshotted, in the state the picture shows. */
async function shot(page: Page, name: string): Promise<void> {
  expect(await accessibilityProblems(page), `accessibility of ${name}`).toEqual([]);
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** Signs in through the sign-in page, as a person would. */
async function signInAs(tab: Tab, person: Pick<TestPerson, 'email' | 'password'>, hash = ''): Promise<void> {
  await tab.page.goto(`${origin}/dashboard/${hash}`);
  await tab.page.getByLabel('Email', { exact: true }).fill(person.email);
  await tab.page.getByLabel('Password', { exact: true }).fill(person.password);
  await tab.page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await tab.page.getByRole('button', { name: 'Sign out', exact: true }).waitFor();
}

const person = (role: 'owner' | 'admin' | 'editor' | 'viewer' | 'client', workspaceIds?: string[]) =>
  createPerson(ctx.app, ctx.db, {
    organizationId: tenant.organizationId,
    role,
    ...(workspaceIds ? { workspaceIds } : {}),
  });

interface Answer {
  status: number;
  body: string;
  origin: string | undefined;
  cookie: string | undefined;
  allowOrigin: string | undefined;
}

/**
 * Records what the API server sends back for one route (method and path, any query), as it leaves
 * the server: the request's Origin and Cookie headers, the status, the body and any CORS permission.
 * Returns the list, filled as answers go out.
 */
function recordAnswers(server: Server, method: string, path: string): Answer[] {
  const answers: Answer[] = [];
  server.prependListener('request', (req, res) => {
    if (req.method !== method || req.url?.split('?')[0] !== path) return;
    const chunks: Buffer[] = [];
    const end = res.end.bind(res) as (...args: unknown[]) => typeof res;
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      if (typeof chunk === 'string' || chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
      answers.push({
        status: res.statusCode,
        body: Buffer.concat(chunks).toString('utf8'),
        origin: req.headers.origin,
        cookie: req.headers.cookie,
        allowOrigin: res.getHeader('access-control-allow-origin') as string | undefined,
      });
      return end(chunk, ...rest);
    }) as typeof res.end;
  });
  return answers;
}

/** Problems a page should never have, leaving out those the test caused on purpose. */
const unexpected = (problems: string[], ...expected: RegExp[]) =>
  problems.filter(
    (p) => !SIGN_IN_METHODS_UNKNOWN.test(p) && !NOBODY_SIGNED_IN.test(p) && !expected.some((e) => e.test(p)),
  );

describe('signing in', () => {
  it('signs in with a password into the workspaces, after showing the API’s message for a wrong one', async () => {
    const owner = await person('owner');
    const tab = await newTab();
    const { page } = tab;
    await page.goto(`${origin}/dashboard/`);
    await page.getByRole('heading', { level: 1, name: 'Sign in to Citewatch' }).waitFor();
    await shot(page, 'sign-in');

    const refused = await ctx.app.inject({
      method: 'POST',
      url: '/v1/auth/sign-in/email',
      payload: { email: owner.email, password: 'not the password' },
    });
    expect(refused.statusCode).toBe(401);
    await page.getByLabel('Email', { exact: true }).fill(owner.email);
    await page.getByLabel('Password', { exact: true }).fill('not the password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe(refused.json().detail);
    await shot(page, 'sign-in-refused');

    await page.getByLabel('Password', { exact: true }).fill(owner.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Workspaces' }).waitFor();
    const list = page.locator('.workspace-list a');
    // The heading comes before the list it heads: the list shows when its request answers.
    await expect
      .poll(async () => (await list.allTextContents()).sort())
      .toEqual([otherWorkspace.name, WORLD_NAME].sort());
    // An owner reaches the organization's pages; nobody was asked for an API key.
    const nav = page.getByRole('navigation', { name: 'Organization and account' });
    expect(await nav.getByRole('link').allTextContents()).toEqual([
      'Members',
      'Audit log',
      'Branding',
      'Workspaces',
      'API keys',
      'Provider keys',
      'Organization',
      'Account',
    ]);
    expect(await page.getByLabel('API key').count()).toBe(0);

    // The session lives in an HttpOnly cookie the page cannot read.
    const cookies = await page.context().cookies();
    const session = cookies.find((c) => c.name.endsWith('session_token'));
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe('Lax');
    expect(
      await page.evaluate(() => (globalThis as unknown as { document: { cookie: string } }).document.cookie),
    ).not.toContain('session_token');
    await page.getByRole('link', { name: WORLD_NAME }).click();
    await page.getByRole('heading', { level: 1, name: /Overview/ }).waitFor();
    await page.getByTestId(`vis-${world.brand('Nimbus CRM')}-all`).waitFor();
    await shot(page, 'signed-in-overview');
    expect(unexpected(tab.problems, /status of 401/)).toEqual([]);
  });

  it('resets a forgotten password through the emailed link, with one answer whether or not the address has an account', async () => {
    const viewer = await person('viewer');
    const tab = await newTab();
    const { page } = tab;
    await page.goto(`${origin}/dashboard/`);
    const unknown = `nobody-${viewer.email}`;
    const said: string[] = [];
    for (const email of [unknown, viewer.email]) {
      await page.getByRole('button', { name: 'Forgot password?' }).click();
      await page.getByLabel('Email', { exact: true }).fill(email);
      await page.getByRole('button', { name: 'Email me a link' }).click();
      const status = page.locator('.notice[role="status"]');
      await status.waitFor();
      said.push((await status.textContent()) ?? '');
      if (email === viewer.email) await shot(page, 'password-reset-requested');
      await page.getByRole('button', { name: 'Back to signing in' }).click();
    }
    expect(said[0]).toMatch(/link to choose a new password/);
    expect(said[1]).toBe(said[0]);

    const mail = await smtp.waitFor((m) => m.to === viewer.email && /password/i.test(m.subject));
    expect(smtp.messages.filter((m) => m.to === unknown)).toEqual([]);
    const link = firstLink(mail);
    expect(link.startsWith(`${origin}/`)).toBe(true);
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
    // The token is not left in the query, where a later page's referrer could carry it.
    expect(new URL(page.url()).search).toBe('');
    const newPassword = `new passphrase ${viewer.userId.slice(-6)}`;
    await page.getByLabel('New password', { exact: true }).fill(newPassword);
    await page.getByLabel('New password, again').fill(newPassword);
    await shot(page, 'reset-password');
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in to Citewatch' }).waitFor();
    expect(await page.locator('.notice[role="status"]').textContent()).toBe(
      'Your password was changed. Sign in with the new one.',
    );

    // Every earlier session ended; the old password no longer works, the new one does.
    expect((await ctx.app.inject({ url: '/v1/me', headers: viewer.headers })).statusCode).toBe(401);
    const old = await ctx.app.inject({
      method: 'POST',
      url: '/v1/auth/sign-in/email',
      payload: { email: viewer.email, password: viewer.password },
    });
    expect(old.statusCode).toBe(401);
    await signInAs(tab, { email: viewer.email, password: newPassword });
    await page.getByRole('heading', { level: 1, name: /Overview|Workspaces/ }).waitFor();
    // The link works once.
    await page.goto(link);
    await page.getByLabel('New password', { exact: true }).fill(`${newPassword} again`);
    await page.getByLabel('New password, again').fill(`${newPassword} again`);
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/ask for a new one/);
    expect(unexpected(tab.problems, /status of 401/, /status of 400/)).toEqual([]);
  });
});

describe('pages an email or single sign-on leads to', () => {
  it('the site’s root leads to the dashboard, keeping the link’s fragment and an SSO error', async () => {
    const root = await fetch(`${origin}/?error=access_denied`, { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/dashboard/?error=access_denied');

    const tab = await newTab();
    const { page } = tab;
    await page.goto(`${origin}/?error=access_denied&error_description=The+identity+provider+said+no#/`);
    await page.getByRole('heading', { level: 1, name: 'Sign in to Citewatch' }).waitFor();
    expect(await page.getByRole('alert').textContent()).toBe(
      'Single sign-on did not sign you in: The identity provider said no (access_denied)',
    );
    // Read once, then gone from the address.
    expect(new URL(page.url()).search).toBe('');

    await page.goto(`${origin}/#/reset-password?token=not-a-real-token`);
    await page.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
    const refused = await ctx.app.inject({
      method: 'POST',
      url: '/v1/auth/reset-password',
      payload: { token: 'not-a-real-token', newPassword: 'a long enough passphrase' },
    });
    expect(refused.statusCode).toBe(400);
    await page.getByLabel('New password', { exact: true }).fill('a long enough passphrase');
    await page.getByLabel('New password, again').fill('a long enough passphrase');
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain(refused.json().detail);
    expect(await page.getByRole('alert').textContent()).toMatch(/ask for a new one/);
    await shot(page, 'reset-password-refused');
    expect(unexpected(tab.problems, /status of 400/)).toEqual([]);
  });
});

describe('the account page', () => {
  it('lists the person’s sessions, this one marked, ends another one, changes the password and signs out', async () => {
    const editor = await person('editor');
    const tab = await newTab();
    const { page } = tab;
    await signInAs(tab, editor);
    // Another browser: a second session of the same person.
    const elsewhere = await signIn(ctx.app, editor.email, editor.password);
    const elsewhereId = (await ctx.app.inject({ url: '/v1/me', headers: elsewhere.headers })).json().session.id;

    await page.getByRole('link', { name: 'Account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
    expect(await page.getByTestId('account-email').textContent()).toBe(editor.email);
    const { data: sessions } = (await ctx.app.inject({ url: '/v1/me/sessions', headers: editor.headers })).json();
    const rows = page.locator('table.sessions tbody tr');
    await expect.poll(() => rows.count()).toBe(sessions.length);
    expect(await page.locator('table.sessions .tag').allTextContents()).toEqual(['This session']);
    await shot(page, 'account');

    await page
      .getByTestId(`session-${elsewhereId}`)
      .getByRole('button', { name: /^End session/ })
      .click();
    await page.getByTestId(`session-${elsewhereId}`).waitFor({ state: 'detached' });
    await page.getByText(/was ended/).waitFor();
    // That browser is signed out at once; this one is not.
    expect((await ctx.app.inject({ url: '/v1/me', headers: elsewhere.headers })).statusCode).toBe(401);
    expect(await page.locator('table.sessions .tag').allTextContents()).toEqual(['This session']);

    // A new password, the other sessions ended: this browser stays signed in and can still write.
    const newPassword = `changed passphrase ${editor.userId.slice(-6)}`;
    await page.getByLabel('Current password').fill(editor.password);
    await page.getByLabel('New password', { exact: true }).fill(newPassword);
    await page.getByLabel('New password, again').fill(newPassword);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Your password was changed and your other sessions were ended.').waitFor();
    expect((await ctx.app.inject({ url: '/v1/me', headers: editor.headers })).statusCode).toBe(401);
    const write = await page.evaluate(async (url) => {
      const me = (await (await fetch('/v1/me')).json()) as { csrfToken: string };
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify({ name: 'Added after a new password', kind: 'competitor' }),
      });
      return res.status;
    }, `${world.base}/brands`);
    expect(write).toBe(201);
    const signedIn = await ctx.app.inject({
      method: 'POST',
      url: '/v1/auth/sign-in/email',
      payload: { email: editor.email, password: newPassword },
    });
    expect(signedIn.statusCode).toBe(200);

    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in to Citewatch' }).waitFor();
    expect(await page.getByRole('status').first().textContent()).toBe('You signed out.');
    const cookie = (await page.context().cookies()).find((c) => c.name.endsWith('session_token'));
    expect(cookie).toBeUndefined();
    expect(unexpected(tab.problems, /status of 401/)).toEqual([]);
  });
});

describe('roles', () => {
  it('a viewer finds no edit controls on the members page, and the API refuses the writes tried from the page anyway', async () => {
    const viewer = await person('viewer');
    const tab = await newTab();
    const { page } = tab;
    await signInAs(tab, viewer);
    const nav = page.getByRole('navigation', { name: 'Organization and account' });
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Members', 'Account']);
    await nav.getByRole('link', { name: 'Members' }).click();
    await page.getByTestId(`member-${viewer.userId}`).waitFor();
    const members = (await ctx.app.inject({ url: '/v1/members?limit=200', headers: viewer.headers })).json();
    expect(await page.locator('table.members tbody tr').count()).toBe(members.data.length);
    // Nothing to change: no buttons, fields or forms at all, not merely disabled ones.
    expect(await page.locator('main button, main input, main select, main form').count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Invite someone' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Pending invitations' }).count()).toBe(0);
    await shot(page, 'members-viewer');

    // The API decides, whatever the page shows: the viewer's own session and CSRF token, two writes.
    const own = members.data.find((m: { userId: string }) => m.userId === viewer.userId);
    const attempts = await page.evaluate(
      async ({ memberId, email }) => {
        const me = (await (await fetch('/v1/me')).json()) as { csrfToken: string };
        const send = async (method: string, url: string, body: unknown) => {
          const res = await fetch(url, {
            method,
            headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
            body: JSON.stringify(body),
          });
          return { status: res.status, body: (await res.json()) as { code: string; detail: string } };
        };
        return [
          await send('POST', '/v1/invitations', { email, role: 'admin' }),
          await send('PATCH', `/v1/members/${memberId}`, { role: 'admin' }),
        ];
      },
      { memberId: own.id, email: `friend-of-${viewer.email}` },
    );
    for (const attempt of attempts) {
      expect(attempt.status).toBe(403);
      expect(attempt.body.code).toBe('forbidden');
      expect(attempt.body.detail).toMatch(/viewer/);
    }
    const owner = apiClient(ctx.app, tenant.headers);
    expect(
      (await owner.get('/v1/invitations?status=all&limit=200')).data.map((i: { email: string }) => i.email),
    ).not.toContain(`friend-of-${viewer.email}`);
    const after = (await owner.get('/v1/members?limit=200')).data.find(
      (m: { userId: string }) => m.userId === viewer.userId,
    );
    expect(after.role).toBe('viewer');
    expect(unexpected(tab.problems, /status of 403/)).toEqual([]);
  });

  it('a client sees only the workspace shared with them, and another workspace’s address is refused', async () => {
    const client = await person('client', [world.workspaceId]);
    const tab = await newTab();
    const { page } = tab;
    await signInAs(tab, client);
    // One workspace shared: it opens at once, and it is the only one offered.
    await page.getByRole('heading', { level: 1, name: new RegExp(`Overview · ${WORLD_NAME}`) }).waitFor();
    expect(await page.getByLabel('Workspace').locator('option').allTextContents()).toEqual([WORLD_NAME]);
    const nav = page.getByRole('navigation', { name: 'Organization and account' });
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Account']);
    await page.getByTestId(`vis-${world.brand('Nimbus CRM')}-all`).waitFor();
    await shot(page, 'client-overview');

    await page.goto(`${origin}/dashboard/#/w/${otherWorkspace.id}/overview`);
    const refusal = await ctx.app.inject({ url: `/v1/workspaces/${otherWorkspace.id}`, headers: client.headers });
    expect(refusal.statusCode).toBe(404);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain(refusal.json().detail);
    expect(await page.getByText(otherWorkspace.name).count()).toBe(0);
    await shot(page, 'client-refused');
    expect(unexpected(tab.problems, /status of 404/)).toEqual([]);
  });
});

describe('members and invitations', () => {
  it('an owner invites a client by email, who joins from the link into the shared workspace’s reports without ever seeing an API key', async () => {
    const owner = await person('owner');
    const ownerTab = await newTab();
    await signInAs(ownerTab, owner);
    const members = ownerTab.page;
    await members.getByRole('link', { name: 'Members' }).click();
    await members.getByTestId(`member-${owner.userId}`).waitFor();

    const email = `client-${owner.userId.slice(-8)}@nimbuscrm.example`;
    await members.getByLabel('Email', { exact: true }).fill(email);
    await members.getByLabel('Role', { exact: true }).selectOption('client');
    await members.getByRole('checkbox', { name: WORLD_NAME }).check();
    await members.getByRole('button', { name: 'Send invitation' }).click();
    await members.getByText(`Invitation sent to ${email} as Client.`, { exact: false }).waitFor();
    await members.getByTestId(`invitation-${email}`).waitFor();
    expect(await members.getByTestId(`invitation-${email}`).textContent()).toContain(WORLD_NAME);
    await shot(members, 'members-owner');

    const link = firstLink(await smtp.waitFor((m) => m.to === email));
    expect(link.startsWith(`${origin}/`)).toBe(true);
    const guest = await newTab();
    const { page } = guest;
    const keyForm = page.getByLabel('API key');
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: /^Join / }).waitFor();
    expect(await page.locator('main').textContent()).toContain(email);
    expect(await page.locator('main').textContent()).toContain('Client');
    expect(await keyForm.count()).toBe(0);
    await page.getByLabel('Your name').fill('Carla Client');
    await page.getByLabel('Password', { exact: true }).fill('the client’s own passphrase');
    await page.getByLabel('Password, again').fill('the client’s own passphrase');
    await shot(page, 'invitation');
    await page.getByRole('button', { name: 'Create my account and join' }).click();

    // Straight into the one workspace shared with them, its reports on screen.
    await page.getByRole('heading', { level: 1, name: new RegExp(`Overview · ${WORLD_NAME}`) }).waitFor();
    await page.getByTestId(`vis-${world.brand('Nimbus CRM')}-all`).waitFor();
    expect(await keyForm.count()).toBe(0);
    expect(
      await page.evaluate(
        () => (globalThis as unknown as { sessionStorage: { length: number } }).sessionStorage.length,
      ),
    ).toBe(0);
    expect(new URL(page.url()).hash).not.toContain('token');
    expect(unexpected(guest.problems)).toEqual([]);

    // The owner sees the new client, and shares a second workspace with them.
    await members.reload();
    const row = members.locator('table.members tbody tr', { hasText: email });
    await row.waitFor();
    expect(await row.locator('td').nth(1).textContent()).toBe('Client');
    expect(await members.getByTestId(`invitation-${email}`).count()).toBe(0);
    await row.getByRole('button', { name: 'Edit Carla Client' }).click();
    await members.getByRole('checkbox', { name: otherWorkspace.name }).check();
    await members.getByRole('button', { name: 'Save changes' }).click();
    await members.getByText('Saved: Carla Client is a client with 2 shared workspaces.').waitFor();
    await shot(members, 'members-edit-client');
    await expect.poll(() => row.locator('td').nth(2).textContent()).toContain(otherWorkspace.name);

    // The client's next page shows it.
    await page.reload();
    await expect
      .poll(async () => (await page.getByLabel('Workspace').locator('option').allTextContents()).sort())
      .toEqual([otherWorkspace.name, WORLD_NAME].sort());

    // The link worked once.
    const again = await newTab();
    await again.page.goto(link);
    await again.page.getByRole('heading', { level: 1, name: 'This invitation cannot be used' }).waitFor();
    expect(await again.page.getByRole('alert').textContent()).toMatch(/already been used/);
    await shot(again.page, 'invitation-used');
    expect(unexpected(ownerTab.problems)).toEqual([]);
  });

  it('someone with an account signs in from the invitation to join, then switches between organizations', async () => {
    const owner = await person('owner');
    const elsewhere = await createTenant(ctx.db);
    const existing = await createPerson(ctx.app, ctx.db, { organizationId: elsewhere.organizationId, role: 'owner' });
    const invited = await ctx.app.inject({
      method: 'POST',
      url: '/v1/invitations',
      headers: owner.writeHeaders,
      payload: { email: existing.email, role: 'viewer' },
    });
    expect(invited.statusCode, invited.body).toBe(201);

    const link = firstLink(await smtp.waitFor((m) => m.to === existing.email));
    const tab = await newTab();
    const { page } = tab;
    await page.goto(link);
    await page.getByRole('heading', { name: 'Sign in to accept' }).waitFor();
    expect(await page.locator('main').textContent()).toContain(existing.email);
    await shot(page, 'invitation-existing-account');
    await page.getByLabel('Password', { exact: true }).fill(existing.password);
    await page.getByRole('button', { name: /^Sign in and join / }).click();

    // Joined: the new organization is the one shown, and the header switches between the two.
    const switcher = page.getByRole('combobox', { name: /^Organization/ });
    await switcher.waitFor();
    expect((await switcher.locator('option').allTextContents()).length).toBe(2);
    await page.getByRole('heading', { level: 1, name: 'Workspaces' }).waitFor();
    await expect
      .poll(async () => (await page.locator('.workspace-list a').allTextContents()).sort())
      .toEqual([otherWorkspace.name, WORLD_NAME].sort());
    await switcher.selectOption(elsewhere.organizationId);
    await page.getByText('This organization has no workspace yet', { exact: false }).waitFor();
    expect(await page.locator('.workspace-list a').count()).toBe(0);
    expect(unexpected(tab.problems)).toEqual([]);
  });

  it('a revoked invitation’s link says it no longer works', async () => {
    const owner = await person('owner');
    const email = `revoked-${owner.userId.slice(-8)}@agency.example`;
    const invited = await ctx.app.inject({
      method: 'POST',
      url: '/v1/invitations',
      headers: owner.writeHeaders,
      payload: { email, role: 'editor' },
    });
    expect(invited.statusCode, invited.body).toBe(201);
    const link = firstLink(await smtp.waitFor((m) => m.to === email));

    const ownerTab = await newTab();
    await signInAs(ownerTab, owner, '#/members');
    const row = ownerTab.page.getByTestId(`invitation-${email}`);
    await row.getByRole('button', { name: `Revoke the invitation of ${email}` }).click();
    await row.waitFor({ state: 'detached' });
    await ownerTab.page.getByText(`The invitation of ${email} was revoked`, { exact: false }).waitFor();

    const tab = await newTab();
    await tab.page.goto(link);
    await tab.page.getByRole('heading', { level: 1, name: 'This invitation cannot be used' }).waitFor();
    const token = decodeURIComponent(/token=([^&#]+)/.exec(link)?.[1] ?? '');
    const lookup = await ctx.app.inject({ url: `/v1/invitations/lookup?token=${encodeURIComponent(token)}` });
    expect(lookup.statusCode).toBeGreaterThanOrEqual(400);
    expect(await tab.page.getByRole('alert').textContent()).toContain(lookup.json().detail);
  });
});

describe('the audit log', () => {
  it('an owner reads who did what, filtered by action and by who acted, older entries on demand', async () => {
    const org = await createTenant(ctx.db);
    const owner = await createPerson(ctx.app, ctx.db, { organizationId: org.organizationId, role: 'owner' });
    // 55 earlier changes by the owner: more than a page.
    for (let i = 0; i < 55; i++) {
      await ctx.db.pool.query(
        `INSERT INTO audit_events (id, organization_id, actor_type, actor_id, actor_label, action, target_type, target_id, details, ip, request_id)
         VALUES ($1, $2, 'user', $3, $4, 'brand.update', 'brand', $5, $6, '192.0.2.7', $7)`,
        [newId(), org.organizationId, owner.userId, owner.email, newId(), { name: `Brand ${i}` }, `req-${i}`],
      );
    }
    const tab = await newTab();
    const { page } = tab;
    await signInAs(tab, owner);
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('heading', { level: 1, name: /^Audit log/ }).waitFor();
    await page.getByRole('combobox', { name: /^Who/ }).selectOption(`user:${owner.userId}`);
    await page.getByLabel('Action').fill('brand.');
    await page.getByRole('button', { name: 'Filter' }).click();
    const rows = page.locator('table.audit-log tbody tr');
    // The unfiltered list also fills a page of 50: wait for the filtered one.
    await expect
      .poll(async () => [...new Set(await rows.locator('td code').allTextContents())])
      .toEqual(['brand.update']);
    expect(await rows.count()).toBe(50);
    expect(await rows.first().textContent()).toContain('name: Brand 54');
    await page.getByRole('button', { name: 'Load more' }).click();
    await expect.poll(() => rows.count()).toBe(55);
    expect(await page.getByRole('button', { name: 'Load more' }).count()).toBe(0);
    expect(await rows.last().textContent()).toContain('name: Brand 0');
    await shot(page, 'audit-log');

    // The owner's sign-in is recorded too (written in the background): the filter finds it.
    const signIns = () =>
      ctx.app
        .inject({ url: '/v1/audit-log?action=session.sign_in', headers: owner.headers })
        .then((r) => r.json().data);
    await expect.poll(async () => (await signIns()).length).toBeGreaterThan(0);
    await page.getByLabel('Action').fill('session.sign_in');
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect.poll(() => rows.count()).toBe((await signIns()).length);
    expect(await rows.first().textContent()).toContain(owner.email);
    expect(unexpected(tab.problems)).toEqual([]);
  });
});

describe('cross-site requests', () => {
  let elsewhere: Server;
  let elsewhereOrigin: string;
  beforeAll(async () => {
    // Another site's page on another port of the same host: same site, other origin, so the
    // browser sends the SameSite=Lax session cookie with its requests to the API.
    elsewhere = createServer((_req, res) =>
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end('<!doctype html><html lang="en"><title>Elsewhere</title><h1>Another site</h1></html>'),
    );
    await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
    elsewhereOrigin = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => elsewhere?.close(resolve));
  });

  it('refuses a write another origin makes with the signed-in cookie, for want of the CSRF token; CORS lets it read nothing', async () => {
    const editor = await person('editor');
    const tab = await newTab();
    await signInAs(tab, editor);
    const attacker = await tab.page.context().newPage();
    await attacker.goto(`${elsewhereOrigin}/`);
    const url = `${origin}${world.base}/brands`;
    // A "simple" request (text/plain, no preflight) reaches the API with the cookie: refused.
    // What the API answers is read where it leaves the server: the browser rightly hides it from
    // the other origin, and from the test's view of that page too.
    const answers = recordAnswers(ctx.app.server, 'POST', `${world.base}/brands`);
    const simple = await attacker.evaluate(
      (target) =>
        fetch(target, {
          method: 'POST',
          credentials: 'include',
          headers: { 'content-type': 'text/plain' },
          body: JSON.stringify({ name: 'Planted from elsewhere', kind: 'competitor' }),
        }).then(
          (r) => `read ${r.status}`,
          (e: Error) => `refused: ${e.name}`,
        ),
      url,
    );
    // A "simple" request (text/plain, no preflight) reached the API with the cookie: refused.
    expect(simple).toBe('refused: TypeError');
    expect(answers).toHaveLength(1);
    const [answer] = answers;
    expect(answer?.origin).toBe(elsewhereOrigin);
    expect(answer?.cookie).toMatch(/session_token=/);
    expect(answer?.status).toBe(403);
    expect(JSON.parse(answer?.body ?? '{}').code).toBe('csrf_failed');
    expect(answer?.allowOrigin).toBeUndefined();

    // CORS: the other origin can read nothing, not even the CSRF token, and a JSON write never
    // leaves the browser (its preflight is not answered with permission).
    const reads = await attacker.evaluate(async (api) => {
      const outcome = async (p: Promise<Response>) =>
        p.then(
          (r) => `read ${r.status}`,
          (e: Error) => `refused: ${e.name}`,
        );
      return {
        me: await outcome(fetch(`${api}/v1/me`, { credentials: 'include' })),
        json: await outcome(
          fetch(`${api}/v1/workspaces`, {
            method: 'POST',
            credentials: 'include',
            headers: { 'content-type': 'application/json', 'x-csrf-token': 'guessed' },
            body: JSON.stringify({ name: 'Planted from elsewhere' }),
          }),
        ),
      };
    }, origin);
    expect(reads).toEqual({ me: 'refused: TypeError', json: 'refused: TypeError' });

    const api = apiClient(ctx.app, tenant.headers);
    expect((await api.get(`${world.base}/brands?limit=200`)).data.map((b: { name: string }) => b.name)).not.toContain(
      'Planted from elsewhere',
    );
    expect((await api.get('/v1/workspaces?limit=200')).data.map((w: { name: string }) => w.name)).not.toContain(
      'Planted from elsewhere',
    );
    // The same editor's own page writes, with the token: the cookie alone was what fell short.
    const own = await tab.page.evaluate(async (target) => {
      const me = (await (await fetch('/v1/me')).json()) as { csrfToken: string };
      const res = await fetch(target, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify({ name: 'Added by the editor', kind: 'competitor' }),
      });
      return res.status;
    }, `${world.base}/brands`);
    expect(own).toBe(201);
  });
});

describe('a session that ends', () => {
  it('sends the person to the sign-in page with a notice at their next action, and back after signing in', async () => {
    const viewer = await person('viewer');
    const tab = await newTab();
    const { page } = tab;
    await signInAs(tab, viewer, `#/w/${world.workspaceId}/overview`);
    await page.getByTestId(`vis-${world.brand('Nimbus CRM')}-all`).waitFor();

    await ctx.db.pool.query(`UPDATE sessions SET expires_at = now() - interval '1 minute' WHERE user_id = $1`, [
      viewer.userId,
    ]);
    ctx.app.credentials.forgetUser(viewer.userId);
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Runs' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in to Citewatch' }).waitFor();
    expect(await page.locator('.notice[role="status"]').textContent()).toBe(SESSION_ENDED);
    await shot(page, 'session-ended');

    // Signing in again leads back to the page the person was going to.
    await page.getByLabel('Email', { exact: true }).fill(viewer.email);
    await page.getByLabel('Password', { exact: true }).fill(viewer.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: /^Runs/ }).waitFor();
    expect(unexpected(tab.problems, /status of 401/)).toEqual([]);
  });
});

describe('single sign-on', () => {
  it('signs in from the sign-in page through the identity provider, into the organization of the email domain', async () => {
    const settings = await ctx.app.inject({
      method: 'PATCH',
      url: `/v1/organizations/${tenant.organizationId}`,
      headers: tenant.headers,
      payload: { ssoDomain: SSO_DOMAIN, ssoDefaultRole: 'viewer' },
    });
    expect(settings.statusCode, settings.body).toBe(200);
    const email = `bea@${SSO_DOMAIN}`;
    idp.addUser({ email, emailVerified: true, name: 'Bea Browser' });
    const tab = await newTab();
    await tab.page.goto(`${origin}/dashboard/`);
    const button = tab.page.getByRole('button', { name: 'Sign in with Agency Login' });
    await button.waitFor();
    await shot(tab.page, 'sign-in-with-sso');
    await button.click();
    await tab.page.waitForURL(`${idp.issuer}/interaction/**`);
    await tab.page.getByLabel('Email').fill(email);
    await tab.page.getByRole('button', { name: 'Sign in' }).click();
    // Back on the dashboard, signed in, with the organization's workspaces.
    await tab.page.getByRole('button', { name: 'Sign out', exact: true }).waitFor();
    await tab.page.locator('option', { hasText: WORLD_NAME }).first().waitFor({ state: 'attached' });
    await shot(tab.page, 'signed-in-by-sso');
    const me = (await tab.page.evaluate(async () => (await fetch('/v1/me')).json())) as {
      organizations: unknown[];
    };
    expect(me).toMatchObject({ kind: 'user', user: { email } });
    expect(me.organizations).toEqual([expect.objectContaining({ id: tenant.organizationId, role: 'viewer' })]);
    // The identity provider's own page asks for a favicon it does not have: not Citewatch's.
    expect(unexpected(tab.problems, /favicon\.ico$/)).toEqual([]);
  });
});
