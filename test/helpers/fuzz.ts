/**
 * Seeded generator of random and malformed requests over every documented route: wrong and
 * hostile path parameters, junk query strings, bodies of the wrong shape or not JSON at all,
 * odd content types, missing or bogus keys, dates at and past the accepted range, bodies nested
 * far too deep; and, as raw bytes, malformed HTTP. The same seed always yields the same requests.
 */
import type { InjectOptions } from 'fastify';
import { exampleBody, fillPath, operations, type FullTenant, type OpenApiDoc } from './full-tenant.js';

function rng(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  return { next, int, pick };
}

const NASTY_STRINGS = [
  '',
  ' ',
  'null',
  '-1',
  '1e309',
  'NaN',
  '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a6b',
  '00000000-0000-0000-0000-000000000000',
  '../../etc/passwd',
  '%00',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '😀'.repeat(50),
  '\u0000\u0001\u202e',
  'a'.repeat(5_000),
  'é'.repeat(300),
  '{"$ne": null}',
];

/**
 * Instants at the limits: of the accepted range (1970-01-01T00:00:00Z to 9999-01-01T00:00:00Z),
 * of four-digit ISO years, and of JavaScript dates; offsets that move an instant across a limit.
 */
export const DATE_EDGES = {
  inside: [
    '1970-01-01T00:00:00Z',
    '1970-01-01T01:00:00+01:00',
    '2026-11-01T00:00:00.123456Z',
    '9999-01-01T00:59:59+01:00',
    '9999-01-01T00:00:00Z',
  ],
  outside: [
    '0000-01-01T00:00:00Z',
    '0000-01-01T00:00:00+01:00',
    '0001-01-01T00:00:00Z',
    '1969-12-31T23:59:59.999Z',
    '1970-01-01T00:00:00+00:01',
    '9999-01-01T00:00:00.001Z',
    '9999-01-01T00:00:00-00:01',
    '9999-12-31T23:59:59Z',
    '9999-12-31T23:59:59-05:00',
    '+010000-01-01T00:00:00Z',
    '-000001-01-01T00:00:00Z',
    '-271821-04-20T00:00:00Z',
    '+275760-09-13T00:00:00Z',
    '2026-02-29T00:00:00Z',
  ],
} as const;

/** Every date input the document describes: query parameters and top-level body fields of format date-time. */
export function dateInputs(doc: OpenApiDoc) {
  const isDate = (schema: unknown) => JSON.stringify(schema ?? {}).includes('"date-time"');
  return operations(doc).flatMap(({ method, template, op }) => {
    const query = (op.parameters ?? [])
      .filter((p) => p.in === 'query' && isDate(p.schema))
      .map((p) => ({ in: 'query' as const, name: p.name }));
    const body = op.requestBody?.content?.['application/json']?.schema as
      | { properties?: Record<string, unknown> }
      | undefined;
    const fields = Object.entries(body?.properties ?? {})
      .filter(([, schema]) => isDate(schema))
      .map(([name]) => ({ in: 'body' as const, name }));
    return [...query, ...fields].map((input) => ({ method, template, op, ...input }));
  });
}

/** A valid request to `input`'s route, with `value` in that date input. */
export function dateRequest(
  input: ReturnType<typeof dateInputs>[number],
  value: string,
  tenant: FullTenant,
): InjectOptions {
  const url = fillPath(input.template, tenant.params);
  const headers = { authorization: `Bearer ${tenant.key}` };
  const method = input.method as InjectOptions['method'];
  if (input.in === 'query') return { method, url: `${url}?${input.name}=${encodeURIComponent(value)}`, headers };
  return { method, url, headers, payload: { ...(exampleBody(input.op) as object), [input.name]: value } };
}

function randomJson(r: ReturnType<typeof rng>, depth = 0): unknown {
  const kind = r.int(depth > 3 ? 5 : 8);
  switch (kind) {
    case 0:
      return null;
    case 1:
      return r.next() < 0.5;
    case 2:
      return r.pick([0, -1, 1.5, 2 ** 53, -(2 ** 31), 1e308, Number.MAX_SAFE_INTEGER + 2]);
    case 3:
    case 4:
      return r.pick(NASTY_STRINGS);
    case 5:
      return Array.from({ length: r.int(4) }, () => randomJson(r, depth + 1));
    default: {
      const keys = [
        'name',
        'text',
        'locale',
        'tags',
        'aliases',
        'domains',
        'params',
        'provider',
        'model',
        'schedule',
        'samplesPerPair',
        'auditId',
        'promptIds',
        'modelConfigIds',
        'scopes',
        'url',
        'events',
        '__proto__',
        'constructor',
        r.pick(NASTY_STRINGS).slice(0, 20),
      ];
      return Object.fromEntries(Array.from({ length: r.int(5) }, () => [r.pick(keys), randomJson(r, depth + 1)]));
    }
  }
}

const ISO_DATE = /^\d{4}-\d\d-\d\dT/;
const randomDate = (r: ReturnType<typeof rng>) => r.pick([...DATE_EDGES.inside, ...DATE_EDGES.outside]);

