/** Answers that need care when stored still land, exactly once, with offsets intact. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant } from '../factories/index.js';
import { apiClient, seedWorkspace, type ApiClient } from '../helpers/api.js';
import { createTestContext, waitFor, type TestContext } from '../helpers/context.js';
import { FakeOpenAI } from '../helpers/fake-openai.js';

let ctx: TestContext;
let api: ApiClient;
let fake: FakeOpenAI;

beforeAll(async () => {
  fake = await FakeOpenAI.start({ failureRate: 0, suffix: ' Null\u0000byte and emoji 🚀.' });
  ctx = await createTestContext({ OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: fake.baseUrl });
  api = apiClient(ctx.app, (await createTenant(ctx.db)).headers);
  ctx.startWorker();
});
afterAll(async () => {
  await ctx.close();
  await fake.close();
});

describe('answers with characters Postgres cannot store', () => {
  it('are stored with U+FFFD in place of U+0000, and analysed', async () => {
    const { base } = await seedWorkspace(api, { prompts: 3, configs: [] });
    const config = await api.post(`${base}/model-configs`, { name: 'gpt', provider: 'openai', model: 'gpt-5.4-mini', params: {} });
    const run = await api.post(`${base}/runs`, { promptTags: ['crm'], modelConfigIds: [config.id], samplesPerPair: 2 });
    const done = await waitFor(async () => {
      const r = await api.get(`${base}/runs/${run.id}`);
      return r.finishedAt ? r : null;
    }, 'the run');
    expect(done.progress).toMatchObject({ succeeded: 6, failed: 0, analyzed: 6 });
    const { rows } = await ctx.db.pool.query(`SELECT text, provider_citations FROM responses WHERE run_id = $1`, [run.id]);
    for (const r of rows) {
      expect(r.text).toContain('Null\uFFFDbyte');
      expect(r.text).not.toContain('\u0000');
      const [citation] = r.provider_citations;
      expect(citation.title).toBe('HubSpot Null\uFFFDbyte and emoji 🚀.');
      expect(r.text.slice(citation.start, citation.end)).toBe('[hubspot.com](https://www.hubspot.com/?utm_source=openai)');
    }
    const mentions = await ctx.db.pool.query(
      `SELECT count(*)::int AS n FROM mentions m JOIN responses r ON r.id = m.response_id JOIN brands b ON b.id = m.brand_id WHERE r.run_id = $1 AND b.name = 'HubSpot'`,
      [run.id],
    );
    expect(mentions.rows[0].n).toBe(6);
  });
});
