/**
 * A scheduler in its own process, for the "two processes" test: runs schedulerTick for each
 * instant given on the command line (simulated clock), then prints what it started as JSON.
 */
import { createClients } from '../../src/clients.js';
import { loadEnv } from '../../src/config/env.js';
import { createLogger } from '../../src/lib/logger.js';
import { schedulerTick } from '../../src/modules/audits/scheduler.js';

const env = loadEnv();
const clients = createClients(env, 'worker', 'citewatch-test-scheduler');
const logger = createLogger({ level: 'silent' });
const started: string[] = [];
for (const instant of process.argv.slice(2)) {
  const result = await schedulerTick({ db: clients.db, producers: clients.producers, logger }, new Date(instant));
  started.push(...result.started);
}
process.stdout.write(`${JSON.stringify({ started })}\n`);
await clients.close();
