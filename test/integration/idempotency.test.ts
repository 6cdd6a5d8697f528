/**
 * Idempotency keys on creates: a retry with the same key and request replays the first answer and
 * creates nothing; another request under the key is refused; parallel requests create once; keys
 * expire after 24 hours and belong to one API key or person; and an API process killed after a run
 * was committed but before its answer was sent leaves a key that a new process answers with that
 * same run, started once.
 */
import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { takesIdempotencyKey } from '../../dashboard/src/lib/idempotency.js';
import { sweepExpiredIdempotencyKeys } from '../../src/modules/idempotency/idempotency.service.js';
import { jobIds, RUNS_QUEUE } from '../../src/queues/names.js';
import { createTenant, keyFor, type TestTenant } from '../factories/index.js';
import { apiClient, seedWorkspace } from '../helpers/api.js';
import { createTestContext, type TestContext } from '../helpers/context.js';
import { type ChildHandle, freePort, spawnApiProcess, waitForOutput } from '../helpers/processes.js';

// Starting Node with tsx and every module takes seconds, many on a busy machine.
const STARTUP_MS = 90_000;
const TEST_MS = 240_000;

let ctx: TestContext;
let tenant: TestTenant;
let seeded: Awaited<ReturnType<typeof seedWorkspace>>;
const children: ChildHandle[] = [];

beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await createTenant(ctx.db);
  seeded = await seedWorkspace(apiClient(ctx.app, tenant.headers), { prompts: 2 });
});
afterEach(async () => {
  await Promise.all(children.splice(0).map((c) => c.kill('SIGKILL')));
});
afterAll(async () => ctx.close());

const runBody = () => ({
  promptIds: seeded.prompts.map((p: { id: string }) => p.id),
  modelConfigIds: seeded.configs.map((c: { id: string }) => c.id),
  samplesPerPair: 1,
});

function post(url: string, body: unknown, key: string | null, headers: Record<string, string> = tenant.headers) {
  return ctx.app.inject({
    method: 'POST',
    url,
    headers: { ...headers, ...(key === null ? {} : { 'idempotency-key': key }) },
    payload: body as object,
  });
}

async function countRuns(workspaceId: string): Promise<number> {
  const res = await ctx.db.pool.query('SELECT count(*)::int AS n FROM runs WHERE workspace_id = $1', [workspaceId]);
  return res.rows[0].n;
}

async function brandsNamed(name: string): Promise<number> {
  const res = await ctx.db.pool.query('SELECT count(*)::int AS n FROM brands WHERE workspace_id = $1 AND name = $2', [
    seeded.ws.id,
    name,
  ]);
  return res.rows[0].n;
}

async function newWorkspace(): Promise<string> {
  const api = apiClient(ctx.app, tenant.headers);
  return (await api.post('/v1/workspaces', { name: `ws ${randomUUID().slice(0, 6)}` })).id;
}

describe('a retry with the same key and request', () => {
  it('replays the first answer (status and body) and creates nothing more', async () => {
    const key = randomUUID();
    const name = `Replayed ${key.slice(0, 6)}`;
    const first = await post(`${seeded.base}/brands`, { name }, key);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const again = await post(`${seeded.base}/brands`, { name }, key);
    expect(again.statusCode, again.body).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.headers['content-type']).toMatch(/^application\/json/);
    expect(again.body).toBe(first.body);
    expect(await brandsNamed(name)).toBe(1);
  });

  it('starts one run for a POST …/runs sent twice, and answers the same run (202) both times', async () => {
    const key = randomUUID();
    const before = await countRuns(seeded.ws.id);
    const first = await post(`${seeded.base}/runs`, runBody(), key);
    expect(first.statusCode, first.body).toBe(202);
    const again = await post(`${seeded.base}/runs`, runBody(), key);
    expect(again.statusCode).toBe(202);
    expect(again.json().id).toBe(first.json().id);
    expect(await countRuns(seeded.ws.id)).toBe(before + 1);
  });

  it('records one audit event for the create, none for its replay', async () => {
    const key = randomUUID();
    const name = `Audited ${key.slice(0, 6)}`;
    const first = await post(`${seeded.base}/brands`, { name }, key);
    await post(`${seeded.base}/brands`, { name }, key);
    await ctx.app.auditLog.drain();
    const events = await ctx.db.pool.query(
      "SELECT count(*)::int AS n FROM audit_events WHERE action = 'brand.create' AND target_id = $1",
      [first.json().id],
    );
    expect(events.rows[0].n).toBe(1);
  });

  it('works without a key as before: each request creates', async () => {
    const name = `Keyless ${randomUUID().slice(0, 6)}`;
    expect((await post(`${seeded.base}/prompts`, { text: name }, null)).statusCode).toBe(201);
    expect((await post(`${seeded.base}/prompts`, { text: name }, null)).statusCode).toBe(201);
    const res = await ctx.db.pool.query('SELECT count(*)::int AS n FROM prompts WHERE text = $1', [name]);
    expect(res.rows[0].n).toBe(2);
  });
});

