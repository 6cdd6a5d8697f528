import { migrate } from '../db/migrate.js';
import { migrationsDir } from '../lib/paths.js';
import { loadEnv } from '../config/env.js';
import type { CliIo } from './io.js';

export async function migrateCommand(_argv: string[], io: CliIo): Promise<number> {
  const env = loadEnv();
  const result = await migrate({
    databaseUrl: env.DATABASE_URL,
    migrationsDir: migrationsDir(),
    log: (m) => io.stdout.write(`${m}\n`),
  });
  const db = new URL(env.DATABASE_URL);
  if (result.createdDatabase) io.stdout.write(`created database ${db.pathname.slice(1)}\n`);
  io.stdout.write(
    result.applied.length
      ? `${result.applied.length} migration(s) applied to ${db.host}${db.pathname}\n`
      : `database ${db.host}${db.pathname} is up to date (${result.alreadyApplied.length} migrations)\n`,
  );
  return 0;
}
