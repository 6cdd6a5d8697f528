/**
 * The dashboard's browser-test workspace: an own brand and two competitors, two configurations on
 * two providers (HubSpot never named by one, always by the other: a significant difference), two
 * finished runs and a running one with costs, and one answer that tries to run script: tags in its
 * text and a `javascript:` citation URL.
 */
import type { Database } from '../../src/db/client.js';
import { addRun, createWorld, type AnswerSpec, type World } from './answers.js';

export const XSS_TEXT =
  'Nimbus CRM is the pick for small teams <script>window.__pwned=1</script> and HubSpot ' +
  '<img src=x onerror="window.__pwned=2"> suits marketers. Compare at [G2](https://www.g2.com/categories/crm).';
/** A citation URL an answer could carry: shown as text, never a link that would run it. */
export const SCRIPT_URL = 'javascript:window.__pwned=3';

/** Every occurrence of `name` in `text`, as [start, end) spans. */
function spansOf(text: string, name: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + name.length)) spans.push([i, i + name.length]);
  return spans;
}

/** An answer naming `brands` in order, with real spans, citing `urls`. */
function answer(prompt: string, config: string, brands: string[], urls: string[] = []): AnswerSpec {
  const text = brands.length
    ? `For this, ${brands.map((b, i) => `${i + 1}. ${b} is worth a look`).join('; ')}.`
    : 'It depends on your needs.';
  return {
    prompt,
    config,
    text,
    mentions: brands.map((brand, i) => ({
      brand,
      rank: i + 1,
      spans: spansOf(text, brand),
      count: spansOf(text, brand).length,
      snippet: text.slice(0, 80),
    })),
    citations: urls.map((url) => ({ url })),
  };
}

const day = (n: number) => new Date(Date.now() - n * 86_400_000);

export async function createDashboardWorld(
  db: Database,
  organizationId: string,
): Promise<{ world: World; runningRunId: string }> {
  const world = await createWorld(db, organizationId, {
    brands: [
      { name: 'Nimbus CRM', kind: 'own', domains: ['nimbuscrm.com'] },
      { name: 'HubSpot', domains: ['hubspot.com'] },
      { name: 'Salesforce', domains: ['salesforce.com'] },
    ],
    prompts: [
      { key: 'p1', text: 'What is the best CRM for a small team?', tags: ['crm'] },
      { key: 'p2', text: 'Which CRM has the best email integration?', tags: ['crm'] },
    ],
    configs: [
      { key: 'cool', name: 'Mock, cool', provider: 'mock', params: { temperature: 0.2 } },
      { key: 'gpt', name: 'GPT, web search', provider: 'openai', model: 'gpt-x', params: { webSearch: true } },
    ],
  });
  // HubSpot: never with the cool configuration, always with GPT, a significant difference.
  const batch = (withXss: boolean): AnswerSpec[] => [
    answer('p1', 'cool', ['Nimbus CRM', 'Salesforce'], ['https://nimbuscrm.com/pricing', 'https://www.g2.com/crm']),
    answer('p1', 'cool', ['Salesforce'], ['https://www.salesforce.com/crm']),
    answer('p2', 'cool', ['Nimbus CRM'], ['https://nimbuscrm.com/email']),
    answer('p2', 'cool', []),
    answer('p1', 'gpt', ['HubSpot', 'Nimbus CRM'], ['https://www.hubspot.com/crm', 'https://www.g2.com/crm']),
    answer('p1', 'gpt', ['HubSpot', 'Salesforce'], ['https://www.hubspot.com/crm']),
    withXss
      ? {
          prompt: 'p2',
          config: 'gpt',
          text: XSS_TEXT,
          citations: [
            { url: 'https://www.g2.com/categories/crm' },
            { url: 'https://nimbuscrm.com/' },
            { url: SCRIPT_URL },
          ],
          mentions: [
            { brand: 'Nimbus CRM', rank: 1, spans: spansOf(XSS_TEXT, 'Nimbus CRM') },
            { brand: 'HubSpot', rank: 2, spans: spansOf(XSS_TEXT, 'HubSpot') },
          ],
        }
      : answer('p2', 'gpt', ['HubSpot']),
    answer('p2', 'gpt', ['HubSpot', 'Salesforce', 'Nimbus CRM'], ['https://www.g2.com/crm']),
  ];
  const first = await addRun(db, world, {
    createdAt: day(2),
    answers: [...batch(false), { prompt: 'p1', config: 'gpt', status: 'failed' }],
  });
  const second = await addRun(db, world, { createdAt: day(1), answers: batch(true) });
  const runningRunId = await addRun(db, world, {
    createdAt: day(0),
    finished: false,
    answers: [
      ...batch(false).slice(0, 5),
      { prompt: 'p1', config: 'gpt', status: 'failed' },
      ...Array.from({ length: 6 }, () => ({ prompt: 'p2', config: 'gpt', status: 'pending' as const })),
    ],
  });
  for (const [id, estimated, actual] of [
    [first, 0.12, 0.1134],
    [second, 0.12, 0.0987],
    [runningRunId, 0.18, 0.0421],
  ] as const) {
    await db.pool.query('UPDATE runs SET estimated_cost_usd = $2, actual_cost_usd = $3 WHERE id = $1', [
      id,
      estimated,
      actual,
    ]);
  }
  return { world, runningRunId };
}

/**
 * An answer written in markdown, as assistants write them: a heading, a bold mention in a
 * numbered list, a table naming brands in its cells, an escaped asterisk and a link. The
 * dashboard shows it formatted, with every mention marked at its span.
 */
export const MARKDOWN_TEXT = [
  '## Best CRMs for a small team',
  '',
  '1. **Nimbus CRM** \\* simple pipelines',
  '2. *Salesforce*, for larger teams',
  '3. **Pipedrive** — visual pipelines',
  '',
  '| Tool | Why |',
  '| --- | --- |',
  '| Nimbus CRM | fast setup |',
  '| HubSpot | free tier |',
  '',
  'See [Nimbus CRM pricing](https://nimbuscrm.com/pricing).',
].join('\n');

/**
 * A finished run (three days ago) with the markdown answer twice (two samples), for the first
 * prompt and the cool configuration: Pipedrive, which no brand tracks, is named in both.
 */
export async function addMarkdownAnswer(db: Database, world: World): Promise<string> {
  const names = ['Nimbus CRM', 'Salesforce', 'HubSpot'];
  return addRun(db, world, {
    createdAt: day(3),
    answers: Array.from({ length: 2 }, () => ({
      prompt: 'p1',
      config: 'cool',
      text: MARKDOWN_TEXT,
      mentions: names.map((brand, i) => ({
        brand,
        rank: i + 1,
        spans: spansOf(MARKDOWN_TEXT, brand),
        count: spansOf(MARKDOWN_TEXT, brand).length,
      })),
      citations: [{ url: 'https://nimbuscrm.com/pricing', source: 'link' as const }],
    })),
  });
}
