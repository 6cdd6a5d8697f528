/** Answers that need care when stored still land, exactly once, with offsets intact. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyseAhead, BrandMatcherCache } from '../../src/modules/responses/analysis.service.js';
import { storeOutcomes, type Outcome } from '../../src/modules/responses/pipeline.repo.js';
import type { NormalizedAnswer } from '../../src/providers/types.js';
import { jobIds, queryQueueName } from '../../src/queues/names.js';
import { createTenant } from '../factories/index.js';
import { apiClient, seedWorkspace, type ApiClient } from '../helpers/api.js';
import { createTestContext, waitFor, type TestContext } from '../helpers/context.js';
import { FakeOpenAI } from '../helpers/fake-openai.js';

let ctx: TestContext;
let api: ApiClient;
let fake: FakeOpenAI;

beforeAll(async () => {
  fake = await FakeOpenAI.start({ failureRate: 0, suffix: ' Null\u0000byte and emoji 🚀.' });
  ctx = await createTestContext(fake.env);
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
    const config = await api.post(`${base}/model-configs`, {
      name: 'gpt',
      provider: 'openai',
      model: 'gpt-5.4-mini',
      params: {},
    });
    const run = await api.post(`${base}/runs`, { promptTags: ['crm'], modelConfigIds: [config.id], samplesPerPair: 2 });
    const done = await waitFor(async () => {
      const r = await api.get(`${base}/runs/${run.id}`);
      return r.finishedAt ? r : null;
    }, 'the run');
    expect(done.progress).toMatchObject({ succeeded: 6, failed: 0, analyzed: 6 });
    const { rows } = await ctx.db.pool.query(`SELECT text, provider_citations FROM responses WHERE run_id = $1`, [
      run.id,
    ]);
    for (const r of rows) {
      expect(r.text).toContain('Null\uFFFDbyte');
      expect(r.text).not.toContain('\u0000');
      const [citation] = r.provider_citations;
      expect(citation.title).toBe('HubSpot Null\uFFFDbyte and emoji 🚀.');
      expect(r.text.slice(citation.start, citation.end)).toBe(
        '[hubspot.com](https://www.hubspot.com/?utm_source=openai)',
      );
    }
    const mentions = await ctx.db.pool.query(
      `SELECT count(*)::int AS n FROM mentions m JOIN responses r ON r.id = m.response_id JOIN brands b ON b.id = m.brand_id WHERE r.run_id = $1 AND b.name = 'HubSpot'`,
      [run.id],
    );
    expect(mentions.rows[0].n).toBe(6);
  });
});

describe('answers analysed as they are stored', () => {
  const answer = (text: string): NormalizedAnswer => ({
    provider: 'openai',
    api: 'responses',
    channel: 'api',
    model: 'gpt-5.4-mini',
    text,
    citations: [],
    sources: [],
    searchQueries: [],
    usage: { inputTokens: 1, outputTokens: 1, reasoningTokens: 0, cachedInputTokens: 0, searchCalls: 0 },
    finish: 'stop',
    modelVersion: 'gpt-5.4-mini',
    providerCostUsd: null,
    costUsd: 0.01,
    requestId: null,
    latencyMs: 1,
    requestParams: {},
    raw: {},
  });

  /** A run of two answers whose query jobs wait, so the test stores its answers itself. */
  async function heldRun() {
    const { ws, base } = await seedWorkspace(api, { prompts: 1, configs: [] });
    const config = await api.post(`${base}/model-configs`, {
      name: 'gpt',
      provider: 'openai',
      model: 'gpt-5.4-mini',
      params: {},
    });
    const queue = ctx.producers.queue(queryQueueName('openai'));
    await queue.pause();
    const run = await api.post(`${base}/runs`, { promptTags: ['crm'], modelConfigIds: [config.id], samplesPerPair: 2 });
    const { rows } = await ctx.db.pool.query<{ id: string; brands_version: number }>(
      `SELECT r.id, w.brands_version FROM responses r JOIN workspaces w ON w.id = r.workspace_id WHERE r.run_id = $1 ORDER BY r.id`,
      [run.id],
    );
    // The run's start job queues a job per pending answer. Stored before it ran, the answers
    // would get no query job at all, and only the recovery sweep would come back to them.
    for (const r of rows) await waitFor(async () => queue.getJob(jobIds.query(r.id)), 'the held query job');
    const outcomes: Outcome[] = rows.map((r, i) => ({
      kind: 'succeeded',
      responseId: r.id,
      attempts: 1,
      answer: answer(i === 0 ? 'HubSpot is fine; so is Salesforce.' : 'Pipedrive is simple.'),
      context: { workspaceId: ws.id, brandsVersion: r.brands_version, locale: 'en-US' },
    }));
    return { base, run, queue, outcomes, ids: rows.map((r) => r.id) };
  }

  const factsOf = async (ids: string[]) =>
    (
      await ctx.db.pool.query<{ id: string; analysed: boolean; mentions: number }>(
        `SELECT r.id, r.analyzed_at IS NOT NULL AS analysed, (SELECT count(*)::int FROM mentions m WHERE m.response_id = r.id) AS mentions
           FROM responses r WHERE r.id = ANY($1::uuid[]) ORDER BY r.id`,
        [ids],
      )
    ).rows;

  it('are stored with their facts in one statement, and the last one finishes the run', async () => {
    const { base, run, queue, outcomes, ids } = await heldRun();
    try {
      const result = await storeOutcomes(ctx.db.pool, outcomes, (answers) =>
        analyseAhead(ctx.db.pool, new BrandMatcherCache(), answers),
      );
      expect(result).toEqual({ stored: [true, true], analysed: [true, true], finishedRunIds: [run.id] });
      expect(await factsOf(ids)).toEqual([
        { id: ids[0], analysed: true, mentions: 2 },
        { id: ids[1], analysed: true, mentions: 1 },
      ]);
      const done = await api.get(`${base}/runs/${run.id}`);
      expect(done.status).toBe('completed');
      expect(done.progress).toMatchObject({ succeeded: 2, analyzed: 2 });
    } finally {
      await queue.resume();
    }
  });

  it('are stored with U+FFFD in place of a lone surrogate or a U+0000 anywhere, offsets kept', async () => {
    const { queue, outcomes, ids } = await heldRun();
    try {
      const odd = outcomes.map((o, i) =>
        o.kind === 'succeeded' && i === 0
          ? {
              ...o,
              answer: {
                ...o.answer,
                text: 'HubSpot \uD800 is fine; so is Salesforce \uDC00.',
                searchQueries: ['best\u0000crm', 'lone \uDBFF'],
                raw: { output_text: 'a\u0000b \uD800', nested: [{ k: '\uDC00' }] },
              },
            }
          : o,
      );
      const result = await storeOutcomes(ctx.db.pool, odd, (answers) =>
        analyseAhead(ctx.db.pool, new BrandMatcherCache(), answers),
      );
      expect(result.stored).toEqual([true, true]);
      expect(result.analysed).toEqual([true, true]);
      const { rows } = await ctx.db.pool.query<{ text: string; search_queries: string[]; raw: unknown }>(
        'SELECT text, search_queries, raw FROM responses WHERE id = $1',
        [ids[0]],
      );
      expect(rows[0]).toEqual({
        text: 'HubSpot \uFFFD is fine; so is Salesforce \uFFFD.',
        search_queries: ['best\uFFFDcrm', 'lone \uFFFD'],
        raw: { output_text: 'a\uFFFDb \uFFFD', nested: [{ k: '\uFFFD' }] },
      });
      // One character for one: the facts' offsets index the stored text.
      const { rows: mentions } = await ctx.db.pool.query<{ first_offset: number }>(
        'SELECT first_offset FROM mentions WHERE response_id = $1 ORDER BY first_offset',
        [ids[0]],
      );
      expect(mentions.map((m) => m.first_offset)).toEqual([0, 'HubSpot \uFFFD is fine; so is '.length]);
    } finally {
      await queue.resume();
    }
  });

  it('leave an answer whose analysis failed to an analysis job, which finishes the run', async () => {
    const { base, run, queue, outcomes, ids } = await heldRun();
    try {
      const result = await storeOutcomes(ctx.db.pool, outcomes, async (answers) => {
        const facts = await analyseAhead(ctx.db.pool, new BrandMatcherCache(), answers);
        return facts.map((f, i) => (i === 0 ? f : null));
      });
      expect(result).toEqual({ stored: [true, true], analysed: [true, false], finishedRunIds: [] });
      expect(await factsOf(ids)).toEqual([
        { id: ids[0], analysed: true, mentions: 2 },
        { id: ids[1], analysed: false, mentions: 0 },
      ]);
      expect((await api.get(`${base}/runs/${run.id}`)).progress).toMatchObject({ succeeded: 2, analyzed: 1 });
    } finally {
      await queue.resume();
    }
    // The held query jobs find the second answer stored but not analysed, and queue its analysis.
    const done = await waitFor(async () => {
      const r = await api.get(`${base}/runs/${run.id}`);
      return r.finishedAt ? r : null;
    }, 'the run');
    expect(done.progress).toMatchObject({ succeeded: 2, analyzed: 2 });
    expect(await factsOf(ids)).toEqual([
      { id: ids[0], analysed: true, mentions: 2 },
      { id: ids[1], analysed: true, mentions: 1 },
    ]);
  });
});
