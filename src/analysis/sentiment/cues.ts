/**
 * Phrases that carry a stance in assistant answers without an emotional word: recommendation
 * framing ("best for", "top pick", "idéal pour"), warnings ("avoid", "à éviter"), incidents
 * ("data breach", "fined", "panne"), negated recommendations ("not the best choice", "n'est plus
 * le meilleur choix") and hedges ("some users report", "certains utilisateurs"). English and
 * French, matched on folded text: lower case, accents removed, typographic apostrophes as "'".
 * Weights are in the lexicon's scale (-5..5); a matched phrase hides its words from the lexicon.
 */

/** Negated or withdrawn recommendations, read before the positive cues they contain. */
const NEGATED = String.raw`
(?:is|was|are)(?: not|n't)(?: really| always)? (?:the )?(?:best|right|ideal|obvious|safest|first) (?:choice|pick|option|fit|bet)
|not (?:the )?(?:best|ideal|right) (?:choice|pick|option|fit)
|(?:hard|difficult) to (?:recommend|justify)
|(?:would|wouldn't|would not|i'd|i wouldn't) (?:not )?(?:recommend|start)
|wouldn't (?:recommend|start|use|pick)
|no longer (?:sold|maintained|supported|the default)
|used to be the default
|n'est (?:pas|plus) (?:vraiment )?(?:le|la) (?:meilleur|meilleure|choix|solution|bon)\w*(?: choix)?
|(?:n'est )?plus le choix evident
|pas le meilleur choix
|ne (?:le |la )?recommande pas
|montre (?:vite )?ses limites
`;

/** Warnings and advice against: strong negatives. */
const WARNINGS = String.raw`
\bavoid\b|\bskip (?:the|it)\b|steer clear|be careful with|be cautious|i'd be cautious|cautious with|one to avoid|poor fit|overkill|red flags?
|migrating away|hard to reach|wary of|suspension|suspend\w*|refused to renew|far too (?:complex|costly|expensive)
|a eviter|evitez|\beviter\b|deconseill\w*|mefiez-vous|attention aux?|surdimensionne\w*|injoignable|difficile a joindre
|hors de prix
`;

/** Incidents and sanctions, as news answers report them. */
const INCIDENTS = String.raw`
outages?|breach(?:es)?|hack(?:ed)?|leak(?:ed)?|fined|\bfines\b|penalt(?:y|ies)|lawsuits?|sued|recall(?:ed|s)?|scandal|backlash|banned|investigations?|blocklists?
|went offline|down for|took down|lost sales|paid late|miscalculated|malicious|compromised|misleading|ignored warning|failures? in|non-compliant
|complain(?:s|ed|ts)?|angry|fail(?:s|ed|ing|ures?)?\b|bills doubling|prices? (?:went|have gone|has gone) up|price (?:increases?|hikes?)|hausses? (?:de prix|importantes?)|prix ont (?:fortement )?augmente|incendie|a detruit|perdu leurs donnees|non[- ]conformes?|non-compliant|frustration|frustrating|hidden fees|denied claims|troubled history
|panne|pannes|fuite de donnees|fuite|intrusion|amende|condamne\w*|sanctionne\w*|enquete|retards?|plaintes?|se plaignent|trompeuse?s?|mis en cause|faille|bloques?|refus d'indemnisation|licencie\w*|decus?|deception|critique\w*|epingle\w*
`;

/** Recommendation framing: a strong positive. */
const RECOMMEND = String.raw`
\bbest for\b|\bbest (?:overall|value|all-round|all-in-one|choice|pick|option|budget option|prices?|keyboard|camera|video)\b|\bideal (?:for|if|when)\b|\bperfect (?:for|if)\b
|top (?:pick|choice|recommendation)|my (?:default )?recommendation|our recommendation|recommended\b|\brecommend(?:s|ed)?\b|i'd (?:shortlist|look at)
|(?:safest|better|natural|pragmatic|obvious|default|first|great|good|solid|strong|easy|excellent|best) (?:choice|pick|option|bet|deal|value|fit|recommendation)
|industry standard|gold standard|market leader|the standard|go-to|unbeatable|hard to beat|can't go wrong|worth (?:it|a look|considering)|pays for itself
|\bconsider\b|\bsuggest\b|\bprefer\b|better (?:reviews|long-term)|\bwins\b|stayed up|more reliable|less stressful
|easiest|fastest|most (?:capable|complete|secure|reliable|versatile|polished)|well regarded|well reviewed|genuinely useful|solid
|ideale? pour|idea(?:l|ux|les?) si|parfait pour|parfaite pour|recommande\w*|notre (?:premier )?choix|notre recommandation|choix numero un|premier choix
|(?:la|une) reference|standards? du secteur|valeur sure|meilleure? (?:choix|option|rapport|appareil|prix|autonomie)|imbattables?|incontournable|indispensable|le plus (?:complet|simple|pratique|puissant|rapide)|la plus (?:complete|simple|pratique)
|tres credibles?|plus fiables?|plus avantageux|reste interessant|est interessant|conseillent|mieux vaut|preferable|pense pour|pensee pour|bien pense\w*|bien concu\w*|apprecie\w*|elue?
`;

