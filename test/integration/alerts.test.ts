/**
 * Alerts and digests end to end: a real worker sends email to an in-process SMTP server and Slack
 * messages to a local HTTP server standing in for Slack; deliveries are logged, retried and
 * de-duplicated; the unsubscribe link works without signing in; a digest goes out once per rule
 * and period with two schedulers racing.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/lib/ids.js';
import { digestTick, lastPeriod } from '../../src/modules/alerts/digests.js';
import { jobIds, RUNS_QUEUE } from '../../src/queues/names.js';
import { createTenant, type TestTenant } from '../factories/index.js';
import { apiClient, seedWorkspace, type ApiClient } from '../helpers/api.js';
import { createTestContext, waitFor, type TestContext } from '../helpers/context.js';
import { readPdf } from '../helpers/pdf.js';
import { startSmtp, type SmtpCatcher } from '../helpers/smtp.js';
import { Receiver } from '../helpers/webhook-receiver.js';

let ctx: TestContext;
let tenant: TestTenant;
let api: ApiClient;
let smtp: SmtpCatcher;
const slack = new Receiver();

beforeAll(async () => {
  await slack.start();
  smtp = await startSmtp();
  ctx = await createTestContext({
    OPENAI_COMPATIBLE_ALLOW_PRIVATE_HOSTS: 'true',
    WEBHOOK_BACKOFF_MS: '10',
    WEBHOOK_MAX_ATTEMPTS: '3',
    SMTP_URL: smtp.url,
    PUBLIC_BASE_URL: 'https://citewatch.example',
  });
  tenant = await createTenant(ctx.db);
  api = apiClient(ctx.app, tenant.headers);
  ctx.startWorker();
});
afterAll(async () => {
  await ctx.close();
  await smtp.close();
  await slack.stop();
});

const deliveries = (base: string, ruleId: string) =>
  waitFor(async () => {
    const page = await api.get(`${base}/alert-rules/${ruleId}/deliveries`);
    return page.data.length && page.data.every((d: { status: string }) => d.status !== 'pending') ? page.data : null;
  }, 'alert deliveries to settle');

/** The link after "Unsubscribe:" in a plain-text email. */
const unsubscribeUrl = (text: string) => /Unsubscribe:\n(\S+)/.exec(text)?.[1] ?? '';

async function finishedRun(
  ws: { id: string },
  auditId: string,
  promptId: string,
  configId: string,
  n: number,
  mentions: Record<string, number>,
  createdAt: Date,
  extra: { cost?: number; citations?: string[] } = {},
) {
  const runId = newId();
  const { pool } = ctx.db;
  await pool.query(
    `INSERT INTO runs (id, workspace_id, audit_id, status, samples_per_pair, total, succeeded, failed, analyzed, actual_cost_usd, created_at, started_at, finished_at, analyzed_at, followups_done_at)
     VALUES ($1, $2, $3, 'completed', $4, $4, $4, 0, $4, $6, $5, $5, $5, $5, $5)`,
    [runId, ws.id, auditId, n, createdAt, extra.cost ?? 0],
  );
  const ids = Array.from({ length: n }, () => newId());
  await pool.query(
    `INSERT INTO responses (id, run_id, workspace_id, prompt_id, model_config_id, sample_index, provider, channel, model, config_hash, status, text, analyzed_at, completed_at)
     SELECT u.id, $2, $3, $4, $5, u.i - 1, 'mock', 'mock', 'mock-1', 'h', 'succeeded', 'answer', now(), now()
       FROM unnest($1::uuid[]) WITH ORDINALITY AS u(id, i)`,
    [ids, runId, ws.id, promptId, configId],
  );
  for (const [brandId, k] of Object.entries(mentions)) {
    await pool.query(
      `INSERT INTO mentions (response_id, workspace_id, brand_id, count, spans, first_offset, rank, sentiment, sentiment_label, snippet, matched_alias)
       SELECT id, $2, $3, 1, '[[0,6]]', 0, 1, 0, 'neutral', 'answer', 'x' FROM unnest($1::uuid[]) AS id`,
      [ids.slice(0, k), ws.id, brandId],
    );
  }
  for (const [i, domain] of (extra.citations ?? []).entries()) {
    await pool.query(
      `INSERT INTO citations (response_id, workspace_id, position, url, domain, source) VALUES ($1, $2, $3, $4, $5, 'annotation')`,
      [ids[i % n], ws.id, Math.floor(i / n) + 1, `https://${domain}/page-${i}`, domain],
    );
  }
  return runId;
}

