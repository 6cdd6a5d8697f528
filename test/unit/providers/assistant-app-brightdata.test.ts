import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assistantAppAdapter } from '../../../src/providers/assistant-app.js';
import { parseBrightDataChatGpt } from '../../../src/providers/brightdata-chatgpt.js';
import { getAdapter } from '../../../src/providers/registry.js';
import {
  type ConfigValidationError,
  type ModelParams,
  ProviderError,
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
  credentials: { apiKey: 'bd-key', baseUrls: { brightdata: server.url } },
  pollIntervalMs: 0,
  ...over,
});
const query = (
  params: ModelParams = {},
  locale = 'fr-FR',
  prompt = 'meilleur crm pour une startup',
  model = 'chatgpt',
): QueryInput => ({
  prompt,
  locale,
  model,
  params: assistantAppAdapter.validateConfig(model, { vendor: 'brightdata', ...params }),
  sampleIndex: 0,
  attempt: 1,
});
const list = (body: unknown) => body as unknown as Array<Record<string, unknown>>;
const SCRAPE = '/datasets/v3/scrape?dataset_id=gd_m7aof0k82r803d5bjm&format=json&include_errors=true';
const TRIGGER = '/datasets/v3/trigger?dataset_id=gd_m7aof0k82r803d5bjm&format=json&include_errors=true';
const SNAPSHOT = 's_m4x7enmven8djfqak';

describe('parsing Bright Data ChatGPT records', () => {
  it("reads the vendor's documented example: markdown kept, the cited source, the link on the answer's words", () => {
    const parsed = parseBrightDataChatGpt(fixture('assistant_app/brightdata-scrape-documented.json'));
    const text = '## Top Hotels in New York City\n\n1. **The Plaza** - Iconic luxury...';
    expect(parsed.text).toBe(text);
    expect(parsed.citations).toEqual([
      {
        url: 'https://www.travelandleisure.com/best-hotels-nyc',
        title: 'Best Hotels in NYC 2024',
        start: null,
        end: null,
        citedText: null,
        origin: 'annotation',
      },
      {
        url: 'https://www.theplazany.com',
        title: 'The Plaza',
        start: text.indexOf('The Plaza'),
        end: text.indexOf('The Plaza') + 'The Plaza'.length,
        citedText: null,
        origin: 'annotation',
      },
    ]);
    expect(parsed.sources).toEqual([
      { url: 'https://www.travelandleisure.com/best-hotels-nyc', title: 'Best Hotels in NYC' },
    ]);
    expect(parsed.modelVersion).toBe('gpt-4o');
    expect(parsed.providerCostUsd).toBeNull();
    expect(parsed.notes).toEqual(['1 cited source(s) have no inline marker in the answer']);
  });

  it('refuses a body of neither vendor, and a record the vendor could not fill', () => {
    expect(() => parseBrightDataChatGpt({ choices: [] })).toThrow(/not a Bright Data ChatGPT body/);
    expect(() => parseBrightDataChatGpt(fixture('assistant_app/error-brightdata-record.json'))).toThrow(
      /record failed: require_sources No sources found in the page/,
    );
    expect(() => assistantAppAdapter.parse({ choices: [] })).toThrow(/not an app capture/);
  });
});

