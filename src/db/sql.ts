/**
 * SQL fragments repositories share.
 */

/**
 * A timestamp column as the API writes timestamps (`Date.prototype.toISOString`: UTC, to the
 * millisecond), formatted by Postgres: a list read this way neither parses nor formats a date per row.
 */
export function sqlIso(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}
