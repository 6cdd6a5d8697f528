/**
 * The data-access rule (src/db/pagination.ts): SQL and Prisma calls live in a module's repository
 * (`*.repo.ts`; for reports also the `*.sql.ts` builders and report-session.ts) or in src/db.
 * Every other file under src/ and workers/ calls repository functions; this test names the file
 * and line of any direct database call.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

/** Where database calls belong. */
function isRepository(file: string): boolean {
  return (
    file.startsWith('src/generated/') ||
    file.startsWith('src/db/') ||
    file.endsWith('.repo.ts') ||
    /^src\/modules\/reports\/[^/]+\.sql\.ts$/.test(file) ||
    file === 'src/modules/reports/report-session.ts'
  );
}

const DIRECT_CALLS: Array<[string, RegExp]> = [
  ['pg query', /\b(pool|client|db|tx|conn)\.query\s*[<(]|\bpool\.connect\s*\(/],
  ['Prisma client', /\bprisma\.[\w$]+/],
  ['raw Prisma SQL', /\$(queryRaw|executeRaw|queryRawUnsafe|executeRawUnsafe)\b/],
  ['Prisma transaction', /\$transaction\s*\(/],
  [
    'Prisma model call',
    /\.\w+\.(findMany|findFirst|findFirstOrThrow|findUnique|findUniqueOrThrow|upsert|createMany|updateMany|deleteMany|aggregate|groupBy)\s*\(/,
  ],
  ['SQL statement', /\b(SELECT\s[\s\S]*\bFROM\s+\w|INSERT\s+INTO\s+\w|UPDATE\s+\w+\s+SET\b|DELETE\s+FROM\s+\w)/],
];

/** The direct database calls in a file's text, as "line: kind: code". */
function directCalls(text: string): string[] {
  const found: string[] = [];
  text.split('\n').forEach((line, i) => {
    const code = line.trim();
    if (code.startsWith('//') || code.startsWith('*') || code.startsWith('/*')) return;
    const hit = DIRECT_CALLS.find(([, pattern]) => pattern.test(code));
    if (hit) found.push(`${i + 1}: ${hit[0]}: ${code.slice(0, 120)}`);
  });
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => relative(root, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}

const files = [...sourceFiles('src'), ...sourceFiles('workers')].filter((f) => !isRepository(f));
const violations = new Map(
  files
    .map((f) => [f, directCalls(readFileSync(join(root, f), 'utf8'))] as const)
    .filter(([, calls]) => calls.length > 0),
);

describe('data access', () => {
  it('recognises direct database calls and leaves calls of repository functions alone', () => {
    expect(directCalls('const { rows } = await deps.db.pool.query(sql);')).toHaveLength(1);
    expect(directCalls('const { rows } = await pool.query<{ id: string }>(sql, [id]);')).toHaveLength(1);
    expect(directCalls("await pool.query('UPDATE runs SET x = 1')")).toHaveLength(1);
    expect(directCalls('const c = await pool.connect();')).toHaveLength(1);
    expect(directCalls('await deps.prisma.workspace.create({ data });')).toHaveLength(1);
    expect(directCalls('await prisma.$transaction([a, b]);')).toHaveLength(1);
    expect(directCalls('await db.workspace.findFirst({ where });')).toHaveLength(1);
    expect(directCalls('await tx.$executeRaw`DELETE FROM runs`;')).toHaveLength(1);
    expect(directCalls('  `SELECT id FROM responses WHERE run_id = $1`,')).toHaveLength(1);
    expect(directCalls('await client.query(`BEGIN`);')).toHaveLength(1);
    expect(directCalls('a\n  await deps.prisma.brand.delete({})\nb').at(0)).toMatch(/^2: Prisma client: /);

    expect(directCalls('const rows = await listWorkspaceRows(deps.prisma, organizationId, q);')).toEqual([]);
    expect(directCalls('await findRun(deps.db.pool, workspaceId, runId);')).toEqual([]);
    expect(directCalls("import { Prisma } from '../../generated/prisma/client.js';")).toEqual([]);
    expect(directCalls('// pool.query runs on the pool')).toEqual([]);
    expect(directCalls(' * Select the prompts from the workspace, then update the run.')).toEqual([]);
    expect(directCalls('cache.delete(key); seen.findLast((x) => x);')).toEqual([]);
    expect(directCalls('const q = req.query as ListQuery;')).toEqual([]);
    expect(directCalls('const answer = await adapter.query(request); jobIds.query(id);')).toEqual([]);
  });

  it('scans the source tree', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(files).toContain('src/modules/workspaces/workspaces.service.ts');
    expect(files).not.toContain('src/modules/workspaces/workspaces.repo.ts');
  });

  it('keeps SQL and Prisma calls in repositories', () => {
    const outside = [...violations].flatMap(([file, calls]) => calls.map((c) => `${file}:${c}`));
    expect(outside, 'move these into the module repository (src/modules/<module>/<module>.repo.ts)').toEqual([]);
  });
});
