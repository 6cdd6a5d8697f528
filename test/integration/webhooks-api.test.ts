/** The webhook API's contract: validation, where receivers may be, scopes, tenant isolation, and egress checked again at delivery. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/lib/ids.js';
import { createTenant, keyFor, type TestTenant } from '../factories/index.js';
import { apiClient, seedWorkspace, type ApiClient } from '../helpers/api.js';
import { createTestContext, waitFor, type TestContext } from '../helpers/context.js';
import { Receiver } from '../helpers/webhook-receiver.js';

let ctx: TestContext;
let tenant: TestTenant;
let api: ApiClient;
const receiver = new Receiver();

beforeAll(async () => {
  await receiver.start();
  // The default egress policy: receivers must be public https URLs.
  ctx = await createTestContext({ WEBHOOK_MAX_ATTEMPTS: '1' });
  tenant = await createTenant(ctx.db);
  api = apiClient(ctx.app, tenant.headers);
});
afterAll(async () => {
  await ctx.close();
  await receiver.stop();
});

describe('webhook API', () => {
  it('names each invalid field', async () => {
    const { base } = await seedWorkspace(api, { prompts: 1 });
    const bad = await api.send(
      'POST',
      `${base}/webhooks`,
      { url: 'ftp://example.com/x', events: ['run.exploded'], colour: 'red' },
      400,
    );
    const paths = bad.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.url', 'body.events.0', 'body.colour']));
    expect(
      (await api.send('POST', `${base}/webhooks`, { url: 'https://example.com', events: [] }, 400)).body.errors[0].path,
    ).toBe('body.events');
    expect((await api.send('POST', `${base}/webhooks`, { events: ['run.completed'] }, 400)).body.errors[0]).toEqual({
      path: 'body.url',
      message: 'is required (string)',
    });
    const creds = await api.send(
      'POST',
      `${base}/webhooks`,
      { url: 'https://user:pw@example.com/hook', events: ['run.completed'] },
      400,
    );
    expect(creds.body.errors[0].message).toMatch(/credentials/);
    const hook = await api.post(`${base}/webhooks`, {
      url: 'https://hooks.example.com/x',
      events: ['run.completed', 'run.completed'],
    });
    expect(hook.events).toEqual(['run.completed']);
    expect((await api.send('PATCH', `${base}/webhooks/${hook.id}`, { events: ['nope'] }, 400)).body.code).toBe(
      'validation_failed',
    );
    const patched = await api.patch(`${base}/webhooks/${hook.id}`, {
      active: false,
      description: 'Paused',
      events: ['visibility.changed'],
    });
    expect(patched).toMatchObject({ active: false, description: 'Paused', events: ['visibility.changed'] });
    expect(patched.secret).toBeUndefined();
    await api.send('DELETE', `${base}/webhooks/${hook.id}`, undefined, 204);
    await api.send('GET', `${base}/webhooks/${hook.id}`, undefined, 404);
  });

  it('refuses private and plain-http receivers where the deployment does not allow private hosts', async () => {
    const { base } = await seedWorkspace(api, { prompts: 1 });
    for (const url of [
      'http://127.0.0.1:8080/hook',
      'https://10.1.2.3/hook',
      'https://localhost/hook',
      'https://[::1]/hook',
      'https://metadata.internal/x',
    ]) {
      const res = await api.send('POST', `${base}/webhooks`, { url, events: ['run.completed'] }, 400);
      expect(res.body.errors).toEqual([
        { path: 'body.url', message: expect.stringMatching(/private or local address/) },
      ]);
    }
    const http = await api.send(
      'POST',
      `${base}/webhooks`,
      { url: 'http://hooks.example.com/x', events: ['run.completed'] },
      400,
    );
    expect(http.body.errors).toEqual([{ path: 'body.url', message: 'must use https' }]);
    const ok = await api.post(`${base}/webhooks`, { url: 'https://hooks.example.com/x', events: ['run.completed'] });
    expect(
      (await api.send('PATCH', `${base}/webhooks/${ok.id}`, { url: 'https://192.168.1.1/x' }, 400)).body.errors[0].path,
    ).toBe('body.url');
  });

  it('needs a key, and write scope to change webhooks or send tests', async () => {
    const { base } = await seedWorkspace(api, { prompts: 1 });
    const hook = await api.post(`${base}/webhooks`, { url: 'https://hooks.example.com/x', events: ['run.completed'] });
    expect((await ctx.app.inject({ url: `${base}/webhooks` })).statusCode).toBe(401);
    expect(
      (
        await ctx.app.inject({
          url: `${base}/webhooks/${hook.id}/deliveries`,
          headers: { authorization: 'Bearer nope' },
        })
      ).statusCode,
    ).toBe(401);
    const reader = apiClient(ctx.app, (await keyFor(ctx.db, tenant.organizationId, ['read'])).headers);
    expect((await reader.get(`${base}/webhooks`)).data).toHaveLength(1);
    expect((await reader.get(`${base}/webhooks/${hook.id}/deliveries`)).data).toEqual([]);
    for (const [method, url, body] of [
      ['POST', `${base}/webhooks`, { url: 'https://a.example.com', events: ['run.failed'] }],
      ['PATCH', `${base}/webhooks/${hook.id}`, { active: false }],
      ['DELETE', `${base}/webhooks/${hook.id}`, undefined],
      ['POST', `${base}/webhooks/${hook.id}/test`, {}],
    ] as const) {
      expect((await reader.send(method, url, body, 403)).body.code).toBe('forbidden');
    }
  });

  it("hides other organizations' webhooks and deliveries as not found", async () => {
    const other: TestTenant = await createTenant(ctx.db);
    const otherApi = apiClient(ctx.app, other.headers);
    const theirs = await seedWorkspace(otherApi, { prompts: 1 });
    const theirHook = await otherApi.post(`${theirs.base}/webhooks`, {
      url: 'https://hooks.example.com/theirs',
      events: ['run.completed'],
    });
    const mine = await seedWorkspace(api, { prompts: 1 });
    const missing = (await api.send('GET', `${mine.base}/webhooks/${newId()}`, undefined, 404)).body.detail;
    for (const base of [theirs.base, mine.base]) {
      const item = `${base}/webhooks/${theirHook.id}`;
      for (const [method, url, body] of [
        ['GET', item, undefined],
        ['PATCH', item, { active: false }],
        ['DELETE', item, undefined],
        ['GET', `${item}/deliveries`, undefined],
        ['POST', `${item}/test`, {}],
      ] as const) {
        const res = await api.send(method, url, body, 404);
        if (base === mine.base) expect(res.body.detail).toBe(missing);
      }
    }
    await api.send('GET', `${theirs.base}/webhooks`, undefined, 404);
    await api.send(
      'POST',
      `${theirs.base}/webhooks`,
      { url: 'https://hooks.example.com/x', events: ['run.completed'] },
      404,
    );
    expect((await otherApi.get(`${theirs.base}/webhooks/${theirHook.id}`)).active).toBe(true);
    expect((await otherApi.get(`${theirs.base}/webhooks/${theirHook.id}/deliveries`)).data).toEqual([]);
  });
});

describe('egress on delivery', () => {
  it('refuses to connect to a private address when the deployment does not allow them, whatever the stored URL', async () => {
    const { ws, base } = await seedWorkspace(api, { prompts: 1 });
    // As if the host had resolved to a public address when the webhook was saved.
    const url = receiver.script(`/rebind-${randomUUID()}`, [204]);
    const hookId = newId();
    await ctx.db.prisma.webhook.create({
      data: { id: hookId, workspaceId: ws.id, url, events: ['run.completed'], secret: 'whsec_plain' },
    });
    ctx.startWorker();
    await api.send('POST', `${base}/webhooks/${hookId}/test`, {}, 202);
    const delivery = await waitFor(async () => {
      const [d] = (await api.get(`${base}/webhooks/${hookId}/deliveries`)).data;
      return d?.status === 'failed' ? d : null;
    }, 'the refused delivery');
    expect(delivery).toMatchObject({
      attempts: 1,
      responseStatus: null,
      error: expect.stringMatching(/private address/),
    });
    expect(receiver.at(new URL(url).pathname)).toHaveLength(0);
  });
});
