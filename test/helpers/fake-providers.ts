/**
 * One fake HTTP server on 127.0.0.1 standing in for every provider at once, for pipeline tests:
 * each provider gets its own path prefix (its *_BASE_URL or a configuration's baseUrl), and each
 * route answers a scripted sequence whose last reply repeats, so retries and concurrent calls
 * never run out of answers. Every request is recorded with its route.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

export interface RouteReply {
  status?: number;
  headers?: Record<string, string>;
  /** An object is sent as JSON, a string as is. */
  body: unknown;
}

export interface RoutedRequest {
  route: string;
  method: string;
  /** Path and query string. */
  url: string;
  body: unknown;
  at: number;
}

export class FakeProviders {
  readonly requests: RoutedRequest[] = [];
  private readonly routes = new Map<string, RouteReply[]>();

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<FakeProviders> {
    let fake: FakeProviders | null = null;
    const server = createServer((req, res) => {
      let text = '';
      req.on('data', (c) => (text += c));
      req.on('end', () => {
        const self = fake as FakeProviders;
        const url = req.url ?? '';
        // The longest matching prefix wins, so openai/v1/chat can be told from openai.
        const route =
          [...self.routes.keys()]
            .filter((prefix) => url.startsWith(`/${prefix}/`))
            .sort((a, b) => b.length - a.length)[0] ?? '';
        let body: unknown = null;
        try {
          body = text === '' ? null : (JSON.parse(text) as unknown);
        } catch {
          body = text;
        }
        self.requests.push({ route, method: req.method ?? '', url, body, at: Date.now() });
        const replies = self.routes.get(route);
        const reply = (replies && replies.length > 1 ? replies.shift() : replies?.[0]) ?? {
          status: 404,
          body: { error: { message: `no route for ${url}` } },
        };
        res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
        res.end(typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    fake = new FakeProviders(server, `http://127.0.0.1:${port}`);
    return fake;
  }

  /** Answers requests under /<prefix>/ with these replies in order, the last one repeating. */
  route(prefix: string, ...replies: RouteReply[]): string {
    this.routes.set(prefix, replies);
    return `${this.url}/${prefix}`;
  }

  to(prefix: string): RoutedRequest[] {
    return this.requests.filter((r) => r.route === prefix);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

const FIXTURES = fileURLToPath(new URL('../fixtures/providers/', import.meta.url));

/** A raw provider body from test/fixtures/providers/<provider>/<file>. */
export function providerFixture(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(`${FIXTURES}${path}`, 'utf8')) as Record<string, unknown>;
}
