/**
 * The answers drill-down (pagination, spans, citations, raw text on request, brand filters) and
 * the exports: report CSVs, and raw responses, mentions and citations as CSV or JSON streamed
 * from the database, checked over a real socket on an export of several thousand rows.
 */
import type { AddressInfo } from 'node:net';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answersPage } from '../../src/modules/answers/answers.schemas.js';
import { flatten } from '../../src/modules/reports/csv.js';
import { addRun, createWorld, times, type World } from '../factories/answers.js';
import { createTenant, type TestTenant } from '../factories/index.js';
import { createTestContext, type TestContext } from '../helpers/context.js';

let ctx: TestContext;
let tenant: TestTenant;
let world: World;
let runId: string;

// Parsed JSON.
type Json = Record<string, any>;
const inject = (url: string) => ctx.app.inject({ url: `${world.base}${url}`, headers: tenant.headers });
const lines = (csv: string) => csv.trimEnd().split('\n');
/** A report's CSV as records keyed by header, after checking it is a 200 CSV. */
const csvOf = async (path: string): Promise<Array<Record<string, string>>> => {
  const res = await inject(`${path}${path.includes('?') ? '&' : '?'}format=csv`);
  expect(res.statusCode, `${path}: ${res.body}`).toBe(200);
  expect(res.headers['content-type']).toMatch(/^text\/csv/);
  const records = parse(res.body, { columns: true }) as Array<Record<string, string>>;
  for (const r of records) expect(r.definitionVersion, path).toBe('1');
  return records;
};

beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await createTenant(ctx.db);
  world = await createWorld(ctx.db, tenant.organizationId, {
    brands: [{ name: 'Acme', kind: 'own', domains: ['acme.com'] }, { name: 'Globex' }],
    prompts: [{ key: 'p', text: 'Which CRM, "really"?' }],
    // warm has no answer yet: an experiment against it has an empty arm.
    configs: [
      { key: 'c', params: { temperature: 0.2 } },
      { key: 'warm', params: { temperature: 1 } },
    ],
  });
  runId = await addRun(ctx.db, world, {
    createdAt: new Date('2026-06-01T12:00:00Z'),
    answers: [
      {
        prompt: 'p',
        config: 'c',
        text: 'Acme, then Globex.',
        mentions: [
          { brand: 'Acme', spans: [[0, 4]] },
          { brand: 'Globex', spans: [[11, 17]] },
        ],
        citations: [{ url: 'https://acme.com/pricing', source: 'annotation' }],
      },
      { prompt: 'p', config: 'c', text: 'Globex only.', mentions: [{ brand: 'Globex', spans: [[0, 6]] }] },
      { prompt: 'p', config: 'c', status: 'failed' },
    ],
  });
});
afterAll(async () => ctx.close());

describe('answers drill-down', () => {
  it('pages answers newest first with mentions, spans and citations; text on request', async () => {
    const first = await inject('/answers?limit=2');
    expect(first.statusCode, first.body).toBe(200);
    const page = answersPage.parse(JSON.parse(first.body));
    expect(page.data).toHaveLength(2);
    expect(page.nextCursor).toBe(page.data[1]?.id);
    expect(page.data[0]).toMatchObject({ status: 'failed', runId, mentions: [], citations: [] });
    expect(page.data[0]).not.toHaveProperty('text');
    const second = answersPage.parse(
      JSON.parse((await inject(`/answers?limit=2&cursor=${page.nextCursor}&includeRaw=true`)).body),
    );
    expect(second.nextCursor).toBeNull();
    expect(second.data[0]).toMatchObject({
      text: 'Acme, then Globex.',
      mentions: [
        { brandName: 'Acme', spans: [[0, 4]], rank: 1 },
        { brandName: 'Globex', spans: [[11, 17]], rank: 2 },
      ],
      citations: [
        {
          position: 1,
          url: 'https://acme.com/pricing',
          domain: 'acme.com',
          source: 'annotation',
          brandId: world.brand('Acme'),
        },
      ],
    });
  });

  it('filters by status and by brands mentioned or not', async () => {
    const gap = JSON.parse(
      (
        await inject(
          `/answers?mentioning=${world.brand('Globex')}&notMentioning=${world.brand('Acme')}&includeRaw=true`,
        )
      ).body,
    );
    expect(gap.data.map((a: Json) => a.text)).toEqual(['Globex only.']);
    const failed = JSON.parse((await inject('/answers?status=failed')).body);
    expect(failed.data.map((a: Json) => a.status)).toEqual(['failed']);
    expect((await inject('/answers?status=lost')).statusCode).toBe(400);
  });
});

