/**
 * Sentiment in the dashboard, in a real browser (headless Chromium): the overview's sentiment
 * column shows the share of positive, neutral and negative answers per brand with their intervals,
 * as the share-of-voice report gives them, and an opened answer lists each brand's label beside the
 * passage of the answer that decided it. Mentions are those analysis derives from the answer
 * text (labels and passages from the default scorer). Axe checks each state shown.
 */
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeAnswer, compileBrands, type MentionFact } from '../../src/analysis/index.js';
import { projectRoot } from '../../src/lib/paths.js';
import { addRun, createWorld, type World } from '../factories/answers.js';
import { createTenant, type TestTenant } from '../factories/index.js';
import {
  accessibilityProblems,
  assertBrowserTestsCanRun,
  launchChromium,
  watchProblems,
  shownRate,
  PAGE_WAIT_MS,
} from '../helpers/browser.js';
import { createTestContext, type TestContext } from '../helpers/context.js';

const SHOTS = join(projectRoot(), 'test-results', 'dashboard');
/** GET /v1/auth/providers is not served yet: the sign-in page then offers passwords only. */
const SIGN_IN_METHODS_UNKNOWN = /status of 404 .* at \S+\/v1\/auth\/providers$/;
/** The first screen asks GET /v1/me whether someone is signed in; the browser logs the 401 answering no. */
const NOT_SIGNED_IN = /status of 401 .* at \S+\/v1\/me$/;

const PROMPT = 'What is the best project management tool for a small team?';
const TEXTS = [
  'Here are my top picks:\n\n1. **Asana** – **Best for**: teams that need clear timelines.\n2. **Trello** – simple Kanban boards.\n\n**Jira** is not the best choice for a small team: it is slow and complex.',
  '**Trello** is easy to start with. I’d steer clear of **Jira** for a five-person team; its setup takes weeks.',
  'Many teams use **Asana**, **Trello** or **Jira**. Pick the one your team already knows.',
];
const BRANDS = ['Asana', 'Trello', 'Jira'];

let ctx: TestContext;
let tenant: TestTenant;
let world: World;
let browser: Browser;
let page: Page;
let origin: string;
let problems: string[];
/** Each answer's text with the facts analysis derived from it. */
const analysed: Array<{ text: string; mentions: MentionFact[] }> = [];

beforeAll(async () => {
  assertBrowserTestsCanRun();
  ctx = await createTestContext();
  tenant = await createTenant(ctx.db, ['read']);
  world = await createWorld(ctx.db, tenant.organizationId, {
    brands: BRANDS.map((name, i) => ({ name, kind: i === 0 ? 'own' : 'competitor' })),
    prompts: [{ key: 'p1', text: PROMPT, tags: ['pm'] }],
    configs: [{ key: 'mock', name: 'Mock', provider: 'mock' }],
  });
  const compiled = compileBrands(BRANDS.map((name) => ({ id: name, name })));
  for (const text of TEXTS)
    analysed.push({ text, mentions: analyzeAnswer(compiled, { text, prompt: PROMPT }).mentions });
  await addRun(ctx.db, world, {
    createdAt: new Date(Date.now() - 3_600_000),
    answers: analysed.map(({ text, mentions }) => ({
      prompt: 'p1',
      config: 'mock',
      text,
      mentions: mentions.map((m) => ({
        brand: m.brandName,
        count: m.count,
        rank: m.rank,
        sentiment: m.sentiment,
        label: m.sentimentLabel,
        ...(m.sentimentPassage ? { passage: m.sentimentPassage } : {}),
        snippet: m.snippet,
        spans: m.spans,
      })),
    })),
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

describe('sentiment in the dashboard', () => {
  it('labels differ across the answers, so the shares below are not all one label', () => {
    const labels = new Set(analysed.flatMap((a) => a.mentions.map((m) => m.sentimentLabel)));
    expect(labels).toEqual(new Set(['positive', 'neutral', 'negative']));
    expect(analysed.every((a) => a.mentions.every((m) => m.sentimentPassage !== undefined))).toBe(true);
  });

  it('overview: each brand’s share of positive, neutral and negative answers with intervals', async () => {
    await page.goto(`${origin}/dashboard/`);
    await page.getByRole('button', { name: 'Use an API key instead' }).click();
    await page.getByLabel('API key').fill(tenant.key);
    await page.getByRole('button', { name: 'Open the dashboard' }).click();
    await page.getByRole('heading', { level: 1, name: /Overview/ }).waitFor();
    const report = await api('/reports/share-of-voice');
    expect(report.rows).toHaveLength(BRANDS.length);
    for (const row of report.rows) {
      const cell = page.getByTestId(`sentiment-${row.brandId}`);
      await cell.waitFor();
      const shown = (await cell.textContent()) ?? '';
      for (const label of ['positive', 'neutral', 'negative'] as const)
        expect(shown).toContain(`${label} ${rate(row.sentiment.shares[label])}`);
    }
    const jira = report.rows.find((r: any) => r.brandName === 'Jira');
    expect(jira.sentiment.shares.negative.numerator).toBe(2);
    await shot('overview-sentiment');
  });

  it('an answer lists each brand’s label with the passage that decided it', async () => {
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Prompts' }).click();
    const prompt = world.prompt('p1');
    await page.getByTestId(`cell-${prompt}-mock`).focus();
    await page.keyboard.press('Enter');
    const answers = await api(`/answers?promptIds=${prompt}&includeRaw=true&limit=20`);
    const first = answers.data.find((a: any) => a.text === TEXTS[0]);
    expect(first).toBeDefined();
    await page.getByTestId(`answer-${first.id}`).focus();
    await page.keyboard.press('Enter');
    const reasons = page.getByTestId('sentiment-reasons');
    await reasons.waitFor();

    const shown = await reasons
      .locator('li')
      .evaluateAll((items) =>
        items.map((li) => [
          li.getAttribute('data-brand'),
          li.querySelector('[class^="label-"]')?.textContent,
          li.querySelector('blockquote')?.textContent,
        ]),
      );
    // What the API returns for the answer, and what analysis of its text decided.
    const expected = first.mentions.map((m: any) => [m.brandId, m.sentimentLabel, m.sentimentPassage.text]);
    expect(shown).toEqual(expected);
    const facts = analysed[0]?.mentions ?? [];
    for (const m of first.mentions) {
      const fact = facts.find((f) => f.brandName === m.brandName) as MentionFact;
      expect(m.sentimentLabel).toBe(fact.sentimentLabel);
      expect(m.sentimentPassage.text).toBe(TEXTS[0]?.slice(...(fact.sentimentPassage as [number, number])));
    }
    const byName = Object.fromEntries(first.mentions.map((m: any) => [m.brandName, m]));
    expect(byName.Asana.sentimentLabel).toBe('positive');
    expect(byName.Asana.sentimentPassage.text).toContain('Best for');
    expect(byName.Jira.sentimentLabel).toBe('negative');
    expect(byName.Jira.sentimentPassage.text).toContain('not the best choice');
    await shot('answer-sentiment');
    expect(problems.filter((p) => !SIGN_IN_METHODS_UNKNOWN.test(p) && !NOT_SIGNED_IN.test(p))).toEqual([]);
  });
});
