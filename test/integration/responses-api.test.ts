/**
 * The responses resource: read-only, newest first with cursor pagination, filters by run, prompt,
 * configuration and status, one response with its raw payload, and clear errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { responseDto, responsesPage } from '../../src/modules/responses/responses.schemas.js';
import { addRun, createWorld, type World } from '../factories/answers.js';
import { createTenant, type TestTenant } from '../factories/index.js';
import { createTestContext, type TestContext } from '../helpers/context.js';

let ctx: TestContext;
let tenant: TestTenant;
let world: World;
let firstRun: string;
let secondRun: string;

const get = (url: string) => ctx.app.inject({ url: `${world.base}${url}`, headers: tenant.headers });

beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await createTenant(ctx.db);
  world = await createWorld(ctx.db, tenant.organizationId, {
    brands: [{ name: 'Acme', kind: 'own', domains: ['acme.com'] }, { name: 'Globex' }],
    prompts: [
      { key: 'p', text: 'Which CRM?' },
      { key: 'q', text: 'Quel CRM ?' },
    ],
    configs: [{ key: 'c' }, { key: 'd' }],
  });
  firstRun = await addRun(ctx.db, world, {
    createdAt: new Date('2026-06-01T12:00:00Z'),
    answers: [
      {
        prompt: 'p',
        config: 'c',
        text: 'Acme, then Globex.',
        mentions: [
          { brand: 'Acme', spans: [[0, 4]] },
          { brand: 'Globex', spans: [[11, 17]] },
        ],
        citations: [{ url: 'https://acme.com/pricing', source: 'annotation' }],
      },
      { prompt: 'q', config: 'd', status: 'failed' },
    ],
  });
  secondRun = await addRun(ctx.db, world, {
    createdAt: new Date('2026-06-02T12:00:00Z'),
    answers: [
      { prompt: 'p', config: 'd', text: 'Globex only.', mentions: [{ brand: 'Globex', spans: [[0, 6]] }] },
      { prompt: 'q', config: 'c', text: 'Aucun.' },
      { prompt: 'p', config: 'c', status: 'pending' },
    ],
  });
  await ctx.db.pool.query(
    `UPDATE responses SET raw = '{"id":"resp_1","output":[]}', input_tokens = 12, output_tokens = 34, cost_usd = 0.000123 WHERE run_id = $1`,
    [firstRun],
  );
});
afterAll(async () => ctx.close());

describe('responses', () => {
  it('pages every response newest first, with usage, cost and facts, and without raw unless asked', async () => {
    const first = await get('/responses?limit=3');
    expect(first.statusCode, first.body).toBe(200);
    const page = responsesPage.parse(first.json());
    expect(page.data.map((r) => r.status)).toEqual(['pending', 'succeeded', 'succeeded']);
    expect(page.data.every((r) => r.runId === secondRun)).toBe(true);
    expect(page.data[0]).not.toHaveProperty('raw');
    expect(page.nextCursor).toBe(page.data[2]?.id);
    const second = responsesPage.parse(
      (await get(`/responses?limit=3&cursor=${page.nextCursor}&includeRaw=true`)).json(),
    );
    expect(second.nextCursor).toBeNull();
    expect(second.data).toHaveLength(2);
    expect(second.data[0]).toMatchObject({
      status: 'failed',
      text: null,
      error: 'provider error',
      mentions: [],
      citations: [],
    });
    expect(second.data[1]).toMatchObject({
      runId: firstRun,
      channel: 'mock',
      text: 'Acme, then Globex.',
      usage: { inputTokens: 12, outputTokens: 34, reasoningTokens: null },
      costUsd: '0.000123',
      raw: { id: 'resp_1', output: [] },
      mentions: [
        { brandName: 'Acme', spans: [[0, 4]], rank: 1 },
        { brandName: 'Globex', spans: [[11, 17]], rank: 2 },
      ],
      citations: [{ position: 1, domain: 'acme.com', source: 'annotation', brandId: world.brand('Acme') }],
    });
  });

  it('filters by run, prompt, configuration and status', async () => {
    const ids = async (query: string) => responsesPage.parse((await get(`/responses?${query}`)).json()).data.length;
    expect(await ids(`runId=${firstRun}`)).toBe(2);
    expect(await ids(`promptId=${world.prompt('p')}`)).toBe(3);
    expect(await ids(`modelConfigId=${world.config('d')}`)).toBe(2);
    expect(await ids('status=failed')).toBe(1);
    expect(await ids(`runId=${secondRun}&promptId=${world.prompt('p')}&status=succeeded`)).toBe(1);
  });

  it('reads one response with its raw payload, or without it on request', async () => {
    const list = responsesPage.parse((await get(`/responses?runId=${firstRun}&status=succeeded`)).json());
    const id = list.data[0]?.id as string;
    const one = await get(`/responses/${id}`);
    expect(one.statusCode, one.body).toBe(200);
    expect(responseDto.parse(one.json())).toMatchObject({
      id,
      raw: { id: 'resp_1', output: [] },
      configHash: expect.any(String),
    });
    expect(responseDto.parse((await get(`/responses/${id}?includeRaw=false`)).json())).not.toHaveProperty('raw');
  });

  it('answers 404 for an unknown response and 400 naming the field for a bad id or filter', async () => {
    const missing = await get('/responses/0190f5d2-0000-7000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    const bad = await get('/responses/not-a-uuid');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('responseId');
    const badStatus = await get('/responses?status=done');
    expect(badStatus.statusCode).toBe(400);
    expect(badStatus.body).toContain('status');
    const unknown = await get('/responses?colour=blue');
    expect(unknown.statusCode).toBe(400);
  });

  it('is read-only', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: `${world.base}/responses`,
      headers: tenant.headers,
      payload: {},
    });
    expect(res.statusCode).toBe(404);
  });
});
