/**
 * Every stored fixture parses through getAdapter(provider).parse, the path `citewatch analyze
 * --provider` takes, and every citation offset points inside the text in UTF-16 units.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { getAdapter, providerNames } from '../../../src/providers/registry.js';
import {
  citationMarkers,
  codePointToUtf16,
  resolveCharSpan,
  stripThinking,
  utf8ByteToUtf16,
} from '../../../src/providers/text.js';
import { fixture } from './fake-server.js';

const ROOT = fileURLToPath(new URL('../../fixtures/providers/', import.meta.url));
const providers = readdirSync(ROOT, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
const bodies = providers.flatMap((provider) =>
  readdirSync(`${ROOT}${provider}`)
    .filter((file) => !file.startsWith('error') && !file.includes('task-') && file.endsWith('.json'))
    .map((file) => [provider, file] as const),
);

describe('fixtures through the registry', () => {
  it('covers every provider but the mock', () => {
    expect(new Set(bodies.map(([p]) => p))).toEqual(new Set(providerNames().filter((p) => p !== 'mock')));
  });

  it.each(bodies)('%s/%s parses with sane offsets', (provider, file) => {
    const parsed = getAdapter(provider).parse(fixture(`${provider}/${file}`));
    expect(['stop', 'length', 'refusal', 'content_filter', 'incomplete', 'absent']).toContain(parsed.finish);
    for (const c of parsed.citations) {
      expect(c.url).toMatch(/^https?:\/\//);
      if (c.start !== null && c.end !== null) {
        expect(c.start).toBeGreaterThanOrEqual(0);
        expect(c.end).toBeGreaterThanOrEqual(c.start);
        expect(c.end).toBeLessThanOrEqual(parsed.text.length);
      }
    }
    expect(parsed.text).not.toMatch(/<think>/);
  });

  it('auto-detects shape variants of one provider', () => {
    expect(getAdapter('openai').parse(fixture('openai/responses-no-search.json')).text).toMatch(/^Popular CRMs/);
    expect(getAdapter('openai').parse(fixture('openai/chat-length.json')).finish).toBe('length');
    expect(getAdapter('perplexity').parse(fixture('perplexity/agent-response.json')).usage.searchCalls).toBe(2);
    expect(getAdapter('perplexity').parse(fixture('perplexity/sonar-legacy.json')).modelVersion).toBe('sonar');
    expect(getAdapter('google_ai_overview').parse(fixture('google_ai_overview/dataforseo-ai-mode.json')).finish).toBe(
      'stop',
    );
    expect(getAdapter('google_ai_overview').parse(fixture('google_ai_overview/serpapi-ai-mode.json')).finish).toBe(
      'stop',
    );
  });

  it('refuses a body of another provider with a message saying what it expected', () => {
    expect(() => getAdapter('anthropic').parse(fixture('openai/responses-no-search.json'))).toThrow(
      /not an Anthropic Messages body/,
    );
    expect(() => getAdapter('gemini').parse({})).toThrow(/not a Gemini generateContent body/);
    expect(() =>
      getAdapter('google_ai_overview').parse(fixture('google_ai_overview/dataforseo-task-error.json')),
    ).toThrow(/task failed: 40501/);
  });
});

describe('offset helpers', () => {
  it('converts UTF-8 byte offsets to UTF-16 indices', () => {
    const text = 'é☕🚀x';
    expect(utf8ByteToUtf16(text, 0)).toBe(0);
    expect(utf8ByteToUtf16(text, 2)).toBe(1); // é is 2 bytes
    expect(utf8ByteToUtf16(text, 5)).toBe(2); // ☕ is 3 bytes
    expect(utf8ByteToUtf16(text, 9)).toBe(4); // 🚀 is 4 bytes, 2 UTF-16 units
    expect(utf8ByteToUtf16(text, 10)).toBe(5);
    expect(utf8ByteToUtf16(text, 3)).toBeNull(); // inside ☕
    expect(utf8ByteToUtf16(text, 11)).toBeNull();
  });

  it('converts code points and picks the reading that covers the cited URL', () => {
    const text = '🚀 see [a](https://a.example/)';
    expect(codePointToUtf16(text, 2)).toBe(3);
    const link = '[a](https://a.example/)';
    const points = {
      start: [...text.slice(0, text.indexOf(link))].length,
      end: [...text.slice(0, text.indexOf(link))].length + link.length,
    };
    expect(resolveCharSpan(text, points.start, points.end, 'https://a.example/')).toEqual({
      start: text.indexOf(link),
      end: text.length,
    });
    // Given in UTF-16 units already: the slice containing the URL wins.
    expect(resolveCharSpan(text, text.indexOf(link), text.length, 'https://a.example/')).toEqual({
      start: text.indexOf(link),
      end: text.length,
    });
    expect(resolveCharSpan('short', 3, 99, null)).toBeNull();
  });

  it('strips think blocks and maps offsets past them', () => {
    const s = stripThinking('<think>plan [1]</think>\n\nAnswer [1].');
    expect(s.text).toBe('Answer [1].');
    expect(s.map(25 + 7)).toBe(7);
    expect(stripThinking('<think>never closed').text).toBe('');
    expect(citationMarkers('A [1][2], B [3, 4] and [link](x) [5](y)').map((m) => m.n)).toEqual([1, 2, 3, 4]);
  });
});
