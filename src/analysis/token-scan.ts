/**
 * The tokenizer's loop (tokens.ts holds its contract). Most of an answer is ASCII letters,
 * digits, spaces and punctuation, so the loop reads one table entry per character and leaves
 * only non-ASCII characters, "&" (an entity may follow) and hyphens to a general path.
 */
import { CJK, classAtText, classOf, OTHER, WORD } from './char-class.js';
import { ASCII_LOWER, foldCharAt, FOLD_TABLE, rareOut } from './fold.js';
import type { Range } from './ranges.js';

// Module-private constants: V8 folds them into the loops, while an exported binding is read
// from its cell (with a check for the temporal dead zone) on every use.
const OFFSET = 0x811c9dc5 | 0;
const PRIME = 0x01000193;
export const FNV_OFFSET = OFFSET;
export const FNV_PRIME = PRIME;

// UNIT[c]: the folded unit of an ASCII letter or digit; 0 for ASCII spaces and punctuation
// (a hyphen too: whether it joins two words is decided where a word ends); SLOW for every other
// unit: non-ASCII, "&", and the end-of-text sentinel.
const SLOW = 0xffff;
const UNIT = new Uint16Array(0x10000).fill(SLOW);
for (let c = 0; c < 128; c++) UNIT[c] = classOf(c) === WORD ? (ASCII_LOWER[c] as number) : 0;
UNIT[38] = SLOW;
/** Written after the text: a unit that ends every loop (U+FFFF is a noncharacter, and the loops check the length). */
const SENTINEL = 0xffff;

/** Output of a scan besides the token arrays. */
export interface ScanOutput {
  candidateCount: number;
  /**
   * Places where a word goes on across a character that could end a URL region (non-ASCII
   * outside U+00C0–U+1FFF, or "&"): a tokenizer that skips URL text may cut the word there.
   */
  cuts: Int32Array;
  cutCount: number;
  /** Tokens whose first characters were dropped (zero-width): pairs of token index and where reading began. */
  leads: Int32Array;
  leadCount: number;
}

export const out: ScanOutput = {
  candidateCount: 0,
  cuts: new Int32Array(16),
  cutCount: 0,
  leads: new Int32Array(16),
  leadCount: 0,
};

function push(list: 'cuts' | 'leads', count: number, a: number, b = -1): void {
  let arr = out[list];
  const width = list === 'cuts' ? 1 : 2;
  if ((count + 1) * width > arr.length) {
    const grown = new Int32Array(arr.length * 2);
    grown.set(arr);
    arr = out[list] = grown;
  }
  arr[count * width] = a;
  if (width === 2) arr[count * width + 1] = b;
}

/** A unit at which a URL region can end while a word goes on (see ScanOutput.cuts). */
function mayEndRegion(c: number): boolean {
  return c === 38 || (c >= 128 && (c < 0xc0 || c >= 0x2000));
}

// The class and folded form of the last character read by foldNonAscii (module variables rather
// than a fresh object per character). rareUnit is -1 when the character folded to a string (rareOut).
let rareClass = OTHER;
let rareUnit = -1;

/**
 * The class of a non-ASCII character (or entity) at text[i] and its folded units: sets
 * rareClass and rareUnit (or rareOut) and returns the next index. A character folding to word
 * units mixed with other units ("½" → "1⁄2") is treated as a boundary.
 */
function foldNonAscii(text: string, i: number, c: number): number {
  if (c >= 128 && c < 0xd800) {
    const t = FOLD_TABLE[c] as number;
    const u = t !== 0 && t !== 0xffff ? t - 1 : -1;
    if (u >= 0) {
      rareClass = classOf(u);
      rareUnit = u;
      return i + 1;
    }
  }
  const next = foldCharAt(text, i);
  const folded = rareOut;
  rareUnit = folded.length === 1 ? folded.charCodeAt(0) : -1;
  if (folded.length === 0)
    rareClass = -1; // dropped (zero-width, combining accent): neither word nor boundary
  else {
    const first = classOf(folded.codePointAt(0) as number);
    rareClass = first;
    for (let p = 0; p < folded.length; ) {
      const cp = folded.codePointAt(p) as number;
      if (classOf(cp) !== first || (first === CJK && p > 0)) rareClass = OTHER;
      p += cp > 0xffff ? 2 : 1;
    }
  }
  return next;
}

function hashFolded(h: number): number {
  if (rareUnit >= 0) return Math.imul(h ^ rareUnit, PRIME);
  const folded = rareOut;
  for (let q = 0; q < folded.length; q++) h = Math.imul(h ^ folded.charCodeAt(q), PRIME);
  return h;
}

