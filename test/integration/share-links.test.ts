/**
 * Share links: creating, listing and revoking them (write scope, the workspace's organization
 * only, every write in the audit log), tokens stored hashed, the public routes answering to the
 * token alone with the link's locks applied whatever the query says, the CSV through the link,
 * each opening recorded with the client's network only, the newest ready PDF report within the
 * link's period (or a problem saying there is none), the rate limit per network, and the token
 * refused by every other route of the API.
 */
import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executePdfReport } from '../../src/modules/pdf-reports/pdf-reports.service.js';
import { addressClassOf } from '../../src/modules/share-links/share-links.service.js';
import { addRun, createWorld, type World } from '../factories/answers.js';
import { createTenant, keyFor, type TestTenant } from '../factories/index.js';
import { createPerson } from '../factories/people.js';
import { createTestContext, type TestContext, waitFor } from '../helpers/context.js';
import { fillPath, openApiDoc, operations, type OpenApiDoc } from '../helpers/full-tenant.js';
import { schemaChecker } from '../helpers/openapi-check.js';
import { readPdf } from '../helpers/pdf.js';

type Json = Record<string, any>;
let ctx: TestContext;
let doc: OpenApiDoc;
let check: ReturnType<typeof schemaChecker>;
let tenant: TestTenant;
let world: World;
const BASE = 'https://reports.agency.example';
const day = 86_400_000;
const inAWeek = () => new Date(Date.now() + 7 * day).toISOString();

beforeAll(async () => {
  ctx = await createTestContext({ PUBLIC_BASE_URL: BASE });
  doc = await openApiDoc(ctx.app);
  check = schemaChecker(doc);
  tenant = await createTenant(ctx.db);
  world = await createWorld(ctx.db, tenant.organizationId, {
    brands: [{ name: 'Acme', kind: 'own', domains: ['acme.com'] }, { name: 'Globex' }],
    prompts: [
      { key: 'crm', text: 'Which CRM?', tags: ['crm'] },
      { key: 'erp', text: 'Which ERP?', tags: ['erp'] },
    ],
    configs: [
      { key: 'oa', provider: 'openai', model: 'gpt-x' },
      { key: 'an', provider: 'anthropic', model: 'claude-x' },
    ],
  });
  const answers = (text: string) => [
    { prompt: 'crm', config: 'oa', text, mentions: [{ brand: 'Acme', spans: [[0, 4]] as Array<[number, number]> }] },
    { prompt: 'crm', config: 'oa', text: 'Globex.', mentions: [{ brand: 'Globex' }] },
    { prompt: 'erp', config: 'oa', text, mentions: [{ brand: 'Acme' }] },
    { prompt: 'crm', config: 'an', text, mentions: [{ brand: 'Acme' }, { brand: 'Globex' }] },
    { prompt: 'erp', config: 'an', text: 'Nothing.', mentions: [] },
  ];
  await addRun(ctx.db, world, { createdAt: new Date('2026-10-05T10:00:00Z'), answers: answers('Acme leads.') });
  await addRun(ctx.db, world, {
    createdAt: new Date('2026-11-20T10:00:00Z'),
    answers: [...answers('Acme again.'), ...answers('Acme thrice.')],
  });
});
afterAll(async () => ctx.close());

const create = (body: Json, headers: Record<string, string> = tenant.headers, ws = world.workspaceId) =>
  ctx.app.inject({ method: 'POST', url: `/v1/workspaces/${ws}/share-links`, headers, payload: body });
const shared = (path: string, headers: Record<string, string> = {}) =>
  ctx.app.inject({ url: `/v1/shared/${path}`, headers });
const own = (path: string) => ctx.app.inject({ url: `${world.base}${path}`, headers: tenant.headers });

