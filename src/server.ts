/** API entry: configuration → deps → buildApp → listen → graceful close on SIGTERM/SIGINT. */
import type { ServerResponse } from 'node:http';
import { buildApp } from './app.js';
import { createDeps } from './deps.js';
import { createLogger } from './lib/logger.js';
import { exitGracefullyOnSignals, loadEnvOrExit, runMain } from './lib/process.js';

runMain('API', async () => {
  const env = loadEnvOrExit('API');
  const logger = createLogger({ level: env.LOG_LEVEL, pretty: env.LOG_PRETTY, name: 'api' });
  const deps = createDeps({
    env,
    logger,
    role: 'api',
    applicationName: 'citewatch-api',
    logQueueErrors: true,
    announceMail: true,
  });
  const app = await buildApp(deps);

  // Closing the server ends idle connections only once, when it starts. A keep-alive client (a
  // load balancer) whose request was in flight then holds its connection open after the answer,
  // and shutdown waits for the keep-alive timeout (72 s), past its deadline. Responses still
  // open when shutdown starts therefore end their connection.
  const open = new Set<ServerResponse>();
  app.server.on('request', (_req, res: ServerResponse) => {
    open.add(res);
    res.once('close', () => open.delete(res));
  });
  const endConnectionsAfterResponses = () => {
    for (const res of open) {
      if (!res.headersSent) res.setHeader('connection', 'close');
      else res.once('finish', () => res.socket?.end());
    }
  };

  exitGracefullyOnSignals({
    logger,
    starting: 'shutting down: finishing in-flight requests',
    deadlineMs: 15_000,
    tooLong: 'shutdown took too long; exiting',
    stop: async () => {
      endConnectionsAfterResponses();
      await app.close();
      // Handlers of requests whose clients went away may still be running; let them finish.
      const deadline = Date.now() + 10_000;
      while (app.inFlight() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      // Their audit events too.
      await app.auditLog.drain();
      await deps.close();
    },
  });

  await app.listen({ host: env.HOST, port: env.PORT });
});
