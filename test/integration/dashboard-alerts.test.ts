/**
 * Alerts in the dashboard, in a real browser (headless Chromium) against the API on a real port:
 * an editor adds an email rule with a digest and a Slack rule, sees the API's refusal beside the
 * field, pauses and deletes a rule; changes an existing rule (name, address, events, digest and its
 * PDF attachment, a new Slack URL or the old one kept), with refusals beside the field; reads each
 * rule's delivery log (alerts and digests, followed while one is being sent), as a viewer can too;
 * a recipient opens the unsubscribe link of an email without signing in, and a forged link says it
 * does not work. Every page and state is checked with axe-core.
 */
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  claimDigests,
  failClaimedDigest,
  insertPendingDeliveries,
  markDigestSent,
  settleAlertDelivery,
} from '../../src/modules/alerts/alerts.repo.js';
import { unsubscribeToken } from '../../src/modules/alerts/alerts.tokens.js';
import { lastPeriod } from '../../src/modules/alerts/digests.js';
import { createTenant, type TestTenant } from '../factories/index.js';
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

let ctx: TestContext;
let tenant: TestTenant;
let api: ApiClient;
let browser: Browser;
let origin: string;
let editor: TestPerson;
let viewer: TestPerson;
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
  viewer = await createPerson(ctx.app, ctx.db, { organizationId: tenant.organizationId, role: 'viewer' });
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
  page.setDefaultTimeout(PAGE_WAIT_MS);
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
    await editorSection.getByLabel('Digest', { exact: true }).selectOption('weekly');
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

  it('edits a rule’s fields with refusals beside the field, sets the digest’s PDF, and keeps a Slack URL left empty', async () => {
    const mail = await api.post(`${base}/alert-rules`, {
      name: 'Client weekly',
      channel: 'email',
      email: 'client@example.com',
      events: ['run.failed'],
      digest: 'weekly',
    });
    const slackUrl = 'https://hooks.slack.invalid/services/T9/B9/kept-secret';
    const slack = await api.post(`${base}/alert-rules`, {
      name: 'Ops Slack',
      channel: 'slack',
      slackUrl,
      events: ['run.failed'],
    });
    const { page, problems } = await open(editor, `#/w/${ws.id}/alerts`);
    await page.getByRole('button', { name: 'Edit Client weekly' }).click();
    await page.getByRole('heading', { level: 2, name: 'Edit Client weekly' }).waitFor();
    // The editor's heading follows the rule's name once saved.
    const section = page.locator('section[aria-labelledby="alert-editor-heading"]');
    expect(await section.getByLabel('Name').inputValue()).toBe('Client weekly');
    expect(await section.getByLabel('Email address').inputValue()).toBe('client@example.com');
    expect(await section.getByLabel('A run failed').isChecked()).toBe(true);
    expect(await section.getByLabel('Digest', { exact: true }).inputValue()).toBe('weekly');
    expect(await section.getByLabel('Attach the PDF report to the digest').isChecked()).toBe(false);
    await section.getByTestId('alert-channel').getByText('Channel: Email.').waitFor();
    await accessible(page, 'the editor of an email rule');

    // Neither an event nor a digest: the API's refusal shows beside the events.
    await section.getByLabel('A run failed').uncheck();
    await section.getByLabel('Digest', { exact: true }).selectOption('');
    await section.getByRole('button', { name: 'Save alert rule' }).click();
    const eventsError = section.locator('[data-field="events"] .field-error');
    await expect.poll(() => eventsError.textContent()).toMatch('choose at least one event or a digest');
    // A wrong address: beside the address.
    await section.getByLabel('Visibility changed significantly').check();
    await section.getByLabel('Email address').fill('not-an-address');
    await section.getByRole('button', { name: 'Save alert rule' }).click();
    const emailError = section.locator('[data-field="email"] .field-error');
    await expect.poll(() => emailError.textContent()).toMatch('must be an email address');
    await accessible(page, 'the editor with a refused address');
    expect((await api.get(`${base}/alert-rules/${mail.id}`)).events).toEqual(['run.failed']);

    await section.getByLabel('Name').fill('Client monthly');
    await section.getByLabel('Email address').fill('Team@Example.com');
    await section.getByLabel('Digest', { exact: true }).selectOption('monthly');
    await section.getByLabel('Attach the PDF report to the digest').check();
    await section.getByRole('button', { name: 'Save alert rule' }).click();
    await section.getByText('Saved the alert rule Client monthly.').waitFor();
    await page.getByRole('heading', { level: 2, name: 'Edit Client monthly' }).waitFor();
    expect(await api.get(`${base}/alert-rules/${mail.id}`)).toMatchObject({
      name: 'Client monthly',
      email: 'team@example.com',
      events: ['visibility.changed'],
      digest: 'monthly',
      digestPdf: true,
      active: true,
    });
    // The form shows what is stored (the address as the API keeps it), the list the new settings.
    expect(await section.getByLabel('Email address').inputValue()).toBe('team@example.com');
    await page
      .getByRole('row', { name: /Client monthly/ })
      .getByText('Monthly, PDF attached')
      .waitFor();
    await accessible(page, 'the alerts page after an edit');

    // A Slack rule: its URL is never shown in full; left empty it is kept, a private address is refused.
    await page.getByRole('button', { name: 'Edit Ops Slack' }).click();
    await page.getByRole('heading', { level: 2, name: 'Edit Ops Slack' }).waitFor();
    const slackSection = page.locator('section[aria-labelledby="alert-editor-heading"]');
    expect(await slackSection.getByLabel('Slack incoming webhook URL').inputValue()).toBe('');
    await slackSection.getByText('Now https://hooks.slack.invalid/services/… (the rest is kept secret)').waitFor();
    expect(await slackSection.getByLabel('Attach the PDF report to the digest').count()).toBe(0);
    expect(await slackSection.getByLabel('Digest', { exact: true }).count()).toBe(0);
    await slackSection.getByLabel('Slack incoming webhook URL').fill('https://127.0.0.1/services/x');
    await slackSection.getByRole('button', { name: 'Save alert rule' }).click();
    const slackError = slackSection.locator('[data-field="slackUrl"] .field-error');
    await expect.poll(() => slackError.textContent()).toMatch('private or local address');
    await slackSection.getByLabel('Slack incoming webhook URL').fill('');
    await slackSection.getByLabel('Name').fill('Ops channel');
    await slackSection.getByLabel('A run stopped at its budget').check();
    await slackSection.getByRole('button', { name: 'Save alert rule' }).click();
    await slackSection.getByText('Saved the alert rule Ops channel.').waitFor();
    const stored = await ctx.db.prisma.alertRule.findUniqueOrThrow({ where: { id: slack.id } });
    expect(stored).toMatchObject({ name: 'Ops channel', slackUrl, events: ['run.failed', 'run.budget_stopped'] });
    await accessible(page, 'the editor of a Slack rule after saving');
    expect(unexpected(problems, /status of 400/)).toEqual([]);
  });

  it('shows each rule’s delivery log, alerts and digests with their status, attempts and errors, followed while sending', async () => {
    const rule = await api.post(`${base}/alert-rules`, {
      name: 'Logged client',
      channel: 'email',
      email: 'logged@example.com',
      events: ['run.failed', 'budget.monthly_80', 'visibility.changed'],
      digest: 'weekly',
      digestPdf: true,
    });
    const { pool } = ctx.db;
    const payload = (type: string, title: string) => ({
      type,
      workspaceId: ws.id,
      title,
      lines: ['figures'],
      link: `/dashboard/#/w/${ws.id}/overview`,
    });
    const [delivered, failed, sending] = await insertPendingDeliveries(pool, [
      {
        ruleId: rule.id,
        dedupKey: 'run.failed:r1',
        eventType: 'run.failed',
        payload: payload('run.failed', 'A run failed'),
      },
      {
        ruleId: rule.id,
        dedupKey: 'budget:a1:2026-12',
        eventType: 'budget.monthly_80',
        payload: payload('budget.monthly_80', 'Budget 80% spent'),
      },
      {
        ruleId: rule.id,
        dedupKey: 'visibility:r2',
        eventType: 'visibility.changed',
        payload: payload('visibility.changed', 'Visibility changed'),
      },
    ]);
    expect(delivered && failed && sending).toBeTruthy();
    await settleAlertDelivery(pool, delivered as string, 'succeeded', null);
    await settleAlertDelivery(pool, failed as string, 'pending', 'connect ECONNREFUSED');
    await settleAlertDelivery(pool, failed as string, 'failed', '550 5.1.1 mailbox unavailable');
    const week = lastPeriod('weekly', 'Europe/Paris', new Date());
    const before = { start: new Date(week.start.getTime() - 7 * 86_400_000), end: week.start };
    const [sent] = await claimDigests(pool, [{ ruleId: rule.id, workspaceId: ws.id, ...week }]);
    const [lost] = await claimDigests(pool, [{ ruleId: rule.id, workspaceId: ws.id, ...before }]);
    await markDigestSent(pool, sent as string);
    await failClaimedDigest(pool, lost as string, '421 service not available');

    const { page, problems } = await open(viewer, `#/w/${ws.id}/alerts`);
    // A viewer reads the log but is offered no change.
    await page.getByRole('row', { name: /Logged client/ }).waitFor();
    expect(await page.getByRole('button', { name: 'Edit Logged client' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Delivery log of Logged client' }).click();
    const log = page
      .locator('section')
      .filter({ has: page.getByRole('heading', { level: 2, name: 'Delivery log of Logged client' }) });
    await log.getByText('Email to logged@example.com.').waitFor();
    const cells = async (testId: string) =>
      (await log.getByTestId(testId).locator('th, td').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    await log.getByTestId(`alert-delivery-${delivered}`).waitFor();
    expect((await cells(`alert-delivery-${delivered}`)).slice(1, 5)).toEqual([
      'A run failed A run failed',
      'Email',
      'Delivered',
      '1',
    ]);
    const failedCells = await cells(`alert-delivery-${failed}`);
    expect(failedCells.slice(1, 5)).toEqual(['80% of a monthly budget spent Budget 80% spent', 'Email', 'Failed', '2']);
    expect(failedCells[6]).toBe('—');
    expect(failedCells[7]).toBe('550 5.1.1 mailbox unavailable');
    expect((await cells(`alert-delivery-${sending}`)).slice(3, 5)).toEqual(['Being sent', '0']);
    await log.getByText('Something is being sent; this log refreshes every 2 seconds.').waitFor();
    // Newest first.
    expect(
      await log
        .locator('[data-testid^="alert-delivery-"]')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid'))),
    ).toEqual([`alert-delivery-${sending}`, `alert-delivery-${failed}`, `alert-delivery-${delivered}`]);
    const day = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'Europe/Paris' });
    const label = (p: { start: Date; end: Date }) =>
      `${day.format(p.start)} – ${day.format(new Date(p.end.getTime() - 1))}`;
    // The digests are a request of their own, which may answer after the alerts.
    await log.getByTestId(`alert-digest-${sent}`).waitFor();
    expect(await cells(`alert-digest-${sent}`)).toEqual([label(week), 'Sent', expect.any(String), '—']);
    expect(await cells(`alert-digest-${lost}`)).toEqual([label(before), 'Failed', '—', '421 service not available']);
    await log.getByRole('columnheader', { name: 'Period (Europe/Paris)' }).waitFor();
    await accessible(page, 'the delivery log of an email rule');

    // The alert being sent goes out: the open log follows it without a reload.
    await settleAlertDelivery(pool, sending as string, 'succeeded', null);
    await expect.poll(async () => (await cells(`alert-delivery-${sending}`))[3], { timeout: 10_000 }).toBe('Delivered');
    await log.getByText('Something is being sent').waitFor({ state: 'detached' });
    expect(unexpected(problems)).toEqual([]);
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
