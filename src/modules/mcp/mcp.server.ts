/**
 * One MCP server instance for one caller: every tool of mcp.tools.ts, each answered by a call to
 * its REST route through `RestCaller` (in the API: the Fastify app with the caller's credentials;
 * in `citewatch mcp`: the API over HTTP with the caller's key). The result is the route's JSON, as
 * structured content and as text; a refusal is a tool error carrying the route's problem+json.
 */
import { McpServer, type CallToolResult, type StandardSchemaWithJSON } from '@modelcontextprotocol/server';
import { combinedSchema, pathOf, splitArguments, type ToolSpec } from './mcp.tools.js';

export interface RestCall {
  method: 'GET' | 'POST' | 'PATCH';
  /** The path with its parameters filled in, without the query string. */
  path: string;
  /** Query values as the tool received them; arrays become repeated parameters. */
  query: Record<string, unknown>;
  body: Record<string, unknown> | undefined;
  /** Request headers given as tool arguments (an Idempotency-Key), by their lower-case names. */
  headers: Record<string, string>;
}

export interface RestAnswer {
  status: number;
  /** The parsed JSON answer (a problem+json document for a refusal); null when it had none. */
  body: unknown;
}

export type RestCaller = (call: RestCall) => Promise<RestAnswer>;

export const MCP_SERVER_NAME = 'citewatch';

/** Query values as strings, the way they travel in a URL (arrays stay arrays: repeated parameters). */
export function queryStrings(query: Record<string, unknown>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    out[key] = Array.isArray(value) ? value.map((v) => scalar(v)) : scalar(value);
  }
  return out;
}

const scalar = (value: unknown) => (typeof value === 'object' ? JSON.stringify(value) : String(value));

/**
 * A tool's input schema: the JSON Schema clients see is the combined object of the route's
 * schemas (their input side, as the OpenAPI document shows them); validation runs each part
 * through the route's own schema, and hands on the arguments exactly as given, so the route
 * receives what the client sent and decides as it always does.
 */
function inputSchemaOf(spec: ToolSpec): StandardSchemaWithJSON<Record<string, unknown>> {
  const known = inputSchemas.get(spec);
  if (known) return known;
  const combined = combinedSchema(spec);
  // Servers are made per HTTP request; the JSON Schema of a tool is converted once per process.
  const converted = new Map<string, Record<string, unknown>>();
  const convert = (io: 'input' | 'output') => (options: { target: string }) => {
    const key = `${io} ${options.target}`;
    let json = converted.get(key);
    if (!json) {
      json = combined['~standard'].jsonSchema[io](
        options as Parameters<(typeof combined)['~standard']['jsonSchema']['input']>[0],
      );
      converted.set(key, json);
    }
    return json;
  };
  const schema: StandardSchemaWithJSON<Record<string, unknown>> = {
    '~standard': {
      version: 1,
      vendor: 'citewatch',
      jsonSchema: { input: convert('input'), output: convert('output') },
      validate: async (value) => {
        if (!value || typeof value !== 'object' || Array.isArray(value))
          return { issues: [{ message: 'the arguments must be an object' }] };
        const parts = splitArguments(spec, value as Record<string, unknown>);
        const issues: Array<{ message: string; path: PropertyKey[] }> = parts.unknown.map((key) => ({
          message: `unknown argument; this tool takes ${Object.keys(combined.shape).join(', ')}`,
          path: [key],
        }));
        for (const part of ['params', 'query', 'body', 'headers'] as const) {
          const schema = spec[part];
          if (!schema) continue;
          const result = await schema.safeParseAsync(parts[part] ?? {});
          if (!result.success) issues.push(...result.error.issues.map((i) => ({ message: i.message, path: i.path })));
        }
        return issues.length > 0 ? { issues } : { value: value as Record<string, unknown> };
      },
    },
  };
  inputSchemas.set(spec, schema);
  return schema;
}

const inputSchemas = new WeakMap<ToolSpec, StandardSchemaWithJSON<Record<string, unknown>>>();

/** The text of a refusal: the problem's title, detail and field errors, then the whole document. */
function refusalText(status: number, body: unknown): string {
  const problem = (body ?? {}) as {
    title?: string;
    detail?: string;
    errors?: Array<{ path?: string; message?: string }>;
  };
  const lines = [`HTTP ${status}: ${problem.title ?? 'refused'}${problem.detail ? ` — ${problem.detail}` : ''}`];
  for (const e of problem.errors ?? []) lines.push(`- ${e.path ?? ''}: ${e.message ?? ''}`);
  lines.push(JSON.stringify(body));
  return lines.join('\n');
}

export function resultOf(answer: RestAnswer): CallToolResult {
  const structured =
    answer.body && typeof answer.body === 'object' && !Array.isArray(answer.body)
      ? (answer.body as Record<string, unknown>)
      : { value: answer.body };
  if (answer.status >= 200 && answer.status < 300) {
    return { content: [{ type: 'text', text: JSON.stringify(answer.body) }], structuredContent: structured };
  }
  return {
    isError: true,
    content: [{ type: 'text', text: refusalText(answer.status, answer.body) }],
    structuredContent: structured,
  };
}

/** A server with every tool, answering through `call`. */
export function createCitewatchMcpServer(tools: ToolSpec[], call: RestCaller, version: string): McpServer {
  const server = new McpServer(
    { name: MCP_SERVER_NAME, version },
    {
      capabilities: { tools: {} },
      instructions:
        'Citewatch measures how AI assistants mention and cite brands. Start with list_workspaces; every other tool takes a workspaceId. Reports give each rate with its n and 95% interval: quote them with their n. list_answers opens any report row to its answers. Tools that change something need a key with the write scope.',
    },
  );
  for (const spec of tools) {
    server.registerTool(
      spec.name,
      {
        title: spec.title,
        description: `${spec.description}\n\nREST: ${spec.method} ${spec.url.replace(/:(\w+)/g, '{$1}')}`,
        inputSchema: inputSchemaOf(spec),
        annotations: {
          title: spec.title,
          readOnlyHint: !spec.write,
          destructiveHint: spec.destructive ?? false,
          idempotentHint: spec.method === 'PATCH' || !spec.write,
          openWorldHint: false,
        },
      },
      async (args) => {
        const parts = splitArguments(spec, args);
        return resultOf(
          await call({
            method: spec.method,
            path: pathOf(spec, parts.params),
            query: parts.query,
            body: spec.method === 'GET' ? undefined : (parts.body ?? {}),
            headers: Object.fromEntries(
              Object.entries(parts.headers).flatMap(([name, value]) =>
                typeof value === 'string' ? [[name.toLowerCase(), value]] : [],
              ),
            ),
          }),
        );
      },
    );
  }
  return server;
}