async function newLink(body: Json = {}): Promise<Json> {
  const res = await create({ name: 'Client review', expiresAt: inAWeek(), ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

function problem(res: { statusCode: number; headers: Record<string, unknown>; json(): unknown }, status: number) {
  expect(res.statusCode).toBe(status);
  expect(String(res.headers['content-type'])).toContain('application/problem+json');
  return res.json() as Json;
}

describe('managing share links', () => {
  it('creates a link whose token is shown once and stored hashed', async () => {
    const res = await create({
      name: 'Nimbus, Q4',
      expiresAt: inAWeek(),
      from: '2026-10-01T00:00:00Z',
      to: '2027-01-01T00:00:00Z',
      providers: ['openai', 'openai'],
    });
    expect(res.statusCode, res.body).toBe(201);
    const link = res.json();
    expect(check.response('/v1/workspaces/{workspaceId}/share-links', 'POST', 201, 'application/json', link)).toEqual(
      [],
    );
    expect(link).toMatchObject({
      name: 'Nimbus, Q4',
      status: 'active',
      locks: { from: '2026-10-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z', providers: ['openai'], tags: null },
      openingCount: 0,
      recentOpenings: [],
    });
    expect(link.token).toMatch(/^cws_[A-Za-z0-9_-]{43}$/);
    expect(link.url).toBe(`${BASE}/dashboard/#/shared/${link.token}`);
    const row = await ctx.db.pool.query('SELECT * FROM share_links WHERE id = $1', [link.id]);
    expect(row.rows[0].token_hash).toBe(createHash('sha256').update(link.token).digest('hex'));
    expect(JSON.stringify(row.rows[0])).not.toContain(link.token.slice(4));
    const list = (await own('/share-links')).json();
    expect(check.response('/v1/workspaces/{workspaceId}/share-links', 'GET', 200, 'application/json', list)).toEqual(
      [],
    );
    expect(JSON.stringify(list)).not.toContain(link.token);
  });

  it('refuses bad input, naming the field', async () => {
    for (const [body, path] of [
      [{ name: 'x', expiresAt: new Date(Date.now() - 1000).toISOString() }, 'expiresAt'],
      [{ name: 'x', expiresAt: new Date(Date.now() + 400 * day).toISOString() }, 'expiresAt'],
      [{ name: 'x', expiresAt: 'tomorrow' }, 'expiresAt'],
      [{ name: 'x', expiresAt: inAWeek(), from: '2026-11-01T00:00:00Z', to: '2026-10-01T00:00:00Z' }, 'to'],
      [{ name: 'x', expiresAt: inAWeek(), providers: [] }, 'providers'],
      [{ name: '', expiresAt: inAWeek() }, 'name'],
      [{ name: 'x', expiresAt: inAWeek(), workspaceId: world.workspaceId }, ''],
      [{ expiresAt: inAWeek() }, 'name'],
    ] as const) {
      const body_ = problem(await create(body), 400);
      expect(body_.code).toBe('validation_failed');
      if (path) expect(JSON.stringify(body_.errors), JSON.stringify(body)).toContain(path);
    }
  });

  it('needs write scope and the workspace of one own organization', async () => {
    const reader = await keyFor(ctx.db, tenant.organizationId, ['read']);
    expect((await create({ name: 'x', expiresAt: inAWeek() }, reader.headers)).statusCode).toBe(403);
    expect((await ctx.app.inject({ url: `${world.base}/share-links`, headers: reader.headers })).statusCode).toBe(200);
    const viewer = await createPerson(ctx.app, ctx.db, { organizationId: tenant.organizationId, role: 'viewer' });
    expect((await create({ name: 'x', expiresAt: inAWeek() }, viewer.writeHeaders)).statusCode).toBe(403);
    const editor = await createPerson(ctx.app, ctx.db, { organizationId: tenant.organizationId, role: 'editor' });
    const made = await create({ name: 'by an editor', expiresAt: inAWeek() }, editor.writeHeaders);
    expect(made.statusCode).toBe(201);
    expect(made.json().createdBy).toBe(`user:${editor.userId}`);
    const other = await createTenant(ctx.db);
    problem(await create({ name: 'x', expiresAt: inAWeek() }, other.headers), 404);
    problem(await ctx.app.inject({ url: `${world.base}/share-links`, headers: other.headers }), 404);
    problem(
      await ctx.app.inject({
        method: 'DELETE',
        url: `${world.base}/share-links/${made.json().id}`,
        headers: other.headers,
      }),
      404,
    );
  });

  it('revokes a link at once, keeps it listed, and records creations and revocations in the audit log', async () => {
    const link = await newLink({ name: 'To revoke' });
    expect((await shared(link.token)).statusCode).toBe(200);
    const del = await ctx.app.inject({
      method: 'DELETE',
      url: `${world.base}/share-links/${link.id}`,
      headers: tenant.headers,
    });
    expect(del.statusCode).toBe(204);
    problem(await shared(link.token), 404);
    problem(await shared(`${link.token}/reports/visibility?format=csv`), 404);
    const again = await ctx.app.inject({
      method: 'DELETE',
      url: `${world.base}/share-links/${link.id}`,
      headers: tenant.headers,
    });
    expect(again.statusCode).toBe(204);
    const all = (await own('/share-links?limit=200')).json().data as Json[];
    const listed = all.find((l) => l.id === link.id);
    expect(listed).toMatchObject({ status: 'revoked', openingCount: 1 });
    const active = (await own('/share-links?status=active&limit=200')).json().data as Json[];
    expect(active.some((l) => l.id === link.id)).toBe(false);
    problem(
      await ctx.app.inject({
        method: 'DELETE',
        url: `${world.base}/share-links/0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5b99`,
        headers: tenant.headers,
      }),
      404,
    );
    const events = await waitFor(async () => {
      const rows = (
        await ctx.db.pool.query<{ action: string; details: Json }>(
          `SELECT action, details FROM audit_events WHERE organization_id = $1 AND action LIKE 'share_link.%'`,
          [tenant.organizationId],
        )
      ).rows;
      return rows.some((r) => r.action === 'share_link.revoke') ? rows : null;
    }, 'share_link.revoke in the audit log');
    expect(events.some((e) => e.action === 'share_link.create')).toBe(true);
    // The token never reaches the audit log.
    expect(JSON.stringify(events)).not.toContain(link.token);
  });

  it('an expired link is refused', async () => {
    const link = await newLink({ name: 'Expiring' });
    await ctx.db.pool.query(`UPDATE share_links SET expires_at = now() - interval '1 second' WHERE id = $1`, [link.id]);
    problem(await shared(link.token), 404);
    const listed = ((await own('/share-links?limit=200')).json().data as Json[]).find((l) => l.id === link.id);
    expect(listed?.status).toBe('expired');
  });
});

describe('the shared view', () => {
  it('answers to the token alone, with the white label, and records each opening by network', async () => {
    await ctx.app.inject({
      method: 'PATCH',
      url: `/v1/organizations/${tenant.organizationId}/branding`,
      headers: tenant.headers,
      payload: { displayName: 'Northwind Agency', primaryColor: '#0b3d91' },
    });
    const link = await newLink({ tags: ['crm'] });
    const res = await ctx.app.inject({
      url: `/v1/shared/${link.token}`,
      remoteAddress: '203.0.113.77',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(check.response('/v1/shared/{token}', 'GET', 200, 'application/json', res.json())).toEqual([]);
    expect(res.json()).toMatchObject({
      name: 'Client review',
      workspace: { timezone: 'UTC' },
      branding: { displayName: 'Northwind Agency', primaryColor: '#0b3d91', accentColor: '#0f766e', logo: false },
      locks: { tags: ['crm'], providers: null, from: null, to: null },
      reports: ['visibility', 'share-of-voice', 'trends', 'citations', 'competitor-gap'],
    });
    problem(await shared(`${link.token}/logo`), 404);
    await ctx.app.inject({ url: `/v1/shared/${link.token}`, remoteAddress: '2001:db8:4a2f:7::1' });
    await ctx.app.inject({ url: `/v1/shared/${link.token}/reports/trends?format=csv`, remoteAddress: '198.51.100.9' });
    const listed = ((await own('/share-links?limit=200')).json().data as Json[]).find((l) => l.id === link.id);
    expect(listed?.openingCount).toBe(3);
    expect(listed?.recentOpenings.map((o: Json) => [o.addressClass, o.what])).toEqual([
      ['198.51.100.0/24', 'trends.csv'],
      ['2001:db8:4a2f::/48', 'page'],
      ['203.0.113.0/24', 'page'],
    ]);
    const stored = await ctx.db.pool.query('SELECT * FROM share_link_openings WHERE share_link_id = $1', [link.id]);
    expect(JSON.stringify(stored.rows)).not.toMatch(/203\.0\.113\.77|2001:db8:4a2f:7::1|198\.51\.100\.9/);
  });

  it('ignores API keys and cookies sent with the token, and refuses malformed and unknown tokens', async () => {
    const link = await newLink();
    const other = await createTenant(ctx.db);
    const person = await createPerson(ctx.app, ctx.db, { organizationId: other.organizationId, role: 'owner' });
    const bare = (await shared(`${link.token}/reports/visibility`)).json();
    const withKey = await shared(`${link.token}/reports/visibility`, { ...other.headers, cookie: person.cookie });
    expect(withKey.statusCode).toBe(200);
    expect({ ...withKey.json(), liveRuns: 0 }).toEqual({ ...bare, liveRuns: 0 });
    problem(await shared(`cws_${'A'.repeat(43)}`), 404);
    problem(await shared('not-a-token'), 400);
    problem(await shared(`${link.token.slice(0, -1)}`), 400);
  });

  it('serves the logo of the organization', async () => {
    const org = await createTenant(ctx.db);
    const w = await createWorld(ctx.db, org.organizationId, {
      brands: [{ name: 'A', kind: 'own' }],
      prompts: [],
      configs: [],
    });
    const { PNG } = await import('pngjs');
    await ctx.app.inject({
      method: 'PUT',
      url: `/v1/organizations/${org.organizationId}/branding/logo`,
      headers: { ...org.headers, 'content-type': 'image/png' },
      payload: PNG.sync.write(new PNG({ width: 3, height: 2 })),
    });
    const link = (await create({ name: 'logo', expiresAt: inAWeek() }, org.headers, w.workspaceId)).json();
    expect((await shared(link.token)).json().branding.logo).toBe(true);
    const logo = await shared(`${link.token}/logo`);
    expect(logo.statusCode).toBe(200);
    expect(logo.headers['content-type']).toBe('image/png');
    expect(PNG.sync.read(logo.rawPayload).width).toBe(3);
  });
});

describe('reports through a link', () => {
  const REPORTS = ['visibility', 'share-of-voice', 'trends', 'citations', 'competitor-gap'];
  const strip = (r: Json) => ({ ...r, liveRuns: 0 });

  it('every report equals the workspace report with the locks as filters, in JSON and CSV', async () => {
    const link = await newLink({
      from: '2026-11-01T00:00:00Z',
      to: '2026-12-01T00:00:00Z',
      providers: ['openai'],
      tags: ['crm'],
    });
    const filters = 'from=2026-11-01T00:00:00.000Z&to=2026-12-01T00:00:00.000Z&providers=openai&tags=crm';
    for (const report of REPORTS) {
      const res = await shared(`${link.token}/reports/${report}`);
      expect(res.statusCode, `${report}: ${res.body}`).toBe(200);
      expect(
        check.response(`/v1/shared/{token}/reports/${report}`, 'GET', 200, 'application/json', res.json()),
      ).toEqual([]);
      const direct = (await own(`/reports/${report}?${filters}`)).json();
      expect(strip(res.json()), report).toEqual(strip(direct));
      const csv = await shared(`${link.token}/reports/${report}?format=csv`);
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      expect(csv.headers['content-disposition']).toContain(`${report}.csv`);
      expect(csv.body).toBe((await own(`/reports/${report}?${filters}&format=csv`)).body);
    }
    // The locks shaped the figures: only November's crm answers of openai.
    const vis = (await shared(`${link.token}/reports/visibility`)).json();
    const acme = vis.rows.find((r: Json) => r.brandName === 'Acme');
    expect(acme.n).toBe(4);
    expect(acme.mentionRate.numerator).toBe(2);
    const rows = parse((await shared(`${link.token}/reports/visibility?format=csv`)).body, { columns: true });
    expect(rows.length).toBe(vis.rows.length);
  });

  it('applies the locks whatever the query says', async () => {
    const link = await newLink({
      from: '2026-11-01T00:00:00Z',
      to: '2026-12-01T00:00:00Z',
      providers: ['openai'],
      tags: ['crm'],
    });
    const locked = (await shared(`${link.token}/reports/visibility`)).json();
    // A wider period is narrowed to the lock.
    const wider = await shared(`${link.token}/reports/visibility?from=2020-01-01T00:00:00Z&to=2030-01-01T00:00:00Z`);
    expect(strip(wider.json())).toEqual(strip(locked));
    // A narrower one is kept.
    const narrower = (await shared(`${link.token}/reports/visibility?from=2026-11-25T00:00:00Z`)).json();
    expect(narrower.rows.every((r: Json) => r.n === 0)).toBe(true);
    // Providers and tags outside the lock are refused.
    const provider = problem(await shared(`${link.token}/reports/visibility?providers=anthropic`), 403);
    expect(provider.errors[0].path).toBe('query.providers');
    problem(await shared(`${link.token}/reports/visibility?providers=openai,anthropic`), 403);
    const tag = problem(await shared(`${link.token}/reports/citations?tags=erp`), 403);
    expect(tag.errors[0].path).toBe('query.tags');
    problem(await shared(`${link.token}/reports/trends?tags=erp&format=csv`), 403);
    // Within the lock is fine.
    expect((await shared(`${link.token}/reports/visibility?providers=openai`)).statusCode).toBe(200);
    // Bad query values get the usual 400.
    problem(await shared(`${link.token}/reports/visibility?from=yesterday`), 400);
    problem(await shared(`${link.token}/reports/visibility?unknown=1`), 400);
  });

  it('other reports and routes are not reachable through the link', async () => {
    const link = await newLink();
    for (const path of ['reports/spend', 'reports/experiments', 'reports/untracked', 'answers', 'prompts', 'brands']) {
      expect((await shared(`${link.token}/${path}`)).statusCode, path).toBe(404);
    }
  });
});

describe('the PDF report through a share link', () => {
  const makePdf = async (from: string, to: string) => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: `${world.base}/pdf-reports`,
      headers: tenant.headers,
      payload: { from, to },
    });
    expect(res.statusCode, res.body).toBe(202);
    const id = res.json().id as string;
    // The worker's own step, run here: render and store the PDF.
    await executePdfReport(ctx, id);
    return id;
  };

  it('serves the newest ready PDF within the link’s period, says when there is none, and not through assistant or tag locks', async () => {
    const november = await newLink({ name: 'November', from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z' });
    const none = problem(await shared(`${november.token}/pdf`), 404);
    expect(none.detail).toBe(
      "No PDF report of this workspace within the link's period is ready yet; ask the agency to make one for that period.",
    );
    // The shared page's view says the same, so the page can tell the client before any click.
    expect((await shared(november.token)).json().pdf).toEqual({ available: false, reason: none.detail });

    // October's PDF lies outside the lock: still none for this link.
    await makePdf('2026-10-01T00:00:00Z', '2026-11-01T00:00:00Z');
    problem(await shared(`${november.token}/pdf`), 404);
    const novemberPdf = await makePdf('2026-11-01T00:00:00Z', '2026-12-01T00:00:00Z');
    const res = await shared(`${november.token}/pdf`, { authorization: `Bearer ${tenant.key}` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="citewatch-report-2026-11-01-2026-11-30.pdf"',
    );
    expect(res.headers['set-cookie']).toBeUndefined();
    const offered = (await shared(november.token)).json().pdf;
    expect(offered).toMatchObject({
      available: true,
      filename: 'citewatch-report-2026-11-01-2026-11-30.pdf',
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-12-01T00:00:00.000Z',
    });
    expect(Date.parse(offered.madeAt)).not.toBeNaN();
    const stored = await own(`/pdf-reports/${novemberPdf}/file`);
    expect(stored.statusCode).toBe(200);
    expect(res.rawPayload.equals(stored.rawPayload)).toBe(true);
    const pdf = await readPdf(res.rawPayload);
    expect(pdf.pages).toBeGreaterThan(1);
    expect(pdf.text.join('\n')).toContain('Acme');
    // The download is an opening of the link (as are the two views above).
    const listed = (await own('/share-links')).json().data.find((l: Json) => l.id === november.id);
    expect(listed.recentOpenings.map((o: Json) => o.what)).toEqual(['page', 'pdf', 'page']);

    // A link without a period lock: the most recently made PDF, whatever its period.
    const open = await newLink({ name: 'Any period' });
    const october = await makePdf('2026-10-01T00:00:00Z', '2026-11-01T00:00:00Z');
    const newest = await shared(`${open.token}/pdf`);
    expect(newest.statusCode).toBe(200);
    expect(newest.rawPayload.equals((await own(`/pdf-reports/${october}/file`)).rawPayload)).toBe(true);

    // A PDF covers every assistant and tag: links locked to some do not serve it.
    for (const locks of [{ providers: ['openai'] }, { tags: ['crm'] }]) {
      const locked = await newLink({ name: 'Locked', ...locks });
      const refused = problem(await shared(`${locked.token}/pdf`), 403);
      expect(refused.code).toBe('forbidden');
      expect(refused.detail).toContain('a PDF report covers all of them');
      expect((await shared(locked.token)).json().pdf).toEqual({ available: false, reason: refused.detail });
    }
    // A revoked link serves nothing.
    await ctx.app.inject({
      method: 'DELETE',
      url: `${world.base}/share-links/${open.id}`,
      headers: tenant.headers,
    });
    problem(await shared(`${open.token}/pdf`), 404);
  });
});

describe('a share token elsewhere', () => {
  it('is refused by every other route of the API, as a key, a bearer token and a path value', async () => {
    const link = await newLink();
    const params: Record<string, string> = new Proxy({} as Record<string, string>, {
      get: (_t, name: string) => (name === 'token' ? link.token : name === 'providerId' ? 'oidc' : world.workspaceId),
    });
    let tried = 0;
    for (const op of operations(doc)) {
      if (!op.template.startsWith('/v1/') || op.template.startsWith('/v1/shared/')) continue;
      const url = fillPath(op.template, params);
      for (const headers of [
        { authorization: `Bearer ${link.token}` },
        { 'x-api-key': link.token },
        { cookie: `citewatch.session_token=${link.token}` },
      ]) {
        const res = await ctx.app.inject({
          method: op.method as 'GET',
          url,
          headers: { ...headers, 'content-type': 'application/json' },
          ...(op.method === 'GET' || op.method === 'DELETE' ? {} : { payload: '{}' }),
        });
        const where = `${op.method} ${op.template} with ${Object.keys(headers)[0]}`;
        if (op.public) {
          // Sign-in, invitations and the like need no credential: the token opens nothing there; a
          // success with it is one a request without any credential gets as well.
          const without = await ctx.app.inject({
            method: op.method as 'GET',
            url,
            headers: { 'content-type': 'application/json' },
            ...(op.method === 'GET' || op.method === 'DELETE' ? {} : { payload: '{}' }),
          });
          if (res.statusCode < 300) expect(without.statusCode, `${where}: ${res.body}`).toBe(res.statusCode);
          if (op.params.includes('token')) expect(res.statusCode, where).toBeGreaterThanOrEqual(400);
        } else {
          expect(res.statusCode, `${where}: ${res.body}`).toBe(401);
        }
        tried++;
      }
    }
    expect(tried).toBeGreaterThan(150);
  });
});

describe('rate limit', () => {
  it('limits requests per client network', async () => {
    const limited = await createTestContext({ SHARE_LINK_REQUESTS_PER_MINUTE: '3' });
    try {
      const org = await createTenant(limited.db);
      const w = await createWorld(limited.db, org.organizationId, {
        brands: [{ name: 'A', kind: 'own' }],
        prompts: [],
        configs: [],
      });
      const link = (
        await limited.app.inject({
          method: 'POST',
          url: `/v1/workspaces/${w.workspaceId}/share-links`,
          headers: org.headers,
          payload: { name: 'limited', expiresAt: inAWeek() },
        })
      ).json();
      const from = (remoteAddress: string) => limited.app.inject({ url: `/v1/shared/${link.token}`, remoteAddress });
      for (const ip of ['192.0.2.1', '192.0.2.2', '192.0.2.3']) expect((await from(ip)).statusCode).toBe(200);
      // Another address of the same /24 is counted with them; another network is not.
      const refused = await from('192.0.2.200');
      expect(refused.statusCode).toBe(429);
      expect(refused.json().code).toBe('rate_limited');
      expect(refused.headers['retry-after']).toBeDefined();
      expect((await from('198.51.100.1')).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe('addressClassOf', () => {
  it('keeps the /24 of IPv4 and the /48 of IPv6', () => {
    expect(addressClassOf('203.0.113.77')).toBe('203.0.113.0/24');
    expect(addressClassOf('::ffff:203.0.113.77')).toBe('203.0.113.0/24');
    expect(addressClassOf('2001:db8:4a2f:7::1')).toBe('2001:db8:4a2f::/48');
    expect(addressClassOf('2001:db8::1')).toBe('2001:db8:0::/48');
    expect(addressClassOf('::1')).toBe('0:0:0::/48');
    expect(addressClassOf('fe80::1%eth0')).toBe('fe80:0:0::/48');
    expect(addressClassOf('nonsense')).toBe('unknown');
  });
});
