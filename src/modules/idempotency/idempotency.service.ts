/** Idempotency keys outside the request hooks: the periodic sweep, and creates made by the CLI. */

/** The periodic duty of idempotency keys: expired keys (past their 24 hours) are deleted. */
import { createHash } from 'node:crypto';
import type { Deps } from '../../deps.js';
import { AppError } from '../../lib/errors.js';
import { KEY_LEASE_MS, KEY_PATTERN, KEY_TTL_MS } from './idempotency.hooks.js';
import { completeKey, deleteExpiredKeys, lapseKey, releaseKey, reserveKey } from './idempotency.repo.js';

export async function sweepExpiredIdempotencyKeys(deps: Pick<Deps, 'db' | 'logger'>): Promise<number> {
  const deleted = await deleteExpiredKeys(deps.db.pool);
  if (deleted > 0) deps.logger.debug({ deleted }, 'expired idempotency keys deleted');
  return deleted;
}

/**
 * A create made outside HTTP (the CLI's `runs start`) under an idempotency key, with the rules of
 * the API's creates: the first call runs `create` and keeps its answer; the same key with the same
 * request gives that answer back (`replayed`); with another request, or while the first is still
 * running, or after it stopped without an answer, it is refused with the reason.
 */
export async function createOnce<T>(
  deps: Pick<Deps, 'db'>,
  claim: { principal: string; key: string; operation: string; request: unknown },
  create: () => Promise<T>,
): Promise<{ value: T; replayed: boolean }> {
  if (!KEY_PATTERN.test(claim.key))
    throw new AppError(
      'validation_failed',
      'An idempotency key must be 1 to 255 printable ASCII characters without spaces, such as a UUID.',
    );
  const { pool } = deps.db;
  const requestHash = createHash('sha256').update(JSON.stringify(claim.request)).digest('hex');
  const found = await reserveKey(pool, {
    principal: claim.principal,
    key: claim.key,
    method: 'CLI',
    path: claim.operation,
    requestHash,
    leaseMs: KEY_LEASE_MS,
    ttlMs: KEY_TTL_MS,
  });
  if (!found.reserved) {
    const row = found.row;
    if (row.request_hash !== requestHash || row.path !== claim.operation)
      throw new AppError(
        'idempotency_key_reused',
        `The idempotency key "${claim.key}" was first used for another request (${row.path}, ${row.created_at.toISOString()}); use a new key.`,
      );
    if (row.state === 'completed' && row.response_body !== null)
      return { value: JSON.parse(row.response_body) as T, replayed: true };
    throw new AppError(
      row.lapsed ? 'idempotency_key_interrupted' : 'idempotency_key_in_use',
      row.lapsed
        ? `The call first made with idempotency key "${claim.key}" stopped before its answer was kept; check whether it created something, then use a new key.`
        : `Another call with idempotency key "${claim.key}" is running right now; try again in a minute to get its answer.`,
    );
  }
  let value: T;
  try {
    value = await create();
  } catch (err) {
    // Refused: nothing was created, the key is free again. Anything else may have created it.
    if (err instanceof AppError && err.status < 500) await releaseKey(pool, claim.principal, claim.key);
    else await lapseKey(pool, claim.principal, claim.key);
    throw err;
  }
  await completeKey(pool, claim.principal, claim.key, {
    status: 201,
    type: 'application/json',
    body: JSON.stringify(value),
  });
  return { value, replayed: false };
}
