import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { googleAiOverviewAdapter } from '../../../src/providers/google-ai-overview.js';
import type { ConfigValidationError, ModelParams, QueryContext, QueryInput } from '../../../src/providers/types.js';
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
  credentials: {
    apiKey: 'serp-key',
    login: 'dfs-login',
    password: 'dfs-pass',
    baseUrls: { serpapi: server.url, dataforseo: server.url },
  },
  ...over,
});
const query = (model: string, params: ModelParams, locale = 'fr-FR'): QueryInput => ({
  prompt: 'meilleur crm startup',
  locale,
  model,
  params: googleAiOverviewAdapter.validateConfig(model, params),
  sampleIndex: 0,
  attempt: 1,
});
const searchParams = (url: string) => Object.fromEntries(new URL(url, 'http://x').searchParams);

describe('google_ai_overview through SerpApi', () => {
  it('an inline AI overview: blocks become text, reference_indexes become citations', async () => {
    const raw = fixture('google_ai_overview/serpapi-ai-overview.json');
    server.reply({ body: raw });
    const answer = await googleAiOverviewAdapter.query(
      query('ai_overview', { userLocation: { country: 'FR', city: 'Lyon' } }),
      ctx(),
    );
    expect(server.requests).toHaveLength(1);
    expect(server.last.url.startsWith('/search.json?')).toBe(true);
    expect(searchParams(server.last.url)).toEqual({
      engine: 'google',
      q: 'meilleur crm startup',
      hl: 'fr',
      gl: 'fr',
      location: 'Lyon',
      api_key: 'serp-key',
    });
    const para = 'Pour une startup, HubSpot et Pipedrive sont les CRM les plus recommandés 🚀.';
    const hub = '- HubSpot : offre gratuite et nombreuses intégrations.';
    const pipe = '- Pipedrive : pipeline visuel, dès 14 € par mois.';
    expect(answer.text).toBe([para, '## Points clés', hub, pipe].join('\n'));
    const at = (s: string) => ({ start: answer.text.indexOf(s), end: answer.text.indexOf(s) + s.length });
    expect(answer.citations).toEqual([
      {
        url: 'https://www.blogdumoderateur.com/crm-startups/',
        title: 'Les meilleurs CRM pour startups en 2026',
        ...at(para),
        citedText: 'HubSpot arrive en tête…',
        origin: 'reference',
      },
      {
        url: 'https://www.g2.com/categories/crm',
        title: 'Best CRM Software 2026 | G2',
        ...at(para),
        citedText: 'Top rated CRM: Salesforce, HubSpot…',
        origin: 'reference',
      },
      {
        url: 'https://www.blogdumoderateur.com/crm-startups/',
        title: 'Les meilleurs CRM pour startups en 2026',
        ...at(hub),
        citedText: 'HubSpot arrive en tête…',
        origin: 'reference',
      },
      {
        url: 'https://www.pipedrive.com/fr/pricing',
        title: 'Pipedrive pricing',
        ...at(pipe),
        citedText: 'Plans from 14 €…',
        origin: 'reference',
      },
    ]);
    expect(answer.sources.map((s) => s.url)).toEqual([
      'https://www.blogdumoderateur.com/crm-startups/',
      'https://www.g2.com/categories/crm',
      'https://www.pipedrive.com/fr/pricing',
      'https://www.lesechos.fr/crm',
    ]);
    expect(answer.usage).toEqual({
      inputTokens: 0,
      outputTokens: 0,
      reasoningTokens: 0,
      cachedInputTokens: 0,
      searchCalls: 1,
    });
    expect(answer.costUsd).toBe(0.015);
    expect(answer).toMatchObject({
      provider: 'google_ai_overview',
      api: 'serpapi',
      channel: 'serp',
      model: 'ai_overview',
      finish: 'stop',
      requestId: '6748a1',
      modelVersion: null,
      raw,
    });
    expect(answer.requestParams).toEqual({
      vendor: 'serpapi',
      engine: 'google',
      q: 'meilleur crm startup',
      hl: 'fr',
      gl: 'fr',
      location: 'Lyon',
    });
    expect(JSON.stringify(answer.requestParams)).not.toContain('serp-key');
  });

  it('a page_token overview is fetched at once with a second search, both pages stored', async () => {
    const first = fixture('google_ai_overview/serpapi-page-token.json');
    const second = fixture('google_ai_overview/serpapi-ai-overview-followup.json');
    server.reply({ body: first }, { body: second });
    const answer = await googleAiOverviewAdapter.query(query('ai_overview', {}), ctx());
    expect(server.requests).toHaveLength(2);
    expect(searchParams(server.requests[1]?.url ?? '')).toEqual({
      engine: 'google_ai_overview',
      page_token: 'KIVu-nictZPdjqM4FIRfBUWa0c1Ekz',
      api_key: 'serp-key',
    });
    expect(answer.text).toBe('Pour une startup, HubSpot et Pipedrive sont les CRM les plus recommandés 🚀.');
    expect(answer.citations).toHaveLength(2);
    expect(answer.usage.searchCalls).toBe(2);
    expect(answer.costUsd).toBe(0.03);
    expect(answer.raw).toEqual({ object: 'citewatch.serp_capture', vendor: 'serpapi', pages: [first, second] });
    expect(googleAiOverviewAdapter.parse(answer.raw).text).toBe(answer.text);
  });

  it('no AI overview on the page is a valid absent result, not an error', async () => {
    server.reply({ body: fixture('google_ai_overview/serpapi-no-overview.json') });
    const answer = await googleAiOverviewAdapter.query(query('ai_overview', {}, 'en-US'), ctx());
    expect(answer).toMatchObject({ finish: 'absent', text: '', citations: [], sources: [], costUsd: 0.015 });
    expect(searchParams(server.last.url)).toMatchObject({ hl: 'en', gl: 'us' });
  });

  it('AI Mode uses engine=google_ai_mode and cites a table block', async () => {
    server.reply({ body: fixture('google_ai_overview/serpapi-ai-mode.json') });
    const answer = await googleAiOverviewAdapter.query(query('ai_mode', {}, 'en-US'), ctx());
    expect(searchParams(server.last.url).engine).toBe('google_ai_mode');
    const table = '| CRM | Free plan |\n| HubSpot | Yes |\n| Attio | Yes |';
    expect(answer.text).toBe(`For startups, HubSpot is the most common pick, with Attio gaining fast.\n${table}`);
    expect(answer.citations.map((c) => [c.url, answer.text.slice(c.start ?? 0, c.end ?? 0)])).toEqual([
      [
        'https://www.attio.com/blog/best-crm',
        'For startups, HubSpot is the most common pick, with Attio gaining fast.',
      ],
      ['https://www.capterra.com/crm-software/', table],
    ]);
  });

  it('errors are classified by status: 401 permanent with the vendor message, 429 waits, 503 retries, timeout', async () => {
    server.reply(
      { status: 401, body: fixture('google_ai_overview/error-serpapi-401.json') },
      { status: 429, body: { error: 'Your account has run out of searches.' }, headers: { 'retry-after': '60' } },
      { status: 503, body: { error: 'Service unavailable' } },
      { hang: true },
    );
    const run = (over: Partial<QueryContext> = {}) =>
      googleAiOverviewAdapter.query(query('ai_overview', {}), ctx(over));
    expect(await failure(run())).toMatchObject({
      kind: 'permanent',
      status: 401,
      message: 'Invalid API key. Your API key should be here: https://serpapi.com/manage-api-key',
    });
    expect(await failure(run())).toMatchObject({ kind: 'rate_limited', status: 429, retryAfterMs: 60_000 });
    expect(await failure(run())).toMatchObject({ kind: 'transient', status: 503 });
    expect(await failure(run({ timeoutMs: 50 }))).toMatchObject({ kind: 'transient', code: 'timeout' });
  });

  it('malformed JSON is permanent; a missing key names SERPAPI_API_KEY', async () => {
    server.reply({ body: '<!doctype html>' });
    expect(await failure(googleAiOverviewAdapter.query(query('ai_overview', {}), ctx()))).toMatchObject({
      kind: 'permanent',
      code: 'malformed_response',
    });
    expect(
      await failure(googleAiOverviewAdapter.query(query('ai_overview', {}), ctx({ credentials: {} }))),
    ).toMatchObject({
      kind: 'permanent',
      message: 'SERPAPI_API_KEY is not set',
    });
  });
});

