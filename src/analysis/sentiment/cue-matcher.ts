/**
 * The stance phrases of cues.ts, compiled once into a matcher that reads an answer in one pass.
 *
 * Each cue set is a regular expression `\b(?:phrase|phrase|…)` whose phrases all start with a
 * letter. Run one set after another over a text, the engine tries every phrase of every set at
 * every position. Here each phrase becomes its own sticky expression, filed under the first one to
 * three characters any match of it must start with; the text is walked once, and at each word
 * start only the phrases filed under the characters found there are tried, in their set's order.
 * The result is exactly what running each set's expression over the text gives (the unit test
 * test/unit/analysis/cue-matcher.test.ts compares them), with a phrase that overlaps a phrase of
 * an earlier set dropped, as the sets' order says.
 */
import type { CueSet } from './cues.js';

/** One phrase of one cue set. */
interface Phrase {
  set: number;
  /** Its place in the set: at one position the first phrase that matches wins. */
  order: number;
  re: RegExp;
}

type Quantifier = '' | '?' | '*' | '+';
type Node =
  | { kind: 'char'; ch: string; q: Quantifier }
  | { kind: 'group'; alts: Node[][]; q: Quantifier }
  | { kind: 'other'; q: Quantifier }
  | { kind: 'boundary'; q: Quantifier };

/** Parses the small regular-expression language cues.ts uses: literals, \b, \w, […], (?:…|…) and ? * +. */
function parseAlternatives(
  src: string,
  from: number,
): { alts: Array<{ nodes: Node[]; start: number; end: number }>; end: number } {
  const alts: Array<{ nodes: Node[]; start: number; end: number }> = [];
  let nodes: Node[] = [];
  let start = from;
  let i = from;
  const quantifier = (): Quantifier => {
    const c = src[i];
    if (c === '?' || c === '*' || c === '+') {
      i++;
      if (src[i] === '?') throw new Error(`cue-matcher: lazy quantifier at ${i} in ${src}`);
      return c;
    }
    if (c === '{') throw new Error(`cue-matcher: counted repetition at ${i} in ${src}`);
    return '';
  };
  while (i < src.length) {
    const c = src[i] as string;
    if (c === '|') {
      alts.push({ nodes, start, end: i });
      nodes = [];
      i++;
      start = i;
    } else if (c === ')') break;
    else if (c === '(') {
      if (src.slice(i, i + 3) !== '(?:') throw new Error(`cue-matcher: only (?:…) groups, at ${i} in ${src}`);
      const inner = parseAlternatives(src, i + 3);
      i = inner.end + 1;
      nodes.push({ kind: 'group', alts: inner.alts.map((a) => a.nodes), q: quantifier() });
    } else if (c === '\\') {
      const e = src[i + 1] as string;
      i += 2;
      if (e === 'b') nodes.push({ kind: 'boundary', q: quantifier() });
      else if (/[a-zA-Z]/.test(e)) nodes.push({ kind: 'other', q: quantifier() });
      else nodes.push({ kind: 'char', ch: e, q: quantifier() });
    } else if (c === '[') {
      const close = src.indexOf(']', i + 2);
      i = close + 1;
      nodes.push({ kind: 'other', q: quantifier() });
    } else if (c === '.' || c === '^' || c === '$') {
      i++;
      nodes.push({ kind: 'other', q: quantifier() });
    } else {
      i++;
      nodes.push({ kind: 'char', ch: c, q: quantifier() });
    }
  }
  alts.push({ nodes, start, end: i });
  return { alts, end: i };
}

const MAX_KEY = 3;

/** Every string of at most MAX_KEY characters that a match of `nodes` must start with (one of them). */
function prefixes(nodes: readonly Node[], i: number, acc: string, out: Set<string>): void {
  if (acc.length >= MAX_KEY) {
    out.add(acc.slice(0, MAX_KEY));
    return;
  }
  const n = nodes[i];
  if (!n) {
    out.add(acc);
    return;
  }
  if (n.kind === 'boundary') {
    prefixes(nodes, i + 1, acc, out);
    return;
  }
  if (n.q === '?') prefixes(nodes, i + 1, acc, out);
  if (n.q === '*' || n.q === '+' || n.kind === 'other') {
    out.add(acc);
    return;
  }
  if (n.kind === 'char') {
    prefixes(nodes, i + 1, acc + n.ch, out);
    return;
  }
  const rest = nodes.slice(i + 1);
  for (const alt of n.alts) prefixes([...alt, ...rest], 0, acc, out);
}

