import { z } from 'zod';
import { timestamp, uuid } from '../common.schemas.js';
import { meExample, sessionExample } from './accounts.examples.js';

const email = z.email().max(254).describe('Email address (compared without regard to case)');
const password = z.string().min(10).max(256).describe('At least 10 characters');

export const signInBody = z
  .object({
    email,
    password: z.string().min(1).max(256),
    rememberMe: z.boolean().optional(),
  })
  .strict()
  .meta({ examples: [{ email: 'ana@agency.example', password: 'correct horse battery' }] });

const namedOrganization = uuid
  .optional()
  .describe('The organization whose white label the email wears, if the person belongs to it');

export const requestResetBody = z
  .object({ email, redirectTo: z.string().max(2000).optional(), organizationId: namedOrganization })
  .strict()
  .meta({
    examples: [
      { email: 'ana@agency.example' },
      { email: 'ana@agency.example', organizationId: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a00' },
    ],
  });

export const resetPasswordBody = z
  .object({ token: z.string().min(1).max(500), newPassword: password })
  .strict()
  .meta({ examples: [{ token: 'the token from the emailed link', newPassword: 'a new long passphrase' }] });

export const changePasswordBody = z
  .object({
    currentPassword: z.string().min(1).max(256),
    newPassword: password,
    revokeOtherSessions: z.boolean().optional(),
  })
  .strict()
  .meta({
    examples: [
      { currentPassword: 'the old passphrase', newPassword: 'a new long passphrase', revokeOtherSessions: true },
    ],
  });

export const sendVerificationBody = z
  .object({ email, callbackURL: z.string().max(2000).optional(), organizationId: namedOrganization })
  .strict()
  .meta({ examples: [{ email: 'ana@agency.example' }] });

export const verifyEmailQuery = z
  .object({ token: z.string().min(1).max(2000), callbackURL: z.string().max(2000).optional() })
  .strict();

/**
 * A place on this site to send the browser back to: a path starting with one "/", never another
 * site's address (an open redirect would let a link through Citewatch land anywhere).
 */
export function isSitePath(value: string): boolean {
  if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return false;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it refuses
  if (/[\u0000-\u001f\u007f]/.test(value)) return false;
  const end = value.search(/[?#]/);
  if (/%2f|%5c/i.test(end === -1 ? value : value.slice(0, end))) return false;
  const probe = 'https://citewatch.invalid';
  try {
    return new URL(value, probe).origin === probe;
  } catch {
    return false;
  }
}

const sitePath = z.string().max(2000).refine(isSitePath, {
  message:
    'must be a path of this site starting with a single "/" (e.g. "/dashboard/"); addresses of other sites are refused',
});

export const ssoStartBody = z
  .object({
    provider: z.literal('oidc').describe('The deployment’s OpenID Connect provider'),
    callbackURL: sitePath
      .default('/dashboard/')
      .describe('Where to land after signing in: a path of this site (default "/dashboard/")'),
    errorCallbackURL: sitePath
      .optional()
      .describe(
        'Where to land if signing in fails or is refused (default "/dashboard/?page=sign-in"); `error` and `error_description` are added to its query',
      ),
  })
  .strict()
  .meta({ examples: [{ provider: 'oidc', callbackURL: '/dashboard/' }] });

export const authProvidersDto = z
  .object({
    sso: z.object({
      enabled: z.boolean().describe('The deployment configures an OpenID Connect provider'),
      name: z.string().nullable().describe('The label for the sign-in button (OIDC_NAME); null when disabled'),
    }),
  })
  .meta({ id: 'AuthProviders', examples: [{ sso: { enabled: true, name: 'Google Workspace' } }] });

export const ssoCallbackParams = z.object({ providerId: z.string().max(64) }).strict();

export const signedInDto = z
  .object({
    user: z.object({ id: uuid, email: z.string(), name: z.string(), emailVerified: z.boolean() }),
  })
  .meta({
    id: 'SignedIn',
    examples: [
      {
        user: {
          id: '01938a6e-8f2a-7c41-9d3e-2b7f4c1a5e90',
          email: 'ana@agency.example',
          name: 'Ana Lopez',
          emailVerified: true,
        },
      },
    ],
  });

export const doneDto = z.object({ status: z.literal(true) }).meta({ id: 'Done', examples: [{ status: true }] });

export const ssoStartDto = z
  .object({
    url: z.url().describe('Send the browser here: the identity provider’s sign-in page'),
    redirect: z.boolean(),
  })
  .meta({
    id: 'SsoStart',
    examples: [
      {
        url: 'https://login.example-idp.com/authorize?client_id=citewatch&response_type=code&state=Zk9x2c',
        redirect: true,
      },
    ],
  });

/** A provider that answers by form post sends flat text parameters (code, state, iss, …). */
export const ssoCallbackBody = z
  .record(z.string().max(100), z.string().max(10_000))
  .describe('The authorization response’s parameters (code, state, iss, error…)')
  .meta({
    examples: [{ code: 'the authorization code', state: 'the state Citewatch sent', iss: 'https://idp.example' }],
  });

const role = z.enum(['owner', 'admin', 'editor', 'viewer', 'client']);

export const meDto = z
  .object({
    kind: z.enum(['user', 'api_key']),
    user: z
      .object({ id: uuid, email: z.string(), name: z.string() })
      .nullable()
      .describe('The signed-in person; null for an API key'),
    apiKey: z
      .object({
        id: uuid,
        prefix: z.string(),
        organizationId: uuid,
        scopes: z.array(z.enum(['read', 'write', 'admin'])),
        workspaceIds: z.array(uuid).nullable(),
      })
      .nullable(),
    organizations: z.array(
      z.object({
        id: uuid,
        name: z.string(),
        role,
        workspaceIds: z.array(uuid).nullable().describe('For a client: the workspaces shared with them; null: all'),
      }),
    ),
    csrfToken: z.string().nullable().describe('Send as x-csrf-token with every signed-in write; null for keys'),
    session: z.object({ id: uuid, createdAt: timestamp, expiresAt: timestamp }).nullable(),
  })
  .meta({ id: 'Me', examples: [meExample] });

export const sessionDto = z
  .object({
    id: uuid,
    current: z.boolean(),
    createdAt: timestamp,
    lastActiveAt: timestamp,
    expiresAt: timestamp,
    ipAddress: z.string().nullable(),
    userAgent: z.string().nullable(),
  })
  .meta({ id: 'Session', examples: [sessionExample] });

export const sessionList = z.object({ data: z.array(sessionDto) }).meta({ examples: [{ data: [sessionExample] }] });

export const sessionsEnded = z.object({ ended: z.number().int() }).meta({ examples: [{ ended: 3 }] });

export const sessionParams = z.object({ sessionId: uuid }).strict();

export type MeDto = z.infer<typeof meDto>;
export type SessionDto = z.infer<typeof sessionDto>;
