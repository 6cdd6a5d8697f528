/**
 * The app-versus-API gap in the dashboard, in headless Chromium against the API on a real port:
 * the page is reached from the navigation, shows each assistant's verdict as the API words it and
 * every brand and domain figure (both surfaces, the difference with its interval, the adjusted
 * p-value, significance in words) equal to the API's answer; an alert rule can watch the gap from
 * the alert form. Checked with axe-core, on a phone's width too; no console errors. Screenshots go
 * to test-results/dashboard-app-gap/.
 */
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/lib/paths.js';
import { addRun, createWorld, type AnswerSpec, type World } from '../factories/answers.js';
import { createTenant, type TestTenant } from '../factories/index.js';
import {
  accessibilityProblems,
  assertBrowserTestsCanRun,
  launchChromium,
  openWithKey,
  shownRate,
  watchProblems,
  PAGE_WAIT_MS,
} from '../helpers/browser.js';
import { createTestContext, type TestContext } from '../helpers/context.js';

const SHOTS = join(projectRoot(), 'test-results', 'dashboard-app-gap');
const EXPECTED_NOISE = [/status of 401/, /status of 404 .* at \S+\/v1\/auth\/providers$/];

let ctx: TestContext;
let tenant: TestTenant;
let world: World;
let browser: Browser;
let page: Page;
let origin: string;
let problems: string[];

const answers = (
  config: string,
  prompt: string,
  n: number,
  acme: number,
  cites: (i: number) => string[],
): AnswerSpec[] =>
  Array.from({ length: n }, (_, i) => ({
    prompt,
    config,
    mentions: [...(i < acme ? [{ brand: 'Acme' }] : []), { brand: 'Globex' }],
    citations: cites(i).map((d, j) => ({ url: `https://${d}/p-${i}-${j}` })),
  }));

