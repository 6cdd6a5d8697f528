/**
 * The world of the report filter tests: three brands, three tagged prompts and three
 * configurations (two differing only in temperature), and two runs, the first rolled up and the
 * second still running, so every report reads rollups and live answers together.
 */
import type { Database } from '../../src/db/client.js';
import { rebuildRollups } from '../../src/modules/reports/rollups.service.js';
import { addRun, createWorld, type World } from './answers.js';

export const PROMPT_TEXT = { p1: 'Best CRM?', p2: 'CRM for SMB?', p3: 'Project tools?' } as const;

export async function createFilterWorld(db: Database, organizationId: string): Promise<{ world: World; run2: string }> {
  const world = await createWorld(db, organizationId, {
    brands: [
      { name: 'Acme', kind: 'own', domains: ['acme.com'] },
      { name: 'Globex', domains: ['globex.com'] },
      { name: 'Initech' },
    ],
    prompts: [
      { key: 'p1', text: PROMPT_TEXT.p1, tags: ['crm'] },
      { key: 'p2', text: PROMPT_TEXT.p2, tags: ['crm', 'smb'] },
      { key: 'p3', text: PROMPT_TEXT.p3, tags: ['pm'] },
    ],
    // cA and cB differ only in temperature (one experiment pair); cC differs from both in provider and model.
    configs: [
      { key: 'cA', provider: 'mock', model: 'mock-1', params: { temperature: 0.2 } },
      { key: 'cB', provider: 'mock', model: 'mock-1', params: { temperature: 1 } },
      { key: 'cC', provider: 'openai', model: 'gpt-x', params: { temperature: 0.2 } },
    ],
  });
  // Each answer's text is its name, so the drill-down can be compared by name.
  await addRun(db, world, {
    createdAt: new Date('2026-05-04T10:00:00Z'),
    answers: [
      {
        text: 'a1',
        prompt: 'p1',
        config: 'cA',
        mentions: [{ brand: 'Acme', sentiment: 0.6 }, { brand: 'Globex' }],
        citations: [
          { url: 'https://acme.com/a', source: 'annotation' },
          { url: 'https://news.org/n', source: 'link' },
        ],
      },
      {
        text: 'a2',
        prompt: 'p1',
        config: 'cB',
        mentions: [{ brand: 'Globex', sentiment: -0.4 }],
        citations: [{ url: 'https://globex.com/g', source: 'link' }],
      },
      { text: 'a3', prompt: 'p2', config: 'cA', mentions: [{ brand: 'Acme' }] },
      { prompt: 'p2', config: 'cC', status: 'failed' }, // a4
      {
        text: 'a5',
        prompt: 'p3',
        config: 'cC',
        mentions: [{ brand: 'Globex' }, { brand: 'Initech' }],
        citations: [{ url: 'https://news.org/n', source: 'search_result' }],
      },
    ],
  });
  await rebuildRollups(db.pool, { workspaceId: world.workspaceId });
  const run2 = await addRun(db, world, {
    createdAt: new Date('2026-05-06T10:00:00Z'),
    finished: false,
    answers: [
      { text: 'b1', prompt: 'p1', config: 'cA', mentions: [{ brand: 'Acme' }] },
      {
        text: 'b2',
        prompt: 'p2',
        config: 'cB',
        mentions: [{ brand: 'Globex', count: 2 }],
        citations: [{ url: 'https://globex.com/g', source: 'annotation' }],
      },
      { text: 'b3', prompt: 'p3', config: 'cA' },
      {
        text: 'b4',
        prompt: 'p1',
        config: 'cC',
        mentions: [{ brand: 'Globex', sentiment: 0.3 }, { brand: 'Acme' }],
        citations: [{ url: 'https://acme.com/a', source: 'link' }],
      },
    ],
  });
  return { world, run2 };
}
