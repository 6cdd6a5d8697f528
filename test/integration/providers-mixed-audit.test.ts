/**
 * One audit mixing a configuration of every provider, each pointed at a fake on 127.0.0.1 through
 * the same settings a deployment uses (*_BASE_URL, a configuration's baseUrl), run by a real
 * worker. Every stored response keeps provider, channel, model, the exact request, the config
 * hash, usage, cost, latency, request id and raw body; calls that fail land as failed responses
 * with their reason, never as answers that mention nobody.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeCost } from '../../src/providers/cost.js';
import { getAdapter } from '../../src/providers/registry.js';
import type { ProviderName } from '../../src/providers/types.js';
import { createTenant } from '../factories/index.js';
import { apiClient, seedWorkspace, type ApiClient } from '../helpers/api.js';
import { createTestContext, waitFor, type TestContext } from '../helpers/context.js';
import { FakeProviders, providerFixture } from '../helpers/fake-providers.js';

interface Case {
  name: string;
  provider: ProviderName;
  model: string;
  params: Record<string, unknown>;
  /** Fake route the call must reach (none for the mock). */
  route: string | null;
  fixture: Record<string, unknown> | null;
  channel: 'api' | 'serp' | 'mock' | 'app';
  requestId: string | null;
  /** The price table's key, when it is not the model (SERP vendors price per surface). */
  priceModel?: string;
}

let ctx: TestContext;
let api: ApiClient;
let fake: FakeProviders;
const fx = {
  responses: providerFixture('openai/responses-web-search.json'),
  chat: providerFixture('openai/chat-search-preview.json'),
  anthropic: providerFixture('anthropic/messages-web-search.json'),
  perplexity: providerFixture('perplexity/agent-response.json'),
  gemini: providerFixture('gemini/grounded.json'),
  serp: providerFixture('google_ai_overview/serpapi-ai-overview.json'),
  compat: providerFixture('openai_compatible/mistral-chat.json'),
  app: providerFixture('assistant_app/chatgpt-live.json'),
  // Bright Data answers an array of records; the fake serves it as it is.
  brightdata: providerFixture('assistant_app/brightdata-scrape.json'),
};

beforeAll(async () => {
  fake = await FakeProviders.start();
  // Both OpenAI configurations share OPENAI_BASE_URL; the path tells Responses from Chat.
  const openai = fake.route('openai', { body: fx.responses, headers: { 'x-request-id': 'req_abc123' } });
  fake.route('openai/v1/chat', { body: fx.chat, headers: { 'x-request-id': 'req_chat' } });
  const anthropic = fake.route('anthropic', { body: fx.anthropic, headers: { 'request-id': 'req_011CVabc' } });
  const perplexity = fake.route('perplexity', { body: fx.perplexity });
  const gemini = fake.route('gemini', { body: fx.gemini });
  const serpapi = fake.route('serpapi', { body: fx.serp });
  const dataforseo = fake.route('dataforseo', { body: fx.app });
  const brightdata = fake.route('brightdata', { body: fx.brightdata });
  fake.route('compat-ok', { body: fx.compat });
  fake.route('compat-400', {
    status: 400,
    body: {
      error: { message: "The model 'ghost-1' does not exist", type: 'invalid_request_error', code: 'model_not_found' },
    },
  });
  const cut = {
    ...fx.compat,
    id: 'cmpl-cut',
    choices: [{ index: 0, finish_reason: 'length', message: { role: 'assistant', content: '' } }],
  };
  fake.route('compat-cut', { body: cut });
  ctx = await createTestContext({
    OPENAI_API_KEY: 'sk-test',
    OPENAI_BASE_URL: `${openai}/v1`,
    ANTHROPIC_API_KEY: 'sk-ant-test',
    ANTHROPIC_BASE_URL: anthropic,
    PERPLEXITY_API_KEY: 'pplx-test',
    PERPLEXITY_BASE_URL: `${perplexity}/v1`,
    GEMINI_API_KEY: 'AIza-test',
    GEMINI_BASE_URL: gemini,
    SERPAPI_API_KEY: 'serp-test',
    SERPAPI_BASE_URL: serpapi,
    DATAFORSEO_LOGIN: 'dfs-test',
    DATAFORSEO_PASSWORD: 'dfs-secret',
    DATAFORSEO_BASE_URL: dataforseo,
    BRIGHTDATA_API_KEY: 'bd-secret',
    BRIGHTDATA_BASE_URL: brightdata,
    OPENAI_COMPATIBLE_ALLOW_PRIVATE_HOSTS: 'true',
    OPENAI_COMPATIBLE_API_KEY: 'compat-test',
    OPENAI_COMPATIBLE_KEY_HOSTS: new URL(fake.url).hostname,
  });
  api = apiClient(ctx.app, (await createTenant(ctx.db)).headers);
  await ctx.startWorker().ready;
});
afterAll(async () => {
  await ctx?.close();
  await fake?.close();
});

