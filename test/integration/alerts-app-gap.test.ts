/**
 * The app_gap.changed alert end to end: after an audit's run, a real worker compares the
 * app-versus-API gap report of the run with that of the audit's previous run and, when the
 * verdict turned or a brand's gap became significant, emails the in-process SMTP server and posts
 * to a local server standing in for Slack — once per run, however often the follow-up runs.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/lib/ids.js';
import { jobIds, RUNS_QUEUE } from '../../src/queues/names.js';
import { createTenant, type TestTenant } from '../factories/index.js';
import { apiClient, seedWorkspace, type ApiClient } from '../helpers/api.js';
import { createTestContext, waitFor, type TestContext } from '../helpers/context.js';
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

/** A completed run of the audit: per configuration, n analysed answers on the prompt, the first k mentioning the brand. */
async function finishedRun(
  ws: { id: string },
  auditId: string,
  promptId: string,
  brandId: string,
  arms: Array<{ config: { id: string; provider: string; model: string }; n: number; k: number }>,
  createdAt: Date,
) {
  const runId = newId();
  const { pool } = ctx.db;
  const total = arms.reduce((s, a) => s + a.n, 0);
  await pool.query(
    `INSERT INTO runs (id, workspace_id, audit_id, status, samples_per_pair, total, succeeded, failed, analyzed, actual_cost_usd, created_at, started_at, finished_at, analyzed_at, followups_done_at)
     VALUES ($1, $2, $3, 'completed', 1, $4, $4, 0, $4, 0, $5, $5, $5, $5, $5)`,
    [runId, ws.id, auditId, total, createdAt],
  );
  let offset = 0;
  for (const arm of arms) {
    const ids = Array.from({ length: arm.n }, () => newId());
    await pool.query(
      `INSERT INTO responses (id, run_id, workspace_id, prompt_id, model_config_id, sample_index, provider, channel, model, config_hash, status, text, analyzed_at, completed_at)
       SELECT u.id, $2, $3, $4, $5, $7 + u.i - 1, $6, 'mock', $8, 'h', 'succeeded', 'answer', now(), now()
         FROM unnest($1::uuid[]) WITH ORDINALITY AS u(id, i)`,
      [ids, runId, ws.id, promptId, arm.config.id, arm.config.provider, offset, arm.config.model],
    );
    offset += arm.n;
    await pool.query(
      `INSERT INTO mentions (response_id, workspace_id, brand_id, count, spans, first_offset, rank, sentiment, sentiment_label, snippet, matched_alias)
       SELECT id, $2, $3, 1, '[[0,6]]', 0, 1, 0, 'neutral', 'answer', 'x' FROM unnest($1::uuid[]) AS id`,
      [ids.slice(0, arm.k), ws.id, brandId],
    );
  }
  return runId;
}

describe('app_gap.changed', () => {
  it('emails and posts to Slack when the API stops being a stand-in for the app, once per run', async () => {
    const { ws, base, prompts, configs } = await seedWorkspace(api, { prompts: 1, brands: ['Acme'] });
    const [brand] = (await api.get(`${base}/brands`)).data;
    const apiConfig = configs[0];
    const appConfig = await api.post(`${base}/model-configs`, {
      name: 'ChatGPT app (mock)',
      provider: 'mock_app',
      model: 'chatgpt',
    });
    const audit = await api.post(`${base}/audits`, {
      name: 'Surfaces',
      promptTags: ['crm'],
      modelConfigIds: [apiConfig.id, appConfig.id],
    });
    const email = `gap-${randomUUID().slice(0, 8)}@example.com`;
    const mailRule = await api.post(`${base}/alert-rules`, {
      name: 'Gap watch',
      channel: 'email',
      email,
      events: ['app_gap.changed'],
    });
    const path = `/services/gap/${randomUUID()}`;
    const slackRule = await api.post(`${base}/alert-rules`, {
      name: 'Gap Slack',
      channel: 'slack',
      slackUrl: slack.script(path, [200]),
      events: ['app_gap.changed'],
    });

    const t0 = new Date(Date.now() - 86_400_000);
    // First run: both surfaces name Acme in half their answers — a good stand-in.
    const first = await finishedRun(
      ws,
      audit.id,
      prompts[0].id,
      brand.id,
      [
        { config: apiConfig, n: 40, k: 20 },
        { config: appConfig, n: 40, k: 20 },
      ],
      t0,
    );
    const before = await api.get(`${base}/reports/app-gap?runId=${first}`);
    expect(before.assistants[0].verdict.status).toBe('stand_in');
    // Nothing to compare with yet: no delivery.
    await ctx.producers.runFinished(first);
    await waitFor(
      async () => !(await ctx.producers.queue(RUNS_QUEUE).getJob(jobIds.runFinished(first))),
      'the first follow-up',
    );
    expect((await api.get(`${base}/alert-rules/${mailRule.id}/deliveries`)).data).toHaveLength(0);

    // Second run: the app names Acme in 4 answers of 40, the API still in 20.
    const second = await finishedRun(
      ws,
      audit.id,
      prompts[0].id,
      brand.id,
      [
        { config: apiConfig, n: 40, k: 20 },
        { config: appConfig, n: 40, k: 4 },
      ],
      new Date(t0.getTime() + 3_600_000),
    );
    const after = await api.get(`${base}/reports/app-gap?runId=${second}`);
    expect(after.assistants[0].verdict.status).toBe('not_stand_in');
    await ctx.producers.runFinished(second);

    const settled = async (ruleId: string) =>
      waitFor(async () => {
        const page = await api.get(`${base}/alert-rules/${ruleId}/deliveries`);
        return page.data.length && page.data.every((d: { status: string }) => d.status === 'succeeded')
          ? page.data
          : null;
      }, 'the app-gap alert');
    const [delivery] = await settled(mailRule.id);
    expect(delivery).toMatchObject({ eventType: 'app_gap.changed', dedupKey: `app_gap.changed:${second}` });
    expect(delivery.payload.changes.map((c: { kind: string }) => c.kind)).toEqual(['verdict', 'brand']);

    const msg = await smtp.waitFor((m) => m.to === email);
    expect(msg.subject).toContain('The app-versus-API gap changed');
    expect(msg.text).toContain(
      'ChatGPT: the API is no longer a stand-in. The API is not a stand-in for the ChatGPT app',
    );
    expect(msg.text).toContain(
      'ChatGPT · Acme: mention rate 50.0% on the API (n=40) and 10.0% in the app (n=40), 40 points lower',
    );
    expect(msg.text).toContain(`https://citewatch.example/dashboard/#/w/${ws.id}/app-gap?run=${second}`);

    await settled(slackRule.id);
    const [post] = slack.at(path);
    const body = JSON.parse(post!.body);
    expect(body.text).toContain('The app-versus-API gap changed');
    expect(body.blocks[1].text.text).toContain('ChatGPT · Acme: mention rate 50.0% on the API');

    // The follow-up again: nothing more.
    await ctx.producers.runFinished(second);
    await waitFor(
      async () => !(await ctx.producers.queue(RUNS_QUEUE).getJob(jobIds.runFinished(second))),
      'the repeated follow-up',
    );
    expect((await api.get(`${base}/alert-rules/${mailRule.id}/deliveries`)).data).toHaveLength(1);
    expect(smtp.messages.filter((m) => m.to === email)).toHaveLength(1);
    expect(slack.at(path)).toHaveLength(1);
  });
});
