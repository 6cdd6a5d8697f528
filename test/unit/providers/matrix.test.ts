/**
 * The cases each adapter's own tests leave out (refusal, empty answer, cut off by length, HTTP
 * errors, timeouts, malformed JSON), through the real SDK or fetch against a fake server,
 * asserted field by field.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { geminiAdapter } from '../../../src/providers/gemini.js';
import { googleAiOverviewAdapter } from '../../../src/providers/google-ai-overview.js';
import { openaiCompatibleAdapter } from '../../../src/providers/openai-compatible.js';
import { perplexityAdapter } from '../../../src/providers/perplexity.js';
import {
  ProviderError,
  type ModelParams,
  type NormalizedAnswer,
  type ProviderAdapter,
  type QueryContext,
} from '../../../src/providers/types.js';
import { FakeServer, failure, fixture } from './fake-server.js';

let server: FakeServer;
beforeAll(() => {
  // Prices are dated; a Saturday keeps DeepSeek at its off-peak price.
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

function run(
  adapter: ProviderAdapter,
  model: string,
  params: ModelParams,
  credentials: QueryContext['credentials'],
  timeoutMs = 5_000,
): Promise<NormalizedAnswer> {
  const input = {
    prompt: 'Quel CRM pour une startup ?',
    locale: 'fr-FR',
    model,
    params: adapter.validateConfig(model, params),
    sampleIndex: 0,
    attempt: 1,
  };
  return adapter.query(input, { timeoutMs, credentials });
}

function expectError(
  err: unknown,
  want: { kind: string; message: string | RegExp; details: Record<string, unknown> },
): void {
  expect(err).toBeInstanceOf(ProviderError);
  const e = err as ProviderError;
  expect(e.kind).toBe(want.kind);
  if (typeof want.message === 'string') expect(e.message).toBe(want.message);
  else expect(e.message).toMatch(want.message);
  expect(e.details).toEqual(want.details);
}

const pplx = () => ({ apiKey: 'pplx-test', baseUrl: `${server.url}/v1` });
const responsesUsage = { input_tokens: 40, output_tokens: 16, total_tokens: 56 };

describe('perplexity Agent API', () => {
  it('a refusal part is the answer with finish refusal', async () => {
    const raw = {
      ...fixture('perplexity/agent-incomplete.json'),
      id: 'resp_refuse',
      status: 'completed',
      output: [
        {
          type: 'message',
          id: 'm1',
          role: 'assistant',
          status: 'completed',
          content: [{ type: 'refusal', refusal: 'Je ne peux pas aider.' }],
        },
      ],
      usage: responsesUsage,
    };
    server.reply({ body: raw });
    const answer = await run(perplexityAdapter, 'openai/gpt-5.4', { webSearch: false }, pplx());
    expect(answer.text).toBe('Je ne peux pas aider.');
    expect(answer.finish).toBe('refusal');
    expect(answer.citations).toEqual([]);
    expect(answer.sources).toEqual([]);
    expect(answer.usage).toEqual({
      inputTokens: 40,
      outputTokens: 16,
      reasoningTokens: 0,
      cachedInputTokens: 0,
      searchCalls: 0,
    });
    // openai/gpt-5.4 at OpenAI's price: 40 x $2.50/M + 16 x $15/M
    expect(answer.costUsd).toBeCloseTo(0.00034, 12);
    expect(answer.requestId).toBe('resp_refuse');
    expect(answer).toMatchObject({ provider: 'perplexity', api: 'agent', channel: 'api', model: 'openai/gpt-5.4' });
    expect(answer.raw).toEqual(raw);
  });

  it('cut off by max_output_tokens is finish length, keeping the partial text', async () => {
    const raw = { ...fixture('perplexity/agent-incomplete.json'), incomplete_details: { reason: 'max_output_tokens' } };
    server.reply({ body: raw });
    const answer = await run(perplexityAdapter, 'openai/gpt-5.4', { maxOutputTokens: 16 }, pplx());
    expect(answer.finish).toBe('length');
    expect(answer.text).toBe('Les meilleurs CRM sont HubSpot, Pipe');
    expect(answer.usage).toEqual({
      inputTokens: 40,
      outputTokens: 16,
      reasoningTokens: 0,
      cachedInputTokens: 0,
      searchCalls: 0,
    });
    expect(answer.requestId).toBe('resp_pplx_04');
  });

  it('an empty answer fails as transient empty_answer', async () => {
    server.reply({
      body: { ...fixture('perplexity/agent-incomplete.json'), id: 'resp_empty', status: 'completed', output: [] },
    });
    expectError(await failure(run(perplexityAdapter, 'openai/gpt-5.4', {}, pplx())), {
      kind: 'transient',
      message: 'the provider returned an empty answer',
      details: { provider: 'perplexity', status: null, code: 'empty_answer', requestId: 'resp_empty' },
    });
  });
});

describe('openai_compatible', () => {
  const mistral = (choice: Record<string, unknown>) => ({
    ...fixture('openai_compatible/mistral-chat.json'),
    id: 'cmpl-m',
    choices: [{ index: 0, logprobs: null, ...choice }],
  });
  const call = () =>
    run(
      openaiCompatibleAdapter,
      'mistral-small-latest',
      { baseUrl: `${server.url}/v1`, dialect: 'mistral' },
      { apiKey: 'compat-key' },
    );

  it('a refusal is the answer with finish refusal', async () => {
    server.reply({
      body: mistral({
        finish_reason: 'stop',
        message: { role: 'assistant', content: null, refusal: 'I cannot help with that.' },
      }),
    });
    const answer = await call();
    expect(answer.text).toBe('I cannot help with that.');
    expect(answer.finish).toBe('refusal');
    expect(answer).toMatchObject({
      provider: 'openai_compatible',
      api: 'chat',
      channel: 'api',
      model: 'mistral-small-latest',
      requestId: 'cmpl-m',
    });
    expect(answer.requestParams).toEqual({
      baseUrl: `${server.url}/v1`,
      model: 'mistral-small-latest',
      messages: [{ role: 'user', content: 'Quel CRM pour une startup ?' }],
    });
  });

  it('cut off by length keeps the partial text with finish length', async () => {
    server.reply({
      body: mistral({ finish_reason: 'length', message: { role: 'assistant', content: 'HubSpot, Pipedrive, Sales' } }),
    });
    const answer = await call();
    expect(answer.finish).toBe('length');
    expect(answer.text).toBe('HubSpot, Pipedrive, Sales');
  });

  it('an empty answer fails as transient empty_answer', async () => {
    server.reply({ body: mistral({ finish_reason: 'stop', message: { role: 'assistant', content: '' } }) });
    expectError(await failure(call()), {
      kind: 'transient',
      message: 'the provider returned an empty answer',
      details: { provider: 'openai_compatible', status: null, code: 'empty_answer', requestId: 'cmpl-m' },
    });
  });
});

describe('google_ai_overview HTTP failures', () => {
  const creds = () => ({
    apiKey: 'serp-key',
    login: 'dfs-login',
    password: 'dfs-pass',
    baseUrls: { serpapi: server.url, dataforseo: server.url },
  });
  const dfs = (timeoutMs?: number) =>
    run(googleAiOverviewAdapter, 'ai_overview', { vendor: 'dataforseo' }, creds(), timeoutMs);

  it('DataForSEO HTTP 429 waits for retry-after', async () => {
    server.reply({
      status: 429,
      body: { status_code: 42900, status_message: 'Too many requests.' },
      headers: { 'retry-after': '7' },
    });
    expectError(await failure(dfs()), {
      kind: 'rate_limited',
      message: 'Too many requests.',
      details: { provider: 'google_ai_overview', status: 429, code: null, retryAfterMs: 7_000, requestId: null },
    });
  });

  it('DataForSEO HTTP 502 is transient, an HTML page classified by its status', async () => {
    server.reply({ status: 502, body: '<html>Bad gateway</html>', headers: { 'content-type': 'text/html' } });
    expectError(await failure(dfs()), {
      kind: 'transient',
      message: '<html>Bad gateway</html>',
      details: { provider: 'google_ai_overview', status: 502, code: null, retryAfterMs: null, requestId: null },
    });
  });

  it('DataForSEO timeout is transient', async () => {
    server.reply({ hang: true });
    expectError(await failure(dfs(300)), {
      kind: 'transient',
      message: 'no answer within 300 ms',
      details: { provider: 'google_ai_overview', status: null, code: 'timeout' },
    });
    expect(server.last.url).toBe('/v3/serp/google/organic/live/advanced');
  });

  it('DataForSEO malformed JSON in a 200 is permanent', async () => {
    server.reply({ body: '{"tasks": [' });
    expectError(await failure(dfs()), {
      kind: 'permanent',
      message: /^malformed response: /,
      details: { provider: 'google_ai_overview', status: null, code: 'malformed_response', requestId: null },
    });
  });

  it('SerpApi 500 is transient with the vendor message, and never shows the key', async () => {
    server.reply({ status: 500, body: { error: 'Internal error, retry later.' } });
    const err = await failure(run(googleAiOverviewAdapter, 'ai_overview', {}, creds()));
    expectError(err, {
      kind: 'transient',
      message: 'Internal error, retry later.',
      details: { provider: 'google_ai_overview', status: 500, code: null, retryAfterMs: null, requestId: null },
    });
    expect(server.last.url.startsWith('/search.json?')).toBe(true);
    expect(JSON.stringify(err)).not.toContain('serp-key');
  });
});

describe('gemini 429 with a retry-after header', () => {
  it('waits for the header, which wins over the body RetryInfo', async () => {
    const body = fixture('gemini/error-429-retry-info.json');
    server.reply({ status: 429, body, headers: { 'retry-after': '4' } });
    expectError(
      await failure(run(geminiAdapter, 'gemini-3.8-flash', {}, { apiKey: 'AIza-test', baseUrl: server.url })),
      {
        kind: 'rate_limited',
        message: 'Resource has been exhausted (e.g. check quota).',
        details: { provider: 'gemini', status: 429, code: 'RESOURCE_EXHAUSTED', retryAfterMs: 4_000, requestId: null },
      },
    );
    expect(server.requests).toHaveLength(1);
  });
});
