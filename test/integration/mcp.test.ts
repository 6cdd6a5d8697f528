/**
 * The Model Context Protocol server, driven by the SDK's own client over both transports: Streamable
 * HTTP at /mcp of the API listening on a real port, and stdio through `citewatch mcp` spawned as a
 * process talking to that API. Each tool answers what its REST route answers to the same caller,
 * including the refusals: a key without the write scope, another organization's ids, a workspace
 * outside a restricted key's list. The tools' input schemas are checked against the OpenAPI
 * document, so a tool cannot drift from its route.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/lib/paths.js';
import { rebuildRollups } from '../../src/modules/reports/rollups.service.js';
import { toolSpecs } from '../../src/modules/mcp/mcp.tools.js';
import { addRun, createWorld, type World } from '../factories/answers.js';
import { createTenant, keyFor, type TestTenant } from '../factories/index.js';
import { createPerson } from '../factories/people.js';
import { apiClient, seedWorkspace } from '../helpers/api.js';
import { createTestContext, waitFor, type TestContext } from '../helpers/context.js';
import { openApiDoc, type OpenApiDoc } from '../helpers/full-tenant.js';

let ctx: TestContext;
let origin: string;
let tenant: TestTenant;
let stranger: TestTenant;
let world: World;
let readKey: string;
let writeKey: string;
let doc: OpenApiDoc;
const clients: Client[] = [];

type ToolResult = {
  isError?: boolean;
  content: Array<{ type: string; text?: string }>;
  structuredContent?: Record<string, unknown>;
};

async function httpClient(headers: Record<string, string>): Promise<Client> {
  const client = new Client({ name: 'citewatch-test', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(`${origin}/mcp`), { requestInit: { headers } }));
  clients.push(client);
  return client;
}

/** `citewatch mcp` from the sources, as bin/citewatch.js runs it from the build. */
const CITEWATCH_MCP = [
  '--import',
  'tsx',
  '--input-type=module',
  '--eval',
  `await (await import(${JSON.stringify(join(projectRoot(), 'src', 'cli.ts'))})).main(['mcp'])`,
];

/** `citewatch mcp` as Claude Desktop starts it: a process with the key in its environment. */
async function stdioClient(key: string): Promise<Client> {
  const client = new Client({ name: 'citewatch-test', version: '1.0.0' });
  await client.connect(
    new StdioClientTransport({
      command: process.execPath,
      args: CITEWATCH_MCP,
      cwd: projectRoot(),
      env: { PATH: process.env.PATH ?? '', CITEWATCH_API_URL: origin, CITEWATCH_API_KEY: key },
      stderr: 'pipe',
    }),
  );
  clients.push(client);
  return client;
}

const call = async (client: Client, name: string, args: Record<string, unknown>) =>
  (await client.callTool({ name, arguments: args })) as ToolResult;

const rest = async (key: string, url: string) => {
  const res = await ctx.app.inject({ url, headers: { authorization: `Bearer ${key}` } });
  return { status: res.statusCode, body: res.json() };
};

beforeAll(async () => {
  ctx = await createTestContext();
  await ctx.app.listen({ host: '127.0.0.1', port: 0 });
  const address = ctx.app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  origin = `http://127.0.0.1:${address.port}`;
  doc = await openApiDoc(ctx.app);
  tenant = await createTenant(ctx.db);
  stranger = await createTenant(ctx.db);
  readKey = (await keyFor(ctx.db, tenant.organizationId, ['read'])).key;
  writeKey = (await keyFor(ctx.db, tenant.organizationId, ['write'])).key;
  world = await createWorld(ctx.db, tenant.organizationId, {
    brands: [{ name: 'Acme', kind: 'own' }, { name: 'Globex' }],
    prompts: [
      { key: 'p1', tags: ['crm'] },
      { key: 'p2', tags: ['erp'] },
    ],
    configs: [{ key: 'c1' }],
  });
  await addRun(ctx.db, world, {
    createdAt: new Date('2026-11-02T10:00:00Z'),
    answers: [
      {
        prompt: 'p1',
        config: 'c1',
        mentions: [
          { brand: 'Acme', rank: 1 },
          { brand: 'Globex', rank: 2 },
        ],
      },
      { prompt: 'p1', config: 'c1', mentions: [{ brand: 'Globex', rank: 1 }] },
      { prompt: 'p2', config: 'c1', mentions: [{ brand: 'Acme', rank: 1 }] },
      { prompt: 'p2', config: 'c1', status: 'failed' },
    ],
  });
  // Reports read rollups once built; built now, a report reads the same sums before and after.
  await rebuildRollups(ctx.db.pool, { workspaceId: world.workspaceId });
});
afterAll(async () => {
  for (const client of clients) await client.close().catch(() => {});
  await ctx.close();
});

