/**
 * Response serialization: a response is written from its zod schema, unknown fields dropped.
 *
 * A schema that reads the same both ways (no codecs, transforms, defaults or catches) is compiled
 * to a fast-json-stringify writer from the JSON Schema zod gives for it (as for the OpenAPI document).
 * Like zod's parse, it writes only the fields the schema declares, in the schema's order, and
 * refuses a response missing a required field; it is about twice as fast as parsing with zod and
 * then calling JSON.stringify, which was a sixth of the CPU of an authenticated list request
 * (bench:api). It does not check types or formats. Outside production (`verify`) every response
 * is also parsed with zod, and what the writer wrote must be the JSON value zod's output gives: the
 * test suite checks every response the API sends against its schema and the writer against zod.
 *
 * Other schemas are encoded with zod (`safeEncode`), as fastify-type-provider-zod's serializer
 * does, so codecs and transforms turn values back into their wire form. (Backwards, zod gives up
 * its compiled fast path for objects and runs every check twice; a page of 20 brands took about
 * four times as long to encode as to parse, which is why the others are not encoded.)
 */
import type { FastifySerializerCompiler } from 'fastify';
import { isDeepStrictEqual } from 'node:util';
import fastJson from 'fast-json-stringify';
import { ResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';

type Def = z.core.$ZodTypeDef & Record<string, unknown>;

/** Types whose output is not their input: the direction zod runs them in matters. */
const DIRECTED = new Set(['transform', 'pipe', 'default', 'prefault', 'catch', 'success', 'promise', 'function']);

/** Whether parsing `schema` gives what encoding it gives, for every value (see above). */
export function readsBothWays(schema: z.core.$ZodType, seen = new Set<z.core.$ZodType>()): boolean {
  if (seen.has(schema)) return true;
  seen.add(schema);
  const def = schema._zod.def as Def;
  if (DIRECTED.has(def.type)) return false;
  const inner = (s: unknown) => readsBothWays(s as z.core.$ZodType, seen);
  switch (def.type) {
    case 'object': {
      const shape = (def as unknown as z.core.$ZodObjectDef).shape;
      return Object.values(shape).every(inner) && (!def.catchall || inner(def.catchall));
    }
    case 'array':
      return inner(def.element);
    case 'record':
      return inner(def.keyType) && inner(def.valueType);
    case 'map':
      return inner(def.keyType) && inner(def.valueType);
    case 'set':
      return inner(def.valueType);
    case 'tuple':
      return (def.items as unknown[]).every(inner) && (!def.rest || inner(def.rest));
    case 'union': {
      // Encoding a discriminated union whose tag is absent tries every option; parsing picks the
      // option declared without the tag. Such a union is encoded, as before.
      const disc = def.discriminator as string | undefined;
      const options = def.options as z.core.$ZodType[];
      if (disc && options.some((o) => o._zod.propValues?.[disc]?.has(undefined))) return false;
      return options.every(inner);
    }
    case 'intersection':
      return inner(def.left) && inner(def.right);
    case 'nullable':
    case 'optional':
    case 'nonoptional':
    case 'readonly':
      return inner(def.innerType);
    case 'lazy':
      return inner((def.getter as () => unknown)());
    default:
      return true;
  }
}

function resolve(maybeSchema: unknown): z.core.$ZodType {
  if (maybeSchema instanceof z.core.$ZodType) return maybeSchema;
  const properties = (maybeSchema as { properties?: unknown } | null)?.properties;
  if (properties instanceof z.core.$ZodType) return properties;
  throw new TypeError(`A response schema is not a zod schema: ${JSON.stringify(maybeSchema)}`);
}

type Writer = (data: unknown) => string;

/** Writers by schema: many routes share a schema (the problem responses), compiled once. */
const writers = new WeakMap<z.core.$ZodType, Writer | null>();

/**
 * The JSON Schema with every `additionalProperties: false` left out. The writer sends only declared
 * fields either way; but it picks a union's branch by validating the value against each, and an
 * extra field would then match no branch, where zod drops it.
 */
function withoutClosedObjects(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutClosedObjects);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node))
    if (!(key === 'additionalProperties' && value === false)) out[key] = withoutClosedObjects(value);
  return out;
}

/**
 * The fast-json-stringify writer of a schema that reads both ways, compiled on first use (a
 * process compiles only the routes it serves); null when its JSON Schema does not compile.
 */
function writerOf(schema: z.core.$ZodType): Writer | null {
  let writer = writers.get(schema);
  if (writer === undefined) {
    try {
      const json = z.toJSONSchema(schema, { target: 'draft-7', io: 'output', unrepresentable: 'any' });
      writer = fastJson(withoutClosedObjects(json) as Parameters<typeof fastJson>[0]) as Writer;
    } catch {
      writer = null;
    }
    writers.set(schema, writer);
  }
  return writer;
}

/** `verify`: also parse every response with zod and compare (development and tests). */
export function createSerializerCompiler({ verify }: { verify: boolean }): FastifySerializerCompiler<unknown> {
  return ({ schema: maybeSchema, method, url }) => {
    const schema = resolve(maybeSchema);
    const checked = (
      data: unknown,
      check: (schema: z.core.$ZodType, data: unknown) => z.ZodSafeParseResult<unknown>,
    ) => {
      const result = check(schema, data);
      if (result.error) throw new ResponseSerializationError(method, url, { cause: result.error });
      return JSON.stringify(result.data);
    };
    if (!readsBothWays(schema)) return (data: unknown) => checked(data, (s, d) => z.safeEncode(s, d as never));
    // Looked up on the route's first response, then kept by the route.
    let writer: Writer | null | undefined;
    return (data: unknown) => {
      if (writer === undefined) writer = writerOf(schema);
      if (!writer) return checked(data, z.safeParse);
      if (!verify) return writer(data);
      const expected = checked(data, z.safeParse);
      const written = writer(data);
      // The same JSON value; the order of an object's keys may differ (an intersection's fields).
      if (!isDeepStrictEqual(JSON.parse(written), JSON.parse(expected)))
        throw new Error(
          `${method} ${url}: the compiled response writer wrote ${written.slice(0, 300)} where the schema gives ${expected.slice(0, 300)}`,
        );
      return written;
    };
  };
}
