/** `citewatch orgs create` and `citewatch keys create`: bootstrap an organization and its first admin key. */
import { loadEnv } from '../config/env.js';
import { createDatabase } from '../db/client.js';
import { createLogger } from '../lib/logger.js';
import { createApiKey } from '../modules/api-keys/api-keys.service.js';
import { recordAuditEvent, type Actor } from '../modules/audit-log/audit-log.recorder.js';
import { findOrganization } from '../modules/organizations/organizations.repo.js';
import { createOrganization } from '../modules/organizations/organizations.service.js';
import type { Scope } from '../plugins/auth.js';
import { isUuid } from '../lib/ids.js';
import { parseCommandArgs as parse, UsageError, type CliIo } from './io.js';

/** The operator at the server's command line, as the audit log names them. */
const CLI_ACTOR: Actor = { type: 'platform', id: null, label: 'cli' };

export async function orgsCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(argv, { name: { type: 'string' }, json: { type: 'boolean' } });
  if (positionals[0] !== 'create') throw new UsageError('usage: citewatch orgs create --name NAME');
  const name = String(values.name ?? '').trim();
  if (!name || name.length > 200) throw new UsageError('--name is required (1–200 characters)');
  const env = loadEnv();
  const db = createDatabase({ url: env.DATABASE_URL, poolSize: 2, applicationName: 'citewatch-cli' });
  try {
    const org = await createOrganization(db.prisma, name);
    await recordAuditEvent(
      { db, logger: createLogger({ level: 'warn', name: 'cli' }) },
      {
        organizationId: org.id,
        actor: CLI_ACTOR,
        action: 'organization.create',
        target: { type: 'organization', id: org.id },
        details: { name: org.name },
      },
    );
    io.stdout.write(
      values.json ? `${JSON.stringify({ id: org.id, name: org.name })}\n` : `organization ${org.id} (${org.name})\n`,
    );
    return 0;
  } finally {
    await db.close();
  }
}

export async function keysCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(argv, {
    org: { type: 'string' },
    name: { type: 'string' },
    scopes: { type: 'string' },
    'expires-in-days': { type: 'string' },
    json: { type: 'boolean' },
  });
  if (positionals[0] !== 'create')
    throw new UsageError(
      'usage: citewatch keys create --org ID [--name N] [--scopes read,write,admin] [--expires-in-days N]',
    );
  const org = String(values.org ?? '');
  if (!isUuid(org))
    throw new UsageError(
      '--org must be an organization id (a UUID); create one with "citewatch orgs create --name NAME"',
    );
  const scopes = String(values.scopes ?? 'admin')
    .split(',')
    .map((s) => s.trim());
  const bad = scopes.filter((s) => !['read', 'write', 'admin'].includes(s));
  if (bad.length || scopes.length === 0)
    throw new UsageError(`--scopes takes read, write and/or admin (got: ${bad.join(', ')})`);
  let expiresAt: Date | null = null;
  if (values['expires-in-days'] !== undefined) {
    const days = Number(values['expires-in-days']);
    if (!Number.isInteger(days) || days < 1 || days > 3650)
      throw new UsageError('--expires-in-days must be a whole number from 1 to 3650');
    expiresAt = new Date(Date.now() + days * 86_400_000);
  }
  const env = loadEnv();
  const db = createDatabase({ url: env.DATABASE_URL, poolSize: 2, applicationName: 'citewatch-cli' });
  try {
    if (!(await findOrganization(db.prisma, org))) throw new UsageError(`no organization ${org}`);
    const { record, key } = await createApiKey(db.prisma, {
      organizationId: org,
      name: String(values.name ?? 'cli'),
      scopes: scopes as Scope[],
      expiresAt,
    });
    await recordAuditEvent(
      { db, logger: createLogger({ level: 'warn', name: 'cli' }) },
      {
        organizationId: org,
        actor: CLI_ACTOR,
        action: 'api_key.create',
        target: { type: 'api_key', id: record.id },
        details: { name: record.name, prefix: record.prefix, scopes: record.scopes, expiresAt },
      },
    );
    if (values.json)
      io.stdout.write(`${JSON.stringify({ id: record.id, prefix: record.prefix, scopes: record.scopes, key })}\n`);
    else
      io.stdout.write(`API key ${record.prefix} (${record.scopes.join(', ')}) — shown once, store it now:\n${key}\n`);
    return 0;
  } finally {
    await db.close();
  }
}
