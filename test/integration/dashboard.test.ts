/**
 * The web dashboard in a real browser (headless Chromium), against the API listening on a real
 * port and a seeded workspace: the key form, every page, numbers on screen equal to the API's
 * for the same query, an answer opened from the prompt grid with its mentions highlighted from
 * their spans, and model output that tries to run script staying inert text. Screenshots of
 * each page go to test-results/dashboard/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { projectRoot } from '../../src/lib/paths.js';
import type { World } from '../factories/answers.js';
import { createDashboardWorld, SCRIPT_URL, XSS_TEXT } from '../factories/dashboard-world.js';
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

const SHOTS = join(projectRoot(), 'test-results', 'dashboard');
/** GET /v1/auth/providers is not served yet: the sign-in page then offers passwords only. */
const SIGN_IN_METHODS_UNKNOWN = /status of 404 .* at \S+\/v1\/auth\/providers$/;

let ctx: TestContext;
let tenant: TestTenant;
let world: World;
let browser: Browser;
let page: Page;
let origin: string;
let problems: string[];
let runningRunId: string;

/** Where a page could keep a key (named here because tests compile without the DOM library). */
interface WebStorage {
  readonly length: number;
  getItem(key: string): string | null;
}
interface KeyPlaces {
  sessionStorage: WebStorage;
  localStorage: WebStorage;
  document: { cookie: string };
}

beforeAll(async () => {
  assertBrowserTestsCanRun();
  ctx = await createTestContext();
  tenant = await createTenant(ctx.db, ['read']);
  ({ world, runningRunId } = await createDashboardWorld(ctx.db, tenant.organizationId));

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

/** The API's answer to the same query the page makes. */
async function api(path: string): Promise<any> {
  const res = await ctx.app.inject({ url: `${world.base}${path}`, headers: tenant.headers });
  expect(res.statusCode, res.body).toBe(200);
  return JSON.parse(res.body);
}

// What the dashboard must show for a number, written independently of its code.
const rate = shownRate;
const points = (x: number) => `${x > 0 ? '+' : x < 0 ? '−' : '±'}${Math.abs(x * 100).toFixed(1)}`;

const text = async (testId: string) => (await page.getByTestId(testId).textContent())?.trim();
/** Every page is checked for accessibility as it is screenshotted, in the state the picture shows. */
const shot = async (name: string) => {
  expect(await accessibilityProblems(page), `accessibility of ${name}`).toEqual([]);
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
};
const openPage = async (name: string) => {
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name }).click();
  await page.getByRole('link', { name, exact: true }).and(page.locator('[aria-current="page"]')).waitFor();
};

