import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assistantAppAdapter } from '../../../src/providers/assistant-app.js';
import { getAdapter } from '../../../src/providers/registry.js';
import {
  type ConfigValidationError,
  ProviderError,
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
  credentials: { login: 'dfs-login', password: 'dfs-pass', baseUrls: { dataforseo: server.url } },
  pollIntervalMs: 0,
  ...over,
});
const query = (
  model: string,
  params: ModelParams = {},
  locale = 'fr-FR',
  prompt = 'meilleur crm pour une startup',
): QueryInput => ({
  prompt,
  locale,
  model,
  params: assistantAppAdapter.validateConfig(model, params),
  sampleIndex: 0,
  attempt: 1,
});

describe('assistant_app: ChatGPT through DataForSEO LLM Scraper (live)', () => {
  it('posts one task to live/advanced with Basic auth, the keyword, language and country', async () => {
    server.reply({ body: fixture('assistant_app/chatgpt-live.json') });
    const answer = await assistantAppAdapter.query(query('chatgpt', { webSearch: true }), ctx());
    expect(server.requests).toHaveLength(1);
    expect(server.last.method).toBe('POST');
    expect(server.last.url).toBe('/v3/ai_optimization/chat_gpt/llm_scraper/live/advanced');
    expect(server.last.headers.authorization).toBe(`Basic ${Buffer.from('dfs-login:dfs-pass').toString('base64')}`);
    expect(server.last.body).toEqual([
      { keyword: 'meilleur crm pour une startup', language_code: 'fr', location_code: 2250, force_web_search: true },
    ]);
    expect(answer.channel).toBe('app');
    expect(answer.api).toBe('dataforseo:live');
    expect(answer.requestId).toBe('11181012-1535-0139-0000-5a2b4c0d9e11');
    expect(answer.requestParams).toMatchObject({ vendor: 'dataforseo', keyword: 'meilleur crm pour une startup' });
    expect(JSON.stringify(answer.requestParams)).not.toContain('dfs-pass');
  });

  it('keeps the markdown, places cited sources on their inline markers, keeps search results apart', async () => {
    const raw = fixture('assistant_app/chatgpt-live.json');
    server.reply({ body: raw });
    const answer = await assistantAppAdapter.query(query('chatgpt'), ctx());
    const md = (raw['tasks'] as Array<{ result: Array<{ markdown: string }> }>)[0]?.result[0]?.markdown as string;
    // The product carousel is not in the markdown: its cards are appended as the lines a person reads.
    expect(answer.text).toBe(
      `${md}\n\n- Freshsales Growth — 9 EUR — Freshworks\n- Pipedrive Essential — 14 EUR — Pipedrive`,
    );
    expect(answer.text).toContain('| Zoho CRM | 14 € | Rapport qualité-prix |');
    const marker = (url: string) => {
      const at = answer.text.indexOf(`](${url})`);
      const start = answer.text.lastIndexOf('[', at);
      return { start, end: at + url.length + 3 };
    };
    const blog = 'https://www.blogdumoderateur.com/crm-startups/?utm_source=chatgpt.com';
    const reddit = 'https://www.reddit.com/r/sales/comments/1abc2de/pipedrive_vs_hubspot/?utm_source=chatgpt.com';
    expect(answer.citations.map((c) => c.url)).toEqual([
      blog,
      reddit,
      'https://www.zoho.com/fr/crm/?utm_source=chatgpt.com',
      'https://www.lesechos.fr/crm-comparatif-2026',
    ]);
    expect(answer.citations[0]).toEqual({
      url: blog,
      title: 'Les meilleurs CRM pour startups en 2026',
      ...marker(blog),
      citedText: 'HubSpot propose une offre gratuite…',
      origin: 'annotation',
    });
    // UTF-16 offsets after "é" and an emoji: the span holds the marker itself.
    const c1 = answer.citations[1];
    expect(answer.text.slice(c1?.start ?? 0, c1?.end ?? 0)).toBe(`[reddit.com](${reddit})`);
    // A cited source with no marker in the text keeps null offsets, and a note says so.
    expect(answer.citations[3]).toMatchObject({ start: null, end: null });
    expect(answer.notes).toEqual([
      "2 product card(s) not in the app's markdown were added as text",
      '1 cited source(s) have no inline marker in the answer',
    ]);
    // Search results are retrieved sources, deduplicated; brand entities and products are never citations.
    expect(answer.sources).toEqual([
      { url: 'https://www.blogdumoderateur.com/crm-startups/', title: 'Les meilleurs CRM pour startups en 2026' },
      { url: 'https://www.g2.com/categories/crm', title: 'Best CRM Software' },
    ]);
    expect(answer.citations.some((c) => c.url.includes('hubspot.fr') || c.url.includes('freshworks'))).toBe(false);
    expect(answer.searchQueries).toEqual(['meilleur crm startup 2026', 'pipedrive vs hubspot avis reddit']);
    expect(answer.modelVersion).toBe('gpt-5-3');
    expect(answer.finish).toBe('stop');
    // The vendor's reported cost wins over the price table.
    expect(answer.providerCostUsd).toBe(0.004);
    expect(answer.costUsd).toBe(0.004);
    expect(answer.raw).toEqual(raw);
  });

  it('re-parses its stored raw body to the same answer', async () => {
    server.reply({ body: fixture('assistant_app/chatgpt-live.json') });
    const answer = await assistantAppAdapter.query(query('chatgpt'), ctx());
    const again = getAdapter('assistant_app').parse(answer.raw);
    expect(again.text).toBe(answer.text);
    expect(again.citations).toEqual(answer.citations);
    expect(again.sources).toEqual(answer.sources);
    expect(again.searchQueries).toEqual(answer.searchQueries);
  });

  it('an answer without a vendor cost is priced from the dated table', async () => {
    const raw = fixture('assistant_app/chatgpt-live.json');
    delete raw['cost'];
    delete (raw['tasks'] as Array<Record<string, unknown>>)[0]?.['cost'];
    server.reply({ body: raw });
    const answer = await assistantAppAdapter.query(query('chatgpt'), ctx());
    expect(answer.providerCostUsd).toBeNull();
    expect(answer.costUsd).toBe(0.004);
    expect(assistantAppAdapter.estimateCost({ model: 'chatgpt', params: { queue: 'standard' } })).toBe(0.0012);
  });
});

