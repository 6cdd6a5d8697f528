/**
 * Password-reset and verification emails in an organization's white label, read back from a real
 * SMTP server in this process: a person of exactly one organization gets its display name,
 * colours, logo (inline, by Content-ID) and sender name; a person of several gets Citewatch's look
 * unless the request names one of their organizations; naming an organization they do not belong
 * to changes nothing; an organization without a white label leaves Citewatch's look.
 */
import { randomUUID } from 'node:crypto';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPasswordAccount } from '../../src/modules/accounts/accounts.service.js';
import { loadBranding } from '../../src/modules/branding/branding.service.js';
import { insertMembership } from '../../src/modules/members/members.repo.js';
import { createTenant, type TestTenant } from '../factories/index.js';
import { createPerson } from '../factories/people.js';
import { createTestContext, type TestContext } from '../helpers/context.js';
import { firstLink, type ReceivedEmail, type SmtpCatcher, startSmtp } from '../helpers/smtp.js';

let smtp: SmtpCatcher;
let ctx: TestContext;
let northwind: TestTenant;
let southwind: TestTenant;
let plain: TestTenant;

const post = (url: string, payload: object) => ctx.app.inject({ method: 'POST', url, payload });

function png(width: number, height: number): Buffer {
  const image = new PNG({ width, height });
  image.data.fill(200);
  return PNG.sync.write(image);
}

async function brand(tenant: TestTenant, fields: Record<string, string>, logo?: Buffer) {
  const path = `/v1/organizations/${tenant.organizationId}/branding`;
  const res = await ctx.app.inject({ method: 'PATCH', url: path, headers: tenant.headers, payload: fields });
  expect(res.statusCode, res.body).toBe(200);
  if (logo) {
    const up = await ctx.app.inject({
      method: 'PUT',
      url: `${path}/logo`,
      headers: { ...tenant.headers, 'content-type': 'image/png' },
      payload: logo,
    });
    expect(up.statusCode, up.body).toBe(200);
  }
}

beforeAll(async () => {
  smtp = await startSmtp();
  ctx = await createTestContext({ SMTP_URL: smtp.url, PUBLIC_BASE_URL: 'https://citewatch.example.com' });
  northwind = await createTenant(ctx.db);
  southwind = await createTenant(ctx.db);
  plain = await createTenant(ctx.db);
  await brand(
    northwind,
    {
      displayName: 'Northwind Agency',
      primaryColor: '#0b3d91',
      accentColor: '#f97316',
      emailSenderName: 'Northwind Reports',
    },
    png(400, 100),
  );
  await brand(southwind, { displayName: 'Southwind Studio', primaryColor: '#14532d', accentColor: '#be123c' });
});
afterAll(async () => {
  await ctx?.close();
  await smtp?.close();
});

const resetOf = async (email: string, organizationId?: string) => {
  const before = smtp.messages.length;
  const res = await post('/v1/auth/request-password-reset', { email, ...(organizationId ? { organizationId } : {}) });
  expect(res.statusCode, res.body).toBe(200);
  return smtp.waitFor((m) => m.to === email && smtp.messages.indexOf(m) >= before);
};

function expectCitewatchLook(mail: ReceivedEmail) {
  expect(mail.subject).toBe('Reset your Citewatch password');
  // MAIL_FROM as the deployment wrote it.
  expect(mail.from).toBe(ctx.env.MAIL_FROM);
  expect(mail.html).toContain('color:#1d4ed8');
  expect(mail.html).not.toContain('cid:');
  expect(mail.text).toContain('the password of your Citewatch account');
  expect(mail.text.trimEnd().endsWith('— Citewatch')).toBe(true);
  expect(mail.partTypes).toEqual(['text/plain', 'text/html']);
}

