/**
 * A fake provider on 127.0.0.1 (random port) for adapter tests: the real SDKs talk HTTP to it,
 * it answers scripted replies in order and records every request, and it can hold a request
 * open forever to exercise timeouts. No test reaches any other host.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

export interface FakeReply {
  status?: number;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string is sent as is (malformed JSON, HTML). */
  body?: unknown;
  /** Never answer: the request stays open until the client gives up. */
  hang?: boolean;
}

export interface RecordedRequest {
  method: string;
  /** Path and query string. */
  url: string;
  headers: IncomingMessage['headers'];
  /** The JSON body, parsed; null when there is none. */
  body: unknown;
}

export class FakeServer {
  readonly requests: RecordedRequest[] = [];
  private readonly queue: FakeReply[] = [];
  private readonly open = new Set<ServerResponse>();

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<FakeServer> {
    let fake: FakeServer | null = null;
    const server = createServer((req, res) => void fake?.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    fake = new FakeServer(server, `http://127.0.0.1:${port}`);
    return fake;
  }

  /** Queues replies, answered in order, one per request. */
  reply(...replies: FakeReply[]): this {
    this.queue.push(...replies);
    return this;
  }

  get last(): RecordedRequest {
    const request = this.requests[this.requests.length - 1];
    if (!request) throw new Error('no request received');
    return request;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    let body: unknown = null;
    try {
      body = text === '' ? null : (JSON.parse(text) as unknown);
    } catch {
      body = text;
    }
    this.requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
    const reply = this.queue.shift() ?? { status: 599, body: { error: { message: 'no reply scripted' } } };
    if (reply.hang) {
      this.open.add(res);
      return;
    }
    const payload = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? {});
    res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
    res.end(payload);
  }

  async close(): Promise<void> {
    for (const res of this.open) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

const FIXTURES = fileURLToPath(new URL('../../fixtures/providers/', import.meta.url));

/** A raw provider body from test/fixtures/providers/<provider>/<file>. */
export function fixture(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(`${FIXTURES}${path}`, 'utf8')) as Record<string, unknown>;
}

/** Catches the rejection of a promise that must fail, for field-by-field assertions. */
export async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected the call to fail');
}
