/**
 * OpenAPI 3.1 generated from the routes' zod schemas (never hand-written), served at
 * /openapi.json, with a reference UI at /docs.
 */
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { IdempotencyRoutes } from '../modules/idempotency/idempotency.hooks.js';
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

export async function openapiPlugin(
  app: FastifyInstance,
  opts: { version: string; idempotent?: IdempotencyRoutes },
): Promise<void> {
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
    transformObject: (input) => {
      const document = jsonSchemaTransformObject(input);
      if (opts.idempotent) documentIdempotency(document as unknown as Json, opts.idempotent);
      return document;
    },
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

const IDEMPOTENCY_PARAMETER = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'Makes a retry safe: a unique value per create (a UUID). The same key with the same request within 24 hours answers the first answer again (same status and body, with `Idempotent-Replayed: true`) and creates nothing; with another request it is refused (422 `idempotency_key_reused`); while the first request is still being handled, 409 `idempotency_key_in_use` (retry after `Retry-After` seconds). Keys belong to the API key or person sending them. See docs/integrators.md, "Retrying safely".',
  schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7E]+$' },
  example: '5b0c1e8e-8d41-4c57-9f3e-2f6a3a7c9d10',
};

const REPLAYED_HEADER = {
  'Idempotent-Replayed': {
    description: 'Present (`true`) when this answer is the replay of an earlier request with the same Idempotency-Key.',
    schema: { type: 'string', enum: ['true'] },
  },
};

/**
 * The Idempotency-Key header, the replay header and the refusals it brings, on every create that
 * takes it (idempotency.hooks.ts decides which, as the routes are registered).
 */
function documentIdempotency(document: Json, routes: IdempotencyRoutes): void {
  const paths = (document['paths'] ?? {}) as Record<string, Record<string, Json>>;
  const openapiPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
  for (const route of routes.keyed) {
    const operation = paths[openapiPath(route.slice('POST '.length))]?.['post'];
    if (!operation) continue;
    operation['parameters'] = [...((operation['parameters'] as Json[] | undefined) ?? []), IDEMPOTENCY_PARAMETER];
    const responses = (operation['responses'] ?? {}) as Record<string, Json>;
    for (const [status, response] of Object.entries(responses)) {
      if (status.startsWith('2'))
        response['headers'] = { ...(response['headers'] as Json | undefined), ...REPLAYED_HEADER };
    }
    if (responses['409'])
      responses['409'] = {
        ...responses['409'],
        description:
          'The request conflicts with the current state; or `idempotency_key_in_use`: another request with this Idempotency-Key is being handled (retry after `Retry-After`); or `idempotency_key_interrupted`: the first request with this key stopped before its answer was kept (check whether it created something, then use a new key)',
      };
    if (responses['422'])
      responses['422'] = {
        ...responses['422'],
        description:
          'Well-formed but refused, e.g. over budget; or `idempotency_key_reused`: this Idempotency-Key was first sent with a different request',
      };
  }
  for (const route of routes.refused) {
    const operation = paths[openapiPath(route.slice('POST '.length))]?.['post'];
    if (!operation) continue;
    const note =
      'Takes no `Idempotency-Key` (400 if sent): the answer holds a secret shown once, which Citewatch does not keep, so it cannot be replayed.';
    operation['description'] = operation['description'] ? `${operation['description']}\n\n${note}` : note;
  }
}
