/**
 * PDF reports in the browser: the dashboard's PDF page (checked with axe in every state) makes a
 * PDF through the worker and downloads it; then Chromium renders the PDF's pages to images with
 * pdf.js, and the text pdf.js lays out on those pages must show the API's figures. With
 * UPDATE_SCREENSHOTS=1 the first two pages are written to docs/images/pdf-page-1.png and -2.png.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/lib/paths.js';
import { count, interval, percent } from '../../src/modules/pdf-reports/pdf-reports.format.js';
import { createTenant, type TestTenant } from '../factories/index.js';
import { createPdfWorld, type PdfWorld } from '../factories/pdf-world.js';
import {
  accessibilityProblems,
  assertBrowserTestsCanRun,
  launchChromium,
  watchProblems,
  PAGE_WAIT_MS,
} from '../helpers/browser.js';
import { createTestContext, type TestContext } from '../helpers/context.js';

const SHOTS = join(projectRoot(), 'test-results', 'dashboard-pdf');
const DOC_IMAGES = join(projectRoot(), 'docs', 'images');
const PDFJS = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
/** A made-up origin the test answers itself: pdf.js and the viewer page, nothing from outside. */
const VIEWER = 'http://pdf-viewer.test';

let ctx: TestContext;
let tenant: TestTenant;
let pdfWorld: PdfWorld;
let browser: Browser;
let origin: string;

beforeAll(async () => {
  assertBrowserTestsCanRun();
  ctx = await createTestContext();
  tenant = await createTenant(ctx.db);
  pdfWorld = await createPdfWorld(ctx.db, tenant.organizationId);
  // The agency's white label, as the cover in the docs shows it.
  const branded = await ctx.app.inject({
    method: 'PATCH',
    url: `/v1/organizations/${tenant.organizationId}/branding`,
    headers: tenant.headers,
    payload: { displayName: 'Northwind Agency', primaryColor: '#1e3a8a', accentColor: '#f59e0b' },
  });
  expect(branded.statusCode, branded.body).toBe(200);
  ctx.startWorker();
  await ctx.app.listen({ host: '127.0.0.1', port: 0 });
  origin = `http://127.0.0.1:${(ctx.app.server.address() as AddressInfo).port}`;
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await ctx?.close();
});

async function api(path: string): Promise<any> {
  const res = await ctx.app.inject({ url: `${pdfWorld.world.base}${path}`, headers: tenant.headers });
  expect(res.statusCode, res.body).toBe(200);
  return JSON.parse(res.body);
}

async function a11y(page: Page, state: string): Promise<void> {
  expect(await accessibilityProblems(page), `accessibility of ${state}`).toEqual([]);
}

const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

/** Renders `pages` of the PDF in Chromium with pdf.js; returns each page's laid-out text. */
async function renderInChromium(page: Page, pdf: Buffer, pages: number[]): Promise<string[]> {
  await page.route(`${VIEWER}/**`, async (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/') {
      return route.fulfill({
        contentType: 'text/html',
        body: '<!DOCTYPE html><html lang="en"><head><title>PDF</title><style>body{margin:0;background:#888}canvas{display:block;margin:0 0 8px}</style></head><body><main id="pages"></main><script type="module" src="/viewer.mjs"></script></body></html>',
      });
    }
    if (path === '/viewer.mjs') {
      return route.fulfill({
        contentType: 'text/javascript',
        body: `import * as pdfjs from '/build/pdf.min.mjs';
pdfjs.GlobalWorkerOptions.workerSrc = '/build/pdf.worker.min.mjs';
window.renderPdf = async (base64, numbers) => {
  const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const doc = await pdfjs.getDocument({ data, standardFontDataUrl: '/standard_fonts/', isEvalSupported: false }).promise;
  const texts = [];
  for (const n of numbers) {
    const p = await doc.getPage(n);
    const viewport = p.getViewport({ scale: 1.5 });
    const canvas = document.createElement('canvas');
    canvas.id = 'page-' + n;
    canvas.width = viewport.width;
    canvas.height = viewport.height;
    document.getElementById('pages').append(canvas);
    await p.render({ canvasContext: canvas.getContext('2d'), viewport }).promise;
    const content = await p.getTextContent();
    texts.push(content.items.map((i) => i.str).join(' ').replace(/\\s+/g, ' '));
  }
  return texts;
};
window.viewerReady = true;`,
      });
    }
    const file = join(PDFJS, path);
    return route.fulfill({
      contentType: path.endsWith('.mjs') ? 'text/javascript' : 'application/octet-stream',
      body: readFileSync(file),
    });
  });
  await page.goto(`${VIEWER}/`);
  await page.waitForFunction(() => (globalThis as unknown as { viewerReady?: boolean }).viewerReady === true);
  return page.evaluate(
    ([b64, numbers]) =>
      (globalThis as unknown as { renderPdf(b: string, n: number[]): Promise<string[]> }).renderPdf(b64, numbers),
    [pdf.toString('base64'), pages] as const,
  );
}