describe('assistant_app through Bright Data (live: /scrape)', () => {
  it('posts one input to the ChatGPT dataset with the bearer key, the prompt and the country', async () => {
    server.reply({ body: fixture('assistant_app/brightdata-scrape.json') });
    const answer = await assistantAppAdapter.query(query({ webSearch: true }), ctx());
    expect(server.requests).toHaveLength(1);
    expect([server.last.method, server.last.url]).toEqual(['POST', SCRAPE]);
    expect(server.last.headers.authorization).toBe('Bearer bd-key');
    expect(server.last.body).toEqual({
      input: [
        { url: 'https://chatgpt.com/', prompt: 'meilleur crm pour une startup', country: 'fr', web_search: true },
      ],
    });
    expect(answer.channel).toBe('app');
    expect(answer.api).toBe('brightdata:live');
    expect(answer.requestId).toBeNull();
    expect(answer.requestParams).toMatchObject({ vendor: 'brightdata', endpoint: '/datasets/v3/scrape' });
    expect(JSON.stringify(answer.requestParams)).not.toContain('bd-key');
  });

  it('keeps the markdown, places citations by position on their markers, keeps search results and products apart', async () => {
    const raw = fixture('assistant_app/brightdata-scrape.json');
    server.reply({ body: raw });
    const answer = await assistantAppAdapter.query(query(), ctx());
    const md = list(raw)[0]?.['answer_text_markdown'] as string;
    // The carousel's cards are not in the markdown: appended as the lines a person reads.
    expect(answer.text).toBe(
      `${md}\n\n- Freshsales Growth — 9 € — Freshworks\n- Pipedrive Essential — 14 € — Pipedrive`,
    );
    expect(answer.text).toContain('| Zoho CRM | 14 € | Rapport qualité-prix |');
    const blog = 'https://www.blogdumoderateur.com/crm-startups/?utm_source=chatgpt.com';
    const reddit = 'https://www.reddit.com/r/sales/comments/1abc2de/pipedrive_vs_hubspot/?utm_source=chatgpt.com';
    const attio = 'https://attio.com/blog/crm-startups?utm_source=chatgpt.com';
    // Ordered by the vendor's position, not by the list's order; the "cited: false" one is left out.
    expect(answer.citations.map((c) => c.url)).toEqual([
      blog,
      reddit,
      attio,
      'https://www.lesechos.fr/crm-comparatif-2026',
      'https://www.zoho.com/fr/crm/',
    ]);
    // UTF-16 offsets after "é" and an emoji: each span holds its marker.
    for (const [i, label] of [
      [0, 'blogdumoderateur.com'],
      [1, 'reddit.com'],
      [2, 'attio.com'],
    ] as const) {
      const c = answer.citations[i];
      expect(answer.text.slice(c?.start ?? 0, c?.end ?? 0)).toBe(`[${label}](${c?.url})`);
    }
    expect(answer.citations[3]).toMatchObject({ start: null, end: null, title: 'Comparatif CRM 2026' });
    const zoho = answer.citations[4];
    expect(answer.text.slice(zoho?.start ?? 0, zoho?.end ?? 0)).toBe('Zoho CRM');
    expect(answer.notes).toEqual([
      "2 product card(s) not in the app's markdown were added as text",
      '1 cited source(s) have no inline marker in the answer',
    ]);
    expect(answer.sources).toEqual([
      { url: 'https://www.blogdumoderateur.com/crm-startups/', title: 'Les meilleurs CRM pour startups en 2026' },
      { url: 'https://www.capterra.fr/directory/30019/crm/software', title: 'Logiciels CRM' },
      { url: 'https://www.g2.com/categories/crm', title: 'Best CRM Software' },
    ]);
    expect(answer.citations.some((c) => c.url.includes('freshworks') || c.url.includes('capterra'))).toBe(false);
    expect(answer.searchQueries).toEqual(['meilleur crm startup 2026', 'pipedrive vs hubspot avis']);
    expect(answer.modelVersion).toBe('gpt-5-3');
    expect(answer.finish).toBe('stop');
    // Bright Data reports no cost on a record: the dated price per record applies.
    expect(answer.providerCostUsd).toBeNull();
    expect(answer.costUsd).toBe(0.0015);
    expect(answer.raw).toEqual(raw);
  });

  it('re-parses its stored raw body to the same answer, through the registry', async () => {
    server.reply({ body: fixture('assistant_app/brightdata-scrape.json') });
    const answer = await assistantAppAdapter.query(query(), ctx());
    const again = getAdapter('assistant_app').parse(answer.raw);
    expect(again.text).toBe(answer.text);
    expect(again.citations).toEqual(answer.citations);
    expect(again.sources).toEqual(answer.sources);
    expect(again.searchQueries).toEqual(answer.searchQueries);
  });

  it('a /scrape past the vendor minute answers a snapshot id: polled until ready, then downloaded', async () => {
    server.reply(
      { body: fixture('assistant_app/brightdata-task-trigger.json') },
      { body: fixture('assistant_app/brightdata-task-progress-running.json') },
      { body: fixture('assistant_app/brightdata-task-progress-ready.json') },
      { status: 202, body: fixture('assistant_app/brightdata-task-snapshot-building.json') },
      { body: fixture('assistant_app/brightdata-task-progress-ready.json') },
      { body: fixture('assistant_app/brightdata-scrape.json') },
    );
    const answer = await assistantAppAdapter.query(query(), ctx());
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      `POST ${SCRAPE}`,
      `GET /datasets/v3/progress/${SNAPSHOT}`,
      `GET /datasets/v3/progress/${SNAPSHOT}`,
      `GET /datasets/v3/snapshot/${SNAPSHOT}?format=json`,
      `GET /datasets/v3/progress/${SNAPSHOT}`,
      `GET /datasets/v3/snapshot/${SNAPSHOT}?format=json`,
    ]);
    for (const r of server.requests) expect(r.headers.authorization).toBe('Bearer bd-key');
    expect(answer.requestId).toBe(SNAPSHOT);
    expect(answer.raw).toEqual({
      object: 'citewatch.brightdata_snapshot',
      vendor: 'brightdata',
      snapshotId: SNAPSHOT,
      records: fixture('assistant_app/brightdata-scrape.json'),
    });
    expect(answer.citations).toHaveLength(5);
    expect(assistantAppAdapter.parse(answer.raw).text).toBe(answer.text);
  });
});

