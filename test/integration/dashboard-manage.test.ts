/**
 * Managing a workspace from the dashboard, in a real browser (headless Chromium) against the API
 * on a real port: workspaces (create, rename, delete), brands with the live analysis preview of an
 * unsaved edit, the prompt library (pages, search, CSV import with per-line errors, bulk actions),
 * model configurations built from GET /v1/providers, audits with the schedule builder, and runs
 * started, followed and cancelled. Every form shows the API's validation errors beside the field
 * they concern and, once saved, what the API stored; destructive actions ask first; leaving a form
 * with unsaved changes asks first; tables download as CSV equal to what the API returns. A viewer
 * finds no edit control, an editor no member management, a read-only API key no edit control.
 * A run start whose answer is lost is sent again under the same Idempotency-Key and starts once.
 * Every page and state is checked with axe-core; screenshots go to test-results/dashboard-manage/.
 */
import { readFileSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatUsd } from '../../dashboard/src/lib/format.js';
import { projectRoot } from '../../src/lib/paths.js';
import { createTenant, keyFor, type TestTenant } from '../factories/index.js';
import { createPerson, type TestPerson } from '../factories/people.js';
import { type ApiClient, apiClient } from '../helpers/api.js';
import {
  accessibilityProblems,
  assertBrowserTestsCanRun,
  launchChromium,
  watchProblems,
  PAGE_WAIT_MS,
} from '../helpers/browser.js';
import { createTestContext, type TestContext } from '../helpers/context.js';
import { freePort } from '../helpers/processes.js';

const SHOTS = join(projectRoot(), 'test-results', 'dashboard-manage');
const PROMPTS = 30;

let ctx: TestContext;
let tenant: TestTenant;
let api: ApiClient;
let browser: Browser;
let origin: string;
let editor: TestPerson;
let viewer: TestPerson;
let ws: { id: string; name: string; timezone: string };
let base: string;
let mockConfig: { id: string; name: string };
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  assertBrowserTestsCanRun();
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  ctx = await createTestContext({ PUBLIC_BASE_URL: origin });
  await ctx.app.listen({ host: '127.0.0.1', port });
  expect((ctx.app.server.address() as AddressInfo).port).toBe(port);
  tenant = await createTenant(ctx.db);
  api = apiClient(ctx.app, tenant.headers);
  ws = await api.post('/v1/workspaces', { name: 'Acme EU', timezone: 'Europe/Paris' });
  base = `/v1/workspaces/${ws.id}`;
  await api.post(`${base}/brands`, { name: 'Acme', kind: 'own', domains: ['acme.example.com'] });
  await api.post(`${base}/brands`, { name: 'Globex', aliases: ['Globex Corp'], domains: ['globex.com'] });
  for (let i = 0; i < PROMPTS; i++)
    await api.post(`${base}/prompts`, {
      text: `Which CRM should team #${i} pick?`,
      tags: i % 2 ? ['crm'] : ['crm', 'smb'],
    });
  mockConfig = await api.post(`${base}/model-configs`, { name: 'Mock', provider: 'mock', model: 'mock-1', params: {} });
  editor = await createPerson(ctx.app, ctx.db, { organizationId: tenant.organizationId, role: 'editor' });
  viewer = await createPerson(ctx.app, ctx.db, { organizationId: tenant.organizationId, role: 'viewer' });
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
}

/** A browser of its own for one person (their session cookie) or API key, opened at `hash`. */
async function open(who: TestPerson | { key: string }, hash: string): Promise<Tab> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  contexts.push(context);
  if ('cookie' in who) {
    const [name, ...value] = who.cookie.split('=');
    await context.addCookies([{ name: name as string, value: value.join('='), url: origin }]);
  } else {
    // The key form keeps the key for the tab's session, as after typing it.
    await context.addInitScript({ content: `sessionStorage.setItem('citewatch.apiKey', ${JSON.stringify(who.key)})` });
  }
  const page = await context.newPage();
  page.setDefaultTimeout(PAGE_WAIT_MS);
  const problems = watchProblems(page);
  await page.goto(`${origin}/dashboard/${hash}`);
  return { page, problems };
}

/** Every state is checked for accessibility as it is screenshotted. */
async function shot(page: Page, name: string): Promise<void> {
  expect(await accessibilityProblems(page), `accessibility of ${name}`).toEqual([]);
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** The browser logs each refused request; those the test provoked on purpose are expected. */
const unexpected = (problems: string[], ...expected: RegExp[]) =>
  problems.filter((p) => !expected.some((e) => e.test(p)));

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });
const section = (page: Page, title: string | RegExp) =>
  page.locator('section').filter({ has: page.getByRole('heading', { level: 2, name: title }) });

