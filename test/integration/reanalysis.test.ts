/** Re-analysis: new brands and aliases apply to stored answers without calling any provider. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant } from '../factories/index.js';
import { apiClient, seedWorkspace, type ApiClient } from '../helpers/api.js';
import { createTestContext, waitFor, type TestContext } from '../helpers/context.js';

let ctx: TestContext;
let api: ApiClient;

beforeAll(async () => {
  ctx = await createTestContext();
  api = apiClient(ctx.app, (await createTenant(ctx.db)).headers);
  ctx.startWorker();
});
afterAll(async () => ctx.close());

const finished = async (base: string, runId: string) =>
  waitFor(async () => {
    const r = await api.get(`${base}/runs/${runId}`);
    return r.finishedAt ? r : null;
  }, 'the run to finish');

describe('re-analysis', () => {
  it('re-derives mentions from stored answers after brands change, with progress, calling no provider', async () => {
    // Tracked at first: only HubSpot. The mock also names other CRMs it knows (Pipedrive, Close…).
    const { base, configs } = await seedWorkspace(api, {
      prompts: 6,
      brands: ['HubSpot'],
      configs: [{ temperature: 1 }],
    });
    const run = await finished(
      base,
      (await api.post(`${base}/runs`, { promptTags: ['crm'], modelConfigIds: [configs[0].id], samplesPerPair: 3 })).id,
    );
    const textsBefore = await ctx.db.pool.query(
      'SELECT id, text, raw, completed_at FROM responses WHERE run_id = $1 ORDER BY id',
      [run.id],
    );
    const hasWord = (t: string, w: string) => new RegExp(`(^|[^\\p{L}\\p{N}])${w}([^\\p{L}\\p{N}]|$)`, 'u').test(t);
    const expectedPipedrive = textsBefore.rows.filter((r) => hasWord(r.text, 'Pipedrive')).length;
    expect(expectedPipedrive).toBeGreaterThan(0);

    const pipedrive = await api.post(`${base}/brands`, { name: 'Pipedrive', domains: ['pipedrive.com'] });
    const mentionsOf = async (brandId: string) =>
      (await ctx.db.pool.query('SELECT count(*)::int AS n FROM mentions WHERE brand_id = $1', [brandId])).rows[0].n;
    expect(await mentionsOf(pipedrive.id)).toBe(0);

    const started = (await api.send('POST', `${base}/reanalyses`, { runId: run.id }, 202)).body;
    expect(started).toMatchObject({ status: 'queued', runId: run.id, progress: { total: 18, done: 0 } });
    const done = await waitFor(async () => {
      const r = await api.get(`${base}/reanalyses/${started.id}`);
      return r.status === 'completed' ? r : null;
    }, 're-analysis');
    expect(done.progress).toEqual({ total: 18, done: 18 });
    expect(await mentionsOf(pipedrive.id)).toBe(expectedPipedrive);

    // Answers themselves are untouched: same text, same raw payload, same collection time.
    const textsAfter = await ctx.db.pool.query(
      'SELECT id, text, raw, completed_at FROM responses WHERE run_id = $1 ORDER BY id',
      [run.id],
    );
    expect(textsAfter.rows).toEqual(textsBefore.rows);
    // The run's counters are not disturbed by re-analysis.
    expect((await api.get(`${base}/runs/${run.id}`)).progress).toEqual(run.progress);

    const list = await api.get(`${base}/reanalyses`);
    expect(list.data.map((r: { id: string }) => r.id)).toEqual([started.id]);
  });

  it('limits re-analysis to a time window', async () => {
    const { base, configs } = await seedWorkspace(api, { prompts: 2, brands: ['HubSpot'] });
    const run = await finished(
      base,
      (await api.post(`${base}/runs`, { promptTags: ['crm'], modelConfigIds: [configs[0].id] })).id,
    );
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const none = (await api.send('POST', `${base}/reanalyses`, { from: future }, 202)).body;
    expect(none.progress.total).toBe(0);
    const all = (await api.send('POST', `${base}/reanalyses`, { to: future }, 202)).body;
    expect(all.progress.total).toBe(run.progress.succeeded);
    await api.send('POST', `${base}/reanalyses`, { from: future, to: run.createdAt }, 400);
    await api.send('POST', `${base}/reanalyses`, { runId: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a6b' }, 400);
  });

  it('recomputes answers of analysis version 1 with the structure scorer, storing the passage that decided each label', async () => {
    const { base, configs } = await seedWorkspace(api, { prompts: 3, brands: ['HubSpot'] });
    const run = await finished(
      base,
      (await api.post(`${base}/runs`, { promptTags: ['crm'], modelConfigIds: [configs[0].id] })).id,
    );
    const stored = async () =>
      (
        await ctx.db.pool.query(
          `SELECT r.analysis_version, r.text, m.sentiment_label, m.sentiment_passage_start AS s, m.sentiment_passage_end AS e, m.first_offset
             FROM responses r JOIN mentions m ON m.response_id = r.id WHERE r.run_id = $1 ORDER BY r.id, m.brand_id`,
          [run.id],
        )
      ).rows;
    const fresh = await stored();
    expect(fresh.length).toBeGreaterThan(0);
    // As analysis version 1 left them: the lexicon's labels and no passage.
    await ctx.db.pool.query(
      `UPDATE mentions SET sentiment_label = 'neutral', sentiment_passage_start = NULL, sentiment_passage_end = NULL
        WHERE response_id IN (SELECT id FROM responses WHERE run_id = $1)`,
      [run.id],
    );
    await ctx.db.pool.query('UPDATE responses SET analysis_version = 1 WHERE run_id = $1', [run.id]);

    const started = (await api.send('POST', `${base}/reanalyses`, { runId: run.id }, 202)).body;
    await waitFor(async () => {
      const r = await api.get(`${base}/reanalyses/${started.id}`);
      return r.status === 'completed' ? r : null;
    }, 're-analysis');
    const again = await stored();
    expect(again).toEqual(fresh);
    for (const m of again) {
      expect(m.analysis_version).toBe(2);
      // The passage is a stretch of the answer: the item or sentence of a mention, or one after it.
      expect(m.s).toBeGreaterThanOrEqual(0);
      expect(m.e).toBeGreaterThan(m.s);
      expect(m.e).toBeLessThanOrEqual(m.text.length);
      expect(m.e).toBeGreaterThan(m.first_offset);
    }
    // The mock recommends HubSpot in a list answering "best CRM…" prompts: read as positive.
    expect(again.some((m) => m.sentiment_label === 'positive')).toBe(true);
  });
});
