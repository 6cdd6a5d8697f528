/**
 * A real browser for the dashboard tests: Debian's Chromium (/usr/bin/chromium, installed by
 * .ci/run) driven by playwright-core, which downloads no browser of its own. A missing browser
 * or dashboard build fails the test with what to do, never skips it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
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
    throw new Error('The dashboard is not built (dashboard/dist/index.html is missing): run "npm run build:dashboard" (npm install does it).');
  }
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
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
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('requestfailed', (req) => {
    // Requests the app itself cancels (a filter changed before the answer came) are not failures.
    if (req.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`request failed: ${req.url()} ${req.failure()?.errorText}`);
  });
  return problems;
}