beforeAll(async () => {
  assertBrowserTestsCanRun();
  ctx = await createTestContext();
  tenant = await createTenant(ctx.db, ['admin']);
  world = await createWorld(ctx.db, tenant.organizationId, {
    brands: [{ name: 'Acme', kind: 'own', domains: ['acme.com'] }, { name: 'Globex' }],
    prompts: [
      { key: 'p1', text: 'Best CRM for a small team?' },
      { key: 'p2', text: 'Cheapest CRM?' },
    ],
    configs: [
      { key: 'api', name: 'GPT-4.1', provider: 'openai', model: 'gpt-4.1' },
      { key: 'app', name: 'ChatGPT app', provider: 'mock_app', model: 'chatgpt' },
    ],
  });
  await addRun(ctx.db, world, {
    createdAt: new Date('2026-05-04T09:00:00Z'),
    answers: [
      ...answers('api', 'p1', 20, 12, (i) => (i % 4 === 0 ? ['g2.com', 'reddit.com'] : ['g2.com', 'acme.com'])),
      ...answers('api', 'p2', 20, 10, () => ['g2.com']),
      ...answers('app', 'p1', 20, 4, (i) => (i % 3 ? ['reddit.com', 'reddit.com'] : ['g2.com'])),
      ...answers('app', 'p2', 20, 9, (i) => (i % 2 ? ['reddit.com'] : ['g2.com', 'reddit.com'])),
    ],
  });
  await ctx.app.listen({ host: '127.0.0.1', port: 0 });
  origin = `http://127.0.0.1:${(ctx.app.server.address() as AddressInfo).port}`;
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(PAGE_WAIT_MS);
  problems = watchProblems(page);
  await openWithKey(page, origin, tenant.key);
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

const text = async (testId: string) => (await page.getByTestId(testId).textContent())?.trim();
const shot = async (name: string) => {
  expect(await accessibilityProblems(page), `accessibility of ${name}`).toEqual([]);
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
};
const points = (x: number) => `${x > 0 ? '+' : x < 0 ? '−' : '±'}${Math.abs(x * 100).toFixed(1)}`;
const difference = (d: any) =>
  d.value === null
    ? '—'
    : `${points(d.value)} pts${d.ci95 ? ` (${points(d.ci95.low)} to ${points(d.ci95.high)})` : ''}`;
const pValue = (p: number | null) => (p === null ? '—' : p < 0.001 ? '<0.001' : p < 0.01 ? p.toFixed(4) : p.toFixed(3));

describe('the app-versus-API gap in the dashboard', () => {
  it('shows the verdict and every figure as the API gives them', async () => {
    await page.goto(`${origin}/dashboard/#/w/${world.workspaceId}/overview`);
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'App vs API' }).click();
    await page.getByRole('heading', { level: 1, name: /App versus API/ }).waitFor();
    await page.getByTestId('verdict-chatgpt').waitFor();

    const report = await api('/reports/app-gap');
    expect(report.assistants).toHaveLength(1);
    const [a] = report.assistants;
    expect(a.matchedPrompts).toBe(2);
    // Reddit is cited far more in the app: the verdict says so.
    expect(a.verdict.status).toBe('not_stand_in');
    expect(await text('verdict-summary-chatgpt')).toBe(a.verdict.summary);
    expect(await text('verdict-chatgpt')).toContain('Not a stand-in');

    for (const b of a.brands) {
      const id = `chatgpt-${b.brandId}`;
      expect(await text(`gap-brand-api-${id}`), b.brandName).toBe(shownRate(b.api));
      expect(await text(`gap-brand-app-${id}`), b.brandName).toBe(shownRate(b.app));
      expect(await text(`gap-brand-difference-${id}`), b.brandName).toBe(difference(b.difference));
      expect(await text(`gap-brand-p-${id}`), b.brandName).toBe(pValue(b.pValueAdjusted));
      expect(await page.getByTestId(`gap-brand-${id}`).textContent()).toContain(
        b.significant ? `Significant: ${b.difference.value > 0 ? 'higher' : 'lower'} in the app` : 'Not significant',
      );
    }
    expect(a.domains.map((d: any) => d.domain)).toEqual(expect.arrayContaining(['reddit.com', 'g2.com', 'acme.com']));
    for (const d of a.domains) {
      const id = `chatgpt-${d.domain}`;
      expect(await text(`gap-domain-api-${id}`), d.domain).toBe(shownRate(d.api));
      expect(await text(`gap-domain-app-${id}`), d.domain).toBe(shownRate(d.app));
      expect(await text(`gap-domain-difference-${id}`), d.domain).toBe(difference(d.difference));
      expect(await text(`gap-domain-p-${id}`), d.domain).toBe(pValue(d.pValueAdjusted));
    }
    const reddit = a.domains.find((d: any) => d.domain === 'reddit.com');
    expect(reddit.significant).toBe(true);
    expect(await page.getByTestId('gap-domain-chatgpt-reddit.com').textContent()).toContain(
      'Significant: higher in the app',
    );
    await shot('app-gap');

    // The phone layout keeps the tables scrolling in place.
    await page.setViewportSize({ width: 390, height: 844 });
    await shot('app-gap-phone');
    expect(await page.locator('html').evaluate((html) => html.scrollWidth)).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(problems.filter((p) => !EXPECTED_NOISE.some((re) => re.test(p)))).toEqual([]);
  });

  it('lets an alert rule watch the gap', async () => {
    await page.goto(`${origin}/dashboard/#/w/${world.workspaceId}/alerts`);
    await page.getByRole('button', { name: 'Add an alert rule' }).click();
    const form = page
      .locator('section')
      .filter({ has: page.getByRole('heading', { level: 2, name: 'New alert rule' }) });
    await form.getByLabel('Name').fill('Gap watch');
    await form.getByLabel('Email address').fill('gap@example.com');
    await form.getByLabel('The app-versus-API gap changed').check();
    await shot('alert-form');
    await form.getByRole('button', { name: 'Create alert rule' }).click();
    await form.getByText('Created the alert rule Gap watch.').waitFor();
    const rules = await api('/alert-rules');
    expect(rules.data).toMatchObject([{ name: 'Gap watch', events: ['app_gap.changed'] }]);
    expect(problems.filter((p) => !EXPECTED_NOISE.some((re) => re.test(p)))).toEqual([]);
  });
});
