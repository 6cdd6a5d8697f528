import { z } from 'zod';
import { text, timestamp, uuid } from '../common.schemas.js';
import { brandingExample, brandingUpdateExamples } from './branding.examples.js';

/** A colour as "#rrggbb", kept in lower case. */
export const hexColor = z
  .string()
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour as #rrggbb, e.g. #1d4ed8')
  .transform((v) => v.toLowerCase());

export const brandingUpdate = z
  .object({
    displayName: text(100)
      .nullable()
      .optional()
      .describe('Shown instead of the organization name on share pages, PDF reports and emails; null: the name'),
    primaryColor: hexColor.nullable().optional().describe('Headings and the page header; null: the default'),
    accentColor: hexColor.nullable().optional().describe('Buttons, links and chart highlights; null: the default'),
    emailSenderName: text(100)
      .nullable()
      .optional()
      .describe('The name in the From: of emails about this organization (the address stays MAIL_FROM); null: none'),
  })
  .strict()
  .refine((b) => Object.values(b).some((v) => v !== undefined), {
    message: 'Give at least one of displayName, primaryColor, accentColor, emailSenderName.',
  })
  .meta({ examples: brandingUpdateExamples });

export const logoDto = z
  .object({
    contentType: z.enum(['image/png', 'image/jpeg']),
    width: z.number().int(),
    height: z.number().int(),
    bytes: z.number().int().describe('Size of the stored (re-encoded) image'),
    updatedAt: timestamp,
  })
  .meta({ id: 'BrandingLogo' });

export const brandingDto = z
  .object({
    organizationId: uuid,
    displayName: z.string().nullable(),
    primaryColor: z.string().nullable(),
    accentColor: z.string().nullable(),
    emailSenderName: z.string().nullable(),
    logo: logoDto.nullable(),
  })
  .meta({ id: 'Branding', examples: [brandingExample] });

export const brandingParams = z.object({ organizationId: uuid }).strict();

export type BrandingDto = z.infer<typeof brandingDto>;
export type BrandingUpdate = z.infer<typeof brandingUpdate>;
