/**
 * French valence lexicon for assistant answers about products and services, in the AFINN scale
 * (-5..5). Written by hand: no maintained French lexicon is published on npm under a usable
 * licence (the ones found are machine translations of AFINN with mistranslations, or stemmed
 * lists tied to a whole NLP framework). Keys are folded (lower case, no accents); plural and
 * feminine forms are found by the scorer, which strips a final "s"/"x" then "e".
 */

const ENTRIES = `
excellent:3 exceptionnel:3 exceptionnelle:3 remarquable:3 parfait:3 parfaitement:2 ideal:2 ideaux:2
genial:3 geniaux:3 formidable:3 superbe:3 super:2 top:2 bon:2 bonne:2 bien:1 meilleur:3 mieux:2
efficace:2 efficacement:2 performant:2 puissant:2 puissante:2 fiable:2 fiabilite:2 robuste:2 solide:2
intuitif:2 intuitive:2 intuitifs:2 simple:1 simplicite:2 facile:2 facilement:1 pratique:1 complet:2
riche:1 flexible:2 flexibilite:2 souple:1 souplesse:1 rapide:2 rapidite:2 fluide:2 ergonomique:2
abordable:2 economique:1 gratuit:1 gratuitement:1 avantageux:2 avantageuse:2 interessant:1 utile:1
precieux:2 precieuse:2 apprecie:2 populaire:2 reconnu:2 recommande:2 recommander:2 recommandable:2
plebiscite:2 incontournable:2 leader:1 adore:3 aime:2 satisfait:2 satisfaisant:2 securise:1 innovant:2
moderne:1 agreable:2 elegant:2 clair:1 polyvalent:2 polyvalente:2 adapte:1 precis:2 precise:2 atout:2
avantage:2 excelle:3 distingue:2 brille:2 succes:2 reussi:2 impressionnant:3 pertinent:2 pertinente:2
complete:2 soigne:2 reactif:2 reactive:2 accessible:1 evolutif:1 evolutive:1 robustesse:2 qualite:1
fort:1 forte:1 ideale:2 salue:2 felicite:2 merveilleux:3 magnifique:3 fantastique:3 agile:1
competitif:2 competitive:2 optimal:2 optimale:2 simplifie:1 facilite:1 economise:1 gain:1 gagne:1
mauvais:-3 mauvaise:-3 mediocre:-2 decevant:-2 decevante:-2 decevants:-2 decu:-2 decue:-2 faible:-2
faiblesse:-2 limite:-1 limitation:-1 lent:-2 lente:-2 lenteur:-2 lourd:-2 lourde:-2 complexe:-1
complique:-2 compliquee:-2 difficile:-2 difficulte:-2 cher:-1 chere:-1 couteux:-2 couteuse:-2
onereux:-2 onereuse:-2 bug:-2 bogue:-2 instable:-2 instabilite:-2 obsolete:-2 depasse:-2 archaique:-2
critique:-1 reproche:-2 probleme:-2 inconvenient:-2 defaut:-2 manque:-2 manquent:-2 pire:-3
horrible:-3 frustrant:-2 frustrante:-2 penible:-2 confus:-2 confuse:-2 deroutant:-1 rigide:-1
restrictif:-1 restrictive:-1 insuffisant:-2 insuffisante:-2 echec:-2 risque:-1 risquee:-1 dangereux:-2
arnaque:-3 cauchemar:-3 regrette:-2 deteste:-3 eviter:-2 inutile:-2 inadapte:-2 lacune:-2 plainte:-2
panne:-2 erreur:-1 fuite:-2 decevoir:-2 complexite:-1 cherement:-1 laborieux:-2 laborieuse:-2
nul:-3 nulle:-3 catastrophique:-4 desastreux:-4 desastreuse:-4 lamentable:-3 minable:-3 inefficace:-2
peine:-1 souffre:-2 pollue:-1 opaque:-1 abusif:-2 abusive:-2 agacant:-2 agacante:-2 bancal:-2
`;

/** Two-word expressions whose meaning differs from their words ("pas terrible" is lukewarm, not terrible). */
export const FRENCH_PHRASES: ReadonlyMap<string, number> = new Map([
  ['pas terrible', -2],
  ['pas mal', 1],
  ['hors de prix', -2],
  ['rapport qualite', 1],
  ['prise en main', 0],
]);

export const FRENCH_NEGATORS: ReadonlySet<string> = new Set([
  'pas',
  'jamais',
  'sans',
  'aucun',
  'aucune',
  'ni',
  'guere',
  'rien',
  'peu',
]);

/** "plus" negates only after "ne"/"n'" ("n'est plus maintenu"); otherwise it means "more". */
export const FRENCH_NE = new Set(['ne', 'n']);

export const FRENCH_INTENSIFIERS: ReadonlySet<string> = new Set([
  'tres',
  'vraiment',
  'particulierement',
  'extremement',
  'tellement',
  'trop',
  'hautement',
  'fortement',
  'ultra',
]);

export function frenchLexicon(): Map<string, number> {
  const map = new Map<string, number>();
  for (const entry of ENTRIES.split(/\s+/)) {
    if (!entry) continue;
    const [word, value] = entry.split(':');
    map.set(word as string, Number(value));
  }
  return map;
}
