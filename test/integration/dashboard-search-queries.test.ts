/**
 * "Searches the assistants ran" in the dashboard, in a real browser (headless Chromium): opening
 * a prompt's cell on the prompts page shows, beside its answers, the web searches each
 * configuration ran for that prompt, with the counts, shares and own-citation rates the
 * search-queries report gives, loaded only when first opened. Axe checks each state shown.
 */
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/lib/paths.js';
import { addRun, createWorld, type World } from '../factories/answers.js';
import { createTenant, type TestTenant } from '../factories/index.js';
import {
  accessibilityProblems,
  assertBrowserTestsCanRun,
  launchChromium,
  watchProblems,
  shownRate,
  openWithKey,
  PAGE_WAIT_MS,
} from '../helpers/browser.js';
import { createTestContext, type TestContext } from '../helpers/context.js';

const SHOTS = join(projectRoot(), 'test-results', 'dashboard');
/** GET /v1/auth/providers is not served yet: the sign-in page then offers passwords only. */
const SIGN_IN_METHODS_UNKNOWN = /status of 404 .* at \S+\/v1\/auth\/providers$/;
/** The first screen asks GET /v1/me whether someone is signed in; the browser logs the 401 answering no. */
const NOT_SIGNED_IN = /status of 401 .* at \S+\/v1\/me$/;

let ctx: TestContext;
let tenant: TestTenant;
let world: World;
let browser: Browser;
let page: Page;
let origin: string;
let problems: string[];

const OWN = { url: 'https://nimbus.io/crm', source: 'link' as const };

beforeAll(async () => {
  assertBrowserTestsCanRun();
  ctx = await createTestContext();
  tenant = await createTenant(ctx.db, ['read']);
  world = await createWorld(ctx.db, tenant.organizationId, {
    brands: [
      { name: 'Nimbus', kind: 'own', domains: ['nimbus.io'] },
      { name: 'HubSpot', domains: ['hubspot.com'] },
    ],
    prompts: [
      { key: 'p1', text: 'Best CRM for a startup?' },
      { key: 'p2', text: 'Cheapest CRM?' },
    ],
    configs: [{ key: 'mock', name: 'Mock with search', provider: 'mock' }],
  });
  await addRun(ctx.db, world, {
    createdAt: new Date(Date.now() - 3_600_000),
    answers: [
      { prompt: 'p1', config: 'mock', searchQueries: ['Best CRM startup', 'nimbus reviews'], citations: [OWN] },
      { prompt: 'p1', config: 'mock', searchQueries: ['best  crm startup'], citations: [] },
      { prompt: 'p1', config: 'mock', searchQueries: ['<b>best crm startup</b>'], citations: [OWN] },
      { prompt: 'p1', config: 'mock', searchQueries: [] },
      { prompt: 'p2', config: 'mock', searchQueries: [] },
    ],
  });
  await ctx.app.listen({ host: '127.0.0.1', port: 0 });
  origin = `http://127.0.0.1:${(ctx.app.server.address() as AddressInfo).port}`;
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(PAGE_WAIT_MS);
  problems = watchProblems(page);
});

afterAll(async () => {
  await browser?.close();
  await ctx?.close();
});

async function api(path: string): Promise<any> {
  const res = await ctx.app.inject({ url: `${world.base}${path}`, headers: tenant.headers });
  expect(res.statusCode, res.body).toBe(200);
  return JSON.parse(res.body);
}

const rate = shownRate;
const shot = async (name: string) => {
  expect(await accessibilityProblems(page), `accessibility of ${name}`).toEqual([]);
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
};

describe('searches the assistants ran, in the dashboard', () => {
  it('are shown beside a prompt’s answers with the report’s counts, shares and own-citation rates', async () => {
    await openWithKey(page, origin, tenant.key);
    await page.goto(`${origin}/dashboard/#/w/${world.workspaceId}/prompts`);
    const prompt = world.prompt('p1');
    await page.getByTestId(`cell-${prompt}-mock`).click({ timeout: PAGE_WAIT_MS });

    const report = await api(`/reports/search-queries?promptIds=${prompt}&providers=mock`);
    expect(report.rows).toHaveLength(1);
    const row = report.rows[0];
    expect([row.n, row.searched.numerator, row.ownCited.numerator]).toEqual([4, 3, 2]);
    const panel = page.getByTestId(`search-queries-${world.config('mock')}`);
    await panel.waitFor();
    expect(await page.getByRole('heading', { name: 'Searches the assistants ran' }).isVisible()).toBe(true);
    const summary = (await panel.locator('p').textContent()) ?? '';
    expect(summary).toContain(`3 of 4 answers searched the web (${rate(row.searched)})`);
    expect(summary).toContain(`2 of those cited your domains (${rate(row.ownCited)})`);
    const shown = await panel
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent)));
    expect(shown).toEqual(
      row.queries.map((q: any) => [
        q.query,
        `${q.answers} of ${q.share.denominator}`,
        rate(q.share),
        `${q.ownCited.numerator} of ${q.answers}: ${rate(q.ownCited)}`,
      ]),
    );
    // Normalised queries; markup in a query is shown as text, never interpreted.
    expect(row.queries.map((q: any) => [q.query, q.answers])).toEqual([
      ['best crm startup', 2],
      ['<b>best crm startup</b>', 1],
      ['nimbus reviews', 1],
    ]);
    expect(await panel.locator('tbody b').count()).toBe(0);
    await shot('prompt-search-queries');
  });

  it('say so when no answer of the prompt searched', async () => {
    await page.getByTestId(`cell-${world.prompt('p2')}-mock`).click();
    await page.getByTestId('search-queries').getByText('No answer here ran a web search.').waitFor();
    await shot('prompt-search-queries-empty');
    expect(problems.filter((p) => !SIGN_IN_METHODS_UNKNOWN.test(p) && !NOT_SIGNED_IN.test(p))).toEqual([]);
  });
});