describe('answers drill-down of a report row', () => {
  it('opens a row to exactly the answers it counted: mentioning plus not mentioning is n', async () => {
    const rowWorld = await createWorld(ctx.db, tenant.organizationId, {
      brands: [{ name: 'Acme', kind: 'own' }, { name: 'Globex' }],
      prompts: [{ key: 'p', text: 'Best CRM?' }],
      configs: [{ key: 'c', provider: 'openai' }],
    });
    await addRun(ctx.db, rowWorld, {
      createdAt: new Date('2026-06-02T12:00:00Z'),
      answers: [
        ...times(3, { prompt: 'p', config: 'c', mentions: [{ brand: 'Acme' }] }),
        ...times(2, { prompt: 'p', config: 'c', mentions: [{ brand: 'Globex' }] }),
        { prompt: 'p', config: 'c' },
        // Not counted by reports: failed, or still waiting for analysis.
        { prompt: 'p', config: 'c', status: 'failed' as const },
        { prompt: 'p', config: 'c', analyzed: false },
        { prompt: 'p', config: 'c', status: 'pending' as const },
      ],
    });
    const get = async (path: string) => {
      const res = await ctx.app.inject({ url: `${rowWorld.base}${path}`, headers: tenant.headers });
      expect(res.statusCode, res.body).toBe(200);
      return JSON.parse(res.body);
    };
    const report = await get('/reports/visibility?groupBy=prompt');
    expect(report.rows).toHaveLength(2);
    for (const row of report.rows as Json[]) {
      const scope = `promptIds=${row.promptId}&limit=200`;
      const mentioning = (await get(`/answers?${scope}&mentioning=${row.brandId}`)).data as Json[];
      const notMentioning = (await get(`/answers?${scope}&notMentioning=${row.brandId}`)).data as Json[];
      expect([row.brandName, mentioning.length, notMentioning.length]).toEqual([
        row.brandName,
        row.mentionRate.numerator,
        row.n - row.mentionRate.numerator,
      ]);
      for (const a of [...mentioning, ...notMentioning])
        expect([a.status, a.analyzedAt === null]).toEqual(['succeeded', false]);
    }
    expect(report.rows.map((r: Json) => r.n)).toEqual([6, 6]);
  });
});

