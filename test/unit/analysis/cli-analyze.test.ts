/**
 * `citewatch analyze`. Provider-mode tests for openai, anthropic, perplexity and gemini depend on
 * those adapters being registered in src/providers/registry.ts; each is skipped, saying so, when
 * its adapter is not there. The bodies below follow each provider's public API response format.
 * The worked example of docs/analysis-rules.md is checked here too: the page shows the program's output.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { analyzeCommand } from '../../../src/cli/analyze.js';
import { projectRoot } from '../../../src/lib/paths.js';
import { hasAdapter } from '../../../src/providers/registry.js';

const dir = mkdtempSync(join(tmpdir(), 'citewatch-analyze-'));
function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const brandsFile = file(
  'brands.json',
  JSON.stringify([
    { name: 'HubSpot', aliases: ['Hubspot CRM'], domains: ['hubspot.com'] },
    { name: 'Pipedrive', domains: ['pipedrive.com'], caseSensitive: false },
    { name: 'Close', caseSensitive: true },
  ]),
);

async function run(argv: string[], stdin = '') {
  const input = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  input.end(stdin);
  const code = await analyzeCommand(argv, { stdin: input, stdout, stderr });
  return { code, out, err };
}

describe('citewatch analyze (text)', () => {
  it('prints one JSON object with mentions by rank and citations', async () => {
    const answer = file(
      'answer.md',
      '1. **Pipedrive** is great.\n2. HubSpot’s free CRM ([site](https://www.hubspot.com/?utm_source=x)).\n',
    );
    const { code, out, err } = await run(['--brands', brandsFile, answer]);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out.trim().split('\n')).toHaveLength(1);
    const result = JSON.parse(out);
    expect(
      result.mentions.map((m: { brand: string; rank: number; listPosition: number; count: number }) => [
        m.brand,
        m.rank,
        m.listPosition,
        m.count,
      ]),
    ).toEqual([
      ['Pipedrive', 1, 1, 1],
      ['HubSpot', 2, 2, 1],
    ]);
    expect(Object.keys(result.mentions[0])).toEqual([
      'brand',
      'count',
      'firstOffset',
      'rank',
      'listPosition',
      'sentiment',
      'sentimentLabel',
      'spans',
      'snippet',
      'sentimentPassage',
    ]);
    expect(result.mentions[0].spans).toEqual([[5, 14]]);
    // "great" in the first item of a list: positive, decided by that item.
    expect(result.mentions[0]).toMatchObject({
      sentimentLabel: 'positive',
      sentimentPassage: '1. **Pipedrive** is great.',
    });
    expect(result.citations).toEqual([
      { url: 'https://www.hubspot.com/', domain: 'hubspot.com', title: 'site', source: 'link', brand: 'HubSpot' },
    ]);
  });

  it('reads the answer from standard input with -', async () => {
    const { code, out } = await run(['--brands', brandsFile, '-'], 'Close beats Pipedrive.');
    expect(code).toBe(0);
    expect(JSON.parse(out).mentions.map((m: { brand: string }) => m.brand)).toEqual(['Close', 'Pipedrive']);
  });

  it.each([
    [['--brands', join(dir, 'missing.json'), '-'], /cannot read brands file .*missing\.json: no such file/],
    [['--brands', file('bad.json', '{nope'), '-'], /brands file .*bad\.json is not valid JSON/],
    [
      ['--brands', file('shape.json', '[{"name": "A", "aliases": "B"}]'), '-'],
      /brands file .*shape\.json: \[0\]\.aliases: /,
    ],
    [['--brands', file('extra.json', '[{"name": "A", "alias": ["B"]}]'), '-'], /brands file .*extra\.json: \[0\]: /],
    [['--brands', file('empty.json', '[]'), '-'], /no brands/],
    [['-'], /--brands is required/],
    [['--brands', brandsFile], /expected exactly one FILE/],
    [['--brands', brandsFile, '--provider', 'bing', '-'], /unknown provider "bing"/],
    [['--brands', brandsFile, '--nope', '-'], /Unknown option '--nope'/],
    [['--brands', brandsFile, join(dir, 'none.md')], /cannot read answer file/],
  ])('refuses bad input %# with one line on stderr and exit code 2', async (argv, message) => {
    const { code, out, err } = await run(argv as string[]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(message as RegExp);
    expect(err.trim().split('\n')).toHaveLength(1);
  });
});

describe('citewatch analyze --provider', () => {
  it('reads an app capture (DataForSEO LLM Scraper body): the app markdown, its cited sources, search results apart', async () => {
    const body = fileURLToPath(new URL('../../fixtures/providers/assistant_app/chatgpt-live.json', import.meta.url));
    const brands = file(
      'app-brands.json',
      JSON.stringify([
        { name: 'HubSpot', domains: ['hubspot.com'] },
        { name: 'Pipedrive', domains: ['pipedrive.com'] },
        { name: 'Zoho CRM', aliases: ['Zoho'], domains: ['zoho.com'] },
        { name: 'Freshsales', domains: ['freshworks.com'] },
      ]),
    );
    const { code, out, err } = await run(['--brands', brands, '--provider', 'assistant_app', body]);
    expect(err).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(out);
    // Freshsales is only in the product carousel, which a person sees: it is a mention.
    expect(result.mentions.map((m: { brand: string; count: number }) => [m.brand, m.count])).toEqual([
      ['HubSpot', 3],
      ['Pipedrive', 5],
      ['Zoho CRM', 2],
      ['Freshsales', 1],
    ]);
    expect(result.citations.map((c: { domain: string; source: string }) => [c.domain, c.source])).toEqual([
      ['blogdumoderateur.com', 'annotation'],
      ['reddit.com', 'annotation'],
      ['zoho.com', 'annotation'],
      ['lesechos.fr', 'annotation'],
      ['g2.com', 'search_result'],
    ]);
  });

  it('reads a Bright Data ChatGPT capture with the same provider, told apart by its shape', async () => {
    const body = fileURLToPath(
      new URL('../../fixtures/providers/assistant_app/brightdata-scrape.json', import.meta.url),
    );
    const brands = file(
      'bd-brands.json',
      JSON.stringify([
        { name: 'HubSpot', domains: ['hubspot.com'] },
        { name: 'Pipedrive', domains: ['pipedrive.com'] },
        { name: 'Zoho CRM', aliases: ['Zoho'], domains: ['zoho.com'] },
        { name: 'Freshsales', aliases: ['Freshworks'], domains: ['freshworks.com'] },
        { name: 'Attio', domains: ['attio.com'] },
      ]),
    );
    const { code, out, err } = await run(['--brands', brands, '--provider', 'assistant_app', body]);
    expect(err).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(out);
    // Freshsales and "Pipedrive Essential" come from the product carousel, appended as text.
    expect(
      Object.fromEntries(result.mentions.map((m: { brand: string; count: number }) => [m.brand, m.count])),
    ).toEqual({ HubSpot: 2, Pipedrive: 4, 'Zoho CRM': 1, Freshsales: 2, Attio: 1 });
    // In the order they appear in the answer (the link on "Zoho CRM" sits in the table, before
    // the Attio marker), the unplaced one after them, then the search results apart.
    expect(result.citations.map((c: { domain: string; source: string }) => [c.domain, c.source])).toEqual([
      ['blogdumoderateur.com', 'annotation'],
      ['reddit.com', 'annotation'],
      ['zoho.com', 'annotation'],
      ['attio.com', 'annotation'],
      ['lesechos.fr', 'annotation'],
      ['capterra.fr', 'search_result'],
      ['g2.com', 'search_result'],
    ]);
    const refused = await run(['--brands', brands, '--provider', 'assistant_app', '-'], '[{"choices": []}]');
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('not an app capture');
  });

  it('reads a mock app body the same way', async () => {
    const body = fileURLToPath(new URL('../../fixtures/providers/mock_app/chatgpt-crm.json', import.meta.url));
    const { code, out, err } = await run(['--brands', brandsFile, '--provider', 'mock_app', body]);
    expect(err).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(result.citations.map((c: { domain: string }) => c.domain)).toEqual([
      'reddit.com',
      'ycombinator.com',
      'quora.com',
      'capterra.com',
      'g2.com',
    ]);
  });

  it('reads a mock body through the adapter parse', async () => {
    const body = {
      object: 'mock.answer',
      id: 'mock_1',
      model: 'mock-1',
      output_text: 'Try HubSpot first.',
      annotations: [
        { url: 'https://www.hubspot.com/?utm_source=citewatch-mock', title: 'HubSpot', start_index: 4, end_index: 11 },
      ],
      sources: [{ url: 'https://www.g2.com/crm', title: 'G2' }],
      search_queries: [],
      usage: { input_tokens: 1, output_tokens: 1 },
    };
    const { code, out } = await run([
      '--brands',
      brandsFile,
      '--provider',
      'mock',
      file('mock.json', JSON.stringify(body)),
    ]);
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(result.mentions[0].brand).toBe('HubSpot');
    expect(result.citations.map((c: { domain: string; source: string }) => [c.domain, c.source])).toEqual([
      ['hubspot.com', 'annotation'],
      ['g2.com', 'search_result'],
    ]);
  });

  it('refuses a payload that is not JSON or not that provider’s body', async () => {
    const notJson = await run(['--brands', brandsFile, '--provider', 'mock', '-'], 'HubSpot');
    expect(notJson.code).toBe(2);
    expect(notJson.err).toMatch(/mock payload is not valid JSON/);
    const wrong = await run(['--brands', brandsFile, '--provider', 'mock', '-'], '{"hello": 1}');
    expect(wrong.code).toBe(2);
    expect(wrong.err).toMatch(/not a mock response body/);
  });

  const text = 'HubSpot is the best free CRM; Pipedrive is simpler.';
  const bodies: Record<string, unknown> = {
    openai: {
      id: 'resp_1',
      object: 'response',
      model: 'gpt-5',
      status: 'completed',
      output: [
        {
          type: 'message',
          id: 'msg_1',
          role: 'assistant',
          status: 'completed',
          content: [
            {
              type: 'output_text',
              text,
              annotations: [
                {
                  type: 'url_citation',
                  start_index: 0,
                  end_index: 7,
                  url: 'https://www.hubspot.com/crm?utm_source=chatgpt.com',
                  title: 'HubSpot CRM',
                },
              ],
            },
          ],
        },
      ],
      usage: { input_tokens: 10, output_tokens: 20, total_tokens: 30 },
    },
    anthropic: {
      id: 'msg_1',
      type: 'message',
      role: 'assistant',
      model: 'claude-sonnet-4-5',
      content: [
        {
          type: 'text',
          text,
          citations: [
            {
              type: 'web_search_result_location',
              url: 'https://www.hubspot.com/crm',
              title: 'HubSpot CRM',
              cited_text: 'Free CRM',
              encrypted_index: 'x',
            },
          ],
        },
      ],
      stop_reason: 'end_turn',
      usage: { input_tokens: 10, output_tokens: 20 },
    },
    perplexity: {
      id: 'pplx_1',
      model: 'sonar',
      object: 'chat.completion',
      created: 1767225600,
      choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: `${text} [1]` } }],
      citations: ['https://www.hubspot.com/crm'],
      search_results: [{ title: 'HubSpot CRM', url: 'https://www.hubspot.com/crm' }],
      usage: { prompt_tokens: 10, completion_tokens: 20, total_tokens: 30 },
    },
    gemini: {
      candidates: [
        {
          content: { role: 'model', parts: [{ text }] },
          finishReason: 'STOP',
          groundingMetadata: {
            webSearchQueries: ['best free crm'],
            groundingChunks: [
              {
                web: {
                  uri: 'https://vertexaisearch.cloud.google.com/grounding-api-redirect/AUZIYQ1',
                  title: 'hubspot.com',
                },
              },
            ],
            groundingSupports: [
              { segment: { startIndex: 0, endIndex: 29, text: text.slice(0, 29) }, groundingChunkIndices: [0] },
            ],
          },
        },
      ],
      usageMetadata: { promptTokenCount: 10, candidatesTokenCount: 20, totalTokenCount: 30 },
      modelVersion: 'gemini-2.5-flash',
    },
    google_ai_overview: {
      search_metadata: { id: 'serp_1', status: 'Success' },
      search_parameters: { engine: 'google', q: 'best free crm' },
      ai_overview: {
        text_blocks: [{ type: 'paragraph', snippet: text, reference_indexes: [0] }],
        references: [{ index: 0, title: 'HubSpot CRM', link: 'https://www.hubspot.com/crm', source: 'HubSpot' }],
      },
    },
    openai_compatible: {
      id: 'gen_1',
      object: 'chat.completion',
      model: 'mistral-medium-latest',
      choices: [
        {
          index: 0,
          finish_reason: 'stop',
          message: {
            role: 'assistant',
            content: text,
            annotations: [
              {
                type: 'url_citation',
                url_citation: {
                  url: 'https://www.hubspot.com/crm',
                  title: 'HubSpot CRM',
                  start_index: 0,
                  end_index: 7,
                },
              },
            ],
          },
        },
      ],
      usage: { prompt_tokens: 10, completion_tokens: 20, total_tokens: 30 },
    },
  };

  for (const provider of ['openai', 'anthropic', 'perplexity', 'gemini', 'google_ai_overview', 'openai_compatible']) {
    const registered = hasAdapter(provider);
    it.skipIf(!registered)(
      `reads a ${provider} body${registered ? '' : ` (skipped: the ${provider} adapter is not registered yet)`}`,
      async () => {
        const { code, out, err } = await run([
          '--brands',
          brandsFile,
          '--provider',
          provider,
          file(`${provider}.json`, JSON.stringify(bodies[provider])),
        ]);
        expect(err).toBe('');
        expect(code).toBe(0);
        const result = JSON.parse(out);
        expect(result.mentions.map((m: { brand: string }) => m.brand)).toEqual(['HubSpot', 'Pipedrive']);
        expect(
          result.citations.some(
            (c: { domain: string; brand: string | null }) => c.domain === 'hubspot.com' && c.brand === 'HubSpot',
          ),
        ).toBe(true);
      },
    );
  }
});

/** The indented code block that follows `marker` in docs/analysis-rules.md, without its indentation. */
function docBlockAfter(marker: string): string {
  const page = readFileSync(join(projectRoot(), 'docs', 'analysis-rules.md'), 'utf8');
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
    const brands = file('doc-brands.json', docBlockAfter('With `brands.json`'));
    const answer = file('doc-answer.md', docBlockAfter('and `answer.md`'));
    const expected = docBlockAfter('shows it one fact per line:').trim().split('\n');
    const { code, out, err } = await run(['--brands', brands, answer]);
    expect(err).toBe('');
    expect(code).toBe(0);
    // As `jq -c '.mentions[], .citations[]'` prints them: one compact object per line, keys in order.
    const result = JSON.parse(out) as { mentions: unknown[]; citations: unknown[] };
    expect([...result.mentions, ...result.citations].map((fact) => JSON.stringify(fact))).toEqual(expected);
  });
});
