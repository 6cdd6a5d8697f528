/**
 * Events and their impact in the dashboard, in headless Chromium against the API on a real port:
 * a member records an event (prompts chosen and a tag), reads its impact with the API's figures,
 * edits it, sees a refused date explained by its field, finds it marked under the trend chart,
 * and deletes it. A read-only key sees the events and their impact but no form. Checked with
 * axe-core; no console errors. Screenshots go to test-results/dashboard-events/.
 */
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/lib/paths.js';
import { addRun, createWorld, times, type AnswerSpec, type World } from '../factories/answers.js';
import { createTenant, keyFor, type TestTenant } from '../factories/index.js';
import {
  accessibilityProblems,
  assertBrowserTestsCanRun,
  launchChromium,
  openWithKey,
  shownPercent,
  shownRate,
  watchProblems,
  PAGE_WAIT_MS,
} from '../helpers/browser.js';
import { createTestContext, type TestContext } from '../helpers/context.js';

const SHOTS = join(projectRoot(), 'test-results', 'dashboard-events');
const EXPECTED_NOISE = [/status of 401/, /status of 404 .* at \S+\/v1\/auth\/providers$/];

let ctx: TestContext;
let tenant: TestTenant;
let world: World;
let browser: Browser;
let page: Page;
let origin: string;
let problems: string[];

const answers = (prompt: string, n: number, own: number): AnswerSpec[] => [
  ...times(own, { prompt, config: 'c1', mentions: [{ brand: 'Acme' }] }),
  ...times(n - own, { prompt, config: 'c1' }),
];

beforeAll(async () => {
  assertBrowserTestsCanRun();
  ctx = await createTestContext();
  tenant = await createTenant(ctx.db, ['admin']);
  world = await createWorld(ctx.db, tenant.organizationId, {
    brands: [{ name: 'Acme', kind: 'own', domains: ['acme.com'] }, { name: 'Globex' }],
    prompts: [
      { key: 'p1', text: 'Best CRM?' },
      { key: 'p2', text: 'CRM pricing?', tags: ['pricing'] },
      { key: 'p3', text: 'CRM for startups?' },
      { key: 'p4', text: 'CRM with email?' },
    ],
    configs: [
      { key: 'c1', provider: 'openai' },
      { key: 'c2', provider: 'assistant_app' },
    ],
  });
  await addRun(ctx.db, world, {
    createdAt: new Date('2026-06-10T10:00:00Z'),
    answers: [
      ...answers('p1', 4, 2),
      ...answers('p2', 4, 1),
      ...answers('p3', 4, 1),
      ...answers('p4', 4, 2),
      // The app capture names Acme on every p1 answer, before as after.
      ...times(4, { prompt: 'p1', config: 'c2', mentions: [{ brand: 'Acme' }] }),
    ],
  });
  await addRun(ctx.db, world, {
    createdAt: new Date('2026-06-17T10:00:00Z'),
    answers: [...answers('p1', 4, 3), ...answers('p2', 4, 4), ...answers('p3', 4, 1), ...answers('p4', 4, 3)],
  });
  await ctx.app.listen({ host: '127.0.0.1', port: 0 });
  origin = `http://127.0.0.1:${(ctx.app.server.address() as AddressInfo).port}`;
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, timezoneId: 'UTC' });
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
const shot = async (name: string, p = page) => {
  expect(await accessibilityProblems(p), `accessibility of ${name}`).toEqual([]);
  await p.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
};
const pts = (x: number) => `${x > 0 ? '+' : x < 0 ? '−' : ''}${Math.abs(x * 100).toFixed(1)}`;

