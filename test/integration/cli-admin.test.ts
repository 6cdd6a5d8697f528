/**
 * `citewatch orgs create` and `citewatch keys create` through the CLI's own entry (runCli),
 * against the test database, read the way the walkthrough of docs/integrators.md reads them:
 * `awk '{print $2}'` for the organization id and `tail -1` for the key.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { createTestContext, type TestContext } from '../helpers/context.js';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext();
  // What a shell would give the command (vitest runs each file in its own process).
  Object.assign(process.env, {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: ctx.env.DATABASE_URL,
    REDIS_URL: ctx.env.REDIS_URL,
    QUEUE_PREFIX: ctx.env.QUEUE_PREFIX,
  });
});
afterAll(async () => ctx.close());

const awkSecondField = (out: string) => out.trim().split(/\s+/)[1];
const tailLine = (out: string) => out.trimEnd().split('\n').at(-1);

describe('bootstrap from the command line', () => {
  it('creates an organization and an admin key that the API accepts', async () => {
    const org = await cli('orgs', 'create', '--name', 'Acme Agency');
    expect(org).toMatchObject({ code: 0, stderr: '' });
    expect(org.stdout).toMatch(/^organization [0-9a-f-]{36} \(Acme Agency\)\n$/);
    const orgId = awkSecondField(org.stdout) as string;
    expect(await ctx.db.prisma.organization.findUnique({ where: { id: orgId } })).toMatchObject({
      name: 'Acme Agency',
    });

    const key = await cli('keys', 'create', '--org', orgId, '--name', 'setup', '--scopes', 'admin');
    expect(key).toMatchObject({ code: 0, stderr: '' });
    expect(key.stdout.split('\n')).toHaveLength(3); // notice, key, final newline
    const secret = tailLine(key.stdout) as string;
    expect(secret).toMatch(/^cw_/);
    const headers = { authorization: `Bearer ${secret}` };
    const created = await ctx.app.inject({
      method: 'POST',
      url: '/v1/workspaces',
      headers,
      payload: { name: 'Nimbus CRM' },
    });
    expect(created.statusCode).toBe(201);
    expect((await ctx.app.inject({ url: '/v1/api-keys', headers })).json().data).toEqual([
      expect.objectContaining({ name: 'setup', scopes: ['admin'] }),
    ]);

    // The audit log names the operator's command line for what it created.
    await ctx.app.auditLog.drain();
    const log = (await ctx.app.inject({ url: '/v1/audit-log', headers })).json().data as Array<{
      action: string;
      actor: unknown;
      details: Record<string, unknown>;
    }>;
    const cliActor = { type: 'platform', id: null, label: 'cli' };
    expect(log.map((e) => [e.action, e.actor])).toEqual([
      ['workspace.create', expect.objectContaining({ type: 'api_key' })],
      ['api_key.create', cliActor],
      ['organization.create', cliActor],
    ]);
    expect(log[1]?.details).toMatchObject({ name: 'setup', scopes: ['admin'] });
    expect(JSON.stringify(log)).not.toContain(secret.slice(-16));
  });

  it('prints JSON with --json, and a read key cannot write', async () => {
    const org = JSON.parse((await cli('orgs', 'create', '--name', 'Json Org', '--json')).stdout) as {
      id: string;
      name: string;
    };
    expect(org.name).toBe('Json Org');
    const key = await cli('keys', 'create', '--org', org.id, '--scopes', 'read', '--expires-in-days', '30', '--json');
    const parsed = JSON.parse(key.stdout) as { key: string; scopes: string[] };
    expect(parsed.scopes).toEqual(['read']);
    const write = await ctx.app.inject({
      method: 'POST',
      url: '/v1/workspaces',
      headers: { authorization: `Bearer ${parsed.key}` },
      payload: { name: 'Nope' },
    });
    expect(write.statusCode).toBe(403);
  });

  it('says what to fix, with exit code 2', async () => {
    for (const [argv, message] of [
      [['orgs', 'create'], /--name is required/],
      [['keys', 'create', '--org', 'acme'], /--org must be an organization id/],
      [['keys', 'create', '--org', '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a6b'], /no organization/],
      [
        ['keys', 'create', '--org', '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a6b', '--scopes', 'root'],
        /--scopes takes read, write and\/or admin \(got: root\)/,
      ],
    ] as const) {
      const res = await cli(...argv);
      expect(res.code, argv.join(' ')).toBe(2);
      expect(res.stderr, argv.join(' ')).toMatch(message);
      expect(res.stdout).toBe('');
    }
  });
});
