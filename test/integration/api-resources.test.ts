/**
 * Per-resource behaviour, table-driven: cursor pagination of every list, update and delete of
 * prompts, model configurations and audits, deletion refused once answers exist, prompt and
 * model configuration filters.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, keyFor } from '../factories/index.js';
import { apiClient, seedWorkspace, type ApiClient } from '../helpers/api.js';
import { createTestContext, waitFor, type TestContext } from '../helpers/context.js';

const ADMIN_TOKEN = 'platform-token-for-tests-0123456789abcdef';
let ctx: TestContext;
let api: ApiClient;
let organizationId: string;

beforeAll(async () => {
  ctx = await createTestContext({ ADMIN_TOKEN });
  const tenant = await createTenant(ctx.db);
  organizationId = tenant.organizationId;
  api = apiClient(ctx.app, tenant.headers);
});
afterAll(async () => ctx.close());

/** Follows nextCursor with pages of two, and returns every id seen, in order. */
async function walk(client: ApiClient, url: string): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = (await client.get(
      `${url}${url.includes('?') ? '&' : '?'}limit=2${cursor ? `&cursor=${cursor}` : ''}`,
    )) as { data: Array<{ id: string }>; nextCursor: string | null };
    expect(page.data.length).toBeLessThanOrEqual(2);
    ids.push(...page.data.map((d) => d.id));
    cursor = page.nextCursor;
    pages++;
  } while (cursor && pages < 1_000);
  return { ids, pages };
}

describe('cursor pagination', () => {
  it('walks every list page by page, each item once', async () => {
    const { base, prompts, configs } = await seedWorkspace(api, {
      prompts: 3,
      configs: [{}, { temperature: 1 }, { temperature: 0.5 }],
    });
    const audits = [];
    for (let i = 0; i < 3; i++)
      audits.push(
        await api.post(`${base}/audits`, { name: `a${i}`, promptTags: ['crm'], modelConfigIds: [configs[0].id] }),
      );
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(await api.post(`${base}/runs`, { auditId: audits[0].id }));
    const workspaces = [
      (await api.get(base)).id,
      (await api.post('/v1/workspaces', { name: 'w2' })).id,
      (await api.post('/v1/workspaces', { name: 'w3' })).id,
    ];
    const keys = [
      (await api.post('/v1/api-keys', { name: 'k1', scopes: ['read'] })).id,
      (await api.post('/v1/api-keys', { name: 'k2', scopes: ['read'] })).id,
    ];
    const platform = apiClient(ctx.app, { authorization: `Bearer ${ADMIN_TOKEN}` });
    const orgs = [
      organizationId,
      (await createTenant(ctx.db)).organizationId,
      (await createTenant(ctx.db)).organizationId,
    ];
    const lists: Array<[string, ApiClient, string, string[]]> = [
      ['workspaces', api, '/v1/workspaces', workspaces],
      ['prompts', api, `${base}/prompts`, prompts.map((p) => p.id)],
      ['model configs', api, `${base}/model-configs`, configs.map((c) => c.id)],
      ['audits', api, `${base}/audits`, audits.map((a) => a.id)],
      ['runs', api, `${base}/runs`, runs.map((r) => r.id)],
      ['api keys', api, '/v1/api-keys', keys],
      ['organizations', platform, '/v1/organizations', orgs],
    ];
    for (const [label, client, url, created] of lists) {
      const { ids, pages } = await walk(client, url);
      expect(new Set(ids).size, `${label}: no item twice`).toBe(ids.length);
      expect(ids, label).toEqual(expect.arrayContaining(created));
      expect(pages, label).toBeGreaterThanOrEqual(2);
    }
    const bad = await ctx.app.inject({
      url: '/v1/workspaces?cursor=not-an-id',
      headers: (await keyFor(ctx.db, organizationId, ['read'])).headers,
    });
    expect(bad.json()).toMatchObject({
      status: 400,
      errors: [expect.objectContaining({ path: 'querystring.cursor' })],
    });
  });
});

