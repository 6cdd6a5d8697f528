/**
 * Location, language and persona in the dashboard, in a real browser (headless Chromium) against
 * the API on a real port: the configuration form's Country, Region, City, Language and Persona
 * fields, a provider's refusal shown beside the field (a persona on a results page), what the API
 * stored shown in the list; and the overview split by location and by language and filtered by
 * each, every figure equal to the API's answer to the same query. axe-core checks every state;
 * screenshots go to test-results/dashboard-targeting/.
 */
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/lib/paths.js';
import { rebuildRollups } from '../../src/modules/reports/rollups.service.js';
import { addRun, createWorld, type World } from '../factories/answers.js';
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

const SHOTS = join(projectRoot(), 'test-results', 'dashboard-targeting');
const EXPECTED_NOISE = [
  /status of 401/,
  /status of 404 .* at \S+\/v1\/auth\/providers$/,
  /status of 400 .*\/model-configs$/,
];
const PERSONA = 'Head of sales at a 50-person agency in Lyon';

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
    brands: [{ name: 'Acme', kind: 'own', domains: ['acme.com'] }, { name: 'Globex' }],
    prompts: [
      { key: 'fr', text: 'Quel CRM choisir ?', locale: 'fr-FR' },
      { key: 'en', text: 'Which CRM to pick?', locale: 'en-US' },
    ],
    configs: [
      {
        key: 'paris',
        name: 'GPT from Paris',
        provider: 'openai',
        model: 'gpt-4.1',
        params: { webSearch: true, userLocation: { country: 'FR', city: 'Paris' } },
      },
      {
        key: 'app',
        name: 'ChatGPT app, Germany',
        provider: 'assistant_app',
        model: 'chatgpt',
        params: { locale: 'de-DE' },
      },
    ],
  });
  await addRun(ctx.db, world, {
    createdAt: new Date(Date.now() - 86_400_000),
    answers: [
      { text: 'x1', prompt: 'fr', config: 'paris', mentions: [{ brand: 'Acme' }] },
      { text: 'x2', prompt: 'en', config: 'paris', mentions: [{ brand: 'Globex' }] },
      { text: 'x3', prompt: 'fr', config: 'app', mentions: [{ brand: 'Acme' }, { brand: 'Globex' }] },
      { text: 'x4', prompt: 'en', config: 'app', mentions: [] },
      { text: 'x5', prompt: 'en', config: 'paris', mentions: [{ brand: 'Acme' }] },
    ],
  });
  await rebuildRollups(ctx.db.pool, { workspaceId: world.workspaceId });
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
const shot = async (name: string) => {
  expect(await accessibilityProblems(page), `accessibility of ${name}`).toEqual([]);
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
};
const go = (path: string) => page.goto(`${origin}/dashboard/#/w/${world.workspaceId}/${path}`);
const section = (title: string | RegExp) =>
  page.locator('section').filter({ has: page.getByRole('heading', { level: 2, name: title }) });
const cells = async (id: string) =>
  (await page.getByTestId(`config-${id}`).locator('td').allTextContents()).map((t) => t.trim());

