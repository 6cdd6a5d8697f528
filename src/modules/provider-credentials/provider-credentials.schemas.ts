import { z } from 'zod';
import { organizationKeyProviders, type ProviderName } from '../../providers/settings.js';
import { timestamp } from '../common.schemas.js';

const credentialExample = {
  provider: 'openai',
  hint: '…x7Qa',
  createdAt: '2026-12-02T05:09:38.412Z',
  updatedAt: '2026-12-02T05:09:38.412Z',
};

export const providerParam = z
  .object({ provider: z.enum(organizationKeyProviders() as [ProviderName, ...ProviderName[]]) })
  .strict();

export const credentialPut = z
  .object({
    apiKey: z
      .string()
      .trim()
      .min(8)
      .max(500)
      .optional()
      .describe(
        'The provider API key (SerpApi key for google_ai_overview; Bright Data key for assistant_app, whose DataForSEO login goes in login and password)',
      ),
    login: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .describe('DataForSEO login (google_ai_overview, assistant_app)'),
    password: z.string().min(1).max(500).optional().describe('DataForSEO password (google_ai_overview, assistant_app)'),
  })
  .strict()
  .refine((c) => c.apiKey !== undefined || (c.login !== undefined && c.password !== undefined), {
    message: 'give apiKey, or login and password (DataForSEO)',
    path: ['apiKey'],
  })
  .refine((c) => (c.login === undefined) === (c.password === undefined), {
    message: 'login and password go together',
    path: ['login'],
  })
  .meta({ examples: [{ apiKey: 'sk-proj-…' }] });

export const credentialDto = z
  .object({
    provider: z.string(),
    hint: z.string().describe('Last characters of the key, to recognise it; the key itself is never returned'),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'ProviderCredential', examples: [credentialExample] });

export const credentialList = z
  .object({ data: z.array(credentialDto) })
  .meta({ examples: [{ data: [credentialExample] }] });

export type CredentialPut = z.infer<typeof credentialPut>;
export type CredentialDto = z.infer<typeof credentialDto>;
