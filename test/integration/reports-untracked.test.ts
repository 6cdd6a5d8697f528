/**
 * GET …/reports/untracked: names the answers present and cited domains that no tracked brand
 * covers, counted per answer, with the time range, sample size, CSV, 400s and tenant isolation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { untrackedReport } from '../../src/modules/reports/untracked.schemas.js';
import { addRun, createWorld, type World } from '../factories/answers.js';
import { createTenant, type TestTenant } from '../factories/index.js';
import { apiClient, type ApiClient } from '../helpers/api.js';
import { createTestContext, type TestContext } from '../helpers/context.js';

let ctx: TestContext;
let tenant: TestTenant;
let api: ApiClient;
let world: World;

const answer = (
  lines: string[],
  citations: Array<{ url: string; source?: 'annotation' | 'link' | 'search_result' }> = [],
) => ({
  prompt: 'p',
  config: 'c',
  text: lines.join('\n'),
  citations,
});

beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await createTenant(ctx.db);
  api = apiClient(ctx.app, tenant.headers);
  world = await createWorld(ctx.db, tenant.organizationId, {
    brands: [
      { name: 'HubSpot', kind: 'own', domains: ['hubspot.com'] },
      { name: 'Pipedrive', domains: ['pipedrive.com'] },
    ],
    prompts: [{ key: 'p' }],
    configs: [{ key: 'c' }],
  });
  await addRun(ctx.db, world, {
    createdAt: new Date('2026-11-10T10:00:00Z'),
    answers: [
      answer(
        ['1. **Attio** — modern', '2. **HubSpot CRM** — free start', '3. **Folk**: light'],
        [
          { url: 'https://attio.com/pricing', source: 'annotation' },
          { url: 'https://www.hubspot.com/crm' },
          { url: 'https://g2.com/crm', source: 'search_result' },
        ],
      ),
      answer(
        ['### Attio', 'Great.', '### Pipedrive', 'Good.', '- Folk - simple'],
        [
          { url: 'https://attio.com/', source: 'link' },
          { url: 'https://www.attio.com/why' },
          { url: 'https://folk.app/' },
        ],
      ),
      answer(
        ['| Tool | Price |', '|---|---|', '| ATTIO | $29 |', '| Copper | $23 |'],
        [{ url: 'https://folk.app/crm' }],
      ),
    ],
  });
  // Earlier: outside the range asked below.
  await addRun(ctx.db, world, {
    createdAt: new Date('2026-10-01T10:00:00Z'),
    answers: [answer(['- **Copper**: for Google Workspace'], [{ url: 'https://copper.com/' }])],
  });
});
afterAll(async () => ctx?.close());

const report = async (query = '') => untrackedReport.parse(await api.get(`${world.base}/reports/untracked${query}`));

describe('untracked report', () => {
  it('lists names and cited domains that no tracked brand covers, per answer, most frequent first', async () => {
    const r = await report('?from=2026-11-01T00:00:00Z');
    expect(r.n).toBe(3);
    // HubSpot CRM and Pipedrive are tracked (name or alias); Copper is named once in range.
    expect(r.names).toEqual([
      { name: 'Attio', answers: 3, share: 1 },
      { name: 'Folk', answers: 2, share: 0.6667 },
    ]);
    // hubspot.com is owned; g2.com was only retrieved, not cited.
    expect(r.domains).toEqual([
      { domain: 'attio.com', citations: 3, answers: 2 },
      { domain: 'folk.app', citations: 2, answers: 2 },
    ]);
  });

  it('takes the range, the threshold, the limit and the sample size', async () => {
    const all = await report('?minAnswers=1');
    expect(all.n).toBe(4);
    expect(all.names.map((n) => [n.name, n.answers])).toEqual([
      ['Attio', 3],
      ['Copper', 2],
      ['Folk', 2],
    ]);
    expect(all.domains.map((d) => d.domain)).toEqual(['attio.com', 'folk.app', 'copper.com']);
    expect((await report('?minAnswers=1&limit=1')).names.map((n) => n.name)).toEqual(['Attio']);
    expect((await report('?to=2026-11-01T00:00:00Z&minAnswers=1')).names).toEqual([
      { name: 'Copper', answers: 1, share: 1 },
    ]);
    // The latest answers are read first.
    expect((await report('?sample=10&minAnswers=1')).n).toBe(4);
  });

  it('drops what a brand added since covers, without re-analysis', async () => {
    const folk = await api.post(`${world.base}/brands`, { name: 'Folk CRM', aliases: ['Folk'], domains: ['folk.app'] });
    const r = await report('?from=2026-11-01T00:00:00Z');
    expect(r.names.map((n) => n.name)).toEqual(['Attio']);
    expect(r.domains.map((d) => d.domain)).toEqual(['attio.com']);
    await api.send('DELETE', `${world.base}/brands/${folk.id}`, undefined, 204);
  });

  it('exports CSV', async () => {
    const res = await ctx.app.inject({
      url: `${world.base}/reports/untracked?format=csv&from=2026-11-01T00:00:00Z`,
      headers: tenant.headers,
    });
    expect(res.statusCode).toBe(200);
    expect(res.body.trimEnd().split('\n')).toEqual([
      'n,kind,value,answers,share,citations',
      '3,name,Attio,3,1,',
      '3,name,Folk,2,0.6667,',
      '3,domain,attio.com,2,,3',
      '3,domain,folk.app,2,,2',
    ]);
  });

  it('refuses bad input with a 400 naming the field, and another organization’s workspace with a 404', async () => {
    for (const [query, field] of [
      ['from=yesterday', 'querystring.from'],
      ['from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z', 'querystring.to'],
      ['limit=0', 'querystring.limit'],
      ['limit=101', 'querystring.limit'],
      ['sample=5', 'querystring.sample'],
      ['minAnswers=0', 'querystring.minAnswers'],
      ['brandIds=x', 'querystring.brandIds'],
    ] as const) {
      const res = await ctx.app.inject({ url: `${world.base}/reports/untracked?${query}`, headers: tenant.headers });
      expect(res.statusCode, query).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(
        res.json().errors.map((e: { path: string }) => e.path),
        res.body,
      ).toContain(field);
    }
    const stranger = await createTenant(ctx.db);
    expect(
      (await ctx.app.inject({ url: `${world.base}/reports/untracked`, headers: stranger.headers })).statusCode,
    ).toBe(404);
  });
});
