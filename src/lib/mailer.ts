/**
 * Sending email. One interface, two implementations chosen by SMTP_URL:
 * - SMTP (nodemailer, pooled connections): what a deployment uses;
 * - the log: without SMTP_URL nothing is sent and each message is written to the log at info level,
 *   links and tokens included, so development and the demo work offline. That is the one place a
 *   token reaches the log, on purpose, and createMailer warns about it when the process starts.
 * The SMTP password never reaches the log or an error message.
 */
import { createTransport, type NodemailerError } from 'nodemailer';
import type { Env } from '../config/env.js';
import { parseSmtpUrl, type SmtpSettings } from '../config/mail.js';
import type { Logger } from './logger.js';

export interface MailMessage {
  /** One recipient address. */
  to: string;
  subject: string;
  text: string;
  html: string;
  replyTo?: string;
  /** Files attached to the message (a PDF report). */
  attachments?: MailAttachment[];
  /**
   * The display name of the From: (an organization's email sender name); the address stays
   * MAIL_FROM's. Absent: MAIL_FROM as it is.
   */
  fromName?: string | null | undefined;
  /** Extra headers, e.g. List-Unsubscribe (RFC 2369/8058) on alerts and digests. */
  headers?: Record<string, string>;
}

/**
 * The From: of a message: MAIL_FROM, or its address under `fromName` (on one line, quoted by
 * nodemailer when it needs to be).
 */
export function senderOf(
  from: string,
  fromName: string | null | undefined,
): string | { name: string; address: string } {
  const name = fromName
    ?.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 100);
  if (!name) return from;
  const address = /<([^<>]+)>\s*$/.exec(from)?.[1] ?? from.trim();
  return { name, address };
}

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
  /** A Content-ID: the part is shown inline where the HTML says src="cid:<cid>" (an organization's logo). */
  cid?: string;
}

export interface Mailer {
  /** Where messages go: an SMTP server, or the log (SMTP_URL unset). */
  readonly transport: 'smtp' | 'log';
  /** Resolves once the SMTP server accepted the message (or it was logged); throws MailDeliveryError. */
  send(message: MailMessage): Promise<void>;
  /** Closes idle SMTP connections; a delivery under way finishes first. */
  close(): Promise<void>;
}

export interface SmtpTimeouts {
  /** To open the TCP (or TLS) connection. */
  connectionMs: number;
  /** From connecting to the server's greeting. */
  greetingMs: number;
  /** Silence on an open connection before it is dropped. */
  socketMs: number;
  /** The whole of one send, queueing in the pool included: a server trickling its replies ends too. */
  sendMs: number;
}

export const DEFAULT_SMTP_TIMEOUTS: SmtpTimeouts = {
  connectionMs: 10_000,
  greetingMs: 10_000,
  socketMs: 30_000,
  sendMs: 60_000,
};

export interface MailerSettings {
  /** SMTP_URL; absent: messages are written to the log. */
  smtpUrl?: string | undefined;
  /** MAIL_FROM. */
  from: string;
  timeouts?: Partial<SmtpTimeouts>;
}

export function mailerSettings(env: Pick<Env, 'SMTP_URL' | 'MAIL_FROM'>): MailerSettings {
  return { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM };
}

/**
 * A message the SMTP server did not accept, or could not be given. `permanent` is true when the
 * server refused it for good (a 5xx reply, e.g. an unknown recipient or a failed login): sending the
 * same message again will not help. Connection failures, timeouts and 4xx replies are not permanent.
 * The message names the server and the failure, never the SMTP credentials.
 */
export class MailDeliveryError extends Error {
  override readonly name = 'MailDeliveryError';

  constructor(
    message: string,
    /** nodemailer's code: ECONNECTION, ETIMEDOUT, ESOCKET, EDNS, ETLS, EAUTH, EENVELOPE, EMESSAGE, EABORT… */
    readonly code: string,
    readonly permanent: boolean,
    /** The SMTP reply code, when the server answered. */
    readonly responseCode?: number,
  ) {
    super(message);
  }
}

export interface CreateMailerOptions {
  /**
   * Say where mail goes now, at startup (default). Otherwise a log mailer gives its warning just
   * before the first message it writes, so no process writes a token to the log unannounced.
   */
  announce?: boolean;
}

const LOG_MODE_WARNING =
  'SMTP_URL is not set: email is not sent but written to this log, links and tokens included. ' +
  'For development and the demo only; set SMTP_URL to send email.';

/**
 * The mailer SMTP_URL asks for, announced in the log: where mail goes (without credentials), or a
 * warning that it goes to the log.
 */
export function createMailer(settings: MailerSettings, logger: Logger, options: CreateMailerOptions = {}): Mailer {
  const announce = options.announce ?? true;
  if (settings.smtpUrl === undefined) {
    if (announce) logger.warn(LOG_MODE_WARNING);
    return createLogMailer(settings, logger, { warned: announce });
  }
  const smtp = parseSmtpUrl(settings.smtpUrl);
  if ('problem' in smtp) throw new Error(`SMTP_URL ${smtp.problem}`);
  if (announce) {
    const tls = smtp.secure ? 'implicit' : smtp.requireTLS ? 'required' : 'opportunistic';
    logger.info({ smtp: { host: smtp.host, port: smtp.port, tls } }, 'email is sent through SMTP');
  }
  return createSmtpMailer(smtp, settings, logger);
}

