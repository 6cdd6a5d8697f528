/**
 * Mention highlighting inside formatted markdown (components/markdown.tsx). A markdown node
 * shows a value — its source slice less the markup: a backslash escape, `&amp;` for &, the
 * indentation of a continued line, a code block's fences. Mention spans are offsets into the raw
 * source, so every displayed character is traced back to its source offset, and the value cut
 * into runs of characters covered by the same brands.
 */

/** One brand's mention spans: [start, end) offsets into the raw text. */
export interface MentionHighlight {
  brandId: string;
  brandName: string;
  spans: ReadonlyArray<readonly [number, number]>;
}

export interface SourceSpan {
  start: number;
  end: number;
  mention: MentionHighlight;
}

/** A run of displayed characters: plain (no mentions) or marked, with its source offsets. */
export interface Run {
  text: string;
  /** Source offset of the first character, and one past the last. */
  start: number;
  end: number;
  mentions: MentionHighlight[];
}

/** Every span of every mention, sorted by start; empty spans left out. */
export function spansOf(mentions: readonly MentionHighlight[]): SourceSpan[] {
  const spans: SourceSpan[] = [];
  for (const mention of mentions)
    for (const [start, end] of mention.spans) if (end > start) spans.push({ start, end, mention });
  return spans.sort((a, b) => a.start - b.start);
}

/**
 * The source offset of every character of `value`, shown for the source slice [start, end):
 * each displayed character is matched to the next equal source character, which finds them in
 * order. A character the source spells otherwise (an entity such as &copy;) sits where the last
 * match left off.
 */
export function sourceOffsets(value: string, source: string, start: number, end: number): number[] {
  const offsets: number[] = new Array(value.length);
  if (source.slice(start, end) === value) {
    for (let i = 0; i < value.length; i++) offsets[i] = start + i;
    return offsets;
  }
  let at = start;
  for (let i = 0; i < value.length; i++) {
    const found = source.indexOf(value[i] as string, at);
    if (found < 0 || found >= end) {
      offsets[i] = Math.max(start, Math.min(at, end - 1));
      continue;
    }
    offsets[i] = found;
    at = found + 1;
  }
  return offsets;
}

/**
 * `value` (shown for the source slice [start, end)) cut into runs: plain text, and marked runs
 * of characters covered by the same brands at consecutive source offsets. The runs' texts add up
 * to `value`.
 */
export function mentionRuns(
  value: string,
  source: string,
  start: number,
  end: number,
  spans: readonly SourceSpan[],
): Run[] {
  const covering = spans.filter((s) => s.start < end && s.end > start);
  if (covering.length === 0 || value === '') return [{ text: value, start, end, mentions: [] }];
  const offsets = sourceOffsets(value, source, start, end);
  const at = (i: number) => {
    const offset = offsets[i] as number;
    const here = new Map<string, MentionHighlight>();
    for (const s of covering) if (s.start <= offset && s.end > offset) here.set(s.mention.brandId, s.mention);
    return here;
  };
  const keyOf = (m: Map<string, MentionHighlight>) => [...m.keys()].sort().join(' ');
  const runs: Run[] = [];
  let i = 0;
  while (i < value.length) {
    const here = at(i);
    const key = keyOf(here);
    let j = i + 1;
    while (
      j < value.length &&
      keyOf(at(j)) === key &&
      (key === '' || (offsets[j] as number) === (offsets[j - 1] as number) + 1)
    )
      j++;
    runs.push({
      text: value.slice(i, j),
      start: offsets[i] as number,
      end: (offsets[j - 1] as number) + 1,
      mentions: [...here.values()],
    });
    i = j;
  }
  return runs;
}
