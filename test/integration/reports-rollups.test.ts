/**
 * Rollups through the real pipeline: a finished run is rolled up by the worker's follow-up, a
 * re-analysis rebuilds the rollups of the runs it touched, and an answer analysed after its
 * (cancelled) run finished is read live at once, then folded into a rebuilt rollup. In every
 * state reports equal a recomputation from the answer tables.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrandMatcherCache, analyzeResponses } from '../../src/modules/responses/analysis.service.js';
import { citations } from '../../src/modules/reports/citations.service.js';
import { shareOfVoice, visibility } from '../../src/modules/reports/reports.service.js';
import { applyRunToRollups } from '../../src/modules/reports/rollups.service.js';
import { addRun, createWorld } from '../factories/answers.js';
import { createTenant, type TestTenant } from '../factories/index.js';
import { apiClient, seedWorkspace, type ApiClient } from '../helpers/api.js';
import { createTestContext, waitFor, type TestContext } from '../helpers/context.js';

let ctx: TestContext;
let tenant: TestTenant;
let api: ApiClient;

beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await createTenant(ctx.db);
  api = apiClient(ctx.app, tenant.headers);
  ctx.startWorker();
});
afterAll(async () => ctx.close());

const manifest = async (runId: string) =>
  (
    await ctx.db.pool.query<{ analyzed: number; built_at: Date }>(
      'SELECT analyzed, built_at FROM report_rollup_runs WHERE run_id = $1',
      [runId],
    )
  ).rows[0];

/** The report from rollups (with live runs) equals the report from the answer tables alone. */
async function expectConsistent(workspaceId: string) {
  const deps = { db: ctx.db };
  for (const groupBy of [['provider', 'config'], ['prompt'], ['day']]) {
    const rolled = await visibility(deps, tenant.organizationId, workspaceId, { groupBy });
    expect({ ...rolled, liveRuns: 0 }, groupBy.join()).toEqual(
      await visibility(deps, tenant.organizationId, workspaceId, { groupBy }, 'raw'),
    );
    const sov = await shareOfVoice(deps, tenant.organizationId, workspaceId, { groupBy });
    expect({ ...sov, liveRuns: 0 }).toEqual(
      await shareOfVoice(deps, tenant.organizationId, workspaceId, { groupBy }, 'raw'),
    );
  }
  // The citations report, its competitor-only sources and its split by source category included.
  const q = { groupBy: [], top: 20, format: 'json' as const };
  const cited = await citations(deps, tenant.organizationId, workspaceId, q);
  expect({ ...cited, liveRuns: 0 }).toEqual(await citations(deps, tenant.organizationId, workspaceId, q, 'raw'));
}