describe('assistant_app through Bright Data (standard: /trigger)', () => {
  it('triggers a snapshot at once and downloads it when ready; same price per record', async () => {
    server.reply(
      { body: fixture('assistant_app/brightdata-task-trigger.json') },
      { body: fixture('assistant_app/brightdata-task-progress-ready.json') },
      { body: fixture('assistant_app/brightdata-scrape-documented.json') },
    );
    const answer = await assistantAppAdapter.query(
      query({ queue: 'standard' }, 'en-US', 'Top hotels in New York'),
      ctx(),
    );
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      `POST ${TRIGGER}`,
      `GET /datasets/v3/progress/${SNAPSHOT}`,
      `GET /datasets/v3/snapshot/${SNAPSHOT}?format=json`,
    ]);
    expect(server.requests[0]?.body).toEqual({
      input: [{ url: 'https://chatgpt.com/', prompt: 'Top hotels in New York', country: 'us' }],
    });
    expect(answer.api).toBe('brightdata:standard');
    expect(answer.costUsd).toBe(0.0015);
    expect(assistantAppAdapter.estimateCost({ model: 'chatgpt', params: { vendor: 'brightdata' } })).toBe(0.0015);
    expect(
      assistantAppAdapter.estimateCost({ model: 'chatgpt', params: { vendor: 'brightdata', queue: 'standard' } }),
    ).toBe(0.0015);
  });

  it('gives up at the call deadline while the snapshot keeps running', async () => {
    server.reply({ body: fixture('assistant_app/brightdata-task-trigger.json') });
    for (let i = 0; i < 50; i++) server.reply({ body: fixture('assistant_app/brightdata-task-progress-running.json') });
    const err = (await failure(
      assistantAppAdapter.query(query({ queue: 'standard' }), ctx({ timeoutMs: 300, pollIntervalMs: 20 })),
    )) as ProviderError;
    expect(err).toBeInstanceOf(ProviderError);
    expect([err.kind, err.code]).toEqual(['transient', 'timeout']);
  });
});

