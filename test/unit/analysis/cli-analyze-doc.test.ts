/**
 * The worked example of docs/analysis-rules.md ("Try the rules on one answer") is the program's
 * output: its brands file and answer, given to `citewatch analyze`, print the facts the page shows,
 * one per line as `jq -c '.mentions[], .citations[]'` writes them.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { analyzeCommand } from '../../../src/cli/analyze.js';
import { projectRoot } from '../../../src/lib/paths.js';

const page = readFileSync(join(projectRoot(), 'docs', 'analysis-rules.md'), 'utf8');

/** The indented code block that follows `marker` on the page, without its indentation. */
function blockAfter(marker: string): string {
  const at = page.indexOf(marker);
  expect(at, `docs/analysis-rules.md says "${marker}"`).toBeGreaterThan(0);
  const lines = page.slice(at + marker.length).split('\n');
  let first = 0;
  while (lines[first]?.trim() === '') first++;
  const block: string[] = [];
  for (const line of lines.slice(first)) {
    if (line !== '' && !line.startsWith('    ')) break;
    block.push(line.slice(4));
  }
  while (block.at(-1) === '') block.pop();
  return `${block.join('\n')}\n`;
}

describe('docs/analysis-rules.md, the worked example', () => {
  it('shows what citewatch analyze prints for its brands file and answer', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'citewatch-analyze-doc-'));
    const brands = join(dir, 'brands.json');
    const answer = join(dir, 'answer.md');
    writeFileSync(brands, blockAfter('With `brands.json`'));
    writeFileSync(answer, blockAfter('and `answer.md`'));
    const expected = blockAfter('shows it one fact per line:').trim().split('\n');

    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let out = '';
    let err = '';
    stdout.on('data', (d: Buffer) => (out += d.toString()));
    stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await analyzeCommand(['--brands', brands, answer], { stdin: new PassThrough(), stdout, stderr });

    expect(err).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(out) as { mentions: unknown[]; citations: unknown[] };
    expect([...result.mentions, ...result.citations].map((fact) => JSON.stringify(fact))).toEqual(expected);
  });
});
