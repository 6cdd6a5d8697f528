import { mkdtempSync, mkdirSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/db/migrate.js';
import { migrationsDir } from '../../src/lib/paths.js';
import { scratchDatabase } from '../helpers/scratch-db.js';

const scratch = scratchDatabase(`citewatch_migrate_${process.pid}`);
const url = scratch.url;

afterAll(() => scratch.drop());

describe('offline migration runner', () => {
  it('creates the database, applies every migration once, and records them like Prisma does', async () => {
    await scratch.drop();
    const first = await migrate({ databaseUrl: url, migrationsDir: migrationsDir() });
    expect(first.createdDatabase).toBe(true);
    expect(first.applied.length).toBeGreaterThan(0);
    const second = await migrate({ databaseUrl: url, migrationsDir: migrationsDir() });
    expect(second).toEqual({ applied: [], alreadyApplied: first.applied, createdDatabase: false });

    const c = new pg.Client({ connectionString: url });
    await c.connect();
    const { rows } = await c.query(
      'SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name',
    );
    await c.end();
    expect(rows.map((r) => r.migration_name)).toEqual(first.applied);
    for (const r of rows) {
      expect(r.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(r.finished_at).toBeInstanceOf(Date);
      expect(r.applied_steps_count).toBe(1);
    }
  });

  it('refuses a migration edited after it was applied', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cw-mig-'));
    cpSync(migrationsDir(), dir, { recursive: true });
    const [name] = (await migrate({ databaseUrl: url, migrationsDir: dir })).alreadyApplied;
    writeFileSync(join(dir, name as string, 'migration.sql'), '-- edited\nSELECT 1;\n');
    await expect(migrate({ databaseUrl: url, migrationsDir: dir })).rejects.toThrow(/was edited after it was applied/);
  });

  it('rolls back a failing migration entirely and says which one failed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cw-mig-'));
    cpSync(migrationsDir(), dir, { recursive: true });
    mkdirSync(join(dir, '99991231000000_broken'));
    writeFileSync(
      join(dir, '99991231000000_broken', 'migration.sql'),
      'CREATE TABLE half_done (id int);\nSELECT * FROM no_such_table;\n',
    );
    await expect(migrate({ databaseUrl: url, migrationsDir: dir })).rejects.toThrow(
      /99991231000000_broken failed and was rolled back/,
    );
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    const tables = await c.query(`SELECT 1 FROM pg_tables WHERE tablename = 'half_done'`);
    const recorded = await c.query(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '99991231000000_broken'`);
    await c.end();
    expect(tables.rowCount).toBe(0);
    expect(recorded.rowCount).toBe(0);
  });
});
