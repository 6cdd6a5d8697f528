/**
 * Finding the brand names in an answer: fold once, tokenize once, then walk the brand trie from
 * every word. A trie hit is confirmed against the alias itself (token units, separators, leading
 * and trailing punctuation, letter case when the brand asks for it), then against the rules on
 * apostrophes and on text that is a URL. Within one brand, overlapping matches keep the
 * leftmost-longest; different brands never compete.
 */
import type { CompiledAlias, CompiledBrands } from './compile.js';
import { edge } from './compile.js';
import { decodeEntityAt } from './entities.js';
import { ASCII_LOWER, canonicalize, foldCharAt, foldSlice, rareOut } from './fold.js';
import type { Exclusions } from './exclusions.js';
import type { Range } from './ranges.js';
import { classAtText, WORD } from './char-class.js';
import { tokenBegin, tokenEquals, tokenize, type Tokens } from './tokens.js';

export interface BrandMatches {
  brandIndex: number;
  /** Original [start, end) ranges, in order, without overlaps. */
  spans: Range[];
  /** The alias behind each span. */
  aliasIds: number[];
}

// Words before an apostrophe that elide into the next word: French l', d', qu'… and Italian dell'…
const ELISIONS = new Set([
  'l',
  'd',
  'j',
  'm',
  'n',
  's',
  't',
  'c',
  'qu',
  'jusqu',
  'lorsqu',
  'puisqu',
  'quoiqu',
  'presqu',
  'dell',
  'all',
  'dall',
  'nell',
  'sull',
  'un',
]);
const APOSTROPHE = "'";

/** Text separator equals the alias separator once folded, runs of spaces counting as one. */
function sepEquals(text: string, a: number, b: number, sep: string): boolean {
  if (b - a > sep.length * 2 + 4) return false;
  // ASCII separators (nearly always one space) are compared in place: folding maps tab and
  // carriage return to a space and nothing else changes a separator unit.
  let k = 0;
  let space = false;
  let p = a;
  for (; p < b; p++) {
    const c = text.charCodeAt(p);
    if (c >= 128 || c === 38) break;
    const f = ASCII_LOWER[c] as number;
    if (f === 32) {
      if (space) continue; // a run of spaces counts as one
      space = true;
    } else space = false;
    if (sep.charCodeAt(k++) !== f) return false;
  }
  if (p === b) return k === sep.length;
  const folded = foldSlice(text, a, b);
  return (folded.includes('  ') ? folded.replace(/ {2,}/g, ' ') : folded) === sep;
}

function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const e = s[i] === '&' ? decodeEntityAt(s, i) : null;
    if (e) {
      out += e.value;
      i = e.end - 1;
    } else out += s[i];
  }
  return out;
}

/** Cheap test before folding: only "'" and non-ASCII characters (’, &apos; …) can fold to an apostrophe. */
function mayBeApostrophe(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 39 || c === 38 || c >= 128;
}

/** Folded character at text[i] (empty past the ends). */
function foldedAt(text: string, i: number): string {
  if (i < 0 || i >= text.length) return '';
  foldCharAt(text, i);
  return rareOut;
}

// Where the last verified alias lies (module variables rather than an array per candidate).
let spanStart = 0;
let spanEnd = 0;

/** Whether the alias holds on tokens i..j; its original [start, end) is then in spanStart, spanEnd. */
function verify(text: string, toks: Tokens, i: number, j: number, a: CompiledAlias, excl: Exclusions): boolean {
  for (let k = 0; k <= j - i; k++) {
    const s = toks.start[i + k] as number;
    if (!tokenEquals(text, s, toks.end[i + k] as number, a.tokens[k] as string)) return false;
    if (k > 0 && !sepEquals(text, toks.end[i + k - 1] as number, s, a.seps[k - 1] as string)) return false;
  }
  // Leading and trailing punctuation of a name (".NET", "C++") is plain ASCII, one unit per character.
  const start = (toks.start[i] as number) - a.lead.length;
  const end = (toks.end[j] as number) + a.trail.length;
  if (start < 0 || end > text.length) return false;
  if (a.lead && (foldSlice(text, start, toks.start[i] as number) !== a.lead || classAtText(text, start - 1) === WORD))
    return false;
  if (a.trail && (foldSlice(text, toks.end[j] as number, end) !== a.trail || classAtText(text, end) === WORD))
    return false;
  // After the name, an apostrophe may only open a possessive ("HubSpot's") or close a quote.
  if (
    !a.trail &&
    mayBeApostrophe(text, end) &&
    foldedAt(text, end) === APOSTROPHE &&
    classAtText(text, end + 1) === WORD
  ) {
    const possessive = foldedAt(text, end + 1) === 's' && classAtText(text, end + 2) !== WORD;
    if (!possessive) return false; // "don't" is not the brand "Don"
  }
  // Before the name, an apostrophe must follow an elided word ("d'Alan") or open a quote.
  if (!a.lead && start >= 2 && mayBeApostrophe(text, start - 1) && foldedAt(text, start - 1) === APOSTROPHE) {
    // The word before, as a tokenizer that skips URL text reads it (it never sees a word that begins in a URL).
    const before =
      i > 0 && toks.end[i - 1] === start - 1 && excl.wordRead(tokenBegin(toks, i - 1), toks.start[i - 1] as number)
        ? foldSlice(text, toks.start[i - 1] as number, start - 1)
        : null;
    if (before === null) {
      if (classAtText(text, start - 2) === WORD) return false;
    } else if (!ELISIONS.has(before)) return false; // "o'clock"
  }
  spanStart = start;
  spanEnd = end;
  return true;
}

