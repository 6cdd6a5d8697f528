/**
 * Reading the email settings: SMTP_URL into connection settings, MAIL_FROM, PUBLIC_BASE_URL. Loads no
 * mail library, so reading the configuration stays light. Problems are phrased without the value:
 * SMTP_URL may carry a password.
 */

/** Where and how to reach the SMTP server, from SMTP_URL. */
export interface SmtpSettings {
  host: string;
  port: number;
  /** smtps://: TLS from the first byte (usually port 465). smtp://: STARTTLS when the server offers it. */
  secure: boolean;
  /** smtp://…?requireTLS=true: refuse to send unless the server upgrades the connection with STARTTLS. */
  requireTLS: boolean;
  user?: string;
  password?: string;
}

/** Query options SMTP_URL accepts; anything else is a mistake worth stopping for. */
const SMTP_URL_OPTIONS = ['requireTLS'] as const;

export const SMTP_URL_FORMAT =
  'smtp://[user:password@]host[:port][?requireTLS=true] or smtps://[user:password@]host[:port]';

/** SMTP_URL to settings, or a problem that names neither the password nor the URL. */
export function parseSmtpUrl(raw: string): SmtpSettings | { problem: string } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { problem: `is not a URL; expected ${SMTP_URL_FORMAT}` };
  }
  const scheme = url.protocol;
  if (scheme !== 'smtp:' && scheme !== 'smtps:') {
    return { problem: `must start with smtp:// or smtps:// (${SMTP_URL_FORMAT})` };
  }
  if (!url.hostname) return { problem: `names no host; expected ${SMTP_URL_FORMAT}` };
  if (url.pathname !== '' && url.pathname !== '/') return { problem: 'must not have a path after the host and port' };
  if (url.hash) return { problem: 'must not have a #fragment' };
  const secure = scheme === 'smtps:';
  let requireTLS = false;
  for (const [key, value] of url.searchParams) {
    if (!(SMTP_URL_OPTIONS as readonly string[]).includes(key)) {
      return { problem: `has an unknown option "${key}" (known: ${SMTP_URL_OPTIONS.join(', ')})` };
    }
    if (value !== 'true' && value !== 'false') return { problem: `option ${key} must be true or false` };
    requireTLS = value === 'true';
  }
  if (requireTLS && secure) {
    return { problem: 'requireTLS applies to smtp:// (STARTTLS); smtps:// is encrypted from the start' };
  }
  let user: string | undefined;
  let password: string | undefined;
  try {
    user = url.username ? decodeURIComponent(url.username) : undefined;
    password = url.password ? decodeURIComponent(url.password) : undefined;
  } catch {
    return {
      problem: 'has a user or password with a bad %-escape (percent-encode @ : / ? # % as %40 %3A %2F %3F %23 %25)',
    };
  }
  if (password !== undefined && user === undefined) return { problem: 'has a password but no user' };
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    // The ports nodemailer would pick too: submission with STARTTLS, or implicit TLS.
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    requireTLS,
    ...(user !== undefined ? { user } : {}),
    ...(password !== undefined ? { password } : {}),
  };
}

/**
 * A sender as MAIL_FROM takes it: an address, or a display name and an address in angle brackets
 * ("Citewatch <no-reply@example.com>"). Null when it is not one.
 */
export function parseMailFrom(raw: string): { name?: string; address: string } | null {
  if (/[\r\n]/.test(raw)) return null;
  const match = /^\s*(?:(.*?)\s*<([^<>\s]+)>|([^<>\s]+))\s*$/.exec(raw);
  if (!match) return null;
  const address = (match[2] ?? match[3]) as string;
  if (!/^[^\s@]+@[^\s@]+$/.test(address)) return null;
  const name = match[1]?.replace(/^"(.*)"$/, '$1').trim();
  return name ? { name, address } : { address };
}

/**
 * PUBLIC_BASE_URL in one form: no trailing slash, no query or fragment. Null when it is not an
 * http(s) URL of that shape.
 */
export function normalizePublicBaseUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.search || url.hash || url.username || url.password) return null;
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
