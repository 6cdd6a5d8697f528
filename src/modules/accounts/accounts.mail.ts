/**
 * Account emails through the deployment's mailer (SMTP, or the log in development). Links open
 * the web dashboard on the page that finishes the flow: /dashboard/?page=<page>&token=<token>,
 * always on PUBLIC_BASE_URL (publicUrl), never on a host a request named.
 */
import { publicUrl } from '../../lib/public-url.js';
import type { Mailer } from '../../lib/mailer.js';
import { resetPasswordMessage, verifyEmailMessage } from '../email/templates.js';
import type { AccountMail } from './accounts.auth.js';

/** The dashboard page a link opens, with its token. */
export function dashboardLink(base: string, page: 'reset-password' | 'invitation', token: string) {
  return publicUrl(base, '/dashboard/', { page, token });
}

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
