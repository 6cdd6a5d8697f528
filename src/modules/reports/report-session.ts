/**
 * How report statements run. They are short aggregations whose cost estimates easily pass
 * Postgres' jit_above_cost, and JIT compilation then takes longer than the query (measured:
 * 400 ms of compilation for a 20 ms rollup read), so it is switched off for them; work_mem is
 * raised so their sorts and hashes stay in memory. Both are SET LOCAL, inside a read-only
 * transaction, so nothing leaks to other users of the pooled connection.
 */
import type pg from 'pg';

export const REPORT_SESSION = "BEGIN READ ONLY; SET LOCAL jit = off; SET LOCAL work_mem = '32MB'";

export async function reportQuery<T extends pg.QueryResultRow>(pool: pg.Pool, sql: string, values: unknown[]): Promise<T[]> {
  const client = await pool.connect();
  try {
    await client.query(REPORT_SESSION);
    const { rows } = await client.query<T>(sql, values);
    await client.query('COMMIT');
    return rows;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}