describe('tools', () => {
  it('lists every tool with the input schema of its REST route (path, query and body fields)', async () => {
    const client = await httpClient({ authorization: `Bearer ${readKey}` });
    const { tools } = await client.listTools();
    const specs = await toolSpecs();
    expect(tools.map((t) => t.name)).toEqual(specs.map((s) => s.name));
    for (const name of [
      'list_workspaces',
      'visibility_report',
      'share_of_voice_report',
      'citations_report',
      'trends_report',
      'experiments_report',
      'competitor_gap_report',
      'list_answers',
      'estimate_audit_cost',
      'start_run',
      'cancel_run',
      'create_brand',
      'update_brand',
      'create_prompt',
      'update_prompt',
      'create_audit',
      'update_audit',
    ])
      expect(specs.map((s) => s.name)).toContain(name);
    for (const spec of specs) {
      const tool = tools.find((t) => t.name === spec.name)!;
      const template = spec.url.replace(/:(\w+)/g, '{$1}');
      const op = doc.paths[template]?.[spec.method.toLowerCase()] as
        | {
            summary?: string;
            parameters?: Array<{ name: string; in: string }>;
            requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> };
          }
        | undefined;
      expect(op, `${spec.name}: ${spec.method} ${template} is a documented route`).toBeDefined();
      const documented = [
        ...(op?.parameters ?? []).map((p) => p.name).filter((n) => n !== 'format'),
        ...Object.keys(op?.requestBody?.content?.['application/json']?.schema?.properties ?? {}),
      ].sort();
      expect(Object.keys(tool.inputSchema.properties ?? {}).sort(), spec.name).toEqual(documented);
      expect(tool.description, spec.name).toContain(`REST: ${spec.method} ${template}`);
      expect(tool.annotations?.readOnlyHint, spec.name).toBe(!spec.write);
    }
  });
});

