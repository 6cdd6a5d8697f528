/**
 * Grouping chosen by the caller on top of filters, on the world of the filter tests: a tag filter
 * with tag grouping, and configuration experiments per prompt and per day, with their adjustment
 * across every group.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holm } from '../../src/lib/statistics.js';
import { visibilityReport } from '../../src/modules/reports/brand-reports.schemas.js';
import { citationsReport } from '../../src/modules/reports/citations.schemas.js';
import { experimentsReport } from '../../src/modules/reports/experiments.schemas.js';
import type { World } from '../factories/answers.js';
import { PROMPT_TEXT, createFilterWorld } from '../factories/filters-world.js';
import { createTenant, type TestTenant } from '../factories/index.js';
import { createTestContext, type TestContext } from '../helpers/context.js';

let ctx: TestContext;
let tenant: TestTenant;
let world: World;

// Parsed JSON, checked against its schema on arrival.
type Json = Record<string, any>;
const get = async (path: string, schema: { parse(v: unknown): unknown }, status = 200): Promise<Json> => {
  const res = await ctx.app.inject({ url: `${world.base}${path}`, headers: tenant.headers });
  expect(res.statusCode, `${path}: ${res.body}`).toBe(status);
  const body = JSON.parse(res.body);
  if (status === 200) schema.parse(body);
  return body;
};

beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await createTenant(ctx.db);
  ({ world } = await createFilterWorld(ctx.db, tenant.organizationId));
});
afterAll(async () => ctx.close());

describe('a tag filter with tag grouping', () => {
  it('groups only by the tags asked for, not every other tag of the matching prompts', async () => {
    // p2 carries crm and smb: filtered on smb, its answers form an smb group and no crm group.
    const vis = await get('/reports/visibility?tags=smb&groupBy=tag', visibilityReport);
    expect(vis.rows.map((r: Json) => [r.tag, r.brandName, r.mentionRate.numerator, r.n])).toEqual([
      ['smb', 'Acme', 1, 2],
      ['smb', 'Globex', 1, 2],
      ['smb', 'Initech', 0, 2],
    ]);
    const cit = await get('/reports/citations?tags=smb&groupBy=tag', citationsReport);
    expect(cit.groups.map((g: Json) => [g.tag, g.cited, g.domains.map((d: Json) => d.domain)])).toEqual([
      ['smb', 1, ['globex.com']],
    ]);
  });
});

describe('experiments grouped by the caller', () => {
  const globex = (pair: Json) => pair.brands.find((b: Json) => b.brandName === 'Globex');

  it('compares the pair within each prompt, listing a prompt where either configuration answered', async () => {
    const report = await get('/reports/experiments?parameter=temperature&groupBy=prompt', experimentsReport);
    expect(report.groupBy).toEqual(['prompt']);
    // [prompt, answers A, answers B, Globex A, Globex B, test]; p3 has no answer from cB.
    expect(
      report.pairs.map((p: Json) => [
        p.promptText,
        p.answers.a,
        p.answers.b,
        globex(p).a.numerator,
        globex(p).b.numerator,
        globex(p).test,
      ]),
    ).toEqual([
      [PROMPT_TEXT.p1, 2, 1, 1, 1, 'fisher'],
      [PROMPT_TEXT.p2, 1, 1, 0, 1, 'fisher'],
      [PROMPT_TEXT.p3, 1, 0, 0, 0, 'none'],
    ]);
    expect(
      report.pairs.every(
        (p: Json) => p.a.modelConfigId === world.config('cA') && p.b.modelConfigId === world.config('cB'),
      ),
    ).toBe(true);
    // Holm adjusts across every brand of every group: 3 prompts × 3 brands.
    const tests = report.pairs.flatMap((p: Json) => p.brands);
    expect(tests).toHaveLength(9);
    expect(tests.map((b: Json) => b.pValueAdjusted)).toEqual(holm(tests.map((b: Json) => b.pValue)));
  });

  it('compares an explicit pair per day, with the filters applied first', async () => {
    const q = `configA=${world.config('cA')}&configB=${world.config('cB')}&groupBy=day&promptIds=${world.prompt('p1')},${world.prompt('p2')}`;
    const report = await get(`/reports/experiments?${q}`, experimentsReport);
    expect(
      report.pairs.map((p: Json) => [p.period, p.answers.a, p.answers.b, globex(p).a.numerator, globex(p).b.numerator]),
    ).toEqual([
      ['2026-05-04', 2, 1, 1, 1],
      ['2026-05-06', 1, 1, 0, 1],
    ]);
    const csv = await ctx.app.inject({
      url: `${world.base}/reports/experiments?${q}&format=csv`,
      headers: tenant.headers,
    });
    const [header, ...rows] = csv.body.trimEnd().split('\n');
    expect(header).toMatch(/^definitionVersion,period,parameter,/);
    expect(rows).toHaveLength(2 * 3);
  });

  it('refuses a grouping that would split nothing, saying which are accepted', async () => {
    const res = await get('/reports/experiments?parameter=temperature&groupBy=provider', experimentsReport, 400);
    expect(JSON.stringify(res)).toContain('groupBy');
  });
});
