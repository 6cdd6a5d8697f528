/**
 * `citewatch mcp`: the Model Context Protocol over stdio, for assistants that start a local
 * command (Claude Desktop, IDEs). Its tools are the same as those of POST /mcp on the API, and it
 * answers them the same way: each call is a request to the REST route, here over HTTP to
 * CITEWATCH_API_URL with CITEWATCH_API_KEY. So it needs no database or Redis access and no
 * secret but the key, and the key's scopes and workspace restriction apply as they do to any
 * REST client: the API decides, never this process.
 *
 * stdout carries the protocol only; problems go to stderr.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { serveStdio, StdioServerTransport } from '@modelcontextprotocol/server/stdio';
import { loadMcpClientEnv, type McpClientEnv } from '../config/env.js';
import { projectRoot } from '../lib/paths.js';
import { createCitewatchMcpServer, queryStrings, type RestCaller } from '../modules/mcp/mcp.server.js';
import { toolSpecs } from '../modules/mcp/mcp.tools.js';
import { parseCommandArgs, UsageError, type CliIo } from './io.js';

/** Each tool call waits this long for the API at most. */
const CALL_TIMEOUT_MS = 120_000;

/** The REST routes of the API at `env.CITEWATCH_API_URL`, called with the key. */
export function httpCaller(env: McpClientEnv, fetchImpl: typeof fetch = fetch): RestCaller {
  return async (call) => {
    const url = new URL(`${env.CITEWATCH_API_URL}${call.path}`);
    for (const [key, value] of Object.entries(queryStrings(call.query))) {
      for (const v of [value].flat()) url.searchParams.append(key, v);
    }
    let res: Response;
    try {
      res = await fetchImpl(url, {
        method: call.method,
        headers: {
          ...call.headers,
          authorization: `Bearer ${env.CITEWATCH_API_KEY}`,
          accept: 'application/json',
          ...(call.body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(call.body !== undefined ? { body: JSON.stringify(call.body) } : {}),
        signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
      });
    } catch (err) {
      return {
        status: 503,
        body: {
          title: 'Citewatch API unreachable',
          detail: `No answer from ${env.CITEWATCH_API_URL} (${(err as Error).message}); check CITEWATCH_API_URL and that the API is running. A write may or may not have been applied: list before retrying.`,
        },
      };
    }
    const text = await res.text();
    const json = /json/.test(res.headers.get('content-type') ?? '');
    return { status: res.status, body: json && text ? JSON.parse(text) : text || null };
  };
}

function packageVersion(): string {
  try {
    return String(JSON.parse(readFileSync(join(projectRoot(), 'package.json'), 'utf8')).version);
  } catch {
    return '0.0.0';
  }
}

export async function mcpCommand(argv: string[], io: CliIo): Promise<number> {
  const { positionals } = parseCommandArgs(argv, {});
  if (positionals.length > 0)
    throw new UsageError('takes no arguments; set CITEWATCH_API_URL and CITEWATCH_API_KEY in the environment');
  const env = loadMcpClientEnv();
  const tools = await toolSpecs();
  const call = httpCaller(env);
  const version = packageVersion();
  const stdin = io.stdin as Readable;
  const ended = new Promise<void>((resolve) => {
    stdin.once('end', resolve);
    stdin.once('close', resolve);
  });
  const handle = serveStdio(() => createCitewatchMcpServer(tools, call, version), {
    transport: new StdioServerTransport(stdin, io.stdout as Writable),
    onerror: (err) => io.stderr.write(`citewatch mcp: ${err.message}\n`),
  });
  io.stderr.write(`citewatch mcp: serving ${tools.length} tools over stdio for ${env.CITEWATCH_API_URL}\n`);
  await ended;
  await handle.close();
  return 0;
}
