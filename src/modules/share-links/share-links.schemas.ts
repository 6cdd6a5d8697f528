import { z } from 'zod';
import { instant, itemParams, listQuery, text, timestamp, uuid } from '../common.schemas.js';
import { shareLinkCreatedExample, shareLinkExample, sharedViewExample } from './share-links.examples.js';

/** How long a share link may live at most. */
export const SHARE_LINK_MAX_DAYS = 366;
/** The reports a share link opens. */
export const SHARED_REPORTS = ['visibility', 'share-of-voice', 'trends', 'citations', 'competitor-gap'] as const;
export type SharedReport = (typeof SHARED_REPORTS)[number];

/** "cws_" and 43 base64url characters (32 random bytes). */
export const SHARE_TOKEN_PATTERN = /^cws_[A-Za-z0-9_-]{43}$/;

const lockList = (what: string) =>
  z
    .array(text(50))
    .min(1, `must name at least one ${what}; leave it out to share every ${what}`)
    .max(50)
    .transform((v) => [...new Set(v)]);

export const shareLinkCreate = z
  .object({
    name: text(100).describe('What the link is for, as the list shows it (e.g. the client and period)'),
    expiresAt: instant.describe(`When the link stops working; at most ${SHARE_LINK_MAX_DAYS} days ahead`),
    from: instant.optional().describe('Lock: only runs created at or after this instant are shown'),
    to: instant.optional().describe('Lock: only runs created before this instant are shown'),
    providers: lockList('provider').optional().describe('Lock: only answers of these providers are shown'),
    tags: lockList('tag').optional().describe('Lock: only prompts carrying one of these tags are shown'),
  })
  .strict()
  .meta({
    examples: [
      {
        name: 'Nimbus, Q4 review',
        expiresAt: '2027-01-31T00:00:00Z',
        from: '2026-10-01T00:00:00Z',
        to: '2027-01-01T00:00:00Z',
        providers: ['openai'],
      },
    ],
  });

export const shareLocks = z.object({
  from: timestamp.nullable(),
  to: timestamp.nullable(),
  providers: z.array(z.string()).nullable().describe('null: every provider'),
  tags: z.array(z.string()).nullable().describe('null: every tag'),
});

export const shareOpening = z.object({
  openedAt: timestamp,
  addressClass: z.string().describe('The client network (/24 for IPv4, /48 for IPv6), never the full address'),
  what: z.string().describe('"page", the CSV downloaded (e.g. "visibility.csv"), or "pdf"'),
});

export const shareLinkDto = z
  .object({
    id: uuid,
    workspaceId: uuid,
    name: z.string(),
    locks: shareLocks,
    expiresAt: timestamp,
    revokedAt: timestamp.nullable(),
    status: z.enum(['active', 'expired', 'revoked']),
    createdBy: z.string().describe('"user:<id>" or "key:<id>"'),
    createdAt: timestamp,
    openingCount: z.number().int(),
    lastOpenedAt: timestamp.nullable(),
    recentOpenings: z.array(shareOpening).describe('The latest 10 openings, newest first'),
  })
  .meta({ id: 'ShareLink', examples: [shareLinkExample] });

export const shareLinkCreated = shareLinkDto
  .extend({
    token: z.string().describe('Shown once: only its SHA-256 is stored'),
    url: z.string().describe('The shared page on PUBLIC_BASE_URL, with the token'),
  })
  .meta({ id: 'ShareLinkCreated', examples: [shareLinkCreatedExample] });

export const shareLinkParams = itemParams('shareLinkId');
export const shareLinkListQuery = listQuery.extend({
  status: z.enum(['active', 'all']).default('all').describe('active: only links that still work'),
});

export const sharedParams = z
  .object({ token: z.string().regex(SHARE_TOKEN_PATTERN, 'must be a share link token (cws_…)') })
  .strict();

export const sharedPdf = z
  .union([
    z.object({
      available: z.literal(true),
      filename: z.string().describe('The file name GET /v1/shared/{token}/pdf gives it'),
      from: timestamp.describe('Its period: runs created from this instant…'),
      to: timestamp.describe('…to this one (excluded)'),
      madeAt: timestamp,
    }),
    z.object({
      available: z.literal(false),
      reason: z.string().describe('Why the link offers no PDF, and what to ask the agency for'),
    }),
  ])
  .describe(
    "The PDF report GET /v1/shared/{token}/pdf serves: the most recently made one within the link's period lock. None through a link locked to some assistants or tags, since a PDF covers them all.",
  )
  .meta({ id: 'SharedPdf' });

export const sharedView = z
  .object({
    name: z.string(),
    workspace: z.object({ name: z.string(), timezone: z.string() }),
    branding: z.object({
      displayName: z.string(),
      primaryColor: z.string(),
      accentColor: z.string(),
      logo: z.boolean().describe('Whether GET /v1/shared/{token}/logo has an image'),
    }),
    locks: shareLocks,
    expiresAt: timestamp,
    reports: z.array(z.enum(SHARED_REPORTS)),
    pdf: sharedPdf,
  })
  .meta({ id: 'SharedView', examples: [sharedViewExample] });

export type ShareLinkCreate = z.infer<typeof shareLinkCreate>;
export type ShareLinkDto = z.infer<typeof shareLinkDto>;
export type SharedView = z.infer<typeof sharedView>;
export type SharedPdf = z.infer<typeof sharedPdf>;
export type ShareLocks = z.infer<typeof shareLocks>;