describe('an audit mixing every provider', () => {
  it('stores each answer with its provider facts, and failures as failed responses with their reason', async () => {
    const { base, prompts } = await seedWorkspace(api, { prompts: 1, configs: [] });
    const prompt = prompts[0].text as string;
    const cases: Case[] = [
      {
        name: 'gpt responses',
        provider: 'openai',
        model: 'gpt-5.4-mini',
        params: { webSearch: true },
        route: 'openai',
        fixture: fx.responses,
        channel: 'api',
        requestId: 'req_abc123',
      },
      {
        name: 'gpt chat',
        provider: 'openai',
        model: 'gpt-4o-search-preview',
        params: {},
        route: 'openai/v1/chat',
        fixture: fx.chat,
        channel: 'api',
        requestId: 'req_chat',
      },
      {
        name: 'claude',
        provider: 'anthropic',
        model: 'claude-sonnet-5-5',
        params: { webSearch: true, persona: 'CFO of a 40-store retail chain' },
        route: 'anthropic',
        fixture: fx.anthropic,
        channel: 'api',
        requestId: 'req_011CVabc',
      },
      {
        name: 'perplexity',
        provider: 'perplexity',
        model: 'openai/gpt-5.4',
        params: {
          temperature: 0.3,
          reasoningEffort: 'none',
          systemPrompt: 'Be brief.',
          persona: 'Founder of a design studio',
        },
        route: 'perplexity',
        fixture: fx.perplexity,
        channel: 'api',
        requestId: String(fx.perplexity['id']),
      },
      {
        name: 'gemini',
        provider: 'gemini',
        model: 'gemini-3.8-flash',
        params: { webSearch: true, persona: 'IT manager in Lyon' },
        route: 'gemini',
        fixture: fx.gemini,
        channel: 'api',
        requestId: String(fx.gemini['responseId']),
      },
      {
        name: 'ai overview',
        provider: 'google_ai_overview',
        model: 'ai_overview',
        params: {},
        route: 'serpapi',
        fixture: fx.serp,
        channel: 'serp',
        requestId: String((fx.serp['search_metadata'] as { id: string }).id),
        priceModel: 'serpapi:ai_overview',
      },
      {
        name: 'chatgpt app',
        provider: 'assistant_app',
        model: 'chatgpt',
        params: {},
        route: 'dataforseo',
        fixture: fx.app,
        channel: 'app',
        requestId: '11181012-1535-0139-0000-5a2b4c0d9e11',
        priceModel: 'dataforseo:live:chatgpt',
      },
      {
        name: 'chatgpt app (bright data)',
        provider: 'assistant_app',
        model: 'chatgpt',
        params: { vendor: 'brightdata' },
        route: 'brightdata',
        fixture: fx.brightdata,
        channel: 'app',
        // A /scrape that answers within the vendor's minute carries no snapshot id.
        requestId: null,
        priceModel: 'brightdata:live:chatgpt',
      },
      {
        name: 'mock app',
        provider: 'mock_app',
        model: 'chatgpt',
        params: { costUsd: 0.002 },
        route: null,
        fixture: null,
        channel: 'app',
        requestId: '',
      },
      {
        name: 'mistral',
        provider: 'openai_compatible',
        model: 'mistral-medium-latest',
        params: { baseUrl: `${fake.url}/compat-ok/v1`, persona: 'Head of sales at an agency' },
        route: 'compat-ok',
        fixture: fx.compat,
        channel: 'api',
        requestId: String(fx.compat['id']),
      },
      {
        name: 'mock',
        provider: 'mock',
        model: 'mock-1',
        params: { costUsd: 0.0125 },
        route: null,
        fixture: null,
        channel: 'mock',
        requestId: '',
      },
    ];
    const configs = new Map<string, { id: string; hash: string; params: Record<string, unknown> }>();
    for (const c of [
      ...cases,
      {
        name: 'ghost',
        provider: 'openai_compatible',
        model: 'ghost-1',
        params: { baseUrl: `${fake.url}/compat-400/v1` },
      },
      {
        name: 'cut',
        provider: 'openai_compatible',
        model: 'mistral-small-latest',
        params: { baseUrl: `${fake.url}/compat-cut/v1` },
      },
    ]) {
      configs.set(
        c.name,
        await api.post(`${base}/model-configs`, {
          name: c.name,
          provider: c.provider,
          model: c.model,
          params: c.params,
        }),
      );
    }
    const audit = await api.post(`${base}/audits`, {
      name: 'every provider',
      promptTags: ['crm'],
      modelConfigIds: [...configs.values()].map((c) => c.id),
    });
    const run = await api.post(`${base}/runs`, { auditId: audit.id });
    const done = await waitFor(async () => {
      const r = await api.get(`${base}/runs/${run.id}`);
      return r.finishedAt && r.progress.analyzed === r.progress.succeeded ? r : null;
    }, 'the mixed run to finish');

    const rows = await ctx.db.prisma.response.findMany({ where: { runId: run.id } });
    const byConfig = new Map(rows.map((r) => [r.modelConfigId, r]));
    for (const c of cases) {
      const config = configs.get(c.name)!;
      const row = byConfig.get(config.id)!;
      const label = `${c.name}: ${row.error ?? ''}`;
      expect(row.status, label).toBe('succeeded');
      expect(
        {
          provider: row.provider,
          channel: row.channel,
          model: row.model,
          configHash: row.configHash,
          attempts: row.attempts,
        },
        c.name,
      ).toEqual({
        provider: c.provider,
        channel: c.channel,
        model: c.model,
        configHash: config.hash,
        attempts: 1,
      });
      expect(row.latencyMs, c.name).toBeGreaterThanOrEqual(0);
      expect(row.errorCode, c.name).toBeNull();
      const adapter = getAdapter(c.provider);
      if (c.fixture === null && c.provider === 'mock_app') {
        // The mock app: no HTTP, a deterministic body in the capture vendor's shape.
        expect(Number(row.costUsd)).toBe(0.002);
        expect(row.providerRequestId).toMatch(/^mock-app-[0-9a-f]{20}$/);
        expect(adapter.parse(row.raw).text).toBe(row.text);
        continue;
      }
      if (c.fixture === null) {
        // The mock: no HTTP, its own deterministic body and the cost the configuration sets.
        expect(Number(row.costUsd)).toBe(0.0125);
        expect(row.providerRequestId).toMatch(/^mock_[0-9a-f]{16}$/);
        expect(row.requestParams).toEqual({ model: 'mock-1', ...config.params });
        expect(adapter.parse(row.raw).text).toBe(row.text);
        continue;
      }
      const sent = fake.to(c.route!);
      expect(sent, c.name).toHaveLength(1);
      // The persona reaches the provider as the system text, after the system prompt, and is kept as sent.
      if (typeof c.params['persona'] === 'string') {
        const system =
          typeof c.params['systemPrompt'] === 'string'
            ? `${c.params['systemPrompt']}\n\nThe person asking: ${c.params['persona']}`
            : `The person asking: ${c.params['persona']}`;
        const asJson = JSON.stringify(system);
        expect(JSON.stringify(sent[0]!.body), c.name).toContain(asJson);
        expect(JSON.stringify(row.requestParams), c.name).toContain(asJson);
      }
      expect(row.raw, c.name).toEqual(c.fixture);
      expect(row.providerRequestId, c.name).toBe(c.requestId);
      const parsed = adapter.parse(c.fixture);
      expect(row.text, c.name).toBe(parsed.text);
      expect(
        {
          input: row.inputTokens,
          output: row.outputTokens,
          reasoning: row.reasoningTokens,
          cached: row.cachedInputTokens,
          searches: row.searchCalls,
        },
        c.name,
      ).toEqual({
        input: parsed.usage.inputTokens,
        output: parsed.usage.outputTokens,
        reasoning: parsed.usage.reasoningTokens,
        cached: parsed.usage.cachedInputTokens,
        searches: parsed.usage.searchCalls,
      });
      const cost =
        parsed.providerCostUsd ??
        computeCost(c.provider, c.priceModel ?? c.model, parsed.usage, row.createdAt) ??
        (parsed.modelVersion ? computeCost(c.provider, parsed.modelVersion, parsed.usage, row.createdAt) : null);
      if (cost === null) expect(row.costUsd, c.name).toBeNull();
      else expect(Number(row.costUsd), c.name).toBeCloseTo(cost, 5); // stored with 6 decimals
      // What was stored as the request is what the provider received (SerpApi gets it as a query string).
      if (c.provider === 'google_ai_overview') {
        const query = Object.fromEntries(new URL(sent[0]!.url, fake.url).searchParams);
        expect(row.requestParams).toMatchObject({ vendor: 'serpapi', q: prompt });
        expect(query).toMatchObject({ q: prompt, engine: 'google' });
        expect(JSON.stringify(row.requestParams)).not.toContain('serp-test');
      } else if (c.provider === 'assistant_app' && c.route === 'brightdata') {
        expect(sent[0]!.url).toBe(
          '/brightdata/datasets/v3/scrape?dataset_id=gd_m7aof0k82r803d5bjm&format=json&include_errors=true',
        );
        expect(sent[0]!.body).toEqual({ input: [{ url: 'https://chatgpt.com/', prompt, country: 'us' }] });
        expect(row.requestParams).toEqual({
          vendor: 'brightdata',
          endpoint: '/datasets/v3/scrape',
          dataset_id: 'gd_m7aof0k82r803d5bjm',
          url: 'https://chatgpt.com/',
          prompt,
          country: 'us',
        });
        expect(JSON.stringify(row.requestParams)).not.toContain('bd-secret');
        expect(Number(row.costUsd)).toBe(0.0015);
        expect(row.searchQueries).toEqual(['meilleur crm startup 2026', 'pipedrive vs hubspot avis']);
      } else if (c.provider === 'assistant_app') {
        expect(sent[0]!.url).toBe('/dataforseo/v3/ai_optimization/chat_gpt/llm_scraper/live/advanced');
        expect(sent[0]!.body).toEqual([{ keyword: prompt, language_code: 'en', location_code: 2840 }]);
        expect(row.requestParams).toEqual({
          vendor: 'dataforseo',
          endpoint: '/v3/ai_optimization/chat_gpt/llm_scraper/live/advanced',
          keyword: prompt,
          language_code: 'en',
          location_code: 2840,
        });
        expect(JSON.stringify(row.requestParams)).not.toContain('dfs-secret');
        expect(row.searchQueries).toEqual(['meilleur crm startup 2026', 'pipedrive vs hubspot avis reddit']);
      } else if (c.provider === 'openai_compatible') {
        expect(row.requestParams).toEqual({ baseUrl: config.params['baseUrl'], ...(sent[0]!.body as object) });
      } else if (c.provider === 'gemini') {
        expect(row.requestParams).toEqual({ model: c.model, ...(sent[0]!.body as object) });
      } else {
        expect(row.requestParams, c.name).toEqual(sent[0]!.body);
      }
    }
    expect(done.progress).toMatchObject({ total: 13, succeeded: 11, failed: 2, pending: 0 });
    // The figures the fixtures are known for, so a wrong mapping cannot hide behind the parser.
    const responsesRow = byConfig.get(configs.get('gpt responses')!.id)!;
    expect(Number(responsesRow.costUsd)).toBeCloseTo(0.02669, 6);
    expect(responsesRow.requestParams).toMatchObject({
      model: 'gpt-5.4-mini',
      input: prompt,
      tools: [{ type: 'web_search' }],
    });
    expect(byConfig.get(configs.get('perplexity')!.id)!.requestParams).toMatchObject({
      model: 'openai/gpt-5.4',
      temperature: 0.3,
    });

    const ghost = byConfig.get(configs.get('ghost')!.id)!;
    expect({
      status: ghost.status,
      errorCode: ghost.errorCode,
      error: ghost.error,
      text: ghost.text,
      attempts: ghost.attempts,
    }).toEqual({
      status: 'failed',
      errorCode: 'model_not_found',
      error: "The model 'ghost-1' does not exist",
      text: null,
      attempts: 1,
    });
    const cutOff = byConfig.get(configs.get('cut')!.id)!;
    expect({
      status: cutOff.status,
      errorCode: cutOff.errorCode,
      text: cutOff.text,
      attempts: cutOff.attempts,
    }).toEqual({ status: 'failed', errorCode: 'empty_answer_length', text: null, attempts: 1 });
    expect(cutOff.error).toMatch(/cut off by the output token limit/);
    // Permanent failures are not retried: one call each.
    expect(fake.to('compat-400')).toHaveLength(1);
    expect(fake.to('compat-cut')).toHaveLength(1);
    // Failed responses are never analysed, so they cannot count as "brand not mentioned".
    const mentions = await ctx.db.prisma.mention.count({ where: { responseId: { in: [ghost.id, cutOff.id] } } });
    expect(mentions).toBe(0);
    expect([ghost.analyzedAt, cutOff.analyzedAt]).toEqual([null, null]);
  });
});