describe('update and delete', () => {
  it('updates and deletes prompts and model configurations, and deletes audits', async () => {
    const { base, prompts, configs } = await seedWorkspace(api, { prompts: 1, configs: [{}] });
    const audit = await api.post(`${base}/audits`, {
      name: 'gone',
      promptTags: ['crm'],
      modelConfigIds: [configs[0].id],
    });
    type Case = [label: string, url: string, patch: object, expected: object];
    const cases: [Case, Case, Case] = [
      [
        'prompt',
        `${base}/prompts/${prompts[0].id}`,
        { text: 'Which CRM for a bakery?', tags: ['Bakery', 'crm'] },
        { text: 'Which CRM for a bakery?', tags: ['bakery', 'crm'] },
      ],
      [
        'model config',
        `${base}/model-configs/${configs[0].id}`,
        { name: 'renamed', params: { temperature: 0.3 } },
        { name: 'renamed', params: expect.objectContaining({ temperature: 0.3 }) },
      ],
      ['audit', `${base}/audits/${audit.id}`, { samplesPerPair: 3 }, { samplesPerPair: 3 }],
    ];
    for (const [label, url, patch, expected] of cases) {
      expect(await api.patch(url, patch), label).toMatchObject(expected);
      expect(await api.get(url), label).toMatchObject(expected);
    }
    // The audit first: it refers to the configuration.
    for (const [label, url] of [cases[2], cases[0], cases[1]] as const) {
      expect((await api.send('DELETE', url, undefined, 204)).status, label).toBe(204);
      expect((await api.send('GET', url, undefined, 404)).body, label).toMatchObject({ code: 'not_found' });
    }
  });

  it('refuses to delete a prompt or configuration once it has answers (409), and archiving works', async () => {
    ctx.startWorker();
    const { base, prompts, configs } = await seedWorkspace(api, { prompts: 1, configs: [{}] });
    const run = await api.post(`${base}/runs`, { promptIds: [prompts[0].id], modelConfigIds: [configs[0].id] });
    await waitFor(async () => (await api.get(`${base}/runs/${run.id}`)).finishedAt, 'the run');
    for (const url of [`${base}/prompts/${prompts[0].id}`, `${base}/model-configs/${configs[0].id}`]) {
      const refused = await api.send('DELETE', url, undefined, 409);
      expect(refused.body, url).toMatchObject({ code: 'conflict', detail: expect.stringMatching(/archive/i) });
      expect(await api.patch(url, { archived: true }), url).toMatchObject({ archived: true });
    }
  });
});

describe('prompt filters', () => {
  it('lists by tag and by archived state', async () => {
    const { base } = await seedWorkspace(api, { prompts: 0 });
    const a = await api.post(`${base}/prompts`, { text: 'CRM for dentists?', tags: ['crm', 'health'] });
    const b = await api.post(`${base}/prompts`, { text: 'Invoicing for plumbers?', tags: ['billing'] });
    const c = await api.post(`${base}/prompts`, { text: 'CRM for florists?', tags: ['crm'] });
    await api.patch(`${base}/prompts/${c.id}`, { archived: true });
    const ids = async (query: string) =>
      ((await api.get(`${base}/prompts?${query}`)).data as Array<{ id: string }>).map((p) => p.id).sort();
    expect(await ids('tag=crm')).toEqual([a.id, c.id].sort());
    expect(await ids('tag=CRM')).toEqual([a.id, c.id].sort());
    expect(await ids('tag=billing')).toEqual([b.id]);
    expect(await ids('archived=true')).toEqual([c.id]);
    expect(await ids('archived=false')).toEqual([a.id, b.id].sort());
    expect(await ids('tag=crm&archived=false')).toEqual([a.id]);
  });
});

