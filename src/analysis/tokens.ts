/**
 * Word tokens of a text, folded as they are read (fold.ts), with [start, end) in original string
 * indices, so no folded copy of the answer and no offset map are ever built. A word is a run of
 * letters, digits and marks; a hyphen between two word characters joins ("go-to",
 * "Apple-compatible" are single words, so Go and Apple never match inside them). CJK characters
 * are words of one character each: those scripts write no spaces, so "用Figma设计" holds the word
 * "figma", and brand names written in CJK still match. Each token carries a 32-bit FNV-1a hash of
 * its folded units, the key of the brand trie.
 *
 * Speed: the answer is copied once into a typed array (Buffer.write, native) because reading a
 * typed array costs a fraction of charCodeAt; the arrays are scratch memory reused across calls.
 * Analysis is synchronous, so no two calls ever share them at the same time.
 */
import { ASCII_LOWER, foldSlice } from './fold.js';
import type { Range } from './ranges.js';
import { FNV_OFFSET, FNV_PRIME, out, scan } from './token-scan.js';

const NO_RANGES: readonly Range[] = [];

export interface Tokens {
  count: number;
  /** Original [start, end) of each token. */
  start: Int32Array;
  end: Int32Array;
  hash: Int32Array;
  /** Indices of the tokens that pass the first-word filter given to tokenize (all tokens without one). */
  candidates: Int32Array;
  candidateCount: number;
  /** See ScanOutput in token-scan.ts: where a tokenizer that skips URL text could cut a word. */
  cuts: Int32Array;
  cutCount: number;
  /** Pairs of token index and where reading began, for tokens whose first characters were dropped. */
  leads: Int32Array;
  leadCount: number;
}

/**
 * Bit of a first-word filter for a token hash; `mask` is the filter's bit count - 1 (a power of
 * two). Brand compilation sizes the filter to about 32 bits per first word (about 3% false hits),
 * so it stays in the processor's first-level cache for the brand sets agencies track.
 */
export function filterBit(hash: number, mask: number): number {
  return (hash ^ (hash >>> 13)) & mask;
}

export function hashString(s: string): number {
  let h = FNV_OFFSET;
  for (let k = 0; k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), FNV_PRIME);
  return h;
}

let bytes = Buffer.allocUnsafeSlow(0);
let source = new Uint16Array(0);
let tokStart = new Int32Array(0);
let tokEnd = new Int32Array(0);
let tokHash = new Int32Array(0);
let tokCandidates = new Int32Array(0);

/** Where reading of token `index` began: its start unless its first characters were dropped. */
export function tokenBegin(toks: Tokens, index: number): number {
  for (let k = 0; k < toks.leadCount; k++) if (toks.leads[k * 2] === index) return toks.leads[k * 2 + 1] as number;
  return toks.start[index] as number;
}

/**
 * Tokens of a text. The arrays are scratch memory, valid until the next call; pass `own = true`
 * for tokens that must outlive it (brand compilation). `skip` lists sorted, disjoint ranges that
 * can hold no mention (URLs, reasoning): they are not read at all.
 */
export function tokenize(
  text: string,
  own = false,
  filter: Uint8Array | null = null,
  skip: readonly Range[] = NO_RANGES,
): Tokens {
  const n = text.length;
  if (bytes.length < n * 2 + 4) {
    bytes = Buffer.allocUnsafeSlow(Math.max(n * 4, 16384));
    source = new Uint16Array(bytes.buffer, bytes.byteOffset, bytes.length >> 1);
  }
  if (tokStart.length < n + 2) {
    tokStart = new Int32Array(n * 2 + 64);
    tokEnd = new Int32Array(n * 2 + 64);
    tokHash = new Int32Array(n * 2 + 64);
    tokCandidates = new Int32Array(n * 2 + 64);
  }
  bytes.write(text, 0, 'utf16le');
  const count = scan(text, source, tokStart, tokEnd, tokHash, filter ?? ALL_PASS, tokCandidates, skip);
  const tokens: Tokens = {
    count,
    start: tokStart,
    end: tokEnd,
    hash: tokHash,
    candidates: tokCandidates,
    candidateCount: out.candidateCount,
    cuts: out.cuts,
    cutCount: out.cutCount,
    leads: out.leads,
    leadCount: out.leadCount,
  };
  if (!own) return tokens;
  return {
    ...tokens,
    start: tokStart.slice(0, count),
    end: tokEnd.slice(0, count),
    hash: tokHash.slice(0, count),
    candidates: tokCandidates.slice(0, out.candidateCount),
    cuts: out.cuts.slice(0, out.cutCount),
    leads: out.leads.slice(0, out.leadCount * 2),
  };
}

const ALL_PASS = new Uint8Array(8).fill(0xff);

/** Whether the token text[from, to) folds to `folded` (read from the scratch copy of the last tokenized text). */
export function tokenEquals(text: string, from: number, to: number, folded: string): boolean {
  if (to - from === folded.length) {
    let ascii = true;
    for (let k = 0; k < folded.length; k++) {
      const c = source[from + k] as number;
      if (c >= 128 || c === 38) {
        ascii = false;
        break;
      }
      if (ASCII_LOWER[c] !== folded.charCodeAt(k)) return false;
    }
    if (ascii) return true;
  }
  return foldSlice(text, from, to) === folded;
}
