/**
 * The whole way through: HTTP API → Postgres → BullMQ → worker → mock provider → analysis →
 * report. The expected numbers are computed independently: the mock's answers are regenerated
 * here and each brand counted by a plain, case-sensitive search of its name. The same numbers are
 * also written down literally, so a change to the mock's answers fails here and its author updates
 * them on purpose.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mockAdapter } from '../../src/providers/mock.js';
import { createTenant, type TestTenant } from '../factories/index.js';
import { createTestContext, waitFor, type TestContext } from '../helpers/context.js';

let ctx: TestContext;
let tenant: TestTenant;

beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await createTenant(ctx.db);
  ctx.startWorker();
});
afterAll(async () => ctx.close());

const BRANDS = [
  { name: 'Nimbus CRM', aliases: [], domains: ['nimbuscrm.com'], kind: 'own' },
  { name: 'Salesforce', domains: ['salesforce.com'] },
  { name: 'HubSpot', domains: ['hubspot.com'] },
  { name: 'Pipedrive', domains: ['pipedrive.com'] },
  { name: 'Zoho CRM', domains: ['zoho.com'] },
];
const PROMPTS = [
  { text: 'What is the best CRM for a startup?', locale: 'en-US', tags: ['crm'] },
  { text: 'Which CRM integrates best with Gmail?', locale: 'en-GB', tags: ['crm'] },
  { text: 'Quel CRM choisir pour une PME ?', locale: 'fr-FR', tags: ['crm'] },
];
const CONFIGS = [
  { name: 'Cold', provider: 'mock', model: 'mock-1', params: { temperature: 0, webSearch: true } },
  { name: 'Hot', provider: 'mock', model: 'mock-1', params: { temperature: 1.2, webSearch: false } },
];
const SAMPLES = 4;
/** Answers mentioning each brand, out of 12 per configuration (3 prompts × 4 samples); 58 in all. */
const PINNED_MENTIONS: Record<string, { Cold: number; Hot: number }> = {
  'Nimbus CRM': { Cold: 0, Hot: 5 },
  HubSpot: { Cold: 8, Hot: 7 },
  Pipedrive: { Cold: 4, Hot: 4 },
  Salesforce: { Cold: 8, Hot: 8 },
  'Zoho CRM': { Cold: 8, Hot: 6 },
};

describe('end-to-end audit with the mock provider', () => {
  it('runs prompts × configurations × samples and reports exact mention rates', async () => {
    const post = async (url: string, payload: unknown, status = 201) => {
      const res = await ctx.app.inject({ method: 'POST', url, headers: tenant.headers, payload: payload as object });
      expect(res.statusCode, res.body).toBe(status);
      return JSON.parse(res.body);
    };
    const get = async (url: string) => {
      const res = await ctx.app.inject({ url, headers: tenant.headers });
      expect(res.statusCode, res.body).toBe(200);
      return JSON.parse(res.body);
    };

    const ws = await post('/v1/workspaces', { name: 'E2E', timezone: 'Europe/Paris' });
    const base = `/v1/workspaces/${ws.id}`;
    for (const b of BRANDS) await post(`${base}/brands`, b);
    for (const p of PROMPTS) await post(`${base}/prompts`, p);
    const configs = [];
    for (const c of CONFIGS) configs.push(await post(`${base}/model-configs`, c));
    const audit = await post(`${base}/audits`, {
      name: 'Slice',
      promptTags: ['crm'],
      modelConfigIds: configs.map((c) => c.id),
      samplesPerPair: SAMPLES,
    });

    const started = await post(`${base}/runs`, { auditId: audit.id }, 202);
    expect(started.progress).toMatchObject({ total: 24, pending: 24 });

    const run = await waitFor(async () => {
      const r = await get(`${base}/runs/${started.id}`);
      return r.finishedAt ? r : null;
    }, 'the run to finish');
    expect(run.status).toBe('completed');
    expect(run.progress).toEqual({ total: 24, succeeded: 24, failed: 0, cancelled: 0, pending: 0, analyzed: 24 });

    // Every answer is stored once, with what it was asked and how.
    const stored = await ctx.db.pool.query(
      `SELECT provider, channel, config_hash, raw IS NOT NULL AS has_raw, request_params, count(*)::int AS n
         FROM responses WHERE run_id = $1 GROUP BY 1, 2, 3, 4, 5 ORDER BY 3`,
      [run.id],
    );
    expect(stored.rows.reduce((s, r) => s + r.n, 0)).toBe(24);
    for (const r of stored.rows) {
      expect(r).toMatchObject({ provider: 'mock', channel: 'mock', has_raw: true });
      expect(configs.map((c) => c.hash)).toContain(r.config_hash);
    }

    // Independent expectation: regenerate each answer and look for each brand name.
    const brandNames = BRANDS.map((b) => b.name).sort();
    const expected = new Map<string, number>();
    for (const config of configs) {
      for (const prompt of PROMPTS) {
        for (let sampleIndex = 0; sampleIndex < SAMPLES; sampleIndex++) {
          const answer = await mockAdapter.query(
            {
              prompt: prompt.text,
              locale: prompt.locale,
              model: config.model,
              params: config.params,
              sampleIndex,
              attempt: 1,
              knownBrands: brandNames,
            },
            { timeoutMs: 1_000, credentials: {} },
          );
          for (const name of brandNames) {
            if (answer.text.includes(name))
              expected.set(`${name}|${config.name}`, (expected.get(`${name}|${config.name}`) ?? 0) + 1);
          }
        }
      }
    }

    const report = await get(`${base}/reports/visibility?runId=${run.id}`);
    expect(report.rows).toHaveLength(BRANDS.length * CONFIGS.length);
    for (const row of report.rows) {
      const k = expected.get(`${row.brandName}|${row.modelConfigName}`) ?? 0;
      expect(row, `${row.brandName} / ${row.modelConfigName}`).toMatchObject({
        n: 12,
        failed: 0,
        mentionRate: { numerator: k, denominator: 12, value: k / 12 },
      });
      expect(row.mentionRate.ci95.low).toBeLessThanOrEqual(k / 12);
      expect(row.mentionRate.ci95.high).toBeGreaterThanOrEqual(k / 12);
    }
    // The cold configuration answers every sample alike, so each brand is at 0% or 100% per prompt.
    const cold = report.rows.filter((r: { modelConfigName: string }) => r.modelConfigName === 'Cold');
    for (const r of cold) expect(r.mentionRate.numerator % SAMPLES).toBe(0);
    const reported = Object.fromEntries(BRANDS.map((b) => [b.name, { Cold: -1, Hot: -1 }]));
    for (const r of report.rows) reported[r.brandName]![r.modelConfigName as 'Cold' | 'Hot'] = r.mentionRate.numerator;
    expect(reported, 'the mock answers differently: check the change is intended, then update PINNED_MENTIONS').toEqual(
      PINNED_MENTIONS,
    );
    const facts = await ctx.db.pool.query(
      `SELECT (SELECT count(*)::int FROM mentions m JOIN responses r ON r.id = m.response_id WHERE r.run_id = $1) AS mentions,
              (SELECT count(*)::int FROM citations c JOIN responses r ON r.id = c.response_id WHERE r.run_id = $1) AS citations`,
      [run.id],
    );
    // One mention row per answer and brand mentioned; citations are the links and annotations kept.
    expect(facts.rows[0], 'update these with PINNED_MENTIONS').toEqual({ mentions: 58, citations: 72 });
    // Some brand is actually mentioned, or the test proves little.
    expect([...expected.values()].some((v) => v > 0)).toBe(true);
  });
});
