import { describe, expect, it } from 'vitest';
import {
  compileBrands,
  extractCitations,
  findMentions,
  normalizeUrl,
  type BrandDefinition,
} from '../../../src/analysis/index.js';
// The benchmark's seeded generator: a failure can be replayed from its seed.
import { rng } from '../../../bench/lib/analysis-corpus.js';

// Analysis takes shortcuts where the general way would give the same answer: URLs normalized
// without the WHATWG parser when nothing in them needs it, plain ASCII link texts checked
// without Unicode classes, ASCII text read without folding. Each test here drives a shortcut and
// the general way side by side, on inputs built to sit on both sides of the shortcut's limits.

const pick = <T>(r: () => number, items: readonly T[]): T => items[Math.floor(r() * items.length)] as T;

/** What new URL() makes of an http(s) URL with no tracking parameter: the normalized form by definition. */
function parsed(raw: string): { url: string; host: string } | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  const host = url.hostname.endsWith('.') ? url.hostname.slice(0, -1) : url.hostname;
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !/[.:]/.test(host)) return null;
  return { url: `${url.protocol}//${host}${url.port ? `:${url.port}` : ''}${url.pathname}${url.search}`, host };
}

describe('URL normalization without the parser', () => {
  const SCHEMES = ['https://', 'http://', 'HTTPS://', 'hTTp://'];
  const HOSTS = [
    'example.com',
    'WWW.Example.COM',
    'news.bbc.co.uk',
    'a-b.example.org',
    'x1.io',
    'xn--bcher-kva.ch',
    'XN--bcher-kva.ch',
    '192.168.0.1',
    '10.0.0.1.',
    '0x7f.1',
    'a.0x10',
    'example.123',
    'example.com.',
    'a..example.com',
    '.example.com',
    'example.com:443',
    'example.com:8080',
    'user@example.com',
    'ex%41mple.com',
    'münchen.de',
    '[::1]',
    'a.b-',
    'a_b.example.com',
  ];
  const SEGMENTS = [
    'a',
    'B',
    '.',
    '..',
    '%2e',
    '%2E%2e',
    'a.b',
    '...',
    'x_(y)',
    "it's",
    'a;b=c',
    'a@b:c',
    'a%20b',
    'a b',
    'a\\b',
    'é',
    '~u',
    'a^b',
    'a`b',
    'a{b}',
    'a|b',
    '',
    'a"b',
    'a<b',
  ];
  const PAIRS = [
    'a=1',
    'b=',
    'c',
    'id=7',
    'q=a+b',
    "x='y'",
    'x="y"',
    'x=<y>',
    'x=a%20b',
    'x=é',
    'x=a b',
    'x=`y`',
    'x={y}',
    'x=^',
    '',
    'x=a?b',
    'x=a/b:c@d',
  ];
  const FRAGMENTS = ['', '#', '#top', '#a b', '#é', '#a#b'];

  function randomUrl(r: () => number): string {
    let url = pick(r, SCHEMES) + pick(r, HOSTS);
    const depth = Math.floor(r() * 4);
    for (let k = 0; k < depth; k++) url += `/${pick(r, SEGMENTS)}`;
    if (r() < 0.2) url += '/';
    if (r() < 0.6) {
      const pairs = Array.from({ length: Math.floor(r() * 4) }, () => pick(r, PAIRS));
      url += `?${pairs.join('&')}`;
    }
    return url + pick(r, FRAGMENTS);
  }

  it('gives what the WHATWG parser gives, for URLs on both sides of the shortcut', () => {
    const r = rng(20261203);
    let compared = 0;
    for (let k = 0; k < 20_000; k++) {
      const raw = randomUrl(r);
      const expected = parsed(raw);
      const got = normalizeUrl(raw, true);
      if (expected === null) {
        expect(got, raw).toBeNull();
        continue;
      }
      compared++;
      expect(got && { url: got.url, host: got.host }, raw).toEqual(expected);
    }
    expect(compared).toBeGreaterThan(15_000);
  });

  it('lower-cases scheme and host, adds the root path, drops the fragment and an empty query', () => {
    expect(normalizeUrl('HTTPS://WWW.G2.com?#x')).toEqual({
      url: 'https://www.g2.com/',
      host: 'www.g2.com',
      domain: 'g2.com',
    });
    expect(normalizeUrl('http://Example.co.uk/A/b?x=1#frag')?.url).toBe('http://example.co.uk/A/b?x=1');
  });

  it('leaves to the parser what it rewrites: dot segments, ports, IP addresses, Punycode, encoded and non-ASCII text', () => {
    expect(normalizeUrl('https://example.com/a/./b/../c')?.url).toBe('https://example.com/a/c');
    expect(normalizeUrl('https://example.com/a/%2e%2E/c')?.url).toBe('https://example.com/c');
    expect(normalizeUrl('https://example.com:443/x')?.url).toBe('https://example.com/x');
    expect(normalizeUrl('http://0x7f.1/x')?.host).toBe('127.0.0.1');
    expect(normalizeUrl('https://www.example.com/a b?q="x"', true)?.url).toBe(
      'https://www.example.com/a%20b?q=%22x%22',
    );
    expect(normalizeUrl("https://example.com/it's?q='x'", true)?.url).toBe("https://example.com/it's?q=%27x%27");
    expect(normalizeUrl('https://münchen.de/straße')?.url).toBe('https://xn--mnchen-3ya.de/stra%C3%9Fe');
    expect(normalizeUrl('https://example.com\\a\\b')?.url).toBe('https://example.com/a/b');
  });

  it('removes tracking parameters and keeps the others in order, as written', () => {
    expect(normalizeUrl('https://example.com/p?utm_source=a&id=1&&gclid=2&Q=x&UTM_medium=b&fbclid')?.url).toBe(
      'https://example.com/p?id=1&Q=x',
    );
    expect(normalizeUrl('https://example.com/p?utm_source=a&gclid=b')?.url).toBe('https://example.com/p');
    expect(normalizeUrl('https://example.com/p?ref=1&ref_src=twsrc')?.url).toBe('https://example.com/p?ref=1');
  });
});