describe('assistant_app: the Gemini app', () => {
  it('asks the gemini scraper; sources without markers are citations with null offsets', async () => {
    server.reply({ body: fixture('assistant_app/gemini-live.json') });
    const answer = await assistantAppAdapter.query(query('gemini', {}, 'en-US', 'best crm for a startup'), ctx());
    expect(server.last.url).toBe('/v3/ai_optimization/gemini/llm_scraper/live/advanced');
    expect(server.last.body).toEqual([{ keyword: 'best crm for a startup', language_code: 'en', location_code: 2840 }]);
    expect(answer.text).toContain('| Pipedrive | No, 14-day trial |');
    expect(answer.citations.map((c) => [c.url, c.start])).toEqual([
      ['https://www.hubspot.com/pricing/crm', null],
      ['https://www.pipedrive.com/en/pricing', null],
    ]);
    expect(answer.sources).toEqual([]);
    expect(answer.searchQueries).toEqual([]);
    expect(answer.modelVersion).toBe('gemini-3-flash');
  });
});

describe('assistant_app: standard queue (task_post, then task_get until ready)', () => {
  it('posts the task, polls while it is queued, and keeps the charge of the post', async () => {
    server.reply(
      { body: fixture('assistant_app/chatgpt-task-post.json') },
      { body: fixture('assistant_app/chatgpt-task-queued.json') },
      { body: fixture('assistant_app/chatgpt-task-ready.json') },
    );
    const answer = await assistantAppAdapter.query(query('chatgpt', { queue: 'standard' }), ctx());
    const id = '11181013-1535-0139-0000-77aa00bb11cc';
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'POST /v3/ai_optimization/chat_gpt/llm_scraper/task_post',
      `GET /v3/ai_optimization/chat_gpt/llm_scraper/task_get/advanced/${id}`,
      `GET /v3/ai_optimization/chat_gpt/llm_scraper/task_get/advanced/${id}`,
    ]);
    expect(answer.api).toBe('dataforseo:standard');
    expect(answer.requestId).toBe(id);
    expect(answer.costUsd).toBe(0.0012);
    expect(answer.citations).toHaveLength(4);
    const again = assistantAppAdapter.parse(answer.raw);
    expect(again.providerCostUsd).toBe(0.0012);
    expect(again.text).toBe(answer.text);
  });

  it('gives up at the call deadline while the task stays queued', async () => {
    server.reply({ body: fixture('assistant_app/chatgpt-task-post.json') });
    for (let i = 0; i < 50; i++) server.reply({ body: fixture('assistant_app/chatgpt-task-queued.json') });
    const err = (await failure(
      assistantAppAdapter.query(query('chatgpt', { queue: 'standard' }), ctx({ timeoutMs: 300, pollIntervalMs: 20 })),
    )) as ProviderError;
    expect(err).toBeInstanceOf(ProviderError);
    expect(err.kind).toBe('transient');
    expect(err.code).toBe('timeout');
  });
});

