/**
 * The app-versus-API gap on factory data: configurations paired by assistant (or as given), only
 * the prompts both surfaces answered, brand mention rates and domain citation shares per surface
 * checked against a computation from the answers written, Holm across the report, the verdicts,
 * the filters, CSV, and refused input; and the same report from the rollups (with runs read live)
 * as from the answer tables alone, prompts measured on one surface only included.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareProportions, holm, newcombeDifference } from '../../src/lib/statistics.js';
import { appGapQuery, appGapReport } from '../../src/modules/reports/app-gap.schemas.js';
import { appGap } from '../../src/modules/reports/app-gap.service.js';
import { applyRunToRollups } from '../../src/modules/reports/rollups.service.js';
import { addRun, createWorld, type AnswerSpec, type World } from '../factories/answers.js';
import { createTenant, type TestTenant } from '../factories/index.js';
import { createTestContext, type TestContext } from '../helpers/context.js';

let ctx: TestContext;
let tenant: TestTenant;
let world: World;
const runIds: string[] = [];

// Parsed report JSON.
type Json = Record<string, any>;
const get = async (query: string, status = 200): Promise<Json> => {
  const res = await ctx.app.inject({ url: `${world.base}/reports/app-gap?${query}`, headers: tenant.headers });
  expect(res.statusCode, res.body).toBe(status);
  const body = JSON.parse(res.body);
  if (status === 200) appGapReport.parse(body);
  return body;
};

/**
 * Answers of one configuration on one prompt: the first `acme` mention Acme, the first `globex`
 * Globex; answer i cites `cites(i)` (a list of domains, one link each).
 */
const answers = (
  config: string,
  prompt: string,
  n: number,
  acme: number,
  globex: number,
  cites: (i: number) => string[],
): AnswerSpec[] =>
  Array.from({ length: n }, (_, i) => ({
    prompt,
    config,
    mentions: [...(i < acme ? [{ brand: 'Acme' }] : []), ...(i < globex ? [{ brand: 'Globex' }] : [])],
    citations: cites(i).map((d, j) => ({ url: `https://${d}/page-${i}-${j}` })),
  }));

// The API cites review sites; the app cites Reddit much more, as the apps do.
const apiCites = (i: number) =>
  i % 5 === 0 ? ['g2.com', 'reddit.com'] : i % 2 ? ['g2.com', 'acme.example'] : ['g2.com'];
const appCites = (i: number) =>
  i % 4 === 0 ? ['g2.com'] : i % 3 ? ['reddit.com', 'reddit.com', 'g2.com'] : ['reddit.com'];

const api1 = answers('gpt', 'p1', 30, 15, 20, apiCites);
const app1 = answers('app', 'p1', 30, 6, 21, appCites);
const api2 = answers('gpt', 'p2', 10, 10, 0, apiCites);
const app3 = answers('app', 'p3', 10, 0, 10, appCites);

/** Σx, Σx², Σxy, Σy, Σy², n of a domain's citations over answers, from the specs themselves. */
function sums(specs: AnswerSpec[], domain: string) {
  const s = { n: specs.length, x: 0, y: 0, xx: 0, xy: 0, yy: 0 };
  for (const a of specs) {
    const all = a.citations ?? [];
    const x = all.filter((c) => new URL(c.url).hostname === domain).length;
    s.x += x;
    s.y += all.length;
    s.xx += x * x;
    s.xy += x * all.length;
    s.yy += all.length * all.length;
  }
  return s;
}

const deltaVar = (s: ReturnType<typeof sums>) => {
  const r = s.x / s.y;
  return ((s.n / (s.n - 1)) * (s.xx - 2 * r * s.xy + r * r * s.yy)) / (s.y * s.y);
};

beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await createTenant(ctx.db);
  world = await createWorld(ctx.db, tenant.organizationId, {
    brands: [{ name: 'Acme', kind: 'own', domains: ['acme.example'] }, { name: 'Globex' }],
    prompts: [{ key: 'p1' }, { key: 'p2' }, { key: 'p3' }],
    configs: [
      { key: 'gpt', name: 'GPT-4.1', provider: 'openai', model: 'gpt-4.1' },
      { key: 'app', name: 'ChatGPT app', provider: 'mock_app', model: 'chatgpt' },
      { key: 'mock', name: 'Mock API', provider: 'mock', model: 'mock-assistant-1' },
      { key: 'gemini', name: 'Gemini API', provider: 'gemini', model: 'gemini-2.5-flash' },
      { key: 'other', name: 'Llama', provider: 'openai_compatible', model: 'llama' },
    ],
  });
  const april = await addRun(ctx.db, world, {
    createdAt: new Date('2026-04-01T08:00:00Z'),
    answers: [
      ...api1,
      ...app1,
      ...api2,
      ...app3,
      { prompt: 'p1', config: 'app', status: 'failed' },
      ...answers('gemini', 'p1', 5, 5, 5, apiCites),
      ...answers('other', 'p1', 5, 5, 5, apiCites),
    ],
  });
  // A later run where the mock API answers p1 like the app: the explicit pair and the date filter.
  const may = await addRun(ctx.db, world, {
    createdAt: new Date('2026-05-01T08:00:00Z'),
    answers: [...answers('mock', 'p1', 30, 6, 21, appCites), ...answers('app', 'p1', 30, 6, 21, appCites)],
  });
  runIds.push(april, may);
});
afterAll(async () => ctx.close());

