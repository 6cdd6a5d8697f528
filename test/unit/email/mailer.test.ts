import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/lib/logger.js';
import { createMailer, MailDeliveryError } from '../../../src/lib/mailer.js';
import { publicUrl } from '../../../src/lib/public-url.js';
import { resetPasswordMessage } from '../../../src/modules/email/templates.js';

/** A logger at info whose records are kept, parsed. */
function capturedLogger() {
  const records: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) records.push(JSON.parse(line));
      done();
    },
  });
  return { logger: createLogger({ level: 'info' }, sink), records };
}

describe('the log mailer (SMTP_URL unset)', () => {
  it('warns once at startup that email goes to the log, tokens included', () => {
    const { logger, records } = capturedLogger();
    const mailer = createMailer({ from: 'Citewatch <no-reply@localhost>' }, logger);
    expect(mailer.transport).toBe('log');
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ level: 40 });
    expect(records[0]!.msg).toMatch(
      /^SMTP_URL is not set: email is not sent but written to this log, links and tokens included/,
    );
  });

  it('in a process that does not announce it at startup, warns before the first message instead', async () => {
    const { logger, records } = capturedLogger();
    const mailer = createMailer({ from: 'a@b.c' }, logger, { announce: false });
    expect(records).toEqual([]);
    const message = { to: 'x@example.com', subject: 's', text: 't', html: '<p>t</p>' };
    await mailer.send(message);
    await mailer.send(message);
    expect(records.map((r) => [r.level, (r.msg as string).slice(0, 20)])).toEqual([
      [40, 'SMTP_URL is not set:'],
      [30, 'email written to the'],
      [30, 'email written to the'],
    ]);
  });

  it('writes each message as one info record with its whole text, link included', async () => {
    const { logger, records } = capturedLogger();
    const mailer = createMailer({ from: 'Citewatch <no-reply@localhost>' }, logger);
    const link = publicUrl('http://localhost:3000', '/reset-password', { token: 'tok-abc123' });
    const content = resetPasswordMessage({ name: 'Ada', link, validForSeconds: 3600 });
    await mailer.send({ to: 'ada@example.com', ...content });
    const sent = records.slice(1);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      level: 30,
      msg: 'email written to the log, not sent (SMTP_URL is not set)',
      email: {
        from: 'Citewatch <no-reply@localhost>',
        to: 'ada@example.com',
        subject: 'Reset your Citewatch password',
        text: content.text,
      },
    });
    expect((sent[0]!.email as { text: string }).text).toContain(
      'http://localhost:3000/reset-password?token=tok-abc123',
    );
    await mailer.send({ to: 'grace@example.com', ...content });
    expect(records.slice(1)).toHaveLength(2);
  });
});

describe('both mailers', () => {
  it('send to one plain address only, so a typed address cannot add recipients', async () => {
    const { logger, records } = capturedLogger();
    const smtp = createMailer({ smtpUrl: 'smtp://127.0.0.1:9', from: 'a@b.c' }, logger, { announce: false });
    const log = createMailer({ from: 'a@b.c' }, logger, { announce: false });
    for (const to of ['a@b.c, evil@x.y', 'a@b.c;evil@x.y', 'Ada <a@b.c>', 'a@b.c\r\nBcc: evil@x.y', 'nobody', '']) {
      for (const mailer of [smtp, log]) {
        const err = await mailer.send({ to, subject: 's', text: 't', html: 'h' }).catch((e: unknown) => e);
        expect(err, `${mailer.transport} ${JSON.stringify(to)}`).toBeInstanceOf(MailDeliveryError);
        expect(err).toMatchObject({ code: 'EENVELOPE', permanent: true });
      }
    }
    expect(records).toEqual([]);
    await smtp.close();
  });
});

describe('the SMTP mailer', () => {
  it('says where mail goes at startup, without the credentials', async () => {
    const { logger, records } = capturedLogger();
    const mailer = createMailer(
      { smtpUrl: 'smtp://mailer:hunter2-secret@smtp.example.com:2525?requireTLS=true', from: 'a@b.c' },
      logger,
    );
    expect(mailer.transport).toBe('smtp');
    expect(records).toEqual([
      expect.objectContaining({
        level: 30,
        msg: 'email is sent through SMTP',
        smtp: { host: 'smtp.example.com', port: 2525, tls: 'required' },
      }),
    ]);
    expect(JSON.stringify(records)).not.toContain('hunter2');
    expect(JSON.stringify(records)).not.toContain('mailer');
    await mailer.close();
  });
});