describe('serving', () => {
  it('serves the built page under the API’s CSP, and says how to build it when it is missing', async () => {
    const res = await fetch(`${origin}/dashboard/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<div id="app">');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect((await fetch(`${origin}/dashboard`)).status).toBe(200);

    const bare = await buildApp({
      env: ctx.env,
      db: ctx.db,
      redis: ctx.redis,
      producers: ctx.producers,
      mailer: ctx.mailer,
      logger: ctx.logger,
      dashboardDir: join(SHOTS, 'no-such-build'),
    });
    try {
      const missing = await bare.inject({ url: '/dashboard/' });
      expect(missing.statusCode).toBe(503);
      expect(missing.headers['content-type']).toContain('application/problem+json');
      expect(JSON.parse(missing.body).detail).toContain('npm run build:dashboard');
    } finally {
      await bare.close();
    }
  });
});

describe('dashboard in Chromium', () => {
  it('asks for a key once, shows the API’s error for a wrong one, and keeps a good one for the session', async () => {
    // The first screen is signing in; integrators take the way to the key form.
    await page.goto(`${origin}/dashboard/`);
    await page.getByRole('button', { name: 'Use an API key instead' }).click();
    await page.getByLabel('API key').fill('cw_not_a_real_key');
    await page.getByRole('button', { name: 'Open the dashboard' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/key/i);
    await shot('key-form');

    await page.getByLabel('API key').fill(tenant.key);
    await page.getByRole('button', { name: 'Open the dashboard' }).click();
    await page.getByRole('heading', { level: 1, name: /Overview/ }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: /Overview/ }).waitFor();
    expect(await page.getByLabel('API key').count()).toBe(0);

    // Kept for this tab's session only: in sessionStorage, not in localStorage, a cookie or the URL.
    const stored = await page.evaluate(() => {
      const { sessionStorage, localStorage, document } = globalThis as unknown as KeyPlaces;
      return {
        session: Object.keys(sessionStorage).map((k) => sessionStorage.getItem(k)),
        local: Object.keys(localStorage).map((k) => localStorage.getItem(k)),
        cookie: document.cookie,
      };
    });
    expect(stored.session).toContain(tenant.key);
    expect(stored.local.filter((v) => v?.includes(tenant.key))).toEqual([]);
    expect(stored.cookie).not.toContain(tenant.key);
    expect((await page.context().cookies()).filter((c) => c.value.includes(tenant.key))).toEqual([]);
    expect(page.url()).not.toContain(tenant.key);

    // Another browser session (a new context shares nothing with this one) asks for the key again.
    const other = await browser.newContext();
    try {
      const fresh = await other.newPage();
      await fresh.goto(`${origin}/dashboard/`);
      await fresh.getByRole('button', { name: 'Use an API key instead' }).click();
      await fresh.getByLabel('API key').waitFor();
      expect(
        await fresh.evaluate(() =>
          ((g) => g.sessionStorage.length + g.localStorage.length)(globalThis as unknown as KeyPlaces),
        ),
      ).toBe(0);
    } finally {
      await other.close();
    }
  });

  it('opens the page a person follows a link to while the workspace list is on its way', async () => {
    // With one workspace the dashboard opens it rather than showing the chooser. A link followed
    // at the moment the list arrives (here: as soon as the workspace picker shows it) must win.
    const other = await browser.newContext();
    try {
      const fresh = await other.newPage();
      fresh.setDefaultTimeout(PAGE_WAIT_MS);
      const link = `#/w/${world.workspaceId}/citations`;
      await fresh.addInitScript((target: string) => {
        const g = globalThis as any;
        const seen = new g.MutationObserver(() => {
          if (
            g.location.hash.includes('/w/') ||
            !g.document.querySelector('header select option[value]:not([value=""])')
          )
            return;
          seen.disconnect();
          g.location.hash = target;
        });
        seen.observe(g.document, { childList: true, subtree: true });
      }, link);
      await openWithKey(fresh, origin, tenant.key);
      const report = await api('/reports/citations?top=20');
      const cited = fresh.getByTestId(`domain-cited-${report.groups[0].domains[0].domain}`);
      // Either the linked page's figures come, or the overview the chooser would have opened.
      await cited.or(fresh.getByRole('heading', { level: 1, name: /Overview/ })).waitFor();
      expect(new URL(fresh.url()).hash).toBe(link);
      expect(await cited.isVisible()).toBe(true);
    } finally {
      await other.close();
    }
  });

  it('overview: visibility per brand and provider and share of voice equal the API’s', async () => {
    const all = await api('/reports/visibility?groupBy=brand');
    const perProvider = await api('/reports/visibility?groupBy=provider');
    const sov = await api('/reports/share-of-voice');
    await page.getByTestId(`vis-${world.brand('Nimbus CRM')}-all`).waitFor();
    for (const row of all.rows) expect(await text(`vis-${row.brandId}-all`), row.brandName).toBe(rate(row.mentionRate));
    for (const row of perProvider.rows)
      expect(await text(`vis-${row.brandId}-${row.provider}`), `${row.brandName} ${row.provider}`).toBe(
        rate(row.mentionRate),
      );
    const own = all.rows.find((r: any) => r.brandKind === 'own');
    expect(await text(`headline-${own.brandId}`)).toBe(rate(own.mentionRate));
    expect(await text('headline-answers')).toBe(`${own.n} analysed`);
    for (const row of sov.rows) {
      expect(await text(`sov-${row.brandId}`), row.brandName).toBe(rate(row.shareOfVoice.presence));
      expect(await text(`sov-mentioned-${row.brandId}`)).toBe(`${row.mentioned} of ${row.n}`);
    }
  });

  it('overview: the trend table and the chart show the API’s rate for every brand and day', async () => {
    const trends = await api('/reports/trends?interval=day');
    const periods = [...new Set<string>(trends.rows.map((r: any) => r.period))].sort();
    expect(periods).toHaveLength(3);
    // The chart library loads and draws under the CSP (script-src 'self'); hovering a day shows
    // each brand's rate for that day in the chart's legend, rounded to whole percents.
    await page.locator('.trend-chart canvas').waitFor();
    const plot = page.locator('.trend-chart .u-over');
    const area = await plot.boundingBox();
    if (!area) throw new Error('the trend chart has no plotting area');
    const legend = () =>
      page
        .locator('.trend-chart .u-legend tr.u-series')
        .evaluateAll((trs) =>
          Object.fromEntries(
            trs
              .slice(1)
              .map((tr) => [tr.querySelector('.u-label')?.textContent, tr.querySelector('.u-value')?.textContent]),
          ),
        );
    for (const [i, period] of periods.entries()) {
      await plot.hover({ position: { x: 2 + (i / (periods.length - 1)) * (area.width - 4), y: area.height / 2 } });
      const expected = Object.fromEntries(
        trends.rows
          .filter((r: any) => r.period === period)
          .map((r: any) => [
            r.brandName,
            r.mentionRate.value === null ? '—' : `${Math.round(r.mentionRate.value * 100)}%`,
          ]),
      );
      await expect.poll(legend, { message: `legend on ${period}` }).toEqual(expected);
    }
    await page.mouse.move(0, 0);
    await shot('overview');

    await page.getByText('Trend as a table (with intervals)').click();
    for (const row of trends.rows)
      expect(await text(`trend-${row.period}-${row.brandId}`), `${row.brandName} ${row.period}`).toBe(
        rate(row.mentionRate),
      );
  });

  it('experiments: the two configurations side by side, the significant difference marked', async () => {
    await openPage('Experiments');
    const report = await api(`/reports/experiments?configA=${world.config('cool')}&configB=${world.config('gpt')}`);
    const hubspot = world.brand('HubSpot');
    await page.getByTestId(`result-${hubspot}`).waitFor();
    for (const row of report.pairs[0].brands) {
      expect(await text(`arm-a-${row.brandId}`), `${row.brandName} A`).toBe(rate(row.a));
      expect(await text(`arm-b-${row.brandId}`), `${row.brandName} B`).toBe(rate(row.b));
      expect(await text(`difference-${row.brandId}`)).toBe(
        `${points(row.difference.value)} pts (${points(row.difference.ci95.low)} to ${points(row.difference.ci95.high)})`,
      );
      expect(await text(`result-${row.brandId}`)).toBe(
        row.significant ? `Significant: B ${row.difference.value > 0 ? 'higher' : 'lower'}` : 'Not significant',
      );
    }
    expect(report.pairs[0].brands.find((b: any) => b.brandId === hubspot).significant).toBe(true);
    await shot('experiments');
  });

  it('citations: top domain counts and own-domain share equal the API’s', async () => {
    await openPage('Citations');
    const report = await api('/reports/citations?top=20');
    const group = report.groups[0];
    await page.getByTestId(`domain-cited-${group.domains[0].domain}`).waitFor();
    for (const d of group.domains) expect(await text(`domain-cited-${d.domain}`), d.domain).toBe(String(d.cited));
    for (const b of group.brands) {
      expect(await text(`own-cited-${b.brandId}`)).toBe(String(b.cited));
      expect(await text(`own-share-${b.brandId}`)).toBe(rate(b.share));
    }
    await shot('citations');
  });

  it('prompts: the grid, then an answer opened with the keyboard, mentions highlighted from spans, script inert', async () => {
    await openPage('Prompts');
    const own = world.brand('Nimbus CRM');
    const grid = await api(`/reports/visibility?groupBy=prompt,provider&brandIds=${own}`);
    const p2 = world.prompt('p2');
    await page.getByTestId(`cell-${p2}-openai`).waitFor();
    for (const row of grid.rows) {
      const cell = await text(`cell-${row.promptId}-${row.provider}`);
      expect(cell).toContain(`${row.mentionRate.numerator} of ${row.n} answers`);
      expect(cell).toContain(rate(row.mentionRate));
    }

    // Keyboard only: the cell is a button, Enter opens its answers.
    await page.getByTestId(`cell-${p2}-openai`).focus();
    await page.keyboard.press('Enter');
    const answers = await api(`/answers?promptIds=${p2}&providers=openai&includeRaw=true&limit=20`);
    const xss = answers.data.find((a: any) => a.text === XSS_TEXT);
    await page.getByTestId(`answer-${xss.id}`).focus();
    await page.keyboard.press('Enter');
    const shown = page.getByTestId('answer-text');
    await shown.waitFor();
    const marksOf = () =>
      shown
        .locator('mark')
        .evaluateAll((els) =>
          els.map((e) => [
            e.textContent,
            Number(e.getAttribute('data-start')),
            Number(e.getAttribute('data-end')),
            e.getAttribute('data-brands'),
          ]),
        );
    const expected = xss.mentions
      .flatMap((m: any) => m.spans.map(([s, e]: [number, number]) => [XSS_TEXT.slice(s, e), s, e, m.brandId]))
      .sort((a: any, b: any) => a[1] - b[1]);

    // Formatted: the markdown link is a link, the tags are shown as characters, not parsed, and
    // the mentions are marked at their spans.
    expect(await shown.locator('a[href="https://www.g2.com/categories/crm"]').textContent()).toBe('G2');
    expect(await shown.textContent()).toBe(XSS_TEXT.replace('[G2](https://www.g2.com/categories/crm)', 'G2'));
    expect(await marksOf()).toEqual(expected);

    // The source text is the answer's, character for character.
    await page.getByRole('radio', { name: 'Source text' }).check();
    await expect.poll(() => shown.locator('a').count()).toBe(0);
    expect(await shown.textContent()).toBe(XSS_TEXT);
    expect(await marksOf()).toEqual(expected);
    await page.getByRole('radio', { name: 'Formatted' }).check();
    await shown.locator('a').first().waitFor();
    // Citations are listed in order; only the http(s) ones are links, the script URL is plain text.
    const citations = page.getByTestId('answer-citations').locator('li');
    expect(await citations.evaluateAll((els) => els.map((e) => e.querySelector('a, .url')?.textContent))).toEqual(
      xss.citations.map((c: any) => c.url),
    );
    const links = await citations.locator('a').evaluateAll((els) => els.map((e) => e.getAttribute('href')));
    expect(links).toEqual(xss.citations.map((c: any) => c.url).filter((u: string) => u !== SCRIPT_URL));
    expect(xss.citations.map((c: any) => c.url)).toContain(SCRIPT_URL);
    expect(await page.locator('[href^="javascript:" i]').count()).toBe(0);
    await page.getByTestId('answer-citations').getByText(SCRIPT_URL).click();

    expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('script:not([src])').count()).toBe(0);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    await shot('prompts');
  });

  it('runs: status, progress of the running run and cost equal the API’s', async () => {
    await openPage('Runs');
    const run = await api(`/runs/${runningRunId}`);
    const bar = page.getByTestId(`run-progressbar-${runningRunId}`);
    await bar.waitFor();
    const answered = run.progress.succeeded + run.progress.failed + run.progress.cancelled;
    expect(await bar.getAttribute('max')).toBe(String(run.progress.total));
    expect(await bar.getAttribute('value')).toBe(String(answered));
    expect(await text(`run-progress-${runningRunId}`)).toBe(
      `${answered} of ${run.progress.total} answers (${Math.round((answered / run.progress.total) * 100)}%)`,
    );
    expect(await text(`run-status-${runningRunId}`)).toBe('Running');
    expect(await text(`run-cost-${runningRunId}`)).toBe(
      `$${run.actualCostUsd.toFixed(4)} of $${run.estimatedCostUsd.toFixed(4)} estimated`,
    );
    const runs = await api('/runs');
    for (const r of runs.data.filter((x: any) => x.id !== runningRunId))
      expect(await text(`run-status-${r.id}`)).toBe('Completed');
    await shot('runs');
  });

  it('fits a phone screen: wide tables scroll inside their own region, not the page', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openPage('Overview');
    await page.getByTestId(`vis-${world.brand('Nimbus CRM')}-all`).waitFor();
    expect(await page.locator('html').evaluate((html) => html.scrollWidth)).toBeLessThanOrEqual(390);
    await shot('overview-phone');
    // The browser logs the request refused with the wrong key itself (and the sign-in page's 401
    // from GET /v1/me before anyone signed in); anything else is a fault.
    expect(problems.filter((p) => !p.includes('status of 401') && !SIGN_IN_METHODS_UNKNOWN.test(p))).toEqual([]);
  });
});
