/**
 * Who comes in through single sign-on (docs/operators.md, "Single sign-on"). The deployment's
 * OpenID Connect provider vouches for an identity; Citewatch then decides:
 *
 * - the provider must have verified the email address (claim email_verified), at every sign-in;
 * - an identity whose email has an account is signed in to it (linked at its first SSO sign-in);
 * - otherwise an account is created only if the email has a pending invitation (the invitation
 *   is then accepted as for any signed-in person), or if an organization claims the email's
 *   domain (sso_domain) and admits its people just in time (sso_default_role);
 * - anyone else is turned away, and no account is created.
 *
 * The first time an identity is tied to an account (created or linked), the person joins every
 * organization that claims their email's domain with a default role, with that role.
 */
import type pg from 'pg';
import type { MemberRole } from '../../generated/prisma/client.js';
import type { Logger } from '../../lib/logger.js';
import type { CredentialCache } from '../../plugins/auth.js';
import type { AuthHooks, SsoRefusal } from './accounts.auth.js';
import { insertMembership } from '../members/members.repo.js';
import { findSsoJoinableOrganizations, findSsoWaysIn } from './accounts.repo.js';

export const SSO_REFUSALS = {
  sso_email_unverified: {
    error: 'sso_email_unverified',
    errorDescription:
      'Your identity provider has not verified this email address, so Citewatch cannot sign you in with it. Verify it with your provider or ask your administrator.',
  },
  sso_not_invited: {
    error: 'sso_not_invited',
    errorDescription:
      'There is no Citewatch account or pending invitation for this email address. Ask an administrator of your organization to invite you, then sign in again.',
  },
} satisfies Record<string, SsoRefusal>;

/** The part after the last "@", lower-cased. */
export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

/** A person who joined an organization of their email's domain (for the audit log). */
export interface SsoJoin {
  organizationId: string;
  userId: string;
  email: string;
  role: MemberRole;
}

export function ssoPolicy(deps: {
  pool: pg.Pool;
  credentials: CredentialCache;
  logger: Logger;
  onJoined?: (join: SsoJoin) => void;
}): Required<Pick<AuthHooks, 'admitSsoIdentity' | 'onSsoIdentityLinked'>> {
  const { pool, credentials, logger } = deps;
  return {
    async admitSsoIdentity({ email, emailVerified, action }) {
      const domain = emailDomain(email);
      if (!emailVerified) {
        logger.info({ component: 'sso', action, domain }, 'single sign-on refused: email not verified');
        return SSO_REFUSALS.sso_email_unverified;
      }
      // An account exists (link-account, sign-in): it is theirs, the provider verified the address.
      if (action !== 'create-user') return undefined;
      const { invited, joinable } = await findSsoWaysIn(pool, email, domain);
      if (invited || joinable) return undefined;
      logger.info({ component: 'sso', action, domain }, 'single sign-on refused: no account, invitation or domain');
      return SSO_REFUSALS.sso_not_invited;
    },

    async onSsoIdentityLinked({ userId }) {
      const joinable = await findSsoJoinableOrganizations(pool, userId);
      let joined = 0;
      for (const { organizationId, role, email } of joinable) {
        // Null: already a member (joined meanwhile).
        if (!(await insertMembership(pool, { organizationId, role, userId }))) continue;
        joined++;
        deps.onJoined?.({ organizationId, userId, email, role });
      }
      if (joined > 0) {
        credentials.forgetUser(userId);
        logger.info({ component: 'sso', userId, joined }, 'joined organizations of their email domain');
      }
    },
  };
}