describe('google_ai_overview through DataForSEO', () => {
  it('posts a live task with basic auth and reads the overview, its markdown and reported cost', async () => {
    const raw = fixture('google_ai_overview/dataforseo-ai-overview.json');
    server.reply({ body: raw });
    const answer = await googleAiOverviewAdapter.query(query('ai_overview', { vendor: 'dataforseo' }), ctx());
    expect(server.last.method).toBe('POST');
    expect(server.last.url).toBe('/v3/serp/google/organic/live/advanced');
    expect(server.last.headers['authorization']).toBe(`Basic ${Buffer.from('dfs-login:dfs-pass').toString('base64')}`);
    expect(server.last.body).toEqual([
      {
        keyword: 'meilleur crm startup',
        language_code: 'fr',
        location_code: 2250,
        device: 'desktop',
        load_async_ai_overview: true,
      },
    ]);
    const first = 'Pour une startup, **HubSpot** et **Pipedrive** sont les CRM les plus recommandés 🚀.';
    const second = 'HubSpot offre une version gratuite avec de nombreuses intégrations.';
    expect(answer.text).toBe(`${first}\n\n${second}`);
    expect(answer.citations).toEqual([
      {
        url: 'https://www.g2.com/categories/crm',
        title: 'Best CRM Software 2026',
        start: 0,
        end: first.length,
        citedText: 'Top rated CRM…',
        origin: 'reference',
      },
      {
        url: 'https://www.hubspot.fr/products/crm',
        title: 'CRM gratuit',
        start: first.length + 2,
        end: answer.text.length,
        citedText: 'Le CRM gratuit…',
        origin: 'reference',
      },
    ]);
    expect(answer.sources).toHaveLength(3);
    expect(answer).toMatchObject({
      api: 'dataforseo',
      channel: 'serp',
      finish: 'stop',
      providerCostUsd: 0.004,
      costUsd: 0.004,
      requestId: '11281000-1535-0139-0000-6a8b2c3d4e5f',
    });
    expect(JSON.stringify(answer.requestParams)).not.toContain('dfs-pass');
  });

  it('AI Mode posts to the ai_mode endpoint; no overview is absent', async () => {
    server.reply(
      { body: fixture('google_ai_overview/dataforseo-ai-mode.json') },
      { body: fixture('google_ai_overview/dataforseo-no-overview.json') },
    );
    const mode = await googleAiOverviewAdapter.query(
      query('ai_mode', { vendor: 'dataforseo', userLocation: { country: 'US' } }, 'en'),
      ctx(),
    );
    expect(server.last.url).toBe('/v3/serp/google/ai_mode/live/advanced');
    expect(server.last.body).toEqual([
      { keyword: 'meilleur crm startup', language_code: 'en', location_code: 2840, device: 'desktop' },
    ]);
    expect(mode.finish).toBe('stop');
    const absent = await googleAiOverviewAdapter.query(query('ai_overview', { vendor: 'dataforseo' }), ctx());
    expect(absent).toMatchObject({ finish: 'absent', text: '', costUsd: 0.002 });
  });

  it('a failed task inside HTTP 200 is classified by its status code', async () => {
    server.reply(
      { body: fixture('google_ai_overview/dataforseo-task-error.json') },
      { body: fixture('google_ai_overview/dataforseo-task-server-error.json') },
    );
    expect(
      await failure(googleAiOverviewAdapter.query(query('ai_overview', { vendor: 'dataforseo' }), ctx())),
    ).toMatchObject({
      kind: 'permanent',
      status: 405,
      code: '40501',
      message: "Invalid Field: 'location_code'.",
    });
    expect(
      await failure(googleAiOverviewAdapter.query(query('ai_overview', { vendor: 'dataforseo' }), ctx())),
    ).toMatchObject({ kind: 'transient', status: 500, code: '50000' });
  });

  it('missing login or password fails permanently', async () => {
    expect(
      await failure(
        googleAiOverviewAdapter.query(
          query('ai_overview', { vendor: 'dataforseo' }),
          ctx({ credentials: { apiKey: 'x' } }),
        ),
      ),
    ).toMatchObject({
      kind: 'permanent',
      message: 'DATAFORSEO_LOGIN / DATAFORSEO_PASSWORD is not set',
    });
  });
});

