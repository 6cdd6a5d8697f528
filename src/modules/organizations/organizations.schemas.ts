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
export const organizationUpdate = z
  .object({ name: text(200) })
  .strict()
  .meta({ examples: [{ name: 'Northwind Agency EU' }] });
export const organizationDto = z
  .object({ id: uuid, name: z.string(), createdAt: timestamp, updatedAt: timestamp })
  .meta({ id: 'Organization', examples: [organizationExample] });
export const organizationCreated = organizationDto
  .extend({ adminKey: apiKeyCreated })
  .meta({ id: 'OrganizationCreated', examples: [organizationCreatedExample] });
export const organizationParams = z.object({ organizationId: uuid }).strict();
export const organizationListQuery = listQuery;

export type OrganizationDto = z.infer<typeof organizationDto>;
