/**
 * A workspace for PDF reports: an own brand that moved from rarely to usually named between the
 * previous week and this one (a significant change), two competitors, two configurations on two
 * providers, citations, a competitor gap with a recognisable snippet, and failed calls.
 */
import type { Database } from '../../src/db/client.js';
import { addRun, createWorld, times, type AnswerSpec, type World } from './answers.js';

const DAY = 86_400_000;
export const GAP_SNIPPET = 'HubSpot is the easy pick for marketing teams';

function answer(prompt: string, config: string, brands: string[], urls: string[] = []): AnswerSpec {
  const text = brands.length ? `${brands.join(', ')} are worth a look.` : 'It depends on your needs.';
  return {
    prompt,
    config,
    text,
    mentions: brands.map((brand, i) => ({
      brand,
      rank: i + 1,
      snippet: brand === 'HubSpot' && brands.length === 1 ? GAP_SNIPPET : `${brand} is worth a look`,
    })),
    citations: urls.map((url) => ({ url })),
  };
}

export interface PdfWorld {
  world: World;
  /** This week: [from, to). The previous period is the week before. */
  period: { from: string; to: string };
}

export async function createPdfWorld(db: Database, organizationId: string): Promise<PdfWorld> {
  const world = await createWorld(db, organizationId, {
    timezone: 'Europe/Paris',
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
  const now = Date.now();
  const to = new Date(now + 3_600_000);
  const from = new Date(to.getTime() - 7 * DAY);
  // The week before: Nimbus CRM named in 3 answers of 24.
  await addRun(db, world, {
    createdAt: new Date(from.getTime() - 3 * DAY),
    answers: [
      ...times(3, answer('p1', 'cool', ['Nimbus CRM', 'Salesforce'], ['https://nimbuscrm.com/pricing'])),
      ...times(9, answer('p1', 'gpt', ['HubSpot'], ['https://www.hubspot.com/crm'])),
      ...times(12, answer('p2', 'gpt', ['Salesforce', 'HubSpot'], ['https://www.g2.com/crm'])),
    ],
  });
  // This week, two runs: Nimbus CRM named in 20 answers of 24, HubSpot alone in 4 (the gap).
  for (const days of [4, 1]) {
    await addRun(db, world, {
      createdAt: new Date(now - days * DAY),
      answers: [
        ...times(
          5,
          answer(
            'p1',
            'cool',
            ['Nimbus CRM', 'Salesforce'],
            ['https://nimbuscrm.com/pricing', 'https://www.g2.com/crm'],
          ),
        ),
        ...times(4, answer('p2', 'cool', ['Nimbus CRM'], ['https://nimbuscrm.com/email'])),
        ...times(2, answer('p1', 'gpt', ['HubSpot'], ['https://www.hubspot.com/crm'])),
        ...times(1, answer('p2', 'gpt', ['HubSpot', 'Nimbus CRM'], ['https://www.g2.com/crm'])),
        { prompt: 'p1', config: 'gpt', status: 'failed' },
      ],
    });
  }
  return { world, period: { from: from.toISOString(), to: to.toISOString() } };
}