/**
 * Which of a tick's claims are for this rule. A tick claims across the whole database, where other
 * tests' rules live too, and a period boundary of some time zone may pass while a test runs (a weekly
 * rule in Paris is due from 23:00 UTC on Sundays), so assertions look at their own rule's claims.
 */
async function claimedFor(ruleId: string, claims: string[]): Promise<string[]> {
  const { rows } = await ctx.db.pool.query<{ id: string }>(
    'SELECT id FROM digest_sends WHERE rule_id = $1 AND id = ANY($2::uuid[])',
    [ruleId, claims],
  );
  return rows.map((r) => r.id);
}

describe('alert rules API', () => {
  it('validates rules, naming the field, and hides the Slack URL’s secret path', async () => {
    const { base } = await seedWorkspace(api, { prompts: 1 });
    const noEmail = await api.send(
      'POST',
      `${base}/alert-rules`,
      { name: 'x', channel: 'email', events: ['run.failed'] },
      400,
    );
    expect(noEmail.body).toMatchObject({ code: 'validation_failed', errors: [{ path: 'body.email' }] });
    const slackDigest = await api.send(
      'POST',
      `${base}/alert-rules`,
      { name: 'x', channel: 'slack', slackUrl: 'https://hooks.slack.invalid/services/T/B/secret', digest: 'weekly' },
      400,
    );
    expect(slackDigest.body.errors[0].path).toBe('body.digest');
    const nothing = await api.send(
      'POST',
      `${base}/alert-rules`,
      { name: 'x', channel: 'email', email: 'a@b.co' },
      400,
    );
    expect(nothing.body.errors[0].path).toBe('body.events');
    const badEvent = await api.send(
      'POST',
      `${base}/alert-rules`,
      { name: 'x', channel: 'email', email: 'a@b.co', events: ['run.done'] },
      400,
    );
    expect(badEvent.body.errors[0].path).toMatch(/^body\.events/);

    const rule = (
      await api.send(
        'POST',
        `${base}/alert-rules`,
        {
          name: 'Slack',
          channel: 'slack',
          slackUrl: 'https://hooks.slack.invalid/services/T1/B2/secret',
          events: ['run.failed'],
        },
        201,
      )
    ).body;
    expect(rule).toMatchObject({
      channel: 'slack',
      slackUrl: 'https://hooks.slack.invalid/services/…',
      active: true,
      email: null,
    });
    expect(JSON.stringify(await api.get(`${base}/alert-rules`))).not.toContain('secret');
    const wrong = await api.send('PATCH', `${base}/alert-rules/${rule.id}`, { email: 'a@b.co' }, 400);
    expect(wrong.body.errors[0].path).toBe('body.email');
    expect(
      (await api.patch(`${base}/alert-rules/${rule.id}`, { events: ['run.failed', 'domain.new_top'] })).events,
    ).toEqual(['run.failed', 'domain.new_top']);
    await api.send('DELETE', `${base}/alert-rules/${rule.id}`, undefined, 204);
    await api.send('GET', `${base}/alert-rules/${rule.id}`, undefined, 404);
  });
});

