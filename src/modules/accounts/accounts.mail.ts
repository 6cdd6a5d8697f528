/**
 * Account emails through the deployment's mailer (SMTP, or the log in development). Links open
 * the web dashboard on the page that finishes the flow: /dashboard/?page=<page>&token=<token>,
 * always on PUBLIC_BASE_URL (publicUrl), never on a host a request named.
 *
 * Password-reset and verification emails wear an organization's white label (name, colours, logo,
 * sender name) when it is clear whose: the organization the request named, if the person belongs
 * to it, or else the person's only organization. Otherwise, or when that organization set no white
 * label, they are Citewatch's.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type pg from 'pg';
import type { PrismaClient } from '../../db/client.js';
import type { Logger } from '../../lib/logger.js';
import type { Mailer } from '../../lib/mailer.js';
import { dashboardLink, publicUrl } from '../../lib/public-url.js';
import { CITEWATCH_LOOK, type EmailLook, emailLookOf } from '../branding/branding.email.js';
import { loadBranding } from '../branding/branding.service.js';
import { invitationMessage, resetPasswordMessage, verifyEmailMessage } from '../email/templates.js';
import type { InvitationMail } from '../invitations/invitations.service.js';
import type { AccountMail } from './accounts.auth.js';
import { findOrganizationIdsOfUser } from './accounts.repo.js';

/** The look of a person's account emails; `named`: the organization the request named, if any. */
export type AccountMailLook = (userId: string, named: string | undefined) => Promise<EmailLook>;

const namedOrganization = new AsyncLocalStorage<string>();

/**
 * Runs a request of the accounts flows (asking for a reset or verification link) with the
 * organization it named, so the email it sends can wear that organization's white label.
 */
export function withNamedOrganization<T>(organizationId: string | undefined, work: () => Promise<T>): Promise<T> {
  return organizationId ? namedOrganization.run(organizationId, work) : work();
}

/** Which organization's look a person's account emails wear, read from the database. */
export function accountMailLook(db: { pool: pg.Pool; prisma: PrismaClient }, logger: Logger): AccountMailLook {
  return async (userId, named) => {
    try {
      const organizations = await findOrganizationIdsOfUser(db.pool, userId);
      const organizationId =
        named && organizations.includes(named) ? named : organizations.length === 1 ? organizations[0] : undefined;
      if (!organizationId) return CITEWATCH_LOOK;
      const branding = await loadBranding(db, organizationId);
      return branding.custom ? emailLookOf(branding) : { ...CITEWATCH_LOOK, fromName: branding.emailSenderName };
    } catch (err) {
      // The email matters more than its look: it goes out in Citewatch's.
      logger.warn({ err, userId }, 'white label of an account email could not be read; sending Citewatch’s');
      return CITEWATCH_LOOK;
    }
  };
}

export function accountMail(
  mailer: Mailer,
  base: string,
  lookOf: AccountMailLook = async () => CITEWATCH_LOOK,
): AccountMail {
  const look = (to: { id?: string }) =>
    to.id ? lookOf(to.id, namedOrganization.getStore()) : Promise.resolve(CITEWATCH_LOOK);
  return {
    async verifyEmail(to, token, validForSeconds) {
      // Verification goes through the API, which then opens the dashboard.
      const link = publicUrl(base, '/v1/auth/verify-email', { token, callbackURL: '/dashboard/' });
      const { brand, fromName, attachments } = await look(to);
      await mailer.send({
        to: to.email,
        fromName,
        ...(attachments.length ? { attachments } : {}),
        ...verifyEmailMessage({ brand, name: to.name, link, validForSeconds }),
      });
    },
    async resetPassword(to, token, validForSeconds) {
      const link = dashboardLink(base, 'reset-password', token);
      const { brand, fromName, attachments } = await look(to);
      await mailer.send({
        to: to.email,
        fromName,
        ...(attachments.length ? { attachments } : {}),
        ...resetPasswordMessage({ brand, name: to.name, link, validForSeconds }),
      });
    },
  };
}

/** Invitations through the deployment's mailer. */
export function invitationMail(mailer: Mailer): InvitationMail {
  return {
    async invite(to, details) {
      const branding = details.branding;
      const look = branding?.custom ? emailLookOf(branding) : null;
      await mailer.send({
        to: to.email,
        fromName: look?.fromName ?? branding?.emailSenderName ?? null,
        ...(look?.attachments.length ? { attachments: look.attachments } : {}),
        ...invitationMessage({
          brand: look?.brand ?? null,
          organizationName: details.organizationName,
          inviterName: details.inviterLabel,
          role: details.role,
          expiresAt: details.expiresAt,
          link: details.link,
        }),
      });
    },
  };
}
