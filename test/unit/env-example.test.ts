/**
 * .env.example is where operators learn what they can set; it must name exactly the variables the
 * configuration schema reads, so a new setting cannot ship undocumented and a removed one cannot linger.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { envSchema, loadEnv } from '../../src/config/env.js';
import { projectRoot } from '../../src/lib/paths.js';

const text = readFileSync(join(projectRoot(), '.env.example'), 'utf8');
// Settings appear as "# NAME=default" (commented out) or "NAME=value".
const assignments = [...text.matchAll(/^#?\s*([A-Z][A-Z0-9_]*)=(.*)$/gm)].map((m) => ({
  name: m[1]!,
  value: m[2]!.trim(),
}));
const documented = assignments.map((a) => a.name);
const schemaKeys = Object.keys(envSchema.shape);

describe('.env.example', () => {
  it('documents every variable of the configuration schema, and nothing else', () => {
    // A provider's variables come from its adapter's setup: a new provider lists them here too.
    expect(
      schemaKeys.filter((name) => !documented.includes(name)),
      'variables to document in .env.example',
    ).toEqual([]);
    expect(
      documented.filter((name) => !schemaKeys.includes(name)),
      'variables in .env.example that nothing reads',
    ).toEqual([]);
  });

  it('names each variable once', () => {
    expect(documented.filter((name, i) => documented.indexOf(name) !== i)).toEqual([]);
  });

  it('shows values the configuration accepts', () => {
    const shown = Object.fromEntries(assignments.filter((a) => a.value !== '').map((a) => [a.name, a.value]));
    expect(() => loadEnv(shown)).not.toThrow();
  });
});
