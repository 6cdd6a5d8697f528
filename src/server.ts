/** API entry: configuration → clients → buildApp → listen → graceful close on SIGTERM/SIGINT. */
import { buildApp } from './app.js';
import { createClients } from './clients.js';
import { createLogger } from './lib/logger.js';
import { exitGracefullyOnSignals, loadEnvOrExit, runMain } from './lib/process.js';

runMain('API', async () => {
  const env = loadEnvOrExit('API');
  const logger = createLogger({ level: env.LOG_LEVEL, pretty: env.LOG_PRETTY, name: 'api' });
  const clients = createClients(env, 'api', 'citewatch-api', (err) => logger.warn({ err: err.message }, 'queue connection error'));
  const app = await buildApp({ env, logger, ...clients });

  exitGracefullyOnSignals({
    logger,
    starting: 'shutting down: finishing in-flight requests',
    deadlineMs: 15_000,
    tooLong: 'shutdown took too long; exiting',
    stop: async () => {
      await app.close();
      // Handlers of requests whose clients went away may still be running; let them finish.
      const deadline = Date.now() + 10_000;
      while (app.inFlight() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      await clients.close();
    },
  });

  await app.listen({ host: env.HOST, port: env.PORT });
});