/** The error shown beside a field of the form, and the control its label names. */
async function expectFieldError(scope: Locator, name: string, message: string | RegExp): Promise<void> {
  const field = scope.locator(`[data-field="${name}"]`);
  const error = field.locator('.field-error');
  await expect.poll(() => error.textContent()).toMatch(message);
  const id = await field.locator('label').first().getAttribute('for');
  const control = scope.locator(`[id="${id}"]`);
  expect(await control.getAttribute('aria-invalid')).toBe('true');
  expect((await control.getAttribute('aria-describedby'))?.split(' ')).toContain(await error.getAttribute('id'));
}

async function rowsOfTable(table: Locator): Promise<string[][]> {
  const rows: string[][] = [];
  for (const row of await table.locator(':scope > tbody > tr').all())
    rows.push((await row.locator(':scope > th, :scope > td').allTextContents()).map((t) => t.trim()));
  return rows;
}

/** An expression evaluated in the page (the tests' TypeScript has no DOM types). */
const focused = (page: Page, what: 'name' | 'text') =>
  page.evaluate(
    what === 'name' ? 'document.activeElement?.getAttribute("name")' : 'document.activeElement?.textContent',
  ) as Promise<string | null>;

describe('managing a workspace from the dashboard', () => {
  it('creates, renames and deletes a workspace, with the API’s refusal shown beside the field and a confirmation before deleting', async () => {
    const { page, problems } = await open(editor, '#/workspaces');
    await heading(page, /Workspaces/).waitFor();
    const create = section(page, 'New workspace');
    await create.getByLabel('Name').fill('   ');
    await create.getByRole('button', { name: 'Create workspace' }).click();
    // The API trims and refuses the blank name: its message sits beside the field, which has focus.
    await expectFieldError(create, 'name', 'must not be empty');
    expect(await focused(page, 'name')).toBe('name');
    await shot(page, 'workspace-create-error');

    await create.getByLabel('Name').fill('Globex Retail');
    await create.getByLabel('Time zone').selectOption('America/New_York');
    await create.getByRole('button', { name: 'Create workspace' }).click();
    await create
      .getByRole('status')
      .filter({ hasText: 'Created the workspace Globex Retail (America/New_York).' })
      .waitFor();
    const listed: Array<{ id: string; name: string; timezone: string }> = (await api.get('/v1/workspaces?limit=200'))
      .data;
    const created = listed.find((w) => w.name === 'Globex Retail');
    expect(created?.timezone).toBe('America/New_York');
    const row = page.getByTestId(`workspace-${created?.id}`);
    expect(await row.locator('td').first().textContent()).toBe('America/New_York');
    // The header's workspace picker lists it at once.
    await page.locator('header select option', { hasText: 'Globex Retail' }).waitFor({ state: 'attached' });

    await row.getByRole('button', { name: 'Rename Globex Retail' }).click();
    const rename = section(page, 'Rename Globex Retail');
    await rename.getByLabel('Name').fill('  Globex Retail US  ');
    await rename.getByRole('button', { name: 'Save workspace' }).click();
    await rename
      .getByRole('status')
      .filter({ hasText: 'Saved: Globex Retail US, time zone America/New_York.' })
      .waitFor();
    // The form shows what the API stored (trimmed), not what was typed.
    const renamed = await api.get(`/v1/workspaces/${created?.id}`);
    expect(renamed.name).toBe('Globex Retail US');
    expect(await section(page, 'Rename Globex Retail US').getByLabel('Name').inputValue()).toBe(renamed.name);
    await shot(page, 'workspace-renamed');

    await row.getByRole('button', { name: 'Delete Globex Retail US' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete the workspace Globex Retail US?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('deleted for good');
    // Focus starts on the safe choice; Escape cancels and nothing is deleted.
    expect(await focused(page, 'text')).toBe('Cancel');
    await shot(page, 'workspace-delete-confirmation');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect((await api.send('GET', `/v1/workspaces/${created?.id}`)).status).toBe(200);
    await row.getByRole('button', { name: 'Delete Globex Retail US' }).click();
    await dialog.getByRole('button', { name: 'Delete Globex Retail US' }).click();
    await page.getByRole('status').filter({ hasText: 'Deleted the workspace Globex Retail US.' }).waitFor();
    expect((await api.send('GET', `/v1/workspaces/${created?.id}`, undefined, 404)).status).toBe(404);
    await row.waitFor({ state: 'detached' });
    expect(unexpected(problems, /status of 400 .*\/v1\/workspaces$/)).toEqual([]);
  });

  it('edits brands: the API’s normalised values shown after saving, a live preview of the unsaved brand, the CSV of the table, and a guard before leaving unsaved changes', async () => {
    const { page, problems } = await open(editor, `#/w/${ws.id}/brands`);
    await heading(page, /Brands and competitors/).waitFor();
    const table = page.getByRole('region', { name: 'Brands (table)' }).locator('table');
    await table.waitFor();
    const brands: Array<{ id: string; name: string; kind: string; aliases: string[]; domains: string[] }> = (
      await api.get(`${base}/brands?limit=50`)
    ).data;
    expect((await rowsOfTable(table)).map((r) => r[0])).toEqual(brands.map((b) => b.name));

    // The CSV holds the rows the API returned, quoted where needed, without the action buttons.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV of Brands' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('brands.csv');
    const csv = parseCsv(readFileSync((await download.path()) as string, 'utf8'), { bom: true }) as string[][];
    expect(csv).toEqual([
      ['Name', 'Kind', 'Aliases', 'Domains', 'Letter case'],
      ...brands.map((b) => [
        b.name,
        b.kind === 'own' ? 'Own brand' : 'Competitor',
        b.aliases.join(', '),
        b.domains.join(', '),
        'Ignored',
      ]),
    ]);
    await shot(page, 'brands');

    await page.getByRole('button', { name: 'Add a brand' }).click();
    const editorSection = section(page, 'New brand');
    await editorSection.getByLabel('Name').fill('Initech');
    await editorSection.getByLabel('Domains').fill('initech.com\nnot a domain');
    await editorSection.getByRole('button', { name: 'Create brand' }).click();
    await expectFieldError(editorSection, 'domains', /Item 2: "not a domain" is not a domain name/);
    await shot(page, 'brand-domain-error');

    await editorSection.getByLabel('Domains').fill('https://www.Initech.com/about');
    await editorSection.getByLabel('Aliases').fill('Initrode\nInitrode\n');
    await editorSection.getByRole('button', { name: 'Create brand' }).click();
    const edit = section(page, 'Edit Initech');
    await edit.getByRole('status').filter({ hasText: 'Created Initech: 1 alias, 1 domain.' }).waitFor();
    const initech = (await api.get(`${base}/brands?limit=50`)).data.find((b: { name: string }) => b.name === 'Initech');
    expect(initech).toMatchObject({ aliases: ['Initrode'], domains: ['initech.com'] });
    // What the API stored, not what was typed: the host alone, one alias.
    expect(await edit.getByLabel('Domains').inputValue()).toBe('initech.com');
    expect(await edit.getByLabel('Aliases').inputValue()).toBe('Initrode');

    // The preview analyses the brand as it is in the form, and the workspace's other brands.
    const answer =
      'For a small team, Initech is fine, Initrode even more, and Globex Corp is popular. See https://initech.com/pricing';
    await edit.getByLabel('Answer text').fill(answer);
    await edit.getByLabel('Cited URLs').fill('https://www.globex.com/crm?utm_source=x');
    const mention = edit.getByTestId('preview-mention-Initech');
    await expect.poll(() => mention.textContent()).toContain('named 2×');
    const drafts = (await api.get(`${base}/brands?limit=50`)).data.map(
      (b: {
        id: string;
        name: string;
        aliases: string[];
        domains: string[];
        kind: string;
        caseSensitive: boolean;
      }) => ({
        id: b.id,
        name: b.name,
        aliases: b.aliases,
        domains: b.domains,
        kind: b.kind,
        caseSensitive: b.caseSensitive,
      }),
    );
    const stored = await api.post(`${base}/analysis-preview`, {
      text: answer,
      citations: ['https://www.globex.com/crm?utm_source=x'],
      brands: drafts,
    });
    const cited = (
      stored.citations as Array<{ url: string; domain: string; brandName: string | null; source: string }>
    ).map(
      (c) =>
        `${c.url} — ${c.domain}: ${c.brandName ? `${c.brandName}'s own domain` : 'no tracked brand'}${c.source === 'text' ? ' (found in the text)' : ''}`,
    );
    // The preview follows the form after a pause: one for the text alone may show before the one with the URL.
    await expect.poll(() => edit.getByTestId('preview-citations').locator('li').allTextContents()).toEqual(cited);
    const shown = await edit.getByTestId('preview-mentions').locator('li').allTextContents();
    expect(shown).toHaveLength(stored.mentions.length);
    for (const m of stored.mentions as Array<{ brandName: string; count: number; rank: number }>)
      expect(shown.find((s) => s.startsWith(m.brandName))).toContain(`named ${m.count}× · rank ${m.rank}`);
    expect(await edit.getByTestId('preview-text').locator('mark').allTextContents()).toEqual([
      'Initech',
      'Initrode',
      'Globex Corp',
    ]);

    // An unsaved edit (no more alias) changes the preview at once…
    await edit.getByLabel('Aliases').fill('');
    await expect.poll(() => mention.textContent()).toContain('named 1×');
    await shot(page, 'brand-preview-unsaved');
    // …and leaving the page asks first: staying keeps the edit.
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Prompt library' }).click();
    const leave = page.getByRole('dialog', { name: 'Leave without saving?' });
    await leave.waitFor();
    await shot(page, 'brand-unsaved-guard');
    await leave.getByRole('button', { name: 'Stay on this page' }).click();
    await leave.waitFor({ state: 'detached' });
    expect(page.url()).toContain('/brands');
    expect(await edit.getByLabel('Aliases').inputValue()).toBe('');
    // Closing the tab asks too (the browser's own question); dismissing it keeps the page.
    const asked = page.waitForEvent('dialog');
    await page.close({ runBeforeUnload: true });
    const question = await asked;
    expect(question.type()).toBe('beforeunload');
    await question.dismiss();
    expect(await heading(page, /Brands and competitors/).count()).toBe(1);
    // Leaving discards it: the API still has the alias.
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Prompt library' }).click();
    await leave.getByRole('button', { name: 'Leave and discard changes' }).click();
    await heading(page, /Prompt library/).waitFor();
    expect((await api.get(`${base}/brands/${initech.id}`)).aliases).toEqual(['Initrode']);

    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Brands' }).click();
    await page.getByRole('button', { name: 'Delete Initech' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete the brand Initech?' });
    expect(await confirm.textContent()).toContain('its mentions and citations leave every report');
    await confirm.getByRole('button', { name: 'Delete Initech' }).click();
    await page.getByRole('status').filter({ hasText: 'Deleted the brand Initech.' }).waitFor();
    expect((await api.send('GET', `${base}/brands/${initech.id}`, undefined, 404)).status).toBe(404);
    expect(unexpected(problems, /status of 400 .*\/brands$/)).toEqual([]);
  });

  it('pages, searches, imports, edits and acts in bulk on prompts', async () => {
    const { page, problems } = await open(editor, `#/w/${ws.id}/library`);
    await heading(page, /Prompt library/).waitFor();
    const table = page.getByRole('region', { name: 'Prompts (table)' }).locator('table');
    const texts = async () => (await rowsOfTable(table)).map((r) => r[1]);
    const first = (await api.get(`${base}/prompts?limit=25&archived=false`)) as {
      data: Array<{ id: string; text: string }>;
      nextCursor: string;
    };
    await expect.poll(texts).toEqual(first.data.map((p) => p.text));
    await shot(page, 'library');
    await page.getByRole('button', { name: 'Next page' }).click();
    const second = await api.get(`${base}/prompts?limit=25&archived=false&cursor=${first.nextCursor}`);
    await expect.poll(texts).toEqual(second.data.map((p: { text: string }) => p.text));
    expect(await page.getByRole('button', { name: 'Next page' }).isDisabled()).toBe(true);

    // Search: the API's case-insensitive "contains".
    await page.getByLabel('Search').fill('TEAM #1');
    const found = await api.get(`${base}/prompts?limit=25&archived=false&q=${encodeURIComponent('TEAM #1')}`);
    expect(found.data.length).toBeGreaterThan(1);
    await expect.poll(texts).toEqual(found.data.map((p: { text: string }) => p.text));
    await page.getByLabel('Search').fill('');

    // A CSV with bad lines: nothing imported, each line's problem listed.
    const importing = section(page, 'Import prompts from CSV');
    await importing
      .getByLabel('Or paste the CSV')
      .fill('text,locale,tags\nGood one?,en-US,crm\n,en-US,crm\nThird?,en-US,bad tag!\n');
    await importing.getByRole('button', { name: 'Import prompts' }).click();
    const lines = importing.getByTestId('import-problems');
    await lines.waitFor();
    const rows = await rowsOfTable(lines);
    expect(rows.map((r) => [r[0], r[1]])).toEqual([
      ['3', 'text'],
      ['4', 'tags.0'],
    ]);
    await shot(page, 'library-import-errors');
    const before = (await api.get(`${base}/prompts?limit=200`)).data.length;
    expect(before).toBe(PROMPTS);
    await importing
      .getByLabel('Or paste the CSV')
      .fill('text,locale,tags\n"Best CRM, honestly?",en-US,crm;import\nQuel CRM ?,fr-FR,import\n');
    await importing.getByRole('button', { name: 'Import prompts' }).click();
    await importing.getByRole('status').filter({ hasText: 'Imported 2 prompts.' }).waitFor();
    const imported = (await api.get(`${base}/prompts?limit=200&tag=import`)).data;
    expect(imported.map((p: { text: string }) => p.text).sort()).toEqual(['Best CRM, honestly?', 'Quel CRM ?']);

    // Edit one: the API lower-cases tags, and the form shows that.
    await page.getByLabel('Tag').fill('import');
    await expect.poll(async () => (await texts()).length).toBe(2);
    const quel = imported.find((p: { text: string }) => p.text === 'Quel CRM ?');
    await page.getByTestId(`prompt-${quel.id}`).getByRole('button', { name: /^Edit/ }).click();
    const edit = section(page, 'Edit the prompt');
    await edit.getByLabel('Tags').fill('Import, French');
    await edit.getByRole('button', { name: 'Save prompt' }).click();
    await edit.getByRole('status').filter({ hasText: 'tags import, french' }).waitFor();
    expect(await edit.getByLabel('Tags').inputValue()).toBe('import, french');
    expect((await api.get(`${base}/prompts/${quel.id}`)).tags).toEqual(['import', 'french']);
    await edit.getByRole('button', { name: 'Close' }).click();

    // Bulk: select both, tag, then delete with a confirmation naming them.
    await page.getByLabel('Select every prompt of this page').check();
    const bulk = page.getByRole('group', { name: '2 prompts selected' });
    await bulk.getByLabel('Tags to add or remove').fill('pricing');
    await bulk.getByRole('button', { name: 'Tag', exact: true }).click();
    await page.getByTestId('bulk-outcome').filter({ hasText: 'Tagged 2 of 2 prompts.' }).waitFor();
    for (const p of imported) expect((await api.get(`${base}/prompts/${p.id}`)).tags).toContain('pricing');
    await page.getByLabel('Select every prompt of this page').check();
    await page.getByRole('group', { name: '2 prompts selected' }).getByRole('button', { name: 'Delete' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete 2 prompts?' });
    expect(await confirm.textContent()).toContain('Best CRM, honestly?');
    await shot(page, 'library-bulk-delete-confirmation');
    await confirm.getByRole('button', { name: 'Delete 2 prompts' }).click();
    await page.getByTestId('bulk-outcome').filter({ hasText: 'Deleted 2 of 2 prompts.' }).waitFor();
    expect((await api.get(`${base}/prompts?limit=200&tag=import`)).data).toEqual([]);
    expect(unexpected(problems, /status of 400 .*\/prompts\/import$/)).toEqual([]);
  });

  it('builds the configuration form from the providers’ declared parameters and shows the API’s refusal beside the parameter', async () => {
    const { page, problems } = await open(editor, `#/w/${ws.id}/configurations`);
    await heading(page, /Model configurations/).waitFor();
    await page.getByRole('button', { name: 'Add a configuration' }).click();
    const form = section(page, 'New model configuration');
    await form.getByLabel('Name').fill('GPT search');
    await form.getByLabel('Provider').selectOption('openai');
    await form.getByLabel('Model').fill('gpt-4o-search-preview');
    await form.getByLabel('temperature').fill('0.5');
    await form.getByRole('button', { name: 'Create configuration' }).click();
    const refused = await api.send(
      'POST',
      `${base}/model-configs`,
      { name: 'GPT search x', provider: 'openai', model: 'gpt-4o-search-preview', params: { temperature: 0.5 } },
      400,
    );
    const message = refused.body.errors.find((e: { path: string }) => e.path === 'body.params.temperature').message;
    expect(message).toMatch(/not accepted/);
    await expectFieldError(form, 'params.temperature', message);
    await shot(page, 'configuration-parameter-error');

    await form.getByLabel('Provider').selectOption('mock');
    await form.getByLabel('Model').fill('mock-1');
    await form.getByLabel('temperature').fill('0.3');
    await form.getByRole('button', { name: 'Create configuration' }).click();
    const saved = section(page, 'Edit GPT search');
    await saved.getByRole('status').waitFor();
    const stored = (await api.get(`${base}/model-configs?limit=50`)).data.find(
      (c: { name: string }) => c.name === 'GPT search',
    );
    expect(stored).toMatchObject({ provider: 'mock', model: 'mock-1' });
    expect(await saved.getByRole('status').textContent()).toBe(
      `Saved GPT search: mock, mock-1, parameters ${JSON.stringify(stored.params)}.`,
    );
    expect(await saved.getByLabel('temperature').inputValue()).toBe(String(stored.params.temperature));
    expect(await page.getByTestId(`config-${stored.id}`).locator('td').nth(5).textContent()).toBe(
      JSON.stringify(stored.params),
    );
    await shot(page, 'configuration-saved');
    expect(unexpected(problems, /status of 400 .*\/model-configs$/)).toEqual([]);
  });

  it('creates an audit with the schedule builder showing the API’s next five due times in the audit’s time zone', async () => {
    const { page, problems } = await open(editor, `#/w/${ws.id}/audits`);
    await heading(page, /Audits and schedules/).waitFor();
    await page.getByRole('button', { name: 'Add an audit' }).click();
    const form = section(page, 'New audit');
    await form.getByLabel('Name').fill('Weekly CRM');
    await form.getByLabel('Prompts by tag').fill('smb');
    await form.getByRole('button', { name: 'Create audit' }).click();
    // No configuration chosen: the API's message sits beside the configurations.
    await expectFieldError(form, 'modelConfigIds', 'must list at least one model configuration');
    await shot(page, 'audit-error');

    await form.getByLabel('Mock (mock, mock-1)', { exact: true }).check();
    await form.getByLabel('Repeat').selectOption('weekly');
    await form.getByLabel('On', { exact: true }).selectOption('1');
    await form.getByLabel('At', { exact: true }).fill('07:30');
    await form.getByLabel('Time zone').selectOption('Asia/Tokyo');
    expect(await form.getByLabel('Cron expression').inputValue()).toBe('30 7 * * 1');
    const next = form.getByTestId('schedule-next').locator('li');
    const expected = await api.post(`${base}/schedule-preview`, {
      schedule: '30 7 * * 1',
      timezone: 'Asia/Tokyo',
      count: 5,
    });
    await expect.poll(() => next.allTextContents()).toEqual(expected.nextLocal);
    expect(expected.nextLocal.every((t: string) => t.endsWith(' 07:30'))).toBe(true);

    // A raw cron the API cannot read: said beside the field once saved, and in the preview.
    await form.getByLabel('Repeat').selectOption('custom');
    await form.getByLabel('Cron expression').fill('61 * * * *');
    await form.getByTestId('schedule-preview').filter({ hasText: 'This schedule cannot be read' }).waitFor();
    await form.getByRole('button', { name: 'Create audit' }).click();
    await expectFieldError(form, 'schedule', /cron/);
    await shot(page, 'audit-schedule-error');

    await form.getByLabel('Cron expression').fill('0 6 * * *');
    await form.getByLabel('Samples').fill('2');
    await form.getByLabel('Budget per run (USD)').fill('1.5');
    await form.getByRole('button', { name: 'Create audit' }).click();
    const saved = section(page, 'Edit Weekly CRM');
    await saved.getByRole('status').waitFor();
    const audit = (await api.get(`${base}/audits?limit=50`)).data.find(
      (a: { name: string }) => a.name === 'Weekly CRM',
    );
    expect(audit).toMatchObject({
      schedule: '0 6 * * *',
      timezone: 'Asia/Tokyo',
      samplesPerPair: 2,
      budgetPerRunUsd: 1.5,
      budgetPerMonthUsd: null,
      promptTags: ['smb'],
      modelConfigIds: [mockConfig.id],
    });
    expect(await saved.getByLabel('Repeat').inputValue()).toBe('daily');
    expect(await saved.getByLabel('At', { exact: true }).inputValue()).toBe('06:00');
    expect(await page.getByTestId(`audit-${audit.id}`).locator('td').nth(3).textContent()).toBe(
      '0 6 * * * (Asia/Tokyo)',
    );
    await shot(page, 'audit-saved');
    expect(unexpected(problems, /status of 400 .*\/audits$/, /status of 400 .*\/schedule-preview$/)).toEqual([]);
  });

  it('starts a run, cancels one after a confirmation, and follows another to its end with its cost', async () => {
    const audit = await api.post(`${base}/audits`, {
      name: 'Manual CRM',
      promptTags: ['smb'],
      modelConfigIds: [mockConfig.id],
    });
    const { page, problems } = await open(editor, `#/w/${ws.id}/runs`);
    await heading(page, /Runs/).waitFor();
    const controls = section(page, 'Start or cancel a run');
    await controls.getByLabel('Audit').selectOption(audit.id);
    await controls.getByRole('button', { name: 'Start the run' }).click();
    const started = controls.getByRole('status').filter({ hasText: /^Started: / });
    await started.waitFor();
    const runs = (await api.get(`${base}/runs?limit=5`)).data;
    const queued = runs[0];
    expect(queued.status).toBe('queued');
    expect(await started.textContent()).toContain(
      `${queued.progress.total} answers to collect, estimated ${formatUsd(Number(queued.estimatedCostUsd))}`,
    );
    await page.getByTestId(`run-status-${queued.id}`).waitFor();
    await shot(page, 'runs-started');

    // No worker yet: the run waits, and is cancelled after a confirmation.
    await controls.getByRole('button', { name: /^Cancel the run started/ }).click();
    const dialog = page.getByRole('dialog', { name: /^Cancel the run started/ });
    expect(await dialog.textContent()).toContain(
      `The ${queued.progress.total} answers not collected yet will not be asked`,
    );
    await shot(page, 'run-cancel-confirmation');
    await dialog.getByRole('button', { name: 'Cancel the run' }).click();
    await controls.getByRole('status').filter({ hasText: 'The run is cancelled.' }).waitFor();
    await expect.poll(() => page.getByTestId(`run-status-${queued.id}`).textContent()).toBe('Cancelled');
    expect((await api.get(`${base}/runs/${queued.id}`)).status).toBe('cancelled');

    ctx.startWorker();
    await controls.getByRole('button', { name: 'Start the run' }).click();
    await controls
      .getByRole('status')
      .filter({ hasText: /^Started/ })
      .waitFor();
    const latest = (await api.get(`${base}/runs?limit=1`)).data[0];
    expect(latest.id).not.toBe(queued.id);
    // The table polls while the run is in progress, until it completes.
    await expect
      .poll(() => page.getByTestId(`run-status-${latest.id}`).textContent(), { timeout: PAGE_WAIT_MS })
      .toBe('Completed');
    const done = await api.get(`${base}/runs/${latest.id}`);
    expect(await page.getByTestId(`run-progress-${latest.id}`).textContent()).toContain(
      `${done.progress.succeeded + done.progress.failed + done.progress.cancelled} of ${done.progress.total} answers`,
    );
    const cost = await page.getByTestId(`run-cost-${latest.id}`).textContent();
    expect(cost).toContain(
      `${formatUsd(Number(done.actualCostUsd))} of ${formatUsd(Number(done.estimatedCostUsd))} estimated`,
    );
    await shot(page, 'runs-completed');
    expect(unexpected(problems)).toEqual([]);
  });
});

describe('retrying a submission whose answer was lost', () => {
  it('sends one Idempotency-Key per submission and the same one when it is sent again, so the run starts once', async () => {
    const audit = await api.post(`${base}/audits`, {
      name: 'Retried CRM',
      promptTags: ['smb'],
      modelConfigIds: [mockConfig.id],
    });
    const runsOf = async () =>
      (await api.get(`${base}/runs?auditId=${audit.id}&limit=10`)).data as Array<{ id: string }>;
    const { page, problems } = await open(editor, `#/w/${ws.id}/runs`);
    await heading(page, /Runs/).waitFor();
    const keys: string[] = [];
    let loseNext = true;
    // The first start reaches the API (the run is created) but its answer never comes back.
    await page.route(`**${base}/runs`, async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      keys.push((await route.request().headerValue('idempotency-key')) ?? '');
      if (!loseNext) return route.continue();
      loseNext = false;
      await route.fetch();
      await route.abort('connectionreset');
    });
    const controls = section(page, 'Start or cancel a run');
    await controls.getByLabel('Audit').selectOption(audit.id);
    await controls.getByRole('button', { name: 'Start the run' }).click();
    await controls.getByText(/cannot be reached/).waitFor();
    expect(await runsOf()).toHaveLength(1);
    await shot(page, 'run-answer-lost');

    // Sent again: the same key, so the API answers the run already started.
    await controls.getByRole('button', { name: 'Start the run' }).click();
    const started = controls.getByRole('status').filter({ hasText: /^Started: / });
    await started.waitFor();
    const runs = await runsOf();
    expect(runs).toHaveLength(1);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(keys[1]).toBe(keys[0]);
    await page.getByTestId(`run-status-${runs[0]!.id}`).waitFor();

    // A new submission after an answer is a new run, under a new key.
    await controls.getByRole('button', { name: 'Start the run' }).click();
    await expect.poll(async () => (await runsOf()).length).toBe(2);
    expect(keys).toHaveLength(3);
    expect(keys[2]).not.toBe(keys[0]);
    expect(unexpected(problems, /connection_reset|ERR_CONNECTION_RESET|Failed to load resource.*\/runs/i)).toEqual([]);
  });
});

describe('the management pages on a phone', () => {
  it('fits every page and open form on a phone screen, wide tables scrolling inside their own region', async () => {
    const { page, problems } = await open(editor, `#/w/${ws.id}/brands`);
    await page.setViewportSize({ width: 390, height: 844 });
    const fits = async (name: string) => {
      expect(await page.locator('html').evaluate((html) => html.scrollWidth), name).toBeLessThanOrEqual(390);
      await shot(page, `phone-${name}`);
    };
    await page.getByRole('button', { name: 'Add a brand' }).click();
    await section(page, 'New brand').getByLabel('Answer text').waitFor();
    await fits('brands');
    for (const [name, button] of [
      ['library', 'Add a prompt'],
      ['configurations', 'Add a configuration'],
      ['audits', 'Add an audit'],
    ] as const) {
      await page.goto(`${origin}/dashboard/#/w/${ws.id}/${name}`);
      await page.getByRole('button', { name: button }).click();
      await page.getByRole('button', { name: /^Create/ }).waitFor();
      await fits(name);
    }
    await page.goto(`${origin}/dashboard/#/w/${ws.id}/runs`);
    await page.getByRole('heading', { level: 2, name: 'Start or cancel a run' }).waitFor();
    await fits('runs');
    await page.goto(`${origin}/dashboard/#/workspaces`);
    await section(page, 'New workspace').waitFor();
    await fits('workspaces');
    expect(unexpected(problems)).toEqual([]);
  });
});

describe('roles on the management pages', () => {
  const managementPages = ['brands', 'library', 'configurations', 'audits', 'runs'] as const;
  const editControls = /^(Add a|Edit|Delete|Rename|Run now|Start the run|Create|Import prompts)/;

  it('shows a viewer every page without an edit control', async () => {
    const { page, problems } = await open(viewer, `#/w/${ws.id}/brands`);
    for (const name of managementPages) {
      await page.goto(`${origin}/dashboard/#/w/${ws.id}/${name}`);
      await page
        .getByRole('region', { name: /\(table\)$/ })
        .first()
        .waitFor();
      if (name !== 'runs') await page.getByTestId('read-only-note').waitFor();
      const buttons = await page.locator('main button').allTextContents();
      expect(
        buttons.filter((b) => editControls.test(b)),
        `${name} as a viewer`,
      ).toEqual([]);
      expect(await page.locator('main input[type="checkbox"]').count()).toBe(0);
      await shot(page, `viewer-${name}`);
    }
    await page.goto(`${origin}/dashboard/#/workspaces`);
    await page.getByTestId('read-only-note').waitFor();
    expect(await page.getByRole('heading', { name: 'New workspace' }).count()).toBe(0);
    expect((await page.locator('main button').allTextContents()).filter((b) => editControls.test(b))).toEqual([]);
    await shot(page, 'viewer-workspaces');
    expect(unexpected(problems)).toEqual([]);
  });

  it('gives an editor the workspace’s edit controls but not the organization’s members, invitations or audit log', async () => {
    const { page, problems } = await open(editor, `#/w/${ws.id}/brands`);
    await page.getByRole('button', { name: 'Add a brand' }).waitFor();
    expect(await page.getByTestId('read-only-note').count()).toBe(0);
    await page
      .getByRole('navigation', { name: 'Organization and account' })
      .getByRole('link', { name: 'Members' })
      .click();
    await heading(page, /Members/).waitFor();
    await page.getByTestId(`member-${editor.userId}`).waitFor();
    const nav = page.getByRole('navigation', { name: 'Organization and account' });
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Members', 'Workspaces', 'Account']);
    expect(await page.getByRole('heading', { name: 'Invite someone' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Edit/ }).count()).toBe(0);
    await shot(page, 'editor-members');
    expect(unexpected(problems)).toEqual([]);
  });

  it('lets an admin change the organization’s name and single sign-on rules, with the API’s refusal beside the field', async () => {
    const admin = await createPerson(ctx.app, ctx.db, { organizationId: tenant.organizationId, role: 'admin' });
    const before = (await api.get(`/v1/organizations/${tenant.organizationId}`)) as { name: string };
    const { page, problems } = await open(admin, '#/');
    await page
      .getByRole('navigation', { name: 'Organization and account' })
      .getByRole('link', { name: 'Organization' })
      .click();
    await heading(page, /Organization settings/).waitFor();
    const form = page.locator('form');
    await form.getByLabel('Single sign-on domain').fill('gmail.com');
    await form.getByRole('button', { name: 'Save settings' }).click();
    await expectFieldError(form, 'ssoDomain', /open mail service/);
    await shot(page, 'organization-refused');

    await form.getByLabel('Name').fill('  Acme Agency  ');
    await form.getByLabel('Single sign-on domain').fill('Acme-Agency-Dashboard.com');
    await form.getByLabel('Role at first sign-on').selectOption('editor');
    await form.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText(/^Saved: /).waitFor();
    const stored = (await api.get(`/v1/organizations/${tenant.organizationId}`)) as {
      name: string;
      ssoDomain: string | null;
      ssoDefaultRole: string | null;
    };
    expect(stored).toMatchObject({
      name: 'Acme Agency',
      ssoDomain: 'acme-agency-dashboard.com',
      ssoDefaultRole: 'editor',
    });
    // The form shows what the API stored, not what was typed.
    expect(await form.getByLabel('Name').inputValue()).toBe(stored.name);
    expect(await form.getByLabel('Single sign-on domain').inputValue()).toBe(stored.ssoDomain);
    await shot(page, 'organization-saved');
    expect(unexpected(problems, /400 \(Bad Request\)/)).toEqual([]);

    // Back to no single sign-on by domain, so the other tests' organization is as they expect.
    await api.patch(`/v1/organizations/${tenant.organizationId}`, {
      name: before.name,
      ssoDomain: null,
      ssoDefaultRole: null,
    });
  });

  it('reads a read-only API key’s scopes: no edit control, the workspaces it may open', async () => {
    const key = await keyFor(ctx.db, tenant.organizationId, ['read']);
    const { page, problems } = await open(key, `#/w/${ws.id}/brands`);
    await page
      .getByTestId('read-only-note')
      .filter({ hasText: /API key .*\(read\)/ })
      .waitFor();
    expect(await page.getByRole('button', { name: 'Add a brand' }).count()).toBe(0);
    await shot(page, 'read-key-brands');
    expect(unexpected(problems)).toEqual([]);
  });
});
