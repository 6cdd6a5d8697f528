// Runs on `npm install` / `npm ci`: generates the Prisma client and builds the project.
// `prisma generate` needs no schema engine, but the CLI insists on locating one; pointing
// PRISMA_SCHEMA_ENGINE_BINARY at any executable (here, node itself) keeps it from trying to
// download one, which fails on machines without internet access.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

function run(cmd, args, env = {}) {
  const res = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (res.status !== 0) {
    console.error(`\n${cmd} ${args.join(' ')} failed (exit ${res.status})`);
    process.exit(res.status ?? 1);
  }
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
run(npx, ['prisma', 'generate'], {
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
});
run(npx, ['tsc', '-p', 'tsconfig.build.json']);
if (existsSync('dashboard/package.json') || existsSync('dashboard/vite.config.ts')) {
  run(npx, ['vite', 'build', '--config', 'dashboard/vite.config.ts', '--logLevel', 'warn']);
}
