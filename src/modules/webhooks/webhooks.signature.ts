/**
 * Webhook signatures. Every delivery carries
 *
 *   Citewatch-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>
 *
 * Signing the timestamp with the body lets receivers refuse replays of an old delivery: verify
 * the HMAC over the exact bytes received (before any JSON parsing), then check that `t` is
 * recent. Several v1= values may appear (e.g. while a secret is being rotated); any match is
 * enough. This file is self-contained so integrators can copy verifyWebhookSignature as is.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'citewatch-signature';
/** Receivers should refuse deliveries signed longer ago than this (seconds). */
export const DEFAULT_TOLERANCE_SECONDS = 300;

/** A new signing secret: "whsec_" and 32 random bytes in base64url. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

function hmacHex(secret: string, timestamp: number, rawBody: string | Uint8Array): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');
}

/** The Citewatch-Signature header value for a body sent at `timestamp` (unix seconds). */
export function signWebhook(
  secret: string,
  rawBody: string | Uint8Array,
  timestamp = Math.floor(Date.now() / 1000),
): string {
  return `t=${timestamp},v1=${hmacHex(secret, timestamp, rawBody)}`;
}

/**
 * True when `header` holds a v1 signature of `rawBody` by `secret` made at most
 * `toleranceSeconds` away from `now` (unix seconds). Compares in constant time.
 *
 *   app.post('/citewatch', express.raw({ type: 'application/json' }), (req, res) => {
 *     if (!verifyWebhookSignature(process.env.CITEWATCH_WEBHOOK_SECRET, req.get('Citewatch-Signature'), req.body, 300)) {
 *       return res.status(400).end();
 *     }
 *     const event = JSON.parse(req.body.toString('utf8'));  // de-duplicate on event.id
 *     res.status(204).end();
 *   });
 */
export function verifyWebhookSignature(
  secret: string,
  header: string | null | undefined,
  rawBody: string | Uint8Array,
  toleranceSeconds = DEFAULT_TOLERANCE_SECONDS,
  now = Math.floor(Date.now() / 1000),
): boolean {
  if (!secret || !header) return false;
  let timestamp: number | null = null;
  const candidates: string[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't' && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    else if (key === 'v1' && /^[0-9a-f]{64}$/i.test(value)) candidates.push(value.toLowerCase());
  }
  if (timestamp === null || candidates.length === 0) return false;
  if (Math.abs(now - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(hmacHex(secret, timestamp, rawBody), 'hex');
  let match = false;
  // Every candidate is compared, so timing does not say which one matched.
  for (const candidate of candidates) match = timingSafeEqual(expected, Buffer.from(candidate, 'hex')) || match;
  return match;
}
