/**
 * The organization's white label as the PDF draws it: a name on the cover, two colours and an
 * optional logo (PNG or JPEG, re-encoded when stored), and the sender name of the email carrying
 * it. Read from loadBranding, which every renderer shares.
 */
import type { Database } from '../../db/client.js';
import { loadBranding } from '../branding/branding.service.js';

export interface PdfBranding {
  displayName: string;
  /** #rrggbb */
  primaryColor: string;
  accentColor: string;
  logo: Buffer | null;
  emailSenderName: string | null;
}

export async function pdfBrandingOf(db: Pick<Database, 'prisma'>, organizationId: string): Promise<PdfBranding> {
  const b = await loadBranding(db.prisma, organizationId);
  return {
    displayName: b.displayName,
    primaryColor: b.primaryColor,
    accentColor: b.accentColor,
    logo: b.logo,
    emailSenderName: b.emailSenderName,
  };
}
