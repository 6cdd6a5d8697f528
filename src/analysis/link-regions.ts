/**
 * Where the link-like regions of an answer are: one left-to-right pass per construct, using
 * indexOf on the constructs' fixed characters ("](", "<", "://", "www.", ".") instead of regular
 * expressions over the whole text. Regions serve twice: as citations (links.ts), and as text
 * where a brand name is not a mention (docs/analysis-rules.md).
 *
 * Order of precedence: markdown links and images (the text between the parentheses is the
 * target), autolinks, bare URLs, "www." URLs, then bare host names and e-mail addresses. A region
 * found by an earlier construct is never found again by a later one.
 *
 * Every region lies on one line: markdown targets end at the line's end, and every other
 * construct contains no whitespace. So the regions of a window of whole lines are exactly the
 * regions the whole text has there, and mention checks scan only the lines they need
 * (exclusions.ts). Only a markdown label may start on an earlier line; the backward search for
 * its "[" reads the whole text either way.
 *
 * Regions are written to reused typed arrays (no object per region): analysis is synchronous,
 * so no two calls share them at the same time.
 */
import { parse as parseDomain } from 'tldts';
import { findClosingParen, urlEnd } from './link-syntax.js';
import { inside, type Range } from './ranges.js';

export const MARKDOWN = 0;
export const IMAGE = 1;
export const AUTOLINK = 2;
export const AUTOLINK_WWW = 3;
export const AUTOLINK_MAIL = 4;
export const URL_SCHEME = 5;
export const URL_WWW = 6;
export const HOST = 7;
export const EMAIL = 8;

/** Region records; [start, end) is the URL text. `order` is where the construct begins; `open` is a markdown label's "[". */
export interface RegionStore {
  count: number;
  kind: Uint8Array;
  start: Int32Array;
  end: Int32Array;
  order: Int32Array;
  open: Int32Array;
}

export const regions: RegionStore = {
  count: 0,
  kind: new Uint8Array(64),
  start: new Int32Array(64),
  end: new Int32Array(64),
  order: new Int32Array(64),
  open: new Int32Array(64),
};

/** Labels ([start, end) between "[" and "]") of the markdown links and images of the last scan, reasoning included. */
export const labels = { count: 0, start: new Int32Array(32), end: new Int32Array(32) };

function addLabel(start: number, end: number): void {
  if (labels.count === labels.start.length) {
    const s = new Int32Array(labels.count * 2);
    const e = new Int32Array(labels.count * 2);
    s.set(labels.start);
    e.set(labels.end);
    labels.start = s;
    labels.end = e;
  }
  labels.start[labels.count] = start;
  labels.end[labels.count] = end;
  labels.count++;
}

function add(kind: number, start: number, end: number, order: number, open: number): void {
  const r = regions;
  if (r.count === r.kind.length) {
    const grow = <T extends Uint8Array | Int32Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(a.length * 2);
      b.set(a);
      return b;
    };
    r.kind = grow(r.kind);
    r.start = grow(r.start);
    r.end = grow(r.end);
    r.order = grow(r.order);
    r.open = grow(r.open);
  }
  const k = r.count++;
  r.kind[k] = kind;
  r.start[k] = start;
  r.end[k] = end;
  r.order[k] = order;
  r.open[k] = open;
}

// Ranges claimed by the constructs done so far in this scan (sorted, merged), and those the
// current construct found, merged in once it is done so each search sees a sorted list.
let claimed = new Int32Array(32);
let claimedCount = 0;
let spare = new Int32Array(32);
let pending = new Int32Array(32);
let pendingCount = 0;

function claim(kind: number, start: number, end: number, order: number, open: number): void {
  add(kind, start, end, order, open);
  if (pendingCount * 2 + 2 > pending.length) {
    const p = new Int32Array(pending.length * 2);
    p.set(pending);
    pending = p;
  }
  pending[pendingCount * 2] = start;
  pending[pendingCount * 2 + 1] = end;
  pendingCount++;
}

/** Merges the pending ranges into the claimed ones (both sorted by start), touching ranges joined. */
function settle(): void {
  if (pendingCount === 0) return;
  if (spare.length < (claimedCount + pendingCount) * 2) spare = new Int32Array((claimedCount + pendingCount) * 4);
  const out = spare;
  let n = 0;
  let i = 0;
  let j = 0;
  while (i < claimedCount || j < pendingCount) {
    const fromClaimed =
      j >= pendingCount || (i < claimedCount && (claimed[i * 2] as number) <= (pending[j * 2] as number));
    const s = fromClaimed ? (claimed[i * 2] as number) : (pending[j * 2] as number);
    const e = fromClaimed ? (claimed[i * 2 + 1] as number) : (pending[j * 2 + 1] as number);
    if (fromClaimed) i++;
    else j++;
    if (n > 0 && s <= (out[n * 2 - 1] as number)) out[n * 2 - 1] = Math.max(out[n * 2 - 1] as number, e);
    else {
      out[n * 2] = s;
      out[n * 2 + 1] = e;
      n++;
    }
  }
  spare = claimed;
  claimed = out;
  claimedCount = n;
  pendingCount = 0;
}

