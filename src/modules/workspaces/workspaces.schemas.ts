import { z } from 'zod';
import { text, timeZone, timestamp, uuid } from '../common.schemas.js';
import { workspaceExample } from './workspaces.examples.js';

export const workspaceCreate = z
  .object({
    name: text(200),
    timezone: timeZone.default('UTC').describe('IANA time zone used for daily and weekly trends'),
  })
  .strict()
  .meta({ examples: [{ name: 'Acme — EU market', timezone: 'Europe/Paris' }] });

export const workspaceUpdate = z
  .object({ name: text(200).optional(), timezone: timeZone.optional() })
  .strict()
  .meta({ examples: [{ timezone: 'America/New_York' }] });

export const workspaceDto = z
  .object({
    id: uuid,
    organizationId: uuid,
    name: z.string(),
    timezone: z.string(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'Workspace', examples: [workspaceExample] });

export type WorkspaceCreate = z.infer<typeof workspaceCreate>;
export type WorkspaceUpdate = z.infer<typeof workspaceUpdate>;
export type WorkspaceDto = z.infer<typeof workspaceDto>;
