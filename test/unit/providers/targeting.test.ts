/**
 * Persona, location and language per provider: what each one accepts and refuses (with the
 * reason) when a configuration is saved, the effective location and language of a configuration,
 * and the persona, location and language as they reach each API's request on a fake server.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { anthropicAdapter } from '../../../src/providers/anthropic.js';
import { geminiAdapter } from '../../../src/providers/gemini.js';
import { mockAdapter } from '../../../src/providers/mock.js';
import { openaiCompatibleAdapter } from '../../../src/providers/openai-compatible.js';
import { openaiAdapter } from '../../../src/providers/openai.js';
import { perplexityAdapter } from '../../../src/providers/perplexity.js';
import { getAdapter } from '../../../src/providers/registry.js';
import { effectiveLanguage, effectiveLocation, systemTextOf } from '../../../src/providers/targeting.js';
import {
  ConfigValidationError,
  type ModelParams,
  type ProviderAdapter,
  type ProviderName,
} from '../../../src/providers/types.js';
import { FakeServer, fixture } from './fake-server.js';

const PERSONA = 'IT manager at a 200-person logistics company in Lyon';

function problems(provider: ProviderName, model: string, params: unknown): string[] {
  try {
    getAdapter(provider).validateConfig(model, params);
  } catch (err) {
    if (err instanceof ConfigValidationError) return err.problems.map((p) => `${p.param}: ${p.message}`);
    throw err;
  }
  return [];
}

const API_MODELS: Array<[ProviderName, string, Record<string, unknown>]> = [
  ['openai', 'gpt-4.1', {}],
  ['anthropic', 'claude-sonnet-5-5', {}],
  ['gemini', 'gemini-3.8-flash', {}],
  ['perplexity', 'openai/gpt-5.4', {}],
  ['openai_compatible', 'mistral-large-latest', { baseUrl: 'https://api.mistral.ai/v1' }],
  ['mock', 'mock-1', {}],
];

describe('persona at save time', () => {
  it.each(API_MODELS)('%s accepts a persona, trimmed', (provider, model, extra) => {
    const params = getAdapter(provider).validateConfig(model, { ...extra, persona: `  ${PERSONA}  ` });
    expect(params.persona).toBe(PERSONA);
  });

  it.each(API_MODELS)('%s refuses an empty or overlong persona, saying what to write', (provider, model, extra) => {
    expect(problems(provider, model, { ...extra, persona: '   ' })).toEqual([
      'persona: must not be empty: describe who is asking, e.g. "IT manager at a 200-person logistics company"',
    ]);
    expect(problems(provider, model, { ...extra, persona: 'x'.repeat(501) })).toEqual([
      'persona: must be at most 500 characters: a short description of who is asking',
    ]);
  });

  it.each([
    ['google_ai_overview', 'ai_overview', 'a search results page'],
    ['assistant_app', 'chatgpt', 'a captured assistant app'],
    ['mock_app', 'chatgpt', 'a captured assistant app'],
  ] as const)('%s refuses a persona with the reason', (provider, model, surface) => {
    const [problem] = problems(provider, model, { persona: PERSONA });
    expect(problem).toMatch(new RegExp(`^persona: not supported by ${provider}: ${surface}`));
    expect(problem).toContain('takes no system prompt');
    expect(getAdapter(provider).unsupportedParams['persona']).toBeDefined();
  });
});

describe('location and language at save time', () => {
  it.each([
    ['openai', 'gpt-4.1', { webSearch: true, userLocation: { country: 'FR', city: 'Lyon' } }],
    ['anthropic', 'claude-sonnet-5-5', { webSearch: true, userLocation: { country: 'FR', region: 'ARA' } }],
    ['perplexity', 'openai/gpt-5.4', { userLocation: { country: 'FR' }, locale: 'fr-FR' }],
    ['google_ai_overview', 'ai_overview', { userLocation: { country: 'FR', city: 'Lyon' }, locale: 'fr-FR' }],
    ['assistant_app', 'chatgpt', { locale: 'fr-FR' }],
    ['mock_app', 'chatgpt', { locale: 'de-DE' }],
    ['mock', 'mock-1', { userLocation: { country: 'DE' }, locale: 'de-DE' }],
  ] as const)('%s accepts them', (provider, model, params) => {
    expect(problems(provider, model, params)).toEqual([]);
  });

  it.each([
    [
      'gemini',
      'gemini-3.8-flash',
      { webSearch: true, userLocation: { country: 'FR' } },
      'userLocation: not supported by gemini: Google Search grounding in the Gemini API takes no location',
    ],
    [
      'gemini',
      'gemini-3.8-flash',
      { locale: 'fr-FR' },
      "locale: not supported by gemini: generateContent has no locale parameter; the prompt's language drives the answer",
    ],
    [
      'anthropic',
      'claude-sonnet-5-5',
      { locale: 'fr-FR' },
      "locale: not supported by anthropic: the Messages API has no locale parameter; the prompt's language drives the answer",
    ],
    [
      'openai',
      'gpt-4.1',
      { userLocation: { country: 'FR' } },
      'userLocation: only applies to web search; set webSearch to true',
    ],
    [
      'assistant_app',
      'chatgpt',
      { userLocation: { country: 'FR' } },
      'userLocation: not supported by assistant_app: the capture is placed by country from the locale\'s region (e.g. "fr-FR"); set locale instead',
    ],
    [
      'perplexity',
      'pro-search',
      { userLocation: { country: 'FR' } },
      'userLocation: a preset brings its own search tool; pin a model ("openai/gpt-5.4") to set userLocation',
    ],
    [
      'perplexity',
      'openai/gpt-5.4',
      { userLocation: { country: 'FR', timezone: 'Europe/Paris' } },
      "userLocation.timezone: the Agent API's search tool takes a country, region and city, not a time zone",
    ],
  ] as const)('%s refuses what it cannot take (%j)', (provider, model, params, want) => {
    expect(problems(provider, model, params)).toContain(want);
  });
});

describe('effective location and language', () => {
  it('comes from userLocation, else from the locale region on search pages and apps, else none', () => {
    expect(effectiveLocation('openai', { userLocation: { country: 'FR', city: 'Lyon' } })).toEqual({
      country: 'FR',
      region: null,
      city: 'Lyon',
    });
    expect(effectiveLocation('assistant_app', { locale: 'fr-FR' })).toEqual({
      country: 'FR',
      region: null,
      city: null,
    });
    expect(effectiveLocation('google_ai_overview', { locale: 'de-DE', userLocation: { country: 'AT' } })).toEqual({
      country: 'AT',
      region: null,
      city: null,
    });
    // Perplexity sends only the language of its locale; the locale does not place it anywhere.
    expect(effectiveLocation('perplexity', { locale: 'fr-FR' })).toBeNull();
    expect(effectiveLocation('mock', {})).toBeNull();
    expect(effectiveLanguage({ locale: 'pt-BR' })).toBe('pt');
    expect(effectiveLanguage({})).toBeNull();
  });

  it('puts the system prompt first, then a line naming the person asking', () => {
    expect(systemTextOf({ persona: PERSONA })).toBe(`The person asking: ${PERSONA}`);
    expect(systemTextOf({ systemPrompt: 'Answer in French.', persona: PERSONA })).toBe(
      `Answer in French.\n\nThe person asking: ${PERSONA}`,
    );
    expect(systemTextOf({ systemPrompt: 'Answer in French.' })).toBe('Answer in French.');
    expect(systemTextOf({})).toBeUndefined();
  });
});

describe('persona, location and language in each request', () => {
  let server: FakeServer;
  beforeEach(async () => {
    server = await FakeServer.start();
  });
  afterEach(async () => {
    await server.close();
  });
  const SYSTEM = `Be brief.\n\nThe person asking: ${PERSONA}`;

  async function send(adapter: ProviderAdapter, model: string, params: ModelParams, baseUrl: string) {
    return adapter.query(
      {
        prompt: 'Quel CRM pour une startup ?',
        locale: 'fr-FR',
        model,
        params: adapter.validateConfig(model, params),
        sampleIndex: 0,
        attempt: 1,
      },
      { timeoutMs: 5_000, credentials: { apiKey: 'test-key', baseUrl } },
    );
  }

  it('openai Responses: instructions and the search location', async () => {
    server.reply({ body: fixture('openai/responses-web-search.json') });
    const answer = await send(
      openaiAdapter,
      'gpt-4.1',
      { systemPrompt: 'Be brief.', persona: PERSONA, webSearch: true, userLocation: { country: 'FR', city: 'Lyon' } },
      `${server.url}/v1`,
    );
    const body = server.last.body as Record<string, unknown>;
    expect(body['instructions']).toBe(SYSTEM);
    expect(body['tools']).toEqual([
      { type: 'web_search', user_location: { type: 'approximate', country: 'FR', city: 'Lyon' } },
    ]);
    expect(answer.requestParams['instructions']).toBe(SYSTEM);
  });

  it('openai Chat: a system message', async () => {
    server.reply({ body: fixture('openai/chat-length.json') });
    await send(openaiAdapter, 'gpt-4.1', { api: 'chat', persona: PERSONA }, `${server.url}/v1`);
    const body = server.last.body as { messages: unknown[] };
    expect(body.messages[0]).toEqual({ role: 'system', content: `The person asking: ${PERSONA}` });
  });

  it('anthropic: system and the search tool location', async () => {
    server.reply({ body: fixture('anthropic/messages-web-search.json') });
    const answer = await send(
      anthropicAdapter,
      'claude-sonnet-5-5',
      { systemPrompt: 'Be brief.', persona: PERSONA, webSearch: true, userLocation: { country: 'FR', city: 'Lyon' } },
      server.url,
    );
    const body = server.last.body as Record<string, unknown>;
    expect(body['system']).toBe(SYSTEM);
    expect(body['tools']).toEqual([
      {
        type: 'web_search_20250305',
        name: 'web_search',
        user_location: { type: 'approximate', country: 'FR', city: 'Lyon' },
      },
    ]);
    expect(answer.requestParams['system']).toBe(SYSTEM);
  });

  it('gemini: systemInstruction', async () => {
    server.reply({ body: fixture('gemini/no-grounding.json') });
    const answer = await send(geminiAdapter, 'gemini-3.8-flash', { persona: PERSONA }, server.url);
    expect(JSON.stringify(server.last.body)).toContain(JSON.stringify(`The person asking: ${PERSONA}`));
    expect(JSON.stringify(answer.requestParams)).toContain(JSON.stringify(`The person asking: ${PERSONA}`));
  });

  it('perplexity: instructions, language_preference and the search location', async () => {
    server.reply({ body: fixture('perplexity/agent-response.json') });
    await send(
      perplexityAdapter,
      'openai/gpt-5.4',
      { systemPrompt: 'Be brief.', persona: PERSONA, locale: 'fr-FR', userLocation: { country: 'FR', city: 'Lyon' } },
      `${server.url}/v1`,
    );
    const body = server.last.body as Record<string, unknown>;
    expect(body['instructions']).toBe(SYSTEM);
    expect(body['language_preference']).toBe('fr');
    expect(body['tools']).toEqual([{ type: 'web_search', user_location: { country: 'FR', city: 'Lyon' } }]);
  });

  it('openai_compatible: a system message', async () => {
    server.reply({ body: fixture('openai_compatible/mistral-chat.json') });
    await send(
      openaiCompatibleAdapter,
      'mistral-large-latest',
      { baseUrl: `${server.url}/v1`, dialect: 'mistral', systemPrompt: 'Be brief.', persona: PERSONA },
      `${server.url}/v1`,
    );
    const body = server.last.body as { messages: unknown[] };
    expect(body.messages[0]).toEqual({ role: 'system', content: SYSTEM });
  });
});

describe('mock persona', () => {
  const input = (params: ModelParams) => ({
    prompt: 'What is the best CRM for a startup?',
    locale: 'en-US',
    model: 'mock-1',
    params: mockAdapter.validateConfig('mock-1', params),
    sampleIndex: 0,
    attempt: 1,
    knownBrands: ['HubSpot', 'Pipedrive', 'Salesforce'],
  });
  const ctx = { timeoutMs: 5_000, credentials: {} };

  it('answers each persona its own way, the same every time, and shows the system text it would send', async () => {
    const none = await mockAdapter.query(input({}), ctx);
    const again = await mockAdapter.query(input({}), ctx);
    const it1 = await mockAdapter.query(input({ persona: PERSONA }), ctx);
    const it1Again = await mockAdapter.query(input({ persona: PERSONA }), ctx);
    const other = await mockAdapter.query(input({ persona: 'Founder of a 5-person design studio' }), ctx);
    expect(again.text).toBe(none.text);
    expect(it1Again.text).toBe(it1.text);
    expect(new Set([none.text, it1.text, other.text]).size).toBe(3);
    expect(none.requestParams['system']).toBeUndefined();
    expect(it1.requestParams['system']).toBe(`The person asking: ${PERSONA}`);
  });

  it('answers in the configuration locale when one is set', async () => {
    const fr = await mockAdapter.query(input({ locale: 'fr-FR' }), ctx);
    const en = await mockAdapter.query(input({}), ctx);
    expect(fr.text).not.toBe(en.text);
  });
});
