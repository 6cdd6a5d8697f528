import { parse as parseDomain } from 'tldts';
import { z } from 'zod';
import { text, timestamp, uuid } from '../common.schemas.js';
import { brandExample } from './brands.examples.js';

/**
 * Accepts "hubspot.com", "www.hubspot.com" or "https://blog.hubspot.com/x" and keeps the host in
 * lower case without "www.", so subdomains of it count as the brand's (docs/analysis-rules.md, owned domains).
 */
export const brandDomain = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .transform((value, ctx) => {
    const host = value.includes('://') ? safeHost(value) : value.split('/')[0]?.toLowerCase();
    const info = host ? parseDomain(host) : null;
    if (!host || !info?.domain || !info.isIcann || info.isIp) {
      ctx.addIssue({
        code: 'custom',
        message: `"${value}" is not a domain name (e.g. hubspot.com or shop.example.co.uk)`,
      });
      return z.NEVER;
    }
    return host.replace(/^www\./, '');
  });

function safeHost(value: string): string | undefined {
  try {
    return new URL(value).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

const aliases = z
  .array(text(200))
  .max(50)
  .transform((a) => [...new Set(a)]);
const domains = z
  .array(brandDomain)
  .max(50)
  .transform((d) => [...new Set(d)]);

export const brandCreate = z
  .object({
    name: text(200),
    aliases: aliases.default([]).describe('Other names the brand goes by (products, abbreviations)'),
    domains: domains
      .default([])
      .describe('Domains the brand owns; citations of them or their subdomains count as the brand’s'),
    kind: z.enum(['own', 'competitor']).default('competitor'),
    caseSensitive: z
      .boolean()
      .default(false)
      .describe('Match letter case exactly, e.g. for brand names that are common words'),
  })
  .strict()
  .meta({ examples: [{ name: 'HubSpot', aliases: ['HubSpot CRM'], domains: ['hubspot.com'], kind: 'competitor' }] });

export const brandUpdate = z
  .object({
    name: text(200).optional(),
    aliases: aliases.optional(),
    domains: domains.optional(),
    kind: z.enum(['own', 'competitor']).optional(),
    caseSensitive: z.boolean().optional(),
  })
  .strict()
  .meta({ examples: [{ aliases: ['HubSpot CRM', 'HubSpot Sales Hub'] }] });

export const brandDto = z
  .object({
    id: uuid,
    workspaceId: uuid,
    name: z.string(),
    aliases: z.array(z.string()),
    domains: z.array(z.string()),
    kind: z.enum(['own', 'competitor']),
    caseSensitive: z.boolean(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'Brand', examples: [brandExample] });

export type BrandCreate = z.infer<typeof brandCreate>;
export type BrandUpdate = z.infer<typeof brandUpdate>;
export type BrandDto = z.infer<typeof brandDto>;
