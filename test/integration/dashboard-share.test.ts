/**
 * Branding and share links in a real browser (headless Chromium) against the API on a real port:
 * an owner sets the white label (a refused colour and a refused logo shown first), uploads a logo
 * and sees the preview; creates a share link (a refused form first) and copies its address; the
 * link is opened in a fresh browser context without any account, shows the organization's name
 * and the same figures as the API, talks to /v1/shared/<token> only, and its CSV downloads as the
 * API serves it; the owner sees the opening, revokes the link after confirming, and the shared
 * page then says the report is not available. Every page and form state is checked with axe-core,
 * and no console error or CSP violation may appear beyond the refusals the test asks for.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/lib/paths.js';
import type { World } from '../factories/answers.js';
import { executePdfReport } from '../../src/modules/pdf-reports/pdf-reports.service.js';
import { createDashboardWorld } from '../factories/dashboard-world.js';
import { createTenant, type TestTenant } from '../factories/index.js';
import { createPerson, type TestPerson } from '../factories/people.js';
import {
  accessibilityProblems,
  assertBrowserTestsCanRun,
  launchChromium,
  watchProblems,
  PAGE_WAIT_MS,
} from '../helpers/browser.js';
import { createTestContext, type TestContext } from '../helpers/context.js';
import { freePort } from '../helpers/processes.js';

const SHOTS = join(projectRoot(), 'test-results', 'dashboard-share');
const SIGN_IN_METHODS_UNKNOWN = /status of 404 .* at \S+\/v1\/auth\/providers$/;
const NOBODY_SIGNED_IN = /status of 401 .* at \S+\/v1\/me$/;

let ctx: TestContext;
let tenant: TestTenant;
let world: World;
let owner: TestPerson;
let browser: Browser;
let origin: string;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  assertBrowserTestsCanRun();
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  ctx = await createTestContext({ PUBLIC_BASE_URL: origin });
  await ctx.app.listen({ host: '127.0.0.1', port });
  tenant = await createTenant(ctx.db);
  ({ world } = await createDashboardWorld(ctx.db, tenant.organizationId));
  owner = await createPerson(ctx.app, ctx.db, { organizationId: tenant.organizationId, role: 'owner' });
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchChromium();
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await ctx?.close();
});

interface Tab {
  page: Page;
  problems: string[];
  /** Paths of every request the page made to the API. */
  apiPaths: string[];
}

async function newTab(): Promise<Tab> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(PAGE_WAIT_MS);
  const apiPaths: string[] = [];
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (url.pathname.startsWith('/v1/')) apiPaths.push(url.pathname);
  });
  return { page, problems: watchProblems(page), apiPaths };
}

