/**
 * Text that never holds a mention: reasoning blocks, and URL text (link targets, autolinks, bare
 * URLs, hosts, e-mail addresses) except a bare host that is exactly a brand's name. Two ways to
 * answer the same question, which must never disagree (test/unit/analysis/exclusions.test.ts):
 *
 * - eager: every region of the answer is found first (analyzeAnswer needs them for citations
 *   anyway), and the tokenizer skips URL text without reading it;
 * - lazy (findMentions): only reasoning is found first (one indexOf). The whole text is
 *   tokenized, and a brand match asks for the regions of its own line only when its
 *   surroundings could hold one. Most answers name brands in prose, so most lines are never
 *   scanned for links.
 *
 * The eager tokenizer resumes reading at a region's end, so it can start a word in the middle of
 * what the lazy tokenizer reads as one word (a URL glued to full-width letters, say). The lazy
 * tokenizer reports every place where that could happen; if one of them is a region's end,
 * findMentions falls back to the eager way, so both always give the same result.
 */
import { HOST, regions, scanRegions } from './link-regions.js';
import { overlaps, type Range } from './ranges.js';

export interface Exclusions {
  /** Sorted, disjoint ranges the tokenizer never reads. */
  readonly skip: readonly Range[];
  /** Whether a match [s, e) lies in excluded text; null when lazy exclusions cannot tell (see excluded below). */
  excluded(s: number, e: number): boolean | null;
  /**
   * Whether the eager tokenizer reads the word at [start, …) that the lazy one began reading at
   * `begin` (begin < start when the word's first characters were dropped, e.g. zero-width).
   */
  wordRead(begin: number, start: number): boolean;
  /** Whether a word the lazy tokenizer read across p may be cut at p by the eager one (lazy only). */
  cutAt(p: number): boolean;
}

/** Excludes nothing: the bare matcher, for the benchmark's matcher-only figure. */
export const NO_EXCLUSIONS: Exclusions = {
  skip: [],
  excluded: () => false,
  wordRead: () => true,
  cutAt: () => false,
};

/** Regions given up front (sorted, merged `ranges`; `hosts`: bare host start → end). */
export function eagerExclusions(
  ranges: readonly Range[],
  skip: readonly Range[],
  hosts: ReadonlyMap<number, number>,
): Exclusions {
  return {
    skip,
    excluded: (s, e) => overlaps(ranges, s, e) && hosts.get(s) !== e,
    wordRead: () => true,
    cutAt: () => false,
  };
}

// Every region but a markdown target holds no ASCII whitespace and holds a "." or a ":" (hosts,
// e-mail addresses and "www." have a dot; schemes and "mailto:" a colon). Checking the run of
// non-space characters around a match settles most matches without scanning for links.
const CHUNK_LIMIT = 256;

function isAsciiSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

function dotOrColon(c: number): boolean {
  return c === 46 || c === 58;
}

/** Whether a region other than a markdown target could overlap [s, e) (false is certain). */
function chunkMayHoldUrl(text: string, s: number, e: number): boolean {
  for (let k = s; k < e; k++) if (dotOrColon(text.charCodeAt(k))) return true;
  for (let k = s - 1, steps = 0; k >= 0; k--, steps++) {
    const c = text.charCodeAt(k);
    if (isAsciiSpace(c)) break;
    if (dotOrColon(c) || steps >= CHUNK_LIMIT) return true;
  }
  for (let k = e, steps = 0; k < text.length; k++, steps++) {
    const c = text.charCodeAt(k);
    if (isAsciiSpace(c)) break;
    if (dotOrColon(c) || steps >= CHUNK_LIMIT) return true;
  }
  return false;
}

function lineStart(text: string, p: number): number {
  return p > 0 ? text.lastIndexOf('\n', p - 1) + 1 : 0;
}

/**
 * One per findMentions call. A class rather than closures: its methods are made once, and the
 * object's fields stay monomorphic on the hot path.
 */
class LazyExclusions implements Exclusions {
  // The regions of the window of whole lines [from, to) scanned last (usually the current line).
  private from = -1;
  private to = -1;
  private first = 0;
  // indexOf('](', mdFrom) === mdAt, remembered: matches arrive mostly in order, so one forward
  // search serves every match up to the next markdown link instead of a search per match.
  private mdFrom = -1;
  private mdAt = -1;
  // The line [lineA, lineB) that held the last position asked about: matches cluster in lines.
  private lineA = -1;
  private lineB = -1;

