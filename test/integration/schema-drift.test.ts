/**
 * The migrated database must match schema.prisma exactly: every table, column (type,
 * nullability, default), enum, primary key, unique constraint, index and foreign key.
 * If this fails, a migration is missing or wrong: add prisma/migrations/<timestamp>_<name>/migration.sql.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { projectRoot } from '../../src/lib/paths.js';
import { actualShape, diffShapes, expectedShape, type SchemaShape } from '../helpers/schema-drift.js';

const schemaText = readFileSync(join(projectRoot(), 'prisma', 'schema.prisma'), 'utf8');
let pool: pg.Pool;
let actual: SchemaShape;

beforeAll(async () => {
  pool = new pg.Pool({ connectionString: inject('databaseUrl'), max: 2 });
  actual = await actualShape(pool);
});
afterAll(async () => pool.end());

describe('schema drift', () => {
  it('the migrated database matches schema.prisma', async () => {
    expect(diffShapes(await expectedShape(schemaText), actual)).toEqual([]);
  });

  it('covers every model of the vocabulary', async () => {
    const expected = await expectedShape(schemaText);
    for (const table of ['organizations', 'api_keys', 'workspaces', 'brands', 'prompts', 'model_configs', 'audits', 'runs', 'responses', 'mentions', 'citations']) {
      expect(expected.tables[table], table).toBeDefined();
    }
    expect(expected.indexes['responses_run_id_prompt_id_model_config_id_sample_index_key']?.unique).toBe(true);
  });

  // The comparator must catch each kind of disagreement, or the test above proves nothing.
  const mutations: Array<[string, (s: string) => string, RegExp]> = [
    ['a column made optional', (s) => s.replace('locale      String   @default("en-US")', 'locale      String?  @default("en-US")'), /column prompts\.locale: schema says nullable, database says NOT NULL/],
    ['a changed default', (s) => s.replace('timezone       String   @default("UTC")', 'timezone       String   @default("Europe/Paris")'), /column workspaces\.timezone: schema default Europe\/Paris, database default UTC/],
    ['a new column', (s) => s.replace('  archived    Boolean  @default(false)\n  createdAt   DateTime @default(now()) @map("created_at") @db.Timestamptz(3)\n  updatedAt   DateTime @updatedAt @map("updated_at") @db.Timestamptz(3)\n\n  workspace Workspace     @relation', '  archived    Boolean  @default(false)\n  weight      Float    @default(1)\n  createdAt   DateTime @default(now()) @map("created_at") @db.Timestamptz(3)\n  updatedAt   DateTime @updatedAt @map("updated_at") @db.Timestamptz(3)\n\n  workspace Workspace     @relation'), /column prompts\.weight: in schema\.prisma, missing in the database/],
    ['a changed type', (s) => s.replace('  latencyMs         Int?', '  latencyMs         BigInt?'), /column responses\.latency_ms: schema type bigint, database type integer/],
    ['a changed index', (s) => s.replace('@@index([runId, status])', '@@index([runId, status, createdAt])'), /index responses_run_id_status_created_at_idx: in schema\.prisma, missing/],
    ['a dropped unique constraint', (s) => s.replace('  @@unique([runId, promptId, modelConfigId, sampleIndex])\n', ''), /index responses_run_id_prompt_id_model_config_id_sample_index_key: in the database, not in schema\.prisma/],
    ['a changed cascade', (s) => s.replace('audit     Audit?     @relation(fields: [auditId], references: [id], onDelete: SetNull)', 'audit     Audit?     @relation(fields: [auditId], references: [id], onDelete: Cascade)'), /foreign key runs_audit_id_fkey: schema .*on delete CASCADE.*, database .*on delete SET NULL/],
    ['a new enum value', (s) => s.replace('  neutral\n', '  neutral\n  mixed\n'), /enum sentiment_label: schema has \(positive, neutral, mixed, negative\)/],
  ];
  for (const [name, mutate, message] of mutations) {
    it(`reports ${name}`, async () => {
      const mutated = mutate(schemaText);
      expect(mutated, 'the mutation must change the schema').not.toBe(schemaText);
      const diff = diffShapes(await expectedShape(mutated), actual);
      expect(diff.some((line) => message.test(line)), diff.join('\n')).toBe(true);
    });
  }
});