describe('app-gap report', () => {
  it('pairs the API with the app by assistant and compares them on the prompts both answered', async () => {
    const report = await get('to=2026-04-15T00:00:00Z');
    expect(report).toMatchObject({ pairing: 'assistant', maxGap: 0.1, minAnswers: 30, alpha: 0.05, adjust: 'holm' });
    // Gemini has no app configuration, the OpenAI-compatible endpoint no assistant.
    expect(report.assistants.map((a: Json) => a.assistant)).toEqual(['chatgpt']);
    const [chatgpt] = report.assistants;
    expect(chatgpt).toMatchObject({
      matchedPrompts: 1,
      apiOnlyPrompts: 1,
      appOnlyPrompts: 1,
      api: { answers: 30, failed: 0 },
      app: { answers: 30, failed: 1 },
    });
    // Mock API is paired with ChatGPT too, but has no answers before May.
    expect(chatgpt.api.configs.map((c: Json) => c.modelConfigName)).toEqual(['GPT-4.1']);
    expect(chatgpt.app.configs.map((c: Json) => c.modelConfigName)).toEqual(['ChatGPT app']);

    // Brands: p1 only (p2's API answers and p3's app answers have no counterpart).
    const acme = chatgpt.brands.find((b: Json) => b.brandName === 'Acme');
    expect(acme).toMatchObject({
      brandKind: 'own',
      api: { numerator: 15, denominator: 30 },
      app: { numerator: 6, denominator: 30 },
    });
    const c = compareProportions(15, 30, 6, 30);
    expect(acme.difference.value).toBeCloseTo(-0.3, 10);
    expect(acme.difference.ci95).toEqual(newcombeDifference(6, 30, 15, 30));
    expect(acme.test).toBe(c.test);
    expect(acme.pValue).toBeCloseTo(c.pValue as number, 12);
    const globex = chatgpt.brands.find((b: Json) => b.brandName === 'Globex');
    expect(globex).toMatchObject({ api: { numerator: 20 }, app: { numerator: 21 } });

    // Domains: citation share on each surface, as a ratio of sums over the answers written.
    const domains = chatgpt.domains.map((d: Json) => d.domain);
    expect(new Set(domains)).toEqual(new Set(['reddit.com', 'g2.com', 'acme.example']));
    for (const name of domains) {
      const d = chatgpt.domains.find((x: Json) => x.domain === name);
      const [a, b] = [sums(api1, name), sums(app1, name)];
      expect(d.api).toMatchObject({ numerator: a.x, denominator: a.y, n: 30 });
      expect(d.app).toMatchObject({ numerator: b.x, denominator: b.y, n: 30 });
      const diff = b.x / b.y - a.x / a.y;
      expect(d.difference.value).toBeCloseTo(diff, 10);
      const z = diff / Math.sqrt(deltaVar(a) + deltaVar(b));
      expect(d.statistic).toBeCloseTo(z, 8);
      expect(d.difference.ci95.low).toBeCloseTo(Math.max(-1, diff - 1.959963984540054 * (diff / z)), 8);
    }
    const reddit = chatgpt.domains.find((d: Json) => d.domain === 'reddit.com');
    expect(reddit.citingAnswers).toEqual({
      api: api1.filter((a) => a.citations?.some((x) => x.url.includes('reddit'))).length,
      app: app1.filter((a) => a.citations?.some((x) => x.url.includes('reddit'))).length,
    });

    // Holm over every brand and domain of the report.
    const tests = [...chatgpt.brands, ...chatgpt.domains];
    const adjusted = holm(tests.map((t: Json) => t.pValue));
    tests.forEach((t: Json, i: number) => {
      expect(t.pValueAdjusted).toBeCloseTo(adjusted[i] as number, 12);
      expect(t.significant).toBe((adjusted[i] as number) < 0.05);
    });

    // Reddit is cited far more in the app: not a stand-in, and the summary says so.
    expect(reddit.significant).toBe(true);
    expect(chatgpt.verdict.status).toBe('not_stand_in');
    expect(chatgpt.verdict.summary).toMatch(
      /^The API is not a stand-in for the ChatGPT app: reddit\.com’s citation share is [\d.]+ points higher in the app \(adjusted p/,
    );
    expect(chatgpt.verdict.largestGap).toMatchObject({ kind: 'domain', name: 'reddit.com', significant: true });
  });

  it('compares the configurations given, and calls a surface answering alike a good stand-in', async () => {
    const report = await get(`apiConfigIds=${world.config('mock')}&appConfigIds=${world.config('app')}`);
    expect(report.pairing).toBe('explicit');
    const [pair] = report.assistants;
    // Only the May run has mock answers; the app's April answers on p1 count too (same prompt).
    expect(pair).toMatchObject({ assistant: 'chatgpt', matchedPrompts: 1, api: { answers: 30 }, app: { answers: 60 } });
    expect(pair.verdict.status).toBe('stand_in');
    expect(pair.verdict.summary).toMatch(/^The API is a good stand-in for the ChatGPT app: no brand’s mention rate/);

    // A configuration named twice counts once, domains included.
    const twice = await get(
      `apiConfigIds=${world.config('mock')},${world.config('mock')}&appConfigIds=${world.config('app')}`,
    );
    expect(twice.assistants[0].api).toEqual(pair.api);
    expect(twice.assistants[0].domains).toEqual(pair.domains);

    const may = await get(
      `from=2026-04-15T00:00:00Z&apiConfigIds=${world.config('mock')}&appConfigIds=${world.config('app')}`,
    );
    const acme = may.assistants[0].brands.find((b: Json) => b.brandName === 'Acme');
    expect(acme).toMatchObject({ api: { numerator: 6, denominator: 30 }, app: { numerator: 6, denominator: 30 } });
    expect(acme.difference.value).toBe(0);
  });

  it('says it cannot tell below minAnswers', async () => {
    const report = await get(`minAnswers=100&apiConfigIds=${world.config('mock')}&appConfigIds=${world.config('app')}`);
    expect(report.assistants[0].verdict).toMatchObject({
      status: 'inconclusive',
      summary:
        'Cannot tell for the ChatGPT app yet: 30 API and 60 app answers on 1 shared prompt; 100 on each side are needed.',
    });
  });

  it('exports one CSV row per brand and domain', async () => {
    const res = await ctx.app.inject({
      url: `${world.base}/reports/app-gap?format=csv&to=2026-04-15T00:00:00Z`,
      headers: tenant.headers,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body.trim().split('\n');
    expect(lines[0]).toMatch(/^definitionVersion,assistant,verdict,matchedPrompts,apiAnswers,appAnswers,kind,name/);
    expect(lines).toHaveLength(1 + 2 + 3);
    expect(lines.find((l) => l.includes(',domain,reddit.com,'))).toContain('not_stand_in');
  });

  it('refuses incomplete or unknown pairs with what to fix', async () => {
    const one = await get(`apiConfigIds=${world.config('mock')}`, 400);
    expect(one.code).toBe('validation_failed');
    expect(JSON.stringify(one.errors)).toContain('apiConfigIds and appConfigIds together');
    const both = await get(`apiConfigIds=${world.config('mock')}&appConfigIds=${world.config('mock')}`, 400);
    expect(JSON.stringify(both.errors)).toContain('cannot be on both surfaces');
    const unknown = await get(`apiConfigIds=${world.workspaceId}&appConfigIds=${world.config('app')}`, 400);
    expect(unknown.errors).toEqual([
      expect.objectContaining({ path: 'query.apiConfigIds', message: expect.stringContaining('no configuration') }),
    ]);
    await get('maxGap=2', 400);
  });
});

describe('app-gap report from rollups', () => {
  const queries = () => [
    // Assistant pairing: ChatGPT's p2 (API only) and p3 (app only) are left out of the rollups' sums.
    {},
    { to: '2026-04-15T00:00:00Z' },
    // Every prompt on both surfaces: the configuration rollups alone.
    { from: '2026-04-15T00:00:00Z', apiConfigIds: world.config('mock'), appConfigIds: world.config('app') },
    { apiConfigIds: world.config('gpt'), appConfigIds: world.config('app'), top: '1' },
    { apiConfigIds: `${world.config('gpt')},${world.config('mock')}`, appConfigIds: world.config('app') },
    // Filters the rollups cannot answer per configuration (a prompt) or that narrow the pairs.
    { promptIds: `${world.prompt('p1')},${world.prompt('p2')}` },
    { modelConfigIds: `${world.config('gpt')},${world.config('app')},${world.config('gemini')}` },
    { brandIds: world.brand('Globex'), adjust: 'bh' },
    { providers: 'gemini' },
  ];

  async function expectSameAsRaw(liveRuns: number) {
    const deps = { db: ctx.db };
    for (const query of queries()) {
      const q = appGapQuery.parse(query);
      const rolled = await appGap(deps, tenant.organizationId, world.workspaceId, q);
      const raw = await appGap(deps, tenant.organizationId, world.workspaceId, q, 'raw');
      // The live run is June's: a range ending in April holds none.
      expect(rolled.liveRuns, JSON.stringify(query)).toBe('to' in query ? 0 : liveRuns);
      expect({ ...rolled, liveRuns: 0 }, JSON.stringify(query)).toEqual(raw);
    }
  }

  it('equals the report from the answer tables, with matched and unmatched prompts and a run read live', async () => {
    for (const id of runIds) await applyRunToRollups(ctx.db.pool, id);
    await expectSameAsRaw(0);
    // Not trivially equal: the unmatched prompts are in the rollups and must be taken out.
    const all = await appGap({ db: ctx.db }, tenant.organizationId, world.workspaceId, appGapQuery.parse({}));
    const chatgpt = all.assistants.find((a) => a.assistant === 'chatgpt');
    expect(chatgpt).toMatchObject({ matchedPrompts: 1, apiOnlyPrompts: 1, appOnlyPrompts: 1 });
    expect(chatgpt?.api.answers).toBe(60);
    expect(chatgpt?.brands.find((b) => b.brandName === 'Acme')?.api).toMatchObject({ numerator: 21, denominator: 60 });

    // A run still going is read live from the answer tables, beside the rolled-up ones; it asks
    // the app p2, which the API answered in April: p2 becomes a matched prompt.
    await addRun(ctx.db, world, {
      createdAt: new Date('2026-06-01T08:00:00Z'),
      finished: false,
      answers: [
        ...answers('app', 'p2', 12, 3, 9, appCites),
        ...answers('gpt', 'p3', 4, 4, 0, apiCites),
        ...answers('gemini', 'p1', 3, 1, 1, apiCites),
      ],
    });
    await expectSameAsRaw(1);
    const live = await appGap({ db: ctx.db }, tenant.organizationId, world.workspaceId, appGapQuery.parse({}));
    expect(live.assistants.find((a) => a.assistant === 'chatgpt')).toMatchObject({
      matchedPrompts: 3,
      apiOnlyPrompts: 0,
      appOnlyPrompts: 0,
    });
  });
});
