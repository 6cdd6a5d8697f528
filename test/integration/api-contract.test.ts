/**
 * Every response matches its documented schema and media type: reads, creations, updates,
 * deletes, PUT, cancel, test, import, and the problem+json bodies of errors.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/context.js';
import {
  createFullTenant,
  exampleBody,
  fillPath,
  headersFor,
  openApiDoc,
  operations,
  type FullTenant,
  type OpenApiDoc,
} from '../helpers/full-tenant.js';
import { schemaChecker } from '../helpers/openapi-check.js';

let ctx: TestContext;
let doc: OpenApiDoc;
let owner: FullTenant;
let check: ReturnType<typeof schemaChecker>;

beforeAll(async () => {
  ctx = await createTestContext({ ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64') });
  ctx.startWorker();
  doc = await openApiDoc(ctx.app);
  check = schemaChecker(doc);
  owner = await createFullTenant(ctx, doc);
});
afterAll(async () => ctx.close());

type Op = ReturnType<typeof operations>[number];

async function call(op: Op, tenant: FullTenant, opts: { params?: Record<string, string>; body?: unknown } = {}) {
  const body = 'body' in opts ? opts.body : exampleBody(op.op);
  const res = await ctx.app.inject({
    method: op.method as 'GET',
    url: fillPath(op.template, opts.params ?? tenant.params),
    headers: headersFor(op.template, tenant),
    ...(body !== undefined ? { payload: body as object } : {}),
  });
  const type = String(res.headers['content-type'] ?? '');
  const parsed = res.body === '' ? undefined : type.includes('json') ? res.json() : res.body;
  return {
    status: res.statusCode,
    type,
    parsed,
    errors: check.response(op.template, op.method, res.statusCode, type, parsed),
  };
}

const where = (op: Op, status: number, body: unknown) =>
  `${op.method} ${op.template} → ${status}: ${JSON.stringify(body)?.slice(0, 300)}`;

describe('response contract', () => {
  it('every creation response matches its documented schema', () => {
    for (const c of owner.created)
      expect(
        check.response(c.template, c.method, c.status, 'application/json', c.body),
        `${c.method} ${c.template}`,
      ).toEqual([]);
  });

  it('every read route answers what its documentation says', async () => {
    let n = 0;
    for (const op of operations(doc)) {
      if (op.method !== 'GET' || !op.template.startsWith('/v1/') || op.public) continue;
      const res = await call(op, owner);
      expect(res.status, where(op, res.status, res.parsed)).toBeLessThan(300);
      expect(res.errors, where(op, res.status, res.parsed)).toEqual([]);
      n++;
    }
    expect(n).toBeGreaterThan(15);
  });

  it('every write route, deletes last, answers what its documentation says', async () => {
    const tenant = await createFullTenant(ctx, doc);
    const writes = operations(doc).filter((op) => op.method !== 'GET' && op.template.startsWith('/v1/') && !op.public);
    // Children before their workspace; the workspace itself last.
    const depth = (op: Op) => (op.method === 'DELETE' ? 100 - op.template.split('/').length : 0);
    writes.sort((a, b) => depth(a) - depth(b));
    const seen = new Map<string, number>();
    for (const op of writes) {
      const res = await call(op, tenant);
      expect(res.status, where(op, res.status, res.parsed)).toBeLessThan(500);
      expect(res.errors, where(op, res.status, res.parsed)).toEqual([]);
      seen.set(`${op.method} ${op.template}`, res.status);
    }
    const statuses = [...seen.entries()].map(([k, s]) => `${s} ${k}`);
    // Each kind of write was really exercised, not only refused.
    for (const expected of [
      /^200 PATCH \/v1\/workspaces\/\{workspaceId\}\/brands\//,
      /^200 PUT \/v1\/provider-credentials/,
      /^(200|409) POST .*\/runs\/\{runId\}\/cancel/,
      /^202 POST .*\/webhooks\/\{webhookId\}\/test/,
      /^201 POST .*\/prompts\/import/,
      /^204 DELETE .*\/brands\//,
      /^409 DELETE .*\/prompts\//,
      /^204 DELETE \/v1\/workspaces\/\{workspaceId\}$/,
    ]) {
      expect(
        statuses.some((s) => expected.test(s)),
        `${expected} in:\n${statuses.join('\n')}`,
      ).toBe(true);
    }
  });

  it('error bodies match the documented problem+json schema', async () => {
    let n = 0;
    for (const op of operations(doc)) {
      if (!op.template.startsWith('/v1/') || op.public) continue;
      const missing = op.params.length
        ? await call(op, owner, {
            params: Object.fromEntries(
              Object.keys(owner.params).map((k) => [k, k === 'provider' ? 'openai' : randomUUID()]),
            ),
          })
        : null;
      const invalid = op.op.requestBody ? await call(op, owner, { body: { notAField: true } }) : null;
      for (const res of [missing, invalid]) {
        if (!res || res.status < 400) continue;
        expect(res.type, where(op, res.status, res.parsed)).toMatch(/^application\/problem\+json/);
        expect(res.errors, where(op, res.status, res.parsed)).toEqual([]);
        n++;
      }
    }
    expect(n).toBeGreaterThan(40);
  });
});
