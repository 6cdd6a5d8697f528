import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { perplexityAdapter } from '../../../src/providers/perplexity.js';
import type {
  ConfigValidationError,
  ProviderError,
  ModelParams,
  QueryContext,
  QueryInput,
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
  credentials: { apiKey: 'pplx-test', baseUrl: `${server.url}/v1` },
  ...over,
});
const query = (model: string, params: ModelParams): QueryInput => ({
  prompt: 'Quel CRM pour une startup ?',
  locale: 'fr-FR',
  model,
  params: perplexityAdapter.validateConfig(model, params),
  sampleIndex: 0,
  attempt: 1,
});

describe('perplexity adapter (Agent API)', () => {
  it('normalizes a searched answer: code-point offsets after a flag emoji, reported cost wins', async () => {
    const raw = fixture('perplexity/agent-response.json');
    server.reply({ body: raw });
    const answer = await perplexityAdapter.query(
      query('openai/gpt-5.4', {
        temperature: 0.3,
        reasoningEffort: 'none',
        locale: 'fr-FR',
        userLocation: { country: 'FR' },
        maxOutputTokens: 1000,
        systemPrompt: 'Sois bref.',
      }),
      ctx(),
    );
    const text = 'Pour une startup 🇫🇷, HubSpot [1] et Pipedrive [2] sont les plus cités; Folk [3] plaît aux agences.';
    expect(answer.text).toBe(text);
    const at = (m: string) => ({ start: text.indexOf(m), end: text.indexOf(m) + m.length });
    expect(answer.citations).toEqual([
      { url: 'https://www.hubspot.fr/crm', title: 'HubSpot CRM', ...at('[1]'), citedText: null, origin: 'annotation' },
      { url: 'https://www.pipedrive.com/fr', title: 'Pipedrive', ...at('[2]'), citedText: null, origin: 'annotation' },
      { url: 'https://www.folk.app/', title: 'folk CRM', ...at('[3]'), citedText: null, origin: 'annotation' },
    ]);
    expect(answer.sources).toEqual([
      { url: 'https://www.hubspot.fr/crm', title: 'HubSpot CRM' },
      { url: 'https://www.pipedrive.com/fr', title: 'Pipedrive' },
      { url: 'https://www.folk.app/', title: 'folk CRM' },
      { url: 'https://www.lesechos.fr/tech/crm', title: 'Le marché du CRM' },
    ]);
    expect(answer.searchQueries).toEqual(['meilleur crm startup', 'crm france 2026']);
    expect(answer.usage).toEqual({
      inputTokens: 5200,
      outputTokens: 310,
      reasoningTokens: 0,
      cachedInputTokens: 200,
      searchCalls: 2,
    });
    expect(answer.providerCostUsd).toBe(0.0151);
    expect(answer.costUsd).toBe(0.0151);
    expect(answer.finish).toBe('stop');
    expect(answer.requestId).toBe('resp_pplx_01');
    expect(answer.modelVersion).toBe('openai/gpt-5.1');
    expect(answer).toMatchObject({ provider: 'perplexity', api: 'agent', channel: 'api', raw });

    const sent = {
      input: 'Quel CRM pour une startup ?',
      model: 'openai/gpt-5.4',
      instructions: 'Sois bref.',
      temperature: 0.3,
      max_output_tokens: 1000,
      reasoning: { effort: 'none' },
      language_preference: 'fr',
      tools: [{ type: 'web_search', user_location: { country: 'FR' } }],
    };
    expect(server.last.url).toBe('/v1/responses');
    expect(server.last.headers['authorization']).toBe('Bearer pplx-test');
    expect(server.last.body).toEqual(sent);
    expect(answer.requestParams).toEqual(sent);
  });

  it('a preset is sent as preset without tools, and refuses sampling', async () => {
    server.reply({ body: fixture('perplexity/agent-markers.json') });
    const answer = await perplexityAdapter.query(query('pro-search', {}), ctx());
    expect(server.last.body).toEqual({ input: 'Quel CRM pour une startup ?', preset: 'pro-search' });
    // No annotations: [n] markers map to search result ids, flagged as unconfirmed.
    expect(answer.citations.map((c) => [c.url, answer.text.slice(c.start ?? 0, c.end ?? 0)])).toEqual([
      ['https://www.hubspot.fr/crm', '[1]'],
      ['https://www.pipedrive.com/fr', '[2]'],
      ['https://www.folk.app/', '[3]'],
    ]);
    expect(answer.notes).toEqual([
      'citations read from [n] markers mapped to search result ids (mapping unconfirmed by the provider)',
    ]);
    expect(() => perplexityAdapter.validateConfig('pro-search', { temperature: 0.5 })).toThrow(/preset chooses/);
  });

  it('a pinned model without web search sends no tools and has no citations', async () => {
    server.reply({ body: fixture('perplexity/agent-no-search.json') });
    const answer = await perplexityAdapter.query(query('anthropic/claude-sonnet-5-5', { webSearch: false }), ctx());
    expect(server.last.body).toEqual({ input: 'Quel CRM pour une startup ?', model: 'anthropic/claude-sonnet-5-5' });
    expect(answer.citations).toEqual([]);
    expect(answer.sources).toEqual([]);
    expect(answer.costUsd).toBe(0.00028);
  });

  it('an incomplete answer is not a stop, and keeps its partial text and usage', async () => {
    const raw = fixture('perplexity/agent-incomplete.json');
    server.reply({ body: raw });
    const answer = await perplexityAdapter.query(query('openai/gpt-5.4', { maxOutputTokens: 16 }), ctx());
    expect(answer.finish).toBe('incomplete');
    expect(answer.text).toBe('Les meilleurs CRM sont HubSpot, Pipe');
    expect(answer.citations).toEqual([]);
    expect(answer.usage).toEqual({
      inputTokens: 40,
      outputTokens: 16,
      reasoningTokens: 0,
      cachedInputTokens: 0,
      searchCalls: 0,
    });
    expect(answer.requestId).toBe('resp_pplx_04');
    expect(answer.modelVersion).toBe('openai/gpt-5.1');
    expect(answer.raw).toEqual(raw);
  });

  it('refuses retired Sonar models and Claude sampling through the agent, naming why', () => {
    expect(() => perplexityAdapter.validateConfig('sonar-pro', {})).toThrow(/retired on 2026-09-27/);
    const err = (() => {
      try {
        perplexityAdapter.validateConfig('anthropic/claude-sonnet-5-5', { temperature: 0.2, seed: 1 });
      } catch (e) {
        return e as ConfigValidationError;
      }
      return null;
    })();
    expect(err?.problems.map((p) => p.param)).toEqual(['seed', 'temperature']);
  });

  it('429 is rate_limited with retry-after; 500 transient with one call; timeout transient', async () => {
    server.reply(
      { status: 429, body: fixture('perplexity/error-429.json'), headers: { 'retry-after': '3' } },
      { status: 500, body: { error: { message: 'Internal error' } } },
      { hang: true },
    );
    const limited = (await failure(perplexityAdapter.query(query('pro-search', {}), ctx()))) as ProviderError;
    expect({ kind: limited.kind, message: limited.message, details: limited.details }).toEqual({
      kind: 'rate_limited',
      message: 'Rate limit exceeded',
      details: {
        provider: 'perplexity',
        status: 429,
        code: 'rate_limit_exceeded',
        retryAfterMs: 3000,
        requestId: null,
      },
    });
    const broken = (await failure(perplexityAdapter.query(query('pro-search', {}), ctx()))) as ProviderError;
    expect({ kind: broken.kind, message: broken.message, details: broken.details }).toEqual({
      kind: 'transient',
      message: 'Internal error',
      details: { provider: 'perplexity', status: 500, code: null, retryAfterMs: null, requestId: null },
    });
    expect(server.requests).toHaveLength(2);
    const late = (await failure(
      perplexityAdapter.query(query('pro-search', {}), ctx({ timeoutMs: 300 })),
    )) as ProviderError;
    expect({ kind: late.kind, message: late.message, details: late.details }).toEqual({
      kind: 'transient',
      message: 'no answer within 300 ms',
      details: { provider: 'perplexity', status: null, code: 'timeout' },
    });
  });

  it('never forwards OpenAI organization or project ids from the environment to Perplexity', async () => {
    vi.stubEnv('OPENAI_ORG_ID', 'org-private');
    vi.stubEnv('OPENAI_PROJECT_ID', 'proj-private');
    vi.stubEnv('OPENAI_BASE_URL', 'http://127.0.0.1:9/elsewhere');
    try {
      server.reply({ body: fixture('perplexity/agent-no-search.json') });
      await perplexityAdapter.query(query('anthropic/claude-sonnet-5-5', { webSearch: false }), ctx());
      expect(server.last.headers['openai-organization']).toBeUndefined();
      expect(server.last.headers['openai-project']).toBeUndefined();
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('malformed JSON is permanent', async () => {
    server.reply({ body: 'not json' });
    expect(await failure(perplexityAdapter.query(query('pro-search', {}), ctx()))).toMatchObject({
      kind: 'permanent',
      code: 'malformed_response',
    });
  });
});

describe('perplexity parse of legacy Sonar bodies', () => {
  it('maps [n] to citations[n-1], notes out-of-range markers, joins titles on URL', () => {
    const parsed = perplexityAdapter.parse(fixture('perplexity/sonar-legacy.json'));
    const text =
      'Essayez HubSpot [1] ou Pipedrive [2]. Salesforce [3][4] reste la référence 🏆, et Zoho [7] est moins cher.';
    expect(parsed.text).toBe(text);
    expect(parsed.citations.map((c) => [c.url, c.title, text.slice(c.start ?? 0, c.end ?? 0)])).toEqual([
      ['https://www.hubspot.com/', 'HubSpot CRM', '[1]'],
      ['https://www.pipedrive.com/', 'Pipedrive', '[2]'],
      ['https://www.salesforce.com/fr/', 'Salesforce France', '[3]'],
      ['https://www.g2.com/categories/crm', 'Best CRM Software', '[4]'],
    ]);
    expect(parsed.notes).toEqual(['marker [7] has no matching citation (5 citations)']);
    expect(parsed.sources).toHaveLength(5);
    expect(parsed.usage).toEqual({
      inputTokens: 9,
      outputTokens: 40,
      reasoningTokens: 0,
      cachedInputTokens: 0,
      searchCalls: 1,
    });
    expect(parsed.providerCostUsd).toBe(0.00505);
    expect(parsed.modelVersion).toBe('sonar');
  });

  it('strips <think> blocks before reading markers', () => {
    const parsed = perplexityAdapter.parse(fixture('perplexity/sonar-reasoning.json'));
    expect(parsed.text).toBe('HubSpot [1] est le plus cité; Pipedrive [2] suit.');
    expect(parsed.citations.map((c) => [c.start, c.end])).toEqual([
      [8, 11],
      [40, 43],
    ]);
    expect(parsed.usage.reasoningTokens).toBe(80);
  });
});
