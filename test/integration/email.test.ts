/**
 * Email through a real SMTP server in this process (test/helpers/smtp.ts): each template arrives
 * with both bodies intact, logins work and fail as they should, and every failure is a
 * MailDeliveryError that never shows the SMTP password.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { inspect } from 'node:util';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/lib/logger.js';
import { createMailer, MailDeliveryError, type MailMessage, type Mailer } from '../../src/lib/mailer.js';
import { publicUrl } from '../../src/lib/public-url.js';
import {
  type EmailContent,
  invitationMessage,
  resetPasswordMessage,
  verifyEmailMessage,
} from '../../src/modules/email/templates.js';
import { createTestContext } from '../helpers/context.js';
import { type ChildHandle, freePort, spawnApiProcess, waitForOutput } from '../helpers/processes.js';
import { firstLink, type SmtpCatcher, startSmtp } from '../helpers/smtp.js';

const logger = createLogger({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
const FROM = 'Citewatch <no-reply@citewatch.test>';
const BASE = 'https://citewatch.example.com';
const PASSWORD = 'Sup3r-s3cret:p@ss/word';

const mailers: Mailer[] = [];
function mailer(smtpUrl: string, timeouts = {}): Mailer {
  const m = createMailer({ smtpUrl, from: FROM, timeouts }, logger);
  mailers.push(m);
  return m;
}
afterEach(async () => {
  for (const m of mailers.splice(0)) await m.close();
});

/** Every way the error could reach a log or a response. */
function everyRendering(err: unknown): string {
  return [String(err), (err as Error).stack, JSON.stringify(err), inspect(err, { depth: 5 })].join('\n');
}

/** The password appears in none of them: as is, URL-encoded or base64-encoded. */
function expectNoPassword(err: unknown, password: string) {
  const rendered = everyRendering(err);
  for (const form of [password, encodeURIComponent(password), Buffer.from(password).toString('base64')]) {
    expect(rendered).not.toContain(form);
  }
}

async function sendExpectingError(m: Mailer, message: MailMessage): Promise<MailDeliveryError> {
  const err = await m.send(message).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(MailDeliveryError);
  return err as MailDeliveryError;
}

const someMessage = (to: string): MailMessage => ({
  to,
  ...verifyEmailMessage({ link: publicUrl(BASE, '/verify-email', { token: 't' }), validForSeconds: 3600 }),
});

