/**
 * Scheduling: one run per due time, whatever the number of schedulers, with schedules kept in
 * Postgres. A simulated clock drives the ticks, so no test waits for wall time.
 */
import { spawn } from 'node:child_process';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../src/db/client.js';
import { projectRoot } from '../../src/lib/paths.js';
import { schedulerTick } from '../../src/modules/audits/scheduler.js';
import { Producers } from '../../src/queues/producer.js';
import { createRedis } from '../../src/deps.js';
import { createTenant, type TestTenant } from '../factories/index.js';
import { createTestContext, type TestContext } from '../helpers/context.js';

let ctx: TestContext;
let tenant: TestTenant;

beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await createTenant(ctx.db);
});
afterAll(async () => ctx.close());

// Ticks run against the whole database; disabling this file's audits after each test keeps a
// later test's simulated clock from starting runs for them.
const created: string[] = [];
afterEach(async () => {
  await ctx.db.pool.query('UPDATE audits SET enabled = false WHERE id = ANY($1::uuid[])', [created]);
});

async function call(method: string, url: string, payload?: object) {
  const res = await ctx.app.inject({
    method: method as 'POST',
    url,
    headers: tenant.headers,
    ...(payload ? { payload } : {}),
  });
  if (res.statusCode >= 300) throw new Error(`${method} ${url} → ${res.statusCode} ${res.body}`);
  return JSON.parse(res.body);
}

/** A workspace with one prompt and one mock configuration, and an audit on `schedule`. */
async function scheduledAudit(schedule: string, extra: object = {}) {
  const ws = await call('POST', '/v1/workspaces', { name: 'Scheduled' });
  const base = `/v1/workspaces/${ws.id}`;
  await call('POST', `${base}/brands`, { name: 'HubSpot' });
  await call('POST', `${base}/prompts`, { text: 'Best CRM?', tags: ['crm'] });
  const config = await call('POST', `${base}/model-configs`, {
    name: 'mock',
    provider: 'mock',
    model: 'mock-1',
    params: { costUsd: 0.01 },
  });
  const audit = await call('POST', `${base}/audits`, {
    name: 'Every 15 minutes',
    promptTags: ['crm'],
    modelConfigIds: [config.id],
    schedule,
    timezone: 'Europe/Paris',
    ...extra,
  });
  created.push(audit.id);
  return { ws, base, audit, config };
}

const at = (iso: string) => new Date(iso);
const runsOf = async (auditId: string) =>
  (
    await ctx.db.pool.query<{ scheduled_for: Date; status: string; error: string | null; trigger: string }>(
      'SELECT scheduled_for, status, error, trigger FROM runs WHERE audit_id = $1 ORDER BY scheduled_for',
      [auditId],
    )
  ).rows;
const checkpoint = (auditId: string, iso: string) =>
  ctx.db.pool.query('UPDATE audits SET scheduled_through = $2 WHERE id = $1', [auditId, at(iso)]);

