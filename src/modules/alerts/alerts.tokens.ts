/**
 * Unsubscribe links. A token names its rule and carries an HMAC-SHA256 of the rule id under the
 * rule's own random key (alert_rules.unsubscribe_secret, never returned by the API), so it works
 * without signing in, cannot be forged or guessed for another rule, and stops working when the
 * rule is deleted. Nothing about the token is stored: the same link is in every email of a rule.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export function newUnsubscribeSecret(): string {
  return randomBytes(32).toString('base64url');
}

function mac(secret: string, ruleId: string): Buffer {
  return createHmac('sha256', secret).update(`unsubscribe:${ruleId}`).digest().subarray(0, 24);
}

export function unsubscribeToken(ruleId: string, secret: string): string {
  const id = Buffer.from(ruleId.replaceAll('-', ''), 'hex').toString('base64url');
  return `${id}.${mac(secret, ruleId).toString('base64url')}`;
}

/** The rule id a token names, or null when it is not shaped like a token (the MAC is checked apart). */
export function ruleIdOf(token: string): string | null {
  const [id, sig] = token.split('.');
  if (!id || !sig || token.split('.').length !== 2) return null;
  const hex = Buffer.from(id, 'base64url').toString('hex');
  if (hex.length !== 32) return null;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function tokenMatches(token: string, ruleId: string, secret: string): boolean {
  const sig = Buffer.from(token.split('.')[1] ?? '', 'base64url');
  const expected = mac(secret, ruleId);
  return sig.length === expected.length && timingSafeEqual(sig, expected);
}
