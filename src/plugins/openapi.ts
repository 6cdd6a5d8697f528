/**
 * OpenAPI 3.1 generated from the routes' zod schemas (never hand-written), served at
 * /openapi.json, with a reference UI at /docs.
 */
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from './errors.js';

/** Error responses every authenticated route can return; spread into each route's `response`. */
export const problemResponses = {
  400: problemSchema.describe('The request is invalid; `errors` lists each field to fix'),
  401: problemSchema.describe('Missing, invalid, revoked or expired API key'),
  403: problemSchema.describe('The API key lacks the scope this route needs'),
  404: problemSchema.describe('No such resource in your organization'),
  409: problemSchema.describe('The request conflicts with the current state'),
  422: problemSchema.describe('Well-formed but refused, e.g. over budget'),
  429: problemSchema.describe('Rate limit exceeded; see the RateLimit-* headers'),
};

export async function openapiPlugin(app: FastifyInstance, opts: { version: string }): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Citewatch API',
        version: opts.version,
        description:
          'Measure how AI assistants mention and cite brands. Authenticate with `Authorization: Bearer <API key>`. ' +
          'Errors are application/problem+json. Lists use cursor pagination (`limit`, `cursor` → `nextCursor`).',
      },
      components: { securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'A Citewatch API key (cw_…)' } } },
      security: [{ apiKey: [] }],
    },
    transform: withBodyExamples,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { docExpansion: 'list', deepLinking: true } });
  app.get('/openapi.json', { config: { auth: false }, schema: { hide: true } }, async () => app.swagger());
}

/**
 * zod leaves out an object's `examples` when it converts the input side of a schema that
 * contains transforms, so the request examples declared with `.meta({ examples })` are put back
 * here; @fastify/swagger turns them into the operation's request examples.
 */
const withBodyExamples: typeof jsonSchemaTransform = (input) => {
  const output = jsonSchemaTransform(input);
  const body = (input.schema as { body?: unknown } | undefined)?.body;
  const examples = body instanceof z.ZodType ? z.globalRegistry.get(body)?.examples : undefined;
  const converted = (output.schema as { body?: Record<string, unknown> } | undefined)?.body;
  if (examples && converted && !('examples' in converted)) converted['examples'] = examples;
  return output;
};