/** End of the claimed range holding p, or -1. */
function claimedEndAt(p: number): number {
  let lo = 0;
  let hi = claimedCount - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (p < (claimed[mid * 2] as number)) hi = mid - 1;
    else if (p >= (claimed[mid * 2 + 1] as number)) lo = mid + 1;
    else return claimed[mid * 2 + 1] as number;
  }
  return -1;
}

// Two-label "hosts" whose suffix is far more often a file extension in an answer (README.md).
const FILE_SUFFIXES = new Set(['md', 'py', 'rs', 'sh', 'zip', 'mov']);

function isHostUnit(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45;
  // Internationalized host names: letters outside CJK punctuation and symbols.
  return c >= 0xc0 && c < 0x2000;
}

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

function isSchemeUnit(c: number): boolean {
  return isLetter(c) || (c >= 48 && c <= 57) || c === 43 || c === 46 || c === 45;
}

function isLocalPartUnit(c: number): boolean {
  return isHostUnit(c) || c === 46 || c === 95 || c === 37 || c === 43;
}

/** A bare host: labels of letters, digits and inner hyphens, ending in a known public suffix. */
function validBareHost(host: string): boolean {
  const labels = host.split('.');
  if (labels.length < 2) return false;
  for (const l of labels) {
    if (l.length === 0 || l.length > 63 || l.startsWith('-') || l.endsWith('-')) return false;
  }
  const tld = labels[labels.length - 1] as string;
  // A capitalized last label is a sentence missing its space ("Figma.It"), not a host.
  if (!/^(?:[a-z]{2,}|xn--[a-z0-9-]+)$/.test(tld)) return false;
  if (labels.length === 2 && FILE_SUFFIXES.has(tld)) return false;
  const parsed = parseDomain(host.toLowerCase(), { allowPrivateDomains: true, extractHostname: false });
  return parsed.domain !== null && (parsed.isIcann === true || parsed.isPrivate === true);
}

/** Whether text at `at` starts with `lower` (ASCII letters and punctuation), ignoring ASCII case. */
function startsWithAscii(text: string, at: number, lower: string): boolean {
  for (let k = 0; k < lower.length; k++) {
    const c = text.charCodeAt(at + k);
    if ((c >= 65 && c <= 90 ? c + 32 : c) !== lower.charCodeAt(k)) return false;
  }
  return true;
}

function markdownLinks(text: string, think: readonly Range[], from: number, to: number): void {
  for (let k = text.indexOf('](', from); k >= 0 && k < to; k = text.indexOf('](', k + 2)) {
    if (inside(think, k)) continue;
    let depth = 0;
    let open = -1;
    for (let j = k; j >= 0 && k - j < 2000; j--) {
      const c = text.charCodeAt(j);
      if (c === 93) depth++;
      else if (c === 91 && --depth === 0) {
        open = j;
        break;
      } else if (c === 10 && text.charCodeAt(j - 1) === 10) break;
    }
    if (open < 0) continue;
    const close = findClosingParen(text, k + 1);
    if (close < 0) continue;
    const image = open > 0 && text.charCodeAt(open - 1) === 33; /* ! */
    addLabel(open + 1, k);
    claim(image ? IMAGE : MARKDOWN, k + 2, close, image ? open - 1 : open, open);
    k = close - 1;
  }
}

/** Autolinks: <https://…>, <www.…>, <mailto:…>. */
function autolinks(text: string, think: readonly Range[], from: number, to: number): void {
  for (let k = text.indexOf('<', from); k >= 0 && k < to; k = text.indexOf('<', k + 1)) {
    const mail = startsWithAscii(text, k + 1, 'mailto:');
    const www = !mail && startsWithAscii(text, k + 1, 'www.');
    if (!mail && !www && !startsWithAscii(text, k + 1, 'http://') && !startsWithAscii(text, k + 1, 'https://'))
      continue;
    if (inside(think, k) || claimedEndAt(k) >= 0) continue;
    const close = text.indexOf('>', k);
    if (close < 0 || /\s/.test(text.slice(k + 1, close))) continue;
    claim(mail ? AUTOLINK_MAIL : www ? AUTOLINK_WWW : AUTOLINK, k + 1, close, k, -1);
  }
}

