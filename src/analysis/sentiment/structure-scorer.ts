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
import { sentenceAt } from '../structure.js';
import { ANAPHORA, CUES, HEDGE, NEGATIVE_HEADING, POSITIVE_HEADING, RECOMMENDATION_PROMPT } from './cues.js';
import { clauseValence, passageWords, squash, type Lang } from './lexicon-scorer.js';

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
const CONTRAST = /;|\b(?:but|however|whereas|although|though|yet|mais|cependant|toutefois|tandis que|alors que|par contre|en revanche|neanmoins|pourtant)\b/g;
const COORDINATION = /^[\s*_,()]*(?:(?:and|or|et|ou|&)[\s*_]*)?$/;
/** A brand right after one of these is an object ("integrates with Slack", "slower than Jira", "chez Free"), not the subject. */
const OBJECT_BEFORE =
  /(?:\b(?:with|in|at|from|by|than|to|via|through|into|on|of|for|below|above|alongside|including|avec|dans|par|que|chez|vers|sur|de|du|des|a|au|aux|en|pour)|d'|l'|qu')(?:[\s*_]+(?:both|the|les?|la))?[\s*_]*$/;
/** Where a new brand starts a clause of its own: "…, and the Pixel 8 the smartest camera", ": Photoshop, Illustrator…". */
const BRAND_CLAUSE = /(?:[,:]|\band\b|\bet\b)\s*(?:the |le |la |les |l')?[*_]*$/;
const COMBINING = /[\u0300-\u036f]/;

/** Lower case, accents dropped, typographic apostrophes plain; one character for one, so offsets hold. */
function fold(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    const c = ch.charCodeAt(0);
    if (c < 128) out += c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : ch;
    else if (c === 0x2019 || c === 0x2018 || c === 0x02bc) out += "'";
    else {
      const d = ch.normalize('NFKD');
      const base = d.length > 1 && COMBINING.test(d.slice(1)) ? (d[0] as string) : ch;
      const lower = base.toLowerCase();
      out += lower.length === 1 ? lower : ch;
    }
  }
  return out;
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
    else if (/^#{1,6}\s/.test(trimmed) || /^\*\*[^*]+\*\*:?$/.test(trimmed) || (trimmed.endsWith(':') && trimmed.length < 160)) {
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

interface Unit {
  start: number;
  end: number;
  raw: number;
  weight: number;
}

/** Per answer: the folded text with brand names blanked out, the layout and every mention. */
class AnswerReader {
  readonly folded: string;
  readonly masked: string;
  readonly lines: Line[];
  readonly mentions: Mention[];
  readonly recommendation: boolean;
  private readonly lang: Lang | null;
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
    const chars = this.folded.split('');
    for (const [s, e] of this.mentions) for (let i = s; i < e; i++) chars[i] = ' ';
    this.masked = chars.join('');
    this.lines = layout(text, this.folded);
    const foldedPrompt = prompt === null ? '' : fold(prompt);
    this.recommendation = RECOMMENDATION_PROMPT.test(foldedPrompt);
    this.topic = new Set();
    for (const [s, e, k] of this.mentions) {
      const name = this.folded.slice(s, e);
      const at = foldedPrompt.indexOf(name);
      if (at >= 0 && !/[\p{L}\p{N}]/u.test(foldedPrompt[at + name.length] ?? ' ')) this.topic.add(k);
    }
    const l = locale?.toLowerCase() ?? '';
    this.lang = l.startsWith('fr') ? 'fr' : l.startsWith('en') ? 'en' : null;
  }

  /** Valence of [a, b): stance phrases first, then the lexicon on the words they leave. */
  valence(a: number, b: number, incidents = true): number {
    if (b <= a) return 0;
    let segment = this.masked.slice(a, b);
    let sum = 0;
    for (const cue of CUES) {
      cue.re.lastIndex = 0;
      const weight = cue.incident && !incidents ? 0 : cue.weight;
      segment = segment.replace(cue.re, (m) => {
        sum += weight;
        return ' '.repeat(m.length);
      });
    }
    const words = passageWords(segment, this.lang);
    sum += clauseValence(words.words, words.lang);
    if (sum < 0) {
      HEDGE.lastIndex = 0;
      if (HEDGE.test(this.folded.slice(a, b))) sum *= TUNING.hedged;
    }
    return sum;
  }

  mentionsIn(a: number, b: number): Mention[] {
    return this.mentions.filter((m) => m[0] >= a && m[1] <= b);
  }

  /** Clause starts of [s, e): s, then each contrast word or ";". */
  clauses(s: number, e: number): number[] {
    const cached = this.cuts.get(s);
    if (cached && cached.end === e) return cached.cuts;
    const cuts = [s];
    CONTRAST.lastIndex = 0;
    const body = this.folded.slice(s, e);
    for (const m of body.matchAll(CONTRAST)) if (m.index > 0) cuts.push(s + m.index);
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

  /** Sum of the stance phrases alone in [a, b). */
  cueValence(a: number, b: number): number {
    let sum = 0;
    let segment = this.masked.slice(a, b);
    for (const cue of CUES) {
      cue.re.lastIndex = 0;
      segment = segment.replace(cue.re, (m) => {
        sum += cue.weight;
        return ' '.repeat(m.length);
      });
    }
    return sum;
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
    const head = this.masked.slice(a, Math.min(b, a + 60)).replace(/^[\s*_>#:;,.-]+/, '');
    return ANAPHORA.test(head.replace(/^(?:but|however|mais|cependant|toutefois|and|et),?\s*/, ''));
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
      if (inClause.length > 0 && !(this.opensWithAnaphora(a, b) && (inClause[0] as Mention)[0] > a + 40)) owner = this.group(inClause, a);
      if (!owner) owner = previous;
      if (!owner && k === 0) owner = depth < 4 ? this.previousSubject(s, line, depth) : null;
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
    const [ps, pe] = sentenceAt(this.text, s - 2);
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
      const own = this.mentions.find((m) => m[2] === k && m[0] >= a && m[0] < b);
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

/** The sentence [s, e) as a unit for brand k, or null when k owns none of its clauses. */
function sentenceUnit(reader: AnswerReader, line: Line, s: number, e: number, k: number): Unit | null {
  if (reader.text[e - 1] === ':' && !reader.mentions.some((m) => m[2] === k && m[0] >= s && m[0] < e)) return null;
  const raw = reader.ownedValence(s, e, k, reader.sentenceOwners(s, e, line));
  return raw === null ? null : { start: s, end: e, raw, weight: line.kind === 'heading' ? 0.5 : 1 };
}

/** The sentences of line from position p on, as [start, end) ranges. */
function* sentencesFrom(reader: AnswerReader, line: Line, p: number): Generator<[number, number]> {
  let at = p;
  const from = line.kind === 'item' ? line.content : line.start;
  while (at < line.end) {
    const [s0, e0] = sentenceAt(reader.text, at);
    const s = Math.max(s0, from);
    const e = Math.min(e0, line.end);
    if (e <= at) break;
    yield [s, e];
    at = e + 1;
    while (at < line.end && /\s/.test(reader.text[at] as string)) at++;
  }
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
  const [first] = sentencesFrom(reader, line, sentenceAt(reader.text, mention[0])[0]);
  if (!first) return units;
  for (const [s, e] of sentencesFrom(reader, line, first[0])) {
    const unit = sentenceUnit(reader, line, s, e, k);
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
    for (const [s, e] of sentencesFrom(reader, line, line.start)) {
      const unit = sentenceUnit(reader, line, s, e, k);
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
    first ??= found[0] ? [found[0].start, found[0].end] : sentenceAt(reader.text, s);
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
