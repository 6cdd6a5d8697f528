/**
 * A scheduler in its own process, for the "two processes" test: runs schedulerTick for each
 * instant given on the command line (simulated clock), then prints what it started as JSON.
 */
import { createDeps } from '../../src/deps.js';
import { loadEnv } from '../../src/config/env.js';
import { createLogger } from '../../src/lib/logger.js';
import { schedulerTick } from '../../src/modules/audits/scheduler.js';

const env = loadEnv();
const logger = createLogger({ level: 'silent' });
const deps = createDeps({ env, logger, role: 'worker', applicationName: 'citewatch-test-scheduler' });
const started: string[] = [];
for (const instant of process.argv.slice(2)) {
  const result = await schedulerTick(deps, new Date(instant));
  started.push(...result.started);
}
process.stdout.write(`${JSON.stringify({ started })}\n`);
await deps.close();
