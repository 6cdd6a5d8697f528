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

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: problemSchema } },
});

/**
 * Error responses every authenticated route can return; spread into each route's `response`.
 * They are documented as application/problem+json, the type the error handler sends; 413 and
 * 415 are added to the routes that take a body when the document is generated.
 */
export const problemResponses = {
  400: problem('The request is invalid; `errors` lists each field to fix'),
  401: problem('Missing, invalid, revoked or expired API key'),
  403: problem('The API key lacks the scope this route needs'),
  404: problem('No such resource in your organization'),
  409: problem('The request conflicts with the current state'),
  422: problem('Well-formed but refused, e.g. over budget'),
  429: problem('Rate limit exceeded; see the RateLimit-* headers'),
  500: problem('Unexpected failure; quote the requestId when reporting it'),
  503: problem('A dependency (job queue, encryption key) is unavailable; retry shortly'),
};

const bodyProblems = {
  413: problem('The request body is larger than BODY_LIMIT bytes'),
  415: problem('The request body has a content type this route does not accept'),
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
          'Errors are application/problem+json. Lists use cursor pagination (`limit`, `cursor` → `nextCursor`). ' +
          'Assistants and agents reach the same routes as Model Context Protocol tools at `/mcp` (Streamable HTTP, same keys and scopes) or through `citewatch mcp` (stdio); see docs/integrators.md.',
      },
      components: {
        securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'A Citewatch API key (cw_…)' } },
      },
      security: [{ apiKey: [] }],
    },
    transform: withExamples,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { docExpansion: 'list', deepLinking: true } });
  app.get('/openapi.json', { config: { auth: false }, schema: { hide: true } }, async () => app.swagger());
}

type Json = Record<string, unknown>;

const examplesOf = (schema: unknown): unknown[] | undefined =>
  schema instanceof z.ZodType ? (z.globalRegistry.get(schema)?.examples as unknown[] | undefined) : undefined;

/** zod schemas by media type, for a plain schema or a `{ content: { type: { schema } } }` map. */
function byMediaType(declared: unknown, fallback: string): Array<[string, unknown]> {
  const content = (declared as { content?: Record<string, { schema?: unknown }> } | undefined)?.content;
  if (content && !(declared instanceof z.ZodType)) return Object.entries(content).map(([type, m]) => [type, m.schema]);
  return [[fallback, declared]];
}

/**
 * zod leaves out the `examples` of a schema that has an id (it becomes a `$ref`) or contains
 * transforms, so the examples declared with `.meta({ examples })` are put back next to each body
 * and response schema here; @fastify/swagger turns them into the media type's examples. A body
 * that is JSON or CSV (a union with a string) is split into its two media types.
 */
const withExamples: typeof jsonSchemaTransform = (input) => {
  const declared = (input.schema ?? {}) as { body?: unknown; response?: Record<string, unknown> };
  const takesBody = declared.body !== undefined && input.url.startsWith('/v1/');
  const output = jsonSchemaTransform(
    takesBody ? { ...input, schema: { ...input.schema, response: { ...declared.response, ...bodyProblems } } } : input,
  );
  const converted = (output.schema ?? {}) as { body?: Json; response?: Record<string, Json> };
  if (declared.body && converted.body) converted.body = bodyWithExamples(declared.body, converted.body);
  for (const [status, schema] of Object.entries(declared.response ?? {})) {
    const out = converted.response?.[status];
    if (!out || !status.startsWith('2')) continue;
    const content = out['content'] as Record<string, Json> | undefined;
    for (const [type, zodSchema] of byMediaType(schema, 'application/json')) {
      const examples = examplesOf(zodSchema);
      if (!examples) continue;
      if (content) {
        const media = content[type];
        if (media && !('examples' in media)) media['examples'] = named(examples);
      } else if (converted.response) {
        // Next to a `$ref` the examples would be dropped: the media type carries them instead.
        const { description, ...schemaOnly } = out;
        converted.response[status] = {
          ...(description ? { description } : {}),
          content: { [type]: { schema: schemaOnly, examples: named(examples) } },
        };
      }
    }
  }
  return output;
};

const named = (examples: unknown[]) => Object.fromEntries(examples.map((value, i) => [`example${i + 1}`, { value }]));

function bodyWithExamples(declared: unknown, converted: Json): Json {
  const examples = examplesOf(declared);
  const members = converted['anyOf'] as Json[] | undefined;
  const csv = members?.find((m) => m['type'] === 'string');
  if (members && csv) {
    const json = members.find((m) => m !== csv) as Json;
    const csvExamples = (csv['examples'] as unknown[] | undefined) ?? [];
    return {
      content: {
        'application/json': { schema: { ...json, ...(examples ? { examples } : {}) } },
        'text/csv': { schema: { ...csv, ...(csvExamples.length ? { examples: csvExamples } : {}) } },
      },
    };
  }
  if (examples && !('examples' in converted)) converted['examples'] = examples;
  return converted;
}
