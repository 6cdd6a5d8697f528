/**
 * Streaming exports. Rows flow from a Postgres cursor (pg-query-stream) through a mapping step
 * into CSV (csv-stringify) or a JSON array, so an export of millions of rows holds one batch in
 * memory at a time. The pool client is released whether the stream ends, fails or the caller
 * hangs up.
 */
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';

/** Nested report objects as flat CSV columns: { mentionRate: { ci95: { low } } } → mentionRate.ci95.low. */
export function flatten(
  value: Record<string, unknown>,
  prefix = '',
  out: Record<string, unknown> = {},
): Record<string, unknown> {
  for (const [key, v] of Object.entries(value)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date))
      flatten(v as Record<string, unknown>, name, out);
    else out[name] = Array.isArray(v) ? JSON.stringify(v) : v;
  }
  return out;
}

export type ExportFormat = 'csv' | 'json';

export function encoder(format: ExportFormat, columns: string[]): Transform {
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
 * Streams rows already computed, in the same formats. For the reports assembled in code
 * (citations, experiments, competitor gap), whose size is bounded by what the caller asked for,
 * never by the number of answers: groups × (3 + `top` domains + `top` URLs + brands), pairs ×
 * brands, `limit` rows. Everything that grows with the answers (brand reports, raw exports)
 * goes through streamQuery (report-session.ts) instead.
 */
export function streamRows(rows: Array<Record<string, unknown>>, format: ExportFormat, columns: string[]): Readable {
  const out = encoder(format, columns);
  void pipeline(Readable.from(rows.map((r) => (format === 'csv' ? flatten(r) : r))), out).catch(() => {});
  return out;
}

/** The flat CSV columns of a sample row. */
export const columnsOf = (sample: Record<string, unknown>) => Object.keys(flatten(sample));
