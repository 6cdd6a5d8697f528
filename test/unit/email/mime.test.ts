/** The test helper that reads received email (test/helpers/mime.ts), on messages nodemailer builds. */
import { createTransport } from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { leaves, parseMime } from '../../helpers/mime.js';

async function build(fields: { subject: string; text: string; html: string }): Promise<string> {
  const transport = createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  const info = await transport.sendMail({ from: 'Citewatch <a@b.c>', to: 'x@y.z', ...fields });
  return (info.message as Buffer).toString('latin1');
}

describe('parseMime', () => {
  it.each([
    ['quoted-printable, long lines', 'Zoë '.repeat(60), `<p>${'Ångström & co '.repeat(30)}</p>`],
    ['base64, mostly non-Latin', '日本語のテキスト、絵文字 🎉 '.repeat(20), `<p>${'招待状 '.repeat(40)}</p>`],
    ['7bit', 'plain ascii\nsecond line\n', '<p>ascii</p>'],
  ])('reads %s bodies and encoded headers back as sent', async (_name, text, html) => {
    const subject = `Einladung für «Acme» — 招待 ${text.slice(0, 20).replace(/\s+/g, ' ')}`;
    const raw = await build({ subject, text, html });
    const root = parseMime(raw);
    expect(root.contentType).toBe('multipart/alternative');
    expect(root.headers.get('subject')).toEqual([subject]);
    const parts = leaves(root);
    expect(parts.map((p) => p.contentType)).toEqual(['text/plain', 'text/html']);
    expect(parts[0]!.body).toBe(text);
    expect(parts[1]!.body).toBe(html);
  });
});
