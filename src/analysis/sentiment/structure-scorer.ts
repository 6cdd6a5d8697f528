/**
 * The default sentiment scorer: the stance of an answer toward each brand, read the way a buyer
 * reads it (docs/sentiment.md), from the answer's structure as well as its words.
 *
 * - Scope: each mention is read in its unit: the list item it leads, the table row it heads, or
 *   its sentence. In a sentence, only the clauses the brand owns count: a clause belongs to the
 *   first brand it names (and brands coordinated with it: "SiteGround and Kinsta"), a clause
 *   naming none to the brand before it; a sentence opening with "It", "The company", "L'outil"…
 *   continues the sentence before. A brand named inside another brand's item or clause
 *   ("integrates with Slack", "slower than Jira") takes no stance from it.
 * - Framing: a list item led by the brand under a recommending heading ("Top picks", "Nos
 *   recommandations"), or answering a prompt that asks for recommendations, starts positive; under
 *   "Avoid" or "À éviter", negative. Phrases such as "best for", "idéal pour", "industry
 *   standard", "avoid", "data breach", "fined" (cues.ts) weigh as much as strong words.
 * - Contrast ("but", "however", "mais", "cependant"…) cuts clauses, and what follows it counts
 *   more; negation is read by the lexicon ("not reliable", "n'est pas fiable") and by negated
 *   cues ("not the best choice", "n'est plus le meilleur choix"); hedged claims ("some users
 *   report", "certains utilisateurs") count half. Table rows count little: the verdict decides.
 * - Each score comes with the passage that weighed most, as offsets into the answer.
 */
import type { SentimentInput, SentimentLabel, SentimentRequest, SentimentScore, SentimentScorer } from '../types.js';
import { isWhiteSpace, SentenceIndex } from '../structure.js';
import { type CueHit, CueMatcher, type CueScan } from './cue-matcher.js';
import {
  ANAPHORA,
  CONTINUATION,
  CUES,
  HEDGE,
  NEGATIVE_HEADING,
  POSITIVE_HEADING,
  RECOMMENDATION_PROMPT,
} from './cues.js';
import {
  clauseValenceOf,
  isApostrophe,
  isWordUnit,
  type Lang,
  localeLanguage,
  squash,
  type WordInfo,
  wordInfo,
  wordOf,
} from './lexicon-scorer.js';

let matcher: CueMatcher | null = null;
/** The stance phrases compiled on first use. */
function cueMatcher(): CueMatcher {
  matcher ??= new CueMatcher(CUES);
  return matcher;
}

/** Tuned on the development split of test/fixtures/sentiment (never on the held-out split). */
const TUNING = {
  positive: 0.25,
  negative: -0.2,
  /** Prior of a list item the brand leads, under a recommending heading or prompt, or a warning heading. */
  headingPrior: 2,
  promptPrior: 1.5,
  warningPrior: -3,
  /** Weight of what follows a contrast word, of hedged negatives, of words before the brand, of table rows. */
  afterContrast: 1.3,
  hedged: 0.5,
  beforeBrand: 0.5,
  row: 0.25,
};

type Kind = 'blank' | 'heading' | 'item' | 'row' | 'text';

interface Line {
  start: number;
  end: number;
  kind: Kind;
  /** Where the content starts (after the list marker), for items. */
  content: number;
  /** Stance of the heading or lead-in line governing this line: 1, -1 or 0. */
  stance: number;
}

const ITEM = /^[ \t]*(?:>[ \t]?)*(?:[-*+•]|\d{1,4}[.)])[ \t]+/;
const CONTRAST =
  /;|\b(?:but|however|whereas|although|though|yet|mais|cependant|toutefois|tandis que|alors que|par contre|en revanche|neanmoins|pourtant)\b/g;