/**
 * A valid example with one field nested around the API's 32-level limit or far past it, as text:
 * 50,000 levels are about 100 KB, within the body limit, and too deep to build with JSON.stringify.
 */
function deepJson(r: ReturnType<typeof rng>, example: unknown): string {
  const fields =
    example && typeof example === 'object' && !Array.isArray(example) ? (example as Record<string, unknown>) : {};
  const levels = r.pick([30, 31, 32, 33, 1_000, 50_000]);
  const [open, close] = r.pick([
    ['[', ']'],
    ['{"a":', '}'],
    ['[{"b":', '}]'],
  ] as const);
  const deep = `${open.repeat(levels)}${JSON.stringify(r.pick(NASTY_STRINGS))}${close.repeat(levels)}`;
  // The deep value comes last, so it replaces the example's value of that key when parsed.
  const rest = JSON.stringify(fields).slice(1, -1);
  return `{${rest}${rest ? ',' : ''}${JSON.stringify(r.pick([...Object.keys(fields), 'x']))}:${deep}}`;
}

/** Mutates one field of a valid example, so requests get past the first checks and probe deeper. */
function mutate(r: ReturnType<typeof rng>, example: unknown): unknown {
  if (!example || typeof example !== 'object' || Array.isArray(example)) return randomJson(r);
  const copy: Record<string, unknown> = { ...(example as Record<string, unknown>) };
  const keys = Object.keys(copy);
  const dates = keys.filter((k) => typeof copy[k] === 'string' && ISO_DATE.test(copy[k] as string));
  if (dates.length && r.next() < 0.5) copy[r.pick(dates)] = randomDate(r);
  else if (keys.length && r.next() < 0.8) copy[r.pick(keys)] = randomJson(r);
  else copy[r.pick(NASTY_STRINGS).slice(0, 30) || 'extra'] = randomJson(r);
  return copy;
}

