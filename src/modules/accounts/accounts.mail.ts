/**
 * Account emails through the deployment's mailer (SMTP, or the log in development). Links open
 * the web dashboard on the page that finishes the flow: /dashboard/?page=<page>&token=<token>,
 * always on PUBLIC_BASE_URL (publicUrl), never on a host a request named.
 */
import { dashboardLink, publicUrl } from '../../lib/public-url.js';
import type { Mailer } from '../../lib/mailer.js';
import { invitationMessage, resetPasswordMessage, verifyEmailMessage } from '../email/templates.js';
import type { InvitationMail } from '../invitations/invitations.service.js';
import type { AccountMail } from './accounts.auth.js';

export function accountMail(mailer: Mailer, base: string): AccountMail {
  return {
    async verifyEmail(to, token, validForSeconds) {
      // Verification goes through the API, which then opens the dashboard.
      const link = publicUrl(base, '/v1/auth/verify-email', { token, callbackURL: '/dashboard/' });
      await mailer.send({ to: to.email, ...verifyEmailMessage({ name: to.name, link, validForSeconds }) });
    },
    async resetPassword(to, token, validForSeconds) {
      const link = dashboardLink(base, 'reset-password', token);
      await mailer.send({ to: to.email, ...resetPasswordMessage({ name: to.name, link, validForSeconds }) });
    },
  };
}

/** Invitations through the deployment's mailer. */
export function invitationMail(mailer: Mailer): InvitationMail {
  return {
    async invite(to, details) {
      const branding = details.branding;
      await mailer.send({
        to: to.email,
        fromName: branding?.emailSenderName ?? null,
        ...invitationMessage({
          brand: branding?.custom
            ? {
                displayName: branding.displayName,
                primaryColor: branding.primaryColor,
                accentColor: branding.accentColor,
              }
            : null,
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
