/**
 * Response serialization: every response is checked against its zod schema, unknown fields are
 * dropped, and the result is sent as JSON, as fastify-type-provider-zod's serializer does.
 *
 * That serializer encodes (`safeEncode`), which runs zod backwards so codecs and transforms can
 * turn values back into their wire form. Backwards, zod gives up its compiled fast path for
 * objects and runs every check twice (once to probe, once for real): a page of 20 brands took
 * about four times as long to encode as to parse. A schema without codecs, transforms,
 * defaults or catches reads the same in both directions, so it is parsed instead; the others
 * are still encoded.
 */
import type { FastifySerializerCompiler } from 'fastify';
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

export const serializerCompiler: FastifySerializerCompiler<unknown> = ({ schema: maybeSchema, method, url }) => {
  const schema = resolve(maybeSchema);
  const check = readsBothWays(schema) ? z.safeParse : z.safeEncode;
  return (data: unknown) => {
    const result = check(schema, data);
    if (result.error) throw new ResponseSerializationError(method, url, { cause: result.error });
    return JSON.stringify(result.data);
  };
};
