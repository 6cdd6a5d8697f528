#!/usr/bin/env node
// Runs the built CLI (dist/, made by `npm install` / `npm run build`).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const built = fileURLToPath(new URL('../dist/src/cli.js', import.meta.url));
if (!existsSync(built)) {
  process.stderr.write('citewatch: the project is not built yet. Run "npm install" (or "npm run build") first.\n');
  process.exit(1);
}
const { main } = await import(pathToFileURL(built).href);
await main();
