/** Worker process entry: configuration → deps → startWorker → ordered shutdown on SIGTERM/SIGINT. */
import { createDeps } from '../src/deps.js';
import { createLogger } from '../src/lib/logger.js';
import { exitGracefullyOnSignals, loadEnvOrExit, runMain } from '../src/lib/process.js';
import { startWorker } from './worker.js';

runMain('worker', async () => {
  const env = loadEnvOrExit('worker');
  const logger = createLogger({ level: env.LOG_LEVEL, pretty: env.LOG_PRETTY, name: 'worker' });
  const deps = createDeps({ env, logger, role: 'worker', applicationName: 'citewatch-worker', logQueueErrors: true });
  const running = startWorker(deps);

  exitGracefullyOnSignals({
    logger,
    starting: 'shutting down: finishing active jobs',
    deadlineMs: 30_000,
    tooLong: 'shutdown took too long; exiting (unfinished jobs will be picked up by another worker)',
    stop: async () => {
      await running.close();
      await deps.close();
    },
  });
});
