/**
 * The idempotency_keys table: a key is reserved (in_progress, with a lease) before a create runs,
 * then completed with the create's answer, which retries get back until the key expires. Times are
 * the database's, so API processes with different clocks agree on leases and expiry.
 */
import type pg from 'pg';

export interface IdempotencyRow {
  principal: string;
  key: string;
  method: string;
  path: string;
  request_hash: string;
  state: 'in_progress' | 'completed';
  /** The lease of an in_progress key is over: the attempt holding it stopped without an answer. */
  lapsed: boolean;
  response_status: number | null;
  response_type: string | null;
  response_body: string | null;
  created_at: Date;
}

export interface Reservation {
  principal: string;
  key: string;
  method: string;
  path: string;
  requestHash: string;
  leaseMs: number;
  ttlMs: number;
}

const SELECT_ROW = `
  SELECT principal, key, method, path, request_hash, state, locked_until <= now() AS lapsed,
         response_status, response_type, response_body, created_at
    FROM idempotency_keys
   WHERE principal = $1 AND key = $2 AND expires_at > now()`;

/**
 * Reserves the key for this request, or answers the row that already holds it. An expired row is
 * deleted first, so an old key starts afresh. Concurrent reservations of one key: exactly one
 * inserts (the primary key decides); the others read its row.
 */
export async function reserveKey(
  pool: pg.Pool,
  r: Reservation,
): Promise<{ reserved: true } | { reserved: false; row: IdempotencyRow }> {
  for (let attempt = 0; ; attempt++) {
    await pool.query('DELETE FROM idempotency_keys WHERE principal = $1 AND key = $2 AND expires_at <= now()', [
      r.principal,
      r.key,
    ]);
    const inserted = await pool.query(
      `INSERT INTO idempotency_keys (principal, key, method, path, request_hash, locked_until, expires_at)
       VALUES ($1, $2, $3, $4, $5, now() + make_interval(secs => $6::float8 / 1000), now() + make_interval(secs => $7::float8 / 1000))
       ON CONFLICT (principal, key) DO NOTHING
       RETURNING principal`,
      [r.principal, r.key, r.method, r.path, r.requestHash, r.leaseMs, r.ttlMs],
    );
    if (inserted.rowCount) return { reserved: true };
    const found = await pool.query<IdempotencyRow>(SELECT_ROW, [r.principal, r.key]);
    if (found.rows[0]) return { reserved: false, row: found.rows[0] };
    // Released or expired between the two statements: try again (twice is plenty).
    if (attempt >= 2) throw new Error('idempotency key kept changing while being reserved');
  }
}

/** Keeps the create's answer on the reserved key. */
export async function completeKey(
  pool: pg.Pool,
  principal: string,
  key: string,
  response: { status: number; type: string | null; body: string },
): Promise<void> {
  await pool.query(
    `UPDATE idempotency_keys
        SET state = 'completed', response_status = $3, response_type = $4, response_body = $5
      WHERE principal = $1 AND key = $2 AND state = 'in_progress'`,
    [principal, key, response.status, response.type, response.body],
  );
}

/** Frees a reserved key whose request created nothing (refused or failed), so it may be retried. */
export async function releaseKey(pool: pg.Pool, principal: string, key: string): Promise<void> {
  await pool.query(`DELETE FROM idempotency_keys WHERE principal = $1 AND key = $2 AND state = 'in_progress'`, [
    principal,
    key,
  ]);
}

/** Deletes expired keys (the worker's periodic sweep); answers how many. */
export async function deleteExpiredKeys(pool: pg.Pool): Promise<number> {
  const res = await pool.query('DELETE FROM idempotency_keys WHERE expires_at <= now()');
  return res.rowCount ?? 0;
}

/** Ends the lease of a reserved key whose request failed after it may have created something. */
export async function lapseKey(pool: pg.Pool, principal: string, key: string): Promise<void> {
  await pool.query(
    `UPDATE idempotency_keys SET locked_until = now() WHERE principal = $1 AND key = $2 AND state = 'in_progress'`,
    [principal, key],
  );
}
