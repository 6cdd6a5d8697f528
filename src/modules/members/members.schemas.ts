import { z } from 'zod';
import { listQuery, timestamp, uuid } from '../common.schemas.js';
import { clientMemberExample, memberExample } from './members.examples.js';

export const memberRole = z
  .enum(['owner', 'admin', 'editor', 'viewer', 'client'])
  .describe(
    'owner: everything, including owners; admin: members, keys and settings; editor: workspace data; viewer: reads; client: reads the workspaces shared with them',
  );

/** Workspaces shared with a client: at least one, each a workspace of the organization. */
export const sharedWorkspaces = z
  .array(uuid)
  .min(1, 'must list at least one workspace to share with the client')
  .max(500)
  .transform((ids) => [...new Set(ids)]);

export const memberDto = z
  .object({
    id: uuid.describe('The membership’s id (use it in /v1/members/{memberId})'),
    userId: uuid,
    email: z.string(),
    name: z.string(),
    role: memberRole,
    workspaceIds: z
      .array(uuid)
      .nullable()
      .describe('For a client: the workspaces shared with them; null for other roles (every workspace)'),
    createdAt: timestamp,
  })
  .meta({ id: 'Member', examples: [memberExample, clientMemberExample] });

export const memberUpdate = z
  .object({
    role: memberRole.optional(),
    workspaceIds: sharedWorkspaces
      .optional()
      .describe('Replaces the workspaces shared with a client; only for the client role'),
  })
  .strict()
  .refine((b) => b.role !== undefined || b.workspaceIds !== undefined, 'give role, workspaceIds or both')
  .meta({
    examples: [{ role: 'viewer' }, { role: 'client', workspaceIds: ['0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a01'] }],
  });

export const memberParams = z.object({ memberId: uuid }).strict();
export const memberListQuery = listQuery;

export type MemberRoleName = z.infer<typeof memberRole>;
export type MemberDto = z.infer<typeof memberDto>;
export type MemberUpdate = z.infer<typeof memberUpdate>;
