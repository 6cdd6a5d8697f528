/**
 * The default sentiment scorer: word valences (English AFINN-165 plus product words, French
 * hand-written lexicon) summed over the parts of the sentences that speak about the brand, with
 * negation ("not reliable", "n'est pas fiable", "sans bug"), intensifiers ("very", "très") and a
 * few French set phrases. The sum is squashed into [-1, 1] (x / √(x² + 15), as VADER does) per
 * clause and averaged over the brand's clauses.
 *
 * Which clauses speak about a brand: a sentence that names other tracked brands is cut at ";" and
 * at contrast words ("but", "whereas", "mais", "alors que"…); a clause belongs to the brand it
 * names, and a clause naming no brand to the brand of the clause before it. Brand names
 * themselves never score ("Super", "Prime", "Excellent Inc.").
 */
import { classOf, OTHER } from '../char-class.js';
import type {
  SentimentInput,
  SentimentLabel,
  SentimentPassage,
  SentimentRequest,
  SentimentScore,
  SentimentScorer,
} from '../types.js';
import { ENGLISH_INTENSIFIERS, ENGLISH_NEGATORS, englishLexicon } from './lexicon-en.js';
import { FRENCH_INTENSIFIERS, FRENCH_NE, FRENCH_NEGATORS, FRENCH_PHRASES, frenchLexicon } from './lexicon-fr.js';

export type Lang = 'en' | 'fr';

let lexicons: { en: Map<string, number>; fr: Map<string, number> } | null = null;
function lexicon(lang: Lang): Map<string, number> {
  lexicons ??= { en: englishLexicon(), fr: frenchLexicon() };
  return lexicons[lang];
}

const CONTRAST =
  /;|\b(?:but|however|whereas|while|although|though|mais|cependant|toutefois|tandis que|alors que|par contre|en revanche|n[eé]anmoins|pourtant)\b/giu;
const FR_HINTS = new Set([
  'le',
  'la',
  'les',
  'des',
  'est',
  'et',
  'pour',
  'une',
  'un',
  'du',
  'avec',
  'sur',
  'tres',
  'pas',
  'de',
  'qui',
  'que',
  'au',
  'aux',
  'ses',
  'son',
  'sont',
  'ce',
  'cette',
  'mais',
]);
const EN_HINTS = new Set([
  'the',
  'is',
  'and',
  'for',
  'with',
  'a',
  'an',
  'of',
  'to',
  'are',
  'it',
  'its',
  'but',
  'this',
  'that',
  'on',
  'in',
  'as',
  'by',
  'or',
  'has',
  'offers',
]);

export function labelOf(score: number): SentimentLabel {
  return score >= 0.1 ? 'positive' : score <= -0.1 ? 'negative' : 'neutral';
}

