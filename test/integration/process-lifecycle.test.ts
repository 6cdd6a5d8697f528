/**
 * The API and worker entries as operators run them: they refuse a bad environment with every
 * problem listed, and on SIGTERM they finish the work in hand (a request, a provider call) before
 * exiting 0. Also /ready naming Postgres when it cannot be reached.
 */
import { Agent, request } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { createDatabase } from '../../src/db/client.js';
import { queryQueueName } from '../../src/queues/names.js';
import { createTenant, type TestTenant } from '../factories/index.js';
import { apiClient, seedWorkspace, type ApiClient } from '../helpers/api.js';
import { createTestContext, waitFor, type TestContext } from '../helpers/context.js';
import {
  freePort,
  spawnApiProcess,
  spawnWorkerProcess,
  waitForOutput,
  type ChildHandle,
} from '../helpers/processes.js';

let ctx: TestContext;
let tenant: TestTenant;
let api: ApiClient;
const children: ChildHandle[] = [];

beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await createTenant(ctx.db);
  api = apiClient(ctx.app, tenant.headers);
});
afterEach(async () => {
  // A failed assertion must not leave a process behind.
  await Promise.all(children.splice(0).map((c) => c.kill('SIGKILL')));
});
afterAll(async () => ctx.close());

function started(handle: ChildHandle): ChildHandle {
  children.push(handle);
  return handle;
}

// Starting Node with tsx and every module takes seconds, many on a busy machine.
const STARTUP_MS = 90_000;
const TEST_MS = 180_000;

const services = () => ({
  DATABASE_URL: ctx.env.DATABASE_URL,
  REDIS_URL: ctx.env.REDIS_URL,
  QUEUE_PREFIX: ctx.env.QUEUE_PREFIX,
});

describe('a bad environment', () => {
  const bad = { DATABASE_URL: 'nope', PORT: 'abc', REDIS_URL: 'http://127.0.0.1:6379', WORKER_LOCK_MS: '-5' };

  for (const [name, spawnIt] of [
    ['API', spawnApiProcess],
    ['worker', spawnWorkerProcess],
  ] as const) {
    it(
      `stops the ${name} with exit 1, listing every problem`,
      async () => {
        const child = started(spawnIt(bad));
        expect(await child.exited, child.output()).toBe(1);
        const out = child.output();
        expect(out).toContain(`Citewatch ${name} cannot start.`);
        expect(out).toMatch(/- DATABASE_URL: must be a postgresql:\/\/ URL/);
        expect(out).toMatch(/- PORT: /);
        expect(out).toMatch(/- REDIS_URL: must be a redis:\/\/ or rediss:\/\/ URL/);
        expect(out).toMatch(/- WORKER_LOCK_MS: /);
        expect(out.match(/^ {2}- /gm)).toHaveLength(4);
      },
      TEST_MS,
    );
  }
});

describe('the API on SIGTERM', () => {
  it(
    'finishes a request already being received, then exits 0 without waiting for the idle connection',
    async () => {
      const port = await freePort();
      const server = started(
        spawnApiProcess({ ...services(), HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'info' }),
      );
      await waitForOutput(server, /Server listening/, STARTUP_MS);

      const body = JSON.stringify({ name: 'Created while the API shuts down' });
      const half = Math.floor(body.length / 2);
      // Like a load balancer: keeps the connection open after the response, with no idle timeout of its own.
      const agent = new Agent({ keepAlive: true });
      const req = request({
        agent,
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/v1/workspaces',
        headers: { ...tenant.headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      });
      const response = new Promise<{ status: number; text: string; connection: string | undefined }>(
        (resolve, reject) => {
          req.on('response', (res) => {
            let text = '';
            res.on('data', (d) => (text += d));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, text, connection: res.headers.connection }));
          });
          req.on('error', reject);
        },
      );
      req.write(body.slice(0, half));
      // The server has the request in hand (its onRequest hook ran) but not yet the whole body.
      await waitForOutput(server, /incoming request/);

      server.child.kill('SIGTERM');
      await waitForOutput(server, /shutting down: finishing in-flight requests/);
      expect(server.child.exitCode, 'the API must wait for the request').toBeNull();
      req.end(body.slice(half));

      const res = await response;
      expect(res.status, res.text).toBe(201);
      expect(res.connection, 'the connection must end with the response').toBe('close');
      const created = JSON.parse(res.text) as { id: string };
      expect(await server.exited, server.output()).toBe(0);
      // Stored before the database connections were closed.
      const { rows } = await ctx.db.pool.query('SELECT name FROM workspaces WHERE id = $1', [created.id]);
      expect(rows).toEqual([{ name: 'Created while the API shuts down' }]);
      agent.destroy();
    },
    TEST_MS,
  );
});

describe('the worker on SIGTERM', () => {
  it(
    'lets the active provider call finish and stores the answer before exiting 0',
    async () => {
      const { base, configs } = await seedWorkspace(api, { prompts: 1, configs: [{ latencyMs: 1_500 }] });
      const worker = started(spawnWorkerProcess({ ...services(), WORKER_SCHEDULER: 'false', LOG_LEVEL: 'info' }));
      await waitForOutput(worker, /worker started/, STARTUP_MS);
      const run = await api.post(`${base}/runs`, {
        promptTags: ['crm'],
        modelConfigIds: [configs[0].id],
        samplesPerPair: 1,
      });

      const queries = ctx.producers.queue(queryQueueName('mock'));
      await waitFor(async () => (await queries.getActiveCount()) === 1, 'the provider call to start', 30_000);
      const pending = await ctx.db.pool.query('SELECT id, status FROM responses WHERE run_id = $1', [run.id]);
      expect(pending.rows).toEqual([{ id: expect.any(String), status: 'pending' }]);

      worker.child.kill('SIGTERM');
      await waitForOutput(worker, /shutting down: finishing active jobs/);
      expect(await worker.exited, worker.output()).toBe(0);

      const { rows } = await ctx.db.pool.query('SELECT status, text, error FROM responses WHERE run_id = $1', [run.id]);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ status: 'succeeded', error: null });
      expect(String(rows[0].text).length).toBeGreaterThan(100);
    },
    TEST_MS,
  );
});

describe('readiness', () => {
  it('answers 503 naming Postgres when it cannot be reached', async () => {
    const closedPort = await freePort();
    const db = createDatabase({ url: `postgresql://postgres@127.0.0.1:${closedPort}/citewatch`, poolSize: 1 });
    const app = await buildApp({
      env: ctx.env,
      db,
      redis: ctx.redis,
      producers: ctx.producers,
      mailer: ctx.mailer,
      logger: ctx.logger,
    });
    try {
      const res = await app.inject({ url: '/ready' });
      expect(res.statusCode).toBe(503);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      const body = JSON.parse(res.body);
      expect(body).toMatchObject({
        status: 503,
        code: 'unavailable',
        checks: { postgres: expect.stringMatching(/^unavailable: /), redis: 'ok' },
      });
      expect(body.detail).toMatch(/^Not ready: postgres unavailable/);
      expect(body.detail).not.toMatch(/redis/);
    } finally {
      await app.close();
      await db.close();
    }
  });
});