describe('exports', () => {
  it('exports a report as CSV with its definition version and every interval bound', async () => {
    const res = await inject('/reports/visibility?format=csv');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const [header, ...rows] = lines(res.body);
    expect(header).toBe(
      'definitionVersion,brandId,brandName,brandKind,provider,modelConfigId,modelConfigName,mentionRate.numerator,mentionRate.denominator,mentionRate.n,mentionRate.value,mentionRate.ci95.low,mentionRate.ci95.high,n,failed,pendingAnalysis',
    );
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(
      new RegExp(`^1,${world.brand('Acme')},Acme,own,mock,${world.config('c')},c,1,2,2,0\\.5,0\\.09`),
    );
  });

  it('exports every other report as CSV: one row per item, with its exact numbers', async () => {
    const pick = (r: Record<string, string>, keys: string[]) => keys.map((k) => r[k]);
    const sov = await csvOf('/reports/share-of-voice');
    expect(
      sov.map((r) =>
        pick(r, [
          'brandName',
          'shareOfVoice.presence.numerator',
          'shareOfVoice.presence.denominator',
          'shareOfVoice.count.value',
          'averageRank.value',
          'top1Rate.numerator',
          'n',
          'failed',
        ]),
      ),
    ).toEqual([
      ['Acme', '1', '3', String(1 / 3), '1', '1', '2', '1'],
      ['Globex', '2', '3', String(2 / 3), '1.5', '1', '2', '1'],
    ]);

    const trends = await csvOf('/reports/trends?interval=day');
    expect(
      trends.map((r) =>
        pick(r, [
          'period',
          'brandName',
          'mentionRate.numerator',
          'shareOfVoice.count.numerator',
          'sentiment.neutral',
          'citationShare.numerator',
          'sources.annotation.count',
        ]),
      ),
    ).toEqual([
      ['2026-06-01', 'Acme', '1', '1', '1', '1', '1'],
      ['2026-06-01', 'Globex', '2', '2', '2', '0', '1'],
    ]);

    // Per provider and for the one group: citing answers, 3 source kinds; then the group's 1 domain, 1 URL, 2 brands.
    const cit = await csvOf('/reports/citations');
    expect(cit.map((r) => `${r.section}|${r.key}`)).toEqual([
      'provider answers|citing',
      'provider source|annotation',
      'provider source|link',
      'provider source|searchResult',
      'answers|citing',
      'source|annotation',
      'source|link',
      'source|searchResult',
      'domain|acme.com',
      'url|https://acme.com/pricing',
      `brand|${world.brand('Acme')}`,
      `brand|${world.brand('Globex')}`,
      // Then the split by kind of site, every category in its order, cited or not.
      ...[
        'own',
        'competitor',
        'forum',
        'video',
        'social',
        'review',
        'news',
        'reference',
        'institutional',
        'marketplace',
        'other',
      ].map((category) => `source category|${category}`),
    ]);
    expect(pick(cit[4] ?? {}, ['cited', 'answers.numerator', 'answers.denominator', 'n', 'failed'])).toEqual([
      '1',
      '1',
      '2',
      '2',
      '1',
    ]);
    expect(pick(cit[8] ?? {}, ['label', 'cited', 'share.value', 'answers.numerator'])).toEqual(['Acme', '1', '1', '1']);
    expect(pick(cit[11] ?? {}, ['label', 'cited', 'share.numerator', 'share.denominator'])).toEqual([
      'Globex',
      '0',
      '0',
      '1',
    ]);

    const gap = await csvOf('/reports/competitor-gap');
    expect(
      gap.map((r) =>
        pick(r, [
          'promptText',
          'competitor',
          'gap.numerator',
          'gap.denominator',
          'competitorMentioned.numerator',
          'n',
          'failed',
          'examples',
        ]),
      ),
    ).toEqual([['Which CRM, "really"?', 'Globex', '1', '2', '2', '2', '1', '… Globex …']]);

    const exp = await csvOf(`/reports/experiments?configA=${world.config('c')}&configB=${world.config('warm')}`);
    expect(
      exp.map((r) =>
        pick(r, [
          'parameter',
          'configA.value',
          'configB.value',
          'brandName',
          'a.numerator',
          'a.denominator',
          'b.denominator',
          'test',
          'pValue',
          'significant',
        ]),
      ),
    ).toEqual([
      ['temperature', '0.2', '1', 'Acme', '1', '2', '0', 'none', '', 'false'],
      ['temperature', '0.2', '1', 'Globex', '2', '2', '0', 'none', '', 'false'],
    ]);
  });

  it('exports raw mentions, citations and responses as CSV and JSON', async () => {
    const mentions = await inject(`/exports/mentions?runId=${runId}`);
    expect(mentions.headers['content-disposition']).toBe('attachment; filename="mentions.csv"');
    const [header, ...rows] = lines(mentions.body);
    expect(header).toBe(
      'response_id,run_id,run_at,prompt_id,model_config_id,provider,model,brand_id,brand_name,brand_kind,count,first_offset,rank,list_position,sentiment,sentiment_label,snippet,matched_alias,spans',
    );
    expect(rows).toHaveLength(3);
    expect(rows.some((r) => r.endsWith(',"[[11,17]]"'))).toBe(true);
    const json = JSON.parse((await inject(`/exports/citations?format=json`)).body);
    expect(json).toEqual([
      expect.objectContaining({ url: 'https://acme.com/pricing', source: 'annotation', brand_id: world.brand('Acme') }),
    ]);
    const responses = await inject(`/exports/responses?brandIds=${world.brand('Globex')}`);
    expect(lines(responses.body), responses.body).toHaveLength(4);
    expect(responses.body).toContain('"Acme, then Globex."');

    const rjson = await inject(`/exports/responses?runId=${runId}&format=json`);
    expect(rjson.headers['content-type']).toMatch(/^application\/json/);
    expect(rjson.headers['content-disposition']).toBe('attachment; filename="responses.json"');
    const answers = JSON.parse(rjson.body) as Json[];
    expect(answers.map((a) => [a.status, a.text, a.error, a.model_config_id, a.run_at])).toEqual([
      ['succeeded', 'Acme, then Globex.', null, world.config('c'), '2026-06-01T12:00:00.000Z'],
      ['succeeded', 'Globex only.', null, world.config('c'), '2026-06-01T12:00:00.000Z'],
      ['failed', null, 'provider error', world.config('c'), '2026-06-01T12:00:00.000Z'],
    ]);
    expect(answers[0]).not.toHaveProperty('raw');
    const mjson = JSON.parse((await inject(`/exports/mentions?runId=${runId}&format=json`)).body) as Json[];
    // Spans stay JSON arrays in a JSON export (they are JSON text in CSV).
    expect(
      mjson.map((m) => [m.response_id, m.brand_name, m.brand_kind, m.count, m.rank, m.sentiment_label, m.spans]),
    ).toEqual([
      [answers[0]?.response_id, 'Acme', 'own', 1, 1, 'neutral', [[0, 4]]],
      [answers[0]?.response_id, 'Globex', 'competitor', 1, 2, 'neutral', [[11, 17]]],
      [answers[1]?.response_id, 'Globex', 'competitor', 1, 1, 'neutral', [[0, 6]]],
    ]);
  });

  it('streams a large export over a socket: the header arrives first, every row follows', async () => {
    // 3,000 more answers naming both brands, written in bulk.
    const bulk = await addRun(ctx.db, world, {
      createdAt: new Date('2026-06-02T12:00:00Z'),
      answers: times(1, { prompt: 'p', config: 'c' }),
    });
    await ctx.db.pool.query(
      `INSERT INTO responses (id, run_id, workspace_id, prompt_id, model_config_id, sample_index, provider, channel, model, config_hash, status, text, completed_at, analyzed_at)
       SELECT gen_random_uuid(), $1, $2, $3, c.id, g, c.provider, 'mock', c.model, c.hash, 'succeeded', 'Acme or Globex', now(), now()
         FROM model_configs c, generate_series(1, 3000) g WHERE c.id = $4`,
      [bulk, world.workspaceId, world.prompt('p'), world.config('c')],
    );
    await ctx.db.pool.query(
      `INSERT INTO mentions (response_id, workspace_id, brand_id, count, spans, first_offset, rank, sentiment, sentiment_label, snippet, matched_alias)
       SELECT r.id, r.workspace_id, b.id, 1, '[[0, 4]]', 0, 1, 0, 'neutral', 'Acme or Globex', b.name
         FROM responses r JOIN brands b ON b.workspace_id = r.workspace_id WHERE r.run_id = $1 AND r.sample_index > 0`,
      [bulk],
    );
    await ctx.app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = ctx.app.server.address() as AddressInfo;
    const res = await fetch(`http://127.0.0.1:${port}${world.base}/exports/mentions`, { headers: tenant.headers });
    expect(res.status).toBe(200);
    // Streamed: sent in chunks, with no length known in advance.
    expect(res.headers.get('transfer-encoding')).toBe('chunked');
    expect(res.headers.get('content-length')).toBeNull();
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    const first = await reader.read();
    expect(decoder.decode(first.value).startsWith('response_id,run_id,')).toBe(true);
    let text = decoder.decode(first.value, { stream: true });
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read())
      text += decoder.decode(chunk.value, { stream: true });
    expect(lines(text)).toHaveLength(1 + 3 + 6_000);
  });
});

