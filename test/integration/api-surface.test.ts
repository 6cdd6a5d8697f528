/**
 * The API as a whole, from its generated OpenAPI document: the document is valid OpenAPI 3.1 and
 * describes every route with examples that match their schemas; every route hides other
 * organizations' ids behind the same 404; random and malformed requests, down to malformed HTTP,
 * never cause a 5xx and always get problem+json.
 * Responses against their documented schemas: api-contract.test.ts.
 */
import { randomUUID } from 'node:crypto';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, keyFor, type TestTenant } from '../factories/index.js';
import { createTestContext, type TestContext } from '../helpers/context.js';
import {
  createFullTenant,
  exampleBody,
  fillPath,
  openApiDoc,
  operations,
  type FullTenant,
  type OpenApiDoc,
} from '../helpers/full-tenant.js';
import { fuzzRawRequests, fuzzRequests } from '../helpers/fuzz.js';
import { createPerson, type TestPerson } from '../factories/people.js';
import { rawResponses, type RawResponse } from '../helpers/raw-http.js';
import { contentOf, examplesOf, schemaChecker, type Media } from '../helpers/openapi-check.js';

let ctx: TestContext;
let doc: OpenApiDoc;
let owner: FullTenant;
let stranger: TestTenant;
let strangerOwner: TestPerson;
let checkAgainst: ReturnType<typeof schemaChecker>['against'];

