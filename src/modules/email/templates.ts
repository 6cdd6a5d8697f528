/**
 * Every email Citewatch sends, as pure functions: data in, {subject, text, html} out. The plain-text
 * and HTML bodies say the same thing. Names people chose (their own, their organization's) are put
 * on one line, cut to a readable length and escaped in HTML; links are PublicLinks, so they can only
 * point at PUBLIC_BASE_URL. English only.
 */
import type { PublicLink } from '../../lib/public-url.js';

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

export interface VerifyEmailInput {
  /** The white label of the person's organization (accounts.mail.ts decides which); absent: Citewatch's. */
  brand?: EmailBrand | null;
  /** The person's name, if known. */
  name?: string | null;
  /** publicUrl(env.PUBLIC_BASE_URL, …) or publicLinkFrom(env.PUBLIC_BASE_URL, url). */
  link: PublicLink;
  /** How long the link works, in seconds (said in the message: "1 hour"). */
  validForSeconds: number;
}

export interface ResetPasswordInput {
  brand?: EmailBrand | null;
  name?: string | null;
  link: PublicLink;
  validForSeconds: number;
}

/**
 * An organization's white label in an email: the name in the header and signature, its two
 * colours (validated `#rrggbb`) and, when it has one, its logo in the header. Absent: Citewatch's.
 */
export interface EmailBrand {
  displayName: string;
  primaryColor: string;
  accentColor: string;
  /**
   * The logo, attached to the message inline under this Content-ID (EMAIL_LOGO_CID, with
   * emailLogoAttachment) and its size in pixels; shown at most 200×60, its proportions kept.
   */
  logo?: { cid: string; width: number; height: number } | null;
}

export interface InvitationInput {
  organizationName: string;
  /** The inviting organization's branding. */
  brand?: EmailBrand | null;
  inviterName: string;
  inviterEmail?: string | null;
  /** The role the invitation grants (owner, admin, member…), shown as given. */
  role: string;
  expiresAt: Date;
  link: PublicLink;
}

export function verifyEmailMessage(input: VerifyEmailInput): EmailContent {
  const name = lookOf(input.brand).name;
  return render({
    subject: `Confirm your email address for ${name}`,
    greeting: greeting(input.name),
    before: [`Confirm your email address to finish setting up your ${name} account.`],
    action: 'Confirm my email address',
    link: input.link,
    after: [
      `This link works for ${duration(input.validForSeconds)}.`,
      `If you did not create a ${name} account, ignore this email: nothing happens without a click on the link.`,
    ],
    brand: input.brand ?? null,
  });
}

export function resetPasswordMessage(input: ResetPasswordInput): EmailContent {
  const name = lookOf(input.brand).name;
  return render({
    subject: `Reset your ${name} password`,
    greeting: greeting(input.name),
    before: [`Someone, hopefully you, asked to reset the password of your ${name} account.`],
    action: 'Choose a new password',
    link: input.link,
    after: [
      `This link works for ${duration(input.validForSeconds)}, once.`,
      'If you did not ask for it, ignore this email: your password stays as it is.',
    ],
    brand: input.brand ?? null,
  });
}

export function invitationMessage(input: InvitationInput): EmailContent {
  const organization = oneLine(input.organizationName);
  const inviter = oneLine(input.inviterName);
  const inviterEmail = input.inviterEmail ? ` (${oneLine(input.inviterEmail, 254)})` : '';
  const role = oneLine(input.role, 40);
  return render({
    subject: `${inviter} invited you to ${organization} on Citewatch`,
    greeting: 'Hello,',
    before: [
      `${inviter}${inviterEmail} invited you to join the organization ${organization} on Citewatch, as ${article(role)} ${role}.`,
    ],
    action: 'Accept the invitation',
    link: input.link,
    after: [
      `The invitation expires on ${utcDate(input.expiresAt)}.`,
      'If you did not expect it, ignore this email: nobody joins without a click on the link.',
    ],
    brand: input.brand ?? null,
  });
}

/** HTML-escapes text for element content and double-quoted attribute values. */
export interface PdfReportMailInput {
  /** The organization's display name (white label), shown as the sender of the report. */
  senderName: string;
  workspaceName: string;
  /** The period as the PDF names it ("1 Nov 2026 – 30 Nov 2026"). */
  periodLabel: string;
  link: PublicLink;
}