describe('alert deliveries', () => {
  it('emails a significant visibility change with the figures and an unsubscribe link that works without signing in', async () => {
    const { ws, base, prompts, configs } = await seedWorkspace(api, { prompts: 1, brands: ['Rising', 'Steady'] });
    const brands = Object.fromEntries(
      (await api.get(`${base}/brands`)).data.map((b: { name: string; id: string }) => [b.name, b.id]),
    );
    const audit = await api.post(`${base}/audits`, {
      name: 'Trend',
      promptTags: ['crm'],
      modelConfigIds: [configs[0].id],
    });
    const email = `client-${randomUUID().slice(0, 8)}@example.com`;
    const rule = await api.post(`${base}/alert-rules`, {
      name: 'Client team',
      channel: 'email',
      email,
      events: ['visibility.changed'],
    });
    const t0 = new Date(Date.now() - 86_400_000);
    await finishedRun(ws, audit.id, prompts[0].id, configs[0].id, 40, { [brands.Rising]: 4, [brands.Steady]: 20 }, t0);
    const current = await finishedRun(
      ws,
      audit.id,
      prompts[0].id,
      configs[0].id,
      40,
      { [brands.Rising]: 30, [brands.Steady]: 21 },
      new Date(t0.getTime() + 3_600_000),
    );
    await ctx.producers.runFinished(current);
    const [delivery] = await deliveries(base, rule.id);
    expect(delivery).toMatchObject({
      status: 'succeeded',
      attempts: 1,
      eventType: 'visibility.changed',
      dedupKey: `visibility.changed:${current}`,
    });
    const msg = await smtp.waitFor((m) => m.to === email);
    expect(msg.subject).toContain('Visibility changed significantly');
    expect(msg.text).toContain('Rising: 10.0% (n=40) → 75.0% (n=40), up, 95% CI of the change');
    expect(msg.text).not.toContain('Steady');
    expect(msg.text).toContain(`https://citewatch.example/dashboard/#/w/${ws.id}/overview`);
    expect(msg.html).toContain('Rising: 10.0% (n=40) → 75.0% (n=40)');
    const link = unsubscribeUrl(msg.text);
    expect(link).toMatch(/^https:\/\/citewatch\.example\/dashboard\/\?page=unsubscribe&token=/);
    expect(msg.headers['list-unsubscribe']).toBe(`<${link}>`);
    expect(msg.html).toContain('Unsubscribe</a>');

    // The run's follow-up running again sends nothing more.
    await ctx.producers.runFinished(current);
    await waitFor(
      async () => !(await ctx.producers.queue(RUNS_QUEUE).getJob(jobIds.runFinished(current))),
      'the repeated follow-up',
    );
    expect((await api.get(`${base}/alert-rules/${rule.id}/deliveries`)).data).toHaveLength(1);
    expect(smtp.messages.filter((m) => m.to === email)).toHaveLength(1);

    // Unsubscribing: no credentials, the token only.
    const token = new URL(link).searchParams.get('token') ?? '';
    const info = await ctx.app.inject({
      method: 'GET',
      url: `/v1/alerts/unsubscribe?token=${encodeURIComponent(token)}`,
    });
    expect(info.statusCode, info.body).toBe(200);
    expect(info.json()).toMatchObject({ ruleName: 'Client team', workspaceName: 'Seeded', unsubscribed: false });
    expect(info.json().email).toMatch(/^c•+@example\.com$/);
    const forged = `${token.split('.')[0]}.${'A'.repeat(32)}`;
    const refused = await ctx.app.inject({ method: 'POST', url: '/v1/alerts/unsubscribe', payload: { token: forged } });
    expect(refused.statusCode).toBe(404);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    for (let i = 0; i < 2; i++) {
      const done = await ctx.app.inject({ method: 'POST', url: '/v1/alerts/unsubscribe', payload: { token } });
      expect(done.statusCode).toBe(200);
      expect(done.json()).toMatchObject({ unsubscribed: true });
    }
    const after = await api.get(`${base}/alert-rules/${rule.id}`);
    expect(after).toMatchObject({ active: false, unsubscribedAt: expect.any(String) });
    await waitFor(async () => {
      const page = await api.get(`/v1/audit-log?action=alert_rule.unsubscribe&workspaceId=${ws.id}`);
      return page.data.length === 1 ? page.data : null;
    }, 'the unsubscribe in the audit log');
  });

  it('posts run.failed to Slack as blocks with the figures and a link back, retried until Slack answers 2xx, once per run', async () => {
    const { base, configs } = await seedWorkspace(api, { prompts: 1, configs: [{ failureRate: 1 }] });
    const path = `/services/T1/B2/${randomUUID()}`;
    const url = slack.script(path, [500, 200]);
    const rule = await api.post(`${base}/alert-rules`, {
      name: 'Agency Slack',
      channel: 'slack',
      slackUrl: url,
      events: ['run.failed'],
    });
    const audit = await api.post(`${base}/audits`, {
      name: 'Fails',
      promptTags: ['crm'],
      modelConfigIds: [configs[0].id],
    });
    const run = await api.post(`${base}/runs`, { auditId: audit.id });
    const [delivery] = await deliveries(base, rule.id);
    expect(delivery).toMatchObject({
      status: 'succeeded',
      attempts: 2,
      eventType: 'run.failed',
      dedupKey: `run.failed:${run.id}`,
      error: null,
    });
    const requests = slack.at(path);
    expect(requests).toHaveLength(2);
    expect(requests[1]!.headers['content-type']).toBe('application/json');
    const body = JSON.parse(requests[1]!.body);
    expect(body.text).toContain('A run failed');
    expect(body.blocks.map((b: { type: string }) => b.type)).toEqual(['header', 'section', 'context', 'actions']);
    expect(body.blocks[1].text.text).toContain('Answers: 0 succeeded, 1 failed');
    expect(body.blocks[3].elements[0].url).toBe(
      `https://citewatch.example/dashboard/#/w/${run.workspaceId}/runs?run=${run.id}`,
    );

    await ctx.producers.runFinished(run.id);
    await waitFor(
      async () => !(await ctx.producers.queue(RUNS_QUEUE).getJob(jobIds.runFinished(run.id))),
      'the repeated follow-up',
    );
    expect((await api.get(`${base}/alert-rules/${rule.id}/deliveries`)).data).toHaveLength(1);
    expect(slack.at(path)).toHaveLength(2);
  });

  it('gives up after the last attempt and logs the error', async () => {
    const { base, configs } = await seedWorkspace(api, { prompts: 1, configs: [{ failureRate: 1 }] });
    const path = `/services/down/${randomUUID()}`;
    const url = slack.script(path, [503]);
    const rule = await api.post(`${base}/alert-rules`, {
      name: 'Down',
      channel: 'slack',
      slackUrl: url,
      events: ['run.failed'],
    });
    const audit = await api.post(`${base}/audits`, {
      name: 'Fails',
      promptTags: ['crm'],
      modelConfigIds: [configs[0].id],
    });
    await api.post(`${base}/runs`, { auditId: audit.id });
    const [delivery] = await deliveries(base, rule.id);
    expect(delivery).toMatchObject({ status: 'failed', attempts: 3, error: 'Slack answered HTTP 503' });
    expect(slack.at(path)).toHaveLength(3);
  });

  it('warns once a month at 80% of an audit’s monthly budget, and when a domain enters the top cited sources', async () => {
    const { ws, base, prompts, configs } = await seedWorkspace(api, { prompts: 1, brands: ['Own'] });
    const audit = await api.post(`${base}/audits`, {
      name: 'Budgeted',
      promptTags: ['crm'],
      modelConfigIds: [configs[0].id],
      budgetPerMonthUsd: 10,
    });
    const email = `budget-${randomUUID().slice(0, 8)}@example.com`;
    const rule = await api.post(`${base}/alert-rules`, {
      name: 'Ops',
      channel: 'email',
      email,
      events: ['budget.monthly_80', 'domain.new_top'],
    });
    const now = Date.now();
    await finishedRun(ws, audit.id, prompts[0].id, configs[0].id, 5, {}, new Date(now - 120_000), {
      cost: 5,
      citations: ['old.example'],
    });
    const second = await finishedRun(ws, audit.id, prompts[0].id, configs[0].id, 5, {}, new Date(now - 60_000), {
      cost: 3.5,
      citations: ['fresh.example', 'fresh.example'],
    });
    await ctx.producers.runFinished(second);
    const settled = await waitFor(async () => {
      const page = await api.get(`${base}/alert-rules/${rule.id}/deliveries`);
      return page.data.length === 2 && page.data.every((d: { status: string }) => d.status === 'succeeded')
        ? page.data
        : null;
    }, 'two alerts');
    const month = new Date(now - 60_000).toISOString().slice(0, 7);
    expect(settled.map((d: { dedupKey: string }) => d.dedupKey).sort()).toEqual([
      `budget.monthly_80:${audit.id}:${month}`,
      `domain.new_top:fresh.example:${second}`,
    ]);
    const budgetMail = await smtp.waitFor((m) => m.to === email && m.subject.includes('monthly budget'));
    expect(budgetMail.text).toContain('$8.50 of $10.00');
    const domainMail = await smtp.waitFor((m) => m.to === email && m.subject.includes('fresh.example'));
    expect(domainMail.text).toContain('entered the top 10 cited sources');

    // A third run in the same month: the budget alert is not sent again.
    const third = await finishedRun(ws, audit.id, prompts[0].id, configs[0].id, 5, {}, new Date(now - 30_000), {
      cost: 0.5,
    });
    await ctx.producers.runFinished(third);
    await waitFor(
      async () => !(await ctx.producers.queue(RUNS_QUEUE).getJob(jobIds.runFinished(third))),
      'the third follow-up',
    );
    expect((await api.get(`${base}/alert-rules/${rule.id}/deliveries`)).data).toHaveLength(2);
  });
});

