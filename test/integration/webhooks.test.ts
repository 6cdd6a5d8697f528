/**
 * Webhooks end to end: a real worker delivers signed events to a receiver on 127.0.0.1 (the
 * deployment allows private hosts here), retries, gives up, and logs every attempt.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/lib/ids.js';
import { jobIds, RUNS_QUEUE } from '../../src/queues/names.js';
import { verifyWebhookSignature } from '../../src/modules/webhooks/webhooks.signature.js';
import { createTenant, type TestTenant } from '../factories/index.js';
import { apiClient, seedWorkspace, type ApiClient } from '../helpers/api.js';
import { createTestContext, waitFor, type TestContext } from '../helpers/context.js';
import { Receiver } from '../helpers/webhook-receiver.js';

const ENCRYPTION_KEY = randomBytes(32).toString('base64');
let ctx: TestContext;
let tenant: TestTenant;
let api: ApiClient;
const receiver = new Receiver();

beforeAll(async () => {
  await receiver.start();
  ctx = await createTestContext({
    OPENAI_COMPATIBLE_ALLOW_PRIVATE_HOSTS: 'true',
    WEBHOOK_BACKOFF_MS: '10',
    WEBHOOK_MAX_ATTEMPTS: '3',
    ENCRYPTION_KEY,
  });
  tenant = await createTenant(ctx.db);
  api = apiClient(ctx.app, tenant.headers);
  ctx.startWorker();
});
afterAll(async () => {
  await ctx.close();
  await receiver.stop();
});

const settled = (base: string, webhookId: string) =>
  waitFor(async () => {
    const page = await api.get(`${base}/webhooks/${webhookId}/deliveries`);
    return page.data.length && page.data.every((d: { status: string }) => d.status !== 'pending') ? page.data : null;
  }, 'deliveries to settle');

describe('webhook deliveries', () => {
  it('sends a signed run.completed when an audit run finishes, once, and logs it', async () => {
    const { base, configs } = await seedWorkspace(api, { prompts: 2 });
    const url = receiver.script(`/completed-${randomUUID()}`, [200]);
    const created = await api.send(
      'POST',
      `${base}/webhooks`,
      { url, events: ['run.completed', 'run.failed'], description: 'Pipeline' },
      201,
    );
    const hook = created.body;
    expect(hook).toMatchObject({
      url,
      events: ['run.completed', 'run.failed'],
      active: true,
      description: 'Pipeline',
      secret: expect.stringMatching(/^whsec_/),
    });
    // The secret is shown once and kept sealed at rest.
    expect((await api.get(`${base}/webhooks/${hook.id}`)).secret).toBeUndefined();
    expect((await api.get(`${base}/webhooks`)).data[0].secret).toBeUndefined();
    const stored = await ctx.db.prisma.webhook.findUniqueOrThrow({ where: { id: hook.id } });
    expect(stored.secret).toMatch(/^enc:v1:/);

    const audit = await api.post(`${base}/audits`, {
      name: 'Weekly',
      promptTags: ['crm'],
      modelConfigIds: [configs[0].id],
    });
    const run = await api.post(`${base}/runs`, { auditId: audit.id });
    const [delivery] = await settled(base, hook.id);
    const path = new URL(url).pathname;
    const [request] = receiver.at(path);
    expect(request).toBeDefined();
    expect(
      verifyWebhookSignature(hook.secret, request!.headers['citewatch-signature'] as string, request!.body, 300),
    ).toBe(true);
    expect(
      verifyWebhookSignature(hook.secret, request!.headers['citewatch-signature'] as string, `${request!.body} `, 300),
    ).toBe(false);
    expect(request!.headers).toMatchObject({
      'content-type': 'application/json',
      'citewatch-event': 'run.completed',
      'citewatch-delivery': delivery.id,
    });
    const event = JSON.parse(request!.body);
    expect(Object.keys(event)).toEqual(['id', 'type', 'createdAt', 'workspaceId', 'data']);
    expect(event).toMatchObject({
      id: delivery.eventId,
      type: 'run.completed',
      workspaceId: run.workspaceId,
      data: { run: { id: run.id, auditId: audit.id, status: 'completed', progress: { total: 2, succeeded: 2 } } },
    });
    expect(delivery).toMatchObject({
      status: 'succeeded',
      attempts: 1,
      responseStatus: 200,
      responseBody: 'thanks',
      error: null,
      eventType: 'run.completed',
      payload: { id: event.id },
    });
    expect(delivery.deliveredAt).not.toBeNull();

    // The run's follow-up running again records and sends nothing more.
    await ctx.producers.runFinished(run.id);
    await waitFor(
      async () => !(await ctx.producers.queue(RUNS_QUEUE).getJob(jobIds.runFinished(run.id))),
      'the repeated follow-up',
    );
    expect((await api.get(`${base}/webhooks/${hook.id}/deliveries`)).data).toHaveLength(1);
    expect(receiver.at(path)).toHaveLength(1);
  });

  it('sends run.failed to subscribers of run.failed only', async () => {
    const { base, configs } = await seedWorkspace(api, { prompts: 1, configs: [{ failureRate: 1 }] });
    const failedUrl = receiver.script(`/failed-${randomUUID()}`, [200]);
    const completedUrl = receiver.script(`/completed-only-${randomUUID()}`, [200]);
    const failedHook = await api.post(`${base}/webhooks`, { url: failedUrl, events: ['run.failed'] });
    const completedHook = await api.post(`${base}/webhooks`, { url: completedUrl, events: ['run.completed'] });
    const run = await api.post(`${base}/runs`, { promptTags: ['crm'], modelConfigIds: [configs[0].id] });
    const [delivery] = await settled(base, failedHook.id);
    expect(delivery).toMatchObject({
      eventType: 'run.failed',
      status: 'succeeded',
      payload: { type: 'run.failed', data: { run: { id: run.id, status: 'failed' } } },
    });
    expect((await api.get(`${base}/webhooks/${completedHook.id}/deliveries`)).data).toEqual([]);
    expect(receiver.at(new URL(completedUrl).pathname)).toHaveLength(0);
  });

  it('retries a receiver that fails, counting attempts, and delivers once it answers 2xx', async () => {
    const { base } = await seedWorkspace(api, { prompts: 1 });
    const url = receiver.script(`/flaky-${randomUUID()}`, [500, 200]);
    const hook = await api.post(`${base}/webhooks`, { url, events: ['run.completed'] });
    const queued = await api.send('POST', `${base}/webhooks/${hook.id}/test`, {}, 202);
    expect(queued.body).toMatchObject({ status: 'pending', attempts: 0, eventType: 'ping', payload: { type: 'ping' } });
    const [delivery] = await settled(base, hook.id);
    expect(delivery).toMatchObject({
      id: queued.body.id,
      status: 'succeeded',
      attempts: 2,
      responseStatus: 200,
      error: null,
    });
    const requests = receiver.at(new URL(url).pathname);
    expect(requests.map((r) => r.headers['citewatch-delivery'])).toEqual([delivery.id, delivery.id]);
    expect(requests.map((r) => JSON.parse(r.body).id)).toEqual([delivery.eventId, delivery.eventId]);
    expect(
      requests.every((r) =>
        verifyWebhookSignature(hook.secret, r.headers['citewatch-signature'] as string, r.body, 300),
      ),
    ).toBe(true);
  });

  it('gives up after the last attempt and keeps the start of the receiver’s answer', async () => {
    const { base } = await seedWorkspace(api, { prompts: 1 });
    const url = receiver.script(`/down-${randomUUID()}`, [503]);
    const hook = await api.post(`${base}/webhooks`, { url, events: ['run.completed'] });
    await api.send('POST', `${base}/webhooks/${hook.id}/test`, {}, 202);
    const [delivery] = await settled(base, hook.id);
    expect(delivery).toMatchObject({
      status: 'failed',
      attempts: 3,
      responseStatus: 503,
      error: 'the receiver answered HTTP 503',
      deliveredAt: null,
    });
    expect(delivery.responseBody).toMatch(/^nope x+$/);
    expect(delivery.responseBody.length).toBe(2_048);
    expect(receiver.at(new URL(url).pathname)).toHaveLength(3);
    expect((await api.get(`${base}/webhooks/${hook.id}`)).active).toBe(true);
  });

  it('disables a webhook whose receiver answers 410 Gone', async () => {
    const { base } = await seedWorkspace(api, { prompts: 1 });
    const hook = await api.post(`${base}/webhooks`, {
      url: receiver.script(`/gone-${randomUUID()}`, [410]),
      events: ['run.completed'],
    });
    await api.send('POST', `${base}/webhooks/${hook.id}/test`, {}, 202);
    const [delivery] = await settled(base, hook.id);
    expect(delivery).toMatchObject({ status: 'failed', attempts: 1, responseStatus: 410 });
    expect((await api.get(`${base}/webhooks/${hook.id}`)).active).toBe(false);
  });

  it('lists deliveries newest first, a page at a time, filtered by status', async () => {
    const { base } = await seedWorkspace(api, { prompts: 1 });
    const hook = await api.post(`${base}/webhooks`, {
      url: receiver.script(`/log-${randomUUID()}`, [204]),
      events: ['run.completed'],
    });
    const sent = [];
    for (let i = 0; i < 3; i++)
      sent.push((await api.send('POST', `${base}/webhooks/${hook.id}/test`, {}, 202)).body.id);
    await waitFor(
      async () => (await api.get(`${base}/webhooks/${hook.id}/deliveries?status=succeeded`)).data.length === 3,
      'three deliveries',
    );
    const page1 = await api.get(`${base}/webhooks/${hook.id}/deliveries?limit=2`);
    expect(page1.data.map((d: { id: string }) => d.id)).toEqual([sent[2], sent[1]]);
    const page2 = await api.get(`${base}/webhooks/${hook.id}/deliveries?limit=2&cursor=${page1.nextCursor}`);
    expect(page2).toMatchObject({ data: [{ id: sent[0] }], nextCursor: null });
    expect((await api.get(`${base}/webhooks/${hook.id}/deliveries?status=failed`)).data).toEqual([]);
  });
});

/** A finished run of an audit built from factory rows: `n` analysed answers, `mentions[brandId]` of which mention the brand. */
async function finishedRun(
  ws: { id: string },
  auditId: string,
  promptId: string,
  configId: string,
  n: number,
  mentions: Record<string, number>,
  failed: number,
  createdAt: Date,
) {
  const runId = newId();
  const { pool } = ctx.db;
  await pool.query(
    `INSERT INTO runs (id, workspace_id, audit_id, status, samples_per_pair, total, succeeded, failed, analyzed, created_at, started_at, finished_at, analyzed_at, followups_done_at)
     VALUES ($1, $2, $3, 'completed_with_errors', $4, $5, $4, $6, $4, $7, $7, $7, $7, $7)`,
    [runId, ws.id, auditId, n, n + failed, failed, createdAt],
  );
  const ids = Array.from({ length: n + failed }, () => newId());
  await pool.query(
    `INSERT INTO responses (id, run_id, workspace_id, prompt_id, model_config_id, sample_index, provider, channel, model, config_hash, status, text, analyzed_at, completed_at)
     SELECT u.id, $2, $3, $4, $5, u.i - 1, 'mock', 'mock', 'mock-1', 'h', CASE WHEN u.i <= $6 THEN 'succeeded' ELSE 'failed' END::response_status,
            'answer', CASE WHEN u.i <= $6 THEN now() END, now()
       FROM unnest($1::uuid[]) WITH ORDINALITY AS u(id, i)`,
    [ids, runId, ws.id, promptId, configId, n],
  );
  for (const [brandId, k] of Object.entries(mentions)) {
    await pool.query(
      `INSERT INTO mentions (response_id, workspace_id, brand_id, count, spans, first_offset, rank, sentiment, sentiment_label, snippet, matched_alias)
       SELECT id, $2, $3, 1, '[[0,6]]', 0, 1, 0, 'neutral', 'answer', 'x' FROM unnest($1::uuid[]) AS id`,
      [ids.slice(0, k), ws.id, brandId],
    );
  }
  return runId;
}