/**
 * Matches of every brand in text, the exclusions applied; null when lazy exclusions cannot tell
 * how a tokenizer skipping URL text would read it (then the caller finds the regions first).
 */
export function findBrandMatches(c: CompiledBrands, text: string, excl: Exclusions): BrandMatches[] | null {
  const toks = tokenize(text, false, c.rootFilter, excl.skip);
  for (let k = 0; k < toks.cutCount; k++) if (excl.cutAt(toks.cuts[k] as number)) return null;
  // Matches per brand, in order of each brand's first match; brandSlot finds a brand's entry
  // (valid where brandStamp holds this call's stamp: no clearing of a table per brand).
  const found: BrandMatches[] = [];
  if (brandSlot.length < c.brands.length) {
    brandSlot = new Int32Array(c.brands.length);
    brandStamp = new Int32Array(c.brands.length);
  }
  const stamp = (callStamp = (callStamp + 1) | 0) === 0 ? resetStamps() : callStamp;
  const T = toks.count;
  const hashes = toks.hash;
  for (let q = 0; q < toks.candidateCount; q++) {
    const i = toks.candidates[q] as number;
    let node = 0;
    for (let j = i; j < T; j++) {
      // Words further apart than any separator a name could hold end the walk early.
      if (j > i && (toks.start[j] as number) - (toks.end[j - 1] as number) > 12) break;
      node = edge(c, node, hashes[j] as number);
      if (node < 0) break;
      for (let id = c.terminalFirst[node] as number; id >= 0; id = c.aliasNext[id] as number) {
        const alias = c.aliases[id] as CompiledAlias;
        if (!verify(text, toks, i, j, alias, excl)) continue;
        const s = spanStart;
        const e = spanEnd;
        if (alias.cased !== null && canonicalize(decodeEntities(text.slice(s, e)), false) !== alias.cased) continue;
        const excluded = excl.excluded(s, e);
        if (excluded === null) return null;
        if (excluded) continue;
        const b = alias.brandIndex;
        let m: BrandMatches;
        if (brandStamp[b] === stamp) m = found[brandSlot[b] as number] as BrandMatches;
        else {
          brandStamp[b] = stamp;
          brandSlot[b] = found.length;
          found.push((m = { brandIndex: b, spans: [], aliasIds: [] }));
        }
        m.spans.push([s, e]);
        m.aliasIds.push(id);
      }
    }
  }
  for (const m of found) leftmostLongest(m);
  return found;
}

let brandSlot = new Int32Array(0);
let brandStamp = new Int32Array(0);
let callStamp = 0;

/** After 2^32 calls the stamp wraps to 0: old stamps are cleared so none can match again. */
function resetStamps(): number {
  brandStamp.fill(0);
  callStamp = 1;
  return 1;
}

/** Overlapping matches of one brand ("Google Cloud" and "Google" on the same words) count once. */
function leftmostLongest(m: BrandMatches): void {
  let ordered = true;
  for (let k = 1; k < m.spans.length && ordered; k++)
    ordered = (m.spans[k] as Range)[0] >= (m.spans[k - 1] as Range)[1];
  if (ordered) return; // the usual case: separate occurrences, already in order
  const order = m.spans
    .map((_, k) => k)
    .sort((x, y) => {
      const a = m.spans[x] as Range;
      const b = m.spans[y] as Range;
      return a[0] - b[0] || b[1] - a[1];
    });
  const spans: Range[] = [];
  const aliasIds: number[] = [];
  let end = -1;
  for (const k of order) {
    const span = m.spans[k] as Range;
    if (span[0] < end) continue;
    spans.push(span);
    aliasIds.push(m.aliasIds[k] as number);
    end = span[1];
  }
  m.spans = spans;
  m.aliasIds = aliasIds;
}
