import { describe, expect, it } from 'vitest';
import { mockAppAdapter } from '../../../src/providers/mock-app.js';
import { mockAdapter } from '../../../src/providers/mock.js';
import { getAdapter } from '../../../src/providers/registry.js';
import type { ConfigValidationError, ProviderAdapter, QueryInput } from '../../../src/providers/types.js';

const input = (
  adapter: ProviderAdapter,
  model: string,
  prompt: string,
  sampleIndex = 0,
  locale = 'en-US',
): QueryInput => ({
  prompt,
  locale,
  model,
  params: adapter.validateConfig(model, adapter === mockAdapter ? { webSearch: true } : {}),
  sampleIndex,
  attempt: 1,
});
const ctx = { timeoutMs: 1_000, credentials: {} };
const PROMPTS = [
  'What is the best CRM for a small startup?',
  'Which project management tool should a remote team use?',
  'Best email marketing platform for an online shop?',
  'What accounting software do freelancers like?',
  'Which design tool is best for prototyping?',
];

describe('mock_app', () => {
  it('answers in the LLM Scraper shape, on the app channel, with no key, the same way every time', async () => {
    const a = await mockAppAdapter.query(input(mockAppAdapter, 'chatgpt', PROMPTS[0] as string), ctx);
    const b = await mockAppAdapter.query(input(mockAppAdapter, 'chatgpt', PROMPTS[0] as string), ctx);
    expect(a.raw).toEqual(b.raw);
    expect(a.channel).toBe('app');
    expect(a.provider).toBe('mock_app');
    expect(a.raw).toMatchObject({
      status_code: 20000,
      tasks: [{ status_code: 20000, path: expect.arrayContaining(['chat_gpt', 'llm_scraper']) }],
    });
    // Inline source markers in the markdown, each citation placed on its own.
    expect(a.citations.length).toBeGreaterThanOrEqual(4);
    for (const c of a.citations) {
      expect(c.start).not.toBeNull();
      expect(a.text.slice(c.start ?? 0, c.end ?? 0)).toMatch(/^\[[a-z.]+\]\(https:\/\/.+\)$/);
    }
    expect(a.searchQueries).toHaveLength(2);
    expect(a.sources.length).toBeGreaterThan(0);
    // Stored bodies re-parse through the registry to the same answer.
    const again = getAdapter('mock_app').parse(a.raw);
    expect(again.text).toBe(a.text);
    expect(again.citations).toEqual(a.citations);
  });

  it('samples differ (the app has no temperature to pin), and the Gemini app has no fan-out queries', async () => {
    const texts = new Set<string>();
    for (let s = 0; s < 6; s++)
      texts.add((await mockAppAdapter.query(input(mockAppAdapter, 'chatgpt', PROMPTS[0] as string, s), ctx)).text);
    expect(texts.size).toBeGreaterThan(1);
    const gemini = await mockAppAdapter.query(input(mockAppAdapter, 'gemini', PROMPTS[1] as string, 0, 'fr-FR'), ctx);
    expect(gemini.searchQueries).toEqual([]);
    expect(gemini.text).toMatch(/^Voici ce que les utilisateurs recommandent/);
  });

  it('flattens a product carousel the markdown leaves out into text a person reads', async () => {
    let seen = 0;
    for (let s = 0; s < 8; s++) {
      const a = await mockAppAdapter.query(input(mockAppAdapter, 'chatgpt', PROMPTS[0] as string, s), ctx);
      if (!a.notes?.some((n) => n.includes('product card'))) continue;
      seen++;
      expect(a.text).toMatch(/\n- .+ plan (Starter|Pro) — \d+ USD — /);
    }
    expect(seen).toBeGreaterThan(0);
  });

  it('cites communities far more than the mock API surface does', async () => {
    const forum = /(^|\.)(reddit\.com|ycombinator\.com|quora\.com)$/;
    const share = async (adapter: ProviderAdapter, model: string) => {
      let all = 0;
      let forums = 0;
      for (const prompt of PROMPTS)
        for (let s = 0; s < 4; s++) {
          const answer = await adapter.query(input(adapter, model, prompt, s), ctx);
          for (const c of answer.citations) {
            all++;
            if (forum.test(new URL(c.url).hostname)) forums++;
          }
        }
      return forums / all;
    };
    const app = await share(mockAppAdapter, 'chatgpt');
    const api = await share(mockAdapter, 'mock-1');
    expect(app).toBeGreaterThan(0.6);
    expect(api).toBeLessThan(0.1);
  });

  it('refuses model parameters like the real app surface', () => {
    try {
      mockAppAdapter.validateConfig('chatgpt', { temperature: 0.3, systemPrompt: 'x' });
      expect.unreachable();
    } catch (err) {
      expect((err as ConfigValidationError).problems.map((p) => p.param)).toEqual(['temperature', 'systemPrompt']);
    }
    expect(() => mockAppAdapter.validateConfig('claude', {})).toThrow(/model: must be one of: "chatgpt", "gemini"/);
  });
});