const COORDINATION = /^[\s*_,()]*(?:(?:and|or|et|ou|&)[\s*_]*)?$/;
/** A brand right after one of these is an object ("integrates with Slack", "slower than Jira", "chez Free"), not the subject. */
const OBJECT_BEFORE =
  /(?:\b(?:with|in|at|from|by|than|to|via|through|into|on|of|for|below|above|alongside|including|avec|dans|par|que|chez|vers|sur|de|du|des|a|au|aux|en|pour)|d'|l'|qu')(?:[\s*_]+(?:both|the|les?|la))?[\s*_]*$/;
/** Where a new brand starts a clause of its own: "…, and the Pixel 8 the smartest camera", ": Photoshop, Illustrator…". */
const BRAND_CLAUSE = /(?:[,:]|\band\b|\bet\b)\s*(?:the |le |la |les |l')?[*_]*$/;
const COMBINING = /[\u0300-\u036f]/;

const FOLDED = new Map<string, string>();

/** One non-ASCII character folded: lower case, accents dropped, typographic apostrophes plain. */
function foldChar(ch: string): string {
  let f = FOLDED.get(ch);
  if (f !== undefined) return f;
  if (ch === '\u2019' || ch === '\u2018' || ch === '\u02bc') f = "'";
  else {
    const d = ch.normalize('NFKD');
    const base = d.length > 1 && COMBINING.test(d.slice(1)) ? (d[0] as string) : ch;
    const lower = base.toLowerCase();
    f = lower.length === 1 ? lower : ch;
  }
  if (FOLDED.size < 4096) FOLDED.set(ch, f);
  return f;
}

/** The text folded one character for one, so offsets hold. */
function fold(text: string): string {
  const lower = text.toLowerCase();
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the class is every non-ASCII character, \x00 is its bound
  if (lower.length === text.length) return lower.replace(/[^\x00-\x7f]/g, foldChar);
  return text.replace(/[\s\S]/g, (ch) => (ch.charCodeAt(0) < 128 ? ch.toLowerCase() : foldChar(ch)));
}

function headingStance(folded: string): number {
  if (NEGATIVE_HEADING.test(folded)) return -1;
  return POSITIVE_HEADING.test(folded) ? 1 : 0;
}

function layout(text: string, folded: string): Line[] {
  const lines: Line[] = [];
  let stance = 0;
  for (let start = 0; start <= text.length; ) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    const raw = text.slice(start, end);
    const trimmed = raw.trim();
    let kind: Kind = 'text';
    let content = start;
    const item = ITEM.exec(raw);
    if (trimmed === '') kind = 'blank';
    else if (item) {
      kind = 'item';
      content = start + item[0].length;
    } else if (trimmed.startsWith('|')) kind = 'row';
    else if (
      /^#{1,6}\s/.test(trimmed) ||
      /^\*\*[^*]+\*\*:?$/.test(trimmed) ||
      (trimmed.endsWith(':') && trimmed.length < 160)
    ) {
      kind = 'heading';
      stance = headingStance(folded.slice(start, end));
    }
    lines.push({ start, end, kind, content, stance: kind === 'heading' ? 0 : stance });
    if (nl < 0) break;
    start = nl + 1;
  }
  return lines;
}

function lineAt(lines: readonly Line[], p: number): Line {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lines[mid] as Line).start <= p) lo = mid;
    else hi = mid - 1;
  }
  return lines[lo] as Line;
}

/** A mention of a tracked brand: [start, end, index of the brand in the request]. */
type Mention = [number, number, number];

/** Index of the first entry of a sorted array after p. */
function upperBound(sorted: readonly number[], p: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) <= p) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first entry of a sorted array at or after p. */
function lowerBound(sorted: readonly number[], p: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) < p) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface Unit {
  start: number;
  end: number;
  raw: number;
  weight: number;
}

/** A stretch of the answer up to a sentence end or line break, read word by word on first use. */
interface Piece {
  start: number;
  end: number;
  read: boolean;
  /** Stance phrases in text order. */
  hits: CueHit[];
  hitStarts: number[];
  /** The words no stance phrase took, with their offsets: what the lexicon reads. */
  words: WordInfo[];
  wordStarts: number[];
  wordEnds: number[];
  /** French and English hint words among all its words, to tell its language. */
  french: number;
  english: number;
}

function emptyPiece(start: number, end: number): Piece {
  return {
    start,
    end,
    read: false,
    hits: [],
    hitStarts: [],
    words: [],
    wordStarts: [],
    wordEnds: [],
    french: 0,
    english: 0,
  };
}