/** Mild weaknesses and mild praise the lexicon lacks, mostly comparative ("moins intuitive", "lags behind"). */
const WEAKER = String.raw`
\bmoins (?:adapte|intuiti|riche|abouti|fiable|complet|pratique|transparent)\w*|vieillissant\w*|basiques?\b|\bless (?:transparent|intuitive|reliable|polished)
|lags? behind|limiting|\bdated\b|datee?s?\b|overwhelming|plus cheres?|(?:put|puts|ranks?|ranked) \w+ below|plasticky|hard to justify
`;
const MILDER = String.raw`
\bpremium\b|\bhandy\b|suffisant\w*|\bconvient\b|works fine|\bsolide\b|pratique|bien note\w*
`;

/** Price alone is a caveat about budget, not a weakness of the product: "great but expensive" stays praise. */
const PRICE = String.raw`
\b(?:expensive|pricey|pricier|costly)\b|\bcher\b|\bcheres?\b|couteu(?:x|se)\b|onereu(?:x|se)\b
`;

/** Hedges: a claim reported from others or qualified, which counts for less. */
const HEDGES = `
some users|some people|some models|reportedly|can feel|can be|may be|might|several (?:users|customers)|certains (?:utilisateurs|clients|vendeurs)|parfois|peut (?:etre|prendre)
`;

function compile(source: string): RegExp {
  const body = source
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join('');
  // Every phrase starts a word: the leading \b lets the engine give up at once inside words.
  return new RegExp(`\\b(?:${body.replace(/^\|/, '')})`, 'g');
}

export interface CueSet {
  re: RegExp;
  weight: number;
  /** Incidents: in an answer about one brand (a news answer), they are that brand's, not the regulator's or a rival's. */
  incident?: boolean;
}

/** Words the lexicon misreads in these answers: a price or a plan is a fact ("free tier"), "a reconnu" is "acknowledged". */
const FACTS = String.raw`
\bfree\b|gratuite?s?\b|a reconnu|ai resolution|build quality|reconnu (?:le|la|les)|if you're worried|open source
`;

/** In the order they are read: a phrase matched by an earlier set is hidden from the later ones. */
export const CUES: readonly CueSet[] = [
  { re: compile(FACTS), weight: 0 },
  { re: compile(NEGATED), weight: -3 },
  { re: compile(WARNINGS), weight: -3 },
  { re: compile(INCIDENTS), weight: -2, incident: true },
  { re: compile(RECOMMEND), weight: 2.5 },
  { re: compile(WEAKER), weight: -1.5 },
  { re: compile(PRICE), weight: -1 },
  { re: compile(MILDER), weight: 1 },
];

export const HEDGE = compile(HEDGES);

/** Headings and lead-in lines ("Top picks", "Avoid", "Nos recommandations"): the stance of the list under them. */
export const NEGATIVE_HEADING =
  /avoid|skip|steer clear|not recommended|complaints?|problems|drawbacks|red flags|a eviter|evitez|deconseill|inconvenients|problemes/;
export const POSITIVE_HEADING =
  /best|top|recommend|picks?\b|favou?rite|good options|shortlist|worth|choices|meilleur|recommand|selection|nos choix|appreciees?|plus utilisees?/;

/** A prompt asking for a recommendation ("best CRM for…", "quel outil choisir"): a list in the answer is a list of recommendations. */
export const RECOMMENDATION_PROMPT =
  /\b(?:best|top|recommend\w*|cheapest|alternatives?|should i|which|what(?:'s| is) the best|good|worth|safest?|most secure)\b|meilleur|quel(?:le)?s?\b|recommand|choisir|alternative|pas cher|conseill/;

/** Openings that carry on about the sentence before: a contrast, a concession, an addition, a summary. */
export const CONTINUATION =
  /^(?:but|however|that said|still|yet|also|overall|to be fair|honestly|in short|mais|cependant|toutefois|en revanche|par contre|neanmoins|pourtant|aussi|globalement|dans l'ensemble|en bref|honnetement)\b/;

/** Words opening a sentence that speaks of the brand of the sentence before ("It", "The company", "L'entreprise"). */
export const ANAPHORA =
  /^(?:overall,? |to be fair,? |still,? |that said,? |honestly,? |globalement,? |dans l'ensemble,? )?(?:it|its|it's|they|their|this|the (?:company|bank|app|tool|platform|service|operator|airline|regulator)|il|elle|son|sa|ses|c'est|ca|l'(?:entreprise|outil|editeur|operateur|application|offre)|la (?:societe|compagnie|neobanque|plateforme)|le (?:service|groupe))\b/;
