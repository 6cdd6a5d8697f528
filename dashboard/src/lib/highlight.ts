/**
 * Cuts an answer's text into segments for highlighting brand mentions, from the spans the API
 * gives ([start, end) JavaScript string indices, docs/analysis-rules.md). Segments are plain
 * strings, to be rendered as text nodes: the answer itself is never parsed as HTML.
 *
 * Spans of different brands may overlap ("Google Cloud" is also a mention of "Google"), so the
 * text is cut at every span boundary and each piece lists every brand covering it.
 */
export interface MentionSpans<B> {
  brand: B;
  spans: ReadonlyArray<readonly [number, number]>;
}

export interface Segment<B> {
  start: number;
  end: number;
  text: string;
  /** Brands whose mention covers this piece; empty for ordinary text. */
  brands: B[];
}

export function segmentsOf<B>(text: string, mentions: ReadonlyArray<MentionSpans<B>>): Segment<B>[] {
  const spans: Array<{ start: number; end: number; brand: B }> = [];
  for (const m of mentions) {
    for (const [s, e] of m.spans) {
      const start = Math.max(0, Math.min(s, text.length));
      const end = Math.max(0, Math.min(e, text.length));
      if (end > start) spans.push({ start, end, brand: m.brand });
    }
  }
  const cuts = [...new Set([0, text.length, ...spans.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  const segments: Segment<B>[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const start = cuts[i] as number;
    const end = cuts[i + 1] as number;
    const brands = [...new Set(spans.filter((s) => s.start <= start && s.end >= end).map((s) => s.brand))];
    const last = segments[segments.length - 1];
    // Plain text between mentions is one segment, however many cuts fall in it.
    if (last && brands.length === 0 && last.brands.length === 0) {
      last.end = end;
      last.text = text.slice(last.start, end);
    } else {
      segments.push({ start, end, text: text.slice(start, end), brands });
    }
  }
  return segments;
}
