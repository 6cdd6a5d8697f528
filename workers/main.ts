/** Worker process entry: configuration → clients → startWorker → ordered shutdown on SIGTERM/SIGINT. */
import { createClients } from '../src/clients.js';
import { createLogger } from '../src/lib/logger.js';
import { exitGracefullyOnSignals, loadEnvOrExit, runMain } from '../src/lib/process.js';
import { startWorker } from './worker.js';

runMain('worker', async () => {
  const env = loadEnvOrExit('worker');
  const logger = createLogger({ level: env.LOG_LEVEL, pretty: env.LOG_PRETTY, name: 'worker' });
  const clients = createClients(env, 'worker', 'citewatch-worker', (err) => logger.warn({ err: err.message }, 'queue connection error'));
  const running = startWorker({ env, logger, ...clients });

  exitGracefullyOnSignals({
    logger,
    starting: 'shutting down: finishing active jobs',
    deadlineMs: 30_000,
    tooLong: 'shutdown took too long; exiting (unfinished jobs will be picked up by another worker)',
    stop: async () => {
      await running.close();
      await clients.close();
    },
  });
});
