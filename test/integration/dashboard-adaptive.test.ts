/**
 * Adaptive sampling in the dashboard, in a real browser (headless Chromium) against the API on a
 * real port and a worker with the mock provider: an editor switches an audit to adaptive sampling
 * (a refused maximum is shown on its field; the saved design is what the API stores), and the runs
 * page shows the run's precision and the answers saved as the API reports them. Every state is
 * checked with axe-core.
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
import { freePort } from '../helpers/processes.js';

let ctx: TestContext;
let tenant: TestTenant;
let api: ApiClient;
let browser: Browser;
let origin: string;
let editor: TestPerson;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  assertBrowserTestsCanRun();
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  ctx = await createTestContext({ PUBLIC_BASE_URL: origin, MOCK_CONCURRENCY: '8' });
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

describe('adaptive sampling in the dashboard', () => {
  it('is chosen in the audit form, and the runs page shows the precision reached and the answers saved', async () => {
    const { ws, base, configs } = await seedWorkspace(api, {
      prompts: 3,
      brands: ['Salesforce', 'Pipedrive'],
      configs: [{ temperature: 0 }, { temperature: 2 }],
    });
    await api.post(`${base}/brands`, { name: 'HubSpot', kind: 'own' });
    const audit = await api.post(`${base}/audits`, {
      name: 'CRM precision',
      promptTags: ['crm'],
      modelConfigIds: configs.map((c: { id: string }) => c.id),
      samplesPerPair: 3,
    });

    const { page, problems } = await open(editor, `#/w/${ws.id}/audits`);
    await page.getByRole('button', { name: 'Edit CRM precision' }).click();
    const form = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Edit CRM precision' }) });
    await form.getByLabel('Sampling').selectOption('adaptive');
    await form.getByLabel('Precision (± points)').fill('10');
    await form.getByLabel('Minimum answers').fill('20');
    await form.getByLabel('Maximum answers').fill('10');
    await form.getByRole('button', { name: 'Save audit' }).click();
    // The API's refusal is shown on the field it concerns.
    const maximum = form.getByLabel('Maximum answers');
    await expect.poll(() => maximum.getAttribute('aria-invalid')).toBe('true');
    await form.getByText('must be at least minSamples (20)').waitFor();
    await accessible(page, 'the audit form with a refused maximum');
    await maximum.fill('120');
    await form.getByLabel('Answers per wave (optional)').fill('20');
    await form.getByRole('button', { name: 'Save audit' }).click();
    await form.getByText('Saved CRM precision').waitFor();
    expect((await api.get(`${base}/audits/${audit.id}`)).sampling).toEqual({
      mode: 'adaptive',
      halfWidth: 10,
      minSamples: 20,
      maxSamples: 120,
      waveSize: 20,
      fixedDesignSamples: 93,
    });
    await accessible(page, 'the audit form with adaptive sampling');

    const run = await api.post(`${base}/runs`, { auditId: audit.id });
    await waitFor(async () => (await api.get(`${base}/runs/${run.id}`)).status === 'completed', 'the run', 60_000);
    const precision = await api.get(`${base}/runs/${run.id}/precision`);
    const s = precision.summary;

    const runs = await open(editor, `#/w/${ws.id}/runs`);
    const saved = runs.page.getByTestId(`run-saved-${run.id}`);
    await expect
      .poll(() => saved.textContent())
      .toBe(
        `${s.calls} answers vs ${s.fixedDesignCalls} fixed: ${s.samplesSaved >= 0 ? `${s.samplesSaved} saved` : `${-s.samplesSaved} more`} (${s.ratio.toFixed(2)}× fewer)`,
      );
    const cell = runs.page.getByTestId(`run-precision-${run.id}`);
    expect(await cell.textContent()).toContain(`Target ±10 pts: ${s.reachedTarget} of 6 pairs`);
    await cell.locator('summary', { hasText: 'Per prompt and configuration' }).click();
    const rows = cell.locator('tbody tr');
    expect(await rows.count()).toBe(6);
    const first = precision.cells[0];
    const firstRow = rows.first();
    expect(await firstRow.textContent()).toContain(`${first.answers} of ${first.planned}`);
    expect(await firstRow.textContent()).toContain(`±${first.halfWidth.toFixed(1)} pts`);
    await accessible(runs.page, 'the runs page with an adaptive run');
    // The one refusal asked for above, and nothing else.
    expect(problems.filter((p) => !/status of 400 .* at \S+\/audits\/[0-9a-f-]+$/.test(p))).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(runs.problems).toEqual([]);
  });
});
