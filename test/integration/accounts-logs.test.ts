/**
 * Secrets never reach the log: passwords, session tokens and cookies, reset tokens in URLs and
 * CSRF tokens, through sign-in, a password reset and signed-in requests, logged at debug level.
 */
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { createDeps, type OwnedDeps } from '../../src/deps.js';
import { createLogger } from '../../src/lib/logger.js';
import type { FastifyInstance } from 'fastify';
import { createTenant } from '../factories/index.js';
import { createPerson } from '../factories/people.js';
import { removeKeys, testEnv } from '../helpers/context.js';
import { firstLink, startSmtp, type SmtpCatcher } from '../helpers/smtp.js';

const lines: string[] = [];
let smtp: SmtpCatcher;
let deps: OwnedDeps;
let app: FastifyInstance;
const prefix = `test-${randomUUID().slice(0, 8)}`;

beforeAll(async () => {
  smtp = await startSmtp();
  const env = testEnv(prefix, { SMTP_URL: smtp.url, LOG_LEVEL: 'debug' });
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  deps = createDeps({ env, logger: createLogger({ level: 'debug' }, sink), role: 'api', applicationName: 'logs-test' });
  app = await buildApp(deps);
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await removeKeys(deps.redis, prefix);
  await deps?.close();
  await smtp?.close();
});

it('keeps passwords, session tokens, reset tokens and CSRF tokens out of the log', async () => {
  const tenant = await createTenant(deps.db);
  const person = await createPerson(app, deps.db, { organizationId: tenant.organizationId, role: 'editor' });
  await app.inject({ url: '/v1/workspaces', headers: person.headers });
  await app.inject({
    method: 'POST',
    url: '/v1/workspaces',
    headers: person.writeHeaders,
    payload: { name: 'Logged' },
  });
  await app.inject({ method: 'POST', url: '/v1/auth/request-password-reset', payload: { email: person.email } });
  const mail = await smtp.waitFor((m) => m.to === person.email);
  const token = new URL(firstLink(mail) as string).searchParams.get('token') as string;
  const newPassword = `new-${randomUUID()}`;
  await app.inject({ method: 'POST', url: '/v1/auth/reset-password', payload: { token, newPassword } });
  await app.inject({ url: `/v1/auth/verify-email?token=${token}` });

  const log = lines.join('');
  expect(log).toContain('incoming request');
  const sessionToken = decodeURIComponent(person.cookie.split('=')[1] as string).split('.')[0] as string;
  for (const [what, secret] of [
    ['password', person.password],
    ['new password', newPassword],
    ['session token', sessionToken],
    ['CSRF token', person.csrfToken],
    ['reset token', token],
  ] as const)
    expect(log.includes(secret), `${what} appears in the log`).toBe(false);
});