describe('sending through SMTP with a login', () => {
  let smtp: SmtpCatcher;
  beforeAll(async () => {
    smtp = await startSmtp({ auth: { user: 'citewatch', password: PASSWORD } });
  });
  afterAll(async () => {
    await smtp.close();
  });

  const cases: [string, EmailContent, string][] = (() => {
    const verify = publicUrl(BASE, '/verify-email', { token: 'v-123' });
    const reset = publicUrl(BASE, '/reset-password', { token: 'r-456' });
    const invite = publicUrl(BASE, '/invitations/inv_789/accept');
    return [
      ['verify', verifyEmailMessage({ name: 'Zoë Ångström', link: verify, validForSeconds: 3600 }), verify],
      ['reset', resetPasswordMessage({ name: 'Ada', link: reset, validForSeconds: 1800 }), reset],
      [
        'invitation',
        invitationMessage({
          organizationName: 'Acme & <Söhne>',
          inviterName: `Grace "Amazing" O'Hopper`,
          inviterEmail: 'grace@acme.example',
          role: 'admin',
          expiresAt: new Date('2026-03-14T09:30:00Z'),
          link: invite,
        }),
        invite,
      ],
    ];
  })();

  it.each(cases)('delivers the %s email with its text and HTML bodies', async (name, content, link) => {
    const to = `${name}@example.com`;
    await mailer(smtp.url).send({ to, ...content });
    const msg = await smtp.waitFor((m) => m.to === to);
    expect(msg.authenticatedAs).toBe('citewatch');
    expect(msg.mailFrom).toBe('no-reply@citewatch.test');
    expect(msg.from).toBe('Citewatch <no-reply@citewatch.test>');
    expect(msg.headers.to).toBe(to);
    expect(msg.headers['auto-submitted']).toBe('auto-generated');
    expect(msg.subject).toBe(content.subject);
    expect(msg.partTypes).toEqual(['text/plain', 'text/html']);
    expect(msg.text).toBe(content.text);
    expect(msg.html).toBe(content.html);
    expect(firstLink(msg)).toBe(link);
  });

  it('arrive escaped where names came from people', async () => {
    const msg = await smtp.waitFor((m) => m.to === 'invitation@example.com');
    expect(msg.subject).toBe(`Grace "Amazing" O'Hopper invited you to Acme & <Söhne> on Citewatch`);
    expect(msg.html).toContain('Acme &amp; &lt;Söhne&gt;');
    expect(msg.html).not.toContain('<Söhne>');
  });

  it('sends several at once over the pool', async () => {
    const m = mailer(smtp.url);
    const recipients = Array.from({ length: 8 }, (_, i) => `pool-${i}@example.com`);
    await Promise.all(recipients.map((to) => m.send(someMessage(to))));
    for (const to of recipients) await smtp.waitFor((msg) => msg.to === to);
    expect(smtp.messages.filter((msg) => msg.to.startsWith('pool-')).length).toBe(8);
  });

  it('a wrong password is a permanent MailDeliveryError that does not show it', async () => {
    const wrong = 'Wr0ng-s3cret%pass';
    const url = `smtp://citewatch:${encodeURIComponent(wrong)}@127.0.0.1:${smtp.port}`;
    const before = smtp.failedLogins;
    const err = await sendExpectingError(mailer(url), someMessage('nobody@example.com'));
    expect(err.code).toBe('EAUTH');
    expect(err.permanent).toBe(true);
    expect(err.responseCode).toBe(535);
    expect(err.message).toMatch(/^email not sent through 127\.0\.0\.1:\d+: .*\(EAUTH\)$/);
    expect(smtp.failedLogins).toBeGreaterThan(before);
    expectNoPassword(err, wrong);
  });

  it('a server that repeats the password in its refusal does not get it into the error', async () => {
    const echoing = new SMTPServer({
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      logger: false,
      onAuth: (login, _session, callback) => callback(new Error(`Invalid login ${login.username}/${login.password}`)),
    });
    await new Promise<void>((r) => echoing.listen(0, '127.0.0.1', () => r()));
    try {
      const port = (echoing.server.address() as { port: number }).port;
      const url = `smtp://citewatch:${encodeURIComponent(PASSWORD)}@127.0.0.1:${port}`;
      const err = await sendExpectingError(mailer(url), someMessage('a@example.com'));
      expect(err.code).toBe('EAUTH');
      expect(err.message).toContain('Invalid login citewatch/[redacted]');
      expectNoPassword(err, PASSWORD);
    } finally {
      await new Promise<void>((r) => {
        echoing.close(() => r());
        for (const connection of echoing.connections) connection.close();
      });
    }
  });

  it('a refused recipient is a permanent error with the reply code', async () => {
    const refusing = await startSmtp({ auth: false, rejectRecipient: (a) => a.startsWith('ghost') });
    try {
      const err = await sendExpectingError(mailer(refusing.url), someMessage('ghost@example.com'));
      expect(err).toMatchObject({ code: 'EENVELOPE', permanent: true, responseCode: 550 });
      expect(refusing.messages).toEqual([]);
    } finally {
      await refusing.close();
    }
  });
});

describe('sending through SMTP without a login', () => {
  it('delivers when the server asks for none', async () => {
    const smtp = await startSmtp({ auth: false });
    try {
      expect(smtp.url).toMatch(/^smtp:\/\/127\.0\.0\.1:\d+$/);
      await mailer(smtp.url).send(someMessage('open@example.com'));
      const msg = await smtp.waitFor((m) => m.to === 'open@example.com');
      expect(msg.authenticatedAs).toBeUndefined();
      expect(msg.partTypes).toEqual(['text/plain', 'text/html']);
    } finally {
      await smtp.close();
    }
  });
});

