import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openaiAdapter } from '../../../src/providers/openai.js';
import { ProviderError, type ModelParams, type QueryContext, type QueryInput } from '../../../src/providers/types.js';
import { FakeServer, failure, fixture } from './fake-server.js';

let server: FakeServer;
beforeEach(async () => {
  server = await FakeServer.start();
});
afterEach(async () => {
  await server.close();
});

const ctx = (over: Partial<QueryContext> = {}): QueryContext => ({
  timeoutMs: 5_000,
  credentials: { apiKey: 'sk-test', baseUrl: `${server.url}/v1` },
  ...over,
});
const query = (model: string, params: ModelParams, prompt = 'Quel CRM pour une startup ?'): QueryInput => ({
  prompt,
  locale: 'fr-FR',
  model,
  params: openaiAdapter.validateConfig(model, params),
  sampleIndex: 0,
  attempt: 1,
});

describe('openai adapter, Responses API', () => {
  it('normalizes a web-searched answer field by field, with offsets in UTF-16 after emoji', async () => {
    const raw = fixture('openai/responses-web-search.json');
    server.reply({ body: raw, headers: { 'x-request-id': 'req_abc123' } });
    const answer = await openaiAdapter.query(
      query('gpt-5.4-mini', {
        webSearch: true,
        reasoningEffort: 'low',
        maxOutputTokens: 2000,
        systemPrompt: 'Answer in French.',
        userLocation: { country: 'FR', city: 'Paris' },
      }),
      ctx(),
    );

    const hub = '[hubspot.com](https://www.hubspot.com/?utm_source=openai)';
    const pipe = '[pipedrive.com](https://www.pipedrive.com/en/blog/crm?utm_source=openai)';
    expect(answer.text).toBe(
      `Pour une startup 🚀 en 2026, HubSpot est le choix le plus cité (${hub}). Pipedrive reste apprécié des équipes commerciales 🤝 (${pipe}).`,
    );
    const hubAt = answer.text.indexOf(hub);
    const pipeAt = answer.text.indexOf(pipe);
    expect(answer.citations).toEqual([
      {
        url: 'https://www.hubspot.com/?utm_source=openai',
        title: 'HubSpot CRM',
        start: hubAt,
        end: hubAt + hub.length,
        citedText: null,
        origin: 'annotation',
      },
      {
        url: 'https://www.pipedrive.com/en/blog/crm?utm_source=openai',
        title: 'Best CRM for small business',
        start: pipeAt,
        end: pipeAt + pipe.length,
        citedText: null,
        origin: 'annotation',
      },
    ]);
    expect(answer.text.slice(answer.citations[1]?.start ?? 0, answer.citations[1]?.end ?? 0)).toBe(pipe);
    expect(answer.sources).toEqual([
      { url: 'https://www.hubspot.com/', title: null },
      { url: 'https://www.pipedrive.com/en/blog/crm', title: null },
      { url: 'https://www.g2.com/categories/crm', title: null },
      { url: 'https://www.lemonde.fr/crm', title: null },
    ]);
    expect(answer.searchQueries).toEqual(['meilleur crm startup 2026', 'crm startup comparatif']);
    expect(answer.usage).toEqual({
      inputTokens: 8500,
      outputTokens: 220,
      reasoningTokens: 64,
      cachedInputTokens: 1000,
      searchCalls: 2,
    });
    // gpt-5.4-mini: 7,500 x $0.75/M + 1,000 x $0.075/M + 220 x $4.50/M + 2 searches x $0.01
    expect(answer.costUsd).toBeCloseTo(0.02669, 10);
    expect(answer.providerCostUsd).toBeNull();
    expect(answer.finish).toBe('stop');
    expect(answer.requestId).toBe('req_abc123');
    expect(answer.modelVersion).toBe('gpt-5.4-mini-2026-03-17');
    expect(answer).toMatchObject({ provider: 'openai', api: 'responses', channel: 'api', model: 'gpt-5.4-mini' });
    expect(answer.latencyMs).toBeGreaterThanOrEqual(0);
    expect(answer.raw).toEqual(raw);
    expect(answer.notes).toBeUndefined();

    const sent = {
      model: 'gpt-5.4-mini',
      input: 'Quel CRM pour une startup ?',
      store: false,
      instructions: 'Answer in French.',
      max_output_tokens: 2000,
      reasoning: { effort: 'low' },
      tools: [{ type: 'web_search', user_location: { type: 'approximate', country: 'FR', city: 'Paris' } }],
      include: ['web_search_call.action.sources'],
    };
    expect(server.requests).toHaveLength(1);
    expect(server.last.url).toBe('/v1/responses');
    expect(server.last.headers['authorization']).toBe('Bearer sk-test');
    expect(server.last.body).toEqual(sent);
    expect(answer.requestParams).toEqual(sent);
    expect(openaiAdapter.parse(answer.raw)).toEqual({
      text: answer.text,
      citations: answer.citations,
      sources: answer.sources,
      searchQueries: answer.searchQueries,
      usage: answer.usage,
      finish: 'stop',
      modelVersion: answer.modelVersion,
      providerCostUsd: null,
    });
  });

  it('sends temperature only where the model takes it, and no tools without web search', async () => {
    server.reply({ body: fixture('openai/responses-no-search.json') });
    const answer = await openaiAdapter.query(query('gpt-4.1', { temperature: 0.2, topP: 0.9 }), ctx());
    expect(server.last.body).toEqual({
      model: 'gpt-4.1',
      input: 'Quel CRM pour une startup ?',
      store: false,
      temperature: 0.2,
      top_p: 0.9,
    });
    expect(answer.text).toBe('Popular CRMs for startups include HubSpot, Pipedrive and Salesforce.');
    expect(answer.citations).toEqual([]);
    expect(answer.sources).toEqual([]);
    expect(answer.searchQueries).toEqual([]);
    expect(answer.usage.searchCalls).toBe(0);
    expect(answer.costUsd).toBeNull(); // gpt-4.1 is not in the price table
  });

  it('marks an answer cut by max_output_tokens as length', async () => {
    server.reply({ body: fixture('openai/responses-incomplete.json') });
    const answer = await openaiAdapter.query(query('gpt-5.4', { maxOutputTokens: 100 }), ctx());
    expect(answer.finish).toBe('length');
    expect(answer.text).toBe('The best CRMs for startups are: 1. HubSpot — free tier, 2. Pipe');
    expect(answer.usage).toEqual({
      inputTokens: 30,
      outputTokens: 100,
      reasoningTokens: 80,
      cachedInputTokens: 0,
      searchCalls: 0,
    });
  });

  it('keeps a refusal as the answer with finish refusal', async () => {
    server.reply({ body: fixture('openai/responses-refusal.json') });
    const answer = await openaiAdapter.query(query('gpt-5.4-mini', {}), ctx());
    expect(answer.finish).toBe('refusal');
    expect(answer.text).toBe("I'm sorry, but I can't help with that.");
  });

  it('fails an empty answer as transient, never as an answer without brands', async () => {
    server.reply({ body: fixture('openai/responses-empty.json'), headers: { 'x-request-id': 'req_empty' } });
    const err = await failure(openaiAdapter.query(query('gpt-5.4-mini', {}), ctx()));
    expect(err).toBeInstanceOf(ProviderError);
    expect(err).toMatchObject({ kind: 'transient', code: 'empty_answer', details: { requestId: 'req_empty' } });
  });

  it('fails a status "failed" body by its error code', async () => {
    server.reply({
      body: {
        ...fixture('openai/responses-no-search.json'),
        status: 'failed',
        error: { code: 'server_error', message: 'boom' },
      },
    });
    const err = await failure(openaiAdapter.query(query('gpt-5.4-mini', {}), ctx()));
    expect(err).toMatchObject({ kind: 'transient', status: 500, code: 'server_error', message: 'boom' });
  });
});

