/**
 * Adaptive sampling end to end with the mock provider: an audit asks for ±10 points; cells whose
 * answers always agree (temperature 0: the own brand named always or never) stop early, cells with
 * varying answers take more waves; the precision route's figures are checked against the stored
 * answers and mentions, and a run finishes only once every cell has stopped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clopperPearson, fixedDesignSamples, lookAlphas, looks } from '../../src/lib/adaptive-sampling.js';
import { createTenant } from '../factories/index.js';
import { apiClient, type ApiClient } from '../helpers/api.js';
import { createTestContext, waitFor, type TestContext } from '../helpers/context.js';

let ctx: TestContext;
let api: ApiClient;

beforeAll(async () => {
  ctx = await createTestContext({ MOCK_CONCURRENCY: '8' });
  const tenant = await createTenant(ctx.db);
  api = apiClient(ctx.app, tenant.headers);
  await ctx.startWorker().ready;
});
afterAll(async () => {
  await ctx.close();
});

const SAMPLING = { mode: 'adaptive', halfWidth: 10, minSamples: 20, maxSamples: 120, waveSize: 20 };

async function adaptiveWorkspace() {
  const ws = await api.post('/v1/workspaces', { name: 'Adaptive' });
  const base = `/v1/workspaces/${ws.id}`;
  await api.post(`${base}/brands`, { name: 'HubSpot', kind: 'own' });
  for (const name of ['Salesforce', 'Pipedrive', 'Zoho']) await api.post(`${base}/brands`, { name });
  for (let i = 0; i < 3; i++)
    await api.post(`${base}/prompts`, { text: `Which CRM should team #${i} pick?`, tags: ['crm'] });
  const steady = await api.post(`${base}/model-configs`, {
    name: 'steady',
    provider: 'mock',
    model: 'mock-1',
    params: { temperature: 0 },
  });
  const varied = await api.post(`${base}/model-configs`, {
    name: 'varied',
    provider: 'mock',
    model: 'mock-1',
    params: { temperature: 2 },
  });
  return { base, configs: [steady, varied] };
}

/** Per pair, from the stored answers: asked, succeeded, naming an own brand, and the sample indexes. */
async function storedCells(runId: string) {
  const { rows } = await ctx.db.pool.query<{
    prompt_id: string;
    model_config_id: string;
    asked: number;
    answers: number;
    mentioned: number;
    max_index: number;
    distinct_index: number;
  }>(
    `SELECT r.prompt_id, r.model_config_id, count(*)::int AS asked, count(*) FILTER (WHERE r.status = 'succeeded')::int AS answers,
            count(*) FILTER (WHERE EXISTS (SELECT 1 FROM mentions m JOIN brands b ON b.id = m.brand_id AND b.kind = 'own' WHERE m.response_id = r.id))::int AS mentioned,
            max(r.sample_index)::int AS max_index, count(DISTINCT r.sample_index)::int AS distinct_index
       FROM responses r WHERE r.run_id = $1 GROUP BY r.prompt_id, r.model_config_id`,
    [runId],
  );
  return new Map(rows.map((r) => [`${r.prompt_id}/${r.model_config_id}`, r]));
}

