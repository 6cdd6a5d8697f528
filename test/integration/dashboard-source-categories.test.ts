/**
 * Source categories in the dashboard, in headless Chromium against the API on a real port: the
 * citations page shows the split by kind of source with the API's figures, a member gives a domain
 * another kind and the split follows at once, then removes it. Checked with axe-core; no console
 * errors. Screenshots go to test-results/dashboard-source-categories/.
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
  openWithKey,
  watchProblems,
  shownRate,
  PAGE_WAIT_MS,
} from '../helpers/browser.js';
import { createTestContext, type TestContext } from '../helpers/context.js';

const SHOTS = join(projectRoot(), 'test-results', 'dashboard-source-categories');
const EXPECTED_NOISE = [/status of 401/, /status of 404 .* at \S+\/v1\/auth\/providers$/];

let ctx: TestContext;
let tenant: TestTenant;
let world: World;
let browser: Browser;
let page: Page;
let origin: string;
let problems: string[];

beforeAll(async () => {
  assertBrowserTestsCanRun();
  ctx = await createTestContext();
  tenant = await createTenant(ctx.db, ['admin']);
  world = await createWorld(ctx.db, tenant.organizationId, {
    brands: [
      { name: 'Acme', kind: 'own', domains: ['acme.com'] },
      { name: 'Globex', domains: ['globex.com'] },
    ],
    prompts: [{ key: 'p1', text: 'Best CRM?' }],
    configs: [{ key: 'c1', provider: 'openai' }],
  });
  await addRun(ctx.db, world, {
    createdAt: new Date('2026-05-04T09:00:00Z'),
    answers: [
      {
        prompt: 'p1',
        config: 'c1',
        mentions: [{ brand: 'Acme' }],
        citations: [
          { url: 'https://acme.com/x', source: 'annotation' },
          { url: 'https://www.reddit.com/r/crm', source: 'link' },
          { url: 'https://crmweekly.example.net/review', source: 'link' },
        ],
      },
      {
        prompt: 'p1',
        config: 'c1',
        mentions: [{ brand: 'Globex' }],
        citations: [
          { url: 'https://globex.com/y', source: 'annotation' },
          { url: 'https://en.wikipedia.org/wiki/CRM', source: 'link' },
        ],
      },
      { prompt: 'p1', config: 'c1', mentions: [] },
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

const rate = shownRate;
const text = async (testId: string) => (await page.getByTestId(testId).textContent())?.trim();
const shot = async (name: string) => {
  expect(await accessibilityProblems(page), `accessibility of ${name}`).toEqual([]);
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
};

async function expectSplit(): Promise<any> {
  const report = await api('/reports/citations?top=20');
  for (const c of report.sourceCategories.categories) {
    await expect.poll(() => text(`category-cited-${c.category}`), c.category).toBe(String(c.cited));
    expect(await text(`category-share-${c.category}`), c.category).toBe(rate(c.share));
    expect(await text(`category-answers-${c.category}`), c.category).toBe(rate(c.citingAnswers));
  }
  return report;
}

describe('source categories in the dashboard', () => {
  it('shows the split by kind of source, and follows an override at once', async () => {
    await page.goto(`${origin}/dashboard/#/w/${world.workspaceId}/citations`);
    await page.getByTestId('source-categories').waitFor();
    const before = await expectSplit();
    const other = before.sourceCategories.categories.find((c: any) => c.category === 'other');
    expect(other.cited).toBe(1);
    expect(await text('category-cited-forum')).toBe('1');
    expect(await text('category-cited-own')).toBe('1');
    await page.getByRole('heading', { name: 'Kinds of sources' }).scrollIntoViewIfNeeded();
    await shot('split');

    // A trade magazine Citewatch does not know becomes news.
    await page.getByRole('textbox', { name: 'Domain', exact: true }).fill('crmweekly.example.net');
    await page.getByRole('combobox', { name: 'Kind of source' }).selectOption('news');
    await page.getByRole('button', { name: 'Set the category' }).click();
    await page.getByText('crmweekly.example.net is now news and editorial.').waitFor();
    await page.locator('[data-override="crmweekly.example.net"]').waitFor();
    await expect.poll(() => text('category-cited-news')).toBe('1');
    expect(await text('category-cited-other')).toBe('0');
    await expectSplit();
    await page.getByRole('heading', { name: 'Source categories' }).scrollIntoViewIfNeeded();
    await shot('override');

    // A bad domain is refused with the API's reason, next to the field.
    await page.getByRole('textbox', { name: 'Domain', exact: true }).fill('not a domain');
    await page.getByRole('button', { name: 'Set the category' }).click();
    await page
      .getByText(/is not a domain name/)
      .first()
      .waitFor();
    await shot('refused');

    // Removing it puts the domain back in other.
    await page.getByRole('button', { name: 'Remove the category of crmweekly.example.net' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Remove' }).click();
    await page.getByText('Removed the category of crmweekly.example.net.').waitFor();
    await expect.poll(() => text('category-cited-other')).toBe('1');
    await expectSplit();
    const left = await ctx.app.inject({ url: `${world.base}/source-category-overrides`, headers: tenant.headers });
    expect(JSON.parse(left.body).data).toEqual([]);
    const refusedOnPurpose = /status of 400/;
    expect(problems.filter((p) => !EXPECTED_NOISE.some((re) => re.test(p)) && !refusedOnPurpose.test(p))).toEqual([]);
  });

  it('shows each kind’s share per week and per day, as the source-category trends report gives it', async () => {
    // A second week: one answer citing a video and a forum.
    await addRun(ctx.db, world, {
      createdAt: new Date('2026-05-12T09:00:00Z'),
      answers: [
        {
          prompt: 'p1',
          config: 'c1',
          mentions: [{ brand: 'Acme' }],
          citations: [
            { url: 'https://www.youtube.com/watch?v=crm', source: 'annotation' },
            { url: 'https://www.reddit.com/r/sales', source: 'link' },
          ],
        },
      ],
    });
    await page.goto(`${origin}/dashboard/#/w/${world.workspaceId}/citations`);
    await page.reload();
    const trend = page.getByTestId('category-trend');
    await trend.waitFor();
    const expectTrend = async (interval: 'day' | 'week', periods: string[]) => {
      const report = await api(`/reports/source-category-trends?interval=${interval}`);
      expect(report.periods.map((p: any) => p.period)).toEqual(periods);
      for (const p of report.periods) {
        await expect.poll(() => text(`category-trend-n-${p.period}`), p.period).toBe(String(p.n));
        for (const c of p.categories) {
          const cited = report.periods.some((q: any) =>
            q.categories.some((x: any) => x.category === c.category && x.cited > 0),
          );
          const cell = page.getByTestId(`category-trend-${p.period}-${c.category}`);
          if (!cited) expect(await cell.count(), c.category).toBe(0);
          else expect(await cell.textContent(), `${p.period} ${c.category}`).toBe(rate(c.share));
        }
      }
      return report;
    };
    const weeks = await expectTrend('week', ['2026-05-04', '2026-05-11']);
    // By hand, the week of 11 May: one answer, 2 cited sources, one of them a video.
    const video = weeks.periods[1].categories.find((c: any) => c.category === 'video');
    expect(video.share).toMatchObject({ numerator: 1, denominator: 2, n: 1, value: 0.5 });
    expect(await text('category-trend-2026-05-11-video')).toBe(rate(video.share));
    await trend.scrollIntoViewIfNeeded();
    await shot('trend-weeks');
    await page.getByRole('combobox', { name: 'One row per', exact: true }).selectOption('day');
    await page.getByRole('columnheader', { name: 'Day', exact: true }).waitFor();
    await expectTrend('day', ['2026-05-04', '2026-05-12']);
    await shot('trend-days');
    // The phone layout keeps the table scrolling in place.
    await page.setViewportSize({ width: 390, height: 844 });
    await trend.scrollIntoViewIfNeeded();
    await shot('trend-phone');
    expect(await page.locator('html').evaluate((html) => html.scrollWidth)).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(problems.filter((p) => !EXPECTED_NOISE.some((re) => re.test(p)) && !/status of 400/.test(p))).toEqual([]);
  });
});
