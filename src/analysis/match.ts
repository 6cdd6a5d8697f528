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
import { canonicalize, foldCharAt, foldSlice, rareOut } from './fold.js';
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
const ELISIONS = new Set(['l', 'd', 'j', 'm', 'n', 's', 't', 'c', 'qu', 'jusqu', 'lorsqu', 'puisqu', 'quoiqu', 'presqu', 'dell', 'all', 'dall', 'nell', 'sull', 'un']);
const APOSTROPHE = "'";

/** Text separator equals the alias separator once folded, runs of spaces counting as one. */
function sepEquals(text: string, a: number, b: number, sep: string): boolean {
  if (b - a > sep.length * 2 + 4) return false;
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

/** Original [start, end) of the alias on tokens i..j, or null when it does not hold there. */
function verify(text: string, toks: Tokens, i: number, j: number, a: CompiledAlias, excl: Exclusions): Range | null {
  for (let k = 0; k <= j - i; k++) {
    const s = toks.start[i + k] as number;
    if (!tokenEquals(text, s, toks.end[i + k] as number, a.tokens[k] as string)) return null;
    if (k > 0 && !sepEquals(text, toks.end[i + k - 1] as number, s, a.seps[k - 1] as string)) return null;
  }
  // Leading and trailing punctuation of a name (".NET", "C++") is plain ASCII, one unit per character.
  const start = (toks.start[i] as number) - a.lead.length;
  const end = (toks.end[j] as number) + a.trail.length;
  if (start < 0 || end > text.length) return null;
  if (a.lead && (foldSlice(text, start, toks.start[i] as number) !== a.lead || classAtText(text, start - 1) === WORD)) return null;
  if (a.trail && (foldSlice(text, toks.end[j] as number, end) !== a.trail || classAtText(text, end) === WORD)) return null;
  // After the name, an apostrophe may only open a possessive ("HubSpot's") or close a quote.
  if (!a.trail && mayBeApostrophe(text, end) && foldedAt(text, end) === APOSTROPHE && classAtText(text, end + 1) === WORD) {
    const possessive = foldedAt(text, end + 1) === 's' && classAtText(text, end + 2) !== WORD;
    if (!possessive) return null; // "don't" is not the brand "Don"
  }
  // Before the name, an apostrophe must follow an elided word ("d'Alan") or open a quote.
  if (!a.lead && start >= 2 && mayBeApostrophe(text, start - 1) && foldedAt(text, start - 1) === APOSTROPHE) {
    // The word before, as a tokenizer that skips URL text reads it (it never sees a word that begins in a URL).
    const before =
      i > 0 && toks.end[i - 1] === start - 1 && excl.wordRead(tokenBegin(toks, i - 1), toks.start[i - 1] as number) ? foldSlice(text, toks.start[i - 1] as number, start - 1) : null;
    if (before === null) {
      if (classAtText(text, start - 2) === WORD) return null;
    } else if (!ELISIONS.has(before)) return null; // "o'clock"
  }
  return [start, end];
}

/**
 * Matches of every brand in text, the exclusions applied; null when lazy exclusions cannot tell
 * how a tokenizer skipping URL text would read it (then the caller finds the regions first).
 */
export function findBrandMatches(c: CompiledBrands, text: string, excl: Exclusions): BrandMatches[] | null {
  const toks = tokenize(text, false, c.rootFilter, excl.skip);
  for (let k = 0; k < toks.cutCount; k++) if (excl.cutAt(toks.cuts[k] as number)) return null;
  const byBrand = new Map<number, BrandMatches>();
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
        const span = verify(text, toks, i, j, alias, excl);
        if (!span) continue;
        const [s, e] = span;
        if (alias.cased !== null && canonicalize(decodeEntities(text.slice(s, e)), false) !== alias.cased) continue;
        const excluded = excl.excluded(s, e);
        if (excluded === null) return null;
        if (excluded) continue;
        let m = byBrand.get(alias.brandIndex);
        if (!m) byBrand.set(alias.brandIndex, (m = { brandIndex: alias.brandIndex, spans: [], aliasIds: [] }));
        m.spans.push([s, e]);
        m.aliasIds.push(id);
      }
    }
  }
  for (const m of byBrand.values()) leftmostLongest(m);
  return [...byBrand.values()];
}

/** Overlapping matches of one brand ("Google Cloud" and "Google" on the same words) count once. */
function leftmostLongest(m: BrandMatches): void {
  let ordered = true;
  for (let k = 1; k < m.spans.length && ordered; k++) ordered = (m.spans[k] as Range)[0] >= (m.spans[k - 1] as Range)[1];
  if (ordered) return; // the usual case: separate occurrences, already in order
  const order = m.spans.map((_, k) => k).sort((x, y) => {
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