async function shot(page: Page, name: string): Promise<void> {
  expect(await accessibilityProblems(page), `accessibility of ${name}`).toEqual([]);
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

const unexpected = (problems: string[], ...expected: RegExp[]) =>
  problems.filter(
    (p) => !SIGN_IN_METHODS_UNKNOWN.test(p) && !NOBODY_SIGNED_IN.test(p) && !expected.some((e) => e.test(p)),
  );

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

describe('branding and share links in the dashboard', () => {
  it('an owner brands the organization, shares a report, a client opens it without an account, and the link is revoked', async () => {
    const ownerTab = await newTab();
    const { page } = ownerTab;
    await page.goto(`${origin}/dashboard/`);
    await page.getByLabel('Email', { exact: true }).fill(owner.email);
    await page.getByLabel('Password', { exact: true }).fill(owner.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('button', { name: 'Sign out', exact: true }).waitFor();

    // Branding: a refused colour is shown beside its field.
    await page
      .getByRole('navigation', { name: 'Organization and account' })
      .getByRole('link', { name: 'Branding' })
      .click();
    await page.getByRole('heading', { level: 1, name: /Branding/ }).waitFor();
    await shot(page, 'branding');
    await page.getByLabel('Display name', { exact: true }).fill('Northwind Agency');
    await page.getByLabel('Primary colour', { exact: true }).fill('blue');
    await page.getByRole('button', { name: 'Save branding' }).click();
    const colourField = page.getByLabel('Primary colour', { exact: true });
    await expect.poll(() => colourField.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('[data-field="primaryColor"] .field-error').textContent()).toContain('#rrggbb');
    await shot(page, 'branding-refused');
    await colourField.fill('#0b3d91');
    await page.getByRole('button', { name: 'Save branding' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved the branding.' }).waitFor();
    expect(await page.getByTestId('branding-preview').textContent()).toContain('Northwind Agency');

    // A GIF is refused with the API's message; a PNG is taken and previewed.
    await page.getByLabel('Logo file').setInputFiles({
      name: 'logo.gif',
      mimeType: 'image/gif',
      buffer: Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64'),
    });
    await expect.poll(() => page.locator('#logo-error').textContent()).toContain('image/png or image/jpeg');
    await shot(page, 'branding-logo-refused');
    const png = new PNG({ width: 120, height: 40 });
    png.data.fill(200);
    await page
      .getByLabel('Logo file')
      .setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: PNG.sync.write(png) });
    await page.getByText('Current logo: 120×40 png.').waitFor();
    await page.getByRole('img', { name: 'Logo preview' }).waitFor();
    await shot(page, 'branding-saved');

    // Share links: a refused form first, then a link locked to the crm tag.
    await page.goto(`${origin}/dashboard/#/w/${world.workspaceId}/share-links`);
    await page.getByRole('heading', { level: 1, name: /Share links/ }).waitFor();
    await page.getByText('No share link yet.').waitFor();
    await shot(page, 'share-links-empty');
    await page.getByRole('button', { name: 'Create share link' }).click();
    const nameField = page.getByLabel('Name', { exact: true });
    await expect.poll(() => nameField.getAttribute('aria-invalid')).toBe('true');
    await shot(page, 'share-links-refused');
    await nameField.fill('Nimbus review');
    await page.getByLabel('Prompt tags (optional)').fill('crm');
    await page.getByRole('button', { name: 'Create share link' }).click();
    const address = page.getByLabel('Share link address');
    await address.waitFor();
    const url = await address.inputValue();
    expect(url).toMatch(new RegExp(`^${origin}/dashboard/#/shared/cws_[A-Za-z0-9_-]{43}$`));
    const token = url.split('/shared/')[1] as string;
    await page.locator('[data-link="Nimbus review"]').waitFor();
    await shot(page, 'share-links-created');

    // The client: a fresh browser without any account.
    const client = await newTab();
    await client.page.goto(url);
    await client.page.getByRole('heading', { level: 1, name: /Nimbus review/ }).waitFor();
    await client.page.getByTestId('shared-visibility').waitFor();
    expect(await client.page.locator('.shared-by').textContent()).toBe('Northwind Agency');
    await client.page.getByRole('img', { name: 'Northwind Agency logo' }).waitFor();
    const api = (
      await ctx.app.inject({
        url: `/v1/workspaces/${world.workspaceId}/reports/visibility?groupBy=&tags=crm`,
        headers: tenant.headers,
      })
    ).json() as { rows: Array<{ brandName: string; mentionRate: { value: number | null; n: number } }> };
    expect(api.rows.length).toBeGreaterThan(0);
    for (const row of api.rows) {
      const shown = client.page.locator(`[data-testid="shared-visibility"] tr[data-brand="${row.brandName}"]`);
      expect(await shown.locator('[data-metric="mention-rate"]').textContent(), row.brandName).toBe(
        pct(row.mentionRate.value),
      );
      expect(await shown.locator('[data-metric="n"]').textContent(), row.brandName).toBe(String(row.mentionRate.n));
    }
    // A PDF covers every assistant and tag: this link, locked to a tag, says so instead of offering one.
    expect(await client.page.getByTestId('shared-pdf').textContent()).toContain('a PDF report covers all of them');
    await shot(client.page, 'shared-report');

    // Its CSV downloads as the API serves it.
    const [download] = await Promise.all([
      client.page.waitForEvent('download'),
      client.page.getByRole('link', { name: 'visibility (CSV)' }).click(),
    ]);
    const csv = readFileSync((await download.path()) as string, 'utf8');
    const direct = await ctx.app.inject({
      url: `/v1/workspaces/${world.workspaceId}/reports/visibility?tags=crm&format=csv`,
      headers: tenant.headers,
    });
    expect(csv).toBe(direct.body);
    // The page asked nothing of the API but the link's own routes, and sent no cookie.
    expect(client.apiPaths.length).toBeGreaterThan(3);
    expect(client.apiPaths.filter((p) => !p.startsWith(`/v1/shared/${token}`))).toEqual([]);
    expect(await client.page.context().cookies()).toEqual([]);
    expect(unexpected(client.problems)).toEqual([]);

    // The owner sees the openings and revokes the link after confirming.
    await page.reload();
    const row = page.locator('[data-link="Nimbus review"]');
    await expect.poll(() => row.locator('[data-col="openings"]').textContent()).toMatch(/^2/);
    await row.getByRole('button', { name: /Revoke/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await shot(page, 'share-links-revoke-confirm');
    await dialog.getByRole('button', { name: 'Revoke the link' }).click();
    await expect.poll(() => row.locator('[data-col="status"]').textContent()).toBe('revoked');
    await shot(page, 'share-links-revoked');
    // The browser logs the refusals the test asked for: the colour, the GIF and the empty form.
    expect(
      unexpected(
        ownerTab.problems,
        /status of 400 .* at \S+\/v1\/organizations\/[0-9a-f-]+\/branding$/,
        /status of 415 .* at \S+\/v1\/organizations\/[0-9a-f-]+\/branding\/logo$/,
        /status of 400 .* at \S+\/v1\/workspaces\/[0-9a-f-]+\/share-links$/,
      ),
    ).toEqual([]);

    // The link no longer opens anything.
    await client.page.reload();
    await client.page.getByRole('heading', { level: 1, name: 'This report is not available' }).waitFor();
    expect(await client.page.getByRole('alert').textContent()).toContain('revoked');
    await shot(client.page, 'shared-revoked');
    const csvAfter = await ctx.app.inject({ url: `/v1/shared/${token}/reports/visibility?format=csv` });
    expect(csvAfter.statusCode).toBe(404);
    expect(unexpected(client.problems, new RegExp(`status of 404 .* at \\S+/v1/shared/${token}$`))).toEqual([]);

    // A link without locks offers the newest PDF report, which downloads as the API stored it.
    const made = await ctx.app.inject({
      method: 'POST',
      url: `/v1/workspaces/${world.workspaceId}/pdf-reports`,
      headers: tenant.headers,
      payload: { from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z' },
    });
    expect(made.statusCode, made.body).toBe(202);
    await executePdfReport(ctx, made.json().id as string);
    const whole = await ctx.app.inject({
      method: 'POST',
      url: `/v1/workspaces/${world.workspaceId}/share-links`,
      headers: tenant.headers,
      payload: { name: 'Whole report', expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString() },
    });
    expect(whole.statusCode, whole.body).toBe(201);
    const reader = await newTab();
    await reader.page.goto(whole.json().url as string);
    const pdfLink = reader.page.getByRole('link', { name: 'Download the PDF report, 2026-11-01 to 2026-11-30' });
    await pdfLink.waitFor();
    await shot(reader.page, 'shared-report-pdf');
    // Its top domains are the workspace's, a cited address without a host named as such.
    const citations = (
      await ctx.app.inject({
        url: `/v1/workspaces/${world.workspaceId}/reports/citations?groupBy=`,
        headers: tenant.headers,
      })
    ).json() as { groups: Array<{ domains: Array<{ domain: string; cited: number }> }> };
    const domains = citations.groups[0]?.domains.slice(0, 10) ?? [];
    expect(domains.map((d) => d.domain)).toContain('');
    expect(await reader.page.getByTestId('shared-domains').locator('li').allTextContents()).toEqual(
      domains.map((d) => `${d.domain || '(no domain)'} (${d.cited} citation${d.cited === 1 ? '' : 's'})`),
    );
    const [pdfDownload] = await Promise.all([reader.page.waitForEvent('download'), pdfLink.click()]);
    expect(pdfDownload.suggestedFilename()).toBe('citewatch-report-2026-11-01-2026-11-30.pdf');
    const file = readFileSync((await pdfDownload.path()) as string);
    const stored = await ctx.app.inject({
      url: `/v1/workspaces/${world.workspaceId}/pdf-reports/${made.json().id}/file`,
      headers: tenant.headers,
    });
    expect(file.equals(stored.rawPayload)).toBe(true);
    expect(unexpected(reader.problems)).toEqual([]);
  });
});