/** Per ASCII character: 1 for a letter or digit (a word of the lexicon, \w), 2 for "_" (\w only), 0 otherwise. */
const ASCII_KIND = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) ASCII_KIND[c] = 1;
  else if (c === 95) ASCII_KIND[c] = 2;
}

/**
 * Words already looked up, by the characters of the folded text: an open-addressing table probed
 * with a hash of the word's characters, so that reading a known word makes no string.
 */
const WORDS_BITS = 15;
const WORDS_MASK = (1 << WORDS_BITS) - 1;
const wordTable: Array<WordInfo | undefined> = new Array(1 << WORDS_BITS).fill(undefined);
const wordHashes = new Int32Array(1 << WORDS_BITS);
let wordCount = 0;

/** The looked-up word t[s, e), an ASCII word of the folded text (already lower case). */
function asciiWord(t: string, s: number, e: number): WordInfo {
  let h = 0;
  for (let i = s; i < e; i++) h = (Math.imul(h, 31) + t.charCodeAt(i)) | 0;
  const len = e - s;
  let slot = (h ^ (h >>> 15)) & WORDS_MASK;
  for (let entry = wordTable[slot]; entry !== undefined; entry = wordTable[slot]) {
    if (wordHashes[slot] === h && entry.word.length === len) {
      const w = entry.word;
      let same = true;
      for (let j = 0; j < len && same; j++) same = w.charCodeAt(j) === t.charCodeAt(s + j);
      if (same) return entry;
    }
    slot = (slot + 1) & WORDS_MASK;
  }
  const info = wordInfo(t.slice(s, e));
  // Kept at most half full, so probes stay short; words past that are looked up each time.
  if (wordCount < 1 << (WORDS_BITS - 1)) {
    wordTable[slot] = info;
    wordHashes[slot] = h;
    wordCount++;
  }
  return info;
}

/**
 * Per answer, read once and shared by every brand: the folded text and the same with brand names
 * blanked out, the layout (lines, list items, table rows, headings), every sentence boundary,
 * every stance phrase, every word the lexicon reads and every contrast word. Brands then only
 * look up what lies in their units; the valence of a clause is computed once, whoever owns it.
 */
class AnswerReader {
  readonly folded: string;
  /** The folded text with every tracked brand's mentions blanked out, offsets unchanged. */
  private readonly blanked: string;
  readonly lines: Line[];
  readonly mentions: Mention[];
  private readonly mentionStarts: number[];
  readonly recommendation: boolean;
  private readonly sentences: SentenceIndex;
  /** The answer's language when its locale says it; otherwise each sentence or line is read for it. */
  private readonly language: Lang | null;
  /** The text cut after each line break and sentence end: what is read word by word, on first use. */
  private readonly pieces: Piece[];
  private readonly pieceEnds: number[];
  private readonly languages = new Map<number, Lang>();
  private cues: CueScan | null = null;
  private contrasts: number[] | null = null;
  private readonly valences = new Map<number, number>();
  /** Sentence units per (sentence start, brand): see sentenceUnit. */
  readonly units = new Map<number, Unit | null>();
  private readonly owners = new Map<number, Array<Set<number>>>();
  private readonly cuts = new Map<number, { end: number; cuts: number[] }>();
  /** Brands the prompt names: the answer is about them, so clauses naming no brand are theirs. */
  readonly topic: Set<number>;

