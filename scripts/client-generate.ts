/**
 * npm run client:generate: builds the API in this process (no port, nothing listened on), reads
 * its OpenAPI document and writes client/openapi.d.ts. Needs the settings the API needs to start
 * (DATABASE_URL, REDIS_URL); it sends no query.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLIENT_TYPES_FILE, renderClientTypes } from '../client/generate.js';
import { buildApp } from '../src/app.js';
import { loadEnv } from '../src/config/env.js';
import { createDeps } from '../src/deps.js';
import { createLogger } from '../src/lib/logger.js';
import { projectRoot } from '../src/lib/paths.js';

const env = loadEnv({ ...process.env, LOG_LEVEL: 'silent' });
const logger = createLogger({ level: env.LOG_LEVEL });
const deps = createDeps({ env, logger, role: 'api', applicationName: 'citewatch-client-generate' });
const app = await buildApp(deps);
await app.ready();
const document = app.swagger();
await app.close();
await deps.close();
const file = join(projectRoot(), CLIENT_TYPES_FILE);
writeFileSync(file, await renderClientTypes(document));
console.log(`wrote ${CLIENT_TYPES_FILE}`);
