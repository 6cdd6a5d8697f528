/**
 * Every named schema (those the OpenAPI document lists, with their examples) written by the compiled
 * response writer gives the JSON value zod gives: the writer production uses agrees with the schema on
 * each example, beyond the responses the integration tests happen to make.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import '../../src/app.js';
import { createSerializerCompiler, readsBothWays } from '../../src/plugins/response-serializer.js';

const writerOf = (schema: z.ZodType) =>
  createSerializerCompiler({ verify: false })({ schema, method: 'GET', url: '/test', httpStatus: '200' }) as (
    data: unknown,
  ) => string;

describe('compiled response writers', () => {
  const named = [...z.globalRegistry._idmap].filter(([, schema]) => readsBothWays(schema));

  it('cover the named schemas', () => {
    // The routes' modules are loaded by the app: a registry this small would mean they were not.
    expect(named.length).toBeGreaterThan(40);
  });

  it('write every example of every named schema as zod gives it', () => {
    let checked = 0;
    for (const [id, schema] of named) {
      const examples = (z.globalRegistry.get(schema)?.examples ?? []) as unknown[];
      for (const example of examples) {
        const parsed = z.safeParse(schema, example);
        // Request schemas' examples may not be responses; a response example that does not parse
        // is caught by the OpenAPI tests.
        if (!parsed.success) continue;
        expect(JSON.parse(writerOf(schema as z.ZodType)(example)), id).toEqual(JSON.parse(JSON.stringify(parsed.data)));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(40);
  });
});