  constructor(
    readonly text: string,
    brands: readonly SentimentInput[],
    locale: string | null,
    prompt: string | null,
  ) {
    this.folded = fold(text);
    this.mentions = [];
    brands.forEach((b, k) => {
      for (const [s, e] of b.spans) this.mentions.push([s, e, k]);
    });
    this.mentions.sort((a, b) => a[0] - b[0]);
    this.mentionStarts = this.mentions.map((m) => m[0]);
    this.lines = layout(text, this.folded);
    this.sentences = new SentenceIndex(text);
    const foldedPrompt = prompt === null ? '' : fold(prompt);
    this.recommendation = RECOMMENDATION_PROMPT.test(foldedPrompt);
    this.topic = new Set();
    for (const [s, e, k] of this.mentions) {
      const name = this.folded.slice(s, e);
      const at = foldedPrompt.indexOf(name);
      if (at >= 0 && !/[\p{L}\p{N}]/u.test(foldedPrompt[at + name.length] ?? ' ')) this.topic.add(k);
    }
    this.language = localeLanguage(locale);

    // Built as parts and joined: a string grown by + is a tree that every character read walks.
    const parts: string[] = [];
    let at = 0;
    for (const [s, e] of this.mentions) {
      if (e <= at) continue;
      const from = Math.max(s, at);
      parts.push(this.folded.slice(at, from), ' '.repeat(e - from));
      at = e;
    }
    parts.push(this.folded.slice(at));
    this.blanked = parts.join('');

    this.pieces = [];
    this.pieceEnds = [];
    let from = 0;
    for (const bound of this.sentences.bounds) {
      this.pieces.push(emptyPiece(from, bound + 1));
      this.pieceEnds.push(bound + 1);
      from = bound + 1;
    }
    this.pieces.push(emptyPiece(from, Math.max(from, text.length)));
    this.pieceEnds.push(Math.max(from, text.length));
  }

  /** Index of the piece holding position p. */
  private pieceAt(p: number): number {
    return Math.min(upperBound(this.pieceEnds, p), this.pieces.length - 1);
  }

  /**
   * The piece, read: its words and, at each word start, the stance phrases that may start there.
   * No phrase, word or contrast spans a sentence end or a line break, so reading piece by piece
   * finds what reading the whole text would.
   */
  private piece(i: number): Piece {
    const piece = this.pieces[i] as Piece;
    if (piece.read) return piece;
    piece.read = true;
    const t = this.blanked;
    const n = piece.end;
    this.cues ??= cueMatcher().scan(t);
    const cues = this.cues;
    cues.reset();
    // Every word goes into the piece's lists; those a stance phrase took are dropped after.
    const tokenStarts = piece.wordStarts;
    const tokenEnds = piece.wordEnds;
    const tokens = piece.words;
    const hinted = this.language === null;
    let regexWord = false;
    let tokenStart = -1;
    let ascii = true;
    for (let i = piece.start; i <= n; i++) {
      const c = i < n ? t.charCodeAt(i) : 32;
      let word: boolean;
      let unit: boolean;
      if (c < 128) {
        const k = ASCII_KIND[c] as number;
        word = k !== 0;
        unit = k === 1;
      } else {
        word = false;
        unit = isWordUnit(c);
      }
      if (word && !regexWord) cues.at(i);
      regexWord = word;
      if (unit) {
        if (tokenStart < 0) {
          tokenStart = i;
          ascii = c < 128;
        } else if (c >= 128) ascii = false;
      } else if (tokenStart >= 0 && !((c === 45 || c === 0x2011) && i + 1 < n && isWordUnit(t.charCodeAt(i + 1)))) {
        // The blanked text is folded: its ASCII is lower case already. "isn't": the "t" reads as "not".
        const k = tokens.length;
        let info = ascii ? asciiWord(t, tokenStart, i) : wordInfo(wordOf(t.slice(tokenStart, i), false));
        if (
          info.word === 't' &&
          k > 0 &&
          isApostrophe(t[tokenStart - 1] ?? '') &&
          (tokens[k - 1] as WordInfo).word.endsWith('n')
        )
          info = wordInfo('not');
        tokens.push(info);
        tokenStarts.push(tokenStart);
        tokenEnds.push(i);
        if (hinted) {
          const hint = info.hint;
          if (hint === 'fr') piece.french++;
          else if (hint === 'en') piece.english++;
        }
        tokenStart = -1;
      }
    }
    piece.hits = cues.hits();
    piece.hitStarts = piece.hits.map((h) => h.start);
    // The lexicon reads the words no phrase took.
    const hits = piece.hits;
    if (hits.length === 0) return piece;
    let h = 0;
    let kept = 0;
    for (let k = 0; k < tokenStarts.length; k++) {
      const ws = tokenStarts[k] as number;
      while (h < hits.length && (hits[h] as CueHit).end <= ws) h++;
      const cue = hits[h];
      if (cue && cue.start < (tokenEnds[k] as number)) continue;
      tokens[kept] = tokens[k] as WordInfo;
      tokenStarts[kept] = ws;
      tokenEnds[kept] = tokenEnds[k] as number;
      kept++;
    }
    tokens.length = kept;
    tokenStarts.length = kept;
    tokenEnds.length = kept;
    return piece;
  }

