/**
 * Inputs at the edges of what the API, Node's HTTP parser and Postgres accept: instants at and
 * past the accepted range on every date input, deeply nested JSON bodies, and requests that
 * Node refuses before any route runs. Each is a clear 4xx problem+json, never a 5xx.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/context.js';
import { createFullTenant, openApiDoc, type FullTenant, type OpenApiDoc } from '../helpers/full-tenant.js';
import { DATE_EDGES, dateInputs, dateRequest } from '../helpers/fuzz.js';
import { rawRequest, rawResponses, type RawResponse } from '../helpers/raw-http.js';

let ctx: TestContext;
let doc: OpenApiDoc;
let tenant: FullTenant;
let port: number;

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.startWorker();
  doc = await openApiDoc(ctx.app);
  tenant = await createFullTenant(ctx, doc);
  await ctx.app.listen({ host: '127.0.0.1', port: 0 });
  port = (ctx.app.server.address() as { port: number }).port;
});
afterAll(async () => ctx.close());

type Reply = { statusCode: number; headers: Record<string, unknown>; body: string };

function problemOf(res: Reply, where: string) {
  expect(res.statusCode, `${where}: ${res.body}`).toBe(400);
  expect(res.headers['content-type'], where).toMatch(/^application\/problem\+json/);
  return JSON.parse(res.body) as { code: string; detail: string; errors?: Array<{ path: string; message: string }> };
}

describe('date inputs', () => {
  const inputs = () => dateInputs(doc);
  const send = (input: ReturnType<typeof inputs>[number], value: string) =>
    ctx.app.inject(dateRequest(input, value, tenant));

  it('are found on every report, the answers, the exports, reanalyses and API keys', () => {
    const names = inputs().map((i) => `${i.method} ${i.template} ${i.in}.${i.name}`);
    expect(names).toEqual(
      expect.arrayContaining([
        'GET /v1/workspaces/{workspaceId}/reports/visibility query.from',
        'GET /v1/workspaces/{workspaceId}/answers query.to',
        'GET /v1/workspaces/{workspaceId}/exports/citations query.from',
        'POST /v1/workspaces/{workspaceId}/reanalyses body.to',
        'POST /v1/api-keys body.expiresAt',
      ]),
    );
    expect(names.length).toBeGreaterThanOrEqual(2 * 10 + 3);
  });

  it('answer 400 naming the field for instants outside 1970-01-01T00:00:00Z to 9999-01-01T00:00:00Z', async () => {
    for (const input of inputs()) {
      const path = `${input.in === 'query' ? 'querystring' : 'body'}.${input.name}`;
      for (const value of DATE_EDGES.outside) {
        const where = `${input.method} ${input.template} ${path}=${value}`;
        const problem = problemOf(await send(input, value), where);
        expect(problem.code, where).toBe('validation_failed');
        expect(problem.errors?.find((e) => e.path === path)?.message, where).toMatch(
          /between 1970-01-01T00:00:00Z and 9999-01-01T00:00:00Z|ISO 8601 date-time/,
        );
      }
    }
  });

  it('accept instants just inside the range', async () => {
    for (const input of inputs()) {
      for (const value of DATE_EDGES.inside) {
        const res = await send(input, value);
        const where = `${input.method} ${input.template} ${input.in}.${input.name}=${value}: ${res.body.slice(0, 300)}`;
        if (input.method === 'GET') expect(res.statusCode, where).toBe(200);
        // A date inside the range may still break a rule of the resource (a key expiring in the
        // past, a PDF period or a share link longer than a year, a period ending before it starts), said as such, never as a bad date.
        else if (res.statusCode === 400)
          expect(JSON.parse(res.body).detail, where).toMatch(
            /must be in the future|must be at most \d+ days|must be before|must be after/,
          );
        else expect(res.statusCode, where).toBeLessThan(300);
      }
    }
  });

  it('cover the whole range in reports read by local day, in time zones far east and west', async () => {
    const base = `/v1/workspaces/${tenant.params.workspaceId}`;
    const range = `from=${DATE_EDGES.inside[0]}&to=${encodeURIComponent(DATE_EDGES.inside.at(-1) as string)}`;
    for (const timezone of ['Pacific/Kiritimati', 'Etc/GMT+12']) {
      expect(
        (await ctx.app.inject({ method: 'PATCH', url: base, headers: tenant.headers, payload: { timezone } }))
          .statusCode,
      ).toBe(200);
      for (const report of [
        'citations',
        'trends',
        'trends?interval=week',
        'visibility?groupBy=day',
        'share-of-voice?groupBy=week',
      ]) {
        const res = await ctx.app.inject({
          url: `${base}/reports/${report}${report.includes('?') ? '&' : '?'}${range}`,
          headers: tenant.headers,
        });
        expect(res.statusCode, `${report} in ${timezone}: ${res.body.slice(0, 300)}`).toBe(200);
      }
    }
  });

  it('keep an API key that expires at the end of the range readable', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/v1/api-keys',
      headers: tenant.headers,
      payload: { name: 'late', scopes: ['read'], expiresAt: '9999-01-01T01:00:00+01:00' },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(JSON.parse(res.body).expiresAt).toBe('9999-01-01T00:00:00.000Z');
  });
});

describe('nested JSON bodies', () => {
  const nest = (levels: number, inner = '0') => `${'['.repeat(levels)}${inner}${']'.repeat(levels)}`;
  const post = (payload: string) =>
    ctx.app.inject({
      method: 'POST',
      url: '/v1/workspaces',
      headers: { ...tenant.headers, 'content-type': 'application/json' },
      payload,
    });

  it('are refused past 32 levels with a 400, however deep (50,000 levels, 100 KB)', async () => {
    for (const body of [
      `{"name":"deep","x":${nest(50_000)}}`,
      `{"name":"deep","x":${'{"a":'.repeat(50_000)}0${'}'.repeat(50_000)}}`,
    ]) {
      expect(body.length).toBeGreaterThan(100_000);
      const problem = problemOf(await post(body), 'a 50,000-level body');
      expect(problem).toMatchObject({
        code: 'validation_failed',
        errors: [{ path: 'body', message: 'must not nest deeper than 32 levels' }],
      });
    }
  });

  it('count the body itself as the first level', async () => {
    const at = problemOf(await post(`{"name":"x","x":${nest(31)}}`), '32 levels');
    expect(at.errors).toEqual([{ path: 'body.x', message: 'unknown field: remove it' }]);
    const past = problemOf(await post(`{"name":"x","x":${nest(32)}}`), '33 levels');
    expect(past.errors).toEqual([{ path: 'body', message: 'must not nest deeper than 32 levels' }]);
  });

  it('still refuse U+0000 anywhere in them, keys included', async () => {
    for (const body of [
      `{"name":"x","x":${nest(20, '"a\\u0000b"')}}`,
      `{"name":"x","x":${nest(20, '{"a\\u0000":1}')}}`,
    ]) {
      const problem = problemOf(await post(body), 'a NUL at level 22');
      expect(problem.errors).toEqual([{ path: 'body', message: 'must not contain U+0000' }]);
    }
  });
});

describe('requests refused before routing', () => {
  /** The whole answer is problem+json with a code, framed by Content-Length, and the server closes the connection. */
  function expectRawProblem(res: RawResponse, status: number, code: string, where: string) {
    expect(res.status, where).toBe(status);
    expect(res.headers['content-type'], where).toMatch(/^application\/problem\+json/);
    expect(res.headers['connection'], where).toBe('close');
    expect(Number(res.headers['content-length']), where).toBe(res.bodyBytes);
    const body = JSON.parse(res.body);
    expect(body, where).toMatchObject({
      status,
      code,
      title: expect.any(String),
      detail: expect.any(String),
      requestId: res.headers['x-request-id'],
    });
    return body as { detail: string };
  }

  const host = 'Host: 127.0.0.1\r\n';
  const cases: Array<[string, string, number, string, RegExp]> = [
    [
      'a control byte in the request line',
      `GET /v1/work\x01spaces HTTP/1.1\r\n${host}\r\n`,
      400,
      'bad_request',
      /not valid HTTP/,
    ],
    ['a space in the path', `GET /v1/work spaces HTTP/1.1\r\n${host}\r\n`, 400, 'bad_request', /not valid HTTP/],
    [
      'two Content-Length headers',
      `POST /v1/workspaces HTTP/1.1\r\n${host}Content-Type: application/json\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}`,
      400,
      'bad_request',
      /Content-Length or Transfer-Encoding/,
    ],
    [
      'a chunk size that is not hexadecimal',
      `POST /v1/workspaces HTTP/1.1\r\n${host}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n`,
      400,
      'bad_request',
      /chunk/,
    ],
    [
      'Content-Length with Transfer-Encoding',
      `POST /v1/workspaces HTTP/1.1\r\n${host}Content-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n`,
      400,
      'bad_request',
      /Content-Length or Transfer-Encoding/,
    ],
    [
      'an over-long URL',
      `GET /v1/workspaces?x=${'a'.repeat(20_000)} HTTP/1.1\r\n${host}\r\n`,
      431,
      'header_too_large',
      /shorten/,
    ],
    [
      'an over-long header',
      `GET /health HTTP/1.1\r\n${host}X-Padding: ${'a'.repeat(20_000)}\r\n\r\n`,
      431,
      'header_too_large',
      /shorten/,
    ],
    ['an unknown method', `FROB /v1/workspaces HTTP/1.1\r\n${host}\r\n`, 400, 'bad_request', /method/],
    [
      'a CONNECT request',
      `CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n`,
      400,
      'bad_request',
      /not a proxy/,
    ],
  ];

  it.each(cases)(
    'answers %s with problem+json and closes the connection',
    async (where, request, status, code, detail) => {
      const body = expectRawProblem(await rawRequest(port, request), status, code, where);
      expect(body.detail).toMatch(detail);
    },
  );

  it('answers a malformed body once, as the answer to its request', async () => {
    const chunked = `POST /v1/workspaces HTTP/1.1\r\n${host}Authorization: Bearer ${tenant.key}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`;
    const res = await rawRequest(port, `${chunked}zz\r\n{}\r\n0\r\n\r\n`);
    expect(expectRawProblem(res, 400, 'bad_request', 'a bad chunk size with a key').detail).toMatch(/chunk/);
  });

  it('answers a malformed request after the response to the one before it on the connection', async () => {
    const [first, second, ...more] = await rawResponses(
      port,
      `GET /health HTTP/1.1\r\n${host}\r\nFROB /health HTTP/1.1\r\n${host}\r\n`,
    );
    expect(first?.status).toBe(200);
    expect(JSON.parse(first?.body ?? '')).toEqual({ status: 'ok' });
    expectRawProblem(second as RawResponse, 400, 'bad_request', 'the second request');
    expect(more).toEqual([]);
  });

  it('answers an HTTP/1.1 request without Host with problem+json', async () => {
    const res = await rawRequest(port, 'GET /v1/workspaces HTTP/1.1\r\nConnection: close\r\n\r\n');
    expect(expectRawProblem(res, 400, 'bad_request', 'no Host').detail).toMatch(/Host header/);
  });

  it('answers unrouted methods and paths with problem+json', async () => {
    for (const line of ['PROPFIND /v1/workspaces', 'TRACE /health', 'GET /nowhere']) {
      const res = await rawRequest(port, `${line} HTTP/1.1\r\n${host}Connection: close\r\n\r\n`);
      expectRawProblem(res, 404, 'not_found', line);
    }
  });
});
