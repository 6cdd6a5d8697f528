/**
 * POST …/prompts/bulk: one action on many prompts, a result per prompt (refused ones with a code,
 * the others proceed), in one transaction; write permission, tenant isolation, audit log, 400s.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addRun, createWorld, type World } from '../factories/answers.js';
import { createTenant, keyFor, type TestTenant } from '../factories/index.js';
import { createPerson } from '../factories/people.js';
import { apiClient, type ApiClient } from '../helpers/api.js';
import { createTestContext, type TestContext, waitFor } from '../helpers/context.js';

let ctx: TestContext;
let tenant: TestTenant;
let api: ApiClient;
let world: World;

const bulk = (body: unknown, headers: Record<string, string> = tenant.headers) =>
  ctx.app.inject({ method: 'POST', url: `${world.base}/prompts/bulk`, headers, payload: body as object });
const prompt = (key: string) => api.get(`${world.base}/prompts/${world.prompt(key)}`);

beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await createTenant(ctx.db);
  api = apiClient(ctx.app, tenant.headers);
  world = await createWorld(ctx.db, tenant.organizationId, {
    brands: [{ name: 'Acme', kind: 'own' }],
    prompts: [
      { key: 'a', tags: ['crm'] },
      { key: 'b', tags: ['crm', 'smb'] },
      { key: 'c', tags: [] },
      { key: 'answered', tags: ['crm'] },
    ],
    configs: [{ key: 'c' }],
  });
  await addRun(ctx.db, world, {
    createdAt: new Date('2026-11-02T10:00:00Z'),
    answers: [{ prompt: 'answered', config: 'c', text: 'Acme.' }],
  });
});
afterAll(async () => ctx?.close());

describe('bulk prompt actions', () => {
  it('tags and untags, saying which prompts it changed', async () => {
    const ids = ['a', 'b', 'c'].map((k) => world.prompt(k));
    const tagged = await bulk({ promptIds: ids, action: 'tag', tags: ['smb', 'Q1-Review'] });
    expect(tagged.statusCode, tagged.body).toBe(200);
    expect(tagged.json()).toEqual({
      results: ids.map((promptId) => ({ promptId, ok: true, changed: true })),
      changed: 3,
    });
    expect((await prompt('a')).tags).toEqual(['crm', 'smb', 'q1-review']);
    expect((await prompt('b')).tags).toEqual(['crm', 'smb', 'q1-review']);
    expect((await prompt('c')).tags).toEqual(['smb', 'q1-review']);
    // Again: nothing left to change.
    expect((await bulk({ promptIds: ids, action: 'tag', tags: ['smb'] })).json().changed).toBe(0);

    const untagged = (await bulk({ promptIds: ids, action: 'untag', tags: ['crm'] })).json();
    expect(untagged.changed).toBe(2);
    expect(untagged.results.map((r: { changed: boolean }) => r.changed)).toEqual([true, true, false]);
    expect((await prompt('a')).tags).toEqual(['smb', 'q1-review']);
    // The tag filter of the list sees the change.
    const smb = await api.get(`${world.base}/prompts?tag=q1-review`);
    expect(smb.data.map((p: { id: string }) => p.id).sort()).toEqual([...ids].sort());
  });

  it('archives and unarchives, and lists refused prompts with a code while the others proceed', async () => {
    const stranger = await createTenant(ctx.db);
    const theirs = await createWorld(ctx.db, stranger.organizationId, {
      brands: [],
      prompts: [{ key: 'x' }],
      configs: [],
    });
    const unknown = randomUUID();
    const res = await bulk({
      promptIds: [world.prompt('a'), unknown, theirs.prompt('x'), world.prompt('a')],
      action: 'archive',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      results: [
        { promptId: world.prompt('a'), ok: true, changed: true },
        { promptId: unknown, ok: false, changed: false, error: { code: 'not_found', detail: expect.any(String) } },
        {
          promptId: theirs.prompt('x'),
          ok: false,
          changed: false,
          error: { code: 'not_found', detail: expect.any(String) },
        },
      ],
      changed: 1,
    });
    expect((await prompt('a')).archived).toBe(true);
    // The other organization's prompt is untouched.
    const other = await apiClient(ctx.app, stranger.headers).get(`${theirs.base}/prompts/${theirs.prompt('x')}`);
    expect(other.archived).toBe(false);
    expect((await bulk({ promptIds: [world.prompt('a')], action: 'unarchive' })).json().changed).toBe(1);
    expect((await prompt('a')).archived).toBe(false);
  });

  it('refuses to delete a prompt with answers and deletes the others', async () => {
    const extra = await api.post(`${world.base}/prompts`, { text: 'Which CRM for a bakery?' });
    const res = await bulk({ promptIds: [world.prompt('answered'), extra.id], action: 'delete' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      results: [
        {
          promptId: world.prompt('answered'),
          ok: false,
          changed: false,
          error: { code: 'conflict', detail: expect.stringMatching(/answers.*archive/) },
        },
        { promptId: extra.id, ok: true, changed: true },
      ],
      changed: 1,
    });
    expect((await api.send('GET', `${world.base}/prompts/${extra.id}`, undefined, 404)).status).toBe(404);
    expect((await prompt('answered')).id).toBe(world.prompt('answered'));
  });

  it('refuses a prompt that would carry more than 20 tags', async () => {
    const full = await api.post(`${world.base}/prompts`, {
      text: 'Tagged to the brim',
      tags: Array.from({ length: 20 }, (_, i) => `t${i}`),
    });
    const res = (await bulk({ promptIds: [full.id, world.prompt('c')], action: 'tag', tags: ['one-more'] })).json();
    expect(res.results[0]).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    expect(res.results[1]).toMatchObject({ ok: true, changed: true });
  });

  it('needs write permission, is recorded in the audit log, and is 404 for another organization’s workspace', async () => {
    const read = await keyFor(ctx.db, tenant.organizationId, ['read']);
    const viewer = await createPerson(ctx.app, ctx.db, { organizationId: tenant.organizationId, role: 'viewer' });
    const body = { promptIds: [world.prompt('c')], action: 'archive' };
    expect((await bulk(body, read.headers)).statusCode).toBe(403);
    expect((await bulk(body, viewer.writeHeaders)).statusCode).toBe(403);
    const stranger = await createTenant(ctx.db);
    const foreign = await bulk(body, stranger.headers);
    expect(foreign.statusCode).toBe(404);
    expect((await prompt('c')).archived).toBe(false);

    const editor = await createPerson(ctx.app, ctx.db, { organizationId: tenant.organizationId, role: 'editor' });
    const done = await bulk(body, editor.writeHeaders);
    expect(done.statusCode, done.body).toBe(200);
    const requestId = done.headers['x-request-id'] as string;
    const event = await waitFor(async () => {
      await ctx.app.auditLog.drain();
      const page = await api.get(`/v1/audit-log?action=prompt.bulk_update&workspaceId=${world.workspaceId}`);
      return page.data.find((e: { requestId: string }) => e.requestId === requestId);
    }, 'the audit event');
    expect(event).toMatchObject({
      actor: { type: 'user', id: editor.userId },
      action: 'prompt.bulk_update',
      details: { action: 'archive', promptIds: [world.prompt('c')], changed: 1 },
    });
  });

  it('refuses bad input with a 400 naming the field', async () => {
    for (const [body, path] of [
      [{ promptIds: [], action: 'archive' }, 'body.promptIds'],
      [{ promptIds: Array.from({ length: 1001 }, () => randomUUID()), action: 'archive' }, 'body.promptIds'],
      [{ promptIds: ['nope'], action: 'archive' }, 'body.promptIds.0'],
      [{ promptIds: [world.prompt('a')], action: 'rename' }, 'body.action'],
      [{ promptIds: [world.prompt('a')], action: 'tag' }, 'body.tags'],
      [{ promptIds: [world.prompt('a')], action: 'tag', tags: [] }, 'body.tags'],
      [{ promptIds: [world.prompt('a')], action: 'tag', tags: ['bad tag'] }, 'body.tags.0'],
      [{ promptIds: [world.prompt('a')], action: 'archive', tags: ['crm'] }, 'body.tags'],
      [{ promptIds: [world.prompt('a')], action: 'archive', all: true }, 'body.all'],
    ] as const) {
      const res = await bulk(body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 100)).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(
        res.json().errors.map((e: { path: string }) => e.path),
        res.body,
      ).toContain(path);
    }
  });
});