describe('google_ai_overview configuration', () => {
  it('refuses every model parameter with the reason, and unknown surfaces', () => {
    let error: ConfigValidationError | null = null;
    try {
      googleAiOverviewAdapter.validateConfig('ai_overview', { temperature: 0.2, seed: 1, webSearch: false });
    } catch (err) {
      error = err as ConfigValidationError;
    }
    expect(error?.problems).toEqual([
      {
        param: 'temperature',
        message:
          "not supported by google_ai_overview: the answer is captured from Google's results page, so there are no model parameters",
      },
      {
        param: 'seed',
        message:
          "not supported by google_ai_overview: the answer is captured from Google's results page, so there are no model parameters",
      },
      { param: 'webSearch', message: expect.stringMatching(/always searches the web/) as unknown as string },
    ]);
    expect(() => googleAiOverviewAdapter.validateConfig('ai_chat', {})).toThrow(/must be "ai_overview" or "ai_mode"/);
    expect(() =>
      googleAiOverviewAdapter.validateConfig('ai_mode', { vendor: 'dataforseo', userLocation: { country: 'XK' } }),
    ).toThrow(/no DataForSEO location code known for XK/);
    expect(googleAiOverviewAdapter.validateConfig('ai_mode', {})).toEqual({ vendor: 'serpapi', webSearch: true });
  });
});