describe('visibility.changed', () => {
  it('lists the brands whose mention rate moved significantly since the audit’s previous run', async () => {
    const { ws, base, prompts, configs } = await seedWorkspace(api, {
      prompts: 1,
      brands: ['Rising', 'Steady', 'Falling'],
    });
    const brands = Object.fromEntries(
      (await api.get(`${base}/brands`)).data.map((b: { name: string; id: string }) => [b.name, b.id]),
    );
    const audit = await api.post(`${base}/audits`, {
      name: 'Trend',
      promptTags: ['crm'],
      modelConfigIds: [configs[0].id],
    });
    const url = receiver.script(`/visibility-${randomUUID()}`, [204]);
    const hook = await api.post(`${base}/webhooks`, { url, events: ['visibility.changed'] });

    const t0 = new Date(Date.now() - 86_400_000);
    await finishedRun(
      ws,
      audit.id,
      prompts[0].id,
      configs[0].id,
      40,
      { [brands.Rising]: 4, [brands.Steady]: 20, [brands.Falling]: 30 },
      0,
      t0,
    );
    // Failed answers are left out of the rates, never counted as "not mentioned".
    const current = await finishedRun(
      ws,
      audit.id,
      prompts[0].id,
      configs[0].id,
      40,
      { [brands.Rising]: 30, [brands.Steady]: 22, [brands.Falling]: 8 },
      10,
      new Date(t0.getTime() + 3_600_000),
    );
    await ctx.producers.runFinished(current);

    const [delivery] = await settled(base, hook.id);
    expect(delivery).toMatchObject({ status: 'succeeded', eventType: 'visibility.changed' });
    const [request] = receiver.at(new URL(url).pathname);
    expect(
      verifyWebhookSignature(hook.secret, request!.headers['citewatch-signature'] as string, request!.body, 300),
    ).toBe(true);
    const event = JSON.parse(request!.body);
    expect(event).toMatchObject({
      type: 'visibility.changed',
      workspaceId: ws.id,
      data: { auditId: audit.id, run: { id: current }, alpha: 0.05 },
    });
    const changes = event.data.changes as Array<Record<string, unknown>>;
    expect(changes.map((c) => [c.brandName, c.direction])).toEqual([
      ['Falling', 'down'],
      ['Rising', 'up'],
    ]);
    const rising = changes.find((c) => c.brandName === 'Rising')!;
    expect(rising).toMatchObject({
      brandId: brands.Rising,
      previous: { mentioned: 4, n: 40, rate: 0.1 },
      current: { mentioned: 30, n: 40, rate: 0.75 },
      test: 'z',
    });
    expect(rising.difference).toBeCloseTo(0.65, 10);
    expect(rising.pValue).toBeLessThan(0.001);
    expect((rising.ci95 as { low: number }).low).toBeGreaterThan(0);
  });

  it('sends nothing when no brand moved significantly', async () => {
    const { ws, base, prompts, configs } = await seedWorkspace(api, { prompts: 1, brands: ['Calm'] });
    const [calm] = (await api.get(`${base}/brands`)).data;
    const audit = await api.post(`${base}/audits`, {
      name: 'Flat',
      promptTags: ['crm'],
      modelConfigIds: [configs[0].id],
    });
    const visibility = await api.post(`${base}/webhooks`, {
      url: receiver.script(`/flat-${randomUUID()}`, [204]),
      events: ['visibility.changed'],
    });
    const runs = await api.post(`${base}/webhooks`, {
      url: receiver.script(`/flat-runs-${randomUUID()}`, [204]),
      events: ['run.completed'],
    });
    const t0 = new Date(Date.now() - 86_400_000);
    await finishedRun(ws, audit.id, prompts[0].id, configs[0].id, 30, { [calm.id]: 10 }, 0, t0);
    const current = await finishedRun(
      ws,
      audit.id,
      prompts[0].id,
      configs[0].id,
      30,
      { [calm.id]: 12 },
      0,
      new Date(t0.getTime() + 1_000),
    );
    await ctx.producers.runFinished(current);
    // The same follow-up sends run.completed; once that is settled, visibility.changed would be too.
    await settled(base, runs.id);
    expect((await api.get(`${base}/webhooks/${visibility.id}/deliveries`)).data).toEqual([]);
  });
});
