/**
 * CSV built in the browser from the rows a table shows (RFC 4180): fields are separated by commas,
 * rows by CRLF; a field holding a comma, a quote, a line break or leading/trailing spaces is
 * quoted, its quotes doubled. Text that a spreadsheet would run as a formula (=, +, -, @, a tab or
 * a carriage return first) is prefixed with an apostrophe, unless it is a plain number such as
 * -0.5, so opening an export never executes what an assistant's answer or a prompt contained.
 * Excel reads the file as UTF-8 thanks to the byte-order mark csvBlob adds.
 */

export type CsvValue = string | number | boolean | null | undefined;

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?%?$/;

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'string' ? value : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text) && !NUMBER.test(text.trim())) text = `'${text}`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + (rows.length ? '\r\n' : '');
}

/** "Prompts — Acme.csv" → "prompts-acme.csv": a file name every system accepts. */
export function csvFileName(name: string): string {
  const base = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${base || 'table'}.csv`;
}