/**
 * Tokens of text (copied into src) into start/end/hash; indices of those passing `filter` into
 * candidates. Ranges in `skip` (sorted, disjoint) are not read; a word that began before one
 * runs on into it.
 */
export function scan(
  text: string,
  src: Uint16Array,
  start: Int32Array,
  end: Int32Array,
  hash: Int32Array,
  filter: Uint8Array,
  candidates: Int32Array,
  skip: readonly Range[],
): number {
  const n = text.length;
  const unit = UNIT;
  const fmask = (filter.length << 3) - 1;
  let nc = 0;
  let cuts = 0;
  let leads = 0;
  let bit = 0;
  let nextSkip = 0;
  let skipAt = skip.length > 0 ? (skip[0] as Range)[0] : n;
  src[n] = SENTINEL;
  let count = 0;
  let i = 0;
  for (;;) {
    // Spaces and punctuation between words.
    let u = unit[src[i] as number] as number;
    while (u === 0) u = unit[src[++i] as number] as number;
    if (i >= n) break;
    if (i >= skipAt) {
      i = Math.max(i, (skip[nextSkip] as Range)[1]);
      nextSkip++;
      skipAt = nextSkip < skip.length ? (skip[nextSkip] as Range)[0] : n;
      continue;
    }
    const begin = i;
    let s = i;
    let h = OFFSET;
    // ASCII letters and digits: the hot loop.
    while (u !== 0 && u !== SLOW) {
      h = Math.imul(h ^ u, PRIME);
      u = unit[src[++i] as number] as number;
    }
    let e = i;
    let cjk = false;
    // Anything else (a hyphen, a non-ASCII character, an entity, the end): the general path.
    if (u === SLOW || src[i] === 45) {
      for (;;) {
        if (i >= n) break;
        const c = src[i] as number;
        if (c < 128 && c !== 38) {
          const a = unit[c] as number;
          if (a !== 0) {
            h = Math.imul(h ^ a, PRIME);
            e = ++i;
            continue;
          }
          // A hyphen between two word characters joins them.
          if (c === 45 && e === i && e > s && classAtText(text, i + 1) === WORD) {
            if (mayEndRegion(src[i + 1] as number)) push('cuts', cuts++, i);
            h = Math.imul(h ^ 45, PRIME);
            i++;
            continue;
          }
          break;
        }
        // Non-ASCII characters and entities: the cold path.
        const next = foldNonAscii(text, i, c);
        const k = rareClass;
        if (rareUnit === 45 && e === i && e > s && classAtText(text, next) === WORD) {
          if (mayEndRegion(c)) push('cuts', cuts++, i);
          h = Math.imul(h ^ 45, PRIME); // a typographic hyphen joins like "-"
          i = next;
          continue;
        }
        if (k === WORD) {
          if (e > s && mayEndRegion(c)) push('cuts', cuts++, i);
          h = hashFolded(h);
          e = i = next;
        } else if (k === -1) {
          // Dropped (zero-width, soft hyphen): inside a word the word goes on; before one, it is no part of it.
          if (e > s && mayEndRegion(c)) push('cuts', cuts++, i);
          if (e === s) s = e = next;
          i = next;
        } else {
          if (k === CJK) {
            if (e > s) {
              start[count] = s;
              end[count] = e;
              hash[count] = h;
              bit = (h ^ (h >>> 13)) & fmask;
              if (((filter[bit >>> 3] as number) & (1 << (bit & 7))) !== 0) candidates[nc++] = count;
              if (s !== begin) push('leads', leads++, count, begin);
              count++;
            }
            const ch = hashFolded(OFFSET);
            start[count] = i;
            end[count] = next;
            hash[count] = ch;
            bit = (ch ^ (ch >>> 13)) & fmask;
            if (((filter[bit >>> 3] as number) & (1 << (bit & 7))) !== 0) candidates[nc++] = count;
            count++;
            cjk = true;
          }
          i = next;
          break;
        }
      }
    }
    if (e > s && !cjk) {
      start[count] = s;
      end[count] = e;
      hash[count] = h;
      // The first-word filter (see filterBit), checked as each word ends: most words are no brand's first word.
      bit = (h ^ (h >>> 13)) & fmask;
      if (((filter[bit >>> 3] as number) & (1 << (bit & 7))) !== 0) candidates[nc++] = count;
      if (s !== begin) push('leads', leads++, count, begin);
      count++;
    }
    if (i === s) i++;
  }
  out.candidateCount = nc;
  out.cutCount = cuts;
  out.leadCount = leads;
  return count;
}
