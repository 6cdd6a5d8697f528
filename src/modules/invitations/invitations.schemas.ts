import { z } from 'zod';
import { listQuery, text, timestamp, uuid } from '../common.schemas.js';
import { memberRole, sharedWorkspaces } from '../members/members.schemas.js';
import {
  clientInvitationExample,
  invitationAcceptedExample,
  invitationExample,
  invitationLookupExample,
  invitationTokenExample,
} from './invitations.examples.js';

const token = z.string().min(1).max(200).describe('The token of the invitation link (after `token=`)');

export const invitationCreate = z
  .object({
    email: z.email().max(254).describe('Who is invited (compared without regard to case)'),
    role: memberRole,
    workspaceIds: sharedWorkspaces
      .optional()
      .describe('The workspaces to share: required with the client role, refused with the others'),
  })
  .strict()
  .meta({
    examples: [
      { email: 'ana@agency.example', role: 'editor' },
      { email: 'marketing@nimbuscrm.example', role: 'client', workspaceIds: ['0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a01'] },
    ],
  });

export const invitationStatus = z
  .enum(['pending', 'accepted', 'revoked', 'expired'])
  .describe('pending until accepted, revoked or past expiresAt');

export const invitationDto = z
  .object({
    id: uuid,
    email: z.string(),
    role: memberRole,
    workspaceIds: z.array(uuid).nullable().describe('For a client: the workspaces to share; null for other roles'),
    status: invitationStatus,
    expiresAt: timestamp,
    createdAt: timestamp,
  })
  .meta({ id: 'Invitation', examples: [invitationExample, clientInvitationExample] });

export const invitationListQuery = listQuery
  .extend({
    status: z
      .enum(['pending', 'all'])
      .default('pending')
      .describe('pending (default), or all: accepted, revoked and expired ones too'),
  })
  .strict();

export const invitationParams = z.object({ invitationId: uuid }).strict();

export const invitationLookupQuery = z.object({ token }).strict();

export const invitationLookup = z
  .object({
    organizationName: z.string(),
    email: z.string().describe('The invited address: the account to sign in with, or to create'),
    role: memberRole,
    expiresAt: timestamp,
    accountExists: z
      .boolean()
      .describe('true: sign in as this address, then accept; false: accept with a name and a password'),
  })
  .meta({ id: 'InvitationLookup', examples: [invitationLookupExample] });

export const invitationAccept = z
  .object({
    token,
    name: text(100)
      .refine((v) => !v.includes('\u0000'), 'must not contain U+0000')
      .optional()
      .describe('Your name: required when the address has no account yet'),
    password: z
      .string()
      .min(10, 'must be at least 10 characters')
      .max(256)
      .optional()
      .describe('At least 10 characters: required when the address has no account yet'),
  })
  .strict()
  .meta({
    examples: [{ token: invitationTokenExample, name: 'Ana Duarte', password: 'a long passphrase of mine' }],
  });

export const invitationAccepted = z
  .object({ organizationId: uuid, userId: uuid })
  .meta({ id: 'InvitationAccepted', examples: [invitationAcceptedExample] });

export type InvitationCreate = z.infer<typeof invitationCreate>;
export type InvitationDto = z.infer<typeof invitationDto>;
export type InvitationLookup = z.infer<typeof invitationLookup>;
