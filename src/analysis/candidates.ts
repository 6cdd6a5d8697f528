/**
 * Candidate names in an answer: what an assistant presents as a named thing — the lead of a list
 * item ("1. **Pipedrive** — simple pipelines", "- Zoho CRM: cheap"), a heading ("### 3. Close"),
 * a bold span, the first cell of a table row. Untracked-name reports count them across answers to
 * suggest competitors nobody tracks yet. Pure, like the rest of src/analysis.
 *
 * Not the mention rules (docs/analysis-rules.md): this finds names no brand defines, by how
 * answers are laid out, so it is a heuristic. Generic headings ("Pros", "Key features",
 * "Bottom line"), sentences, questions and text inside reasoning blocks are left out.
 */
import { canonicalize } from './fold.js';
import { thinkRanges } from './structure.js';

/** Words that make a heading, list lead or bold span a label rather than a name. */
const GENERIC = new Set(
  [
    'pros',
    'cons',
    'pros and cons',
    'price',
    'pricing',
    'cost',
    'features',
    'key features',
    'main features',
    'best for',
    'ideal for',
    'good for',
    'use case',
    'use cases',
    'conclusion',
    'summary',
    'overview',
    'verdict',
    'note',
    'notes',
    'tip',
    'tips',
    'recommendation',
    'recommendations',
    'top picks',
    'final thoughts',
    'bottom line',
    'tl;dr',
    'tldr',
    'alternatives',
    'comparison',
    'strengths',
    'weaknesses',
    'drawbacks',
    'limitations',
    'downsides',
    'integrations',
    'ease of use',
    'support',
    'customer support',
    'free plan',
    'free tier',
    'paid plans',
    'why',
    'how',
    'what',
    'when',
    'budget',
    'yes',
    'no',
    'important',
    'warning',
    'example',
    'examples',
    'option',
    'options',
    'other options',
    'also consider',
    'honorable mentions',
    'honourable mentions',
    'quick answer',
    'short answer',
    'in short',
    'avantages',
    'inconvénients',
    'prix',
    'tarifs',
    'fonctionnalités',
  ].map((w) => w.toLowerCase()),
);

/** First words that open a label or a sentence, not a name ("Best for teams", "Step 2"). */
const OPENERS = new Set([
  'best',
  'top',
  'how',
  'why',
  'what',
  'when',
  'which',
  'step',
  'option',
  'tip',
  'if',
  'for',
  'use',
]);

const MAX_LENGTH = 50;
const MAX_WORDS = 5;

const LIST_ITEM = /^\s{0,12}(?:[-*+•]|\d{1,3}[.)])\s+(.+)$/;
const HEADING = /^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$/;
const TABLE_ROW = /^\s*\|(.+)\|\s*$/;
const TABLE_RULE = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;
const BOLD = /\*\*([^*\n]{2,80})\*\*|__([^_\n]{2,80})__/g;
/** Where a name in a list lead or heading ends: a colon, a dash between spaces, an opening bracket. */
const LEAD_END = /\s*(?::\s|:$|\s[-–—]\s|\s\(|\s\[)/;

/** Markdown removed: emphasis, code, links (their text kept), a numbering like "2." in front. */
function plain(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`~]+/g, '')
    .replace(/^\s*\d{1,3}[.)]\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The name a list lead, heading or cell starts with, or null when it is no name. */
export function nameOf(raw: string): string | null {
  let name = plain(raw);
  const end = LEAD_END.exec(name);
  if (end) name = name.slice(0, end.index);
  name = name.replace(/[\s.,;:!]+$/, '').trim();
  if (name.length < 2 || name.length > MAX_LENGTH || name.endsWith('?')) return null;
  if (!/^[\p{Lu}\p{N}]/u.test(name) || !/\p{L}/u.test(name)) return null;
  const words = name.split(' ');
  if (words.length > MAX_WORDS) return null;
  const lower = name.toLowerCase();
  if (GENERIC.has(lower) || OPENERS.has((words[0] as string).toLowerCase())) return null;
  // A sentence fragment: several words, the later ones all in lower case ("Great for small teams").
  if (words.length >= 3 && words.slice(1).every((w) => /^\p{Ll}/u.test(w))) return null;
  return name;
}

/** The distinct candidate names of an answer, in order of first appearance. */
export function candidateNames(text: string): string[] {
  const think = thinkRanges(text);
  const found = new Map<string, string>();
  const add = (raw: string | undefined) => {
    if (!raw) return;
    const name = nameOf(raw);
    if (!name) return;
    const key = candidateKey(name);
    if (!found.has(key)) found.set(key, name);
  };
  const lines = text.split('\n');
  let offset = 0;
  for (const [i, line] of lines.entries()) {
    const start = offset;
    offset += line.length + 1;
    if (think.some(([s, e]) => start >= s && start < e)) continue;
    const heading = HEADING.exec(line);
    if (heading) {
      add(heading[1]);
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      const lead = item[1] as string;
      const bold = /^\s*(?:\*\*([^*]+)\*\*|__([^_]+)__)/.exec(lead);
      // A list item names something when it opens with bold text, or with a short lead before ":" or a dash.
      if (bold) add(bold[1] ?? bold[2]);
      else if (LEAD_END.test(plain(lead))) add(lead);
    }
    const row = TABLE_ROW.exec(line);
    if (row && !TABLE_RULE.test(line) && !TABLE_RULE.test(lines[i + 1] ?? '') && !TABLE_RULE.test(lines[i - 1] ?? '')) {
      add(row[1]?.split('|')[0]);
    } else if (row && TABLE_RULE.test(lines[i - 1] ?? '')) {
      // The first row under the header rule.
      add(row[1]?.split('|')[0]);
    }
    for (const m of line.matchAll(BOLD)) add(m[1] ?? m[2]);
  }
  return [...found.values()];
}

/** The form names are counted by: letter case, accents and spacing folded. */
export function candidateKey(name: string): string {
  return canonicalize(name, true);
}
