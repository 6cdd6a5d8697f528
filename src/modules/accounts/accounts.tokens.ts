/**
 * Token material for people's sessions. better-auth issues the session token and signs the
 * cookie that carries it (`<token>.<HMAC-SHA256 in base64>`); Citewatch keeps only the token's
 * SHA-256, checks the signature itself on the hot path, and derives each session's CSRF token.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** A random secret for processes started without AUTH_SECRET (development and tests). */
export function ephemeralSecret(): string {
  return randomBytes(32).toString('hex');
}

/**
 * The token inside a signed session cookie value, or null when the signature does not match.
 * The value arrives URL-encoded, as better-auth writes it.
 */
export function unsignSessionCookie(raw: string, secret: string): string | null {
  let value: string;
  try {
    value = decodeURIComponent(raw);
  } catch {
    return null;
  }
  const dot = value.lastIndexOf('.');
  if (dot <= 0) return null;
  const token = value.slice(0, dot);
  const given = Buffer.from(value.slice(dot + 1), 'base64');
  const expected = createHmac('sha256', secret).update(token).digest();
  return given.length === expected.length && timingSafeEqual(given, expected) ? token : null;
}

/** The CSRF token of a session: cookie-authenticated writes must send it in `x-csrf-token`. */
export function csrfTokenFor(sessionId: string, secret: string): string {
  return createHmac('sha256', secret).update(`csrf:${sessionId}`).digest('base64url');
}

export function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
