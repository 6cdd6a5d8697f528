/**
 * Where a mention sits in the answer's layout: reasoning blocks, sentences and list items.
 * Everything works on the original text so offsets need no mapping.
 */
import type { Range } from './ranges.js';

/** Cheap test first: almost no answer has these tags, and a '<' is rare outside them. */
function hasThinkTag(text: string): boolean {
  for (let k = text.indexOf('<'); k >= 0; k = text.indexOf('<', k + 1)) {
    const c = text.charCodeAt(text.charCodeAt(k + 1) === 47 /* / */ ? k + 2 : k + 1) | 32;
    if (
      (c === 116 /* t */ || c === 114) /* r */ &&
      /^<\/?(?:think|thinking|reasoning)\s*>/i.test(text.slice(k, k + 14))
    )
      return true;
  }
  return false;
}
const THINK_TAG = /<(\/?)(?:think|thinking|reasoning)\s*>/gi;

/**
 * Reasoning blocks ("<think>…</think>") are not the answer. A closing tag with no opening tag
 * before it (some models omit the opening one) makes everything before it reasoning; an opening
 * tag that is never closed runs to the end of the text (the model stopped while reasoning).
 */
export function thinkRanges(text: string): Range[] {
  // indexOf is much cheaper than a case-insensitive scan, and almost no answer has these tags.
  if (!hasThinkTag(text)) return [];
  const out: Range[] = [];
  let open = -1;
  for (const m of text.matchAll(THINK_TAG)) {
    const closing = m[1] === '/';
    if (!closing && open < 0) open = m.index;
    else if (closing && open >= 0) {
      out.push([open, m.index + m[0].length]);
      open = -1;
    } else if (closing && out.length === 0) out.push([0, m.index + m[0].length]);
  }
  if (open >= 0) out.push([open, text.length]);
  return out;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 0xa0 || c === 0x3000;
}

/** Is the character at i a lower-case letter? ASCII by its code, the rest by its case mappings. */
function isLowerLetterAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c >= 97 && c <= 122;
  const ch = text[i] as string;
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

/** [.!?…] followed by whitespace and not by a lower-case word ends a sentence; so do line breaks and CJK stops. */
function endsSentenceAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c !== 46 && c !== 33 && c !== 63 && c < 0x2026) return false; // the usual case, cheaply
  if (c === 0x3002 || c === 0xff01 || c === 0xff1f) return true; // 。！？
  if (c !== 46 && c !== 33 && c !== 63 && c !== 0x2026) return false;
  const next = text.charCodeAt(i + 1);
  if (!(isSpace(next) || Number.isNaN(next) || next === 10)) return false;
  // "1. " opening a numbered list item is a marker, not the end of a sentence.
  let d = i - 1;
  while (d >= 0 && text.charCodeAt(d) >= 48 && text.charCodeAt(d) <= 57) d--;
  if (d < i - 1 && (d < 0 || text.charCodeAt(d) === 10 || isSpace(text.charCodeAt(d)))) {
    let b = d;
    while (b >= 0 && isSpace(text.charCodeAt(b))) b--;
    if (b < 0 || text.charCodeAt(b) === 10) return false;
  }
  let k = i + 1;
  while (k < text.length && isSpace(text.charCodeAt(k))) k++;
  return k >= text.length || !isLowerLetterAt(text, k);
}

/** Longest stretch read either side of a position when looking for its sentence. */
const SENTENCE_LIMIT = 600;

/** The sentence (or line, or table row) around position p, as a [start, end) range trimmed of spaces. */
export function sentenceAt(text: string, p: number): Range {
  const limit = SENTENCE_LIMIT;
  let s = p;
  while (s > 0 && p - s < limit) {
    const c = text.charCodeAt(s - 1);
    if (c === 10 || endsSentenceAt(text, s - 1)) break;
    s--;
  }
  let e = p;
  while (e < text.length && e - p < limit) {
    const c = text.charCodeAt(e);
    if (c === 10) break;
    e++;
    if (endsSentenceAt(text, e - 1)) break;
  }
  while (s < e && /\s/.test(text[s] as string)) s++;
  while (e > s && /\s/.test(text[e - 1] as string)) e--;
  return [s, e];
}

/** \s of a regular expression, by character code. */
export function isWhiteSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** The characters that may end a sentence or a line (endsSentenceAt decides). */
const STOPS = /[\n.!?\u2026\u3002\uff01\uff1f]/g;

/**
 * Every sentence boundary of a text found in one pass, so the sentence around any position is a
 * binary search instead of a scan: `at(p)` is exactly `sentenceAt(text, p)`.
 */
