/** Operations: Prometheus metrics of the API and of workers, and the queue dashboard behind the operator's token. */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, keyFor, type TestTenant } from '../factories/index.js';
import { apiClient, seedWorkspace, type ApiClient } from '../helpers/api.js';
import { createTestContext, waitFor, type TestContext } from '../helpers/context.js';
import type { RunningWorker } from '../../workers/worker.js';

const ADMIN_TOKEN = randomBytes(32).toString('hex');
const METRICS_TOKEN = randomBytes(24).toString('hex');
let ctx: TestContext;
let tenant: TestTenant;
let api: ApiClient;
let worker: RunningWorker;

beforeAll(async () => {
  ctx = await createTestContext({ ADMIN_TOKEN, METRICS_TOKEN });
  tenant = await createTenant(ctx.db);
  api = apiClient(ctx.app, tenant.headers);
  worker = ctx.startWorker({ env: { WORKER_METRICS_PORT: '0', HOST: '127.0.0.1' } });
});
afterAll(async () => ctx.close());

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const scrape = async () => {
  const res = await ctx.app.inject({ url: '/metrics', headers: bearer(METRICS_TOKEN) });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toMatch(/^text\/plain/);
  return res.body;
};
/** The value of one sample line, e.g. sample(text, 'citewatch_queue_jobs_total{queue="runs",outcome="completed"}'). */
const sample = (text: string, series: string) => {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
};

describe('API metrics', () => {
  it('need METRICS_TOKEN or ADMIN_TOKEN; organization keys are refused whatever their scope', async () => {
    expect((await ctx.app.inject({ url: '/metrics' })).statusCode).toBe(401);
    expect((await ctx.app.inject({ url: '/metrics', headers: bearer('not-the-token') })).json()).toMatchObject({
      status: 401,
      code: 'unauthorized',
    });
    const admin = await ctx.app.inject({ url: '/metrics', headers: tenant.headers });
    expect(admin.statusCode).toBe(403);
    expect(admin.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(admin.json().detail).toMatch(/every organization/);
    expect((await ctx.app.inject({ url: '/metrics', headers: bearer(ADMIN_TOKEN) })).statusCode).toBe(200);
  });

  it('time HTTP requests by route pattern, never by URL', async () => {
    const { base } = await seedWorkspace(api, { prompts: 1, brands: ['Acme'] });
    await api.get(`${base}/brands`);
    await ctx.app.inject({ url: '/v1/no-such-route', headers: tenant.headers });
    const text = await scrape();
    expect(text).toContain('# TYPE citewatch_http_request_duration_seconds histogram');
    expect(
      sample(
        text,
        'citewatch_http_request_duration_seconds_count{method="GET",route="/v1/workspaces/:workspaceId/brands",status_code="200"}',
      ),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sample(
        text,
        'citewatch_http_request_duration_seconds_count{method="POST",route="/v1/workspaces",status_code="201"}',
      ),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sample(text, 'citewatch_http_request_duration_seconds_count{method="GET",route="unmatched",status_code="404"}'),
    ).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain(base);
    expect(text).toMatch(/^process_cpu_user_seconds_total /m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);
  });

  it('show queue depths and jobs finished per queue after a run', async () => {
    const { base, configs } = await seedWorkspace(api, { prompts: 3 });
    const run = await api.post(`${base}/runs`, {
      promptTags: ['crm'],
      modelConfigIds: [configs[0].id],
      samplesPerPair: 2,
    });
    await waitFor(
      async () => ['completed', 'completed_with_errors'].includes((await api.get(`${base}/runs/${run.id}`)).status),
      'the run to finish',
    );
    // Counts are cached for a few seconds, so poll until this run's jobs show.
    const text = await waitFor(async () => {
      const t = await scrape();
      return (sample(t, 'citewatch_queue_jobs_total{queue="query-mock",outcome="completed"}') ?? 0) >= 6 ? t : null;
    }, 'query jobs to be counted');
    expect(sample(text, 'citewatch_queue_metrics_up')).toBe(1);
    expect(sample(text, 'citewatch_queue_jobs_total{queue="runs",outcome="completed"}')).toBeGreaterThanOrEqual(1);
    for (const queue of [
      'runs',
      'query-mock',
      'query-openai',
      'analysis',
      'maintenance',
      'webhooks',
      'suggestions',
      'pdf-reports',
      'alerts',
      'stance-judge',
    ]) {
      for (const state of ['waiting', 'prioritized', 'active', 'delayed', 'failed']) {
        expect(sample(text, `citewatch_queue_jobs{queue="${queue}",state="${state}"}`), `${queue} ${state}`).toBeTypeOf(
          'number',
        );
      }
    }
  });
});

describe('worker metrics', () => {
  it('count jobs and time provider calls, behind the same tokens', async () => {
    const server = await worker.metricsServer;
    expect(server).not.toBeNull();
    const url = `http://127.0.0.1:${server!.port}/metrics`;
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { headers: bearer('wrong') })).status).toBe(401);
    const { base, configs } = await seedWorkspace(api, { prompts: 2 });
    const run = await api.post(`${base}/runs`, { promptTags: ['crm'], modelConfigIds: [configs[0].id] });
    await waitFor(async () => (await api.get(`${base}/runs/${run.id}`)).finishedAt, 'the run to finish');
    const text = await waitFor(async () => {
      const t = await (await fetch(url, { headers: bearer(METRICS_TOKEN) })).text();
      return (sample(t, 'citewatch_worker_jobs_total{queue="runs",outcome="completed"}') ?? 0) >= 2 ? t : null;
    }, 'the finished job to be counted');
    expect(sample(text, 'citewatch_worker_jobs_total{queue="query-mock",outcome="completed"}')).toBeGreaterThanOrEqual(
      2,
    );
    expect(
      sample(text, 'citewatch_provider_request_duration_seconds_count{provider="mock",outcome="success"}'),
    ).toBeGreaterThanOrEqual(2);
    expect(text).toContain('# TYPE citewatch_provider_errors_total counter');
    expect(text).toMatch(/^process_resident_memory_bytes /m);
  });

  it('count provider errors by kind and status', async () => {
    const { base, configs } = await seedWorkspace(api, { prompts: 4, configs: [{ failureRate: 1 }] });
    const run = await api.post(`${base}/runs`, { promptTags: ['crm'], modelConfigIds: [configs[0].id] });
    await waitFor(async () => (await api.get(`${base}/runs/${run.id}`)).finishedAt, 'the failing run to finish');
    const text = worker.metrics.registry.metrics();
    expect(await text).toMatch(
      /^citewatch_provider_errors_total\{provider="mock",kind="(transient|rate_limited)",status="(500|429)"\} [1-9]/m,
    );
  });
});