describe('assistant_app through Bright Data: errors', () => {
  it('a failed snapshot is a vendor error worth another attempt, keeping the vendor message', async () => {
    server.reply(
      { body: fixture('assistant_app/brightdata-task-trigger.json') },
      { body: fixture('assistant_app/brightdata-task-progress-failed.json') },
    );
    const err = (await failure(assistantAppAdapter.query(query({ queue: 'standard' }), ctx()))) as ProviderError;
    expect([err.kind, err.code, err.details.requestId]).toEqual(['transient', 'snapshot_failed', SNAPSHOT]);
    expect(err.message).toBe(
      `Bright Data: snapshot ${SNAPSHOT} failed: Something went wrong. Our team is looking into it.`,
    );
  });

  it('a record the collector could not fill is transient, with the vendor code', async () => {
    server.reply({ body: fixture('assistant_app/error-brightdata-record.json') });
    const err = (await failure(assistantAppAdapter.query(query(), ctx()))) as ProviderError;
    expect([err.kind, err.status, err.code]).toEqual(['transient', 503, 'require_sources']);
    expect(err.message).toBe('Bright Data: No sources found in the page');
  });

  it('a capture that delivers no record is transient, never an answer that mentions nobody', async () => {
    server.reply({ body: [] });
    const err = (await failure(assistantAppAdapter.query(query(), ctx()))) as ProviderError;
    expect([err.kind, err.status, err.code]).toEqual(['transient', 503, 'no_record']);
  });

  it('HTTP statuses: 401 and 402 are permanent, 429 waits as Retry-After says, 5xx retries', async () => {
    server.reply({ status: 401, body: 'Unauthorized' });
    const auth = (await failure(assistantAppAdapter.query(query(), ctx()))) as ProviderError;
    expect([auth.kind, auth.status, auth.message]).toEqual(['permanent', 401, 'Unauthorized']);

    server.reply({ status: 402, body: 'Payment Required' });
    const credits = (await failure(assistantAppAdapter.query(query(), ctx()))) as ProviderError;
    expect([credits.kind, credits.status]).toEqual(['permanent', 402]);

    const busy =
      'You have too many running jobs for this dataset. Please wait until some of them finish or consider combining multiple inputs into a single request. Running jobs: 100>=100';
    server.reply({ status: 429, headers: { 'retry-after': '9' }, body: busy });
    const limited = (await failure(assistantAppAdapter.query(query({ queue: 'standard' }), ctx()))) as ProviderError;
    expect([limited.kind, limited.status, limited.retryAfterMs, limited.message]).toEqual([
      'rate_limited',
      429,
      9_000,
      busy,
    ]);

    server.reply({ status: 500, body: 'Internal server error' });
    const vendor = (await failure(assistantAppAdapter.query(query(), ctx()))) as ProviderError;
    expect([vendor.kind, vendor.status]).toEqual(['transient', 500]);
  });

  it('a hung /scrape ends at the call deadline as a transient timeout', async () => {
    server.reply({ hang: true });
    const err = (await failure(assistantAppAdapter.query(query(), ctx({ timeoutMs: 200 })))) as ProviderError;
    expect([err.kind, err.code]).toEqual(['transient', 'timeout']);
  });

  it('refuses without the Bright Data key, and a prompt over its limit, before any call', async () => {
    const missing = (await failure(
      assistantAppAdapter.query(query(), ctx({ credentials: { login: 'dfs', password: 'p' } })),
    )) as ProviderError;
    expect([missing.kind, missing.code]).toEqual(['permanent', 'missing_credentials']);
    expect(missing.message).toContain('BRIGHTDATA_API_KEY');
    // 4,096 characters is Bright Data's limit; DataForSEO's 2,000 does not apply to it.
    await expect(assistantAppAdapter.query(query({}, 'fr-FR', 'x'.repeat(4096)), ctx())).rejects.toThrow();
    expect(server.requests).toHaveLength(1);
    const long = (await failure(
      assistantAppAdapter.query(query({}, 'fr-FR', 'x'.repeat(4097)), ctx()),
    )) as ProviderError;
    expect([long.kind, long.code]).toEqual(['permanent', 'prompt_too_long']);
    expect(long.message).toBe('the prompt has 4097 characters; Bright Data takes at most 4096');
    expect(server.requests).toHaveLength(1);
  });
});

describe('assistant_app configurations with vendor brightdata', () => {
  const problems = (model: string, params: unknown) => {
    try {
      assistantAppAdapter.validateConfig(model, params);
      return [];
    } catch (err) {
      return (err as ConfigValidationError).problems.map((p) => `${p.param}: ${p.message}`);
    }
  };

  it('accepts ChatGPT with either queue, and refuses the Gemini app with the reason', () => {
    expect(assistantAppAdapter.validateConfig('chatgpt', { vendor: 'brightdata' })).toEqual({
      vendor: 'brightdata',
      webSearch: false,
      queue: 'live',
    });
    expect(problems('chatgpt', { vendor: 'brightdata', queue: 'standard', webSearch: true })).toEqual([]);
    expect(problems('gemini', { vendor: 'brightdata' })).toEqual([
      'vendor: Bright Data captures only "chatgpt" in Citewatch (its ChatGPT Search dataset is the one whose documented response the parser follows); use vendor "dataforseo" for gemini',
    ]);
    expect(problems('gemini', { vendor: 'dataforseo' })).toEqual([]);
    expect(problems('chatgpt', { vendor: 'oxylabs' })[0]).toMatch(/^vendor: /);
    // Bright Data takes the country code itself: a country DataForSEO has no location code for is fine there.
    expect(problems('chatgpt', { vendor: 'brightdata', locale: 'is-IS' })).toEqual([]);
    expect(problems('chatgpt', { vendor: 'dataforseo', locale: 'is-IS' })).toEqual([
      'locale: no DataForSEO location code known for IS',
    ]);
  });
});
