import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { geminiAdapter } from '../../../src/providers/gemini.js';
import type { ModelParams, QueryContext, QueryInput } from '../../../src/providers/types.js';
import { FakeServer, failure, fixture } from './fake-server.js';

let server: FakeServer;
beforeAll(() => {
  // Gemini 3.8 Flash changes price on 2027-01-01: pin the calendar, not the timers.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-28T12:00:00Z'));
});
afterAll(() => {
  vi.useRealTimers();
});
beforeEach(async () => {
  server = await FakeServer.start();
});
afterEach(async () => {
  await server.close();
});

const ctx = (over: Partial<QueryContext> = {}): QueryContext => ({
  timeoutMs: 5_000,
  credentials: { apiKey: 'AIza-test', baseUrl: server.url },
  ...over,
});
const query = (params: ModelParams, model = 'gemini-3.8-flash'): QueryInput => ({
  prompt: 'Quel CRM pour une startup ?',
  locale: 'fr-FR',
  model,
  params: geminiAdapter.validateConfig(model, params),
  sampleIndex: 0,
  attempt: 1,
});
const REDIRECT = 'https://vertexaisearch.cloud.google.com/grounding-api-redirect/';

describe('gemini adapter', () => {
  it('converts byte offsets to UTF-16, resolves redirects through domain titles, keeps unknown fields in raw', async () => {
    const raw = { ...fixture('gemini/grounded.json'), futureField: { kept: true } };
    server.reply({ body: raw });
    const answer = await geminiAdapter.query(
      query({
        webSearch: true,
        temperature: 1,
        topP: 0.95,
        seed: 7,
        maxOutputTokens: 2048,
        reasoningEffort: 'low',
        systemPrompt: 'Réponds en français.',
      }),
      ctx(),
    );
    const part1 = 'Pour un café ☕ ou une startup 🚀, Salesforce domine le marché. ';
    const part2 = 'HubSpot est très apprécié pour son offre gratuite. Notion sert aussi de mini-CRM.';
    expect(answer.text).toBe(part1 + part2); // the thought part is not in the answer
    const span = (s: string) => ({ start: answer.text.indexOf(s), end: answer.text.indexOf(s) + s.length });
    const s1 = 'Salesforce domine le marché.';
    const s2 = 'HubSpot est très apprécié pour son offre gratuite.';
    const s3 = 'Notion sert aussi de mini-CRM.';
    expect(answer.citations).toEqual([
      {
        url: 'https://salesforce.com/',
        providerUrl: `${REDIRECT}AUZIYQE1salesforce`,
        title: 'salesforce.com',
        ...span(s1),
        citedText: s1,
        origin: 'grounding',
      },
      {
        url: `${REDIRECT}AUZIYQG3blog`,
        title: 'Les 10 meilleurs CRM en 2026 - Blog du Modérateur',
        ...span(s1),
        citedText: s1,
        origin: 'grounding',
      },
      {
        url: 'https://hubspot.fr/',
        providerUrl: `${REDIRECT}AUZIYQF2hubspot`,
        title: 'hubspot.fr',
        ...span(s2),
        citedText: s2,
        origin: 'grounding',
      },
      {
        url: 'https://notion.com/',
        providerUrl: `${REDIRECT}AUZIYQH4notion`,
        title: 'notion.com',
        ...span(s3),
        citedText: s3,
        origin: 'grounding',
      },
    ]);
    expect(answer.citations.map((c) => answer.text.slice(c.start ?? 0, c.end ?? 0))).toEqual([s1, s1, s2, s3]);
    expect(answer.sources.map((s) => s.url)).toEqual([
      'https://salesforce.com/',
      'https://hubspot.fr/',
      `${REDIRECT}AUZIYQG3blog`,
      'https://notion.com/',
    ]);
    expect(answer.searchQueries).toEqual(['meilleur crm startup 2026', 'part de marché crm']);
    expect(answer.usage).toEqual({
      inputTokens: 312,
      outputTokens: 110,
      reasoningTokens: 50,
      cachedInputTokens: 0,
      searchCalls: 2,
    });
    // 312 x $0.75/M + 110 x $3.75/M + 2 queries x $0.014
    expect(answer.costUsd).toBeCloseTo(0.000234 + 0.0004125 + 0.028, 10);
    expect(answer.finish).toBe('stop');
    expect(answer.requestId).toBe('gem-resp-7f3a');
    expect(answer.modelVersion).toBe('gemini-3.8-flash');
    expect(answer).toMatchObject({ provider: 'gemini', api: 'generate_content', channel: 'api' });
    expect(answer.raw).toEqual(raw);

    expect(server.last.url).toBe('/v1beta/models/gemini-3.8-flash:generateContent');
    expect(server.last.headers['x-goog-api-key']).toBe('AIza-test');
    const sent = {
      contents: [{ parts: [{ text: 'Quel CRM pour une startup ?' }], role: 'user' }],
      systemInstruction: { parts: [{ text: 'Réponds en français.' }], role: 'user' },
      tools: [{ googleSearch: {} }],
      generationConfig: {
        temperature: 1,
        topP: 0.95,
        seed: 7,
        maxOutputTokens: 2048,
        thinkingConfig: { thinkingLevel: 'LOW' },
      },
    };
    expect(server.last.body).toEqual(sent);
    expect(answer.requestParams).toEqual({ model: 'gemini-3.8-flash', ...sent });
  });

  it('answers without grounding have no citations and no tools', async () => {
    server.reply({ body: fixture('gemini/no-grounding.json') });
    const answer = await geminiAdapter.query(query({}), ctx());
    // The SDK always serialises a (here empty) generationConfig once a config object is passed.
    expect(server.last.body).toEqual({
      contents: [{ parts: [{ text: 'Quel CRM pour une startup ?' }], role: 'user' }],
      generationConfig: {},
    });
    expect(answer.text).toBe('Salesforce, HubSpot et Pipedrive sont des CRM populaires.');
    expect(answer.citations).toEqual([]);
    expect(answer.sources).toEqual([]);
    expect(answer.usage.searchCalls).toBe(0);
  });

  it('MAX_TOKENS is finish length and thinking counts as output', async () => {
    server.reply({ body: fixture('gemini/max-tokens.json') });
    const answer = await geminiAdapter.query(query({ maxOutputTokens: 128 }), ctx());
    expect(answer.finish).toBe('length');
    expect(answer.usage).toEqual({
      inputTokens: 10,
      outputTokens: 128,
      reasoningTokens: 120,
      cachedInputTokens: 0,
      searchCalls: 0,
    });
  });

  it('a blocked prompt is a content_filter result with a note', async () => {
    server.reply({ body: fixture('gemini/blocked.json') }, { body: fixture('gemini/safety.json') });
    const blocked = await geminiAdapter.query(query({}), ctx());
    expect(blocked).toMatchObject({ finish: 'content_filter', text: '', notes: ['prompt blocked: SAFETY'] });
    expect((await geminiAdapter.query(query({}), ctx())).finish).toBe('content_filter');
  });

  it('429 with RetryInfo waits for retryDelay; a per-day quota is permanent', async () => {
    server.reply(
      { status: 429, body: fixture('gemini/error-429-retry-info.json') },
      { status: 429, body: fixture('gemini/error-429-daily-quota.json') },
    );
    expect(await failure(geminiAdapter.query(query({}), ctx()))).toMatchObject({
      kind: 'rate_limited',
      status: 429,
      code: 'RESOURCE_EXHAUSTED',
      retryAfterMs: 17_000,
      message: 'Resource has been exhausted (e.g. check quota).',
    });
    expect(await failure(geminiAdapter.query(query({}), ctx()))).toMatchObject({
      kind: 'permanent',
      status: 429,
      code: 'daily_quota_exhausted',
      retryAfterMs: null,
    });
  });

  it('503 is transient with one HTTP call; 400 is permanent with the message', async () => {
    server.reply(
      { status: 503, body: fixture('gemini/error-503.json') },
      { status: 400, body: fixture('gemini/error-400.json') },
    );
    expect(await failure(geminiAdapter.query(query({}), ctx()))).toMatchObject({
      kind: 'transient',
      status: 503,
      code: 'UNAVAILABLE',
    });
    expect(server.requests).toHaveLength(1);
    expect(await failure(geminiAdapter.query(query({}), ctx()))).toMatchObject({
      kind: 'permanent',
      status: 400,
      code: 'INVALID_ARGUMENT',
      message: 'Thinking level MINIMAL is not supported for this model.',
    });
  });

  it('a 500 HTML page is still classified by its status', async () => {
    server.reply({ status: 500, body: '<html>oops</html>', headers: { 'content-type': 'text/html' } });
    expect(await failure(geminiAdapter.query(query({}), ctx()))).toMatchObject({ kind: 'transient', status: 500 });
  });

  it('times out as transient when the provider never answers', async () => {
    server.reply({ hang: true });
    expect(await failure(geminiAdapter.query(query({}), ctx({ timeoutMs: 50 })))).toMatchObject({
      kind: 'transient',
      code: 'timeout',
    });
  });

  it('malformed JSON is permanent; an empty answer is transient', async () => {
    server.reply(
      { body: '{"candidates": [' },
      {
        body: { candidates: [{ finishReason: 'STOP', content: { role: 'model', parts: [] } }], responseId: 'r-empty' },
      },
    );
    expect(await failure(geminiAdapter.query(query({}), ctx()))).toMatchObject({
      kind: 'permanent',
      code: 'malformed_response',
    });
    expect(await failure(geminiAdapter.query(query({}), ctx()))).toMatchObject({
      kind: 'transient',
      code: 'empty_answer',
      details: { requestId: 'r-empty' },
    });
  });

  it('parse() reproduces the query result from the stored raw body', async () => {
    server.reply({ body: fixture('gemini/grounded.json') });
    const answer = await geminiAdapter.query(query({ webSearch: true }), ctx());
    const parsed = geminiAdapter.parse(answer.raw);
    expect(parsed.text).toBe(answer.text);
    expect(parsed.citations).toEqual(answer.citations);
    expect(parsed.usage).toEqual(answer.usage);
  });
});
