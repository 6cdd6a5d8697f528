import { describe, expect, it } from 'vitest';
import { publicUrl } from '../../../src/lib/public-url.js';
import {
  duration,
  type EmailContent,
  escapeHtml,
  invitationMessage,
  oneLine,
  resetPasswordMessage,
  verifyEmailMessage,
} from '../../../src/modules/email/templates.js';

const BASE = 'https://citewatch.example.com/app';
const hostile = `<script>alert("x")</script> O'Brien & Co`;

/** Every href of an HTML body, unescaped. */
const hrefs = (html: string) => [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));

function expectBothBodiesCarry(message: EmailContent, link: string, phrases: string[]) {
  expect(message.text).toContain(`\n${link}\n`);
  expect(hrefs(message.html)).toEqual([link, link]);
  for (const phrase of phrases) {
    expect(message.text).toContain(phrase);
    expect(message.html).toContain(escapeHtml(phrase));
  }
  expect(message.html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
  expect(message.html).toContain(`<title>${escapeHtml(message.subject)}</title>`);
}

describe('email templates', () => {
  it('verification: subject, greeting, link on PUBLIC_BASE_URL, validity, in both bodies', () => {
    const link = publicUrl(BASE, '/verify-email', { token: 'tok_123&x=1' });
    const message = verifyEmailMessage({ name: 'Ada Lovelace', link, validForSeconds: 3600 });
    expect(message.subject).toBe('Confirm your email address for Citewatch');
    expect(link).toBe('https://citewatch.example.com/app/verify-email?token=tok_123%26x%3D1');
    expectBothBodiesCarry(message, link, ['Hello Ada Lovelace,', 'This link works for 1 hour.']);
    expect(message.html).toContain('href="https://citewatch.example.com/app/verify-email?token=tok_123%26x%3D1"');
  });

  it('password reset', () => {
    const link = publicUrl(BASE, '/reset-password', { token: 'r1' });
    const message = resetPasswordMessage({ name: null, link, validForSeconds: 1800 });
    expect(message.subject).toBe('Reset your Citewatch password');
    expectBothBodiesCarry(message, link, ['Hello,', 'This link works for 30 minutes, once.', 'your password stays']);
  });

  it('a white-labelled reset: the name in subject, text and signature, escaped; colours checked; the logo fitted in its box', () => {
    const link = publicUrl(BASE, '/reset-password', { token: 'r2' });
    const brand = {
      displayName: `${hostile}\nBcc: x@evil.example`,
      primaryColor: '#0b3d91',
      accentColor: 'red;background:url(x)',
      logo: { cid: 'logo@citewatch', width: 120, height: 240 },
    };
    const message = resetPasswordMessage({ brand, name: 'Ada', link, validForSeconds: 3600 });
    const name = oneLine(brand.displayName, 60);
    expect(name).not.toContain('\n');
    expect(message.subject).toBe(`Reset your ${name} password`);
    expect(message.text).toContain(`the password of your ${name} account.`);
    expect(message.text.trimEnd().endsWith(`— ${name}`)).toBe(true);
    expect(message.html).not.toContain('<script>');
    expect(message.html).toContain('color:#0b3d91');
    // A colour that is not #rrggbb never reaches a style attribute.
    expect(message.html).not.toContain('url(x)');
    expect(message.html).toContain('background:#1d4ed8');
    // 120×240 fits the 200×60 box at 30×60.
    expect(message.html).toContain(`<img src="cid:logo@citewatch" width="30" height="60" alt="${escapeHtml(name)}"`);
    expectBothBodiesCarry(message, link, ['Hello Ada,']);

    const verify = verifyEmailMessage({ brand: { ...brand, logo: null }, link, validForSeconds: 60 });
    expect(verify.subject).toBe(`Confirm your email address for ${name}`);
    expect(verify.html).not.toContain('<img');
  });

  it('invitation: organization, inviter, role and expiry', () => {
    const link = publicUrl(BASE, '/invitations/inv_1/accept');
    const message = invitationMessage({
      organizationName: 'Acme Agency',
      inviterName: 'Grace Hopper',
      inviterEmail: 'grace@acme.example',
      role: 'admin',
      expiresAt: new Date('2026-03-14T09:30:00Z'),
      link,
    });
    expect(message.subject).toBe('Grace Hopper invited you to Acme Agency on Citewatch');
    expectBothBodiesCarry(message, link, [
      'Grace Hopper (grace@acme.example) invited you to join the organization Acme Agency on Citewatch, as an admin.',
      'The invitation expires on 14 March 2026 at 09:30 UTC.',
    ]);
    expect(invitationMessage({ ...baseInvitation(link), role: 'member' }).text).toContain('as a member.');
  });

  it('escapes names people chose in the HTML body, and keeps them as text in the plain body', () => {
    const link = publicUrl(BASE, '/invitations/x');
    const message = invitationMessage({ ...baseInvitation(link), organizationName: hostile, inviterName: hostile });
    expect(message.html).not.toContain('<script>');
    expect(message.html).not.toContain(`O'Brien`);
    expect(message.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; O&#39;Brien &amp; Co');
    expect(message.text).toContain(hostile);
    // Nothing a name holds becomes markup: the only tags are the template's own.
    const tags = new Set([...message.html.matchAll(/<\/?([a-zA-Z!]+)/g)].map((m) => m[1]!.toLowerCase()));
    expect([...tags].sort()).toEqual([
      '!doctype',
      'a',
      'body',
      'br',
      'head',
      'html',
      'meta',
      'p',
      'table',
      'td',
      'title',
      'tr',
    ]);
    const verify = verifyEmailMessage({ name: '<img src=x onerror=alert(1)>', link, validForSeconds: 60 });
    expect(verify.html).not.toContain('<img');
    expect(verify.html).toContain('Hello &lt;img src=x onerror=alert(1)&gt;,');
  });

  it('keeps names on one line and of reasonable length, so they cannot forge headers or paragraphs', () => {
    const link = publicUrl(BASE, '/invitations/x');
    const message = invitationMessage({
      ...baseInvitation(link),
      inviterName: 'Mallory\r\nBcc: everyone@example.com\n\nClick here',
      organizationName: 'x'.repeat(500),
    });
    expect(message.subject).not.toMatch(/[\r\n]/);
    expect(message.subject).toContain('Mallory Bcc: everyone@example.com Click here invited you to');
    expect(message.text).not.toContain('\nBcc:');
    expect(message.subject).toContain(`${'x'.repeat(79)}…`);
    expect(message.subject).not.toContain('x'.repeat(80));
    expect(oneLine('  a\u2028b\tc  ')).toBe('a b c');
  });

  it('says durations in words', () => {
    expect(duration(3600)).toBe('1 hour');
    expect(duration(7200)).toBe('2 hours');
    expect(duration(86_400)).toBe('1 day');
    expect(duration(7 * 86_400)).toBe('7 days');
    expect(duration(5400)).toBe('90 minutes');
    expect(duration(60)).toBe('1 minute');
    expect(duration(61)).toBe('2 minutes');
  });
});

function baseInvitation(link: ReturnType<typeof publicUrl>) {
  return {
    organizationName: 'Acme',
    inviterName: 'Grace',
    role: 'admin',
    expiresAt: new Date('2026-01-01T00:00:00Z'),
    link,
  };
}
