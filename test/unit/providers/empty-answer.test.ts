/**
 * An answer with no text is never stored as an answer (it would count as "brand not mentioned"),
 * whatever the finish: a reasoning model that spent every output token thinking, a provider that
 * stopped early, or one that said nothing at all. Refusals and content filters stay results.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { anthropicAdapter } from '../../../src/providers/anthropic.js';
import { geminiAdapter } from '../../../src/providers/gemini.js';
import { openaiCompatibleAdapter } from '../../../src/providers/openai-compatible.js';
import { openaiAdapter } from '../../../src/providers/openai.js';
import { perplexityAdapter } from '../../../src/providers/perplexity.js';
import {
  ProviderError,
  type ModelParams,
  type ProviderAdapter,
  type QueryContext,
} from '../../../src/providers/types.js';
import { FakeServer, failure, fixture } from './fake-server.js';

let server: FakeServer;
beforeEach(async () => {
  server = await FakeServer.start();
});
afterEach(async () => {
  await server.close();
});

async function call(
  adapter: ProviderAdapter,
  model: string,
  params: ModelParams,
  credentials: QueryContext['credentials'],
): Promise<unknown> {
  const input = {
    prompt: 'Quel CRM pour une startup ?',
    locale: 'fr-FR',
    model,
    params: adapter.validateConfig(model, params),
    sampleIndex: 0,
    attempt: 1,
  };
  return failure(adapter.query(input, { timeoutMs: 5_000, credentials }));
}

const CUT_OFF =
  'the answer was cut off by the output token limit before any text: all tokens went to reasoning; raise maxOutputTokens or lower reasoningEffort';

function expectCutOff(err: unknown, provider: string, requestId: string | null): void {
  expect(err).toBeInstanceOf(ProviderError);
  const e = err as ProviderError;
  expect(e.kind).toBe('permanent');
  expect(e.message).toBe(CUT_OFF);
  expect(e.details).toEqual({ provider, status: null, code: 'empty_answer_length', requestId });
  expect(e.retryAfterMs).toBeNull();
}

const responsesReasoningOnly = {
  ...fixture('openai/responses-incomplete.json'),
  output: [{ type: 'reasoning', id: 'rs_9', summary: [] }],
  usage: {
    input_tokens: 30,
    input_tokens_details: { cached_tokens: 0 },
    output_tokens: 100,
    output_tokens_details: { reasoning_tokens: 100 },
    total_tokens: 130,
  },
};

describe('an empty answer cut off by the token limit fails permanently', () => {
  it('OpenAI Responses: reasoning used every token, incomplete max_output_tokens', async () => {
    server.reply({ body: responsesReasoningOnly, headers: { 'x-request-id': 'req_cut' } });
    const err = await call(
      openaiAdapter,
      'gpt-5.4',
      { maxOutputTokens: 100, reasoningEffort: 'high' },
      { apiKey: 'sk', baseUrl: `${server.url}/v1` },
    );
    expectCutOff(err, 'openai', 'req_cut');
    expect(server.requests).toHaveLength(1);
  });

  it('OpenAI Responses: a message with an empty output_text counts as no text', async () => {
    const body = {
      ...responsesReasoningOnly,
      output: [
        ...responsesReasoningOnly.output,
        {
          type: 'message',
          id: 'm',
          role: 'assistant',
          status: 'incomplete',
          content: [{ type: 'output_text', text: '  ', annotations: [] }],
        },
      ],
    };
    server.reply({ body });
    expectCutOff(
      await call(openaiAdapter, 'gpt-5.4', { maxOutputTokens: 100 }, { apiKey: 'sk', baseUrl: `${server.url}/v1` }),
      'openai',
      null,
    );
  });

  it('OpenAI Chat Completions: finish_reason length with empty content', async () => {
    const raw = fixture('openai/chat-length.json');
    const choice = {
      index: 0,
      finish_reason: 'length',
      logprobs: null,
      message: { role: 'assistant', refusal: null, content: '', annotations: [] },
    };
    server.reply({ body: { ...raw, choices: [choice] }, headers: { 'x-request-id': 'req_chat_cut' } });
    const err = await call(
      openaiAdapter,
      'gpt-4.1',
      { api: 'chat', maxOutputTokens: 10 },
      { apiKey: 'sk', baseUrl: `${server.url}/v1` },
    );
    expectCutOff(err, 'openai', 'req_chat_cut');
  });

  it('Anthropic: max_tokens reached inside thinking', async () => {
    const raw = fixture('anthropic/messages-max-tokens.json');
    server.reply({
      body: { ...raw, content: [{ type: 'thinking', thinking: 'Comparons les CRM…', signature: 'sig' }] },
      headers: { 'request-id': 'req_011cut' },
    });
    expectCutOff(
      await call(anthropicAdapter, 'claude-sonnet-5-5', {}, { apiKey: 'sk-ant', baseUrl: server.url }),
      'anthropic',
      'req_011cut',
    );
  });

  it('Gemini: MAX_TOKENS with only thought parts', async () => {
    const raw = fixture('gemini/max-tokens.json');
    const candidate = {
      index: 0,
      finishReason: 'MAX_TOKENS',
      content: { role: 'model', parts: [{ text: 'Thinking about CRMs', thought: true }] },
    };
    server.reply({ body: { ...raw, candidates: [candidate] } });
    expectCutOff(
      await call(geminiAdapter, 'gemini-3.8-flash', {}, { apiKey: 'AIza', baseUrl: server.url }),
      'gemini',
      'gem-resp-max',
    );
  });

  it('Perplexity Agent API: incomplete max_output_tokens with no message', async () => {
    const raw = fixture('perplexity/agent-incomplete.json');
    server.reply({ body: { ...raw, incomplete_details: { reason: 'max_output_tokens' }, output: [] } });
    const err = await call(
      perplexityAdapter,
      'openai/gpt-5.4',
      { maxOutputTokens: 50 },
      { apiKey: 'pplx', baseUrl: `${server.url}/v1` },
    );
    expectCutOff(err, 'perplexity', 'resp_pplx_04');
  });

  it('openai_compatible: DeepSeek reasoning_content only, finish length', async () => {
    const raw = fixture('openai_compatible/deepseek-reasoner.json');
    const choice = {
      index: 0,
      finish_reason: 'length',
      logprobs: null,
      message: { role: 'assistant', reasoning_content: 'Listing CRMs…', content: '' },
    };
    server.reply({ body: { ...raw, choices: [choice] } });
    const err = await call(
      openaiCompatibleAdapter,
      'deepseek-v4-pro',
      { baseUrl: `${server.url}/v1`, dialect: 'deepseek' },
      { apiKey: 'k' },
    );
    expectCutOff(err, 'openai_compatible', 'a1b2c3d4-deep');
  });
});

describe('other empty answers', () => {
  it('stopped early with no text is transient: another attempt may finish', async () => {
    server.reply({
      body: { ...responsesReasoningOnly, incomplete_details: { reason: 'interrupted' } },
      headers: { 'x-request-id': 'req_int' },
    });
    const err = (await call(
      openaiAdapter,
      'gpt-5.4',
      {},
      { apiKey: 'sk', baseUrl: `${server.url}/v1` },
    )) as ProviderError;
    expect(err).toBeInstanceOf(ProviderError);
    expect(err.kind).toBe('transient');
    expect(err.message).toBe('the provider stopped before writing any answer text (incomplete)');
    expect(err.details).toEqual({
      provider: 'openai',
      status: null,
      code: 'empty_answer_incomplete',
      requestId: 'req_int',
    });
  });

  it('a refusal with text and a content filter stay results', async () => {
    server.reply({ body: fixture('openai/responses-refusal.json') }, { body: fixture('gemini/blocked.json') });
    const params = openaiAdapter.validateConfig('gpt-5.4-mini', {});
    const refused = await openaiAdapter.query(
      { prompt: 'x', locale: 'en-US', model: 'gpt-5.4-mini', params, sampleIndex: 0, attempt: 1 },
      { timeoutMs: 5_000, credentials: { apiKey: 'sk', baseUrl: `${server.url}/v1` } },
    );
    expect(refused.finish).toBe('refusal');
    const blocked = await geminiAdapter.query(
      {
        prompt: 'x',
        locale: 'en-US',
        model: 'gemini-3.8-flash',
        params: geminiAdapter.validateConfig('gemini-3.8-flash', {}),
        sampleIndex: 0,
        attempt: 1,
      },
      { timeoutMs: 5_000, credentials: { apiKey: 'AIza', baseUrl: server.url } },
    );
    expect(blocked).toMatchObject({ finish: 'content_filter', text: '' });
  });
});
