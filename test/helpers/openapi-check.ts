/**
 * Reading the generated OpenAPI document the way a client would: the media types of a response,
 * their examples, and a validator for "does this body match what the document says".
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { OpenApiDoc } from './full-tenant.js';

export interface Media {
  schema?: unknown;
  example?: unknown;
  examples?: Record<string, { value?: unknown }>;
}

export function contentOf(response: unknown): Record<string, Media> {
  return ((response as { content?: Record<string, Media> } | undefined)?.content ?? {}) as Record<string, Media>;
}

export function examplesOf(media: Media): unknown[] {
  if (media.examples) return Object.values(media.examples).map((e) => e.value);
  return media.example !== undefined ? [media.example] : [];
}

const DOC_ID = 'https://citewatch.dev/openapi.json';

/** Validates bodies against the document's own schemas, `$ref`s to components included. */
export function schemaChecker(doc: OpenApiDoc) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema({ components: doc.components, $id: DOC_ID });
  const errorsOf = (check: ReturnType<typeof ajv.compile>, body: unknown) =>
    check(body) ? [] : (check.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
  const compiled = new Map<unknown, ReturnType<typeof ajv.compile>>();
  const compile = (schema: unknown) => {
    let check = compiled.get(schema);
    if (!check) {
      // Component $refs are relative to the document: point them at it.
      const absolute = JSON.parse(
        JSON.stringify(schema ?? {}).replaceAll('"#/components/', `"${DOC_ID}#/components/`),
      ) as object;
      check = ajv.compile(absolute);
      compiled.set(schema, check);
    }
    return check;
  };
  return {
    /** Problems of `body` against a schema taken from the document. */
    against: (schema: unknown, body: unknown) => errorsOf(compile(schema), body),
    /** Problems of a response body against what the document says for this route, status and type. */
    response(template: string, method: string, status: number, contentType: string, body: unknown): string[] {
      const op = doc.paths[template]?.[method.toLowerCase()];
      const media = contentOf(op?.responses?.[String(status)]);
      const type = contentType.split(';')[0]?.trim() ?? '';
      if (!op?.responses?.[String(status)]) return [`${method} ${template} has no documented ${status} response`];
      if (Object.keys(media).length === 0)
        return body === undefined || body === '' ? [] : [`${status} is documented without a body`];
      const m = media[type];
      if (!m) return [`${status} is documented as ${Object.keys(media).join(', ')}, sent as ${type}`];
      return errorsOf(compile(m.schema), body);
    },
  };
}
