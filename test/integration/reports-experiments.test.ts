/**
 * Configuration experiments on factory data: pairs along one parameter, an explicit pair, the
 * z-test for large counts and Fisher's exact test for small ones, Holm-adjusted significance,
 * and the samples per arm needed to detect a given difference.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holm, newcombeDifference, sampleSizePerArm } from '../../src/lib/statistics.js';
import { experimentsReport } from '../../src/modules/reports/experiments.schemas.js';
import { experiments } from '../../src/modules/reports/experiments.service.js';
import { rebuildRollups } from '../../src/modules/reports/rollups.service.js';
import { addRun, createWorld, times, type AnswerSpec, type World } from '../factories/answers.js';
import { createTenant, type TestTenant } from '../factories/index.js';
import { createTestContext, type TestContext } from '../helpers/context.js';

let ctx: TestContext;
let tenant: TestTenant;
let world: World;

// Parsed report JSON.
type Json = Record<string, any>;
const get = async (query: string, status = 200): Promise<Json> => {
  const res = await ctx.app.inject({ url: `${world.base}/reports/experiments?${query}`, headers: tenant.headers });
  expect(res.statusCode, res.body).toBe(status);
  const body = JSON.parse(res.body);
  if (status === 200) experimentsReport.parse(body);
  return body;
};

/** Two-sided Fisher p for [[a, b], [c, d]] from exact binomial coefficients (BigInt), independent of the library. */
function fisherByHand(a: number, b: number, c: number, d: number): number {
  const choose = (n: number, k: number): bigint => {
    let r = 1n;
    for (let i = 1; i <= k; i++) r = (r * BigInt(n - k + i)) / BigInt(i);
    return r;
  };
  const [row, col, total] = [a + b, a + c, a + b + c + d];
  const p = (x: number) => choose(col, x) * choose(total - col, row - x);
  const observed = p(a);
  let num = 0n;
  for (let x = Math.max(0, row + col - total); x <= Math.min(row, col); x++) if (p(x) <= observed) num += p(x);
  return Number((num * 10n ** 15n) / choose(total, row)) / 1e15;
}

const answers = (config: string, n: number, acme: number, globex: number): AnswerSpec[] =>
  Array.from({ length: n }, (_, i) => ({
    prompt: 'p',
    config,
    mentions: [...(i < acme ? [{ brand: 'Acme' }] : []), ...(i < globex ? [{ brand: 'Globex' }] : [])],
  }));

beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await createTenant(ctx.db);
  world = await createWorld(ctx.db, tenant.organizationId, {
    brands: [{ name: 'Acme', kind: 'own' }, { name: 'Globex' }],
    prompts: [{ key: 'p' }],
    configs: [
      { key: 'cold', name: 'A cold', model: 'm1', params: { temperature: 0.2, webSearch: true } },
      { key: 'hot', name: 'B hot', model: 'm1', params: { temperature: 1, webSearch: true } },
      { key: 'offline', name: 'C offline', model: 'm1', params: { temperature: 0.2, webSearch: false } },
      { key: 'other', name: 'D other model', model: 'm2', params: { temperature: 0.2, webSearch: true } },
    ],
  });
  await addRun(ctx.db, world, {
    createdAt: new Date('2026-04-01T08:00:00Z'),
    answers: [
      ...answers('cold', 40, 10, 3),
      ...answers('hot', 40, 30, 1),
      ...times(2, { prompt: 'p', config: 'hot', status: 'failed' }),
      ...answers('offline', 20, 10, 0),
      ...answers('other', 20, 10, 0),
    ],
  });
  await rebuildRollups(ctx.db.pool, { workspaceId: world.workspaceId });
});
afterAll(async () => ctx.close());