describe('the same key with another request', () => {
  it('is refused with 422 idempotency_key_reused, naming the first request, and creates nothing', async () => {
    const key = randomUUID();
    const name = `First ${key.slice(0, 6)}`;
    expect((await post(`${seeded.base}/brands`, { name }, key)).statusCode).toBe(201);
    const other = await post(`${seeded.base}/brands`, { name: `${name} bis` }, key);
    expect(other.statusCode).toBe(422);
    expect(other.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = other.json();
    expect(problem.code).toBe('idempotency_key_reused');
    expect(problem.detail).toContain(`POST ${seeded.base}/brands`);
    expect(problem.detail).toMatch(/new key/);
    expect(problem.errors).toEqual([{ path: 'headers.idempotency-key', message: expect.any(String) }]);
    expect(await brandsNamed(`${name} bis`)).toBe(0);
  });

  it('is refused on another route too', async () => {
    const key = randomUUID();
    expect((await post(`${seeded.base}/brands`, { name: `Route ${key.slice(0, 6)}` }, key)).statusCode).toBe(201);
    const other = await post(`${seeded.base}/prompts`, { text: 'Which CRM is best?' }, key);
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('idempotency_key_reused');
  });
});

describe('a request that created nothing', () => {
  it('frees its key: after a refusal (409), the same request may succeed with the same key', async () => {
    const name = `Taken ${randomUUID().slice(0, 6)}`;
    const existing = await post(`${seeded.base}/brands`, { name }, null);
    expect(existing.statusCode).toBe(201);
    const key = randomUUID();
    const refused = await post(`${seeded.base}/brands`, { name }, key);
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().code).toBe('conflict');
    await ctx.app.inject({
      method: 'DELETE',
      url: `${seeded.base}/brands/${existing.json().id}`,
      headers: tenant.headers,
    });
    const retried = await post(`${seeded.base}/brands`, { name }, key);
    expect(retried.statusCode, retried.body).toBe(201);
    expect(retried.headers['idempotent-replayed']).toBeUndefined();
  });

  it('reserves nothing when refused for want of scope', async () => {
    const reader = await keyFor(ctx.db, tenant.organizationId, ['read']);
    const key = randomUUID();
    expect((await post(`${seeded.base}/brands`, { name: 'Nope' }, key, reader.headers)).statusCode).toBe(403);
    const rows = await ctx.db.pool.query('SELECT count(*)::int AS n FROM idempotency_keys WHERE key = $1', [key]);
    expect(rows.rows[0].n).toBe(0);
  });
});

describe('parallel requests with one key', () => {
  it('create once: the others replay the answer or are told the key is in use (409, Retry-After)', async () => {
    const ws = await newWorkspace();
    const base = `/v1/workspaces/${ws}`;
    const api = apiClient(ctx.app, tenant.headers);
    const prompt = await api.post(`${base}/prompts`, { text: 'Which CRM for a small team?' });
    const config = await api.post(`${base}/model-configs`, { name: 'mock', provider: 'mock', model: 'mock-1' });
    const body = { promptIds: [prompt.id], modelConfigIds: [config.id] };
    const key = randomUUID();
    const answers = await Promise.all(Array.from({ length: 6 }, () => post(`${base}/runs`, body, key)));
    const created = answers.filter((a) => a.statusCode === 202);
    const busy = answers.filter((a) => a.statusCode === 409);
    expect(created.length + busy.length, answers.map((a) => `${a.statusCode} ${a.body}`).join('\n')).toBe(6);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((a) => a.json().id)).size).toBe(1);
    expect(created.filter((a) => a.headers['idempotent-replayed'] === undefined)).toHaveLength(1);
    for (const a of busy) {
      expect(a.json().code).toBe('idempotency_key_in_use');
      expect(a.headers['retry-after']).toBe('1');
    }
    expect(await countRuns(ws)).toBe(1);
    const later = await post(`${base}/runs`, body, key);
    expect(later.statusCode).toBe(202);
    expect(later.json().id).toBe(created[0]!.json().id);
  });

  it('answers 409 idempotency_key_in_use while the key is held, and idempotency_key_interrupted once its lease is over', async () => {
    // The state a process leaves when it dies between the create and the keeping of its answer.
    const key = randomUUID();
    const name = `Held ${key.slice(0, 6)}`;
    expect((await post(`${seeded.base}/brands`, { name }, key)).statusCode).toBe(201);
    await ctx.db.pool.query(
      "UPDATE idempotency_keys SET state = 'in_progress', response_status = NULL, response_body = NULL, locked_until = now() + interval '1 minute' WHERE key = $1",
      [key],
    );
    const held = await post(`${seeded.base}/brands`, { name }, key);
    expect(held.statusCode).toBe(409);
    expect(held.json().code).toBe('idempotency_key_in_use');
    expect(held.headers['retry-after']).toBe('1');
    await ctx.db.pool.query("UPDATE idempotency_keys SET locked_until = now() - interval '1 second' WHERE key = $1", [
      key,
    ]);
    const lapsed = await post(`${seeded.base}/brands`, { name }, key);
    expect(lapsed.statusCode).toBe(409);
    expect(lapsed.json().code).toBe('idempotency_key_interrupted');
    expect(lapsed.json().detail).toMatch(/new key/);
    expect(await brandsNamed(name)).toBe(1);
  });
});

