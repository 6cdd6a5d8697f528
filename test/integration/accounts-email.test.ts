/**
 * Account flows that go through email, against a real SMTP server in this process: password reset
 * by a single-use, expiring link; email verification; the same answer for unknown addresses; and
 * sign-in attempts limited per account and per client address.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPasswordAccount } from '../../src/modules/accounts/accounts.service.js';
import { createTenant, type TestTenant } from '../factories/index.js';
import { createPerson, signIn } from '../factories/people.js';
import { createTestContext, type TestContext } from '../helpers/context.js';
import { firstLink, startSmtp, type SmtpCatcher } from '../helpers/smtp.js';

let smtp: SmtpCatcher;
let ctx: TestContext;
let tenant: TestTenant;

beforeAll(async () => {
  smtp = await startSmtp();
  ctx = await createTestContext({ SMTP_URL: smtp.url, PUBLIC_BASE_URL: 'https://citewatch.example.com' });
  tenant = await createTenant(ctx.db);
});
afterAll(async () => {
  await ctx?.close();
  await smtp?.close();
});

const post = (url: string, payload: object, headers: Record<string, string> = {}) =>
  ctx.app.inject({ method: 'POST', url, payload, headers });

/** The token of a dashboard link (…/dashboard/?page=reset-password&token=…). */
function tokenOf(link: string, page: string): string {
  const url = new URL(link);
  expect(url.origin).toBe('https://citewatch.example.com');
  expect(url.pathname).toBe('/dashboard/');
  expect(url.searchParams.get('page')).toBe(page);
  return url.searchParams.get('token') as string;
}

describe('password reset', () => {
  it('emails a single-use link; the new password works, the old one and every session end', async () => {
    const person = await createPerson(ctx.app, ctx.db, { organizationId: tenant.organizationId, role: 'viewer' });
    const asked = await post('/v1/auth/request-password-reset', { email: person.email });
    expect(asked.statusCode).toBe(200);
    expect(asked.json()).toEqual({ status: true });
    const mail = await smtp.waitFor((m) => m.to === person.email && /reset/i.test(m.subject));
    expect(mail.html).toContain('Choose a new password');
    const token = tokenOf(firstLink(mail) as string, 'reset-password');

    const newPassword = `new-${randomUUID()}`;
    const reset = await post('/v1/auth/reset-password', { token, newPassword });
    expect(reset.statusCode, reset.body).toBe(200);
    // The session from before the reset has ended.
    expect((await ctx.app.inject({ url: '/v1/me', headers: person.headers })).statusCode).toBe(401);
    // The old password no longer signs in; the new one does.
    expect((await post('/v1/auth/sign-in/email', { email: person.email, password: person.password })).statusCode).toBe(
      401,
    );
    await signIn(ctx.app, person.email, newPassword);
    // The link works once.
    const again = await post('/v1/auth/reset-password', { token, newPassword: `other-${randomUUID()}` });
    expect(again.statusCode).toBe(400);
    expect(again.headers['content-type']).toMatch(/problem\+json/);
  });

  it('answers an unknown address exactly as a known one, and sends nothing', async () => {
    const unknown = `nobody-${randomUUID().slice(0, 8)}@agency.example`;
    const res = await post('/v1/auth/request-password-reset', { email: unknown });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: true });
    // A known address asked after it is delivered; the unknown one never is.
    const person = await createPerson(ctx.app, ctx.db, { organizationId: tenant.organizationId, role: 'viewer' });
    await post('/v1/auth/request-password-reset', { email: person.email });
    await smtp.waitFor((m) => m.to === person.email);
    expect(smtp.messages.some((m) => m.to === unknown)).toBe(false);
  });

  it('refuses an expired link', async () => {
    const person = await createPerson(ctx.app, ctx.db, { organizationId: tenant.organizationId, role: 'viewer' });
    await post('/v1/auth/request-password-reset', { email: person.email });
    const mail = await smtp.waitFor((m) => m.to === person.email && /reset/i.test(m.subject));
    const token = tokenOf(firstLink(mail) as string, 'reset-password');
    await ctx.db.pool.query(`UPDATE verifications SET expires_at = now() - interval '1 minute'`);
    const res = await post('/v1/auth/reset-password', { token, newPassword: `new-${randomUUID()}` });
    expect(res.statusCode).toBe(400);
  });

  it('keeps only hashes of reset tokens', async () => {
    const person = await createPerson(ctx.app, ctx.db, { organizationId: tenant.organizationId, role: 'viewer' });
    await post('/v1/auth/request-password-reset', { email: person.email });
    const mail = await smtp.waitFor((m) => m.to === person.email && /reset/i.test(m.subject));
    const token = tokenOf(firstLink(mail) as string, 'reset-password');
    const { rows } = await ctx.db.pool.query('SELECT identifier, value FROM verifications');
    for (const row of rows) {
      expect(row.identifier).not.toContain(token);
      expect(row.value).not.toContain(token);
    }
  });
});

describe('email verification', () => {
  it('an unverified address cannot sign in; the emailed link verifies it, then sign-in works', async () => {
    const email = `unverified-${randomUUID().slice(0, 8)}@agency.example`;
    const password = `pw-${randomUUID()}`;
    await createPasswordAccount(ctx.app.auth, { email, name: 'New Person', password, emailVerified: false });
    const refused = await post('/v1/auth/sign-in/email', { email, password });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toMatch(/verif/i);
    const mail = await smtp.waitFor((m) => m.to === email && /confirm/i.test(m.subject));
    const link = new URL(firstLink(mail) as string);
    expect(link.pathname).toBe('/v1/auth/verify-email');
    const verified = await ctx.app.inject({ url: `${link.pathname}${link.search}` });
    expect([200, 302]).toContain(verified.statusCode);
    await signIn(ctx.app, email, password);
  });
});

describe('attempt limits', () => {
  it('limits sign-in attempts per account and per client address, with Retry-After', async () => {
    const limited = await createTestContext({ SIGN_IN_ATTEMPTS_PER_MINUTE: '3' });
    try {
      const person = await createPerson(limited.app, limited.db, null).catch(() => null);
      // createPerson signs in once (attempt 1 from this address).
      expect(person).not.toBeNull();
      const attempt = (email: string, ip: string) =>
        limited.app.inject({
          method: 'POST',
          url: '/v1/auth/sign-in/email',
          payload: { email, password: 'wrong password' },
          remoteAddress: ip,
        });
      // The same account from other addresses: its fourth attempt (the sign-in above was the first) is refused.
      const victim = person?.email as string;
      for (const ip of ['10.0.0.1', '10.0.0.2']) expect((await attempt(victim, ip)).statusCode).toBe(401);
      const fourth = await attempt(victim, '10.0.0.3');
      expect(fourth.statusCode).toBe(429);
      expect(fourth.headers['retry-after']).toBeDefined();
      expect(fourth.json().detail).toMatch(/for this account/);
      // One address trying many accounts is refused too.
      for (let i = 0; i < 3; i++)
        expect((await attempt(`someone-${i}@agency.example`, '10.0.0.9')).statusCode).toBe(401);
      const spray = await attempt('someone-else@agency.example', '10.0.0.9');
      expect(spray.statusCode).toBe(429);
      expect(spray.json().detail).toMatch(/from this address/);
    } finally {
      await limited.close();
    }
  });
});