describe('experiments', () => {
  it('compares every pair differing only in temperature, with a z-test or an exact test per brand', async () => {
    const report = await get('parameter=temperature');
    expect(report).toMatchObject({
      parameter: 'temperature',
      alpha: 0.05,
      power: 0.8,
      minimumDifference: 0.1,
      adjust: 'holm',
      liveRuns: 0,
    });
    expect(report.pairs).toHaveLength(1);
    const [pair] = report.pairs;
    expect(pair).toMatchObject({
      parameter: 'temperature',
      a: { modelConfigName: 'A cold', value: 0.2 },
      b: { modelConfigName: 'B hot', value: 1 },
      answers: { a: 40, b: 40 },
      failed: { a: 0, b: 2 },
    });

    const acme = pair.brands.find((b: Json) => b.brandName === 'Acme');
    // 10/40 vs 30/40: every expected count is 20, so the pooled z-test: z = 0.5 / √(0.25 · 2/40) = 4.4721.
    expect(acme).toMatchObject({
      a: { numerator: 10, denominator: 40 },
      b: { numerator: 30, denominator: 40 },
      difference: { value: 0.5 },
      test: 'z',
    });
    expect(acme.statistic).toBeCloseTo(4.472136, 5);
    expect(acme.pValue).toBeCloseTo(7.744e-6, 8);
    expect(acme.difference.ci95).toEqual(newcombeDifference(30, 40, 10, 40));

    const globex = pair.brands.find((b: Json) => b.brandName === 'Globex');
    // 3/40 vs 1/40: expected counts of 2, so Fisher's exact test.
    expect(globex).toMatchObject({ test: 'fisher', statistic: null });
    expect(globex.difference.value).toBeCloseTo(-0.05, 12);
    expect(globex.pValue).toBeCloseTo(fisherByHand(3, 37, 1, 39), 12);
    expect(globex.pValue).toBeCloseTo(0.6153, 4);

    const adjusted = holm([acme.pValue, globex.pValue]);
    expect([acme.pValueAdjusted, globex.pValueAdjusted]).toEqual(adjusted);
    expect([acme.significant, globex.significant]).toEqual([true, false]);
    // From A's 25%, detecting +10 points needs 329 answers per configuration.
    expect(acme.samplesPerArmNeeded).toBe(sampleSizePerArm(0.25, 0.35));
    expect(acme.samplesPerArmNeeded).toBe(329);
  });

  it('orders pairs along web search and model, and takes an explicit pair', async () => {
    const web = await get('parameter=webSearch');
    expect(web.pairs.map((p: Json) => [p.a.modelConfigName, p.b.modelConfigName, p.a.value, p.b.value])).toEqual([
      ['C offline', 'A cold', false, true],
    ]);
    const model = await get('parameter=model');
    expect(model.pairs.map((p: Json) => [p.a.value, p.b.value])).toEqual([['m1', 'm2']]);
    const explicit = await get(
      `configA=${world.config('offline')}&configB=${world.config('hot')}&adjust=none&minimumDifference=0.2`,
    );
    const acme = explicit.pairs[0].brands.find((b: Json) => b.brandName === 'Acme');
    expect(acme).toMatchObject({
      a: { numerator: 10, denominator: 20 },
      b: { numerator: 30, denominator: 40 },
      test: 'z',
    });
    expect(acme.pValueAdjusted).toBe(acme.pValue);
    expect(acme.samplesPerArmNeeded).toBe(sampleSizePerArm(0.5, 0.7));
    expect((await get('parameter=seed')).pairs).toEqual([]);
  });

  it('compares every pair differing in exactly one setting when no parameter is given', async () => {
    const all = await get('');
    expect(all.parameter).toBeNull();
    expect(all.pairs.map((p: Json) => [p.parameter, p.a.modelConfigName, p.b.modelConfigName])).toEqual([
      ['model', 'A cold', 'D other model'],
      ['temperature', 'A cold', 'B hot'],
      ['webSearch', 'C offline', 'A cold'],
    ]);
    // Holm adjusts across every brand of every pair: 3 pairs × 2 brands.
    const p = all.pairs.flatMap((pair: Json) => pair.brands.map((b: Json) => b.pValue));
    expect(all.pairs.flatMap((pair: Json) => pair.brands.map((b: Json) => b.pValueAdjusted))).toEqual(holm(p));
  });

  it('matches the answer tables and rejects incomplete requests', async () => {
    const q = {
      groupBy: [],
      parameter: 'temperature',
      minimumDifference: 0.1,
      alpha: 0.05,
      power: 0.8,
      adjust: 'bh' as const,
      format: 'json' as const,
    };
    const fromRollups = await experiments({ db: ctx.db }, tenant.organizationId, world.workspaceId, q);
    expect(fromRollups).toEqual(await experiments({ db: ctx.db }, tenant.organizationId, world.workspaceId, q, 'raw'));
    await get(`configA=${world.config('cold')}`, 400);
    await get(`configA=${world.config('cold')}&configB=${world.config('hot')}&parameter=model`, 400);
    await get(`configA=${world.config('cold')}&configB=${world.config('cold')}`, 400);
    await get(`configA=${world.config('cold')}&configB=${world.workspaceId}`, 400);
  });
});
