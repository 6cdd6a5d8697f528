/**
 * POST …/analysis-preview: the analysis a run's answers get, on any text, for the stored brands
 * or for unsaved drafts, with read permission, tenant isolation and clear 400s; nothing stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, keyFor, type TestTenant } from '../factories/index.js';
import { createPerson } from '../factories/people.js';
import { apiClient, seedWorkspace, type ApiClient } from '../helpers/api.js';
import { createTestContext, type TestContext, waitFor } from '../helpers/context.js';

let ctx: TestContext;
let tenant: TestTenant;
let api: ApiClient;
let base: string;
let brands: Record<string, { id: string }>;

const preview = (body: unknown, headers: Record<string, string> = tenant.headers, url = `${base}/analysis-preview`) =>
  ctx.app.inject({ method: 'POST', url, headers, payload: body as object });

beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await createTenant(ctx.db);
  api = apiClient(ctx.app, tenant.headers);
  const ws = await api.post('/v1/workspaces', { name: 'Preview' });
  base = `/v1/workspaces/${ws.id}`;
  brands = {
    Acme: await api.post(`${base}/brands`, { name: 'Acme', aliases: ['Acme CRM'], domains: ['acme.com'], kind: 'own' }),
    Globex: await api.post(`${base}/brands`, { name: 'Globex', domains: ['globex.io'] }),
  };
});
afterAll(async () => ctx?.close());

describe('analysis preview', () => {
  it('finds the stored brands’ mentions and citations, with spans, ranks, sentiment and owners', async () => {
    const text =
      'Top picks:\n1. **Globex** is fast.\n2. Acme CRM is excellent and loved by teams; see [pricing](https://www.acme.com/pricing?utm_source=x).\nAcme again.';
    const res = await preview({ text, citations: ['https://globex.io/blog#top', 'https://g2.com/crm'] });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.mentions).toHaveLength(2);
    const [globex, acme] = body.mentions;
    expect(globex).toMatchObject({
      brandId: brands.Globex!.id,
      brandName: 'Globex',
      kind: 'competitor',
      count: 1,
      rank: 1,
      listPosition: 1,
    });
    expect(globex.spans).toEqual([{ start: text.indexOf('Globex'), end: text.indexOf('Globex') + 6, text: 'Globex' }]);
    expect(acme).toMatchObject({ brandId: brands.Acme!.id, kind: 'own', count: 2, rank: 2, listPosition: 2 });
    expect(acme.firstPosition).toBe(text.indexOf('Acme CRM'));
    expect(acme.spans.map((s: { text: string }) => s.text)).toEqual(['Acme CRM', 'Acme']);
    expect(acme.sentiment).toBeGreaterThan(0);
    expect(acme.sentimentLabel).toBe('positive');
    expect(body.citations).toEqual([
      {
        position: 1,
        url: 'https://globex.io/blog',
        domain: 'globex.io',
        title: null,
        brandId: brands.Globex!.id,
        brandName: 'Globex',
        source: 'structured',
      },
      {
        position: 2,
        url: 'https://g2.com/crm',
        domain: 'g2.com',
        title: null,
        brandId: null,
        brandName: null,
        source: 'structured',
      },
      {
        position: 3,
        url: 'https://www.acme.com/pricing',
        domain: 'acme.com',
        title: 'pricing',
        brandId: brands.Acme!.id,
        brandName: 'Acme',
        source: 'text',
      },
    ]);
  });

  it('uses exactly the drafts given, unsaved ones without an id, instead of the stored brands', async () => {
    const text = 'Initech beats Globex; read initech.com/why and globex.io.';
    const res = await preview({
      text,
      brands: [
        { name: 'Initech', domains: ['https://www.initech.com/'], kind: 'own' },
        { id: brands.Globex!.id, name: 'Globex Corp', aliases: ['Globex'] },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(
      body.mentions.map((m: { brandId: string | null; brandName: string; kind: string }) => [
        m.brandId,
        m.brandName,
        m.kind,
      ]),
    ).toEqual([
      [null, 'Initech', 'own'],
      [brands.Globex!.id, 'Globex Corp', 'competitor'],
    ]);
    // The stored brand Acme is not looked for; the draft's domain owns initech.com, and the Globex
    // draft owns no domain (the stored Globex owns globex.io, the draft says otherwise).
    expect(body.citations.map((c: { domain: string; brandName: string | null }) => [c.domain, c.brandName])).toEqual([
      ['initech.com', 'Initech'],
      ['globex.io', null],
    ]);
    expect((await preview({ text, brands: [] })).json()).toMatchObject({ mentions: [] });
  });

  it('gives the facts a run stores for the same answer', async () => {
    ctx.startWorker();
    const seeded = await seedWorkspace(api, { prompts: 1, brands: ['HubSpot', 'Salesforce', 'Pipedrive'] });
    const run = await api.post(`${seeded.base}/runs`, {
      promptIds: [seeded.prompts[0].id],
      modelConfigIds: [seeded.configs[0].id],
    });
    const answer = await waitFor(async () => {
      const page = await api.get(`${seeded.base}/responses?runId=${run.id}`);
      const r = page.data[0];
      return r?.status === 'succeeded' && (await api.get(`${seeded.base}/runs/${run.id}`)).status === 'completed'
        ? r
        : null;
    }, 'the run to be analysed');
    const stored = (await api.get(`${seeded.base}/responses/${answer.id}`)) as {
      text: string;
      mentions: Array<{
        brandId: string;
        count: number;
        spans: [number, number][];
        rank: number;
        sentiment: number;
        listPosition: number | null;
      }>;
    };
    expect(stored.mentions.length).toBeGreaterThan(0);
    const res = await preview({ text: stored.text }, tenant.headers, `${seeded.base}/analysis-preview`);
    expect(res.statusCode, res.body).toBe(200);
    const previewed = res.json().mentions as Array<{
      brandId: string;
      count: number;
      spans: Array<{ start: number; end: number }>;
      rank: number;
      sentiment: number;
      listPosition: number | null;
    }>;
    const shape = (m: {
      brandId: string;
      count: number;
      rank: number;
      sentiment: number;
      listPosition: number | null;
    }) => ({
      brandId: m.brandId,
      count: m.count,
      rank: m.rank,
      sentiment: m.sentiment,
      listPosition: m.listPosition,
    });
    expect(previewed.map(shape)).toEqual([...stored.mentions].sort((a, b) => a.rank - b.rank).map(shape));
    expect(previewed.map((m) => m.spans.map((s) => [s.start, s.end]))).toEqual(
      [...stored.mentions].sort((a, b) => a.rank - b.rank).map((m) => m.spans),
    );
  });

  it('needs read permission only, stores nothing and records nothing in the audit log', async () => {
    const read = await keyFor(ctx.db, tenant.organizationId, ['read']);
    const viewer = await createPerson(ctx.app, ctx.db, { organizationId: tenant.organizationId, role: 'viewer' });
    await ctx.app.auditLog.drain();
    const before = (
      await ctx.db.pool.query('SELECT count(*)::int AS n FROM audit_events WHERE organization_id = $1', [
        tenant.organizationId,
      ])
    ).rows[0].n;
    expect((await preview({ text: 'Acme' }, read.headers)).statusCode).toBe(200);
    expect((await preview({ text: 'Acme' }, viewer.writeHeaders)).statusCode).toBe(200);
    // A signed-in POST still needs its CSRF token.
    expect((await preview({ text: 'Acme' }, viewer.headers)).json().code).toBe('csrf_failed');
    await ctx.app.auditLog.drain();
    const after = (
      await ctx.db.pool.query('SELECT count(*)::int AS n FROM audit_events WHERE organization_id = $1', [
        tenant.organizationId,
      ])
    ).rows[0].n;
    expect(after).toBe(before);
    expect(ctx.app.auditLog.readOnlyRoutes).toContainEqual({
      method: 'POST',
      url: '/v1/workspaces/:workspaceId/analysis-preview',
    });
  });

  it("answers another organization's workspace with 404", async () => {
    const stranger = await createTenant(ctx.db);
    const res = await preview({ text: 'Acme' }, stranger.headers);
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
  });

  it('refuses bad input with a 400 naming the field', async () => {
    for (const [body, path] of [
      [{}, 'body.text'],
      [{ text: 'x'.repeat(100_001) }, 'body.text'],
      [{ text: 'a', citations: ['ftp://x.example/a'] }, 'body.citations.0'],
      [{ text: 'a', citations: Array.from({ length: 201 }, (_, i) => `https://e.com/${i}`) }, 'body.citations'],
      [{ text: 'a', brands: [{ name: '' }] }, 'body.brands.0.name'],
      [{ text: 'a', brands: [{ name: 'X', domains: ['not a domain'] }] }, 'body.brands.0.domains.0'],
      [{ text: 'a', brands: [{ name: 'X', kind: 'partner' }] }, 'body.brands.0.kind'],
      [{ text: 'a', brands: [{ name: 'X', id: 'nope' }] }, 'body.brands.0.id'],
      [{ text: 'a', extra: 1 }, 'body.extra'],
    ] as const) {
      const res = await preview(body);
      expect(res.statusCode, path).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(
        res.json().errors.map((e: { path: string }) => e.path),
        JSON.stringify(res.json()),
      ).toContain(path);
    }
  });
});
