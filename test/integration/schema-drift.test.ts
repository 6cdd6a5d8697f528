/**
 * The migrated database must match schema.prisma exactly: every table, column (type,
 * nullability, default), enum, primary key, unique constraint, index (columns, method, sort order,
 * operator class) and foreign key.
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
    for (const table of [
      'organizations',
      'api_keys',
      'workspaces',
      'brands',
      'prompts',
      'model_configs',
      'audits',
      'runs',
      'responses',
      'mentions',
      'citations',
    ]) {
      expect(expected.tables[table], table).toBeDefined();
    }
    expect(expected.indexes['responses_run_id_prompt_id_model_config_id_sample_index_key']?.unique).toBe(true);
  });

  // The comparator must catch each kind of disagreement, or the test above proves nothing.
  const mutations: Array<[string, (s: string) => string, RegExp]> = [
    [
      'a column made optional',
      (s) => s.replace('locale      String   @default("en-US")', 'locale      String?  @default("en-US")'),
      /column prompts\.locale: schema says nullable, database says NOT NULL/,
    ],
    [
      'a changed default',
      (s) => s.replace('timezone       String   @default("UTC")', 'timezone       String   @default("Europe/Paris")'),
      /column workspaces\.timezone: schema default Europe\/Paris, database default UTC/,
    ],
    [
      'a new column',
      (s) =>
        s.replace(
          '  archived    Boolean  @default(false)\n  createdAt   DateTime @default(now()) @map("created_at") @db.Timestamptz(3)\n  updatedAt   DateTime @updatedAt @map("updated_at") @db.Timestamptz(3)\n\n  workspace Workspace     @relation',
          '  archived    Boolean  @default(false)\n  weight      Float    @default(1)\n  createdAt   DateTime @default(now()) @map("created_at") @db.Timestamptz(3)\n  updatedAt   DateTime @updatedAt @map("updated_at") @db.Timestamptz(3)\n\n  workspace Workspace     @relation',
        ),
      /column prompts\.weight: in schema\.prisma, missing in the database/,
    ],
    [
      'a changed type',
      (s) => s.replace('  latencyMs         Int?', '  latencyMs         BigInt?'),
      /column responses\.latency_ms: schema type bigint, database type integer/,
    ],
    [
      'a changed index',
      (s) => s.replace('@@index([runId, status])', '@@index([runId, status, createdAt])'),
      /index responses_run_id_status_created_at_idx: in schema\.prisma, missing/,
    ],
    [
      'a dropped unique constraint',
      (s) => s.replace('  @@unique([runId, promptId, modelConfigId, sampleIndex])\n', ''),
      /index responses_run_id_prompt_id_model_config_id_sample_index_key: in the database, not in schema\.prisma/,
    ],
    [
      'a changed cascade',
      (s) =>
        s.replace(
          'audit     Audit?     @relation(fields: [auditId], references: [id], onDelete: SetNull)',
          'audit     Audit?     @relation(fields: [auditId], references: [id], onDelete: Cascade)',
        ),
      /foreign key runs_audit_id_fkey: schema .*on delete CASCADE.*, database .*on delete SET NULL/,
    ],
    [
      'an added default',
      (s) =>
        s.replace(
          'samplesPerPair   Int        @map("samples_per_pair")',
          'samplesPerPair   Int        @default(1) @map("samples_per_pair")',
        ),
      /column runs\.samples_per_pair: schema default 1, database default \(none\)/,
    ],
    [
      'a removed default',
      (s) =>
        s.replace(
          'samplesPerPair    Int      @default(1) @map("samples_per_pair")',
          'samplesPerPair    Int      @map("samples_per_pair")',
        ),
      /column audits\.samples_per_pair: schema default \(none\), database default 1/,
    ],
    [
      'a changed sort order',
      (s) => s.replace('@@index([workspaceId, completedAt])', '@@index([workspaceId, completedAt(sort: Desc)])'),
      /index responses_workspace_id_completed_at_idx: schema index btree on responses\(workspace_id, completed_at DESC\), database index btree on responses\(workspace_id, completed_at\)$/,
    ],
    [
      'a changed operator class',
      (s) =>
        s.replace('@@index([workspaceId, domain])', '@@index([workspaceId, domain(ops: raw("text_pattern_ops"))])'),
      /index citations_workspace_id_domain_idx: schema index btree on citations\(workspace_id, domain text_pattern_ops\), database index btree on citations\(workspace_id, domain\)$/,
    ],
    [
      'a changed index method',
      (s) => s.replace('@@index([tags], type: Gin)', '@@index([tags])'),
      /index prompts_tags_idx: schema index btree on prompts\(tags\), database index gin on prompts\(tags\)$/,
    ],
    [
      'a new enum value',
      (s) => s.replace('  neutral\n', '  neutral\n  mixed\n'),
      /enum sentiment_label: schema has \(positive, neutral, mixed, negative\)/,
    ],
  ];
  // Without this, a comparator that flags every index would pass the mutations above.
  it('accepts an operator class named explicitly when it is the default', async () => {
    const explicit = schemaText.replace('@@index([tags], type: Gin)', '@@index([tags(ops: ArrayOps)], type: Gin)');
    expect(explicit).not.toBe(schemaText);
    expect(diffShapes(await expectedShape(explicit), actual)).toEqual([]);
  });

  for (const [name, mutate, message] of mutations) {
    it(`reports ${name}`, async () => {
      const mutated = mutate(schemaText);
      expect(mutated, 'the mutation must change the schema').not.toBe(schemaText);
      const diff = diffShapes(await expectedShape(mutated), actual);
      expect(
        diff.some((line) => message.test(line)),
        diff.join('\n'),
      ).toBe(true);
    });
  }
});
