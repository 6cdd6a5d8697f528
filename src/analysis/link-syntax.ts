/**
 * The small syntax pieces of links: where a markdown target ends, what its URL is, and where a
 * bare URL ends once the punctuation of the sentence around it is trimmed.
 */

/** Index of the ')' closing the '(' at `open`, balancing nested parentheses; -1 if none on that line. */
export function findClosingParen(text: string, open: number): number {
  let depth = 0;
  let angle = false;
  const limit = Math.min(text.length, open + 4096);
  for (let i = open; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) return -1;
    if (angle) {
      if (c === 62 /* > */) angle = false;
      continue;
    }
    if (c === 60 /* < */ && i === open + 1) angle = true;
    else if (c === 40) depth++;
    else if (c === 41 && --depth === 0) return i;
  }
  return -1;
}

/**
 * URL of a markdown link target: "<url>", "url \"title\"", or a doubled form where the model
 * wrote a whole link as the target ("[a](https://x.com)" inside the parentheses).
 */
export function markdownTarget(inner: string): string | null {
  let t = inner.trim();
  const nested = t.lastIndexOf('](');
  if (nested >= 0) {
    const close = findClosingParen(t, nested + 1);
    t = t.slice(nested + 2, close >= 0 ? close : t.length).trim();
  }
  if (t.startsWith('<')) {
    const close = t.indexOf('>');
    return close > 1 ? t.slice(1, close).trim() : null;
  }
  let end = 0;
  while (end < t.length && t.charCodeAt(end) > 32) end++;
  let start = 0;
  while (start < end && (t.charCodeAt(start) === 34 || t.charCodeAt(start) === 39)) start++;
  while (end > start && (t.charCodeAt(end - 1) === 34 || t.charCodeAt(end - 1) === 39)) end--;
  return end > start ? t.slice(start, end) : null;
}

// Where a bare URL stops: spaces, quotes, angle brackets, markdown table pipes and brackets,
// typographic quotes and dashes, CJK punctuation and full-width forms. The expression defines the
// set; a table read per code unit (filled from it the first time a unit is seen) finds the first
// of them, cheaper than running the expression: its Unicode spaces are ranges checked per character.
const URL_STOP = /[\s\u200b<>"`|[\]\u201c\u201d\u2018\u2019\u00ab\u00bb\u2013\u2014\u2026\u3000-\u303f\uff00-\uff65]/;
const STOP_TABLE = new Uint8Array(0x10000); // 0: not looked up yet, 1: part of a URL, 2: stops it
for (let c = 0; c < 128; c++) STOP_TABLE[c] = URL_STOP.test(String.fromCharCode(c)) ? 2 : 1;

function stopsUrl(c: number): boolean {
  let t = STOP_TABLE[c] as number;
  if (t === 0) {
    t = URL_STOP.test(String.fromCharCode(c)) ? 2 : 1;
    STOP_TABLE[c] = t;
  }
  return t === 2;
}

const TRAILING = new Set([46, 44, 59, 58, 33, 63, 39, 34, 42, 95, 126]); // . , ; : ! ? ' " * _ ~

function count(text: string, from: number, to: number, unit: number): number {
  let k = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === unit) k++;
  return k;
}

/**
 * End of a bare URL starting at `start`, scanning from `from`: stops at spaces, quotes, markdown
 * table pipes and CJK punctuation, then trims the sentence's trailing punctuation and any closing
 * parenthesis the URL did not open ("(see https://x.com/a_(b))." keeps "a_(b)").
 */
export function urlEnd(text: string, start: number, from: number): number {
  const n = text.length;
  let e = Math.max(from, 0);
  while (e < n && !stopsUrl(text.charCodeAt(e))) e++;
  if (e > n) e = n;
  while (e > from) {
    const c = text.charCodeAt(e - 1);
    if (TRAILING.has(c)) e--;
    else if (c === 41 && count(text, start, e, 41) > count(text, start, e, 40)) e--;
    else break;
  }
  return e;
}