describe('location, language and persona on configurations', () => {
  it('lists each configuration’s location, language and persona as the API derives them', async () => {
    await go('configurations');
    await page.getByTestId(`config-${world.config('paris')}`).waitFor();
    expect((await cells(world.config('paris'))).slice(2, 5)).toEqual(['Paris, FR', 'The prompt’s', 'None']);
    expect((await cells(world.config('app'))).slice(2, 5)).toEqual(['DE', 'de', 'None']);
    await shot('configurations');
  });

  it('refuses a persona on a results page beside the field, then saves one where it is taken', async () => {
    await page.getByRole('button', { name: 'Add a configuration' }).click();
    const form = section('New model configuration');
    await form.getByLabel('Name').fill('Lyon sales head');
    await form.getByLabel('Provider').selectOption('google_ai_overview');
    await form.getByLabel('Model').fill('ai_overview');
    // The form says before saving why the provider takes no persona.
    const personaField = form.locator('[data-field="params.persona"]');
    expect(await personaField.textContent()).toMatch(/does not take it: .*takes no system prompt/);
    await form.getByLabel('Persona').fill(PERSONA);
    await form.getByRole('button', { name: 'Create configuration' }).click();
    const refused = await ctx.app.inject({
      method: 'POST',
      url: `${world.base}/model-configs`,
      headers: tenant.headers,
      payload: { name: 'x', provider: 'google_ai_overview', model: 'ai_overview', params: { persona: PERSONA } },
    });
    const message = JSON.parse(refused.body).errors.find(
      (e: { path: string }) => e.path === 'body.params.persona',
    ).message;
    const error = personaField.locator('.field-error');
    await expect.poll(() => error.textContent()).toBe(message);
    const id = await personaField.locator('label').first().getAttribute('for');
    expect(await form.locator(`[id="${id}"]`).getAttribute('aria-invalid')).toBe('true');
    await shot('configuration-persona-refused');

    await form.getByLabel('Provider').selectOption('mock');
    await form.getByLabel('Model').fill('mock-1');
    await form.getByLabel('Country').fill('fr');
    await form.getByLabel('City').fill('Lyon');
    await form.getByLabel('Language').fill('fr-FR');
    await form.getByRole('button', { name: 'Create configuration' }).click();
    const saved = section('Edit Lyon sales head');
    await saved.getByRole('status').waitFor();
    const stored = (await api('/model-configs?limit=50')).data.find(
      (c: { name: string }) => c.name === 'Lyon sales head',
    );
    expect(stored).toMatchObject({
      provider: 'mock',
      location: { country: 'FR', region: null, city: 'Lyon' },
      language: 'fr',
      persona: PERSONA,
      params: { userLocation: { country: 'FR', city: 'Lyon' }, locale: 'fr-FR', persona: PERSONA },
    });
    // The form now shows what the API stored.
    expect(await saved.getByLabel('Country').inputValue()).toBe('FR');
    expect(await saved.getByLabel('Persona').inputValue()).toBe(PERSONA);
    // The list below reloads after the save: its new row comes when that load answers.
    await expect.poll(async () => (await cells(stored.id)).slice(2, 5)).toEqual(['Lyon, FR', 'fr', PERSONA]);
    await shot('configuration-saved');
  });
});

describe('reports by location and language', () => {
  const brands = () => [world.brand('Acme'), world.brand('Globex')];

  it('splits visibility by location and by language, each cell the API’s figure', async () => {
    for (const split of ['location', 'language'] as const) {
      const report = await api(`/reports/visibility?groupBy=${split}`);
      await go(`overview?split=${split}`);
      await page.getByRole('heading', { level: 2, name: `Visibility by ${split}` }).waitFor();
      const keys = new Set<string>();
      for (const row of report.rows) {
        const key = row[split] ?? '(none)';
        keys.add(key);
        const cell = page.getByTestId(`vis-${row.brandId}-${key}`);
        await cell.waitFor();
        expect((await cell.textContent())?.trim(), `${row.brandName} ${key}`).toBe(shownRate(row.mentionRate));
      }
      expect([...keys].sort()).toEqual(split === 'location' ? ['DE', 'FR'] : ['de', 'en', 'fr']);
      await shot(`overview-by-${split}`);
    }
  });

  it('filters by location and language from the filter bar, equal to the API with the same filters', async () => {
    await go('overview');
    for (const [label, value, query] of [
      ['Location', 'FR', 'locations=FR'],
      ['Language', 'en', 'locations=FR&languages=en'],
    ] as const) {
      await page.getByRole('combobox', { name: label }).selectOption(value);
      const report = await api(`/reports/visibility?groupBy=brand&${query}`);
      for (const brandId of brands()) {
        const row = report.rows.find((r: { brandId: string }) => r.brandId === brandId);
        await expect
          .poll(async () => (await page.getByTestId(`vis-${brandId}-all`).textContent())?.trim())
          .toBe(shownRate(row.mentionRate));
      }
    }
    expect(page.url()).toMatch(/location=FR/);
    expect(page.url()).toMatch(/language=en/);
    await shot('overview-filtered');
    expect(problems.filter((p) => !EXPECTED_NOISE.some((e) => e.test(p)))).toEqual([]);
  });
});