describe('assistant_app errors', () => {
  const cases: Array<[string, number | undefined, string, number, string]> = [
    ['error-task-payment.json', undefined, 'permanent', 402, '40200'],
    ['error-task-rate-limit.json', undefined, 'rate_limited', 429, '40202'],
    ['error-task-llm.json', undefined, 'transient', 503, '40101'],
    ['error-envelope-500.json', undefined, 'transient', 500, '50000'],
  ];
  for (const [file, status, kind, asStatus, code] of cases) {
    it(`${file}: an HTTP 200 body with status ${code} is ${kind}`, async () => {
      server.reply({ ...(status ? { status } : {}), body: fixture(`assistant_app/${file}`) });
      const err = (await failure(assistantAppAdapter.query(query('chatgpt'), ctx()))) as ProviderError;
      expect(err).toBeInstanceOf(ProviderError);
      expect([err.kind, err.status, err.code]).toEqual([kind, asStatus, code]);
      expect(err.message).toMatch(/^DataForSEO: /);
    });
  }

  it('HTTP 401 is permanent and keeps the vendor message; HTTP 429 waits as Retry-After says', async () => {
    server.reply({ status: 401, body: fixture('assistant_app/error-http-401.json') });
    const auth = (await failure(assistantAppAdapter.query(query('chatgpt'), ctx()))) as ProviderError;
    expect([auth.kind, auth.status]).toEqual(['permanent', 401]);
    expect(auth.message).toBe('You are not authorized to access this resource.');
    server.reply({
      status: 429,
      headers: { 'retry-after': '7' },
      body: { status_code: 42900, status_message: 'Too many requests' },
    });
    const limited = (await failure(assistantAppAdapter.query(query('chatgpt'), ctx()))) as ProviderError;
    expect([limited.kind, limited.retryAfterMs]).toEqual(['rate_limited', 7_000]);
  });

  it('refuses without the DataForSEO login, and a prompt over the vendor limit, before any call', async () => {
    const missing = (await failure(
      assistantAppAdapter.query(query('chatgpt'), ctx({ credentials: {} })),
    )) as ProviderError;
    expect(missing.kind).toBe('permanent');
    expect(missing.message).toContain('DATAFORSEO_LOGIN');
    const long = (await failure(
      assistantAppAdapter.query(query('chatgpt', {}, 'en', 'x'.repeat(2001)), ctx()),
    )) as ProviderError;
    expect([long.kind, long.code]).toEqual(['permanent', 'prompt_too_long']);
    expect(server.requests).toHaveLength(0);
  });

  it('a result with no answer text is a failed response, not "brand not mentioned"', async () => {
    const raw = fixture('assistant_app/gemini-live.json');
    const result = (raw['tasks'] as Array<{ result: Array<Record<string, unknown>> }>)[0]?.result[0] as Record<
      string,
      unknown
    >;
    result['markdown'] = '';
    result['items'] = [];
    server.reply({ body: raw });
    const err = (await failure(assistantAppAdapter.query(query('gemini'), ctx()))) as ProviderError;
    expect(err.kind).toBe('transient');
    expect(err.code).toBe('empty_answer');
  });
});

describe('assistant_app configurations', () => {
  const problems = (model: string, params: unknown) => {
    try {
      assistantAppAdapter.validateConfig(model, params);
      return [];
    } catch (err) {
      return (err as ConfigValidationError).problems.map((p) => `${p.param}: ${p.message}`);
    }
  };

  it('defaults: DataForSEO, live queue, the app decides whether to search', () => {
    expect(assistantAppAdapter.validateConfig('chatgpt', {})).toEqual({
      vendor: 'dataforseo',
      webSearch: false,
      queue: 'live',
    });
  });

  it('refuses every model parameter the app cannot take, with the reason', () => {
    const found = problems('chatgpt', {
      temperature: 0.2,
      seed: 1,
      systemPrompt: 'Be brief',
      maxOutputTokens: 100,
      topP: 0.5,
      reasoningEffort: 'low',
    });
    expect(found).toHaveLength(6);
    for (const line of found)
      expect(line).toMatch(
        /^(temperature|seed|systemPrompt|maxOutputTokens|topP|reasoningEffort): not supported by assistant_app: the answer is captured from the consumer app/,
      );
    expect(problems('chatgpt', { userLocation: { country: 'FR' } })).toEqual([
      'userLocation: not supported by assistant_app: the capture is placed by country from the locale\'s region (e.g. "fr-FR"); set locale instead',
    ]);
  });

  it('knows its assistants, their search switch, and the countries it can place', () => {
    expect(problems('copilot', {})).toEqual(['model: must be one of: "chatgpt", "gemini"']);
    expect(problems('gemini', { webSearch: true })[0]).toMatch(
      /^webSearch: not available for gemini: captured from the Gemini app, which decides for itself/,
    );
    expect(problems('chatgpt', { locale: 'fr-FR', queue: 'standard' })).toEqual([]);
    expect(problems('chatgpt', { locale: 'sw-KE' })).toEqual(['locale: no DataForSEO location code known for KE']);
    expect(problems('chatgpt', { vendor: 'cloro' })[0]).toMatch(/^vendor: /);
  });
});
