/**
 * Alerts in the dashboard, in a real browser (headless Chromium) against the API on a real port:
 * an editor adds an email rule with a digest and a Slack rule, sees the API's refusal beside the
 * field, pauses and deletes a rule; a recipient opens the unsubscribe link of an email without
 * signing in, and a forged link says it does not work. Every page and state is checked with axe-core.
 */
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unsubscribeToken } from '../../src/modules/alerts/alerts.tokens.js';
import { createTenant, type TestTenant } from '../factories/index.js';
import { createPerson, type TestPerson } from '../factories/people.js';
import { type ApiClient, apiClient } from '../helpers/api.js';
import { accessibilityProblems, assertBrowserTestsCanRun, launchChromium, watchProblems } from '../helpers/browser.js';
import { createTestContext, type TestContext } from '../helpers/context.js';
import { freePort } from '../helpers/processes.js';

let ctx: TestContext;
let tenant: TestTenant;
let api: ApiClient;
let browser: Browser;
let origin: string;
let editor: TestPerson;
let ws: { id: string; name: string };
let base: string;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  assertBrowserTestsCanRun();
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  ctx = await createTestContext({ PUBLIC_BASE_URL: origin, OPENAI_COMPATIBLE_ALLOW_PRIVATE_HOSTS: 'false' });
  await ctx.app.listen({ host: '127.0.0.1', port });
  expect((ctx.app.server.address() as AddressInfo).port).toBe(port);
  tenant = await createTenant(ctx.db);
  api = apiClient(ctx.app, tenant.headers);
  ws = await api.post('/v1/workspaces', { name: 'Acme EU', timezone: 'Europe/Paris' });
  base = `/v1/workspaces/${ws.id}`;
  editor = await createPerson(ctx.app, ctx.db, { organizationId: tenant.organizationId, role: 'editor' });
  browser = await launchChromium();
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await ctx?.close();
});

async function open(who: TestPerson | null, hash: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  contexts.push(context);
  if (who) {
    const [name, ...value] = who.cookie.split('=');
    await context.addCookies([{ name: name as string, value: value.join('='), url: origin }]);
  }
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const problems = watchProblems(page);
  await page.goto(`${origin}/dashboard/${hash}`);
  return { page, problems };
}

const accessible = async (page: Page, what: string) =>
  expect(await accessibilityProblems(page), `accessibility of ${what}`).toEqual([]);
const unexpected = (problems: string[], ...expected: RegExp[]) =>
  problems.filter((p) => !expected.some((e) => e.test(p)));