describe('scheduler', () => {
  const deps = () => ({ db: ctx.db, producers: ctx.producers, logger: ctx.logger });

  it('starts one run per due time, in the audit time zone', async () => {
    const { audit } = await scheduledAudit('*/15 9 * * *');
    await checkpoint(audit.id, '2026-06-01T06:50:00Z'); // 08:50 in Paris (UTC+2)
    for (const t of [
      '2026-06-01T06:59:00Z',
      '2026-06-01T07:00:10Z',
      '2026-06-01T07:05:00Z',
      '2026-06-01T07:15:30Z',
      '2026-06-01T07:16:00Z',
    ]) {
      await schedulerTick(deps(), at(t));
    }
    const runs = await runsOf(audit.id);
    expect(runs.map((r) => r.scheduled_for.toISOString())).toEqual([
      '2026-06-01T07:00:00.000Z',
      '2026-06-01T07:15:00.000Z',
    ]);
    expect(runs.every((r) => r.trigger === 'schedule')).toBe(true);
  });

  it('never starts a due time twice when schedulers race', async () => {
    const { audit } = await scheduledAudit('*/5 * * * *');
    await checkpoint(audit.id, '2026-06-02T00:00:00Z');
    // A second, fully independent scheduler: its own Postgres pool and Redis connection.
    const db2 = createDatabase({ url: ctx.env.DATABASE_URL, poolSize: 3 });
    const redis2 = createRedis(ctx.env.REDIS_URL, 'worker');
    const producers2 = new Producers({
      connection: redis2,
      prefix: ctx.env.QUEUE_PREFIX,
      queryAttempts: 1,
      queryBackoffMs: 1,
    });
    try {
      const ticks = Array.from(
        { length: 24 },
        (_, i) => new Date(Date.parse('2026-06-02T00:00:00Z') + (i + 1) * 75_000),
      );
      for (const t of ticks) {
        await Promise.all([
          schedulerTick(deps(), t),
          schedulerTick({ db: db2, producers: producers2, logger: ctx.logger }, t),
        ]);
      }
    } finally {
      await producers2.close();
      redis2.disconnect();
      await db2.close();
    }
    const runs = await runsOf(audit.id);
    // 24 ticks of 75 s cover 30 minutes: due times 00:05 … 00:30.
    expect(runs.map((r) => r.scheduled_for.toISOString().slice(11, 16))).toEqual([
      '00:05',
      '00:10',
      '00:15',
      '00:20',
      '00:25',
      '00:30',
    ]);
  });

  it('never starts a due time twice with schedulers in two processes', async () => {
    const { audit } = await scheduledAudit('*/10 * * * *');
    await checkpoint(audit.id, '2026-06-03T00:00:00Z');
    const instants = Array.from({ length: 12 }, (_, i) =>
      new Date(Date.parse('2026-06-03T00:00:00Z') + (i + 1) * 300_000).toISOString(),
    );
    const runProcess = () =>
      new Promise<{ started: string[] }>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/scheduler-process.ts', ...instants], {
          cwd: projectRoot(),
          env: {
            ...process.env,
            DATABASE_URL: ctx.env.DATABASE_URL,
            REDIS_URL: ctx.env.REDIS_URL,
            QUEUE_PREFIX: ctx.env.QUEUE_PREFIX,
            LOG_LEVEL: 'silent',
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let out = '';
        let err = '';
        child.stdout.on('data', (d) => (out += d));
        child.stderr.on('data', (d) => (err += d));
        child.on('exit', (code) =>
          code === 0
            ? resolve(JSON.parse(out.trim().split('\n').at(-1) as string))
            : reject(new Error(`scheduler process exited ${code}: ${err}`)),
        );
      });
    const [a, b] = await Promise.all([runProcess(), runProcess()]);
    const runs = await runsOf(audit.id);
    expect(runs.map((r) => r.scheduled_for.toISOString().slice(11, 16))).toEqual([
      '00:10',
      '00:20',
      '00:30',
      '00:40',
      '00:50',
      '01:00',
    ]);
    // Between them the two processes started each of those runs once.
    const ids = new Set(
      (await ctx.db.pool.query<{ id: string }>('SELECT id FROM runs WHERE audit_id = $1', [audit.id])).rows.map(
        (r) => r.id,
      ),
    );
    const mine = (p: { started: string[] }) => p.started.filter((id) => ids.has(id));
    expect([...mine(a), ...mine(b)].sort()).toEqual([...ids].sort());
  });

  it('runs only the latest missed due time after an outage', async () => {
    const { audit } = await scheduledAudit('0 * * * *');
    await checkpoint(audit.id, '2026-06-04T00:30:00Z');
    await schedulerTick(deps(), at('2026-06-04T05:10:00Z'));
    expect((await runsOf(audit.id)).map((r) => r.scheduled_for.toISOString())).toEqual(['2026-06-04T05:00:00.000Z']);
  });

  it('follows edits: a new schedule starts from now, a disabled audit stops, re-enabling does not backfill', async () => {
    const { base, audit } = await scheduledAudit('*/5 * * * *');
    const through = async () =>
      (await ctx.db.pool.query('SELECT scheduled_through FROM audits WHERE id = $1', [audit.id])).rows[0]
        .scheduled_through as Date;
    const before = Date.now();
    await call('PATCH', `${base}/audits/${audit.id}`, { schedule: '0 6 * * 1' });
    expect((await through()).getTime()).toBeGreaterThanOrEqual(before);
    const patched = await call('GET', `${base}/audits/${audit.id}`);
    expect(new Date(patched.nextRunAt).getUTCDay()).toBe(1);

    await call('PATCH', `${base}/audits/${audit.id}`, { enabled: false });
    await checkpoint(audit.id, '2026-06-01T00:00:00Z');
    await schedulerTick(deps(), at('2026-06-30T00:00:00Z'));
    expect(await runsOf(audit.id)).toHaveLength(0);
    expect((await call('GET', `${base}/audits/${audit.id}`)).nextRunAt).toBeNull();

    const reenabledAt = Date.now();
    await call('PATCH', `${base}/audits/${audit.id}`, { enabled: true });
    expect((await through()).getTime()).toBeGreaterThanOrEqual(reenabledAt);
  });

  it('records a refused scheduled run with its reason when the budget would be exceeded', async () => {
    const { audit } = await scheduledAudit('0 * * * *', { samplesPerPair: 10, budgetPerRunUsd: 0.05 });
    await checkpoint(audit.id, '2026-06-05T00:30:00Z');
    const result = await schedulerTick(deps(), at('2026-06-05T01:00:01Z'));
    expect(result.started).toHaveLength(0);
    const [run] = await runsOf(audit.id);
    expect(run).toMatchObject({ status: 'failed', trigger: 'schedule' });
    expect(run?.error).toMatch(/not started: This run is estimated at \$0\.1000, over its budget of \$0\.0500/);
  });
});