describe('adaptive sampling', () => {
  it('validates the sampling with problem+json naming the field to fix', async () => {
    const { base, configs } = await adaptiveWorkspace();
    const bad = await api.send(
      'POST',
      `${base}/audits`,
      {
        name: 'bad',
        promptTags: ['crm'],
        modelConfigIds: [configs[0].id],
        sampling: { ...SAMPLING, minSamples: 200 },
      },
      400,
    );
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.body.code).toBe('validation_failed');
    expect(bad.body.errors).toEqual([
      { path: 'body.sampling.maxSamples', message: 'must be at least minSamples (200)' },
    ]);
    const both = await api.send(
      'POST',
      `${base}/audits`,
      {
        name: 'both',
        promptTags: ['crm'],
        modelConfigIds: [configs[0].id],
        samplesPerPair: 3,
        sampling: SAMPLING,
      },
      400,
    );
    expect(both.status).toBe(400);
    expect(both.body.errors[0].path).toBe('body.samplesPerPair');
    const unknownMode = await api.send(
      'POST',
      `${base}/audits`,
      {
        name: 'mode',
        promptTags: ['crm'],
        modelConfigIds: [configs[0].id],
        sampling: { mode: 'sometimes' },
      },
      400,
    );
    expect(unknownMode.status).toBe(400);
    expect(unknownMode.body.code).toBe('validation_failed');
    // A draft is priced with both ends before it is saved.
    const draft = await api.post(`${base}/audits/estimate`, {
      promptTags: ['crm'],
      modelConfigIds: [configs[0].id],
      sampling: SAMPLING,
    });
    expect(draft).toMatchObject({
      calls: 3 * 120,
      adaptive: { minCalls: 3 * 20, maxCalls: 3 * 120, fixedDesignCalls: 3 * 93 },
    });
    const badDraft = await api.send(
      'POST',
      `${base}/audits/estimate`,
      { promptTags: ['crm'], modelConfigIds: [configs[0].id], sampling: { ...SAMPLING, waveSize: 500 } },
      400,
    );
    expect(badDraft.body.errors).toEqual([
      { path: 'body.sampling.waveSize', message: 'must be at most maxSamples − minSamples (100)' },
    ]);
    // The older field still works, and reads back as fixed sampling.
    const fixed = await api.post(`${base}/audits`, {
      name: 'fixed',
      promptTags: ['crm'],
      modelConfigIds: [configs[0].id],
      samplesPerPair: 3,
    });
    expect(fixed.sampling).toEqual({ mode: 'fixed', samplesPerPair: 3 });
    const switched = await api.patch(`${base}/audits/${fixed.id}`, { sampling: SAMPLING });
    expect(switched.sampling).toEqual({ ...SAMPLING, fixedDesignSamples: fixedDesignSamples(0.1) });
    const back = await api.patch(`${base}/audits/${fixed.id}`, { samplesPerPair: 4 });
    expect(back.sampling).toEqual({ mode: 'fixed', samplesPerPair: 4 });
  });

  it('runs in waves, stops each cell on its own, and reports precision and savings that match the stored answers', async () => {
    const { base, configs } = await adaptiveWorkspace();
    const audit = await api.post(`${base}/audits`, {
      name: 'Adaptive CRM',
      promptTags: ['crm'],
      modelConfigIds: configs.map((c: { id: string }) => c.id),
      sampling: SAMPLING,
    });
    const estimate = await api.get(`${base}/audits/${audit.id}/estimate`);
    expect(estimate.adaptive).toMatchObject({
      minCalls: 3 * 2 * 20,
      maxCalls: 3 * 2 * 120,
      fixedDesignCalls: 3 * 2 * 93,
    });

    const started = await api.post(`${base}/runs`, { auditId: audit.id });
    expect(started.progress.total).toBe(3 * 2 * 20);
    const run = await waitFor(
      async () => {
        const r = await api.get(`${base}/runs/${started.id}`);
        return r.finishedAt ? r : null;
      },
      'the adaptive run to finish',
      60_000,
    );
    expect(run.status).toBe('completed');

    const precision = await api.get(`${base}/runs/${run.id}/precision`);
    const stored = await storedCells(run.id);
    expect(precision.cells).toHaveLength(6);
    const design = { halfWidth: 0.1, minSamples: 20, maxSamples: 120, waveSize: 20 };
    const grid = looks(design);
    const alphas = lookAlphas(design);
    for (const c of precision.cells) {
      const s = stored.get(`${c.promptId}/${c.modelConfigId}`);
      expect(s, 'each cell has its answers').toBeDefined();
      if (!s) continue;
      // Every wave added once: the asked answers are exactly sample 0 … planned − 1.
      expect(c.planned).toBe(s.asked);
      expect(s.distinct_index).toBe(s.asked);
      expect(s.max_index).toBe(s.asked - 1);
      expect(grid).toContain(c.planned);
      expect(c.answers).toBe(s.answers);
      expect(c.mentioned).toBe(s.mentioned);
      expect(c.mentionRate).toBeCloseTo(s.mentioned / s.answers, 4);
      expect(c.waves).toBe(grid.indexOf(c.planned) + 1);
      // The interval reported lies within this look's Clopper–Pearson interval at its share of α.
      const cp = clopperPearson(s.mentioned, s.answers, alphas[grid.indexOf(c.planned)] as number);
      expect(c.interval.low).toBeGreaterThanOrEqual(cp.low - 1e-4);
      expect(c.interval.high).toBeLessThanOrEqual(cp.high + 1e-4);
      expect(c.halfWidth).toBeCloseTo(((c.interval.high - c.interval.low) / 2) * 100, 1);
      if (c.stopReason === 'precision') expect(c.halfWidth).toBeLessThanOrEqual(10);
      else expect(c.stopReason).toBe('max_samples');
      if (c.stopReason === 'max_samples') expect(c.planned).toBe(120);
    }
    // Cells stopped at different sample sizes: the steady configuration's early.
    const sizes = new Set(precision.cells.map((c: { planned: number }) => c.planned));
    expect(sizes.size).toBeGreaterThan(1);
    const steady = precision.cells.filter((c: { modelConfigId: string }) => c.modelConfigId === configs[0].id);
    for (const c of steady) expect([0, 1]).toContain(c.mentionRate);
    for (const c of steady) expect(c.planned).toBeLessThan(120);

    const calls = precision.cells.reduce((sum: number, c: { planned: number }) => sum + c.planned, 0);
    expect(precision.summary).toMatchObject({
      cells: 6,
      stopped: 6,
      calls,
      fixedDesignCalls: 6 * 93,
      samplesSaved: 6 * 93 - calls,
    });
    expect(run.progress.total).toBe(calls);
    expect(run.progress.succeeded + run.progress.failed).toBe(calls);
    expect(run.sampling).toMatchObject({ mode: 'adaptive', halfWidth: 10, fixedDesignSamples: 93 });

    // A fixed run reports the same figures from its answers, with nothing saved.
    const fixed = await api.post(`${base}/runs`, { auditId: audit.id, samplesPerPair: 2 });
    await waitFor(async () => (await api.get(`${base}/runs/${fixed.id}`)).finishedAt, 'the fixed run');
    const plain = await api.get(`${base}/runs/${fixed.id}/precision`);
    expect(plain.sampling).toEqual({ mode: 'fixed', samplesPerPair: 2 });
    expect(plain.cells).toHaveLength(6);
    for (const c of plain.cells) expect(c).toMatchObject({ planned: 2, answers: 2, stopReason: null, waves: 1 });
    expect(plain.summary).toMatchObject({
      cells: 6,
      stopped: 6,
      reachedTarget: null,
      calls: 12,
      fixedDesignCalls: 12,
      samplesSaved: 0,
    });
  });

  it('stops adding waves when the run is cancelled, and cancels a wave added meanwhile', async () => {
    const { base, configs } = await adaptiveWorkspace();
    const audit = await api.post(`${base}/audits`, {
      name: 'Cancelled',
      promptTags: ['crm'],
      modelConfigIds: [configs[1].id],
      sampling: SAMPLING,
    });
    const started = await api.post(`${base}/runs`, { auditId: audit.id });
    await waitFor(async () => (await api.get(`${base}/runs/${started.id}`)).progress.succeeded >= 5, 'some answers');
    const cancelled = await api.post(`${base}/runs/${started.id}/cancel`, {});
    expect(cancelled.status).toBe('cancelled');
    const settledRun = await waitFor(async () => {
      const r = await api.get(`${base}/runs/${started.id}`);
      return r.progress.pending === 0 ? r : null;
    }, 'no answer left pending');
    const { rows } = await ctx.db.pool.query<{ open: number }>(
      `SELECT count(*)::int AS open FROM run_cells WHERE run_id = $1 AND stopped_at IS NULL`,
      [started.id],
    );
    expect(rows[0]?.open).toBe(0);
    expect(settledRun.progress.total).toBe(
      settledRun.progress.succeeded + settledRun.progress.failed + settledRun.progress.cancelled,
    );
  });
});
