import { z } from 'zod';
import { timestamp, uuid } from '../common.schemas.js';

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

export const requestResetBody = z
  .object({ email, redirectTo: z.string().max(2000).optional() })
  .strict()
  .meta({ examples: [{ email: 'ana@agency.example' }] });

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
      { currentPassword: 'correct horse battery', newPassword: 'a new long passphrase', revokeOtherSessions: true },
    ],
  });

export const sendVerificationBody = z
  .object({ email, callbackURL: z.string().max(2000).optional() })
  .strict()
  .meta({ examples: [{ email: 'ana@agency.example' }] });

export const verifyEmailQuery = z
  .object({ token: z.string().min(1).max(2000), callbackURL: z.string().max(2000).optional() })
  .strict();

export const ssoStartBody = z
  .object({
    provider: z.literal('oidc').describe('The deployment’s OpenID Connect provider'),
    callbackURL: z.string().max(2000).optional().describe('Where to land after signing in (a path of this site)'),
    errorCallbackURL: z.string().max(2000).optional(),
  })
  .strict()
  .meta({ examples: [{ provider: 'oidc', callbackURL: '/dashboard/' }] });

export const ssoCallbackParams = z.object({ id: z.string().max(64) }).strict();

/** Whatever better-auth answers on success: passed through as it is. */
export const passThrough = z.looseObject({}).describe('better-auth’s answer');

const personExample = {
  id: '019b0f42-77d0-7c55-8e21-0a1b2c3d4e5f',
  name: 'Ana Duarte',
  email: 'ana@agency.example',
  emailVerified: true,
  image: null,
  createdAt: '2026-12-07T09:14:03.512Z',
  updatedAt: '2026-12-07T09:14:03.512Z',
};

/** better-auth's answers on success, as its routes give them (ids and tokens made up). */
export const relayedExamples = {
  signIn: { redirect: false, token: 'Wz4A9CdAwtY89Oe1rKkd8OK9lYKIsvSl', user: personExample },
  signOut: { success: true },
  requestReset: {
    status: true,
    message: 'If this email exists in our system, check your email for the reset link',
  },
  status: { status: true },
  changePassword: { token: null, user: personExample },
  verifyEmail: { status: true, user: null },
  ssoStart: { url: 'https://accounts.example.com/authorize?client_id=citewatch&state=…', redirect: true },
};

/** The 200 answer of a relayed route, documented with its example. */
export const relayedAnswer = (example: Record<string, unknown>) => passThrough.meta({ examples: [example] });

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
  .meta({
    id: 'Me',
    examples: [
      {
        kind: 'user',
        user: { id: '019b0f42-77d0-7c55-8e21-0a1b2c3d4e5f', email: 'ana@agency.example', name: 'Ana Duarte' },
        apiKey: null,
        organizations: [
          { id: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a02', name: 'Northwind Agency', role: 'editor', workspaceIds: null },
        ],
        csrfToken: 'mZ1q3c8xQy0vN4uJkT2rWb6eLs9hGd5aPf7oIj1nYtE',
        session: {
          id: '019b0f43-1a2b-7c3d-8e4f-5a6b7c8d9e0f',
          createdAt: '2026-12-07T09:14:05.120Z',
          expiresAt: '2026-12-14T09:14:05.120Z',
        },
      },
    ],
  });

const sessionExample = {
  id: '019b0f43-1a2b-7c3d-8e4f-5a6b7c8d9e0f',
  current: true,
  createdAt: '2026-12-07T09:14:05.120Z',
  lastActiveAt: '2026-12-07T10:02:44.871Z',
  expiresAt: '2026-12-14T10:02:44.871Z',
  ipAddress: '203.0.113.7',
  userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) Firefox/133.0',
};

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
  .meta({
    id: 'Session',
    examples: [sessionExample],
  });

export const sessionList = z.object({ data: z.array(sessionDto) }).meta({ examples: [{ data: [sessionExample] }] });

export const sessionsEnded = z
  .object({ ended: z.number().int().describe('Sessions ended, this one included') })
  .meta({ examples: [{ ended: 2 }] });

export const sessionParams = z.object({ sessionId: uuid }).strict();

export type MeDto = z.infer<typeof meDto>;
export type SessionDto = z.infer<typeof sessionDto>;
