/**
 * How MCP tool arguments map onto their REST route: path parameters, query and body split by the
 * route's own schemas, fields a tool leaves out refused, query values written as a URL carries them.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { queryStrings, resultOf } from '../../src/modules/mcp/mcp.server.js';
import { combinedSchema, pathOf, splitArguments, toolSpecs, type ToolSpec } from '../../src/modules/mcp/mcp.tools.js';

const specs = await toolSpecs();
const spec = (name: string) => specs.find((s) => s.name === name) as ToolSpec;

describe('MCP tools', () => {
  it('have unique names and never take the same field from two parts of a route', () => {
    expect(new Set(specs.map((s) => s.name)).size).toBe(specs.length);
    for (const s of specs) expect(() => combinedSchema(s), s.name).not.toThrow();
    const clash: ToolSpec = {
      ...spec('update_brand'),
      name: 'clash',
      body: z.object({ brandId: z.string() }) as unknown as ToolSpec['body'],
    };
    expect(() => combinedSchema(clash)).toThrow(/"brandId" is in two parts/);
  });

  it('split arguments into path, query and body by the route’s schemas', () => {
    const ws = '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a6b';
    const brand = '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a06';
    const update = splitArguments(spec('update_brand'), { workspaceId: ws, brandId: brand, kind: 'own', extra: 1 });
    expect(update).toEqual({
      params: { workspaceId: ws, brandId: brand },
      query: {},
      body: { kind: 'own' },
      headers: {},
      unknown: ['extra'],
    });
    const create = splitArguments(spec('create_brand'), { workspaceId: ws, name: 'Initech', 'Idempotency-Key': 'k-1' });
    expect(create).toMatchObject({ body: { name: 'Initech' }, headers: { 'Idempotency-Key': 'k-1' }, unknown: [] });
    expect(pathOf(spec('update_brand'), update.params)).toBe(`/v1/workspaces/${ws}/brands/${brand}`);
    const report = splitArguments(spec('visibility_report'), { workspaceId: ws, groupBy: ['brand'], format: 'csv' });
    expect(report).toMatchObject({ query: { groupBy: ['brand'] }, body: undefined, unknown: ['format'] });
    expect(Object.keys(combinedSchema(spec('visibility_report')).shape)).not.toContain('format');
  });

  it('write query values as a URL carries them: arrays as repeated parameters', () => {
    expect(queryStrings({ groupBy: ['brand', 'day'], limit: 5, includeRaw: 'true', cursor: undefined })).toEqual({
      groupBy: ['brand', 'day'],
      limit: '5',
      includeRaw: 'true',
    });
  });

  it('answer a route’s JSON as structured content and text, and a refusal as a tool error', () => {
    expect(resultOf({ status: 200, body: { rows: [] } })).toEqual({
      content: [{ type: 'text', text: '{"rows":[]}' }],
      structuredContent: { rows: [] },
    });
    const problem = {
      status: 400,
      title: 'Bad Request',
      detail: 'The request is invalid.',
      errors: [{ path: 'body.name', message: 'must not be empty' }],
    };
    const refused = resultOf({ status: 400, body: problem });
    expect(refused.isError).toBe(true);
    expect(refused.structuredContent).toEqual(problem);
    expect((refused.content[0] as { text: string }).text.split('\n').slice(0, 2)).toEqual([
      'HTTP 400: Bad Request — The request is invalid.',
      '- body.name: must not be empty',
    ]);
  });
});
