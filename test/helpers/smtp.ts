/**
 * A real SMTP server in the test process (smtp-server on 127.0.0.1, a free port) that keeps every
 * message it receives, parsed. Point Citewatch at it with SMTP_URL = smtp.url:
 *
 *   const smtp = await startSmtp();
 *   const ctx = await createTestContext({ SMTP_URL: smtp.url });
 *   … (something that sends an invitation to a@b.c)
 *   const msg = await smtp.waitFor((m) => m.to === 'a@b.c');
 *   const link = firstLink(msg);   // the link in its plain-text body
 *   await smtp.close();
 *
 * By default the server asks for a login (random user and password, in smtp.url and smtp.auth) and
 * offers no STARTTLS, so the client logs in over the plain loopback connection.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { leaves, parseMime } from './mime.js';

export interface ReceivedEmail {
  /** The envelope's recipients joined with ", " (one address for everything Citewatch sends). */
  to: string;
  recipients: string[];
  /** The envelope sender (MAIL FROM). */
  mailFrom: string;
  /** Decoded headers, as the recipient sees them. */
  from: string;
  subject: string;
  /** Lower-case header name → decoded value (the first one when repeated). */
  headers: Record<string, string>;
  /** The text/plain and text/html bodies, decoded ('' when missing), line ends as \n. */
  text: string;
  html: string;
  /** Content types of the leaf parts, in order (["text/plain", "text/html"]). */
  partTypes: string[];
  /** The user the client logged in as, if it did. */
  authenticatedAs: string | undefined;
  /** The message as it arrived (bytes read as latin1). */
  raw: string;
}

export interface SmtpOptions {
  /** Ask for this login (default: a random user and password), or accept mail without one (false). */
  auth?: { user: string; password: string } | false;
  /** Implicit TLS with smtp-server's built-in self-signed certificate (smtps://): for testing refusal. */
  secure?: boolean;
  /** Answer 550 to these recipients (the client then gets a permanent error). */
  rejectRecipient?: (address: string) => boolean;
}

export interface SmtpCatcher {
  /** smtp://user:password@127.0.0.1:port (smtps:// when secure), ready for SMTP_URL. */
  url: string;
  port: number;
  auth: { user: string; password: string } | undefined;
  /** Every message received so far, oldest first. */
  messages: ReceivedEmail[];
  /** Logins that were refused (wrong user or password). */
  failedLogins: number;
  /** The first message (received already or still to come) that matches, or an error after timeoutMs. */
  waitFor(predicate: (message: ReceivedEmail) => boolean, timeoutMs?: number): Promise<ReceivedEmail>;
  close(): Promise<void>;
}

export async function startSmtp(options: SmtpOptions = {}): Promise<SmtpCatcher> {
  const auth =
    options.auth === false
      ? undefined
      : (options.auth ?? {
          user: `citewatch-${randomBytes(3).toString('hex')}`,
          password: randomBytes(12).toString('base64url'),
        });
  const messages: ReceivedEmail[] = [];
  const waiters = new Set<{ predicate: (m: ReceivedEmail) => boolean; resolve: (m: ReceivedEmail) => void }>();
  let failedLogins = 0;

  const serverOptions: SMTPServerOptions = {
    secure: options.secure ?? false,
    // No STARTTLS: nodemailer would take the offer and refuse the built-in self-signed certificate.
    disabledCommands: auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: !auth,
    allowInsecureAuth: true,
    logger: false,
    onAuth(login, _session, callback) {
      if (auth && login.username === auth.user && login.password === auth.password) {
        callback(null, { user: login.username });
      } else {
        failedLogins++;
        callback(new Error('Invalid username or password'));
      }
    },
    onRcptTo(address, _session, callback) {
      if (options.rejectRecipient?.(address.address)) {
        callback(Object.assign(new Error(`No such user: ${address.address}`), { responseCode: 550 }));
      } else callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', callback);
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('latin1');
        const message = toReceived(raw, session);
        messages.push(message);
        for (const waiter of waiters) {
          if (waiter.predicate(message)) {
            waiters.delete(waiter);
            waiter.resolve(message);
          }
        }
        callback();
      });
    },
  };
  const server = new SMTPServer(serverOptions);
  // A client dropping its connection is reported here; it must not crash the test process.
  server.on('error', () => {});
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  const credentials = auth ? `${encodeURIComponent(auth.user)}:${encodeURIComponent(auth.password)}@` : '';

  return {
    url: `${options.secure ? 'smtps' : 'smtp'}://${credentials}127.0.0.1:${port}`,
    port,
    auth,
    messages,
    get failedLogins() {
      return failedLogins;
    },
    waitFor(predicate, timeoutMs = 10_000) {
      const found = messages.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const waiter = {
          predicate,
          resolve: (m: ReceivedEmail) => {
            clearTimeout(timer);
            resolve(m);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          const seen = messages.map((m) => `  to ${m.to}: ${m.subject}`).join('\n') || '  (none)';
          reject(new Error(`no matching email within ${timeoutMs} ms; received:\n${seen}`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Pooled clients keep idle connections open; end them now rather than after the grace period.
        for (const connection of server.connections) connection.close();
      });
    },
  };
}

/** The first http(s) link in the message's plain-text body; throws when there is none. */
export function firstLink(message: Pick<ReceivedEmail, 'text' | 'subject'>): string {
  const link = links(message)[0];
  if (!link) throw new Error(`no link in the email "${message.subject}":\n${message.text}`);
  return link;
}

/** Every http(s) link in the plain-text body, in order. */
export function links(message: Pick<ReceivedEmail, 'text'>): string[] {
  return [...message.text.matchAll(/https?:\/\/[^\s<>"]+/g)].map((m) => m[0]);
}

function toReceived(
  raw: string,
  session: {
    envelope: { mailFrom: { address: string } | false; rcptTo: { address: string }[] };
    user?: unknown;
  },
): ReceivedEmail {
  const root = parseMime(raw);
  const parts = leaves(root);
  const body = (type: string) => parts.find((p) => p.contentType === type)?.body ?? '';
  const headers = Object.fromEntries([...root.headers].map(([name, values]) => [name, values[0] ?? '']));
  const recipients = session.envelope.rcptTo.map((r) => r.address);
  return {
    to: recipients.join(', '),
    recipients,
    mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
    from: headers.from ?? '',
    subject: headers.subject ?? '',
    headers,
    text: body('text/plain'),
    html: body('text/html'),
    partTypes: parts.map((p) => p.contentType),
    authenticatedAs: typeof session.user === 'string' ? session.user : undefined,
    raw,
  };
}
