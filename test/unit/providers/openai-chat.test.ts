/**
 * OpenAI Chat Completions through the real SDK against a fake server: the cases the Responses
 * tests cover, asserted field by field on the normalized record or the classified error.
 */
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
const query = (params: ModelParams = {}): QueryInput => ({
  prompt: 'Quel CRM pour une startup ?',
  locale: 'fr-FR',
  model: 'gpt-5.4-mini',
  params: openaiAdapter.validateConfig('gpt-5.4-mini', { api: 'chat', ...params }),
  sampleIndex: 0,
  attempt: 1,
});
const SENT = { model: 'gpt-5.4-mini', messages: [{ role: 'user', content: 'Quel CRM pour une startup ?' }] };

function chatBody(
  message: Record<string, unknown>,
  finish: string,
  usage = {
    prompt_tokens: 12,
    completion_tokens: 40,
    total_tokens: 52,
    prompt_tokens_details: { cached_tokens: 2 },
    completion_tokens_details: { reasoning_tokens: 30 },
  },
) {
  return {
    ...fixture('openai/chat-length.json'),
    id: 'chatcmpl-x',
    model: 'gpt-5.4-mini-2026-03-17',
    choices: [
      { index: 0, finish_reason: finish, logprobs: null, message: { role: 'assistant', annotations: [], ...message } },
    ],
    usage,
  };
}

function expectError(err: unknown, kind: string, message: string, details: Record<string, unknown>): void {
  expect(err).toBeInstanceOf(ProviderError);
  const e = err as ProviderError;
  expect({ kind: e.kind, message: e.message }).toEqual({ kind, message });
  expect(e.details).toEqual({ provider: 'openai', ...details });
}

describe('openai Chat Completions, answers', () => {
  it('a refusal (message.refusal) is the answer with finish refusal, field by field', async () => {
    const raw = chatBody({ content: null, refusal: "I'm sorry, I can't help with that." }, 'stop');
    server.reply({ body: raw, headers: { 'x-request-id': 'req_refuse' } });
    const answer = await openaiAdapter.query(query(), ctx());
    expect(answer.text).toBe("I'm sorry, I can't help with that.");
    expect(answer.finish).toBe('refusal');
    expect(answer.citations).toEqual([]);
    expect(answer.sources).toEqual([]);
    expect(answer.searchQueries).toEqual([]);
    expect(answer.usage).toEqual({
      inputTokens: 12,
      outputTokens: 40,
      reasoningTokens: 30,
      cachedInputTokens: 2,
      searchCalls: 0,
    });
    // 10 x $0.75/M + 2 x $0.075/M + 40 x $4.50/M
    expect(answer.costUsd).toBeCloseTo(0.00018765, 12);
    expect(answer.providerCostUsd).toBeNull();
    expect(answer.requestId).toBe('req_refuse');
    expect(answer).toMatchObject({
      provider: 'openai',
      api: 'chat',
      channel: 'api',
      model: 'gpt-5.4-mini',
      modelVersion: 'gpt-5.4-mini-2026-03-17',
    });
    expect(answer.requestParams).toEqual(SENT);
    expect(server.last.url).toBe('/v1/chat/completions');
    expect(server.last.body).toEqual(SENT);
    expect(answer.raw).toEqual(raw);
    expect(answer.notes).toBeUndefined();
  });

  it('an empty answer with finish stop fails as transient empty_answer', async () => {
    server.reply({
      body: chatBody({ content: '', refusal: null }, 'stop'),
      headers: { 'x-request-id': 'req_empty_chat' },
    });
    expectError(
      await failure(openaiAdapter.query(query(), ctx())),
      'transient',
      'the provider returned an empty answer',
      {
        status: null,
        code: 'empty_answer',
        requestId: 'req_empty_chat',
      },
    );
  });
});

describe('openai Chat Completions, errors', () => {
  const run = () => openaiAdapter.query(query(), ctx());

  it('malformed JSON in a 200 is permanent malformed_response', async () => {
    server.reply({ body: '{"id": "chatcmpl-1", "choices": [', headers: { 'x-request-id': 'req_bad_chat' } });
    const err = (await failure(run())) as ProviderError;
    expect(err).toBeInstanceOf(ProviderError);
    expect(err.kind).toBe('permanent');
    expect(err.message).toMatch(/^malformed response: /);
    expect(err.details).toEqual({
      provider: 'openai',
      status: null,
      code: 'malformed_response',
      requestId: 'req_bad_chat',
    });
    expect(err.retryAfterMs).toBeNull();
  });

  it('429 with retry-after is rate_limited with the wait, the message and the request id', async () => {
    server.reply({
      status: 429,
      body: fixture('openai/error-429-rate-limit.json'),
      headers: { 'retry-after': '3', 'x-request-id': 'req_chat_429' },
    });
    const err = await failure(run());
    const message = (fixture('openai/error-429-rate-limit.json')['error'] as { message: string }).message;
    expectError(err, 'rate_limited', message, {
      status: 429,
      code: 'rate_limit_exceeded',
      retryAfterMs: 3_000,
      requestId: 'req_chat_429',
    });
    expect(server.requests).toHaveLength(1);
    expect(server.last.url).toBe('/v1/chat/completions');
  });

  it('500 is transient, one HTTP call, with the provider message', async () => {
    server.reply(
      { status: 500, body: fixture('openai/error-500.json'), headers: { 'x-request-id': 'req_chat_500' } },
      { status: 500, body: fixture('openai/error-500.json') },
    );
    const err = (await failure(run())) as ProviderError;
    const body = fixture('openai/error-500.json')['error'] as {
      message: string;
      code?: string | null;
      type?: string | null;
    };
    expectError(err, 'transient', body.message, {
      status: 500,
      code: body.code ?? body.type ?? null,
      retryAfterMs: null,
      requestId: 'req_chat_500',
    });
    expect(server.requests).toHaveLength(1);
  });

  it('a provider that never answers times out as transient', async () => {
    server.reply({ hang: true });
    const err = await failure(openaiAdapter.query(query(), ctx({ timeoutMs: 300 })));
    expectError(err, 'transient', 'no answer within 300 ms', { status: null, code: 'timeout' });
    expect(server.requests).toHaveLength(1);
    expect(server.last.url).toBe('/v1/chat/completions');
  });
});
