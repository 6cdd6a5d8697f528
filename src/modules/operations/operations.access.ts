/**
 * Who may read operational data. Metrics and the queue dashboard cover every organization of the
 * deployment, so organization API keys never open them, whatever their scope:
 * - metrics: METRICS_TOKEN (a scrape-only credential for Prometheus) or ADMIN_TOKEN;
 * - dashboard: ADMIN_TOKEN only (it can retry, remove and pause any organization's jobs).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { AppError } from '../../lib/errors.js';

/** Constant-time equality that does not reveal the expected length either. */
export function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(createHash('sha256').update(given).digest(), createHash('sha256').update(expected).digest());
}

export function bearerOf(header: string | undefined): string | null {
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match ? (match[1] as string) : null;
}

const isOrganizationKey = (token: string) => token.startsWith('cw_');

/** Throws the AppError a request to `what` deserves, or returns when one of `accepted` matches. */
export function requireOperatorToken(
  token: string | null,
  accepted: Array<string | undefined>,
  what: string,
  tokensHint: string,
): void {
  if (!token) throw new AppError('unauthorized', `${what} needs "Authorization: Bearer <${tokensHint}>".`);
  const tokens = accepted.filter((t): t is string => Boolean(t));
  if (tokens.some((t) => sameSecret(token, t))) return;
  if (isOrganizationKey(token)) {
    throw new AppError(
      'forbidden',
      `${what} covers every organization of this deployment: organization API keys cannot open it; use ${tokensHint}.`,
    );
  }
  throw new AppError(
    'unauthorized',
    tokens.length
      ? `The token is not valid for ${what}.`
      : `${what} is closed: the operator has not set ${tokensHint}.`,
  );
}