/**
 * Writes each message to the log, one info record per message with its whole text. `state.warned`:
 * the warning that mail goes to the log was given already (otherwise it comes before the first message).
 */
export function createLogMailer(
  settings: Pick<MailerSettings, 'from'>,
  logger: Logger,
  state: { warned: boolean } = { warned: false },
): Mailer {
  return {
    transport: 'log',
    async send(message) {
      checkRecipient(message.to);
      if (!state.warned) {
        state.warned = true;
        logger.warn(LOG_MODE_WARNING);
      }
      logger.info(
        {
          email: {
            from: senderOf(settings.from, message.fromName),
            to: message.to,
            ...(message.replyTo ? { replyTo: message.replyTo } : {}),
            subject: message.subject,
            text: message.text,
            ...(message.attachments?.length
              ? { attachments: message.attachments.map((a) => `${a.filename} (${a.content.length} bytes)`) }
              : {}),
          },
        },
        'email written to the log, not sent (SMTP_URL is not set)',
      );
    },
    async close() {},
  };
}

export function createSmtpMailer(smtp: SmtpSettings, settings: MailerSettings, logger: Logger): Mailer {
  const timeouts = { ...DEFAULT_SMTP_TIMEOUTS, ...settings.timeouts };
  const server = `${smtp.host}:${smtp.port}`;
  const transporter = createTransport(
    {
      pool: true,
      maxConnections: 3,
      maxMessages: 100,
      host: smtp.host,
      port: smtp.port,
      secure: smtp.secure,
      requireTLS: smtp.requireTLS,
      ...(smtp.user !== undefined ? { auth: { user: smtp.user, pass: smtp.password ?? '' } } : {}),
      connectionTimeout: timeouts.connectionMs,
      greetingTimeout: timeouts.greetingMs,
      socketTimeout: timeouts.socketMs,
      dnsTimeout: timeouts.connectionMs,
      // nodemailer's own logging stays off: its debug output would show the AUTH exchange.
      logger: false,
      debug: false,
    },
    { from: settings.from },
  );
  const secrets = secretForms(smtp);
  const scrub = (text: string) => secrets.reduce((out, secret) => out.replaceAll(secret, '[redacted]'), text);
  // A pooled connection failing between sends is reported by the next send; never an uncaught 'error'.
  transporter.on('error', (err: Error) =>
    logger.warn({ smtp: server, err: scrub(err.message) }, 'SMTP connection error'),
  );

  return {
    transport: 'smtp',
    async send(message) {
      checkRecipient(message.to);
      try {
        await transporter.sendMail({
          from: senderOf(settings.from, message.fromName),
          to: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html,
          ...(message.replyTo ? { replyTo: message.replyTo } : {}),
          ...(message.attachments?.length
            ? {
                attachments: message.attachments.map((a) => ({
                  filename: a.filename,
                  contentType: a.contentType,
                  content: a.content,
                  ...(a.cid ? { cid: a.cid } : {}),
                })),
              }
            : {}),
          // RFC 3834: tells vacation responders not to answer.
          headers: { ...message.headers, 'Auto-Submitted': 'auto-generated' },
          signal: AbortSignal.timeout(timeouts.sendMs),
        });
      } catch (err) {
        throw deliveryError(err as NodemailerError, server, timeouts.sendMs, scrub);
      }
    },
    async close() {
      transporter.close();
    },
  };
}

/**
 * One plain address. nodemailer would read "a@b.c, c@d.e" as two recipients: an address someone typed
 * must never turn one message into several.
 */
function checkRecipient(to: string): void {
  if (!/^[^\s@,;:<>()"[\]\\]+@[^\s@,;:<>()"[\]\\]+$/.test(to)) {
    throw new MailDeliveryError(
      'email not sent: the recipient must be one plain address (name@domain)',
      'EENVELOPE',
      true,
    );
  }
}

function deliveryError(
  err: NodemailerError,
  server: string,
  sendMs: number,
  scrub: (text: string) => string,
): MailDeliveryError {
  const code = err.code ?? 'EMESSAGE';
  const reason = code === 'EABORT' ? `no answer within ${sendMs} ms` : scrub(err.message);
  const permanent = err.permanent === true || code === 'EENVELOPE';
  return new MailDeliveryError(
    `email not sent through ${server}: ${reason} (${code})`,
    code,
    permanent,
    err.responseCode,
  );
}

/** The password as it may appear in text: as is, URL-encoded, and inside base64 AUTH exchanges. */
function secretForms(smtp: SmtpSettings): string[] {
  const password = smtp.password;
  if (!password) return [];
  const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
  return [password, encodeURIComponent(password), b64(password), b64(`\u0000${smtp.user ?? ''}\u0000${password}`)];
}
