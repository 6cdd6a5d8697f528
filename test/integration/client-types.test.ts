/**
 * The typed client: client/openapi.d.ts is what openapi-typescript makes of the document the API
 * serves right now (so the two never drift: regenerate with `npm run client:generate`), and the
 * thin client over it (client/index.ts) talks to the API, idempotency keys included.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_TYPES_FILE, renderClientTypes } from '../../client/generate.js';
import { createCitewatchClient, type CitewatchClient } from '../../client/index.js';
import { projectRoot } from '../../src/lib/paths.js';
import { createTenant, type TestTenant } from '../factories/index.js';
import { createTestContext, type TestContext } from '../helpers/context.js';

let ctx: TestContext;
let tenant: TestTenant;
let cw: CitewatchClient;

beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await createTenant(ctx.db);
  cw = createCitewatchClient({ baseUrl: 'http://citewatch.invalid/', apiKey: tenant.key, fetch: injected });
});
afterAll(async () => ctx.close());

/** fetch answered by the app in this process (app.inject), so no port is needed. */
async function injected(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const body = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
  const res = await ctx.app.inject({
    method: request.method as 'GET',
    url: url.pathname + url.search,
    headers: Object.fromEntries(request.headers),
    ...(body ? { payload: body } : {}),
  });
  const headers = new Headers();
  for (const [name, value] of Object.entries(res.headers)) if (value !== undefined) headers.set(name, String(value));
  return new Response(res.statusCode === 204 ? null : res.rawPayload, { status: res.statusCode, headers });
}

describe('client/openapi.d.ts', () => {
  it('is what openapi-typescript makes of the live OpenAPI document (run npm run client:generate when this fails)', async () => {
    const document = (await ctx.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    const expected = await renderClientTypes(document);
    const checkedIn = readFileSync(join(projectRoot(), CLIENT_TYPES_FILE), 'utf8');
    // One assertion on the whole text, but first the first differing line, which says where to look.
    const a = checkedIn.split('\n');
    const b = expected.split('\n');
    const at = b.findIndex((line, i) => a[i] !== line);
    expect(
      at === -1 && a.length === b.length ? null : { line: at + 1, checkedIn: a[at], live: b[at] },
      `${CLIENT_TYPES_FILE} differs from the live document: run npm run client:generate`,
    ).toBeNull();
  });
});

describe('the thin client', () => {
  it('creates and reads with typed paths, bodies and answers', async () => {
    const created = await cw.POST('/v1/workspaces', { body: { name: 'Typed client' } });
    expect(created.response.status).toBe(201);
    const workspaceId = created.data?.id ?? '';
    const brand = await cw.POST('/v1/workspaces/{workspaceId}/brands', {
      params: { path: { workspaceId } },
      body: { name: 'Acme', aliases: ['ACME Corp'], kind: 'own' },
    });
    expect(brand.data).toMatchObject({ name: 'Acme', aliases: ['ACME Corp'], kind: 'own' });
    const list = await cw.GET('/v1/workspaces/{workspaceId}/brands', {
      params: { path: { workspaceId }, query: { limit: 10 } },
    });
    expect(list.data?.data.map((b) => b.name)).toEqual(['Acme']);
  });

  it('gives the problem+json of a refusal as `error`, with its code', async () => {
    const res = await cw.GET('/v1/workspaces/{workspaceId}/brands/{brandId}', {
      params: { path: { workspaceId: randomUUID(), brandId: randomUUID() } },
    });
    expect(res.data).toBeUndefined();
    expect(res.response.status).toBe(404);
    expect(res.error).toMatchObject({ code: 'not_found', status: 404 });
  });

  it('sends an Idempotency-Key as a typed header: the retry gets the same workspace', async () => {
    const key = randomUUID();
    const send = () =>
      cw.POST('/v1/workspaces', { params: { header: { 'Idempotency-Key': key } }, body: { name: 'Once' } });
    const first = await send();
    const again = await send();
    expect(again.response.headers.get('idempotent-replayed')).toBe('true');
    expect(again.data?.id).toBe(first.data?.id);
  });

  it('sends list parameters comma-separated, as the API reads them', async () => {
    const seen: string[] = [];
    const spy = createCitewatchClient({
      baseUrl: 'http://citewatch.invalid',
      apiKey: tenant.key,
      fetch: async (request) => {
        seen.push(new URL(request.url).search);
        return injected(request);
      },
    });
    const ws = await spy.POST('/v1/workspaces', { body: { name: 'Lists' } });
    const report = await spy.GET('/v1/workspaces/{workspaceId}/reports/visibility', {
      params: { path: { workspaceId: ws.data?.id ?? '' }, query: { providers: ['mock', 'openai'] } },
    });
    expect(seen.at(-1)).toBe('?providers=mock,openai');
    expect(report.response.status, JSON.stringify(report.error)).toBe(200);
  });
});