describe('account emails in the organization’s white label', () => {
  it('a person of exactly one organization: its name, colours, inline logo and sender name on the reset email', async () => {
    const person = await createPerson(ctx.app, ctx.db, { organizationId: northwind.organizationId, role: 'viewer' });
    const mail = await resetOf(person.email);
    expect(mail.subject).toBe('Reset your Northwind Agency password');
    expect(mail.from).toBe(`Northwind Reports <${mail.mailFrom}>`);
    expect(mail.text).toContain('asked to reset the password of your Northwind Agency account.');
    expect(mail.text.trimEnd().endsWith('— Northwind Agency')).toBe(true);
    expect(mail.html).toContain('color:#0b3d91');
    expect(mail.html).toContain('background:#f97316');
    // The logo, scaled into the 200×60 header box with its proportions, attached inline under its Content-ID.
    expect(mail.html).toContain('<img src="cid:logo@citewatch" width="200" height="50" alt="Northwind Agency"');
    expect(mail.partTypes).toContain('image/png');
    const part = /Content-Type: image\/png[^\r\n]*\r?\n((?:[^\r\n]+\r?\n)*?)\r?\n([A-Za-z0-9+/=\r\n]+)/.exec(mail.raw);
    expect(part?.[1]).toMatch(/Content-ID: <logo@citewatch>/i);
    const stored = await loadBranding(ctx.db, northwind.organizationId);
    expect(Buffer.from((part?.[2] ?? '').replace(/\s+/g, ''), 'base64').equals(stored.logo as Buffer)).toBe(true);
    // The link still works as any reset link.
    expect(new URL(firstLink(mail) as string).searchParams.get('page')).toBe('reset-password');
  });

  it('the verification email of a person of one organization wears its look too', async () => {
    const email = `unverified-${randomUUID().slice(0, 8)}@agency.example`;
    const password = `pw-${randomUUID()}`;
    const user = await createPasswordAccount(ctx.app.auth, { email, name: 'Nia', password, emailVerified: false });
    await insertMembership(ctx.db.pool, { organizationId: southwind.organizationId, role: 'viewer', userId: user.id });
    const res = await post('/v1/auth/send-verification-email', { email });
    expect(res.statusCode, res.body).toBe(200);
    const mail = await smtp.waitFor((m) => m.to === email);
    expect(mail.subject).toBe('Confirm your email address for Southwind Studio');
    // No sender name set: the display name stands in.
    expect(mail.from).toBe(`Southwind Studio <${mail.mailFrom}>`);
    expect(mail.text).toContain('Hello Nia,');
    expect(mail.text).toContain('finish setting up your Southwind Studio account.');
    expect(mail.html).toContain('color:#14532d');
    expect(mail.html).toContain('background:#be123c');
    // No logo: no image and no inline part.
    expect(mail.html).not.toContain('<img');
    expect(mail.partTypes).toEqual(['text/plain', 'text/html']);
    const link = new URL(firstLink(mail) as string);
    expect(link.pathname).toBe('/v1/auth/verify-email');
    const verified = await ctx.app.inject({ url: `${link.pathname}${link.search}` });
    expect([200, 302]).toContain(verified.statusCode);
  });

  it('a person of several organizations: Citewatch’s look, unless the request names one of theirs', async () => {
    const person = await createPerson(ctx.app, ctx.db, { organizationId: northwind.organizationId, role: 'viewer' });
    await insertMembership(ctx.db.pool, {
      organizationId: southwind.organizationId,
      role: 'editor',
      userId: person.userId,
    });
    expectCitewatchLook(await resetOf(person.email));

    const named = await resetOf(person.email, southwind.organizationId);
    expect(named.subject).toBe('Reset your Southwind Studio password');
    expect(named.html).toContain('color:#14532d');

    // An organization the person does not belong to is ignored: nobody borrows another's look.
    const stranger = await createTenant(ctx.db);
    await brand(stranger, { displayName: 'Stranger Things Ltd', primaryColor: '#111111', accentColor: '#222222' });
    const borrowed = await resetOf(person.email, stranger.organizationId);
    expectCitewatchLook(borrowed);
    expect(borrowed.raw).not.toContain('Stranger');
  });

  it('Citewatch’s look for a person whose organization set no white label, and for one of none', async () => {
    const person = await createPerson(ctx.app, ctx.db, { organizationId: plain.organizationId, role: 'viewer' });
    expectCitewatchLook(await resetOf(person.email));
    const loner = await createPerson(ctx.app, ctx.db, null);
    expectCitewatchLook(await resetOf(loner.email, northwind.organizationId));
  });

  it('refuses an organization that is not an id, naming the field', async () => {
    const res = await post('/v1/auth/request-password-reset', {
      email: 'x@agency.example',
      organizationId: 'northwind',
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: 'body.organizationId' }] });
  });
});