describe('over Streamable HTTP at /mcp', () => {
  it('answers each report with the JSON of its REST route, n and intervals included', async () => {
    const client = await httpClient({ authorization: `Bearer ${readKey}` });
    const workspaces = await call(client, 'list_workspaces', {});
    expect(workspaces.isError).toBeFalsy();
    expect(workspaces.structuredContent).toEqual((await rest(readKey, '/v1/workspaces')).body);

    const args = { workspaceId: world.workspaceId, groupBy: 'brand', tags: ['crm', 'erp'] };
    const visibility = await call(client, 'visibility_report', args);
    const expected = await rest(readKey, `${world.base}/reports/visibility?groupBy=brand&tags=crm,erp`);
    expect(expected.status).toBe(200);
    expect(visibility.structuredContent).toEqual(expected.body);
    expect(JSON.parse(visibility.content[0]!.text!)).toEqual(expected.body);
    const acme = (visibility.structuredContent!.rows as Array<Record<string, any>>).find((r) => r.brandName === 'Acme');
    expect(acme).toMatchObject({ n: 3, failed: 1, mentionRate: { numerator: 2, denominator: 3, n: 3 } });
    expect(acme!.mentionRate.ci95.low).toBeGreaterThan(0);
    expect(acme!.mentionRate.ci95.high).toBeLessThan(1);

    for (const [tool, path] of [
      ['share_of_voice_report', 'share-of-voice'],
      ['citations_report', 'citations'],
      ['trends_report', 'trends'],
      ['competitor_gap_report', 'competitor-gap'],
    ] as const) {
      const result = await call(client, tool, { workspaceId: world.workspaceId });
      expect(result.isError, tool).toBeFalsy();
      expect(result.structuredContent, tool).toEqual((await rest(readKey, `${world.base}/reports/${path}`)).body);
    }

    const answers = await call(client, 'list_answers', {
      workspaceId: world.workspaceId,
      mentioning: [world.brand('Globex')],
      notMentioning: world.brand('Acme'),
    });
    const restAnswers = await rest(
      readKey,
      `${world.base}/answers?mentioning=${world.brand('Globex')}&notMentioning=${world.brand('Acme')}`,
    );
    expect(answers.structuredContent).toEqual(restAnswers.body);
    expect((answers.structuredContent!.data as unknown[]).length).toBe(1);
  });

  it('refuses writes to a key without the write scope, as REST does, and creates nothing', async () => {
    const client = await httpClient({ authorization: `Bearer ${readKey}` });
    const result = await call(client, 'create_brand', { workspaceId: world.workspaceId, name: 'Initech' });
    expect(result.isError).toBe(true);
    expect(result.structuredContent).toMatchObject({ status: 403, code: 'forbidden' });
    expect(result.content[0]!.text).toMatch(/^HTTP 403: .*lacks the "write" scope/);
    const brands = await rest(readKey, `${world.base}/brands`);
    expect((brands.body.data as Array<{ name: string }>).map((b) => b.name).sort()).toEqual(['Acme', 'Globex']);
  });

  it("answers another organization's ids with the same 404 as unknown ids", async () => {
    const client = await httpClient(stranger.headers);
    const theirs = await call(client, 'visibility_report', { workspaceId: world.workspaceId });
    const unknown = await call(client, 'visibility_report', { workspaceId: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a6b' });
    expect(theirs.isError).toBe(true);
    expect(theirs.structuredContent).toMatchObject({ status: 404 });
    expect(theirs.structuredContent!.detail).toBe(unknown.structuredContent!.detail);
    const edit = await call(client, 'update_brand', {
      workspaceId: world.workspaceId,
      brandId: world.brand('Acme'),
      name: 'Taken',
    });
    expect(edit.structuredContent).toMatchObject({ status: 404 });
    expect((await rest(readKey, `${world.base}/brands/${world.brand('Acme')}`)).body.name).toBe('Acme');
    // Their own workspaces list holds none of ours.
    const list = await call(client, 'list_workspaces', {});
    expect(list.structuredContent).toEqual({ data: [], nextCursor: null });
  });

  it('keeps a key restricted to chosen workspaces inside them', async () => {
    const other = await createWorld(ctx.db, tenant.organizationId, { brands: [], prompts: [], configs: [] });
    const restricted = await ctx.app.inject({
      method: 'POST',
      url: '/v1/api-keys',
      headers: tenant.headers,
      payload: { name: 'one workspace', scopes: ['read'], workspaceIds: [world.workspaceId] },
    });
    expect(restricted.statusCode).toBe(201);
    const client = await httpClient({ authorization: `Bearer ${restricted.json().key}` });
    const list = await call(client, 'list_workspaces', {});
    expect((list.structuredContent!.data as Array<{ id: string }>).map((w) => w.id)).toEqual([world.workspaceId]);
    const outside = await call(client, 'visibility_report', { workspaceId: other.workspaceId });
    expect(outside.structuredContent).toMatchObject({ status: 404 });
    expect((await call(client, 'visibility_report', { workspaceId: world.workspaceId })).isError).toBeFalsy();
  });

  it('validates arguments with the route’s schemas before calling it', async () => {
    const client = await httpClient({ authorization: `Bearer ${readKey}` });
    const outcome = await call(client, 'visibility_report', { workspaceId: 'nope', from: 'yesterday' }).then(
      (r) => JSON.stringify(r),
      (err: Error) => err.message,
    );
    expect(outcome).toMatch(/workspaceId: must be a UUID/);
    expect(outcome).toMatch(/from: must be an ISO 8601 date-time/);
  });

  it('edits brands, prompts and audits, estimates, starts and cancels a run with a write key, recorded in the audit log', async () => {
    const api = apiClient(ctx.app, { authorization: `Bearer ${writeKey}` });
    const { ws, base, configs } = await seedWorkspace(api, { prompts: 2 });
    const client = await httpClient({ authorization: `Bearer ${writeKey}` });
    const ok = (r: ToolResult) => {
      expect(r.isError, r.content[0]?.text).toBeFalsy();
      return r.structuredContent as Record<string, any>;
    };
    const brand = ok(
      await call(client, 'create_brand', { workspaceId: ws.id, name: 'Initech', domains: ['initech.com'] }),
    );
    expect(brand).toMatchObject({ name: 'Initech', domains: ['initech.com'], kind: 'competitor' });
    expect(
      ok(await call(client, 'update_brand', { workspaceId: ws.id, brandId: brand.id, kind: 'own' })),
    ).toMatchObject({
      kind: 'own',
    });
    const prompt = ok(
      await call(client, 'create_prompt', { workspaceId: ws.id, text: 'Best CRM for a bakery?', tags: ['crm'] }),
    );
    expect(
      ok(await call(client, 'update_prompt', { workspaceId: ws.id, promptId: prompt.id, tags: ['crm', 'smb'] })),
    ).toMatchObject({ tags: ['crm', 'smb'] });
    const audit = ok(
      await call(client, 'create_audit', {
        workspaceId: ws.id,
        name: 'Weekly',
        promptTags: ['crm'],
        modelConfigIds: [configs[0].id],
        samplesPerPair: 2,
      }),
    );
    expect(
      ok(await call(client, 'update_audit', { workspaceId: ws.id, auditId: audit.id, samplesPerPair: 3 })),
    ).toMatchObject({
      samplesPerPair: 3,
    });
    const estimate = ok(await call(client, 'estimate_audit_cost', { workspaceId: ws.id, auditId: audit.id }));
    expect(estimate).toEqual((await api.get(`${base}/audits/${audit.id}/estimate`)) as unknown);
    expect(estimate).toMatchObject({ promptCount: 3, configCount: 1, samplesPerPair: 3, calls: 9 });

    // A refusal of the route itself (not of the scope) comes back with its field errors.
    const bad = await call(client, 'start_run', { workspaceId: ws.id });
    expect(bad.isError).toBe(true);
    expect(bad.content[0]!.text).toMatch(/give an auditId, or modelConfigIds with promptIds or promptTags/);

    const run = ok(await call(client, 'start_run', { workspaceId: ws.id, auditId: audit.id }));
    expect(run).toMatchObject({ status: 'queued', progress: { total: 9 } });
    const cancelled = ok(await call(client, 'cancel_run', { workspaceId: ws.id, runId: run.id }));
    expect(cancelled).toMatchObject({ id: run.id, status: 'cancelled' });
    expect(ok(await call(client, 'get_run', { workspaceId: ws.id, runId: run.id }))).toMatchObject({
      status: 'cancelled',
    });

    // The precision tool answers what the route answers: one cell per prompt × configuration.
    const precision = ok(await call(client, 'get_run_precision', { workspaceId: ws.id, runId: run.id }));
    expect(precision).toEqual((await api.get(`${base}/runs/${run.id}/precision`)) as unknown);
    expect((precision as { cells: unknown[] }).cells).toHaveLength(3);

    const actions = await waitFor(async () => {
      const { rows } = await ctx.db.pool.query<{ action: string; actor_type: string }>(
        `SELECT action, actor_type FROM audit_events WHERE workspace_id = $1 AND target_id = ANY($2) ORDER BY created_at, id`,
        [ws.id, [brand.id, prompt.id, audit.id, run.id]],
      );
      return rows.length >= 8 ? rows : null;
    }, 'the audit events of the tool calls');
    expect(actions.map((r) => r.action)).toEqual([
      'brand.create',
      'brand.update',
      'prompt.create',
      'prompt.update',
      'audit.create',
      'audit.update',
      'run.start',
      'run.cancel',
    ]);
    expect(new Set(actions.map((r) => r.actor_type))).toEqual(new Set(['api_key']));
  });

  it('takes an Idempotency-Key on creates: the same call again answers the first run instead of starting another', async () => {
    const api = apiClient(ctx.app, { authorization: `Bearer ${writeKey}` });
    const { ws, base, configs } = await seedWorkspace(api, { prompts: 2 });
    const client = await httpClient({ authorization: `Bearer ${writeKey}` });
    const args = {
      workspaceId: ws.id,
      promptTags: ['crm'],
      modelConfigIds: [configs[0].id],
      samplesPerPair: 1,
      'Idempotency-Key': 'assistant-run-7f3a',
    };
    const first = await call(client, 'start_run', args);
    expect(first.isError, first.content[0]?.text).toBeFalsy();
    const again = await call(client, 'start_run', args);
    expect(again.structuredContent).toEqual(first.structuredContent);
    expect((await api.get(`${base}/runs`)).data.map((r: { id: string }) => r.id)).toEqual([
      first.structuredContent!.id,
    ]);
    // The same key with other arguments is refused, as on REST.
    const other = await call(client, 'start_run', { ...args, samplesPerPair: 2 });
    expect(other.isError).toBe(true);
    expect(other.structuredContent).toMatchObject({ code: 'idempotency_key_reused' });
    const bad = await call(client, 'create_brand', { workspaceId: ws.id, name: 'Initech', 'Idempotency-Key': 'a b' });
    expect(bad.isError).toBe(true);
    expect(bad.content[0]!.text).toMatch(/printable ASCII/);
  });

  it('serves signed-in people by their role, with the CSRF token their session needs for any POST', async () => {
    const viewer = await createPerson(ctx.app, ctx.db, { organizationId: tenant.organizationId, role: 'viewer' });
    await expect(httpClient(viewer.headers)).rejects.toThrow(/x-csrf-token|403/);
    const client = await httpClient(viewer.writeHeaders);
    const report = await call(client, 'visibility_report', { workspaceId: world.workspaceId });
    expect(report.structuredContent).toEqual((await rest(readKey, `${world.base}/reports/visibility`)).body);
    const write = await call(client, 'create_prompt', { workspaceId: world.workspaceId, text: 'Anything?' });
    expect(write.structuredContent).toMatchObject({ status: 403 });
    expect(write.content[0]!.text).toMatch(/Your role \(viewer\) does not allow this/);
  });

  it('refuses a request without a valid key before reading any MCP message, as problem+json', async () => {
    for (const headers of [{}, { authorization: 'Bearer cw_nothing' }] as Array<Record<string, string>>) {
      const res = await fetch(`${origin}/mcp`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} }),
      });
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    }
    await expect(httpClient({})).rejects.toThrow();
    // Serving is stateless: there is no session stream to open with GET.
    const get = await fetch(`${origin}/mcp`, {
      headers: { authorization: `Bearer ${readKey}`, accept: 'text/event-stream' },
    });
    expect(get.status).toBe(405);
  });
});

