/**
 * How report statements run, and the reports module's reads that hold a connection: one query in
 * a report session (reportQuery), or a cursor streamed as CSV or JSON (streamQuery).
 *
 * Report statements are short aggregations whose cost estimates easily pass
 * Postgres' jit_above_cost, and JIT compilation then takes longer than the query (measured:
 * 400 ms of compilation for a 20 ms rollup read), so it is switched off for them; work_mem is
 * raised so their sorts and hashes stay in memory. Both are SET LOCAL, inside a read-only
 * transaction, so nothing leaks to other users of the pooled connection.
 */
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import QueryStream from 'pg-query-stream';
import { encoder, flatten, type ExportFormat } from './csv.js';

export const REPORT_SESSION = "BEGIN READ ONLY; SET LOCAL jit = off; SET LOCAL work_mem = '32MB'";

/**
 * `serial` also switches parallel workers off: a report runs its statements side by side, and for
 * a rollup read of a few ten thousand rows the workers' start-up, sorts and merge cost more than
 * they save (measured: 36 ms parallel, 27 ms serial for per-provider top URLs).
 */
export async function reportQuery<T extends pg.QueryResultRow>(
  pool: pg.Pool,
  sql: string,
  values: unknown[],
  opts: { serial?: boolean } = {},
): Promise<T[]> {
  const client = await pool.connect();
  try {
    await client.query(
      opts.serial ? `${REPORT_SESSION}; SET LOCAL max_parallel_workers_per_gather = 0` : REPORT_SESSION,
    );
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

/**
 * Streams a query's rows, mapped one by one, as CSV or JSON. `columns` fixes the CSV header (so
 * an empty export still has one); JSON rows keep their nesting.
 */
export async function streamQuery(
  pool: pg.Pool,
  sql: string,
  values: unknown[],
  map: (row: Record<string, unknown>) => Record<string, unknown>,
  format: ExportFormat,
  columns: string[],
  /** false keeps nested values (jsonb payloads) as one JSON column each. */
  flattenRows = true,
): Promise<Readable> {
  const client = await pool.connect();
  let released = false;
  const release = (err?: unknown) => {
    if (released) return;
    released = true;
    if (err) {
      // A broken or abandoned cursor: drop the connection rather than return it mid-transaction.
      client.release(err instanceof Error ? err : new Error('export stream closed early'));
      return;
    }
    client.query('COMMIT').then(
      () => client.release(),
      (e: Error) => client.release(e),
    );
  };
  try {
    await client.query(REPORT_SESSION);
  } catch (err) {
    client.release(err as Error);
    throw err;
  }
  const rows = client.query(new QueryStream(sql, values, { batchSize: 1_000 }));
  const mapper = new Transform({
    objectMode: true,
    transform(row: Record<string, unknown>, _enc, done: TransformCallback) {
      try {
        const mapped = map(row);
        done(null, format === 'csv' && flattenRows ? flatten(mapped) : mapped);
      } catch (err) {
        done(err as Error);
      }
    },
  });
  const out = encoder(format, columns);
  pipeline(rows, mapper, out).then(
    () => release(),
    (err) => release(err),
  );
  // A client that hangs up destroys `out`; stop reading from Postgres too.
  out.on('close', () => {
    if (!rows.destroyed) rows.destroy();
    if (!out.writableFinished) release(new Error('export stream closed early'));
  });
  return out;
}