describe('events in the dashboard', () => {
  it('records an event, shows its impact as the API computes it, edits, marks it on trends and deletes it', async () => {
    await page.goto(`${origin}/dashboard/#/w/${world.workspaceId}/events`);
    await page.getByText('No event recorded yet.').waitFor();
    await shot('empty');

    await page.getByRole('combobox', { name: 'What happened' }).selectOption('content_published');
    await page.getByLabel('When (your local time)').fill('2026-06-15T00:00');
    await page.getByRole('textbox', { name: 'Title (optional)' }).fill('Pricing page');
    await page.getByRole('checkbox', { name: /Best CRM\?/ }).check();
    await page.getByRole('textbox', { name: 'Prompt tags it should affect' }).fill('pricing');
    await page.getByRole('button', { name: 'Record the event' }).click();
    await page.getByText('Recorded “Pricing page”.').waitFor();
    const list = await api('/events');
    expect(list.data).toHaveLength(1);
    const event = list.data[0];
    expect(event).toMatchObject({
      kind: 'content_published',
      occurredAt: '2026-06-15T00:00:00.000Z',
      title: 'Pricing page',
      promptIds: [world.prompt('p1')],
      promptTags: ['pricing'],
    });

    await page.getByRole('button', { name: 'Impact of Pricing page' }).click();
    await page.getByRole('combobox', { name: 'Days before and after' }).selectOption('7');
    await page.getByRole('combobox', { name: 'Smallest change worth detecting' }).selectOption('0.1');
    const all = await api(`/reports/impact?eventId=${event.id}&windowDays=7&minEffect=0.1`);
    expect(all.groups.affectedBefore.rate.n).toBe(12);
    await expect.poll(() => text('impact-summary')).toBe(all.summary);
    // The OpenAI configuration alone: the app capture's answers leave the groups.
    await page.getByRole('combobox', { name: 'Answers from' }).selectOption({ label: 'c1 (openai)' });
    const report = await api(
      `/reports/impact?eventId=${event.id}&windowDays=7&minEffect=0.1&modelConfigIds=${world.config('c1')}`,
    );
    expect(report.groups.affectedBefore.rate.n).toBe(8);
    expect(report.summary).not.toBe(all.summary);
    await expect.poll(() => text('impact-summary')).toBe(report.summary);
    expect(await page.getByTestId('impact-verdict').getAttribute('data-verdict')).toBe(report.verdict);
    expect(await text('impact-estimate')).toBe(`${pts(report.estimate)} points`);
    expect(await text('impact-interval')).toBe(`${pts(report.ci95.low)} to ${pts(report.ci95.high)} points`);
    expect(await text('impact-p')).toBe(report.pValue.toFixed(3));
    expect(await text('impact-power')).toBe(`${shownPercent(report.power)}%`);
    for (const g of ['affectedBefore', 'affectedAfter', 'unaffectedBefore', 'unaffectedAfter'])
      expect(await text(`group-${g}`), g).toBe(shownRate(report.groups[g].rate));
    await page.getByTestId('impact').scrollIntoViewIfNeeded();
    await shot('impact');

    // Editing: the form holds the event; a refused date is explained by its field.
    await page.getByRole('button', { name: 'Edit Pricing page' }).click();
    await page.getByRole('textbox', { name: 'Title (optional)' }).fill('Pricing page v2');
    await page.getByLabel('When (your local time)').fill('');
    await page.getByRole('button', { name: 'Save the event' }).click();
    await page.locator('[data-field="occurredAt"] [aria-invalid="true"], input[aria-invalid="true"]').first().waitFor();
    await shot('refused');
    await page.getByLabel('When (your local time)').fill('2026-06-15T00:00');
    await page.getByRole('button', { name: 'Save the event' }).click();
    await page.getByText('Saved “Pricing page v2”.').waitFor();
    expect((await api(`/events/${event.id}`)).title).toBe('Pricing page v2');

    // The overview's trend chart marks it and links to its impact.
    await page.goto(`${origin}/dashboard/#/w/${world.workspaceId}/overview`);
    const marked = page.getByTestId('trend-events').locator(`[data-event="${event.id}"]`);
    await marked.waitFor();
    expect(await marked.textContent()).toContain('2026-06-15');
    expect(await marked.textContent()).toContain('Pricing page v2');
    await expect.poll(() => page.locator('.trend-chart').first().getAttribute('data-marks')).toBe('1');
    await shot('trend-marks');
    await marked.getByRole('link').click();
    await page.getByTestId('impact-summary').waitFor();

    // A read-only key reads, and finds no form.
    const reader = await keyFor(ctx.db, tenant.organizationId, ['read']);
    const readerPage = await browser.newPage({ viewport: { width: 390, height: 844 }, timezoneId: 'UTC' });
    await openWithKey(readerPage, origin, reader.key);
    await readerPage.goto(`${origin}/dashboard/#/w/${world.workspaceId}/events?event=${event.id}`);
    await readerPage.getByTestId('impact-summary').waitFor({ timeout: PAGE_WAIT_MS });
    expect(await readerPage.getByRole('button', { name: 'Record the event' }).count()).toBe(0);
    expect(await readerPage.getByRole('button', { name: /^Delete/ }).count()).toBe(0);
    await shot('reader-phone', readerPage);
    await readerPage.close();

    await page.getByRole('button', { name: 'Delete Pricing page v2' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await page.getByText('Deleted “Pricing page v2”.').waitFor();
    expect((await api('/events')).data).toEqual([]);
    const refusedOnPurpose = /status of 400/;
    expect(problems.filter((p) => !EXPECTED_NOISE.some((re) => re.test(p)) && !refusedOnPurpose.test(p))).toEqual([]);
  });
});
