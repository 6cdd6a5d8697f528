/**
 * What the API and worker entry points share: refusing to start on bad configuration, and an
 * ordered shutdown on SIGTERM/SIGINT with a deadline after which the process exits anyway.
 */
import { ConfigError, loadEnv, type Env } from '../config/env.js';
import type { Logger } from './logger.js';

/** The validated environment, or exit 1 listing every problem. */
export function loadEnvOrExit(processName: string): Env {
  try {
    return loadEnv();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`Citewatch ${processName} cannot start.\n${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
}

export interface ShutdownPlan {
  logger: Logger;
  /** Logged when the signal arrives. */
  starting: string;
  /** After this the process exits 1, whatever is still running. */
  deadlineMs: number;
  /** Logged when the deadline passes. */
  tooLong: string;
  /** Runs once, on the first signal; exit 0 when it resolves, 1 when it throws. */
  stop: () => Promise<void>;
}

export function exitGracefullyOnSignals(plan: ShutdownPlan): void {
  const { logger } = plan;
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, plan.starting);
    const force = setTimeout(() => {
      logger.error(plan.tooLong);
      process.exit(1);
    }, plan.deadlineMs);
    force.unref();
    try {
      await plan.stop();
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

/** Runs an entry point's main, reporting a failure to start on stderr with exit 1. */
export function runMain(processName: string, main: () => Promise<void>): void {
  main().catch((err) => {
    process.stderr.write(
      `Citewatch ${processName} failed to start: ${err instanceof Error ? err.stack : String(err)}\n`,
    );
    process.exit(1);
  });
}
