/**
 * An organization's white label as an email wears it: the look the templates draw (name, colours,
 * the logo's place in the header), the From: display name, and the logo itself attached inline
 * (Content-ID EMAIL_LOGO_CID), so no mail client has to fetch an image from elsewhere.
 */
import type { MailAttachment } from '../../lib/mailer.js';
import { EMAIL_LOGO_CID, type EmailBrand } from '../email/templates.js';
import type { Branding } from './branding.service.js';

export interface EmailLook {
  /** What the templates draw; null: Citewatch's own look. */
  brand: EmailBrand | null;
  /** The From: display name; null: MAIL_FROM as it is. */
  fromName: string | null;
  /** The logo, inline; empty without one. */
  attachments: MailAttachment[];
}

export const CITEWATCH_LOOK: EmailLook = { brand: null, fromName: null, attachments: [] };

/** The organization's look: its name, colours and logo, and its sender name (or its display name). */
export function emailLookOf(branding: Branding): EmailLook {
  const logo =
    branding.logo && branding.logoType && branding.logoWidth && branding.logoHeight
      ? { data: branding.logo, type: branding.logoType, width: branding.logoWidth, height: branding.logoHeight }
      : null;
  return {
    brand: {
      displayName: branding.displayName,
      primaryColor: branding.primaryColor,
      accentColor: branding.accentColor,
      logo: logo ? { cid: EMAIL_LOGO_CID, width: logo.width, height: logo.height } : null,
    },
    fromName: branding.emailSenderName ?? branding.displayName,
    attachments: logo
      ? [
          {
            filename: logo.type === 'image/png' ? 'logo.png' : 'logo.jpg',
            contentType: logo.type,
            content: logo.data,
            cid: EMAIL_LOGO_CID,
          },
        ]
      : [],
  };
}