  constructor(
    private readonly text: string,
    readonly skip: readonly Range[],
  ) {}

  private markdownFrom(a: number): number {
    if (this.mdFrom < 0 || a < this.mdFrom || (this.mdAt >= 0 && a > this.mdAt)) {
      this.mdFrom = a;
      this.mdAt = this.text.indexOf('](', a);
    }
    return this.mdAt;
  }

  private startOfLine(p: number): number {
    if (p >= this.lineA && p < this.lineB) return this.lineA;
    const text = this.text;
    if (this.lineB >= 0 && p >= this.lineB) {
      // Later in the text, as matches mostly come: line breaks found forward from the last
      // line's end (a forward search is far cheaper than lastIndexOf's).
      let a = this.lineB;
      for (;;) {
        const nl = text.indexOf('\n', a);
        if (nl < 0 || nl >= p) {
          this.lineB = nl < 0 ? text.length + 1 : nl + 1;
          break;
        }
        a = nl + 1;
      }
      this.lineA = a;
      return a;
    }
    this.lineA = lineStart(text, p);
    const nl = text.indexOf('\n', p);
    this.lineB = nl < 0 ? text.length + 1 : nl + 1;
    return this.lineA;
  }

  private load(s: number, e: number): void {
    const a = this.startOfLine(s);
    // The line of s ends at lineB - 1 (the text's end when it has no line break).
    const from = Math.max(s, e - 1);
    const last = from < this.lineB ? this.lineB - 1 : this.text.indexOf('\n', from);
    const b = last < 0 ? this.text.length : last;
    if (a >= this.from && b <= this.to) return;
    regions.count = 0;
    this.first = scanRegions(this.text, this.skip, a, b);
    this.from = a;
    this.to = b;
  }

  excluded(s: number, e: number): boolean | null {
    const think = this.skip;
    let hit = think.length > 0 && overlaps(think, s, e);
    // A markdown target overlapping [s, e) starts after a "](" on the same line, before e.
    const markdown = hit ? -1 : this.markdownFrom(this.startOfLine(s));
    if (!hit && !(markdown >= 0 && markdown <= e - 3) && !chunkMayHoldUrl(this.text, s, e)) return false;
    this.load(s, e);
    let host = false;
    let skipped = hit; // overlaps text the eager tokenizer never reads
    for (let k = this.first; k < regions.count; k++) {
      const rs = regions.start[k] as number;
      const re = regions.end[k] as number;
      if (e > rs && s < re) {
        hit = true;
        if (regions.kind[k] !== HOST) skipped = true;
      }
      if (rs === s && re === e && regions.kind[k] === HOST) host = true;
    }
    // A host that is the brand's name counts, unless other URL text overlaps it (an e-mail
    // address's local part can run over a host): then whether the eager tokenizer reads the
    // name at all depends on where its words begin. Rare enough to leave to the eager way.
    if (host && skipped) return null;
    return hit && !host;
  }

  wordRead(begin: number, start: number): boolean {
    // The eager tokenizer jumps from inside a region to its end, then reads on: through
    // dropped characters it still reaches `start`, past it the word is never read.
    this.load(begin, start + 1);
    for (let p = begin, jumped = true; jumped; ) {
      jumped = false;
      for (let k = this.first; k < regions.count; k++) {
        if (regions.kind[k] !== HOST && p >= (regions.start[k] as number) && p < (regions.end[k] as number)) {
          p = regions.end[k] as number;
          if (p > start) return false;
          jumped = true;
        }
      }
    }
    return true;
  }

  cutAt(p: number): boolean {
    // A region ending at p lies in the run of non-space text before p and holds a "." or ":",
    // unless it is a markdown target, which needs a "](" earlier on the line. Most cuts are
    // apostrophes inside words ("it’s"): settled here without scanning the line for links.
    const markdown = this.markdownFrom(this.startOfLine(p));
    if (!(markdown >= 0 && markdown < p) && !chunkMayHoldUrl(this.text, p, p)) return false;
    this.load(p, p + 1);
    // A URL's trailing ";" is trimmed, so a region can also end inside an entity read as one character just before p.
    const entity = this.text.charCodeAt(p - 1) === 59;
    for (let k = this.first; k < regions.count; k++) {
      const end = regions.end[k] as number;
      if (regions.kind[k] !== HOST && (end === p || (entity && end === p - 1))) return true;
    }
    return false;
  }
}

export function lazyExclusions(text: string, think: readonly Range[]): Exclusions {
  return new LazyExclusions(text, think);
}