export function pdfReportMessage(input: PdfReportMailInput): EmailContent {
  const workspace = oneLine(input.workspaceName);
  return render({
    subject: `${oneLine(input.senderName)}: AI visibility report for ${workspace}, ${oneLine(input.periodLabel)}`,
    greeting: 'Hello,',
    before: [
      `The AI assistant visibility report of ${workspace} for ${oneLine(input.periodLabel)} is attached as a PDF.`,
      'It shows how often assistants mention your brand, your share of voice against competitors, the sources they cite, and what changed significantly since the previous period.',
    ],
    action: 'Open the reports in Citewatch',
    link: input.link,
    after: [`Sent on behalf of ${oneLine(input.senderName)}.`],
  });
}

export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

interface Layout {
  subject: string;
  greeting: string;
  /** Paragraphs of plain text before the link, and after it. */
  before: string[];
  action: string;
  link: PublicLink;
  after: string[];
  brand?: EmailBrand | null;
}

const SIGNATURE = '— Citewatch';

const COLOR = /^#[0-9a-f]{6}$/i;

/** The Content-ID of an organization's logo attached inline to an email. */
export const EMAIL_LOGO_CID = 'logo@citewatch';
const LOGO_BOX = { width: 200, height: 60 };

/** The header name, signature, colours and logo of a message: the organization's, or Citewatch's. */
function lookOf(brand: EmailBrand | null | undefined) {
  if (!brand) return { name: 'Citewatch', signature: SIGNATURE, primary: ACCENT, accent: ACCENT, logo: null };
  const name = oneLine(brand.displayName, 60);
  const logo = brand.logo && brand.logo.width > 0 && brand.logo.height > 0 ? brand.logo : null;
  const scale = logo ? Math.min(1, LOGO_BOX.width / logo.width, LOGO_BOX.height / logo.height) : 1;
  return {
    name,
    signature: `— ${name}`,
    primary: COLOR.test(brand.primaryColor) ? brand.primaryColor : ACCENT,
    accent: COLOR.test(brand.accentColor) ? brand.accentColor : ACCENT,
    logo: logo
      ? {
          cid: logo.cid,
          width: Math.max(1, Math.round(logo.width * scale)),
          height: Math.max(1, Math.round(logo.height * scale)),
        }
      : null,
  };
}

/** The header of a message: the logo (its alt text the name) above the name, or the name alone. */
function header(look: ReturnType<typeof lookOf>): string {
  const logo = look.logo
    ? `<img src="cid:${escapeHtml(look.logo.cid)}" width="${look.logo.width}" height="${look.logo.height}" alt="${escapeHtml(look.name)}" style="display:block;margin:0 0 8px;border:0;">`
    : '';
  return `${logo}<p style="margin:0 0 24px;font-size:18px;font-weight:bold;color:${look.primary};">${escapeHtml(look.name)}</p>`;
}

function render(layout: Layout): EmailContent {
  const look = lookOf(layout.brand);
  const text = [layout.greeting, ...layout.before, `${layout.action}:\n${layout.link}`, ...layout.after, look.signature]
    .join('\n\n')
    .concat('\n');
  return { subject: layout.subject, text, html: html(layout, look) };
}

// Tables and inline styles: what every client (Outlook's Word renderer included) lays out the same.
const FONT = "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
const P = 'margin:0 0 16px;';
const SMALL = 'margin:0 0 12px;font-size:14px;color:#52606d;';
const ACCENT = '#1d4ed8';

function html(layout: Layout, look: ReturnType<typeof lookOf>): string {
  const href = escapeHtml(layout.link);
  const para = (style: string) => (text: string) => `<p style="${style}">${escapeHtml(text)}</p>`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(layout.subject)}</title></head>`,
    '<body style="margin:0;padding:0;background:#f4f5f7;">',
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f4f5f7;">',
    '<tr><td align="center" style="padding:24px 12px;">',
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:560px;background:#ffffff;border:1px solid #e4e7eb;border-radius:8px;font-family:${FONT};font-size:16px;line-height:1.5;color:#1f2933;">`,
    '<tr><td style="padding:32px;">',
    header(look),
    para(P)(layout.greeting),
    ...layout.before.map(para(P)),
    '<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 24px;"><tr>',
    `<td style="background:${look.accent};border-radius:6px;">`,
    `<a href="${href}" style="display:inline-block;padding:12px 20px;color:#ffffff;font-weight:bold;text-decoration:none;">${escapeHtml(layout.action)}</a>`,
    '</td></tr></table>',
    `<p style="${SMALL}">If the button does not work, copy this address into your browser:<br>`,
    `<a href="${href}" style="color:${look.accent};word-break:break-all;">${href}</a></p>`,
    ...layout.after.map(para(SMALL)),
    `<p style="margin:24px 0 0;">${escapeHtml(look.signature)}</p>`,
    '</td></tr></table>',
    '</td></tr></table>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/**
 * A name on one line (control characters and line breaks become spaces, so nothing can start a
 * new header or paragraph) and at most `max` characters.
 */
