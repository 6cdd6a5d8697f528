/**
 * The worker's metrics endpoint: a bare HTTP server (workers run no Fastify) answering
 * GET /metrics. With METRICS_TOKEN or ADMIN_TOKEN set it needs one of them as a bearer token;
 * with neither it is open, as workers usually sit on a private network and the port is opt-in.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';
import type { Logger } from '../../lib/logger.js';
import { bearerOf, sameSecret } from './operations.access.js';

export interface MetricsServer {
  port: number;
  close(): Promise<void>;
}

export async function startMetricsServer(opts: {
  registry: Registry;
  host: string;
  port: number;
  tokens: Array<string | undefined>;
  logger: Logger;
}): Promise<MetricsServer> {
  const tokens = opts.tokens.filter((t): t is string => Boolean(t));
  const server: Server = createServer((req, res) => {
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found: GET /metrics\n');
      return;
    }
    const token = bearerOf(req.headers.authorization);
    if (tokens.length && !(token && tokens.some((t) => sameSecret(token, t)))) {
      res
        .writeHead(401, { 'content-type': 'text/plain', 'www-authenticate': 'Bearer' })
        .end('Send "Authorization: Bearer <METRICS_TOKEN>".\n');
      return;
    }
    opts.registry
      .metrics()
      .then((text) => res.writeHead(200, { 'content-type': opts.registry.contentType }).end(text))
      .catch((err: unknown) => {
        opts.logger.error({ err }, 'metrics: could not render');
        res.writeHead(500, { 'content-type': 'text/plain' }).end('Metrics unavailable\n');
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  opts.logger.info({ port }, 'worker metrics listening');
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Scrapers keep connections alive; without this, close would wait for them.
        server.closeAllConnections();
      }),
  };
}
