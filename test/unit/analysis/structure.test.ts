import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { analyzeAnswer, compileBrands } from '../../../src/analysis/index.js';
import { SentenceIndex, sentenceAt } from '../../../src/analysis/structure.js';

function facts(text: string, names: string[]) {
  const compiled = compileBrands(names.map((name) => ({ id: name, name })));
  return Object.fromEntries(analyzeAnswer(compiled, { text }).mentions.map((m) => [m.brandName, m]));
}

describe('list positions', () => {
  it('numbers items of numbered and bulleted lists from 1', () => {
    const text = 'Intro:\n\n1. Asana\n2. Trello\n3. Jira\n\nThen:\n- Notion\n- Linear\n';
    const f = facts(text, ['Asana', 'Trello', 'Jira', 'Notion', 'Linear']);
    expect([f.Asana?.listPosition, f.Trello?.listPosition, f.Jira?.listPosition]).toEqual([1, 2, 3]);
    expect([f.Notion?.listPosition, f.Linear?.listPosition]).toEqual([1, 2]);
  });

  it('counts siblings at the same indentation, across continuation lines and nested items', () => {
    const text =
      '1. **Asana**\n   Great for teams.\n   - sub item\n2. **Trello**\n   - Jira inside\n   - and Linear\n3. Notion\n';
    const f = facts(text, ['Asana', 'Trello', 'Jira', 'Linear', 'Notion']);
    expect([f.Asana?.listPosition, f.Trello?.listPosition, f.Notion?.listPosition]).toEqual([1, 2, 3]);
    expect([f.Jira?.listPosition, f.Linear?.listPosition]).toEqual([1, 2]);
  });

  it('gives the item of a continuation line, and null to paragraphs and tables', () => {
    const text = '1. Asana\n2. First line\n   then Trello\n\nA paragraph about Jira.\n\n| Notion | x |\n';
    const f = facts(text, ['Asana', 'Trello', 'Jira', 'Notion']);
    expect([f.Trello?.listPosition, f.Jira?.listPosition, f.Notion?.listPosition]).toEqual([2, null, null]);
  });

  it('reads numbered headings as positions', () => {
    const f = facts('### 1. Asana\ntext\n\n### 2. Trello\n', ['Asana', 'Trello']);
    expect([f.Asana?.listPosition, f.Trello?.listPosition]).toEqual([1, 2]);
  });
});

describe('snippets', () => {
  it('is the sentence around the first mention', () => {
    const f = facts('Intro sentence. Asana is great for teams, e.g. marketing. Next sentence about Trello.', [
      'Asana',
      'Trello',
    ]);
    expect(f.Asana?.snippet).toBe('Asana is great for teams, e.g. marketing.');
    expect(f.Trello?.snippet).toBe('Next sentence about Trello.');
  });

  it('is the line for list items and table rows, and is cut around the mention when long', () => {
    const f = facts(
      `1. **Asana** — best overall\n| Trello | cheap |\n${'word '.repeat(100)}Jira ${'more '.repeat(100)}.`,
      ['Asana', 'Trello', 'Jira'],
    );
    expect(f.Asana?.snippet).toBe('1. **Asana** — best overall');
    expect(f.Trello?.snippet).toBe('| Trello | cheap |');
    expect(f.Jira?.snippet.length).toBeLessThanOrEqual(302);
    expect(f.Jira?.snippet).toContain('Jira');
  });
});

describe('SentenceIndex', () => {
  it('finds the same sentence as sentenceAt at every position of the labelled answers', () => {
    const file = new URL('../../fixtures/sentiment/answers.jsonl', import.meta.url);
    const texts = readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => (JSON.parse(l) as { text: string }).text);
    texts.push(`${'word '.repeat(200)}end. Next one!\n\n1. item. Then ${'x'.repeat(700)} done.`);
    const differing: string[] = [];
    for (const text of texts) {
      const index = new SentenceIndex(text);
      for (let p = 0; p <= text.length; p++) {
        const [a, b] = index.at(p);
        const [c, d] = sentenceAt(text, p);
        if (a !== c || b !== d) differing.push(`${p}: [${a}, ${b}) vs [${c}, ${d}) in ${text.slice(0, 40)}`);
      }
    }
    expect(differing).toEqual([]);
  });
});