/** A character of \w: [A-Za-z0-9_]. */
export function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || c === 95;
}

/** Key of up to three ASCII characters, or -1. */
function keyOf(s: string, at: number, length: number): number {
  let k = 0;
  for (let j = 0; j < length; j++) {
    const c = s.charCodeAt(at + j);
    if (!(c < 128)) return -1; // NaN past the end too
    k = k * 128 + c;
  }
  return k;
}

/** A stance phrase found: [start, end) in the text read, the weight of its set, and whether it reports an incident. */
export interface CueHit {
  start: number;
  end: number;
  weight: number;
  incident: boolean;
}

export class CueMatcher {
  /** Phrases by the key of the characters they start with, one table per key length (1 to 3), each list in set then phrase order. */
  private readonly one: Map<number, Phrase[]>;
  private readonly two: Map<number, Phrase[]>;
  private readonly three: Map<number, Phrase[]>;
  private readonly firstChar = new Uint8Array(128);
  /** The one- and two-character tables as arrays by key, and which two-character keys start a three-character one. */
  private readonly oneByKey: Array<Phrase[] | undefined> = new Array(128).fill(undefined);
  private readonly twoByKey: Array<Phrase[] | undefined> = new Array(128 * 128).fill(undefined);
  private readonly threeUnder = new Uint8Array(128 * 128);

  constructor(private readonly sets: readonly CueSet[]) {
    const raw: Array<Map<number, Phrase[]>> = [new Map(), new Map(), new Map()];
    sets.forEach((cue, set) => {
      const src = cue.re.source;
      if (!src.startsWith('\\b(?:') || !src.endsWith(')') || cue.re.flags !== 'g')
        throw new Error(`cue-matcher: a cue set must be \\b(?:…) with flag g: ${src}`);
      const body = src.slice(5, -1);
      const parsed = parseAlternatives(body, 0);
      if (parsed.end !== body.length) throw new Error(`cue-matcher: unbalanced ) in ${src}`);
      parsed.alts.forEach((alt, order) => {
        const phrase: Phrase = { set, order, re: new RegExp(`(?:${body.slice(alt.start, alt.end)})`, 'y') };
        const keys = new Set<string>();
        prefixes(alt.nodes, 0, '', keys);
        for (const key of keys) {
          // The set's leading \b and a first word character are what let matching start at word starts only.
          if (key === '' || !isWordChar(key.charCodeAt(0)))
            throw new Error(`cue-matcher: phrase "${body.slice(alt.start, alt.end)}" must start with a letter`);
          const k = keyOf(key, 0, key.length);
          if (k < 0) throw new Error(`cue-matcher: non-ASCII start in "${key}"`);
          const table = raw[key.length - 1] as Map<number, Phrase[]>;
          const list = table.get(k) ?? [];
          if (!list.includes(phrase)) list.push(phrase);
          table.set(k, list);
          this.firstChar[key.charCodeAt(0)] = 1;
        }
      });
    });
    // A longer key's list also holds the phrases of its shorter keys, so one lookup finds all.
    const merged: Array<Map<number, Phrase[]>> = [new Map(), new Map(), new Map()];
    const order = (a: Phrase, b: Phrase) => a.set - b.set || a.order - b.order;
    for (let len = 1; len <= MAX_KEY; len++) {
      for (const [k, list] of raw[len - 1] as Map<number, Phrase[]>) {
        const all = new Set(list);
        for (let shorter = len - 1; shorter >= 1; shorter--) {
          const sk = Math.floor(k / 128 ** (len - shorter));
          for (const p of raw[shorter - 1]?.get(sk) ?? []) all.add(p);
        }
        (merged[len - 1] as Map<number, Phrase[]>).set(k, [...all].sort(order));
      }
    }
    [this.one, this.two, this.three] = merged as [Map<number, Phrase[]>, Map<number, Phrase[]>, Map<number, Phrase[]>];
    for (const [k, list] of this.one) this.oneByKey[k] = list;
    for (const [k, list] of this.two) this.twoByKey[k] = list;
    for (const k of this.three.keys()) this.threeUnder[Math.floor(k / 128)] = 1;
  }

  /** Every stance phrase of `text` (folded, brand names blanked), in text order. */
  find(text: string): CueHit[] {
    const scan = this.scan(text);
    let previousWord = false;
    for (let p = 0; p < text.length; p++) {
      const word = isWordChar(text.charCodeAt(p));
      if (word && !previousWord) scan.at(p);
      previousWord = word;
    }
    return scan.hits();
  }