describe('alerts in the dashboard', () => {
  it('adds an email rule with a digest and a Slack rule, shows refusals beside the field, pauses and deletes', async () => {
    const { page, problems } = await open(editor, `#/w/${ws.id}/alerts`);
    await page.getByRole('heading', { level: 1, name: /Alerts and digests/ }).waitFor();
    await page.getByText('No alert rule yet').waitFor();
    await accessible(page, 'the empty alerts page');

    await page.getByRole('button', { name: 'Add an alert rule' }).click();
    const editorSection = page
      .locator('section')
      .filter({ has: page.getByRole('heading', { level: 2, name: 'New alert rule' }) });
    await editorSection.getByLabel('Name').fill('Client team');
    await editorSection.getByLabel('Email address').fill('not-an-address');
    await editorSection.getByLabel('A run failed').check();
    await editorSection.getByRole('button', { name: 'Create alert rule' }).click();
    const emailError = editorSection.locator('[data-field="email"] .field-error');
    await expect.poll(() => emailError.textContent()).toMatch('must be an email address');
    await accessible(page, 'the alert form with a refused address');

    await editorSection.getByLabel('Email address').fill('client@example.com');
    await editorSection.getByLabel('Digest').selectOption('weekly');
    await editorSection.getByRole('button', { name: 'Create alert rule' }).click();
    await editorSection.getByText('Created the alert rule Client team.').waitFor();
    const rules = (await api.get(`${base}/alert-rules`)).data;
    expect(rules).toMatchObject([
      { name: 'Client team', email: 'client@example.com', events: ['run.failed'], digest: 'weekly' },
    ]);
    await page
      .getByRole('row', { name: /Client team/ })
      .getByText('Weekly')
      .waitFor();

    // A Slack URL on a private address is refused by the API's egress rules, beside the field.
    await editorSection.getByLabel('Name').fill('Agency Slack');
    await editorSection.getByLabel('Channel').selectOption('slack');
    await editorSection.getByLabel('Slack incoming webhook URL').fill('https://127.0.0.1/services/x');
    await editorSection.getByLabel('Visibility changed significantly').check();
    await editorSection.getByRole('button', { name: 'Create alert rule' }).click();
    const slackError = editorSection.locator('[data-field="slackUrl"] .field-error');
    await expect.poll(() => slackError.textContent()).toMatch('private or local address');
    await accessible(page, 'the alert form with a refused Slack URL');
    await editorSection
      .getByLabel('Slack incoming webhook URL')
      .fill('https://hooks.slack.invalid/services/T1/B2/secret');
    await editorSection.getByRole('button', { name: 'Create alert rule' }).click();
    await editorSection.getByText('Created the alert rule Agency Slack.').waitFor();
    await page
      .getByRole('row', { name: /Agency Slack/ })
      .getByText('Slack (https://hooks.slack.invalid/services/…)')
      .waitFor();
    await accessible(page, 'the alerts page with two rules');

    await page.getByRole('button', { name: 'Pause Client team' }).click();
    await page.getByText('Paused the alert rule Client team.').waitFor();
    expect(
      (await api.get(`${base}/alert-rules`)).data.find((r: { name: string }) => r.name === 'Client team').active,
    ).toBe(false);
    await page.getByRole('button', { name: 'Delete Agency Slack' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete Agency Slack' }).click();
    await page.getByText('Deleted the alert rule Agency Slack.').waitFor();
    await accessible(page, 'the alerts page after a deletion');
    expect((await api.get(`${base}/alert-rules`)).data).toHaveLength(1);
    expect(unexpected(problems, /status of 400/)).toEqual([]);
  });

  it('unsubscribes from an email’s link without signing in, and says so when a link does not work', async () => {
    const rule = await api.post(`${base}/alert-rules`, {
      name: 'Weekly client digest',
      channel: 'email',
      email: 'reader@example.com',
      digest: 'weekly',
    });
    const stored = await ctx.db.prisma.alertRule.findUniqueOrThrow({ where: { id: rule.id } });
    const token = unsubscribeToken(rule.id, stored.unsubscribeSecret);
    // The link as emails give it: the page named in the query.
    const { page, problems } = await open(null, `?page=unsubscribe&token=${encodeURIComponent(token)}`);
    await page.getByRole('heading', { level: 1, name: 'Unsubscribe' }).waitFor();
    await page
      .getByText('Stop the emails of the alert rule “Weekly client digest” of workspace Acme EU to r•••••@example.com')
      .waitFor();
    await accessible(page, 'the unsubscribe page');
    await page.getByRole('button', { name: 'Unsubscribe' }).click();
    await page.getByRole('status').getByText('no longer receives the emails of “Weekly client digest”').waitFor();
    await accessible(page, 'the unsubscribe page once done');
    expect(await api.get(`${base}/alert-rules/${rule.id}`)).toMatchObject({
      active: false,
      unsubscribedAt: expect.any(String),
    });
    // Nobody is signed in: the app's look-up of the session is refused, as on every page opened from an email.
    expect(unexpected(problems, /status of 401 .*\/v1\/me$/)).toEqual([]);

    const forged = await open(
      null,
      `#/unsubscribe?token=${encodeURIComponent(`${token.split('.')[0]}.${'A'.repeat(32)}`)}`,
    );
    await forged.page.getByRole('alert').getByText('This unsubscribe link is not valid').waitFor();
    await accessible(forged.page, 'the unsubscribe page of a forged link');
    expect(await forged.page.getByRole('button', { name: 'Unsubscribe' }).count()).toBe(0);
    expect(unexpected(forged.problems, /status of 404/, /status of 401 .*\/v1\/me$/)).toEqual([]);

    const empty = await open(null, '#/unsubscribe');
    await empty.page.getByRole('alert').getByText('This link has no unsubscribe token').waitFor();
    await accessible(empty.page, 'the unsubscribe page without a token');
  });
});
