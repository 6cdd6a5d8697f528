/**
 * A database of one test file's own on the test server, for code that creates its database itself
 * (`migrate`, `citewatch demo`): its URL, and a drop that ends any connection still open to it.
 */
import pg from 'pg';
import { inject } from 'vitest';

export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

export function scratchDatabase(name: string): ScratchDatabase {
  const base = new URL(inject('databaseUrl'));
  const on = (database: string) => Object.assign(new URL(base.toString()), { pathname: `/${database}` }).toString();
  return {
    url: on(name),
    async drop() {
      const c = new pg.Client({ connectionString: on('postgres') });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