  /**
   * Contrast words and ";" of the whole answer as [start, end) pairs in text order, on the folded
   * text (brand names included), found in one pass on first use. None spans a sentence end or a
   * line break, and a piece starts after one, so this finds what reading piece by piece would.
   */
  private contrastPairs(): number[] {
    if (this.contrasts) return this.contrasts;
    const found: number[] = [];
    CONTRAST.lastIndex = 0;
    for (let m = CONTRAST.exec(this.folded); m; m = CONTRAST.exec(this.folded)) found.push(m.index, CONTRAST.lastIndex);
    this.contrasts = found;
    return found;
  }

  /** The sentence around p. */
  sentence(p: number): [number, number] {
    return this.sentences.at(p) as [number, number];
  }

  /** The folded text of [a, b) with brand names blanked out. */
  masked(a: number, b: number): string {
    return this.blanked.slice(a, b);
  }

  /**
   * The language [a, b) is read in: the answer's, or that of the text it lies in (its sentence, or
   * its whole line when [a, b) goes beyond the sentence: a list item), from the hint words there.
   */
  private languageOf(a: number, b: number): Lang {
    if (this.language !== null) return this.language;
    const line = lineAt(this.lines, a);
    const [s0, e0] = this.sentence(a);
    const inLine = line.kind !== 'item' && s0 >= line.start && e0 <= line.end && b <= e0;
    const start = inLine ? s0 : line.start;
    const end = inLine ? e0 : line.end;
    const key = start * 33554432 + end;
    const known = this.languages.get(key);
    if (known) return known;
    let fr = 0;
    let en = 0;
    if (end > start) {
      for (let i = this.pieceAt(start), last = this.pieceAt(end - 1); i <= last; i++) {
        const piece = this.piece(i);
        fr += piece.french;
        en += piece.english;
      }
    }
    const lang = fr > en ? 'fr' : 'en';
    this.languages.set(key, lang);
    return lang;
  }

  /** Sum of the stance phrases alone in [a, b); incidents left out when `incidents` is false. */
  cueValence(a: number, b: number, incidents = true): number {
    let sum = 0;
    if (b <= a) return sum;
    for (let p = this.pieceAt(a), last = this.pieceAt(b - 1); p <= last; p++) {
      const { hits, hitStarts } = this.piece(p);
      for (let i = lowerBound(hitStarts, a); i < hits.length; i++) {
        const hit = hits[i] as CueHit;
        if (hit.start >= b) break;
        if (hit.end <= b && (incidents || !hit.incident)) sum += hit.weight;
      }
    }
    return sum;
  }

  /** Valence of [a, b): stance phrases, then the lexicon on the words they leave; hedged negatives count less. */
  valence(a: number, b: number, incidents = true): number {
    if (b <= a) return 0;
    // Offsets stay below 2^25 (a 32 MB answer) for the key to be exact.
    const key = (a * 33554432 + b) * 2 + (incidents ? 1 : 0);
    const known = this.valences.get(key);
    if (known !== undefined) return known;
    let sum = this.cueValence(a, b, incidents);
    const first = this.pieceAt(a);
    const last = this.pieceAt(b - 1);
    let words: WordInfo[] = [];
    let from = 0;
    let to = 0;
    for (let p = first; p <= last; p++) {
      const piece = this.piece(p);
      const f = lowerBound(piece.wordStarts, a);
      let e = f;
      while (e < piece.wordStarts.length && (piece.wordEnds[e] as number) <= b) e++;
      if (first === last) {
        words = piece.words;
        from = f;
        to = e;
      } else {
        for (let k = f; k < e; k++) words.push(piece.words[k] as WordInfo);
        to = words.length;
      }
    }
    if (to > from) sum += clauseValenceOf(words, this.languageOf(a, b), from, to);
    if (sum < 0) {
      HEDGE.lastIndex = 0;
      if (HEDGE.test(this.folded.slice(a, b))) sum *= TUNING.hedged;
    }
    this.valences.set(key, sum);
    return sum;
  }

