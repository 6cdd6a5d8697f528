/**
 * How report statements run. They are short aggregations whose cost estimates easily pass
 * Postgres' jit_above_cost, and JIT compilation then takes longer than the query (measured:
 * 400 ms of compilation for a 20 ms rollup read), so it is switched off for them; work_mem is
 * raised so their sorts and hashes stay in memory. Both are SET LOCAL, inside a read-only
 * transaction, so nothing leaks to other users of the pooled connection.
 */
import type pg from 'pg';

export const REPORT_SESSION = "BEGIN READ ONLY; SET LOCAL jit = off; SET LOCAL work_mem = '32MB'";

/**
 * `serial` also switches parallel workers off: a report runs its statements side by side, and for
 * a rollup read of a few ten thousand rows the workers' start-up, sorts and merge cost more than
 * they save (measured: 36 ms parallel, 27 ms serial for per-provider top URLs).
 */
export async function reportQuery<T extends pg.QueryResultRow>(pool: pg.Pool, sql: string, values: unknown[], opts: { serial?: boolean } = {}): Promise<T[]> {
  const client = await pool.connect();
  try {
    await client.query(opts.serial ? `${REPORT_SESSION}; SET LOCAL max_parallel_workers_per_gather = 0` : REPORT_SESSION);
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
