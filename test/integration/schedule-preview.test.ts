/**
 * POST …/schedule-preview: an audit schedule's next due times, as instants and as wall-clock
 * times in the workspace's (or the given) time zone, daylight saving included, with the runs it
 * starts in an average month; the audits' own validation, read permission, tenant isolation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, keyFor, type TestTenant } from '../factories/index.js';
import { apiClient, type ApiClient } from '../helpers/api.js';
import { createTestContext, type TestContext } from '../helpers/context.js';

let ctx: TestContext;
let tenant: TestTenant;
let api: ApiClient;
let base: string;

const preview = (body: unknown, headers: Record<string, string> = tenant.headers) =>
  ctx.app.inject({ method: 'POST', url: `${base}/schedule-preview`, headers, payload: body as object });

beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await createTenant(ctx.db);
  api = apiClient(ctx.app, tenant.headers);
  base = `/v1/workspaces/${(await api.post('/v1/workspaces', { name: 'Tokyo', timezone: 'Asia/Tokyo' })).id}`;
});
afterAll(async () => ctx?.close());

describe('schedule preview', () => {
  it('lists the next due times in the workspace’s time zone by default', async () => {
    const res = await preview({ schedule: '0 6 * * 1', count: 3 });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ schedule: '0 6 * * 1', timezone: 'Asia/Tokyo', runsPerMonth: expect.any(Number) });
    expect(body.next).toHaveLength(3);
    expect(body.nextLocal).toHaveLength(3);
    for (const [i, local] of (body.nextLocal as string[]).entries()) {
      expect(local).toMatch(/^\d{4}-\d{2}-\d{2} 06:00$/);
      // 06:00 in Tokyo is 21:00 UTC the day before, a Sunday.
      const at = new Date(body.next[i]);
      expect([at.getUTCHours(), at.getUTCMinutes(), at.getUTCDay()]).toEqual([21, 0, 0]);
      expect(at.getTime()).toBeGreaterThan(Date.now());
    }
    expect(Date.parse(body.next[1]) - Date.parse(body.next[0])).toBe(7 * 86_400_000);
    // 52 or 53 Mondays a year.
    expect(body.runsPerMonth).toBeGreaterThanOrEqual(4.33);
    expect(body.runsPerMonth).toBeLessThanOrEqual(4.42);
    expect((await preview({ schedule: '0 6 * * 1' })).json().next).toHaveLength(5);
  });

  it('keeps wall-clock time across daylight saving in the time zone given', async () => {
    const res = await preview({ schedule: '0 9 * * *', timezone: 'Europe/Paris', count: 20 });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { timezone: string; next: string[]; nextLocal: string[]; runsPerMonth: number };
    expect(body.timezone).toBe('Europe/Paris');
    expect(new Set(body.nextLocal.map((l) => l.slice(11)))).toEqual(new Set(['09:00']));
    for (const [i, instant] of body.next.entries()) {
      const utcHour = new Date(instant).getUTCHours();
      // 08:00 UTC in winter, 07:00 in summer.
      expect([7, 8]).toContain(utcHour);
      expect(body.nextLocal[i]!.slice(0, 10)).toBe(
        new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date(instant)),
      );
    }
    // 365 or 366 days ÷ 12.
    expect([30.42, 30.5]).toContain(body.runsPerMonth);
  });

  it('counts runs per month for frequent and rare schedules', async () => {
    const hourly = (await preview({ schedule: '@hourly', timezone: 'UTC' })).json();
    expect(hourly.runsPerMonth).toBeGreaterThan(729.5);
    expect(hourly.runsPerMonth).toBeLessThan(731.5);
    const monthly = (await preview({ schedule: '0 6 1 * *', timezone: 'UTC' })).json();
    expect(monthly.runsPerMonth).toBe(1);
    const weekdays = (await preview({ schedule: '0 7 * * 1-5', timezone: 'UTC' })).json();
    expect(weekdays.runsPerMonth).toBeGreaterThanOrEqual(21.67);
    expect(weekdays.runsPerMonth).toBeLessThanOrEqual(21.84);
  });

  it('refuses what an audit refuses, with a 400 naming the field', async () => {
    for (const [body, path] of [
      [{ schedule: 'every monday' }, 'body.schedule'],
      [{ schedule: '0 25 * * *' }, 'body.schedule'],
      [{ schedule: '' }, 'body.schedule'],
      [{}, 'body.schedule'],
      [{ schedule: '0 6 * * 1', timezone: 'Mars/Olympus' }, 'body.timezone'],
      [{ schedule: '0 6 * * 1', count: 0 }, 'body.count'],
      [{ schedule: '0 6 * * 1', count: 21 }, 'body.count'],
      [{ schedule: '0 6 * * 1', every: 'week' }, 'body.every'],
    ] as const) {
      const res = await preview(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(
        res.json().errors.map((e: { path: string }) => e.path),
        res.body,
      ).toContain(path);
    }
    // The same expression is refused by the audit itself, with the same message.
    const config = await api.post(`${base}/model-configs`, { name: 'mock', provider: 'mock', model: 'mock-1' });
    const audit = await api.send(
      'POST',
      `${base}/audits`,
      { name: 'a', promptTags: ['crm'], modelConfigIds: [config.id], schedule: '0 25 * * *' },
      400,
    );
    const previewed = (await preview({ schedule: '0 25 * * *' })).json();
    expect(previewed.errors).toEqual(audit.body.errors.filter((e: { path: string }) => e.path === 'body.schedule'));
  });

  it('needs read permission only, and answers another organization’s workspace with 404', async () => {
    const read = await keyFor(ctx.db, tenant.organizationId, ['read']);
    expect((await preview({ schedule: '@daily' }, read.headers)).statusCode).toBe(200);
    const stranger = await createTenant(ctx.db);
    const res = await preview({ schedule: '@daily' }, stranger.headers);
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
  });
});