  mentionsIn(a: number, b: number): Mention[] {
    const out: Mention[] = [];
    for (let i = lowerBound(this.mentionStarts, a); i < this.mentions.length; i++) {
      const m = this.mentions[i] as Mention;
      if (m[0] >= b) break;
      if (m[1] <= b) out.push(m);
    }
    return out;
  }

  /** Clause starts of [s, e): s, then each contrast word or ";". */
  clauses(s: number, e: number): number[] {
    const cached = this.cuts.get(s);
    if (cached && cached.end === e) return cached.cuts;
    const cuts = [s];
    const contrasts = this.contrastPairs();
    // The first pair starting after s: pairs are in text order, so their starts are sorted.
    let lo = 0;
    let hi = contrasts.length >> 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((contrasts[2 * mid] as number) <= s) lo = mid + 1;
      else hi = mid;
    }
    for (let i = 2 * lo; i < contrasts.length && (contrasts[i] as number) < e; i += 2)
      if ((contrasts[i + 1] as number) <= e) cuts.push(contrasts[i] as number);
    let previous = -1;
    for (const [a, b] of this.mentionsIn(s, e)) {
      const cut = BRAND_CLAUSE.exec(this.folded.slice(Math.max(s, a - 16), a));
      const at = cut ? a - cut[0].length : -1;
      if (at > s && previous >= 0 && at - previous >= 15 && !cuts.some((c) => c > previous && c <= a)) cuts.push(at);
      previous = b;
    }
    cuts.sort((x, y) => x - y);
    this.cuts.set(s, { end: e, cuts });
    return cuts;
  }

  /** Is the mention in object position (after a preposition)? */
  isObject(m: Mention, clauseStart: number): boolean {
    if (!OBJECT_BEFORE.test(this.folded.slice(Math.max(clauseStart, m[0] - 14), m[0]))) return false;
    // "steer clear of X", "méfiez-vous de X": the advice before it is about X.
    return this.cueValence(clauseStart, m[0]) === 0;
  }

  /** The brands a clause is about: its first brand and those coordinated with it. */
  private group(inClause: readonly Mention[], clauseStart: number): Set<number> | null {
    const topical = inClause.filter((m) => this.topic.has(m[2]));
    if (topical.length > 0) return new Set(topical.map((m) => m[2]));
    const from = inClause.findIndex((m) => !this.isObject(m, clauseStart));
    if (from < 0) return null;
    const group = new Set([(inClause[from] as Mention)[2]]);
    for (let k = from + 1; k < inClause.length; k++) {
      const prev = inClause[k - 1] as Mention;
      const cur = inClause[k] as Mention;
      if (!COORDINATION.test(this.folded.slice(prev[1], cur[0]))) break;
      group.add(cur[2]);
    }
    return group;
  }

  private opensWithAnaphora(a: number, b: number): boolean {
    const head = this.masked(a, Math.min(b, a + 60)).replace(/^[\s*_>#:;,.-]+/, '');
    return ANAPHORA.test(head.replace(/^(?:but|however|mais|cependant|toutefois|and|et),?\s*/, ''));
  }

  /** Does the sentence at a refer back to the one before ("It…", "However, …", "L'entreprise…")? */
  private continues(a: number, b: number): boolean {
    const head = this.masked(a, Math.min(b, a + 60)).replace(/^[\s*_>#:;,.-]+/, '');
    return CONTINUATION.test(head) || this.opensWithAnaphora(a, b);
  }

  /** Owner group of each clause of the sentence [s, e); `depth` bounds the look back. */
  sentenceOwners(s: number, e: number, line: Line, depth = 0): Array<Set<number>> {
    const cached = this.owners.get(s);
    if (cached) return cached;
    const cuts = this.clauses(s, e);
    const out: Array<Set<number>> = [];
    let previous: Set<number> | null = null;
    for (let k = 0; k < cuts.length; k++) {
      const a = cuts[k] as number;
      const b = cuts[k + 1] ?? e;
      const inClause = this.mentionsIn(a, b);
      let owner: Set<number> | null = null;
      if (inClause.length > 0 && !(this.opensWithAnaphora(a, b) && (inClause[0] as Mention)[0] > a + 40))
        owner = this.group(inClause, a);
      if (!owner) owner = previous;
      if (!owner && k === 0 && depth < 4 && this.continues(a, b)) owner = this.previousSubject(s, line, depth);
      if (!owner && this.topic.size > 0) owner = this.topic;
      out.push(owner ?? new Set());
      previous = owner;
    }
    this.owners.set(s, out);
    return out;
  }

  /** The brand(s) the sentence before [s…) in the same paragraph line is about. */
  private previousSubject(s: number, line: Line, depth: number): Set<number> | null {
    if (s <= line.start + 1) return null;
    const [ps, pe] = this.sentence(s - 2);
    if (ps < line.start || pe > s) return null;
    return this.sentenceOwners(ps, pe, line, depth + 1)[0] ?? null;
  }

  /** Raw stance of the clauses of [s, e) that brand `k` owns; before its first mention, words count less. */
  ownedValence(s: number, e: number, k: number, owners: ReadonlyArray<Set<number>>): number | null {
    const cuts = this.clauses(s, e);
    const incidents = this.topic.size === 0 || this.topic.has(k);
    let sum = 0;
    let owned = false;
    for (let c = 0; c < cuts.length; c++) {
      if (!owners[c]?.has(k)) continue;
      owned = true;
      const a = cuts[c] as number;
      const b = cuts[c + 1] ?? e;
      let own: Mention | undefined;
      for (let i = lowerBound(this.mentionStarts, a); i < this.mentions.length && !own; i++) {
        const m = this.mentions[i] as Mention;
        if (m[0] >= b) break;
        if (m[2] === k) own = m;
      }
      let v: number;
      if (own && c === 0) {
        const before = this.valence(a, own[0], incidents);
        v = (before < 0 ? before : before * TUNING.beforeBrand) + this.valence(own[1], b, incidents);
      } else v = this.valence(a, b, incidents);
      sum += c > 0 ? v * TUNING.afterContrast : v;
    }
    return owned ? sum : null;
  }
}

function itemPrior(reader: AnswerReader, line: Line): number {
  if (line.stance < 0) return TUNING.warningPrior;
  if (line.stance > 0) return TUNING.headingPrior;
  return reader.recommendation ? TUNING.promptPrior : 0;
}

function leads(reader: AnswerReader, line: Line, mention: Mention): boolean {
  const head = reader.folded.slice(line.content, mention[0]);
  return /^[\s*_[(]*$/.test(head);
}

/** The sentence [s, e) as a unit for brand k, or null when k owns none of its clauses; read once per brand. */
function sentenceUnit(reader: AnswerReader, line: Line, s: number, e: number, k: number): Unit | null {
  const key = s * 65536 + k;
  const known = reader.units.get(key);
  if (known !== undefined && (known === null || known.end === e)) return known;
  let unit: Unit | null = null;
  if (reader.text[e - 1] !== ':' || reader.mentions.some((m) => m[2] === k && m[0] >= s && m[0] < e)) {
    const raw = reader.ownedValence(s, e, k, reader.sentenceOwners(s, e, line));
    unit = raw === null ? null : { start: s, end: e, raw, weight: line.kind === 'heading' ? 0.5 : 1 };
  }
  if (k < 65536) reader.units.set(key, unit);
  return unit;
}

/** The sentence of line starting at or after p, as a [start, end) range, or null past the line's end. */
function sentenceFrom(reader: AnswerReader, line: Line, p: number): [number, number] | null {
  if (p >= line.end) return null;
  const from = line.kind === 'item' ? line.content : line.start;
  const [s0, e0] = reader.sentence(p);
  const s = Math.max(s0, from);
  const e = Math.min(e0, line.end);
  return e <= p ? null : [s, e];
}

/** Where the sentence after one ending at e starts. */
function afterSentence(reader: AnswerReader, line: Line, e: number): number {
  let at = e + 1;
  while (at < line.end && isWhiteSpace(reader.text.charCodeAt(at))) at++;
  return at;
}

/** The units a mention is read in: its item, row or sentence, then the sentences after it that still speak of the brand. */
function unitsOf(reader: AnswerReader, mention: Mention, k: number): Unit[] {
  const line = lineAt(reader.lines, mention[0]);
  if (line.kind === 'row') {
    const firstCell = reader.folded.slice(line.start, mention[0]).replace(/^\s*\|/, '');
    if (firstCell.includes('|')) return [];
    return [{ start: line.start, end: line.end, raw: reader.valence(mention[1], line.end), weight: TUNING.row }];
  }
  if (line.kind === 'item' && leads(reader, line, mention)) {
    const cuts = reader.clauses(line.content, line.end);
    let raw = 0;
    let mixed = false;
    for (let c = 0; c < cuts.length; c++) {
      const a = Math.max(cuts[c] as number, c === 0 ? mention[1] : 0);
      const v = reader.valence(a, cuts[c + 1] ?? line.end);
      raw += c > 0 ? v * TUNING.afterContrast : v;
      if (cuts.length > 1 && v < 0) mixed = true;
    }
    // A recommended item with a "but" and a weakness is a balanced one: the framing counts less.
    const prior = itemPrior(reader, line);
    return [{ start: line.start, end: line.end, raw: raw + (mixed && prior > 0 ? prior / 4 : prior), weight: 1 }];
  }
  const units: Unit[] = [];
  const first = sentenceFrom(reader, line, reader.sentence(mention[0])[0]);
  for (
    let r = first && sentenceFrom(reader, line, first[0]);
    r;
    r = sentenceFrom(reader, line, afterSentence(reader, line, r[1]))
  ) {
    const unit = sentenceUnit(reader, line, r[0], r[1], k);
    if (!unit) break;
    units.push(unit);
  }
  return units;
}

/** For a brand the prompt names: every sentence of the answer's paragraphs that it owns. */
function topicUnits(reader: AnswerReader, k: number): Unit[] {
  const units: Unit[] = [];
  for (const line of reader.lines) {
    if (line.kind !== 'text') continue;
    for (
      let r = sentenceFrom(reader, line, line.start);
      r;
      r = sentenceFrom(reader, line, afterSentence(reader, line, r[1]))
    ) {
      const unit = sentenceUnit(reader, line, r[0], r[1], k);
      if (unit) units.push(unit);
    }
  }
  return units;
}

function labelOf(score: number): SentimentLabel {
  return score >= TUNING.positive ? 'positive' : score <= TUNING.negative ? 'negative' : 'neutral';
}

function scoreBrand(reader: AnswerReader, input: SentimentInput, k: number): SentimentScore {
  const seen = new Set<number>();
  let total = 0;
  let decisive: Unit | null = null;
  let first: [number, number] | null = null;
  const units = input.spans.flatMap(([s, e]) => {
    const found = unitsOf(reader, [s, e, k], k);
    first ??= found[0] ? [found[0].start, found[0].end] : reader.sentence(s);
    return found;
  });
  if (reader.topic.has(k)) units.push(...topicUnits(reader, k));
  for (const unit of units) {
    if (seen.has(unit.start)) continue;
    seen.add(unit.start);
    const weighted = unit.raw * unit.weight;
    total += weighted;
    if (!decisive || Math.abs(weighted) > Math.abs(decisive.raw * decisive.weight)) decisive = unit;
  }
  const score = Math.round(squash(total) * 1000) / 1000;
  const passage: [number, number] | undefined =
    decisive && decisive.raw !== 0 ? [decisive.start, decisive.end] : first ? [first[0], first[1]] : undefined;
  return passage ? { score, label: labelOf(score), passage } : { score, label: labelOf(score) };
}

export const structureSentimentScorer: SentimentScorer = {
  id: 'structure-1',
  scoreAll(request: SentimentRequest): SentimentScore[] {
    if (request.brands.length === 0) return [];
    const reader = new AnswerReader(request.answerText, request.brands, request.locale, request.prompt ?? null);
    return request.brands.map((b, k) => scoreBrand(reader, b, k));
  },
};
