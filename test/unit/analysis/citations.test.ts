import { describe, expect, it } from 'vitest';
import {
  compileBrands,
  extractCitations,
  normalizeUrl,
  UNRESOLVED_GROUNDING_DOMAIN,
} from '../../../src/analysis/index.js';
import { parseGenerateContentBody } from '../../../src/providers/gemini-parse.js';
import type { ProviderCitation } from '../../../src/providers/types.js';

const brands = compileBrands([
  { id: 'hubspot', name: 'HubSpot', domains: ['hubspot.com'] },
  { id: 'google', name: 'Google', domains: ['google.com'] },
  { id: 'gcloud', name: 'Google Cloud', domains: ['https://cloud.google.com/'] },
]);

function annotation(
  url: string,
  title: string | null,
  start: number | null,
  origin: ProviderCitation['origin'] = 'annotation',
): ProviderCitation {
  return { url, title, start, end: start === null ? null : start + 5, citedText: null, origin };
}

describe('URL normalization', () => {
  it('lower-cases the host, drops the fragment and tracking parameters, keeps other parameters', () => {
    expect(normalizeUrl('HTTPS://WWW.Example.COM/Path?utm_source=chatgpt.com&id=7&gclid=x&fbclid=y#top')).toEqual({
      url: 'https://www.example.com/Path?id=7',
      host: 'www.example.com',
      domain: 'example.com',
    });
    expect(normalizeUrl('https://example.com/a?utm_medium=x')?.url).toBe('https://example.com/a');
  });

  it('takes registrable domains from the public suffix list', () => {
    expect(normalizeUrl('https://news.bbc.co.uk/x')?.domain).toBe('bbc.co.uk');
    expect(normalizeUrl('https://www.abc.net.au/news')?.domain).toBe('abc.net.au');
    expect(normalizeUrl('https://alice.github.io/blog')?.domain).toBe('alice.github.io');
    expect(normalizeUrl('http://192.168.1.10:8080/x')?.domain).toBe('192.168.1.10');
  });

  it('trims trailing punctuation, refuses what is not http(s)', () => {
    expect(normalizeUrl('https://example.com/page).')?.url).toBe('https://example.com/page');
    expect(normalizeUrl('https://en.wikipedia.org/wiki/Figma_(software)')?.url).toBe(
      'https://en.wikipedia.org/wiki/Figma_(software)',
    );
    expect(normalizeUrl('mailto:a@b.com')).toBeNull();
    expect(normalizeUrl('not a url at all')).toBeNull();
  });
});