const COMBINING = /[\u0300-\u036f]/g;
const APOSTROPHE = /['\u2018\u2019\u02bc\u2032\uff07]/;

/** A word as the lexicon reads it: lower case, accents dropped. */
export function wordOf(raw: string, ascii: boolean): string {
  return ascii ? raw.toLowerCase() : raw.normalize('NFKD').replace(COMBINING, '').toLowerCase();
}

/** Is the character before a word an apostrophe ("isn't": the "t" reads as "not")? */
export function isApostrophe(ch: string): boolean {
  return APOSTROPHE.test(ch);
}

/** The words of one sentence with their positions, read once however many brands it names. */
export interface PassageWords {
  words: string[];
  starts: number[];
  ends: number[];
  lang: Lang;
  /** Clause starts: 0, then each contrast word or ";" (computed when a sentence names several brands). */
  cuts: number[] | null;
}

/** A letter, digit or mark of any script: what words are made of. */
export function isWordUnit(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return classOf(c) !== OTHER; // letters, digits and marks of any script
}

export function passageWords(text: string, locale: string | null): PassageWords {
  const pw: PassageWords = { words: [], starts: [], ends: [], lang: 'en', cuts: null };
  const n = text.length;
  for (let i = 0; i < n; ) {
    if (!isWordUnit(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const s = i;
    let ascii = true;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (isWordUnit(c)) {
        if (c >= 128) ascii = false;
      } else if (!((c === 45 || c === 0x2011) && i > s && i + 1 < n && isWordUnit(text.charCodeAt(i + 1)))) break;
    }
    const raw = text.slice(s, i);
    let w = ascii ? raw.toLowerCase() : raw.normalize('NFKD').replace(COMBINING, '').toLowerCase();
    // "isn't", "don’t": the "t" after an apostrophe closing a word in "n" is a negation.
    const last = pw.words.length - 1;
    if (w === 't' && last >= 0 && APOSTROPHE.test(text[s - 1] ?? '') && (pw.words[last] as string).endsWith('n'))
      w = 'not';
    pw.words.push(w);
    pw.starts.push(s);
    pw.ends.push(i);
  }
  pw.lang = languageOf(pw.words, locale);
  return pw;
}

function clauseCuts(text: string, pw: PassageWords): number[] {
  if (!pw.cuts) {
    pw.cuts = [0];
    for (const m of text.matchAll(CONTRAST)) if (m.index > 0) pw.cuts.push(m.index);
  }
  return pw.cuts;
}

/** The language a locale names, when it is one the lexicons read. */
export function localeLanguage(locale: string | null): Lang | null {
  const l = locale?.toLowerCase() ?? '';
  if (l.startsWith('fr')) return 'fr';
  if (l.startsWith('en')) return 'en';
  return null;
}

let hints: Map<string, Lang> | null = null;
let longestHint = 0;
/** Whether a word is a common French or English one, for telling a passage's language. */
export function languageHint(word: string): Lang | undefined {
  if (!hints) {
    hints = new Map();
    for (const w of EN_HINTS) hints.set(w, 'en');
    for (const w of FR_HINTS) hints.set(w, 'fr');
    for (const w of hints.keys()) longestHint = Math.max(longestHint, w.length);
  }
  // Hint words are short: longer words skip the lookup (and hashing a fresh string).
  return word.length > longestHint ? undefined : hints.get(word);
}

function languageOf(tokens: readonly string[], locale: string | null): Lang {
  const fixed = localeLanguage(locale);
  if (fixed) return fixed;
  let fr = 0;
  let en = 0;
  for (const t of tokens) {
    if (FR_HINTS.has(t)) fr++;
    else if (EN_HINTS.has(t)) en++;
  }
  return fr > en ? 'fr' : 'en';
}

function valence(lex: Map<string, number>, word: string, lang: Lang): number {
  const v = lex.get(word);
  if (v !== undefined || lang === 'en') return v ?? 0;
  // French plural and feminine forms: "excellentes" → "excellente" → "excellent".
  let w = word;
  if (w.endsWith('s') || w.endsWith('x')) {
    w = w.slice(0, -1);
    const plural = lex.get(w);
    if (plural !== undefined) return plural;
  }
  if (w.endsWith('e')) return lex.get(w.slice(0, -1)) ?? 0;
  return 0;
}

/** Raw valence sum of one clause: tokens[from, to). */
export function clauseValence(tokens: readonly string[], lang: Lang, from = 0, to = tokens.length): number {
  const lex = lexicon(lang);
  const negators = lang === 'fr' ? FRENCH_NEGATORS : ENGLISH_NEGATORS;
  const intensifiers = lang === 'fr' ? FRENCH_INTENSIFIERS : ENGLISH_INTENSIFIERS;
  let sum = 0;
  let negation = 0;
  let boost = 1;
  let lastNe = -10;
  for (let k = from; k < to; k++) {
    const t = tokens[k] as string;
    if (lang === 'fr') {
      const phrase = FRENCH_PHRASES.get(`${t} ${k + 1 < to ? tokens[k + 1] : ''}`);
      if (phrase !== undefined) {
        sum += phrase;
        negation = 0;
        k++;
        continue;
      }
      if (FRENCH_NE.has(t)) {
        lastNe = k;
        continue;
      }
      if (t === 'plus' && k - lastNe <= 3) {
        negation = 3;
        continue;
      }
    }
    if (negators.has(t)) {
      negation = 3;
      continue;
    }
    if (intensifiers.has(t)) {
      boost = 1.3;
      if (negation > 0) negation--;
      continue;
    }
    let v = valence(lex, t, lang);
    if (v !== 0) {
      v *= boost;
      if (negation > 0) v *= -0.75;
      sum += v;
      boost = 1;
    }
    if (negation > 0) negation--;
  }
  return sum;
}

/** What the lexicons say of one word, in each language: looked up once, then shared by every clause that holds it. */
export interface WordInfo {
  word: string;
  hint: Lang | undefined;
  en: LangInfo;
  fr: LangInfo;
  /** French: a "ne" or "n'", the word "plus", the first word of a phrase of FRENCH_PHRASES. */
  ne: boolean;
  plus: boolean;
  phrase: boolean;
}

interface LangInfo {
  negator: boolean;
  intensifier: boolean;
  valence: number;
}

const WORD_INFO = new Map<string, WordInfo>();
const WORD_INFO_MAX = 65536;
let phraseHeads: Set<string> | null = null;

/** The lexicons' reading of a word, from a bounded cache of the words seen. */
export function wordInfo(word: string): WordInfo {
  let info = WORD_INFO.get(word);
  if (info !== undefined) return info;
  phraseHeads ??= new Set([...FRENCH_PHRASES.keys()].map((k) => k.split(' ')[0] as string));
  info = {
    word,
    hint: languageHint(word),
    en: {
      negator: ENGLISH_NEGATORS.has(word),
      intensifier: ENGLISH_INTENSIFIERS.has(word),
      valence: valence(lexicon('en'), word, 'en'),
    },
    fr: {
      negator: FRENCH_NEGATORS.has(word),
      intensifier: FRENCH_INTENSIFIERS.has(word),
      valence: valence(lexicon('fr'), word, 'fr'),
    },
    ne: FRENCH_NE.has(word),
    plus: word === 'plus',
    phrase: phraseHeads.has(word),
  };
  if (WORD_INFO.size < WORD_INFO_MAX) WORD_INFO.set(word, info);
  return info;
}

/** clauseValence on words already looked up: the same rules, the same sums, in the same order. */
export function clauseValenceOf(words: readonly WordInfo[], lang: Lang, from: number, to: number): number {
  const fr = lang === 'fr';
  let sum = 0;
  let negation = 0;
  let boost = 1;
  let lastNe = -10;
  for (let k = from; k < to; k++) {
    const w = words[k] as WordInfo;
    if (fr) {
      if (w.phrase) {
        const phrase = FRENCH_PHRASES.get(`${w.word} ${k + 1 < to ? (words[k + 1] as WordInfo).word : ''}`);
        if (phrase !== undefined) {
          sum += phrase;
          negation = 0;
          k++;
          continue;
        }
      }
      if (w.ne) {
        lastNe = k;
        continue;
      }
      if (w.plus && k - lastNe <= 3) {
        negation = 3;
        continue;
      }
    }
    const l = fr ? w.fr : w.en;
    if (l.negator) {
      negation = 3;
      continue;
    }
    if (l.intensifier) {
      boost = 1.3;
      if (negation > 0) negation--;
      continue;
    }
    let v = l.valence;
    if (v !== 0) {
      v *= boost;
      if (negation > 0) v *= -0.75;
      sum += v;
      boost = 1;
    }
    if (negation > 0) negation--;
  }
  return sum;
}

export function squash(sum: number): number {
  return sum === 0 ? 0 : sum / Math.sqrt(sum * sum + 15);
}

const ONE_CLAUSE = [0];

function startsWithin(spans: ReadonlyArray<readonly [number, number]>, s: number, e: number): boolean {
  for (const [a] of spans) if (a >= s && a < e) return true;
  return false;
}

function overlapsAny(spans: ReadonlyArray<readonly [number, number]>, s: number, e: number): boolean {
  for (const [a, b] of spans) if (s < b && e > a) return true;
  return false;
}

/** Per clause of the passage that belongs to the brand, its words, brand names left out. */
function brandClauses(p: SentimentPassage, pw: PassageWords): string[][] {
  const named = p.otherSpans.length === 0 ? p.spans : [...p.spans, ...p.otherSpans];
  const cuts = p.otherSpans.length === 0 ? ONE_CLAUSE : clauseCuts(p.text, pw);
  const owners: Array<boolean | null> = [];
  for (let k = 0; k < cuts.length; k++) {
    const s = cuts[k] as number;
    const e = cuts[k + 1] ?? p.text.length;
    owners.push(
      cuts.length === 1 || startsWithin(p.spans, s, e) ? true : startsWithin(p.otherSpans, s, e) ? false : null,
    );
  }
  // A clause naming no brand belongs to the brand of the clause before it (or after, for the first).
  for (let k = 1; k < owners.length; k++) if (owners[k] === null) owners[k] = owners[k - 1] as boolean | null;
  for (let k = owners.length - 1; k >= 0; k--) if (owners[k] === null) owners[k] = owners[k + 1] ?? true;
  const clauses: string[][] = cuts.map(() => []);
  let clause = 0;
  for (let k = 0; k < pw.words.length; k++) {
    while (clause + 1 < cuts.length && (pw.starts[k] as number) >= (cuts[clause + 1] as number)) clause++;
    if (owners[clause] && !overlapsAny(named, pw.starts[k] as number, pw.ends[k] as number))
      (clauses[clause] as string[]).push(pw.words[k] as string);
  }
  return clauses.filter((_, k) => owners[k]);
}

export function scoreBrand(
  input: SentimentInput,
  locale: string | null,
  cache = new Map<string, PassageWords>(),
): SentimentScore {
  let total = 0;
  let clauses = 0;
  for (const passage of input.passages) {
    let pw = cache.get(passage.text);
    if (!pw) cache.set(passage.text, (pw = passageWords(passage.text, locale)));
    for (const words of brandClauses(passage, pw)) {
      total += squash(clauseValence(words, pw.lang));
      clauses++;
    }
  }
  const score = clauses === 0 ? 0 : Math.round((total / clauses) * 1000) / 1000;
  return { score, label: labelOf(score) };
}

export const lexiconSentimentScorer: SentimentScorer = {
  id: 'lexicon-1',
  scoreAll(request: SentimentRequest): SentimentScore[] {
    const cache = new Map<string, PassageWords>();
    return request.brands.map((b) => scoreBrand(b, request.locale, cache));
  },
};