describe('PDF reports in the dashboard', () => {
  it('makes a PDF from the dashboard, downloads it, and its rendered pages show the API’s figures', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    page.setDefaultTimeout(PAGE_WAIT_MS);
    const problems = watchProblems(page);

    await page.goto(`${origin}/dashboard/`);
    await page.getByRole('button', { name: 'Use an API key instead' }).click();
    await page.getByLabel('API key').fill(tenant.key);
    await page.getByRole('button', { name: 'Open the dashboard' }).click();
    await page.getByRole('heading', { level: 1, name: /Overview/ }).waitFor();
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'PDFs' }).click();
    await page.getByRole('heading', { level: 1, name: /PDF reports/ }).waitFor();
    await page.getByText('No PDF report yet.').waitFor();
    await a11y(page, 'the empty PDF page');

    // A bad address is refused by the API and shown on its field.
    const { period } = pdfWorld;
    await page.getByLabel('First day').fill(isoDay(Date.parse(period.from)));
    await page.getByLabel('Last day').fill(isoDay(Date.parse(period.to) - 1));
    await page.getByLabel('Email it to (optional)').fill('not an address');
    await page.getByRole('button', { name: 'Make the PDF' }).click();
    await page.locator('[data-field="sendTo"] .field-error').waitFor();
    expect(await page.locator('[data-field="sendTo"] .field-error').textContent()).toMatch(/email/i);
    await a11y(page, 'the PDF form with an error');

    await page.getByLabel('Email it to (optional)').fill('');
    await page.getByRole('button', { name: 'Make the PDF' }).click();
    await page.getByText('Making the PDF; it appears below.').waitFor();
    const row = page.getByTestId('pdf-report').first();
    await row.getByRole('button', { name: /Download PDF/ }).waitFor({ timeout: PAGE_WAIT_MS });
    await a11y(page, 'the PDF list with a ready report');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      row.getByRole('button', { name: /Download PDF/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^citewatch-report-\d{4}-\d\d-\d\d-\d{4}-\d\d-\d\d\.pdf$/);
    const path = await download.path();
    const pdf = readFileSync(path);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // Expected: the sign-in page asking whether a session exists (401), and the refused address (400).
    const expected = [/status of 401 .*\/v1\/me$/, /status of 400 .*\/pdf-reports$/];
    expect(problems.filter((p) => !expected.some((e) => e.test(p)))).toEqual([]);

    // The PDF's period as the dashboard asked for it: whole UTC days.
    const list = await api('/pdf-reports');
    const made = list.data[0];
    const range = new URLSearchParams({ from: made.from, to: made.to, groupBy: 'brand' }).toString();
    const vis = await api(`/reports/visibility?${range}`);
    const own = vis.rows.find((r: { brandKind: string }) => r.brandKind === 'own');
    const sov = await api(`/reports/share-of-voice?${new URLSearchParams({ from: made.from, to: made.to })}`);
    const ownSov = sov.rows.find((r: { brandId: string }) => r.brandId === own.brandId);

    const viewer = await context.newPage();
    const viewerProblems = watchProblems(viewer);
    const [first, second] = await renderInChromium(viewer, pdf, [1, 2]);
    expect(first).toContain('Northwind Agency');
    expect(first).toContain(percent(own.mentionRate.value));
    expect(first).toContain(`95% CI ${interval(own.mentionRate.ci95)} · n = ${count(own.mentionRate.n)}`);
    expect(first).toContain(percent(ownSov.shareOfVoice.presence.value));
    expect(second).toContain('Visibility by assistant and configuration');
    for (const r of sov.rows) expect(second).toContain(interval(r.shareOfVoice.presence.ci95));
    expect(viewerProblems).toEqual([]);
    // The pages were drawn: each canvas has ink of more than one colour.
    for (const n of [1, 2]) {
      const colours = await viewer.evaluate((id) => {
        const canvas = (globalThis as any).document.getElementById(id);
        const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data as Uint8ClampedArray;
        const seen = new Set<number>();
        for (let i = 0; i < data.length; i += 4 * 97)
          seen.add(((data[i] ?? 0) << 16) | ((data[i + 1] ?? 0) << 8) | (data[i + 2] ?? 0));
        return seen.size;
      }, `page-${n}`);
      expect(colours).toBeGreaterThan(3);
      const out = process.env.UPDATE_SCREENSHOTS === '1' ? DOC_IMAGES : SHOTS;
      mkdirSync(out, { recursive: true });
      await viewer.locator(`#page-${n}`).screenshot({ path: join(out, `pdf-page-${n}.png`) });
    }
    await context.close();
  });
});
