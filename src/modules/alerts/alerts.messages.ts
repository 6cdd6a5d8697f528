/**
 * What an alert looks like: the email (through the email templates, in the organization's
 * branding, with the rule's unsubscribe link) and the Slack message (Block Kit: a header, the
 * figures, the workspace, a button back to the dashboard).
 */
import { dashboardLink, dashboardRoute } from '../../lib/public-url.js';
import { emailLookOf } from '../branding/branding.email.js';
import type { Branding } from '../branding/branding.service.js';
import { noticeMessage, oneLine, type EmailContent } from '../email/templates.js';
import type { AlertPayload } from './alerts.schemas.js';
import { unsubscribeToken } from './alerts.tokens.js';

export interface RuleContext {
  id: string;
  name: string;
  unsubscribe_secret: string;
  workspace_name: string;
}

export function unsubscribeLink(base: string, rule: Pick<RuleContext, 'id' | 'unsubscribe_secret'>) {
  return dashboardLink(base, 'unsubscribe', unsubscribeToken(rule.id, rule.unsubscribe_secret));
}

/** List-Unsubscribe headers: the dashboard page (a person clicks, then confirms). */
export function unsubscribeHeaders(link: string): Record<string, string> {
  return { 'List-Unsubscribe': `<${link}>` };
}

export function alertEmail(base: string, rule: RuleContext, payload: AlertPayload, brand: Branding): EmailContent {
  const workspace = oneLine(rule.workspace_name, 80);
  return noticeMessage({
    subject: `${payload.title} — ${workspace}`,
    brand: emailLookOf(brand).brand,
    intro: `${payload.title} in workspace ${workspace}.`,
    sections: [{ title: 'Figures', lines: payload.lines }],
    action: 'Open in the dashboard',
    link: dashboardRoute(base, payload.link),
    unsubscribe: unsubscribeLink(base, rule),
    reason: `the alert rule “${oneLine(rule.name, 80)}” of workspace ${workspace}`,
  });
}

/** Slack's mrkdwn treats &, < and > as markup. */
export function slackEscape(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

export function slackMessage(base: string, rule: RuleContext, payload: AlertPayload, brand: Branding) {
  const workspace = oneLine(rule.workspace_name, 80);
  const link = dashboardRoute(base, payload.link);
  return {
    text: `${payload.title} — ${workspace}`,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: oneLine(payload.title, 150), emoji: false } },
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text:
            payload.lines
              .map((l) => `• ${slackEscape(l)}`)
              .join('\n')
              .slice(0, 3_000) || ' ',
        },
      },
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: slackEscape(
              `${oneLine(brand.displayName, 60)} · workspace ${workspace} · rule ${oneLine(rule.name, 60)}`,
            ),
          },
        ],
      },
      {
        type: 'actions',
        elements: [{ type: 'button', text: { type: 'plain_text', text: 'Open in the dashboard' }, url: link }],
      },
    ],
  };
}
