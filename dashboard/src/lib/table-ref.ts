/** A ref to a table on screen, for "Download CSV" (components/csv-download.tsx reads the table it points at). */
import type { RefObject } from 'preact';
import { useRef } from 'preact/hooks';

export function useTableRef(): RefObject<HTMLTableElement> {
  // Null until the table renders; DownloadCsv reads `current` only when clicked.
  return useRef<HTMLTableElement>(null) as RefObject<HTMLTableElement>;
}
