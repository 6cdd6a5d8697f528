/**
 * A real browser for the dashboard tests: Debian's Chromium (/usr/bin/chromium, installed by
 * .ci/run) driven by playwright-core, which downloads no browser of its own. A missing browser
 * or dashboard build fails the test with what to do, never skips it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { AxeResults } from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright-core';
import { projectRoot } from '../../src/lib/paths.js';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function assertBrowserTestsCanRun(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM_PATH}: the dashboard's browser tests need Debian's chromium package ` +
        '(apt-get install chromium; .ci/run installs it). Set CHROMIUM_PATH to use another Chromium.',
    );
  }
  if (!existsSync(join(projectRoot(), 'dashboard', 'dist', 'index.html'))) {
    throw new Error(
      'The dashboard is not built (dashboard/dist/index.html is missing): run "npm run build:dashboard" (npm install does it).',
    );
  }
}

/**
 * How long a page's waits may take (Playwright's default timeout, set on every test page). A wait
 * that succeeds returns at once; this bounds only a slow one. Under the whole suite's load on two
 * cores a first page load once took over 20 s. (Pages that seemed to take minutes had been replaced
 * by the overview: see openWithKey.) Two minutes stays under half of a test's own bound.
 */
export const PAGE_WAIT_MS = 120_000;

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Collects what should never happen on a page: uncaught errors, console errors (CSP violations
 * are reported there) and failed requests.
 */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    // The address tells which request a "Failed to load resource" message is about.
    const where = msg.location().url;
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}${where ? ` at ${where}` : ''}`);
  });
  page.on('requestfailed', (req) => {
    // Requests the app itself cancels (a filter changed before the answer came) are not failures.
    if (req.failure()?.errorText !== 'net::ERR_ABORTED')
      problems.push(`request failed: ${req.url()} ${req.failure()?.errorText}`);
  });
  return problems;
}

/**
 * What axe-core (the rules engine behind most accessibility checkers) finds on the page as it is
 * now, limited to serious and critical violations (contrast, names, labels, roles…), one line each
 * with the elements concerned. Empty when the page passes.
 */
let axeScript: string | undefined;
const axeSource = () => (axeScript ??= readFileSync(createRequire(import.meta.url).resolve('axe-core'), 'utf8'));

export async function accessibilityProblems(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol rather than added as a <script>: the dashboard's CSP
  // rightly refuses inline scripts, and the test must not loosen it to look.
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(axeSource());
  const results = await page.evaluate(() =>
    (globalThis as unknown as { axe: { run(options: object): Promise<AxeResults> } }).axe.run({
      resultTypes: ['violations'],
    }),
  );
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => `${n.target.join(' ')}${n.failureSummary ? ` [${n.failureSummary.replace(/\s+/g, ' ')}]` : ''}`).join('; ')}`,
    );
}

/** Opens the dashboard and enters an API key in its key form, as an integrator does; waits for the first page. */
export async function openWithKey(page: Page, origin: string, key: string): Promise<void> {
  await page.goto(`${origin}/dashboard/`);
  await page.getByRole('button', { name: 'Use an API key instead' }).click();
  await page.getByLabel('API key').fill(key);
  await page.getByRole('button', { name: 'Open the dashboard' }).click();
  // The key form has a heading of its own: the dashboard is open once the form has gone. Until
  // then the key is being checked, and with one workspace the dashboard then opens its overview:
  // a test that goes to another page at that moment needs the app to keep it (lib/router.ts,
  // leaveChooser), which dashboard.test.ts checks.
  await page.getByLabel('API key').waitFor({ state: 'detached' });
  await page.getByRole('heading', { level: 1 }).first().waitFor();
}

/** Clicks a "Download CSV" button and returns the downloaded file's rows (the browser's own download). */
export async function downloadedCsv(page: Page, button: ReturnType<Page['getByRole']>): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const path = await download.path();
  return readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
}

/**
 * A percentage as the dashboard writes it, stated here independently of the dashboard's code: one
 * decimal below 10%, none from 10% up, no trailing ".0".
 */
export function shownPercent(x: number): string {
  const p = x * 100;
  return (p !== 0 && Math.abs(p) < 10 ? p.toFixed(1) : p.toFixed(0)).replace(/\.0$/, '');
}

/** A rate with its 95% interval and n, as the dashboard writes it. */
export function shownRate(r: { value: number | null; n: number; ci95: { low: number; high: number } | null }): string {
  if (r.value === null) return `no answers, n=${r.n}`;
  const ci = r.ci95 ? `(${shownPercent(r.ci95.low)}–${shownPercent(r.ci95.high)}%)` : '(no interval below 2 answers)';
  return `${shownPercent(r.value)}% ${ci}, n=${r.n}`;
}
