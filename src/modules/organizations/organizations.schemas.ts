import { parse as parseDomain } from 'tldts';
import { z } from 'zod';
import { listQuery, text, timestamp, uuid } from '../common.schemas.js';
import { apiKeyCreated } from '../api-keys/api-keys.schemas.js';
import { organizationExample, organizationCreatedExample } from './organizations.examples.js';

export const organizationCreate = z
  .object({
    name: text(200),
    adminKeyName: text(100).default('admin').describe('Name of the first admin API key, returned once'),
  })
  .strict()
  .meta({ examples: [{ name: 'Northwind Agency' }] });

/**
 * Mail services anyone can sign up to: claiming one would let any stranger with an address there
 * join the organization through single sign-on.
 */
const OPEN_MAIL_DOMAINS = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'yahoo.com',
  'icloud.com',
  'me.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'gmx.com',
  'gmx.de',
  'mail.com',
  'yandex.com',
  'zoho.com',
]);

/** An email domain an organization claims for single sign-on: a host name, kept in lower case. */
export const ssoDomain = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .transform((value, ctx) => {
    const host = value.toLowerCase().replace(/^@/, '');
    const info = parseDomain(host);
    const valid =
      /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/.test(host) &&
      info.domain !== null &&
      info.isIcann === true &&
      !info.isIp;
    if (!valid) {
      ctx.addIssue({
        code: 'custom',
        message: `"${value}" is not an email domain: give the part after "@" in your people's addresses (e.g. acme.com)`,
      });
      return z.NEVER;
    }
    if (OPEN_MAIL_DOMAINS.has(host)) {
      ctx.addIssue({
        code: 'custom',
        message: `"${host}" is an open mail service: anyone can get an address there, so it cannot admit people to an organization`,
      });
      return z.NEVER;
    }
    return host;
  });

/** The role people of the SSO domain get when they first sign in; never owner or client. */
export const ssoDefaultRole = z.enum(['admin', 'editor', 'viewer']);

export const organizationUpdate = z
  .object({
    name: text(200).optional(),
    ssoDomain: ssoDomain
      .nullable()
      .optional()
      .describe(
        'The email domain of your people (e.g. acme.com); one organization per domain. Null: single sign-on admits nobody by domain.',
      ),
    ssoDefaultRole: ssoDefaultRole
      .nullable()
      .optional()
      .describe(
        'Role given at their first single sign-on to people whose email is in ssoDomain; null: they need an invitation. Needs ssoDomain.',
      ),
  })
  .strict()
  .refine((b) => b.name !== undefined || b.ssoDomain !== undefined || b.ssoDefaultRole !== undefined, {
    message: 'Give at least one of name, ssoDomain, ssoDefaultRole.',
  })
  .meta({
    examples: [{ name: 'Northwind Agency EU' }, { ssoDomain: 'northwind-agency.com', ssoDefaultRole: 'viewer' }],
  });
export const organizationDto = z
  .object({
    id: uuid,
    name: z.string(),
    ssoDomain: z.string().nullable().describe('Email domain admitted through single sign-on; null: none'),
    ssoDefaultRole: ssoDefaultRole
      .nullable()
      .describe(
        'Role given just in time to people of ssoDomain at their first single sign-on; null: invitation needed',
      ),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'Organization', examples: [organizationExample] });
export const organizationCreated = organizationDto
  .extend({ adminKey: apiKeyCreated })
  .meta({ id: 'OrganizationCreated', examples: [organizationCreatedExample] });
export const organizationParams = z.object({ organizationId: uuid }).strict();
export const organizationListQuery = listQuery;

export type OrganizationDto = z.infer<typeof organizationDto>;
export type OrganizationUpdate = z.infer<typeof organizationUpdate>;
