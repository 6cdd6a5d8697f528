/**
 * `citewatch orgs create`, `citewatch keys create` and `citewatch users` through the CLI's own
 * entry (runCli), against the test database, read the way the walkthroughs of docs/integrators.md
 * and docs/operators.md read them: `awk '{print $2}'` for the organization id and `tail -1` for
 * the key and the invitation link.
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

describe('the first person of an organization', () => {
  it('is invited as owner by a printed link, which the API accepts once', async () => {
    const orgId = awkSecondField((await cli('orgs', 'create', '--name', 'People Agency')).stdout) as string;
    const invite = await cli('users', 'invite', '--org', orgId, '--email', 'Founder@People.Example', '--role', 'owner');
    expect(invite).toMatchObject({ code: 0, stderr: '' });
    expect(invite.stdout).toMatch(
      /^Invitation for founder@people\.example to join People Agency as owner, valid once until \S+\.\n/,
    );
    const link = tailLine(invite.stdout) as string;
    expect(link).toMatch(/^http:\/\/localhost:3000\/#\/invitation\?token=[A-Za-z0-9_-]{43}$/);
    const token = new URLSearchParams(link.split('?')[1]).get('token') as string;

    const accepted = await ctx.app.inject({
      method: 'POST',
      url: '/v1/invitations/accept',
      payload: { token, name: 'Founder', password: 'the founder passphrase' },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const again = await ctx.app.inject({
      method: 'POST',
      url: '/v1/invitations/accept',
      payload: { token, name: 'Founder', password: 'the founder passphrase' },
    });
    expect(again.statusCode).toBe(409);

    const listed = await cli('users', 'list', '--org', orgId);
    expect(listed).toMatchObject({ code: 0, stderr: '' });
    expect(listed.stdout.split('\n')[2]).toMatch(/^founder@people\.example\s+Founder\s+owner\s+all$/);
    const json = JSON.parse((await cli('users', 'list', '--org', orgId, '--json')).stdout);
    expect(json).toEqual([expect.objectContaining({ email: 'founder@people.example', role: 'owner' })]);
  });

  it('invites a client with the workspaces to share, and prints JSON with --json', async () => {
    const org = JSON.parse((await cli('orgs', 'create', '--name', 'Client Agency', '--json')).stdout) as { id: string };
    const key = JSON.parse((await cli('keys', 'create', '--org', org.id, '--json')).stdout) as { key: string };
    const ws = await ctx.app.inject({
      method: 'POST',
      url: '/v1/workspaces',
      headers: { authorization: `Bearer ${key.key}` },
      payload: { name: 'Nimbus CRM' },
    });
    const res = await cli(
      'users',
      'invite',
      '--org',
      org.id,
      '--email',
      'client@nimbus.example',
      '--role',
      'client',
      '--workspace',
      ws.json().id,
      '--json',
    );
    expect(res.code, res.stderr).toBe(0);
    const out = JSON.parse(res.stdout);
    expect(out).toMatchObject({
      email: 'client@nimbus.example',
      role: 'client',
      link: expect.stringContaining('token='),
    });
    const lookup = await ctx.app.inject({
      url: `/v1/invitations/lookup?token=${new URLSearchParams(out.link.split('?')[1]).get('token')}`,
    });
    expect(lookup.json()).toMatchObject({ organizationName: 'Client Agency', role: 'client', accountExists: false });
  });

  it('says what to fix, with exit code 2', async () => {
    const orgId = awkSecondField((await cli('orgs', 'create', '--name', 'Strict Agency')).stdout) as string;
    const first = await cli('users', 'invite', '--org', orgId, '--email', 'taken@strict.example', '--role', 'viewer');
    const token = new URLSearchParams((tailLine(first.stdout) as string).split('?')[1]).get('token');
    const joined = await ctx.app.inject({
      method: 'POST',
      url: '/v1/invitations/accept',
      payload: { token, name: 'Taken', password: 'a long enough password' },
    });
    expect(joined.statusCode).toBe(200);
    const unknownOrg = '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a6b';
    const invite = ['users', 'invite', '--org', orgId];
    for (const [argv, message] of [
      [['users'], /usage: citewatch users invite/],
      [['users', 'invite', '--email', 'a@b.example', '--role', 'owner'], /--org must be an organization id/],
      [[...invite, '--email', 'not-an-email', '--role', 'owner'], /--email must be an email address/],
      [
        [...invite, '--email', 'a@b.example', '--role', 'root'],
        /--role must be one of owner, admin, editor, viewer, client/,
      ],
      [[...invite, '--email', 'a@b.example', '--role', 'client'], /name each with --workspace ID/],
      [
        [...invite, '--email', 'a@b.example', '--role', 'editor', '--workspace', unknownOrg],
        /only for the client role/,
      ],
      [[...invite, '--email', 'a@b.example', '--role', 'client', '--workspace', 'ws-1'], /not one: ws-1/],
      [[...invite, '--email', 'a@b.example', '--role', 'client', '--workspace', unknownOrg], /does not have: /],
      [['users', 'invite', '--org', unknownOrg, '--email', 'a@b.example', '--role', 'owner'], /no organization/],
      [['users', 'list', '--org', unknownOrg], /no organization/],
      [[...invite, '--email', 'TAKEN@strict.example', '--role', 'admin'], /already a member \(viewer\)/],
    ] as const) {
      const res = await cli(...argv);
      expect(res.code, argv.join(' ')).toBe(2);
      expect(res.stderr, argv.join(' ')).toMatch(message);
      expect(res.stdout).toBe('');
    }
    const listed = await cli('users', 'list', '--org', orgId);
    expect(listed.stdout.trimEnd().split('\n')).toHaveLength(3);
    expect(listed.stdout).toMatch(/taken@strict\.example\s+Taken\s+viewer\s+all/);
    const empty = await cli(
      'users',
      'list',
      '--org',
      awkSecondField((await cli('orgs', 'create', '--name', 'Empty')).stdout) as string,
    );
    expect(empty.stdout).toMatch(/^No members yet/);
  });
});