describe('expiry', () => {
  it('forgets a key after 24 hours: the same key then creates again; the sweep deletes expired keys', async () => {
    const key = randomUUID();
    const first = await post(`${seeded.base}/prompts`, { text: `Expiring ${key}` }, key);
    expect(first.statusCode).toBe(201);
    const stored = await ctx.db.pool.query(
      'SELECT extract(epoch FROM expires_at - created_at)::int AS ttl FROM idempotency_keys WHERE key = $1',
      [key],
    );
    expect(stored.rows[0].ttl).toBe(24 * 3600);
    await ctx.db.pool.query("UPDATE idempotency_keys SET expires_at = now() - interval '1 second' WHERE key = $1", [
      key,
    ]);
    const again = await post(`${seeded.base}/prompts`, { text: `Expiring ${key}` }, key);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBeUndefined();
    expect(again.json().id).not.toBe(first.json().id);

    const other = randomUUID();
    expect((await post(`${seeded.base}/prompts`, { text: `Swept ${other}` }, other)).statusCode).toBe(201);
    await ctx.db.pool.query("UPDATE idempotency_keys SET expires_at = now() - interval '1 second' WHERE key = $1", [
      other,
    ]);
    expect(await sweepExpiredIdempotencyKeys(ctx)).toBeGreaterThanOrEqual(1);
    const left = await ctx.db.pool.query('SELECT key FROM idempotency_keys WHERE key = ANY($1)', [[key, other]]);
    expect(left.rows.map((r) => r.key)).toEqual([key]);
  });
});

describe('keys belong to one API key or person', () => {
  it('does not replay another API key’s answer for the same Idempotency-Key', async () => {
    const second = await keyFor(ctx.db, tenant.organizationId, ['write']);
    const key = randomUUID();
    const mine = await post(`${seeded.base}/prompts`, { text: `Scoped ${key}` }, key);
    const theirs = await post(`${seeded.base}/prompts`, { text: `Scoped ${key}` }, key, second.headers);
    expect(mine.statusCode).toBe(201);
    expect(theirs.statusCode).toBe(201);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    expect(theirs.json().id).not.toBe(mine.json().id);
  });
});

describe('the header', () => {
  it('is refused (400) when it is not 1 to 255 printable characters', async () => {
    for (const bad of ['x'.repeat(256), 'with space']) {
      const res = await post(`${seeded.base}/brands`, { name: 'Bad key' }, bad);
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('validation_failed');
      expect(res.json().errors[0].path).toBe('headers.idempotency-key');
    }
  });

  it('is refused on creates whose answer holds a secret shown once, saying why', async () => {
    const res = await post('/v1/api-keys', { name: 'k', scopes: ['read'] }, randomUUID());
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('bad_request');
    expect(res.json().detail).toMatch(/secret shown once/);
    const keys = await ctx.db.pool.query(
      "SELECT count(*)::int AS n FROM api_keys WHERE organization_id = $1 AND name = 'k'",
      [tenant.organizationId],
    );
    expect(keys.rows[0].n).toBe(0);
  });

  it('is documented on each create that takes it, with the replay header and the refusals', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    const runs = doc.paths['/v1/workspaces/{workspaceId}/runs'].post;
    const param = runs.parameters.find((p: { name: string }) => p.name === 'Idempotency-Key');
    expect(param).toMatchObject({ in: 'header', required: false, schema: { maxLength: 255 } });
    expect(runs.responses['202'].headers['Idempotent-Replayed']).toBeDefined();
    expect(runs.responses['409'].description).toContain('idempotency_key_in_use');
    expect(runs.responses['422'].description).toContain('idempotency_key_reused');
    for (const path of [
      '/v1/workspaces',
      '/v1/workspaces/{workspaceId}/brands',
      '/v1/workspaces/{workspaceId}/prompts',
    ]) {
      expect(
        doc.paths[path].post.parameters?.some((p: { name: string }) => p.name === 'Idempotency-Key'),
        path,
      ).toBe(true);
    }
    const apiKeys = doc.paths['/v1/api-keys'].post;
    expect(apiKeys.parameters?.some((p: { name: string }) => p.name === 'Idempotency-Key') ?? false).toBe(false);
    expect(apiKeys.description).toMatch(/Takes no `Idempotency-Key`/);
  });

  it('is sent by the dashboard on exactly the creates the document says take it', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    const creates = Object.entries(
      doc.paths as Record<string, { post?: { responses: object; parameters?: Array<{ name: string }> } }>,
    )
      .filter(([, ops]) => ops.post && ('201' in ops.post.responses || '202' in ops.post.responses))
      .map(([path, ops]) => ({
        path: path.replace(/\{[^}]+\}/g, 'x'),
        documented: ops.post?.parameters?.some((p) => p.name === 'Idempotency-Key') ?? false,
      }));
    expect(creates.length).toBeGreaterThan(10);
    for (const c of creates.filter((c) => c.path.startsWith('/v1/')))
      expect(takesIdempotencyKey('POST', c.path), c.path).toBe(c.documented);
  });
});

