/**
 * The response serializer writes schemas that read the same both ways with a compiled writer and
 * encodes the others: the JSON sent is what zod gives, unknown fields are dropped, and outside
 * production a response that breaks its schema is refused.
 */
import { isResponseSerializationError } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { brandDto, type BrandDto } from '../../src/modules/brands/brands.schemas.js';
import { pageOf } from '../../src/modules/common.schemas.js';
import { createSerializerCompiler, readsBothWays } from '../../src/plugins/response-serializer.js';

const compile = (schema: z.ZodType) =>
  createSerializerCompiler({ verify: true })({ schema, method: 'GET', url: '/test', httpStatus: '200' }) as (
    data: unknown,
  ) => string;

const brand: BrandDto = {
  id: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a03',
  workspaceId: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a01',
  name: 'HubSpot',
  aliases: ['HubSpot CRM'],
  domains: ['hubspot.com'],
  kind: 'competitor',
  caseSensitive: false,
  createdAt: '2026-12-02T05:09:39.501Z',
  updatedAt: '2026-12-02T05:09:39.501Z',
};

describe('response serializer', () => {
  it('sends what encoding sends, without unknown fields', () => {
    const page = pageOf(brandDto);
    const data = { data: [{ ...brand, secret: 'x' }, brand], nextCursor: null, extra: 1 };
    const sent = compile(page)(data);
    expect(sent).toBe(JSON.stringify(z.encode(page, data as z.output<typeof page>)));
    expect(JSON.parse(sent)).toEqual({ data: [brand, brand], nextCursor: null });
  });

  it('refuses a response that breaks its schema, naming the field', () => {
    const serialize = compile(pageOf(brandDto));
    let thrown: unknown;
    try {
      serialize({ data: [{ ...brand, kind: 'partner' }], nextCursor: null });
    } catch (err) {
      thrown = err;
    }
    expect(isResponseSerializationError(thrown)).toBe(true);
    if (!isResponseSerializationError(thrown)) return;
    expect(thrown.cause.issues[0]?.path).toEqual(['data', 0, 'kind']);
  });

  it('still encodes schemas that read differently backwards', () => {
    const day = z.codec(z.iso.date(), z.date(), {
      decode: (s) => new Date(`${s}T00:00:00Z`),
      encode: (d) => d.toISOString().slice(0, 10),
    });
    const withDefault = z.object({ n: z.number().default(3) });
    const withTransform = z.object({ s: z.string().transform((s) => s.length) });
    const lazy: z.ZodType = z.lazy(() => z.object({ next: lazy.nullable(), at: day }));
    for (const schema of [day, withDefault, withTransform, lazy, z.array(z.union([z.string(), day]))])
      expect(readsBothWays(schema)).toBe(false);
    expect(compile(z.object({ on: day }))({ on: new Date('2026-12-06T00:00:00Z') })).toBe('{"on":"2026-12-06"}');
    // Encoding never fills in a default: a missing field is refused, as before.
    expect(() => compile(withDefault)({})).toThrow();
  });

  it('reads plain schemas both ways, recursive ones included', () => {
    const tree: z.ZodType = z.lazy(() => z.object({ name: z.string(), children: z.array(tree) }));
    const tagged = z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('a'), a: z.string() }),
      z.object({ kind: z.literal('b'), b: z.number().int().nullable().optional() }),
    ]);
    for (const schema of [pageOf(brandDto), tree, tagged, z.record(z.string(), z.tuple([z.number(), z.boolean()]))])
      expect(readsBothWays(schema)).toBe(true);
    const untagged = z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('a').optional(), a: z.string() }),
      z.object({ kind: z.literal('b'), b: z.number() }),
    ]);
    expect(readsBothWays(untagged)).toBe(false);
  });
});

describe('response writer in production', () => {
  const written = (schema: z.ZodType, data: unknown) =>
    (
      createSerializerCompiler({ verify: false })({ schema, method: 'GET', url: '/test', httpStatus: '200' }) as (
        d: unknown,
      ) => string
    )(data);

  it('writes what zod gives, without unknown fields', () => {
    const page = pageOf(brandDto);
    const data = { data: [{ ...brand, secret: 'x' }, brand], nextCursor: null, extra: 1 };
    const sent = written(page, data);
    expect(sent).toBe(JSON.stringify(z.parse(page, data)));
    expect(JSON.parse(sent)).toEqual({ data: [brand, brand], nextCursor: null });
  });

  it('writes unions, recursive schemas, records and nullable fields as zod does', () => {
    const tree: z.ZodType = z.lazy(() => z.object({ name: z.string(), children: z.array(tree) }));
    const tagged = z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('a'), a: z.string() }),
      z.object({ kind: z.literal('b'), b: z.number().int().nullable().optional() }),
    ]);
    const cases: Array<[z.ZodType, unknown]> = [
      [tree, { name: 'r', children: [{ name: 'c "quoted"\n', children: [], junk: true }] }],
      [z.array(tagged), [{ kind: 'a', a: 'x', b: 1 }, { kind: 'b', b: null }, { kind: 'b' }]],
      [z.record(z.string(), z.tuple([z.number(), z.boolean()])), { 'a b': [1.5, true], é: [-0.25, false] }],
    ];
    for (const [schema, data] of cases) expect(JSON.parse(written(schema, data))).toEqual(z.parse(schema, data));
  });

  it('refuses a response missing a required field', () => {
    const { name: _name, ...nameless } = brand;
    expect(() => written(pageOf(brandDto), { data: [nameless], nextCursor: null })).toThrow(/name/);
  });

  it('leaves types to the check development and tests make', () => {
    // A value outside its enum is written as it is in production; the verifying serializer refuses it (above).
    const sent = written(pageOf(brandDto), { data: [{ ...brand, kind: 'partner' }], nextCursor: null });
    expect(JSON.parse(sent).data[0].kind).toBe('partner');
  });
});