export function oneLine(value: string, max = 80): string {
  const flat = value
    .replace(/[\p{Cc}\u2028\u2029]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = [...flat];
  return chars.length <= max
    ? flat
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}

function greeting(name: string | null | undefined): string {
  const clean = name ? oneLine(name) : '';
  return clean ? `Hello ${clean},` : 'Hello,';
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

/** 3600 → "1 hour", 86400 → "1 day", 1800 → "30 minutes". */
export function duration(seconds: number): string {
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (seconds >= 86_400 && seconds % 86_400 === 0) return unit(seconds / 86_400, 'day');
  if (seconds >= 3_600 && seconds % 3_600 === 0) return unit(seconds / 3_600, 'hour');
  return unit(Math.max(1, Math.ceil(seconds / 60)), 'minute');
}

const UTC_DATE = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });

/** "14 March 2026 at 09:30 UTC". */
function utcDate(date: Date): string {
  return `${UTC_DATE.format(date)} UTC`;
}

export interface NoticeSection {
  title: string;
  /** One figure or fact per line. */
  lines: string[];
}

export interface NoticeInput {
  subject: string;
  brand?: EmailBrand | null;
  /** The first paragraph, e.g. "Visibility changed significantly in workspace Acme." */
  intro: string;
  sections: NoticeSection[];
  action: string;
  link: PublicLink;
  /** Where the recipient stops these emails without signing in. */
  unsubscribe: PublicLink;
  /** Why the recipient gets this email, e.g. "the alert rule “Client team” of workspace Acme". */
  reason: string;
}

/**
 * Alerts and digests: an introduction, sections of figures, a link to the dashboard and an
 * unsubscribe link (in the text, the HTML, and for mail clients in List-Unsubscribe).
 */
export function noticeMessage(input: NoticeInput): EmailContent {
  const look = lookOf(input.brand);
  const text = [
    input.intro,
    ...input.sections.map((s) => [s.title, ...s.lines.map((l) => `- ${l}`)].join('\n')),
    `${input.action}:\n${input.link}`,
    `You receive this email through ${input.reason}. Unsubscribe:\n${input.unsubscribe}`,
    look.signature,
  ]
    .join('\n\n')
    .concat('\n');
  const href = escapeHtml(input.link);
  const section = (s: NoticeSection) =>
    [
      `<h2 style="margin:0 0 8px;font-size:16px;color:${look.primary};">${escapeHtml(s.title)}</h2>`,
      `<ul style="margin:0 0 16px;padding-left:20px;">${s.lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`,
    ].join('\n');
  const html = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(input.subject)}</title></head>`,
    '<body style="margin:0;padding:0;background:#f4f5f7;">',
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f4f5f7;">',
    '<tr><td align="center" style="padding:24px 12px;">',
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:560px;background:#ffffff;border:1px solid #e4e7eb;border-radius:8px;font-family:${FONT};font-size:16px;line-height:1.5;color:#1f2933;">`,
    '<tr><td style="padding:32px;">',
    header(look),
    `<p style="${P}">${escapeHtml(input.intro)}</p>`,
    ...input.sections.map(section),
    '<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 24px;"><tr>',
    `<td style="background:${look.accent};border-radius:6px;">`,
    `<a href="${href}" style="display:inline-block;padding:12px 20px;color:#ffffff;font-weight:bold;text-decoration:none;">${escapeHtml(input.action)}</a>`,
    '</td></tr></table>',
    `<p style="${SMALL}">You receive this email through ${escapeHtml(input.reason)}. `,
    `<a href="${escapeHtml(input.unsubscribe)}" style="color:${look.accent};">Unsubscribe</a></p>`,
    `<p style="margin:24px 0 0;">${escapeHtml(look.signature)}</p>`,
    '</td></tr></table>',
    '</td></tr></table>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
  return { subject: oneLine(input.subject, 150), text, html };
}