describe('openai adapter, Chat Completions', () => {
  it('uses chat for search-preview models, with nested annotations and location', async () => {
    server.reply({ body: fixture('openai/chat-search-preview.json'), headers: { 'x-request-id': 'req_chat' } });
    const answer = await openaiAdapter.query(
      query('gpt-4o-search-preview', { userLocation: { country: 'FR' } }),
      ctx(),
    );
    expect(server.last.url).toBe('/v1/chat/completions');
    expect(server.last.body).toEqual({
      model: 'gpt-4o-search-preview',
      messages: [{ role: 'user', content: 'Quel CRM pour une startup ?' }],
      web_search_options: { user_location: { type: 'approximate', approximate: { country: 'FR' } } },
    });
    const notion = '[Notion](https://www.notion.com/?utm_source=openai)';
    const asana = '[Asana](https://asana.com/?utm_source=openai)';
    expect(answer.api).toBe('chat');
    expect(answer.citations).toEqual([
      {
        url: 'https://www.notion.com/?utm_source=openai',
        title: 'Notion',
        start: answer.text.indexOf(notion),
        end: answer.text.indexOf(notion) + notion.length,
        citedText: null,
        origin: 'annotation',
      },
      {
        url: 'https://asana.com/?utm_source=openai',
        title: 'Asana',
        start: answer.text.indexOf(asana),
        end: answer.text.indexOf(asana) + asana.length,
        citedText: null,
        origin: 'annotation',
      },
    ]);
    expect(answer.usage).toEqual({
      inputTokens: 20,
      outputTokens: 300,
      reasoningTokens: 0,
      cachedInputTokens: 0,
      searchCalls: 1,
    });
    expect(answer.modelVersion).toBe('gpt-4o-search-preview-2025-03-11');
    expect(answer.requestId).toBe('req_chat');
  });

  it('sends seed and max_completion_tokens on chat, and reports finish length', async () => {
    server.reply({ body: fixture('openai/chat-length.json') });
    const answer = await openaiAdapter.query(
      query('gpt-4.1', { api: 'chat', seed: 7, temperature: 0, maxOutputTokens: 10, systemPrompt: 'Be brief.' }),
      ctx(),
    );
    expect(server.last.body).toEqual({
      model: 'gpt-4.1',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Quel CRM pour une startup ?' },
      ],
      temperature: 0,
      seed: 7,
      max_completion_tokens: 10,
    });
    expect(answer.finish).toBe('length');
    expect(answer.text).toBe('Top CRMs: HubSpot, Pipedrive, Sales');
  });
});