describe('failures', () => {
  let silent: Server;
  const held: Socket[] = [];
  let closedPort: number;
  beforeAll(async () => {
    // A port nothing listens on, and a server that accepts connections but never says hello.
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    closedPort = (probe.address() as { port: number }).port;
    await new Promise((r) => probe.close(r));
    silent = createServer((socket) => {
      held.push(socket);
    });
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
  });
  afterAll(async () => {
    for (const socket of held) socket.destroy();
    await new Promise((r) => silent.close(r));
  });

  it('an unreachable server is a transient MailDeliveryError without the password', async () => {
    const url = `smtp://citewatch:${encodeURIComponent(PASSWORD)}@127.0.0.1:${closedPort}`;
    const err = await sendExpectingError(mailer(url), someMessage('a@example.com'));
    expect(['ECONNECTION', 'ESOCKET']).toContain(err.code);
    expect(err.permanent).toBe(false);
    expect(err.message).toContain(`127.0.0.1:${closedPort}`);
    expect(err.message).toMatch(/ECONNREFUSED/);
    expectNoPassword(err, PASSWORD);
    expect(everyRendering(err)).not.toContain('citewatch:');
  });

  it('a server that never greets times out', async () => {
    const port = (silent.address() as { port: number }).port;
    const m = mailer(`smtp://127.0.0.1:${port}`, { greetingMs: 300 });
    const err = await sendExpectingError(m, someMessage('a@example.com'));
    expect(err.code).toBe('ETIMEDOUT');
    expect(err.permanent).toBe(false);
  });

  it('TLS certificates are checked: a self-signed smtps:// server is refused', async () => {
    const smtp = await startSmtp({ secure: true, auth: { user: 'citewatch', password: PASSWORD } });
    try {
      expect(smtp.url).toMatch(/^smtps:\/\//);
      const err = await sendExpectingError(mailer(smtp.url), someMessage('tls@example.com'));
      expect(err.message).toMatch(/certificate/i);
      expect(err.permanent).toBe(false);
      expectNoPassword(err, PASSWORD);
      expect(smtp.messages).toEqual([]);
    } finally {
      await smtp.close();
    }
  });

  it('requireTLS refuses a server that offers no STARTTLS rather than send in the clear', async () => {
    const smtp = await startSmtp({ auth: { user: 'citewatch', password: PASSWORD } });
    try {
      const err = await sendExpectingError(mailer(`${smtp.url}?requireTLS=true`), someMessage('clear@example.com'));
      expect(err.message).toMatch(/STARTTLS/);
      expectNoPassword(err, PASSWORD);
      expect(smtp.messages).toEqual([]);
      expect(smtp.failedLogins).toBe(0);
    } finally {
      await smtp.close();
    }
  });
});

describe('Deps', () => {
  it('hand every entry point the mailer SMTP_URL names, closed with the rest', async () => {
    const smtp = await startSmtp();
    const ctx = await createTestContext({ SMTP_URL: smtp.url, MAIL_FROM: FROM, PUBLIC_BASE_URL: BASE });
    try {
      expect(ctx.mailer.transport).toBe('smtp');
      const link = publicUrl(ctx.env.PUBLIC_BASE_URL, '/verify-email', { token: 'from-deps' });
      await ctx.mailer.send({ to: 'deps@example.com', ...verifyEmailMessage({ link, validForSeconds: 600 }) });
      const msg = await smtp.waitFor((m) => m.to === 'deps@example.com');
      expect(firstLink(msg)).toBe('https://citewatch.example.com/verify-email?token=from-deps');
      expect(msg.authenticatedAs).toBe(smtp.auth?.user);
    } finally {
      await ctx.close();
      await smtp.close();
    }
  });
});

describe('the API process', () => {
  const children: ChildHandle[] = [];
  afterEach(async () => {
    await Promise.all(children.splice(0).map((c) => c.kill('SIGKILL')));
  });
  // Starting Node with tsx and every module takes seconds, many on a busy machine.
  const STARTUP_MS = 90_000;

  it(
    'refuses a bad SMTP_URL at startup, naming the variable but not the password',
    async () => {
      const child = spawnApiProcess({ SMTP_URL: `smtp://citewatch:${PASSWORD}@smtp.example.com:587/inbox` });
      children.push(child);
      expect(await child.exited, child.output()).toBe(1);
      expect(child.output()).toContain('Citewatch API cannot start.');
      expect(child.output()).toMatch(/- SMTP_URL: must not have a path/);
      expect(child.output()).not.toContain(PASSWORD);
    },
    STARTUP_MS,
  );

  it(
    'warns at startup, without SMTP_URL, that email goes to the log',
    async () => {
      const ctx = await createTestContext();
      try {
        const child = spawnApiProcess({
          DATABASE_URL: ctx.env.DATABASE_URL,
          REDIS_URL: ctx.env.REDIS_URL,
          QUEUE_PREFIX: ctx.env.QUEUE_PREFIX,
          HOST: '127.0.0.1',
          PORT: String(await freePort()),
          SMTP_URL: '',
          LOG_LEVEL: 'warn',
        });
        children.push(child);
        await waitForOutput(child, /SMTP_URL is not set: email is not sent but written to this log/, STARTUP_MS);
        const record = child
          .output()
          .split('\n')
          .find((line) => line.includes('SMTP_URL is not set'));
        expect(JSON.parse(record ?? '{}')).toMatchObject({ level: 40, name: 'api' });
      } finally {
        await ctx.close();
      }
    },
    STARTUP_MS,
  );
});
