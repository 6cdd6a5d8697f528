/**
 * Browser sessions for the queue dashboard. A browser cannot add a bearer header to the
 * dashboard's page loads, so the operator posts ADMIN_TOKEN once to POST /admin/session and gets
 * a short-lived cookie instead: "v1.<expiry>.<HMAC>", HttpOnly (scripts cannot read it),
 * SameSite=Strict (other sites cannot make the browser use it, which also covers CSRF on the
 * dashboard's actions), scoped to /admin, Secure in production.
 *
 * The HMAC key is derived from ADMIN_TOKEN, so every API process accepts the same cookies with no
 * extra setting, and rotating ADMIN_TOKEN ends every session.
 */
import { createHmac } from 'node:crypto';
import { sameSecret } from './operations.access.js';

export const SESSION_COOKIE = 'citewatch_admin';
export const SESSION_TTL_SECONDS = 3_600;

function sessionKey(adminToken: string): Buffer {
  return createHmac('sha256', adminToken).update('citewatch admin session v1').digest();
}

function mac(adminToken: string, expiry: number): string {
  return createHmac('sha256', sessionKey(adminToken)).update(`v1.${expiry}`).digest('base64url');
}

export function issueSession(adminToken: string, now = Date.now()): string {
  const expiry = Math.floor(now / 1000) + SESSION_TTL_SECONDS;
  return `v1.${expiry}.${mac(adminToken, expiry)}`;
}

export function validSession(adminToken: string, value: string | undefined, now = Date.now()): boolean {
  const match = value ? /^v1\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(value) : null;
  if (!match) return false;
  const expiry = Number(match[1]);
  return expiry > now / 1000 && sameSecret(match[2] as string, mac(adminToken, expiry));
}

export function sessionCookie(value: string, secure: boolean): string {
  return `${SESSION_COOKIE}=${value}; Path=/admin; Max-Age=${SESSION_TTL_SECONDS}; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}

export function clearedSessionCookie(secure: boolean): string {
  return `${SESSION_COOKIE}=; Path=/admin; Max-Age=0; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}

export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** The sign-in page: a plain form, no script, so it works under the API's strict CSP. */
export function loginPage(message: string | null): string {
  const note = message ? `<p role="alert" style="color:#b42318">${message.replace(/[<>&"]/g, '')}</p>` : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex"><title>Citewatch queues: sign in</title></head>
<body style="font-family:system-ui,sans-serif;max-width:28rem;margin:4rem auto;padding:0 1rem">
<h1 style="font-size:1.25rem">Citewatch queues</h1>
<p>Sign in with the deployment's ADMIN_TOKEN. The session lasts ${SESSION_TTL_SECONDS / 60} minutes.</p>
${note}<form method="post" action="/admin/session">
<label>Admin token <input type="password" name="token" autocomplete="current-password" required style="width:100%"></label>
<p><button type="submit">Sign in</button></p>
</form></body></html>`;
}
