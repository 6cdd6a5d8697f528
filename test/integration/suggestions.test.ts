/**
 * Suggested competitors and prompts for a workspace (POST …/suggestions), over HTTP with a real
 * worker: built-in templates and the search queries of stored answers answer at once; a model is
 * asked through the provider layer as a priced job — the mock answering like an assistant, a
 * fake OpenAI whose answer holds nothing usable failing with the reason — refused before any call when its
 * estimate is over the budget. And the draft audit estimate (POST …/audits/estimate), priced like
 * the saved audit, and a month at its schedule.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, type TestTenant } from '../factories/index.js';
import { apiClient, seedWorkspace, type ApiClient } from '../helpers/api.js';
import { createTestContext, waitFor, type TestContext } from '../helpers/context.js';
import { FakeOpenAI } from '../helpers/fake-openai.js';
import { insertSuggestion } from '../../src/modules/suggestions/suggestions.repo.js';
import { recoverStaleSuggestions } from '../../src/modules/suggestions/suggestions.service.js';

let ctx: TestContext;
let tenant: TestTenant;
let api: ApiClient;
let fake: FakeOpenAI;

beforeAll(async () => {
  fake = await FakeOpenAI.start({ failureRate: 0 });
  ctx = await createTestContext(fake.env);
  tenant = await createTenant(ctx.db);
  api = apiClient(ctx.app, tenant.headers);
  await ctx.startWorker().ready;
});
afterAll(async () => {
  await ctx?.close();
  await fake?.close();
});

interface Suggestion {
  id: string;
  status: string;
  competitors: Array<{ name: string; domain: string | null }>;
  prompts: Array<{ text: string; tags: string[] }>;
  [key: string]: unknown;
}

const newWorkspace = async (name = 'Onboarding') => `/v1/workspaces/${(await api.post('/v1/workspaces', { name })).id}`;

const suggest = async (base: string, body: Record<string, unknown>): Promise<Suggestion> =>
  (await api.send('POST', `${base}/suggestions`, body, 202)).body;

const finished = (base: string, id: string) =>
  waitFor(async () => {
    const s = (await api.get(`${base}/suggestions/${id}`)) as Suggestion;
    return s.status === 'succeeded' || s.status === 'failed' ? s : null;
  }, `suggestion ${id} to finish`);

const refused = async (base: string, body: Record<string, unknown>, status = 400) => {
  const res = await api.send('POST', `${base}/suggestions`, body, status);
  expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  return res.body as { code: string; detail: string; errors?: Array<{ path: string; message: string }> };
};

describe('suggestions from templates', () => {
  it('answer at once with buyer questions about the category and the brand', async () => {
    const base = await newWorkspace();
    const s = await suggest(base, { source: 'templates', brandName: 'Trailpack', category: 'travel' });
    expect(s).toMatchObject({
      source: 'templates',
      status: 'succeeded',
      category: 'travel',
      competitors: [],
      costUsd: null,
    });
    expect(s.prompts.length).toBeGreaterThanOrEqual(6);
    expect(s.prompts.filter((p) => p.text.includes('Trailpack')).length).toBeGreaterThan(0);
    expect(s.prompts.filter((p) => !p.text.includes('Trailpack')).length).toBeGreaterThan(0);
    for (const p of s.prompts) expect(p.tags).toContain('travel');
    expect(await api.get(`${base}/suggestions/${s.id}`)).toEqual(s);

    // A category in words picks its set and is written into the questions; an unknown one gets the generic set.
    const crm = await suggest(base, { source: 'templates', brandName: 'Pipedrive', category: 'CRM' });
    expect(crm.prompts[0]?.text).toBe('What is the best CRM for a small business?');
    expect(crm.prompts[0]?.tags).toEqual(['category', 'software']);
    const other = await suggest(base, { source: 'templates', brandName: 'Zeta' });
    expect(other.category).toBe('generic');
    expect(other.prompts.map((p) => p.text)).toContain('What are the best alternatives to Zeta?');

    const list = await api.get(`${base}/suggestions`);
    expect(list.data.map((x: Suggestion) => x.id)).toEqual([other.id, crm.id, s.id]);
  });
});

describe('suggestions from the searches assistants ran', () => {
  it('offers the search queries of stored answers, most frequent first', async () => {
    const { base, configs, prompts } = await seedWorkspace(api, {
      prompts: 3,
      configs: [{ webSearch: true, temperature: 0 }],
    });
    expect((await suggest(base, { source: 'searches', brandName: 'Pipedrive' })).prompts).toEqual([]);
    const runAll = await api.post(`${base}/runs`, { promptTags: ['crm'], modelConfigIds: [configs[0].id] });
    // The first prompt is asked again, twice: its search comes first.
    const runOne = await api.post(`${base}/runs`, {
      promptIds: [prompts[0].id],
      modelConfigIds: [configs[0].id],
      samplesPerPair: 2,
    });
    for (const run of [runAll, runOne])
      await waitFor(
        async () => (await api.get(`${base}/runs/${run.id}`)).status === 'completed',
        'the run to complete',
      );
    const s = await suggest(base, { source: 'searches', brandName: 'Pipedrive' });
    expect(s.status).toBe('succeeded');
    expect(s.prompts.map((p) => p.text)).toHaveLength(3);
    expect(s.prompts[0]).toEqual({ text: prompts[0].text.toLowerCase(), tags: ['from-searches'] });
    expect(s.prompts.map((p) => p.text).sort()).toEqual(
      prompts.map((p: { text: string }) => p.text.toLowerCase()).sort(),
    );
  });
});

describe('suggestions from a model', () => {
  it('asks the mock through a worker: realistic competitors (never the brand itself) and prompts, priced', async () => {
    const base = await newWorkspace();
    const config = await api.post(`${base}/model-configs`, {
      name: 'mock',
      provider: 'mock',
      model: 'mock-1',
      params: { costUsd: 0.02 },
    });
    const queued = await suggest(base, {
      source: 'model',
      brandName: 'Pipedrive',
      website: 'https://www.pipedrive.com/en',
      category: 'CRM',
      modelConfigId: config.id,
    });
    expect(queued).toMatchObject({
      status: 'queued',
      provider: 'mock',
      model: 'mock-1',
      modelConfigId: config.id,
      website: 'pipedrive.com',
      budgetUsd: 0.5,
      estimatedCostUsd: 0.02,
      costUsd: null,
    });
    const done = await finished(base, queued.id);
    expect(done).toMatchObject({ status: 'succeeded', costUsd: 0.02, error: null });
    const names = done.competitors.map((c) => c.name);
    expect(names.length).toBeGreaterThanOrEqual(3);
    expect(names).not.toContain('Pipedrive');
    expect(names.every((n) => ['Salesforce', 'HubSpot', 'Zoho CRM', 'Freshsales', 'Close'].includes(n))).toBe(true);
    expect(done.competitors.find((c) => c.name === 'HubSpot')?.domain ?? 'hubspot.com').toBe('hubspot.com');
    expect(done.prompts.length).toBeGreaterThanOrEqual(5);
    expect(done.prompts.map((p) => p.text)).toContain('What are the best alternatives to Pipedrive?');

    // Deterministic: the same request gives the same suggestions.
    const again = await finished(
      base,
      (
        await suggest(base, {
          source: 'model',
          brandName: 'Pipedrive',
          website: 'pipedrive.com',
          category: 'CRM',
          modelConfigId: config.id,
        })
      ).id,
    );
    expect(again.competitors).toEqual(done.competitors);
    expect(again.prompts).toEqual(done.prompts);

    // Without a saved configuration: provider and model.
    const draft = await finished(
      base,
      (
        await suggest(base, {
          source: 'model',
          brandName: 'Asana',
          category: 'project management',
          provider: 'mock',
          model: 'mock-1',
        })
      ).id,
    );
    expect(draft.status).toBe('succeeded');
    expect(draft.competitors.map((c) => c.name)).not.toContain('Asana');
    expect(draft.competitors.map((c) => c.name)).toContain('Trello');
  });

  it('is refused before any call when its estimate is over the budget', async () => {
    const base = await newWorkspace();
    const pricey = await api.post(`${base}/model-configs`, {
      name: 'pricey',
      provider: 'mock',
      model: 'mock-1',
      params: { costUsd: 0.4 },
    });
    const problem = await refused(
      base,
      { source: 'model', brandName: 'Pipedrive', modelConfigId: pricey.id, budgetUsd: 0.1 },
      422,
    );
    expect(problem.code).toBe('budget_exceeded');
    expect(problem.detail).toContain('$0.4000');
    expect(problem.errors).toEqual([{ path: 'body.budgetUsd', message: 'is below the estimate of $0.4000' }]);
    expect((await api.get(`${base}/suggestions`)).data).toEqual([]);
    // The default budget (0.50) lets it through.
    expect(
      (
        await finished(
          base,
          (
            await suggest(base, { source: 'model', brandName: 'Pipedrive', modelConfigId: pricey.id })
          ).id,
        )
      ).costUsd,
    ).toBe(0.4);
  });

  it('fails with the reason when the model’s answer holds no usable suggestions, keeping what the call cost', async () => {
    const base = await newWorkspace();
    const before = fake.stats.ok;
    const s = await suggest(base, {
      source: 'model',
      brandName: 'Pipedrive',
      category: 'CRM',
      provider: 'openai',
      model: 'gpt-5.4-mini',
    });
    expect(s.estimatedCostUsd).toBeGreaterThan(0);
    const done = await finished(base, s.id);
    expect(fake.stats.ok).toBe(before + 1);
    expect(done).toMatchObject({ status: 'failed', errorCode: 'unreadable_answer', competitors: [], prompts: [] });
    // The fake repeats the request, whose JSON shape holds placeholders only: nothing usable.
    expect(done.error).toBe(
      "The model's answer could not be read as suggestions: the answer’s JSON lists no competitors and no prompts.",
    );
    // Cost from the answer's usage and the price table.
    expect(done.costUsd).toBeGreaterThan(0);
  });

  it('is handed out again when its job was lost, and given up after too many attempts', async () => {
    const base = await newWorkspace();
    const workspaceId = base.split('/').at(-1) as string;
    // Rows whose job never reached Redis (as after a Redis restart without persistence).
    const row = {
      workspaceId,
      source: 'model' as const,
      brandName: 'Pipedrive',
      category: 'CRM',
      provider: 'mock',
      model: 'mock-1',
    };
    const lost = await insertSuggestion(ctx.db.prisma, row);
    const tired = await insertSuggestion(ctx.db.prisma, { ...row, status: 'running', attempts: 10 });
    const result = await recoverStaleSuggestions(ctx, 0, new Date(Date.now() + 1_000));
    expect(result.requeued).toContain(lost.id);
    expect(result.abandoned).toContain(tired.id);
    expect(await finished(base, lost.id)).toMatchObject({ status: 'succeeded' });
    expect(await api.get(`${base}/suggestions/${tired.id}`)).toMatchObject({
      status: 'failed',
      errorCode: 'abandoned',
    });
  });

  it('refuses what it cannot ask, naming the field', async () => {
    const base = await newWorkspace();
    const other = await newWorkspace('Other client');
    const foreign = await api.post(`${other}/model-configs`, { name: 'm', provider: 'mock', model: 'mock-1' });
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ source: 'model', brandName: 'X' }, 'body.modelConfigId'],
      [{ source: 'model', brandName: 'X', provider: 'mock' }, 'body.model'],
      [{ source: 'model', brandName: 'X', provider: 'nope', model: 'm' }, 'body.provider'],
      [{ source: 'model', brandName: 'X', provider: 'google_ai_overview', model: 'ai_overview' }, 'body.provider'],
      [{ source: 'model', brandName: 'X', provider: 'assistant_app', model: 'chatgpt' }, 'body.provider'],
      [{ source: 'model', brandName: 'X', provider: 'mock_app', model: 'chatgpt' }, 'body.provider'],
      [{ source: 'model', brandName: 'X', modelConfigId: foreign.id }, 'body.modelConfigId'],
      [{ source: 'templates', brandName: 'X', provider: 'mock' }, 'body.provider'],
      [{ source: 'templates', brandName: '' }, 'body.brandName'],
      [{ source: 'templates', brandName: 'X', website: 'not a domain' }, 'body.website'],
      [{ source: 'elsewhere', brandName: 'X' }, 'body.source'],
    ];
    for (const [body, path] of cases) {
      const problem = await refused(base, body);
      expect(
        problem.errors?.map((e) => e.path),
        JSON.stringify(body),
      ).toContain(path);
    }
    const params = await refused(base, {
      source: 'model',
      brandName: 'X',
      provider: 'mock',
      model: 'mock-1',
      budgetUsd: -1,
    });
    expect(problem(params)).toContain('body.budgetUsd');
  });

  it('keeps each organization’s suggestions to itself', async () => {
    const base = await newWorkspace();
    const mine = await suggest(base, { source: 'templates', brandName: 'Mine' });
    const stranger = apiClient(ctx.app, (await createTenant(ctx.db)).headers);
    await stranger.send('GET', `${base}/suggestions/${mine.id}`, undefined, 404);
    await stranger.send('GET', `${base}/suggestions`, undefined, 404);
    await stranger.send('POST', `${base}/suggestions`, { source: 'templates', brandName: 'Theirs' }, 404);
    const theirs = `/v1/workspaces/${(await stranger.post('/v1/workspaces', { name: 'Theirs' })).id}`;
    await stranger.send('GET', `${theirs}/suggestions/${mine.id}`, undefined, 404);
  });
});

function problem(p: { errors?: Array<{ path: string }> }): string[] {
  return p.errors?.map((e) => e.path) ?? [];
}

describe('draft audit estimate', () => {
  it('prices drafts as the saved audit is priced, and a month at the schedule', async () => {
    const base = await newWorkspace();
    const texts = ['What is the best CRM for a small business?', 'What are the best alternatives to Pipedrive?'];
    const draftConfigs = [
      { provider: 'mock', model: 'mock-1', params: { costUsd: 0.01 } },
      { provider: 'openai', model: 'gpt-5.4-mini', params: { webSearch: true } },
    ];
    const draft = (
      await api.send(
        'POST',
        `${base}/audits/estimate`,
        {
          prompts: texts.map((text) => ({ text })),
          modelConfigs: draftConfigs,
          samplesPerPair: 3,
          schedule: '0 6 * * 1',
          timezone: 'Europe/Paris',
        },
        200,
      )
    ).body;
    expect(draft).toMatchObject({
      promptCount: 2,
      configCount: 2,
      samplesPerPair: 3,
      calls: 12,
      timezone: 'Europe/Paris',
    });
    expect(draft.byConfig[0]).toMatchObject({
      modelConfigId: null,
      draftIndex: 0,
      provider: 'mock',
      estimatedCostUsd: 0.06,
    });
    // Weekly: 52 or 53 runs a year, about 4.4 a month.
    expect(draft.runsPerMonth).toBeGreaterThan(4.3);
    expect(draft.runsPerMonth).toBeLessThan(4.45);
    expect(draft.perMonthUsd).toBeCloseTo(draft.runsPerMonth * draft.estimatedCostUsd, 6);

    // Saved, the same audit is estimated at the same figures.
    const prompts = [];
    for (const text of texts) prompts.push(await api.post(`${base}/prompts`, { text }));
    const configs = [];
    for (const [i, c] of draftConfigs.entries())
      configs.push(await api.post(`${base}/model-configs`, { name: `c${i}`, ...c }));
    const audit = await api.post(`${base}/audits`, {
      name: 'weekly',
      promptIds: prompts.map((p) => p.id),
      modelConfigIds: configs.map((c) => c.id),
      samplesPerPair: 3,
      schedule: '0 6 * * 1',
      timezone: 'Europe/Paris',
    });
    const saved = await api.get(`${base}/audits/${audit.id}/estimate`);
    expect(saved.estimatedCostUsd).toBe(draft.estimatedCostUsd);
    expect(saved.runsPerMonth).toBe(draft.runsPerMonth);
    expect(saved.perMonthUsd).toBe(draft.perMonthUsd);
    const mixed = (
      await api.send(
        'POST',
        `${base}/audits/estimate`,
        {
          promptIds: [prompts[0].id],
          prompts: [{ text: texts[1] }],
          modelConfigIds: configs.map((c) => c.id),
          samplesPerPair: 3,
          budgetPerRunUsd: 0.01,
        },
        200,
      )
    ).body;
    expect(mixed).toMatchObject({
      estimatedCostUsd: draft.estimatedCostUsd,
      runsPerMonth: null,
      perMonthUsd: null,
      withinBudget: false,
    });
    expect(mixed.timezone).toBe('UTC');
  });

  it('names each field it cannot price', async () => {
    const base = await newWorkspace();
    const send = async (body: unknown) => (await api.send('POST', `${base}/audits/estimate`, body, 400)).body;
    expect(problem(await send({ modelConfigs: [{ provider: 'mock', model: 'm' }] }))).toEqual(['body.prompts']);
    expect(problem(await send({ prompts: [{ text: 'q' }] }))).toEqual(['body.modelConfigs']);
    expect(
      problem(
        await send({
          prompts: [{ text: 'q' }],
          modelConfigs: [{ provider: 'mock', model: 'm', params: { temperature: 9 } }],
        }),
      ),
    ).toEqual(['body.modelConfigs.0.params.temperature']);
    expect(
      problem(
        await send({
          prompts: [{ text: 'q' }],
          modelConfigs: [{ provider: 'mock', model: 'm' }],
          schedule: 'every day',
        }),
      ),
    ).toEqual(['body.schedule']);
    expect(problem(await send({ prompts: [{ text: 'q' }], modelConfigs: [{ provider: 'nope', model: 'm' }] }))).toEqual(
      ['body.modelConfigs.0.provider'],
    );
  });
});
