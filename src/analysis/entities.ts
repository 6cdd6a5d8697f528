/**
 * HTML entities seen in assistant answers (pasted HTML, escaped markdown): "AT&amp;T" is AT&T and
 * "&nbsp;Figma" is a space then Figma. Numeric references and the named entities that matter for
 * brand names, punctuation and accented Latin letters are decoded; anything else stays text.
 */

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
  rsquo: '\u2019',
  lsquo: '\u2018',
  rdquo: '\u201d',
  ldquo: '\u201c',
  laquo: '\u00ab',
  raquo: '\u00bb',
  sbquo: '\u201a',
  bdquo: '\u201e',
  prime: '\u2032',
  ndash: '\u2013',
  mdash: '\u2014',
  hellip: '\u2026',
  shy: '\u00ad',
  zwj: '\u200d',
  zwnj: '\u200c',
  copy: '\u00a9',
  reg: '\u00ae',
  trade: '\u2122',
  middot: '\u00b7',
  bull: '\u2022',
  euro: '\u20ac',
  pound: '\u00a3',
  yen: '\u00a5',
  cent: '\u00a2',
  times: '\u00d7',
  deg: '\u00b0',
  sect: '\u00a7',
  para: '\u00b6',
  iexcl: '\u00a1',
  iquest: '\u00bf',
  szlig: '\u00df',
  aelig: '\u00e6',
  AElig: '\u00c6',
  oelig: '\u0153',
  OElig: '\u0152',
  oslash: '\u00f8',
  Oslash: '\u00d8',
  aring: '\u00e5',
  Aring: '\u00c5',
  eth: '\u00f0',
  thorn: '\u00fe',
};

// Accented letters by pattern: &eacute; &Agrave; &ccedil; &ouml; …
const ACCENTS: Record<string, string> = {
  acute: '\u0301',
  grave: '\u0300',
  circ: '\u0302',
  uml: '\u0308',
  tilde: '\u0303',
  cedil: '\u0327',
};

export interface DecodedEntity {
  value: string;
  /** Index just after the ';'. */
  end: number;
}

/** Decodes the entity starting at text[i] === '&', or returns null when there is none. */
export function decodeEntityAt(text: string, i: number): DecodedEntity | null {
  const limit = Math.min(text.length, i + 12);
  let semi = -1;
  for (let k = i + 1; k < limit; k++) {
    const c = text.charCodeAt(k);
    if (c === 59 /* ; */) {
      semi = k;
      break;
    }
    const alnum = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 35; /* # */
    if (!alnum) return null;
  }
  if (semi <= i + 1) return null;
  const body = text.slice(i + 1, semi);
  let value: string | undefined;
  if (body.charCodeAt(0) === 35) {
    const hex = body[1] === 'x' || body[1] === 'X';
    const code = Number.parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10);
    if (Number.isFinite(code) && code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)) {
      value = String.fromCodePoint(code);
    }
  } else {
    value = NAMED[body];
    if (value === undefined && body.length >= 5) {
      const base = body[0] as string;
      const mark = ACCENTS[body.slice(1)];
      if (mark && /^[A-Za-z]$/.test(base)) value = (base + mark).normalize('NFC');
    }
  }
  return value === undefined ? null : { value, end: semi + 1 };
}