describe('rollups in the pipeline', () => {
  it('are built when a run finishes and rebuilt by a re-analysis', async () => {
    const { ws, base, configs } = await seedWorkspace(api, {
      prompts: 3,
      brands: ['HubSpot'],
      configs: [{ temperature: 1 }],
    });
    const started = await api.post(`${base}/runs`, {
      promptTags: ['crm'],
      modelConfigIds: [configs[0].id],
      samplesPerPair: 4,
    });
    await waitFor(async () => (await api.get(`${base}/runs/${started.id}`)).finishedAt, 'the run to finish');
    const built = await waitFor(() => manifest(started.id), 'the finish follow-up to roll the run up');
    expect(built.analyzed).toBe(12);

    const before = await api.get(`${base}/reports/visibility?groupBy=`);
    expect(before.liveRuns).toBe(0);
    expect(before.rows.map((r: { brandName: string }) => r.brandName)).toEqual(['HubSpot']);
    await expectConsistent(ws.id);

    // A brand added later reaches past answers through re-analysis, and the rollup follows.
    await api.post(`${base}/brands`, { name: 'Pipedrive' });
    const reanalysis = (await api.send('POST', `${base}/reanalyses`, { runId: started.id }, 202)).body;
    await waitFor(
      async () => (await api.get(`${base}/reanalyses/${reanalysis.id}`)).status === 'completed',
      're-analysis',
    );
    const rebuilt = await manifest(started.id);
    expect(rebuilt?.built_at.getTime()).toBeGreaterThan(built.built_at.getTime());
    const after = await api.get(`${base}/reports/visibility?groupBy=`);
    expect(after.liveRuns).toBe(0);
    const pipedrive = after.rows.find((r: { brandName: string }) => r.brandName === 'Pipedrive');
    const stored = await ctx.db.pool.query(
      `SELECT count(*)::int AS n FROM mentions m JOIN brands b ON b.id = m.brand_id WHERE b.workspace_id = $1 AND b.name = 'Pipedrive'`,
      [ws.id],
    );
    expect(pipedrive.mentionRate).toMatchObject({ numerator: stored.rows[0].n, denominator: 12 });
    await expectConsistent(ws.id);
  });

  it('reads an answer analysed after its cancelled run finished live, then rebuilds its rollup', async () => {
    const world = await createWorld(ctx.db, tenant.organizationId, {
      brands: [{ name: 'Acme', kind: 'own' }],
      prompts: [{ key: 'p' }],
      configs: [{ key: 'c' }],
    });
    const runId = await addRun(ctx.db, world, {
      createdAt: new Date('2026-07-01T10:00:00Z'),
      cancelled: true,
      answers: [
        { prompt: 'p', config: 'c', mentions: [{ brand: 'Acme' }] },
        { prompt: 'p', config: 'c', analyzed: false, text: 'We recommend Acme.' },
      ],
    });
    await applyRunToRollups(ctx.db.pool, runId);
    const first = await api.get(`${world.base}/reports/visibility?groupBy=`);
    expect(first.rows[0]).toMatchObject({ n: 1, pendingAnalysis: 1, mentionRate: { numerator: 1, denominator: 1 } });
    expect(first.liveRuns).toBe(0);

    const { rows } = await ctx.db.pool.query<{ id: string }>(
      'SELECT id FROM responses WHERE run_id = $1 AND analyzed_at IS NULL',
      [runId],
    );
    await analyzeResponses(
      ctx.db.pool,
      new BrandMatcherCache(),
      rows.map((r) => r.id),
    );
    const late = await api.get(`${world.base}/reports/visibility?groupBy=`);
    expect(late).toMatchObject({
      liveRuns: 1,
      rows: [
        expect.objectContaining({
          n: 2,
          pendingAnalysis: 0,
          mentionRate: expect.objectContaining({ numerator: 2, denominator: 2 }),
        }),
      ],
    });
    await expectConsistent(world.workspaceId);

    // The report asked for the stale rollup to be rebuilt in the background.
    await waitFor(async () => (await manifest(runId))?.analyzed === 2, 'the rollup to be rebuilt');
    const healed = await api.get(`${world.base}/reports/visibility?groupBy=`);
    expect(healed.liveRuns).toBe(0);
    expect(healed.rows).toEqual(late.rows);
  });

  it('keep per configuration and domain the squares a citation share needs', async () => {
    const world = await createWorld(ctx.db, tenant.organizationId, {
      brands: [{ name: 'Acme', kind: 'own', domains: ['acme.example'] }],
      prompts: [{ key: 'p' }, { key: 'q' }],
      configs: [{ key: 'c' }, { key: 'd' }],
    });
    const cites = (...domains: string[]) => domains.map((d, i) => ({ url: `https://${d}/${i}` }));
    // Per answer: x its cited sources on the domain, y all its cited sources; retrieved sources count in neither.
    const specs = [
      { prompt: 'p', config: 'c', citations: cites('g2.com', 'g2.com', 'acme.example') },
      { prompt: 'q', config: 'c', citations: cites('g2.com', 'reddit.com') },
      {
        prompt: 'p',
        config: 'c',
        citations: [...cites('reddit.com'), { url: 'https://g2.com/found', source: 'search_result' as const }],
      },
      { prompt: 'p', config: 'd', citations: cites('g2.com', 'g2.com', 'g2.com') },
    ];
    const runId = await addRun(ctx.db, world, { createdAt: new Date('2026-07-02T10:00:00Z'), answers: specs });
    await applyRunToRollups(ctx.db.pool, runId);
    const { rows } = await ctx.db.pool.query<{
      config: string;
      domain: string;
      citing: number;
      x: number;
      xx: string;
      xy: string;
    }>(
      `SELECT model_config_id AS config, domain, citing_answers AS citing, annotations + links AS x, cited_sq AS xx, cited_cross AS xy
         FROM report_config_domain_rollups WHERE run_id = $1 ORDER BY 1, 2`,
      [runId],
    );
    const got = Object.fromEntries(rows.map((r) => [`${r.config === world.config('c') ? 'c' : 'd'} ${r.domain}`, r]));
    // c: g2 x = 2, 1 (y = 3, 2); acme x = 1 (y = 3); reddit x = 1, 1 (y = 2, 1); d: g2 x = 3 (y = 3).
    expect(got['c g2.com']).toMatchObject({ citing: 2, x: 3, xx: 5, xy: 8 });
    expect(got['c acme.example']).toMatchObject({ citing: 1, x: 1, xx: 1, xy: 3 });
    expect(got['c reddit.com']).toMatchObject({ citing: 2, x: 2, xx: 2, xy: 3 });
    expect(got['d g2.com']).toMatchObject({ citing: 1, x: 3, xx: 9, xy: 9 });
    expect(rows).toHaveLength(4);
  });
});
