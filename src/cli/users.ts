/**
 * `citewatch users invite` and `citewatch users list`: people of an organization from the command
 * line. `invite` prints the invitation link instead of emailing it, so the first person of an
 * organization (its owner) joins without a mail server.
 */
import { z } from 'zod';
import { loadEnv, publicBaseUrl } from '../config/env.js';
import { createDatabase } from '../db/client.js';
import type { MemberRole } from '../generated/prisma/client.js';
import { AppError } from '../lib/errors.js';
import { isUuid } from '../lib/ids.js';
import { createInvitation, platformInviter } from '../modules/invitations/invitations.service.js';
import { findMembershipsPage, type MembershipRow } from '../modules/members/members.repo.js';
import { toMemberDto } from '../modules/members/members.service.js';
import { findOrganization } from '../modules/organizations/organizations.repo.js';
import { parseCommandArgs as parse, table, UsageError, type CliIo } from './io.js';

const ROLES: MemberRole[] = ['owner', 'admin', 'editor', 'viewer', 'client'];
const USAGE = `usage: citewatch users invite --org ID --email EMAIL --role ${ROLES.join('|')} [--workspace ID …] [--json]
       citewatch users list --org ID [--json]`;

export async function usersCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(argv, {
    org: { type: 'string' },
    email: { type: 'string' },
    role: { type: 'string' },
    workspace: { type: 'string', multiple: true },
    json: { type: 'boolean' },
  });
  const action = positionals[0];
  if ((action !== 'invite' && action !== 'list') || positionals.length > 1) throw new UsageError(USAGE);
  const org = String(values.org ?? '');
  if (!isUuid(org))
    throw new UsageError(
      '--org must be an organization id (a UUID); create one with "citewatch orgs create --name NAME"',
    );

  if (action === 'list') {
    if (values.email !== undefined || values.role !== undefined || values.workspace !== undefined)
      throw new UsageError('users list takes --org (and --json) only');
    return list(org, Boolean(values.json), io);
  }

  const email = String(values.email ?? '').trim();
  if (!z.email().safeParse(email).success)
    throw new UsageError('--email must be an email address, e.g. ana@agency.example');
  const role = String(values.role ?? '') as MemberRole;
  if (!ROLES.includes(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
  const workspaces = values.workspace ?? [];
  const notIds = workspaces.filter((w) => !isUuid(w));
  if (notIds.length) throw new UsageError(`--workspace takes workspace ids (UUIDs); not one: ${notIds.join(', ')}`);
  if (role === 'client' && workspaces.length === 0)
    throw new UsageError('a client sees only the workspaces shared with them: name each with --workspace ID');
  if (role !== 'client' && workspaces.length > 0)
    throw new UsageError(`--workspace is only for the client role; a ${role} opens every workspace`);

  const env = loadEnv();
  const db = createDatabase({ url: env.DATABASE_URL, poolSize: 2, applicationName: 'citewatch-cli' });
  try {
    const organization = await findOrganization(db.prisma, org);
    if (!organization) throw new UsageError(`no organization ${org}`);
    const { invitation, link } = await createInvitation(
      { pool: db.pool, prisma: db.prisma, mail: null, publicBaseUrl: publicBaseUrl(env) },
      platformInviter(org),
      { email, role, ...(role === 'client' ? { workspaceIds: workspaces } : {}) },
    ).catch((err: unknown) => {
      // The service's refusals (already a member, unknown workspaces) are mistakes in the call.
      if (err instanceof AppError && err.status < 500) throw new UsageError(err.message);
      throw err;
    });
    if (values.json) {
      io.stdout.write(
        `${JSON.stringify({ id: invitation.id, email: invitation.email, role, expiresAt: invitation.expiresAt, link })}\n`,
      );
    } else {
      io.stdout.write(
        `Invitation for ${invitation.email} to join ${organization.name} as ${role}, valid once until ${invitation.expiresAt}.\n` +
          'Send them this link (whoever holds it can join; it is not shown again):\n' +
          `${link}\n`,
      );
    }
    return 0;
  } finally {
    await db.close();
  }
}

async function list(org: string, json: boolean, io: CliIo): Promise<number> {
  const env = loadEnv();
  const db = createDatabase({ url: env.DATABASE_URL, poolSize: 2, applicationName: 'citewatch-cli' });
  try {
    if (!(await findOrganization(db.prisma, org))) throw new UsageError(`no organization ${org}`);
    const members: MembershipRow[] = [];
    let cursor: string | undefined;
    do {
      const page = await findMembershipsPage(db.pool, org, { limit: 200, cursor });
      members.push(...page.data);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const dtos = members.map(toMemberDto);
    if (json) io.stdout.write(`${JSON.stringify(dtos)}\n`);
    else if (dtos.length === 0)
      io.stdout.write(
        'No members yet: invite the first with "citewatch users invite --org ID --email E --role owner".\n',
      );
    else
      io.stdout.write(
        `${table(
          ['email', 'name', 'role', 'workspaces'],
          dtos.map((m) => [m.email, m.name, m.role, m.workspaceIds ? m.workspaceIds.join(' ') : 'all']),
        )}\n`,
      );
    return 0;
  } finally {
    await db.close();
  }
}
