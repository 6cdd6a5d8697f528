/** Half-open [start, end) ranges of original string indices, kept sorted by start and disjoint. */
export type Range = [number, number];

/** Whether position p lies in one of the sorted, disjoint ranges (binary search). */
export function inside(ranges: readonly Range[], p: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = ranges[mid] as Range;
    if (p < r[0]) hi = mid - 1;
    else if (p >= r[1]) lo = mid + 1;
    else return true;
  }
  return false;
}

/** End of the sorted, disjoint range holding p, or -1 (lets a scan jump over a claimed range). */
export function rangeEndAt(ranges: readonly Range[], p: number): number {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = ranges[mid] as Range;
    if (p < r[0]) hi = mid - 1;
    else if (p >= r[1]) lo = mid + 1;
    else return r[1];
  }
  return -1;
}

/** Whether [start, end) intersects one of the sorted, disjoint ranges. */
export function overlaps(ranges: readonly Range[], start: number, end: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = ranges[mid] as Range;
    if (end <= r[0]) hi = mid - 1;
    else if (start >= r[1]) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Sorts and merges ranges so inside() and overlaps() can search them. */
export function mergeRanges(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/** Merges two lists of ranges, each sorted by start, into one sorted, disjoint list (no sort needed). */
export function mergeSorted(a: readonly Range[], b: readonly Range[]): Range[] {
  const out: Range[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const r =
      j >= b.length || (i < a.length && (a[i] as Range)[0] <= (b[j] as Range)[0])
        ? (a[i++] as Range)
        : (b[j++] as Range);
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}