describe('queue dashboard', () => {
  it('is refused without credentials (a sign-in page for browsers) and to organization keys', async () => {
    const api401 = await ctx.app.inject({ url: '/admin/queues/api/queues' });
    expect(api401.statusCode).toBe(401);
    expect(api401.headers['content-type']).toMatch(/^application\/problem\+json/);
    const page = await ctx.app.inject({ url: '/admin/queues', headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(401);
    expect(page.body).toContain('action="/admin/session"');
    const readKey = await keyFor(ctx.db, tenant.organizationId, ['read']);
    expect((await ctx.app.inject({ url: '/admin/queues/api/queues', headers: readKey.headers })).statusCode).toBe(403);
    expect((await ctx.app.inject({ url: '/admin/queues/api/queues', headers: tenant.headers })).statusCode).toBe(403);
    expect(
      (await ctx.app.inject({ url: '/admin/queues/api/queues', headers: bearer(`${ADMIN_TOKEN}x`) })).statusCode,
    ).toBe(401);
  });

  it('opens with ADMIN_TOKEN as a bearer, listing this deployment’s queues only', async () => {
    const res = await ctx.app.inject({ url: '/admin/queues/api/queues', headers: bearer(ADMIN_TOKEN) });
    expect(res.statusCode).toBe(200);
    const names = (res.json().queues as Array<{ name: string }>).map((q) => q.name).sort();
    expect(names).toEqual(
      [
        'alerts',
        'analysis',
        'maintenance',
        'pdf-reports',
        'runs',
        'stance-judge',
        'suggestions',
        'webhooks',
        ...names.filter((n) => n.startsWith('query-')),
      ].sort(),
    );
    expect(names).toContain('query-mock');
    const html = await ctx.app.inject({ url: '/admin/queues', headers: bearer(ADMIN_TOKEN) });
    expect(html.statusCode).toBe(200);
    expect(html.body).toContain('<base href="/admin/queues/"');
  });

  it('gives browsers a signed, HttpOnly, SameSite=Strict session cookie for the admin token', async () => {
    const wrong = await ctx.app.inject({
      method: 'POST',
      url: '/admin/session',
      payload: 'token=nope',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.headers['set-cookie']).toBeUndefined();
    const orgKey = await ctx.app.inject({ method: 'POST', url: '/admin/session', payload: { token: tenant.key } });
    expect(orgKey.statusCode).toBe(403);

    const login = await ctx.app.inject({
      method: 'POST',
      url: '/admin/session',
      payload: `token=${ADMIN_TOKEN}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(login.statusCode).toBe(303);
    expect(login.headers.location).toBe('/admin/queues');
    const cookie = String(login.headers['set-cookie']);
    expect(cookie).toMatch(/^citewatch_admin=v1\.\d+\.[\w-]+; Path=\/admin; Max-Age=3600; HttpOnly; SameSite=Strict/);
    const session = cookie.split(';')[0] as string;
    expect((await ctx.app.inject({ url: '/admin/queues/api/queues', headers: { cookie: session } })).statusCode).toBe(
      200,
    );

    // A tampered or expired cookie is worth nothing.
    const [name, value] = session.split('=') as [string, string];
    const [v, expiry, mac] = value.split('.') as [string, string, string];
    const forged = `${name}=${v}.${Number(expiry) + 3600}.${mac}`;
    expect((await ctx.app.inject({ url: '/admin/queues/api/queues', headers: { cookie: forged } })).statusCode).toBe(
      401,
    );
    expect(
      (await ctx.app.inject({ url: '/admin/queues/api/queues', headers: { cookie: `${name}=v1.1.${mac}` } }))
        .statusCode,
    ).toBe(401);
    const logout = await ctx.app.inject({ method: 'DELETE', url: '/admin/session' });
    expect(String(logout.headers['set-cookie'])).toMatch(/^citewatch_admin=; Path=\/admin; Max-Age=0/);
  });

  it('stays out of the OpenAPI document, while /metrics is in it under Operations', async () => {
    const doc = (await ctx.app.inject({ url: '/openapi.json' })).json();
    const paths = Object.keys(doc.paths);
    expect(paths.filter((p) => p.startsWith('/admin'))).toEqual([]);
    expect(doc.paths['/metrics'].get.tags).toEqual(['Operations']);
  });
});
