import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { openaiCompatibleAdapter } from '../../../src/providers/openai-compatible.js';
import {
  ConfigValidationError,
  type ModelParams,
  type QueryContext,
  type QueryInput,
} from '../../../src/providers/types.js';
import { FakeServer, failure, fixture } from './fake-server.js';

let server: FakeServer;
beforeAll(() => {
  // A Saturday: DeepSeek's off-peak prices apply.
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
  credentials: { apiKey: 'compat-key' },
  ...over,
});
const query = (model: string, params: ModelParams): QueryInput => ({
  prompt: 'Quel CRM pour une startup ?',
  locale: 'fr-FR',
  model,
  params: openaiCompatibleAdapter.validateConfig(model, { baseUrl: `${server.url}/v1`, ...params }),
  sampleIndex: 0,
  attempt: 1,
});
const USER = [{ role: 'user', content: 'Quel CRM pour une startup ?' }];

function problems(model: string, params: unknown): string[] {
  try {
    openaiCompatibleAdapter.validateConfig(model, params);
  } catch (err) {
    if (err instanceof ConfigValidationError) return err.problems.map((p) => `${p.param}: ${p.message}`);
    throw err;
  }
  return [];
}

describe('openai_compatible adapter', () => {
  it('OpenRouter: server web-search tool, annotations with snippets, reported cost', async () => {
    server.reply({ body: fixture('openai_compatible/openrouter-web-search.json') });
    const answer = await openaiCompatibleAdapter.query(
      query('openai/gpt-5.4-mini', { dialect: 'openrouter', webSearch: true, seed: 4, maxOutputTokens: 500 }),
      ctx(),
    );
    expect(server.last.url).toBe('/v1/chat/completions');
    expect(server.last.headers['authorization']).toBe('Bearer compat-key');
    expect(server.last.body).toEqual({
      model: 'openai/gpt-5.4-mini',
      messages: USER,
      seed: 4,
      max_tokens: 500,
      tools: [{ type: 'openrouter:web_search', parameters: {} }],
    });
    const folk = '[Folk](https://www.folk.app/)';
    const attio = '[Attio](https://attio.com/)';
    expect(answer.citations).toEqual([
      {
        url: 'https://www.folk.app/',
        title: 'folk — the CRM for agencies',
        start: answer.text.indexOf(folk),
        end: answer.text.indexOf(folk) + folk.length,
        citedText: 'folk is a lightweight CRM…',
        origin: 'annotation',
      },
      {
        url: 'https://attio.com/',
        title: 'Attio CRM',
        start: answer.text.indexOf(attio),
        end: answer.text.indexOf(attio) + attio.length,
        citedText: 'Attio is the AI-native CRM…',
        origin: 'annotation',
      },
    ]);
    expect(answer.costUsd).toBe(0.02391);
    expect(answer.providerCostUsd).toBe(0.02391);
    expect(answer.requestId).toBe('gen-1764300000-abc');
    expect(answer).toMatchObject({
      provider: 'openai_compatible',
      api: 'chat',
      channel: 'api',
      modelVersion: 'openai/gpt-5.4-mini',
    });
    expect(answer.requestParams).toMatchObject({ baseUrl: `${server.url}/v1`, model: 'openai/gpt-5.4-mini' });
  });

  it('DeepSeek: <think> stripped, cost from the dated table at the off-peak rate', async () => {
    server.reply({ body: fixture('openai_compatible/deepseek-reasoner.json') });
    const answer = await openaiCompatibleAdapter.query(
      query('deepseek-v4-pro', { dialect: 'deepseek', temperature: 0.5 }),
      ctx(),
    );
    expect(server.last.body).toEqual({ model: 'deepseek-v4-pro', messages: USER, temperature: 0.5 });
    expect(answer.text).toBe('Les CRM les plus connus sont Salesforce, HubSpot et Zoho.');
    expect(answer.usage).toEqual({
      inputTokens: 20,
      outputTokens: 150,
      reasoningTokens: 120,
      cachedInputTokens: 0,
      searchCalls: 0,
    });
    expect(answer.costUsd).toBeCloseTo((20 * 0.66 + 150 * 1.98) / 1e6, 12);
  });

  it('Mistral: the seed is sent as random_seed', async () => {
    server.reply({ body: fixture('openai_compatible/mistral-chat.json') });
    const answer = await openaiCompatibleAdapter.query(
      query('mistral-medium-latest', { dialect: 'mistral', seed: 42, systemPrompt: 'Réponds en français.' }),
      ctx(),
    );
    expect(server.last.body).toEqual({
      model: 'mistral-medium-latest',
      messages: [{ role: 'system', content: 'Réponds en français.' }, ...USER],
      random_seed: 42,
    });
    expect(answer.costUsd).toBeCloseTo((15 * 1.5 + 18 * 7.5) / 1e6, 12);
  });

  it('xAI: Responses API with the web_search tool, top-level citations kept as sources', async () => {
    server.reply({ body: fixture('openai_compatible/xai-responses.json'), headers: { 'x-request-id': 'xai-req-1' } });
    const answer = await openaiCompatibleAdapter.query(query('grok-4.7', { dialect: 'xai', webSearch: true }), ctx());
    expect(server.last.url).toBe('/v1/responses');
    expect(server.last.body).toEqual({
      model: 'grok-4.7',
      input: 'Quel CRM pour une startup ?',
      store: false,
      tools: [{ type: 'web_search' }],
    });
    const link = '[hubspot.com](https://www.hubspot.com/)';
    expect(answer.citations).toEqual([
      {
        url: 'https://www.hubspot.com/',
        title: '1',
        start: answer.text.indexOf(link),
        end: answer.text.indexOf(link) + link.length,
        citedText: null,
        origin: 'annotation',
      },
    ]);
    expect(answer.sources).toEqual([
      { url: 'https://www.hubspot.com/', title: null },
      { url: 'https://x.com/hubspot/status/1', title: null },
    ]);
    expect(answer.searchQueries).toEqual(['best crm startups 2026']);
    expect(answer.api).toBe('responses');
    expect(answer.requestId).toBe('xai-req-1');
  });

  it('Ollama: no key needed, cost 0', async () => {
    server.reply({ body: fixture('openai_compatible/ollama-chat.json') });
    const answer = await openaiCompatibleAdapter.query(
      query('llama3.2', { dialect: 'ollama', temperature: 0, seed: 1 }),
      ctx({ credentials: {} }),
    );
    expect(server.last.headers['authorization']).toBe('Bearer ollama');
    expect(server.last.body).toEqual({ model: 'llama3.2', messages: USER, temperature: 0, seed: 1 });
    expect(answer.costUsd).toBe(0);
  });

  it('validates base URL, dialect capabilities and API-specific parameters', () => {
    expect(problems('x', {})).toEqual(['baseUrl: is required: the endpoint, e.g. https://api.mistral.ai/v1']);
    expect(problems('x', { baseUrl: 'ftp://example.com' })).toEqual([
      'baseUrl: must be an http or https URL, e.g. https://api.mistral.ai/v1',
    ]);
    expect(problems('mistral-medium-latest', { baseUrl: 'https://api.mistral.ai/v1', webSearch: true })).toEqual([
      'webSearch: not available: Mistral searches only through its Conversations API, which Citewatch does not call',
    ]);
    expect(problems('grok-4.7', { baseUrl: 'https://api.x.ai/v1', seed: 3 })).toEqual([
      'seed: the Responses API has no seed; use api "chat"',
    ]);
    expect(problems('openai/gpt-5.4', { baseUrl: 'https://openrouter.ai/api/v1', temperature: 0.2 })[0]).toMatch(
      /^temperature: openai\/gpt-5.4 accepts it only with reasoningEffort "none"/,
    );
    expect(openaiCompatibleAdapter.validateConfig('deepseek-flash', { baseUrl: 'https://api.deepseek.com' })).toEqual({
      baseUrl: 'https://api.deepseek.com',
      webSearch: false,
      api: 'chat',
      dialect: 'deepseek',
    });
  });

  it('errors: 402 permanent, 429 rate_limited, 502 transient (one call), timeout, malformed JSON', async () => {
    server.reply(
      { status: 402, body: { error: { code: 402, message: 'Insufficient credits' } } },
      { status: 429, body: { error: { message: 'slow down' } }, headers: { 'retry-after': '1' } },
      { status: 502, body: { error: { code: 502, message: 'Upstream provider error' } } },
      { hang: true },
      { body: '{"choices": [' },
    );
    const run = (over: Partial<QueryContext> = {}) =>
      openaiCompatibleAdapter.query(query('openai/gpt-5.4-mini', { dialect: 'openrouter' }), ctx(over));
    expect(await failure(run())).toMatchObject({ kind: 'permanent', status: 402, message: 'Insufficient credits' });
    expect(await failure(run())).toMatchObject({ kind: 'rate_limited', retryAfterMs: 1000 });
    expect(await failure(run())).toMatchObject({ kind: 'transient', status: 502, message: 'Upstream provider error' });
    expect(server.requests).toHaveLength(3);
    expect(await failure(run({ timeoutMs: 50 }))).toMatchObject({ kind: 'transient', code: 'timeout' });
    expect(await failure(run())).toMatchObject({ kind: 'permanent', code: 'malformed_response' });
  });

  it('a missing key fails permanently unless the dialect needs none', async () => {
    expect(
      await failure(
        openaiCompatibleAdapter.query(query('deepseek-flash', { dialect: 'deepseek' }), ctx({ credentials: {} })),
      ),
    ).toMatchObject({
      kind: 'permanent',
      message: 'OPENAI_COMPATIBLE_API_KEY is not set',
    });
  });
});
