/**
 * An audit's cost before it runs: GET …/audits/{id}/estimate prices the run the audit would start
 * now, with the same figure a started run records and its budget is checked against, and records
 * nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant } from '../factories/index.js';
import { apiClient, seedWorkspace, type ApiClient } from '../helpers/api.js';
import { createTestContext, type TestContext } from '../helpers/context.js';

let ctx: TestContext;
let api: ApiClient;

beforeAll(async () => {
  ctx = await createTestContext();
  api = apiClient(ctx.app, (await createTenant(ctx.db)).headers);
});
afterAll(async () => {
  await ctx?.close();
});

describe('audit cost estimate', () => {
  it('matches the estimate of the run it would start, says whether the budget allows it, and records nothing', async () => {
    const { base, configs } = await seedWorkspace(api, { prompts: 4, configs: [{ costUsd: 0.01 }] });
    const gpt = await api.post(`${base}/model-configs`, {
      name: 'gpt',
      provider: 'openai',
      model: 'gpt-5.4-mini',
      params: { webSearch: true },
    });
    const audit = await api.post(`${base}/audits`, {
      name: 'weekly',
      promptTags: ['crm'],
      modelConfigIds: [configs[0].id, gpt.id],
      samplesPerPair: 3,
      budgetPerRunUsd: 50,
    });

    const estimate = await api.get(`${base}/audits/${audit.id}/estimate`);
    expect(estimate).toMatchObject({
      auditId: audit.id,
      promptCount: 4,
      configCount: 2,
      samplesPerPair: 3,
      calls: 24,
      budgetPerRunUsd: 50,
      withinBudget: true,
    });
    // The mock costs 4 × 3 × $0.01; the priced OpenAI model adds a positive share.
    expect(estimate.estimatedCostUsd).toBeGreaterThan(0.12);
    expect((await api.get(`${base}/runs`)).data).toEqual([]);

    const run = await api.post(`${base}/runs`, { auditId: audit.id });
    expect(run.estimatedCostUsd).toBe(estimate.estimatedCostUsd);
    expect(run.progress.total).toBe(estimate.calls);
  });

  it('says a run would be refused when the estimate is over the per-run budget, as starting one does', async () => {
    const { base, configs } = await seedWorkspace(api, { prompts: 2, configs: [{ costUsd: 0.5 }] });
    const audit = await api.post(`${base}/audits`, {
      name: 'tight',
      promptTags: ['crm'],
      modelConfigIds: [configs[0].id],
      samplesPerPair: 2,
      budgetPerRunUsd: 1,
    });
    expect(await api.get(`${base}/audits/${audit.id}/estimate`)).toMatchObject({
      calls: 4,
      estimatedCostUsd: 2,
      budgetPerRunUsd: 1,
      withinBudget: false,
    });
    await api.send('POST', `${base}/runs`, { auditId: audit.id }, 422);

    const open = await api.post(`${base}/audits`, {
      name: 'open',
      promptTags: ['crm'],
      modelConfigIds: [configs[0].id],
    });
    expect(await api.get(`${base}/audits/${open.id}/estimate`)).toMatchObject({
      calls: 2,
      estimatedCostUsd: 1,
      budgetPerRunUsd: null,
      withinBudget: null,
    });
  });

  it('is a 404 for an audit of another organization, and a 4xx saying what is missing when nothing would run', async () => {
    const { base, configs } = await seedWorkspace(api, { prompts: 1 });
    const audit = await api.post(`${base}/audits`, {
      name: 'mine',
      promptTags: ['crm'],
      modelConfigIds: [configs[0].id],
    });
    const stranger = apiClient(ctx.app, (await createTenant(ctx.db)).headers);
    const hidden = await stranger.send('GET', `${base}/audits/${audit.id}/estimate`, undefined, 404);
    expect(hidden.body.code).toBe('not_found');

    const empty = await api.post(`${base}/audits`, {
      name: 'no prompts',
      promptTags: ['nothing-tagged'],
      modelConfigIds: [configs[0].id],
    });
    const refused = await api.send('GET', `${base}/audits/${empty.id}/estimate`, undefined, 400);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body.detail).toMatch(/No active prompt/);
  });
});