describe('citation extraction', () => {
  it('orders annotations first (by position), then text links, then uncited sources, one per URL', () => {
    const text =
      'See [guide](https://blog.hubspot.com/guide?utm_source=x) and https://www.bbc.co.uk/news. Also example.co.uk.';
    const citations = extractCitations(
      {
        text,
        citations: [
          annotation('https://www.techradar.com/best', 'TechRadar', 40),
          annotation('https://www.g2.com/crm', 'G2', 3),
        ],
        sources: [
          { url: 'https://www.g2.com/crm#reviews', title: 'G2' },
          { url: 'https://www.reddit.com/r/sales', title: null },
        ],
      },
      brands,
    );
    expect(citations.map((c) => [c.position, c.source, c.url, c.domain, c.title, c.brandId])).toEqual([
      [1, 'annotation', 'https://www.g2.com/crm', 'g2.com', 'G2', null],
      [2, 'annotation', 'https://www.techradar.com/best', 'techradar.com', 'TechRadar', null],
      [3, 'link', 'https://blog.hubspot.com/guide', 'hubspot.com', 'guide', 'hubspot'],
      [4, 'link', 'https://www.bbc.co.uk/news', 'bbc.co.uk', null, null],
      [5, 'link', 'https://example.co.uk/', 'example.co.uk', null, null],
      [6, 'search_result', 'https://www.reddit.com/r/sales', 'reddit.com', null, null],
    ]);
  });

  it('keeps URLs from structured fields whole, percent-encoding what must be, unlike URLs in text', () => {
    const spaced = 'https://www.google.com/search?q=weather+in+San Francisco, CA,+US';
    const encoded = 'https://www.google.com/search?q=weather+in+San%20Francisco,%20CA,+US';
    const body = {
      candidates: [
        {
          content: { parts: [{ text: 'It is sunny in San Francisco.' }] },
          finishReason: 'STOP',
          groundingMetadata: {
            groundingChunks: [{ web: { uri: spaced, title: 'Weather in San Francisco' } }],
            groundingSupports: [
              {
                segment: { startIndex: 0, endIndex: 29, text: 'It is sunny in San Francisco.' },
                groundingChunkIndices: [0],
              },
            ],
          },
        },
      ],
    };
    const parsed = parseGenerateContentBody(body);
    expect(extractCitations(parsed, brands).map((c) => c.url)).toEqual([encoded]);
    // The same whole URL as an uncited source, and paths with spaces or a final period.
    const sources = [
      { url: spaced, title: null },
      { url: 'https://example.com/Annual Report 2026.pdf', title: null },
      { url: 'https://example.com/wiki/Inc.', title: null },
    ];
    expect(extractCitations({ text: 'No links here.', sources }, brands).map((c) => c.url)).toEqual([
      encoded,
      'https://example.com/Annual%20Report%202026.pdf',
      'https://example.com/wiki/Inc.',
    ]);
    // In text, a space still ends a URL.
    expect(extractCitations({ text: `See ${spaced} for more.` }, brands).map((c) => c.url)).toEqual([
      'https://www.google.com/search?q=weather+in+San',
    ]);
  });

  it('maps every provider origin to the annotation source', () => {
    const citations = extractCitations(
      {
        text: '',
        citations: [
          annotation('https://a.com', null, null, 'reference'),
          annotation('https://b.com', null, null, 'grounding'),
        ],
      },
      brands,
    );
    expect(citations.map((c) => c.source)).toEqual(['annotation', 'annotation']);
  });

  it('resolves Google grounding redirects through the chunk title, never counting the redirect host', () => {
    const redirect = 'https://vertexaisearch.cloud.google.com/grounding-api-redirect/AUZIYQ';
    const citations = extractCitations(
      {
        text: '',
        citations: [
          annotation(`${redirect}1`, 'hubspot.com', 0, 'grounding'),
          annotation(`${redirect}2`, 'cloud.google.com', 1, 'grounding'),
          annotation(`${redirect}3`, 'Best CRM tools of the year', 2, 'grounding'),
        ],
      },
      brands,
    );
    expect(citations.map((c) => [c.url, c.domain, c.brandId])).toEqual([
      [`${redirect}1`, 'hubspot.com', 'hubspot'],
      [`${redirect}2`, 'google.com', 'gcloud'],
      [`${redirect}3`, UNRESOLVED_GROUNDING_DOMAIN, null],
    ]);
  });

  it('gives a citation to the brand owning its domain or a parent domain, the most specific winning', () => {
    const citations = extractCitations(
      { text: 'https://google.com/a https://cloud.google.com/run https://maps.google.com' },
      brands,
    );
    expect(citations.map((c) => c.brandId)).toEqual(['google', 'gcloud', 'google']);
  });

  it('reads nested and doubled markdown links to their target, skipping images, e-mails and reasoning', () => {
    const text =
      '<think>https://secret.example.org</think>[[a.com](https://a.com/x)](https://a.com/x) [b]([https://b.com](https://b.com)) ' +
      '![logo](https://img.c.com/l.png) write to team@d.com or <mailto:x@e.com>, see <https://f.com/y>.';
    expect(extractCitations({ text }, brands).map((c) => c.url)).toEqual([
      'https://a.com/x',
      'https://b.com/',
      'https://f.com/y',
    ]);
  });

  it('does not take version numbers, file names or abbreviations for host names', () => {
    const text =
      'Use v1.2.3, edit README.md and main.py, e.g. with Node.js; see Figma.It is fine. But figma.com is one.';
    expect(extractCitations({ text }, brands).map((c) => c.domain)).toEqual(['figma.com']);
  });
});
