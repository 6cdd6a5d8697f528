/**
 * POST /mcp (and GET, which stateless serving answers 405): the Model Context Protocol over
 * Streamable HTTP, in the authenticated context like /v1, so the caller is an API key or a
 * signed-in person (with the CSRF token) before any MCP message is read. Each tool call is then
 * sent to its REST route inside this same app (`app.inject`) with the caller's own credentials,
 * address and request id: the route's scope, the workspace restriction, tenant isolation,
 * validation, the rate limit and the audit log apply to it exactly as to the REST request.
 *
 * Serving is stateless (a server instance per HTTP request, no MCP session to keep), so any API
 * process can answer any request. Not in the OpenAPI document: it is one JSON-RPC endpoint, not a
 * REST resource; docs/integrators.md describes it.
 */
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { toWebRequest } from '@modelcontextprotocol/node';
import { createMcpHandler } from '@modelcontextprotocol/server';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { createCitewatchMcpServer, queryStrings, type RestCaller } from './mcp.server.js';
import { toolSpecs } from './mcp.tools.js';

/** The caller's credentials, forwarded to each REST request a tool makes. */
const FORWARDED_HEADERS = ['authorization', 'x-api-key', 'cookie', 'x-csrf-token', 'x-organization-id'] as const;

interface CallerOrigin {
  headers: Record<string, string>;
  ip: string;
  requestId: string;
}

/** The REST routes of this app, called as the caller of the MCP request. */
function injectingCaller(app: FastifyInstance, origin: CallerOrigin): RestCaller {
  return async (call) => {
    const res = await app.inject({
      method: call.method,
      url: call.path,
      query: queryStrings(call.query),
      headers: { ...call.headers, ...origin.headers, 'x-request-id': origin.requestId },
      remoteAddress: origin.ip,
      ...(call.body !== undefined ? { payload: call.body } : {}),
    });
    const type = String(res.headers['content-type'] ?? '');
    return { status: res.statusCode, body: /json/.test(type) && res.body ? res.json() : res.body || null };
  };
}

function originOf(request: FastifyRequest): CallerOrigin {
  const headers: Record<string, string> = {};
  for (const name of FORWARDED_HEADERS) {
    const value = request.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  return { headers, ip: request.ip, requestId: request.id };
}

export async function mcpRoutes(app: FastifyInstance, deps: { version: string }): Promise<void> {
  const tools = await toolSpecs();
  const handler = createMcpHandler(
    (ctx) => {
      const origin = ctx.authInfo?.extra?.['origin'] as CallerOrigin | undefined;
      if (!origin) throw new Error('an MCP request reached the server without its authenticated caller');
      return createCitewatchMcpServer(tools, injectingCaller(app, origin), deps.version);
    },
    { legacy: 'stateless', onerror: (err) => app.log.warn({ err: err.message }, 'MCP request refused') },
  );
  app.addHook('onClose', async () => handler.close());

  app.route({
    method: ['POST', 'GET'],
    url: '/mcp',
    // Reading needs the read scope; each tool's REST route asks for more where it changes
    // something. Restricted keys may connect: the routes hide the workspaces they cannot open.
    config: { scope: 'read', restrictedOk: true, readOnly: true },
    schema: { hide: true },
    handler: async (request, reply) => {
      const auth = request.auth;
      if (!auth) throw new Error('unauthenticated request reached /mcp');
      const abort = new AbortController();
      // A client that goes away before its answer cancels the exchange.
      reply.raw.once('close', () => {
        if (!reply.raw.writableFinished) abort.abort();
      });
      const webRequest = await toWebRequest(request.raw, request.body, { signal: abort.signal });
      const response = await handler.fetch(webRequest, {
        ...(request.body !== undefined ? { parsedBody: request.body } : {}),
        authInfo: {
          token: auth.principal.id ?? 'platform',
          clientId: `${auth.principal.type}:${auth.principal.id}`,
          scopes: auth.scopes,
          extra: { origin: originOf(request) },
        },
      });
      reply.status(response.status);
      response.headers.forEach((value, name) => {
        reply.header(name, value);
      });
      if (!response.body) return reply.send();
      return reply.send(Readable.fromWeb(response.body as WebReadableStream));
    },
  });
}
