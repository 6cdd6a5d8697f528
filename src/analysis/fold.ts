/**
 * Folding: the canonical form in which brand names and answers are compared. Per code point:
 * typographic apostrophes, quotes, dashes and Unicode spaces become their plain forms;
 * zero-width characters vanish; compatibility forms (full-width letters, ligatures) are
 * decomposed (NFKD), combining diacritics dropped, then recomposed (NFC) so Hangul and kana stay
 * whole; letters are lower-cased. Symbols such as ™ and ® are kept as they are: NFKC would turn
 * "Figma™" into "FigmaTM". HTML entities (&amp;, &eacute;, &#8217;) fold to the character they
 * encode. Answers are never folded as a whole: the tokenizer folds as it reads (tokens.ts), and
 * the helpers below fold the few slices a candidate match needs.
 */
import { decodeEntityAt } from './entities.js';

const SPECIAL = new Map<number, string>();
for (const c of [0x2018, 0x2019, 0x201b, 0x02bc, 0x2032, 0xff07, 0x00b4, 0x02b9]) SPECIAL.set(c, "'");
for (const c of [0x201c, 0x201d, 0x201e, 0x201f, 0x00ab, 0x00bb, 0x2033, 0xff02]) SPECIAL.set(c, '"');
// Hyphens join words like "-"; long dashes are punctuation, folded together but never joining.
for (const c of [0x2010, 0x2011, 0x2212, 0xfe63, 0xff0d]) SPECIAL.set(c, '-');
for (const c of [0x2012, 0x2013, 0x2014, 0x2015, 0x2e3a, 0x2e3b, 0xfe58]) SPECIAL.set(c, '\u2013');
for (const c of [0x00a0, 0x1680, 0x202f, 0x205f, 0x3000]) SPECIAL.set(c, ' ');
for (let c = 0x2000; c <= 0x200a; c++) SPECIAL.set(c, ' ');
for (const c of [0x00ad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0xfe0e, 0xfe0f]) SPECIAL.set(c, '');

const DIACRITICS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;
const SYMBOL = /^\p{S}$/u;

function computeFold(cp: number, lower: boolean): string {
  const special = SPECIAL.get(cp);
  if (special !== undefined) return special;
  let ch = String.fromCodePoint(cp);
  if (SYMBOL.test(ch)) return ch;
  if (lower) ch = ch.toLowerCase();
  let out = ch.normalize('NFKD').replace(DIACRITICS, '').normalize('NFC');
  // A decomposition may itself produce a typographic form (e.g. a full-width apostrophe).
  if (out.length === 1 && SPECIAL.has(out.charCodeAt(0))) out = SPECIAL.get(out.charCodeAt(0)) as string;
  return out;
}

/** BMP fold table: 0 = not computed, 0xffff = see FOLD_MAP, else folded unit + 1. */
export const FOLD_TABLE = new Uint16Array(0x10000);
const FOLD_MAP = new Map<number, string>();
const CASED_MAP = new Map<number, string>();

/** Fold of one code point, lower-cased (cached). */
export function foldLower(cp: number): string {
  if (cp < 0x10000) {
    const t = FOLD_TABLE[cp] as number;
    if (t !== 0 && t !== 0xffff) return String.fromCharCode(t - 1);
    if (t === 0xffff) return FOLD_MAP.get(cp) as string;
  } else {
    const hit = FOLD_MAP.get(cp);
    if (hit !== undefined) return hit;
  }
  const out = computeFold(cp, true);
  if (cp < 0x10000 && out.length === 1 && out.charCodeAt(0) < 0xfffe) FOLD_TABLE[cp] = out.charCodeAt(0) + 1;
  else {
    if (cp < 0x10000) FOLD_TABLE[cp] = 0xffff;
    FOLD_MAP.set(cp, out);
  }
  return out;
}

/** Fold of one code point with letter case kept (case-sensitive brands; cold path). */
function foldCased(cp: number): string {
  let out = CASED_MAP.get(cp);
  if (out === undefined) {
    out = computeFold(cp, false);
    CASED_MAP.set(cp, out);
  }
  return out;
}

export const ASCII_LOWER = new Uint16Array(128);
for (let c = 0; c < 128; c++) ASCII_LOWER[c] = c >= 65 && c <= 90 ? c + 32 : c === 9 || c === 13 ? 32 : c;

/** One character at text[i] (entity, surrogate pair or plain unit) folded: sets rareOut, returns the next index. */
export function foldCharAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128 && c !== 38) {
    rareOut = String.fromCharCode(ASCII_LOWER[c] as number);
    return i + 1;
  }
  if (c === 38) {
    const entity = decodeEntityAt(text, i);
    if (!entity) {
      rareOut = '&';
      return i + 1;
    }
    let folded = '';
    for (const ch of entity.value) folded += foldLower(ch.codePointAt(0) as number);
    rareOut = folded;
    return entity.end;
  }
  const cp = text.codePointAt(i) as number;
  rareOut = foldLower(cp);
  return i + (cp > 0xffff ? 2 : 1);
}

/** Result of the last foldCharAt call (a module variable rather than a fresh object per character). */
export let rareOut = '';

/** Folded form of text[from, to): what the tokenizer hashed for that slice. */
export function foldSlice(text: string, from: number, to: number): string {
  let out = '';
  for (let i = from; i < to; ) {
    const c = text.charCodeAt(i);
    if (c < 128 && c !== 38) {
      out += String.fromCharCode(ASCII_LOWER[c] as number);
      i++;
    } else {
      i = foldCharAt(text, i);
      out += rareOut;
    }
  }
  return out;
}

/**
 * Canonical form of a short string (a brand alias, or a matched slice when checking letter case):
 * folded, with runs of horizontal whitespace collapsed to one space and the ends trimmed.
 */
export function canonicalize(s: string, lower: boolean): string {
  let out = '';
  let space = false;
  for (const ch of s) {
    const folded = lower ? foldLower(ch.codePointAt(0) as number) : foldCased(ch.codePointAt(0) as number);
    for (const u of folded) {
      if (u === ' ' || u === '\t' || u === '\r') space = out.length > 0;
      else {
        if (space) out += ' ';
        space = false;
        out += u;
      }
    }
  }
  return out;
}
