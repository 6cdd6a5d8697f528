/** A workspace's source-category overrides: a domain and the category it gives that domain. */
import { z } from 'zod';
import { LISTED_CATEGORIES } from '../../analysis/source-categories/index.js';
import { brandDomain } from '../brands/brands.schemas.js';
import { text, timestamp, uuid } from '../common.schemas.js';
import { sourceCategoryOverrideExample } from './source-categories.examples.js';

export const listedCategory = z
  .enum(LISTED_CATEGORIES)
  .describe(
    'A source category. own and competitor come from the brands’ owned domains and cannot be given by an override.',
  );

const note = text(500).nullable().describe('Why the workspace classifies the domain this way');

export const sourceCategoryOverrideCreate = z
  .object({
    domain: brandDomain.describe('A domain or host (e.g. crmforum.example.org); its subdomains take the same category'),
    category: listedCategory,
    note: note.optional(),
  })
  .strict()
  .meta({
    examples: [{ domain: 'crmforum.example.org', category: 'forum', note: 'A user community our buyers read' }],
  });

export const sourceCategoryOverrideUpdate = z
  .object({ domain: brandDomain.optional(), category: listedCategory.optional(), note: note.optional() })
  .strict()
  .meta({ examples: [{ category: 'review' }] });

export const sourceCategoryOverrideDto = z
  .object({
    id: uuid,
    workspaceId: uuid,
    domain: z.string(),
    category: listedCategory,
    note: z.string().nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'SourceCategoryOverride', examples: [sourceCategoryOverrideExample] });

export type SourceCategoryOverrideCreate = z.infer<typeof sourceCategoryOverrideCreate>;
export type SourceCategoryOverrideUpdate = z.infer<typeof sourceCategoryOverrideUpdate>;
export type SourceCategoryOverrideDto = z.infer<typeof sourceCategoryOverrideDto>;
