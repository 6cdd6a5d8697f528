/**
 * People: a person with a password and a membership, signed in through the real sign-in route, so
 * tests hold the very cookie a browser would (and the CSRF token the dashboard sends with writes).
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { MemberRole } from '../../src/generated/prisma/client.js';
import type { Database } from '../../src/db/client.js';
import { createPasswordAccount } from '../../src/modules/accounts/accounts.service.js';
import { insertMembership } from '../../src/modules/members/members.repo.js';

export interface TestPerson {
  userId: string;
  email: string;
  password: string;
  /** Cookie header of the signed-in session. */
  cookie: string;
  csrfToken: string;
  /** Headers for reads. */
  headers: { cookie: string };
  /** Headers for writes: the cookie and the CSRF token. */
  writeHeaders: { cookie: string; 'x-csrf-token': string };
}

export async function createPerson(
  app: FastifyInstance,
  db: Database,
  membership: { organizationId: string; role: MemberRole; workspaceIds?: string[] } | null,
  opts: { email?: string; password?: string } = {},
): Promise<TestPerson> {
  const email = opts.email ?? `person-${randomUUID().slice(0, 8)}@agency.example`;
  const password = opts.password ?? `pw-${randomUUID()}`;
  const user = await createPasswordAccount(app.auth, { email, name: 'Test Person', password, emailVerified: true });
  if (membership) await insertMembership(db.pool, { ...membership, userId: user.id });
  const signedIn = await signIn(app, email, password);
  return { userId: user.id, email, password, ...signedIn };
}

export async function signIn(app: FastifyInstance, email: string, password: string) {
  const res = await app.inject({ method: 'POST', url: '/v1/auth/sign-in/email', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const setCookie = [res.headers['set-cookie']].flat().find((c) => c?.includes('session_token='));
  if (!setCookie) throw new Error('sign-in set no session cookie');
  const cookie = setCookie.split(';')[0] as string;
  const me = await app.inject({ method: 'GET', url: '/v1/me', headers: { cookie } });
  const csrfToken = me.json().csrfToken as string;
  return { cookie, csrfToken, headers: { cookie }, writeHeaders: { cookie, 'x-csrf-token': csrfToken } };
}