export class SentenceIndex {
  /** Positions of line breaks and of the characters that end a sentence, in order. */
  readonly bounds: number[] = [];

  constructor(private readonly text: string) {
    // test() rather than exec(): a stop is one character, so lastIndex says where it is, and no
    // match object is made for each of the answer's stops.
    STOPS.lastIndex = 0;
    while (STOPS.test(text)) {
      const i = STOPS.lastIndex - 1;
      if (text.charCodeAt(i) === 10 || endsSentenceAt(text, i)) this.bounds.push(i);
    }
  }

  at(p: number): Range {
    const { bounds, text } = this;
    // First boundary at or after p.
    let lo = 0;
    let hi = bounds.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((bounds[mid] as number) < p) lo = mid + 1;
      else hi = mid;
    }
    const before = lo > 0 ? (bounds[lo - 1] as number) : -1;
    let s = Math.max(before + 1, p - SENTENCE_LIMIT, 0);
    if (s > p) s = p;
    let e: number;
    if (lo < bounds.length) {
      const b = bounds[lo] as number;
      const stop = text.charCodeAt(b) === 10 ? b : b + 1;
      e = b - p < SENTENCE_LIMIT ? stop : p + SENTENCE_LIMIT;
    } else e = Math.min(text.length, p + SENTENCE_LIMIT);
    while (s < e && isWhiteSpace(text.charCodeAt(s))) s++;
    while (e > s && isWhiteSpace(text.charCodeAt(e - 1))) e--;
    return [s, e];
  }
}

interface Line {
  start: number;
  end: number;
  indent: number;
  /** 'ol', 'ul', or null for a line that is not a list item. */
  item: 'ol' | 'ul' | null;
  blank: boolean;
}

const ITEM = /^([ \t]*)(?:>[ \t]?)*(?:([-*+•])|\d{1,4}[.)])[ \t]+\S/;

function lineAt(text: string, start: number): Line {
  const nl = text.indexOf('\n', start);
  const end = nl < 0 ? text.length : nl;
  let indent = 0;
  let k = start;
  for (; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c === 32) indent++;
    else if (c === 9) indent += 4;
    else if (c !== 13) break;
  }
  // Only lines starting with a marker character can be list items: skip the regex for the rest.
  const first = text.charCodeAt(k);
  const marker =
    first === 45 || first === 42 || first === 43 || first === 0x2022 || first === 62 || (first >= 48 && first <= 57);
  const m = marker ? ITEM.exec(text.slice(start, Math.min(end, start + 200))) : null;
  return { start, end, indent, item: m ? (m[2] ? 'ul' : 'ol') : null, blank: k >= end };
}

function previousLine(text: string, line: Line): Line | null {
  if (line.start === 0) return null;
  return lineAt(text, line.start < 2 ? 0 : text.lastIndexOf('\n', line.start - 2) + 1);
}

/** The list item line holding the line `l` (itself, or the item a continuation line belongs to). */
function owningItem(text: string, l: Line): Line | null {
  if (l.item) return l;
  let gap = false;
  for (let prev = previousLine(text, l), steps = 0; prev && steps < 50; prev = previousLine(text, prev), steps++) {
    if (prev.blank) gap = true;
    else if (prev.item) return prev.indent < l.indent || !gap ? prev : null;
    else if (prev.indent < l.indent && l.indent > 0) return null;
    else if (gap && l.indent === 0) return null;
  }
  return null;
}

/**
 * 1-based position of the list item holding position p among its siblings (same indentation,
 * same list kind), or null outside lists. A numbered heading ("### 2. Asana") gives its number.
 */
export function listPositionAt(text: string, p: number): number | null {
  const here = lineAt(text, text.lastIndexOf('\n', p - 1) + 1);
  const heading = /^#{1,6}[ \t]+(\d{1,3})[.)][ \t]/.exec(text.slice(here.start, here.start + 16));
  if (heading) return Number(heading[1]);
  const item = owningItem(text, here);
  if (!item) return null;
  let position = 1;
  let gap = false;
  for (let prev = previousLine(text, item), steps = 0; prev && steps < 400; prev = previousLine(text, prev), steps++) {
    if (prev.blank) {
      gap = true;
      continue;
    }
    if (prev.item) {
      if (prev.indent === item.indent && prev.item === item.item) position++;
      else if (prev.indent <= item.indent) break;
    } else if (prev.indent <= item.indent) {
      // A lazy continuation line of the item above, or the paragraph that opens this list.
      const above = previousLine(text, prev);
      if (gap || !above || above.blank || !(above.item || above.indent > item.indent)) break;
    }
    gap = false;
  }
  return position;
}