describe('link texts as citation titles', () => {
  /** The rule for a label kept as it is, by its definition (Unicode classes), and the cleaning otherwise. */
  function expectedTitle(label: string): string | null {
    if (/^[\p{L}\p{N}][^*_`[\]\s]*(?: [^*_`[\]\s]+)*$/u.test(label) && /\p{L}/u.test(label)) return label;
    const t = label
      .replace(/[*_`]+/g, '')
      .replace(/^\[+|\]+$/g, '')
      .replace(/\s+/g, ' ')
      .trim();
    return t.length === 0 || /^[\d\s.,;:()[\]†-]+$/.test(t) ? null : t;
  }

  it('keeps plain labels as written and cleans the others, ASCII or not', () => {
    const brands = compileBrands([]);
    // Brackets only in pairs: an unbalanced one makes the text no markdown link at all.
    const units = [
      'a',
      'B',
      'z',
      '0',
      '7',
      ' ',
      ' ',
      '  ',
      '*',
      '_',
      '`',
      '[x]',
      '[[y]]',
      '.',
      '-',
      '(',
      ')',
      '\t',
      '\u000b',
      '!',
      'é',
      'Ω',
      '†',
      '’',
      '\u00a0',
      '中',
    ];
    const r = rng(77);
    let kept = 0;
    for (let k = 0; k < 5_000; k++) {
      let label = '';
      const length = 1 + Math.floor(r() * 12);
      for (let q = 0; q < length; q++) label += pick(r, units);
      if ((label.match(/\[/g) ?? []).length !== (label.match(/\]/g) ?? []).length || label.includes('](')) continue;
      const text = `See [${label}](https://example.com/p${k}).`;
      const citation = extractCitations({ text }, brands).find((c) => c.url === `https://example.com/p${k}`);
      const written = label;
      if (!citation) continue;
      const title = expectedTitle(written);
      if (title === written) kept++;
      expect(citation.title, JSON.stringify(written)).toBe(title);
    }
    expect(kept).toBeGreaterThan(500);
  });
});

const BRANDS: BrandDefinition[] = [
  { id: 'hubspot', name: 'HubSpot' },
  { id: 'societe', name: 'Société Générale' },
  { id: 'alan', name: 'Alan' },
  { id: 'gcloud', name: 'Google Cloud', aliases: ['GCP'] },
  { id: 'att', name: 'AT&T' },
  { id: 'notion', name: 'Notion', caseSensitive: true },
];
const compiled = compileBrands(BRANDS);

function spans(text: string): string {
  return JSON.stringify(findMentions(compiled, text).map((m) => [BRANDS[m.brandIndex]?.id, m.spans]));
}

describe('mentions in ASCII and non-ASCII text', () => {
  it('give the same spans when non-ASCII characters that fold to nothing or to ASCII are put around them', () => {
    const words = [
      'HubSpot',
      'hubspot',
      'Societe Generale',
      'Alan',
      'Google Cloud',
      'GCP',
      'AT&T',
      'Notion',
      'notion',
      'go-to',
      'it',
      's',
      'and',
      'the',
      'x.com',
    ];
    const seps = [' ', ', ', '. ', ' (', ') ', '\n', ' - ', '; '];
    const r = rng(5150);
    for (let k = 0; k < 2_000; k++) {
      const parts: string[] = [];
      for (let q = 0; q < 8; q++) parts.push(pick(r, words), pick(r, seps));
      const ascii = parts.join('');
      // The same text with a non-ASCII separator of the same length: offsets stay the same.
      const wide = ascii.replace(/ /g, () => (r() < 0.3 ? '\u00a0' : ' '));
      expect(spans(wide), JSON.stringify(wide)).toBe(spans(ascii));
      // Emoji (two UTF-16 units) before the text shift every offset by two.
      const shifted = JSON.parse(spans(`🚀${ascii}`)) as Array<[string, Array<[number, number]>]>;
      const plain = JSON.parse(spans(ascii)) as Array<[string, Array<[number, number]>]>;
      expect(
        shifted.map(([id, s]) => [id, s.map(([a, b]) => [a - 2, b - 2])]),
        ascii,
      ).toEqual(plain);
    }
  });
});