export function* fuzzRequests(
  doc: OpenApiDoc,
  tenant: FullTenant,
  count: number,
  seed: number,
): Generator<InjectOptions> {
  const r = rng(seed);
  const ops = operations(doc).filter(
    (o) => o.template.startsWith('/v1/') || o.template === '/health' || o.template === '/ready',
  );
  const dated = dateInputs(doc);
  for (let i = 0; i < count; i++) {
    // Some requests are valid but for one date, so the date reaches the database.
    if (dated.length && r.next() < 0.15) {
      yield dateRequest(r.pick(dated), randomDate(r), tenant);
      continue;
    }
    const op = r.pick(ops);
    const params: Record<string, string> = {};
    for (const name of op.params) {
      const choice = r.int(4);
      params[name] =
        choice === 0 ? (tenant.params[name] ?? 'x') : choice === 1 ? crypto.randomUUID() : r.pick(NASTY_STRINGS);
    }
    let url: string;
    try {
      url = fillPath(op.template, params);
    } catch {
      url = op.template;
    }
    if (r.next() < 0.5) {
      const q = Array.from({ length: 1 + r.int(3) }, () => {
        const name = r.pick([
          'limit',
          'cursor',
          'from',
          'to',
          'runId',
          'brandIds',
          'tag',
          'archived',
          'groupBy',
          'format',
          'x',
          'limit',
        ]);
        const value = (name === 'from' || name === 'to') && r.next() < 0.7 ? randomDate(r) : r.pick(NASTY_STRINGS);
        return `${encodeURIComponent(name)}=${encodeURIComponent(value)}`;
      });
      url += `?${q.join('&')}`;
    }
    const method = r.next() < 0.9 ? op.method : r.pick(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD']);
    const headers: Record<string, string> = {};
    const auth = r.int(10);
    if (auth < 8) headers.authorization = `Bearer ${tenant.key}`;
    else if (auth === 8)
      headers.authorization = r.pick([
        'Bearer',
        'Basic Zm9vOmJhcg==',
        `Bearer cw_${'x'.repeat(8)}_${'y'.repeat(32)}`,
        'Bearer '.padEnd(2_000, 'z'),
      ]);
    const request: InjectOptions = { method: method as InjectOptions['method'], url, headers };
    if (method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS') {
      const shape = r.int(7);
      if (shape === 0) {
        headers['content-type'] = 'application/json';
        request.payload = r.pick([
          '{',
          '{"name":',
          '[1,2',
          'not json',
          '\u0000',
          '{"a":1}}',
          '"just a string"',
          '1e999',
          '{"__proto__":{"polluted":true}}',
        ]);
      } else if (shape === 1) {
        headers['content-type'] = r.pick([
          'text/plain',
          'application/xml',
          'multipart/form-data; boundary=x',
          'application/x-www-form-urlencoded',
          'text/csv',
        ]);
        request.payload = r.pick(['name=x', '<a/>', 'text\n"x"\n', '--x--', 'a,b\n1,2,3\n']);
      } else if (shape === 2) {
        request.payload = randomJson(r) as object;
      } else if (shape === 6) {
        headers['content-type'] = 'application/json';
        request.payload = deepJson(r, exampleBody(op.op));
      } else {
        request.payload = mutate(r, exampleBody(op.op)) as object;
      }
    }
    yield request;
  }
}

/** Bytes that break a request line or header somewhere Node's parser looks. */
const BAD_BYTES = ['\u0000', '\u0001', '\u007f', ' ', '\t', '\r', '\u0080', '\u00ff', '"', '<', '{', '\\'];

/**
 * Seeded HTTP/1.1 requests as bytes, each a valid request with one or two framing or syntax
 * faults Node's parser refuses before routing (or, for methods Node knows, that reach the
 * router): odd methods, bad bytes in the request line, odd versions, repeated or conflicting
 * Content-Length and Transfer-Encoding, bad chunk sizes, over-long URLs and headers, malformed
 * header lines, no Host. Each asks for Connection: close and is complete, so every connection
 * ends with an answer.
 */
export function* fuzzRawRequests(
  tenant: FullTenant,
  count: number,
  seed: number,
): Generator<{ label: string; bytes: Buffer }> {
  const r = rng(seed);
  const paths = ['/health', '/v1/workspaces', `/v1/workspaces/${tenant.params.workspaceId}/brands`, '/v1/nowhere'];
  for (let i = 0; i < count; i++) {
    let method = r.pick(['GET', 'POST']);
    let target = r.pick(paths);
    let version = 'HTTP/1.1';
    const body = method === 'POST' ? JSON.stringify({ name: `Raw ${i}` }) : '';
    let headers = ['Host: 127.0.0.1', `Authorization: Bearer ${tenant.key}`, 'Connection: close'];
    let framing = body ? ['Content-Type: application/json', `Content-Length: ${Buffer.byteLength(body)}`] : [];
    let payload = body;
    const faults: string[] = [];
    for (let f = 0; f < 1 + r.int(2); f++) {
      const fault = r.int(12);
      faults.push(String(fault));
      if (fault === 0)
        method = r.pick([
          'FROB',
          'get',
          'G\u0001T',
          'PROPFIND',
          'TRACE',
          'PURGE',
          'M-SEARCH',
          'SOURCE',
          'CONNECT',
          'GET\u0000',
          'PO ST',
          'X'.repeat(100),
        ]);
      else if (fault === 1) {
        const at = 1 + r.int(target.length);
        target = `${target.slice(0, at)}${r.pick([...BAD_BYTES, '%zz', '%00', '#x', '//', '/../..'])}${target.slice(at)}`;
      } else if (fault === 2)
        target = r.pick([
          `${target}?q=${'a'.repeat(20_000)}`,
          `/${'a'.repeat(17_000)}`,
          '*',
          'http://127.0.0.1/health',
          '',
        ]);
      else if (fault === 3)
        version = r.pick(['HTTP/1.0', 'HTTP/2.0', 'HTTP/9.9', 'http/1.1', 'HTTP/1.1 x', 'HTTP/1.', 'HTTX/1.1']);
      else if (fault === 4)
        framing = [...framing, `Content-Length: ${r.pick(['0', '1', '2', String(Buffer.byteLength(payload))])}`];
      else if (fault === 5)
        framing = [`Content-Length: ${r.pick(['-1', '1e3', '0x10', ' ', '99999999999999999999999', '1, 2'])}`];
      else if (fault === 6)
        framing = [
          ...framing.filter((h) => !h.startsWith('Content-Length')),
          `Content-Length: ${Buffer.byteLength(payload) + 5}`,
          'Transfer-Encoding: chunked',
        ];
      else if (fault === 7) {
        framing = [...framing.filter((h) => !h.startsWith('Content-Length')), 'Transfer-Encoding: chunked'];
        payload = `${r.pick(['zz', '-1', 'ffffffffffffffffffff', '1 2', '0x2', `2;${'e'.repeat(20_000)}`])}\r\n${payload}\r\n0\r\n\r\n`;
      } else if (fault === 8)
        headers = [
          ...headers,
          r.pick([
            `X-Padding: ${'a'.repeat(20_000)}`,
            ...Array.from({ length: 3 }, () => `X-Bad: a${r.pick(BAD_BYTES)}b`),
          ]),
        ];
      else if (fault === 9)
        headers = [
          ...headers,
          r.pick(['Bad Name: x', 'X-Bad\u0000: x', ': empty name', 'NoColon', ' folded: x', 'X-Folded: a\r\n  b']),
        ];
      else if (fault === 10) headers = headers.filter((h) => !h.startsWith('Host'));
      else
        framing = [
          ...framing,
          r.pick(['Transfer-Encoding: gzip', 'Transfer-Encoding: chunked, gzip', 'Transfer-Encoding: identity']),
        ];
    }
    const head = [`${method} ${target} ${version}`.trimEnd(), ...headers, ...framing].join('\r\n');
    yield {
      label: `#${i} faults ${faults.join('+')}: ${head.slice(0, 120)}`,
      bytes: Buffer.from(`${head}\r\n\r\n${payload}`, 'latin1'),
    };
  }
}
