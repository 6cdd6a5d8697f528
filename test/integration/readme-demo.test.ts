/**
 * The quickstart's sample output is the program's: `citewatch demo`, run whole (its worker
 * process included) on an empty database of its own, prints what README.md shows, line for line,
 * once the parts the README says differ on every run are set aside (ids, timings, the key, the
 * password, and the progress lines, which depend on how fast the worker went).
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it, inject } from 'vitest';
import { projectRoot } from '../../src/lib/paths.js';
import { removeKeys } from '../helpers/context.js';
import { scratchDatabase } from '../helpers/scratch-db.js';

const scratch = scratchDatabase(`citewatch_demo_${randomUUID().slice(0, 8)}`);
const prefix = `demo-${randomUUID().slice(0, 8)}`;

afterAll(async () => {
  await scratch.drop();
  const redis = new Redis(inject('redisUrl'));
  await removeKeys(redis, prefix);
  redis.disconnect();
});

/** `citewatch demo` from the sources, as bin/citewatch.js runs it from the build; its stdout and exit code. */
function runDemo(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '--eval',
        `await (await import(${JSON.stringify(join(projectRoot(), 'src', 'cli.ts'))})).main(['demo'])`,
      ],
      {
        cwd: projectRoot(),
        env: { ...process.env, DATABASE_URL: scratch.url, REDIS_URL: inject('redisUrl'), QUEUE_PREFIX: prefix },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The README's sample: the code block that starts with the demo's first line. */
function readmeSample(): string {
  const readme = readFileSync(join(projectRoot(), 'README.md'), 'utf8');
  const start = readme.indexOf('\nCitewatch demo — ');
  expect(start, 'README.md holds a sample of the demo output').toBeGreaterThan(0);
  return readme.slice(start + 1, readme.indexOf('\n```', start));
}

/** What differs on every run set aside; everything else must match. */
function comparable(output: string): string[] {
  return output
    .replace(/^Citewatch demo — Postgres \S+, Redis \S+$/m, 'Citewatch demo — Postgres HOST/DATABASE, Redis HOST')
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'ID')
    .replace(/\bin \d+(?:\.\d+)? s\b/g, 'in N s')
    .replace(/\bcw_[a-z0-9_]+/g, 'KEY')
    .replace(/^( {2}password: +).*$/m, '$1PASSWORD')
    .split('\n')
    .filter((line) => !/^ {2}\d+\/\d+ answered, \d+ analysed$|^ {2}\d+ answers asked for so far$/.test(line))
    .filter((line, i, all) => line !== '' || i < all.length - 1);
}

describe('the quickstart', () => {
  it('shows what `citewatch demo` prints on an empty database', async () => {
    const demo = await runDemo();
    expect(demo.code, demo.stderr).toBe(0);
    expect(comparable(demo.stdout)).toEqual(comparable(readmeSample()));
  });
});
