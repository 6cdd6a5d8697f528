/**
 * Character classes of folded text: word characters (letters, digits, marks), CJK characters
 * (each one a word of its own) and everything else (boundaries). Computed once per character
 * through Unicode property escapes, then read from a table.
 */
import { foldCharAt, rareOut } from './fold.js';

export const OTHER = 0;
export const WORD = 1;
export const CJK = 2;

export const CLASS_TABLE = new Uint8Array(0x10000); // class + 1; 0 = not computed yet
const ASTRAL_CLASS = new Map<number, number>();
const WORD_RE = /^[\p{L}\p{N}\p{M}]$/u;
const CJK_RE =
  /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}\u30fc\u3005\u3006]$/u;

function computeClass(ch: string): number {
  if (CJK_RE.test(ch)) return CJK;
  return WORD_RE.test(ch) ? WORD : OTHER;
}

for (let c = 0; c < 128; c++) CLASS_TABLE[c] = computeClass(String.fromCharCode(c)) + 1;

/** Class of a folded code point. */
export function classOf(cp: number): number {
  if (cp < 0x10000) {
    const t = CLASS_TABLE[cp] as number;
    if (t !== 0) return t - 1;
    if (cp >= 0xd800 && cp <= 0xdfff) return OTHER; // a lone surrogate
    const k = computeClass(String.fromCharCode(cp));
    CLASS_TABLE[cp] = k + 1;
    return k;
  }
  let k = ASTRAL_CLASS.get(cp);
  if (k === undefined) {
    k = computeClass(String.fromCodePoint(cp));
    ASTRAL_CLASS.set(cp, k);
  }
  return k;
}

/** Class of the first folded unit of the character at text[i] (OTHER before the start and past the end). */
export function classAtText(text: string, i: number): number {
  if (i < 0 || i >= text.length) return OTHER;
  const c = text.charCodeAt(i);
  if (c < 128 && c !== 38) return (CLASS_TABLE[c] as number) - 1;
  foldCharAt(text, i);
  const cp = rareOut.codePointAt(0);
  return cp === undefined ? OTHER : classOf(cp);
}
