/** The API's contract on every route: auth, problem+json errors, validation, ids, pagination. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { createRedis } from '../../src/deps.js';
import { Producers } from '../../src/queues/producer.js';
import { createTenant, type TestTenant } from '../factories/index.js';
import { createTestContext, type TestContext } from '../helpers/context.js';

let ctx: TestContext;
let tenant: TestTenant;

beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await createTenant(ctx.db);
});
afterAll(async () => ctx.close());

const json = (res: { body: string }) => JSON.parse(res.body);

function expectProblem(
  res: { statusCode: number; headers: Record<string, unknown>; body: string },
  status: number,
  code: string,
) {
  expect(res.statusCode).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = json(res);
  expect(body).toMatchObject({
    status,
    code,
    requestId: expect.any(String),
    detail: expect.any(String),
    title: expect.any(String),
  });
  expect(res.headers['x-request-id']).toBe(body.requestId);
  return body;
}

describe('health', () => {
  it('answers liveness and readiness without a key', async () => {
    expect(json(await ctx.app.inject({ url: '/health' }))).toEqual({ status: 'ok' });
    const ready = await ctx.app.inject({ url: '/ready' });
    expect(ready.statusCode).toBe(200);
    expect(json(ready)).toEqual({ status: 'ready', checks: { postgres: 'ok', redis: 'ok' } });
  });

  it('reports 503 naming the dependency that is down', async () => {
    const redis = createRedis('redis://127.0.0.1:1', 'api');
    const producers = new Producers({ connection: redis, prefix: 'unused', queryAttempts: 1, queryBackoffMs: 1 });
    const app = await buildApp({ env: ctx.env, db: ctx.db, redis, producers, mailer: ctx.mailer, logger: ctx.logger });
    try {
      const res = await app.inject({ url: '/ready' });
      const body = expectProblem(res, 503, 'unavailable');
      expect(body.checks.postgres).toBe('ok');
      expect(body.checks.redis).toMatch(/^unavailable/);
    } finally {
      await app.close();
      redis.disconnect();
    }
  });
});

describe('authentication', () => {
  it('needs a key', async () => {
    const body = expectProblem(await ctx.app.inject({ url: '/v1/workspaces' }), 401, 'unauthorized');
    expect(body.detail).toMatch(/Authorization: Bearer/);
  });

  it('rejects an unknown key the same way as a malformed one', async () => {
    expectProblem(
      await ctx.app.inject({ url: '/v1/workspaces', headers: { authorization: 'Bearer nope' } }),
      401,
      'unauthorized',
    );
    const fake = `cw_abcdefgh_${'a'.repeat(32)}`;
    expectProblem(
      await ctx.app.inject({ url: '/v1/workspaces', headers: { authorization: `Bearer ${fake}` } }),
      401,
      'unauthorized',
    );
  });

  it('accepts the key in x-api-key too', async () => {
    const res = await ctx.app.inject({ url: '/v1/workspaces', headers: { 'x-api-key': tenant.key } });
    expect(res.statusCode).toBe(200);
  });
});

describe('errors and validation', () => {
  it('answers unknown routes with problem+json', async () => {
    expectProblem(await ctx.app.inject({ url: '/v1/nothing-here', headers: tenant.headers }), 404, 'not_found');
  });

  it('names each invalid field', async () => {
    const ws = json(
      await ctx.app.inject({
        method: 'POST',
        url: '/v1/workspaces',
        headers: tenant.headers,
        payload: { name: 'Validation' },
      }),
    );
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/v1/workspaces/${ws.id}/brands`,
      headers: tenant.headers,
      payload: { aliases: 'HubSpot', colour: 'red' },
    });
    const body = expectProblem(res, 400, 'validation_failed');
    const paths = body.errors.map((e: { path: string }) => e.path);
    expect(paths).toContain('body.name');
    expect(paths).toContain('body.aliases');
    expect(body.errors).toContainEqual({ path: 'body.colour', message: 'unknown field: remove it' });
    expect(body.errors).toContainEqual({ path: 'body.name', message: 'is required (string)' });
  });

  it('validates ids, locales, domains, time zones and schedules', async () => {
    expectProblem(
      await ctx.app.inject({ url: '/v1/workspaces/not-a-uuid', headers: tenant.headers }),
      400,
      'validation_failed',
    );
    const ws = json(
      await ctx.app.inject({
        method: 'POST',
        url: '/v1/workspaces',
        headers: tenant.headers,
        payload: { name: 'Checks' },
      }),
    );
    const tz = expectProblem(
      await ctx.app.inject({
        method: 'POST',
        url: '/v1/workspaces',
        headers: tenant.headers,
        payload: { name: 'x', timezone: 'Mars/Olympus' },
      }),
      400,
      'validation_failed',
    );
    expect(tz.errors[0].path).toBe('body.timezone');
    const loc = expectProblem(
      await ctx.app.inject({
        method: 'POST',
        url: `/v1/workspaces/${ws.id}/prompts`,
        headers: tenant.headers,
        payload: { text: 'Hi?', locale: 'not a locale!' },
      }),
      400,
      'validation_failed',
    );
    expect(loc.errors[0].path).toBe('body.locale');
    const dom = expectProblem(
      await ctx.app.inject({
        method: 'POST',
        url: `/v1/workspaces/${ws.id}/brands`,
        headers: tenant.headers,
        payload: { name: 'X', domains: ['not a domain'] },
      }),
      400,
      'validation_failed',
    );
    expect(dom.errors[0].path).toBe('body.domains.0');
    const cfg = json(
      await ctx.app.inject({
        method: 'POST',
        url: `/v1/workspaces/${ws.id}/model-configs`,
        headers: tenant.headers,
        payload: { name: 'm', provider: 'mock', model: 'mock-1' },
      }),
    );
    const cron = expectProblem(
      await ctx.app.inject({
        method: 'POST',
        url: `/v1/workspaces/${ws.id}/audits`,
        headers: tenant.headers,
        payload: { name: 'a', promptTags: ['x'], modelConfigIds: [cfg.id], schedule: '99 * * * *' },
      }),
      400,
      'validation_failed',
    );
    expect(cron.errors[0]).toEqual({
      path: 'body.schedule',
      message: expect.stringMatching(/not a valid cron expression/),
    });
  });

  it('refuses model parameters the provider would reject, naming each one', async () => {
    const ws = json(
      await ctx.app.inject({
        method: 'POST',
        url: '/v1/workspaces',
        headers: tenant.headers,
        payload: { name: 'Params' },
      }),
    );
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/v1/workspaces/${ws.id}/model-configs`,
      headers: tenant.headers,
      payload: { name: 'bad', provider: 'mock', model: 'mock-1', params: { temperature: 7, colour: 'red' } },
    });
    const body = expectProblem(res, 400, 'unsupported_parameter');
    expect(body.errors.map((e: { path: string }) => e.path).sort()).toEqual(
      ['body.params.colour', 'body.params.temperature'].sort(),
    );
  });

  it('refuses OpenAI-compatible endpoints on private addresses', async () => {
    const ws = json(
      await ctx.app.inject({
        method: 'POST',
        url: '/v1/workspaces',
        headers: tenant.headers,
        payload: { name: 'Egress' },
      }),
    );
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/v1/workspaces/${ws.id}/model-configs`,
      headers: tenant.headers,
      payload: {
        name: 'internal',
        provider: 'openai_compatible',
        model: 'llama3',
        params: { baseUrl: 'http://169.254.169.254/v1' },
      },
    });
    const body = expectProblem(res, 400, 'unsupported_parameter');
    expect(body.errors).toEqual([
      { path: 'body.params.baseUrl', message: expect.stringMatching(/private or local address/) },
    ]);
    const ok = await ctx.app.inject({
      method: 'POST',
      url: `/v1/workspaces/${ws.id}/model-configs`,
      headers: tenant.headers,
      payload: {
        name: 'mistral',
        provider: 'openai_compatible',
        model: 'mistral-small-latest',
        params: { baseUrl: 'https://api.mistral.ai/v1' },
      },
    });
    expect(ok.statusCode).toBe(201);
    expect(json(ok)).toMatchObject({ channel: 'api', params: { baseUrl: 'https://api.mistral.ai/v1' } });
  });

  it('rejects malformed JSON and wrong content types', async () => {
    const bad = await ctx.app.inject({
      method: 'POST',
      url: '/v1/workspaces',
      headers: { ...tenant.headers, 'content-type': 'application/json' },
      payload: '{"name":',
    });
    expectProblem(bad, 400, 'bad_request');
    const text = await ctx.app.inject({
      method: 'POST',
      url: '/v1/workspaces',
      headers: { ...tenant.headers, 'content-type': 'text/plain' },
      payload: 'name=x',
    });
    expectProblem(text, 415, 'unsupported_media_type');
  });
});

describe('workspace resources', () => {
  it('creates, pages through, updates and deletes', async () => {
    const ws = json(
      await ctx.app.inject({
        method: 'POST',
        url: '/v1/workspaces',
        headers: tenant.headers,
        payload: { name: 'Paging', timezone: 'Europe/Paris' },
      }),
    );
    expect(ws).toMatchObject({ name: 'Paging', timezone: 'Europe/Paris', organizationId: tenant.organizationId });
    const names = ['Alpha', 'Beta', 'Gamma'];
    const created: unknown[] = [];
    for (const name of names) {
      const res = await ctx.app.inject({
        method: 'POST',
        url: `/v1/workspaces/${ws.id}/brands`,
        headers: tenant.headers,
        payload: { name, domains: [`https://www.${name.toLowerCase()}.co.uk/about`] },
      });
      expect(res.statusCode).toBe(201);
      expect(json(res).domains).toEqual([`${name.toLowerCase()}.co.uk`]);
      created.push(json(res));
    }
    const page1 = json(
      await ctx.app.inject({ url: `/v1/workspaces/${ws.id}/brands?limit=2`, headers: tenant.headers }),
    );
    expect(page1.data.map((b: { name: string }) => b.name)).toEqual(['Alpha', 'Beta']);
    const page2 = json(
      await ctx.app.inject({
        url: `/v1/workspaces/${ws.id}/brands?limit=2&cursor=${page1.nextCursor}`,
        headers: tenant.headers,
      }),
    );
    expect(page2).toMatchObject({ data: [{ name: 'Gamma' }], nextCursor: null });
    // The list reads its rows with SQL, the other routes through Prisma: the same brands either way,
    // timestamps (kept to the millisecond) to the character, whatever offset they were written with.
    expect([...page1.data, ...page2.data]).toEqual(created);
    const beta = page1.data[1];
    await ctx.db.pool.query(
      `UPDATE brands SET created_at = '2026-12-06 14:00:00.999+01', updated_at = '1999-02-03 04:05:06-05:30' WHERE id = $1`,
      [beta.id],
    );
    const listed = json(await ctx.app.inject({ url: `/v1/workspaces/${ws.id}/brands`, headers: tenant.headers }));
    const got = json(
      await ctx.app.inject({ url: `/v1/workspaces/${ws.id}/brands/${beta.id}`, headers: tenant.headers }),
    );
    expect(got).toMatchObject({ createdAt: '2026-12-06T13:00:00.999Z', updatedAt: '1999-02-03T09:35:06.000Z' });
    expect(listed.data[1]).toEqual(got);
    // A workspace id in upper case names the same workspace; ids come back as Postgres writes them.
    const upper = json(
      await ctx.app.inject({ url: `/v1/workspaces/${ws.id.toUpperCase()}/brands`, headers: tenant.headers }),
    );
    expect(upper).toEqual(listed);

    const dup = await ctx.app.inject({
      method: 'POST',
      url: `/v1/workspaces/${ws.id}/brands`,
      headers: tenant.headers,
      payload: { name: 'Alpha' },
    });
    expectProblem(dup, 409, 'conflict');

    const gamma = page2.data[0];
    const patched = json(
      await ctx.app.inject({
        method: 'PATCH',
        url: `/v1/workspaces/${ws.id}/brands/${gamma.id}`,
        headers: tenant.headers,
        payload: { aliases: ['G'], kind: 'own' },
      }),
    );
    expect(patched).toMatchObject({ name: 'Gamma', aliases: ['G'], kind: 'own' });
    expect(
      (
        await ctx.app.inject({
          method: 'DELETE',
          url: `/v1/workspaces/${ws.id}/brands/${gamma.id}`,
          headers: tenant.headers,
        })
      ).statusCode,
    ).toBe(204);
    expectProblem(
      await ctx.app.inject({ url: `/v1/workspaces/${ws.id}/brands/${gamma.id}`, headers: tenant.headers }),
      404,
      'not_found',
    );

    expect(
      (await ctx.app.inject({ method: 'DELETE', url: `/v1/workspaces/${ws.id}`, headers: tenant.headers })).statusCode,
    ).toBe(204);
    expectProblem(await ctx.app.inject({ url: `/v1/workspaces/${ws.id}`, headers: tenant.headers }), 404, 'not_found');
  });

  it('bumps the brands version on every brand change so workers recompile matchers', async () => {
    const ws = json(
      await ctx.app.inject({
        method: 'POST',
        url: '/v1/workspaces',
        headers: tenant.headers,
        payload: { name: 'Versions' },
      }),
    );
    const version = async () =>
      (await ctx.db.prisma.workspace.findUniqueOrThrow({ where: { id: ws.id } })).brandsVersion;
    expect(await version()).toBe(0);
    const b = json(
      await ctx.app.inject({
        method: 'POST',
        url: `/v1/workspaces/${ws.id}/brands`,
        headers: tenant.headers,
        payload: { name: 'One' },
      }),
    );
    await ctx.app.inject({
      method: 'PATCH',
      url: `/v1/workspaces/${ws.id}/brands/${b.id}`,
      headers: tenant.headers,
      payload: { aliases: ['Uno'] },
    });
    await ctx.app.inject({ method: 'DELETE', url: `/v1/workspaces/${ws.id}/brands/${b.id}`, headers: tenant.headers });
    expect(await version()).toBe(3);
  });

  it("hides other organizations' workspaces as not found", async () => {
    const other = await createTenant(ctx.db);
    const ws = json(
      await ctx.app.inject({
        method: 'POST',
        url: '/v1/workspaces',
        headers: other.headers,
        payload: { name: 'Theirs' },
      }),
    );
    const res = await ctx.app.inject({ url: `/v1/workspaces/${ws.id}`, headers: tenant.headers });
    const missing = await ctx.app.inject({
      url: `/v1/workspaces/0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a6b`,
      headers: tenant.headers,
    });
    expect(expectProblem(res, 404, 'not_found').detail).toBe(expectProblem(missing, 404, 'not_found').detail);
  });
});