/** Bare URLs with a scheme (marker "://") or starting with "www.". */
function bareUrls(text: string, think: readonly Range[], from: number, to: number, marker: string): void {
  const scheme = marker === '://';
  for (let k = text.indexOf(marker, from); k >= 0 && k < to; k = text.indexOf(marker, k + 1)) {
    const claimedEnd = claimedEndAt(k);
    if (claimedEnd >= 0) {
      k = claimedEnd - 1;
      continue;
    }
    if (inside(think, k)) continue;
    let s = k;
    if (scheme) {
      while (s > 0 && isSchemeUnit(text.charCodeAt(s - 1))) s--;
      while (s < k && !isLetter(text.charCodeAt(s))) s++;
      if (s === k) continue;
    } else if (k > 0) {
      const b = text.charCodeAt(k - 1);
      if (isHostUnit(b) || b === 46 || b === 47 || b === 64 || b === 58 || b === 95) continue; // ./@:_
    }
    const e = urlEnd(text, s, scheme ? k + 3 : k + 4);
    if (e <= k + marker.length) continue;
    claim(scheme ? URL_SCHEME : URL_WWW, s, e, s, -1);
    k = e - 1;
  }
}

/** Bare host names (cdc.gov, example.co.uk/page) and e-mail addresses. */
function hostsAndEmails(text: string, think: readonly Range[], from: number, to: number): void {
  const n = text.length;
  // Kept from the first version of this scan: a text whose first character is "." has no bare
  // hosts or e-mail addresses (the loop ended on a match at index 0). Results depend on it.
  if (text.charCodeAt(0) === 46) return;
  for (let k = text.indexOf('.', from); k > 0 && k < to && k + 1 < n; k = text.indexOf('.', k + 1)) {
    if (!isHostUnit(text.charCodeAt(k - 1)) || !isHostUnit(text.charCodeAt(k + 1))) continue;
    const claimedEnd = claimedEndAt(k);
    if (claimedEnd >= 0) {
      k = claimedEnd - 1;
      continue;
    }
    if (inside(think, k)) continue;
    let s = k;
    while (s > 0 && (isHostUnit(text.charCodeAt(s - 1)) || text.charCodeAt(s - 1) === 46)) s--;
    while (text.charCodeAt(s) === 46 || text.charCodeAt(s) === 45) s++;
    let e = k + 1;
    while (
      e < n &&
      (isHostUnit(text.charCodeAt(e)) || (text.charCodeAt(e) === 46 && isHostUnit(text.charCodeAt(e + 1))))
    )
      e++;
    while (text.charCodeAt(e - 1) === 45) e--;
    const before = s > 0 ? text.charCodeAt(s - 1) : 32;
    if (before === 64 /* @ */) {
      let l = s - 1;
      while (l > 0 && isLocalPartUnit(text.charCodeAt(l - 1))) l--;
      if (l < s - 1) add(EMAIL, l, e, l, -1);
      k = e;
      continue;
    }
    // Part of a path or of something larger than a host name.
    if (before === 47 || before === 92 || before === 95 || before === 58 || !validBareHost(text.slice(s, e))) {
      k = e;
      continue;
    }
    const c = text.charCodeAt(e);
    const withPath = c === 47 || (c === 58 && /[0-9]/.test(text[e + 1] ?? ''));
    const end = withPath ? urlEnd(text, s, e) : e;
    add(HOST, s, end, s, -1);
    k = end;
  }
}

/**
 * Appends the regions of text[from, to) to `regions` (from a line start, to a line end or the
 * text's end) and returns the index of the first one. Regions that begin inside reasoning
 * (`think`) are dropped; they still claim their text from later constructs.
 */
export function scanRegions(text: string, think: readonly Range[], from: number, to: number): number {
  const first = regions.count;
  labels.count = 0;
  claimedCount = 0;
  pendingCount = 0;
  markdownLinks(text, think, from, to);
  settle();
  autolinks(text, think, from, to);
  settle();
  bareUrls(text, think, from, to, '://');
  settle();
  bareUrls(text, think, from, to, 'www.');
  settle();
  hostsAndEmails(text, think, from, to);
  if (think.length > 0) {
    let kept = first;
    for (let k = first; k < regions.count; k++) {
      if (inside(think, regions.order[k] as number)) continue;
      regions.kind[kept] = regions.kind[k] as number;
      regions.start[kept] = regions.start[k] as number;
      regions.end[kept] = regions.end[k] as number;
      regions.order[kept] = regions.order[k] as number;
      regions.open[kept] = regions.open[k] as number;
      kept++;
    }
    regions.count = kept;
  }
  return first;
}