describe('openai adapter, errors', () => {
  const run = () => openaiAdapter.query(query('gpt-5.4-mini', {}), ctx());

  it('429 with retry-after is rate_limited with the wait in ms', async () => {
    server.reply({
      status: 429,
      body: fixture('openai/error-429-rate-limit.json'),
      headers: { 'retry-after': '2', 'x-request-id': 'req_429' },
    });
    const err = await failure(run());
    expect(err).toMatchObject({
      kind: 'rate_limited',
      status: 429,
      code: 'rate_limit_exceeded',
      retryAfterMs: 2000,
      details: { requestId: 'req_429' },
    });
    expect(server.requests).toHaveLength(1);
  });

  it('429 honours retry-after-ms, then x-ratelimit-reset-* durations', async () => {
    server.reply(
      { status: 429, body: fixture('openai/error-429-rate-limit.json'), headers: { 'retry-after-ms': '270' } },
      {
        status: 429,
        body: fixture('openai/error-429-rate-limit.json'),
        headers: {
          'x-ratelimit-remaining-requests': '0',
          'x-ratelimit-reset-requests': '6m0s',
          'x-ratelimit-remaining-tokens': '5000',
          'x-ratelimit-reset-tokens': '20ms',
        },
      },
    );
    expect(await failure(run())).toMatchObject({ kind: 'rate_limited', retryAfterMs: 270 });
    expect(await failure(run())).toMatchObject({ kind: 'rate_limited', retryAfterMs: 360_000 });
  });

  it('429 insufficient_quota is permanent and keeps the provider message', async () => {
    server.reply({
      status: 429,
      body: fixture('openai/error-429-insufficient-quota.json'),
      headers: { 'retry-after': '1' },
    });
    const err = await failure(run());
    expect(err).toMatchObject({
      kind: 'permanent',
      status: 429,
      code: 'insufficient_quota',
      retryAfterMs: null,
      message: 'You exceeded your current quota, please check your plan and billing details.',
    });
  });

  it('400 is permanent with the provider message and parameter code', async () => {
    server.reply({ status: 400, body: fixture('openai/error-400-temperature.json') });
    const err = await failure(run());
    expect(err).toMatchObject({ kind: 'permanent', status: 400, code: 'unsupported_value' });
    expect((err as Error).message).toContain("'temperature' does not support 0.2");
  });

  it('500 is transient and the SDK does not retry on its own (one HTTP call)', async () => {
    server.reply(
      { status: 500, body: fixture('openai/error-500.json') },
      { status: 500, body: fixture('openai/error-500.json') },
    );
    const err = await failure(run());
    expect(err).toMatchObject({ kind: 'transient', status: 500 });
    expect(server.requests).toHaveLength(1);
  });

  it('a provider that never answers times out as transient within ctx.timeoutMs', async () => {
    server.reply({ hang: true });
    // Long enough for the request to reach the server on a loaded machine: the SDK must not retry it.
    const err = await failure(openaiAdapter.query(query('gpt-5.4-mini', {}), ctx({ timeoutMs: 1_000 })));
    expect(err).toMatchObject({ kind: 'transient', status: null, code: 'timeout' });
    expect(server.requests).toHaveLength(1);
  });

  it('malformed JSON in a 200 is a permanent malformed_response', async () => {
    server.reply({ body: '{"id": "resp_1", "output": [', headers: { 'x-request-id': 'req_bad' } });
    const err = await failure(run());
    expect(err).toMatchObject({ kind: 'permanent', code: 'malformed_response', details: { requestId: 'req_bad' } });
  });

  it('a 200 that is not a response body is a permanent malformed_response', async () => {
    server.reply({ body: { hello: 'world' } });
    expect(await failure(run())).toMatchObject({ kind: 'permanent', code: 'malformed_response' });
  });

  it('a refused connection is transient', async () => {
    const port = new URL(server.url).port;
    await server.close();
    server = await FakeServer.start();
    const err = await failure(
      openaiAdapter.query(
        query('gpt-5.4-mini', {}),
        ctx({ credentials: { apiKey: 'k', baseUrl: `http://127.0.0.1:${port}/v1` } }),
      ),
    );
    expect(err).toMatchObject({ kind: 'transient', status: null, code: 'connection' });
  });

  it('a missing key fails permanently before any call, naming the variable', async () => {
    const err = await failure(
      openaiAdapter.query(query('gpt-5.4-mini', {}), ctx({ credentials: { baseUrl: `${server.url}/v1` } })),
    );
    expect(err).toMatchObject({ kind: 'permanent', code: 'missing_credentials', message: 'OPENAI_API_KEY is not set' });
    expect(server.requests).toHaveLength(0);
  });

  it('stored parameters the model now refuses fail permanently', async () => {
    const input: QueryInput = { ...query('gpt-5.4-mini', {}), params: { temperature: 0.3 } };
    expect(await failure(openaiAdapter.query(input, ctx()))).toMatchObject({
      kind: 'permanent',
      code: 'invalid_config',
    });
  });
});