  /**
   * A scan of `text` driven by the caller, who already walks the text: call `at(p)` at every start
   * of a run of [A-Za-z0-9_] characters (where `\b` precedes a letter), in order, then `hits()`.
   */
  scan(text: string): CueScan {
    return new CueScan(this, text);
  }

  /** The phrases that may match at p, in set then phrase order; undefined when none can. */
  phrasesAt(text: string, p: number): readonly Phrase[] | undefined {
    const c = text.charCodeAt(p);
    if (c >= 128 || this.firstChar[c] === 0) return undefined;
    const c1 = text.charCodeAt(p + 1);
    if (!(c1 < 128)) return this.oneByKey[c];
    const k2 = c * 128 + c1;
    if (this.threeUnder[k2] === 1) {
      const c2 = text.charCodeAt(p + 2);
      const three = c2 < 128 ? this.three.get(k2 * 128 + c2) : undefined;
      if (three !== undefined) return three;
    }
    return this.twoByKey[k2] ?? this.oneByKey[c];
  }

  get cueSets(): readonly CueSet[] {
    return this.sets;
  }
}

export class CueScan {
  private readonly raw: number[][];
  private readonly lastEnd: number[];
  private readonly matchedAt: number[];

  private found = 0;

  constructor(
    private readonly matcher: CueMatcher,
    private readonly text: string,
  ) {
    const sets = matcher.cueSets.length;
    this.raw = [];
    this.lastEnd = [];
    this.matchedAt = [];
    for (let set = 0; set < sets; set++) {
      this.raw.push([]);
      this.lastEnd.push(0);
      this.matchedAt.push(-1);
    }
  }

  /** Starts over, for another stretch of the same text further on. */
  reset(): void {
    if (this.found === 0) return;
    this.found = 0;
    for (let set = 0; set < this.raw.length; set++) {
      (this.raw[set] as number[]).length = 0;
      this.lastEnd[set] = 0;
      this.matchedAt[set] = -1;
    }
  }

  /** Tries the phrases that may start at p, a word start. */
  at(p: number): void {
    const phrases = this.matcher.phrasesAt(this.text, p);
    if (!phrases) return;
    for (const phrase of phrases) {
      const set = phrase.set;
      if (this.matchedAt[set] === p || p < (this.lastEnd[set] as number)) continue;
      phrase.re.lastIndex = p;
      if (!phrase.re.test(this.text)) continue;
      const end = phrase.re.lastIndex;
      (this.raw[set] as number[]).push(p, end);
      this.found++;
      this.lastEnd[set] = end;
      this.matchedAt[set] = p;
    }
  }

  /** The phrases found, in text order, a phrase overlapping one of an earlier set dropped. */
  hits(): CueHit[] {
    if (this.found === 0) return [];
    const sets = this.matcher.cueSets;
    const hits: CueHit[] = [];
    for (let set = 0; set < sets.length; set++) {
      const found = this.raw[set] as number[];
      if (found.length === 0) continue;
      const cue = sets[set] as CueSet;
      // Hits so far are all of earlier sets: a stretch holds few, so a plain scan is cheapest.
      const before = hits.length;
      for (let h = 0; h < found.length; h += 2) {
        const s = found[h] as number;
        const e = found[h + 1] as number;
        let free = true;
        for (let i = 0; i < before && free; i++) {
          const f = hits[i] as CueHit;
          free = s >= f.end || e <= f.start;
        }
        if (free) hits.push({ start: s, end: e, weight: cue.weight, incident: cue.incident === true });
      }
    }
    if (hits.length > 1) hits.sort((x, y) => x.start - y.start);
    return hits;
  }
}

/** What running each set's own expression over the text finds, the way the matcher must: for tests. */
export function findCuesByExpressions(sets: readonly CueSet[], text: string): CueHit[] {
  const found: CueHit[] = [];
  for (const cue of sets) {
    const before = found.length;
    cue.re.lastIndex = 0;
    for (let m = cue.re.exec(text); m; m = cue.re.exec(text)) {
      const s = m.index;
      const e = s + m[0].length;
      let free = true;
      for (let i = 0; i < before && free; i++) {
        const f = found[i] as CueHit;
        free = s >= f.end || e <= f.start;
      }
      if (free) found.push({ start: s, end: e, weight: cue.weight, incident: cue.incident === true });
    }
  }
  return found.sort((x, y) => x.start - y.start);
}
