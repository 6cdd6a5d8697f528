/**
 * The stance judge in the dashboard, in a real browser (headless Chromium) against the API on a
 * real port and a worker asking a fake OpenAI server: an editor names a judge in the audit form
 * (saved as the API stores it), and the runs page shows each run's agreement between the judge and
 * the rule-based labels as the API reports it. Every state is checked with axe-core.
 */
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, type TestTenant } from '../factories/index.js';
import { createPerson, type TestPerson } from '../factories/people.js';
import { type ApiClient, apiClient, seedWorkspace } from '../helpers/api.js';
import {
  accessibilityProblems,
  assertBrowserTestsCanRun,
  launchChromium,
  watchProblems,
  PAGE_WAIT_MS,
} from '../helpers/browser.js';
import { createTestContext, waitFor, type TestContext } from '../helpers/context.js';
import { FakeOpenAI } from '../helpers/fake-openai.js';
import { freePort } from '../helpers/processes.js';

let ctx: TestContext;
let tenant: TestTenant;
let api: ApiClient;
let browser: Browser;
let origin: string;
let editor: TestPerson;
let fake: FakeOpenAI;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  assertBrowserTestsCanRun();
  fake = await FakeOpenAI.start({ failureRate: 0 });
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  ctx = await createTestContext({ PUBLIC_BASE_URL: origin, ...fake.env });
  await ctx.app.listen({ host: '127.0.0.1', port });
  expect((ctx.app.server.address() as AddressInfo).port).toBe(port);
  tenant = await createTenant(ctx.db);
  api = apiClient(ctx.app, tenant.headers);
  editor = await createPerson(ctx.app, ctx.db, { organizationId: tenant.organizationId, role: 'editor' });
  await ctx.startWorker().ready;
  browser = await launchChromium();
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await ctx?.close();
  await fake?.close();
});

async function open(who: TestPerson, hash: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  contexts.push(context);
  const [name, ...value] = who.cookie.split('=');
  await context.addCookies([{ name: name as string, value: value.join('='), url: origin }]);
  const page = await context.newPage();
  page.setDefaultTimeout(PAGE_WAIT_MS);
  const problems = watchProblems(page);
  await page.goto(`${origin}/dashboard/${hash}`);
  return { page, problems };
}

const accessible = async (page: Page, what: string) =>
  expect(await accessibilityProblems(page), `accessibility of ${what}`).toEqual([]);

describe('the stance judge in the dashboard', () => {
  it('is named in the audit form, and each run shows its agreement with the rule-based labels', async () => {
    const { ws, base, configs } = await seedWorkspace(api, { prompts: 2 });
    const judge = await api.post(`${base}/model-configs`, {
      name: 'GPT judge',
      provider: 'openai',
      model: 'gpt-5.4-mini',
      params: { reasoningEffort: 'none' },
    });
    const audit = await api.post(`${base}/audits`, {
      name: 'CRM weekly',
      promptTags: ['crm'],
      modelConfigIds: [configs[0].id],
    });
    expect(audit.judgeModelConfigId).toBeNull();

    const { page, problems } = await open(editor, `#/w/${ws.id}/audits`);
    await page.getByRole('button', { name: 'Edit CRM weekly' }).click();
    const form = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Edit CRM weekly' }) });
    const select = form.getByLabel('Stance judge');
    expect(await select.inputValue()).toBe('');
    await select.selectOption({ label: 'GPT judge' });
    await form.getByRole('button', { name: 'Save audit' }).click();
    await form.getByText('Saved CRM weekly').waitFor();
    expect((await api.get(`${base}/audits/${audit.id}`)).judgeModelConfigId).toBe(judge.id);
    await accessible(page, 'the audit form with a judge');

    fake.judgeLabel = (brand) => (brand === 'HubSpot' ? 'negative' : 'positive');
    const run = await api.post(`${base}/runs`, { auditId: audit.id });
    const agreement = await waitFor(async () => {
      const r = await api.get(`${base}/runs/${run.id}`);
      if (r.status !== 'completed') return null;
      const mentions = await ctx.db.pool.query<{ n: string }>(
        'SELECT count(*) AS n FROM mentions m JOIN responses r ON r.id = m.response_id WHERE r.run_id = $1',
        [run.id],
      );
      const a = await api.get(`${base}/runs/${run.id}/stance-agreement`);
      return a.judged === Number(mentions.rows[0]?.n) && a.judged > 0 ? a : null;
    }, 'the run to be judged');

    const runs = await open(editor, `#/w/${ws.id}/runs`);
    const cell = runs.page.getByTestId(`run-judge-${run.id}`);
    const pct = (x: number) => `${Math.round(x * 100)}%`;
    await expect
      .poll(() => cell.textContent())
      .toBe(
        `${pct(agreement.agreementRate)} agree (${pct(agreement.interval.low)}–${pct(agreement.interval.high)}, ` +
          `${agreement.agreed} of ${agreement.judged}${agreement.kappa === null ? '' : `, κ ${agreement.kappa.toFixed(2)}`})`,
      );
    await accessible(runs.page, 'the runs page with a judged run');
    expect(problems).toEqual([]);
    expect(runs.problems).toEqual([]);
  });
});