describe('digests', () => {
  it('sends one digest per rule and period, with the period’s figures, whatever the number of schedulers racing', async () => {
    const { ws, base, prompts, configs } = await seedWorkspace(api, { prompts: 1, brands: ['Own', 'Rival'] });
    await api.patch(`/v1/workspaces/${ws.id}`, { timezone: 'Europe/Paris' });
    const brands = Object.fromEntries(
      (await api.get(`${base}/brands`)).data.map((b: { name: string; id: string }) => [b.name, b.id]),
    );
    await ctx.db.pool.query(`UPDATE brands SET kind = 'own' WHERE id = $1`, [brands.Own]);
    await ctx.db.pool.query(`UPDATE brands SET kind = 'competitor' WHERE id = $1`, [brands.Rival]);
    const audit = await api.post(`${base}/audits`, {
      name: 'Weekly',
      promptTags: ['crm'],
      modelConfigIds: [configs[0].id],
    });
    const email = `digest-${randomUUID().slice(0, 8)}@example.com`;
    const rule = await api.post(`${base}/alert-rules`, {
      name: 'Weekly digest',
      channel: 'email',
      email,
      digest: 'weekly',
      digestPdf: true,
    });
    expect(rule.digestPdf).toBe(true);
    const now = new Date();
    const period = lastPeriod('weekly', 'Europe/Paris', now);
    // The rule existed before the period ended.
    await ctx.db.pool.query('UPDATE alert_rules SET created_at = $2 WHERE id = $1', [
      rule.id,
      new Date(period.start.getTime() - 86_400_000),
    ]);
    const week = period.end.getTime() - period.start.getTime();
    await finishedRun(
      ws,
      audit.id,
      prompts[0].id,
      configs[0].id,
      50,
      { [brands.Own]: 10, [brands.Rival]: 25 },
      new Date(period.start.getTime() - week / 2),
      {
        citations: ['a.example'],
      },
    );
    await finishedRun(
      ws,
      audit.id,
      prompts[0].id,
      configs[0].id,
      50,
      { [brands.Own]: 40, [brands.Rival]: 24 },
      new Date(period.start.getTime() + week / 2),
      {
        citations: ['b.example', 'b.example'],
      },
    );

    const second = ctx.startWorker();
    const ticks = await Promise.all([digestTick(ctx, now), digestTick(ctx, now), digestTick(ctx, now)]);
    expect(await claimedFor(rule.id, ticks.flat())).toHaveLength(1);
    const msg = await smtp.waitFor((m) => m.to === email);
    expect(msg.subject).toMatch(/^Weekly digest — Seeded — /);
    expect(msg.text).toContain('Own: mentioned in 80.0% of answers (95% CI');
    expect(msg.text).toContain('n=50');
    expect(msg.text).toMatch(/Own: 20\.0% → 80\.0% \(\+60\.0 pts, 95% CI/);
    expect(msg.text).toContain('Top movers among competitors\n- Rival: −2.0 pts to 48.0%');
    expect(msg.text).toContain('b.example: 100.0% of cited sources (new)');
    expect(msg.text).toContain(`https://citewatch.example/dashboard/#/w/${ws.id}/overview?from=`);
    expect(unsubscribeUrl(msg.text)).toContain('page=unsubscribe');
    // The period's PDF report, attached: read back from the message as the SMTP server received it.
    expect(msg.partTypes).toContain('application/pdf');
    const day = (x: Date) => x.toISOString().slice(0, 10);
    expect(msg.raw).toContain(`citewatch-digest-${day(period.start)}-${day(new Date(period.end.getTime() - 1))}.pdf`);
    const part = /Content-Type: application\/pdf[\s\S]*?\r?\n\r?\n([A-Za-z0-9+/=\r\n]+)/.exec(msg.raw);
    const attached = await readPdf(Buffer.from((part?.[1] ?? '').replace(/\s+/g, ''), 'base64'));
    expect(attached.pages).toBeGreaterThan(0);
    expect(attached.text.join('\n')).toContain('Seeded');
    expect(attached.text.join('\n')).toContain('Own');
    await waitFor(async () => {
      const { rows } = await ctx.db.pool.query(`SELECT status FROM digest_sends WHERE rule_id = $1`, [rule.id]);
      return rows.length === 1 && rows[0].status === 'sent';
    }, 'the digest marked sent');
    // Later ticks of the same period claim nothing more.
    expect(await claimedFor(rule.id, await digestTick(ctx, new Date(now.getTime() + 60_000)))).toEqual([]);
    expect(smtp.messages.filter((m) => m.to === email)).toHaveLength(1);
    await second.close();
  });

  it('hands a claim whose job was lost out again, and never sends a digest marked sent', async () => {
    const { ws } = await seedWorkspace(api, { prompts: 1 });
    const base = `/v1/workspaces/${ws.id}`;
    const email = `lost-${randomUUID().slice(0, 8)}@example.com`;
    const rule = await api.post(`${base}/alert-rules`, { name: 'Monthly', channel: 'email', email, digest: 'monthly' });
    const now = new Date();
    const period = lastPeriod('monthly', 'UTC', now);
    // A claim made before a restart whose job never ran (Redis lost it).
    await ctx.db.pool.query(
      `INSERT INTO digest_sends (id, rule_id, workspace_id, period_start, period_end, claimed_at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [newId(), rule.id, ws.id, period.start, period.end, new Date(now.getTime() - 3_600_000)],
    );
    const again = await claimedFor(rule.id, await digestTick(ctx, now));
    expect(again).toHaveLength(1);
    await smtp.waitFor((m) => m.to === email && m.subject.startsWith('Monthly digest'));
    await waitFor(async () => {
      const { rows } = await ctx.db.pool.query(`SELECT status, attempts FROM digest_sends WHERE rule_id = $1`, [
        rule.id,
      ]);
      return rows[0]?.status === 'sent' ? rows : null;
    }, 'the digest marked sent');
    await ctx.producers.enqueueDigests(again, { attempts: 1, backoffMs: 10 });
    expect(await claimedFor(rule.id, await digestTick(ctx, new Date(now.getTime() + 60_000)))).toEqual([]);
    expect(smtp.messages.filter((m) => m.to === email)).toHaveLength(1);

    // The rule's digest log: the period, handed out twice, sent once.
    const log = await api.get(`${base}/alert-rules/${rule.id}/digests`);
    expect(log).toEqual({
      data: [
        {
          id: again[0],
          ruleId: rule.id,
          frequency: 'monthly',
          periodStart: period.start.toISOString(),
          periodEnd: period.end.toISOString(),
          status: 'sent',
          attempts: 2,
          error: null,
          claimedAt: expect.any(String),
          sentAt: expect.any(String),
        },
      ],
      nextCursor: null,
    });
    expect((await api.get(`${base}/alert-rules/${rule.id}/digests?status=failed`)).data).toEqual([]);
  });

  it('lists a rule’s digests newest first, a page at a time, and only in the rule’s workspace', async () => {
    const { ws } = await seedWorkspace(api, { prompts: 1 });
    const base = `/v1/workspaces/${ws.id}`;
    const rule = await api.post(`${base}/alert-rules`, {
      name: 'Weekly',
      channel: 'email',
      email: 'log@example.com',
      digest: 'weekly',
    });
    const week = 7 * 86_400_000;
    const first = lastPeriod('weekly', 'UTC', new Date());
    const ids: string[] = [];
    for (let i = 3; i >= 1; i--) {
      const id = newId();
      ids.push(id);
      await ctx.db.pool.query(
        `INSERT INTO digest_sends (id, rule_id, workspace_id, period_start, period_end, status, error) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          id,
          rule.id,
          ws.id,
          new Date(first.start.getTime() - i * week),
          new Date(first.end.getTime() - i * week),
          i === 2 ? 'failed' : 'sent',
          i === 2 ? '550 mailbox unavailable' : null,
        ],
      );
    }
    const page1 = await api.get(`${base}/alert-rules/${rule.id}/digests?limit=2`);
    expect(page1.data.map((d: { id: string }) => d.id)).toEqual([ids[2], ids[1]]);
    expect(page1.data[1]).toMatchObject({ status: 'failed', error: '550 mailbox unavailable', sentAt: null });
    const page2 = await api.get(`${base}/alert-rules/${rule.id}/digests?limit=2&cursor=${page1.nextCursor}`);
    expect(page2).toMatchObject({ data: [{ id: ids[0] }], nextCursor: null });
    expect((await api.get(`${base}/alert-rules/${rule.id}/digests?status=failed`)).data).toHaveLength(1);

    const bad = await ctx.app.inject({
      method: 'GET',
      url: `${base}/alert-rules/${rule.id}/digests?status=lost`,
      headers: tenant.headers,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'validation_failed' });
    const other = await seedWorkspace(api, { prompts: 1 });
    const elsewhere = await ctx.app.inject({
      method: 'GET',
      url: `/v1/workspaces/${other.ws.id}/alert-rules/${rule.id}/digests`,
      headers: tenant.headers,
    });
    expect(elsewhere.statusCode).toBe(404);
  });
});