beforeAll(async () => {
  ctx = await createTestContext({ ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64') });
  ctx.startWorker();
  doc = await openApiDoc(ctx.app);
  checkAgainst = schemaChecker(doc).against;
  owner = await createFullTenant(ctx, doc);
  stranger = await createTenant(ctx.db);
  strangerOwner = await createPerson(ctx.app, ctx.db, { organizationId: stranger.organizationId, role: 'owner' });
});
afterAll(async () => ctx.close());

/**
 * Routes whose path parameter is not a tenant-owned id (a provider name), or that only the
 * platform operator may call (organization keys get the same 403 whatever the id).
 */
const NOT_TENANT_SCOPED = new Set([
  'PUT /v1/provider-credentials/{provider}',
  'DELETE /v1/provider-credentials/{provider}',
  'DELETE /v1/organizations/{organizationId}',
  // One's own session: keys have none, so they get the same 403 whatever the id.
  'DELETE /v1/me/sessions/{sessionId}',
]);

describe('OpenAPI document', () => {
  it('is valid OpenAPI 3.1', async () => {
    expect(doc).toMatchObject({ openapi: '3.1.0' });
    const result = await new Validator().validate(doc as unknown as Parameters<Validator['validate']>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('describes every route with a summary, a tag, error responses and examples', () => {
    const ops = operations(doc);
    expect(ops.length).toBeGreaterThan(30);
    for (const { method, template, op } of ops) {
      const where = `${method} ${template}`;
      expect(op.summary, where).toBeTruthy();
      expect(op.tags?.length, where).toBeGreaterThan(0);
      if (template.startsWith('/v1/')) {
        expect(Object.keys(op.responses ?? {}), where).toEqual(
          expect.arrayContaining(['400', '401', '403', '404', '429', '500']),
        );
        if (op.requestBody)
          expect(Object.keys(op.responses ?? {}), where).toEqual(expect.arrayContaining(['413', '415']));
      }
      if (op.requestBody && ['POST', 'PUT', 'PATCH'].includes(method)) {
        for (const [type, media] of Object.entries(op.requestBody.content ?? {}))
          expect(examplesOf(media), `${where} has no ${type} request example`).not.toEqual([]);
      }
      // Success is a 2xx answer, or a redirect for the browser-facing sign-on callback.
      const success = Object.entries(op.responses ?? {}).filter(([status]) => /^[23]/.test(status));
      expect(success.length, where).toBeGreaterThan(0);
      for (const [status, response] of success) {
        for (const [type, media] of Object.entries(contentOf(response))) {
          expect(examplesOf(media), `${where} ${status} ${type} has no example`).not.toEqual([]);
        }
      }
    }
  });

  it('documents the CSV body of the prompt import next to its JSON one', () => {
    const content = doc.paths['/v1/workspaces/{workspaceId}/prompts/import']?.post?.requestBody?.content ?? {};
    expect(Object.keys(content).sort()).toEqual(['application/json', 'text/csv']);
    expect(examplesOf(content['text/csv'] as Media)[0]).toMatch(/^text,locale,tags\n/);
  });

  it("documents each report's CSV with the columns a client receives", async () => {
    const reports = operations(doc).filter(
      ({ method, template }) => method === 'GET' && template.includes('/reports/'),
    );
    expect(reports.length).toBeGreaterThanOrEqual(6);
    for (const { template, op } of reports) {
      const [documented] = examplesOf(contentOf(op.responses?.['200'])['text/csv'] as Media) as string[];
      // The fixture's two configurations differ in two settings: name them to get an experiment.
      const pair = template.endsWith('/experiments')
        ? `&configA=${owner.params.modelConfigId}&configB=${owner.params.otherModelConfigId}`
        : '';
      const res = await ctx.app.inject({
        url: `${fillPath(template, owner.params)}?format=csv${pair}`,
        headers: owner.headers,
      });
      expect(res.statusCode, `${template}: ${res.body}`).toBe(200);
      expect(documented?.split('\n')[0], template).toBe(res.body.split('\n')[0]);
      expect(documented!.trimEnd().split('\n').length, `${template} example has rows`).toBeGreaterThan(1);
    }
  });

  it('tells clients how to retry a run start that got no answer without starting a second run', () => {
    const description = String(
      (doc.paths['/v1/workspaces/{workspaceId}/runs']?.post as { description?: string } | undefined)?.description,
    );
    expect(description).toMatch(/no answer at all/);
    expect(description).toContain('Idempotency-Key');
    expect(description).toContain('GET /v1/workspaces/{workspaceId}/runs?auditId=');
  });

  it('documents every error as application/problem+json', () => {
    for (const { method, template, op } of operations(doc)) {
      for (const [status, response] of Object.entries(op.responses ?? {})) {
        if (Number(status) < 400) continue;
        expect(Object.keys(contentOf(response)), `${method} ${template} ${status}`).toEqual([
          'application/problem+json',
        ]);
      }
    }
  });

  it('gives examples that match their own schemas', () => {
    let n = 0;
    for (const { method, template, op } of operations(doc)) {
      const media: Array<[string, Media]> = [
        ...Object.entries(op.requestBody?.content ?? {}).map(([type, m]) => [`request ${type}`, m] as [string, Media]),
        ...Object.entries(op.responses ?? {}).flatMap(([status, r]) =>
          Object.entries(contentOf(r)).map(([type, m]) => [`${status} ${type}`, m] as [string, Media]),
        ),
      ];
      for (const [label, m] of media) {
        for (const example of examplesOf(m)) {
          expect(checkAgainst(m.schema, example), `${method} ${template} ${label} example`).toEqual([]);
          n++;
        }
      }
    }
    expect(n).toBeGreaterThan(60);
  });
});

describe('authentication on every route', () => {
  it('needs a valid, unrevoked, unexpired key, and the right scope', async () => {
    const revoked = await keyFor(ctx.db, owner.organizationId, ['admin']);
    await ctx.db.prisma.apiKey.update({ where: { id: revoked.record.id }, data: { revokedAt: new Date() } });
    const expired = await keyFor(ctx.db, owner.organizationId, ['admin'], { expiresAt: new Date(Date.now() - 1_000) });
    const read = await keyFor(ctx.db, owner.organizationId, ['read']);
    const write = await keyFor(ctx.db, owner.organizationId, ['write']);
    // People reach the same routes through the same checks: a role maps onto a key's scopes.
    const viewer = await createPerson(ctx.app, ctx.db, { organizationId: owner.organizationId, role: 'viewer' });
    const editor = await createPerson(ctx.app, ctx.db, { organizationId: owner.organizationId, role: 'editor' });
    let checked = 0;
    for (const { method, template, op, public: open } of operations(doc)) {
      if (!template.startsWith('/v1/') || open) continue;
      const url = fillPath(template, owner.params);
      const body = exampleBody(op);
      const send = (headers: Record<string, string>) =>
        ctx.app.inject({
          method: method as 'GET',
          url,
          headers,
          ...(body !== undefined ? { payload: body as object } : {}),
        });
      const where = `${method} ${template}`;
      for (const [label, headers] of [
        ['no key', {}],
        ['revoked key', revoked.headers],
        ['expired key', expired.headers],
      ] as const) {
        const res = await send(headers);
        expect(res.statusCode, `${where} with ${label}`).toBe(401);
        expect(res.headers['content-type'], where).toMatch(/problem\+json/);
      }
      const personal = template.startsWith('/v1/me');
      // Previews are POSTs that change nothing: read permission is enough (still with the CSRF token).
      const readOnly = ctx.app.auditLog.readOnlyRoutes.some(
        (r) => `${r.method} ${r.url}` === `${method} ${template.replace(/\{(\w+)\}/g, ':$1')}`,
      );
      if (readOnly) {
        expect((await send(read.headers)).statusCode, `${where} with a read key`).toBeLessThan(300);
        expect((await send(editor.headers)).json().code, `${where} signed in, without the CSRF token`).toBe(
          'csrf_failed',
        );
      } else if (method !== 'GET' && !personal) {
        expect((await send(read.headers)).statusCode, `${where} with a read key`).toBe(403);
        expect((await send(viewer.writeHeaders)).statusCode, `${where} as a viewer`).toBe(403);
        // A signed-in write without its CSRF token is refused before anything else.
        const noCsrf = await send(editor.headers);
        expect(noCsrf.statusCode, `${where} signed in, without the CSRF token`).toBe(403);
        expect(noCsrf.json().code, where).toBe('csrf_failed');
      }
      const adminOnly =
        /^\/v1\/(api-keys|provider-credentials|organizations|audit-log)/.test(template) &&
        !(method === 'GET' && template.startsWith('/v1/organizations'));
      if (adminOnly) {
        expect((await send(write.headers)).statusCode, `${where} with a write key`).toBe(403);
        expect((await send(editor.writeHeaders)).statusCode, `${where} as an editor`).toBe(403);
      }
      checked++;
    }
    expect(checked).toBeGreaterThan(30);
  });
});

describe('tenant isolation', () => {
  it.each([
    ['an API key', () => stranger.headers],
    ['a signed-in owner', () => strangerOwner.writeHeaders],
  ])("answers another organization's ids on every route with the same 404 as unknown ids, for %s", async (_, as) => {
    const checked: string[] = [];
    for (const { method, template, op, params, public: open } of operations(doc)) {
      const key = `${method} ${template}`;
      if (!template.startsWith('/v1/') || open || params.length === 0 || NOT_TENANT_SCOPED.has(key)) continue;
      const body = exampleBody(op);
      const send = (url: string) =>
        ctx.app.inject({
          method: method as 'GET',
          url,
          headers: as(),
          ...(body !== undefined ? { payload: body as object } : {}),
        });
      const theirs = await send(fillPath(template, owner.params));
      const random = await send(
        fillPath(
          template,
          Object.fromEntries(Object.keys(owner.params).map((k) => [k, k === 'provider' ? 'openai' : randomUUID()])),
        ),
      );
      expect(theirs.statusCode, `${key} with another organization's ids: ${theirs.body}`).toBe(404);
      expect(theirs.headers['content-type'], key).toMatch(/application\/problem\+json/);
      expect(theirs.json().detail, `${key} must not reveal that the id exists`).toBe(random.json().detail);
      checked.push(key);
    }
    expect(checked.length).toBeGreaterThan(20);
  });
});

describe('fuzzing', () => {
  it('never answers 5xx, and every error is problem+json', async () => {
    const victim = await createFullTenant(ctx, doc);
    const failures: string[] = [];
    let count = 0;
    for (const request of fuzzRequests(doc, victim, 1_200, 20261128)) {
      const res = await ctx.app.inject(request);
      count++;
      if (res.statusCode >= 500)
        failures.push(`${res.statusCode} ${request.method} ${request.url}: ${res.body.slice(0, 200)}`);
      else if (res.statusCode >= 400 && request.method === 'HEAD') {
        if (!String(res.headers['content-type'] ?? '').startsWith('application/problem+json'))
          failures.push(`${res.statusCode} HEAD ${request.url}: not problem+json`);
      } else if (res.statusCode >= 400) {
        const type = String(res.headers['content-type'] ?? '');
        let body: { status?: number; code?: string; requestId?: string } = {};
        try {
          body = res.json();
        } catch {
          /* reported below */
        }
        if (
          !type.startsWith('application/problem+json') ||
          body.status !== res.statusCode ||
          !body.code ||
          !body.requestId
        ) {
          failures.push(
            `${res.statusCode} ${request.method} ${request.url}: not problem+json (${type}) ${res.body.slice(0, 120)}`,
          );
        }
      }
    }
    expect(count).toBeGreaterThanOrEqual(1_000);
    expect(failures).toEqual([]);
  });

  it('answers malformed HTTP with problem+json, then closes the connection', async () => {
    const victim = await createFullTenant(ctx, doc);
    await ctx.app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = ctx.app.server.address() as { port: number };
    const failures: string[] = [];
    let count = 0;
    for (const { label, bytes } of fuzzRawRequests(victim, 300, 20261206)) {
      count++;
      let responses: RawResponse[];
      try {
        responses = await rawResponses(port, bytes);
      } catch (err) {
        failures.push(`${label}: ${(err as Error).message}`);
        continue;
      }
      if (responses.length === 0) failures.push(`${label}: no answer`);
      if (responses.at(-1)?.headers.connection !== 'close') failures.push(`${label}: closed without Connection: close`);
      for (const res of responses) {
        if (res.status >= 500) failures.push(`${label}: ${res.status} ${res.body.slice(0, 200)}`);
        if (res.status < 400) continue;
        let body: { status?: number; code?: string } = {};
        try {
          body = JSON.parse(res.body);
        } catch {
          /* reported below */
        }
        if (
          !res.headers['content-type']?.startsWith('application/problem+json') ||
          body.status !== res.status ||
          !body.code
        ) {
          failures.push(
            `${label}: ${res.status} not problem+json (${res.headers['content-type']}) ${res.body.slice(0, 120)}`,
          );
        }
      }
    }
    expect(count).toBe(300);
    expect(failures).toEqual([]);
  });
});
