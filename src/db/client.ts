/**
 * Database clients. One pg pool per process, shared by Prisma (through its driver adapter) for
 * ordinary reads and writes and by hand-written SQL for batched writes and report aggregates.
 * There is no global singleton: entry points create a Database and pass it down.
 */
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client.js';

// Return bigint columns (counts, mention ids) as JS numbers where they fit, and keep NUMERIC
// (money) as strings so no precision is lost before the code decides how to round.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => {
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : v;
});

export interface Database {
  pool: pg.Pool;
  prisma: PrismaClient;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  url: string;
  poolSize?: number;
  applicationName?: string;
}

export function createDatabase(options: DatabaseOptions): Database {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    application_name: options.applicationName ?? 'citewatch',
  });
  // An idle client losing its connection (database restart) must not crash the process; the
  // pool replaces it and the next query reports the outage if it persists.
  pool.on('error', () => {});
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  let closed = false;
  return {
    pool,
    prisma,
    async close() {
      if (closed) return;
      closed = true;
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

/** One round trip to Postgres (readiness checks); rejects when the database does not answer. */
export async function ping(pool: pg.Pool): Promise<void> {
  await pool.query('SELECT 1');
}

export type { PrismaClient };
export { Prisma } from '../generated/prisma/client.js';
