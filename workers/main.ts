/** Worker process entry: configuration → clients → startWorker → ordered shutdown on SIGTERM/SIGINT. */
import { createClients } from '../src/clients.js';
import { ConfigError, loadEnv } from '../src/config/env.js';
import { createLogger } from '../src/lib/logger.js';
import { startWorker } from './worker.js';

async function main(): Promise<void> {
  let env;
  try {
    env = loadEnv();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`Citewatch worker cannot start.\n${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger({ level: env.LOG_LEVEL, pretty: env.LOG_PRETTY, name: 'worker' });
  const clients = createClients(env, 'worker', 'citewatch-worker', (err) => logger.warn({ err: err.message }, 'queue connection error'));
  const running = startWorker({ env, logger, ...clients });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down: finishing active jobs');
    const force = setTimeout(() => {
      logger.error('shutdown took too long; exiting (unfinished jobs will be picked up by another worker)');
      process.exit(1);
    }, 30_000);
    force.unref();
    try {
      await running.close();
      await clients.close();
      logger.info('stopped');
      process.exit(0);
    } catch (err) {
      logger.error({ err }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err) => {
  process.stderr.write(`Citewatch worker failed to start: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
