/**
 * "Download CSV" for any table on screen: the file is built in the browser from the rows the
 * table shows (lib/csv.ts quotes them), so what is downloaded is what is read. Either the table
 * itself is read (tableRef: header and body cells' visible text, or a cell's data-csv value when
 * the screen shows a rounded or formatted figure), or the page passes the rows.
 * Columns whose header cell has data-csv-skip (row checkboxes, action buttons) are left out.
 */
import type { RefObject } from 'preact';
import { type CsvValue, csvFileName, toCsv } from '../lib/csv.js';

/** The rows of a table element as shown: header rows first. */
export function rowsOfTable(table: HTMLTableElement): string[][] {
  const rows = [
    ...table.querySelectorAll<HTMLTableRowElement>(':scope > thead > tr, :scope > tbody > tr, :scope > tfoot > tr'),
  ];
  const header = table.querySelector<HTMLTableRowElement>(':scope > thead > tr');
  const skipped = new Set<number>();
  for (const [i, cell] of [...(header?.cells ?? [])].entries()) if (cell.hasAttribute('data-csv-skip')) skipped.add(i);
  return rows
    .filter((row) => !row.hasAttribute('data-csv-skip'))
    .map((row) => [...row.cells].filter((_, i) => !skipped.has(i)).map(cellText));
}

function cellText(cell: HTMLTableCellElement): string {
  const value = cell.getAttribute('data-csv');
  if (value !== null) return value;
  const copy = cell.cloneNode(true) as HTMLElement;
  for (const hidden of copy.querySelectorAll('.visually-hidden, button, input, select, textarea, [data-csv-skip]'))
    hidden.remove();
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Saves `rows` as `<name>.csv` through the browser's download. */
export function downloadCsv(name: string, rows: readonly (readonly CsvValue[])[]): void {
  // The byte-order mark tells spreadsheets the file is UTF-8.
  const blob = new Blob(['\uFEFF', toCsv(rows)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = csvFileName(name);
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once started; the URL is freed once it surely has.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function DownloadCsv({
  name,
  tableRef,
  rows,
}: {
  /** The file's name, and what the button downloads ("Prompts — Acme"). */
  name: string;
  tableRef?: RefObject<HTMLTableElement | null>;
  rows?: () => readonly (readonly CsvValue[])[];
}) {
  return (
    <button
      type="button"
      class="secondary csv-download"
      onClick={() => {
        const data = rows ? rows() : tableRef?.current ? rowsOfTable(tableRef.current) : [];
        downloadCsv(name, data);
      }}
    >
      Download CSV<span class="visually-hidden"> of {name}</span>
    </button>
  );
}
