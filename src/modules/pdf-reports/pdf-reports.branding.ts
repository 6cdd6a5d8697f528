/**
 * The organization's branding as the PDF draws it: a name on the cover, two colours and an
 * optional logo (PNG or JPEG bytes, already validated and re-encoded when stored). Read through
 * this one function so the renderer does not care where branding is kept.
 */
import type { Database } from '../../db/client.js';

export interface PdfBranding {
  displayName: string;
  /** #rrggbb */
  primaryColor: string;
  accentColor: string;
  logo: Buffer | null;
}

export const DEFAULT_PRIMARY = '#1d4ed8';
export const DEFAULT_ACCENT = '#0f766e';

export async function pdfBrandingOf(db: Pick<Database, 'prisma'>, organizationId: string): Promise<PdfBranding> {
  const org = await db.prisma.organization.findUnique({ where: { id: organizationId }, select: { name: true } });
  return {
    displayName: org?.name ?? 'Citewatch',
    primaryColor: DEFAULT_PRIMARY,
    accentColor: DEFAULT_ACCENT,
    logo: null,
  };
}
