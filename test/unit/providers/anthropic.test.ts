import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { anthropicAdapter } from '../../../src/providers/anthropic.js';
import {
  ConfigValidationError,
  type ModelParams,
  type QueryContext,
  type QueryInput,
} from '../../../src/providers/types.js';
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
  credentials: { apiKey: 'sk-ant-test', baseUrl: server.url },
  ...over,
});
const query = (model: string, params: ModelParams): QueryInput => ({
  prompt: 'Quel CRM pour une startup ?',
  locale: 'fr-FR',
  model,
  params: anthropicAdapter.validateConfig(model, params),
  sampleIndex: 0,
  attempt: 1,
});

describe('anthropic adapter', () => {
  it('normalizes a web-searched answer: thinking skipped, block citations summed into offsets', async () => {
    const raw = fixture('anthropic/messages-web-search.json');
    server.reply({ body: raw, headers: { 'request-id': 'req_011CVabc' } });
    const answer = await anthropicAdapter.query(
      query('claude-sonnet-5-5', {
        webSearch: true,
        reasoningEffort: 'medium',
        systemPrompt: 'Réponds en français.',
        userLocation: { country: 'FR', city: 'Lyon' },
      }),
      ctx(),
    );
    const first = 'Je vais vérifier les comparatifs récents. ';
    const second = 'Pipedrive 🚀 est souvent recommandé aux petites équipes commerciales.';
    const third = ' HubSpot propose une offre gratuite.';
    expect(answer.text).toBe(first + second + third);
    const s2 = first.length;
    const s3 = first.length + second.length;
    expect(answer.citations).toEqual([
      {
        url: 'https://www.pipedrive.com/en/blog/crm',
        title: 'Best CRM for startups',
        start: s2,
        end: s3,
        citedText: 'Pipedrive is a sales CRM built for small teams…',
        origin: 'annotation',
      },
      {
        url: 'https://www.hubspot.fr/products/crm',
        title: 'CRM gratuit HubSpot',
        start: s3,
        end: answer.text.length,
        citedText: 'Le CRM gratuit de HubSpot…',
        origin: 'annotation',
      },
      {
        url: 'https://www.capterra.com/crm-software/',
        title: 'CRM Software 2026',
        start: s3,
        end: answer.text.length,
        citedText: 'HubSpot CRM: free plan available',
        origin: 'annotation',
      },
    ]);
    expect(answer.text.slice(s2, s3)).toBe(second);
    expect(answer.sources).toEqual([
      { url: 'https://www.pipedrive.com/en/blog/crm', title: 'Best CRM for startups' },
      { url: 'https://www.hubspot.fr/products/crm', title: 'CRM gratuit HubSpot' },
      { url: 'https://www.capterra.com/crm-software/', title: 'CRM Software 2026' },
    ]);
    expect(answer.searchQueries).toEqual(['meilleur CRM startup 2026']);
    // input_tokens excludes cache reads and writes: 6000 + 200 + 1000.
    expect(answer.usage).toEqual({
      inputTokens: 7200,
      outputTokens: 300,
      reasoningTokens: 120,
      cachedInputTokens: 1000,
      searchCalls: 1,
    });
    // Sonnet 5.5 after 2026-10-07: 6,200 x $2/M + 1,000 x $0.10/M + 300 x $10/M + 1 search x $0.01
    expect(answer.costUsd).toBeCloseTo(0.0255, 10);
    expect(answer.finish).toBe('stop');
    expect(answer.requestId).toBe('req_011CVabc');
    expect(answer.modelVersion).toBe('claude-sonnet-5-5');
    expect(answer).toMatchObject({ provider: 'anthropic', api: 'messages', channel: 'api', raw });

    const sent = {
      model: 'claude-sonnet-5-5',
      max_tokens: 4096,
      messages: [{ role: 'user', content: 'Quel CRM pour une startup ?' }],
      system: 'Réponds en français.',
      output_config: { effort: 'medium' },
      tools: [
        {
          type: 'web_search_20250305',
          name: 'web_search',
          user_location: { type: 'approximate', country: 'FR', city: 'Lyon' },
        },
      ],
    };
    expect(server.last.url).toBe('/v1/messages');
    // SDK 1.x sends the key as a bearer token, not in x-api-key as 0.x did.
    expect(server.last.headers['authorization']).toBe('Bearer sk-ant-test');
    expect(server.last.headers['anthropic-version']).toBe('2026-10-21');
    expect(server.last.body).toEqual(sent);
    expect(server.last.body).not.toHaveProperty('temperature');
    expect(server.last.body).not.toHaveProperty('top_p');
    expect(answer.requestParams).toEqual(sent);
  });

  it('refuses sampling parameters at validation with the reason, never sending them', () => {
    let error: unknown;
    try {
      anthropicAdapter.validateConfig('claude-sonnet-5-5', { temperature: 0.2, topP: 0.9, seed: 3 });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigValidationError);
    const problems = (error as ConfigValidationError).problems;
    expect(problems.map((p) => p.param)).toEqual(['seed', 'temperature', 'topP']);
    expect(problems[1]?.message).toMatch(/current Claude models reject non-default temperature/);
  });

  it('answers without search carry no citations and no tools in the request', async () => {
    server.reply({ body: fixture('anthropic/messages-no-search.json') });
    const answer = await anthropicAdapter.query(query('claude-haiku-4-5', { maxOutputTokens: 512 }), ctx());
    expect(server.last.body).toEqual({
      model: 'claude-haiku-4-5',
      max_tokens: 512,
      messages: [{ role: 'user', content: 'Quel CRM pour une startup ?' }],
    });
    expect(answer.text).toBe('Popular CRMs for startups: HubSpot, Pipedrive and Attio.');
    expect(answer.citations).toEqual([]);
    expect(answer.sources).toEqual([]);
    expect(answer.usage).toEqual({
      inputTokens: 20,
      outputTokens: 40,
      reasoningTokens: 0,
      cachedInputTokens: 0,
      searchCalls: 0,
    });
    expect(answer.costUsd).toBeCloseTo((20 * 1 + 40 * 5) / 1e6, 12);
  });

  it('max_tokens is finish length; refusal is finish refusal', async () => {
    server.reply(
      { body: fixture('anthropic/messages-max-tokens.json'), headers: { 'request-id': 'req_011len' } },
      { body: fixture('anthropic/messages-refusal.json') },
    );
    const cut = await anthropicAdapter.query(query('claude-sonnet-5-5', {}), ctx());
    expect(cut.finish).toBe('length');
    expect(cut.text).toBe('Here is a detailed comparison of HubSpot, Pipedrive and');
    expect(cut.usage).toEqual({
      inputTokens: 20,
      outputTokens: 16,
      reasoningTokens: 0,
      cachedInputTokens: 0,
      searchCalls: 0,
    });
    // claude-sonnet-5-5: 20 x $2/M + 16 x $10/M
    expect(cut.costUsd).toBeCloseTo(0.0002, 12);
    expect(cut).toMatchObject({
      provider: 'anthropic',
      api: 'messages',
      channel: 'api',
      model: 'claude-sonnet-5-5',
      modelVersion: 'claude-sonnet-5-5',
      requestId: 'req_011len',
      citations: [],
      sources: [],
    });
    const refused = await anthropicAdapter.query(query('claude-sonnet-5-5', {}), ctx());
    expect(refused.finish).toBe('refusal');
    expect(refused.text).toBe('');
  });

  it('a search-tool error inside a 200 is kept as a note; pause_turn is incomplete', async () => {
    server.reply(
      { body: fixture('anthropic/messages-search-error.json') },
      { body: fixture('anthropic/messages-pause-turn.json') },
    );
    const searched = await anthropicAdapter.query(query('claude-sonnet-5-5', { webSearch: true }), ctx());
    expect(searched.finish).toBe('stop');
    expect(searched.notes).toEqual(['web search failed: max_uses_exceeded']);
    expect(searched.usage.searchCalls).toBe(3);
    const parsed = anthropicAdapter.parse(fixture('anthropic/messages-pause-turn.json'));
    expect(parsed.finish).toBe('incomplete');
    expect(parsed.sources).toEqual([{ url: 'https://www.g2.com/categories/crm', title: 'Best CRM Software' }]);
    // Paused before any text: a failed response to try again, not an answer mentioning nobody.
    const paused = await failure(anthropicAdapter.query(query('claude-sonnet-5-5', { webSearch: true }), ctx()));
    expect(paused).toMatchObject({
      kind: 'transient',
      code: 'empty_answer_incomplete',
      status: null,
      details: { requestId: null },
    });
  });

  it('529 overloaded is transient, with exactly one HTTP call', async () => {
    server.reply(
      { status: 529, body: fixture('anthropic/error-529-overloaded.json'), headers: { 'request-id': 'req_011CV529' } },
      { status: 529, body: {} },
    );
    const err = await failure(anthropicAdapter.query(query('claude-sonnet-5-5', {}), ctx()));
    expect(err).toMatchObject({
      kind: 'transient',
      status: 529,
      code: 'overloaded_error',
      message: 'Overloaded',
      details: { requestId: 'req_011CV529' },
    });
    expect(server.requests).toHaveLength(1);
  });

  it('500 is transient', async () => {
    server.reply({
      status: 500,
      body: { type: 'error', error: { type: 'api_error', message: 'Internal server error' } },
    });
    expect(await failure(anthropicAdapter.query(query('claude-sonnet-5-5', {}), ctx()))).toMatchObject({
      kind: 'transient',
      status: 500,
    });
  });

  it('429 honours retry-after, then anthropic-ratelimit-*-reset instants', async () => {
    const reset = new Date(Date.now() + 30_000).toISOString();
    server.reply(
      { status: 429, body: fixture('anthropic/error-429-rate-limit.json'), headers: { 'retry-after': '12' } },
      {
        status: 429,
        body: fixture('anthropic/error-429-rate-limit.json'),
        headers: { 'anthropic-ratelimit-tokens-remaining': '0', 'anthropic-ratelimit-tokens-reset': reset },
      },
    );
    expect(await failure(anthropicAdapter.query(query('claude-sonnet-5-5', {}), ctx()))).toMatchObject({
      kind: 'rate_limited',
      retryAfterMs: 12_000,
      code: 'rate_limit_error',
    });
    const err = await failure(anthropicAdapter.query(query('claude-sonnet-5-5', {}), ctx()));
    expect(err).toMatchObject({ kind: 'rate_limited' });
    expect((err as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(25_000);
    expect((err as { retryAfterMs: number }).retryAfterMs).toBeLessThanOrEqual(30_000);
  });

  it('429 enforced_spend_limit_reached is permanent', async () => {
    server.reply({ status: 429, body: fixture('anthropic/error-429-spend-limit.json') });
    expect(await failure(anthropicAdapter.query(query('claude-sonnet-5-5', {}), ctx()))).toMatchObject({
      kind: 'permanent',
      status: 429,
      code: 'enforced_spend_limit_reached',
      message: 'You have reached your specified workspace API usage limits.',
    });
  });

  it('times out as transient when the provider never answers', async () => {
    server.reply({ hang: true });
    expect(await failure(anthropicAdapter.query(query('claude-sonnet-5-5', {}), ctx({ timeoutMs: 50 })))).toMatchObject(
      { kind: 'transient', code: 'timeout' },
    );
  });

  it('malformed JSON and empty answers fail, never as an answer', async () => {
    server.reply(
      { body: '<html>bad gateway</html>' },
      { body: { ...fixture('anthropic/messages-no-search.json'), content: [] } },
    );
    expect(await failure(anthropicAdapter.query(query('claude-sonnet-5-5', {}), ctx()))).toMatchObject({
      kind: 'permanent',
      code: 'malformed_response',
    });
    expect(await failure(anthropicAdapter.query(query('claude-sonnet-5-5', {}), ctx()))).toMatchObject({
      kind: 'transient',
      code: 'empty_answer',
    });
  });

  it('a missing key names ANTHROPIC_API_KEY', async () => {
    expect(
      await failure(anthropicAdapter.query(query('claude-sonnet-5-5', {}), ctx({ credentials: {} }))),
    ).toMatchObject({
      kind: 'permanent',
      message: 'ANTHROPIC_API_KEY is not set',
    });
  });
});