describe('CSV and JSON of one report', () => {
  /**
   * Every figure of a report's JSON has a CSV column with the same value, in the CSV row of its
   * item. Items are a report's rows (for experiments, a pair with one of its brands; for
   * citations, each entry of each list, and each slice's counts on every row of the slice).
   * `columns` names the CSV column of a JSON field (and of the fields nested in it) where the CSV
   * names it otherwise.
   */
  const sameFigures = (
    where: string,
    item: Json,
    row: Record<string, string> | undefined,
    columns: Record<string, string> = {},
  ) => {
    expect(row, `${where}: no CSV row`).toBeDefined();
    for (const [field, value] of Object.entries(flatten(item))) {
      // Renamed fields keep their nested names: citingAnswers.value is answers.value.
      const renamed = Object.keys(columns).find((k) => field === k || field.startsWith(`${k}.`));
      const column = renamed === undefined ? field : `${columns[renamed]}${field.slice(renamed.length)}`;
      // A null object (an interval that cannot be computed) is its columns left empty.
      const nested = Object.keys(row ?? {}).filter((c) => c.startsWith(`${column}.`));
      if (value === null && !(column in (row ?? {})) && nested.length > 0) {
        expect(
          nested.map((c) => row?.[c]),
          `${where}: ${field}`,
        ).toEqual(nested.map(() => ''));
        continue;
      }
      expect(Object.keys(row ?? {}), `${where}: ${field} has no CSV column (${column})`).toContain(column);
      expect(row?.[column], `${where}: ${field}`).toBe(value === null || value === undefined ? '' : String(value));
    }
  };
  const fetchBoth = async (base: string, path: string) => {
    const get = (format: string) =>
      ctx.app.inject({
        url: `${base}${path}${path.includes('?') ? '&' : '?'}format=${format}`,
        headers: tenant.headers,
      });
    const [json, csv] = await Promise.all([get('json'), get('csv')]);
    expect(json.statusCode, json.body).toBe(200);
    expect(csv.statusCode, csv.body).toBe(200);
    return {
      json: JSON.parse(json.body) as Json,
      csv: parse(csv.body, { columns: true }) as Array<Record<string, string>>,
    };
  };

  it('carries every figure of the JSON, for every report', async () => {
    const w = await createWorld(ctx.db, tenant.organizationId, {
      brands: [
        { name: 'Acme', kind: 'own', domains: ['acme.com'] },
        { name: 'Globex', domains: ['globex.com'] },
      ],
      prompts: [
        { key: 'p', text: 'Which CRM?' },
        { key: 'q', text: 'Cheapest CRM?' },
      ],
      configs: [
        { key: 'cold', provider: 'openai', params: { temperature: 0.2 } },
        { key: 'warm', provider: 'openai', params: { temperature: 1 } },
      ],
    });
    const answer = (prompt: string, config: string, brands: string[], urls: string[] = []) => ({
      prompt,
      config,
      mentions: brands.map((brand) => ({ brand, snippet: `… ${brand} …` })),
      citations: urls.map((url, i) => ({ url, source: (['annotation', 'link', 'search_result'] as const)[i % 3] })),
    });
    await addRun(ctx.db, w, {
      createdAt: new Date('2026-06-03T12:00:00Z'),
      answers: [
        answer('p', 'cold', ['Acme', 'Globex'], ['https://acme.com/a', 'https://globex.com/b', 'https://wiki.org/c']),
        answer('p', 'cold', ['Globex'], ['https://globex.com/b']),
        answer('p', 'warm', ['Globex'], ['https://acme.com/a', 'https://acme.com/a', 'https://globex.com/b']),
        answer('q', 'warm', ['Acme'], ['https://wiki.org/c']),
        answer('q', 'cold', ['Globex']),
        { prompt: 'p', config: 'cold', status: 'failed' as const },
        { prompt: 'p', config: 'warm', analyzed: false },
        { prompt: 'p', config: 'warm', analyzed: false },
      ],
    });

    for (const path of [
      '/reports/visibility',
      '/reports/visibility?groupBy=prompt,config',
      '/reports/share-of-voice?groupBy=provider',
      '/reports/trends?interval=day&groupBy=prompt',
    ]) {
      const { json, csv } = await fetchBoth(w.base, path);
      expect(csv, path).toHaveLength(json.rows.length);
      for (const [i, row] of (json.rows as Json[]).entries())
        sameFigures(`${path} row ${i}`, { definitionVersion: json.definitionVersion, ...row }, csv[i]);
    }

    for (const path of ['/reports/competitor-gap', '/reports/competitor-gap?groupBy=prompt,config']) {
      const { json, csv } = await fetchBoth(w.base, path);
      expect(csv, path).toHaveLength(json.rows.length);
      json.rows.forEach((row: Json, i: number) => {
        const { examples, ...figures } = row;
        sameFigures(`${path} row ${i}`, { definitionVersion: json.definitionVersion, ...figures }, csv[i], {
          'competitor.brandId': 'competitorId',
          'competitor.brandName': 'competitor',
          'competitor.brandKind': 'competitorKind',
        });
        expect(csv[i]?.examples).toBe(examples.map((e: Json) => e.snippet).join(' | '));
      });
    }

    for (const path of [
      `/reports/experiments?configA=${w.config('cold')}&configB=${w.config('warm')}`,
      '/reports/experiments?parameter=temperature&groupBy=prompt',
    ]) {
      const { json, csv } = await fetchBoth(w.base, path);
      const items = json.pairs.flatMap(({ brands, a, b, ...pair }: Json) =>
        brands.map((brand: Json) => ({
          definitionVersion: json.definitionVersion,
          ...pair,
          configA: { ...a, value: JSON.stringify(a.value) },
          configB: { ...b, value: JSON.stringify(b.value) },
          ...brand,
        })),
      );
      expect(items.length, path).toBeGreaterThan(0);
      expect(csv, path).toHaveLength(items.length);
      for (const [i, item] of (items as Json[]).entries()) sameFigures(`${path} row ${i}`, item, csv[i]);
    }

    for (const path of [
      '/reports/citations',
      '/reports/citations?groupBy=prompt',
      '/reports/citations?groupBy=provider,config',
    ]) {
      const { json, csv } = await fetchBoth(w.base, path);
      const rows = [...csv];
      const take = (section: string) => {
        const row = rows.shift();
        expect(row?.section, path).toBe(section);
        return row;
      };
      // A slice (a provider, or a group): its counts on each of its rows, then its citing answers, its sources, and its lists.
      const slice = (where: string, item: Json, prefix: string, lists: number) => {
        const { cited, citingAnswers, sources, domains: _d, urls: _u, brands: _b, ...counts } = item;
        for (const row of rows.slice(0, 1 + Object.keys(sources).length + lists))
          sameFigures(`${where} (every row)`, { definitionVersion: json.definitionVersion, ...counts }, row);
        sameFigures(where, { key: 'citing', cited, citingAnswers }, take(`${prefix}answers`), {
          citingAnswers: 'answers',
        });
        for (const [key, source] of Object.entries(sources as Record<string, Json>))
          sameFigures(`${where} ${key}`, { key, ...source }, take(`${prefix}source`), { count: 'cited' });
      };
      for (const p of json.byProvider as Json[]) slice(`${path} provider ${p.provider}`, p, 'provider ', 0);
      for (const [g, group] of (json.groups as Json[]).entries()) {
        const where = `${path} group ${g}`;
        slice(where, group, '', group.domains.length + group.urls.length + group.brands.length);
        for (const { ownedBy, ...domain } of group.domains as Json[]) {
          const row = take('domain');
          sameFigures(`${where} ${domain.domain}`, domain, row, {
            domain: 'key',
            searchResults: 'retrieved',
            citingAnswers: 'answers',
          });
          expect(row?.label).toBe(ownedBy.map((o: Json) => o.brandName).join('; '));
        }
        for (const u of group.urls as Json[])
          sameFigures(`${where} ${u.url}`, u, take('url'), { url: 'key', domain: 'label' });
        for (const b of group.brands as Json[])
          sameFigures(`${where} ${b.brandName}`, b, take('brand'), {
            brandId: 'key',
            brandName: 'label',
            citingAnswers: 'answers',
          });
      }
      const split = json.sourceCategories as Json;
      for (const c of split.categories as Json[])
        sameFigures(
          `${path} source category ${c.category}`,
          { key: c.category, n: split.n, cited: c.cited, share: c.share, citingAnswers: c.citingAnswers },
          take('source category'),
          { citingAnswers: 'answers' },
        );
      expect(rows, path).toEqual([]);
    }
  });
});