// Each test starts `citewatch mcp` from the sources (compiled on the fly), which takes seconds on a busy machine.
describe('over stdio with `citewatch mcp`', { timeout: 180_000 }, () => {
  it('answers reports as the API does, and refuses writes to a read key', async () => {
    const client = await stdioClient(readKey);
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual((await toolSpecs()).map((s) => s.name));
    const visibility = await call(client, 'visibility_report', { workspaceId: world.workspaceId, groupBy: ['brand'] });
    expect(visibility.structuredContent).toEqual(
      (await rest(readKey, `${world.base}/reports/visibility?groupBy=brand`)).body,
    );
    const refused = await call(client, 'create_brand', { workspaceId: world.workspaceId, name: 'Initech' });
    expect(refused.structuredContent).toMatchObject({ status: 403, code: 'forbidden' });
  });

  it("answers another organization's ids with 404, and writes with a write key", async () => {
    const theirs = await stdioClient(stranger.key);
    const report = await call(theirs, 'citations_report', { workspaceId: world.workspaceId });
    expect(report.structuredContent).toMatchObject({ status: 404 });
    const run = await call(theirs, 'start_run', {
      workspaceId: world.workspaceId,
      promptIds: [world.prompt('p1')],
      modelConfigIds: [world.config('c1')],
    });
    expect(run.structuredContent).toMatchObject({ status: 404 });

    const client = await stdioClient(writeKey);
    const created = await call(client, 'create_prompt', {
      workspaceId: world.workspaceId,
      text: 'Which ERP for a brewery?',
    });
    expect(created.isError, created.content[0]?.text).toBeFalsy();
    expect((await rest(readKey, `${world.base}/prompts/${created.structuredContent!.id}`)).body).toEqual(
      created.structuredContent,
    );
  });

  it('says which variable is missing and exits 2 without a key', async () => {
    const res = spawnSync(process.execPath, CITEWATCH_MCP, {
      cwd: projectRoot(),
      env: { PATH: process.env.PATH ?? '' },
      input: '',
      encoding: 'utf8',
    });
    expect(res.status).toBe(2);
    expect(res.stderr).toMatch(/CITEWATCH_API_KEY: required/);
    expect(res.stdout).toBe('');
  });
});