describe('an API process killed after the run is committed, before its answer is sent', () => {
  it(
    'answers the retry on a new process with the same run, started once',
    async () => {
      const ws = await newWorkspace();
      const base = `/v1/workspaces/${ws}`;
      const api = apiClient(ctx.app, tenant.headers);
      const prompt = await api.post(`${base}/prompts`, { text: 'Which CRM integrates with Gmail?' });
      const config = await api.post(`${base}/model-configs`, { name: 'mock', provider: 'mock', model: 'mock-1' });
      const body = JSON.stringify({ promptIds: [prompt.id], modelConfigIds: [config.id], samplesPerPair: 2 });
      const key = randomUUID();
      const services = {
        DATABASE_URL: ctx.env.DATABASE_URL,
        REDIS_URL: ctx.env.REDIS_URL,
        QUEUE_PREFIX: ctx.env.QUEUE_PREFIX,
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
      };

      const doomedPort = await freePort();
      const doomed = spawnApiProcess(
        { ...services, PORT: String(doomedPort) },
        { preload: ['test/helpers/kill-after-idempotent-create.ts'] },
      );
      children.push(doomed);
      await waitForOutput(doomed, /Server listening/, STARTUP_MS);
      const lost = await send(doomedPort, `${base}/runs`, body, key);
      expect(lost.error, `the first attempt must get no answer, got ${lost.status} ${lost.text}`).toBeDefined();
      expect(await doomed.exited).toBeNull();
      expect(doomed.child.signalCode).toBe('SIGKILL');
      // The run was committed and queued by the process that died.
      expect(await countRuns(ws)).toBe(1);

      const port = await freePort();
      const fresh = spawnApiProcess({ ...services, PORT: String(port) });
      children.push(fresh);
      await waitForOutput(fresh, /Server listening/, STARTUP_MS);
      const retried = await send(port, `${base}/runs`, body, key);
      expect(retried.status, retried.text).toBe(202);
      expect(retried.headers['idempotent-replayed']).toBe('true');
      const run = JSON.parse(retried.text);
      const stored = await ctx.db.pool.query('SELECT id, total FROM runs WHERE workspace_id = $1', [ws]);
      expect(stored.rows).toEqual([{ id: run.id, total: 2 }]);
      const queue = ctx.producers.queue(RUNS_QUEUE);
      expect(await queue.getJob(jobIds.startRun(run.id))).toBeDefined();
      const jobs = await queue.getJobs(['waiting', 'active', 'delayed', 'prioritized', 'completed', 'failed']);
      expect(jobs.filter((j) => j.data.runId === run.id)).toHaveLength(1);
    },
    TEST_MS,
  );
});

function send(
  port: number,
  path: string,
  body: string,
  key: string,
): Promise<{ status?: number; text: string; headers: Record<string, unknown>; error?: Error }> {
  return new Promise((resolve) => {
    const req = httpRequest({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path,
      headers: {
        ...tenant.headers,
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        'idempotency-key': key,
      },
    });
    req.on('response', (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode, text, headers: res.headers }));
      res.on('error', (error) => resolve({ status: res.statusCode, text, headers: res.headers, error }));
    });
    req.on('error', (error) => resolve({ text: '', headers: {}, error }));
    req.end(body);
  });
}
