/**
 * A 429 is a wait, not a failure: with PROVIDER_MAX_ATTEMPTS=1 a call the provider rate-limits
 * several times still succeeds once the provider lets it through, and the stored response says
 * it took one attempt. The waits follow the provider's retry-after-ms, and a rate-limited call
 * gives its worker slot back while it waits, so the queue's other calls go first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant } from '../factories/index.js';
import { apiClient, seedWorkspace, type ApiClient } from '../helpers/api.js';
import { createTestContext, waitFor, type TestContext } from '../helpers/context.js';
import { FakeProviders, providerFixture } from '../helpers/fake-providers.js';
import { mockAdapter } from '../../src/providers/mock.js';
import { ProviderError } from '../../src/providers/types.js';

const RATE_LIMITED = 3;
const WAIT_MS = 80;

let ctx: TestContext;
let api: ApiClient;
let fake: FakeProviders;

beforeAll(async () => {
  fake = await FakeProviders.start();
  const limited = {
    status: 429,
    headers: { 'retry-after-ms': String(WAIT_MS), 'x-request-id': 'req_429' },
    body: providerFixture('openai/error-429-rate-limit.json'),
  };
  const openai = fake.route('openai', ...Array.from({ length: RATE_LIMITED }, () => limited), {
    body: providerFixture('openai/responses-no-search.json'),
    headers: { 'x-request-id': 'req_ok' },
  });
  ctx = await createTestContext({
    OPENAI_API_KEY: 'sk-test',
    OPENAI_BASE_URL: `${openai}/v1`,
    PROVIDER_MAX_ATTEMPTS: '1',
    OPENAI_CONCURRENCY: '1',
  });
  api = apiClient(ctx.app, (await createTenant(ctx.db)).headers);
  await ctx.startWorker().ready;
});
afterAll(async () => {
  await ctx?.close();
  await fake?.close();
});

const finishedRun = (base: string, runId: string) =>
  waitFor(async () => {
    const r = await api.get(`${base}/runs/${runId}`);
    return r.finishedAt ? r : null;
  }, 'the run to finish');

describe('rate limits', () => {
  it('429s with retry-after-ms do not use up the only attempt', async () => {
    const { base } = await seedWorkspace(api, { prompts: 1, configs: [] });
    const config = await api.post(`${base}/model-configs`, {
      name: 'gpt',
      provider: 'openai',
      model: 'gpt-5.4-mini',
      params: {},
    });
    const run = await api.post(`${base}/runs`, { promptTags: ['crm'], modelConfigIds: [config.id], samplesPerPair: 1 });
    const done = await finishedRun(base, run.id);
    expect(done.progress).toMatchObject({ total: 1, succeeded: 1, failed: 0 });

    const [row] = await ctx.db.prisma.response.findMany({ where: { runId: run.id } });
    expect({
      status: row?.status,
      attempts: row?.attempts,
      errorCode: row?.errorCode,
      error: row?.error,
      requestId: row?.providerRequestId,
    }).toEqual({
      status: 'succeeded',
      attempts: 1,
      errorCode: null,
      error: null,
      requestId: 'req_ok',
    });
    expect(row?.text).toBe('Popular CRMs for startups include HubSpot, Pipedrive and Salesforce.');

    const calls = fake.to('openai');
    expect(calls).toHaveLength(RATE_LIMITED + 1);
    // Each retry came after the wait the provider asked for (arrival times on the fake's clock).
    for (let i = 1; i < calls.length; i++) expect(calls[i]!.at - calls[i - 1]!.at).toBeGreaterThanOrEqual(WAIT_MS - 5);
  });

  it("lets the queue's other calls go first while a rate-limited call waits", async () => {
    const { base } = await seedWorkspace(api, { prompts: 5, configs: [] });
    const config = await api.post(`${base}/model-configs`, {
      name: 'gpt',
      provider: 'openai',
      model: 'gpt-5.4-mini',
      params: {},
    });
    fake.route(
      'openai',
      { status: 429, headers: { 'retry-after-ms': '10' }, body: providerFixture('openai/error-429-rate-limit.json') },
      { body: providerFixture('openai/responses-no-search.json') },
    );
    const before = fake.to('openai').length;
    const run = await api.post(`${base}/runs`, { promptTags: ['crm'], modelConfigIds: [config.id], samplesPerPair: 1 });
    const done = await finishedRun(base, run.id);
    expect(done.progress).toMatchObject({ total: 5, succeeded: 5, failed: 0 });
    // One call at a time (OPENAI_CONCURRENCY=1): the limited prompt is asked again only after the four others.
    const prompts = fake
      .to('openai')
      .slice(before)
      .map((r) => (r.body as { input: string }).input);
    expect(prompts).toHaveLength(6);
    expect(new Set(prompts.slice(0, 5)).size).toBe(5);
    expect(prompts[5]).toBe(prompts[0]);
  });

  it("lets the mock's simulated 429s clear on a later try, as the same draws say", async () => {
    const failureRate = 0.5;
    const { base, configs, prompts } = await seedWorkspace(api, { prompts: 1, configs: [{ failureRate }] });
    const run = await api.post(`${base}/runs`, {
      promptTags: ['crm'],
      modelConfigIds: [configs[0].id],
      samplesPerPair: 24,
    });
    await finishedRun(base, run.id);

    // What each sample's only attempt must end as: tried until the mock stops answering 429.
    const params = mockAdapter.validateConfig('mock-1', { failureRate });
    const expected: string[] = [];
    let limitedFirst = 0;
    for (let sampleIndex = 0; sampleIndex < 24; sampleIndex++) {
      for (let tries = 0; ; tries++) {
        const input = {
          prompt: prompts[0].text,
          locale: prompts[0].locale,
          model: 'mock-1',
          params,
          sampleIndex,
          attempt: 1,
          rateLimitedTries: tries,
        };
        const kind = await mockAdapter.query(input, { timeoutMs: 5_000, credentials: {} }).then(
          () => 'succeeded',
          (err: unknown) => (err instanceof ProviderError ? err.kind : 'unexpected'),
        );
        if (kind === 'rate_limited') {
          if (tries === 0) limitedFirst++;
          continue;
        }
        expected.push(kind === 'succeeded' ? 'succeeded' : 'failed: Internal server error (simulated)');
        break;
      }
    }
    expect(limitedFirst).toBeGreaterThan(2);
    const { rows } = await ctx.db.pool.query<{ status: string; error: string | null }>(
      'SELECT status, error FROM responses WHERE run_id = $1 ORDER BY sample_index',
      [run.id],
    );
    expect(rows.map((r) => (r.status === 'failed' ? `failed: ${r.error}` : r.status))).toEqual(expected);
  });
});