describe('prompt search', () => {
  it('finds prompts whose text contains q, whatever the case, with the other filters and cursor pages', async () => {
    const { base } = await seedWorkspace(api, { prompts: 0 });
    const made = [];
    for (const [text, tags] of [
      ['Best CRM for dentists?', ['crm']],
      ['Which crm do florists use?', ['crm']],
      ['Invoicing for plumbers?', ['billing']],
      ['Is a CRM worth it at 100% remote?', ['crm', 'remote']],
      ['Quel CRM pour une boulangerie ?', ['crm']],
      ['Accounting_tools for SMB', ['billing']],
    ] as const)
      made.push(await api.post(`${base}/prompts`, { text, tags }));
    const [dentists, florists, plumbers, remote, boulangerie, accounting] = made.map((p) => p.id as string);
    await api.patch(`${base}/prompts/${boulangerie}`, { archived: true });
    const ids = async (query: string) =>
      ((await api.get(`${base}/prompts?${query}`)).data as Array<{ id: string }>).map((p) => p.id);
    expect(await ids('q=crm')).toEqual([dentists, florists, remote, boulangerie]);
    expect(await ids('q=CRM%20FOR')).toEqual([dentists]);
    expect(await ids('q=%20plumbers%20')).toEqual([plumbers]);
    expect(await ids('q=crm&tag=remote')).toEqual([remote]);
    expect(await ids('q=crm&archived=false')).toEqual([dentists, florists, remote]);
    // % and _ are the characters themselves, not wildcards.
    expect(await ids('q=100%25')).toEqual([remote]);
    expect(await ids('q=%25')).toEqual([remote]);
    expect(await ids('q=c_m')).toEqual([]);
    expect(await ids('q=ting_tools')).toEqual([accounting]);
    expect(await ids('q=nothing%20like%20this')).toEqual([]);
    const walked = await walk(api, `${base}/prompts?q=crm`);
    expect(walked.ids).toEqual([dentists, florists, remote, boulangerie]);
    expect(walked.pages).toBe(2);
    for (const [query, path] of [
      ['q=', 'querystring.q'],
      [`q=${'x'.repeat(201)}`, 'querystring.q'],
    ] as const) {
      const res = await api.send('GET', `${base}/prompts?${query}`, undefined, 400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    }
  });
});

describe('audit list', () => {
  it('lists each audit as its own route answers it, links and budgets included, and only in its workspace', async () => {
    const { base, prompts, configs } = await seedWorkspace(api, { prompts: 3, configs: [{}, { temperature: 1 }] });
    const made = [
      await api.post(`${base}/audits`, {
        name: 'by id',
        promptIds: [prompts[2].id, prompts[0].id],
        modelConfigIds: [configs[1].id, configs[0].id],
        schedule: '0 6 * * 1',
        timezone: 'Europe/Paris',
        budgetPerRunUsd: 2.5,
        budgetPerMonthUsd: 40.1234,
      }),
      await api.post(`${base}/audits`, { name: 'by tag', promptTags: ['crm'], modelConfigIds: [configs[0].id] }),
      await api.post(`${base}/audits`, {
        name: 'paused',
        promptTags: ['crm'],
        modelConfigIds: [configs[0].id],
        schedule: '@daily',
        enabled: false,
      }),
    ];
    const items = await Promise.all(made.map((a) => api.get(`${base}/audits/${a.id}`)));
    expect((await api.get(`${base}/audits`)).data).toEqual(items);
    expect(items[0]).toMatchObject({ budgetPerRunUsd: 2.5, budgetPerMonthUsd: 40.1234, nextRunAt: expect.any(String) });
    expect(items[2].nextRunAt).toBeNull();
    const walked = await walk(api, `${base}/audits`);
    expect(walked.ids).toEqual(made.map((a) => a.id));
    const other = apiClient(ctx.app, (await createTenant(ctx.db)).headers);
    expect((await other.send('GET', `${base}/audits`, undefined, 404)).body).toMatchObject({ code: 'not_found' });
  });
});

describe('model configuration list', () => {
  it('lists by archived state, each configuration as its own route answers it', async () => {
    const { base, configs } = await seedWorkspace(api, {
      prompts: 0,
      configs: [{ temperature: 0.2 }, { temperature: 1, seed: 7 }, {}],
    });
    const archived = await api.patch(`${base}/model-configs/${configs[2].id}`, { archived: true });
    const list = async (query: string) => (await api.get(`${base}/model-configs${query}`)).data as unknown[];
    // The list reads with SQL, the item route through Prisma: the same configurations, to the character.
    const each = [configs[0].id, configs[1].id].map((id) => api.get(`${base}/model-configs/${id}`));
    const [first, second] = await Promise.all(each);
    expect(await list('')).toEqual([first, second, archived]);
    expect(await list('?archived=false')).toEqual([first, second]);
    expect(await list('?archived=true')).toEqual([archived]);
    expect(first).toMatchObject({ channel: 'mock', params: expect.objectContaining({ temperature: 0.2 }) });
    const other = apiClient(ctx.app, (await createTenant(ctx.db)).headers);
    expect((await other.send('GET', `${base}/model-configs`, undefined, 404)).body).toMatchObject({
      code: 'not_found',
    });
  });
});
