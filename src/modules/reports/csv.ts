/**
 * Streaming exports. Rows flow from a Postgres cursor (pg-query-stream) through a mapping step
 * into CSV (csv-stringify) or a JSON array, so an export of millions of rows holds one batch in
 * memory at a time. The pool client is released whether the stream ends, fails or the caller
 * hangs up.
 */
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import type pg from 'pg';
import QueryStream from 'pg-query-stream';
import { REPORT_SESSION } from './report-session.js';

/** Nested report objects as flat CSV columns: { mentionRate: { ci95: { low } } } → mentionRate.ci95.low. */
export function flatten(value: Record<string, unknown>, prefix = '', out: Record<string, unknown> = {}): Record<string, unknown> {
  for (const [key, v] of Object.entries(value)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)) flatten(v as Record<string, unknown>, name, out);
    else out[name] = Array.isArray(v) ? JSON.stringify(v) : v;
  }
  return out;
}

export type ExportFormat = 'csv' | 'json';

function encoder(format: ExportFormat, columns: string[]): Transform {
  if (format === 'csv') {
    return stringify({
      header: true,
      columns,
      cast: { boolean: (v) => (v ? 'true' : 'false'), date: (v) => v.toISOString(), object: (v) => JSON.stringify(v) },
    });
  }
  let first = true;
  return new Transform({
    writableObjectMode: true,
    transform(row: unknown, _enc, done: TransformCallback) {
      const text = (first ? '[\n' : ',\n') + JSON.stringify(row);
      first = false;
      done(null, text);
    },
    flush(done: TransformCallback) {
      done(null, first ? '[]\n' : '\n]\n');
    },
  });
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

/**
 * Streams rows already computed, in the same formats. For the reports assembled in code
 * (citations, experiments, competitor gap), whose size is bounded by what the caller asked for,
 * never by the number of answers: groups × (3 + `top` domains + `top` URLs + brands), pairs ×
 * brands, `limit` rows. Everything that grows with the answers (brand reports, raw exports)
 * goes through streamQuery instead.
 */
export function streamRows(rows: Array<Record<string, unknown>>, format: ExportFormat, columns: string[]): Readable {
  const out = encoder(format, columns);
  void pipeline(Readable.from(rows.map((r) => (format === 'csv' ? flatten(r) : r))), out).catch(() => {});
  return out;
}

/** The flat CSV columns of a sample row. */
export const columnsOf = (sample: Record<string, unknown>) => Object.keys(flatten(sample));
