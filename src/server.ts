/** API entry: configuration → clients → buildApp → listen → graceful close on SIGTERM/SIGINT. */
import { buildApp } from './app.js';
import { createClients } from './clients.js';
import { ConfigError, loadEnv } from './config/env.js';
import { createLogger } from './lib/logger.js';

async function main(): Promise<void> {
  let env;
  try {
    env = loadEnv();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`Citewatch API cannot start.\n${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger({ level: env.LOG_LEVEL, pretty: env.LOG_PRETTY, name: 'api' });
  const clients = createClients(env, 'api', 'citewatch-api', (err) => logger.warn({ err: err.message }, 'queue connection error'));
  const app = await buildApp({ env, logger, ...clients });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    const force = setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, 15_000);
    force.unref();
    try {
      await app.close();
      // Handlers of requests whose clients went away may still be running; let them finish.
      const deadline = Date.now() + 10_000;
      while (app.inFlight() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
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

  await app.listen({ host: env.HOST, port: env.PORT });
}

main().catch((err) => {
  process.stderr.write(`Citewatch API failed to start: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
