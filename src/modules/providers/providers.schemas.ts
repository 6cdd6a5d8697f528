import { z } from 'zod';
import { providersExample } from './providers.examples.js';

const parameterFields = {
  name: z.string().describe('The key in a model configuration’s `params`'),
  type: z.enum(['number', 'integer', 'string', 'boolean', 'enum', 'object']),
  required: z.boolean(),
  min: z.number().optional().describe('Smallest value accepted'),
  max: z.number().optional().describe('Largest value accepted'),
  exclusiveMin: z.number().optional().describe('Values must be greater than this'),
  maxLength: z.number().int().optional().describe('Longest text accepted'),
  pattern: z.string().optional().describe('Regular expression a text must match'),
  format: z.string().optional().describe('e.g. uri'),
  values: z.array(z.string()).optional().describe('The values an enum accepts'),
  default: z.unknown().optional().describe('What applies when the parameter is left out'),
  description: z.string(),
};

const parameter = z.object({
  ...parameterFields,
  fields: z.array(z.object(parameterFields)).optional().describe('The fields of an object parameter (userLocation)'),
});

export const providersDto = z
  .object({
    providers: z.array(
      z.object({
        name: z.string().describe('The `provider` of a model configuration'),
        label: z.string(),
        channel: z
          .enum(['api', 'serp', 'mock', 'app'])
          .describe(
            'api: a model API; serp: captured from a results page; app: captured from a consumer assistant app (ChatGPT, Gemini) through a capture vendor',
          ),
        configured: z
          .boolean()
          .describe('A key is there: the deployment’s or the organization’s own (the mock needs none)'),
        keySource: z
          .enum(['organization', 'deployment', 'none'])
          .nullable()
          .describe('Whose key runs use (the organization’s wins); null for providers that need none'),
        organizationKeys: z
          .boolean()
          .describe('Whether the organization may store its own key (PUT /provider-credentials)'),
        userEndpoint: z.boolean().describe('Configurations name their own endpoint (params.baseUrl)'),
        models: z
          .array(
            z.object({
              id: z.string().describe('Model id, or a family of ids when it ends with *'),
              note: z.string().describe('Why the rules below hold'),
              sampling: z
                .enum(['yes', 'no', 'with_effort_none'])
                .describe(
                  'Whether temperature and topP are accepted (with_effort_none: only with reasoningEffort "none")',
                ),
              efforts: z
                .union([z.array(z.string()), z.literal('any')])
                .describe('reasoningEffort values accepted ([]: none; any: not known, passed on)'),
              webSearch: z.enum(['yes', 'no', 'always']).describe('always: the model searches on every call'),
              api: z.enum(['chat', 'responses']).nullable().describe('The only OpenAI API this model works through'),
            }),
          )
          .describe('Models Citewatch knows the rules of; others are accepted and their parameters passed on'),
        parameters: z.array(parameter).describe('Every parameter this provider accepts'),
        refused: z
          .array(z.object({ name: z.string(), reason: z.string() }))
          .describe(
            'Common parameters this provider never takes, with the reason a configuration setting one is refused (e.g. persona on a results page)',
          ),
      }),
    ),
  })
  .meta({ examples: [providersExample] });
export type ProvidersDto = z.infer<typeof providersDto>;
export type ProviderDto = ProvidersDto['providers'][number];
export type ParameterDto = ProviderDto['parameters'][number];
