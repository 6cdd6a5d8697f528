/**
 * `citewatch runs start` through the CLI's own entry (runCli), against the test database and
 * this file's queues: the command reads its configuration from the environment like in a shell,
 * and a worker of this file collects the run it starts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { createTenant } from '../factories/index.js';
import { apiClient, seedWorkspace, type ApiClient } from '../helpers/api.js';
import { createTestContext, type TestContext } from '../helpers/context.js';

let ctx: TestContext;
let api: ApiClient;

beforeAll(async () => {
  ctx = await createTestContext();
  api = apiClient(ctx.app, (await createTenant(ctx.db)).headers);
  await ctx.startWorker().ready;
  // What a shell would give the command: this file's database and queues (vitest runs each file in its own process).
  Object.assign(process.env, {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: ctx.env.DATABASE_URL,
    REDIS_URL: ctx.env.REDIS_URL,
    QUEUE_PREFIX: ctx.env.QUEUE_PREFIX,
  });
});
afterAll(async () => ctx.close());

const runsOf = async (workspaceId: string) =>
  (
    await ctx.db.pool.query<{ id: string; trigger: string; status: string; total: number }>(
      'SELECT id, trigger, status, total FROM runs WHERE workspace_id = $1 ORDER BY id',
      [workspaceId],
    )
  ).rows;

describe('citewatch runs start', () => {
  it('starts a manual run of an audit and, with --wait, prints how it ended', async () => {
    const { ws, base, configs } = await seedWorkspace(api, { prompts: 3, configs: [{ costUsd: 0.01 }] });
    const audit = await api.post(`${base}/audits`, {
      name: 'Weekly',
      promptTags: ['crm'],
      modelConfigIds: [configs[0].id],
      samplesPerPair: 2,
    });
    const res = await cli('runs', 'start', '--workspace', ws.id, '--audit', audit.id, '--wait');
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const [run] = await runsOf(ws.id);
    expect(run).toMatchObject({ trigger: 'manual', status: 'completed', total: 6 });
    expect(res.stdout).toMatch(
      new RegExp(
        `^run ${run!.id} started \\(idempotency key [0-9a-f-]{36}\\): 6 answers to collect, estimated \\$0\\.0600\nrun ${run!.id} completed: 6 succeeded, 0 failed, 0 cancelled, \\$0\\.0600\n$`,
      ),
    );
  });

  it('returns at once without --wait', async () => {
    const { ws, base, configs } = await seedWorkspace(api, { prompts: 2 });
    const audit = await api.post(`${base}/audits`, {
      name: 'Daily',
      promptTags: ['crm'],
      modelConfigIds: [configs[0].id],
    });
    const res = await cli('runs', 'start', '--workspace', ws.id, '--audit', audit.id);
    expect(res.code).toBe(0);
    const [run] = await runsOf(ws.id);
    expect(res.stdout).toMatch(
      new RegExp(
        `^run ${run!.id} started \\(idempotency key [0-9a-f-]{36}\\): 2 answers to collect, estimated \\$0\\.0000\n$`,
      ),
    );
    expect(run!.trigger).toBe('manual');
  });

  it('run again with the same --idempotency-key, gives the first run back instead of starting another', async () => {
    const { ws, base, configs } = await seedWorkspace(api, { prompts: 2 });
    const audit = await api.post(`${base}/audits`, {
      name: 'Once',
      promptTags: ['crm'],
      modelConfigIds: [configs[0].id],
    });
    const other = await api.post(`${base}/audits`, {
      name: 'Other',
      promptTags: ['crm'],
      modelConfigIds: [configs[0].id],
    });
    const args = [
      'runs',
      'start',
      '--workspace',
      ws.id,
      '--audit',
      audit.id,
      '--idempotency-key',
      'nightly-2026-12-06',
    ];
    const first = await cli(...args);
    expect(first.code).toBe(0);
    const again = await cli(...args);
    expect(again.code).toBe(0);
    const runs = await runsOf(ws.id);
    expect(runs).toHaveLength(1);
    expect(first.stdout).toBe(
      `run ${runs[0]!.id} started (idempotency key nightly-2026-12-06): 2 answers to collect, estimated $0.0000\n`,
    );
    expect(again.stdout).toBe(
      `run ${runs[0]!.id} was already started with idempotency key nightly-2026-12-06: 2 answers to collect\n`,
    );
    const reused = await cli(
      'runs',
      'start',
      '--workspace',
      ws.id,
      '--audit',
      other.id,
      '--idempotency-key',
      'nightly-2026-12-06',
    );
    expect(reused.code).toBe(2);
    expect(reused.stderr).toMatch(
      /idempotency key "nightly-2026-12-06" was first used for another request.*use a new key/,
    );
    expect(await runsOf(ws.id)).toHaveLength(1);
    expect(
      await cli('runs', 'start', '--workspace', ws.id, '--audit', audit.id, '--idempotency-key', 'has space'),
    ).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/printable ASCII characters without spaces/),
    });
  });

  it('refuses a run over its budget in one line, exit 2, recording nothing', async () => {
    const { ws, base, configs } = await seedWorkspace(api, { prompts: 4, configs: [{ costUsd: 0.05 }] });
    const audit = await api.post(`${base}/audits`, {
      name: 'Capped',
      promptTags: ['crm'],
      modelConfigIds: [configs[0].id],
      budgetPerRunUsd: 0.1,
    });
    const res = await cli('runs', 'start', '--workspace', ws.id, '--audit', audit.id);
    expect(res.code).toBe(2);
    expect(res.stdout).toBe('');
    expect(res.stderr).toBe(
      'citewatch runs: This run is estimated at $0.2000, over its budget of $0.1000. Raise the budget or select fewer prompts, configurations or samples.\n',
    );
    expect(await runsOf(ws.id)).toEqual([]);
  });

  it('says what is wrong with how it was called', async () => {
    const { ws } = await seedWorkspace(api, { prompts: 1 });
    expect(await cli('runs', 'stop')).toMatchObject({
      code: 2,
      stderr:
        'citewatch runs: usage: citewatch runs start --workspace ID --audit ID [--idempotency-key KEY] [--wait]\n',
    });
    expect(await cli('runs', 'start', '--workspace', ws.id)).toMatchObject({
      code: 2,
      stderr: 'citewatch runs: --audit must be an audit id (UUID)\n',
    });
    const missing = '00000000-0000-4000-8000-000000000000';
    expect(await cli('runs', 'start', '--workspace', missing, '--audit', missing)).toMatchObject({
      code: 2,
      stderr: `citewatch runs: no workspace ${missing}\n`,
    });
    expect((await cli('runs', 'start', '--workspace', ws.id, '--audit', missing)).stderr).toMatch(
      /^citewatch runs: .*not found/i,
    );
    expect(await runsOf(ws.id)).toEqual([]);
  });
});
